/*
 * payment.c: contributions on one receipt, refunds, reversals, coverage.
 * Every op reads, checks and writes inside one BEGIN IMMEDIATE
 * transaction, so two clerks paying for one person at the same moment
 * cannot both succeed, and a receipt number is taken exactly once.
 */
#include "config.h"

#include "ops/category.h"
#include "ops/payment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "db/payment.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/household.h"

/* ---- small helpers ---------------------------------------------------- */

static struct date
parse_date(const char *text)
{
	struct date d = { 0, 0, 0 };

	if (date_parse(text, &d) != DATE_OK)
		d = (struct date){ 0, 0, 0 };
	return d;
}

/* `text` as a JSON string body: quotes, backslashes, controls escaped. */
static void
json_escape(const char *text, char *out, size_t outsz)
{
	size_t k = 0;

	for (const unsigned char *p = (const unsigned char *)text;
	    *p != '\0' && k + 7 < outsz; p++) {
		if (*p == '"' || *p == '\\') {
			out[k++] = '\\';
			out[k++] = (char)*p;
		} else if (*p < 0x20) {
			k += (size_t)snprintf(out + k, outsz - k, "\\u%04x",
			    *p);
		} else {
			out[k++] = (char)*p;
		}
	}
	out[k] = '\0';
}

const char *
pay_category_label(const struct ops_session *s, int cat)
{
	if (cat < 0 || cat >= CAT_COUNT)
		return "";
	if (s->policy != NULL && s->policy->category_label[cat][0] != '\0')
		return s->policy->category_label[cat];
	return category_code((enum category)cat);
}

static void
to_pay_line(const struct db_payment *d, struct pay_line *l)
{
	memset(l, 0, sizeof *l);
	snprintf(l->key, sizeof l->key, "%s", d->key);
	snprintf(l->cancels, sizeof l->cancels, "%s", d->cancels);
	l->kind = strcmp(d->kind, "refund") == 0 ? PAY_REFUND :
	    strcmp(d->kind, "reversal") == 0 ? PAY_REVERSAL : PAY_PAYMENT;
	l->benefit_year = d->benefit_year;
	l->amount = d->amount;
	l->paid_on = parse_date(d->paid_on);
	l->benefits_from = parse_date(d->benefits_from);
	l->late = d->late != 0;
	l->inpatient_only = d->inpatient_only != 0;
	snprintf(l->reason, sizeof l->reason, "%s", d->reason);
}

enum ops_status
ops_person_lines(struct ops_session *s, const char *id, struct pay_line **lines,
    size_t *n, struct ops_error *err)
{
	struct db_payment *rows;
	size_t k;

	*lines = NULL;
	*n = 0;
	if (db_payment_by_person(s->db, id, &rows, &k) != 0)
		return ops_fail(err, OPS_FAILED, _("the payments could not be "
		    "read: %s"), db_errmsg(s->db));
	if (k > 0 && (*lines = calloc(k, sizeof **lines)) == NULL) {
		free(rows);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < k; i++)
		to_pay_line(&rows[i], &(*lines)[i]);
	*n = k;
	free(rows);
	return OPS_OK;
}

/* ---- pay -------------------------------------------------------------- */

static enum ops_status
check_ids(struct ops_session *s, const struct pay_request *req,
    char ids[][IDCARD_LEN + 1], int *who, struct ops_error *err)
{
	struct idcard card;
	enum idcard_err e;

	if (req->nids < 1)
		return ops_fail(err, OPS_INVALID, "%s", _("whom for? give at "
		    "least one ID number"));
	if (req->nids > PAY_MEMBERS_MAX)
		return ops_fail(err, OPS_INVALID, _("at most %d people can be "
		    "on one receipt"), PAY_MEMBERS_MAX);
	for (int i = 0; i < req->nids; i++) {
		*who = i;
		if ((e = idcard_parse(req->ids[i], s->today, &card)) !=
		    IDCARD_OK)
			return ops_fail(err, OPS_INVALID, _("%s: %s"),
			    req->ids[i], idcard_strerror(e));
		memcpy(ids[i], card.number, sizeof card.number);
		for (int j = 0; j < i; j++)
			if (strcmp(ids[i], ids[j]) == 0)
				return ops_fail(err, OPS_INVALID, _("%s is "
				    "given twice: a person pays once"),
				    ids[i]);
	}
	*who = -1;
	return OPS_OK;
}

