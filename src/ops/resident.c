/* resident.c: register, change, end and find residents. */
#include "config.h"

#include "ops/resident.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "core/pinyin.h"
#include "db/tx.h"
#include "core/label.h"
#include "i18n.h"

#define NAME_MAX_BYTES 120	/* fits db_resident.name; ~40 Hanzi */
#define VILLAGE_MAX_BYTES 120
#define PHONE_MAX 20


static const struct code_label residences[] = {
	{ "rural", N_("rural") },
	{ "urban", N_("urban") },
	{ NULL, NULL }
};

/* seed 001 四(一): who is insured as what. */
static const struct code_label insured[] = {
	{ "rural_resident", N_("rural resident") },
	{ "urban_non_employed", N_("urban resident without employment") },
	{ "student_child", N_("pupil or child") },
	{ "college_student", N_("college student") },
	{ "residence_permit", N_("residence-permit holder") },
	{ "flexible_worker", N_("flexible worker") },
	{ NULL, NULL }
};

static const struct code_label end_reasons[] = {
	{ "employment", N_("employment") },
	{ "military", N_("military service") },
	{ "death", N_("death") },
	{ "moved", N_("moved away") },
	{ NULL, NULL }
};

static const struct code_label statuses[] = {
	{ "active", N_("active") },
	{ "ended", N_("ended") },
	{ NULL, NULL }
};

static const struct code_label sexes[] = {
	{ "M", N_("male") },
	{ "F", N_("female") },
	{ NULL, NULL }
};

const char *
resident_residence_label(const char *code)
{
	return code_label_text(residences, code);
}

const char *
resident_insured_label(const char *code)
{
	return code_label_text(insured, code);
}

const char *
resident_end_reason_label(const char *code)
{
	return code_label_text(end_reasons, code);
}

const char *
resident_status_label(const char *code)
{
	return code_label_text(statuses, code);
}

const char *
resident_sex_label(const char *code)
{
	return code_label_text(sexes, code);
}

int
resident_insured_valid(const char *code)
{
	return code_label_find(insured, code) != NULL;
}

int
resident_residence_valid(const char *code)
{
	return code_label_find(residences, code) != NULL;
}

/* audit_json: the old and new values of an audit line. */
void
audit_json_init(struct audit_json *j)
{
	snprintf(j->s, sizeof j->s, "{");
	j->n = 1;
	j->members = 0;
}

static void
put(struct audit_json *j, const char *text, size_t len)
{
	if (j->n + len + 2 >= sizeof j->s)
		return;		/* a summary: too long is cut, never overflows */
	memcpy(j->s + j->n, text, len);
	j->n += len;
	j->s[j->n] = '\0';
}

static void
put_quoted(struct audit_json *j, const char *v)
{
	char esc[8];

	put(j, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			put(j, esc, 2);
		} else if (*p < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", *p);
			put(j, esc, 6);
		} else
			put(j, (const char *)p, 1);
	}
	put(j, "\"", 1);
}

void
audit_json_str(struct audit_json *j, const char *key, const char *v)
{
	if (j->members++ > 0)
		put(j, ",", 1);
	put_quoted(j, key);
	put(j, ":", 1);
	if (v == NULL)
		put(j, "null", 4);
	else
		put_quoted(j, v);
}

const char *
audit_json_end(struct audit_json *j)
{
	put(j, "}", 1);
	return j->s;
}

