#!/bin/sh
# offsite.sh: yibao offsite file, list, revoke, receive and overdue with
# exact output; refusals exit 1 and write nothing; ID numbers masked for a
# clerk.  The office is 370402 (枣庄市市中区); destinations 110105 北京市朝阳区
# (another province), 370102 济南市历下区 (another city of Shandong), 370481
# 滕州市 (another county of 枣庄).
. "$top_srcdir/tests/cli/lib.sh"

echo secret >"$T/pw"
"$YIBAO" --db "$T/o.db" init --site 370402 --admin admin --password-file "$T/pw" >/dev/null || exit 99
export YIBAO_DB="$T/o.db" YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
sqlite3 "$T/o.db" "INSERT INTO operator SELECT 'li', '李', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin'" || exit 99
A=11010519491231002X	# 张三 (see tests/test_ops_resident.c)
B=370402198001010011	# 王五
"$YIBAO" resident add $A --name 张三 --residence rural --insured rural_resident \
	--village 东关村 --phone 13800000000 >/dev/null || exit 99
"$YIBAO" resident add $B --name 王五 --residence rural --insured rural_resident \
	--village 西关村 >/dev/null || exit 99
state() {
	sqlite3 "$T/o.db" "SELECT count(*), count(revoked_on), count(documents_received) FROM offsite_registration; SELECT count(*) FROM audit_log"
}

# Filing, each kind.
run "$YIBAO" offsite file $A --kind long_term --scope province --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2021-06-01 --to 2022-05-31
check "file long_term" "0 Filed 370402-B00000001: long-term residence for 张三 (11010519491231002X).
Destination 北京市朝阳区 (110105), scope: other province, valid 2021-06-01 to 2022-05-31." "$status $out"
run "$YIBAO" --operator li offsite file $B --kind migrant_work --scope city --dest-code 3701 \
	--dest-name 济南市 --from 2021-06-01 --to 2021-12-31 --documents-due 2021-06-15
check "file migrant_work (clerk: masked)" "0 Filed 370402-B00000002: migrant work for 王五 (370402********0011).
Destination 济南市 (3701), scope: other city, valid 2021-06-01 to 2021-12-31.
Documents due by 2021-06-15." "$status $out"
run "$YIBAO" offsite file $A --kind referral --scope city --dest-code 370102 \
	--dest-name 济南市历下区 --from 2021-06-01 --to 2021-06-30 --hospital 山东省立医院 \
	--diagnosis 肺癌 --reason 县内不能手术 --from-level 2
check "file referral" "0 Filed 370402-B00000003: referral for 张三 (11010519491231002X).
Destination 济南市历下区 (370102), scope: other city, valid 2021-06-01 to 2021-06-30.
Referred to 山东省立医院, diagnosis 肺癌." "$status $out"
run "$YIBAO" offsite file $A --kind emergency --scope county --dest-code 370481 \
	--dest-name 滕州市 --from 2021-05-01 --to 2021-05-10
check "file emergency, after the event" "0 Filed 370402-B00000004: emergency for 张三 (11010519491231002X).
Destination 滕州市 (370481), scope: other county, valid 2021-05-01 to 2021-05-10." "$status $out"
check "filing audited" "offsite.file 370402-B00000001 admin
offsite.file 370402-B00000002 li
offsite.file 370402-B00000003 admin
offsite.file 370402-B00000004 admin" \
	"$(sqlite3 "$T/o.db" "SELECT action, record, operator FROM audit_log WHERE action LIKE 'offsite.%' ORDER BY seq" | tr '|' ' ')"

# Refusals: a clear message, exit 1, nothing written.
before=$(state)
run "$YIBAO" offsite file $A --kind long_term --scope province --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2022-05-31 --to 2022-12-31
check "overlap" "1|yibao: 张三 already has a long-term residence registration (370402-B00000001) for part of 2022-05-31 to 2022-12-31: revoke it first, or choose days that do not overlap" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind long_term --scope province --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2021-07-01 --to 2021-06-30
check "dates in the wrong order" "1|yibao: the registration ends (2021-06-30) before it starts (2021-07-01)" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind long_term --scope province --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2021-05-01 --to 2021-06-30
check "only emergencies start in the past" "1|yibao: the registration starts (2021-05-01) before today (2021-06-01): only emergency care is registered after the event" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind holiday --scope province --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2021-07-01 --to 2021-07-30
check "unknown kind" "1|yibao: unknown kind \"holiday\": use long_term, migrant_work, referral or emergency" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind long_term --scope country --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2021-07-01 --to 2021-07-30
check "unknown scope" "1|yibao: unknown scope \"country\": use county, city or province" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind long_term --scope county --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2021-07-01 --to 2021-07-30
check "scope too narrow" "1|yibao: care in 北京市朝阳区 (110105) needs the scope province or wider, not county" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind long_term --scope province --dest-code 990105 \
	--dest-name 北京市朝阳区 --from 2021-07-01 --to 2021-07-30
