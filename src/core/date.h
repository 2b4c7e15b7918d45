/* date.h: calendar dates (proleptic Gregorian), ISO 8601 YYYY-MM-DD. */
#ifndef YIBAO_DATE_H
#define YIBAO_DATE_H

#include <stdint.h>

struct date {
	int y, m, d;
};

#define DATE_BUFSZ 11		/* "YYYY-MM-DD" and NUL */
#define DATE_MIN_YEAR 1800
#define DATE_MAX_YEAR 9999

enum date_err {
	DATE_OK = 0,
	DATE_EMPTY,		/* nothing given */
	DATE_FORMAT,		/* not YYYY-MM-DD */
	DATE_IMPOSSIBLE		/* 2023-02-29, month 13, year out of range */
};

int date_is_leap(int year);
int date_days_in_month(int year, int month);	/* 0 for a month out of range */
int date_valid(struct date d);			/* 1 if a real calendar date in range */

enum date_err date_parse(const char *text, struct date *out);
char *date_format(struct date d, char buf[DATE_BUFSZ]);

/* <0, 0, >0 as a is before, equal to, after b. */
int date_cmp(struct date a, struct date b);

/* Day number (days since 1970-01-01, may be negative) and back. */
int32_t date_to_days(struct date d);
struct date date_from_days(int32_t days);
struct date date_add_days(struct date d, int32_t n);

/*
 * Age in whole years on date `on` (周岁).  Someone born on 29 February turns
 * a year older on 1 March in common years.  Negative if `on` is before `birth`.
 */
int date_age(struct date birth, struct date on);

const char *date_strerror(enum date_err err);

#endif
