#!/bin/sh
# resident.sh: yibao resident, household, category and qualification from
# the command line, with exact output; masking by role; nothing written on
# refusal; a run in zh_CN.GB18030 (arguments and output converted).
. "$top_srcdir/tests/cli/lib.sh"

echo secret >"$T/pw"
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null || exit 99
sqlite3 "$T/o.db" "INSERT INTO setting VALUES('policy','demo')"
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
# A clerk, to see masking (the operator table is written directly: the
# operator command belongs to another part).
sqlite3 "$T/o.db" "INSERT INTO operator SELECT 'li', '李', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin'"

# 11010519491231002X: female, born 1949-12-31 (see tests/test_ops_resident.c)
run "$YIBAO" resident add 11010519491231002x --name 张三 --residence rural \
	--insured rural_resident --village 东关村 --phone 13800000000
check "add" "0 Registered 张三 (11010519491231002X)." "$status $out"
run "$YIBAO" resident add 370402198202020021 --name 曾小红 --residence rural \
	--insured student_child --village 东关村 --sex F --birth 1982-02-02
check "add with agreeing sex and birth" "0 Registered 曾小红 (370402198202020021)." "$status $out"
run "$YIBAO" resident add 370402198001010011 --name 王䶮 --residence urban \
	--insured flexible_worker --village 西关社区
check "add a rare character" "0 Registered 王䶮 (370402198001010011)." "$status $out"

sum=$(sqlite3 "$T/o.db" "SELECT count(*) FROM resident; SELECT count(*) FROM audit_log")
run "$YIBAO" resident add 110105194912310029 --name 张三 --residence rural \
	--insured rural_resident --village 东关村
check "bad check digit" "1|yibao: the ID number 110105194912310029 is not valid: the check digit does not match: a digit is wrong" \
	"$status|$err"
run "$YIBAO" resident add 370402196603050011 --name 李四 --residence rural \
	--insured rural_resident --village 东关村 --sex F
check "sex differs from the ID" "1|yibao: the ID number 370402196603050011 is of a male person, not F: check the number or the sex" \
	"$status|$err"
run "$YIBAO" resident add 110105491231002 --name 张三 --residence rural \
	--insured rural_resident --village 东关村
check "duplicate (15 digits)" "1|yibao: 11010519491231002X is already registered, as 张三 of 东关村: find the person to see or change the record" \
	"$status|$err"
run "$YIBAO" resident add 370402196603050011 --name 李四 --residence rural \
	--insured farmer --village 东关村
check "unknown insured category" 1 "$status"
run "$YIBAO" resident add 370402196603050011 --name 李四 --residence rural
check "missing options" "1|yibao: give the insured category (--insured)" "$status|$err"
run "$YIBAO" resident add 370402196603050011 --name 李四 --colour red
check "unknown option" 2 "$status"
check "refusals write nothing" "$sum" \
	"$(sqlite3 "$T/o.db" "SELECT count(*) FROM resident; SELECT count(*) FROM audit_log")"

# find: by number, last digits, name, initials (曾 is z and c); masked for clerks.
run "$YIBAO" resident find zs
check "find zs (admin: full number)" "0 ID number           Name  Sex     Born        Village  Status
11010519491231002X  张三  female  1949-12-31  东关村   active" "$status $out"
run "$YIBAO" --operator li resident find zs
check "find zs (clerk: masked)" "0 ID number           Name  Sex     Born        Village  Status
110105********002X  张三  female  1949-12-31  东关村   active" "$status $out"
run "$YIBAO" --operator li resident find 002X
check "find by last digits" "110105********002X  张三  female  1949-12-31  东关村   active" \
	"$(echo "$out" | tail -n +2)"
run "$YIBAO" resident find zxh
check "find zxh (曾 zēng)" "370402198202020021  曾小红  female  1982-02-02  东关村   active" \
	"$(echo "$out" | tail -n +2)"
run "$YIBAO" resident find cxh
check "find cxh (曾 céng)" "370402198202020021  曾小红  female  1982-02-02  东关村   active" \
	"$(echo "$out" | tail -n +2)"
