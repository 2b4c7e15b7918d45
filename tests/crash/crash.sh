#!/bin/sh
# crash.sh: kill yibao with SIGKILL at random instants while it works, and
# check after every kill that the database is whole (issue 10, "Crash").
#
#   tests/crash/crash.sh [SCENARIO...]
#       (default: import pay settle hubapply syncapply)
#   CRASH_TRIALS=50 (per scenario)  YIBAO=./yibao  top_srcdir=.
#
# Each scenario is three functions, so adding one (the night sync's apply)
# is a few lines: NAME_setup (once, on $DB), NAME_start N (start trial N's
# command in the background: its stdout to $T/out) and NAME_check N
# (after the kill: say what is wrong, nothing if all is well).  Every trial
# is also checked by PRAGMA integrity_check and foreign_key_check.
#
# The kill lands at a random instant between the start and 1.2 times the
# time the command takes when left alone (measured first), so trials cover
# before, during and after its transaction.  Prints one line per scenario:
# trials, how many were killed before they exited, how many had their work
# in the database afterwards, failures.  Exit 1 on any failure.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${YIBAO:=$top_srcdir/yibao}"
: "${YIBAO_POLICY_DIR:=$top_srcdir/data/policy}"
TRIALS=${CRASH_TRIALS:-50}
export YIBAO YIBAO_POLICY_DIR top_srcdir
T=$(mktemp -d "${TMPDIR:-/tmp}/yibao-crash-XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 HOME="$T/home"
. "$top_srcdir/tests/bad/office.sh"
. "$top_srcdir/tests/bad/ids.sh"

DB=$T/o.db
export YIBAO_DB="$DB" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=li
q() {
	sqlite3 "$DB" "$1"
}
# A random integer from 0 to $1 - 1.
random() {
	echo $(( $(od -An -N4 -tu4 /dev/urandom) % $1 ))
}

# ---- import: a roster of ROWS new people in ROWS/4 households -------------
ROWS=${CRASH_IMPORT_ROWS:-2000}

# import_roster N: ROWS people born on day N after 1950-01-01, in fours.
import_roster() {
	awk -v n="$1" -v rows="$ROWS" 'BEGIN {
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		print "身份证号,姓名,户号,户主身份证号,与户主关系,村（社区）,户口性质"
		for (i = 0; i < rows; i++) {
			# 1000 a day: days 2n and 2n+1 of 1950..1977
			d = 2 * n + int(i / 1000)
			y = 1950 + int(d / 336); m = int(d % 336 / 28) + 1
			day = d % 28 + 1
			p = sprintf("370402%04d%02d%02d%03d", y, m, day, i % 1000)
			s = 0
			for (k = 1; k <= 17; k++)
				s += substr(p, k, 1) * w[k]
			id = p substr("10X98765432", s % 11 + 1, 1)
			if (i % 4 == 0)
				head = id
			printf "%s,居民%d-%d,T%d-%d,%s,%s,村%d,农业\n", id, n, i,
			    n, int(i / 4), head, i % 4 ? "子女" : "户主", n % 7
		}
	}'
}
import_counts() {
	q "SELECT (SELECT count(*) FROM resident) || ' ' ||
	    (SELECT count(*) FROM household) || ' ' ||
	    (SELECT count(*) FROM household_member) || ' ' ||
	    (SELECT count(*) FROM audit_log WHERE action LIKE 'import.%')"
}
import_setup() {
	i=0
	while [ $i -le "$TRIALS" ]; do
		import_roster $i >"$T/roster$i.csv"
		i=$((i + 1))
	done
}
import_start() {
	import_before=$(import_counts)
	YIBAO_OPERATOR=admin "$YIBAO" import residents "$T/roster$1.csv" \
	    >"$T/out" 2>"$T/err" &
}
import_check() {
	now=$(import_counts)
	set -- $import_before
	whole="$(($1 + ROWS)) $(($2 + ROWS / 4)) $(($3 + ROWS)) $(($4 + 1))"
	[ "$now" = "$whole" ] && written
	if [ "$now" != "$import_before" ] && [ "$now" != "$whole" ]; then
		echo "half an import: before $import_before, now $now (whole: $whole)"
	fi
	if grep -q '^Read' "$T/out" && [ "$now" != "$whole" ]; then
		echo "the import said it was done but is not in the database"
	fi
}

