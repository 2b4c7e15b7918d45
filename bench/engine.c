/*
 * engine.c: the settlement engine alone (core/settle.c), in claims per
 * second.  Loads a pack (default demo), settles N claims (default
 * 2,000,000) of every kind, level and scope with bills and year-to-date
 * figures varying from claim to claim, and prints the rate.  The sum of
 * the fund's payments is printed too, so the work cannot be optimized
 * away and two runs can be compared.  Goal (issue 10): above a million
 * claims per second.
 *
 *     bench/engine [PACK] [N]       (built by make bench)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/settle.h"
#include "io/policy_file.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;	/* time, not money */
}

/* Claim i of the run: a deterministic mix, no random state. */
static void
make_claim(struct claim *c, long i, struct date day)
{
	static const enum claim_kind kinds[] = { KIND_INPATIENT,
	    KIND_INPATIENT, KIND_OUTPATIENT, KIND_ACCIDENT, KIND_INPATIENT };

	memset(c, 0, sizeof *c);
	c->kind = kinds[i % 5];
	c->level = 1 + (int)(i % 3);
	c->scope = (enum scope)(i % SCOPE_COUNT);
	c->registered = i % 7 != 0;
	c->date = day;
	c->birth.y = 1950 + (int)(i % 60);
	c->birth.m = 1;
	c->birth.d = 1;
	c->total = 10000 + (i * 7919) % 30000000;	/* 100.00 .. 300,100.00 */
	c->out_of_list = c->total / 20;
	c->class_b = c->total / 10;
	c->categories = i % 11 == 0 ? CATSET(CAT_MIN_LIVING) : 0;
	c->residence = i % 2 ? RES_RURAL : RES_URBAN;
	c->ytd_inpatient_fund = (i * 104729) % 10000000;
	c->ytd_serious_base = (i * 1299709) % 5000000;
}

int
main(int argc, char **argv)
{
	const char *pack = argc > 1 ? argv[1] : "demo";
	long n = argc > 2 ? atol(argv[2]) : 2000000, ok = 0;
	struct policy *pol = calloc(1, sizeof *pol);
	struct policy_errors errs;
	struct settlement s;
	struct claim c;
	struct date day = { 2021, 6, 1 };
	fen_t fund = 0;
	double t0, t;

	if (pol == NULL || policy_file_load(pack, pol, &errs) != 0) {
		fprintf(stderr, "engine: cannot load the pack %s\n", pack);
		return 1;
	}
	t0 = now();
	for (long i = 0; i < n; i++) {
		make_claim(&c, i, day);
		if (settle(pol, &c, &s) == SETTLE_OK) {
			ok++;
			fund += s.fund;
		}
	}
	t = now() - t0;
	printf("pack %s: %ld claims (%ld settled; the others stopped by a "
	    "parameter the pack lacks) in %.3f s: %.0f claims per second; "
	    "fund total %lld fen\n", pol->id, n, ok, t, (double)n / t,
	    (long long)fund);
	free(pol);
	return 0;
}
