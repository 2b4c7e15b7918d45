#!/bin/sh
# import.sh: yibao import residents and categories, end to end: a GB18030
# roster as Excel saves it, a re-import that changes nothing, a dry run, a
# file with bad rows (exit 1, every row listed, nothing written), UTF-16
# and usage errors.
. "$top_srcdir/tests/cli/lib.sh"

echo secret > "$T/pw"
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin \
	--password-file "$T/pw" >/dev/null || exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
"$YIBAO" policy use demo >/dev/null || exit 99

# The database as counts: residents, households, members, categories, audit.
counts() {
	sqlite3 "$T/o.db" "SELECT (SELECT count(*) FROM resident) || ' ' ||
	    (SELECT count(*) FROM household) || ' ' ||
	    (SELECT count(*) FROM household_member) || ' ' ||
	    (SELECT count(*) FROM person_category) || ' ' ||
	    (SELECT count(*) FROM audit_log)"
}

# IDs (check characters by MOD 11-2): 110105198001010016 male,
# 370402199001010024 female, 110105201001010037 male.  Excel's CRLF, GB18030.
printf '%s\r\n' \
	'身份证号,姓名,性别,户号,户主身份证号,与户主关系,村（社区）,户口性质,联系电话,备注' \
	'110105198001010016,张三,男,H001,110105198001010016,户主,东村,农业,13800000000,' \
	'370402199001010024,"李四, 小",女,H001,110105198001010016,配偶,东村,农业,,' \
	'110105201001010037,张小,,H001,110105198001010016,子,东村,农业,,' |
	iconv -f UTF-8 -t GB18030 >"$T/roster.csv" || exit 99
base=$(counts)

run "$YIBAO" import residents "$T/roster.csv" --dry-run
check "dry run" "0 Column \"备注\" is not known: ignored.
Read 3 rows (GB18030): 3 added, 0 changed, 0 unchanged.
Dry run: nothing was written." "$status $out"
check "dry run writes nothing" "$base" "$(counts)"

run "$YIBAO" import residents "$T/roster.csv"
check "import" "0 Column \"备注\" is not known: ignored.
Read 3 rows (GB18030): 3 added, 0 changed, 0 unchanged." "$status $out"
# 3 residents, 1 household, 3 members; audit: 3 resident.add,
# household.create, 3 household.join, import.residents = 8 more lines
check "written" "3 1 3 0 $(( $(echo "$base" | cut -d' ' -f5) + 8 ))" "$(counts)"
run "$YIBAO" household show H001
check "household" "0 Household H001, 东村
  ID number           Name      Relation           Joined
  110105198001010016  张三      head of household  2021-06-01
  370402199001010024  李四, 小  spouse             2021-06-01
  110105201001010037  张小      child              2021-06-01" "$status $out"
check "audit line of the import" "import.residents|$T/roster.csv" \
	"$(sqlite3 "$T/o.db" "SELECT action || '|' || record FROM audit_log
	    WHERE action LIKE 'import.%'")"

after=$(counts)
run "$YIBAO" import residents "$T/roster.csv"
check "re-import" "0 Column \"备注\" is not known: ignored.
Read 3 rows (GB18030): 0 added, 0 changed, 3 unchanged." "$status $out"
check "re-import writes nothing" "$after" "$(counts)"

# A changed phone, UTF-8 with a BOM, tab-separated.
printf '\357\273\277id_number\tname\tvillage\tphone\n110105198001010016\t张三\t东村\t13900000000\n' \
	>"$T/phone.tsv"
run "$YIBAO" import residents "$T/phone.tsv"
check "changed" "0 Read 1 rows (UTF-8 with BOM): 0 added, 1 changed, 0 unchanged." \
	"$status $out"
after=$(counts)

# Bad rows: all listed, nothing written (the good first row neither).
cat >"$T/bad.csv" <<'CSV'
身份证号,姓名,村,户口性质
370402198503150049,新人,东村,农业
4.40524E+17,王一,东村,农业
440524199001011000,王二,东村,农业
,王四,,农业
370402198503150049,新人,东村,外星
CSV
run "$YIBAO" import residents "$T/bad.csv"
check "bad rows" "1 line 3, 身份证号 \"4.40524E+17\": Excel turned this ID number into a number in scientific notation and lost its digits: format the column as text in Excel and type the numbers again (or ask the department for the list with the column as text)
line 4, 身份证号 \"440524199001011000\": this ID number ends in 000 and its check digit is wrong: Excel kept only its first 15 digits; format the column as text in Excel and type the numbers again (or ask the department for the list with the column as text)
line 5, 身份证号 \"\": the ID number is empty
line 5, 村 \"\": the village or community is empty
line 6, 户口性质 \"外星\": the residence is not 农业 or 非农业 (rural or urban)" \
	"$status $out"