# ---- pay: a household of three on one receipt -----------------------------
pay_setup() {
	n=$(( (TRIALS + 1) * 3 ))
	roster 1 "$n" | awk -F, 'NR == 1 { print; next }
	    { h = int((NR - 2) / 3); if ((NR - 2) % 3 == 0) head = $1;
	      printf "%s,%s,,P%d,%s,%s,%s,%s\n", $1, $2, h, head,
	      (NR - 2) % 3 ? "子女" : "户主", $7, $8 }' >"$T/payers.csv"
	YIBAO_OPERATOR=admin "$YIBAO" import residents "$T/payers.csv" \
	    >/dev/null || return 1
}
pay_ids() {
	k=$(( $1 * 3 + 1 ))
	for j in $k $((k + 1)) $((k + 2)); do
		idnum "37040219900101$(printf %03d $j)"
	done
}
pay_start() {
	# shellcheck disable=SC2046
	YIBAO_TODAY=2020-10-01 "$YIBAO" pay $(pay_ids "$1") >"$T/out" \
	    2>"$T/err" &
}
pay_check() {
	r=$(sed -n 's/^Receipt \([^ ]*\)$/\1/p' "$T/out")
	n=$(q "SELECT count(*) FROM payment WHERE id_number IN
	    ($(pay_ids "$1" | sed "s/.*/'&'/" | paste -sd,))")
	[ "$n" = 0 ] || [ "$n" = 3 ] || echo "half a receipt: $n of 3 lines"
	[ "$n" = 3 ] && written
	if [ -n "$r" ] && [ "$(q "SELECT count(*) FROM payment
	    WHERE receipt = '$r'")" != 3 ]; then
		echo "receipt $r was printed but is not in the database"
	fi
}

# ---- settle: an inpatient claim for 张三 ---------------------------------
settle_setup() {
	:
}
settle_before=0
settle_start() {
	settle_before=$(q "SELECT count(*) FROM claim")
	"$YIBAO" claim settle 370402198001010011 --kind inpatient \
	    --admitted 2021-03-01 --discharged 2021-03-10 \
	    --hospital 县人民医院 --level 3 --total 20000 \
	    --out-of-list 1000 --class-b 3000 >"$T/out" 2>"$T/err" &
}
settle_check() {
	[ "$(q "SELECT count(*) FROM claim")" = "$settle_before" ] || written
	k=$(sed -n 's/^ *"claim": "\([^"]*\)".*/\1/p' "$T/out")
	if [ -n "$k" ] && [ "$(q "SELECT count(*) FROM claim
	    WHERE key = '$k'")" != 1 ]; then
		echo "claim $k was printed but is not in the database"
	fi
}

# ---- the night sync: hubapply, syncapply ----------------------------------
# Offices A and B each import SYNC_ROWS people a step and write a file; the
# hub applies B's files and writes a file for A after each.  Both scenarios
# move $DB to the database they kill on (the hub, office A): list them
# after the others.  Trial N's file adds SYNC_ROWS residents.
SYNC_ROWS=${CRASH_SYNC_ROWS:-200}
sync_made=
sync_made() {
	[ -z "$sync_made" ] || return 0
	sync_made=1
	for p in HUB A B; do
		"$YIBAO" --db "$T/$p.db" init --site $p --admin admin \
		    --password-file "$T/pw" >/dev/null || return 1
	done
	export YIBAO_OPERATOR=admin
	"$YIBAO" --db "$T/HUB.db" hub init >/dev/null || return 1
	hk=$(sqlite3 "$T/HUB.db" "SELECT value FROM setting
	    WHERE key = 'sync.public_key'")
	for o in A B; do
		"$YIBAO" --db "$T/$o.db" sync trust-hub HUB "$hk" >/dev/null &&
		key=$("$YIBAO" --db "$T/$o.db" sync key | cut -d' ' -f2) &&
		"$YIBAO" --db "$T/HUB.db" hub add-site $o "$key" >/dev/null ||
		    return 1
	done
	# People no other scenario uses: 37040[34], born 1960 on.
	i=0
	while [ $i -le "$TRIALS" ]; do
		for o in A B; do
			roster_sync $o $i >"$T/$o-roster$i.csv"
			"$YIBAO" --db "$T/$o.db" import residents \
			    "$T/$o-roster$i.csv" >/dev/null &&
			"$YIBAO" --db "$T/$o.db" sync export \
			    -o "$T/$o-$i.sync" >/dev/null || return 1
		done
		# The hub's file i carries step i alone: each trial's apply is
		# the same size, so the kills cover it.
		"$YIBAO" --db "$T/HUB.db" hub apply "$T/B-$i.sync" >/dev/null &&
		last=$("$YIBAO" --db "$T/HUB.db" hub export --site A \
		    --from "${last:-0}" -o "$T/H-$i.sync" |
		    sed -n 's/.* to \([0-9]*\) (.*/\1/p') &&
		[ -n "$last" ] || return 1
		i=$((i + 1))
	done
	export YIBAO_OPERATOR=li
}
# roster_sync OFFICE N: SYNC_ROWS people of their own, born in 1960 + N.
roster_sync() {
	awk -v o="$1" -v n="$2" -v rows="$SYNC_ROWS" 'BEGIN {
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		print "身份证号,姓名,户号,户主身份证号,与户主关系,村（社区）,户口性质"
		for (i = 0; i < rows; i++) {
			d = i % 28 + 1; m = int(i / 28) % 12 + 1
			p = sprintf("37040%s%04d%02d%02d%03d", o == "A" ? 3 : 4,
			    1960 + n, m, d, int(i / 336))
			s = 0
			for (k = 1; k <= 17; k++)
				s += substr(p, k, 1) * w[k]
			id = p substr("10X98765432", s % 11 + 1, 1)
			if (i % 4 == 0)
				head = id
			printf "%s,%s民%d-%d,%s%d-%d,%s,%s,村%d,农业\n", id, o, n,
			    i, o, n, int(i / 4), head, i % 4 ? "子女" : "户主", n % 7
		}
	}'
}
sync_counts() {
	q "SELECT (SELECT count(*) FROM sync_ledger WHERE direction = 'in')
	    || ' ' || (SELECT count(*) FROM resident)"
}

# hubapply: the hub applies A's files 0..N in order (one transaction each;
# those applied before are skipped).  Whole: residents = ledger x rows.
hubapply_setup() {
	sync_made || return 1
	DB=$T/HUB.db
	YIBAO_DB=$DB
}
hubapply_start() {
	hub_before=$(sync_counts)
	files=$(i=0; while [ $i -le "$1" ]; do echo "$T/A-$i.sync"; \
	    i=$((i + 1)); done)
	# shellcheck disable=SC2086
	YIBAO_OPERATOR=admin "$YIBAO" hub apply $files >"$T/out" 2>"$T/err" &
}
hubapply_check() {
	set -- $(sync_counts)
	# B's files are in the ledger too, with their residents.
	b=$(q "SELECT count(*) FROM sync_ledger WHERE direction = 'in'
	    AND site = 'B'")
	a=$(q "SELECT count(*) FROM sync_ledger WHERE direction = 'in'
	    AND site = 'A'")
	[ "$2" = $(( (a + b) * SYNC_ROWS )) ] ||
	    echo "ledger and rows disagree: $a files of A, $b of B, $2 residents"
	[ "$*" = "$hub_before" ] || written
}

# syncapply: office A applies the hub's file N (B's people of step N),
# after files 0..N-1 where an earlier kill left them.  Whole: A's residents
# are its own plus rows x the hub files in its ledger.
syncapply_setup() {
	sync_made || return 1
	DB=$T/A.db
	YIBAO_DB=$DB
	sync_own=$(q "SELECT count(*) FROM resident")
}
syncapply_start() {
	i=0
	while [ $i -lt "$1" ]; do
		YIBAO_OPERATOR=admin "$YIBAO" sync apply "$T/H-$i.sync" \
		    >/dev/null 2>&1
		i=$((i + 1))
	done
	sync_before=$(sync_counts)
	YIBAO_OPERATOR=admin "$YIBAO" sync apply "$T/H-$1.sync" >"$T/out" \
	    2>"$T/err" &
}
syncapply_check() {
	set -- $(sync_counts)
	[ "$2" = $(( sync_own + $1 * SYNC_ROWS )) ] ||
	    echo "ledger and rows disagree: $1 hub files, $2 residents ($sync_own own)"
	[ "$*" = "$sync_before" ] || written
}

# The trial's work is in the database (counted, not a failure).
written() {
	echo >>"$T/written"
}

# ---- what every trial checks ----------------------------------------------
whole_check() {
	v=$(q 'PRAGMA integrity_check')
	[ "$v" = ok ] || echo "integrity_check: $v"
	v=$(q 'PRAGMA foreign_key_check')
	[ -z "$v" ] || echo "foreign_key_check: $v"
	# A payment line is whole: its own figures, its audit line, and its
	# receipt's lines numbered 1..n.  (NOT IN, not NOT EXISTS: the audit
	# log has no index on record, and NOT IN builds one for the query.)
	v=$(q "SELECT key FROM payment WHERE kind = 'payment' AND
	    amount <> standard - subsidy
	    UNION ALL SELECT key FROM payment WHERE key NOT IN
	    (SELECT record FROM audit_log)
	    UNION ALL SELECT receipt FROM payment GROUP BY receipt
	    HAVING max(line) <> count(*)")
	[ -z "$v" ] || echo "payments not whole: $v"
	# A claim is whole: the parts add up to the bill, its pack's text is
	# stored, and its audit line is there.
	v=$(q "SELECT key FROM claim WHERE
	    fund + serious + assistance + personal <> total
	    UNION ALL SELECT c.key FROM claim c WHERE NOT EXISTS
	    (SELECT 1 FROM policy_text t WHERE t.hash = c.policy_hash)
	    UNION ALL SELECT key FROM claim WHERE key NOT IN
	    (SELECT record FROM audit_log)")
	[ -z "$v" ] || echo "claims not whole: $v"
	# Every key counter is past the keys it made.
	v=$(q "SELECT kind FROM key_counter k WHERE kind = 'receipt' AND
	    next <= (SELECT count(DISTINCT receipt) FROM payment)")
	[ -z "$v" ] || echo "key counter behind: $v"
}

office "$DB" || { echo "crash.sh: cannot make the office" >&2; exit 99; }
export YIBAO_TODAY=2021-06-01
status=0
for s in ${*:-import pay settle hubapply syncapply}; do
	"${s}_setup" || { echo "crash.sh: $s: setup failed" >&2; exit 99; }
	# How long the command takes alone (trial 0, not killed), in ms.
	t0=$(date +%s%N)
	"${s}_start" 0
	wait $!
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ $ms -gt 0 ] || ms=1
	v=$("${s}_check" 0; whole_check)
	[ -z "$v" ] || { echo "crash.sh: $s: trial 0 (not killed): $v" >&2; exit 99; }
	trials=0 killed=0 fails=0
	: >"$T/written"
	i=1
	while [ $i -le "$TRIALS" ]; do
		delay=$(random $((ms * 12 / 10 + 1)))
		"${s}_start" $i
		pid=$!
		sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
		kill -KILL $pid 2>/dev/null
		{ wait $pid; } 2>/dev/null
		[ $? -eq 137 ] && killed=$((killed + 1))
		trials=$((trials + 1))
		v=$("${s}_check" $i; whole_check)
		if [ -n "$v" ]; then
			fails=$((fails + 1))
			echo "crash.sh: $s trial $i (killed after $delay ms): $v"
			status=1
		fi
		i=$((i + 1))
	done
	written=$(wc -l <"$T/written")
	echo "$s: $trials trials, $killed killed before exit," \
	    "$written written, $fails failures ($ms ms alone)"
done
exit $status
