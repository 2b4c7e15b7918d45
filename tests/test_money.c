/* test_money.c: amounts in fen and percentages in basis points (RULES.md 1). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "core/money.h"

struct parse_case {
	const char *text;
	int allow_negative;
	enum money_err err;
	fen_t fen;
};

static const struct parse_case parse_cases[] = {
	{ "1234.50", 0, MONEY_OK, 123450 },
	{ "1234.5", 0, MONEY_OK, 123450 },
	{ "1234", 0, MONEY_OK, 123400 },
	{ "0", 0, MONEY_OK, 0 },
	{ "0.01", 0, MONEY_OK, 1 },
	{ ".5", 0, MONEY_OK, 50 },
	{ "007.05", 0, MONEY_OK, 705 },
	{ " 12.30 ", 0, MONEY_OK, 1230 },
	{ "999999999999.99", 0, MONEY_OK, 99999999999999LL },
	{ "-12.30", 1, MONEY_OK, -1230 },
	{ "-0.01", 1, MONEY_OK, -1 },
	/* empty */
	{ "", 0, MONEY_EMPTY, 0 },
	{ "   ", 0, MONEY_EMPTY, 0 },
	{ NULL, 0, MONEY_EMPTY, 0 },
	/* more than two decimals, even zeros */
	{ "1.234", 0, MONEY_DECIMALS, 0 },
	{ "1.230", 0, MONEY_DECIMALS, 0 },
	{ "0.001", 0, MONEY_DECIMALS, 0 },
	/* signs */
	{ "-12.30", 0, MONEY_SIGN, 0 },
	{ "+12.30", 0, MONEY_SIGN, 0 },
	{ "+12.30", 1, MONEY_SIGN, 0 },
	/* garbage */
	{ "12.", 0, MONEY_GARBAGE, 0 },
	{ ".", 0, MONEY_GARBAGE, 0 },
	{ "-", 1, MONEY_GARBAGE, 0 },
	{ "abc", 0, MONEY_GARBAGE, 0 },
	{ "12a", 0, MONEY_GARBAGE, 0 },
	{ "1,234.50", 0, MONEY_GARBAGE, 0 },
	{ "1 234", 0, MONEY_GARBAGE, 0 },
	{ "1e3", 0, MONEY_GARBAGE, 0 },
	{ "12.3.4", 0, MONEY_GARBAGE, 0 },
	{ "¥12", 0, MONEY_GARBAGE, 0 },
	{ "１２", 0, MONEY_GARBAGE, 0 },
	/* overflow: one fen above the largest, and far above */
	{ "1000000000000.00", 0, MONEY_OVERFLOW, 0 },
	{ "999999999999.99", 1, MONEY_OK, 99999999999999LL },
	{ "-1000000000000", 1, MONEY_OVERFLOW, 0 },
	{ "99999999999999999999999999", 0, MONEY_OVERFLOW, 0 },
};

static void
test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
		const struct parse_case *c = &parse_cases[i];
		fen_t v = -777;
		enum money_err e = money_parse(c->text, c->allow_negative, &v);

		if (e != c->err)
			fail_msg("money_parse(\"%s\", %d) = %d, want %d",
			    c->text ? c->text : "(null)", c->allow_negative,
			    (int)e, (int)c->err);
		if (e == MONEY_OK)
			assert_int_equal(v, c->fen);
		else
			assert_int_equal(v, -777);	/* untouched on error */
	}
}