check "bad rows message" "yibao: 4 rows have problems: nothing was imported; correct them and import the file again" "$err"
check "bad rows write nothing" "$after" "$(counts)"
run "$YIBAO" import residents "$T/bad.csv" --dry-run
check "dry run lists the same" "1 5" "$status $(echo "$out" | wc -l)"

# --json: the same report for a program; the Chinese as \u escapes.
run "$YIBAO" import residents "$T/bad.csv" --dry-run --json
check "json bad rows" "1 4 5 3 身份证号 4.40524E+17 False True" "$status $(echo "$out" |
	python3 -c 'import json, sys; r = json.load(sys.stdin); p = r["problems"]
print(r["bad_rows"], len(p), p[0]["line"], p[0]["column"], p[0]["value"],
    r["written"], r["error"].startswith("4 rows have problems"))')"
check "json is ASCII" "" "$(echo "$out" | LC_ALL=C grep -n '[^ -~]')"

# Standard input and pipes are read through a temporary copy.
run sh -c "cat '$T/roster.csv' | '$YIBAO' import residents - --json"
# (the phone number the TSV above changed is changed back)
check "pipe" "0 GB18030 3 0 1 2 True" "$status $(echo "$out" |
	python3 -c 'import json, sys; r = json.load(sys.stdin)
print(r["encoding"], r["rows"], r["added"], r["changed"], r["unchanged"],
    r["error"] is None)')"
run sh -c "'$YIBAO' import residents - --dry-run <'$T/bad.csv'"
check "redirected standard input" "1 5" "$status $(echo "$out" | wc -l)"
after=$(counts)

# A missing required column stops before any row.
printf '身份证号,村\n370402198503150049,东村\n' >"$T/noname.csv"
run "$YIBAO" import residents "$T/noname.csv"
check "missing column" "1 yibao: the file has no name column (line 1 is read as the header): add it, named for example 姓名" \
	"$status $err"

# UTF-16, bad bytes, a forced encoding.
printf '\377\376a\000' >"$T/u16.csv"
run "$YIBAO" import residents "$T/u16.csv"
check "utf-16" "1 yibao: the file is UTF-16 (Excel's \"Unicode text\"): open it in Excel and save it as \"CSV (comma delimited)\" or \"CSV UTF-8\", then import that file" \
	"$status $err"
# the header is 9 + 1 + 4 + 1 + 7 + 1 = 23 bytes: FF is at offset 23
printf 'id_number,name,village\n\377\n' >"$T/ff.csv"
run "$YIBAO" import residents "$T/ff.csv"
check "bad byte" "1 yibao: the file is neither UTF-8 nor GB18030: line 2, byte 23 is not a character of either; open the file in Excel and save it as CSV again" \
	"$status $err"
run "$YIBAO" import residents "$T/roster.csv" --encoding utf-8
check "forced utf-8" "1 yibao: the file is not valid utf-8: line 1, byte 0 is not a character of it; check --encoding, or open the file in Excel and save it as CSV again" \
	"$status $err"
check "refusals write nothing" "$after" "$(counts)"

# Categories: the department's list, the category by its Chinese label.
printf '证件号码,姓名\n370402199001010024,"李四, 小"\n110105201001010037,张小\n' \
	>"$T/tekun.csv"
run "$YIBAO" import categories "$T/tekun.csv" --category 特困人员 \
	--valid-from 2021-03-01 --department 民政局
check "categories" "0 Read 2 rows (UTF-8): 2 added, 0 changed, 0 unchanged." "$status $out"
check "categories written" "extreme_poverty 2021-03-01 民政局
extreme_poverty 2021-03-01 民政局" \
	"$(sqlite3 -separator ' ' "$T/o.db" "SELECT category, valid_from,
	    department FROM person_category ORDER BY id_number")"
run "$YIBAO" import categories "$T/tekun.csv" --category extreme_poverty \
	--valid-from 2021-03-01 --department 民政局
check "categories again" "0 Read 2 rows (UTF-8): 0 added, 0 changed, 2 unchanged." "$status $out"

# Usage.
run "$YIBAO" import
check "no kind" 2 "$status"
run "$YIBAO" import residents
check "no file" 2 "$status"
run "$YIBAO" import residents "$T/roster.csv" --bogus
check "unknown option" 2 "$status"
run "$YIBAO" import residents "$T/nonexistent.csv"
check "missing file" 1 "$status"
run "$YIBAO" import categories "$T/tekun.csv" --valid-from 2021-03-01 \
	--department 民政局
check "categories need --category" "1 yibao: give a category of the pack demo (--category CODE): see its list of categories" \
	"$status $err"

finish
