/* pinyin.c: pinyin initials of names, for finding residents. */
#include "core/pinyin.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

/* pinyin_block_index, pinyin_blocks, pinyin_alts (const tables). */
#include "../../data/pinyin/initials.inc"

#define LETTER_BIT(c) (UINT32_C(1) << ((c) - 'a'))

/*
 * Decode one code point from `s` strictly: no overlong forms, no
 * surrogates, nothing above U+10FFFF.  Returns the bytes used, 0 at the
 * terminating NUL, -1 if the bytes are not UTF-8.  A NUL is never a
 * continuation byte, so a truncated sequence stops at the end.
 */
static int
utf8_next(const unsigned char *s, uint32_t *cp)
{
	uint32_t c = s[0], min;
	int len;

	if (c == 0)
		return 0;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		return -1;	/* continuation byte, 0xC0/0xC1, 0xF5-0xFF */
	}
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

/* The table's byte for `cp`: '.', 'a'-'z', or 'A'-'Z' (has others). */
static char
table_cell(uint32_t cp)
{
	uint32_t hi = cp >> PINYIN_BLOCK_SHIFT;

	if (hi >= PINYIN_INDEX_LEN)
		return '.';
	return pinyin_blocks[pinyin_block_index[hi]][cp & PINYIN_BLOCK_MASK];
}

/* The mask of a polyphonic character, by bisection of pinyin_alts. */
static uint32_t
alt_mask(uint32_t cp)
{
	size_t lo = 0, hi = sizeof pinyin_alts / sizeof pinyin_alts[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pinyin_alts[mid].cp < cp)
			lo = mid + 1;
		else if (pinyin_alts[mid].cp > cp)
			hi = mid;
		else
			return pinyin_alts[mid].mask;
	}
	return 0;
}

uint32_t
pinyin_initial_mask(uint32_t cp)
{
	char c = table_cell(cp);

	if (c >= 'a' && c <= 'z')
		return LETTER_BIT(c);
	if (c >= 'A' && c <= 'Z')
		return alt_mask(cp);
	return 0;
}

/*
 * Characters a name may hold between its parts.  Clerks' IMEs type
 * different middle dots for the one in 阿依古丽·买买提, and some type a
 * full stop instead.
 */
static int
is_separator(uint32_t cp)
{
	switch (cp) {
	case ' ':
	case '\t':
	case '.':
	case 0x00A0:		/* no-break space */
	case 0x00B7:		/* middle dot, the standard one */
	case 0x2022:		/* bullet */
	case 0x2027:		/* hyphenation point */
	case 0x3000:		/* ideographic space */
	case 0x30FB:		/* katakana middle dot */
	case 0xFF0E:		/* full-width full stop */
	case 0xFF65:		/* half-width katakana middle dot */
		return 1;
	default:
		return 0;
	}
}

/* Full-width letters and digits, as IMEs type them, to ASCII. */
static uint32_t
fold_width(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + '!';
	return cp;
}

/*
 * One character of a name as initials see it: its canonical initial
 * ('?' if none) and the mask of letters it matches (0 for a digit, which
 * matches itself only).  Returns 0 for a separator, which has neither.
 */
static int
name_char(uint32_t cp, char *canon, uint32_t *mask)
{
	char c;

	if (is_separator(cp))
		return 0;
	cp = fold_width(cp);
	*mask = 0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		*canon = (char)cp;
		if (cp >= 'a')
			*mask = LETTER_BIT(cp);
		return 1;
	}
	c = table_cell(cp);
	if (c >= 'a' && c <= 'z') {
		*canon = c;
		*mask = LETTER_BIT(c);
	} else if (c >= 'A' && c <= 'Z') {
		*canon = (char)(c + 'a' - 'A');
		*mask = alt_mask(cp);
	} else {
		*canon = '?';
	}
	return 1;
}

int
pinyin_initials(const char *utf8, char *out, size_t outsz)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t len = 0;
	uint32_t cp, mask;
	char canon;
	int n;

	if (outsz == 0)
		return -1;
	out[0] = '\0';
	while ((n = utf8_next(s, &cp)) > 0) {
		s += n;
		if (!name_char(cp, &canon, &mask))
			continue;
		if (len + 1 >= outsz || len >= INT_MAX) {
			out[0] = '\0';
			return -1;
		}
		out[len++] = canon;
	}
	if (n < 0) {
		out[0] = '\0';
		return -1;
	}
	out[len] = '\0';
	return (int)len;
}

/* Does the query character `q` (lowercase or digit) match this one? */
static int
matches(char q, char canon, uint32_t mask)
{
	if (q >= 'a' && q <= 'z')
		return (mask & LETTER_BIT(q)) != 0;
	return q == canon;
}

/* The next query character, lowercased; 0 at the end, -1 if not allowed. */
static int
next_query_char(const char **q)
{
	char c;

	while (**q == ' ')
		(*q)++;
	c = **q;
	if (c == '\0')
		return 0;
	(*q)++;
	if (c >= 'A' && c <= 'Z')
		return c + 'a' - 'A';
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return c;
	return -1;
}

int
pinyin_match_prefix(const char *utf8_name, const char *query)
{
	const unsigned char *s = (const unsigned char *)utf8_name;
	uint32_t cp, mask;
	char canon;
	int n, q;

	/*
	 * Every character of a name takes exactly one query letter, so
	 * matching greedily, one reading at a time, never needs to go back.
	 */
	while ((q = next_query_char(&query)) > 0) {
		do {
			n = utf8_next(s, &cp);
			if (n <= 0)
				return 0;
			s += n;
		} while (!name_char(cp, &canon, &mask));
		if (!matches((char)q, canon, mask))
			return 0;
	}
	if (q < 0)
		return 0;
	/* A prefix match; the rest of the name must still be UTF-8. */
	while ((n = utf8_next(s, &cp)) > 0)
		s += n;
	return n == 0;
}
