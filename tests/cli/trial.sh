#!/bin/sh
# trial.sh: yibao trial --policy ID|FILE KEY=VALUE...: one JSON object,
# exit 0 / 2 (bad input, unknown pack) / 3 (the pack lacks a parameter).
# Expected figures are worked out by hand in the comments (RULES.md 5, 6).
. "$top_srcdir/tests/cli/lib.sh"


NOSERIOUS='"The policy pack has no serious-illness insurance section: serious-illness payment 0."'
NOASSIST='"The policy pack has no medical assistance section: assistance payment 0."'

# RULES.md 6: P_B = 3000 × 20 % = 600; R = 20000 - 1000 - 600 = 18400;
# D = 1500; r = 75 %; fund = 16900 × 75 % = 12675; personal = 7325.
rules6="{
  \"medfee_sumamt\": \"20000.00\",
  \"fulamt_ownpay_amt\": \"1000.00\",
  \"overlmt_selfpay\": \"0.00\",
  \"preselfpay_amt\": \"600.00\",
  \"inscp_scp_amt\": \"18400.00\",
  \"act_pay_dedc\": \"1500.00\",
  \"hifp_ratio\": \"75\",
  \"hifp_pay\": \"12675.00\",
  \"hifmi_pay\": \"0.00\",
  \"maf_pay\": \"0.00\",
  \"fund_pay_sumamt\": \"12675.00\",
  \"psn_part_amt\": \"7325.00\",
  \"policy\": \"zhangye-2019\",
  \"notes\": [
    $NOSERIOUS,
    $NOASSIST
  ]
}"
run "$YIBAO" trial --policy zhangye-2019 kind=inpatient level=3 scope=local \
	total=20000.00 out_of_list=1000.00 class_b=3000.00
check "RULES.md 6 worked example" "0|$rules6|" "$status|$out|$err"

# The same pack named by its file, keys in another order, --policy=.
run "$YIBAO" trial class_b=3000 total=20000 \
	"--policy=$top_srcdir/data/policy/zhangye-2019.policy" \
	out_of_list=1000 level=3 kind=inpatient
check "pack by file name" "0|$rules6|" "$status|$out|$err"

# 001 imported material with a domestic standard, county scope without
# registration: E = 3000 - 2000 = 1000; B' = 1000 + 2000 = 3000, P_B = 600;
# R = 10000 - 1000 - 600 = 8400; D = 700; r = 80 - 10 = 70 %;
# fund = 7700 × 70 % = 5390; personal = 10000 - 5390 = 4610.
run "$YIBAO" trial --policy zhangye-2019 kind=inpatient level=2 scope=county \
	total=10000 class_b=1000 imported=3000 imported_standard=2000
check "imported, penalty" "0|{
  \"medfee_sumamt\": \"10000.00\",
  \"fulamt_ownpay_amt\": \"0.00\",
  \"overlmt_selfpay\": \"1000.00\",
  \"preselfpay_amt\": \"600.00\",
  \"inscp_scp_amt\": \"8400.00\",
  \"act_pay_dedc\": \"700.00\",
  \"hifp_ratio\": \"70\",
  \"hifp_pay\": \"5390.00\",
  \"hifmi_pay\": \"0.00\",
  \"maf_pay\": \"0.00\",
  \"fund_pay_sumamt\": \"5390.00\",
  \"psn_part_amt\": \"4610.00\",
  \"policy\": \"zhangye-2019\",
  \"notes\": [
    \"No off-site registration or referral for care in another county of the pooling region: the ratio is cut by 10 points.\",
    $NOSERIOUS,
    $NOASSIST
  ]
}|" "$status|$out|$err"

# 001 maternity, difficult twins: 2000 + 400 = 2400, no other layer.
run "$YIBAO" trial --policy zhangye-2019 kind=maternity delivery=difficult \
	babies=2 total=5000
check "maternity" "0|{
  \"medfee_sumamt\": \"5000.00\",
  \"fulamt_ownpay_amt\": \"0.00\",
  \"overlmt_selfpay\": \"0.00\",
  \"preselfpay_amt\": \"0.00\",
  \"inscp_scp_amt\": \"5000.00\",
  \"act_pay_dedc\": \"0.00\",
  \"hifp_ratio\": \"0\",
  \"hifp_pay\": \"2400.00\",
  \"hifmi_pay\": \"0.00\",
  \"maf_pay\": \"0.00\",
  \"fund_pay_sumamt\": \"2400.00\",
  \"psn_part_amt\": \"2600.00\",
  \"policy\": \"zhangye-2019\",
  \"notes\": []
}|" "$status|$out|$err"

# 000 outpatient (from 2021-01-01; today is 2021-06-01): deductible 50 of
# which 30 used: D = 20; fund = (80 - 20) × 50 % = 30; personal 50.
run "$YIBAO" trial --policy qinhuangdao-2020 kind=outpatient total=80 \
	ytd_outpatient_range=30
