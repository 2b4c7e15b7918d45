/*
 * claim_memo.h: what a batch of claims reads once per person.
 *
 * A claim settled alone reads the resident, its categories and
 * qualifications, every payment line and the year-to-date sums over its
 * earlier claims: a dozen queries.  In a batch (one transaction, nothing
 * but claims written) none of that changes except the year-to-date sums,
 * so the memo reads each person once and keeps the sums up to date itself
 * as the batch saves claims (claim_memo_saved), by the rules of
 * db_claim_ytd's query.  The memo lives for one transaction: whatever
 * else writes must not run while it is in use.  Other processes cannot:
 * the batch's BEGIN IMMEDIATE holds the write lock to its end.
 */
#ifndef YIBAO_OPS_CLAIM_MEMO_H
#define YIBAO_OPS_CLAIM_MEMO_H

#include <stddef.h>

#include "core/contribution.h"
#include "db/category.h"
#include "db/claim.h"
#include "db/resident.h"
#include "ops/ops.h"

struct claim_memo_ytd {
	int year;
	char disease[32];		/* "" for all but chronic claims */
	struct db_claim_ytd y;
};

struct claim_person {
	struct db_resident res;
	struct pay_line *lines;		/* ops_person_lines */
	size_t nlines;
	struct db_period *cats;		/* every category, any day */
	size_t ncats;
	struct db_period *quals;	/* every qualification, any day */
	size_t nquals;
	struct claim_memo_ytd *ytd;	/* per benefit year and disease */
	size_t nytd;
};

struct claim_memo;

struct claim_memo *claim_memo_new(void);
void claim_memo_free(struct claim_memo *m);

/*
 * The person with ID number `id` (as stored), read on first use.  0 ok,
 * 1 no such resident, -1 the database failed (db_errmsg) or no memory.
 */
int claim_memo_person(struct ops_session *s, struct claim_memo *m,
    const char *id, struct claim_person **out);

/* db_claim_ytd's figures for the person's `year` and `disease`; 0 ok. */
int claim_memo_ytd(struct ops_session *s, struct claim_person *p, int year,
    const char *disease, struct db_claim_ytd *out);

/* `row` was saved for the person: its figures join the sums. */
void claim_memo_saved(struct claim_person *p, const struct db_claim *row);

/* The pack's texts are stored (once per transaction is enough). */
int claim_memo_policy_stored(const struct claim_memo *m);
void claim_memo_set_policy_stored(struct claim_memo *m);

#endif
