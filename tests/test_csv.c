/* test_csv.c: the CSV reader and encoding detection, edge cases by table. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"
#include "io/detect.h"
#include "io/roster.h"

/* Records flattened as "line:f1|f2;line:f1;..." for comparison. */
struct flat {
	char s[1024];
};

static int
flatten(void *ctx, const struct csv_record *r)
{
	struct flat *f = ctx;
	size_t n = strlen(f->s);

	n += (size_t)snprintf(f->s + n, sizeof f->s - n, "%ld:", r->line);
	for (size_t i = 0; i < r->n; i++)
		n += (size_t)snprintf(f->s + n, sizeof f->s - n, "%s%s",
		    i ? "|" : "", r->field[i]);
	snprintf(f->s + n, sizeof f->s - n, ";");
	return 0;
}

/* Parse whole, then again one byte at a time: both must agree. */
static int
parse(const char *text, size_t chunk, struct flat *f, enum csv_status *st,
    long *line)
{
	struct csv *p = csv_new(0);
	size_t len = strlen(text);
	int rc = 0;

	memset(f, 0, sizeof *f);
	for (size_t i = 0; rc == 0 && i < len; i += chunk) {
		size_t n = len - i < chunk ? len - i : chunk;

		rc = csv_feed(p, text + i, n, i + n == len, flatten, f);
	}
	if (len == 0)
		rc = csv_feed(p, "", 0, 1, flatten, f);
	*st = csv_status(p);
	*line = csv_error_line(p);
	csv_free(p);
	return rc;
}

static const struct {
	const char *in, *want;
	enum csv_status st;
	long err_line;
} csv_cases[] = {
	{ "a,b\nc,d\n", "1:a|b;2:c|d;", CSV_OK, 0 },
	{ "a,b\r\nc,d\r\n", "1:a|b;2:c|d;", CSV_OK, 0 },	/* CRLF */
	{ "a,b\nc,d", "1:a|b;2:c|d;", CSV_OK, 0 },	/* no final newline */
	{ "a\tb\nc\td\n", "1:a|b;2:c|d;", CSV_OK, 0 },	/* tab-separated */
	{ "a\tb,c\n", "1:a|b,c;", CSV_OK, 0 },	/* the first separator decides */
	{ "\"a,b\",c\n", "1:a,b|c;", CSV_OK, 0 },	/* embedded comma */
	{ "\"say \"\"hi\"\"\",x\n", "1:say \"hi\"|x;", CSV_OK, 0 },
	{ "\"two\nlines\",x\ny,z\n", "1:two\nlines|x;3:y|z;", CSV_OK, 0 },
	{ "\"two\r\nlines\",x\r\ny,z\r\n", "1:two\r\nlines|x;3:y|z;",
	    CSV_OK, 0 },
	{ "a,,\n", "1:a||;", CSV_OK, 0 },		/* empty fields */
	{ "a,b,", "1:a|b|;", CSV_OK, 0 },		/* ... at the end */
	{ "\"\",x\n", "1:|x;", CSV_OK, 0 },		/* an empty quoted field */
	{ "a,b\n\n,,\nc,d\n", "1:a|b;4:c|d;", CSV_OK, 0 },	/* blank rows */
	{ "ab\"c,d\n", "1:ab\"c|d;", CSV_OK, 0 },	/* a stray quote is text */
	{ "张三,\"李四\"\n", "1:张三|李四;", CSV_OK, 0 },
	{ "", "", CSV_OK, 0 },
	{ "a,b\n\"x\"y,z\n", "1:a|b;", CSV_QUOTE, 2 },
	{ "a,b\n\"open,z\nmore\n", "1:a|b;", CSV_UNTERMINATED, 2 },
};

static void
test_csv_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof csv_cases / sizeof csv_cases[0]; i++) {
		static const size_t chunks[] = { 1 << 20, 1, 3 };

		for (size_t c = 0; c < 3; c++) {
			struct flat f;
			enum csv_status st;
			long line;
			int rc = parse(csv_cases[i].in, chunks[c], &f, &st,
			    &line);

			if (strcmp(f.s, csv_cases[i].want) != 0 ||
			    st != csv_cases[i].st)
				fail_msg("case %zu chunk %zu: got \"%s\" "
				    "status %d", i, chunks[c], f.s, (int)st);
			assert_int_equal(rc, st == CSV_OK ? 0 : -1);
			if (st != CSV_OK)
				assert_int_equal(line, csv_cases[i].err_line);
		}
	}
}

static int
stop_first(void *ctx, const struct csv_record *r)
{
	(void)r;
	++*(int *)ctx;
	return 1;
}

static void
test_csv_stop(void **state)
{
	struct csv *p = csv_new(',');
	int n = 0;

	(void)state;
	assert_int_equal(csv_feed(p, "a\nb\nc\n", 6, 1, stop_first, &n), 1);
	assert_int_equal(n, 1);
	assert_int_equal(csv_separator(p), ',');
	csv_free(p);
}

/* ---- detection ---------------------------------------------------------- */