/* The person exists, is still insured, and is in the receipt's household. */
static enum ops_status
check_person(struct ops_session *s, const char *id, int nids,
    struct db_pay_person *p, char *household, size_t hsz,
    struct ops_error *err)
{
	int rc = db_payment_person(s->db, id, p);

	if (rc < 0)
		return ops_fail(err, OPS_FAILED, _("the resident could not be "
		    "read: %s"), db_errmsg(s->db));
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND, _("no resident has the ID "
		    "number %s: register the person first"), id);
	if (strcmp(p->status, "active") != 0)
		return ops_fail(err, OPS_INVALID, _("%s (%s) left the "
		    "insurance on %s: no contribution can be taken"), p->name,
		    id, p->ended_on);
	if (nids < 2)
		return OPS_OK;
	if (p->household[0] == '\0')
		return ops_fail(err, OPS_INVALID, _("%s (%s) belongs to no "
		    "household: pay for the person alone"), p->name, id);
	if (household[0] == '\0')
		snprintf(household, hsz, "%s", p->household);
	else if (strcmp(household, p->household) != 0)
		return ops_fail(err, OPS_INVALID, _("%s (%s) is in another "
		    "household: one receipt is for the members of one "
		    "household"), p->name, id);
	return OPS_OK;
}

/* Already paid for this benefit year (net of refunds and reversals)? */
static enum ops_status
check_not_paid(struct ops_session *s, const struct db_pay_person *p,
    int year, struct ops_error *err)
{
	struct pay_line *lines;
	struct coverage cov;
	enum ops_status st;
	size_t n;
	char d[DATE_BUFSZ];

	if ((st = ops_person_lines(s, p->id_number, &lines, &n, err)) !=
	    OPS_OK)
		return st;
	coverage_compute(lines, n, year, s->today, &cov);
	free(lines);
	if (!cov.insured)
		return OPS_OK;
	return ops_fail(err, OPS_CONFLICT, _("%s (%s) has already paid for "
	    "%d (%s on %s): nothing was charged"), p->name, p->id_number,
	    year, cov.payment, date_format(cov.paid_on, d));
}

static enum ops_status
compute_member(struct ops_session *s, const struct pay_request *req,
    const struct db_pay_person *p, struct date on, struct contribution *c,
    struct ops_error *err)
{
	struct contrib_input in;
	char msg[400];
	enum ops_status st;

	memset(&in, 0, sizeof in);
	in.year = req->year;
	in.paid_on = on;
	in.late_case = req->late_case;
	in.employee_ended_on = req->employee_ended_on;
	if (date_parse(p->birth, &in.birth) != DATE_OK)
		return ops_fail(err, OPS_FAILED, _("%s has no readable birth "
		    "date"), p->id_number);
	/* The same reading of categories as every other op (RULES.md 2). */
	if ((st = ops_person_categories_on(s, p->id_number, on,
	    &in.categories, err)) != OPS_OK)
		return st;
	if (contribution_compute(s->policy, &in, c) != CONTRIB_OK)
		return ops_fail(err, OPS_INVALID, _("%s (%s): %s"), p->name,
		    p->id_number, contribution_error(c, msg, sizeof msg));
	return OPS_OK;
}

static enum ops_status
write_member(struct ops_session *s, const struct pay_receipt *r,
    const struct pay_member *m, const struct pay_request *req,
    struct ops_error *err)
{
	struct db_payment row;
	char json[512], day[DATE_BUFSZ];
	const struct contribution *c = &m->c;

