/* household.c: households and their members, with history. */
#include "config.h"

#include "ops/household.h"

#include <stdio.h>
#include <string.h>

#include "db/resident.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/office.h"
#include "ops/resident.h"

static const struct {
	const char *code, *label;
} relations[] = {
	{ "head", N_("head of household") },
	{ "spouse", N_("spouse") },
	{ "child", N_("child") },
	{ "parent", N_("parent") },
	{ "grandchild", N_("grandchild") },
	{ "grandparent", N_("grandparent") },
	{ "sibling", N_("sibling") },
	{ "other", N_("other") },
};
#define NRELATIONS (sizeof relations / sizeof relations[0])

int
household_relation_valid(const char *code)
{
	for (size_t i = 0; code != NULL && i < NRELATIONS; i++)
		if (strcmp(relations[i].code, code) == 0)
			return 1;
	return 0;
}

const char *
household_relation_label(const char *code)
{
	for (size_t i = 0; code != NULL && i < NRELATIONS; i++)
		if (strcmp(relations[i].code, code) == 0)
			return _(relations[i].label);
	return code ? code : "";
}

/* A relation for a member who is not the head. */
static enum ops_status
check_relation(const char *rel, struct ops_error *err)
{
	if (rel == NULL || !household_relation_valid(rel))
		return ops_fail(err, OPS_INVALID, _("give the relation to the "
		    "head (--relation spouse, child, parent, grandchild, "
		    "grandparent, sibling or other)"));
	if (strcmp(rel, "head") == 0)
		return ops_fail(err, OPS_INVALID, _("a household has one head, "
		    "named when it is created; to change it, make another "
		    "member head"));
	return OPS_OK;
}

/* 户号: 1 to 32 letters, digits and '-'. */
static int
number_ok(const char *n)
{
	size_t len = n ? strlen(n) : 0;

	if (len == 0 || len > 32)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((n[i] >= '0' && n[i] <= '9') || (n[i] >= 'A' &&
		    n[i] <= 'Z') || (n[i] >= 'a' && n[i] <= 'z') ||
		    n[i] == '-'))
			return 0;
	return 1;
}

static enum ops_status
db_failed(struct ops_session *s, struct ops_error *err)
{
	return ops_fail(err, OPS_FAILED, _("the household could not be saved: "
	    "%s"), db_errmsg(s->db));
}

/* An active resident, inside the transaction. */
static enum ops_status
load_active(struct ops_session *s, const char *typed, struct db_resident *r,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_resident_get(s, typed, r, err)) != OPS_OK)
		return st;
	if (strcmp(r->status, "active") != 0)
		return ops_fail(err, OPS_CONFLICT, _("%s's coverage ended on %s: "
		    "an ended resident cannot join a household"), r->name,
		    r->ended_on);
	return OPS_OK;
}

/* Refuse someone who already is in a household, naming it. */
static enum ops_status
check_free(struct ops_session *s, const struct db_resident *r,
    struct ops_error *err)
{
	struct db_member m;
	char name[HOUSEHOLD_NAME_MAX];
	int rc = db_member_current(s->db, r->id_number, &m);

	if (rc < 0)
		return db_failed(s, err);
	if (rc == 0)
		return ops_fail(err, OPS_CONFLICT, _("%s is already in household "
		    "%s (since %s): move the person to change it"),
		    r->name, household_name(s, m.household_site,
		    m.household_number, name, sizeof name), m.joined_on);
	return OPS_OK;
}

const char *
household_name(const struct ops_session *s, const char *site,
    const char *number, char *buf, size_t bufsz)
{
	if (strcmp(site, s->site) == 0)
		snprintf(buf, bufsz, "%s", number);
	else
		snprintf(buf, bufsz, "%s/%s", site, number);
	return buf;
}

/*
 * Split what the clerk typed into office and number: "0001" is this
 * office's, "A/0001" office A's.  0 ok, -1 not a household's name.
 */
static int
parse_name(const struct ops_session *s, const char *typed, char *site,
    size_t sitesz, char *number, size_t numbersz)
{
	const char *slash = typed ? strchr(typed, '/') : NULL;

	if (typed == NULL)
		return -1;
	if (slash == NULL) {
		snprintf(site, sitesz, "%s", s->site);
		snprintf(number, numbersz, "%s", typed);
	} else {
		if ((size_t)(slash - typed) >= sitesz)
			return -1;
		memcpy(site, typed, (size_t)(slash - typed));
		site[slash - typed] = '\0';
		if (!office_code_valid(site))
			return -1;
		snprintf(number, numbersz, "%s", slash + 1);
	}
	return number_ok(number) ? 0 : -1;
}

