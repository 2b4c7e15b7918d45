#!/bin/sh
# operator.sh: yibao operator add | list | passwd | disable and yibao policy
# use, end to end: roles (exit 4 when denied), passwords, the audit log.
# Every line is compared exactly.
. "$top_srcdir/tests/cli/lib.sh"

echo secret >"$T/pw"
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin --password-file "$T/pw" \
	>/dev/null || exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
echo li-pw >"$T/li"
echo wang-pw >"$T/wang"
echo bad >"$T/bad"
audit() {
	sqlite3 "$T/o.db" "SELECT operator, action, record FROM audit_log ORDER BY seq"
}
state() {
	sqlite3 "$T/o.db" "SELECT * FROM operator ORDER BY login; SELECT * FROM audit_log;
		SELECT * FROM key_counter; SELECT * FROM setting ORDER BY key"
}

# add
run "$YIBAO" operator add li --role clerk --name 李四 --password-file "$T/li"
check "add a clerk" "0|Added the operator li (李四) with the role clerk.|" \
	"$status|$out|$err"
run "$YIBAO" operator add wang --password-file "$T/wang" --role supervisor
check "add a supervisor, options after the login" \
	"0|Added the operator wang (wang) with the role supervisor.|" "$status|$out|$err"
run "$YIBAO" --operator admin operator add zhao --role admin --name 赵 --password-file "$T/pw"
check "add an admin, --operator" "0|Added the operator zhao (赵) with the role administrator.|" \
	"$status|$out|$err"
check "stored as yescrypt" "admin|\$y\$|li|\$y\$|wang|\$y\$|zhao|\$y\$" \
	"$(sqlite3 "$T/o.db" "SELECT login, substr(password_hash, 1, 3) FROM operator ORDER BY login" | tr '\n' '|' | sed 's/|$//')"

before=$(state)
run "$YIBAO" operator add li --role clerk --password-file "$T/li"
check "add: the login exists" "1|yibao: there is already an operator li: choose another login" \
	"$status|$err"
run "$YIBAO" operator add Li --role clerk --password-file "$T/li"
check "add: bad login" "1|yibao: the login \"Li\" is not valid: 1 to 32 lowercase letters, digits, '.', '_' or '-', starting with a letter" \
	"$status|$err"
run "$YIBAO" operator add sun --role boss --password-file "$T/li"
check "add: bad role" "1|yibao: the role \"boss\" is not known: give clerk, supervisor or admin" \
	"$status|$err"
: >"$T/empty"
run "$YIBAO" operator add sun --role clerk --password-file "$T/empty"
check "add: empty password" "1|yibao: the password is empty: give one" "$status|$err"
run "$YIBAO" operator add sun --role clerk --password-file "$T/none"
check "add: no password file" "1|yibao: cannot read the password file $T/none" "$status|$err"
run "$YIBAO" operator add sun --role clerk </dev/null
check "add: no terminal, no file" "1|yibao: no new password for sun: give --password-file FILE, or run yibao from a terminal" \
	"$status|$err"
run env YIBAO_OPERATOR=li YIBAO_PASSWORD_FILE="$T/li" "$YIBAO" operator add sun --role clerk --password-file "$T/li"
check "add: a clerk is denied" "4|yibao: only an administrator may do this; li is a clerk" "$status|$err"
run env YIBAO_OPERATOR=wang YIBAO_PASSWORD_FILE="$T/wang" "$YIBAO" operator add sun --role clerk --password-file "$T/li"
check "add: a supervisor is denied" "4|yibao: only an administrator may do this; wang is a supervisor" "$status|$err"
check "refusals change nothing" "$before" "$(state)"