check "bad area code" "1|yibao: the area code \"990105\" is not valid: 2, 4 or 6 digits of GB/T 2260, starting with a province code" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind referral --scope city --dest-code 370102 \
	--dest-name 济南市历下区 --from 2021-07-01 --to 2021-07-30 --diagnosis 肺癌 --reason 转院
check "referral without hospital" "1|yibao: a referral needs the receiving hospital (--hospital), at most 40 characters" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind migrant_work --scope city --dest-code 3701 \
	--dest-name 济南市 --from 2021-07-01 --to 2021-07-30
check "migrant work without a deadline" "1|yibao: a migrant-work registration is filed on the worker's promise: give the day the documents are due as YYYY-MM-DD (--documents-due)" \
	"$status|$err"
run "$YIBAO" offsite file 370402196603050011 --kind long_term --scope province --dest-code 110105 \
	--dest-name 北京市朝阳区 --from 2021-07-01 --to 2021-07-30
check "unknown resident" "1|yibao: no resident has the ID number 370402196603050011: register the person first" \
	"$status|$err"
run "$YIBAO" offsite file $A --kind long_term --colour red
check "unknown option" 2 "$status"
run "$YIBAO" offsite file
check "no ID" 2 "$status"
run "$YIBAO" offsite revoke 370402-B00000001
check "revoke without a reason" "1|yibao: say why the registration is revoked (--reason TEXT, at most 80 characters)" \
	"$status|$err"
run "$YIBAO" offsite receive 370402-B00000001
check "receive for a long-term registration" "1|yibao: 370402-B00000001 is a long-term residence registration: only migrant work is filed on a promise of documents" \
	"$status|$err"
run "$YIBAO" offsite receive 370402-B00000002 --date 2021-06-02
check "receive in the future" "1|yibao: the day the documents came (2021-06-02) is after today: record them on the day they come" \
	"$status|$err"
check "refusals write nothing" "$before" "$(state)"

# Lists: current ones by default; --all with expired and revoked.
run "$YIBAO" offsite list $A
check "list" "0 Off-site registrations of 张三 (11010519491231002X)
Key               Kind                 Scope           Destination          From        To          Status  Documents
370402-B00000001  long-term residence  other province  北京市朝阳区 110105  2021-06-01  2022-05-31  active  -
370402-B00000003  referral             other city      济南市历下区 370102  2021-06-01  2021-06-30  active  -
370402-B00000003: referred to 山东省立医院, diagnosis 肺癌, reason: 县内不能手术; sent by a level 2 hospital." \
	"$status $out"
run "$YIBAO" offsite revoke 370402-B00000001 --reason 回乡居住
check "revoke" "0 Revoked 370402-B00000001 on 2021-06-01: 回乡居住." "$status $out"
run "$YIBAO" offsite revoke 370402-B00000001 --reason again
check "revoke twice" "1|yibao: 370402-B00000001 was already revoked on 2021-06-01 (回乡居住)" "$status|$err"
run "$YIBAO" --operator li offsite list 11010519491231002x --all
check "list --all (clerk)" "0 Off-site registrations of 张三 (110105********002X)
Key               Kind                 Scope           Destination          From        To          Status   Documents
370402-B00000004  emergency            other county    滕州市 370481        2021-05-01  2021-05-10  expired  -
370402-B00000001  long-term residence  other province  北京市朝阳区 110105  2021-06-01  2022-05-31  revoked  -
370402-B00000003  referral             other city      济南市历下区 370102  2021-06-01  2021-06-30  active   -
370402-B00000001: revoked on 2021-06-01: 回乡居住.
370402-B00000003: referred to 山东省立医院, diagnosis 肺癌, reason: 县内不能手术; sent by a level 2 hospital." "$status $out"
# The revoked one no longer blocks its days.
run "$YIBAO" offsite file $A --kind long_term --scope province --dest-code 11 \
	--dest-name 北京市 --from 2021-06-01 --to 2021-12-31
