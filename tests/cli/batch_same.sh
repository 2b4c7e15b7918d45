#!/bin/sh
# batch_same.sh: a batch saves every claim exactly as claim settle saves
# it alone.  The batch keeps each person in memory (ops/claim_memo.c) and
# adds its own claims to the year-to-date figures; this settles the same
# seventeen claims one process at a time into one copy of a database and
# as one batch into another, and compares the claim and audit tables, the
# key counters and the stored pack texts, all but the times of saving.
# The claims of five people are interleaved: caps crossed inside the
# batch (inpatient, accident, outpatient, serious illness), a category
# that starts in the middle of the year, a chronic qualification, a
# person who never paid, one whose coverage ended, an admission away
# without registration.  Demo pack.
. "$top_srcdir/tests/cli/lib.sh"

A=370402197505050039	# 张甲, paid
B=370402196007070040	# 李乙, paid, min_living from 2021-03-01
C=370402195509090055	# 王丙, paid, diabetes qualification from 2021-02-01
D=370402199011110061	# 赵丁, never paid
E=370402198803030073	# 孙戊, paid, died 2021-04-01

echo secret >"$T/pw"
export YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
export YIBAO_DB="$T/a.db" YIBAO_TODAY=2020-10-01
"$YIBAO" init --site 370402 --admin admin --password-file "$T/pw" \
	>/dev/null || exit 99
