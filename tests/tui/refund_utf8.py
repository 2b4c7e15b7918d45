#!/usr/bin/python3
"""refund_utf8.py: refund.py through PtyTerm in zh_CN.UTF-8."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refund  # noqa: E402
import tuitest  # noqa: E402

refund.run(tuitest.PtyTerm, "zh_CN.UTF-8")
