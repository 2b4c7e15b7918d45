/* category.c: hardship categories and chronic qualifications of a person. */
#include "config.h"

#include "ops/category.h"

#include <stdio.h>
#include <string.h>

#include "db/resident.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/resident.h"

/* Is `code` one the pack recognizes, for this table? */
static enum ops_status
check_code(const struct ops_session *s, enum db_period_table t,
    const char *code, struct ops_error *err)
{
	enum category c;

	if (s->policy == NULL)
		return ops_fail(err, OPS_INVALID, _("this office has no policy "
		    "pack: an administrator must choose one first"));
	if (code == NULL || *code == '\0')
		return ops_fail(err, OPS_INVALID, t == DB_CATEGORY ?
		    _("give the category code") : _("give the disease code"));
	if (t == DB_CATEGORY) {
		if (category_from_code(code, &c) == 0 &&
		    (s->policy->categories & CATSET(c)))
			return OPS_OK;
		return ops_fail(err, OPS_INVALID, _("the pack %s does not "
		    "recognize the category \"%s\": see its list of "
		    "categories"), s->policy->id, code);
	}
	for (int i = 0; i < s->policy->ndiseases; i++)
		if (strcmp(s->policy->disease[i].code, code) == 0)
			return OPS_OK;
	return ops_fail(err, OPS_INVALID, _("the pack %s has no chronic "
	    "disease \"%s\": see its list of chronic diseases"),
	    s->policy->id, code);
}

static enum ops_status
check_period(const struct period_input *in, struct ops_error *err)
{
	struct date from, to;

	if (in->from == NULL || date_parse(in->from, &from) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("give the first valid day "
		    "as YYYY-MM-DD (--from)"));
	if (in->to != NULL && date_parse(in->to, &to) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("the last valid day \"%s\" "
		    "is not a date: use YYYY-MM-DD (--to)"), in->to);
	if (in->to != NULL && date_cmp(to, from) < 0)
		return ops_fail(err, OPS_INVALID, _("the period ends (%s) "
		    "before it starts (%s)"), in->to, in->from);
	if (in->department == NULL || *in->department == '\0' ||
	    strlen(in->department) > 120)
		return ops_fail(err, OPS_INVALID, _("give the department that "
		    "certified it (--department NAME)"));
	return OPS_OK;
}

static const char *
action(enum db_period_table t, const char *verb)
{
	if (t == DB_CATEGORY)
		return strcmp(verb, "add") == 0 ? "category.add" :
		    "category.end";
	return strcmp(verb, "add") == 0 ? "qualification.add" :
	    "qualification.end";
}

static enum ops_status
add(struct ops_session *s, enum db_period_table t,
    const struct period_input *in, struct ops_error *err)
{
	struct db_resident r;
	struct db_period p;
	struct audit_json j;
	enum ops_status st;
	int n;

	if ((st = ops_resident_get(s, in->id, &r, err)) != OPS_OK)
		return st;
	if (strcmp(in->from, r.birth) < 0)
		return ops_fail(err, OPS_INVALID, _("the period starts (%s) "
		    "before %s was born (%s)"), in->from, r.name, r.birth);
	n = db_period_overlaps(s->db, t, r.id_number, in->code, in->from,
	    in->to ? in->to : "");
	if (n < 0)
		return ops_fail(err, OPS_FAILED, "%s", db_errmsg(s->db));
	if (n > 0)
		return ops_fail(err, OPS_CONFLICT, _("%s already holds %s for "
		    "part of this period: end that period first, or choose "
		    "dates that do not overlap"), r.name, in->code);
	memset(&p, 0, sizeof p);
	if ((st = ops_new_key(s, t == DB_CATEGORY ? 'C' : 'Q', p.key,
	    sizeof p.key, err)) != OPS_OK)
		return st;
	snprintf(p.id_number, sizeof p.id_number, "%s", r.id_number);
	snprintf(p.code, sizeof p.code, "%s", in->code);
	snprintf(p.valid_from, sizeof p.valid_from, "%s", in->from);
	snprintf(p.valid_to, sizeof p.valid_to, "%s", in->to ? in->to : "");
	snprintf(p.department, sizeof p.department, "%s", in->department);
	snprintf(p.site, sizeof p.site, "%s", s->site);
	snprintf(p.created_at, sizeof p.created_at, "%s", s->now);
	if (db_period_insert(s->db, t, &p) != 0)
		return ops_fail(err, OPS_FAILED, _("the period could not be "
		    "saved: %s"), db_errmsg(s->db));
	audit_json_init(&j);
	audit_json_str(&j, "id_number", p.id_number);
	audit_json_str(&j, t == DB_CATEGORY ? "category" : "disease", p.code);
	audit_json_str(&j, "valid_from", p.valid_from);
	audit_json_str(&j, "valid_to", in->to);
	audit_json_str(&j, "department", p.department);
	return ops_audit(s, action(t, "add"), p.key, NULL, audit_json_end(&j),
	    1, err);
}

