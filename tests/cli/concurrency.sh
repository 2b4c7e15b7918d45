#!/bin/sh
# concurrency.sh: several windows at once on one database file (issue 10).
# CONC_WORKERS processes (4) each run CONC_OPS operations (24) in turn:
# pay for one of PAYERS unpaid residents (all workers go through the same
# people in different orders, so two windows often pay for the same person
# at the same instant), settle an inpatient claim of 20,000 yuan for 张三
# or 李四 (each claim pays 12,675 from the fund, so the fourth reaches the
# demo pack's cap of 50,000), and register a new resident.  Then:
#   - no message says the database is locked or busy: the only refusal a
#     clerk may see is "already paid";
#   - every receipt, claim and resident printed is in the database, and
#     nothing else was added: counts add up;
#   - receipt numbers are unique, one payment per person and year;
#   - the fund paid for each person and year stays within the caps.
# make check runs a short version; for a long one:
#   CONC_WORKERS=8 CONC_OPS=300 make check TESTS=tests/cli/concurrency.sh
. "$top_srcdir/tests/cli/lib.sh"
. "$top_srcdir/tests/bad/office.sh"
. "$top_srcdir/tests/bad/ids.sh"

WORKERS=${CONC_WORKERS:-4}
OPS=${CONC_OPS:-24}
PAYERS=$(( WORKERS * OPS / 3 + 1 ))
[ $PAYERS -le 900 ] || PAYERS=900
A=370402198001010011 B=370402198202020021

office "$T/o.db" || exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=li
roster 1 $PAYERS >"$T/payers.csv"
YIBAO_OPERATOR=admin "$YIBAO" import residents "$T/payers.csv" >/dev/null ||
	exit 99
q() {
	sqlite3 "$T/o.db" "$1"
}
base_pay=$(q "SELECT count(*) FROM payment")
base_claim=$(q "SELECT count(*) FROM claim")
base_res=$(q "SELECT count(*) FROM resident")

# worker N: its operations; what succeeded goes to $T/wN.ok as
# "pay RECEIPT", "claim KEY", "resident ID"; every message to $T/wN.err.
worker() {
	w=$1 i=0
	while [ $i -lt "$OPS" ]; do
		case $((i % 3)) in
		0)	k=$(( (i / 3 * 7 + w * PAYERS / WORKERS) % PAYERS + 1 ))
			id=$(idnum "37040219900101$(printf %03d $k)")
			if YIBAO_TODAY=2020-10-01 "$YIBAO" pay "$id" --json \
			    >"$T/w$w.out" 2>>"$T/w$w.err"; then
				sed -n 's/^ *"receipt": "\([^"]*\)".*/pay \1/p' \
				    "$T/w$w.out" | head -n 1 >>"$T/w$w.ok"
			fi ;;
		1)	if [ $((i % 2)) -eq 0 ]; then who=$A; else who=$B; fi
			if "$YIBAO" claim settle "$who" --kind inpatient \
			    --admitted 2021-03-01 --discharged 2021-03-10 \
			    --hospital 县人民医院 --level 3 --total 20000 \
			    --out-of-list 1000 --class-b 3000 \
			    >"$T/w$w.out" 2>>"$T/w$w.err"; then
				sed -n 's/^ *"claim": "\([^"]*\)".*/claim \1/p' \
				    "$T/w$w.out" >>"$T/w$w.ok"
			fi ;;
		2)	id=$(idnum "370402199$((w % 10))0202$(printf %03d $((i / 3 % 1000)))")
			if "$YIBAO" resident add "$id" --name "新$w-$i" \
			    --residence rural --insured rural_resident \
			    --village 西村 >/dev/null 2>>"$T/w$w.err"; then
				echo "resident $id" >>"$T/w$w.ok"
			fi ;;
		esac
		i=$((i + 1))
	done
}

w=0
while [ $w -lt "$WORKERS" ]; do
	: >"$T/w$w.ok"
	: >"$T/w$w.err"
	worker $w &
	w=$((w + 1))
done
wait

cat "$T"/w*.ok >"$T/ok"
cat "$T"/w*.err >"$T/err"
check "no database is locked or busy" "" \
	"$(grep -i 'locked\|busy' "$T/err")"
check "no refusal but already paid" "" \
	"$(grep -v 'has already paid for 2021' "$T/err")"
printed_pay=$(grep -c '^pay ' "$T/ok")
printed_claim=$(grep -c '^claim ' "$T/ok")
printed_res=$(grep -c '^resident ' "$T/ok")
check "payments printed are rows" "$((base_pay + printed_pay))" \
	"$(q "SELECT count(*) FROM payment")"
check "claims printed are rows" "$((base_claim + printed_claim))" \
	"$(q "SELECT count(*) FROM claim")"
check "residents printed are rows" "$((base_res + printed_res))" \
	"$(q "SELECT count(*) FROM resident")"
check "every register succeeded" "$((WORKERS * (OPS / 3)))" "$printed_res"
check "every claim succeeded" "$((WORKERS * ((OPS + 1) / 3)))" "$printed_claim"
# Each payer paid once, whoever was first: all of them were reached.
check "receipts unique" "$printed_pay" \
	"$(grep '^pay ' "$T/ok" | sort -u | wc -l)"
missing=
for r in $(sed -n 's/^pay //p' "$T/ok"); do
	[ "$(q "SELECT count(*) FROM payment WHERE receipt = '$r'")" = 1 ] ||
		missing="$missing $r"
done
check "every printed receipt is in the database" "" "$missing"
for c in $(sed -n 's/^claim //p' "$T/ok"); do
	[ "$(q "SELECT count(*) FROM claim WHERE key = '$c'")" = 1 ] ||
		missing="$missing $c"
done
check "every printed claim is in the database" "" "$missing"
check "one payment per person and year" "" \
	"$(q "SELECT id_number FROM payment WHERE kind = 'payment'
	    GROUP BY id_number, benefit_year HAVING count(*) > 1")"
# The demo pack (zhangye-2019's [inpatient]): 50,000 yuan a year.
check "inpatient cap never overspent" "" \
	"$(q "SELECT id_number, sum(fund) FROM claim
	    WHERE kind IN ('inpatient', 'accident')
	    GROUP BY id_number, benefit_year HAVING sum(fund) > 5000000")"
check "the cap was reached" "5000000" \
	"$(q "SELECT sum(fund) FROM claim WHERE id_number = '$A'")"
check "integrity" "ok" "$(q 'PRAGMA integrity_check')"
echo "$WORKERS workers x $OPS operations: $printed_pay payments," \
	"$printed_claim claims, $printed_res residents"
finish
