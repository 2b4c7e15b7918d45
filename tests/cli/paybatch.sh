#!/bin/sh
# paybatch.sh: yibao pay --batch FILE, a village collector's list paid
# in one transaction, all or nothing, by the demo pack (P = 320, period
# 2020-09-01 to 2020-12-31, 000's subsidies: the registered poor in full,
# the low-income 60 %).  Residents are put in with SQL as pay.sh does.
. "$top_srcdir/tests/cli/lib.sh"

A=370402198001010011	# 张三, household 0001, ordinary
B=370402198202020021	# 李四, household 0001, registered poor
C=370402196006150049	# 王五, household 0002, low income
D=370402198505050033	# 赵六, household 0002, ordinary
E=370402199003030045	# 孙七, no household, paid already
U=370402199001010016	# a valid number nobody has
echo secret >"$T/pw"
export YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=li YIBAO_TODAY=2020-10-01
# office DB: the five residents, 孙七 paid for 2021 (receipt R00000001).
office() {
	"$YIBAO" --db "$1" init --site 370402 --admin admin \
		--password-file "$T/pw" >/dev/null || exit 99
	sqlite3 "$1" "
INSERT INTO setting VALUES ('policy', 'demo');
INSERT INTO operator SELECT 'li', '李会计', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin';
INSERT INTO resident (id_number, id_reversed, name, initials, sex, birth, residence, insured_category, village, site, created_at, updated_at) VALUES
 ('$A', '', '张三', 'zs', 'M', '1980-01-01', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$B', '', '李四', 'ls', 'F', '1982-02-02', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$C', '', '王五', 'ww', 'F', '1960-06-15', 'urban', 'urban_non_employed', '西村', '370402', 'x', 'x'),
 ('$D', '', '赵六', 'zl', 'M', '1985-05-05', 'urban', 'urban_non_employed', '西村', '370402', 'x', 'x'),
 ('$E', '', '孙七', 'sq', 'F', '1990-03-03', 'rural', 'rural_resident', '东村', '370402', 'x', 'x');
INSERT INTO household VALUES ('370402-H00000001', '0001', '东村', '', '370402', 'x'),
 ('370402-H00000002', '0002', '西村', '', '370402', 'x');
INSERT INTO household_member VALUES
 ('370402-M00000001', '370402-H00000001', '$A', 'head', '2020-01-01', NULL, '370402', 'x'),
 ('370402-M00000002', '370402-H00000001', '$B', 'spouse', '2020-01-01', NULL, '370402', 'x'),
 ('370402-M00000003', '370402-H00000002', '$C', 'head', '2020-01-01', NULL, '370402', 'x'),
 ('370402-M00000004', '370402-H00000002', '$D', 'child', '2020-01-01', NULL, '370402', 'x');
INSERT INTO person_category VALUES
 ('370402-C00000001', '$B', 'registered_poor', '2019-01-01', NULL, '乡村振兴局', NULL, '370402', 'x'),
 ('370402-C00000002', '$C', 'low_income', '2019-01-01', NULL, '民政局', NULL, '370402', 'x');
" || exit 99
	YIBAO_DB="$1" "$YIBAO" pay $E >/dev/null || exit 99
}
office "$T/o.db"
export YIBAO_DB="$T/o.db"
state() {
	sqlite3 "$YIBAO_DB" "SELECT count(*) FROM payment; SELECT count(*) FROM audit_log" | paste -sd' '
}
before=$(state)
check "the office before" "1 $(echo "$before" | cut -d' ' -f2)" "$before"

# The collector's list: one row a person, 户号 puts a household on one
# receipt, the households' rows interleaved.  Household 0001: 张三 320,
# 李四 320 all subsidised: 640 standard, 320 subsidy, 320 due.  Household
# 0002: 王五 at 60 has 60 % of 320 = 192 subsidised and pays 128, 赵六
# 320: 640, 192, 448.  The file: 1280, 512, 768 for 4 persons.
printf '%s\r\n' '户号,姓名,身份证号码,缴费年度' \
	"1,张三,$A,2021" \
	"2,王五,$C,2021" \
	"1,李四,$B,2021" \
	"2,赵六,$D,2021" >"$T/good.csv"

