/* detect.c: a roster file's encoding, by mark or by strict validity. */
#include "config.h"

#include "io/detect.h"

#include <string.h>
#include <strings.h>

static void
scan_bad(struct detect_scan *sc, const struct detect *d, uint64_t at)
{
	if (sc->bad)
		return;
	sc->bad = 1;
	sc->bad_offset = at;
	sc->bad_line = d->line;
}

/* The range the second byte of a UTF-8 sequence must fall in. */
static int
u8_second_ok(unsigned char lead, unsigned char b)
{
	switch (lead) {
	case 0xE0:
		return b >= 0xA0 && b <= 0xBF;	/* no overlong */
	case 0xED:
		return b >= 0x80 && b <= 0x9F;	/* no surrogate */
	case 0xF0:
		return b >= 0x90 && b <= 0xBF;	/* no overlong */
	case 0xF4:
		return b >= 0x80 && b <= 0x8F;	/* not above U+10FFFF */
	default:
		return b >= 0x80 && b <= 0xBF;
	}
}

static void
u8_byte(struct detect *d, unsigned char b)
{
	struct detect_scan *sc = &d->u8;

	if (sc->bad)
		return;
	if (sc->need == 0) {
		sc->pos = 0;
		sc->first[0] = b;
		if (b < 0x80)
			return;
		sc->need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 &&
		    b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
		if (sc->need < 0) {
			sc->need = 0;
			scan_bad(sc, d, d->offset);
		}
		sc->pos = 1;
		return;
	}
	if (sc->pos == 1 ? !u8_second_ok(sc->first[0], b) :
	    (b & 0xC0) != 0x80) {
		scan_bad(sc, d, d->offset - (uint64_t)sc->pos);
		return;
	}
	sc->pos++;
	sc->need--;
}

/*
 * GB18030: 00-7F one byte; 81-FE then 40-7E or 80-FE two bytes; 81-84 or
 * 90-E3, 30-39, 81-FE, 30-39 four bytes, within the assigned ranges.  A lone
 * 0x80 is Windows' euro sign.
 */
/*
 * A four-byte sequence inside the assigned ranges: 81308130-8431A439 (the
 * rest of the BMP) and 90308130-E3329A35 (U+10000-U+10FFFF).  84 32 95 34
 * fits the byte pattern but is unassigned, and iconv refuses it (found by
 * tests/fuzz/csv: such a file was called GB18030, then failed to convert).
 * Inside the BMP range glibc (2.36) also refuses the codes of characters
 * GB18030-2005 moved to two bytes: 82358F33-82359134 and 84318236-84318335
 * (U+9FB4-9FBB and U+FE10-FE19, linear 19057-19064 and 39076-39085); every
 * other code converts (checked one by one against iconv).
 */
static int
gb_four_assigned(const unsigned char first[3], unsigned char last)
{
	unsigned long lin = (((unsigned long)(first[0] >= 0x90 ?
	    first[0] - 0x90 : first[0] - 0x81) * 10 + (first[1] - 0x30)) * 126 +
	    (first[2] - 0x81)) * 10 + (last - 0x30);

	if (first[0] >= 0x90)
		return lin <= 0x10FFFF - 0x10000;
	return lin <= 39419 && !(lin >= 19057 && lin <= 19064) &&
	    !(lin >= 39076 && lin <= 39085);
}

static void
gb_byte(struct detect *d, unsigned char b)
{
	struct detect_scan *sc = &d->gb;
	uint64_t start = d->offset - (uint64_t)sc->pos;
	int ok;

	if (sc->bad)
		return;
	if (sc->pos == 0) {
		if (b <= 0x80)
			return;
		if (b == 0xFF) {
			scan_bad(sc, d, d->offset);
			return;
		}
		sc->first[0] = b;
		sc->pos = 1;
		return;
	}
	switch (sc->pos) {
	case 1:
		if (b >= 0x30 && b <= 0x39) {
			ok = (sc->first[0] >= 0x81 && sc->first[0] <= 0x84) ||
			    (sc->first[0] >= 0x90 && sc->first[0] <= 0xE3);
			sc->first[1] = b;
			sc->pos = ok ? 2 : 0;
			if (!ok)
				scan_bad(sc, d, start);
			return;
		}
		if ((b >= 0x40 && b <= 0x7E) || (b >= 0x80 && b <= 0xFE)) {
			sc->pos = 0;
			return;
		}
		break;
	case 2:
		if (b >= 0x81 && b <= 0xFE) {
			sc->first[2] = b;
			sc->pos = 3;
			return;
		}
		break;
	default:
		if (b >= 0x30 && b <= 0x39 && gb_four_assigned(sc->first, b)) {
			sc->pos = 0;
			return;
		}
		break;
	}
	sc->pos = 0;
	scan_bad(sc, d, start);
}