/* Not this office's household: say which offices have one so numbered. */
static enum ops_status
not_found(struct ops_session *s, const char *site, const char *number,
    struct ops_error *err)
{
	char others[128], first[20];
	int rc;

	if (strcmp(site, s->site) != 0)
		return ops_fail(err, OPS_NOT_FOUND, _("office %s has no "
		    "household %s"), site, number);
	if ((rc = db_household_sites(s->db, number, s->site, others,
	    sizeof others)) < 0)
		return db_failed(s, err);
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("there is no household "
		    "%s: create the household first"), number);
	snprintf(first, sizeof first, "%.*s", (int)strcspn(others, ","),
	    others);
	return ops_fail(err, OPS_NOT_FOUND, _("this office (%s) has no "
	    "household %s; other offices have one (%s): name it with the "
	    "office's code, e.g. %s/%s"), s->site, number, others, first,
	    number);
}

static enum ops_status
load_household(struct ops_session *s, const char *typed,
    struct db_household *h, struct ops_error *err)
{
	char site[sizeof h->site], number[sizeof h->number];
	int rc;

	if (parse_name(s, typed, site, sizeof site, number, sizeof number) !=
	    0)
		return ops_fail(err, OPS_INVALID, _("the household number "
		    "\"%s\" cannot be used: 1 to 32 letters, digits or '-', "
		    "or another office's as OFFICE/NUMBER"), typed ? typed :
		    "");
	if ((rc = db_household_get(s->db, site, number, h)) < 0)
		return db_failed(s, err);
	if (rc == 1)
		return not_found(s, site, number, err);
	return OPS_OK;
}

/* Insert a membership row starting today and audit it. */
static enum ops_status
join(struct ops_session *s, const struct db_household *h,
    const struct db_resident *r, const char *relation, const char *action,
    const char *old_json, struct ops_error *err)
{
	struct db_member m;
	struct audit_json n;
	char name[HOUSEHOLD_NAME_MAX];
	enum ops_status st;

	memset(&m, 0, sizeof m);
	if ((st = ops_new_key(s, 'M', m.key, sizeof m.key, err)) != OPS_OK)
		return st;
	snprintf(m.household, sizeof m.household, "%s", h->key);
	snprintf(m.id_number, sizeof m.id_number, "%s", r->id_number);
	snprintf(m.relation, sizeof m.relation, "%s", relation);
	date_format(s->today, m.joined_on);
	snprintf(m.site, sizeof m.site, "%s", s->site);
	snprintf(m.created_at, sizeof m.created_at, "%s", s->now);
	if (db_member_insert(s->db, &m) != 0)
		return db_failed(s, err);
	audit_json_init(&n);
	/* Named as the writing office names it: another's is OFFICE/NUMBER. */
	audit_json_str(&n, "household", household_name(s, h->site, h->number,
	    name, sizeof name));
	audit_json_str(&n, "id_number", r->id_number);
	audit_json_str(&n, "relation", relation);
	audit_json_str(&n, "joined_on", m.joined_on);
	return ops_audit(s, action, m.key, old_json, audit_json_end(&n), 0,
	    err);
}

static enum ops_status
leave(struct ops_session *s, const struct db_member *m, char *old_json,
    size_t n, struct ops_error *err)
{
	struct audit_json o;
	char today[DATE_BUFSZ], name[HOUSEHOLD_NAME_MAX];

	date_format(s->today, today);
	if (db_member_end(s->db, m->key, today) != 0)
		return db_failed(s, err);
	audit_json_init(&o);
	audit_json_str(&o, "household", household_name(s, m->household_site,
	    m->household_number, name, sizeof name));
	audit_json_str(&o, "relation", m->relation);
	audit_json_str(&o, "joined_on", m->joined_on);
	audit_json_str(&o, "left_on", today);
	snprintf(old_json, n, "%s", audit_json_end(&o));
	return OPS_OK;
}

static enum ops_status
create(struct ops_session *s, const char *number, const char *village,
    const char *head_id, struct ops_error *err)
{
	struct db_household h, old;
	struct db_resident r;
	struct audit_json j;
	enum ops_status st;
	int rc;

	if ((st = load_active(s, head_id, &r, err)) != OPS_OK ||
	    (st = check_free(s, &r, err)) != OPS_OK)
		return st;
	if ((rc = db_household_get(s->db, s->site, number, &old)) < 0)
		return db_failed(s, err);
	if (rc == 0)
		return ops_fail(err, OPS_CONFLICT, _("household %s already "
		    "exists, in %s"), number, old.village);
	memset(&h, 0, sizeof h);
	if ((st = ops_new_key(s, 'H', h.key, sizeof h.key, err)) != OPS_OK)
		return st;
	snprintf(h.number, sizeof h.number, "%s", number);
	snprintf(h.village, sizeof h.village, "%s", village);
	snprintf(h.site, sizeof h.site, "%s", s->site);
	snprintf(h.created_at, sizeof h.created_at, "%s", s->now);
	if (db_household_insert(s->db, &h) != 0)
		return db_failed(s, err);
	audit_json_init(&j);
	audit_json_str(&j, "number", h.number);
	audit_json_str(&j, "village", h.village);
	audit_json_str(&j, "head", r.id_number);
	if ((st = ops_audit(s, "household.create", h.key, NULL,
	    audit_json_end(&j), 0, err)) != OPS_OK)
		return st;
	return join(s, &h, &r, "head", "household.join", NULL, err);
}

