#!/bin/sh
# demo.sh: yibao --demo --db FILE makes the demonstration county through
# the ops and keeps it; the same county every run; refused on a file that
# exists and on a date outside the county's year.
. "$top_srcdir/tests/cli/lib.sh"

unset YIBAO_TODAY	# the demo's own day, 2021-06-01
run "$YIBAO" --demo --db "$T/d.db" </dev/null
check "demo made" 0 "$status"
check "demo summary" "Database: $T/d.db (kept)

2 townships, 6 villages, 72 households, 206 residents
50 hardship categories and 8 chronic qualifications recorded
Contributions for 2021: 145 residents paid in the period, 15 paid late, 46 not paid; 59 receipts, 1 reversed
4 off-site registrations, 5 claims settled

Operators (login / password):
  li     1111   李秀英 (clerk)
  wang   2222   王主管 (supervisor)
  zhao   3333   赵管理员 (administrator)" "$(echo "$out" | sed -n 2,13p)"

# The operators log in with the passwords shown.
echo 2222 >"$T/pw"
export YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=wang YIBAO_DB="$T/d.db"
export YIBAO_TODAY=2021-06-01
run "$YIBAO" resident find ly
check "rare character found by initials" "0|刘䶮 620799195801010013 东山乡石门村" \
	"$status|$(echo "$out" | awk '$2 == "刘䶮" { print $2, $1, $5 }')"
run "$YIBAO" resident find 刘𠇔
check "extension B name" "刘𠇔 620799198203230052" "$(echo "$out" | awk 'NR == 2 { print $2, $1 }')"
run "$YIBAO" resident find cgh
check "polyphonic surname 曾 as c" "曾国华" "$(echo "$out" | awk 'NR == 2 { print $2 }')"

# Every category of the pack is held by someone.
check "every category" "cadre_widow elderly_low_income extreme_poverty low_income min_living moderate_disability orphan priority_care registered_poor severe_disability" \
	"$(sqlite3 "$T/d.db" "SELECT DISTINCT category FROM person_category ORDER BY 1" | paste -sd' ')"
check "operators and roles" "li|clerk wang|supervisor zhao|admin" \
	"$(sqlite3 "$T/d.db" "SELECT login || '|' || role FROM operator ORDER BY 1" | paste -sd' ')"
# Four late payers today, each P + G = 320 + 580 = 900 (004 二(四)).
run "$YIBAO" report day
check "today's cash: 4 x 900" "  Payments          4       3600.00" "$(echo "$out" | sed -n 4p)"
# Late payers two weeks ago still wait: 2021-05-18 + 30 days.
run "$YIBAO" coverage 620799196807110132 --year 2021
check "late payer waiting" "Status          insured, waiting until 2021-06-16" \
	"$(echo "$out" | grep Status)"
# Everything was written by an op, with its audit line.
check "audited" "0" "$(sqlite3 "$T/d.db" "SELECT (SELECT count(*) FROM resident) - (SELECT count(*) FROM audit_log WHERE action = 'resident.add')")"

# The same county every run.
unset YIBAO_TODAY
"$YIBAO" --demo --db "$T/e.db" </dev/null >/dev/null
check "deterministic" "$(sqlite3 "$T/d.db" "SELECT id_number, name, village FROM resident ORDER BY 1; SELECT key, amount FROM payment ORDER BY 1")" \
	"$(sqlite3 "$T/e.db" "SELECT id_number, name, village FROM resident ORDER BY 1; SELECT key, amount FROM payment ORDER BY 1")"

# Refusals: an existing file, a day outside the county's year.
run "$YIBAO" --demo --db "$T/d.db" </dev/null
check "not over a file" "1|yibao: $T/d.db exists: the demonstration goes only into a new file" "$status|$err"
run env YIBAO_TODAY=2020-10-01 "$YIBAO" --demo --db "$T/f.db" </dev/null
check "wrong day" "1|yibao: the demonstration county lives in 2021: give a date from 2021-03-01 to 2021-12-31 (YIBAO_TODAY), not 2020-10-01|no file" \
	"$status|$err|$([ -e "$T/f.db" ] && echo file || echo no file)"

finish