static const struct {
	const char *name;
	const char *bytes;
	size_t len;
	const char *force;
	enum detect_enc enc;
	size_t bom;
	long bad_line;
	uint64_t bad_offset;
} detect_cases[] = {
	{ "ascii", "a,b\n", 4, NULL, DETECT_UTF8, 0, 0, 0 },
	{ "empty", "", 0, NULL, DETECT_UTF8, 0, 0, 0 },
	{ "utf-8", "\xE5\xBC\xA0\xE4\xB8\x89\n", 7, NULL, DETECT_UTF8, 0, 0,
	    0 },
	{ "utf-8 bom", "\xEF\xBB\xBFx\n", 5, NULL, DETECT_UTF8, 3, 0, 0 },
	{ "gb18030 bom", "\x84\x31\x95\x33\xD5\xC5\n", 7, NULL,
	    DETECT_GB18030, 4, 0, 0 },
	{ "utf-16le", "\xFF\xFEx\0", 4, NULL, DETECT_UTF16, 0, 0, 0 },
	{ "utf-16be", "\xFE\xFF\0x", 4, NULL, DETECT_UTF16, 0, 0, 0 },
	/* 张三 in GBK: D5 C5 C8 FD, not UTF-8 */
	{ "gbk", "\xD5\xC5\xC8\xFD\n", 5, NULL, DETECT_GB18030, 0, 0, 0 },
	/* 𠀀 95 32 82 36 and 㐀 81 39 EE 39: four-byte GB18030 */
	{ "gb four-byte", "\x95\x32\x82\x36\x81\x39\xEE\x39", 8, NULL,
	    DETECT_GB18030, 0, 0, 0 },
	/* The ends of the assigned four-byte ranges (U+FFFF, U+10FFFF) and
	 * just past them: unassigned, iconv refuses them (tests/fuzz/csv). */
	{ "gb last bmp", "\x84\x31\xA4\x39", 4, NULL, DETECT_GB18030, 0, 0,
	    0 },
	{ "gb last", "\xE3\x32\x9A\x35", 4, NULL, DETECT_GB18030, 0, 0, 0 },
	{ "gb past bmp", "x\n\x84\x31\xA5\x30", 6, NULL, DETECT_INVALID, 0,
	    2, 2 },
	{ "gb unassigned", "\x84\x32\x95\x34", 4, NULL, DETECT_INVALID, 0, 1,
	    0 },
	{ "gb past last", "\xE3\x32\x9A\x36", 4, NULL, DETECT_INVALID, 0, 1,
	    0 },
	/* Codes glibc leaves unmapped since GB18030-2005 (U+FE10, U+9FB4)
	 * and their neighbours, which convert. */
	{ "gb fe10 hole", "\x84\x31\x82\x36", 4, NULL, DETECT_INVALID, 0, 1,
	    0 },
	{ "gb 9fb4 hole", "\x82\x35\x90\x37", 4, NULL, DETECT_INVALID, 0, 1,
	    0 },
	{ "gb around holes", "\x84\x31\x82\x35\x84\x31\x83\x36"
	    "\x82\x35\x90\x36\x82\x35\x91\x35", 16, NULL, DETECT_GB18030, 0,
	    0, 0 },
	{ "lone 0x80 euro", "a\x80z", 3, NULL, DETECT_GB18030, 0, 0, 0 },
	/* overlong '/' C0 AF: not UTF-8; C0 is no GB18030 trail either?
	 * C0 AF is a valid GB two-byte code, so GB18030 */
	{ "overlong", "\xC0\xAF", 2, NULL, DETECT_GB18030, 0, 0, 0 },
	/* a surrogate ED A0 80 in UTF-8; ED A0 is GB, then 80 lone = euro */
	{ "surrogate", "\xED\xA0\x80", 3, NULL, DETECT_GB18030, 0, 0, 0 },
	/* F4 90 80 80 is above U+10FFFF; as GB: F4 90 two-byte, 80 euro, 80 */
	{ "above 10FFFF", "\xF4\x90\x80\x80", 4, "utf-8", DETECT_INVALID, 0,
	    1, 0 },
	/* FF is neither; line 2 byte 4 */
	{ "bad byte", "ab\n\xD5\xC5\xFF\n", 7, NULL, DETECT_INVALID, 0, 2, 5 },
	{ "cut at end", "ab\n\xD5", 4, NULL, DETECT_INVALID, 0, 2, 3 },
	{ "forced gb", "ab", 2, "gb18030", DETECT_GB18030, 0, 0, 0 },
	{ "forced utf-8 on gbk", "x\n\xD5\xC5", 4, "utf-8", DETECT_INVALID, 0,
	    2, 2 },
};

static void
test_detect_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof detect_cases / sizeof detect_cases[0];
	    i++) {
		struct detect_result r;

		assert_int_equal(detect_buffer(detect_cases[i].bytes,
		    detect_cases[i].len, detect_cases[i].force, &r), 0);
		if (r.enc != detect_cases[i].enc)
			fail_msg("%s: got %d", detect_cases[i].name, r.enc);
		assert_int_equal(r.bom, detect_cases[i].bom);
		if (r.enc == DETECT_INVALID) {
			assert_int_equal(r.bad_line, detect_cases[i].bad_line);
			assert_int_equal(r.bad_offset,
			    detect_cases[i].bad_offset);
		}
	}
}