void
detect_init(struct detect *d)
{
	memset(d, 0, sizeof *d);
	d->line = 1;
}

void
detect_feed(struct detect *d, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++, d->offset++) {
		if (d->nhead < sizeof d->head)
			d->head[d->nhead++] = p[i];
		u8_byte(d, p[i]);
		gb_byte(d, p[i]);
		if (p[i] == '\n')
			d->line++;
	}
}

static void
scan_end(struct detect *d)
{
	/* A character cut by the end of the file. */
	if (d->u8.need > 0)
		scan_bad(&d->u8, d, d->offset - (uint64_t)d->u8.pos);
	if (d->gb.pos > 0)
		scan_bad(&d->gb, d, d->offset - (uint64_t)d->gb.pos);
}

static int
verdict(struct detect_result *out, const struct detect_scan *sc,
    enum detect_enc e)
{
	if (sc->bad) {
		out->enc = DETECT_INVALID;
		out->bad_offset = sc->bad_offset;
		out->bad_line = sc->bad_line;
		out->bom = 0;
		return 0;
	}
	out->enc = e;
	return 0;
}

int
detect_finish(struct detect *d, const char *force, struct detect_result *out)
{
	static const unsigned char u8bom[] = { 0xEF, 0xBB, 0xBF },
	    gbbom[] = { 0x84, 0x31, 0x95, 0x33 };
	int has_u8 = d->nhead >= 3 && memcmp(d->head, u8bom, 3) == 0,
	    has_gb = d->nhead >= 4 && memcmp(d->head, gbbom, 4) == 0;

	memset(out, 0, sizeof *out);
	scan_end(d);
	if (force != NULL) {
		if (strcasecmp(force, "utf-8") == 0 ||
		    strcasecmp(force, "utf8") == 0) {
			out->bom = has_u8 ? 3 : 0;
			return verdict(out, &d->u8, DETECT_UTF8);
		}
		if (strcasecmp(force, "gb18030") == 0 ||
		    strcasecmp(force, "gbk") == 0) {
			out->bom = has_gb ? 4 : 0;
			return verdict(out, &d->gb, DETECT_GB18030);
		}
		return -1;
	}
	if (d->nhead >= 2 && ((d->head[0] == 0xFF && d->head[1] == 0xFE) ||
	    (d->head[0] == 0xFE && d->head[1] == 0xFF))) {
		out->enc = DETECT_UTF16;
		return 0;
	}
	if (has_u8) {
		out->bom = 3;
		return verdict(out, &d->u8, DETECT_UTF8);
	}
	if (has_gb) {
		out->bom = 4;
		return verdict(out, &d->gb, DETECT_GB18030);
	}
	if (!d->u8.bad)
		return verdict(out, &d->u8, DETECT_UTF8);
	if (!d->gb.bad)
		return verdict(out, &d->gb, DETECT_GB18030);
	/* Neither: name the later of the two first bad bytes (the real one). */
	return verdict(out, d->gb.bad_offset > d->u8.bad_offset ? &d->gb :
	    &d->u8, DETECT_INVALID);
}

int
detect_buffer(const void *data, size_t len, const char *force,
    struct detect_result *out)
{
	struct detect d;

	detect_init(&d);
	detect_feed(&d, data, len);
	return detect_finish(&d, force, out);
}

const char *
detect_name(enum detect_enc e)
{
	return e == DETECT_GB18030 ? "GB18030" : e == DETECT_UTF16 ?
	    "UTF-16" : "UTF-8";
}

size_t
gb_euro_filter(struct gb_euro *g, const char *in, size_t len, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)in[i];

		if (g->lead) {	/* the second byte says the length */
			g->lead = 0;
			g->need = b >= 0x30 && b <= 0x39 ? 2 : 0;
		} else if (g->need > 0)
			g->need--;
		else if (b == 0x80) {
			out[n++] = (char)0xA2;
			out[n++] = (char)0xE3;
			continue;
		} else if (b > 0x80)
			g->lead = 1;
		out[n++] = (char)b;
	}
	return n;
}
