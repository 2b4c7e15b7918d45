#!/bin/sh
# sync.sh: the night sync from the command line: keys at init, trust-hub,
# add-site, export, hub apply (replay, damage, gap), hub export, apply,
# conflicts and resolve; messages and exit codes.
. "$top_srcdir/tests/cli/lib.sh"

echo pw >"$T/pw"
export YIBAO_PASSWORD_FILE="$T/pw" YIBAO_OPERATOR=admin
for place in HUB A B; do
	"$YIBAO" --db "$T/$place.db" init --site $place --admin admin \
	    --password-file "$T/pw" >/dev/null || exit 99
done
sqlite3 "$T/A.db" "INSERT INTO operator SELECT 'li', '李会计', 'clerk', password_hash, 1, site, created_at FROM operator WHERE login = 'admin'" || exit 99

run "$YIBAO" --db "$T/HUB.db" hub init
hubkey=$(sqlite3 "$T/HUB.db" "SELECT value FROM setting WHERE key = 'sync.public_key'")
check "hub init" "0 This database is now the centre HUB.
Each office learns the centre's key with:
  yibao sync trust-hub HUB $hubkey" "$status $out"
check "key is 64 hex digits" 64 "$(printf %s "$hubkey" | tr -cd 0-9a-f | wc -c)"
check "secret key kept in the 0600 database" "600 128" \
	"$(stat -c %a "$T/HUB.db") $(sqlite3 "$T/HUB.db" "SELECT length(value) FROM setting WHERE key = 'sync.secret_key'")"
run "$YIBAO" --db "$T/HUB.db" hub init
check "hub init again" "This database is the centre HUB already; nothing was changed." \
	"$(echo "$out" | head -n 1)"

run "$YIBAO" --db "$T/A.db" sync export -o "$T/x.syn"
check "export before trust-hub" "1|yibao: this office does not know its centre yet: an administrator must first enter the centre's code and key" \
	"$status|$err"
run "$YIBAO" --db "$T/A.db" sync trust-hub HUB 1234
check "bad key" "1|yibao: the key \"1234\" is not a public key: 64 hexadecimal digits, as yibao hub init prints it" \
	"$status|$err"
run "$YIBAO" --db "$T/A.db" --operator li sync trust-hub HUB "$hubkey"
check "trust-hub needs an admin" 4 "$status"
for o in A B; do
	run "$YIBAO" --db "$T/$o.db" sync trust-hub HUB "$hubkey"
	check "trust-hub $o" "0 This office now exchanges files with the centre HUB." "$status $out"
	run "$YIBAO" --db "$T/$o.db" sync key
	key=$(echo "$out" | cut -d' ' -f2)
	check "sync key $o" "$o" "$(echo "$out" | cut -d' ' -f1)"
	run "$YIBAO" --db "$T/HUB.db" hub add-site $o "$key"
	check "add-site $o" "0 Office $o is known to the centre." "$status $out"
done
run "$YIBAO" --db "$T/HUB.db" hub add-site HUB "$hubkey"
check "add-site of the hub itself" "1|yibao: HUB is the centre's own code" "$status|$err"

# A registers a person; the file goes to the hub, twice.
run "$YIBAO" --db "$T/A.db" resident add 11010519491231002X --name 张三 \
	--residence rural --insured rural_resident --village 东村
check "register at A" 0 "$status"
run "$YIBAO" --db "$T/A.db" --operator li sync export -o "$T/A1.syn"
check "a clerk may not export" "4|yibao: only a supervisor or an administrator may do this; li is a clerk" \
	"$status|$err"
run "$YIBAO" --db "$T/A.db" sync export -o "$T/A1.syn"
size=$(stat -c %s "$T/A1.syn")
# the audit lines of operator.add (init) and trust-hub; the resident and
# its audit line
check "export" "0 Wrote $T/A1.syn: file 1 of office A, 4 changes, $size bytes; it acknowledges the centre's changes up to 0." \
	"$status $out"