run "$YIBAO" pay --batch "$T/good.csv" --dry-run
check "dry run" "0|Receipt            Line  Household             Persons    Standard     Subsidy         Due
-                     2  0001                        2      640.00      320.00      320.00
-                     3  0002                        2      640.00      192.00      448.00
Total                                                4     1280.00      512.00      768.00
Dry run: 2 receipts for 4 persons would be paid (UTF-8); nothing was written.|" \
	"$status|$out|$err"
check "dry run wrote nothing" "$before" "$(state)"

# Every bad row with its line and reason; nothing written, though the
# household 0002 alone would be paid.
printf '%s\n' 'id,group,name,year' \
	"$A,1,张三," \
	"$C,2,王五," \
	"$U,3,," \
	"$E,4,孙七," \
	"$D,2,赵六," \
	"$A,5,张三," \
	"$B,1,李三," \
	"370402198001010012,6,," \
	",7,周八," \
	"$D,8,,20x1" >"$T/bad.csv"
run "$YIBAO" pay --batch "$T/bad.csv"
check "bad rows" "1|line 4: no resident has the ID number $U: register the person first
line 5: 孙七 ($E) has already paid for 2021 (370402-R00000001-1 on 2020-10-01): nothing was charged
line 7: $A is also on line 2: a person pays once
line 8: the ID number $B is 李四's, not 李三's: check the number
line 9: 370402198001010012: the check digit does not match: a digit is wrong
line 10: the ID number is missing
line 11: year \"20x1\": a year, such as 2021|yibao: 7 of 10 rows are refused: nothing was paid" \
	"$status|$out|$err"
check "bad rows wrote nothing" "$before" "$(state)"

run "$YIBAO" pay --batch "$T/good.csv"
check "batch" "0|Receipt            Line  Household             Persons    Standard     Subsidy         Due
370402-R00000002      2  0001                        2      640.00      320.00      320.00
370402-R00000003      3  0002                        2      640.00      192.00      448.00
Total                                                4     1280.00      512.00      768.00
Paid 2 receipts for 4 persons (UTF-8).|" "$status|$out|$err"
# Four lines, four audit lines more.
check "batch rows" "5 $(( $(echo "$before" | cut -d' ' -f2) + 4 ))" "$(state)"
check "lines" "370402-R00000002-1|$A|320.00|0.00|320.00
370402-R00000002-2|$B|320.00|320.00|0.00
370402-R00000003-1|$C|320.00|192.00|128.00
370402-R00000003-2|$D|320.00|0.00|320.00" \
	"$(sqlite3 "$YIBAO_DB" "SELECT key, id_number, printf('%.2f', standard / 100.0), printf('%.2f', subsidy / 100.0), printf('%.2f', amount / 100.0) FROM payment WHERE receipt <> '370402-R00000001' ORDER BY key")"

# The same file again: every row paid already, nothing written.
before=$(state)
run "$YIBAO" pay --batch "$T/good.csv"
check "twice" "1|line 2: 张三 ($A) has already paid for 2021 (370402-R00000002-1 on 2020-10-01): nothing was charged
line 3: 王五 ($C) has already paid for 2021 (370402-R00000003-1 on 2020-10-01): nothing was charged
line 4: 李四 ($B) has already paid for 2021 (370402-R00000002-2 on 2020-10-01): nothing was charged
line 5: 赵六 ($D) has already paid for 2021 (370402-R00000003-2 on 2020-10-01): nothing was charged|yibao: 4 of 4 rows are refused: nothing was paid" \
	"$status|$out|$err"
check "twice wrote nothing" "$before" "$(state)"

