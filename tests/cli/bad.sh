#!/bin/sh
# bad.sh: the bad-input catalogue (tests/bad/README, the format).  Every case runs the
# real binary on one office database (tests/bad/office.sh) and must give
# exactly its exit status and its message, and leave the database exactly
# as it was: `sqlite3 .dump` before and after are compared.
#
# BAD_PRINT=1 prints each case with what the program did instead of
# checking it (to write a new case: run, read, paste what is right).
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/bad/office.sh"
need_locale zh_CN.utf8

office "$T/o.db" || exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=li
# The files are copied: a case must not write even next to them.
cp -R "$top_srcdir/tests/bad/files" "$T/files" && chmod -R u+w "$T/files" || exit 99
export YIBAO_TODAY=2021-06-01 BAD="$T/files" T
dump() {
	sqlite3 "$T/o.db" .dump
}
sqlite3 "$T/o.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
before=$(dump) || exit 99
cases=0

# The folders in messages, as the cases write them.
paths() {
	sed -e "s|$BAD|\\\$BAD|g" -e "s|$YIBAO_POLICY_DIR|\\\$POLICY_DIR|g" \
	    -e "s|$T|\\\$T|g"
}

# one FILE LINE: a case; `yibao` in its command is the binary under test,
# words before it are the environment (VAR=value).
one() {
	file=$1 line=$2
	want_status=$(printf '%s' "$line" | cut -f1)
	cmd=$(printf '%s' "$line" | cut -f2)
	want_err=$(printf '%s' "$line" | cut -f3 | sed 's/\\n/\n/g')
	want_out=$(printf '%s' "$line" | cut -f4- | sed 's/\\n/\n/g')
	eval "set -- $cmd"
	envs=
	while [ $# -gt 0 ] && [ "$1" != yibao ]; do
		envs="$envs $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	run env $envs "$YIBAO" "$@" </dev/null
	err=$(printf '%s' "$err" | paths)
	out=$(printf '%s' "$out" | paths)
	cases=$((cases + 1))
	name="$(basename "$file"): $cmd"
	if [ -n "${BAD_PRINT:-}" ]; then
		printf '%s\t%s\t%s' "$status" "$cmd" \
		    "$(printf '%s' "$err" | sed ':a;N;$!ba;s/\n/\\n/g')"
		[ -n "$out" ] && printf '\t%s' \
		    "$(printf '%s' "$out" | sed ':a;N;$!ba;s/\n/\\n/g')"
		printf '\n'
		return
	fi
	check "$name: status" "$want_status" "$status"
	check "$name: message" "$want_err" "$err"
	check "$name: output" "$want_out" "$out"
	# Nothing written: the same dump as before the first case.
	after=$(dump)
	check "$name: database unchanged" "$before" "$after"
}

for f in "$top_srcdir"/tests/bad/*.cases; do
	case $f in
	*zh_CN.cases) LC_ALL=zh_CN.UTF-8 ;;
	*) LC_ALL=C.UTF-8 ;;
	esac
	export LC_ALL
	while IFS= read -r line; do
		case $line in '' | '#'*) continue ;; esac
		one "$f" "$line"
	done <"$f"
done
# The catalogue's own files were only read (no -wal or -journal beside
# not-a-db, nothing rewritten).
check "files unchanged" "" "$(diff -r "$top_srcdir/tests/bad/files" "$BAD")"
echo "$cases cases"
finish
