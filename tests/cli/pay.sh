#!/bin/sh
# pay.sh: yibao pay, refund, reverse, coverage and report, by the demo pack
# (P = 320, G = 580, period 2020-09-01 to 2020-12-31, 004's late rule,
# 000's subsidies).  Residents are put in with SQL as schema.sql defines them.
. "$top_srcdir/tests/cli/lib.sh"

export YIBAO_TODAY=2020-10-01
echo secret >"$T/pw"
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null ||
	exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=li
A=370402198001010011	# 张三, head of household 0001
B=370402198202020021	# 李四, household 0001, registered poor
C=370402196006150049	# 王五, low income, 60 on 2020-06-15
sqlite3 "$T/o.db" "
INSERT INTO setting VALUES ('policy', 'demo');
INSERT INTO operator SELECT 'li', '李会计', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin';
INSERT INTO operator SELECT 'wang', '王主管', 'supervisor', password_hash, 1, site, created_at FROM operator WHERE login = 'admin';
INSERT INTO resident (id_number, id_reversed, name, initials, sex, birth, residence, insured_category, village, site, created_at, updated_at) VALUES
 ('$A', '', '张三', 'zs', 'M', '1980-01-01', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$B', '', '李四', 'ls', 'F', '1982-02-02', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$C', '', '王五', 'ww', 'F', '1960-06-15', 'urban', 'urban_non_employed', '西村', '370402', 'x', 'x');
INSERT INTO household VALUES ('370402-H00000001', '0001', '东村', '', '370402', 'x');
INSERT INTO household_member VALUES
 ('370402-M00000001', '370402-H00000001', '$A', 'head', '2020-01-01', NULL, '370402', 'x'),
 ('370402-M00000002', '370402-H00000001', '$B', 'spouse', '2020-01-01', NULL, '370402', 'x');
INSERT INTO person_category VALUES
 ('370402-C00000001', '$B', 'registered_poor', '2019-01-01', NULL, '乡村振兴局', NULL, '370402', 'x'),
 ('370402-C00000002', '$C', 'low_income', '2019-01-01', NULL, '民政局', NULL, '370402', 'x');
" || exit 99
state() {
	sqlite3 "$T/o.db" "SELECT count(*) FROM payment; SELECT count(*) FROM audit_log"
}

# A household on one receipt: 张三 pays 320; 李四's full subsidy (000 秦 一).
run "$YIBAO" pay $A $B
check "household receipt" "0|Receipt 370402-R00000001
Office 370402, household 0001, paid on 2020-10-01
Contributions for 2021, policy pack demo

Name        ID number            Standard    Subsidy        Due  Subsidy category
张三        370402********0011     320.00       0.00     320.00
李四        370402********0021     320.00     320.00       0.00  脱贫人口
Total                              640.00     320.00     320.00" "$status|$out"

