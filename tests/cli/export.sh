#!/bin/sh
# export.sh: yibao export: exact bytes of the CSV (GB18030 by default,
# utf-8-bom, utf-8), CRLF, quoting, the tab that keeps ID numbers text in
# Excel, masking for a clerk, FILE.tmp then rename, exit statuses.
. "$top_srcdir/tests/cli/lib.sh"

export YIBAO_TODAY=2020-10-01
echo secret >"$T/pw"
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null ||
	exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
A=370402198001010011	# 王𠀀, head of household 0001
B=370402198202020021	# 李四, 东村,南 (a comma to quote)
sqlite3 "$T/o.db" "
INSERT INTO operator SELECT 'li', '李会计', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin';
INSERT INTO resident (id_number, id_reversed, name, initials, sex, birth, residence, insured_category, village, phone, site, created_at, updated_at) VALUES
 ('$A', '', '王𠀀', 'w', 'M', '1980-01-01', 'rural', 'rural_resident', '东村', '13812345678', '370402', 'x', 'x'),
 ('$B', '', '李四', 'ls', 'F', '1982-02-02', 'urban', 'rural_resident', '东村,南', '', '370402', 'x', 'x');
INSERT INTO household VALUES ('370402-H00000001', '0001', '东村', '', '370402', 'x');
INSERT INTO household_member VALUES
 ('370402-M00000001', '370402-H00000001', '$A', 'head', '2020-01-01', NULL, '370402', 'x');
" || exit 99
HEAD='身份证号码,姓名,性别,出生日期,户号,户主身份证号,与户主关系,村(社区),户口性质,参保类别,人员类别,联系电话,参保状态,终止日期'
ROWA="$A$TAB,王𠀀,男,1980-01-01,0001$TAB,$A$TAB,户主,东村,农业,农村居民,,13812345678$TAB,正常,"
ROWB="$B$TAB,李四,女,1982-02-02,,,,\"东村,南\",非农业,农村居民,,,正常,"
printf '%s\r\n%s\r\n%s\r\n' "$HEAD" "$ROWA" "$ROWB" >"$T/want.utf8"

# utf-8: the rows as they are, CRLF ends, the tab after each number.
run "$YIBAO" export residents --encoding utf-8
"$YIBAO" export residents --encoding utf-8 >"$T/got.utf8"
check "utf-8 bytes" "0|same" "$status|$(cmp -s "$T/want.utf8" "$T/got.utf8" && echo same)"

# GB18030 by default, to a file: 王 is CD F5, 𠀀 95 32 82 36.
run "$YIBAO" export residents -o "$T/r.csv"
iconv -f UTF-8 -t GB18030 "$T/want.utf8" >"$T/want.gb"
check "gb18030 file" "0|same|Wrote $T/r.csv: 2 residents rows, gb18030, Chinese headers, ID numbers in full." \
	"$status|$(cmp -s "$T/want.gb" "$T/r.csv" && echo same)|$err"
check "gb18030 name bytes" "cd f5 95 32 82 36" \
	"$(grep -a "^$A" "$T/r.csv" | cut -d, -f2 | tr -d "\n" | od -An -tx1 | tr -s ' ' | sed 's/^ //')"
check "no tmp left" "" "$(ls "$T" | grep 'r.csv.tmp')"

# utf-8-bom: EF BB BF then the same bytes as utf-8.
"$YIBAO" export residents --encoding utf-8-bom -o "$T/b.csv" 2>/dev/null
check "bom" "ef bb bf" "$(head -c 3 "$T/b.csv" | od -An -tx1 | tr -s ' ' | sed 's/^ //')"
check "bom then utf-8" "same" "$(tail -c +4 "$T/b.csv" | cmp -s - "$T/want.utf8" && echo same)"

# --village filters; a clerk gets masked ID and telephone numbers.
run env YIBAO_OPERATOR=li "$YIBAO" export residents --village 东村 --encoding utf-8
check "clerk masked" "0|370402********0011$TAB,王𠀀,男,1980-01-01,0001$TAB,370402********0011$TAB,户主,东村,农业,农村居民,,138****5678$TAB,正常,
" "$status|$(printf '%s' "$out" | tail -n +2 | tr -d '\r')
"

# Every export is one audit line naming what left the office.
check "audit" "export.residents|5" \
	"$(sqlite3 "$T/o.db" "SELECT action, count(*) FROM audit_log WHERE action LIKE 'export.%'" | tr -d '\n')"
check "audit rows" '{"kind":"residents","year":null,"village":"东村","id_numbers":"masked","target":"utf-8 -","rows":"1"}' \
	"$(sqlite3 "$T/o.db" "SELECT new_values FROM audit_log ORDER BY seq DESC LIMIT 1")"

# Empty lists: the header alone.
run "$YIBAO" export settlements --headers national --encoding utf-8
check "settlements national" "0|setl_id,certno,psn_name,village,med_type,benefit_year,begndate,enddate,fixmedins_name,hosp_lv,scope,medfee_sumamt,fulamt_ownpay_amt,overlmt_selfpay,preselfpay_amt,inscp_scp_amt,act_pay_dedc,hifp_ratio,hifp_pay,hifmi_pay,maf_pay,fund_pay_sumamt,psn_part_amt,reverses_setl_id,setl_time,opter" \
	"$status|$(printf '%s' "$out" | tr -d '\r')"
run "$YIBAO" export registrations --year 2021 --encoding utf-8
check "registrations" "0|备案号,身份证号码,姓名,村(社区),备案类型,备案范围,就医地代码,就医地,开始日期,结束日期,转入医院,诊断,备案状态,撤销日期,撤销原因,备案日期" \
	"$status|$(printf '%s' "$out" | tr -d '\r')"

# Refusals: exit 2 for the command line, nothing written, no audit.
before=$(sqlite3 "$T/o.db" "SELECT count(*) FROM audit_log")
run "$YIBAO" export people
check "unknown kind" 2 "$status"
run "$YIBAO" export residents --headers national
check "national not for residents" "2|yibao: export: --headers national is only for settlements" "$status|$err"
run "$YIBAO" export residents --encoding latin1
check "bad encoding" "2|yibao: export: the encoding must be gb18030, utf-8 or utf-8-bom, not \"latin1\"" "$status|$err"
run "$YIBAO" export payments --year 20x1
check "bad year (a bad value)" 1 "$status"
run "$YIBAO" export residents -o "$T/no/such/dir/r.csv"
check "unwritable" 1 "$status"
check "no audit for refusals" "$before" "$(sqlite3 "$T/o.db" "SELECT count(*) FROM audit_log")"
finish
