#!/bin/sh
# import-floor.sh: how fast could any import of the roster be, written as
# set-based SQL with no per-row work at all?  Issue 6's goal is twice
# `.import`; this measures what the writes yibao must make cost by
# themselves, so that the goal can be weighed against the design.
#
#     bench/import-floor.sh [ROWS]        (default 1000000)
#
# Run from the build tree (./yibao makes the office database).  It loads
# the UTF-8 roster into a staging table with `.import`, then writes from it
# with INSERT ... SELECT, sorted by key: the residents (the row and its four
# indexes), their other initials, the households and the memberships, as
# `yibao import residents` does.  Four variants, each timed from an empty
# office to the commit:
#
#   bare       the records only
#   audit      and an audit line per record (JSON values, as ops/ writes),
#              copied into sync_audit by the schema's trigger
#   capture    the records, captured by SQLite's session extension, one
#              changeset per CHUNK rows into sync_outbox (the night sync);
#              a session keeps every row it saw in memory, so the rows are
#              written in chunks (default 5,000, as the import flushes),
#              each sorted by key, where the other variants sort them all
#   full       both: what the design requires today
#
# VARIANTS="bare full" in the environment runs only those.
# Nothing here validates an ID number or computes pinyin initials (a
# substring stands in for them), so each figure is a floor, not a design.
set -eu

ROWS=${1:-1000000}
CHUNK=${CHUNK:-5000}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
W=$(mktemp -d "${TMPDIR:-/tmp}/yibao-floor-XXXXXX")
trap 'rm -rf "$W"' EXIT

python3 "$HERE/gen-roster.py" -n "$ROWS" -o "$W/roster.csv"
iconv -f GB18030 -t UTF-8 "$W/roster.csv" >"$W/roster-utf8.csv"

# chunk_sql AUDIT LO HI: the writes of rows LO..HI of the staging table.
chunk_sql() {
	lo=$2 hi=$3
	cat <<SQL
INSERT INTO resident SELECT id, substr(id, 10) || substr(id, 1, 9), name,
    substr(id, 3, 3), CASE WHEN substr(id, 17, 1) % 2 THEN 'M' ELSE 'F' END,
    substr(id, 7, 4) || '-' || substr(id, 11, 2) || '-' || substr(id, 13, 2),
    CASE res WHEN '农业' THEN 'rural' ELSE 'urban' END, 'rural_resident',
    village, phone, 'active', NULL, NULL, '370402', '$NOW', '$NOW'
FROM stage WHERE rowid BETWEEN $lo AND $hi ORDER BY id;
INSERT INTO resident_initials_alt SELECT substr(id, 4, 3), id FROM stage
WHERE rowid BETWEEN $lo AND $hi AND rowid % 100 < 68 ORDER BY 1, 2;
INSERT INTO household SELECT printf('370402-H%08d', rowid), number, village,
    '', '370402', '$NOW'
FROM stage WHERE rowid BETWEEN $lo AND $hi AND rel = '户主' ORDER BY rowid;
INSERT INTO household_member SELECT printf('370402-M%08d', s.rowid), h.key,
    s.id, CASE s.rel WHEN '户主' THEN 'head' ELSE 'child' END, '2021-06-01',
    NULL, '370402', '$NOW'
FROM stage s JOIN household h ON h.site = '370402' AND h.number = s.number
WHERE s.rowid BETWEEN $lo AND $hi ORDER BY s.rowid;
SQL
	[ "$1" = 1 ] || return 0
	cat <<SQL
INSERT INTO audit_log (key, at, site, operator, action, record, new_values)
SELECT printf('370402-A%08d', 10 + rowid), '$NOW', '370402', 'admin',
    'resident.add', id, json_object('name', name, 'sex', 'M',
    'birth', '1990-01-01', 'residence', res,
    'insured_category', 'rural_resident', 'village', village, 'phone', phone)
FROM stage WHERE rowid BETWEEN $lo AND $hi ORDER BY rowid;
INSERT INTO audit_log (key, at, site, operator, action, record, new_values)
SELECT printf('370402-A%08d', 10 + $ROWS + rowid), '$NOW', '370402', 'admin',
    'household.join', printf('370402-M%08d', rowid),
    json_object('household', number, 'id_number', id, 'relation', 'child',
    'joined_on', '2021-06-01')
FROM stage WHERE rowid BETWEEN $lo AND $hi ORDER BY rowid;
INSERT INTO audit_log (key, at, site, operator, action, record, new_values)
SELECT printf('370402-A%08d', 10 + 2 * $ROWS + rowid), '$NOW', '370402', 'admin',
    'household.create', printf('370402-H%08d', rowid),
    json_object('number', number, 'village', village, 'head', head)
FROM stage WHERE rowid BETWEEN $lo AND $hi AND rel = '户主' ORDER BY rowid;
SQL
}

# variant_sql AUDIT CAPTURE: the whole import as one transaction.
variant_sql() {
	NOW=2021-06-01T08:00:00Z
	cat <<SQL
PRAGMA cache_size = -262144;
CREATE TEMP TABLE stage (id TEXT, name TEXT, number TEXT, head TEXT,
    rel TEXT, village TEXT, res TEXT, phone TEXT);
.import --csv --skip 1 $W/roster-utf8.csv stage
BEGIN;
SQL
	lo=1
	step=$ROWS
	[ "$2" = 1 ] && step=$CHUNK
	while [ "$lo" -le "$ROWS" ]; do
		hi=$((lo + step - 1))
		if [ "$2" = 1 ]; then
			echo ".session open main s"
			# The shell records every table it is not told to
			# leave out, as well as those attached.
			echo ".session filter audit_log"
			for t in resident resident_initials_alt household \
			    household_member sync_audit; do
				echo ".session attach $t"
			done
		fi
		chunk_sql "$1" "$lo" "$hi"
		if [ "$2" = 1 ]; then
			echo ".session changeset $W/cs.bin"
			echo ".session close"
			echo "INSERT INTO sync_outbox (origin, changeset)" \
			    "VALUES ('370402', readfile('$W/cs.bin'));"
		fi
		echo "DELETE FROM sync_audit;"
		lo=$((hi + 1))
	done
	echo "COMMIT;"
}

printf '%-9s %10s %12s %14s\n' variant seconds "peak KiB" "database bytes"
for v in "bare 0 0" "audit 1 0" "capture 0 1" "full 1 1"; do
	set -- $v
	case " ${VARIANTS:-bare audit capture full} " in
	*" $1 "*) ;;
	*) continue ;;
	esac
	rm -f "$W/f.db" "$W/f.db-wal" "$W/f.db-shm"
	echo secret >"$W/pw"
	YIBAO_TODAY=2021-06-01 "$YIBAO" --db "$W/f.db" init --site 370402 \
	    --admin admin --password-file "$W/pw" >/dev/null
	variant_sql "$2" "$3" >"$W/$1.sql"
	/usr/bin/time -f '%e %M' -o "$W/t" sqlite3 -bail "$W/f.db" \
	    ".read $W/$1.sql" >/dev/null
	read -r secs kib <"$W/t"
	printf '%-9s %10s %12s %14s\n' "$1" "$secs" "$kib" \
	    "$(wc -c <"$W/f.db")"
done
