#!/usr/bin/python3
"""period_gb18030.py: period.py through PtyTerm in zh_CN.GB18030."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import period  # noqa: E402
import tuitest  # noqa: E402

period.run(tuitest.PtyTerm, "zh_CN.GB18030")
