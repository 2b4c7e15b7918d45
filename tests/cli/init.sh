#!/bin/sh
# init.sh: yibao init creates the database once; --db, YIBAO_DB and the
# XDG default; a newer database is refused; --demo runs and cleans up.
. "$top_srcdir/tests/cli/lib.sh"

db="$T/office/sub/yibao.db"
run "$YIBAO" --db "$db" init
check "init creates" "0 Created the database $db (schema version 6)." "$status $out"
check "file 0600" 600 "$(stat -c %a "$db")"
check "folder 0700" 700 "$(stat -c %a "$T/office/sub")"
check "parent folder 0700" 700 "$(stat -c %a "$T/office")"
sum1=$(sha256sum <"$db")

run "$YIBAO" --db "$db" init
check "init again changes nothing" "0 The database $db is ready (schema version 6); nothing was changed." \
	"$status $out"
check "file bytes unchanged" "$sum1" "$(sha256sum <"$db")"
check "no side files left" "yibao.db" "$(ls "$T/office/sub")"

run "$YIBAO" --db "$db" init extra
check "init takes no other arguments" 2 "$status"

# YIBAO_DB, then $XDG_DATA_HOME/yibao/yibao.db, then ~/.local/share.
run env YIBAO_DB="$T/env.db" "$YIBAO" init
check "YIBAO_DB" "0 Created the database $T/env.db (schema version 6)." "$status $out"
run env -u YIBAO_DB XDG_DATA_HOME="$T/xdg" "$YIBAO" init
check "XDG_DATA_HOME" "0 Created the database $T/xdg/yibao/yibao.db (schema version 6)." \
	"$status $out"
check "XDG folder 0700" 700 "$(stat -c %a "$T/xdg/yibao")"
run env -u YIBAO_DB "$YIBAO" init
check "HOME default" "0 Created the database $T/home/.local/share/yibao/yibao.db (schema version 6)." \
	"$status $out"
run env YIBAO_DB="$T/env.db" "$YIBAO" --db "$T/flag.db" init
check "--db wins over YIBAO_DB" "0 Created the database $T/flag.db (schema version 6)." \
	"$status $out"

# A database from a newer yibao is refused and left alone.
sqlite3 "$db" "PRAGMA user_version = 99"
sum2=$(sha256sum <"$db")
run "$YIBAO" --db "$db" init
check "newer refused" "1|yibao: the database was written by a newer version of yibao (schema 99; this program knows up to 6): use the newer program" \
	"$status|$err"
check "newer left alone" "$sum2" "$(sha256sum <"$db")"

# Not a database at all.
echo "a clerk's shopping list" >"$T/list.txt"
run "$YIBAO" --db "$T/list.txt" init
check "not a database" 1 "$status"
check "text file untouched" "a clerk's shopping list" "$(cat "$T/list.txt")"

# A folder that cannot be created.
run "$YIBAO" --db "/proc/yibao/x.db" init
check "cannot create" 1 "$status"

need_locale zh_CN.utf8
run env LC_ALL=zh_CN.UTF-8 "$YIBAO" --db "$db" init
check "newer refused, in Chinese" "1|yibao: 数据库由更新版本的 yibao 写入（结构版本 99，本程序最高只认识 6）：请使用新版程序" \
	"$status|$err"

# The office code and the first administrator.
echo secret >"$T/pw"
office="$T/office.db"
run "$YIBAO" --db "$office" init --site 370402 --admin zhang --admin-name 张主任 --password-file "$T/pw"
check "init --site --admin" "0 Created the database $office (schema version 6).
The office code is 370402.
Created the administrator zhang.
Made the office's signing key for the night sync (see yibao sync key)." "$status $out"
check "admin stored as a yescrypt hash" "zhang|张主任|admin|1|370402|\$y\$" \
	"$(sqlite3 "$office" "SELECT login, display_name, role, active, site, substr(password_hash, 1, 3) FROM operator")"
check "password not stored in clear" 0 \
	"$(sqlite3 "$office" "SELECT count(*) FROM operator WHERE password_hash LIKE '%secret%'")"
check "creation audited" "370402-A00000001|370402|zhang|operator.add|zhang" \
	"$(sqlite3 "$office" "SELECT key, site, operator, action, record FROM audit_log")"
sum3=$(sha256sum <"$office")
run "$YIBAO" --db "$office" init --site 370402
check "same code again: nothing changes" "0 The database $office is ready (schema version 6); nothing was changed." \
	"$status $out"
check "same code again: file unchanged" "$sum3" "$(sha256sum <"$office")"
run "$YIBAO" --db "$office" init --site 370499
check "another code refused" "1|yibao: this office's code is already 370402: it cannot change, because every record carries it" \
	"$status|$err"
run "$YIBAO" --db "$office" init --admin li --password-file "$T/pw"
check "a second first admin is not made" "0 The office already has operators: --admin was not used (see yibao operator add).
The database $office is ready (schema version 6); nothing was changed." \
	"$status $out"
check "still one operator" 1 "$(sqlite3 "$office" "SELECT count(*) FROM operator")"
run "$YIBAO" --db "$T/bad1.db" init --site "37 04"
check "bad office code" "1|yibao: the office code \"37 04\" is not valid: 1 to 16 letters and digits" \
	"$status|$err"
run "$YIBAO" --db "$T/bad2.db" init --admin zhang --password-file "$T/pw"
check "admin needs a code first" "1|yibao: set the office code (--site) before the first administrator" \
	"$status|$err"
run "$YIBAO" --db "$T/bad3.db" init --site 1 --admin Zhang --password-file "$T/pw"
check "bad login" 1 "$status"
run "$YIBAO" --db "$T/bad4.db" init --site 1 --bogus
check "unknown init option" 2 "$status"
: >"$T/empty"
run "$YIBAO" --db "$T/bad5.db" init --site 1 --admin zhang --password-file "$T/empty"
check "empty password" "1|yibao: the administrator needs a password" "$status|$err"
check "no file made after a refusal" "" "$(ls "$T" | grep bad)"

# The demonstration: runs, shows the county, leaves nothing behind.
mkdir "$T/tmp"
run env TMPDIR="$T/tmp" YIBAO_TODAY=2021-06-01 "$YIBAO" --demo </dev/null
check "demo exits 0" 0 "$status"
check "demo names the county" "yibao 0.1.0: demonstration county (示范县)" "$(echo "$out" | head -n 1)"
check "demo shows the clerk's login" 1 "$(echo "$out" | grep -c '^  li     1111   李秀英 (clerk)$')"
check "demo cleans up" "" "$(ls "$T/tmp")"
# RULES.md 6 by the demo pack (inpatient as 001): fund 16900 x 75 % = 12675,
# serious base 18400 - 12675 = 5725 below the deductible 10000: 0.
check "demo example 1" "        12675.00  basic insurance fund
         7325.00  paid by the resident" \
	"$(echo "$out" | grep -E '^ +(12675.00|7325.00)  ')"
# A poor resident's 200000: fund min(198500 x 75 %, cap 50000) = 50000;
# serious (100000-3000) x 62 % + (150000-100000) x 66 % = 60140 + 33000 =
# 93140; assistance (200000-50000-93140-1000) x 70 % = 39102, cap 30000;
# the resident 200000 - 50000 - 93140 - 30000 = 26860.
check "demo example 2" "        93140.00  serious-illness insurance
        30000.00  medical assistance
        26860.00  paid by the resident" \
	"$(echo "$out" | grep -E '^ +(93140.00|30000.00|26860.00)  ')"

finish
