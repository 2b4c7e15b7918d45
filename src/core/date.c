/* date.c: ISO dates, day arithmetic and age in whole years. */
#include "core/date.h"

#include <stddef.h>

#include "i18n.h"

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && date_is_leap(y));
}

int
date_valid(struct date d)
{
	return d.y >= DATE_MIN_YEAR && d.y <= DATE_MAX_YEAR &&
	    d.d >= 1 && d.d <= date_days_in_month(d.y, d.m);
}

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum date_err
date_parse(const char *s, struct date *out)
{
	struct date d;
	int i;

	if (s == NULL || *s == '\0')
		return DATE_EMPTY;
	for (i = 0; s[i] != '\0'; i++)
		if (i >= 10)
			return DATE_FORMAT;
	if (i != 10 || s[4] != '-' || s[7] != '-')
		return DATE_FORMAT;
	d.y = digits(s, 4);
	d.m = digits(s + 5, 2);
	d.d = digits(s + 8, 2);
	if (d.y < 0 || d.m < 0 || d.d < 0)
		return DATE_FORMAT;
	if (!date_valid(d))
		return DATE_IMPOSSIBLE;
	*out = d;
	return DATE_OK;
}

char *
date_format(struct date d, char buf[DATE_BUFSZ])
{
	/* Digit by digit: a valid date always fits, and gcc can see that. */
	unsigned y = (unsigned)d.y % 10000, m = (unsigned)d.m % 100,
	    day = (unsigned)d.d % 100;

	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = '\0';
	return buf;
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

/* Howard Hinnant's days_from_civil: exact for every Gregorian date. */
int32_t
date_to_days(struct date d)
{
	int y = d.y - (d.m <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(int32_t z)
{
	struct date d;
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = doy - (153 * mp + 2) / 5 + 1;
	d.m = mp < 10 ? mp + 3 : mp - 9;
	d.y = yoe + era * 400 + (d.m <= 2);
	return d;
}

struct date
date_add_days(struct date d, int32_t n)
{
	return date_from_days(date_to_days(d) + n);
}

int
date_age(struct date birth, struct date on)
{
	int age = on.y - birth.y;

	/* Not yet had this year's birthday: (month, day) still ahead. */
	if (on.m < birth.m || (on.m == birth.m && on.d < birth.d))
		age--;
	return age;
}

const char *
date_strerror(enum date_err err)
{
	switch (err) {
	case DATE_OK:
		return _("ok");
	case DATE_EMPTY:
		return _("no date was given");
	case DATE_FORMAT:
		return _("not a date: write it as YYYY-MM-DD, such as 2021-03-01");
	case DATE_IMPOSSIBLE:
		return _("no such date in the calendar");
	}
	return _("unknown error");
}
