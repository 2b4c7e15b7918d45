/*
 * test_slip.c: the settlement slip (io/slip.c) and the strict encoder
 * (io/encode.c).
 *
 * The expected slips in tests/data/ were typed from the figures worked out
 * by hand below (RULES.md 5 and 6, the packs' lines), not copied from the
 * program.  The tests run in the C locale: labels in English, the data
 * (names, hospitals, pack texts) in Chinese.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/policy_load.h"
#include "core/settle.h"
#include "core/text.h"
#include "io/encode.h"
#include "io/policy_file.h"
#include "io/slip.h"

/* ---- helpers ------------------------------------------------------------ */

static struct policy *
load(const char *id)
{
	struct policy *p = calloc(1, sizeof *p);
	struct policy_errors errs = { 0 };

	assert_non_null(p);
	if (policy_file_load(id, p, &errs) != 0)
		fail_msg("cannot load pack %s (YIBAO_POLICY_DIR=%s): %s", id,
		    policy_dir(), errs.n ? errs.e[0].msg : "?");
	return p;
}

static char *
read_data(const char *name)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *fp;
	long n;
	char *buf;

	snprintf(path, sizeof path, "%s/tests/data/%s", top ? top : ".", name);
	fp = fopen(path, "rb");
	if (fp == NULL)
		fail_msg("cannot read %s: %s", path, strerror(errno));
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* Every line ends in \n and is at most 80 display columns. */
static void
assert_lines_fit(const char *text)
{
	char line[1024];
	const char *p = text, *nl;

	assert_true(text[0] != '\0');
	assert_int_equal(text[strlen(text) - 1], '\n');
	for (; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		assert_non_null(nl);
		assert_true((size_t)(nl - p) < sizeof line);
		memcpy(line, p, (size_t)(nl - p));
		line[nl - p] = '\0';
		if (text_width(line) > SLIP_WIDTH)
			fail_msg("line of %d columns: %s", text_width(line), line);
		/* No trailing spaces: slips compare byte for byte. */
		assert_true(nl == p || nl[-1] != ' ');
	}
}

/* Compare line by line first, so a failure shows the line. */
static void
assert_slip(const char *want, const char *got)
{
	const char *w = want, *g = got;

	while (*w != '\0' && *g != '\0') {
		size_t wl = strcspn(w, "\n"), gl = strcspn(g, "\n");

		if (wl != gl || memcmp(w, g, wl) != 0)
			fail_msg("want: %.*s\n got: %.*s", (int)wl, w, (int)gl,
			    g);
		w += wl + (w[wl] != '\0');
		g += gl + (g[gl] != '\0');
	}
	assert_string_equal(want, got);
}

static void
copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src);
}

/*
 * RULES.md 6: 001 (zhangye-2019), level-3 hospital, local, no earlier
 * claims: T 20000, O 1000, B 3000.
 */
static void
rules6_view(struct claim_view *v, const struct policy *pol)
{
	struct claim *c = &v->claim;

	memset(v, 0, sizeof *v);
	copy(v->key, sizeof v->key, "620702-S00000007");
	copy(v->id_number, sizeof v->id_number, "62070219800101001X");
	copy(v->name, sizeof v->name, "刘䶮");
	v->benefit_year = 2019;
	v->admitted_on = (struct date){ 2019, 8, 5 };
	v->discharged_on = (struct date){ 2019, 8, 16 };
	copy(v->hospital, sizeof v->hospital, "张掖市人民医院");
	v->settled_on = (struct date){ 2019, 8, 20 };
	copy(v->at, sizeof v->at, "2019-08-20T02:15:30Z");
	copy(v->operator_login, sizeof v->operator_login, "wang");
	copy(v->operator_name, sizeof v->operator_name, "王芳");
	copy(v->site, sizeof v->site, "620702");
	copy(v->policy_id, sizeof v->policy_id, pol->id);
	copy(v->policy_hash, sizeof v->policy_hash, pol->text_hash);
	c->kind = KIND_INPATIENT;
	c->level = 3;
	c->scope = SCOPE_LOCAL;
	c->total = 2000000;
	c->out_of_list = 100000;
	c->class_b = 300000;
	c->date = v->admitted_on;
	c->birth = (struct date){ 1980, 1, 1 };
	assert_int_equal(settle(pol, c, &v->settlement), SETTLE_OK);
}

