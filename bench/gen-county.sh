#!/bin/sh
# gen-county.sh [RESIDENTS] [SEED]: make (once) the database of a county
# with a year of work, everything through the real binary, and print its
# path.  Default 1,000,000 residents, seed 2021.
#
# gen-roster.py writes the roster and gen-year.py the year's files (see
# there); then, as an office would: the roster imported on 2020-08-31
# (those born later in 2020 on 2021-01-05), the departments' lists of
# hardship categories (`import categories`), each day's collected
# contributions (`pay --batch`, a file a day, each household on its own
# receipt), the off-site registrations (`offsite file`, on their days, JOBS
# processes at once, default 2) and each month's claims (`claim settle
# --batch`, late in the next month).
#
# PAYING=N pays for only N households (chosen at random; the
# registrations and claims are theirs), for a smaller year quickly.
#
# Kept in $YIBAO_BENCH_DIR (default /tmp/yibao-bench) as
# county-year-RESIDENTS-SEED[-pPAYING].db and reused once complete; the
# time of each step is in the .log beside it.  Run from the build tree
# (./yibao) of an optimized build, or set YIBAO to the binary.
set -eu

ROWS=${1:-1000000}
SEED=${2:-2021}
PAYING=${PAYING:-0}
JOBS=${JOBS:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
case $YIBAO in /*) ;; *) YIBAO=$(pwd)/$YIBAO ;; esac
DIR=${YIBAO_BENCH_DIR:-/tmp/yibao-bench}
NAME=county-year-$ROWS-$SEED
[ "$PAYING" = 0 ] || NAME=$NAME-p$PAYING
DB="$DIR/$NAME.db"
WORK="$DIR/$NAME.d"
LOG="$DIR/$NAME.log"

mkdir -p "$DIR"
echo secret >"$DIR/pw"
if [ -f "$DB" ] && [ -f "$LOG" ] && grep -q '^complete' "$LOG"; then
	echo "$DB"
	exit 0
fi
rm -rf "$DB" "$DB-wal" "$DB-shm" "$WORK"
mkdir -p "$WORK"
export YIBAO_DB="$DB.tmp" YIBAO_PASSWORD_FILE="$DIR/pw" YIBAO_OPERATOR=admin
rm -f "$YIBAO_DB" "$YIBAO_DB-wal" "$YIBAO_DB-shm"
: >"$LOG"

T0=$(date +%s.%N)
T=$T0
step() {	# step WHAT: the time since the last step, into the log
	now=$(date +%s.%N)
	printf '%s\t%.1f s\n' "$1" "$(echo "$T $now" | awk '{ print $2 - $1 }')" |
	    tee -a "$LOG" >&2
	T=$now
}
at() {	# at DAY CMD...: yibao on that day, its report to the log
	d=$1
	shift
	YIBAO_TODAY=$d "$YIBAO" "$@" >>"$WORK/out.txt"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$LOG"
python3 "$HERE/gen-roster.py" -n "$ROWS" --seed "$SEED" -o "$WORK/roster.csv"
python3 "$HERE/gen-year.py" "$WORK/roster.csv" "$WORK" --seed "$SEED" \
    --paying "$PAYING"
step "generate the files"

at 2020-08-20 --db "$YIBAO_DB" init --site 370402 --admin admin \
    --password-file "$DIR/pw"
at 2020-08-20 policy use demo
at 2020-08-31 import residents "$WORK/roster-before.csv"
step "import residents ($(($(wc -l <"$WORK/roster-before.csv") - 1)))"

for f in "$WORK"/cat-*.csv; do
	code=${f##*/cat-}
	code=${code%.csv}
	case $code in
	registered_poor) dept=县乡村振兴局 ;;
	severe_disability) dept=县残疾人联合会 ;;
	*) dept=县民政局 ;;
	esac
	[ "$(wc -l <"$f")" -gt 1 ] || continue
	at 2020-08-31 import categories "$f" --category "$code" \
	    --valid-from 2020-01-01 --department "$dept"
done
step "import categories ($(cat "$WORK"/cat-*.csv | grep -vc 身份证))"

# A collector's list a day, as yibao pay --batch takes it: one row a
# person, the household's line in pay.txt as its group (its receipt).  A
# refused file is kept, not fatal (its day is then unpaid).
awk -v dir="$WORK" '{
	f = dir "/pay-" $1 ".csv"
	if (!(f in seen)) { seen[f] = 1; print "group,id" > f }
	for (i = 2; i <= NF; i++) print NR "," $i > f
}' "$WORK/pay.txt"
export FAILED="$WORK/pay-failed.txt"
: >"$FAILED"
: >"$FAILED.msg"
for f in "$WORK"/pay-2*.csv; do
	d=${f##*/pay-}
	d=${d%.csv}
	YIBAO_TODAY=$d "$YIBAO" pay --batch "$f" >"$WORK/pay-out.txt" \
	    2>>"$FAILED.msg" || echo "$f" >>"$FAILED"
	tail -n 1 "$WORK/pay-out.txt" >>"$WORK/out.txt"
done
step "pay --batch ($(ls "$WORK"/pay-2*.csv | wc -l) daily files, $(wc -l \
    <"$WORK/pay.txt") households, $(cat "$WORK"/pay-2*.csv | grep -vc \
    ^group,) persons, $(wc -l <"$FAILED") files refused)"

at 2021-01-05 import residents "$WORK/newborns.csv"
step "import newborns ($(($(wc -l <"$WORK/newborns.csv") - 1)))"

export FAILED="$WORK/offsite-failed.txt"
: >"$FAILED"
: >"$FAILED.msg"
# shellcheck disable=SC2016
xargs -P "$JOBS" -L 1 sh -c 'd=$1; shift
    YIBAO_TODAY=$d "$0" offsite file "$@" >/dev/null 2>>"$FAILED.msg" ||
    echo "$d $*" >>"$FAILED"' "$YIBAO" <"$WORK/offsite.txt" || true
step "offsite file ($(wc -l <"$WORK/offsite.txt"), $(wc -l <"$FAILED") refused)"

# Each month's claims late in the next month, so every stay has ended.
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
	case $m in
	12) day=2022-01-26 ;;
	*) day=$(printf '2021-%02d-26' $((${m#0} + 1))) ;;
	esac
	at "$day" claim settle --batch "$WORK/claims-$m.csv"
done
step "claim settle --batch ($(cat "$WORK"/claims-*.csv | grep -vc ^id,))"

sqlite3 "$YIBAO_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
for t in resident household person_category payment offsite_registration \
    claim audit_log sync_outbox; do
	printf '%s\t%s\n' "$t" "$(sqlite3 "$YIBAO_DB" "SELECT count(*) FROM $t" \
	    2>/dev/null || echo -)" >>"$LOG"
done
printf 'size\t%s bytes\n' "$(wc -c <"$YIBAO_DB")" >>"$LOG"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$LOG"
T=$T0
step complete
mv "$YIBAO_DB" "$DB"
echo "$DB"
