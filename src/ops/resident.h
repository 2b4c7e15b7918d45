/*
 * resident.h: residents: register, show, edit, end (and reopen), and find
 * by ID number, by the last digits of it, by name or by pinyin initials.
 */
#ifndef YIBAO_OPS_RESIDENT_H
#define YIBAO_OPS_RESIDENT_H

#include <stddef.h>

#include "db/category.h"
#include "db/household.h"
#include "db/resident.h"
#include "ops/ops.h"

/* What a clerk types to register a resident.  NULL = not given. */
struct resident_input {
	const char *id_number;	/* as typed: 18 or 15 characters */
	const char *name;
	const char *residence;	/* rural, urban */
	const char *insured;	/* rural_resident, ... (seed 001 四(一)) */
	const char *village;
	const char *phone;	/* optional */
	const char *sex;	/* optional: M or F, must agree with the ID */
	const char *birth;	/* optional: YYYY-MM-DD, must agree with the ID */
};

/*
 * Register a resident.  Sex and birth date come from the ID number; the
 * 18-character number is written to id_out.  OPS_INVALID for bad input,
 * OPS_CONFLICT when the number is already registered.
 */
enum ops_status ops_resident_add(struct ops_session *s,
    const struct resident_input *in, char id_out[19], struct ops_error *err);

/*
 * The same inside a transaction the caller opened (ops_begin) and commits:
 * no role check, no commit, no rollback (for imports of many rows).
 */
enum ops_status ops_resident_add_in_tx(struct ops_session *s,
    const struct resident_input *in, char id_out[19], struct ops_error *err);

/* Fields to change; NULL leaves a field as it is. */
struct resident_change {
	const char *name, *residence, *insured, *village, *phone;
};

/* Change a resident's details; the audit line holds old and new values. */
enum ops_status ops_resident_edit(struct ops_session *s, const char *id,
    const struct resident_change *c, struct ops_error *err);

/* Inside the caller's transaction; *changed = 0 when nothing differed. */
enum ops_status ops_resident_edit_in_tx(struct ops_session *s, const char *id,
    const struct resident_change *c, int *changed, struct ops_error *err);

/*
 * End a resident's coverage: on `date` (not after today, not before birth)
 * for `reason` (employment, military, death, moved).  An ended resident
 * stays in the database and can be found; only a supervisor can reopen.
 */
enum ops_status ops_resident_end(struct ops_session *s, const char *id,
    const char *date, const char *reason, struct ops_error *err);

/* Undo an end made by mistake: supervisor only, with a reason, audited. */
enum ops_status ops_resident_reopen(struct ops_session *s, const char *id,
    const char *reason, struct ops_error *err);

/* One resident, read: OPS_NOT_FOUND if absent; `id` may be typed loosely. */
enum ops_status ops_resident_get(struct ops_session *s, const char *id,
    struct db_resident *out, struct ops_error *err);

#define RESIDENT_VIEW_MAX 32	/* members, categories, qualifications shown */

/* Everything `resident show` prints. */
struct resident_view {
	struct db_resident r;
	int in_household;
	struct db_member member;	/* the person's current row */
	int nmembers;			/* current members, the person included */
	struct db_member members[RESIDENT_VIEW_MAX];
	int ncategories;
	struct db_period categories[RESIDENT_VIEW_MAX];
	int nqualifications;
	struct db_period qualifications[RESIDENT_VIEW_MAX];
	int truncated;			/* more than RESIDENT_VIEW_MAX somewhere */
};

enum ops_status ops_resident_view(struct ops_session *s, const char *id,
    struct resident_view *out, struct ops_error *err);

/* find */
#define RESIDENT_FIND_MAX 50

enum find_kind { FIND_ID, FIND_SUFFIX, FIND_INITIALS, FIND_NAME };

struct resident_hit {
	char id_number[19];	/* the key, to open the record: never shown */
	char shown[19];		/* what a list may show: masked for a clerk */
	char name[128];
	char sex[2];
	char birth[11];
	char village[128];
	char status[8];
};

struct resident_found {
	enum find_kind kind;
	int n;
	int more;		/* more than RESIDENT_FIND_MAX matched */
	struct resident_hit hit[RESIDENT_FIND_MAX];
};

/*
 * Find residents by one query: digits (a final X allowed) are an ID number,
 * the whole number (18, or 15 of the first generation) or its last digits;
 * ASCII letters are pinyin initials (张三: zs; any reading of a polyphonic
 * character matches, 曾: z or c); anything else is the start of a name.
 * Results sorted by name then ID number, at most RESIDENT_FIND_MAX.
 */
enum ops_status ops_resident_find(struct ops_session *s, const char *query,
    struct resident_found *out, struct ops_error *err);

/* Labels (translated) for codes; the code itself if unknown. */
const char *resident_residence_label(const char *code);
const char *resident_insured_label(const char *code);
const char *resident_end_reason_label(const char *code);
const char *resident_status_label(const char *code);
const char *resident_sex_label(const char *code);

/* 1 if a code is one of the kinds the schema knows. */
int resident_insured_valid(const char *code);
int resident_residence_valid(const char *code);

/*
 * A compact JSON object for audit lines, built a member at a time
 * (shared by the resident, household and category ops).
 */
struct audit_json {
	char s[2048];
	size_t n;
	int members;
};
void audit_json_init(struct audit_json *j);
void audit_json_str(struct audit_json *j, const char *key, const char *v);
const char *audit_json_end(struct audit_json *j);

/*
 * Normalize an ID number as typed (idcard_parse against s->today) into
 * out; OPS_INVALID with the reason if it is not a valid number.
 */
enum ops_status ops_id_normalize(const struct ops_session *s, const char *in,
    char out[19], struct ops_error *err);

#endif