static void
test_format(void **state)
{
	static const struct { fen_t fen; const char *text; } cases[] = {
		{ 0, "0.00" }, { 1, "0.01" }, { 10, "0.10" }, { 99, "0.99" },
		{ 100, "1.00" }, { 123450, "1234.50" }, { -1, "-0.01" },
		{ -123450, "-1234.50" }, { 99999999999999LL, "999999999999.99" },
		{ INT64_MIN, "-92233720368547758.08" },
	};
	char buf[MONEY_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(money_format(cases[i].fen, buf),
		    cases[i].text);
}

static void
test_round_trip(void **state)
{
	char buf[MONEY_BUFSZ];
	fen_t v;

	(void)state;
	for (fen_t f = 0; f < 100000; f += 7) {
		assert_int_equal(money_parse(money_format(f, buf), 0, &v),
		    MONEY_OK);
		assert_int_equal(v, f);
	}
}

static void
test_share(void **state)
{
	static const struct { fen_t amount; bp_t bp; fen_t want; } cases[] = {
		/* RULES.md 6: 16,900.00 x 75 % = 12,675.00 */
		{ 1690000, 7500, 1267500 },
		/* 3,000.00 x 20 % = 600.00 */
		{ 300000, 2000, 60000 },
		/* 0.01 x 50 % = 0.005 -> 0.01 (half up) */
		{ 1, 5000, 1 },
		/* 0.03 x 50 % = 0.015 -> 0.02 */
		{ 3, 5000, 2 },
		/* 0.01 x 49.99 % = 0.004999 -> 0.00 */
		{ 1, 4999, 0 },
		/* 280 x 60 % = 168.00 (000: low-income subsidy) */
		{ 28000, 6000, 16800 },
		/* 123.45 x 85 % = 104.9325 -> 104.93 */
		{ 12345, 8500, 10493 },
		/* 123.47 x 85 % = 104.9495 -> 104.95 */
		{ 12347, 8500, 10495 },
		/* 0.10 x 62.5 % = 0.0625 -> 0.06 */
		{ 10, 6250, 6 },
		/* 0.30 x 62.5 % = 0.1875 -> 0.19 */
		{ 30, 6250, 19 },
		{ 12345, 0, 0 },
		{ 12345, 10000, 12345 },
		{ 0, 7500, 0 },
		/* negative amounts round half away from zero: -0.005 -> -0.01 */
		{ -1, 5000, -1 },
		{ -3, 5000, -2 },
		/* the largest amount at 100 % does not overflow */
		{ 99999999999999LL, 10000, 99999999999999LL },
		{ 99999999999999LL, 3333, 33330000000000LL },	/* .6667 up */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (money_share(cases[i].amount, cases[i].bp) != cases[i].want)
			fail_msg("money_share(%lld, %d) = %lld, want %lld",
			    (long long)cases[i].amount, cases[i].bp,
			    (long long)money_share(cases[i].amount, cases[i].bp),
			    (long long)cases[i].want);
}

static void
test_percent(void **state)
{
	static const struct {
		const char *text; enum money_err err; bp_t bp; const char *back;
	} cases[] = {
		{ "85", MONEY_OK, 8500, "85" },
		{ "62.5", MONEY_OK, 6250, "62.5" },
		{ "0.25", MONEY_OK, 25, "0.25" },
		{ "100", MONEY_OK, 10000, "100" },
		{ "100.00", MONEY_OK, 10000, "100" },
		{ "0", MONEY_OK, 0, "0" },
		{ "7.05", MONEY_OK, 705, "7.05" },
		{ "100.01", PERCENT_ABOVE_100, 0, NULL },
		{ "150", PERCENT_ABOVE_100, 0, NULL },
		{ "12.345", MONEY_DECIMALS, 0, NULL },
		{ "-5", MONEY_SIGN, 0, NULL },
		{ "85%", MONEY_GARBAGE, 0, NULL },
		{ "", MONEY_EMPTY, 0, NULL },
	};
	char buf[MONEY_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bp_t bp = -1;
		enum money_err e = percent_parse(cases[i].text, &bp);

		if (e != cases[i].err)
			fail_msg("percent_parse(\"%s\") = %d, want %d",
			    cases[i].text, (int)e, (int)cases[i].err);
		if (e != MONEY_OK)
			continue;
		assert_int_equal(bp, cases[i].bp);
		assert_string_equal(percent_format(bp, buf), cases[i].back);
	}
}

static void
test_messages_differ(void **state)
{
	/* Each refusal has its own message. */
	(void)state;
	for (int a = MONEY_EMPTY; a <= PERCENT_ABOVE_100; a++)
		for (int b = a + 1; b <= PERCENT_ABOVE_100; b++)
			assert_string_not_equal(money_strerror(a),
			    money_strerror(b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_share),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_messages_differ),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
