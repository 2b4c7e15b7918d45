/*
 * category.h: periods a person holds something: hardship categories
 * (person_category) and chronic-disease qualifications
 * (chronic_qualification).  Both tables have the same shape, so one set of
 * functions serves both.  Dates are YYYY-MM-DD; valid_to "" is open, and a
 * period includes both its first and its last day.
 */
#ifndef YIBAO_DB_CATEGORY_H
#define YIBAO_DB_CATEGORY_H

#include "db/db.h"

enum db_period_table { DB_CATEGORY, DB_QUALIFICATION };

struct db_period {
	char key[40];
	char id_number[19];
	char code[40];			/* category code or disease code */
	char valid_from[11];
	char valid_to[11];		/* "" open */
	char department[128];
	char end_reason[256];		/* "" unless ended */
	char site[17];
	char created_at[24];
};

/* 0 ok, -1 error. */
int db_period_insert(struct db *db, enum db_period_table t,
    const struct db_period *p);

/*
 * How many periods of `code` for the person overlap [from, to] (to "" =
 * open); -1 error.
 */
int db_period_overlaps(struct db *db, enum db_period_table t,
    const char *id_number, const char *code, const char *from,
    const char *to);

/* The period of `code` valid on `date`: 0 found, 1 none, -1 error. */
int db_period_on(struct db *db, enum db_period_table t, const char *id_number,
    const char *code, const char *date, struct db_period *out);

/* Set valid_to and end_reason of `key`: 0 ok, 1 no such row, -1 error. */
int db_period_end(struct db *db, enum db_period_table t, const char *key,
    const char *valid_to, const char *reason);

typedef int db_period_fn(void *ctx, const struct db_period *p);

/*
 * The person's periods, by code and valid_from; with `date` non-NULL only
 * those valid on that date.  0 ok, -1 error.
 */
int db_periods_list(struct db *db, enum db_period_table t,
    const char *id_number, const char *date, db_period_fn *fn, void *ctx);

/* Rows in the table (for tests and reports); -1 error. */
long db_period_count(struct db *db, enum db_period_table t);

#endif