	memset(&row, 0, sizeof row);
	snprintf(row.key, sizeof row.key, "%s", m->key);
	snprintf(row.receipt, sizeof row.receipt, "%s", r->receipt);
	row.line = m->line;
	snprintf(row.kind, sizeof row.kind, "payment");
	snprintf(row.id_number, sizeof row.id_number, "%s", m->id_number);
	row.benefit_year = c->year;
	row.standard = c->standard;
	row.subsidy = c->subsidy;
	if (c->subsidy_category >= 0)
		snprintf(row.subsidy_category, sizeof row.subsidy_category,
		    "%s", category_code((enum category)c->subsidy_category));
	row.amount = c->due;
	row.late = c->late;
	date_format(c->benefits_from, row.benefits_from);
	row.inpatient_only = c->inpatient_only;
	date_format(r->paid_on, row.paid_on);
	snprintf(row.at, sizeof row.at, "%s", s->now);
	snprintf(row.operator_login, sizeof row.operator_login, "%s",
	    s->login);
	snprintf(row.site, sizeof row.site, "%s", s->site);
	snprintf(row.policy_id, sizeof row.policy_id, "%s", s->policy->id);
	snprintf(row.policy_hash, sizeof row.policy_hash, "%s",
	    s->policy->text_hash);
	if (db_payment_insert(s->db, &row) != 0)
		return ops_fail(err, OPS_FAILED, _("the payment could not be "
		    "saved: %s"), db_errmsg(s->db));
	snprintf(json, sizeof json, "{\"id_number\":\"%s\",\"year\":%d,"
	    "\"standard\":%lld,\"subsidy\":%lld,\"subsidy_category\":\"%s\","
	    "\"amount\":%lld,\"late\":%d,\"exempt\":%d,\"late_case\":\"%s\","
	    "\"benefits_from\":\"%s\",\"inpatient_only\":%d,"
	    "\"paid_on\":\"%s\"}", row.id_number, row.benefit_year,
	    (long long)row.standard, (long long)row.subsidy,
	    row.subsidy_category, (long long)row.amount, row.late,
	    (int)c->exempt, late_case_code(req->late_case),
	    row.benefits_from, row.inpatient_only,
	    date_format(r->paid_on, day));
	return ops_audit(s, "payment.pay", row.key, NULL, json, 1, err);
}

static enum ops_status
pay_check(struct ops_session *s, const struct pay_request *req,
    struct date *on, struct ops_error *err)
{
	char d[DATE_BUFSZ];

	if (s->policy == NULL)
		return ops_fail(err, OPS_INVALID, "%s", _("this office has no "
		    "policy pack: an administrator must choose one first"));
	*on = req->date.y != 0 ? req->date : s->today;
	if (date_cmp(*on, s->today) > 0)
		return ops_fail(err, OPS_INVALID, _("the payment date %s is in "
		    "the future"), date_format(*on, d));
	if (req->late_case == LATE_CASE_EMPLOYEE_ENDED &&
	    req->employee_ended_on.y == 0)
		return ops_fail(err, OPS_INVALID, "%s", _("say when the "
		    "employee insurance ended (--employee-ended-on "
		    "YYYY-MM-DD)"));
	return OPS_OK;
}

/* The receipt's checks and, unless req->dry_run, its rows and audit lines. */
static enum ops_status
pay_body(struct ops_session *s, const struct pay_request *req,
    const char ids[][IDCARD_LEN + 1], struct date on, struct pay_receipt *r,
    int *who, struct ops_error *err)
{
	char household[48] = "";
	struct db_pay_person p;
	enum ops_status st;

	for (int i = 0; i < req->nids; i++) {
		struct pay_member *m = &r->m[i];

		*who = i;
		if ((st = check_person(s, ids[i], req->nids, &p, household,
		    sizeof household, err)) != OPS_OK ||
		    (st = compute_member(s, req, &p, on, &m->c, err)) !=
		    OPS_OK ||
		    (st = check_not_paid(s, &p, m->c.year, err)) != OPS_OK)
			return st;
		m->line = i + 1;
		snprintf(m->id_number, sizeof m->id_number, "%s", ids[i]);
		snprintf(m->name, sizeof m->name, "%s", p.name);
		if (i == 0 && p.household_number[0] != '\0')
			household_name(s, p.household_site,
			    p.household_number, r->household_number,
			    sizeof r->household_number);
	}
	*who = -1;
	if (!req->dry_run && (st = ops_new_key(s, 'R', r->receipt,
	    sizeof r->receipt, err)) != OPS_OK)
		return st;
	snprintf(r->site, sizeof r->site, "%s", s->site);
	snprintf(r->policy_id, sizeof r->policy_id, "%s", s->policy->id);
	r->paid_on = on;
	r->n = req->nids;
	r->year = r->m[0].c.year;
	for (int i = 0; i < r->n; i++) {
		struct pay_member *m = &r->m[i];

		snprintf(m->key, sizeof m->key, "%s-%d", r->receipt, m->line);
		if (!req->dry_run &&
		    (st = write_member(s, r, m, req, err)) != OPS_OK)
			return st;
		r->total += m->c.due;
		r->total_standard += m->c.standard;
		r->total_subsidy += m->c.subsidy;
	}
	return OPS_OK;
}

