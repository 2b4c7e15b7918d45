/* text.c: display width of UTF-8 text. */
#include "core/text.h"

#include <string.h>

/* East Asian Wide and Fullwidth ranges (UAX #11), the ones names and forms use. */
static const struct { uint32_t lo, hi; } wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	{ 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F },
	{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
	{ 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

int
text_cp_width(uint32_t cp)
{
	if (cp == 0)
		return 0;
	/* Combining marks and zero-width characters. */
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF)
		return 0;
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (cp >= wide[i].lo && cp <= wide[i].hi)
			return 2;
	return 1;
}

int
text_decode(const char *utf8, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)utf8;
	int n;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, c = s[0] & 0x07;
	else
		goto bad;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF))
	    || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = TEXT_INVALID;
	return 1;
}

int
text_encode(uint32_t cp, char out[4])
{
	unsigned char *o = (unsigned char *)out;

	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return text_encode(0xFFFD, out);
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
text_width(const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	int w = 0;
	uint32_t cp;

	while (*s != '\0') {
		s += text_decode((const char *)s, &cp);
		w += cp == TEXT_INVALID ? 1 : text_cp_width(cp);
	}
	return w;
}

char *
text_pad(const char *utf8, int cols, int right, char *out, size_t outsz)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t len = 0, o = 0;
	int w = 0, cw, n;
	uint32_t cp;

	if (outsz == 0)
		return out;
	/* How much of the text fits. */
	while (s[len] != '\0') {
		n = text_decode((const char *)s + len, &cp);
		cw = cp == TEXT_INVALID ? 1 : text_cp_width(cp);
		if (w + cw > cols || len + (size_t)n + (size_t)(cols - w) >=
		    outsz)
			break;
		w += cw;
		len += (size_t)n;
	}
	if (right)
		for (; w < cols && o + 1 < outsz; w++)
			out[o++] = ' ';
	memcpy(out + o, s, len);
	o += len;
	if (!right)
		for (; w < cols && o + 1 < outsz; w++)
			out[o++] = ' ';
	out[o] = '\0';
	return out;
}
