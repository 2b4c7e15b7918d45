#!/bin/sh
# policy.sh: yibao policy list | show ID|FILE | check FILE (exit 0 / 1 / 2).
# Every line is compared exactly.
. "$top_srcdir/tests/cli/lib.sh"
D=$YIBAO_POLICY_DIR

# list: one line per pack, sorted by id.
run "$YIBAO" policy list
check "list" "0
demo${TAB}示范县城乡居民基本医疗保险（演示）2021${TAB}2021${TAB}-
linfen-2019${TAB}临汾市城乡居民基本医疗保险 2019${TAB}2019${TAB}002_20c0452a3475ee1d.txt
ningxia-2020${TAB}宁夏回族自治区城乡居民基本医疗保障 2020${TAB}2020${TAB}003_ea41838f20eb284e.txt
qinhuangdao-2020${TAB}秦皇岛市城乡居民基本医疗保障 2020${TAB}2020${TAB}000_997b518fb40affc4.txt
zaozhuang-2021${TAB}枣庄市城乡居民基本医疗保险 2021${TAB}2021${TAB}004_739a7bd9e4e3efb1.txt
zhangye-2019${TAB}张掖市城乡居民基本医疗保险市级统筹 2019${TAB}2019${TAB}001_15b34095aec02daa.txt
" "$status
$out
$err"

# check: every shipped pack, by path.
for id in demo linfen-2019 ningxia-2020 qinhuangdao-2020 zaozhuang-2021 \
    zhangye-2019; do
	run "$YIBAO" policy check "$D/$id.policy"
	check "check $id" "0 $D/$id.policy: ok" "$status $out"
done

# show: values with their file and line; inherited ones name the parent.
run "$YIBAO" policy show zhangye-2019
check "show exit" 0 "$status"
check "show level-3 deductible" \
	"deductible.level3 = 1500.00  # $D/zhangye-2019.policy:24" \
	"$(grep '^deductible.level3' "$T/out" | head -1)"
check "show header" "# zhangye-2019: 张掖市城乡居民基本医疗保险市级统筹 2019
# file: zhangye-2019 ($D/zhangye-2019.policy)" "$(head -2 "$T/out")"
check "show: unset values are not shown" "" \
	"$(grep '^personal' "$T/out")"

run "$YIBAO" policy show demo
check "show demo: inherited" "ratio.level3 = 75  # $D/zhangye-2019.policy:29" \
	"$(grep '^ratio.level3' "$T/out" | head -1)"
check "show demo: illustrative" \
	"period_end = 2020-12-31 !illustrative  # $D/demo.policy:32" \
	"$(grep '^period_end' "$T/out")"
check "show demo: own" "personal = 320.00  # $D/demo.policy:29" \
	"$(grep '^personal' "$T/out")"
check "show demo: extends" "# extends: zhangye-2019 ($D/zhangye-2019.policy)" \
	"$(grep '^# extends' "$T/out")"

# What show prints is a pack itself, and it resolves to the same values.
cp "$T/out" "$T/flat.policy"
run "$YIBAO" policy check "$T/flat.policy"
check "show output is a valid pack" "0 $T/flat.policy: ok" "$status $out"
run "$YIBAO" policy show "$T/flat.policy"
check "flattened pack shows the same" \
	"$(grep -v '^#' "$T/flat.policy" | sed 's/  #.*//')" \
	"$(grep -v '^#' "$T/out" | sed 's/  #.*//')"

# check: each error as FILE:LINE: KEY: message, exit 1.
cat >"$T/bad.policy" <<'PACK'
[pack]
id = bad
name = 坏
document = test
benefit_year = 2021
colour = red
[inpatient]
ratio.level1 = 101
[contribution]
personal = 1.234
personal = 2
[assistance.all]
ratio = 100
PACK
run "$YIBAO" policy check "$T/bad.policy"
check "check errors" "1
$T/bad.policy:6: colour: unknown key in [pack]
$T/bad.policy:8: ratio.level1: a percentage above 100 %: a share cannot be more than the whole
$T/bad.policy:10: personal: more than two decimals: amounts are in yuan and fen
$T/bad.policy:11: personal: given twice in [contribution]
$T/bad.policy:13: ratio: assistance may not pay 100 %: the person must always pay a part (004: no zero self-pay)
" "$status
$out
$err"

# A parent is found next to the child, then in the policy directory.
cat >"$T/child.policy" <<'PACK'
[pack]
id = child
extends = zhangye-2019
name = 子
document = test
[inpatient]
ratio.level3 = 70
PACK
run "$YIBAO" policy show "$T/child.policy"
check "child: override" "0 ratio.level3 = 70  # $T/child.policy:7" \
	"$status $(grep '^ratio.level3' "$T/out" | head -1)"
check "child: inherited year" "benefit_year = 2019  # $D/zhangye-2019.policy:13" \
	"$(grep '^benefit_year' "$T/out")"
printf '[pack]\nid = loop-a\nextends = loop-b\n' >"$T/loop-a.policy"
printf '[pack]\nid = loop-b\nextends = loop-a\n' >"$T/loop-b.policy"
run "$YIBAO" policy check "$T/loop-a.policy"
check "cycle" "1 $T/loop-b.policy:3: extends: a cycle of extends: 'loop-a' is already in the chain" \
	"$status $out"
printf '[pack]\nid = orphan\nextends = nowhere\n' >"$T/orphan.policy"
run "$YIBAO" policy check "$T/orphan.policy"
check "missing parent" "1 $T/orphan.policy:3: extends: no pack with the id 'nowhere'" \
	"$status $out"

# Failures and usage.
run "$YIBAO" policy show nosuch
check "show unknown id" "1||yibao: $D/nosuch.policy: no such pack" \
	"$status|$out|$err"
run "$YIBAO" policy check "$T/none.policy"
check "check missing file" "1 $T/none.policy: no such pack" "$status $out"
for args in "" "list extra" "show" "check" "frobnicate" "show a b"; do
	# shellcheck disable=SC2086
	run "$YIBAO" policy $args
	check "usage: policy $args" "2||yibao: usage: yibao policy list | show ID|FILE | check FILE" \
		"$status|$out|$err"
done
run env YIBAO_POLICY_DIR="$T/empty" "$YIBAO" policy list
check "list: no directory" "1" "$status"

finish
