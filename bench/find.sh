#!/bin/sh
# find.sh [ROWS] [RUNS]: `yibao resident find` on a county of ROWS
# residents (bench/county-db.sh), by full ID number, by its last digits, by
# a name and by pinyin initials: the whole process (start, log in, query,
# print), median wall-clock milliseconds of RUNS runs (default 1,000,000
# and 21).  Goal (issues 7 and 10): a
# find within 50 ms on a million residents.
set -eu

ROWS=${1:-1000000}
RUNS=${2:-21}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
DB=$("$HERE/county-db.sh" "$ROWS")
DIR=$(dirname "$DB")
export YIBAO_DB="$DB" YIBAO_PASSWORD_FILE="$DIR/pw" YIBAO_OPERATOR=admin \
    YIBAO_TODAY=2021-06-01

# Queries taken from the database itself, so they find someone.
id=$(sqlite3 "$DB" "SELECT id_number FROM resident ORDER BY id_number
    LIMIT 1 OFFSET $((ROWS / 2))")
last=$(echo "$id" | cut -c13-18)
name=$(sqlite3 "$DB" "SELECT name FROM resident WHERE id_number = '$id'")
initials=$(sqlite3 "$DB" "SELECT initials FROM resident WHERE id_number =
    '$id'")

ms() {	# ms CMD...: median milliseconds of RUNS runs
	i=0
	: >"$DIR/times"
	while [ "$i" -lt "$RUNS" ]; do
		s=$(date +%s%N)
		"$@" >/dev/null
		echo $(( ($(date +%s%N) - s) / 1000 )) >>"$DIR/times"
		i=$((i + 1))
	done
	sort -n "$DIR/times" | awk -v n="$RUNS" 'NR == int((n + 1) / 2) {
	    printf "%.1f", $1 / 1000 }'
}

printf '%-34s %10s %8s\n' "find on $ROWS residents" "query" "median ms"
for q in "$id" "$last" "$name" "$initials"; do
	case $q in
	"$id") what="full ID number" ;;
	"$last") what="last six digits" ;;
	"$name") what="name" ;;
	*) what="pinyin initials" ;;
	esac
	n=$("$YIBAO" resident find "$q" | tail -n +2 | wc -l)
	printf '%-34s %10s %8s\n' "$what ($n found)" "$q" \
	    "$(ms "$YIBAO" resident find "$q")"
done
printf '%-34s %10s %8s\n' "start and log in only (yibao report day)" "" \
    "$(ms "$YIBAO" report day)"
