/*
 * offsite.h: the offsite_registration table (异地就医备案).  Dates are
 * YYYY-MM-DD and a registration holds on both its first and its last day.
 * Rows are never deleted: a revoked registration keeps its row, with the
 * day and the reason.
 */
#ifndef YIBAO_DB_OFFSITE_H
#define YIBAO_DB_OFFSITE_H

#include <stddef.h>

#include "db/db.h"

struct db_offsite {
	char key[40];
	char id_number[19];
	char kind[16];			/* long_term, migrant_work, referral, emergency */
	char scope[12];			/* county, city, province */
	char dest_code[8];		/* GB/T 2260: 2, 4 or 6 digits */
	char dest_name[128];
	char valid_from[11];
	char valid_to[11];
	char hospital[128];		/* referral; "" otherwise */
	char diagnosis[128];
	char referral_reason[256];
	int from_level;			/* referral: 1-3, 0 not recorded */
	char documents_due[11];		/* migrant work; "" otherwise */
	char documents_received[11];	/* "" until they come */
	char status[8];			/* active, revoked */
	char revoked_on[11];
	char revoke_reason[256];
	char operator_login[33];
	char site[17];
	char created_at[24];
	/* Read with lists only (from the resident table): */
	char name[128];
	char phone[40];
};

/*
 * The key of an active registration of the person valid on `date` whose
 * scope reaches `scope` (county < city < province: a province-wide
 * registration covers care in another city too).  0 found (key filled),
 * 1 none, -1 error.
 */
int db_offsite_covering(struct db *db, const char *id_number,
    const char *date, const char *scope, char *key, size_t keysz);

/* 0 ok, -1 error. */
int db_offsite_insert(struct db *db, const struct db_offsite *r);

/* 0 found, 1 no such key, -1 error. */
int db_offsite_get(struct db *db, const char *key, struct db_offsite *out);

/*
 * Active registrations of `kind` for the person that share a day with
 * [from, to]; the first one's key in `key`.  Count, or -1 on error.
 */
int db_offsite_overlaps(struct db *db, const char *id_number,
    const char *kind, const char *from, const char *to, char *key,
    size_t keysz);

/* Mark revoked on `date` for `reason`: 0 ok, 1 not an active row, -1 error. */
int db_offsite_revoke(struct db *db, const char *key, const char *date,
    const char *reason);

/* Record the documents' arrival: 0 ok, 1 no row still waiting, -1 error. */
int db_offsite_receive(struct db *db, const char *key, const char *date);

typedef int db_offsite_fn(void *ctx, const struct db_offsite *r);

/* The person's registrations by valid_from then key.  0 ok, -1 error. */
int db_offsite_list(struct db *db, const char *id_number, db_offsite_fn *fn,
    void *ctx);

/*
 * Active migrant-work registrations whose documents were due before
 * `today` and have not come, oldest deadline first, with the resident's
 * name and phone.  0 ok, -1 error.
 */
int db_offsite_overdue(struct db *db, const char *today, db_offsite_fn *fn,
    void *ctx);

#endif