static enum ops_status
finish(struct ops_session *s, enum ops_status st, struct ops_error *err)
{
	if (st == OPS_OK && (st = ops_commit(s, err)) == OPS_OK)
		return OPS_OK;
	ops_rollback(s);
	return st;
}

enum ops_status
ops_household_create(struct ops_session *s, const char *number,
    const char *village, const char *head_id, struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	if (!number_ok(number))
		return ops_fail(err, OPS_INVALID, _("the household number "
		    "\"%s\" cannot be used: 1 to 32 letters, digits or '-'"),
		    number ? number : "");
	if (village == NULL || *village == '\0' || strlen(village) > 120)
		return ops_fail(err, OPS_INVALID, _("give the village or "
		    "community (--village)"));
	if (head_id == NULL)
		return ops_fail(err, OPS_INVALID, _("give the head of the "
		    "household (--head ID)"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, create(s, number, village, head_id, err), err);
}

enum ops_status
ops_household_create_in_tx(struct ops_session *s, const char *number,
    const char *village, const char *head_id, struct ops_error *err)
{
	if (!number_ok(number))
		return ops_fail(err, OPS_INVALID, _("the household number "
		    "\"%s\" cannot be used: 1 to 32 letters, digits or '-'"),
		    number ? number : "");
	if (village == NULL || *village == '\0' || strlen(village) > 120)
		return ops_fail(err, OPS_INVALID, _("give the village or "
		    "community (--village)"));
	if (head_id == NULL)
		return ops_fail(err, OPS_INVALID, _("give the head of the "
		    "household (--head ID)"));
	return create(s, number, village, head_id, err);
}

static enum ops_status
add(struct ops_session *s, const char *number, const char *id,
    const char *relation, struct ops_error *err)
{
	struct db_household h;
	struct db_resident r;
	enum ops_status st;

	if ((st = load_household(s, number, &h, err)) != OPS_OK ||
	    (st = load_active(s, id, &r, err)) != OPS_OK ||
	    (st = check_free(s, &r, err)) != OPS_OK)
		return st;
	return join(s, &h, &r, relation, "household.join", NULL, err);
}

enum ops_status
ops_household_add(struct ops_session *s, const char *number, const char *id,
    const char *relation, struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = check_relation(relation, err)) != OPS_OK ||
	    (st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, add(s, number, id, relation, err), err);
}

enum ops_status
ops_household_add_in_tx(struct ops_session *s, const char *number,
    const char *id, const char *relation, struct ops_error *err)
{
	enum ops_status st;

	if ((st = check_relation(relation, err)) != OPS_OK)
		return st;
	return add(s, number, id, relation, err);
}

static enum ops_status
move(struct ops_session *s, const char *id, const char *to,
    const char *relation, struct ops_error *err)
{
	struct db_household h;
	struct db_resident r;
	struct db_member m;
	char old_json[1024], name[HOUSEHOLD_NAME_MAX];
	enum ops_status st;
	int rc, others;

	if ((st = load_household(s, to, &h, err)) != OPS_OK ||
	    (st = load_active(s, id, &r, err)) != OPS_OK)
		return st;
	if ((rc = db_member_current(s->db, r.id_number, &m)) < 0)
		return db_failed(s, err);
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("%s is in no household: "
		    "add the person to a household first"), r.name);
	if (strcmp(m.household, h.key) == 0)
		return ops_fail(err, OPS_CONFLICT, _("%s is already in "
		    "household %s"), r.name, household_name(s, h.site,
		    h.number, name, sizeof name));
	if (strcmp(m.relation, "head") == 0 &&
	    (others = db_members_count(s->db, m.household)) != 1) {
		household_name(s, m.household_site, m.household_number, name,
		    sizeof name);
		return others < 0 ? db_failed(s, err) : ops_fail(err,
		    OPS_CONFLICT, _("%s is the head of household %s, which has "
		    "other members: first make one of them the head"), r.name,
		    name);
	}
	if ((st = leave(s, &m, old_json, sizeof old_json, err)) != OPS_OK)
		return st;
	return join(s, &h, &r, relation, "household.move", old_json, err);
}

