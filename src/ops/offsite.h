/*
 * offsite.h: off-site medical registrations (异地就医备案; seed 001 四(三)3,
 * seed 002 三(一)): file, list, revoke, and the migrant workers' documents
 * (承诺制: the registration holds at once, the documents follow by a
 * deadline the clerk sets).
 *
 * Kinds: long_term (异地长期居住), migrant_work (外出务工), referral
 * (转诊转院: receiving hospital, diagnosis, reason, and the sending
 * hospital's level when known) and emergency (异地急诊, reported after
 * discharge, so its first day is today or earlier; every other kind
 * starts today or later).  A registration grants a scope (county < city <
 * province: a wider one covers care in a narrower one) from one day to
 * another, both included.  Two active registrations of the same kind for
 * one person never share a day; a revoked one blocks nothing.  Any clerk
 * may file, revoke (with a reason) and record documents; every write is one
 * transaction with its audit line.
 */
#ifndef YIBAO_OPS_OFFSITE_H
#define YIBAO_OPS_OFFSITE_H

#include <stddef.h>

#include "core/date.h"
#include "core/policy.h"
#include "db/offsite.h"
#include "ops/ops.h"

/*
 * Does a registration or referral valid on `date` cover care in `scope`?
 * (RULES.md 5.2: it waives the penalty.)  *covered is 1 with its key in
 * `key`, or 0.  Local care needs none: *covered = 1, key "".  Read only.
 */
enum ops_status ops_offsite_covers(struct ops_session *s,
    const char *id_number, struct date date, enum scope scope, int *covered,
    char *key, size_t keysz, struct ops_error *err);

/* What a clerk types to file a registration.  NULL = not given. */
struct offsite_input {
	const char *id;			/* ID number as typed */
	const char *kind;		/* long_term, migrant_work, referral, emergency */
	const char *scope;		/* county, city, province */
	const char *dest_code;		/* GB/T 2260: 2, 4 or 6 digits */
	const char *dest_name;
	const char *from, *to;		/* YYYY-MM-DD, both days included */
	const char *hospital;		/* referral only: required */
	const char *diagnosis;		/* referral only: required */
	const char *reason;		/* referral only: required */
	const char *from_level;		/* referral only, optional: 1, 2 or 3 */
	const char *documents_due;	/* migrant_work only: required */
};

/*
 * File a registration; its key (SITE-B00000001) is written to key_out.
 * OPS_INVALID for bad input (and a scope narrower than the destination
 * needs, when the office code is a GB/T 2260 county code), OPS_NOT_FOUND
 * for an unknown resident, OPS_CONFLICT for an overlap or a resident
 * whose coverage ended.
 */
enum ops_status ops_offsite_file(struct ops_session *s,
    const struct offsite_input *in, char *key_out, size_t keysz,
    struct ops_error *err);

/* Revoke an active registration today, with a reason (any clerk). */
enum ops_status ops_offsite_revoke(struct ops_session *s, const char *key,
    const char *reason, struct ops_error *err);

/*
 * The migrant worker's documents came on `date` (NULL: today); not after
 * today, not before the registration was filed.
 */
enum ops_status ops_offsite_receive(struct ops_session *s, const char *key,
    const char *date, struct ops_error *err);

/* One registration by key: OPS_NOT_FOUND if there is none. */
enum ops_status ops_offsite_get(struct ops_session *s, const char *key,
    struct db_offsite *out, struct ops_error *err);

/* Rows of a list, allocated; free with offsite_rows_free. */
struct offsite_rows {
	int n, cap;
	struct db_offsite *r;
};
void offsite_rows_free(struct offsite_rows *rows);

/*
 * The person's registrations by first day: with `all` every one, else only
 * those neither revoked nor expired.  The 18-character ID number is written
 * to id_out.
 */
enum ops_status ops_offsite_list(struct ops_session *s, const char *id,
    int all, char id_out[19], struct offsite_rows *out,
    struct ops_error *err);

/*
 * Active migrant-work registrations whose documents were due before today
 * and have not come, oldest deadline first (name and phone filled).
 */
enum ops_status ops_offsite_overdue(struct ops_session *s,
    struct offsite_rows *out, struct ops_error *err);

/* "active", "expired" (valid_to before today) or "revoked". */
const char *offsite_status(const struct db_offsite *r, struct date today);

/* Labels (translated) of codes; the code itself if unknown. */
const char *offsite_kind_label(const char *kind);
const char *offsite_scope_label(const char *scope);
const char *offsite_status_label(const char *status);

/* 1 if `code` is 2, 4 or 6 digits starting with a GB/T 2260 province. */
int offsite_dest_code_valid(const char *code);

/*
 * The narrowest scope a registration to `dest` needs, seen from the office
 * `site`: SCOPE_PROVINCE for another province, SCOPE_CITY for another city
 * (or the whole home province), SCOPE_COUNTY for another county (or the
 * whole home city), SCOPE_LOCAL when the destination is the home county.
 * -1 when `site` is not a 6-digit GB/T 2260 code (nothing can be said).
 */
int offsite_scope_needed(const char *site, const char *dest);

#endif
