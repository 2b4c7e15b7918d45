/* test_array.c: room in a growing array (core/array.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/array.h"

/* 64 at first, doubled when full, what was there kept. */
static void
test_growth(void **state)
{
	int *v = NULL, *before;
	size_t cap = 0;

	(void)state;
	assert_int_equal(array_reserve((void **)&v, &cap, 0, sizeof *v), 0);
	assert_int_equal(cap, 64);
	for (int i = 0; i < 64; i++)
		v[i] = i * 3;
	before = v;
	assert_int_equal(array_reserve((void **)&v, &cap, 63, sizeof *v), 0);
	assert_ptr_equal(v, before);		/* room already: no realloc */
	assert_int_equal(cap, 64);
	assert_int_equal(array_reserve((void **)&v, &cap, 64, sizeof *v), 0);
	assert_int_equal(cap, 128);
	v[64] = 7;
	assert_int_equal(v[0], 0);
	assert_int_equal(v[63], 189);
	/* Far past the end: doubled until it holds element 1000. */
	assert_int_equal(array_reserve((void **)&v, &cap, 1000, sizeof *v), 0);
	assert_int_equal(cap, 1024);
	v[1000] = 1;
	assert_int_equal(v[64], 7);
	free(v);
}

/* A size whose product would overflow: refused, nothing changed. */
static void
test_overflow(void **state)
{
	char *v = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(array_reserve((void **)&v, &cap, 0, SIZE_MAX / 32),
	    -1);
	assert_null(v);
	assert_int_equal(cap, 0);
	assert_int_equal(array_reserve((void **)&v, &cap, 0, 1), 0);
	assert_int_equal(array_reserve((void **)&v, &cap, SIZE_MAX / 2 + 1,
	    1), -1);
	assert_int_equal(cap, 64);
	assert_non_null(v);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
