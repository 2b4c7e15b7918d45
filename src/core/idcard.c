/* idcard.c: GB 11643 identity numbers. */
#include "core/idcard.h"

#include <string.h>

#include "i18n.h"

/*
 * One character of the input as ASCII: '0'-'9', 'X', or 0 for anything
 * else.  Full-width forms (U+FF10-FF19, U+FF38, U+FF58) are what a Chinese
 * IME types by default, so they are accepted.  Returns the bytes consumed.
 */
static int
next_char(const unsigned char *s, char *c)
{
	if (*s >= '0' && *s <= '9') {
		*c = (char)*s;
		return 1;
	}
	if (*s == 'x' || *s == 'X') {
		*c = 'X';
		return 1;
	}
	if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
		*c = (char)('0' + (s[2] - 0x90));
		return 3;
	}
	if ((s[0] == 0xEF && s[1] == 0xBC && s[2] == 0xB8) ||
	    (s[0] == 0xEF && s[1] == 0xBD && s[2] == 0x98)) {
		*c = 'X';
		return 3;
	}
	*c = 0;
	return 1;
}

char
idcard_check_char(const char d[17])
{
	static const int weight[17] =
	    {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char map[] = "10X98765432";
	int sum = 0;

	for (int i = 0; i < 17; i++)
		sum += (d[i] - '0') * weight[i];
	return map[sum % 11];
}

/* Province-level codes of GB/T 2260. */
static int
province_known(int code)
{
	return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
	    (code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
	    (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
	    code == 71 || code == 81 || code == 82;
}

static int
num(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Normalize to ASCII; IDCARD_OK with the length in *len. */
static enum idcard_err
normalize(const char *input, char buf[IDCARD_LEN + 1], int *len)
{
	const unsigned char *s = (const unsigned char *)input;
	const unsigned char *end;
	int n = 0, xpos = -1;
	char c;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen((const char *)s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (s == end)
		return IDCARD_EMPTY;
	while (s < end) {
		s += next_char(s, &c);
		if (c == 0)
			return IDCARD_CHARS;
		if (n == IDCARD_LEN)
			return IDCARD_LENGTH;
		if (c == 'X' && xpos < 0)
			xpos = n;
		buf[n++] = c;
	}
	buf[n] = '\0';
	if (n != 15 && n != 18)
		return IDCARD_LENGTH;
	if (xpos >= 0 && xpos != 17)
		return IDCARD_CHARS;	/* X only as the check character */
	*len = n;
	return IDCARD_OK;
}

enum idcard_err
idcard_parse(const char *input, struct date today, struct idcard *out)
{
	char buf[IDCARD_LEN + 1];
	struct date birth;
	enum idcard_err e;
	int len;

	if (input == NULL)
		return IDCARD_EMPTY;
	if ((e = normalize(input, buf, &len)) != IDCARD_OK)
		return e;
	if (len == 15) {
		/* First generation: YYMMDD of the 1900s, no check digit. */
		memmove(buf + 8, buf + 6, 9);
		buf[6] = '1';
		buf[7] = '9';
		buf[17] = idcard_check_char(buf);
		buf[18] = '\0';
	}
	if (!province_known(num(buf, 2)))
		return IDCARD_PROVINCE;
	birth.y = num(buf + 6, 4);
	birth.m = num(buf + 10, 2);
	birth.d = num(buf + 12, 2);
	if (!date_valid(birth))
		return IDCARD_BIRTH;
	if (date_cmp(birth, today) > 0)
		return IDCARD_FUTURE;
	if (buf[17] != idcard_check_char(buf))
		return IDCARD_CHECKSUM;

	memcpy(out->number, buf, sizeof buf);
	out->birth = birth;
	out->sex = (buf[16] - '0') % 2 ? 'M' : 'F';
	return IDCARD_OK;
}

void
idcard_mask(const char number[IDCARD_LEN + 1], char out[IDCARD_LEN + 1])
{
	memcpy(out, number, IDCARD_LEN + 1);
	memset(out + 6, '*', 8);
}

const char *
idcard_strerror(enum idcard_err err)
{
	switch (err) {
	case IDCARD_OK:
		return _("ok");
	case IDCARD_EMPTY:
		return _("no ID number was given");
	case IDCARD_LENGTH:
		return _("an ID number has 18 characters (or 15 for an old card)");
	case IDCARD_CHARS:
		return _("an ID number has only digits, and X as the last "
		    "character");
	case IDCARD_PROVINCE:
		return _("the first two digits are not a province code");
	case IDCARD_BIRTH:
		return _("the birth date in the number is not a real date");
	case IDCARD_FUTURE:
		return _("the birth date in the number is in the future");
	case IDCARD_CHECKSUM:
		return _("the check digit does not match: a digit is wrong");
	}
	return _("unknown error");
}
