#!/usr/bin/python3
"""claims_gb18030.py: claims.py through PtyTerm in zh_CN.GB18030."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims  # noqa: E402
import tuitest  # noqa: E402

claims.run(tuitest.PtyTerm, "zh_CN.GB18030")
