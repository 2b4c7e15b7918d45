/*
 * claim.h: the claim table (saved settlements, append-only: a reversal is
 * a new row whose money columns are the negatives of the row it reverses,
 * so every year-to-date figure is a plain SUM) and policy_text (the pack
 * texts claims were settled by, keyed by the hash of the chain).
 */
#ifndef YIBAO_DB_CLAIM_H
#define YIBAO_DB_CLAIM_H

#include <stddef.h>
#include <stdint.h>

#include "core/policy.h"
#include "db/db.h"

/* One row of the claim table, as stored.  "" / 0 for NULL columns. */
struct db_claim {
	char key[40];
	char id_number[19];
	char kind[12];			/* inpatient, accident, outpatient, chronic, maternity */
	int benefit_year;
	char admitted_on[11];		/* the visit date for outpatient care */
	char discharged_on[11];
	char hospital[128];
	int level;			/* 1..3, 0 not given */
	char scope[12];			/* local, county, city, province */
	int emergency;
	char registration[40];		/* the registration that waived the penalty */
	char disease[32];
	int major_disease;
	char delivery[12];		/* normal, difficult */
	int babies;			/* 0 not given */
	int64_t total, out_of_list, class_b, imported, imported_standard;
	char categories[400];		/* comma-separated codes */
	char residence[8];		/* rural, urban, "" not known */
	int chronic_qualified;
	char ineligible[12];		/* not_paid, waiting, kind, ended */
	char ineligible_until[11];
	char ytd[256];			/* nine fen, comma-separated */
	int64_t imported_excess, imported_selfpay, class_b_selfpay, range;
	int64_t deductible, ratio, penalty, fund, penalty_part;
	int64_t serious_base, serious, assistance_base, assistance, personal;
	char reverses[40];
	char reason[256];
	char settled_on[11];
	char at[24];
	char operator_login[33];
	char site[17];
	char policy_id[64];
	char policy_hash[65];
	/* Read only (joined): */
	char name[128];			/* the resident's */
	char operator_name[97];		/* the operator's display name */
	char reversed_by[40];		/* the row that reverses this one */
	char reversal_reason[256];	/* its reason */
};

/* 0 written, 1 refused by a constraint (reversed twice), -1 error. */
int db_claim_insert(struct db *db, const struct db_claim *c);

/* 0 found, 1 no such key, -1 error. */
int db_claim_get(struct db *db, const char *key, struct db_claim *out);

/* What the person's saved claims of one benefit year add up to. */
struct db_claim_ytd {
	int64_t inpatient_fund;		/* inpatient and accident */
	int64_t accident_fund;
	int64_t outpatient_range;	/* eligible general outpatient claims */
	int64_t outpatient_fund;
	int64_t chronic_fund;		/* the disease asked for */
	int64_t serious_base;
	int64_t serious_paid;
	int64_t assistance_base;
	int64_t assistance_paid;
};

/* Sums over every row (reversals included) of the person and year. */
int db_claim_ytd(struct db *db, const char *id_number, int year,
    const char *disease, struct db_claim_ytd *out);

typedef int db_claim_fn(void *ctx, const struct db_claim *c);

/* The person's rows of `year` in the order they were saved.  0 ok, -1 error. */
int db_claim_list(struct db *db, const char *id_number, int year,
    db_claim_fn *fn, void *ctx);

/* 1 if policy_text holds the chain `hash`, 0 if not, -1 error. */
int db_policy_text_has(struct db *db, const char *hash);

/* One text of a chain; an existing (hash, position) is left alone.  0, -1. */
int db_policy_text_insert(struct db *db, const char *hash, int position,
    const char *id, const char *file, const char *text);

/* A stored chain: position 0 the pack, then what it extends. */
struct db_policy_chain {
	int n;
	char id[SOURCE_MAX][64];
	char file[SOURCE_MAX][256];
	char *text[SOURCE_MAX];		/* malloc'd */
};

/* 0 found (n >= 1), 1 no such hash, -1 error.  Free with the next. */
int db_policy_text_get(struct db *db, const char *hash,
    struct db_policy_chain *out);
void db_policy_chain_free(struct db_policy_chain *c);

#endif