/* Strict UTF-8, no control characters, 1..max bytes. */
static int
text_ok(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	if (n == 0 || n > max)
		return 0;
	while (*p) {
		int len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 :
		    (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;

		if (len == 0 || (len == 1 && (*p < 0x20 || *p == 0x7F)))
			return 0;
		for (int i = 1; i < len; i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
		p += len;
	}
	return 1;
}

static int
phone_ok(const char *s)
{
	size_t n = strlen(s);

	if (n > PHONE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '+' || s[i] == ' '))
			return 0;
	return 1;
}

enum ops_status
ops_id_normalize(const struct ops_session *s, const char *in, char out[19],
    struct ops_error *err)
{
	struct idcard id;
	enum idcard_err e;

	if (in == NULL || *in == '\0')
		return ops_fail(err, OPS_INVALID, _("give the resident's ID "
		    "number"));
	if ((e = idcard_parse(in, s->today, &id)) != IDCARD_OK)
		return ops_fail(err, OPS_INVALID, _("the ID number %s is not "
		    "valid: %s"), in, idcard_strerror(e));
	memcpy(out, id.number, 19);
	return OPS_OK;
}

static enum ops_status
check_name(const char *name, char *initials, size_t n, struct ops_error *err)
{
	if (name == NULL || *name == '\0')
		return ops_fail(err, OPS_INVALID, _("give the resident's name "
		    "(--name)"));
	if (!text_ok(name, NAME_MAX_BYTES) ||
	    pinyin_initials(name, initials, n) < 0)
		return ops_fail(err, OPS_INVALID, _("the name \"%s\" cannot be "
		    "used: at most 40 characters, without control characters"),
		    name);
	return OPS_OK;
}

/*
 * The other initials of a name (多音字: 曾小红 is cxh canonically, and
 * zxh), for resident_initials_alt.  Position i can be typed as any letter
 * L for which the canonical initials before it followed by L still match
 * the name (pinyin_match_prefix takes one query letter per character).
 * A '?' (a character without a known reading) cannot be typed, so what
 * follows it keeps its canonical letter.  At most ALT_INITIALS_MAX
 * combinations, the canonical one included, are listed; beyond that the
 * name is marked DB_INITIALS_MANY and found by the slower pass.
 */
#define ALT_INITIALS_MAX 64

struct alt_initials {
	int n;				/* -1: too many, marked */
	char s[ALT_INITIALS_MAX][64];
	const char *p[ALT_INITIALS_MAX];
};

static void
position_letters(const char *name, const char *canon, size_t i,
    char opts[28])
{
	char probe[64];
	size_t n = 0;

	opts[n++] = canon[i];
	if (memchr(canon, '?', i + 1) != NULL) {
		opts[n] = '\0';
		return;
	}
	memcpy(probe, canon, i);
	probe[i + 1] = '\0';
	for (char c = 'a'; c <= 'z'; c++) {
		probe[i] = c;
		if (c != canon[i] && pinyin_match_prefix(name, probe))
			opts[n++] = c;
	}
	opts[n] = '\0';
}

static void
alt_initials(const char *name, const char *canon, struct alt_initials *a)
{
	size_t len = strlen(canon), idx[64];
	char opts[64][28];
	long combos = 1;

	a->n = 0;
	for (size_t i = 0; i < len; i++) {
		position_letters(name, canon, i, opts[i]);
		combos *= (long)strlen(opts[i]);
		if (combos > ALT_INITIALS_MAX) {
			a->n = -1;
			snprintf(a->s[0], sizeof a->s[0], "%s",
			    DB_INITIALS_MANY);
			a->p[0] = a->s[0];
			return;
		}
	}
	/* An odometer over the positions; all zeros is the canonical one. */
	memset(idx, 0, sizeof idx);
	for (;;) {
		size_t i;

		for (i = 0; i < len; i++)
			if (opts[i][++idx[i]] != '\0')
				break;
			else
				idx[i] = 0;
		if (i == len)
			break;
		for (i = 0; i < len; i++)
			a->s[a->n][i] = opts[i][idx[i]];
		a->s[a->n][len] = '\0';
		a->p[a->n] = a->s[a->n];
		a->n++;
	}
}

/*
 * Rewrite the person's other initials after the name was written; `fresh`:
 * the person was registered just now, so there are none to replace.
 */
static enum ops_status
save_alt_initials(struct ops_session *s, const struct db_resident *r,
    int fresh, struct ops_error *err)
{
	struct alt_initials a;
	int n;

	alt_initials(r->name, r->initials, &a);
	n = a.n < 0 ? 1 : a.n;
	if ((fresh ? db_initials_alt_add(s->db, r->id_number, a.p, n) :
	    db_initials_alt_set(s->db, r->id_number, a.p, n)) != 0)
		return ops_fail(err, OPS_FAILED, _("the resident could not be "
		    "saved: %s"), db_errmsg(s->db));
	return OPS_OK;
}

static enum ops_status
check_residence(const char *v, struct ops_error *err)
{
	if (v == NULL)
		return ops_fail(err, OPS_INVALID, _("give the residence "
		    "(--residence rural or urban)"));
	if (!resident_residence_valid(v))
		return ops_fail(err, OPS_INVALID, _("unknown residence \"%s\": "
		    "use rural or urban"), v);
	return OPS_OK;
}

static enum ops_status
check_insured(const char *v, struct ops_error *err)
{
	if (v == NULL)
		return ops_fail(err, OPS_INVALID, _("give the insured category "
		    "(--insured)"));
	if (!resident_insured_valid(v))
		return ops_fail(err, OPS_INVALID, _("unknown insured category "
		    "\"%s\": use rural_resident, urban_non_employed, "
		    "student_child, college_student, residence_permit or "
		    "flexible_worker"), v);
	return OPS_OK;
}

static enum ops_status
check_village(const char *v, struct ops_error *err)
{
	if (v == NULL || *v == '\0')
		return ops_fail(err, OPS_INVALID, _("give the village or "
		    "community (--village)"));
	if (!text_ok(v, VILLAGE_MAX_BYTES))
		return ops_fail(err, OPS_INVALID, _("the village \"%s\" cannot "
		    "be used: at most 40 characters, without control "
		    "characters"), v);
	return OPS_OK;
}

static enum ops_status
check_phone(const char *v, struct ops_error *err)
{
	if (v != NULL && !phone_ok(v))
		return ops_fail(err, OPS_INVALID, _("the phone number \"%s\" "
		    "cannot be used: at most 20 digits, spaces, '+' or '-'"), v);
	return OPS_OK;
}

/* --sex and --birth, when given, must say what the ID number says. */
static enum ops_status
check_id_agrees(const struct resident_input *in, const struct idcard *id,
    struct ops_error *err)
{
	char birth[DATE_BUFSZ], sex[2] = { id->sex, '\0' };
	struct date d;

	if (in->sex != NULL && !((in->sex[0] == id->sex ||
	    in->sex[0] == id->sex + ('a' - 'A')) && in->sex[1] == '\0'))
		return ops_fail(err, OPS_INVALID, _("the ID number %s is of a "
		    "%s person, not %s: check the number or the sex"),
		    id->number, resident_sex_label(sex), in->sex);
	date_format(id->birth, birth);
	if (in->birth != NULL && (date_parse(in->birth, &d) != DATE_OK ||
	    date_cmp(d, id->birth) != 0))
		return ops_fail(err, OPS_INVALID, _("the ID number %s says born "
		    "on %s, not %s: check the number or the birth date"),
		    id->number, birth, in->birth);
	return OPS_OK;
}

static enum ops_status
validate_add(const struct ops_session *s, const struct resident_input *in,
    struct idcard *id, struct db_resident *r, struct ops_error *err)
{
	enum idcard_err e;
	enum ops_status st;

	if (in->id_number == NULL || *in->id_number == '\0')
		return ops_fail(err, OPS_INVALID, _("give the resident's ID "
		    "number"));
	if ((e = idcard_parse(in->id_number, s->today, id)) != IDCARD_OK)
		return ops_fail(err, OPS_INVALID, _("the ID number %s is not "
		    "valid: %s"), in->id_number, idcard_strerror(e));
	if ((st = check_id_agrees(in, id, err)) != OPS_OK ||
	    (st = check_name(in->name, r->initials, sizeof r->initials,
	    err)) != OPS_OK ||
	    (st = check_residence(in->residence, err)) != OPS_OK ||
	    (st = check_insured(in->insured, err)) != OPS_OK ||
	    (st = check_village(in->village, err)) != OPS_OK ||
	    (st = check_phone(in->phone, err)) != OPS_OK)
		return st;
	snprintf(r->id_number, sizeof r->id_number, "%s", id->number);
	snprintf(r->name, sizeof r->name, "%s", in->name);
	r->sex[0] = id->sex;
	date_format(id->birth, r->birth);
	snprintf(r->residence, sizeof r->residence, "%s", in->residence);
	snprintf(r->insured_category, sizeof r->insured_category, "%s",
	    in->insured);
	snprintf(r->village, sizeof r->village, "%s", in->village);
	snprintf(r->phone, sizeof r->phone, "%s", in->phone ? in->phone : "");
	snprintf(r->status, sizeof r->status, "active");
	snprintf(r->site, sizeof r->site, "%s", s->site);
	snprintf(r->created_at, sizeof r->created_at, "%s", s->now);
	snprintf(r->updated_at, sizeof r->updated_at, "%s", s->now);
	return OPS_OK;
}

static const char *
resident_json(const struct db_resident *r, struct audit_json *j)
{
	audit_json_init(j);
	audit_json_str(j, "name", r->name);
	audit_json_str(j, "sex", r->sex);
	audit_json_str(j, "birth", r->birth);
	audit_json_str(j, "residence", r->residence);
	audit_json_str(j, "insured_category", r->insured_category);
	audit_json_str(j, "village", r->village);
	audit_json_str(j, "phone", r->phone);
	return audit_json_end(j);
}

enum ops_status
ops_resident_add_in_tx(struct ops_session *s, const struct resident_input *in,
    char id_out[19], struct ops_error *err)
{
	struct db_resident r, old;
	struct idcard id;
	struct audit_json j;
	enum ops_status st;
	int rc;

	memset(&r, 0, sizeof r);
	if ((st = validate_add(s, in, &id, &r, err)) != OPS_OK)
		return st;
	/*
	 * The insert is the duplicate check (the ID number is the key): the
	 * person already there is read only to name them, so a new person
	 * costs one look-up less (a roster import registers a million).
	 */
	if ((rc = db_resident_insert(s->db, &r)) == 1 &&
	    db_resident_get(s->db, r.id_number, &old) == 0)
		return ops_fail(err, OPS_CONFLICT, _("%s is already registered, "
		    "as %s of %s: find the person to see or change the record"),
		    r.id_number, old.name, old.village);
	if (rc != 0)
		return ops_fail(err, OPS_FAILED, _("the resident could not be "
		    "saved: %s"), db_errmsg(s->db));
	if ((st = save_alt_initials(s, &r, 1, err)) != OPS_OK ||
	    (st = ops_audit(s, "resident.add", r.id_number, NULL,
	    resident_json(&r, &j), 0, err)) != OPS_OK)
		return st;
	if (id_out != NULL)
		memcpy(id_out, r.id_number, 19);
	return OPS_OK;
}

enum ops_status
ops_resident_add(struct ops_session *s, const struct resident_input *in,
    char id_out[19], struct ops_error *err)
{
	struct db_resident r;
	struct idcard id;
	enum ops_status st;

	memset(&r, 0, sizeof r);
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = validate_add(s, in, &id, &r, err)) != OPS_OK)
		return st;
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = ops_resident_add_in_tx(s, in, id_out, err)) != OPS_OK ||
	    (st = ops_commit(s, err)) != OPS_OK) {
		ops_rollback(s);
		return st;
	}
	return OPS_OK;
}

