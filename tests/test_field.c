/*
 * test_field.c: the one-line editor of wide characters (src/tui/field.c).
 * Widths worked out by hand: 张 U+5F20, 三 U+4E09, 䶮 U+4DAE (CJK Ext A),
 * 𠇔 U+201D4 (Ext B, four bytes in UTF-8) and 〇 U+3007 take two columns;
 * ASCII one.  UTF-8: 张 E5 BC A0, 䶮 E4 B6 AE, 𠇔 F0 A0 87 94.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "tui/field.h"

static void
get(const struct field *f, char *buf)
{
	field_get(f, buf, 256);
}

static void
test_set_get_utf8(void **state)
{
	struct field f;
	char buf[256];

	(void)state;
	field_init(&f, 0);
	field_set(&f, "张\xe4\xb6\xae\xf0\xa0\x87\x94" "A");
	assert_int_equal(f.len, 4);
	assert_int_equal(f.text[1], 0x4DAE);
	assert_int_equal(f.text[2], 0x201D4);
	assert_int_equal(f.cur, 4);
	assert_int_equal(field_width(&f), 7);
	get(&f, buf);
	assert_string_equal(buf, "张䶮𠇔A");
	/* A bad byte is dropped, not kept as garbage. */
	field_set(&f, "a\xff" "b");
	get(&f, buf);
	assert_string_equal(buf, "ab");
	/* Output buffer too small: whole characters only. */
	field_set(&f, "张三");
	field_get(&f, buf, 5);
	assert_string_equal(buf, "张");
}

static void
test_insert_wide(void **state)
{
	struct field f;
	char buf[256];

	(void)state;
	field_init(&f, 0);
	assert_int_equal(field_insert(&f, 0x5F20), 0);	/* 张 */
	assert_int_equal(field_insert(&f, 0x4E09), 0);	/* 三 */
	assert_int_equal(field_cursor_col(&f), 4);
	field_left(&f);
	assert_int_equal(field_cursor_col(&f), 2);
	assert_int_equal(field_insert(&f, 'x'), 0);	/* 张x三 */
	get(&f, buf);
	assert_string_equal(buf, "张x三");
	assert_int_equal(field_cursor_col(&f), 3);
	assert_int_equal(field_width(&f), 5);
	field_home(&f);
	assert_int_equal(field_insert(&f, 0x3007), 0);	/* 〇张x三 */
	get(&f, buf);
	assert_string_equal(buf, "〇张x三");
	assert_int_equal(field_cursor_col(&f), 2);
	/* Control characters never enter a field. */
	assert_int_equal(field_insert(&f, '\t'), -1);
	assert_int_equal(field_insert(&f, 0x7F), -1);
	assert_int_equal(f.len, 4);
}

static void
test_delete_wide(void **state)
{
	struct field f;
	char buf[256];

	(void)state;
	field_init(&f, 0);
	field_set(&f, "张䶮三");
	/* Backspace removes one whole double-width character. */
	assert_int_equal(field_backspace(&f), 0);
	get(&f, buf);
	assert_string_equal(buf, "张䶮");
	assert_int_equal(field_cursor_col(&f), 4);
	field_home(&f);
	assert_int_equal(field_backspace(&f), -1);	/* at the start */
	assert_int_equal(field_delete(&f), 0);		/* 张 under the cursor */
	get(&f, buf);
	assert_string_equal(buf, "䶮");
	assert_int_equal(field_cursor_col(&f), 0);
	field_end(&f);
	assert_int_equal(field_delete(&f), -1);		/* at the end */
	assert_int_equal(field_backspace(&f), 0);
	assert_int_equal(f.len, 0);
	assert_int_equal(field_width(&f), 0);
}

static void
test_maxlen(void **state)
{
	struct field f;

	(void)state;
	field_init(&f, 3);
	assert_int_equal(field_insert(&f, 0x5F20), 0);
	assert_int_equal(field_insert(&f, 0x4E09), 0);
	assert_int_equal(field_insert(&f, 'a'), 0);
	assert_int_equal(field_insert(&f, 'b'), -1);
	field_set(&f, "一二三四五");
	assert_int_equal(f.len, 3);
	field_init(&f, 0);
	assert_int_equal(f.maxlen, FIELD_MAX);
}

/* "a张b" is columns 0 | 1-2 | 3. */
static void
test_set_col(void **state)
{
	struct field f;

	(void)state;
	field_init(&f, 0);
	field_set(&f, "a张b");
	field_set_col(&f, 0);
	assert_int_equal(f.cur, 0);
	field_set_col(&f, 1);
	assert_int_equal(f.cur, 1);	/* before 张 */
	field_set_col(&f, 2);
	assert_int_equal(f.cur, 1);	/* inside 张: before it */
	field_set_col(&f, 3);
	assert_int_equal(f.cur, 2);	/* before b */
	field_set_col(&f, 4);
	assert_int_equal(f.cur, 3);	/* the end */
	field_set_col(&f, 99);
	assert_int_equal(f.cur, 3);
}

static void
test_view_scroll(void **state)
{
	struct field f;
	int end, col;

	(void)state;
	field_init(&f, 0);
	/* 10 Hanzi = 20 columns in a box of 7: the cursor at the end needs
	 * its own column, so 3 Hanzi (6 columns) show: text[7..10). */
	field_set(&f, "一二三四五六七八九十");
	field_view(&f, 7, &end, &col);
	assert_int_equal(f.scroll, 7);
	assert_int_equal(end, 10);
	assert_int_equal(col, 6);
	/* Home scrolls back; the shown part stops before a Hanzi that would
	 * straddle the right edge: 3 whole ones in 7 columns. */
	field_home(&f);
	field_view(&f, 7, &end, &col);
	assert_int_equal(f.scroll, 0);
	assert_int_equal(end, 3);
	assert_int_equal(col, 0);
	/* Moving right past the edge scrolls by whole characters. */
	for (int i = 0; i < 3; i++)
		field_right(&f);
	field_view(&f, 7, &end, &col);
	assert_int_equal(f.scroll, 1);
	assert_int_equal(end, 4);
	assert_int_equal(col, 4);
	/* Mixed widths: "ab张" in a box of 4, cursor at the end: a(1) b(1)
	 * 张(2) + cursor(1) = 5 > 4, so 'a' scrolls away. */
	field_set(&f, "ab张");
	field_view(&f, 4, &end, &col);
	assert_int_equal(f.scroll, 1);
	assert_int_equal(end, 3);
	assert_int_equal(col, 3);
	/* A box narrower than one Hanzi still keeps the cursor in it. */
	field_set(&f, "张三");
	field_home(&f);
	field_view(&f, 1, &end, &col);
	assert_int_equal(f.scroll, 0);
	assert_int_equal(col, 0);
	assert_int_equal(end, 0);
}

static void
test_delete_scrolls_back(void **state)
{
	struct field f;
	int end, col;

	(void)state;
	field_init(&f, 0);
	field_set(&f, "一二三四五");
	field_view(&f, 5, &end, &col);
	assert_int_equal(f.scroll, 3);		/* 四五 + cursor */
	while (field_backspace(&f) == 0)
		;
	field_view(&f, 5, &end, &col);
	assert_int_equal(f.scroll, 0);
	assert_int_equal(end, 0);
	assert_int_equal(col, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_get_utf8),
		cmocka_unit_test(test_insert_wide),
		cmocka_unit_test(test_delete_wide),
		cmocka_unit_test(test_maxlen),
		cmocka_unit_test(test_set_col),
		cmocka_unit_test(test_view_scroll),
		cmocka_unit_test(test_delete_scrolls_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
