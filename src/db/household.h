/*
 * household.h: households (户) and their members.  Membership keeps its
 * history: a move ends one row (left_on) and starts another; the current
 * row of a person is the one with left_on NULL (at most one, by index).
 */
#ifndef YIBAO_DB_HOUSEHOLD_H
#define YIBAO_DB_HOUSEHOLD_H

#include "db/db.h"

struct db_household {
	char key[40];
	char number[40];
	char village[128];
	char address[128];
	char site[17];
	char created_at[24];
};

struct db_member {
	char key[40];
	char household[40];		/* the household's key */
	char household_number[40];
	char household_site[17];	/* the office whose number it is */
	char id_number[19];
	char name[128];			/* the resident's, for lists */
	char status[8];			/* the resident's */
	char relation[16];
	char joined_on[11];
	char left_on[11];		/* "" while current */
	char site[17];
	char created_at[24];
};

/*
 * Office `site`'s household `number` (a number is unique per office, not
 * across the file: at a hub every office has its "0001").  0 found,
 * 1 none, -1 error.
 */
int db_household_get(struct db *db, const char *site, const char *number,
    struct db_household *out);

/* The household whose key is `key`: 0 found, 1 none, -1 error. */
int db_household_by_key(struct db *db, const char *key,
    struct db_household *out);

/*
 * The offices other than `except` with a household `number`, as "A, B"
 * in code order (cut short to fit): 0 some, 1 none, -1 error.
 */
int db_household_sites(struct db *db, const char *number, const char *except,
    char *out, size_t outsz);

/* 0 ok, 1 the office has the number already, -1 error. */
int db_household_insert(struct db *db, const struct db_household *h);

/* The person's current membership: 0 found, 1 in no household, -1 error. */
int db_member_current(struct db *db, const char *id_number,
    struct db_member *out);

/* The current head of a household (by key): 0 found, 1 none, -1 error. */
int db_member_head(struct db *db, const char *household_key,
    struct db_member *out);

/* 0 ok, 1 a constraint refused it (already a member somewhere), -1 error. */
int db_member_insert(struct db *db, const struct db_member *m);

/* End the current row `key` on `left_on`: 0 ok, 1 no such current row, -1. */
int db_member_end(struct db *db, const char *key, const char *left_on);

typedef int db_member_fn(void *ctx, const struct db_member *m);

/*
 * Members of a household (by key), head first, then by joining date; with
 * history != 0 also the rows that ended.  0 ok, -1 error.
 */
int db_members_list(struct db *db, const char *household_key, int history,
    db_member_fn *fn, void *ctx);

/* Current members of the household (by key); -1 error. */
int db_members_count(struct db *db, const char *household_key);

#endif