run "$YIBAO" resident find 王
check "find by name, rare character" "370402198001010011  王䶮  male  1980-01-01  西关社区  active" \
	"$(echo "$out" | tail -n +2)"
run "$YIBAO" resident find 370402198001010011
check "find by whole number" "370402198001010011  王䶮  male  1980-01-01  西关社区  active" \
	"$(echo "$out" | tail -n +2)"
run "$YIBAO" resident find 赵
check "find nothing" "0 No resident found." "$status $out"
run "$YIBAO" --operator li resident find wy --json
check "find --json" '{
  "query": "wy",
  "search": "initials",
  "more": false,
  "residents": [
    {
      "id_number": "370402********0011",
      "name": "\u738b\u4dae",
      "sex": "M",
      "birth": "1980-01-01",
      "village": "\u897f\u5173\u793e\u533a",
      "status": "active"
    }
  ]
}' "$out"

# households
run "$YIBAO" household create 0001 --village 东关村 --head 11010519491231002X
check "household create" "0 Created household 0001 in 东关村; head: 张三." "$status $out"
run "$YIBAO" household add 0001 370402198202020021 --relation child
check "household add" "0 Added 曾小红 to household 0001 as child." "$status $out"
run "$YIBAO" household add 0009 370402198001010011 --relation child
check "no such household" "1|yibao: there is no household 0009: create the household first" \
	"$status|$err"
# The ops' messages are shown on screen too: they name the clerk's action,
# never a command to type (once: "请先用 yibao household create 建户").
need_locale zh_CN.utf8
run env LC_ALL=zh_CN.UTF-8 "$YIBAO" household add 0009 370402198001010011 \
	--relation child
check "no such household, zh_CN: names 0009, no command" "1|0009|" \
	"$status|$(echo "$err" | grep -o 0009)|$(echo "$err" | grep -o 'yibao ')"
run "$YIBAO" household create 0002 --village 西关社区 --head 370402198202020021
check "one household at a time" "1|yibao: 曾小红 is already in household 0001 (since 2021-06-01): move the person to change it" \
	"$status|$err"
run "$YIBAO" household create 0002 --village 西关社区 --head 370402198001010011
check "second household" 0 "$status"
run "$YIBAO" household move 11010519491231002X --to 0002 --relation parent
check "head cannot leave members behind" "1|yibao: 张三 is the head of household 0001, which has other members: first make one of them the head" \
	"$status|$err"
run "$YIBAO" household move 370402198202020021 --to 0002 --relation spouse
check "move" "0 Moved 曾小红 to household 0002 as spouse." "$status $out"
run "$YIBAO" --operator li household show 0001 --history
check "show --history (clerk)" "0 Household 0001, 东关村
  ID number           Name    Relation           Joined      Left
  110105********002X  张三    head of household  2021-06-01  -
  370402********0021  曾小红  child              2021-06-01  2021-06-01" "$status $out"
run "$YIBAO" household show 0001
check "show current" "0 Household 0001, 东关村
  ID number           Name  Relation           Joined
  11010519491231002X  张三  head of household  2021-06-01" "$status $out"

# categories and qualifications
run "$YIBAO" category add 11010519491231002X min_living --from 2021-01-01 --department 民政局
check "category add" "0 Recorded min_living for 张三 (11010519491231002X), valid from 2021-01-01." \
	"$status $out"
run "$YIBAO" category add 11010519491231002X min_living --from 2021-03-01 --to 2021-03-31 --department 民政局
check "overlap refused" "1|yibao: 张三 already holds min_living for part of this period: end that period first, or choose dates that do not overlap" \
	"$status|$err"
run "$YIBAO" category add 11010519491231002X veteran --from 2021-01-01 --department 民政局
check "unknown category" "1|yibao: the pack demo does not recognize the category \"veteran\": see its list of categories" \
	"$status|$err"