check "sync file 0600" 600 "$(stat -c %a "$T/A1.syn")"
check "no temporary file left" "A1.syn" "$(cd "$T" && ls *.syn*)"
run "$YIBAO" --db "$T/A.db" sync status
check "status" "Office A; centre: HUB.
Files written: 1; changes waiting for the next file: 0; the centre's changes applied: up to 0." \
	"$(echo "$out" | sed -n '1p;3p')"

head -c 100 "$T/A1.syn" >"$T/cut.syn"
hub_state() { sqlite3 "$T/HUB.db" .dump | sha256sum; }
before=$(hub_state)
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/cut.syn"
check "truncated file refused" "1|yibao: $T/cut.syn is truncated (100 bytes, fewer than its header says): nothing was applied; copy the file again" \
	"$status|$err"
check "hub unchanged after truncation" "$before" "$(hub_state)"
cp "$T/A1.syn" "$T/flip.syn"
printf '\377' | dd of="$T/flip.syn" bs=1 seek=$((size - 5)) conv=notrunc 2>/dev/null
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/flip.syn"
check "damaged file refused" "1|yibao: $T/flip.syn is damaged (its SHA-256 does not match): nothing was applied; copy the file again" \
	"$status|$err"
check "hub unchanged after damage" "$before" "$(hub_state)"
echo "not a sync file" >"$T/junk.syn"
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/junk.syn"
check "junk refused" "1|yibao: $T/junk.syn is not a yibao sync file" "$status|$err"

run "$YIBAO" --db "$T/HUB.db" hub apply "$T/A1.syn" "$T/A1.syn"
check "apply, then the replay skipped" "0 Applied $T/A1.syn: office A's file 1, 4 rows, 0 set aside for review (yibao hub conflicts).
$T/A1.syn: office A's file 1 was applied already: skipped, nothing changed." "$status $out"

# B registers the same person under another name; B's second file alone is a gap.
run "$YIBAO" --db "$T/B.db" resident add 11010519491231002X --name 张叁 \
	--residence rural --insured rural_resident --village 西村
"$YIBAO" --db "$T/B.db" sync export -o "$T/B1.syn" >/dev/null
"$YIBAO" --db "$T/B.db" sync export -o "$T/B2.syn" >/dev/null
before=$(hub_state)
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/B2.syn"
check "gap refused" "1|yibao: $T/B2.syn is office B's file 2, but the next one to apply is 1: refused, apply the files in order" \
	"$status|$err"
check "hub unchanged after a gap" "$before" "$(hub_state)"
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/B1.syn" "$T/B2.syn"
check "in order" 0 "$status"
run "$YIBAO" --db "$T/HUB.db" hub conflicts
check "the same person is held for review" "0 #1  same person registered twice  resident 11010519491231002X  (office B, file 1, TIME)" \
	"$status $(echo "$out" | head -n 1 | sed 's/, 20[0-9T:Z-]*)$/, TIME)/')"
check "both versions shown" "2" "$(echo "$out" | grep -c '"name":"张[三叁]"')"

# The hub's file for B: B takes the centre's version.
run "$YIBAO" --db "$T/HUB.db" hub export --site B -o "$T/HB.syn"
check "hub export" 0 "$status"
run "$YIBAO" --db "$T/A.db" sync apply "$T/HB.syn"
check "B's file at A" "1|yibao: $T/HB.syn is for office B, not for this office (A): refused" \
	"$status|$err"
run "$YIBAO" --db "$T/B.db" sync apply "$T/HB.syn"
check "apply at B" 0 "$status"
check "B has the centre's version" "张三|东村|A" \
	"$(sqlite3 "$T/B.db" "SELECT name, village, site FROM resident")"
run "$YIBAO" --db "$T/B.db" sync apply "$T/HB.syn"
check "hub file replayed" "0 $T/HB.syn was applied already (the centre's changes up to $(sqlite3 "$T/HUB.db" "SELECT max(seq) FROM sync_outbox")): skipped, nothing changed." \
	"$status $out"

# The supervisor takes B's spelling; it travels to A.
run "$YIBAO" --db "$T/HUB.db" hub resolve 1 --keep office --note "户口簿为张叁"
check "resolve" "0 Entry 1 closed: the version set aside is now the record, and travels to every office." \
	"$status $out"