# 60 % of 320 = 192 at 60 years: pays 128 (JSON, the same data).
run "$YIBAO" pay $C --json
check "json receipt" "0|370402-R00000002|370402********0049|192.00|low_income|128.00|2021-01-01" \
	"$status|$(echo "$out" | sed -n 's/.*"\(receipt\|id_number\|subsidy\|subsidy_category\|due\|benefits_from\)": "\([^"]*\)".*/\2/p' | paste -sd'|')"

before=$(state)
run "$YIBAO" pay $A
check "already paid" "1|yibao: 张三 ($A) has already paid for 2021 (370402-R00000001-1 on 2020-10-01): nothing was charged" \
	"$status|$err"
run "$YIBAO" pay 370402198001010012
check "bad ID number" 1 "$status"
run "$YIBAO" pay $A --date 2020-08-31
check "before the period" 1 "$status"
run "$YIBAO" pay $A --late-case student
check "unknown late case" 2 "$status"
run "$YIBAO" pay $A --late-case employee_ended
check "employee_ended needs its date" 2 "$status"
run "$YIBAO" pay
check "pay whom" 2 "$status"
check "refusals write nothing" "$before" "$(state)"

# Reversal: a supervisor only.
run "$YIBAO" reverse 370402-R00000002 --reason typo
check "clerk cannot reverse" "4|yibao: only a supervisor or an administrator may do this; li is a clerk" "$status|$err"
check "denied writes nothing" "$before" "$(state)"
run "$YIBAO" --operator wang reverse 370402-R00000002 --reason 输错了人
check "supervisor reverses" "0|Reversal 370402-R00000003, office 370402, on 2020-10-01
Reason: 输错了人

Name        ID number              Amount  Cancels
王五        $C    -128.00  370402-R00000002-1
Total                             -128.00" "$status|$out"
run "$YIBAO" --operator wang reverse 370402-R00000002-1 --reason again
check "reverse twice" "1|yibao: 370402-R00000002-1 was already cancelled by 370402-R00000003-1 on 2020-10-01: nothing was changed" \
	"$status|$err"
run "$YIBAO" --operator wang reverse 370402-R00000002
check "reverse needs a reason" 2 "$status"

# Refund (001 四(二)2): paid in advance, the year not begun.
run "$YIBAO" refund 370402-R00000001-1 --reason moved
check "refund reason" 2 "$status"
run "$YIBAO" refund 370402-R00000001-1 --reason death
check "refund" "0|Refund 370402-R00000004, office 370402, on 2020-10-01
Reason: death

Name        ID number              Amount  Cancels
张三        370402********0011    -320.00  370402-R00000001-1
Total                             -320.00" "$status|$out"
run env YIBAO_TODAY=2021-01-04 "$YIBAO" refund 370402-R00000001-2 --reason death
check "no refund once the year began" "1|yibao: the benefit year 2021 began on 2021-01-01: a contribution is refunded only before its year begins" \
	"$status|$err"

# Coverage after each.
run "$YIBAO" coverage $A --year 2021
check "coverage refunded" "0|Name            张三
ID number       370402********0011
Year            2021
Status          not insured: refunded (death)
Payment         370402-R00000001-1 on 2020-10-01
Cancelled by    370402-R00000004-1 on 2020-10-01" "$status|$out"
run "$YIBAO" coverage $B --year 2021
check "coverage insured" "0|Name            李四
ID number       370402********0021
Year            2021
Status          insured
Benefits from   2021-01-01
Care            all kinds
Payment         370402-R00000001-2 on 2020-10-01" "$status|$out"
run "$YIBAO" --operator wang coverage $C --year 2021 --json
check "coverage reversed, json, unmasked" "0|$C|reversed|370402-R00000003-1" \
	"$status|$(echo "$out" | sed -n 's/.*"\(id_number\|status\|cancelled_by\)": "\([^"]*\)".*/\2/p' | paste -sd'|')"
run "$YIBAO" coverage $A
check "coverage of 2020: not paid" "0|Name            张三
ID number       370402********0011
Year            2020
Status          not insured: not paid" "$status|$out"

# Late (004 二(四)): 320 + 580 = 900, benefits 30 days later.
run env YIBAO_TODAY=2021-02-01 "$YIBAO" pay $A
check "late payment" "0|Receipt 370402-R00000005
Office 370402, household 0001, paid on 2021-02-01
Contributions for 2021, policy pack demo

Name        ID number            Standard    Subsidy        Due  Subsidy category
张三        370402********0011     900.00       0.00     900.00
  paid late, standard 320.00 + fiscal part 580.00; benefits from 2021-03-03 after a 30-day wait
Total                              900.00       0.00     900.00" "$status|$out"
run env YIBAO_TODAY=2021-02-10 "$YIBAO" coverage $A --year 2021
check "waiting" "Status          insured, waiting until 2021-03-02" "$(echo "$out" | grep Status)"

# The day: li 320 + 0 + 128 - 320 = 128; wang -128; all 0.00.
run "$YIBAO" report day
check "day report" "0|Day report 2020-10-01, office 370402

li (李会计)
  Payments          3        448.00
  Refunds           1       -320.00
  Reversals         0          0.00
  Net cash                   128.00

wang (王主管)
  Payments          0          0.00
  Refunds           0          0.00
  Reversals         1       -128.00
  Net cash                  -128.00

Total
  Payments          3        448.00
  Refunds           1       -320.00
  Reversals         1       -128.00
  Net cash                     0.00" "$status|$out"
check "day balances with the table" "$(sqlite3 "$T/o.db" "SELECT printf('%.2f', sum(amount) / 100.0) FROM payment WHERE paid_on = '2020-10-01'")" \
	"$(echo "$out" | tail -n 1 | awk '{print $3}')"
run "$YIBAO" report day --date 2021-02-01 --operator li --json
check "day json" "0|900.00|900.00" \
	"$status|$(echo "$out" | sed -n 's/^      "net": "\(.*\)".*/\1/p; s/^    "net": "\(.*\)".*/\1/p' | paste -sd'|')"
# A day that is not one is a bad value (exit 1), as in claim settle.
run "$YIBAO" report day --date 2020-13-01
check "day bad date" 1 "$status"

# Enrolment 2021: 张三 (late, pays G himself) and 李四 insured; 王五 not.
run "$YIBAO" report enrolment --year 2021
check "enrolment report" "0|Enrolment 2021, office 370402, policy pack demo

Village       Insured category      Residents    Insured  Uninsured
东村          rural resident                2          2          0
西村          urban non-employed            1          0          1
Total                                       3          2          1

Subsidy category                      Persons        Amount
脱贫人口                                    1        320.00
Total                                       1        320.00

Fiscal subsidy: 580.00 x 1 insured who paid in the period = 580.00

山区乡镇                Per person           Total
  central                   464.00          464.00
  provincial                104.00          104.00
  county                     12.00           12.00
  Total                     580.00          580.00

川区乡镇                Per person           Total
  central                   464.00          464.00
  provincial                 70.00           70.00
  county                     46.00           46.00
  Total                     580.00          580.00" "$status|$out"
run "$YIBAO" report enrolment
check "enrolment needs a year" 2 "$status"
run "$YIBAO" report
check "report which" 2 "$status"

# Nothing in the payment table can be changed behind the program's back.
run sqlite3 "$T/o.db" "UPDATE payment SET amount = 0"
check "payments append-only" "refused|1" \
	"$([ "$status" -ne 0 ] && echo refused)|$(echo "$err" | grep -c 'payments cannot be changed')"

finish
