#!/usr/bin/python3
"""paybatch_gb18030.py: paybatch.py through PtyTerm in zh_CN.GB18030."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paybatch  # noqa: E402
import tuitest  # noqa: E402

paybatch.run(tuitest.PtyTerm, "zh_CN.GB18030")