enum ops_status
ops_pay_in_tx(struct ops_session *s, const struct pay_request *req,
    struct pay_receipt *r, int *who, struct ops_error *err)
{
	char ids[PAY_MEMBERS_MAX][IDCARD_LEN + 1];
	struct date on;
	enum ops_status st;

	memset(r, 0, sizeof *r);
	*who = -1;
	if ((st = pay_check(s, req, &on, err)) != OPS_OK ||
	    (st = check_ids(s, req, ids, who, err)) != OPS_OK)
		return st;
	return pay_body(s, req, ids, on, r, who, err);
}

enum ops_status
ops_pay(struct ops_session *s, const struct pay_request *req,
    struct pay_receipt *r, struct ops_error *err)
{
	char ids[PAY_MEMBERS_MAX][IDCARD_LEN + 1];
	struct date on;
	enum ops_status st;
	int who;

	memset(r, 0, sizeof *r);
	if ((st = pay_check(s, req, &on, err)) != OPS_OK ||
	    (st = check_ids(s, req, ids, &who, err)) != OPS_OK)
		return st;
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = pay_body(s, req, ids, on, r, &who, err)) != OPS_OK ||
	    req->dry_run) {
		ops_rollback(s);
		return st;
	}
	return ops_commit(s, err);
}

/* ---- refund and reversal --------------------------------------------- */

static const char *const refund_reasons[] = {
	"employment", "military", "death"
};

int
refund_reason_valid(const char *code)
{
	for (size_t i = 0; i < 3; i++)
		if (strcmp(code, refund_reasons[i]) == 0)
			return 1;
	return 0;
}

const char *
refund_reason_label(const char *code)
{
	if (strcmp(code, "employment") == 0)
		return _("employment");
	if (strcmp(code, "military") == 0)
		return _("military service");
	if (strcmp(code, "death") == 0)
		return _("death");
	return code;
}

/* The line a refund or a reversal may cancel: a payment not yet cancelled. */
static enum ops_status
cancellable(struct ops_session *s, const struct db_payment *p,
    struct ops_error *err)
{
	struct db_payment by;
	int rc;

	if (strcmp(p->kind, "payment") != 0)
		return ops_fail(err, OPS_INVALID, _("%s is a %s, not a "
		    "payment: it cannot be cancelled"), p->key,
		    strcmp(p->kind, "refund") == 0 ? _("refund") :
		    _("reversal"));
	if ((rc = db_payment_canceller(s->db, p->key, &by)) < 0)
		return ops_fail(err, OPS_FAILED, _("the payments could not be "
		    "read: %s"), db_errmsg(s->db));
	if (rc == 0)
		return ops_fail(err, OPS_CONFLICT, _("%s was already cancelled "
		    "by %s on %s: nothing was changed"), p->key, by.key,
		    by.paid_on);
	return OPS_OK;
}

/* Write the line cancelling `p` as line `line` of out->receipt. */
static enum ops_status
write_cancel(struct ops_session *s, const struct db_payment *p, int line,
    struct cancel_result *out, struct ops_error *err)
{
	struct cancel_line *c = &out->l[out->n];
	struct db_payment row = *p;
	char json[512], reason[300];
	int rc;