/* Read a resident inside or outside a transaction. */
static enum ops_status
load(struct ops_session *s, const char *typed, struct db_resident *r,
    struct ops_error *err)
{
	char id[19];
	enum ops_status st;
	int rc;

	if ((st = ops_id_normalize(s, typed, id, err)) != OPS_OK)
		return st;
	if ((rc = db_resident_get(s->db, id, r)) < 0)
		return ops_fail(err, OPS_FAILED, _("the resident could not be "
		    "read: %s"), db_errmsg(s->db));
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("no resident has the ID "
		    "number %s: register the person first"), id);
	return OPS_OK;
}

enum ops_status
ops_resident_get(struct ops_session *s, const char *id,
    struct db_resident *out, struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	return load(s, id, out, err);
}

/* Apply one field of an edit; note it in the audit summaries if it changes. */
static void
change(char *field, size_t fieldsz, const char *v, const char *key,
    struct audit_json *o, struct audit_json *n)
{
	if (v == NULL || strcmp(field, v) == 0)
		return;
	audit_json_str(o, key, field);
	audit_json_str(n, key, v);
	snprintf(field, fieldsz, "%s", v);
}

static enum ops_status
validate_change(const struct resident_change *c, char *initials, size_t n,
    struct ops_error *err)
{
	enum ops_status st = OPS_OK;

