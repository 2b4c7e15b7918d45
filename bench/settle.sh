#!/bin/sh
# settle.sh [CLAIMS] [PEOPLE] [RUNS]: saved settlements per second on the
# county database of county-db.sh (a million residents).
#
# Once: a copy of the county database in which about PEOPLE residents
# (default 5,000: whole households, in order of their keys) paid for 2021
# through `yibao pay` (one receipt per household), and
# a batch file of CLAIMS claims (default 100,000) for them, deterministic:
# inpatient at levels 1-3, general outpatient and accident claims, bills of
# 100.00 to 60,099.00, each person about CLAIMS / PEOPLE times, so the
# caps are met within the file.  Then, RUNS times (default 3) on a fresh
# copy of that database: `yibao claim settle --batch` (median wall time),
# and `yibao claim settle` one process per claim for the first 200 claims.
# Run from the build tree (./yibao) of an optimized build.
set -eu

CLAIMS=${1:-100000}
PEOPLE=${2:-5000}
RUNS=${3:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
DIR=${YIBAO_BENCH_DIR:-/tmp/yibao-bench}
SINGLE=200

COUNTY=$(YIBAO="$YIBAO" "$HERE/county-db.sh")
PAID="$DIR/settle-paid-$PEOPLE.db"
BATCH="$DIR/settle-$CLAIMS-$PEOPLE.csv"
WORK="$DIR/settle-work.db"
export YIBAO_PASSWORD_FILE="$DIR/pw" YIBAO_OPERATOR=admin

if [ ! -f "$PAID" ]; then
	echo "paying for $PEOPLE people (once)..." >&2
	cp "$COUNTY" "$PAID.tmp"
	# Whole households (one receipt is for one household), in order of
	# their keys, until PEOPLE people; those born by the day they pay.
	sqlite3 "$PAID.tmp" "
	    SELECT ids FROM (SELECT group_concat(id_number, ' ') AS ids,
	        sum(count(*)) OVER (ORDER BY household) AS upto
	        FROM household_member JOIN resident USING (id_number)
	        WHERE left_on IS NULL AND birth < '2020-11-01'
	        GROUP BY household ORDER BY household)
	    WHERE upto <= $PEOPLE" >"$DIR/settle-households.txt"
	tr ' ' '\n' <"$DIR/settle-households.txt" >"$DIR/settle-people.txt"
	# In the payment period of 2021, so coverage starts on 1 January.
	while read -r ids; do
		# shellcheck disable=SC2086
		YIBAO_TODAY=2020-11-01 YIBAO_DB="$PAID.tmp" "$YIBAO" pay $ids \
		    >/dev/null
	done <"$DIR/settle-households.txt"
	sqlite3 "$PAID.tmp" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	mv "$PAID.tmp" "$PAID"
fi
if [ ! -f "$BATCH" ]; then
	python3 - "$DIR/settle-people.txt" "$CLAIMS" >"$BATCH" <<'PY'
import random, sys
people = open(sys.argv[1]).read().split()
rnd = random.Random(2021)
print("id,kind,admitted,discharged,hospital,level,scope,total,out_of_list,class_b")
for i in range(int(sys.argv[2])):
    p = people[i % len(people)]
    month, day = 1 + i * 5 // int(sys.argv[2]), 1 + rnd.randrange(28)
    kind = rnd.choice(("inpatient", "inpatient", "outpatient", "accident"))
    total = 100 + rnd.randrange(60000 if kind != "outpatient" else 400)
    oul = total * rnd.randrange(10) // 100
    cb = total * rnd.randrange(20) // 100
    if kind == "outpatient":
        print(f"{p},outpatient,2021-{month:02d}-{day:02d},,乡镇卫生院,1,local,{total},{oul},0")
    else:
        print(f"{p},{kind},2021-{month:02d}-{day:02d},2021-{month:02d}-{day:02d},"
              f"县人民医院,{1 + rnd.randrange(3)},local,{total},{oul},{cb}")
PY
fi

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }

: >"$DIR/settle-batch.times"
: >"$DIR/settle-one.times"
for r in $(seq "$RUNS"); do
	cp "$PAID" "$WORK"
	rm -f "$WORK-wal" "$WORK-shm"
	t0=$(now)
	YIBAO_TODAY=2021-06-01 YIBAO_DB="$WORK" "$YIBAO" claim settle \
	    --batch "$BATCH" >/dev/null
	t1=$(now)
	echo "$t0 $t1" | awk '{ print $2 - $1 }' >>"$DIR/settle-batch.times"
	saved=$(sqlite3 "$WORK" 'SELECT count(*) FROM claim')
	[ "$saved" = "$CLAIMS" ] || { echo "only $saved claims saved" >&2; exit 1; }

	# One process per claim: the first $SINGLE rows, as options.
	cp "$PAID" "$WORK"
	rm -f "$WORK-wal" "$WORK-shm"
	sed -n "2,$((SINGLE + 1))p" "$BATCH" >"$DIR/settle-one.csv"
	t0=$(now)
	while IFS=, read -r id kind adm dis hosp lev scope tot oul cb; do
		set -- --kind "$kind" --admitted "$adm" --hospital "$hosp" \
		    --level "$lev" --scope "$scope" --total "$tot" \
		    --out-of-list "$oul" --class-b "$cb"
		[ -z "$dis" ] || set -- "$@" --discharged "$dis"
		YIBAO_TODAY=2021-06-01 YIBAO_DB="$WORK" "$YIBAO" claim settle \
		    "$id" "$@" >/dev/null
	done <"$DIR/settle-one.csv"
	t1=$(now)
	echo "$t0 $t1" | awk '{ print $2 - $1 }' >>"$DIR/settle-one.times"
done
rm -f "$WORK" "$WORK-wal" "$WORK-shm"

b=$(median <"$DIR/settle-batch.times")
o=$(median <"$DIR/settle-one.times")
printf '| how | claims | median s | claims per second |\n'
printf '|-----|--------|----------|-------------------|\n'
printf '| claim settle --batch | %s | %.2f | %.0f |\n' "$CLAIMS" "$b" \
    "$(echo "$CLAIMS $b" | awk '{ print $1 / $2 }')"
printf '| claim settle, one process each | %s | %.2f | %.1f |\n' "$SINGLE" \
    "$o" "$(echo "$SINGLE $o" | awk '{ print $1 / $2 }')"