static void
test_detect_chunks(void **state)
{
	/* A UTF-8 character cut between chunks is still valid. */
	static const char text[] = "\xF0\xA0\x80\x80\xE3\x90\x80";
	struct detect d;
	struct detect_result r;

	(void)state;
	detect_init(&d);
	for (size_t i = 0; i < sizeof text - 1; i++)
		detect_feed(&d, text + i, 1);
	assert_int_equal(detect_finish(&d, NULL, &r), 0);
	assert_int_equal(r.enc, DETECT_UTF8);
	assert_int_equal(detect_buffer("x", 1, "latin1", &r), -1);
}

static void
test_euro_filter(void **state)
{
	/* 0x80 alone becomes A2 E3; as a trail byte (81 80) it stays. */
	static const char in[] = "a\x80\x81\x80\x95\x32\x82\x36\x80";
	char out[64];
	struct gb_euro g = { 0 };
	size_t n = 0;

	(void)state;
	for (size_t i = 0; i < sizeof in - 1; i++)	/* byte by byte */
		n += gb_euro_filter(&g, in + i, 1, out + n);
	assert_int_equal(n, 11);	/* 1 + 2 + 2 + 4 + 2 */
	assert_memory_equal(out, "a\xA2\xE3\x81\x80\x95\x32\x82\x36\xA2\xE3",
	    11);
}

/* ---- roster values ------------------------------------------------------ */

static void
test_roster_header(void **state)
{
	char *h[] = { "公民身份号码", " 姓名 ", "村（社区）", "户口性质",
	    "手机号", "序号", "Name2" };
	char *dup[] = { "身份证号", "证件号码" };
	struct roster_map m;

	(void)state;
	assert_int_equal(roster_map_header(h, 7, &m), 0);
	assert_int_equal(m.col[RC_ID], 0);
	assert_int_equal(m.col[RC_NAME], 1);
	assert_int_equal(m.col[RC_VILLAGE], 2);
	assert_int_equal(m.col[RC_RESIDENCE], 3);
	assert_int_equal(m.col[RC_PHONE], 4);
	assert_int_equal(m.col[RC_SEX], -1);
	assert_int_equal(m.nunknown, 2);
	assert_int_equal(m.unknown[0], 5);
	assert_int_equal(roster_map_header(dup, 2, &m), -1);
	assert_int_equal(m.duplicate, 1);
}

static void
test_roster_damaged(void **state)
{
	static const struct {
		const char *v;
		int damaged;
	} t[] = {
		{ "4.40524E+17", 1 }, { "4.40524e+17", 1 }, { "4E+17", 1 },
		/* 44052419900101100 + check 2 is valid; with 000 the check
		 * digit would be 2, not 0 */
		{ "440524199001011000", 1 },
		{ "440524199001011002", 0 },
		{ "11010519491231002X", 0 },
		{ "E+17", 0 }, { "张三", 0 },
		/* found by tests/fuzz/idcard: read past the end */
		{ "4.40524E", 0 }, { "110100411985031500524E", 0 },
	};
	const char *why;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (roster_id_damaged(t[i].v, &why) != t[i].damaged)
			fail_msg("%s", t[i].v);
}

static void
test_roster_values(void **state)
{
	char d[11];

	(void)state;
	assert_string_equal(roster_relation("户主"), "head");
	assert_string_equal(roster_relation("女"), "child");
	assert_string_equal(roster_relation("孙子女"), "grandchild");
	assert_string_equal(roster_relation("兄弟姐妹"), "sibling");
	assert_null(roster_relation("邻居"));
	assert_string_equal(roster_residence("农业"), "rural");
	assert_string_equal(roster_residence("非农业"), "urban");
	assert_string_equal(roster_residence("居民"), "urban");
	assert_null(roster_residence("外星"));
	assert_string_equal(roster_sex("女"), "F");
	assert_int_equal(roster_date("1990/1/31", d), 0);
	assert_string_equal(d, "1990-01-31");
	assert_int_equal(roster_date("19900131", d), 0);
	assert_string_equal(d, "1990-01-31");
	assert_int_equal(roster_date("1990年1月31日", d), 0);
	assert_string_equal(d, "1990-01-31");
	assert_int_equal(roster_date("1990-13-01", d), -1);
	/* Found by tests/fuzz/idcard: days a month does not have. */
	assert_int_equal(roster_date("2021-02-29", d), -1);
	assert_int_equal(roster_date("2021年4月31日", d), -1);
	assert_int_equal(roster_date("2020/2/29", d), 0);
	assert_string_equal(d, "2020-02-29");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_cases),
		cmocka_unit_test(test_csv_stop),
		cmocka_unit_test(test_detect_cases),
		cmocka_unit_test(test_detect_chunks),
		cmocka_unit_test(test_euro_filter),
		cmocka_unit_test(test_roster_header),
		cmocka_unit_test(test_roster_damaged),
		cmocka_unit_test(test_roster_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
