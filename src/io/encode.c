/*
 * encode.c: strict iconv conversion.  iconv stops at a character it cannot
 * convert (EILSEQ) or that is cut at the end of the input (EINVAL); here
 * each stop becomes an error with its offset and the character, because a
 * slip or a roster with a '?' in a name is worse than no file at all.
 */
#include "io/encode.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

#define CARRY_MAX 8	/* longer than any character of any encoding we use */

struct encoder {
	iconv_t cd;
	char to[32], from[32];
	int from_utf8, to_utf8;
	size_t offset;		/* input bytes taken so far, carry included */
	char carry[CARRY_MAX];	/* a character cut at the end of the last chunk */
	size_t ncarry;
	int spent;
};

static int
is_utf8(const char *name)
{
	return strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0;
}

static void
set_charset(struct encode_error *e, const char *name)
{
	snprintf(e->charset, sizeof e->charset, "%s", name);
}

static int
fail(struct encode_error *e, enum encode_status st, size_t offset)
{
	e->status = st;
	e->offset = offset;
	return -1;
}

/* The bytes as \xNN, at most four of them. */
static void
hex_bytes(const unsigned char *s, size_t n, char *out, size_t outsz)
{
	size_t k = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && i < 4 && k + 5 <= outsz; i++)
		k += (size_t)snprintf(out + k, outsz - k, "\\x%02X", s[i]);
}

/*
 * One strict UTF-8 character at s (n bytes available): its length, or 0 if
 * the bytes there are not valid UTF-8 (overlong, surrogate, cut, stray).
 */
