/*
 * idcard.h: resident identity numbers (GB 11643-1999): 18 characters, the
 * last an ISO 7064 MOD 11-2 check digit; 15-digit numbers of the first
 * generation are converted.
 */
#ifndef YIBAO_IDCARD_H
#define YIBAO_IDCARD_H

#include "core/date.h"

#define IDCARD_LEN 18

enum idcard_err {
	IDCARD_OK = 0,
	IDCARD_EMPTY,		/* nothing given */
	IDCARD_LENGTH,		/* not 15 or 18 characters */
	IDCARD_CHARS,		/* a character other than a digit (and X last) */
	IDCARD_PROVINCE,	/* first two digits not a province of GB/T 2260 */
	IDCARD_BIRTH,		/* birth date not a real date */
	IDCARD_FUTURE,		/* birth date after today */
	IDCARD_CHECKSUM		/* the check digit does not match */
};

struct idcard {
	char number[IDCARD_LEN + 1];	/* normalized: ASCII digits, capital X */
	struct date birth;
	char sex;			/* 'M' or 'F' */
};

/*
 * Validate and normalize `input` (UTF-8).  Accepts a lowercase x and
 * full-width digits and X (０-９, Ｘ, ｘ); spaces around the number are
 * ignored.  `today` bounds the birth date.
 */
enum idcard_err idcard_parse(const char *input, struct date today,
    struct idcard *out);

/* The check character ('0'-'9' or 'X') of the first 17 digits. */
char idcard_check_char(const char digits17[17]);

/* The number shown where the role does not allow more: 110101********1234. */
void idcard_mask(const char number[IDCARD_LEN + 1], char out[IDCARD_LEN + 1]);

const char *idcard_strerror(enum idcard_err err);

#endif
