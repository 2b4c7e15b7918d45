/* offsite.c: filing, listing and revoking off-site registrations. */
#include "config.h"

#include "ops/offsite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/offsite.h"
#include "db/resident.h"
#include "db/tx.h"
#include "core/label.h"
#include "i18n.h"
#include "ops/resident.h"

#define NAME_BYTES 120		/* destination, hospital, diagnosis: ~40 Hanzi */
#define REASON_BYTES 250


/* seed 001 四(三)3 (1)(2), seed 002 三(一). */
static const struct code_label kinds[] = {
	{ "long_term", N_("long-term residence") },
	{ "migrant_work", N_("migrant work") },
	{ "referral", N_("referral") },
	{ "emergency", N_("emergency") },
	{ NULL, NULL }
};

/* In rank order: a wider scope covers the narrower ones. */
static const struct code_label scopes[] = {
	{ "county", N_("other county") },
	{ "city", N_("other city") },
	{ "province", N_("other province") },
	{ NULL, NULL }
};

static const struct code_label statuses[] = {
	{ "active", N_("active") },
	{ "expired", N_("expired") },
	{ "revoked", N_("revoked") },
	{ NULL, NULL }
};

const char *
offsite_kind_label(const char *kind)
{
	return code_label_text(kinds, kind);
}

const char *
offsite_scope_label(const char *scope)
{
	return code_label_text(scopes, scope);
}

const char *
offsite_status_label(const char *status)
{
	return code_label_text(statuses, status);
}

const char *
offsite_status(const struct db_offsite *r, struct date today)
{
	char day[DATE_BUFSZ];

	if (strcmp(r->status, "revoked") == 0)
		return "revoked";
	/* ISO dates compare as text. */
	return strcmp(r->valid_to, date_format(today, day)) < 0 ? "expired" :
	    "active";
}