static size_t
utf8_char(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len;
	uint32_t c;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* iconv stopped at s (n bytes left): say what is there. */
static int
stopped(const struct encoder *enc, const unsigned char *s, size_t n,
    size_t offset, struct encode_error *e)
{
	uint32_t cp;
	size_t len;

	e->cp = 0;
	if (enc->from_utf8) {
		if ((len = utf8_char(s, n, &cp)) == 0) {
			hex_bytes(s, 1, e->text, sizeof e->text);
			set_charset(e, enc->from);
			return fail(e, ENCODE_INVALID, offset);
		}
		e->cp = cp;
		memcpy(e->text, s, len);
		e->text[len] = '\0';
		set_charset(e, enc->to);
		return fail(e, ENCODE_UNMAPPABLE, offset);
	}
	/* From another encoding: its character boundaries are iconv's secret. */
	hex_bytes(s, n < 2 ? n : 2, e->text, sizeof e->text);
	if (enc->to_utf8) {
		set_charset(e, enc->from);
		return fail(e, ENCODE_INVALID, offset);
	}
	set_charset(e, enc->to);
	return fail(e, ENCODE_UNMAPPABLE, offset);
}

struct encoder *
encoder_open(const char *to, const char *from, struct encode_error *e)
{
	struct encoder *enc;
	iconv_t probe;

	memset(e, 0, sizeof *e);
	/* //TRANSLIT and //IGNORE would turn errors into '?' or nothing. */
	if (strchr(to, '/') != NULL || strchr(from, '/') != NULL ||
	    strlen(to) >= sizeof enc->to || strlen(from) >= sizeof enc->from) {
		set_charset(e, strchr(to, '/') || strlen(to) >= sizeof enc->to
		    ? to : from);
		fail(e, ENCODE_CHARSET, 0);
		return NULL;
	}
	if ((enc = calloc(1, sizeof *enc)) == NULL) {
		fail(e, ENCODE_NOMEM, 0);
		return NULL;
	}
	if ((enc->cd = iconv_open(to, from)) == (iconv_t)-1) {
		free(enc);
		set_charset(e, to);
		/* Which of the two is unknown: try `from` against UTF-8. */
		probe = iconv_open("UTF-8", from);

		if (probe == (iconv_t)-1)
			set_charset(e, from);
		else
			iconv_close(probe);
		fail(e, ENCODE_CHARSET, 0);
		return NULL;
	}
	snprintf(enc->to, sizeof enc->to, "%s", to);
	snprintf(enc->from, sizeof enc->from, "%s", from);
	enc->from_utf8 = is_utf8(from);
	enc->to_utf8 = is_utf8(to);
	return enc;
}

/* Room for at least `need` more bytes (and a NUL). */
static int
reserve(struct encode_buf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 256;
	char *p;

	if (b->cap - b->len > need)
		return 0;
	while (cap - b->len <= need) {
		if (cap > ((size_t)-1) / 2)
			return -1;
		cap *= 2;
	}
	if ((p = realloc(b->data, cap)) == NULL)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

/* Convert buf[0..n) whole; what is cut at its end goes to the carry. */
static int
convert(struct encoder *enc, char *buf, size_t n, size_t base, int last,
    struct encode_buf *out, struct encode_error *e)
{
	char *src = buf, *dst;
	size_t left = n, room, r;

	while (left > 0) {
		if (reserve(out, left * 4 + 16) != 0)
			return fail(e, ENCODE_NOMEM, base + (size_t)(src - buf));
		dst = out->data + out->len;
		room = out->cap - out->len - 1;
		r = iconv(enc->cd, &src, &left, &dst, &room);
		out->len = (size_t)(dst - out->data);
		if (r == (size_t)-1 && errno == E2BIG)
			continue;
		if (r == (size_t)-1 && errno == EINVAL) {
			if (last || left > CARRY_MAX) {
				hex_bytes((unsigned char *)src, left, e->text,
				    sizeof e->text);
				set_charset(e, enc->from);
				return fail(e, ENCODE_TRUNCATED,
				    base + (size_t)(src - buf));
			}
			memmove(enc->carry, src, left);
			enc->ncarry = left;
			return 0;
		}
		if (r == (size_t)-1)
			return stopped(enc, (unsigned char *)src, left,
			    base + (size_t)(src - buf), e);
		if (r > 0) {
			/* glibc converted something "irreversibly": a
			 * substitution, which strictness forbids. */
			e->text[0] = '\0';
			set_charset(e, enc->to);
			return fail(e, ENCODE_UNMAPPABLE, base);
		}
	}
	return 0;
}

int
encoder_feed(struct encoder *enc, const char *in, size_t len, int last,
    struct encode_buf *out, struct encode_error *e)
{
	size_t base = enc->offset - enc->ncarry, n = enc->ncarry + len;
	char *buf = (char *)in, *dst;
	size_t room;
	int rc;

	memset(e, 0, sizeof *e);
	if (enc->spent)
		return fail(e, ENCODE_INVALID, enc->offset);
	if (enc->ncarry > 0) {
		if ((buf = malloc(n ? n : 1)) == NULL)
			return fail(e, ENCODE_NOMEM, base);
		memcpy(buf, enc->carry, enc->ncarry);
		if (len > 0)
			memcpy(buf + enc->ncarry, in, len);
	}
	enc->ncarry = 0;
	enc->offset += len;
	rc = convert(enc, buf, n, base, last, out, e);
	if (buf != in)
		free(buf);
	if (rc == 0 && last) {
		/* Stateful encodings end in their initial state. */
		if (reserve(out, 16) != 0)
			rc = fail(e, ENCODE_NOMEM, enc->offset);
		else {
			dst = out->data + out->len;
			room = out->cap - out->len - 1;
			iconv(enc->cd, NULL, NULL, &dst, &room);
			out->len = (size_t)(dst - out->data);
		}
	}
	if (rc == 0 && reserve(out, 0) != 0)
		rc = fail(e, ENCODE_NOMEM, enc->offset);
	if (rc != 0) {
		enc->spent = 1;
		return rc;
	}
	out->data[out->len] = '\0';
	return 0;
}

void
encoder_close(struct encoder *enc)
{
	if (enc == NULL)
		return;
	iconv_close(enc->cd);
	free(enc);
}

void
encode_buf_free(struct encode_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

static int
whole(const char *to, const char *from, const char *in, size_t len,
    char **out, size_t *outlen, struct encode_error *e)
{
	struct encode_buf b = { 0 };
	struct encoder *enc;
	int rc;

	*out = NULL;
	*outlen = 0;
	if ((enc = encoder_open(to, from, e)) == NULL)
		return -1;
	rc = encoder_feed(enc, in, len, 1, &b, e);
	encoder_close(enc);
	if (rc != 0) {
		encode_buf_free(&b);
		return -1;
	}
	*out = b.data;
	*outlen = b.len;
	return 0;
}

int
encode_to(const char *charset, const char *utf8, size_t len, char **out,
    size_t *outlen, struct encode_error *e)
{
	return whole(charset, "UTF-8", utf8, len, out, outlen, e);
}

int
encode_from(const char *charset, const char *in, size_t len, char **out,
    size_t *outlen, struct encode_error *e)
{
	return whole("UTF-8", charset, in, len, out, outlen, e);
}

char *
encode_strerror(const struct encode_error *e, char *buf, size_t len)
{
	switch (e->status) {
	case ENCODE_OK:
		snprintf(buf, len, "%s", _("converted"));
		break;
	case ENCODE_UNMAPPABLE:
		if (e->cp != 0)
			snprintf(buf, len, _("the character \"%s\" (U+%04X) at "
			    "byte %zu cannot be written in %s"), e->text,
			    (unsigned)e->cp, e->offset, e->charset);
		else if (e->text[0] != '\0')
			snprintf(buf, len, _("the character %s at byte %zu "
			    "cannot be written in %s"), e->text, e->offset,
			    e->charset);
		else
			snprintf(buf, len, _("a character near byte %zu cannot "
			    "be written in %s"), e->offset, e->charset);
		break;
	case ENCODE_INVALID:
		snprintf(buf, len, _("the text is not valid %s at byte %zu "
		    "(%s)"), e->charset, e->offset, e->text);
		break;
	case ENCODE_TRUNCATED:
		snprintf(buf, len, _("the text ends inside a character at "
		    "byte %zu (%s)"), e->offset, e->text);
		break;
	case ENCODE_CHARSET:
		snprintf(buf, len, _("unknown encoding \"%s\""), e->charset);
		break;
	case ENCODE_NOMEM:
		snprintf(buf, len, "%s", _("out of memory"));
		break;
	}
	return buf;
}