/*
 * Demo pack (extends zhangye-2019), inpatient in another region of the
 * province without registration, a rural min_living person:
 * T 80000, O 4000, B 10000, imported M 5000 with domestic S 3000.
 */
static void
demo_view(struct claim_view *v, const struct policy *pol)
{
	struct claim *c = &v->claim;

	memset(v, 0, sizeof *v);
	copy(v->key, sizeof v->key, "370402-S00000012");
	copy(v->id_number, sizeof v->id_number, "370402198001010011");
	copy(v->name, sizeof v->name, "王𠀀");
	v->benefit_year = 2021;
	v->admitted_on = (struct date){ 2021, 3, 2 };
	v->discharged_on = (struct date){ 2021, 3, 20 };
	copy(v->hospital, sizeof v->hospital, "山东省立医院");
	v->settled_on = (struct date){ 2021, 3, 22 };
	copy(v->at, sizeof v->at, "2021-03-22T01:02:03Z");
	copy(v->operator_login, sizeof v->operator_login, "li");
	copy(v->operator_name, sizeof v->operator_name, "李娜");
	copy(v->site, sizeof v->site, "370402");
	copy(v->policy_id, sizeof v->policy_id, "demo");
	copy(v->policy_hash, sizeof v->policy_hash,
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	c->kind = KIND_INPATIENT;
	c->level = 3;
	c->scope = SCOPE_CITY;
	c->total = 8000000;
	c->out_of_list = 400000;
	c->class_b = 1000000;
	c->imported = 500000;
	c->imported_standard = 300000;
	c->date = v->admitted_on;
	c->birth = (struct date){ 1980, 1, 1 };
	c->categories = CATSET(CAT_MIN_LIVING);
	c->residence = RES_RURAL;
	assert_int_equal(settle(pol, c, &v->settlement), SETTLE_OK);
}

/* ---- the slips ---------------------------------------------------------- */

static void
test_rules6_slip(void **state)
{
	struct policy *pol = load("zhangye-2019");
	struct claim_view *v = calloc(1, sizeof *v);
	const struct settlement *st = &v->settlement;
	char *got, *want;

	(void)state;
	assert_non_null(v);
	rules6_view(v, pol);
	/*
	 * By hand (RULES.md 6): P_B = 3000 x 20 % = 600; R = 20000 - 1000 -
	 * 600 = 18400; D = 1500 (level 3, zhangye line 24); r = 75 % (line
	 * 29); fund = (18400 - 1500) x 75 % = 12675; personal = 20000 -
	 * 12675 = 7325.
	 */
	assert_int_equal(st->class_b_selfpay, 60000);
	assert_int_equal(st->range, 1840000);
	assert_int_equal(st->fund, 1267500);
	assert_int_equal(st->personal, 732500);
	got = slip_render(v, pol, 0);
	assert_non_null(got);
	want = read_data("slip-zhangye.txt");
	assert_slip(want, got);
	assert_lines_fit(got);
	free(want);
	free(got);
	free(v);
	free(pol);
}

static void
test_demo_slip(void **state)
{
	struct policy *pol = load("demo");
	struct claim_view *v = calloc(1, sizeof *v);
	const struct settlement *st = &v->settlement;
	char *got, *want;

	(void)state;
	assert_non_null(v);
	demo_view(v, pol);
	/*
	 * By hand:
	 *   E = 5000 - 3000 = 2000; F = 0 (a domestic standard exists);
	 *   B' = 10000 + min(5000, 3000) = 13000; P_B = 13000 x 20 % = 2600;
	 *   R = 80000 - 4000 - 2000 - 0 - 2600 = 71400;
	 *   city scope: D = 3000 (zhangye line 25), ratio 65 % (line 30)
	 *   less the 10-point penalty (line 33) = 55 %;
	 *   fund = (71400 - 3000) x 55 % = 37620;
	 *   serious: demo excludes the penalty part = 68400 x 10 % = 6840;
	 *   base = 71400 - 37620 - 6840 = 26940; group hardship (min_living):
	 *   deductible 5000, 78 % -> (26940 - 5000) x 78 % = 17113.20;
	 *   assistance group poor (min_living): base 71400 - 37620 -
	 *   17113.20 = 16666.80, deductible 1000, 70 % -> 15666.80 x 70 % =
	 *   10966.76; personal = 80000 - 37620 - 17113.20 - 10966.76 =
	 *   14300.04.
	 */
	assert_int_equal(st->imported_excess, 200000);
	assert_int_equal(st->class_b_selfpay, 260000);
	assert_int_equal(st->range, 7140000);
	assert_int_equal(st->ratio, 5500);
	assert_int_equal(st->fund, 3762000);
	assert_int_equal(st->penalty_part, 684000);
	assert_int_equal(st->serious, 1711320);
	assert_int_equal(st->assistance, 1096676);
	assert_int_equal(st->personal, 1430004);
	got = slip_render(v, pol, 1);
	assert_non_null(got);
	want = read_data("slip-demo.txt");
	assert_slip(want, got);
	assert_lines_fit(got);
	free(want);
	free(got);
	free(v);
	free(pol);
}

/* The same view twice: the same bytes (no clock inside). */
static void
test_deterministic(void **state)
{
	struct policy *pol = load("demo");
	struct claim_view *v = calloc(1, sizeof *v);
	char *a, *b;

	(void)state;
	assert_non_null(v);
	demo_view(v, pol);
	a = slip_render(v, pol, 1);
	b = slip_render(v, pol, 1);
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(v);
	free(pol);
}

/* Masked unless asked: 370402********0011, never the birth date. */
static void
test_mask(void **state)
{
	struct policy *pol = load("demo");
	struct claim_view *v = calloc(1, sizeof *v);
	char *masked, *full;

	(void)state;
	assert_non_null(v);
	demo_view(v, pol);
	masked = slip_render(v, pol, 1);
	full = slip_render(v, pol, 0);
	assert_non_null(strstr(masked, "370402********0011"));
	assert_null(strstr(masked, "19800101"));
	assert_non_null(strstr(full, "370402198001010011"));
	free(masked);
	free(full);
	free(v);
	free(pol);
}

static void
test_reversal_notice(void **state)
{
	struct policy *pol = load("zhangye-2019");
	struct claim_view *v = calloc(1, sizeof *v);
	char *t;

	(void)state;
	assert_non_null(v);
	rules6_view(v, pol);
	copy(v->reversed_by, sizeof v->reversed_by, "620702-S00000009");
	t = slip_render(v, pol, 1);
	assert_non_null(strstr(t, "*** REVERSED by 620702-S00000009: this "
	    "settlement no longer counts. ***\n"));
	assert_null(strstr(t, "REVERSAL of"));
	free(t);

	v->reversed_by[0] = '\0';
	copy(v->reverses, sizeof v->reverses, "620702-S00000003");
	copy(v->reason, sizeof v->reason, "录入错误：住院天数填错");
	t = slip_render(v, pol, 1);
	assert_non_null(strstr(t, "*** REVERSAL of settlement 620702-S00000003: "
	    "its payments are taken back. ***\n"
	    "Reason: 录入错误：住院天数填错\n"));
	assert_lines_fit(t);
	free(t);
	free(v);
	free(pol);
}

/*
 * Every kind, long names and a long hospital name, an ineligible claim:
 * never a line over 80 columns, and the long texts still all there.
 */
static void
test_width_every_kind(void **state)
{
	static const char long_hospital[] =
	    "宁夏回族自治区银川市兴庆区某某街道社区卫生服务中心附属第二门诊部"
	    "康复医学科住院";	/* 39 Hanzi, 117 bytes: the field holds 127 */
	struct policy *pol = load("demo");
	struct claim_view *v = calloc(1, sizeof *v);
	struct claim *c = &v->claim;
	char *t;

	(void)state;
	assert_non_null(v);
	for (int k = 0; k < KIND_COUNT; k++) {
		for (int variant = 0; variant < 3; variant++) {
			demo_view(v, pol);
			c->kind = (enum claim_kind)k;
			copy(v->hospital, sizeof v->hospital, long_hospital);
			copy(c->disease, sizeof c->disease, "diabetes");
			c->chronic_qualified = variant != 1;
			c->delivery = DELIVERY_DIFFICULT;
			c->babies = 2;
			c->major_disease = variant == 2;
			c->emergency = variant == 1;
			c->ytd_inpatient_fund = variant == 2 ? 4900000 : 0;
			copy(v->registration, sizeof v->registration,
			    variant == 2 ? "370402-F00000003" : "");
			if (variant == 1) {
				c->ineligible = INELIGIBLE_WAITING;
				c->ineligible_until = (struct date){ 2021, 3, 5 };
			}
			if (k == KIND_OUTPATIENT || k == KIND_CHRONIC) {
				c->scope = SCOPE_LOCAL;
				c->total = 30000;
				c->out_of_list = c->imported = 0;
				c->imported_standard = 0;
				c->class_b = 10000;
				v->discharged_on = (struct date){ 0, 0, 0 };
			}
			assert_int_equal(settle(pol, c, &v->settlement),
			    SETTLE_OK);
			t = slip_render(v, pol, 1);
			assert_non_null(t);
			assert_lines_fit(t);
			assert_non_null(strstr(t, "Paid by the person"));
			assert_non_null(strstr(t, "Resident's signature:"));
			free(t);
		}
	}
	/* A pack name wider than the page, a long name and operator. */
	demo_view(v, pol);
	snprintf(pol->name, sizeof pol->name, "%s", long_hospital);
	copy(v->name, sizeof v->name, "阿卜杜热合曼·买买提依明·艾则孜·阿不都克里木");
	copy(v->operator_name, sizeof v->operator_name,
	    "宁夏回族自治区银川市兴庆区某某街道社区卫生服务中心");
	t = slip_render(v, pol, 1);
	assert_non_null(t);
	assert_lines_fit(t);
	free(t);
	free(v);
	free(pol);
}

/* ---- the encoder -------------------------------------------------------- */

/*
 * GB18030 bytes looked up with iconv(1) and the GB18030 tables:
 * 王 CD F5 (two bytes), 𠀀 U+20000 95 32 82 36 (four bytes, supplementary
 * plane), 㐀 U+3400 81 39 EE 39 (four bytes, BMP), 堃 88 D2.
 */
static void
test_encode_gb18030(void **state)
{
	static const unsigned char want[] = {
		'I', 'D', ' ', 0xCD, 0xF5, 0x95, 0x32, 0x82, 0x36, ' ',
		0x81, 0x39, 0xEE, 0x39, 0x88, 0xD2, '\n'
	};
	const char *in = "ID 王𠀀 㐀堃\n";
	struct encode_error e;
	char *out, *back;
	size_t n, bn;

	(void)state;
	assert_int_equal(encode_to("GB18030", in, strlen(in), &out, &n, &e), 0);
	assert_int_equal(n, sizeof want);
	assert_memory_equal(out, want, sizeof want);
	assert_int_equal(out[n], '\0');
	assert_int_equal(encode_from("GB18030", out, n, &back, &bn, &e), 0);
	assert_string_equal(back, in);
	free(out);
	free(back);
}

/*
 * 䶮 (U+4DAE, in names such as 刘䶮) is one of the characters GB18030-2022
 * moved: FE 9F there (glibc 2.36 here), 82 35 8F 33 in GB18030-2005.
 * Either is GB18030; what matters is that it is not a '?'.
 */
static void
test_encode_yan(void **state)
{
	static const unsigned char v2022[] = { 0xFE, 0x9F };
	static const unsigned char v2005[] = { 0x82, 0x35, 0x8F, 0x33 };
	struct encode_error e;
	char *out;
	size_t n;

	(void)state;
	assert_int_equal(encode_to("GB18030", "䶮", 3, &out, &n, &e), 0);
	assert_true((n == 2 && memcmp(out, v2022, 2) == 0) ||
	    (n == 4 && memcmp(out, v2005, 4) == 0));
	free(out);
}

/* A whole slip, GB18030 and back: the same text, no '?' added. */
static void
test_encode_slip_roundtrip(void **state)
{
	struct policy *pol = load("demo");
	struct claim_view *v = calloc(1, sizeof *v);
	struct encode_error e;
	char *t, *gb, *back, *u8;
	size_t n, bn, un;

	(void)state;
	assert_non_null(v);
	demo_view(v, pol);
	t = slip_render(v, pol, 1);
	assert_int_equal(encode_to("GB18030", t, strlen(t), &gb, &n, &e), 0);
	assert_true(n < strlen(t));	/* Hanzi: 2 bytes, not 3 */
	assert_non_null(memmem(gb, n, "\xCD\xF5\x95\x32\x82\x36", 6));
	assert_int_equal(encode_from("GB18030", gb, n, &back, &bn, &e), 0);
	assert_string_equal(back, t);
	assert_int_equal(encode_to("utf-8", t, strlen(t), &u8, &un, &e), 0);
	assert_int_equal(un, strlen(t));
	assert_memory_equal(u8, t, un);
	free(t);
	free(gb);
	free(back);
	free(u8);
	free(v);
	free(pol);
}

struct strict_case {
	const char *charset;
	const char *in;
	enum encode_status st;
	size_t offset;
	uint32_t cp;
	const char *text;
};

static void
test_encode_strict(void **state)
{
	static const struct strict_case cases[] = {
		/* 张 (E5 BC A0) is at byte 3: ASCII cannot take it. */
		{ "ASCII", "ab 张c", ENCODE_UNMAPPABLE, 3, 0x5F20, "张" },
		{ "ISO-8859-1", "é ok, 𠀀", ENCODE_UNMAPPABLE, 7, 0x20000, "𠀀" },
		/* Not UTF-8: a stray byte, a lone surrogate, an overlong. */
		{ "GB18030", "ab\xFF", ENCODE_INVALID, 2, 0, "\\xFF" },
		{ "GB18030", "a\xED\xA0\x80z", ENCODE_INVALID, 1, 0, "\\xED" },
		{ "UTF-8", "xy\xC0\xAF", ENCODE_INVALID, 2, 0, "\\xC0" },
		/* Cut inside a character at the end. */
		{ "GB18030", "a\xE5\xBC", ENCODE_TRUNCATED, 1, 0, "\\xE5\\xBC" },
	};
	struct encode_error e;
	char *out = (char *)"unchanged";
	size_t n = 99;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct strict_case *k = &cases[i];

		assert_int_equal(encode_to(k->charset, k->in, strlen(k->in),
		    &out, &n, &e), -1);
		assert_null(out);
		assert_int_equal(n, 0);
		assert_int_equal(e.status, k->st);
		assert_int_equal(e.offset, k->offset);
		assert_int_equal(e.cp, k->cp);
		assert_string_equal(e.text, k->text);
	}
}

