/* test_date.c: ISO dates, calendar rules and age in whole years. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/date.h"

static struct date
D(int y, int m, int d)
{
	struct date x = { y, m, d };
	return x;
}

static void
test_parse(void **state)
{
	static const struct {
		const char *text; enum date_err err; int y, m, d;
	} cases[] = {
		{ "2021-03-01", DATE_OK, 2021, 3, 1 },
		{ "2020-02-29", DATE_OK, 2020, 2, 29 },	/* leap */
		{ "2000-02-29", DATE_OK, 2000, 2, 29 },	/* divisible by 400 */
		{ "1800-01-01", DATE_OK, 1800, 1, 1 },
		{ "9999-12-31", DATE_OK, 9999, 12, 31 },
		{ "2021-12-31", DATE_OK, 2021, 12, 31 },
		{ "", DATE_EMPTY, 0, 0, 0 },
		{ NULL, DATE_EMPTY, 0, 0, 0 },
		{ "2021-3-1", DATE_FORMAT, 0, 0, 0 },
		{ "2021/03/01", DATE_FORMAT, 0, 0, 0 },
		{ "20210301", DATE_FORMAT, 0, 0, 0 },
		{ "2021-03-01x", DATE_FORMAT, 0, 0, 0 },
		{ "2021-03-01 ", DATE_FORMAT, 0, 0, 0 },
		{ "21-03-01", DATE_FORMAT, 0, 0, 0 },
		{ "2021-0a-01", DATE_FORMAT, 0, 0, 0 },
		{ "2021-+3-01", DATE_FORMAT, 0, 0, 0 },
		{ "2023-02-29", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "1900-02-29", DATE_IMPOSSIBLE, 0, 0, 0 },	/* not leap */
		{ "2021-04-31", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2021-13-01", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2021-00-10", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2021-01-00", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2021-01-32", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "1799-12-31", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "0000-01-01", DATE_IMPOSSIBLE, 0, 0, 0 },
	};
	char buf[DATE_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date d = { -1, -1, -1 };
		enum date_err e = date_parse(cases[i].text, &d);

		if (e != cases[i].err)
			fail_msg("date_parse(\"%s\") = %d, want %d",
			    cases[i].text ? cases[i].text : "(null)", (int)e,
			    (int)cases[i].err);
		if (e != DATE_OK) {
			assert_int_equal(d.y, -1);
			continue;
		}
		assert_int_equal(d.y, cases[i].y);
		assert_int_equal(d.m, cases[i].m);
		assert_int_equal(d.d, cases[i].d);
		assert_string_equal(date_format(d, buf), cases[i].text);
	}
}

static void
test_days(void **state)
{
	static const struct { struct date d; int32_t days; } cases[] = {
		{ { 1970, 1, 1 }, 0 },
		{ { 1970, 1, 2 }, 1 },
		{ { 1969, 12, 31 }, -1 },
		{ { 2000, 3, 1 }, 11017 },
		{ { 2021, 1, 1 }, 18628 },
		{ { 1800, 1, 1 }, -62091 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date back = date_from_days(cases[i].days);

		assert_int_equal(date_to_days(cases[i].d), cases[i].days);
		assert_int_equal(date_cmp(back, cases[i].d), 0);
	}
	/* Every day from 1800 to 2200 round-trips and steps by one. */
	for (int32_t z = -62091; z < 84000; z++) {
		struct date d = date_from_days(z);
		assert_true(date_valid(d));
		assert_int_equal(date_to_days(d), z);
	}
	/* 004: benefits 30 days after a payment on 2021-02-15 start 2021-03-17. */
	assert_int_equal(date_cmp(date_add_days(D(2021, 2, 15), 30),
	    D(2021, 3, 17)), 0);
	assert_int_equal(date_cmp(date_add_days(D(2020, 2, 15), 30),
	    D(2020, 3, 16)), 0);	/* leap year */
}

static void
test_cmp(void **state)
{
	(void)state;
	assert_true(date_cmp(D(2021, 1, 1), D(2021, 1, 2)) < 0);
	assert_true(date_cmp(D(2021, 2, 1), D(2021, 1, 31)) > 0);
	assert_true(date_cmp(D(2020, 12, 31), D(2021, 1, 1)) < 0);
	assert_int_equal(date_cmp(D(2021, 5, 5), D(2021, 5, 5)), 0);
}

static void
test_age(void **state)
{
	static const struct { struct date birth, on; int age; } cases[] = {
		{ { 1961, 3, 15 }, { 2021, 3, 14 }, 59 },	/* day before 60th birthday */
		{ { 1961, 3, 15 }, { 2021, 3, 15 }, 60 },	/* on it */
		{ { 1961, 3, 15 }, { 2021, 3, 16 }, 60 },
		{ { 1961, 12, 31 }, { 2021, 1, 1 }, 59 },
		{ { 2020, 6, 1 }, { 2021, 5, 31 }, 0 },	/* newborn: under one */
		{ { 2020, 6, 1 }, { 2021, 6, 1 }, 1 },
		{ { 2021, 6, 1 }, { 2021, 6, 1 }, 0 },
		/* 29 February: a year older on 1 March in common years */
		{ { 2000, 2, 29 }, { 2021, 2, 28 }, 20 },
		{ { 2000, 2, 29 }, { 2021, 3, 1 }, 21 },
		{ { 2000, 2, 29 }, { 2024, 2, 29 }, 24 },
		{ { 2021, 6, 2 }, { 2021, 6, 1 }, -1 },	/* not born yet */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(date_age(cases[i].birth, cases[i].on),
		    cases[i].age);
}

static void
test_month_lengths(void **state)
{
	(void)state;
	assert_int_equal(date_days_in_month(2021, 2), 28);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2021, 4), 30);
	assert_int_equal(date_days_in_month(2021, 12), 31);
	assert_int_equal(date_days_in_month(2021, 13), 0);
	assert_int_equal(date_days_in_month(2021, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_month_lengths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