run "$YIBAO" --db "$T/HUB.db" hub resolve 1 --keep centre
check "resolve twice" 1 "$status"
run "$YIBAO" --db "$T/HUB.db" hub resolve 1 --keep nobody
check "resolve usage" 2 "$status"
run "$YIBAO" --db "$T/HUB.db" hub conflicts
check "nothing open" "0 Nothing waits for review." "$status $out"
"$YIBAO" --db "$T/A.db" sync export -o "$T/A2.syn" >/dev/null
"$YIBAO" --db "$T/HUB.db" hub apply "$T/A2.syn" >/dev/null
"$YIBAO" --db "$T/HUB.db" hub export --site A -o "$T/HA.syn" >/dev/null
run "$YIBAO" --db "$T/A.db" sync apply "$T/HA.syn"
check "apply at A" 0 "$status"
check "A has the merged record" "张叁|西村|A" \
	"$(sqlite3 "$T/A.db" "SELECT name, village, site FROM resident")"

run "$YIBAO" --db "$T/A.db" hub conflicts
check "an office is not a hub" "1|yibao: this database is not a centre: make it one with yibao hub init" \
	"$status|$err"
run "$YIBAO" --db "$T/HUB.db" sync export -o "$T/h.syn"
check "a hub does not export as an office" 1 "$status"
run "$YIBAO" --db "$T/A.db" sync
check "sync usage" 2 "$status"

# Household numbers are each office's own: A and B both create 0001.
"$YIBAO" --db "$T/A.db" resident add 370402198001010011 --name 王芳 \
	--residence rural --insured rural_resident --village 东村 >/dev/null
"$YIBAO" --db "$T/B.db" resident add 370402198202020021 --name 李四 \
	--residence rural --insured rural_resident --village 西村 >/dev/null
run "$YIBAO" --db "$T/A.db" household create 0001 --village 东村 --head 370402198001010011
check "0001 at A" 0 "$status"
run "$YIBAO" --db "$T/B.db" household create 0001 --village 西村 --head 370402198202020021
check "0001 at B" 0 "$status"
"$YIBAO" --db "$T/A.db" sync export -o "$T/A3.syn" >/dev/null
"$YIBAO" --db "$T/B.db" sync export -o "$T/B3.syn" >/dev/null
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/A3.syn" "$T/B3.syn"
# A: resident, its other initials (王: yù), household, member, 3 audit
# lines; B: the same but 李 has one reading.
check "both offices' 0001 at the hub" "0 Applied $T/A3.syn: office A's file 3, 7 rows, 0 set aside for review (yibao hub conflicts).
Applied $T/B3.syn: office B's file 3, 6 rows, 0 set aside for review (yibao hub conflicts)." \
	"$status $out"
for o in A B; do
	"$YIBAO" --db "$T/HUB.db" hub export --site $o -o "$T/H${o}3.syn" >/dev/null
	run "$YIBAO" --db "$T/$o.db" sync apply "$T/H${o}3.syn"
	check "the other 0001 at $o" "0 A|0001|东村 B|0001|西村" \
		"$status $(sqlite3 "$T/$o.db" "SELECT site, number, village FROM household ORDER BY site" | tr '\n' ' ' | sed 's/ $//')"
done
# Exports name the household: this office's bare, another's OFFICE/NUMBER
# (at the hub every one is another's); the header stays 户号.
hhcol() {
	"$YIBAO" --db "$T/$1.db" export residents --encoding utf-8 |
	    tr -d "$TAB\r" | cut -d, -f2,5 | tr '\n' ' ' | sed 's/ $//'
}
check "户号 at A" "姓名,户号 王芳,0001 李四,B/0001 张叁," "$(hhcol A)"
check "户号 at B" "姓名,户号 王芳,A/0001 李四,0001 张叁," "$(hhcol B)"
check "户号 at the hub" "姓名,户号 王芳,A/0001 李四,B/0001 张叁," "$(hhcol HUB)"
run "$YIBAO" --db "$T/HUB.db" household show 0001
check "the hub has no 0001 of its own" "1|yibao: this office (HUB) has no household 0001; other offices have one (A, B): name it with the office's code, e.g. A/0001" \
	"$status|$err"
