/*
 * money.c (fuzz target): amounts and percentages as clerks type them
 * (core/money.h).  Invariants: what parses is within MONEY_MAX (or 100 %),
 * formats back to text that parses to the same number, and a share of it
 * stays between 0 and the amount.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), buf[MONEY_BUFSZ];
	fen_t a, b;
	bp_t p, q;
	enum money_err e;

	for (int neg = 0; neg <= 1; neg++) {
		e = money_parse(s, neg, &a);
		FUZZ_ASSERT(money_strerror(e) != NULL);
		if (e != MONEY_OK)
			continue;
		FUZZ_ASSERT(a <= MONEY_MAX && a >= -MONEY_MAX);
		FUZZ_ASSERT(neg || a >= 0);
		money_format(a, buf);
		FUZZ_ASSERT(strlen(buf) < MONEY_BUFSZ);
		FUZZ_ASSERT(money_parse(buf, 1, &b) == MONEY_OK && a == b);
		for (bp_t bp = 0; bp <= BP_MAX; bp += 2500) {
			fen_t sh = money_share(a, bp);

			FUZZ_ASSERT(a >= 0 ? sh >= 0 && sh <= a :
			    sh <= 0 && sh >= a);
		}
	}
	e = percent_parse(s, &p);
	FUZZ_ASSERT(money_strerror(e) != NULL);
	if (e == MONEY_OK) {
		FUZZ_ASSERT(p >= 0 && p <= BP_MAX);
		percent_format(p, buf);
		FUZZ_ASSERT(percent_parse(buf, &q) == MONEY_OK && p == q);
		if (money_parse(s, 0, &a) == MONEY_OK)
			FUZZ_ASSERT(money_share(a, p) <= a);
	}
	free(s);
	return 0;
}
