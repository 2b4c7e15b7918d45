#!/bin/sh
# slip.sh: yibao claim slip: a claim settled through the database by the
# demo pack, its slip in GB18030 and UTF-8 to a file, to standard output
# and to a print command, compared byte for byte with tests/data/slip-cli.txt
# (typed by hand from the figures worked out in tests/test_slip.c); strict
# encoding, a failing printer, bad words.
. "$top_srcdir/tests/cli/lib.sh"

A=370402198001010011	# 王𠀀 (U+20000: four bytes in GB18030, 95 32 82 36)
echo secret >"$T/pw"
export YIBAO_TODAY=2020-10-15	# in demo's payment period for 2021
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null || exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
sqlite3 "$T/o.db" "INSERT INTO operator SELECT 'li', '李娜', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin'" || exit 99
"$YIBAO" policy use demo >/dev/null || exit 99
"$YIBAO" resident add $A --name 王𠀀 --residence rural --insured rural_resident \
	--village 东村 >/dev/null || exit 99
"$YIBAO" category add $A min_living --from 2019-01-01 --department 民政局 >/dev/null || exit 99
"$YIBAO" pay $A >/dev/null || exit 99

# The claim of test_slip.c's demo slip: inpatient in another region of the
# province without registration, 80000 with 4000 out of list, 10000 class
# B, imported 5000 whose domestic standard is 3000.
export YIBAO_TODAY=2021-03-22 YIBAO_OPERATOR=li
"$YIBAO" claim settle $A --kind inpatient --admitted 2021-03-02 \
	--discharged 2021-03-20 --hospital 山东省立医院 --level 3 --scope city \
	--total 80000 --out-of-list 4000 --class-b 10000 --imported 5000 \
	--imported-standard 3000 >"$T/settle" || { cat "$T/settle"; exit 99; }
K=370402-S00000001
grep -q "\"claim\": \"$K\"" "$T/settle" || { cat "$T/settle"; exit 99; }

# The expected slip: the saving time is the clock's, the hash the packs'.
saved=$(sqlite3 "$T/o.db" "SELECT at FROM claim WHERE key = '$K'" |
	sed 's/^\(..........\)T\(........\)Z$/\1 \2 UTC/')
hash=$(cat "$top_srcdir/data/policy/demo.policy" \
	"$top_srcdir/data/policy/zhangye-2019.policy" | sha256sum | cut -c1-12)
sed -e "s/@SAVED@/$saved/" -e "s/@HASH@/$hash/" \
	"$top_srcdir/tests/data/slip-cli.txt" >"$T/want.utf8"
iconv -f UTF-8 -t GB18030 "$T/want.utf8" >"$T/want.gb" || exit 99
# The bytes of 王𠀀 in GB18030, looked up in the tables: CD F5 95 32 82 36.
printf '\315\365\225\062\202\066' >"$T/name.gb"
grep -q -F -f "$T/name.gb" "$T/want.gb" || exit 99

same() {	# same FILE1 FILE2: byte for byte
	cmp -s "$1" "$2" && echo same || echo differ
}

# -o: GB18030 by default, whole or nothing (no .tmp left).
run "$YIBAO" claim slip $K -o "$T/slip.gb"
check "-o: status and quiet" "0||" "$status|$out|$err"
check "-o: GB18030 byte for byte" same "$(same "$T/want.gb" "$T/slip.gb")"
check "-o: no temporary file left" no "$(test -e "$T/slip.gb.tmp" && echo yes || echo no)"
run "$YIBAO" claim slip $K -o "$T/slip.u8" --encoding utf-8
check "-o --encoding utf-8" "0 same" "$status $(same "$T/want.utf8" "$T/slip.u8")"
run "$YIBAO" claim slip $K --output="$T/slip2.gb" --encoding GB18030
check "--output= --encoding GB18030" "0 same" "$status $(same "$T/want.gb" "$T/slip2.gb")"
check "the two encodings convert into each other" same \
	"$(iconv -f GB18030 -t UTF-8 "$T/slip.gb" >"$T/back.u8"; same "$T/back.u8" "$T/slip.u8")"

# Standard output: the terminal's encoding unless --encoding says.
"$YIBAO" claim slip $K >"$T/stdout.u8"; rc=$?
check "stdout in C.UTF-8: UTF-8" "0:same" "$rc:$(same "$T/want.utf8" "$T/stdout.u8")"
"$YIBAO" claim slip --encoding gb18030 $K >"$T/stdout.gb"; rc=$?
check "stdout --encoding gb18030 (before the key)" "0:same" "$rc:$(same "$T/want.gb" "$T/stdout.gb")"