	if (c->name == NULL && c->residence == NULL && c->insured == NULL &&
	    c->village == NULL && c->phone == NULL)
		return ops_fail(err, OPS_INVALID, _("nothing to change: give "
		    "--name, --residence, --insured, --village or --phone"));
	if ((c->name && (st = check_name(c->name, initials, n, err))) ||
	    (c->residence && (st = check_residence(c->residence, err))) ||
	    (c->insured && (st = check_insured(c->insured, err))) ||
	    (c->village && (st = check_village(c->village, err))) ||
	    (st = check_phone(c->phone, err)))
		return st;
	return OPS_OK;
}

/* Write the row (and, when the name changed, its other initials). */
static enum ops_status
save_in_tx(struct ops_session *s, struct db_resident *r, int renamed,
    const char *action, const char *old_json, const char *new_json,
    struct ops_error *err)
{
	enum ops_status st;

	snprintf(r->updated_at, sizeof r->updated_at, "%s", s->now);
	if (db_resident_update(s->db, r) != 0)
		return ops_fail(err, OPS_FAILED, _("the resident could not be "
		    "saved: %s"), db_errmsg(s->db));
	if (renamed && (st = save_alt_initials(s, r, 0, err)) != OPS_OK)
		return st;
	return ops_audit(s, action, r->id_number, old_json, new_json, 0, err);
}