enum ops_status
ops_household_move(struct ops_session *s, const char *id,
    const char *to_number, const char *relation, struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = check_relation(relation, err)) != OPS_OK ||
	    (st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, move(s, id, to_number, relation, err), err);
}

enum ops_status
ops_household_move_in_tx(struct ops_session *s, const char *id,
    const char *to_number, const char *relation, struct ops_error *err)
{
	enum ops_status st;

	if ((st = check_relation(relation, err)) != OPS_OK)
		return st;
	return move(s, id, to_number, relation, err);
}

enum ops_status
ops_household_rejoin_in_tx(struct ops_session *s, const char *id,
    const char *household_key, const char *relation, struct ops_error *err)
{
	struct db_household h;
	struct db_member head;
	char name[HOUSEHOLD_NAME_MAX];
	int rc;

	if (relation == NULL || !household_relation_valid(relation))
		return check_relation(relation, err);
	if ((rc = db_household_by_key(s->db, household_key, &h)) < 0)
		return db_failed(s, err);
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("there is no household "
		    "%s"), household_key);
	household_name(s, h.site, h.number, name, sizeof name);
	if (strcmp(relation, "head") == 0) {
		if ((rc = db_member_head(s->db, h.key, &head)) < 0)
			return db_failed(s, err);
		if (rc == 0)
			return ops_fail(err, OPS_CONFLICT, _("household %s has "
			    "a head already, %s: move the person in as a "
			    "member first, then make them head"), name,
			    head.name);
	}
	return move(s, id, name, relation, err);
}

static enum ops_status
set_head(struct ops_session *s, const char *number, const char *id,
    const char *former, struct ops_error *err)
{
	struct db_household h;
	struct db_resident r, old_r;
	struct db_member m, head;
	char old_json[1024], name[HOUSEHOLD_NAME_MAX];
	enum ops_status st;
	int rc;

	if ((st = load_household(s, number, &h, err)) != OPS_OK ||
	    (st = load_active(s, id, &r, err)) != OPS_OK)
		return st;
	if ((rc = db_member_current(s->db, r.id_number, &m)) < 0)
		return db_failed(s, err);
	household_name(s, h.site, h.number, name, sizeof name);
	if (rc == 1 || strcmp(m.household, h.key) != 0)
		return ops_fail(err, OPS_CONFLICT, _("%s is not a member of "
		    "household %s: add the person first"), r.name, name);
	if (strcmp(m.relation, "head") == 0)
		return ops_fail(err, OPS_CONFLICT, _("%s already is the head of "
		    "household %s"), r.name, name);
	if ((rc = db_member_head(s->db, h.key, &head)) < 0)
		return db_failed(s, err);
	/* The former head first: one head at a time, even inside the change. */
	if (rc == 0) {
		if ((st = leave(s, &head, old_json, sizeof old_json, err)) !=
		    OPS_OK)
			return st;
		if (db_resident_get(s->db, head.id_number, &old_r) != 0)
			return db_failed(s, err);
	}
	if ((st = leave(s, &m, old_json, sizeof old_json, err)) != OPS_OK ||
	    (st = join(s, &h, &r, "head", "household.head", old_json, err)) !=
	    OPS_OK)
		return st;
	if (rc == 0 && strcmp(old_r.status, "active") == 0)
		return join(s, &h, &old_r, former, "household.head", NULL, err);
	return OPS_OK;
}

enum ops_status
ops_household_set_head(struct ops_session *s, const char *number,
    const char *id, const char *former_relation, struct ops_error *err)
{
	enum ops_status st;

	if (former_relation == NULL)
		former_relation = "other";
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = check_relation(former_relation, err)) != OPS_OK ||
	    (st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, set_head(s, number, id, former_relation, err), err);
}

static int
add_row(void *ctx, const struct db_member *m)
{
	struct household_view *v = ctx;

	if (v->n >= HOUSEHOLD_VIEW_MAX) {
		v->truncated = 1;
		return 1;
	}
	v->m[v->n++] = *m;
	return 0;
}

enum ops_status
ops_household_view(struct ops_session *s, const char *number, int history,
    struct household_view *out, struct ops_error *err)
{
	enum ops_status st;

	memset(out, 0, sizeof *out);
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = load_household(s, number, &out->h, err)) != OPS_OK)
		return st;
	if (db_members_list(s->db, out->h.key, history, add_row, out) != 0)
		return ops_fail(err, OPS_FAILED, _("the household could not be "
		    "read: %s"), db_errmsg(s->db));
	return OPS_OK;
}