run "$YIBAO" --db "$T/HUB.db" household show B/0001
check "B/0001 at the hub" "0 Household B/0001, 西村
  ID number           Name  Relation           Joined
  370402198202020021  李四  head of household  2021-06-01" "$status $out"
run "$YIBAO" --db "$T/A.db" household show 0001 --json
check "0001 at A is A's" '0 {"number":"0001","site":"A","village":"\u4e1c\u6751","members":[{"id_number":"370402198001010011","name":"\u738b\u82b3","relation":"head","joined_on":"2021-06-01","left_on":null}]}' \
	"$status $(echo "$out" | tr -d ' \n')"
run "$YIBAO" --db "$T/A.db" household show C/0001
check "no such office's" "1|yibao: office C has no household 0001" "$status|$err"
run "$YIBAO" --db "$T/A.db" household show A/B/0001
check "not a household's name" "1|yibao: the household number \"A/B/0001\" cannot be used: 1 to 32 letters, digits or '-', or another office's as OFFICE/NUMBER" \
	"$status|$err"
run "$YIBAO" --db "$T/A.db" household create B/0002 --village 东村 --head 370402198001010011
check "created in this office only" "1|yibao: the household number \"B/0002\" cannot be used: 1 to 32 letters, digits or '-'" \
	"$status|$err"

# The same person put in households at two offices on one night: A adds
# 张叁 to A/0001, B makes them the head of B/0005.  B's file reaches the
# hub first: B's stands, A's is kept, ended the day it began, and listed.
homes() {
	sqlite3 "$T/$1.db" "SELECT h.site || '/' || h.number, m.relation,
	    m.joined_on, ifnull(m.left_on, '-') FROM household_member m JOIN
	    household h ON h.key = m.household WHERE m.id_number =
	    '11010519491231002X' ORDER BY m.key" | tr '\n' ' ' | sed 's/ $//'
}
run "$YIBAO" --db "$T/A.db" household add 0001 11010519491231002X --relation child
check "into A/0001 at A" 0 "$status"
run "$YIBAO" --db "$T/B.db" household create 0005 --village 西村 --head 11010519491231002X
check "head of B/0005 at B" 0 "$status"
"$YIBAO" --db "$T/A.db" sync export -o "$T/A-homes.syn" >/dev/null
"$YIBAO" --db "$T/B.db" sync export -o "$T/B-homes.syn" >/dev/null
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/B-homes.syn" "$T/A-homes.syn" "$T/A-homes.syn"
# (each file also carries the audit line of its office's export above)
check "B's first, then A's (and A's again)" "0 Applied $T/B-homes.syn: office B's file 4, 5 rows, 0 set aside for review (yibao hub conflicts).
Applied $T/A-homes.syn: office A's file 4, 3 rows, 1 set aside for review (yibao hub conflicts).
$T/A-homes.syn: office A's file 4 was applied already: skipped, nothing changed." \
	"$status $out"
check "hub after night 1" "A/0001|child|2021-06-01|2021-06-01 B/0005|head|2021-06-01|-" "$(homes HUB)"
run "$YIBAO" --db "$T/HUB.db" hub conflicts
homes_entry=$(echo "$out" | sed -n 's/^#\([0-9]*\)  in households at two offices .*/\1/p')
check "listed for review" "0 #2  in households at two offices  household_member A-M00000002  (office A, file 4, TIME)" \
	"$status $(echo "$out" | head -n 1 | sed 's/, 20[0-9T:Z-]*)$/, TIME)/')"
check "with the membership that stands" 1 \
	"$(echo "$out" | grep -c '^    in the table: .*"household":"B-H00000002".*"left_on":null')"
for o in A B; do
	"$YIBAO" --db "$T/HUB.db" hub export --site $o -o "$T/H$o-homes.syn" >/dev/null
	run "$YIBAO" --db "$T/$o.db" sync apply "$T/H$o-homes.syn"
	check "apply at $o" 0 "$status"
	check "$o after night 1" "A/0001|child|2021-06-01|2021-06-01 B/0005|head|2021-06-01|-" "$(homes $o)"