/* save_in_tx, then commit (or roll back). */
static enum ops_status
save(struct ops_session *s, struct db_resident *r, int renamed,
    const char *action, const char *old_json, const char *new_json,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = save_in_tx(s, r, renamed, action, old_json, new_json,
	    err)) == OPS_OK && (st = ops_commit(s, err)) == OPS_OK)
		return OPS_OK;
	ops_rollback(s);
	return st;
}

enum ops_status
ops_resident_edit_in_tx(struct ops_session *s, const char *id,
    const struct resident_change *c, int *changed, struct ops_error *err)
{
	struct db_resident r;
	struct audit_json o, n;
	char initials[sizeof r.initials];
	enum ops_status st;
	int renamed;

	*changed = 0;
	if ((st = validate_change(c, initials, sizeof initials, err)) !=
	    OPS_OK || (st = load(s, id, &r, err)) != OPS_OK)
		return st;
	audit_json_init(&o);
	audit_json_init(&n);
	renamed = c->name != NULL && strcmp(r.name, c->name) != 0;
	change(r.name, sizeof r.name, c->name, "name", &o, &n);
	if (c->name != NULL)
		snprintf(r.initials, sizeof r.initials, "%s", initials);
	change(r.residence, sizeof r.residence, c->residence, "residence", &o,
	    &n);
	change(r.insured_category, sizeof r.insured_category, c->insured,
	    "insured_category", &o, &n);
	change(r.village, sizeof r.village, c->village, "village", &o, &n);
	change(r.phone, sizeof r.phone, c->phone, "phone", &o, &n);
	if (n.members == 0)		/* the same values again: no write */
		return OPS_OK;
	*changed = 1;
	return save_in_tx(s, &r, renamed, "resident.edit", audit_json_end(&o),
	    audit_json_end(&n), err);
}

enum ops_status
ops_resident_edit(struct ops_session *s, const char *id,
    const struct resident_change *c, struct ops_error *err)
{
	char initials[64];
	enum ops_status st;
	int changed;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = validate_change(c, initials, sizeof initials, err)) !=
	    OPS_OK || (st = ops_begin(s, err)) != OPS_OK)
		return st;
	st = ops_resident_edit_in_tx(s, id, c, &changed, err);
	if (st != OPS_OK || !changed) {
		ops_rollback(s);
		return st;
	}
	if ((st = ops_commit(s, err)) != OPS_OK)
		ops_rollback(s);
	return st;
}

