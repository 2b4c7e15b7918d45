# office.sh: a small office for the reliability tests, made through the
# real binary.  Sourced, not run.  office DB: creates DB with the site
# 370402, the demo pack, operators admin, li (clerk) and wang
# (supervisor), all with the password in $T/pw, three residents in two
# households (tests/bad/files/office.csv), one household receipt paid on
# 2020-10-01 and one claim settled on 2021-06-01; it trusts the centre HUB
# of tests/bad/files/sync-*.sync and applied its file sync-hub.sync (one
# resident of office 370403).  Needs $YIBAO, $T and
# $top_srcdir.
office() {
	echo secret >"$T/pw"
	YIBAO_TODAY=2020-10-01 "$YIBAO" --db "$1" init --site 370402 \
	    --admin admin --password-file "$T/pw" >/dev/null || return 1
	(
		export YIBAO_DB="$1" YIBAO_PASSWORD_FILE="$T/pw" \
		    YIBAO_OPERATOR=admin YIBAO_TODAY=2020-10-01
		"$YIBAO" policy use demo &&
		"$YIBAO" operator add li --role clerk --name 李会计 \
		    --password-file "$T/pw" &&
		"$YIBAO" operator add wang --role supervisor --name 王主管 \
		    --password-file "$T/pw" &&
		"$YIBAO" import residents "$top_srcdir/tests/bad/files/office.csv" &&
		"$YIBAO" --operator li pay 370402198001010011 \
		    370402198202020021 &&
		YIBAO_TODAY=2021-06-01 "$YIBAO" --operator li claim settle \
		    370402198001010011 --kind inpatient --admitted 2021-03-01 \
		    --discharged 2021-03-10 --hospital 县人民医院 --level 3 \
		    --total 20000 --out-of-list 1000 --class-b 3000 &&
		"$YIBAO" sync trust-hub HUB \
		    30a806bb7c9b6d6f1dee990b6fdb730b5301f3d7356ddbcfbdce9b3aa8b7ecc6 &&
		"$YIBAO" sync apply "$top_srcdir/tests/bad/files/sync-hub.sync"
	) >/dev/null
}