check "outpatient, deductible partly used" "0|{
  \"medfee_sumamt\": \"80.00\",
  \"fulamt_ownpay_amt\": \"0.00\",
  \"overlmt_selfpay\": \"0.00\",
  \"preselfpay_amt\": \"0.00\",
  \"inscp_scp_amt\": \"80.00\",
  \"act_pay_dedc\": \"20.00\",
  \"hifp_ratio\": \"50\",
  \"hifp_pay\": \"30.00\",
  \"hifmi_pay\": \"0.00\",
  \"maf_pay\": \"0.00\",
  \"fund_pay_sumamt\": \"30.00\",
  \"psn_part_amt\": \"50.00\",
  \"policy\": \"qinhuangdao-2020\",
  \"notes\": [
    \"Yearly outpatient deductible 50.00 yuan, of which 20.00 yuan was left before this visit.\"
  ]
}|" "$status|$out|$err"

# 000: no general outpatient for the chronic-qualified.
run "$YIBAO" trial --policy qinhuangdao-2020 kind=outpatient total=80 \
	chronic_qualified=yes
check "chronic-qualified: no outpatient benefit" "0|80.00|0.00|80.00" \
	"$status|$(printf '%s\n' "$out" | sed -n 's/.*"inscp_scp_amt": "\(.*\)",/\1/p')|$(printf '%s\n' "$out" | sed -n 's/.*"hifp_pay": "\(.*\)",/\1/p')|$(printf '%s\n' "$out" | sed -n 's/.*"psn_part_amt": "\(.*\)",/\1/p')"

# Exit 2, a wrong command line (an unknown key, option or pack, a key
# missing or twice), or 1, a bad value or a bill the engine refuses (as
# claim settle): the message on stderr, nothing on stdout.
fails_with() {
	want=$1 name=$2
	shift 2
	run "$YIBAO" trial "$@"
	check "$name: exit $want, stdout empty" "$want|" "$status|$out"
	if [ -z "$err" ]; then
		fails=$((fails + 1))
		echo "FAIL: $name: no message on stderr"
	fi
}
bad() { fails_with 2 "$@"; }
invalid() { fails_with 1 "$@"; }
bad "unknown key" --policy zhangye-2019 kind=inpatient level=3 total=100 colour=red
bad "not KEY=VALUE" --policy zhangye-2019 kind=inpatient level=3 total=100 oops
invalid "three decimals" --policy zhangye-2019 kind=inpatient level=3 total=100.001
invalid "garbage amount" --policy zhangye-2019 kind=inpatient level=3 total=12a
invalid "negative amount" --policy zhangye-2019 kind=inpatient level=3 total=-5
invalid "comma amount" --policy zhangye-2019 kind=inpatient level=3 total=1,000
invalid "O + B + M > T" --policy zhangye-2019 kind=inpatient level=3 total=100 \
	out_of_list=50 class_b=30 imported=20.01
bad "unknown pack" --policy no-such-pack kind=inpatient level=3 total=100
bad "no --policy" kind=inpatient level=3 total=100
bad "no kind" --policy zhangye-2019 level=3 total=100
invalid "unknown kind" --policy zhangye-2019 kind=dental level=3 total=100
invalid "level 4" --policy zhangye-2019 kind=inpatient level=4 total=100
invalid "no level" --policy zhangye-2019 kind=inpatient total=100
invalid "unknown scope" --policy zhangye-2019 kind=inpatient level=3 scope=moon total=100
invalid "yes or no" --policy zhangye-2019 kind=inpatient level=3 registered=maybe total=100
invalid "bad date" --policy zhangye-2019 kind=inpatient level=3 date=2021-02-29 total=100
invalid "unknown category" --policy zhangye-2019 kind=inpatient level=3 categories=rich total=100
bad "key twice" --policy zhangye-2019 kind=inpatient level=3 total=100 total=200
invalid "maternity without delivery" --policy zhangye-2019 kind=maternity total=100
bad "unknown option" --policy zhangye-2019 --verbose kind=inpatient level=3 total=100

run "$YIBAO" trial --policy zhangye-2019 kind=inpatient level=3 total=100 colour=red
check "unknown key: the message names it" 'yibao: trial: unknown key "colour"; see yibao(1) for the keys' "$err"
run "$YIBAO" trial --policy zhangye-2019 kind=inpatient level=3 total=100 \
	out_of_list=50 class_b=30 imported=20.01
check "O + B + M > T: the message" 'yibao: trial: out-of-list, class B and imported material together are more than the total' "$err"

# Exit 3: the pack lacks a basic-insurance parameter; the message names the
# pack and the parameter, in pack syntax.
run "$YIBAO" trial --policy qinhuangdao-2020 kind=inpatient level=2 total=100
check "missing inpatient deductible: exit 3" "3|" "$status|$out"
check "missing inpatient deductible: message" 'yibao: trial: the policy pack qinhuangdao-2020 does not give inpatient.deductible.level2, which this claim needs; add it to the pack (see yibao-policy(5))' "$err"

run "$YIBAO" trial --policy qinhuangdao-2020 kind=outpatient total=100 class_b=10
check "missing class-B self-pay: exit 3" "3|" "$status|$out"
case $err in
*qinhuangdao-2020*selfpay.class_b*) passes=$((passes + 1)) ;;
*) fails=$((fails + 1)); echo "FAIL: class-B message: $err" ;;
esac

run "$YIBAO" trial --policy zaozhuang-2021 kind=maternity delivery=normal total=100
check "missing maternity quota: exit 3" "3|" "$status|$out"

finish
