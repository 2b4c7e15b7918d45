/*
 * csv.c (fuzz target): a roster file as ops_import reads it, without the
 * database: encoding detection (io/detect.h), the GB18030 euro filter and
 * strict conversion (io/encode.h), the CSV reader (io/csv.h), the header
 * map and the value readers of io/roster.h, the name's pinyin initials
 * and display width.
 *
 * Differential: the file is read twice, in one piece and in chunks of a
 * few bytes (characters and CRLFs cut between chunks), and both readings
 * must agree on the encoding, every record and every error.  A file the
 * detector calls valid must also convert: iconv refusing it would be a
 * file the clerk was told is fine and then cannot import.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/pinyin.h"
#include "core/text.h"
#include "fuzz.h"
#include "io/csv.h"
#include "io/detect.h"
#include "io/encode.h"
#include "io/roster.h"

struct reading {
	struct detect_result dr;
	long records;
	uint64_t hash;		/* FNV-1a over every field */
	int csv_rc;
	enum csv_status csv_st;
	long csv_line;
	int encode_failed;
	int header_seen;
	struct roster_map map;
};

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* What ops_import does with a record's values, minus the database. */
static int
on_record(void *ctx, const struct csv_record *r)
{
	struct reading *x = ctx;
	char date[11], ini[64];
	const char *why;

	x->records++;
	x->hash = fnv(x->hash, (const char *)&r->line, sizeof r->line);
	for (size_t i = 0; i < r->n; i++)
		x->hash = fnv(x->hash, r->field[i], strlen(r->field[i]) + 1);
	if (!x->header_seen) {
		x->header_seen = 1;
		roster_map_header(r->field, r->n, &x->map);
		return 0;
	}
	for (size_t i = 0; i < r->n; i++) {
		char *v = roster_trim(r->field[i]);

		(void)roster_id_damaged(v, &why);
		(void)roster_relation(v);
		(void)roster_residence(v);
		(void)roster_insured(v);
		(void)roster_sex(v);
		if (roster_date(v, date) == 0)
			FUZZ_ASSERT(strlen(date) == 10);
		(void)pinyin_initials(v, ini, sizeof ini);
		FUZZ_ASSERT(text_width(v) >= 0);
	}
	return 0;
}

/* The file in chunks of `chunk` bytes, as ops_import's two passes. */
static void
read_file(const uint8_t *data, size_t size, size_t chunk, struct reading *x)
{
	struct detect d;
	struct encode_error ee;
	struct encode_buf out = { 0 };
	struct encoder *enc = NULL;
	struct gb_euro g = { 0 };
	struct csv *p;
	char *fix;
	size_t skip;

	memset(x, 0, sizeof *x);
	x->hash = 14695981039346656037ULL;
	detect_init(&d);
	for (size_t at = 0; at < size; at += chunk)
		detect_feed(&d, data + at, size - at < chunk ? size - at :
		    chunk);
	FUZZ_ASSERT(detect_finish(&d, NULL, &x->dr) == 0);
	if (x->dr.enc == DETECT_UTF16 || x->dr.enc == DETECT_INVALID)
		return;
	if ((p = csv_new(0)) == NULL || (fix = malloc(2 * chunk)) == NULL)
		abort();
	if (x->dr.enc == DETECT_GB18030 &&
	    (enc = encoder_open("UTF-8", "GB18030", &ee)) == NULL)
		abort();
	skip = x->dr.bom;
	for (size_t at = 0; ; at += chunk) {
		size_t n = at < size ? (size - at < chunk ? size - at : chunk) :
		    0;
		const char *in = (const char *)data + at;
		int last = at + n >= size;

		if (skip > 0) {
			size_t k = skip < n ? skip : n;

			in += k;
			n -= k;
			skip -= k;
		}
		if (enc != NULL) {
			n = gb_euro_filter(&g, in, n, fix);
			out.len = 0;
			if (encoder_feed(enc, fix, n, last, &out, &ee) != 0) {
				x->encode_failed = 1;
				break;
			}
			in = out.data;
			n = out.len;
		}
		x->csv_rc = csv_feed(p, in, n, last, on_record, x);
		if (x->csv_rc != 0 || last)
			break;
	}
	x->csv_st = csv_status(p);
	x->csv_line = csv_error_line(p);
	encode_buf_free(&out);
	if (enc != NULL)
		encoder_close(enc);
	csv_free(p);
	free(fix);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reading whole, cut;
	struct detect_result buf;

	read_file(data, size, size ? size : 1, &whole);
	read_file(data, size, 1 + size % 7, &cut);
	FUZZ_ASSERT(detect_buffer(data, size, NULL, &buf) == 0);
	FUZZ_ASSERT(buf.enc == whole.dr.enc && buf.bom == whole.dr.bom);
	FUZZ_ASSERT(whole.dr.enc == cut.dr.enc);
	FUZZ_ASSERT(whole.dr.bom == cut.dr.bom);
	if (whole.dr.enc == DETECT_INVALID) {
		FUZZ_ASSERT(whole.dr.bad_offset == cut.dr.bad_offset);
		FUZZ_ASSERT(whole.dr.bad_line == cut.dr.bad_line);
		FUZZ_ASSERT(whole.dr.bad_offset < size);
	}
	/* Detected as valid, so it converts. */
	FUZZ_ASSERT(!whole.encode_failed && !cut.encode_failed);
	FUZZ_ASSERT(whole.records == cut.records);
	FUZZ_ASSERT(whole.hash == cut.hash);
	FUZZ_ASSERT(whole.csv_rc == cut.csv_rc);
	FUZZ_ASSERT(whole.csv_st == cut.csv_st);
	FUZZ_ASSERT(whole.csv_line == cut.csv_line);
	/* Forcing the detected encoding gives the same verdict. */
	if (whole.dr.enc == DETECT_UTF8 || whole.dr.enc == DETECT_GB18030) {
		FUZZ_ASSERT(detect_buffer(data, size, whole.dr.enc ==
		    DETECT_UTF8 ? "utf-8" : "gb18030", &buf) == 0);
		FUZZ_ASSERT(buf.enc == whole.dr.enc);
	}
	return 0;
}