check "refile after revoking" 0 "$status"
run env YIBAO_TODAY=2021-07-01 "$YIBAO" offsite list $B
check "list: documents overdue" "0 Off-site registrations of 王五 (370402198001010011)
Key               Kind          Scope       Destination  From        To          Status  Documents
370402-B00000002  migrant work  other city  济南市 3701  2021-06-01  2021-12-31  active  overdue (due 2021-06-15)" \
	"$status $out"
run env YIBAO_TODAY=2022-01-01 "$YIBAO" offsite list $B
check "nothing current" "0 王五 (370402198001010011) has no current off-site registration." "$status $out"
run "$YIBAO" --operator li offsite list $B --json
check "list --json (clerk)" '0 {
  "id_number": "370402********0011",
  "name": "\u738b\u4e94",
  "registrations": [
    {
      "key": "370402-B00000002",
      "kind": "migrant_work",
      "scope": "city",
      "dest_code": "3701",
      "dest_name": "\u6d4e\u5357\u5e02",
      "valid_from": "2021-06-01",
      "valid_to": "2021-12-31",
      "status": "active",
      "hospital": null,
      "diagnosis": null,
      "referral_reason": null,
      "from_level": null,
      "documents_due": "2021-06-15",
      "documents_received": null,
      "revoked_on": null,
      "revoke_reason": null,
      "operator": "li"
    }
  ]
}' "$status $out"

# Overdue: due before today, not received.  2021-06-15 is the last day.
run env YIBAO_TODAY=2021-06-15 "$YIBAO" offsite overdue
check "nothing overdue on the due day" "0 No migrant-work documents are overdue." "$status $out"
# 2021-06-15 to 2021-06-20: 5 days late.
run env YIBAO_TODAY=2021-06-20 "$YIBAO" --operator li offsite overdue
check "overdue (clerk)" "0 Migrant workers' documents overdue (days late in brackets):
Key               ID number           Name  Phone  Destination  Documents due
370402-B00000002  370402********0011  王五  -      济南市 3701  2021-06-15 (5)" "$status $out"
run env YIBAO_TODAY=2021-06-20 "$YIBAO" offsite overdue --json
check "overdue --json" '0 {
  "today": "2021-06-20",
  "overdue": [
    {
      "id_number": "370402198001010011",
      "name": "\u738b\u4e94",
      "phone": null,
      "days_late": 5,
      "key": "370402-B00000002",
      "kind": "migrant_work",
      "scope": "city",
      "dest_code": "3701",
      "dest_name": "\u6d4e\u5357\u5e02",
      "valid_from": "2021-06-01",
      "valid_to": "2021-12-31",
      "status": "active",
      "hospital": null,
      "diagnosis": null,
      "referral_reason": null,
      "from_level": null,
      "documents_due": "2021-06-15",
      "documents_received": null,
      "revoked_on": null,
      "revoke_reason": null,
      "operator": "li"
    }
  ]
}' "$status $out"
run env YIBAO_TODAY=2021-06-20 "$YIBAO" offsite receive 370402-B00000002 --date 2021-06-18
check "receive" "0 The documents of 370402-B00000002 were received on 2021-06-18." "$status $out"
run env YIBAO_TODAY=2021-06-20 "$YIBAO" offsite overdue
check "received: no longer overdue" "0 No migrant-work documents are overdue." "$status $out"
run env YIBAO_TODAY=2021-06-20 "$YIBAO" offsite receive 370402-B00000002
check "receive twice" "1|yibao: the documents of 370402-B00000002 were already received on 2021-06-18" "$status|$err"
check "revoke and receive audited" 'offsite.revoke {"status":"active"} {"status":"revoked","revoked_on":"2021-06-01","revoke_reason":"回乡居住"}
offsite.receive {"documents_received":null} {"documents_received":"2021-06-18"}' \
	"$(sqlite3 "$T/o.db" "SELECT action || ' ' || old_values || ' ' || new_values FROM audit_log WHERE action IN ('offsite.revoke', 'offsite.receive') ORDER BY seq")"

finish
