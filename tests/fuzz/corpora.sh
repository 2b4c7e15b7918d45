#!/bin/sh
# corpora.sh: replay every kept fuzz input (corpus and crash reproducers)
# through each target built with the normal compiler and tests/fuzz/driver.c
# (make check).  A crash found by `make fuzz` and fixed stays fixed here.
# The targets come from FUZZ_TARGETS (Makefile.am); each has a program
# tests/fuzz/TARGET-run beside this script in the build tree.
: "${top_srcdir:?set top_srcdir to the source tree}"
: "${FUZZ_TARGETS:?set FUZZ_TARGETS to the fuzz targets}"

fails=0
for t in $FUZZ_TARGETS; do
	log=$(./tests/fuzz/"$t"-run "$top_srcdir/tests/fuzz/$t/corpus" \
	    "$top_srcdir/tests/fuzz/$t/crashes" 2>&1)
	rc=$?
	if [ $rc -ne 0 ]; then
		fails=$((fails + 1))
		printf 'FAIL: fuzz target %s (exit %d); the last input named is the one:\n%s\n' \
		    "$t" "$rc" "$(echo "$log" | tail -n 20)"
	else
		echo "$t: $(echo "$log" | tail -n 1)"
	fi
done
[ $fails -eq 0 ]