# Saved exactly as yibao pay saves them (but the time).
office "$T/one.db"
YIBAO_DB="$T/one.db" "$YIBAO" pay $A $B --year 2021 >/dev/null
YIBAO_DB="$T/one.db" "$YIBAO" pay $C $D --year 2021 >/dev/null
cols=$(sqlite3 "$T/o.db" "SELECT group_concat(name) FROM pragma_table_info('payment') WHERE name <> 'at'")
check "same rows as yibao pay" \
	"$(sqlite3 "$T/one.db" "SELECT $cols FROM payment ORDER BY key")" \
	"$(sqlite3 "$T/o.db" "SELECT $cols FROM payment ORDER BY key")"
check "same audit as yibao pay" \
	"$(sqlite3 "$T/one.db" "SELECT key, action, record, new_values FROM audit_log WHERE action LIKE 'payment.%' ORDER BY key")" \
	"$(sqlite3 "$T/o.db" "SELECT key, action, record, new_values FROM audit_log WHERE action LIKE 'payment.%' ORDER BY key")"

# The file as a whole, and the command line.
printf 'name,year\n' >"$T/h.csv"
run "$YIBAO" pay --batch "$T/h.csv"
check "no id column" "1||yibao: line 1: the column \"id\" (身份证号码) is missing: whom is each row for?" \
	"$status|$out|$err"
printf 'id,amount\n' >"$T/h.csv"
run "$YIBAO" pay --batch "$T/h.csv"
check "unknown column" "1||yibao: line 1: the column \"amount\" is not a field of a payment; the fields are id, group, name, year, date, late_case and employee_ended_on (or 身份证号码, 户号, 姓名, 缴费年度, 缴费日期)" \
	"$status|$out|$err"
printf 'id\n' >"$T/h.csv"
run "$YIBAO" pay --batch "$T/h.csv"
check "no one" "1||yibao: the file has a header but no one to pay for" "$status|$out|$err"
run "$YIBAO" pay --batch "$T/h.csv" $A
check "batch and an ID" "2||yibao: pay --batch FILE takes the persons, years and dates from the file: give no ID number and no other option but --dry-run and --json" \
	"$status|$out|$err"
run "$YIBAO" pay $A --dry-run
check "dry run alone" "2||yibao: pay: --dry-run goes with --batch FILE" "$status|$out|$err"

# GB18030 as Excel writes it, English names, no group column: each
# person goes on the receipt of their household in the database, 孙七
# (in none) alone.  JSON gives the same data.
printf '%s\n' 'ID-Number,Name,Date' "$D,赵六,2020/9/30" "$E,孙七,2020/9/30" \
	"$A,张三,2020/9/30" "$C,王五,2020/9/30" | iconv -f UTF-8 -t GB18030 >"$T/gb.csv"
rm -f "$T/gb.db"
"$YIBAO" --db "$T/gb.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null || exit 99
sqlite3 "$T/gb.db" "ATTACH '$T/one.db' AS o;
INSERT INTO setting SELECT * FROM o.setting WHERE key = 'policy';
INSERT INTO operator SELECT * FROM o.operator WHERE login = 'li';
INSERT INTO resident SELECT * FROM o.resident;
INSERT INTO household SELECT * FROM o.household;
INSERT INTO household_member SELECT * FROM o.household_member;
INSERT INTO person_category SELECT * FROM o.person_category;" || exit 99
YIBAO_DB="$T/gb.db" run "$YIBAO" pay --batch "$T/gb.csv" --json
check "GB18030" "0|GB18030|370402-R00000001 2 0002 2020-09-30 448.00|370402-R00000002 3 - 2020-09-30 320.00|370402-R00000003 4 0001 2020-09-30 320.00|4 1088.00" \
	"$status|$(echo "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["encoding"] + "|" + "|".join("%s %d %s %s %s" % (r["receipt"], r["line"],
      r["household"] or "-", r["paid_on"], r["total"]) for r in d["receipts"]) +
      "|%d %s" % (d["persons"], d["total"]))')"
check "GB18030 names" "赵六 王五 孙七 张三" \
	"$(sqlite3 "$T/gb.db" "SELECT r.name FROM payment p JOIN resident r USING (id_number) ORDER BY p.key" | paste -sd' ')"
finish
