#!/bin/sh
# crash.sh: the short version of tests/crash/crash.sh for make check: a few
# SIGKILLs during an import, a household payment, a claim settlement, a
# hub apply and a sync apply, each followed by the checks that the
# database is whole.  The long run (50 and more kills each) is
# tests/crash/crash.sh itself; see RELIABILITY.md.
: "${top_srcdir:?set top_srcdir to the source tree}"
CRASH_TRIALS=${CRASH_TRIALS:-5} CRASH_IMPORT_ROWS=${CRASH_IMPORT_ROWS:-1000} \
	exec sh "$top_srcdir/tests/crash/crash.sh"
