#!/bin/sh
# claim.sh: yibao claim settle, show, list and reverse, end to end, by the
# demo pack (inpatient as 001: level 1 200 / 85 %, level 3 1,500 / 75 %,
# 10 points off outside the county without a registration, cap 50,000;
# class B first self-pay 20 %; serious illness: ordinary deductible 10,000,
# the penalty part kept out of the base).  Residents are put in with SQL as
# schema.sql defines them; 张三 pays in the period, 李四 never pays.
. "$top_srcdir/tests/cli/lib.sh"

export YIBAO_TODAY=2020-10-01
echo secret >"$T/pw"
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null ||
	exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=li
A=370402198001010011	# 张三
B=370402198202020021	# 李四, never paid
sqlite3 "$T/o.db" "
INSERT INTO setting VALUES ('policy', 'demo');
INSERT INTO operator SELECT 'li', '李会计', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin';
INSERT INTO operator SELECT 'wang', '王主管', 'supervisor', password_hash, 1, site, created_at FROM operator WHERE login = 'admin';
INSERT INTO resident (id_number, id_reversed, name, initials, sex, birth, residence, insured_category, village, site, created_at, updated_at) VALUES
 ('$A', '', '张三', 'zs', 'M', '1980-01-01', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$B', '', '李四', 'ls', 'F', '1982-02-02', 'rural', 'rural_resident', '东村', '370402', 'x', 'x');
" || exit 99
"$YIBAO" pay $A >/dev/null || exit 99
export YIBAO_TODAY=2021-06-01
state() {
	sqlite3 "$T/o.db" "SELECT count(*) FROM claim; SELECT count(*) FROM audit_log; SELECT count(*) FROM policy_text"
}
# field KEY...: the values of those keys in $out, joined by '|'.
field() {
	for k in "$@"; do
		echo "$out" | sed -n "s/^ *\"$k\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p"
	done | paste -sd'|'
}

# RULES.md 6 on demo: P_B = 3,000 x 20 % = 600; R = 20,000 - 1,000 - 600 =
# 18,400; D 1,500; 16,900 x 75 % = 12,675; serious base 18,400 - 12,675 =
# 5,725, under 10,000; personal 20,000 - 12,675 = 7,325.
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 \
	--discharged 2021-03-10 --hospital 县人民医院 --level 3 --total 20000 \
	--out-of-list 1000 --class-b 3000
check "settle" '0|{
  "claim": "370402-S00000001",
  "medfee_sumamt": "20000.00",
  "fulamt_ownpay_amt": "1000.00",
  "overlmt_selfpay": "0.00",
  "preselfpay_amt": "600.00",
  "inscp_scp_amt": "18400.00",
  "act_pay_dedc": "1500.00",
  "hifp_ratio": "75",
  "hifp_pay": "12675.00",
  "hifmi_pay": "0.00",
  "maf_pay": "0.00",
  "fund_pay_sumamt": "12675.00",
  "psn_part_amt": "7325.00",
  "policy": "demo",
  "notes": [
    "Serious-illness insurance group: 普通参保人员.",
    "The year'"'"'s in-list personal burden, 5725.00 yuan, has not passed the serious-illness deductible, 10000.00 yuan.",
    "The person is in no medical assistance group: assistance payment 0.",
    "Illustrative values were used (a demonstration, not a policy document)."
  ]
}' "$status|$out"

# The same bill as a trial gives the same object, without the claim key.
settled=$(echo "$out" | grep -v '"claim":')
run "$YIBAO" trial --policy demo kind=inpatient level=3 total=20000 \
	out_of_list=1000 class_b=3000
check "like trial" "0|$out" "$status|$settled"

# --dry-run: settled with the year so far, nothing saved.  Level 1 in
# another county, no registration: D 200, 85 - 10 = 75 %, 9,800 x 75 % =
# 7,350; the penalty part 9,800 x 10 % = 980 stays out of the serious base:
# 10,000 - 7,350 - 980 = 1,670, cumulative 5,725 + 1,670 = 7,395 < 10,000.
before=$(state)
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-04-01 \
	--hospital 邻县医院 --level 1 --scope county --total 10000 --dry-run
check "dry run" "0|null|10000.00|200.00|75|7350.00|0.00|2650.00" \
	"$status|$(field claim inscp_scp_amt act_pay_dedc hifp_ratio hifp_pay hifmi_pay psn_part_amt)"
