#!/usr/bin/python3
"""period_utf8.py: period.py through PtyTerm in zh_CN.UTF-8."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import period  # noqa: E402
import tuitest  # noqa: E402

period.run(tuitest.PtyTerm, "zh_CN.UTF-8")