# list (the creation time is the clock's: fix it to compare)
sqlite3 "$T/o.db" "UPDATE operator SET created_at = '2021-05-31T16:30:00Z'"
run "$YIBAO" operator list
check "list" "0|login  name   role           active  created
admin  admin  administrator  yes     2021-05-31
li     李四   clerk          yes     2021-05-31
wang   wang   supervisor     yes     2021-05-31
zhao   赵     administrator  yes     2021-05-31|" "$status|$out|$err"
run "$YIBAO" operator list --json
check "list --json" '0|{
  "operators": [
    {
      "login": "admin",
      "name": "admin",
      "role": "admin",
      "active": true,
      "site": "370402",
      "created_at": "2021-05-31T16:30:00Z"
    },
    {
      "login": "li",
      "name": "\u674e\u56db",
      "role": "clerk",
      "active": true,
      "site": "370402",
      "created_at": "2021-05-31T16:30:00Z"
    },
    {
      "login": "wang",
      "name": "wang",
      "role": "supervisor",
      "active": true,
      "site": "370402",
      "created_at": "2021-05-31T16:30:00Z"
    },
    {
      "login": "zhao",
      "name": "\u8d75",
      "role": "admin",
      "active": true,
      "site": "370402",
      "created_at": "2021-05-31T16:30:00Z"
    }
  ]
}|' "$status|$out|$err"
run env YIBAO_OPERATOR=wang YIBAO_PASSWORD_FILE="$T/wang" "$YIBAO" operator list
check "list: a supervisor is denied" "4||yibao: only an administrator may do this; wang is a supervisor" \
	"$status|$out|$err"

# Logging in: a wrong password and an unknown operator read alike.
run env YIBAO_PASSWORD_FILE="$T/bad" "$YIBAO" operator list
check "wrong password" "4||yibao: unknown operator or wrong password" "$status|$out|$err"
run env YIBAO_OPERATOR=nobody "$YIBAO" operator list
check "unknown operator" "4||yibao: unknown operator or wrong password" "$status|$out|$err"

# passwd: an admin sets anyone's; a clerk only their own.
echo li-new >"$T/li2"
run "$YIBAO" operator passwd li --password-file "$T/li2"
check "passwd by an admin" "0|The password of li is changed.|" "$status|$out|$err"
run env YIBAO_OPERATOR=li YIBAO_PASSWORD_FILE="$T/li" "$YIBAO" operator list
check "the old password is gone" "4|yibao: unknown operator or wrong password" "$status|$err"
echo li-3 >"$T/li3"
run env YIBAO_OPERATOR=li YIBAO_PASSWORD_FILE="$T/li2" "$YIBAO" operator passwd li --password-file "$T/li3"
check "passwd: a clerk's own" "0|The password of li is changed.|" "$status|$out|$err"
before=$(state)
run env YIBAO_OPERATOR=li YIBAO_PASSWORD_FILE="$T/li3" "$YIBAO" operator passwd wang --password-file "$T/li3"
check "passwd: a clerk, another's" "4|yibao: only an administrator can set another operator's password; li is a clerk" \
	"$status|$err"
run "$YIBAO" operator passwd nobody --password-file "$T/li3"
check "passwd: no such operator" "1|yibao: there is no operator nobody" \
	"$status|$err"
check "refused passwd changes nothing" "$before" "$(state)"

# disable
run "$YIBAO" operator disable li
check "disable" "0|The operator li is disabled and can no longer log in.|" "$status|$out|$err"
run env YIBAO_OPERATOR=li YIBAO_PASSWORD_FILE="$T/li3" "$YIBAO" operator passwd li --password-file "$T/li3"
check "a disabled operator cannot log in" "4|yibao: the operator li is disabled" "$status|$err"
before=$(state)
run "$YIBAO" operator disable li
check "disable twice" "1|yibao: the operator li is already disabled" "$status|$err"
run "$YIBAO" operator disable admin
check "disable oneself" "1|yibao: you cannot disable yourself: another administrator must do it" \
	"$status|$err"
run env YIBAO_OPERATOR=wang YIBAO_PASSWORD_FILE="$T/wang" "$YIBAO" operator disable zhao
check "disable: a supervisor is denied" "4|yibao: only an administrator may do this; wang is a supervisor" \
	"$status|$err"
run "$YIBAO" operator disable nobody
check "disable: no such operator" "1|yibao: there is no operator nobody" \
	"$status|$err"
check "refused disable changes nothing" "$before" "$(state)"
run "$YIBAO" operator list
check "list shows the disabled" "0|login  name   role           active  created
admin  admin  administrator  yes     2021-05-31
li     李四   clerk          no      2021-05-31
wang   wang   supervisor     yes     2021-05-31
zhao   赵     administrator  yes     2021-05-31" "$status|$out"

