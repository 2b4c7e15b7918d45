/*
 * test_pinyin.c: pinyin initials.  Expected readings were looked up by
 * hand in Unihan_Readings.txt of Unicode 15.0, e.g.
 *   U+5355 单 kMandarin dān;
 *         kXHC1983 0117.100:chán 0207.100:dān 0999.090:shàn
 *   U+66FE 曾 kMandarin céng (not zēng!);
 *         kTGHZ2013 033.120:céng 461.030:zēng
 *   U+533A 区 kMandarin qū; kXHC1983 0845.060:ōu 0942.020:qū
 *   U+89E3 解 kMandarin jiě; kXHC1983 ... jiè ... xiè
 *   U+4DAE 䶮 kMandarin yǎn
 *   U+201D4 𠇔 only kCantonese mou4: no Mandarin reading
 *   U+3007 〇 not in Unihan 15.0 at all; the generator adds líng
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "core/pinyin.h"

#define BIT(c) (UINT32_C(1) << ((c) - 'a'))

struct mask_case {
	uint32_t cp;
	uint32_t mask;
};

static const struct mask_case mask_cases[] = {
	{ 0x5F20, BIT('z') },				/* 张 zhāng */
	{ 0x4E09, BIT('s') },				/* 三 sān */
	{ 0x5355, BIT('c') | BIT('d') | BIT('s') },	/* 单 */
	{ 0x66FE, BIT('c') | BIT('z') },		/* 曾 */
	{ 0x533A, BIT('o') | BIT('q') },		/* 区 */
	{ 0x89E3, BIT('j') | BIT('x') },		/* 解 */
	{ 0x957F, BIT('c') | BIT('z') },		/* 长 zhǎng, cháng */
	{ 0x4DAE, BIT('y') },				/* 䶮 */
	{ 0x201D4, 0 },					/* 𠇔 */
	{ 0x3007, BIT('l') },				/* 〇 */
	{ 0x3400, BIT('q') },				/* 㐀 qiū, Ext A */
	{ 'A', 0 },
	{ 'z', 0 },
	{ 0x00B7, 0 },
	{ 0x3006, 0 },
	{ 0x10FFFF, 0 },
	{ 0x110000, 0 },
	{ 0xFFFFFFFF, 0 },
};

static void
test_mask(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof mask_cases / sizeof mask_cases[0]; i++) {
		const struct mask_case *c = &mask_cases[i];

		if (pinyin_initial_mask(c->cp) != c->mask)
			fail_msg("U+%04X: got 0x%X, want 0x%X", (unsigned)c->cp,
			    (unsigned)pinyin_initial_mask(c->cp),
			    (unsigned)c->mask);
	}
}

struct initials_case {
	const char *name;
	const char *initials;	/* NULL: -1 expected */
};

static const struct initials_case initials_cases[] = {
	{ "张三", "zs" },
	{ "李四", "ls" },
	{ "王小明", "wxm" },
	{ "欧阳娜娜", "oynn" },
	{ "单雄信", "dxx" },
	{ "曾国藩", "cgf" },		/* kMandarin's first is céng */
	{ "区", "q" },
	{ "解", "j" },
	{ "䶮", "y" },
	{ "刘䶮", "ly" },
	{ "𠇔", "?" },
	{ "李𠇔", "l?" },
	{ "〇", "l" },
	{ "王〇", "wl" },
	{ "", "" },
	/* Latin letters, digits, other characters */
	{ "Anna李", "annal" },
	{ "ZHANG三", "zhangs" },
	{ "张3", "z3" },
	{ "Ａｎｎａ李３", "annal3" },	/* full width */
	{ "张(三)", "z?s?" },
	{ "Müller", "m?ller" },
	/* separators of 少数民族 names, and spaces */
	{ "阿依古丽·买买提", "ayglmmt" },
	{ "阿依古丽•买买提", "ayglmmt" },
	{ "阿依古丽・买买提", "ayglmmt" },
	{ "阿依古丽.买买提", "ayglmmt" },
	{ "张 三", "zs" },
	{ "张　三", "zs" },		/* ideographic space */
	{ " Anna Li ", "annali" },
	/* invalid UTF-8 */
	{ "\x80", NULL },			/* lone continuation */
	{ "\xC0\x80", NULL },			/* overlong NUL */
	{ "\xC1\xBF", NULL },			/* overlong '\x7F' */
	{ "\xE0\x80\xAF", NULL },		/* overlong '/' */
	{ "\xF0\x80\x80\xAF", NULL },		/* overlong '/' */
	{ "\xED\xA0\x80", NULL },		/* surrogate U+D800 */
	{ "\xED\xBF\xBF", NULL },		/* surrogate U+DFFF */
	{ "\xF4\x90\x80\x80", NULL },		/* U+110000 */
	{ "\xF5\x80\x80\x80", NULL },
	{ "\xF8\x88\x80\x80\x80", NULL },	/* 5-byte form */
	{ "\xFF", NULL },
	{ "\xE5\xBC", NULL },			/* 张 cut short */
	{ "\xE5\xBC" "A", NULL },		/* 张 cut, then ASCII */
	{ "张\xE4", NULL },			/* cut at the end */
	{ "李\xE5\x9B", NULL },
	{ "\xEF\xBF\xBF", "?" },		/* U+FFFF: valid */
	{ "\xF4\x8F\xBF\xBF", "?" },		/* U+10FFFF likewise */
};

