#!/usr/bin/python3
"""enrol_utf8.py: enrol.py through PtyTerm in zh_CN.UTF-8."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import enrol  # noqa: E402
import tuitest  # noqa: E402

enrol.run(tuitest.PtyTerm, "zh_CN.UTF-8")
