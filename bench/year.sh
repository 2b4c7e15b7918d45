#!/bin/sh
# year.sh [RESIDENTS] [SEED] [RUNS]: the commands whose speed depends on a
# year of work, on the county of gen-county.sh (PAYING passed on to it):
# `report day` of the busiest payment day, `report enrolment` of the year,
# the exports of the year's payments, settlements and registrations, and
# `yibao claim settle` of one claim (on a copy of the database, each for a
# different person among those with the most claims of the year).  Each a
# whole process (start, log in, work, print), median wall-clock
# milliseconds of RUNS runs (default 5) and the peak resident memory of
# the median run (/usr/bin/time; time(1) itself adds about 1 ms).  Then
# find.sh and tui-speed.sh on the same database (COUNTY_DB), unless
# ONLY=year.  Run from the build tree of an optimized build.
set -eu

ROWS=${1:-1000000}
SEED=${2:-2021}
RUNS=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
case $YIBAO in /*) ;; *) YIBAO=$(pwd)/$YIBAO ;; esac
DIR=${YIBAO_BENCH_DIR:-/tmp/yibao-bench}
DB=$(YIBAO="$YIBAO" "$HERE/gen-county.sh" "$ROWS" "$SEED")
export YIBAO_PASSWORD_FILE="$DIR/pw" YIBAO_OPERATOR=admin \
    YIBAO_TODAY=2022-01-31
T="$DIR/year-times"

# run NAME DB CMD...: RUNS runs; one "ms kib" line each into $T.NAME
run() {
	name=$1 db=$2
	shift 2
	: >"$T.$name"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		s=$(date +%s%N)
		YIBAO_DB=$db /usr/bin/time -f %M -o "$T.kib" "$@" >/dev/null \
		    2>"$T.err" || { cat "$T.err" >&2; exit 1; }
		e=$(date +%s%N)
		echo "$(( (e - s) / 1000 )) $(tail -n 1 "$T.kib")" >>"$T.$name"
		i=$((i + 1))
	done
}
# row WHAT NAME [ROWS]: the median line of $T.NAME as a table row
row() {
	sort -n "$T.$2" | awk -v n="$RUNS" -v w="$1" -v r="${3:-}" \
	    'NR == int((n + 1) / 2) { printf "| %s | %s | %.1f | %.1f |\n",
	    w, r, $1 / 1000, $2 / 1024 }'
}
q() { sqlite3 "$DB" "$1"; }

busiest=$(q "SELECT paid_on FROM payment GROUP BY paid_on
    ORDER BY count(*) DESC, paid_on LIMIT 1")
lines=$(q "SELECT count(*) FROM payment WHERE paid_on = '$busiest'")
run day "$DB" "$YIBAO" report day --date "$busiest"
run enrol "$DB" "$YIBAO" report enrolment --year 2021
run pay "$DB" "$YIBAO" export payments --year 2021 -o "$DIR/year-out.csv"
n_pay=$(($(wc -l <"$DIR/year-out.csv") - 1))
run set "$DB" "$YIBAO" export settlements --year 2021 -o "$DIR/year-out.csv"
n_set=$(($(wc -l <"$DIR/year-out.csv") - 1))
run reg "$DB" "$YIBAO" export registrations --year 2021 \
    -o "$DIR/year-out.csv"
n_reg=$(($(wc -l <"$DIR/year-out.csv") - 1))

# One claim for each of the RUNS people with the most claims of the year,
# on a copy: the year-to-date sums read all their earlier claims.
WORK="$DIR/year-work.db"
rm -f "$WORK" "$WORK-wal" "$WORK-shm"
cp "$DB" "$WORK"
# The copy's dirty pages out first, or the first commits wait for them.
sync
q "SELECT id_number FROM claim GROUP BY id_number
    ORDER BY count(*) DESC, id_number LIMIT $RUNS" >"$DIR/year-people"
most=$(q "SELECT count(*) FROM claim GROUP BY id_number
    ORDER BY count(*) DESC LIMIT 1")
: >"$T.settle"
while read -r id; do
	s=$(date +%s%N)
	YIBAO_DB=$WORK /usr/bin/time -f %M -o "$T.kib" "$YIBAO" claim settle \
	    "$id" --kind inpatient --admitted 2021-12-20 \
	    --discharged 2021-12-27 --hospital 县人民医院 --level 2 \
	    --total 8000 --out-of-list 400 --class-b 900 >/dev/null
	e=$(date +%s%N)
	echo "$(( (e - s) / 1000 )) $(tail -n 1 "$T.kib")" >>"$T.settle"
done <"$DIR/year-people"
rm -f "$WORK" "$WORK-wal" "$WORK-shm" "$DIR/year-out.csv"

echo "county: $(q 'SELECT count(*) FROM resident') residents," \
    "$(q 'SELECT count(*) FROM payment') payment lines," \
    "$(q 'SELECT count(*) FROM claim') claims," \
    "$(q 'SELECT count(*) FROM offsite_registration') registrations;" \
    "load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| command | rows | median ms | peak MiB |\n|---|---|---|---|\n'
row "report day --date $busiest" day "$lines payment lines"
row "report enrolment --year 2021" enrol
row "export payments --year 2021" pay "$n_pay"
row "export settlements --year 2021" set "$n_set"
row "export registrations --year 2021" reg "$n_reg"
row "claim settle, one inpatient claim" settle "after $most claims"
rm -f "$T".*

[ "${ONLY:-}" != year ] || exit 0
COUNTY_DB=$DB YIBAO=$YIBAO "$HERE/find.sh" "$ROWS"
COUNTY_DB=$DB YIBAO=$YIBAO "$HERE/tui-speed.sh" "$ROWS"
