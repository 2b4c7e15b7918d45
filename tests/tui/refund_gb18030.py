#!/usr/bin/python3
"""refund_gb18030.py: refund.py through PtyTerm in zh_CN.GB18030."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refund  # noqa: E402
import tuitest  # noqa: E402

refund.run(tuitest.PtyTerm, "zh_CN.GB18030")
