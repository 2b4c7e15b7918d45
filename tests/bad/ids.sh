# ids.sh: valid ID numbers for the reliability tests.  Sourced.
# idnum PREFIX17: the 18-character number with its check character
# (GB 11643, MOD 11-2).
idnum() {
	echo "$1" | awk '{
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
		s = 0
		for (i = 1; i <= 17; i++)
			s += substr($0, i, 1) * w[i]
		printf "%s%s\n", $0, substr("10X98765432", s % 11 + 1, 1)
	}'
}

# roster FIRST COUNT: a roster of COUNT people, one household each,
# born 1990-01-01 with sequence numbers FIRST.. (at most 999).
roster() {
	echo '身份证号,姓名,性别,户号,户主身份证号,与户主关系,村（社区）,户口性质'
	i=$1
	while [ "$i" -lt $(($1 + $2)) ]; do
		id=$(idnum "37040219900101$(printf %03d "$i")")
		echo "$id,居民$i,,H$i,$id,户主,东村,农业"
		i=$((i + 1))
	done
}
