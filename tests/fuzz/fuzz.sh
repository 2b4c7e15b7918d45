#!/bin/sh
# fuzz.sh: `make fuzz`.  Builds every fuzz target with clang and libFuzzer
# (-fsanitize=fuzzer,address,undefined) in fuzz-build/ of the build tree,
# then runs each for FUZZ_SECONDS (60) in turn, one at a time, from its
# corpus in tests/fuzz/TARGET/corpus.  New inputs go to
# fuzz-build/TARGET-corpus (merge the interesting ones into the kept
# corpus by hand: libFuzzer's -merge=1); a crash is written to
# tests/fuzz/TARGET/crashes/ so that, once fixed, `make check` replays it.
# Each run appends a line to fuzz-build/stats.tsv: date, target, seconds,
# executions, result.
#
#   make fuzz                           every target, 60 s each
#   make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS=csv
#
# Makefile.am passes: srcdir, builddir, FUZZ_CC, FUZZ_CPPFLAGS,
# FUZZ_LOCALEDIR, FUZZ_PKGDATADIR, FUZZ_CFLAGS (the libraries' flags), FUZZ_LIBS, FUZZ_SOURCES (libyibao's
# sources), FUZZ_TARGETS.
set -u
: "${srcdir:?}" "${builddir:?}" "${FUZZ_TARGETS:?}" "${FUZZ_SOURCES:?}"
FUZZ_CC=${FUZZ_CC:-clang}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
out="$builddir/fuzz-build"

if ! command -v "$FUZZ_CC" >/dev/null 2>&1; then
	echo "fuzz.sh: $FUZZ_CC is missing: install the Debian packages clang and libclang-rt-14-dev (libFuzzer)" >&2
	exit 1
fi
mkdir -p "$out/obj" || exit 1
probe="$out/probe.c"
echo 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }' >"$probe"
if ! "$FUZZ_CC" -fsanitize=fuzzer "$probe" -o "$out/probe" 2>/dev/null; then
	echo "fuzz.sh: $FUZZ_CC cannot link libFuzzer: install the Debian package libclang-rt-14-dev" >&2
	exit 1
fi

# compile SRC OBJ [FLAGS...]: only when the source or a header is newer.
compile() {
	src=$1 obj=$2
	shift 2
	if [ -f "$obj" ] && [ -z "$(find "$src" -newer "$obj")" ] &&
	    [ -z "$(find "$srcdir/src" "$srcdir/tests/fuzz" "$builddir/src" \
	    "$builddir/config.h" \( -name '*.h' -o -name '*.inc' \) \
	    -newer "$obj" 2>/dev/null | head -n 1)" ]; then
		return 0
	fi
	echo "  CC (fuzz) $src"
	# shellcheck disable=SC2086
	"$FUZZ_CC" -g -O1 $SAN "$@" $FUZZ_CPPFLAGS \
	    -DLOCALEDIR="\"$FUZZ_LOCALEDIR\"" \
	    -DPKGDATADIR="\"$FUZZ_PKGDATADIR\"" \
	    $FUZZ_CFLAGS -c "$src" -o "$obj"
}

objs=
for s in $FUZZ_SOURCES; do
	case $s in *.c) ;; *) continue ;; esac
	o="$out/obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')"
	compile "$srcdir/$s" "$o" -fsanitize=fuzzer-no-link || exit 1
	objs="$objs $o"
done
compile "$srcdir/tests/fuzz/common.c" "$out/obj/fuzz_common.o" || exit 1

status=0
for t in $FUZZ_TARGETS; do
	compile "$srcdir/tests/fuzz/$t.c" "$out/obj/fuzz_$t.o" \
	    -fsanitize=fuzzer-no-link || exit 1
	# shellcheck disable=SC2086
	"$FUZZ_CC" -fsanitize=fuzzer $SAN "$out/obj/fuzz_$t.o" \
	    "$out/obj/fuzz_common.o" $objs $FUZZ_LIBS -o "$out/$t" || exit 1
	mkdir -p "$out/$t-corpus" "$srcdir/tests/fuzz/$t/crashes"
	echo "fuzz.sh: $t for $FUZZ_SECONDS s"
	YIBAO_POLICY_DIR="$srcdir/data/policy" "$out/$t" \
	    -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 \
	    -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix="$srcdir/tests/fuzz/$t/crashes/" \
	    "$out/$t-corpus" "$srcdir/tests/fuzz/$t/corpus" \
	    >"$out/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log")
	if [ $rc -eq 0 ]; then
		result=ok
	else
		result="crash (exit $rc): see $out/$t.log"
		status=1
	fi
	printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$t" \
	    "$FUZZ_SECONDS" "${execs:-?}" "$result" >>"$out/stats.tsv"
	echo "fuzz.sh: $t: ${execs:-?} executions, $result"
done
exit $status