done
check "A and the hub the same" "$(sqlite3 "$T/HUB.db" "SELECT count(*) FROM household_member")" \
	"$(sqlite3 "$T/A.db" "SELECT count(*) FROM household_member")"

# The supervisor keeps A's: 张叁 moves to A/0001 at the hub, and it travels.
run "$YIBAO" --db "$T/HUB.db" hub resolve "$homes_entry" --keep office
check "resolve the household" "0 Entry 2 closed: the version set aside is now the record, and travels to every office." \
	"$status $out"
want="A/0001|child|2021-06-01|2021-06-01 B/0005|head|2021-06-01|2021-06-01 A/0001|child|2021-06-01|-"
check "hub after the merge" "$want" "$(homes HUB)"
for o in A B; do
	"$YIBAO" --db "$T/$o.db" sync export -o "$T/$o-homes2.syn" >/dev/null
	"$YIBAO" --db "$T/HUB.db" hub apply "$T/$o-homes2.syn" >/dev/null
done
for o in A B; do
	"$YIBAO" --db "$T/HUB.db" hub export --site $o -o "$T/H$o-homes2.syn" >/dev/null
	run "$YIBAO" --db "$T/$o.db" sync apply "$T/H$o-homes2.syn"
	check "$o after the merge" "0 $want" "$status $(homes $o)"
done
for o in A B; do
	check "$o's synced data equals the hub's" "$("$YIBAO" --db "$T/HUB.db" sync dump | sha256sum)" \
		"$("$YIBAO" --db "$T/$o.db" sync dump | sha256sum)"
done

# A large import is written to the outbox in pieces of 5,000 rows (memory
# stays flat), and all of it arrives.
python3 "$top_srcdir/bench/gen-roster.py" -n 12000 --seed 7 -o "$T/big.csv" ||
	exit 99
hub_counts() {
	sqlite3 "$T/HUB.db" "SELECT (SELECT count(*) FROM resident WHERE
	    site = 'B') + (SELECT count(*) FROM household_member m JOIN
	    household h ON h.key = m.household WHERE h.site = 'B')"
}
before=$(sqlite3 "$T/B.db" "SELECT count(*) FROM sync_outbox")
at_hub=$(hub_counts)
run "$YIBAO" --db "$T/B.db" import residents "$T/big.csv"
check "large import" 0 "$status"
check "three outbox rows: at 5,000, at 10,000 and at commit" 3 \
	"$(( $(sqlite3 "$T/B.db" "SELECT count(*) FROM sync_outbox") - before ))"
run "$YIBAO" --db "$T/B.db" sync export -o "$T/B4.syn"
check "export of the import" 0 "$status"
run "$YIBAO" --db "$T/HUB.db" hub apply "$T/B4.syn"
check "hub applies it" 0 "$status"
check "every imported resident and membership at the hub" 24000 \
	"$(( $(hub_counts) - at_hub ))"
# sync_audit is emptied at each of those writes, not only at commit: every
# audit line of B's must still have travelled (12,000 registrations and
# the 2 before), each once.
check "every audit line of B's at the hub" "0|12002" \
	"$(sqlite3 "$T/HUB.db" "ATTACH '$T/B.db' AS b; SELECT (SELECT count(*)
	    FROM b.audit_log WHERE key NOT IN (SELECT key FROM main.audit_log)),
	    (SELECT count(*) FROM main.audit_log WHERE site = 'B' AND
	    action = 'resident.add')")"
check "sync_audit empty at rest" 0 \
	"$(sqlite3 "$T/B.db" "SELECT count(*) FROM sync_audit")"

# A receipt names the household the same way.
sqlite3 "$T/A.db" "INSERT INTO setting VALUES ('policy', 'demo')" || exit 99
run "$YIBAO" --db "$T/A.db" pay 370402198001010011
check "receipt for A's household" "0 Office A, household 0001, paid on 2021-06-01" \
	"$status $(echo "$out" | sed -n 2p)"
run "$YIBAO" --db "$T/A.db" pay 370402198202020021
check "receipt for B's household at A" "0 Office A, household B/0001, paid on 2021-06-01" \
	"$status $(echo "$out" | sed -n 2p)"

finish