# Usage errors: exit 2, before any password is asked.
for args in "" "frob" "add" "add li" "list extra" "add li --role clerk --json" \
    "disable" "disable li --name x" "passwd li extra" "list --bogus"; do
	# shellcheck disable=SC2086
	run "$YIBAO" operator $args
	check "usage: operator $args" 2 "$status"
done
run "$YIBAO" operator add li
check "add without --role" "2|yibao: operator add needs --role clerk, supervisor or admin" "$status|$err"

# policy use: the office's pack, an administrator's choice.
before=$(state)
run "$YIBAO" policy use nosuch
check "use: no such pack" "1||yibao: the policy pack nosuch cannot be used, nothing was changed: no such pack" \
	"$status|$out|$err"
run "$YIBAO" policy use "$YIBAO_POLICY_DIR/demo.policy"
check "use: a path is refused" "1|yibao: give the id of a pack in the policy directory $YIBAO_POLICY_DIR (see yibao policy list), not a file name" \
	"$status|$err"
mkdir "$T/packs"
cp "$YIBAO_POLICY_DIR"/*.policy "$T/packs/"
printf '[pack]\nid = broken\n' >"$T/packs/broken.policy"
run env YIBAO_POLICY_DIR="$T/packs" "$YIBAO" policy use broken
check "use: an invalid pack" 1 "$status"
run env YIBAO_OPERATOR=wang YIBAO_PASSWORD_FILE="$T/wang" "$YIBAO" policy use demo
check "use: a supervisor is denied" "4|yibao: only an administrator may do this; wang is a supervisor" \
	"$status|$err"
check "refused use changes nothing" "$before" "$(state)"
check "no pack yet" "" "$(sqlite3 "$T/o.db" "SELECT value FROM setting WHERE key = 'policy'")"
run "$YIBAO" policy use demo
check "use demo" "0|The office now uses the policy pack demo (示范县城乡居民基本医疗保险（演示）2021).|" \
	"$status|$out|$err"
check "the setting is demo" demo "$(sqlite3 "$T/o.db" "SELECT value FROM setting WHERE key = 'policy'")"
before=$(state)
run "$YIBAO" policy use demo
check "use demo again" "0|The office already uses the policy pack demo; nothing was changed." \
	"$status|$out"
run "$YIBAO" policy use nosuch
check "use: no such pack, after demo" 1 "$status"
check "demo stays, nothing written" "$before" "$(state)"

# The audit log: one line per write, no password nor hash in it.
check "audit" "admin|operator.add|admin
admin|operator.add|li
admin|operator.add|wang
admin|operator.add|zhao
admin|operator.passwd|li
li|operator.passwd|li
admin|operator.disable|li
admin|policy.use|demo" "$(audit)"
check "audit: what changed" '|{"name":"李四","role":"clerk","active":true}
{"password":"set"}|{"password":"changed"}
{"active":true}|{"active":false}
{"policy":null}|{"policy":"demo","hash":"'"$(sqlite3 "$T/o.db" "SELECT policy_hash FROM audit_log WHERE action = 'policy.use'")"'"}' \
	"$(sqlite3 "$T/o.db" "SELECT old_values, new_values FROM audit_log WHERE seq IN (2, 5, 7, 8)")"
check "audit: no secrets" 0 "$(sqlite3 "$T/o.db" "SELECT count(*) FROM audit_log
	WHERE coalesce(old_values, '') || coalesce(new_values, '') LIKE '%\$y\$%'
	   OR coalesce(old_values, '') || coalesce(new_values, '') LIKE '%li-%'")"
check "audit: site and time" 8 "$(sqlite3 "$T/o.db" "SELECT count(*) FROM audit_log
	WHERE site = '370402' AND at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'")"

# In Chinese.
need_locale zh_CN.utf8
run env LC_ALL=zh_CN.UTF-8 YIBAO_OPERATOR=wang YIBAO_PASSWORD_FILE="$T/wang" \
	"$YIBAO" operator add sun --role clerk --password-file "$T/wang"
check "denied, in Chinese" "4|yibao: 只有管理员才能办理此项；wang 是主管" "$status|$err"

finish
