#!/usr/bin/python3
"""admin_utf8.py: admin.py through PtyTerm in zh_CN.UTF-8."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import admin  # noqa: E402
import tuitest  # noqa: E402

admin.run(tuitest.PtyTerm, "zh_CN.UTF-8")
