#!/bin/sh
# help.sh: --help, --version and usage errors, in English, Chinese (UTF-8)
# and Chinese (GB18030).
. "$top_srcdir/tests/cli/lib.sh"

run "$YIBAO" --version
check "--version" "0 yibao 0.1.0" "$status $out"

run "$YIBAO" --help
check "--help exits 0" 0 "$status"
check "--help first line" "Usage: yibao [OPTION]... [COMMAND [ARG]...]" \
	"$(echo "$out" | head -n 1)"
check "--help names idcard" 1 "$(echo "$out" | grep -c '^  idcard NUMBER')"
run "$YIBAO" -h
check "-h is --help" "Usage: yibao [OPTION]... [COMMAND [ARG]...]" \
	"$(echo "$out" | head -n 1)"

run "$YIBAO" --frobnicate
check "unknown option" "2||yibao: unknown or incomplete option --frobnicate; see yibao --help" \
	"$status|$out|$err"
run "$YIBAO" --db
check "--db without a file" 2 "$status"
run "$YIBAO" frobnicate
check "unknown command" "2||yibao: unknown command \"frobnicate\"; see yibao --help" \
	"$status|$out|$err"
run "$YIBAO"
check "no command" 2 "$status"

# Chinese, UTF-8.
need_locale zh_CN.utf8
run env LC_ALL=zh_CN.UTF-8 "$YIBAO" --help
check "zh_CN.UTF-8 --help" "0 用法：yibao [选项]... [命令 [参数]...]" \
	"$status $(echo "$out" | head -n 1)"
check "zh_CN.UTF-8 --help commands" "  idcard 号码...      核验并规范居民身份证号码" \
	"$(echo "$out" | grep '^  idcard')"
run env LC_ALL=zh_CN.UTF-8 "$YIBAO" frobnicate
check "zh_CN.UTF-8 error" "2 yibao: 未知命令“frobnicate”；请看 yibao --help" \
	"$status $err"

# Chinese, GB18030: the same text, in GB18030 bytes.
need_locale zh_CN.gb18030
LC_ALL=zh_CN.UTF-8 "$YIBAO" --help >"$T/help.utf8"
LC_ALL=zh_CN.GB18030 "$YIBAO" --help >"$T/help.gb"
check "GB18030 --help is the UTF-8 text converted" "" \
	"$(iconv -f GB18030 -t UTF-8 "$T/help.gb" | cmp - "$T/help.utf8")"
# 用法 is D3C3 B7A8 in GB18030 (E794A8 E6B395 in UTF-8).
check "GB18030 bytes" "d3c3b7a8" "$(head -c 4 "$T/help.gb" | od -An -tx1 | tr -d ' \n')"
check "GB18030 --help differs from UTF-8" 1 \
	"$(cmp -s "$T/help.gb" "$T/help.utf8"; echo $?)"

finish