/* Province-level codes of GB/T 2260 (the list core/idcard checks). */
static int
province_known(int code)
{
	return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
	    (code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
	    (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
	    code == 71 || code == 81 || code == 82;
}

static int
all_digits(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

int
offsite_dest_code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	return (n == 2 || n == 4 || n == 6) && all_digits(code) &&
	    province_known((code[0] - '0') * 10 + (code[1] - '0'));
}

/*
 * A code cut to what it names: 370400 (the whole city) is 3704, 370000
 * (the whole province) is 37.  Returns the length kept.
 */
static size_t
significant(const char *code)
{
	size_t n = strlen(code);

	while (n > 2 && code[n - 1] == '0' && code[n - 2] == '0')
		n -= 2;
	return n;
}

int
offsite_scope_needed(const char *site, const char *dest)
{
	size_t n;

	if (strlen(site) != 6 || !offsite_dest_code_valid(site) ||
	    significant(site) != 6 || !offsite_dest_code_valid(dest))
		return -1;
	n = significant(dest);
	if (strncmp(site, dest, 2) != 0)
		return SCOPE_PROVINCE;
	if (n == 2 || strncmp(site + 2, dest + 2, 2) != 0)
		return SCOPE_CITY;
	if (n == 4 || strncmp(site + 4, dest + 4, 2) != 0)
		return SCOPE_COUNTY;
	return SCOPE_LOCAL;
}

/* Strict UTF-8, no control characters, 1..max bytes. */
static int
text_ok(const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = s ? strlen(s) : 0;

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
given(const char *v)
{
	return v != NULL && *v != '\0';
}

/* Kind, scope and destination. */
static enum ops_status
check_where(const struct ops_session *s, const struct offsite_input *in,
    struct ops_error *err)
{
	int need;

	if (!given(in->kind))
		return ops_fail(err, OPS_INVALID, _("give the kind of "
		    "registration (--kind long_term, migrant_work, referral or "
		    "emergency)"));
	if (code_label_find(kinds, in->kind) == NULL)
		return ops_fail(err, OPS_INVALID, _("unknown kind \"%s\": use "
		    "long_term, migrant_work, referral or emergency"),
		    in->kind);
	if (!given(in->scope))
		return ops_fail(err, OPS_INVALID, _("give the scope the "
		    "registration grants (--scope county, city or province)"));
	if (code_label_find(scopes, in->scope) == NULL)
		return ops_fail(err, OPS_INVALID, _("unknown scope \"%s\": use "
		    "county, city or province"), in->scope);
	if (!given(in->dest_code))
		return ops_fail(err, OPS_INVALID, _("give the destination's "
		    "area code (--dest-code, e.g. 110105)"));
	if (!offsite_dest_code_valid(in->dest_code))
		return ops_fail(err, OPS_INVALID, _("the area code \"%s\" is not "
		    "valid: 2, 4 or 6 digits of GB/T 2260, starting with a "
		    "province code"), in->dest_code);
	if (!text_ok(in->dest_name, NAME_BYTES))
		return ops_fail(err, OPS_INVALID, _("give the destination's "
		    "name (--dest-name), at most 40 characters"));
	need = offsite_scope_needed(s->site, in->dest_code);
	if (need == SCOPE_LOCAL)
		return ops_fail(err, OPS_INVALID, _("%s (%s) is inside this "
		    "office's own county: care there needs no registration"),
		    in->dest_name, in->dest_code);
	if (need > 0 && (int)(code_label_find(scopes, in->scope) - scopes) + 1 < need)
		return ops_fail(err, OPS_INVALID, _("care in %s (%s) needs the "
		    "scope %s or wider, not %s"), in->dest_name, in->dest_code,
		    scopes[need - 1].code, in->scope);
	return OPS_OK;
}

static enum ops_status
check_dates(const struct ops_session *s, const struct offsite_input *in,
    struct ops_error *err)
{
	struct date from, to;
	char today[DATE_BUFSZ];

	date_format(s->today, today);
	if (!given(in->from) || date_parse(in->from, &from) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("give the first valid day "
		    "as YYYY-MM-DD (--from)"));
	if (!given(in->to) || date_parse(in->to, &to) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("give the last valid day "
		    "as YYYY-MM-DD (--to)"));
	if (date_cmp(to, from) < 0)
		return ops_fail(err, OPS_INVALID, _("the registration ends (%s) "
		    "before it starts (%s)"), in->to, in->from);
	/* Only emergency care is reported afterwards (seed 001 (2)). */
	if (strcmp(in->kind, "emergency") != 0 && date_cmp(from, s->today) < 0)
		return ops_fail(err, OPS_INVALID, _("the registration starts "
		    "(%s) before today (%s): only emergency care is registered "
		    "after the event"), in->from, today);
	if (strcmp(in->kind, "emergency") == 0 && date_cmp(from, s->today) > 0)
		return ops_fail(err, OPS_INVALID, _("emergency care is "
		    "registered once it has begun: %s is after today (%s)"),
		    in->from, today);
	return OPS_OK;
}

static enum ops_status
check_referral(const struct offsite_input *in, struct ops_error *err)
{
	if (strcmp(in->kind, "referral") != 0) {
		if (given(in->hospital) || given(in->diagnosis) ||
		    given(in->reason) || given(in->from_level))
			return ops_fail(err, OPS_INVALID, _("--hospital, "
			    "--diagnosis, --reason and --from-level belong to "
			    "a referral, not to %s"), in->kind);
		return OPS_OK;
	}
	if (!text_ok(in->hospital, NAME_BYTES))
		return ops_fail(err, OPS_INVALID, _("a referral needs the "
		    "receiving hospital (--hospital), at most 40 characters"));
	if (!text_ok(in->diagnosis, NAME_BYTES))
		return ops_fail(err, OPS_INVALID, _("a referral needs the "
		    "diagnosis (--diagnosis), at most 40 characters"));
	if (!text_ok(in->reason, REASON_BYTES))
		return ops_fail(err, OPS_INVALID, _("a referral needs the reason "
		    "for it (--reason), at most 80 characters"));
	if (in->from_level != NULL && !(strlen(in->from_level) == 1 &&
	    in->from_level[0] >= '1' && in->from_level[0] <= '3'))
		return ops_fail(err, OPS_INVALID, _("the sending hospital's "
		    "level is 1, 2 or 3, not \"%s\" (--from-level)"),
		    in->from_level);
	return OPS_OK;
}

static enum ops_status
check_documents(const struct ops_session *s, const struct offsite_input *in,
    struct ops_error *err)
{
	struct date due;

	if (strcmp(in->kind, "migrant_work") != 0) {
		if (given(in->documents_due))
			return ops_fail(err, OPS_INVALID, _("--documents-due "
			    "belongs to a migrant-work registration, not to %s"),
			    in->kind);
		return OPS_OK;
	}
	/* 承诺制: filed now, the documents follow by a deadline. */
	if (!given(in->documents_due) ||
	    date_parse(in->documents_due, &due) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("a migrant-work "
		    "registration is filed on the worker's promise: give the "
		    "day the documents are due as YYYY-MM-DD (--documents-due)"));
	if (date_cmp(due, s->today) < 0)
		return ops_fail(err, OPS_INVALID, _("the documents cannot be due "
		    "(%s) before today"), in->documents_due);
	return OPS_OK;
}

static enum ops_status
validate(const struct ops_session *s, const struct offsite_input *in,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = check_where(s, in, err)) != OPS_OK ||
	    (st = check_dates(s, in, err)) != OPS_OK ||
	    (st = check_referral(in, err)) != OPS_OK ||
	    (st = check_documents(s, in, err)) != OPS_OK)
		return st;
	return OPS_OK;
}

static void
fill(const struct ops_session *s, const struct offsite_input *in,
    const char *id, struct db_offsite *r)
{
	memset(r, 0, sizeof *r);
	snprintf(r->id_number, sizeof r->id_number, "%s", id);
	snprintf(r->kind, sizeof r->kind, "%s", in->kind);
	snprintf(r->scope, sizeof r->scope, "%s", in->scope);
	snprintf(r->dest_code, sizeof r->dest_code, "%s", in->dest_code);
	snprintf(r->dest_name, sizeof r->dest_name, "%s", in->dest_name);
	snprintf(r->valid_from, sizeof r->valid_from, "%s", in->from);
	snprintf(r->valid_to, sizeof r->valid_to, "%s", in->to);
	if (strcmp(in->kind, "referral") == 0) {
		snprintf(r->hospital, sizeof r->hospital, "%s", in->hospital);
		snprintf(r->diagnosis, sizeof r->diagnosis, "%s",
		    in->diagnosis);
		snprintf(r->referral_reason, sizeof r->referral_reason, "%s",
		    in->reason);
		r->from_level = given(in->from_level) ?
		    in->from_level[0] - '0' : 0;
	}
	if (given(in->documents_due))
		snprintf(r->documents_due, sizeof r->documents_due, "%s",
		    in->documents_due);
	snprintf(r->status, sizeof r->status, "active");
	snprintf(r->operator_login, sizeof r->operator_login, "%s", s->login);
	snprintf(r->site, sizeof r->site, "%s", s->site);
	snprintf(r->created_at, sizeof r->created_at, "%s", s->now);
}

static const char *
file_json(const struct db_offsite *r, struct audit_json *j)
{
	char level[4];

	audit_json_init(j);
	audit_json_str(j, "id_number", r->id_number);
	audit_json_str(j, "kind", r->kind);
	audit_json_str(j, "scope", r->scope);
	audit_json_str(j, "dest_code", r->dest_code);
	audit_json_str(j, "dest_name", r->dest_name);
	audit_json_str(j, "valid_from", r->valid_from);
	audit_json_str(j, "valid_to", r->valid_to);
	if (strcmp(r->kind, "referral") == 0) {
		snprintf(level, sizeof level, "%d", r->from_level);
		audit_json_str(j, "hospital", r->hospital);
		audit_json_str(j, "diagnosis", r->diagnosis);
		audit_json_str(j, "referral_reason", r->referral_reason);
		audit_json_str(j, "from_level", r->from_level ? level : NULL);
	}
	if (r->documents_due[0])
		audit_json_str(j, "documents_due", r->documents_due);
	return audit_json_end(j);
}

/* Inside the transaction: the person, the overlap, the row, the audit. */
static enum ops_status
file_in_tx(struct ops_session *s, const struct offsite_input *in,
    struct db_offsite *r, struct ops_error *err)
{
	struct db_resident p;
	struct audit_json j;
	char other[40];
	enum ops_status st;
	int n;

	if ((st = ops_resident_get(s, in->id, &p, err)) != OPS_OK)
		return st;
	if (strcmp(p.status, "active") != 0)
		return ops_fail(err, OPS_CONFLICT, _("%s's coverage ended on %s: "
		    "no registration can be filed"), p.name, p.ended_on);
	fill(s, in, p.id_number, r);
	n = db_offsite_overlaps(s->db, r->id_number, r->kind, r->valid_from,
	    r->valid_to, other, sizeof other);
	if (n < 0)
		return ops_fail(err, OPS_FAILED, _("the off-site registrations "
		    "could not be read: %s"), db_errmsg(s->db));
	if (n > 0)
		return ops_fail(err, OPS_CONFLICT, _("%s already has a %s "
		    "registration (%s) for part of %s to %s: revoke it first, "
		    "or choose days that do not overlap"), p.name,
		    offsite_kind_label(r->kind), other, r->valid_from,
		    r->valid_to);
	if ((st = ops_new_key(s, 'B', r->key, sizeof r->key, err)) != OPS_OK)
		return st;
	if (db_offsite_insert(s->db, r) != 0)
		return ops_fail(err, OPS_FAILED, _("the registration could not "
		    "be saved: %s"), db_errmsg(s->db));
	return ops_audit(s, "offsite.file", r->key, NULL, file_json(r, &j), 0,
	    err);
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
ops_offsite_file(struct ops_session *s, const struct offsite_input *in,
    char *key_out, size_t keysz, struct ops_error *err)
{
	struct db_offsite r;
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = validate(s, in, err)) != OPS_OK ||
	    (st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = finish(s, file_in_tx(s, in, &r, err), err)) != OPS_OK)
		return st;
	if (key_out != NULL && keysz > 0)
		snprintf(key_out, keysz, "%s", r.key);
	return OPS_OK;
}

