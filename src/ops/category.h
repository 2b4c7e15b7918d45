/*
 * category.h: hardship categories (RULES.md 2) and chronic-disease
 * qualifications (门诊慢特病资格) of a person, each valid from one day to
 * another (both days included; no end = still valid), with the department
 * that certified it.  Adding needs the office's pack (s->policy): the code
 * must be one it recognizes.  Ending needs a supervisor.
 *
 * For other ops: ops_person_on() says which categories a person holds on a
 * date, the person's residence, and whether any chronic qualification is
 * held that day; ops_person_qualified_on() asks about one disease.
 */
#ifndef YIBAO_OPS_CATEGORY_H
#define YIBAO_OPS_CATEGORY_H

#include "core/policy.h"
#include "db/category.h"
#include "ops/ops.h"

/* A period to add.  NULL `to` = open. */
struct period_input {
	const char *id;		/* ID number as typed */
	const char *code;	/* category code, or disease code */
	const char *from;	/* YYYY-MM-DD */
	const char *to;		/* YYYY-MM-DD or NULL */
	const char *department;	/* who certified it */
};

/*
 * Record a category.  OPS_INVALID: unknown code for the pack, bad dates,
 * no department; OPS_NOT_FOUND: no such resident; OPS_CONFLICT: the person
 * already holds the category for part of the period.
 */
enum ops_status ops_category_add(struct ops_session *s,
    const struct period_input *in, struct ops_error *err);

/* The same inside a transaction the caller opened and commits (imports). */
enum ops_status ops_category_add_in_tx(struct ops_session *s,
    const struct period_input *in, struct ops_error *err);

/*
 * End the category `code` held on `date`: valid_to = date (the last day it
 * counts), with `reason`.  Supervisor only.
 */
enum ops_status ops_category_end(struct ops_session *s, const char *id,
    const char *code, const char *date, const char *reason,
    struct ops_error *err);

/* The same for chronic qualifications: the disease must be in the pack. */
enum ops_status ops_qualification_add(struct ops_session *s,
    const struct period_input *in, struct ops_error *err);
enum ops_status ops_qualification_end(struct ops_session *s, const char *id,
    const char *disease, const char *date, const char *reason,
    struct ops_error *err);

/* What counts for a person on one day (a payment's or a claim's date). */
struct person_on {
	catset_t categories;	/* categories valid that day (CATSET bits) */
	enum residence residence;	/* RES_RURAL or RES_URBAN */
	int chronic;		/* 1 if any chronic qualification is valid */
	int active;		/* 1 unless coverage ended on or before that day */
	struct date birth;	/* from the ID number, for age rules */
};

/*
 * Fill *out for resident `id_number` (18 characters, as stored) on `on`.
 * Needs no pack and no role beyond a logged-in session; writes nothing.
 * Codes in the database unknown to this program are ignored.
 * OPS_NOT_FOUND if there is no such resident.
 */
enum ops_status ops_person_on(struct ops_session *s, const char *id_number,
    struct date on, struct person_on *out, struct ops_error *err);

/*
 * ops_person_on from rows read once: the resident and all of its
 * categories and qualifications (db_periods_list without a day), as a
 * batch of claims keeps them per person.  Same answer, no query.
 */
struct db_resident;
void ops_person_on_rows(const struct db_resident *r,
    const struct db_period *cats, size_t ncats,
    const struct db_period *quals, size_t nquals, struct date on,
    struct person_on *out);

/* The categories only: a shorthand of ops_person_on. */
enum ops_status ops_person_categories_on(struct ops_session *s,
    const char *id_number, struct date on, catset_t *out,
    struct ops_error *err);

/*
 * 1 in *held if the person holds a qualification for `disease` (NULL: for
 * any disease) valid on `on`, else 0.
 */
enum ops_status ops_person_qualified_on(struct ops_session *s,
    const char *id_number, const char *disease, struct date on, int *held,
    struct ops_error *err);

#endif