static enum ops_status
finish(struct ops_session *s, enum ops_status st, struct ops_error *err)
{
	if (st == OPS_OK && (st = ops_commit(s, err)) == OPS_OK)
		return OPS_OK;
	ops_rollback(s);
	return st;
}

static enum ops_status
period_add(struct ops_session *s, enum db_period_table t,
    const struct period_input *in, struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = check_code(s, t, in->code, err)) != OPS_OK ||
	    (st = check_period(in, err)) != OPS_OK ||
	    (st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, add(s, t, in, err), err);
}

enum ops_status
ops_category_add(struct ops_session *s, const struct period_input *in,
    struct ops_error *err)
{
	return period_add(s, DB_CATEGORY, in, err);
}

enum ops_status
ops_category_add_in_tx(struct ops_session *s, const struct period_input *in,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = check_code(s, DB_CATEGORY, in->code, err)) != OPS_OK ||
	    (st = check_period(in, err)) != OPS_OK)
		return st;
	return add(s, DB_CATEGORY, in, err);
}

enum ops_status
ops_qualification_add(struct ops_session *s, const struct period_input *in,
    struct ops_error *err)
{
	return period_add(s, DB_QUALIFICATION, in, err);
}

static enum ops_status
end(struct ops_session *s, enum db_period_table t, const char *id,
    const char *code, const char *date, const char *reason,
    struct ops_error *err)
{
	struct db_resident r;
	struct db_period p;
	struct audit_json o, n;
	enum ops_status st;
	int rc;

	if ((st = ops_resident_get(s, id, &r, err)) != OPS_OK)
		return st;
	if ((rc = db_period_on(s->db, t, r.id_number, code, date, &p)) < 0)
		return ops_fail(err, OPS_FAILED, "%s", db_errmsg(s->db));
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("%s holds no %s valid on "
		    "%s: nothing to end"), r.name, code, date);
	if (db_period_end(s->db, t, p.key, date, reason) != 0)
		return ops_fail(err, OPS_FAILED, _("the period could not be "
		    "saved: %s"), db_errmsg(s->db));
	audit_json_init(&o);
	audit_json_str(&o, "valid_to", p.valid_to[0] ? p.valid_to : NULL);
	audit_json_init(&n);
	audit_json_str(&n, "valid_to", date);
	audit_json_str(&n, "end_reason", reason);
	return ops_audit(s, action(t, "end"), p.key, audit_json_end(&o),
	    audit_json_end(&n), 0, err);
}

static enum ops_status
period_end(struct ops_session *s, enum db_period_table t, const char *id,
    const char *code, const char *date, const char *reason,
    struct ops_error *err)
{
	struct date d;
	enum category c;
	enum ops_status st;

