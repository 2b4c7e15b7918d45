# lib.sh: what the command-line tests share.  Sourced, not run.
#
# The build gives $YIBAO (the binary under test) and $top_srcdir.  Each test
# runs in a temporary folder with a fixed date (YIBAO_TODAY) and the Chinese
# catalog compiled from po/zh_CN.po, so it needs no installed files.
set -u

: "${YIBAO:?set YIBAO to the yibao binary}"
: "${top_srcdir:?set top_srcdir to the source tree}"

T=$(mktemp -d "${TMPDIR:-/tmp}/yibao-cli-XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
TAB=$(printf '\t')
fails=0
passes=0

export YIBAO_TODAY=2021-06-01
export YIBAO_DB="$T/default.db"
export HOME="$T/home"
unset XDG_DATA_HOME NO_COLOR
LC_ALL=C.UTF-8
export LC_ALL

# The catalog as the program would find it installed.
mkdir -p "$T/locale/zh_CN/LC_MESSAGES"
msgfmt -o "$T/locale/zh_CN/LC_MESSAGES/yibao.mo" "$top_srcdir/po/zh_CN.po" ||
	exit 99
export YIBAO_LOCALEDIR="$T/locale"

# run CMD...: $out, $err and $status of one command.
run() {
	"$@" >"$T/out" 2>"$T/err"
	status=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

# check NAME WANT GOT
check() {
	if [ "$2" = "$3" ]; then
		passes=$((passes + 1))
	else
		fails=$((fails + 1))
		printf 'FAIL: %s\n--- want\n%s\n--- got\n%s\n---\n' "$1" "$2" "$3"
	fi
}

# need_locale NAME: the Chinese locales come from ./bootstrap.
need_locale() {
	if ! locale -a 2>/dev/null | grep -qix "$1"; then
		echo "FAIL: locale $1 is missing: run ./bootstrap as root" >&2
		exit 1
	fi
}

finish() {
	echo "$passes passed, $fails failed"
	[ "$fails" -eq 0 ]
	exit $?
}