/* The row of `key`, inside or outside a transaction. */
static enum ops_status
load(struct ops_session *s, const char *key, struct db_offsite *r,
    struct ops_error *err)
{
	int rc;

	if (!given(key))
		return ops_fail(err, OPS_INVALID, _("give the registration's "
		    "key, as the person's list of registrations shows it"));
	if ((rc = db_offsite_get(s->db, key, r)) < 0)
		return ops_fail(err, OPS_FAILED, _("the off-site registrations "
		    "could not be read: %s"), db_errmsg(s->db));
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("there is no off-site "
		    "registration %s"), key);
	return OPS_OK;
}

enum ops_status
ops_offsite_get(struct ops_session *s, const char *key,
    struct db_offsite *out, struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	return load(s, key, out, err);
}

static enum ops_status
revoke_in_tx(struct ops_session *s, const char *key, const char *reason,
    struct ops_error *err)
{
	struct db_offsite r;
	struct audit_json o, n;
	char today[DATE_BUFSZ];
	enum ops_status st;

	if ((st = load(s, key, &r, err)) != OPS_OK)
		return st;
	if (strcmp(r.status, "active") != 0)
		return ops_fail(err, OPS_CONFLICT, _("%s was already revoked on "
		    "%s (%s)"), r.key, r.revoked_on, r.revoke_reason);
	date_format(s->today, today);
	if (db_offsite_revoke(s->db, r.key, today, reason) != 0)
		return ops_fail(err, OPS_FAILED, _("the registration could not "
		    "be saved: %s"), db_errmsg(s->db));
	audit_json_init(&o);
	audit_json_str(&o, "status", r.status);
	audit_json_init(&n);
	audit_json_str(&n, "status", "revoked");
	audit_json_str(&n, "revoked_on", today);
	audit_json_str(&n, "revoke_reason", reason);
	return ops_audit(s, "offsite.revoke", r.key, audit_json_end(&o),
	    audit_json_end(&n), 0, err);
}

