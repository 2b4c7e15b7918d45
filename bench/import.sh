#!/bin/sh
# import.sh: `yibao import residents` against sqlite3's .import of the same
# rows (converted to UTF-8) into a table with the resident table's indexes.
#
#     bench/import.sh [ROWS] [RUNS]      (defaults 1000000 and 3)
#
# ONLY=sqlite in the environment measures the sqlite3 side alone.
# Run from the build tree (./yibao).  Prints the median of RUNS runs of
# each, wall-clock seconds and peak resident memory (from /usr/bin/time -v
# when installed, else wall-clock only from the shell).  Goal (issue 6):
# yibao within twice .import's time, all validation included, with memory
# flat whatever the size.
set -eu

ROWS=${1:-1000000}
RUNS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
W=$(mktemp -d "${TMPDIR:-/tmp}/yibao-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT

python3 "$HERE/gen-roster.py" -n "$ROWS" -o "$W/roster.csv"
iconv -f GB18030 -t UTF-8 "$W/roster.csv" >"$W/roster-utf8.csv"
echo "roster: $ROWS rows, $(wc -c <"$W/roster.csv") bytes GB18030" >&2

# A table keyed by the ID number with four more indexes, as many as the
# resident table has (name, initials, reversed ID, village); .import cannot
# compute initials or a reversed ID, so the household and head columns are
# indexed in their place.  yibao writes more than this: the household and
# membership tables and an audit line per record (bench/README.md).
cat >"$W/schema.sql" <<'SQL'
CREATE TABLE roster (
	id_number TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,
	household TEXT, head TEXT, relation TEXT, village TEXT NOT NULL,
	residence TEXT, phone TEXT
) WITHOUT ROWID;
CREATE INDEX roster_name ON roster (name);
CREATE INDEX roster_village ON roster (village);
CREATE INDEX roster_household ON roster (household);
CREATE INDEX roster_head ON roster (head);
SQL

# timed NAME CMD...: one run; appends "seconds kilobytes" to $W/NAME.
timed() {
	name=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$W/one" "$@" >/dev/null 2>"$W/err" ||
			{ cat "$W/err" >&2; return 1; }
		cat "$W/one" >>"$W/$name"
	else
		s=$(date +%s.%N)
		"$@" >/dev/null 2>"$W/err" || { cat "$W/err" >&2; return 1; }
		echo "$(echo "$(date +%s.%N) - $s" | bc) 0" >>"$W/$name"
	fi
}

median() {
	sort -n -k"$2" "$W/$1" | awk -v k="$2" '{ v[NR] = $k }
	    END { print v[int((NR + 1) / 2)] }'
}


# fresh_office: an empty office database $W/y.db.
fresh_office() {
	rm -f "$W/y.db" "$W/y.db-wal" "$W/y.db-shm"
	echo secret >"$W/pw"
	YIBAO_TODAY=2021-06-01 "$YIBAO" --db "$W/y.db" init --site 370402 \
	    --admin admin --password-file "$W/pw" >/dev/null
}

# yibao's side only when its import works on a hundred rows.
head -101 "$W/roster.csv" >"$W/small.csv"
fresh_office
if [ "${ONLY:-}" = sqlite ]; then
	have_yibao=0
elif YIBAO_TODAY=2021-06-01 YIBAO_DB="$W/y.db" YIBAO_PASSWORD_FILE="$W/pw" \
    YIBAO_OPERATOR=admin "$YIBAO" import residents "$W/small.csv" \
    >/dev/null 2>&1; then
	have_yibao=1
else
	have_yibao=0
fi

for i in $(seq "$RUNS"); do
	timed sqlite sh -c "$(command -v sqlite3) '$W/s.db' '.read $W/schema.sql' '.import --csv --skip 1 $W/roster-utf8.csv roster'" ||
		exit 1
	rm -f "$W/s.db"
	if [ "$have_yibao" = 1 ]; then
		fresh_office
		timed yibao env YIBAO_TODAY=2021-06-01 YIBAO_DB="$W/y.db" \
		    YIBAO_PASSWORD_FILE="$W/pw" YIBAO_OPERATOR=admin \
		    "$YIBAO" import residents "$W/roster.csv" || exit 1
	fi
done

printf '%-28s %10s %12s\n' "median of $RUNS, $ROWS rows" "seconds" "peak RSS KiB"
printf '%-28s %10s %12s\n' "sqlite3 .import (UTF-8)" "$(median sqlite 1)" "$(median sqlite 2)"
if [ "$have_yibao" = 1 ]; then
	printf '%-28s %10s %12s\n' "yibao import (GB18030)" "$(median yibao 1)" "$(median yibao 2)"
	awk -v y="$(median yibao 1)" -v s="$(median sqlite 1)" \
	    'BEGIN { printf "ratio yibao / sqlite3: %.2f (goal <= 2)\n", y / s }'
else
	echo "yibao import residents not measured (ONLY=sqlite, or it fails on 100 rows)"
fi
