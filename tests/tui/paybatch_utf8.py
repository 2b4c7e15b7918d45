#!/usr/bin/python3
"""paybatch_utf8.py: paybatch.py through PtyTerm in zh_CN.UTF-8."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paybatch  # noqa: E402
import tuitest  # noqa: E402

paybatch.run(tuitest.PtyTerm, "zh_CN.UTF-8")
