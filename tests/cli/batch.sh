#!/bin/sh
# batch.sh: yibao claim settle --batch FILE, all or nothing, by the demo
# pack (inpatient as 001: level 1 deductible 200, 85 %, the fund's cap
# 50,000 a year; serious illness for ordinary residents from 10,000 of
# in-list personal burden).  张三 pays; 李四 never pays.
. "$top_srcdir/tests/cli/lib.sh"

A=370402198001010011	# 张三
B=370402198202020021	# 李四, never paid
# office DB: a fresh database with the two residents, 张三 paid for 2021.
office() {
	export YIBAO_TODAY=2020-10-01
	"$YIBAO" --db "$1" init --site 370402 --admin admin \
		--password-file "$T/pw" >/dev/null || exit 99
	sqlite3 "$1" "
INSERT INTO setting VALUES ('policy', 'demo');
INSERT INTO operator SELECT 'li', '李会计', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin';
INSERT INTO resident (id_number, id_reversed, name, initials, sex, birth, residence, insured_category, village, site, created_at, updated_at) VALUES
 ('$A', '', '张三', 'zs', 'M', '1980-01-01', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$B', '', '李四', 'ls', 'F', '1982-02-02', 'rural', 'rural_resident', '东村', '370402', 'x', 'x');
" || exit 99
	YIBAO_DB="$1" "$YIBAO" pay $A >/dev/null || exit 99
	export YIBAO_TODAY=2021-06-01
}
echo secret >"$T/pw"
export YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=li
office "$T/o.db"
export YIBAO_DB="$T/o.db"
state() {
	sqlite3 "$YIBAO_DB" "SELECT count(*) FROM claim; SELECT count(*) FROM audit_log; SELECT count(*) FROM policy_text" | paste -sd' '
}
before=$(state)

# Two claims of 张三 at a level 1 hospital.  First: R 40,000, D 200,
# 39,800 x 85 % = 33,830 from the fund; in-list personal burden 6,170.
# Second: R 20,000, D 200, 19,800 x 85 % = 16,830, but the cap leaves
# 50,000 - 33,830 = 16,170: the fund pays 16,170 and the cap is met;
# burden 3,830, the year's 6,170 + 3,830 = 10,000 does not pass the
# serious-illness deductible of 10,000: serious 0.  李四 never paid: his
# claim is saved with every payment 0 (the whole 5,000 his).
# Columns in another order, Out-Of-List spelt with dashes, a blank line.
printf '%s\n' \
	'kind,id,admitted,discharged,hospital,level,total,Out-Of-List,emergency' \
	"inpatient,$A,2021-03-01,2021-03-10,县人民医院,1,40000,,no" \
	'' \
	"inpatient,$A,2021-04-01,2021-04-05,县人民医院,1,20000.00,0,0" \
	"inpatient,$B,2021-04-02,2021-04-03,县中医院,1,5000,," >"$T/good.csv"

# A dry run settles the same and writes nothing.
run "$YIBAO" claim settle --batch "$T/good.csv" --dry-run
check "dry run" "0|Claim             ID number                  Total          Fund       Serious    Assistance      Personal
-                 370402********0011      40000.00      33830.00          0.00          0.00       6170.00
-                 370402********0011      20000.00      16170.00          0.00          0.00       3830.00
-                 370402********0021       5000.00          0.00          0.00          0.00       5000.00
Total                                     65000.00      50000.00          0.00          0.00      15000.00
Dry run: 3 claims would be settled (UTF-8); nothing was written.|" \
	"$status|$out|$err"
check "dry run wrote nothing" "$before" "$(state)"

run "$YIBAO" claim settle --batch "$T/good.csv"
check "batch" "0|Claim             ID number                  Total          Fund       Serious    Assistance      Personal
370402-S00000001  370402********0011      40000.00      33830.00          0.00          0.00       6170.00
370402-S00000002  370402********0011      20000.00      16170.00          0.00          0.00       3830.00
370402-S00000003  370402********0021       5000.00          0.00          0.00          0.00       5000.00
Total                                     65000.00      50000.00          0.00          0.00      15000.00
Settled 3 claims (UTF-8).|" "$status|$out|$err"
# Three claims, three audit lines, the texts of demo and zhangye-2019
# kept once.
check "batch rows" "3 $(( $(echo "$before" | cut -d' ' -f2) + 3 )) 2" "$(state)"
check "cap met" "50000.00 of 50000.00, 0.00 left" \
	"$("$YIBAO" claim list $A --year 2021 | sed -n 's/^ *Inpatient fund (accident included) *//p')"
check "audit lines" "claim.settle|370402-S00000001
claim.settle|370402-S00000002
claim.settle|370402-S00000003" "$(sqlite3 "$YIBAO_DB" "SELECT action, record FROM audit_log WHERE action LIKE 'claim.%' ORDER BY record")"

# Saved exactly as claim settle saves them one by one (but the time).
office "$T/one.db"
YIBAO_DB="$T/one.db" "$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-01 \
	--discharged 2021-03-10 --hospital 县人民医院 --level 1 --total 40000 >/dev/null
YIBAO_DB="$T/one.db" "$YIBAO" claim settle $A --kind inpatient --admitted 2021-04-01 \
	--discharged 2021-04-05 --hospital 县人民医院 --level 1 --total 20000 >/dev/null
YIBAO_DB="$T/one.db" "$YIBAO" claim settle $B --kind inpatient --admitted 2021-04-02 \
	--discharged 2021-04-03 --hospital 县中医院 --level 1 --total 5000 >/dev/null
cols=$(sqlite3 "$T/o.db" "SELECT group_concat(name) FROM pragma_table_info('claim') WHERE name <> 'at'")
check "same rows as one by one" \
	"$(sqlite3 "$T/one.db" "SELECT $cols FROM claim ORDER BY key")" \
	"$(sqlite3 "$T/o.db" "SELECT $cols FROM claim ORDER BY key")"
check "same audit as one by one" \
	"$(sqlite3 "$T/one.db" "SELECT action, record, new_values FROM audit_log WHERE action LIKE 'claim.%' ORDER BY record")" \
	"$(sqlite3 "$T/o.db" "SELECT action, record, new_values FROM audit_log WHERE action LIKE 'claim.%' ORDER BY record")"

# Every bad row is listed with its line and reason; nothing is written,
# though line 2 alone would settle.
before=$(state)
printf '%s\r\n' 'id,kind,admitted,hospital,level,total,emergency' \
	"$A,inpatient,2021-05-01,县人民医院,1,1000," \
	"$A,surgery,2021-05-02,县人民医院,4,12.345,maybe" \
	"370402198001010012,inpatient,2021-05-01,县人民医院,1,100," \
	"370402199001010016,inpatient,2021-05-01,县人民医院,1,100," \
	"$A,inpatient,2021-07-01,县人民医院,1,100," >"$T/bad.csv"
run "$YIBAO" claim settle --batch "$T/bad.csv"
check "bad rows" "1|line 3: kind \"surgery\": the kind is inpatient, accident, outpatient, chronic or maternity
line 3: level \"4\": a whole number from 1 to 3
line 3: emergency \"maybe\": say yes or no (or 1 or 0)
line 3: total \"12.345\": more than two decimals: amounts are in yuan and fen
line 4: 370402198001010012: the check digit does not match: a digit is wrong
line 5: no resident has the ID number 370402199001010016: register the person first
line 6: the admission date 2021-07-01 is after today (2021-06-01): settle care that has happened|yibao: 4 of 5 claims are refused: nothing was saved" \
	"$status|$out|$err"
check "bad rows wrote nothing" "$before" "$(state)"

# The file as a whole.
printf 'id,kind,admitted,hospital\n' >"$T/h.csv"
run "$YIBAO" claim settle --batch "$T/h.csv"
check "missing column" "1||yibao: line 1: the column \"total\" is missing; a claim needs id, kind, admitted, hospital and total" \
	"$status|$out|$err"
printf 'id,kind,admitted,hospital,total,ward\n' >"$T/h.csv"
run "$YIBAO" claim settle --batch "$T/h.csv"
check "unknown column" "1||yibao: line 1: the column \"ward\" is not a field of a claim; the fields are those of claim settle's options, such as id, kind, admitted, hospital, total" \
	"$status|$out|$err"
printf 'id,kind,admitted,hospital,total\n' >"$T/h.csv"
run "$YIBAO" claim settle --batch "$T/h.csv"
check "no claims" "1||yibao: the file has a header but no claims" "$status|$out|$err"
run "$YIBAO" claim settle --batch "$T/h.csv" $A
check "batch and an ID" "2||yibao: claim settle --batch FILE takes the claims from the file: give no ID number and no other option but --dry-run" \
	"$status|$out|$err"
check "nothing written at all" "$before" "$(state)"

# GB18030, as Excel writes it in a Chinese Windows.
iconv -f UTF-8 -t GB18030 "$T/good.csv" >"$T/gb.csv"
office "$T/gb.db"
YIBAO_DB="$T/gb.db" run "$YIBAO" claim settle --batch "$T/gb.csv"
check "GB18030" "0|Settled 3 claims (GB18030).|县人民医院" \
	"$status|$(echo "$out" | tail -1)|$(sqlite3 "$T/gb.db" "SELECT hospital FROM claim WHERE key = '370402-S00000001'")"
finish