sqlite3 "$YIBAO_DB" "
INSERT INTO setting VALUES ('policy', 'demo');
INSERT INTO resident (id_number, id_reversed, name, initials, sex, birth, residence, insured_category, village, site, created_at, updated_at) VALUES
 ('$A', '', '张甲', 'zj', 'M', '1975-05-05', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$B', '', '李乙', 'ly', 'F', '1960-07-07', 'rural', 'rural_resident', '东村', '370402', 'x', 'x'),
 ('$C', '', '王丙', 'wb', 'M', '1955-09-09', 'urban', 'urban_non_employed', '西村', '370402', 'x', 'x'),
 ('$D', '', '赵丁', 'zd', 'F', '1990-11-11', 'rural', 'rural_resident', '西村', '370402', 'x', 'x'),
 ('$E', '', '孙戊', 'sw', 'M', '1988-03-03', 'rural', 'rural_resident', '南村', '370402', 'x', 'x');
" || exit 99
for id in $A $B $C $E; do
	"$YIBAO" pay $id >/dev/null || exit 99
done
export YIBAO_TODAY=2021-06-01
"$YIBAO" category add $B min_living --from 2021-03-01 --department 民政局 \
	>/dev/null || exit 99
"$YIBAO" qualification add $C diabetes --from 2021-02-01 \
	--department 县医保局 >/dev/null || exit 99
"$YIBAO" resident end $E --date 2021-04-01 --reason death >/dev/null ||
	exit 99
cp "$T/a.db" "$T/b.db"

printf '%s\n' \
	'id,kind,admitted,discharged,hospital,level,scope,total,out_of_list,class_b,disease' \
	"$A,inpatient,2021-01-05,2021-01-15,县人民医院,1,local,30000,1000,2000," \
	"$B,inpatient,2021-01-10,2021-01-12,县中医院,2,local,20000,0,0," \
	"$C,outpatient,2021-01-12,,乡镇卫生院,1,local,300,0,0," \
	"$A,inpatient,2021-02-01,2021-02-20,市立医院,2,local,40000,0,3000," \
	"$D,inpatient,2021-02-02,2021-02-03,县人民医院,1,local,5000,0,0," \
	"$C,chronic,2021-02-15,,县人民医院,,local,800,0,0,diabetes" \
	"$B,inpatient,2021-03-05,2021-03-25,省立医院,3,local,60000,5000,5000," \
	"$A,accident,2021-03-10,2021-03-12,县人民医院,1,local,10000,0,0," \
	"$E,inpatient,2021-03-20,2021-03-22,县人民医院,1,local,8000,0,0," \
	"$C,outpatient,2021-03-21,,乡镇卫生院,1,local,250,0,0," \
	"$A,inpatient,2021-04-02,2021-04-30,省立医院,3,local,80000,0,10000," \
	"$E,inpatient,2021-04-15,2021-04-16,县人民医院,1,local,3000,0,0," \
	"$C,chronic,2021-04-20,,县人民医院,,local,900,0,0,diabetes" \
	"$B,inpatient,2021-05-01,2021-05-09,县中医院,1,local,30000,0,0," \
	"$C,outpatient,2021-05-02,,乡镇卫生院,1,local,400,0,0," \
	"$A,inpatient,2021-05-10,2021-05-12,邻县医院,2,county,10000,0,0," \
	"$C,outpatient,2021-05-04,,乡镇卫生院,1,local,350,0,0," >"$T/claims.csv"

# One process a claim, in file order.
sed 1d "$T/claims.csv" >"$T/rows.csv"
while IFS=, read -r id kind adm dis hosp lev scope tot oul cb disease; do
	set -- --kind "$kind" --admitted "$adm" --hospital "$hosp" \
	    --scope "$scope" --total "$tot" --out-of-list "$oul" \
	    --class-b "$cb"
	[ -z "$dis" ] || set -- "$@" --discharged "$dis"
	[ -z "$lev" ] || set -- "$@" --level "$lev"
	[ -z "$disease" ] || set -- "$@" --disease "$disease"
	YIBAO_DB="$T/a.db" "$YIBAO" claim settle "$id" "$@" >/dev/null ||
		echo "FAIL: claim settle $id $*"
done <"$T/rows.csv"

YIBAO_DB="$T/b.db" run "$YIBAO" claim settle --batch "$T/claims.csv"
check "batch" "0|Settled 17 claims (UTF-8).|" \
	"$status|$(echo "$out" | tail -1)|$err"

# Everything but the time of saving, which differs from process to process.
claim_cols=$(sqlite3 "$T/a.db" "SELECT group_concat(name) FROM pragma_table_info('claim') WHERE name <> 'at'")
audit_cols=$(sqlite3 "$T/a.db" "SELECT group_concat(name) FROM pragma_table_info('audit_log') WHERE name NOT IN ('seq', 'at')")
table() {
	sqlite3 "$1" "SELECT $claim_cols FROM claim ORDER BY key;
	    SELECT $audit_cols FROM audit_log ORDER BY key;
	    SELECT * FROM key_counter ORDER BY kind;
	    SELECT hash, position, id, file, length(text) FROM policy_text ORDER BY hash, position"
}
check "claims, audit lines, counters and texts as one by one" \
	"$(table "$T/a.db")" "$(table "$T/b.db")"
check "17 claims" 17 "$(sqlite3 "$T/b.db" "SELECT count(*) FROM claim")"

# The cases the comparison must cover did happen (the same either way).
q() { sqlite3 "$T/b.db" "$1" | paste -sd' '; }
check "inpatient cap met inside the batch" "50000.00 of 50000.00, 0.00 left" \
	"$(YIBAO_DB="$T/b.db" "$YIBAO" claim list $A --year 2021 |
	    sed -n 's/^ *Inpatient fund (accident included) *//p')"
check "year so far grows claim by claim" 5 \
	"$(q "SELECT count(DISTINCT ytd) FROM claim WHERE id_number = '$A'")"
check "refused: coverage ended, never paid" "$E|ended $D|not_paid" \
	"$(q "SELECT id_number || '|' || ineligible FROM claim WHERE ineligible IS NOT NULL ORDER BY id_number")"
check "category from March" "- min_living min_living" \
	"$(q "SELECT coalesce(nullif(categories, ''), '-') FROM claim WHERE id_number = '$B' ORDER BY key")"
check "chronic and qualified outpatient" "2 3" \
	"$(q "SELECT count(*) FROM claim WHERE id_number = '$C' AND kind = 'chronic' AND fund > 0; SELECT count(*) FROM claim WHERE id_number = '$C' AND kind = 'outpatient' AND chronic_qualified = 1")"
check "away without registration" "county||1" \
	"$(q "SELECT scope || '|' || coalesce(registration, '') || '|' || (penalty > 0) FROM claim WHERE scope <> 'local'")"
finish
