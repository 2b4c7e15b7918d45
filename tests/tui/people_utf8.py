#!/usr/bin/python3
"""people_utf8.py: people.py through PtyTerm in zh_CN.UTF-8."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import people  # noqa: E402
import tuitest  # noqa: E402

people.run(tuitest.PtyTerm, "zh_CN.UTF-8")
