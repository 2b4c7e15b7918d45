/*
 * resident.h: the resident table.  A resident is keyed by the 18-character
 * ID number; id_reversed (the number backwards) and initials (canonical
 * pinyin initials) are written with every insert and update so that the
 * indexes resident_id_reversed and resident_initials can serve find.
 */
#ifndef YIBAO_DB_RESIDENT_H
#define YIBAO_DB_RESIDENT_H

#include "db/db.h"

struct db_resident {
	char id_number[19];
	char name[128];
	char initials[64];
	char sex[2];			/* M, F */
	char birth[11];
	char residence[8];		/* rural, urban */
	char insured_category[24];
	char village[128];
	char phone[40];
	char status[8];			/* active, ended */
	char ended_on[11];		/* "" while active */
	char end_reason[16];		/* "" while active */
	char site[17];
	char created_at[24];
	char updated_at[24];
};

/* 0 found, 1 no such resident, -1 error. */
int db_resident_get(struct db *db, const char *id_number,
    struct db_resident *out);

/* Insert; id_reversed is computed here.  0 ok, 1 the ID exists, -1 error. */
int db_resident_insert(struct db *db, const struct db_resident *r);

/*
 * Rewrite the changeable columns (name, initials, residence, insured
 * category, village, phone, status, ended_on, end_reason, updated_at).
 * 0 ok, 1 no such resident, -1 error.
 */
int db_resident_update(struct db *db, const struct db_resident *r);

/* Residents in the office; -1 error. */
long db_resident_count(struct db *db);

/* Called for each row found; return non-zero to stop. */
typedef int db_resident_fn(void *ctx, const struct db_resident *r);

/*
 * Rows whose ID number ends with `suffix` (digits, X upper-case), at most
 * `limit`, by a range on the index of id_reversed.  0 ok, -1 error.
 */
int db_resident_find_suffix(struct db *db, const char *suffix, int limit,
    db_resident_fn *fn, void *ctx);

/*
 * Rows whose initials start with `prefix` (lower-case): the canonical
 * ones (resident.initials) UNION the other readings
 * (resident_initials_alt), each an index range, never a scan.
 */
int db_resident_find_initials(struct db *db, const char *prefix, int limit,
    db_resident_fn *fn, void *ctx);

/* Rows whose name starts with `prefix` (UTF-8 bytes). */
int db_resident_find_name(struct db *db, const char *prefix, int limit,
    db_resident_fn *fn, void *ctx);

/*
 * resident_initials_alt holds, for each resident, every other string of
 * initials the name can be read with; a name with more readings than a
 * program cares to list gets the single row DB_INITIALS_MANY instead
 * (never a real reading: initials are letters, digits and '?').
 */
#define DB_INITIALS_MANY "*"

/* Replace the person's rows with alts[0..n-1].  0 ok, -1 error. */
int db_initials_alt_set(struct db *db, const char *id_number,
    const char *const *alts, int n);

/*
 * The rows of a person who has none yet (just registered): the same as
 * db_initials_alt_set without its DELETE.  0 ok, -1 error (a row already
 * there is a constraint error, never silently kept).
 */
int db_initials_alt_add(struct db *db, const char *id_number,
    const char *const *alts, int n);

/*
 * (ID number, name) of the residents marked DB_INITIALS_MANY, for the
 * polyphonic pass of find; only those two fields are filled.
 */
int db_resident_scan_many(struct db *db, db_resident_fn *fn, void *ctx);

/* The SQL of the two above finds by initials, for EXPLAIN in tests. */
extern const char db_resident_initials_sql[];
extern const char db_resident_many_sql[];

/* The upper bound of a byte-wise prefix range: prefix with its last byte + 1. */
void db_prefix_upper(const char *prefix, char *out, size_t outsz);

#endif