static void
test_encode_charsets(void **state)
{
	struct encode_error e;
	char *out, msg[256];
	size_t n;

	(void)state;
	/* //TRANSLIT would write '?': refused. */
	assert_int_equal(encode_to("ASCII//TRANSLIT", "张", 3, &out, &n, &e), -1);
	assert_int_equal(e.status, ENCODE_CHARSET);
	assert_int_equal(encode_to("GB18030//IGNORE", "张", 3, &out, &n, &e), -1);
	assert_int_equal(e.status, ENCODE_CHARSET);
	assert_int_equal(encode_to("NO-SUCH-CHARSET", "a", 1, &out, &n, &e), -1);
	assert_int_equal(e.status, ENCODE_CHARSET);
	assert_string_equal(e.charset, "NO-SUCH-CHARSET");
	assert_string_equal(encode_strerror(&e, msg, sizeof msg),
	    "unknown encoding \"NO-SUCH-CHARSET\"");
	/* GB18030 bytes that are no character, read back. */
	assert_int_equal(encode_from("GB18030", "ok\x81\x20", 4, &out, &n, &e),
	    -1);
	assert_int_equal(e.status, ENCODE_INVALID);
	assert_int_equal(e.offset, 2);
	/* Empty text is fine. */
	assert_int_equal(encode_to("GB18030", "", 0, &out, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_string_equal(out, "");
	free(out);
}

static void
test_encode_message(void **state)
{
	struct encode_error e;
	char *out, msg[256];
	size_t n;

	(void)state;
	assert_int_equal(encode_to("ASCII", "ab 张c", 6, &out, &n, &e), -1);
	assert_string_equal(encode_strerror(&e, msg, sizeof msg),
	    "the character \"张\" (U+5F20) at byte 3 cannot be written in "
	    "ASCII");
}

/* A stream cut inside characters: the same bytes as in one piece. */
static void
test_encoder_chunks(void **state)
{
	const char *in = "姓名：王𠀀，堃\n";
	size_t len = strlen(in);
	struct encode_error e;
	char *whole;
	size_t wn;

	(void)state;
	assert_int_equal(encode_to("GB18030", in, len, &whole, &wn, &e), 0);
	for (size_t step = 1; step <= 5; step++) {
		struct encoder *enc = encoder_open("GB18030", "UTF-8", &e);
		struct encode_buf b = { 0 };

		assert_non_null(enc);
		for (size_t i = 0; i < len; i += step) {
			size_t k = len - i < step ? len - i : step;

			assert_int_equal(encoder_feed(enc, in + i, k,
			    i + k == len, &b, &e), 0);
		}
		assert_int_equal(b.len, wn);
		assert_memory_equal(b.data, whole, wn);
		encoder_close(enc);
		encode_buf_free(&b);
	}
	free(whole);

	/* The offset counts from the first chunk: 张 at byte 5 of the whole. */
	{
		struct encoder *enc = encoder_open("ASCII", "UTF-8", &e);
		struct encode_buf b = { 0 };

		assert_int_equal(encoder_feed(enc, "abc", 3, 0, &b, &e), 0);
		assert_int_equal(encoder_feed(enc, "de\xE5", 3, 0, &b, &e), 0);
		assert_int_equal(encoder_feed(enc, "\xBC\xA0", 2, 1, &b, &e),
		    -1);
		assert_int_equal(e.status, ENCODE_UNMAPPABLE);
		assert_int_equal(e.offset, 5);
		assert_int_equal(e.cp, 0x5F20);
		encoder_close(enc);
		encode_buf_free(&b);
	}
}

/* ---- out ---------------------------------------------------------------- */

static void
test_write_file(void **state)
{
	char dir[] = "/tmp/test_slip_XXXXXX", path[256], tmp[300], buf[64];
	struct stat sb;
	FILE *fp;
	size_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/slip.txt", dir);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	assert_int_equal(slip_write_file(path, "abc\n", 4), 0);
	assert_int_equal(stat(tmp, &sb), -1);	/* renamed away */
	fp = fopen(path, "rb");
	assert_non_null(fp);
	n = fread(buf, 1, sizeof buf, fp);
	fclose(fp);
	assert_int_equal(n, 4);
	assert_memory_equal(buf, "abc\n", 4);
	/* Over an old slip: the new one whole. */
	assert_int_equal(slip_write_file(path, "xy\n", 3), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, 3);
	unlink(path);

	/* A folder that does not exist: an error, nothing left behind. */
	snprintf(path, sizeof path, "%s/none/slip.txt", dir);
	assert_int_equal(slip_write_file(path, "abc\n", 4), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(rmdir(dir), 0);
}

static void
test_print(void **state)
{
	char dir[] = "/tmp/test_slip_XXXXXX", cmd[300], path[256], buf[64];
	FILE *fp;
	size_t n;
	int status;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/printed", dir);
	snprintf(cmd, sizeof cmd, "cat > '%s'", path);
	assert_int_equal(slip_print(cmd, "\xCD\xF5\n", 3, &status), 0);
	assert_int_equal(status, 0);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	n = fread(buf, 1, sizeof buf, fp);
	fclose(fp);
	assert_int_equal(n, 3);
	assert_memory_equal(buf, "\xCD\xF5\n", 3);
	unlink(path);
	assert_int_equal(rmdir(dir), 0);

	assert_int_equal(slip_print("false", "x\n", 2, &status), -1);
	assert_int_equal(status, 1);
	assert_int_equal(slip_print("exit 3", "x\n", 2, &status), -1);
	assert_int_equal(status, 3);
	/* A printer that reads nothing and fails: its status, no SIGPIPE. */
	assert_int_equal(slip_print("exec 0<&-; exit 5", "x\n", 2, &status), -1);
	assert_int_equal(status, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules6_slip),
		cmocka_unit_test(test_demo_slip),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_reversal_notice),
		cmocka_unit_test(test_width_every_kind),
		cmocka_unit_test(test_encode_gb18030),
		cmocka_unit_test(test_encode_yan),
		cmocka_unit_test(test_encode_slip_roundtrip),
		cmocka_unit_test(test_encode_strict),
		cmocka_unit_test(test_encode_charsets),
		cmocka_unit_test(test_encode_message),
		cmocka_unit_test(test_encoder_chunks),
		cmocka_unit_test(test_write_file),
		cmocka_unit_test(test_print),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