	if ((st = ops_require(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (code == NULL || *code == '\0' || (t == DB_CATEGORY &&
	    category_from_code(code, &c) != 0))
		return ops_fail(err, OPS_INVALID, _("unknown code \"%s\""),
		    code ? code : "");
	if (date == NULL || date_parse(date, &d) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("give the last valid day as "
		    "YYYY-MM-DD (--date)"));
	if (reason == NULL || *reason == '\0' || strlen(reason) > 250)
		return ops_fail(err, OPS_INVALID, _("say why it ends "
		    "(--reason TEXT)"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, end(s, t, id, code, date, reason, err), err);
}

enum ops_status
ops_category_end(struct ops_session *s, const char *id, const char *code,
    const char *date, const char *reason, struct ops_error *err)
{
	return period_end(s, DB_CATEGORY, id, code, date, reason, err);
}

enum ops_status
ops_qualification_end(struct ops_session *s, const char *id,
    const char *disease, const char *date, const char *reason,
    struct ops_error *err)
{
	return period_end(s, DB_QUALIFICATION, id, disease, date, reason, err);
}

/* What holds on a day. */
static int
collect_category(void *ctx, const struct db_period *p)
{
	struct person_on *o = ctx;
	enum category c;

	if (category_from_code(p->code, &c) == 0)
		o->categories |= CATSET(c);
	return 0;
}

static int
collect_chronic(void *ctx, const struct db_period *p)
{
	(void)p;
	((struct person_on *)ctx)->chronic = 1;
	return 1;
}

/* The resident's part of person_on: residence, coverage, birth. */
static void
person_on_resident(const struct db_resident *r, struct date on,
    struct person_on *out)
{
	struct date ended;

	out->residence = strcmp(r->residence, "rural") == 0 ? RES_RURAL :
	    RES_URBAN;
	out->active = strcmp(r->status, "active") == 0 ||
	    (date_parse(r->ended_on, &ended) == DATE_OK &&
	    date_cmp(on, ended) < 0);
	if (date_parse(r->birth, &out->birth) != DATE_OK)
		memset(&out->birth, 0, sizeof out->birth);
}

enum ops_status
ops_person_on(struct ops_session *s, const char *id_number, struct date on,
    struct person_on *out, struct ops_error *err)
{
	struct db_resident r;
	char day[DATE_BUFSZ];
	int rc;

	memset(out, 0, sizeof *out);
	date_format(on, day);
	if ((rc = db_resident_get(s->db, id_number, &r)) == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("no resident has the ID "
		    "number %s: register the person first"), id_number);
	if (rc < 0 || db_periods_list(s->db, DB_CATEGORY, r.id_number, day,
	    collect_category, out) != 0 || db_periods_list(s->db,
	    DB_QUALIFICATION, r.id_number, day, collect_chronic, out) != 0)
		return ops_fail(err, OPS_FAILED, _("the resident could not be "
		    "read: %s"), db_errmsg(s->db));
	person_on_resident(&r, on, out);
	return OPS_OK;
}

/* db_periods_list's test of a day, on a period read without one. */
static int
period_holds(const struct db_period *p, const char *day)
{
	return strcmp(p->valid_from, day) <= 0 &&
	    (p->valid_to[0] == '\0' || strcmp(p->valid_to, day) >= 0);
}

void
ops_person_on_rows(const struct db_resident *r, const struct db_period *cats,
    size_t ncats, const struct db_period *quals, size_t nquals,
    struct date on, struct person_on *out)
{
	char day[DATE_BUFSZ];

	memset(out, 0, sizeof *out);
	date_format(on, day);
	for (size_t i = 0; i < ncats; i++)
		if (period_holds(&cats[i], day))
			collect_category(out, &cats[i]);
	for (size_t i = 0; i < nquals && !out->chronic; i++)
		if (period_holds(&quals[i], day))
			collect_chronic(out, &quals[i]);
	person_on_resident(r, on, out);
}

enum ops_status
ops_person_categories_on(struct ops_session *s, const char *id_number,
    struct date on, catset_t *out, struct ops_error *err)
{
	struct person_on p;
	enum ops_status st = ops_person_on(s, id_number, on, &p, err);

	*out = st == OPS_OK ? p.categories : 0;
	return st;
}

enum ops_status
ops_person_qualified_on(struct ops_session *s, const char *id_number,
    const char *disease, struct date on, int *held, struct ops_error *err)
{
	struct person_on p;
	struct db_period q;
	char day[DATE_BUFSZ];
	enum ops_status st;
	int rc;

	*held = 0;
	if ((st = ops_person_on(s, id_number, on, &p, err)) != OPS_OK)
		return st;
	if (disease == NULL) {
		*held = p.chronic;
		return OPS_OK;
	}
	rc = db_period_on(s->db, DB_QUALIFICATION, id_number, disease,
	    date_format(on, day), &q);
	if (rc < 0)
		return ops_fail(err, OPS_FAILED, "%s", db_errmsg(s->db));
	*held = rc == 0;
	return OPS_OK;
}