	/* A key that does not fit would collide with another: never cut it. */
	if (snprintf(row.key, sizeof row.key, "%s-%d", out->receipt, line) >=
	    (int)sizeof row.key)
		return ops_fail(err, OPS_FAILED, _("the key %s-%d is too long"),
		    out->receipt, line);
	snprintf(row.receipt, sizeof row.receipt, "%s", out->receipt);
	row.line = line;
	snprintf(row.kind, sizeof row.kind, "%s", out->kind);
	row.amount = -p->amount;
	snprintf(row.cancels, sizeof row.cancels, "%s", p->key);
	snprintf(row.reason, sizeof row.reason, "%s", out->reason);
	date_format(out->on, row.paid_on);
	snprintf(row.at, sizeof row.at, "%s", s->now);
	snprintf(row.operator_login, sizeof row.operator_login, "%s",
	    s->login);
	snprintf(row.site, sizeof row.site, "%s", s->site);
	/* The pack of the payment it cancels stays on the line. */
	if ((rc = db_payment_insert(s->db, &row)) == 1)
		return ops_fail(err, OPS_CONFLICT, _("%s was already "
		    "cancelled: nothing was changed"), p->key);
	if (rc != 0)
		return ops_fail(err, OPS_FAILED, strcmp(out->kind, "refund") ==
		    0 ? _("the refund could not be saved: %s") :
		    _("the reversal could not be saved: %s"), db_errmsg(s->db));
	snprintf(c->key, sizeof c->key, "%s", row.key);
	snprintf(c->cancels, sizeof c->cancels, "%s", p->key);
	snprintf(c->id_number, sizeof c->id_number, "%s", p->id_number);
	snprintf(c->name, sizeof c->name, "%s", p->name);
	c->benefit_year = p->benefit_year;
	c->amount = row.amount;
	out->total += row.amount;
	out->n++;
	json_escape(out->reason, reason, sizeof reason);
	snprintf(json, sizeof json, "{\"cancels\":\"%s\",\"id_number\":\"%s\","
	    "\"year\":%d,\"amount\":%lld,\"reason\":\"%s\"}", p->key,
	    p->id_number, p->benefit_year, (long long)row.amount, reason);
	return ops_audit(s, strcmp(out->kind, "refund") == 0 ?
	    "payment.refund" : "payment.reverse", row.key, NULL, json, 0, err);
}

static void
cancel_start(struct ops_session *s, struct cancel_result *out,
    const char *kind, const char *reason)
{
	memset(out, 0, sizeof *out);
	snprintf(out->kind, sizeof out->kind, "%s", kind);
	snprintf(out->reason, sizeof out->reason, "%s", reason);
	out->on = s->today;
}

/* 001 四(二)2: only a contribution paid in advance, before its year began. */
static enum ops_status
refundable(struct ops_session *s, const struct db_payment *p,
    struct ops_error *err)
{
	struct date start = { p->benefit_year, 1, 1 };
	char d[DATE_BUFSZ];

	if (date_cmp(parse_date(p->paid_on), start) >= 0)
		return ops_fail(err, OPS_INVALID, _("%s was paid on %s, inside "
		    "the benefit year %d: only a contribution paid in advance "
		    "for the coming year is refunded"), p->key, p->paid_on,
		    p->benefit_year);
	if (date_cmp(s->today, start) >= 0)
		return ops_fail(err, OPS_INVALID, _("the benefit year %d began "
		    "on %s: a contribution is refunded only before its year "
		    "begins"), p->benefit_year, date_format(start, d));
	return OPS_OK;
}

enum ops_status
ops_refund(struct ops_session *s, const char *line_key, const char *reason,
    struct cancel_result *out, struct ops_error *err)
{
	struct db_payment p;
	enum ops_status st;
	int rc;

