#!/bin/sh
# county-db.sh [ROWS]: make (once) an office database of ROWS residents
# (default 1,000,000) from gen-roster.py's roster, imported by yibao, and
# print its path.  Kept in $YIBAO_BENCH_DIR (default /tmp/yibao-bench) and
# reused while its resident count matches, since the import takes minutes.
# Run from the build tree (./yibao), or set YIBAO to the binary.
# COUNTY_DB=FILE names another county instead (gen-county.sh's, with a
# year of work), for the benchmarks that call this script.
set -eu

if [ -n "${COUNTY_DB:-}" ]; then
	echo "$COUNTY_DB"
	exit 0
fi

ROWS=${1:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
DIR=${YIBAO_BENCH_DIR:-/tmp/yibao-bench}
DB="$DIR/county-$ROWS.db"

mkdir -p "$DIR"
echo secret >"$DIR/pw"
if [ -f "$DB" ] && [ "$(sqlite3 "$DB" 'SELECT count(*) FROM resident' \
    2>/dev/null)" = "$ROWS" ]; then
	echo "$DB"
	exit 0
fi
rm -f "$DB" "$DB-wal" "$DB-shm"
python3 "$HERE/gen-roster.py" -n "$ROWS" -o "$DIR/roster-$ROWS.csv"
YIBAO_TODAY=2021-06-01 "$YIBAO" --db "$DB" init --site 370402 \
    --admin admin --password-file "$DIR/pw" >/dev/null
YIBAO_TODAY=2021-06-01 YIBAO_DB="$DB" YIBAO_PASSWORD_FILE="$DIR/pw" \
    YIBAO_OPERATOR=admin "$YIBAO" policy use demo >/dev/null
YIBAO_TODAY=2021-06-01 YIBAO_DB="$DB" YIBAO_PASSWORD_FILE="$DIR/pw" \
    YIBAO_OPERATOR=admin "$YIBAO" import residents "$DIR/roster-$ROWS.csv" \
    >/dev/null
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
echo "$DB"
