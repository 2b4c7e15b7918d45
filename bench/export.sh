#!/bin/sh
# export.sh [ROWS] [RUNS]: `yibao export residents` of the county database
# of county-db.sh (GB18030, Excel's tab after the numbers, through the ops
# and their checks) beside sqlite3's `.mode csv` `.once` of the same query
# (the same columns, joins and order, UTF-8, no conversion), and beside
# that sqlite3 output converted to GB18030 by iconv(1), so the conversion's
# share shows.  Median wall-clock seconds of RUNS runs (default 3) and peak
# resident memory (/usr/bin/time).  Run from an optimized build tree.
set -eu

ROWS=${1:-1000000}
RUNS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
DIR=${YIBAO_BENCH_DIR:-/tmp/yibao-bench}
DB=$(YIBAO="$YIBAO" "$HERE/county-db.sh" "$ROWS")
export YIBAO_TODAY=2021-06-01 YIBAO_DB="$DB" YIBAO_PASSWORD_FILE="$DIR/pw" \
    YIBAO_OPERATOR=admin

# db/export.c's query for the year 2021, all villages.
SQL="SELECT r.id_number, r.name, r.sex, r.birth, h.number,
 (SELECT hh.id_number FROM household_member hh WHERE hh.household = h.key
  AND hh.left_on IS NULL AND hh.relation = 'head'),
 m.relation, r.village, r.residence, r.insured_category,
 (SELECT group_concat(category, ',') FROM (SELECT DISTINCT c.category
  FROM person_category c WHERE c.id_number = r.id_number
  AND c.valid_from <= '2021-12-31' AND (c.valid_to IS NULL
  OR c.valid_to >= '2021-01-01'))),
 r.phone, r.status, r.ended_on
FROM resident r
LEFT JOIN household_member m ON m.id_number = r.id_number AND m.left_on IS NULL
LEFT JOIN household h ON h.key = m.household
WHERE r.ended_on IS NULL OR r.ended_on >= '2021-01-01'
ORDER BY r.village, h.number IS NULL, h.number, m.relation IS NOT 'head',
 r.id_number;"

# measure NAME CMD...: one run; appends "seconds kib" to $DIR/export-NAME.
measure() {
	name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$DIR/export-time" "$@" >/dev/null 2>&1
	cat "$DIR/export-time" >>"$DIR/export-$name"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for n in yibao sqlite iconv; do : >"$DIR/export-$n"; done
for r in $(seq "$RUNS"); do
	measure yibao "$YIBAO" export residents --year 2021 -o "$DIR/export.csv"
	measure sqlite sqlite3 -cmd '.mode csv' -cmd ".once $DIR/export-s.csv" \
	    "$DB" "$SQL"
	measure iconv sh -c "sqlite3 -csv '$DB' \"\$0\" |
	    iconv -f UTF-8 -t GB18030 >'$DIR/export-g.csv'" "$SQL"
done
lines_y=$(($(wc -l <"$DIR/export.csv") - 1))
lines_s=$(wc -l <"$DIR/export-s.csv")

printf '| export of %s residents | rows | median s | peak MiB |\n' "$ROWS"
printf '|---|---|---|---|\n'
for n in yibao sqlite iconv; do
	case $n in
	yibao) what='yibao export residents (GB18030)'; rows=$lines_y ;;
	sqlite) what="sqlite3 .mode csv .once (UTF-8)"; rows=$lines_s ;;
	iconv) what='sqlite3 -csv, then iconv -t GB18030'; rows=$lines_s ;;
	esac
	s=$(cut -d' ' -f1 "$DIR/export-$n" | median)
	m=$(cut -d' ' -f2 "$DIR/export-$n" | median)
	printf '| %s | %s | %.2f | %.1f |\n' "$what" "$rows" "$s" \
	    "$(echo "$m" | awk '{ print $1 / 1024 }')"
done
rm -f "$DIR/export.csv" "$DIR/export-s.csv" "$DIR/export-g.csv" \
    "$DIR/export-time"
