/*
 * idcard.c (fuzz target): ID numbers (core/idcard.h), dates
 * (core/date.h) and the dates and damaged IDs of rosters (io/roster.h),
 * as typed or read from a file.  Invariants: a parsed number is 18
 * characters with a matching check character, parses again to itself, and
 * its birth date is real and not after today; a parsed date formats back
 * to its text and survives a trip through day numbers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/idcard.h"
#include "fuzz.h"
#include "io/roster.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct date today = { 2021, 6, 1 };
	char *s = fuzz_string(data, size), buf[DATE_BUFSZ], mask[19];
	char rd[11];
	const char *why;
	struct idcard id, again;
	struct date d, back;
	enum idcard_err ie;
	enum date_err de;

	ie = idcard_parse(s, today, &id);
	FUZZ_ASSERT(idcard_strerror(ie) != NULL);
	if (ie == IDCARD_OK) {
		FUZZ_ASSERT(strlen(id.number) == IDCARD_LEN);
		FUZZ_ASSERT(idcard_check_char(id.number) == id.number[17]);
		FUZZ_ASSERT(date_valid(id.birth));
		FUZZ_ASSERT(date_cmp(id.birth, today) <= 0);
		FUZZ_ASSERT(id.sex == 'M' || id.sex == 'F');
		FUZZ_ASSERT(idcard_parse(id.number, today, &again) ==
		    IDCARD_OK);
		FUZZ_ASSERT(strcmp(id.number, again.number) == 0);
		idcard_mask(id.number, mask);
		FUZZ_ASSERT(strlen(mask) == IDCARD_LEN);
	}
	de = date_parse(s, &d);
	FUZZ_ASSERT(date_strerror(de) != NULL);
	if (de == DATE_OK) {
		FUZZ_ASSERT(date_valid(d));
		date_format(d, buf);
		FUZZ_ASSERT(date_parse(buf, &back) == DATE_OK &&
		    date_cmp(d, back) == 0);
		back = date_from_days(date_to_days(d));
		FUZZ_ASSERT(date_cmp(d, back) == 0);
		FUZZ_ASSERT(date_cmp(date_add_days(d, 1), d) > 0);
		(void)date_age(d, today);
	}
	if (roster_date(s, rd) == 0) {
		FUZZ_ASSERT(date_parse(rd, &d) == DATE_OK);
	}
	(void)roster_id_damaged(s, &why);
	free(s);
	return 0;
}