	cancel_start(s, out, "refund", reason != NULL ? reason : "");
	if (reason == NULL || !refund_reason_valid(reason))
		return ops_fail(err, OPS_INVALID, "%s", _("a refund needs a "
		    "reason: employment, military or death"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((rc = db_payment_get(s->db, line_key, &p)) != 0) {
		st = rc < 0 ? ops_fail(err, OPS_FAILED, _("the payments could "
		    "not be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_NOT_FOUND, _("there is no payment line "
		    "%s: give the receipt number and the line, such as "
		    "%s-R00000001-1"), line_key, s->site);
		goto fail;
	}
	if ((st = cancellable(s, &p, err)) != OPS_OK ||
	    (st = refundable(s, &p, err)) != OPS_OK ||
	    (st = ops_new_key(s, 'R', out->receipt, sizeof out->receipt,
	    err)) != OPS_OK ||
	    (st = write_cancel(s, &p, 1, out, err)) != OPS_OK)
		goto fail;
	return ops_commit(s, err);
fail:
	ops_rollback(s);
	return st;
}

/* A line key, else a receipt: the payments to reverse. */
static enum ops_status
reverse_targets(struct ops_session *s, const char *key,
    struct db_payment **v, size_t *n, struct ops_error *err)
{
	int rc;

	*v = NULL;
	*n = 0;
	if ((*v = malloc(sizeof **v)) == NULL)
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	if ((rc = db_payment_get(s->db, key, *v)) == 0) {
		*n = 1;
		return OPS_OK;
	}
	free(*v);
	*v = NULL;
	if (rc < 0 || db_payment_by_receipt(s->db, key, v, n) != 0)
		return ops_fail(err, OPS_FAILED, _("the payments could not be "
		    "read: %s"), db_errmsg(s->db));
	if (*n == 0)
		return ops_fail(err, OPS_NOT_FOUND, _("there is no receipt or "
		    "payment line %s"), key);
	return OPS_OK;
}

static enum ops_status
reverse_lines(struct ops_session *s, const struct db_payment *v, size_t n,
    struct cancel_result *out, struct ops_error *err)
{
	struct ops_error skip;
	enum ops_status st;

	if (n == 1) {	/* one line named: it must be cancellable */
		if ((st = cancellable(s, &v[0], err)) != OPS_OK)
			return st;
		return write_cancel(s, &v[0], 1, out, err);
	}
	for (size_t i = 0; i < n; i++) {
		/* A whole receipt: the lines still standing. */
		if (cancellable(s, &v[i], &skip) != OPS_OK)
			continue;
		if ((st = write_cancel(s, &v[i], out->n + 1, out, err)) !=
		    OPS_OK)
			return st;
	}
	if (out->n == 0)
		return ops_fail(err, OPS_CONFLICT, _("every line of %s is "
		    "already cancelled, or it is not a payment: nothing was "
		    "changed"), v[0].receipt);
	return OPS_OK;
}

enum ops_status
ops_reverse(struct ops_session *s, const char *key, const char *reason,
    struct cancel_result *out, struct ops_error *err)
{
	struct db_payment *v = NULL;
	enum ops_status st;
	size_t n = 0;
	const char *r = reason != NULL ? reason : "";

	while (*r == ' ' || *r == '\t')
		r++;
	cancel_start(s, out, "reversal", r);
	if ((st = ops_require(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (*r == '\0')
		return ops_fail(err, OPS_INVALID, "%s", _("a reversal needs a "
		    "reason: say what was wrong (--reason TEXT)"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = reverse_targets(s, key, &v, &n, err)) != OPS_OK ||
	    (st = ops_new_key(s, 'R', out->receipt, sizeof out->receipt,
	    err)) != OPS_OK ||
	    (st = reverse_lines(s, v, n, out, err)) != OPS_OK)
		goto fail;
	free(v);
	return ops_commit(s, err);
fail:
	free(v);
	ops_rollback(s);
	return st;
}

/* ---- coverage --------------------------------------------------------- */

enum ops_status
ops_coverage(struct ops_session *s, const char *id, int year,
    struct coverage_report *out, struct ops_error *err)
{
	struct db_pay_person p;
	struct pay_line *lines;
	struct idcard card;
	enum idcard_err e;
	enum ops_status st;
	size_t n;
	int rc;

	memset(out, 0, sizeof *out);
	if ((e = idcard_parse(id, s->today, &card)) != IDCARD_OK)
		return ops_fail(err, OPS_INVALID, _("%s: %s"), id,
		    idcard_strerror(e));
	if ((rc = db_payment_person(s->db, card.number, &p)) != 0)
		return rc < 0 ? ops_fail(err, OPS_FAILED, _("the resident "
		    "could not be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_NOT_FOUND, _("no resident has the ID "
		    "number %s: register the person first"), card.number);
	if ((st = ops_person_lines(s, card.number, &lines, &n, err)) !=
	    OPS_OK)
		return st;
	coverage_compute(lines, n, year != 0 ? year : s->today.y, s->today,
	    &out->cov);
	free(lines);
	snprintf(out->id_number, sizeof out->id_number, "%s", card.number);
	snprintf(out->name, sizeof out->name, "%s", p.name);
	return OPS_OK;
}