static enum ops_status
check_end(const struct ops_session *s, const struct db_resident *r,
    const char *date, const char *reason, struct ops_error *err)
{
	struct date d, birth;

	if (reason == NULL || code_label_find(end_reasons, reason) == NULL)
		return ops_fail(err, OPS_INVALID, _("give the reason (--reason "
		    "employment, military, death or moved)"));
	if (date == NULL || date_parse(date, &d) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("give the date the coverage "
		    "ends as YYYY-MM-DD (--date)"));
	if (date_cmp(d, s->today) > 0)
		return ops_fail(err, OPS_INVALID, _("the date %s is after today: "
		    "record the end on the day it happens"), date);
	if (date_parse(r->birth, &birth) == DATE_OK && date_cmp(d, birth) < 0)
		return ops_fail(err, OPS_INVALID, _("the date %s is before the "
		    "resident's birth (%s)"), date, r->birth);
	if (strcmp(r->status, "active") != 0)
		return ops_fail(err, OPS_CONFLICT, _("%s's coverage already "
		    "ended on %s (%s); a supervisor can reopen it"), r->name,
		    r->ended_on, resident_end_reason_label(r->end_reason));
	return OPS_OK;
}

enum ops_status
ops_resident_end(struct ops_session *s, const char *id, const char *date,
    const char *reason, struct ops_error *err)
{
	struct db_resident r;
	struct audit_json o, n;
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = load(s, id, &r, err)) != OPS_OK ||
	    (st = check_end(s, &r, date, reason, err)) != OPS_OK) {
		ops_rollback(s);
		return st;
	}
	audit_json_init(&o);
	audit_json_str(&o, "status", r.status);
	snprintf(r.status, sizeof r.status, "ended");
	snprintf(r.ended_on, sizeof r.ended_on, "%s", date);
	snprintf(r.end_reason, sizeof r.end_reason, "%s", reason);
	audit_json_init(&n);
	audit_json_str(&n, "status", r.status);
	audit_json_str(&n, "ended_on", r.ended_on);
	audit_json_str(&n, "end_reason", r.end_reason);
	return save(s, &r, 0, "resident.end", audit_json_end(&o),
	    audit_json_end(&n), err);
}

enum ops_status
ops_resident_reopen(struct ops_session *s, const char *id, const char *reason,
    struct ops_error *err)
{
	struct db_resident r;
	struct audit_json o, n;
	enum ops_status st;

