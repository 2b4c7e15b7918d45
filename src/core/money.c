/* money.c: parse, format and share amounts in integer fen (RULES.md 1). */
#include "core/money.h"

#include <stddef.h>

#include "i18n.h"

/*
 * Parse "digits[.d[d]]" with `maxdec` decimals into an integer scaled by
 * 10^maxdec.  Leading and trailing spaces are allowed; nothing else.
 */
static enum money_err
parse_decimal(const char *s, int allow_negative, int maxdec, int64_t limit,
    int64_t *out)
{
	int64_t whole = 0, frac = 0;
	int ndigits = 0, ndec = 0, negative = 0, scale;

	if (s == NULL)
		return MONEY_EMPTY;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return MONEY_EMPTY;
	if (*s == '+' || *s == '-') {
		if (*s == '+' || !allow_negative)
			return MONEY_SIGN;
		negative = 1;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++, ndigits++) {
		whole = whole * 10 + (*s - '0');
		if (whole > limit)	/* checked per digit: cannot overflow */
			return MONEY_OVERFLOW;
	}
	if (*s == '.') {
		s++;
		for (; *s >= '0' && *s <= '9'; s++, ndec++) {
			if (ndec >= maxdec)
				return MONEY_DECIMALS;
			frac = frac * 10 + (*s - '0');
		}
		if (ndec == 0)
			return MONEY_GARBAGE;	/* "12." */
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0' || ndigits + ndec == 0)
		return MONEY_GARBAGE;

	for (scale = ndec; scale < maxdec; scale++)
		frac *= 10;
	for (scale = 0; scale < maxdec; scale++)
		whole *= 10;
	whole += frac;
	if (whole > limit)
		return MONEY_OVERFLOW;
	*out = negative ? -whole : whole;
	return MONEY_OK;
}

enum money_err
money_parse(const char *text, int allow_negative, fen_t *out)
{
	int64_t v;
	enum money_err e;

	e = parse_decimal(text, allow_negative, 2, MONEY_MAX, &v);
	if (e == MONEY_OK)
		*out = v;
	return e;
}

char *
money_format(fen_t amount, char buf[MONEY_BUFSZ])
{
	char tmp[MONEY_BUFSZ];
	uint64_t u;
	int i = 0, j = 0;

	/* Through unsigned so that INT64_MIN does not overflow. */
	u = amount < 0 ? -(uint64_t)amount : (uint64_t)amount;
	do {
		tmp[i++] = (char)('0' + u % 10);
		u /= 10;
		if (i == 2)
			tmp[i++] = '.';
	} while (u != 0 || i < 4);
	if (amount < 0)
		buf[j++] = '-';
	while (i > 0)
		buf[j++] = tmp[--i];
	buf[j] = '\0';
	return buf;
}

fen_t
money_share(fen_t amount, bp_t bp)
{
	int64_t p = amount * (int64_t)bp;

	/* Half away from zero: the same rounding for a refund as for a payment. */
	if (p >= 0)
		return (p + 5000) / 10000;
	return -((-p + 5000) / 10000);
}

enum money_err
percent_parse(const char *text, bp_t *out)
{
	int64_t v;
	enum money_err e;

	e = parse_decimal(text, 0, 2, BP_MAX, &v);
	if (e == MONEY_OVERFLOW)
		return PERCENT_ABOVE_100;
	if (e == MONEY_OK)
		*out = (bp_t)v;
	return e;
}

char *
percent_format(bp_t bp, char buf[MONEY_BUFSZ])
{
	char *p;

	money_format(bp, buf);		/* the same digits: 8550 -> "85.50" */
	for (p = buf; *p != '\0'; p++)
		;
	while (p[-1] == '0')		/* "85.50" -> "85.5", "85.00" -> "85." */
		*--p = '\0';
	if (p[-1] == '.')
		p[-1] = '\0';
	return buf;
}

const char *
money_strerror(enum money_err err)
{
	switch (err) {
	case MONEY_OK:
		return _("ok");
	case MONEY_EMPTY:
		return _("no amount was given");
	case MONEY_GARBAGE:
		return _("not an amount: write yuan with up to two decimals, "
		    "such as 1234.50");
	case MONEY_DECIMALS:
		return _("more than two decimals: amounts are in yuan and fen");
	case MONEY_SIGN:
		return _("a sign is not allowed here: write the amount without "
		    "+ or -");
	case MONEY_OVERFLOW:
		return _("amount too large: at most 999999999999.99 yuan");
	case PERCENT_ABOVE_100:
		return _("a percentage above 100");
	}
	return _("unknown error");
}
