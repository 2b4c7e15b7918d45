#!/bin/sh
# idcard.sh: yibao idcard NUMBER...: one line each, exit 0 / 1 / 2.
. "$top_srcdir/tests/cli/lib.sh"

run "$YIBAO" idcard 11010519491231002X
check "valid" "0 11010519491231002X${TAB}ok${TAB}11010519491231002X${TAB}1949-12-31${TAB}F" \
	"$status $out"

run "$YIBAO" idcard 11010519491231002x 110105491231002 513433199003071510
check "normalized, 15 digits, male" "0 11010519491231002x${TAB}ok${TAB}11010519491231002X${TAB}1949-12-31${TAB}F
110105491231002${TAB}ok${TAB}11010519491231002X${TAB}1949-12-31${TAB}F
513433199003071510${TAB}ok${TAB}513433199003071510${TAB}1990-03-07${TAB}M" "$status $out"

run "$YIBAO" idcard 110105194912310021 11010519491231002X
check "one invalid: exit 1, every line printed" "1 110105194912310021${TAB}invalid${TAB}the check digit does not match: a digit is wrong
11010519491231002X${TAB}ok${TAB}11010519491231002X${TAB}1949-12-31${TAB}F" "$status $out"

run "$YIBAO" idcard 160105198001011237 110105202302291236 1234 ""
check "reasons" "1 160105198001011237${TAB}invalid${TAB}the first two digits are not a province code
110105202302291236${TAB}invalid${TAB}the birth date in the number is not a real date
1234${TAB}invalid${TAB}an ID number has 18 characters (or 15 for an old card)
${TAB}invalid${TAB}no ID number was given" "$status $out"

# The future is measured from today (YIBAO_TODAY=2021-06-01).
run "$YIBAO" idcard 110105202106021239
check "born tomorrow" "1 110105202106021239${TAB}invalid${TAB}the birth date in the number is in the future" \
	"$status $out"
run env YIBAO_TODAY=2021-06-02 "$YIBAO" idcard 110105202106021239
check "born today" "0 110105202106021239${TAB}ok${TAB}110105202106021239${TAB}2021-06-02${TAB}M" \
	"$status $out"
run env YIBAO_TODAY=2021-6-2 "$YIBAO" idcard 110105202106021239
check "bad YIBAO_TODAY" 2 "$status"

run "$YIBAO" idcard
check "no number" "2|" "$status|$out"
run "$YIBAO" idcard --bogus
check "unknown option" "2|" "$status|$out"
run "$YIBAO" idcard -- -1
check "after --, anything is a number" "1 -1${TAB}invalid${TAB}an ID number has only digits, and X as the last character" \
	"$status $out"

# Full-width digits, as an IME types them, in UTF-8 and in GB18030.
need_locale zh_CN.utf8
fw="１１０１０５１９４９１２３１００２Ｘ"
run env LC_ALL=zh_CN.UTF-8 "$YIBAO" idcard "$fw" 110105194912310021
check "full-width, Chinese reasons" "1 ${fw}${TAB}ok${TAB}11010519491231002X${TAB}1949-12-31${TAB}F
110105194912310021${TAB}invalid${TAB}校验码不符：号码中有数字错误" "$status $out"

need_locale zh_CN.gb18030
fw_gb=$(printf '%s' "$fw" | iconv -f UTF-8 -t GB18030)
LC_ALL=zh_CN.GB18030 "$YIBAO" idcard "$fw_gb" 110105194912310021 >"$T/gb.out"
status=$?
check "GB18030 exit" 1 "$status"
check "GB18030 output" "${fw}${TAB}ok${TAB}11010519491231002X${TAB}1949-12-31${TAB}F
110105194912310021${TAB}invalid${TAB}校验码不符：号码中有数字错误" \
	"$(iconv -f GB18030 -t UTF-8 "$T/gb.out")"
# The argument is echoed in the terminal's own bytes: ０ is A3B0 in GB18030.
check "GB18030 echo" "a3b1a3b1" "$(head -c 4 "$T/gb.out" | od -An -tx1 | tr -d ' \n')"
# Bytes that are not GB18030 are an invalid number, not a crash.
LC_ALL=zh_CN.GB18030 "$YIBAO" idcard "$(printf '\377\377')" >"$T/bad.out"
check "not GB18030" 1 "$?"

finish