# A terminal that cannot show Hanzi: an error naming the character, never '?'.
LC_ALL=C "$YIBAO" claim slip $K >"$T/c.out" 2>"$T/c.err"; rc=$?
check "C locale: refused, nothing out" "1:0" "$rc:$(wc -c <"$T/c.out" | tr -d ' ')"
# 示 opens line 2 after 21 spaces; line 1 is 72 bytes.  (The message
# itself goes through the C locale too: the character shows as ???.)
check "C locale: the character named" \
	"yibao: claim slip: the character \"???\" (U+793A) at byte 93 cannot be written in ANSI_X3.4-1968; nothing was written (choose another encoding with --encoding)" \
	"$(cat "$T/c.err")"

# --print: the command in YIBAO_PRINT_COMMAND gets the GB18030 slip.
run env YIBAO_PRINT_COMMAND="cat > '$T/printed'" "$YIBAO" claim slip $K --print
check "--print" "0|||same" "$status|$out|$err|$(same "$T/want.gb" "$T/printed")"
run env YIBAO_PRINT_COMMAND="cat > '$T/printed.u8'" "$YIBAO" claim slip $K --print --encoding utf-8
check "--print --encoding utf-8" "0 same" "$status $(same "$T/want.utf8" "$T/printed.u8")"
run env YIBAO_PRINT_COMMAND=false "$YIBAO" claim slip $K --print
check "a failing printer" "1|yibao: claim slip: the print command \"false\" failed with status 1; check the printer, or set YIBAO_PRINT_COMMAND" \
	"$status|$err"
run env YIBAO_PRINT_COMMAND="cat >/dev/null; exit 7" "$YIBAO" claim slip $K --print
check "the printer's status" "1|yibao: claim slip: the print command \"cat >/dev/null; exit 7\" failed with status 7; check the printer, or set YIBAO_PRINT_COMMAND" \
	"$status|$err"

# A file that cannot be written: an error, nothing half-written.
run "$YIBAO" claim slip $K -o "$T/no/such/dir/slip.txt"
check "-o into a missing folder" "1|yibao: claim slip: cannot write $T/no/such/dir/slip.txt: No such file or directory" \
	"$status|$err"
check "-o: nothing left" no "$(test -e "$T/no" && echo yes || echo no)"
# An old slip is replaced whole.
echo old >"$T/old.txt"
run "$YIBAO" claim slip $K -o "$T/old.txt" --encoding utf-8
check "-o over an old file" "0 same" "$status $(same "$T/want.utf8" "$T/old.txt")"

# Bad words.
run "$YIBAO" claim slip $K --encoding latin1
check "unknown encoding" "2|yibao: claim slip: --encoding must be gb18030 or utf-8, not \"latin1\"" "$status|$err"
run "$YIBAO" claim slip $K -o "$T/x" --print
check "-o and --print" "2|yibao: claim slip: give -o FILE or --print, not both" "$status|$err"
run "$YIBAO" claim slip
check "no claim number" 2 "$status"
run "$YIBAO" claim slip $K $K
check "two claim numbers" 2 "$status"
run "$YIBAO" claim slip $K --frobnicate
check "unknown option" "2|yibao: claim slip: unknown or incomplete option --frobnicate; see yibao --help" "$status|$err"
run "$YIBAO" claim slip 370402-S00000099
check "unknown claim: refused, nothing out" "1|" "$status|$out"
check "no stray files" "" "$(ls "$T" | grep -e '\.tmp$' -e '^x$')"

# In Chinese: the same slip whatever the terminal's encoding, GB18030 on
# a GB18030 terminal, every line within 80 columns.
need_locale zh_CN.utf8
need_locale zh_CN.gb18030
LC_ALL=zh_CN.UTF-8 "$YIBAO" claim slip $K -o "$T/zh.slip" --encoding utf-8
LC_ALL=zh_CN.GB18030 "$YIBAO" claim slip $K >"$T/zh.gbout"; rc=$?
check "zh_CN.GB18030 stdout is the slip in GB18030" "0:same" \
	"$rc:$(iconv -f UTF-8 -t GB18030 "$T/zh.slip" >"$T/zh.gb"; same "$T/zh.gb" "$T/zh.gbout")"
LC_ALL=zh_CN.GB18030 "$YIBAO" claim slip $K --encoding utf-8 >"$T/zh.u8"; rc=$?
check "zh_CN.GB18030 --encoding utf-8" "0:same" "$rc:$(same "$T/zh.slip" "$T/zh.u8")"
# wc -L: the widest line in display columns (a Hanzi is two).
check "zh_CN: every line within 80 columns" yes \
	"$(test "$(LC_ALL=C.UTF-8 wc -L <"$T/zh.slip")" -le 80 && echo yes)"
check "zh_CN: title" "城乡居民医疗保险一站式结算单" "$(sed -n '1s/^ *//p' "$T/zh.slip")"

finish
