#!/usr/bin/python3
"""reports_utf8.py: reports.py through PtyTerm in zh_CN.UTF-8."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reports  # noqa: E402
import tuitest  # noqa: E402

reports.run(tuitest.PtyTerm, "zh_CN.UTF-8", ascii=False)