	if ((st = ops_require(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (reason == NULL || !text_ok(reason, 250))
		return ops_fail(err, OPS_INVALID, _("say why the coverage is "
		    "reopened (--reason TEXT)"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = load(s, id, &r, err)) != OPS_OK)
		goto fail;
	if (strcmp(r.status, "ended") != 0) {
		st = ops_fail(err, OPS_CONFLICT, _("%s's coverage has not "
		    "ended: there is nothing to reopen"), r.name);
		goto fail;
	}
	audit_json_init(&o);
	audit_json_str(&o, "status", r.status);
	audit_json_str(&o, "ended_on", r.ended_on);
	audit_json_str(&o, "end_reason", r.end_reason);
	audit_json_init(&n);
	audit_json_str(&n, "status", "active");
	audit_json_str(&n, "reason", reason);
	snprintf(r.status, sizeof r.status, "active");
	r.ended_on[0] = r.end_reason[0] = '\0';
	return save(s, &r, 0, "resident.reopen", audit_json_end(&o),
	    audit_json_end(&n), err);
fail:
	ops_rollback(s);
	return st;
}

/* view */
static int
add_member(void *ctx, const struct db_member *m)
{
	struct resident_view *v = ctx;

	if (v->nmembers >= RESIDENT_VIEW_MAX) {
		v->truncated = 1;
		return 1;
	}
	v->members[v->nmembers++] = *m;
	return 0;
}

static int
add_category(void *ctx, const struct db_period *p)
{
	struct resident_view *v = ctx;

	if (v->ncategories >= RESIDENT_VIEW_MAX) {
		v->truncated = 1;
		return 1;
	}
	v->categories[v->ncategories++] = *p;
	return 0;
}

static int
add_qualification(void *ctx, const struct db_period *p)
{
	struct resident_view *v = ctx;

	if (v->nqualifications >= RESIDENT_VIEW_MAX) {
		v->truncated = 1;
		return 1;
	}
	v->qualifications[v->nqualifications++] = *p;
	return 0;
}

enum ops_status
ops_resident_view(struct ops_session *s, const char *id,
    struct resident_view *v, struct ops_error *err)
{
	enum ops_status st;
	int rc;

	memset(v, 0, sizeof *v);
	if ((st = ops_resident_get(s, id, &v->r, err)) != OPS_OK)
		return st;
	if ((rc = db_member_current(s->db, v->r.id_number, &v->member)) < 0)
		goto fail;
	v->in_household = rc == 0;
	if ((v->in_household && db_members_list(s->db, v->member.household,
	    0, add_member, v) != 0) ||
	    db_periods_list(s->db, DB_CATEGORY, v->r.id_number, NULL,
	    add_category, v) != 0 ||
	    db_periods_list(s->db, DB_QUALIFICATION, v->r.id_number, NULL,
	    add_qualification, v) != 0)
		goto fail;
	return OPS_OK;
fail:
	return ops_fail(err, OPS_FAILED, _("the resident could not be read: "
	    "%s"), db_errmsg(s->db));
}

/* find */
struct finder {
	struct ops_session *s;
	struct resident_found *out;
	const char *initials;	/* the query, for the polyphonic scan */
	int failed;
};

static int
have(const struct resident_found *f, const char *id)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->hit[i].id_number, id) == 0)
			return 1;
	return 0;
}

/* Keep one row; stop once one more than fits was seen. */
static int
keep(void *ctx, const struct db_resident *r)
{
	struct finder *fd = ctx;
	struct resident_found *f = fd->out;
	struct resident_hit *h;

	if (have(f, r->id_number))
		return 0;
	if (f->n >= RESIDENT_FIND_MAX) {
		f->more = 1;
		return 1;
	}
	h = &f->hit[f->n++];
	memset(h, 0, sizeof *h);
	snprintf(h->id_number, sizeof h->id_number, "%s", r->id_number);
	if (fd->s->role >= ROLE_SUPERVISOR)
		snprintf(h->shown, sizeof h->shown, "%s", r->id_number);
	else
		idcard_mask(r->id_number, h->shown);
	snprintf(h->name, sizeof h->name, "%s", r->name);
	snprintf(h->sex, sizeof h->sex, "%s", r->sex);
	snprintf(h->birth, sizeof h->birth, "%s", r->birth);
	snprintf(h->village, sizeof h->village, "%s", r->village);
	snprintf(h->status, sizeof h->status, "%s", r->status);
	return 0;
}

/* The polyphonic pass: any reading of each character (曾: z or c). */
static int
keep_polyphonic(void *ctx, const struct db_resident *r)
{
	struct finder *fd = ctx;
	struct db_resident full;

	if (!pinyin_match_prefix(r->name, fd->initials) ||
	    have(fd->out, r->id_number))
		return 0;
	if (db_resident_get(fd->s->db, r->id_number, &full) != 0) {
		fd->failed = 1;
		return 1;
	}
	return keep(ctx, &full);
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct resident_hit *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : strcmp(x->id_number, y->id_number);
}

enum query_kind { Q_ID, Q_LETTERS, Q_NAME };

static enum query_kind
classify(const char *q)
{
	size_t n = strlen(q), digits = strspn(q, "0123456789");

	if (digits > 0 && (digits == n || (digits == n - 1 &&
	    (q[n - 1] == 'X' || q[n - 1] == 'x'))))
		return Q_ID;
	if (strspn(q, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ "
	    ) == n && strpbrk(q, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
	    "QRSTUVWXYZ") != NULL)
		return Q_LETTERS;
	return Q_NAME;
}

