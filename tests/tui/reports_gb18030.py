#!/usr/bin/python3
"""reports_gb18030.py: reports.py through PtyTerm in zh_CN.GB18030."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reports  # noqa: E402
import tuitest  # noqa: E402

reports.run(tuitest.PtyTerm, "zh_CN.GB18030", ascii=False)
