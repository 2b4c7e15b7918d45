#!/bin/sh
# sync.sh: the night sync's two figures (issue 9).
#
#     bench/sync.sh [OFFICES] [ROWS]      (defaults 100 and 700)
#
# Each office imports a roster of ROWS residents with their households
# (bench/gen-roster.py, one seed per office): about 2,000 changes in a day,
# which it exports to one file.  Then a hub applies the night's OFFICES
# files in one `yibao hub apply`.  Prints the changes and bytes of the
# first office's file (goal: under 300 KB) and the hub's wall-clock time
# (goal: under 10 s).  Run from an optimized build tree (./yibao).
set -eu

OFFICES=${1:-100}
ROWS=${2:-700}
HERE=$(cd "$(dirname "$0")" && pwd)
YIBAO=${YIBAO:-./yibao}
W=$(mktemp -d "${TMPDIR:-/tmp}/yibao-bench-sync-XXXXXX")
trap 'rm -rf "$W"' EXIT

echo pw >"$W/pw"
export YIBAO_PASSWORD_FILE="$W/pw" YIBAO_OPERATOR=admin YIBAO_TODAY=2021-06-01
"$YIBAO" --db "$W/hub.db" init --site HUB --admin admin \
	--password-file "$W/pw" >/dev/null
hubkey=$("$YIBAO" --db "$W/hub.db" hub init | sed -n 's/.*trust-hub HUB //p')

i=1
while [ "$i" -le "$OFFICES" ]; do
	db="$W/o$i.db"
	"$YIBAO" --db "$db" init --site "S$i" --admin admin \
		--password-file "$W/pw" >/dev/null
	"$YIBAO" --db "$db" sync trust-hub HUB "$hubkey" >/dev/null
	"$YIBAO" --db "$W/hub.db" hub add-site "S$i" \
		"$("$YIBAO" --db "$db" sync key | cut -d' ' -f2)" >/dev/null
	# The offices' household numbers (户号) collide, as they would: each
	# office's own, unique per office, not across the county.
	python3 "$HERE/gen-roster.py" -n "$ROWS" --seed "$i" -o "$W/r.csv"
	"$YIBAO" --db "$db" import residents "$W/r.csv" >/dev/null
	out=$("$YIBAO" --db "$db" sync export -o "$W/S$i.syn")
	[ "$i" -eq 1 ] && echo "office file: $out"
	rm -f "$db" "$db-wal" "$db-shm"
	i=$((i + 1))
done

set -- "$W"/S*.syn
start=$(date +%s.%N)
"$YIBAO" --db "$W/hub.db" hub apply "$@" >"$W/apply.out"
end=$(date +%s.%N)
echo "hub: applied $(grep -c '^Applied' "$W/apply.out") of $OFFICES files" \
	"($(awk '{ s += $0 } END { print s }' <<EOT
$(sed -n 's/.*file 1, \([0-9]*\) rows.*/\1/p' "$W/apply.out")
EOT
) rows, $(grep -o '[0-9]* set aside' "$W/apply.out" | awk '{ s += $1 } END { print s + 0 }') set aside)" \
	"in $(echo "$end - $start" | bc) s"
echo "hub database: $(du -k "$W/hub.db" | cut -f1) KiB"
