/*
 * test_idcard.c: GB 11643 numbers.  Check characters were worked out from
 * the standard's weights (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainder
 * through "10X98765432"); e.g. 11010519491231002X:
 *   1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2
 *   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 -> 'X'.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "core/idcard.h"

static const struct date today = { 2021, 6, 1 };

struct id_case {
	const char *input;
	enum idcard_err err;
	const char *number;	/* normalized */
	const char *birth;
	char sex;
};

static const struct id_case cases[] = {
	/* valid, and normalized */
	{ "11010519491231002X", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	{ "11010519491231002x", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	{ "  11010519491231002X\t", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	{ "110105198001011238", IDCARD_OK, "110105198001011238", "1980-01-01", 'M' },
	{ "513433199003071510", IDCARD_OK, "513433199003071510", "1990-03-07", 'M' },
	/* full-width digits and X, as an IME types them */
	{ "１１０１０５１９４９１２３１００２Ｘ", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	{ "１１０１０５１９４９１２３１００２ｘ", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	{ "110105１９４９1231002X", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	/* 15 digits: "19" after the area code, then the check character */
	{ "110105491231002", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	{ "１１０１０５４９１２３１００２", IDCARD_OK, "11010519491231002X", "1949-12-31", 'F' },
	/* born today is fine; tomorrow is not */
	{ "110105202106011241", IDCARD_OK, "110105202106011241", "2021-06-01", 'F' },
	{ "110105202106021239", IDCARD_FUTURE, NULL, NULL, 0 },
	/* the birth date must be real */
	{ "110105202302291236", IDCARD_BIRTH, NULL, NULL, 0 },
	{ "110105179912311238", IDCARD_BIRTH, NULL, NULL, 0 },
	{ "110105491331002", IDCARD_BIRTH, NULL, NULL, 0 },	/* month 13 */
	/* one digit changed: the check fails */
	{ "110105194912310021", IDCARD_CHECKSUM, NULL, NULL, 0 },
	{ "110105198001011239", IDCARD_CHECKSUM, NULL, NULL, 0 },
	{ "110105198001021238", IDCARD_CHECKSUM, NULL, NULL, 0 },
	/* length */
	{ "", IDCARD_EMPTY, NULL, NULL, 0 },
	{ "   ", IDCARD_EMPTY, NULL, NULL, 0 },
	{ "11010519491231002", IDCARD_LENGTH, NULL, NULL, 0 },
	{ "11010519491231002X1", IDCARD_LENGTH, NULL, NULL, 0 },
	{ "1101054912310021", IDCARD_LENGTH, NULL, NULL, 0 },
	{ "1", IDCARD_LENGTH, NULL, NULL, 0 },
	/* characters */
	{ "11010519491231002A", IDCARD_CHARS, NULL, NULL, 0 },
	{ "1101051949123100X2", IDCARD_CHARS, NULL, NULL, 0 },
	{ "11010549123100X", IDCARD_CHARS, NULL, NULL, 0 },
	{ "110105-19491231002X", IDCARD_CHARS, NULL, NULL, 0 },
	{ "110105 19491231002X", IDCARD_CHARS, NULL, NULL, 0 },
	{ "张三", IDCARD_CHARS, NULL, NULL, 0 },
	{ "11010519491231002\xff", IDCARD_CHARS, NULL, NULL, 0 },
	{ "11010519491231002\xef\xbc", IDCARD_CHARS, NULL, NULL, 0 },
};

/* Province codes of GB/T 2260, each with a correct check character. */
static const struct { const char *number; int known; } provinces[] = {
	{ "110105198001011238", 1 }, { "150105198001011235", 1 },
	{ "210105198001011231", 1 }, { "230105198001011235", 1 },
	{ "310105198001011235", 1 }, { "370105198001011236", 1 },
	{ "410105198001011239", 1 }, { "460105198001011238", 1 },
	{ "500105198001011230", 1 }, { "540105198001011238", 1 },
	{ "610105198001011236", 1 }, { "650105198001011233", 1 },
	{ "71010519800101123X", 1 }, { "810105198001011233", 1 },
	{ "820105198001011235", 1 },
	{ "100105198001011236", 0 }, { "160105198001011237", 0 },
	{ "20010519800101123X", 0 }, { "240105198001011237", 0 },
	{ "300105198001011233", 0 }, { "380105198001011238", 0 },
	{ "400105198001011237", 0 }, { "47010519800101123X", 0 },
	{ "490105198001011233", 0 }, { "55010519800101123X", 0 },
	{ "600105198001011234", 0 }, { "660105198001011235", 0 },
	{ "700105198001011238", 0 }, { "720105198001011231", 0 },
	{ "800105198001011231", 0 }, { "830105198001011237", 0 },
	{ "990105198001011231", 0 },
};

static void
test_cases(void **state)
{
	char birth[DATE_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct id_case *c = &cases[i];
		struct idcard id;
		enum idcard_err e;

		memset(&id, 0, sizeof id);
		e = idcard_parse(c->input, today, &id);
		if (e != c->err)
			fail_msg("idcard_parse(\"%s\") = %d, want %d", c->input,
			    (int)e, (int)c->err);
		if (e != IDCARD_OK) {
			assert_int_equal(id.number[0], '\0');
			continue;
		}
		assert_string_equal(id.number, c->number);
		assert_string_equal(date_format(id.birth, birth), c->birth);
		assert_int_equal(id.sex, c->sex);
	}
}

static void
test_provinces(void **state)
{
	struct idcard id;

	(void)state;
	for (size_t i = 0; i < sizeof provinces / sizeof provinces[0]; i++) {
		enum idcard_err want = provinces[i].known ? IDCARD_OK :
		    IDCARD_PROVINCE;
		if (idcard_parse(provinces[i].number, today, &id) != want)
			fail_msg("%s: want %d", provinces[i].number, (int)want);
	}
}

static void
test_sex_digit(void **state)
{
	/* The 17th digit: odd male, even female. */
	struct idcard id;

	(void)state;
	/* 110105 19800101 12[3] 8: the 17th character is '3', odd: male. */
	assert_int_equal(idcard_parse("110105198001011238", today, &id),
	    IDCARD_OK);
	assert_int_equal(id.sex, 'M');
	/* 11010519491231002X: the 17th is '2': female. */
	assert_int_equal(idcard_parse("11010519491231002X", today, &id),
	    IDCARD_OK);
	assert_int_equal(id.sex, 'F');
}

static void
test_mask(void **state)
{
	char out[IDCARD_LEN + 1];

	(void)state;
	idcard_mask("110101199003071234", out);
	assert_string_equal(out, "110101********1234");
}

static void
test_messages_differ(void **state)
{
	(void)state;
	for (int a = IDCARD_EMPTY; a <= IDCARD_CHECKSUM; a++)
		for (int b = a + 1; b <= IDCARD_CHECKSUM; b++)
			assert_string_not_equal(idcard_strerror(a),
			    idcard_strerror(b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_provinces),
		cmocka_unit_test(test_sex_digit),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_messages_differ),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