static void
test_initials(void **state)
{
	char out[64];

	(void)state;
	for (size_t i = 0;
	    i < sizeof initials_cases / sizeof initials_cases[0]; i++) {
		const struct initials_case *c = &initials_cases[i];
		int n = pinyin_initials(c->name, out, sizeof out);

		if (c->initials == NULL) {
			if (n != -1 || out[0] != '\0')
				fail_msg("case %zu: got %d \"%s\", want -1", i,
				    n, out);
			continue;
		}
		if (n != (int)strlen(c->initials) ||
		    strcmp(out, c->initials) != 0)
			fail_msg("case %zu (%s): got %d \"%s\", want \"%s\"", i,
			    c->name, n, out, c->initials);
	}
}

/* The buffer holds the initials and the NUL, or the call fails. */
static void
test_initials_buffer(void **state)
{
	char out[8];

	(void)state;
	memset(out, 'x', sizeof out);
	assert_int_equal(pinyin_initials("张三", out, 3), 2);
	assert_string_equal(out, "zs");
	memset(out, 'x', sizeof out);
	assert_int_equal(pinyin_initials("张三", out, 2), -1);
	assert_int_equal(out[0], '\0');
	assert_int_equal(out[2], 'x');		/* not past outsz */
	assert_int_equal(pinyin_initials("张三", out, 1), -1);
	assert_int_equal(out[0], '\0');
	out[0] = 'x';
	assert_int_equal(pinyin_initials("张三", out, 0), -1);
	assert_int_equal(out[0], 'x');		/* outsz 0: not touched */
	assert_int_equal(pinyin_initials("", out, 1), 0);
	assert_string_equal(out, "");
	/* separators take no room */
	assert_int_equal(pinyin_initials("阿依·买", out, 4), 3);
	assert_string_equal(out, "aym");
}

struct match_case {
	const char *name;
	const char *query;
	int match;
};

static const struct match_case match_cases[] = {
	{ "张三", "zs", 1 },
	{ "张三", "ZS", 1 },
	{ "张三", "Zs", 1 },
	{ "张三", "z", 1 },
	{ "张三", "", 1 },
	{ "张三", "zsx", 0 },
	{ "张三", "s", 0 },
	{ "张三", "zz", 0 },
	{ "李四", "ls", 1 },
	{ "王小明", "wxm", 1 },
	{ "王小明", "wx", 1 },
	{ "欧阳娜娜", "oynn", 1 },
	/* polyphonic surnames: any reading */
	{ "单雄信", "sxx", 1 },
	{ "单雄信", "dxx", 1 },
	{ "单雄信", "cxx", 1 },
	{ "单雄信", "xxx", 0 },
	{ "曾国藩", "zgf", 1 },
	{ "曾国藩", "cgf", 1 },
	{ "曾国藩", "ZGF", 1 },
	{ "曾国藩", "sgf", 0 },
	{ "区", "o", 1 },
	{ "区", "q", 1 },
	{ "区", "k", 0 },
	{ "区小平", "oxp", 1 },
	{ "解缙", "xj", 1 },
	{ "解缙", "jj", 1 },
	/* rare characters */
	{ "䶮", "y", 1 },
	{ "刘䶮", "ly", 1 },
	{ "𠇔", "", 1 },
	{ "𠇔", "m", 0 },
	{ "李𠇔", "l", 1 },
	{ "李𠇔", "lm", 0 },
	{ "〇", "l", 1 },
	{ "王〇", "wl", 1 },
	/* Latin letters and digits */
	{ "Anna李", "annal", 1 },
	{ "Anna李", "ANNA", 1 },
	{ "Anna李", "al", 0 },
	{ "Ａｎｎａ李", "annal", 1 },
	{ "张3", "z3", 1 },
	{ "张3", "zs", 0 },
	/* separators in the name and spaces in the query */
	{ "阿依古丽·买买提", "ayglmmt", 1 },
	{ "阿依古丽·买买提", "aygl", 1 },
	{ "阿依古丽·买买提", "ayglm", 1 },
	{ "阿依古丽·买买提", "ayglmmtx", 0 },
	{ "阿依古丽・买买提", "ayglmmt", 1 },
	{ "张 三", "zs", 1 },
	{ "张三", "z s", 1 },
	{ "张三", " zs ", 1 },
	/* a query of anything but letters and digits */
	{ "张三", "z!", 0 },
	{ "张三", "z?", 0 },
	{ "张(三)", "z(", 0 },
	{ "张三", "张", 0 },
	/* invalid UTF-8, before or after the matched prefix */
	{ "\xC0\x80", "", 0 },
	{ "\xED\xA0\x80", "z", 0 },
	{ "张\xE4", "z", 0 },
	{ "张三\xFF", "zs", 0 },
	{ "\xE5\xBC", "z", 0 },
};

static void
test_match(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof match_cases / sizeof match_cases[0];
	    i++) {
		const struct match_case *c = &match_cases[i];
		int got = pinyin_match_prefix(c->name, c->query);

		if (got != c->match)
			fail_msg("case %zu (%s, \"%s\"): got %d, want %d", i,
			    c->name, c->query, got, c->match);
	}
}

/* The canonical initials always match their own name. */
static void
test_initials_match_themselves(void **state)
{
	char out[64];

	(void)state;
	for (size_t i = 0;
	    i < sizeof initials_cases / sizeof initials_cases[0]; i++) {
		const struct initials_case *c = &initials_cases[i];

		if (c->initials == NULL || strchr(c->initials, '?') != NULL)
			continue;
		assert_int_equal(pinyin_initials(c->name, out, sizeof out),
		    (int)strlen(c->initials));
		if (!pinyin_match_prefix(c->name, out))
			fail_msg("%s does not match its initials %s", c->name,
			    out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_initials),
		cmocka_unit_test(test_initials_buffer),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_initials_match_themselves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