static enum ops_status
find_id(struct ops_session *s, struct finder *fd, const char *q,
    struct ops_error *err)
{
	size_t n = strlen(q);
	struct db_resident r;
	char id[19], suffix[19];
	int rc;

	if (n == 18 || n == 15) {
		enum ops_status st = ops_id_normalize(s, q, id, err);

		/* 15 characters may also be the end of an 18-digit number. */
		if (n == 18 && st != OPS_OK)
			return st;
		if (st == OPS_OK) {
			fd->out->kind = FIND_ID;
			if ((rc = db_resident_get(s->db, id, &r)) < 0)
				return OPS_FAILED;
			if (rc == 0)
				keep(fd, &r);
			return OPS_OK;
		}
	}
	if (n > 17)
		return ops_fail(err, OPS_INVALID, _("an ID number has 18 "
		    "characters; \"%s\" has more"), q);
	fd->out->kind = FIND_SUFFIX;
	for (size_t i = 0; i <= n; i++)
		suffix[i] = q[i] == 'x' ? 'X' : q[i];
	return db_resident_find_suffix(s->db, suffix, RESIDENT_FIND_MAX + 1,
	    keep, fd) == 0 ? OPS_OK : OPS_FAILED;
}

/*
 * Initials: one statement of two index ranges, the canonical readings
 * (resident.initials) and the others (resident_initials_alt, kept with
 * the name); then, if the list is not full, the few names with too many
 * readings to list (marked DB_INITIALS_MANY) are matched one by one.
 */
static enum ops_status
find_initials(struct ops_session *s, struct finder *fd, const char *q)
{
	char letters[64];
	size_t n = 0;

	for (; *q && n + 1 < sizeof letters; q++)
		if (*q != ' ')
			letters[n++] = (char)(*q >= 'A' && *q <= 'Z' ?
			    *q + ('a' - 'A') : *q);
	letters[n] = '\0';
	fd->out->kind = FIND_INITIALS;
	fd->initials = letters;
	if (db_resident_find_initials(s->db, letters, RESIDENT_FIND_MAX + 1,
	    keep, fd) != 0)
		return OPS_FAILED;
	if (fd->out->more)
		return OPS_OK;
	if (db_resident_scan_many(s->db, keep_polyphonic, fd) != 0 ||
	    fd->failed)
		return OPS_FAILED;
	return OPS_OK;
}

enum ops_status
ops_resident_find(struct ops_session *s, const char *query,
    struct resident_found *out, struct ops_error *err)
{
	struct finder fd = { s, out, NULL, 0 };
	char q[256];
	enum ops_status st;
	size_t a, b;

	memset(out, 0, sizeof *out);
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	a = query ? strspn(query, " \t") : 0;
	b = query ? strlen(query) : 0;
	while (b > a && (query[b - 1] == ' ' || query[b - 1] == '\t'))
		b--;
	if (b == a)
		return ops_fail(err, OPS_INVALID, _("type an ID number (or its "
		    "last digits), a name, or pinyin initials"));
	if (b - a < sizeof q) {
		memcpy(q, query + a, b - a);
		q[b - a] = '\0';
	}
	if (b - a >= sizeof q || !text_ok(q, NAME_MAX_BYTES))
		return ops_fail(err, OPS_INVALID, _("the search text cannot be "
		    "used: at most 40 characters, without control characters"));
	switch (classify(q)) {
	case Q_ID:
		st = find_id(s, &fd, q, err);
		break;
	case Q_LETTERS:
		st = find_initials(s, &fd, q);
		break;
	default:
		out->kind = FIND_NAME;
		st = db_resident_find_name(s->db, q, RESIDENT_FIND_MAX + 1,
		    keep, &fd) == 0 ? OPS_OK : OPS_FAILED;
		break;
	}
	if (st == OPS_FAILED)
		return ops_fail(err, OPS_FAILED, _("the search failed: %s"),
		    db_errmsg(s->db));
	if (st != OPS_OK)
		return st;
	qsort(out->hit, (size_t)out->n, sizeof out->hit[0], hit_cmp);
	return OPS_OK;
}