check "dry run notes" 'No off-site registration or referral for care in another county of the pooling region: the ratio is cut by 10 points.' \
	"$(echo "$out" | sed -n 's/^ *"\(No off-site[^"]*\)",$/\1/p')"
check "dry run writes nothing" "$before" "$(state)"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-04-01 \
	--hospital 邻县医院 --level 1 --scope county --total 10000
check "second claim" "0|370402-S00000002|7350.00|2650.00" \
	"$status|$(field claim hifp_pay psn_part_amt)"

# Not paid: settled and saved with every payment 0 (RULES.md 4).
run "$YIBAO" claim settle $B --kind outpatient --visit 2021-05-01 \
	--hospital 村卫生室 --total 80
check "not paid" "0|370402-S00000003|0.00|0.00|80.00" \
	"$status|$(field claim hifp_pay fund_pay_sumamt psn_part_amt)"
check "not paid note" "1" "$(echo "$out" | grep -c 'Not eligible: no contribution is paid')"

# Bad input: a message, exit 1, nothing written.
before=$(state)
run "$YIBAO" claim settle 370402199001010016 --kind inpatient --admitted 2021-03-01 \
	--hospital H --level 1 --total 100
check "unknown resident" "1|yibao: no resident has the ID number 370402199001010016: register the person first" \
	"$status|$err"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 \
	--discharged 2021-02-27 --hospital H --level 1 --total 100
check "dates in the wrong order" "1|yibao: the discharge date 2021-02-27 is before the admission date 2021-03-01: check the two dates" \
	"$status|$err"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-06-02 \
	--hospital H --level 1 --total 100
check "admitted in the future" 1 "$status"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 \
	--hospital H --level 1 --total 100 --out-of-list 60 --class-b 50
check "parts over the total" "1|yibao: out-of-list, class B and imported material together are more than the total" \
	"$status|$err"
run "$YIBAO" claim settle $A --kind chronic --disease diabetes \
	--admitted 2021-03-01 --hospital H --total 100
check "chronic, not qualified" "1|yibao: 张三 holds no qualification for the chronic disease diabetes on 2021-03-01: record the qualification first" \
	"$status|$err"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 \
	--hospital H --level 1 --total 12.345
check "bad amount" 1 "$status"
run "$YIBAO" claim settle $A --kind surgery --admitted 2021-03-01 \
	--hospital H --total 100
check "bad kind" 1 "$status"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 --level 1
check "missing options" 2 "$status"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 \
	--hospital H --level 1 --total 100 --ward 3
check "unknown option" 2 "$status"

# A pack without the ratio this claim needs: exit 3, naming it.
cat >"$T/bare.policy" <<'EOF'
[pack]
id = bare
name = 空
region = 示范县
document = 测试
benefit_year = 2021
[inpatient]
deductible.level1 = 200
EOF
sqlite3 "$T/o.db" "UPDATE setting SET value = '$T/bare.policy' WHERE key = 'policy'"
run "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 \
	--hospital H --level 1 --total 100
check "missing parameter" "3|yibao: the policy pack bare does not give inpatient.ratio.level1, which this claim needs; add it to the pack (see yibao-policy(5))" \
	"$status|$err"
sqlite3 "$T/o.db" "UPDATE setting SET value = 'demo' WHERE key = 'policy'"
check "refusals write nothing" "$before" "$(state)"

# show: settled again from the stored pack text.
run "$YIBAO" claim show 370402-S00000001
check "show" "0|Claim 370402-S00000001
Resident                          张三  370402********0011
Kind of care                      Inpatient
Admitted - discharged             2021-03-01 - 2021-03-10
Benefit year                      2021
Hospital                          县人民医院
Hospital level                    3
Scope                             local
Policy pack                       demo
Settled                           2021-06-01 by 李会计 (li), office 370402

Total (T)                             20000.00
Out-of-list (O)                        1000.00
Imported excess (E)                       0.00
Imported first self-pay (F)               0.00
Class B first self-pay (P_B)            600.00
Policy range (R)                      18400.00
Deductible (D)                         1500.00
Ratio (r)                                  75%
Basic insurance fund                  12675.00
Serious-illness insurance                 0.00
Medical assistance                        0.00
Paid by the person                     7325.00

Notes:
  Serious-illness insurance group: 普通参保人员.
  The year's in-list personal burden, 5725.00 yuan, has not passed the serious-illness deductible, 10000.00 yuan.
  The person is in no medical assistance group: assistance payment 0.
  Illustrative values were used (a demonstration, not a policy document)." "$status|$out"
run "$YIBAO" claim show 370402-S00000009
check "show unknown" "1|yibao: there is no claim 370402-S00000009: check the statement's number" "$status|$err"

# list: 12,675 + 7,350 = 20,025 of the 50,000 inpatient cap.
run "$YIBAO" claim list $A
check "list" "0|张三  370402********0011, benefit year 2021

Claim             Date        Kind            Total        Fund     Serious  Assistance    Personal  Note
370402-S00000001  2021-03-01  Inpatient    20000.00    12675.00        0.00        0.00     7325.00
370402-S00000002  2021-04-01  Inpatient    10000.00     7350.00        0.00        0.00     2650.00
Total                                      30000.00    20025.00        0.00        0.00     9975.00

The year so far, against the caps of policy pack demo:
  Inpatient fund (accident included)    20025.00 of 50000.00, 29975.00 left
  Accident fund                             0.00 of 15000.00, 15000.00 left
  General outpatient fund                   0.00 of 65.00, 65.00 left
  Serious-illness insurance paid            0.00
  Medical assistance paid                   0.00" "$status|$out"

# reverse: a supervisor, with a reason, once; a reversal is not reversed.
before=$(state)
run "$YIBAO" claim reverse 370402-S00000002 --reason 录错医院
check "clerk cannot reverse" "4|yibao: only a supervisor or an administrator may do this; li is a clerk" \
	"$status|$err"
run "$YIBAO" --operator wang claim reverse 370402-S00000002
check "reverse needs a reason" 2 "$status"
check "refused reversals write nothing" "$before" "$(state)"
run "$YIBAO" --operator wang claim reverse 370402-S00000002 --reason 录错医院
check "reverse" "0|Claim 370402-S00000002 reversed by 370402-S00000004." "$status|$out"
run "$YIBAO" --operator wang claim reverse 370402-S00000002 --reason again
check "reverse twice" "1|yibao: claim 370402-S00000002 was already reversed by 370402-S00000004" \
	"$status|$err"
run "$YIBAO" --operator wang claim reverse 370402-S00000004 --reason undo
check "reverse a reversal" "1|yibao: 370402-S00000004 is itself the reversal of 370402-S00000002 and cannot be reversed: settle the claim again instead" \
	"$status|$err"

# The reversal takes the 7,350 back: 12,675 used again.
run "$YIBAO" claim list $A
check "list after the reversal" "0|张三  370402********0011, benefit year 2021

Claim             Date        Kind            Total        Fund     Serious  Assistance    Personal  Note
370402-S00000001  2021-03-01  Inpatient    20000.00    12675.00        0.00        0.00     7325.00
370402-S00000002  2021-04-01  Inpatient    10000.00     7350.00        0.00        0.00     2650.00  reversed by 370402-S00000004
370402-S00000004  2021-04-01  Inpatient   -10000.00    -7350.00        0.00        0.00    -2650.00  reverses 370402-S00000002
Total                                      20000.00    12675.00        0.00        0.00     7325.00

The year so far, against the caps of policy pack demo:
  Inpatient fund (accident included)    12675.00 of 50000.00, 37325.00 left
  Accident fund                             0.00 of 15000.00, 15000.00 left
  General outpatient fund                   0.00 of 65.00, 65.00 left
  Serious-illness insurance paid            0.00
  Medical assistance paid                   0.00" "$status|$out"
run "$YIBAO" --operator wang claim show 370402-S00000004 --json
check "show json" "0|$A|-7350.00|-2650.00|370402-S00000002|\u5f55\u9519\u533b\u9662" \
	"$status|$(field id_number hifp_pay psn_part_amt reverses reason)"
run "$YIBAO" claim list $A --year 2020
check "another year" "0|张三  370402********0011, benefit year 2020

No claims this year." "$status|$out"

run "$YIBAO" claim
check "no sub-command" 2 "$status"
run "$YIBAO" claim settle
check "settle whom" 2 "$status"
finish