enum ops_status
ops_offsite_revoke(struct ops_session *s, const char *key, const char *reason,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	if (!text_ok(reason, REASON_BYTES))
		return ops_fail(err, OPS_INVALID, _("say why the registration "
		    "is revoked (--reason TEXT, at most 80 characters)"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, revoke_in_tx(s, key, reason, err), err);
}

static enum ops_status
receive_in_tx(struct ops_session *s, const char *key, const char *day,
    struct ops_error *err)
{
	struct db_offsite r;
	struct audit_json o, n;
	enum ops_status st;

	if ((st = load(s, key, &r, err)) != OPS_OK)
		return st;
	if (strcmp(r.kind, "migrant_work") != 0)
		return ops_fail(err, OPS_INVALID, _("%s is a %s registration: "
		    "only migrant work is filed on a promise of documents"),
		    r.key, offsite_kind_label(r.kind));
	if (strcmp(r.status, "active") != 0)
		return ops_fail(err, OPS_CONFLICT, _("%s was revoked on %s: its "
		    "documents are no longer waited for"), r.key, r.revoked_on);
	if (r.documents_received[0])
		return ops_fail(err, OPS_CONFLICT, _("the documents of %s were "
		    "already received on %s"), r.key, r.documents_received);
	if (db_offsite_receive(s->db, r.key, day) != 0)
		return ops_fail(err, OPS_FAILED, _("the registration could not "
		    "be saved: %s"), db_errmsg(s->db));
	audit_json_init(&o);
	audit_json_str(&o, "documents_received", NULL);
	audit_json_init(&n);
	audit_json_str(&n, "documents_received", day);
	return ops_audit(s, "offsite.receive", r.key, audit_json_end(&o),
	    audit_json_end(&n), 0, err);
}

enum ops_status
ops_offsite_receive(struct ops_session *s, const char *key, const char *date,
    struct ops_error *err)
{
	char day[DATE_BUFSZ];
	struct date d = s->today;
	enum ops_status st;

	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	if (date != NULL && date_parse(date, &d) != DATE_OK)
		return ops_fail(err, OPS_INVALID, _("the day the documents came "
		    "\"%s\" is not a date: use YYYY-MM-DD (--date)"), date);
	if (date_cmp(d, s->today) > 0)
		return ops_fail(err, OPS_INVALID, _("the day the documents came "
		    "(%s) is after today: record them on the day they come"),
		    date);
	date_format(d, day);
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	return finish(s, receive_in_tx(s, key, day, err), err);
}

void
offsite_rows_free(struct offsite_rows *rows)
{
	free(rows->r);
	memset(rows, 0, sizeof *rows);
}

struct collect {
	struct offsite_rows *rows;
	struct date today;
	int all;
	int failed;
};

static int
collect(void *ctx, const struct db_offsite *r)
{
	struct collect *c = ctx;
	struct offsite_rows *rows = c->rows;

	if (!c->all && strcmp(offsite_status(r, c->today), "active") != 0)
		return 0;
	if (rows->n == rows->cap) {
		int cap = rows->cap ? rows->cap * 2 : 16;
		struct db_offsite *p = realloc(rows->r, (size_t)cap *
		    sizeof *p);

		if (p == NULL) {
			c->failed = 1;
			return 1;
		}
		rows->r = p;
		rows->cap = cap;
	}
	rows->r[rows->n++] = *r;
	return 0;
}

enum ops_status
ops_offsite_list(struct ops_session *s, const char *id, int all,
    char id_out[19], struct offsite_rows *out, struct ops_error *err)
{
	struct collect c = { out, s->today, all, 0 };
	struct db_resident p;
	enum ops_status st;

	memset(out, 0, sizeof *out);
	if ((st = ops_resident_get(s, id, &p, err)) != OPS_OK)
		return st;
	if (id_out != NULL)
		memcpy(id_out, p.id_number, 19);
	if (db_offsite_list(s->db, p.id_number, collect, &c) != 0 ||
	    c.failed) {
		offsite_rows_free(out);
		return ops_fail(err, OPS_FAILED, _("the off-site registrations "
		    "could not be read: %s"), c.failed ? _("out of memory") :
		    db_errmsg(s->db));
	}
	return OPS_OK;
}

enum ops_status
ops_offsite_overdue(struct ops_session *s, struct offsite_rows *out,
    struct ops_error *err)
{
	struct collect c = { out, s->today, 1, 0 };
	char today[DATE_BUFSZ];
	enum ops_status st;

	memset(out, 0, sizeof *out);
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	if (db_offsite_overdue(s->db, date_format(s->today, today), collect,
	    &c) != 0 || c.failed) {
		offsite_rows_free(out);
		return ops_fail(err, OPS_FAILED, _("the off-site registrations "
		    "could not be read: %s"), c.failed ? _("out of memory") :
		    db_errmsg(s->db));
	}
	return OPS_OK;
}

enum ops_status
ops_offsite_covers(struct ops_session *s, const char *id_number,
    struct date date, enum scope scope, int *covered, char *key,
    size_t keysz, struct ops_error *err)
{
	char day[DATE_BUFSZ];
	int rc;

	*covered = 0;
	if (keysz > 0)
		key[0] = '\0';
	if (scope == SCOPE_LOCAL) {
		*covered = 1;
		return OPS_OK;
	}
	rc = db_offsite_covering(s->db, id_number, date_format(date, day),
	    scope_code(scope), key, keysz);
	if (rc < 0)
		return ops_fail(err, OPS_FAILED, _("the off-site registrations "
		    "could not be read: %s"), db_errmsg(s->db));
	*covered = rc == 0;
	return OPS_OK;
}