run "$YIBAO" --operator li category end 11010519491231002X min_living --date 2021-06-30 --reason 复核
check "category end by a clerk" "4|yibao: only a supervisor or an administrator may do this; li is a clerk" "$status|$err"
run "$YIBAO" category end 11010519491231002X min_living --date 2021-06-30 --reason 复核
check "category end" "0 min_living of 张三 (11010519491231002X) ends on 2021-06-30." "$status $out"
run "$YIBAO" qualification add 11010519491231002X hypertension --from 2021-03-01 --to 2021-12-31 --department 县医保局
check "qualification add" "0 Recorded hypertension for 张三 (11010519491231002X), valid from 2021-03-01 to 2021-12-31." \
	"$status $out"
run "$YIBAO" qualification add 11010519491231002X flu --from 2021-03-01 --department 县医保局
check "unknown disease" "1|yibao: the pack demo has no chronic disease \"flu\": see its list of chronic diseases" \
	"$status|$err"

run "$YIBAO" --operator li resident show 11010519491231002X
check "resident show" "0 ID number   11010519491231002X
Name        张三
Sex         female
Born        1949-12-31
Residence   rural
Insured as  rural resident
Village     东关村
Phone       13800000000
Status      active
Household   0001, head of household, since 2021-06-01

Members of the household:
  ID number           Name  Relation           Since
  110105********002X  张三  head of household  2021-06-01

Hardship categories:
  Code        From        To          Certified by  Ended because
  min_living  2021-01-01  2021-06-30  民政局        复核

Chronic-disease qualifications:
  Code          From        To          Certified by  Ended because
  hypertension  2021-03-01  2021-12-31  县医保局" "$status $out"

# edit and end
run "$YIBAO" resident edit 370402198001010011 --phone 0632-1234567 --village 东关村
check "edit" "0 Saved 王䶮 (370402198001010011)." "$status $out"
check "edit audited old -> new" '{"village":"西关社区","phone":""} {"village":"东关村","phone":"0632-1234567"}' \
	"$(sqlite3 "$T/o.db" "SELECT old_values || ' ' || new_values FROM audit_log WHERE action = 'resident.edit'")"
run "$YIBAO" resident end 370402198001010011 --date 2021-05-01 --reason military
check "end" "0 The coverage of 王䶮 (370402198001010011) ended on 2021-05-01: military service.
A contribution paid in advance for the coming year is refunded with yibao refund." "$status $out"
run "$YIBAO" resident end 370402198001010011 --date 2021-05-02 --reason death
check "end twice" "1|yibao: 王䶮's coverage already ended on 2021-05-01 (military service); a supervisor can reopen it" \
	"$status|$err"
run "$YIBAO" --operator li resident reopen 370402198001010011 --reason 误操作
check "reopen by a clerk" 4 "$status"
run "$YIBAO" resident reopen 370402198001010011 --reason 误操作
check "reopen" "0 The coverage of 王䶮 (370402198001010011) is active again." "$status $out"

# GB18030: a name typed in GB18030 is stored in UTF-8, and shown in GB18030.
need_locale zh_CN.gb18030
name=$(printf '李四' | iconv -f UTF-8 -t GB18030)
village=$(printf '东关村' | iconv -f UTF-8 -t GB18030)
LC_ALL=zh_CN.GB18030 "$YIBAO" resident add 370402196603050011 --name "$name" \
	--residence rural --insured rural_resident --village "$village" >"$T/gb" 2>&1
check "GB18030 argument stored as UTF-8" "李四|东关村" \
	"$(sqlite3 "$T/o.db" "SELECT name, village FROM resident WHERE id_number = '370402196603050011'")"
LC_ALL=zh_CN.GB18030 "$YIBAO" resident find ls >"$T/gb"
# 男 (the catalog's "male") is 2 columns under the 3 of "Sex": one space
# of padding, then the two between columns.
# Columns in display columns: 身份证号码 is 10 wide, padded to the 18 of
# the number plus 2; a Hanzi counts two.
check "GB18030 output, aligned" "身份证号码          姓名  性别  出生日期    村（社区）  状态
370402196603050011  李四  男    1966-03-05  东关村      有效" \
	"$(iconv -f GB18030 -t UTF-8 <"$T/gb")"

finish
