/* report.c: the day's cash and the year's enrolment, read in one snapshot. */
#include "config.h"

#include "ops/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contribution.h"
#include "db/report.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/resident.h"

static void
add_day(struct day_row *to, const struct day_row *r)
{
	for (int k = 0; k < DAY_KINDS; k++) {
		to->count[k] += r->count[k];
		to->sum[k] += r->sum[k];
	}
	to->net += r->net;
}

enum ops_status
ops_report_day(struct ops_session *s, struct date date, const char *login,
    struct day_report *out, struct ops_error *err)
{
	struct db_day_row *v;
	char day[DATE_BUFSZ];
	size_t n;

	memset(out, 0, sizeof *out);
	out->date = date;
	snprintf(out->site, sizeof out->site, "%s", s->site);
	if (db_report_day(s->db, date_format(date, day), login, &v, &n) != 0)
		return ops_fail(err, OPS_FAILED, _("the day's payments could "
		    "not be read: %s"), db_errmsg(s->db));
	if (n > 0 && (out->rows = calloc(n, sizeof *out->rows)) == NULL) {
		free(v);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		struct day_row *r = &out->rows[i];

		snprintf(r->login, sizeof r->login, "%s", v[i].operator_login);
		snprintf(r->name, sizeof r->name, "%s", v[i].display_name);
		for (int k = 0; k < DAY_KINDS; k++) {
			r->count[k] = v[i].count[k];
			r->sum[k] = v[i].sum[k];
			r->net += v[i].sum[k];
		}
		add_day(&out->total, r);
	}
	out->n = n;
	free(v);
	return OPS_OK;
}

void
day_report_free(struct day_report *r)
{
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
}

static enum ops_status
enrol_rows(struct ops_session *s, struct enrol_report *out,
    struct ops_error *err)
{
	struct db_enrol_row *v;
	size_t n;

	if (db_report_enrolment(s->db, out->year, &v, &n) != 0)
		return ops_fail(err, OPS_FAILED, _("the residents could not be "
		    "read: %s"), db_errmsg(s->db));
	if (n > 0 && (out->rows = calloc(n, sizeof *out->rows)) == NULL) {
		free(v);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		struct enrol_row *r = &out->rows[i];

		snprintf(r->village, sizeof r->village, "%s", v[i].village);
		snprintf(r->insured_category, sizeof r->insured_category, "%s",
		    v[i].insured_category);
		r->residents = v[i].residents;
		r->insured = v[i].insured;
		r->uninsured = r->residents - r->insured;
		out->total.residents += r->residents;
		out->total.insured += r->insured;
		out->total.uninsured += r->uninsured;
	}
	out->nrows = n;
	free(v);
	return OPS_OK;
}

static enum ops_status
enrol_subsidies(struct ops_session *s, struct enrol_report *out,
    struct ops_error *err)
{
	struct db_subsidy_row *v;
	enum category c;
	size_t n;

	if (db_report_subsidies(s->db, out->year, &v, &n) != 0)
		return ops_fail(err, OPS_FAILED, _("the payments could not be "
		    "read: %s"), db_errmsg(s->db));
	if (n > 0 && (out->sub = calloc(n, sizeof *out->sub)) == NULL) {
		free(v);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		struct enrol_subsidy *r = &out->sub[i];

		snprintf(r->category, sizeof r->category, "%s", v[i].category);
		if (category_from_code(v[i].category, &c) == 0 &&
		    s->policy->category_label[c][0] != '\0')
			snprintf(r->label, sizeof r->label, "%s",
			    s->policy->category_label[c]);
		else
			snprintf(r->label, sizeof r->label, "%s",
			    v[i].category);
		r->persons = v[i].persons;
		r->amount = v[i].amount;
		out->sub_persons += r->persons;
		out->sub_total += r->amount;
	}
	out->nsub = n;
	free(v);
	return OPS_OK;
}

/* RULES.md 3.7: G per person by level, times the persons subsidized. */
static void
enrol_splits(const struct policy *p, struct enrol_report *out)
{
	for (int i = 0; i < p->nsplits; i++) {
		const struct fiscal_split *sp = &p->split[i];
		struct enrol_split *e = &out->split[out->nsplits];

		if (sp->mode == SPLIT_RATIO && !out->fiscal_set)
			continue;	/* said by fiscal_set: no G to split */
		memset(e, 0, sizeof *e);
		snprintf(e->county_type, sizeof e->county_type, "%s",
		    sp->county_type);
		snprintf(e->label, sizeof e->label, "%s", sp->label);
		e->mode = sp->mode;
		if (contribution_split(sp, out->fiscal, e->per_person) != 0)
			continue;
		for (int l = 0; l < GOV_COUNT; l++) {
			e->total[l] = e->per_person[l] < 0 ? -1 :
			    e->per_person[l] * out->fiscal_persons;
			if (e->per_person[l] < 0)
				continue;
			e->per_person_sum += e->per_person[l];
			e->total_sum += e->total[l];
		}
		out->nsplits++;
	}
}

enum ops_status
ops_report_enrolment(struct ops_session *s, int year, struct enrol_report *out,
    struct ops_error *err)
{
	enum ops_status st;

	memset(out, 0, sizeof *out);
	if (s->policy == NULL)
		return ops_fail(err, OPS_INVALID, "%s", _("this office has no "
		    "policy pack: an administrator must choose one first"));
	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
		return ops_fail(err, OPS_INVALID, _("%d is not a year"), year);
	out->year = year;
	snprintf(out->site, sizeof out->site, "%s", s->site);
	snprintf(out->policy_id, sizeof out->policy_id, "%s", s->policy->id);
	/* One read transaction: the three parts agree with each other. */
	if (db_report_snapshot(s->db) != 0)
		return ops_fail(err, OPS_FAILED, _("the database cannot be "
		    "read: %s"), db_errmsg(s->db));
	if ((st = enrol_rows(s, out, err)) != OPS_OK ||
	    (st = enrol_subsidies(s, out, err)) != OPS_OK)
		goto fail;
	if (db_report_fiscal_persons(s->db, year, &out->fiscal_persons) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the payments could not be "
		    "read: %s"), db_errmsg(s->db));
		goto fail;
	}
	db_report_snapshot_end(s->db);
	out->fiscal_set = s->policy->fiscal.set;
	out->fiscal = s->policy->fiscal.v;
	out->fiscal_total = out->fiscal * out->fiscal_persons;
	enrol_splits(s->policy, out);
	return OPS_OK;
fail:
	db_report_snapshot_end(s->db);
	enrol_report_free(out);
	return st;
}

void
enrol_report_free(struct enrol_report *r)
{
	free(r->rows);
	free(r->sub);
	r->rows = NULL;
	r->sub = NULL;
	r->nrows = r->nsub = 0;
}

static enum ops_status
need_year(struct ops_session *s, int year, struct ops_error *err)
{
	if (s->role < ROLE_CLERK)
		return ops_fail(err, OPS_DENIED, "%s", _("log in to read the "
		    "reports"));
	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
		return ops_fail(err, OPS_INVALID, _("%d is not a year"), year);
	return OPS_OK;
}

enum ops_status
ops_report_payments_by_month(struct ops_session *s, int year,
    struct month_report *out, struct ops_error *err)
{
	struct db_month_row *v;
	enum ops_status st;
	size_t n;

	memset(out, 0, sizeof *out);
	if ((st = need_year(s, year, err)) != OPS_OK)
		return st;
	out->year = year;
	snprintf(out->site, sizeof out->site, "%s", s->site);
	if (db_report_payments_by_month(s->db, year, &v, &n) != 0)
		return ops_fail(err, OPS_FAILED, _("the payments could not be "
		    "read: %s"), db_errmsg(s->db));
	if (n > 0 && (out->rows = calloc(n, sizeof *out->rows)) == NULL) {
		free(v);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(out->rows[i].month, sizeof out->rows[i].month, "%s",
		    v[i].month);
		out->rows[i].count = v[i].count;
		out->rows[i].amount = v[i].amount;
		out->count += v[i].count;
		out->amount += v[i].amount;
	}
	out->n = n;
	free(v);
	return OPS_OK;
}

void
month_report_free(struct month_report *r)
{
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
}

static void
add_settle(struct settle_row *to, const struct settle_row *r)
{
	to->count += r->count;
	to->total += r->total;
	to->fund += r->fund;
	to->serious += r->serious;
	to->assistance += r->assistance;
	to->personal += r->personal;
}

/* The per-kind sums, in a fixed order of kinds (as RULES.md lists them). */
static void
settle_kinds(struct settle_report *out)
{
	static const char *const order[] = { "inpatient", "accident",
	    "outpatient", "chronic", "maternity" };

	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		struct settle_row *to = &out->kinds[out->nkinds];

		memset(to, 0, sizeof *to);
		snprintf(to->kind, sizeof to->kind, "%s", order[k]);
		for (size_t i = 0; i < out->n; i++)
			if (strcmp(out->rows[i].kind, order[k]) == 0)
				add_settle(to, &out->rows[i]);
		if (to->count != 0)
			out->nkinds++;
	}
}

enum ops_status
ops_report_settlements(struct ops_session *s, int year,
    struct settle_report *out, struct ops_error *err)
{
	struct db_settle_row *v;
	enum ops_status st;
	size_t n;

	memset(out, 0, sizeof *out);
	if ((st = need_year(s, year, err)) != OPS_OK)
		return st;
	out->year = year;
	snprintf(out->site, sizeof out->site, "%s", s->site);
	if (db_report_settlements(s->db, year, &v, &n) != 0)
		return ops_fail(err, OPS_FAILED, _("the claims could not be "
		    "read: %s"), db_errmsg(s->db));
	if ((out->rows = calloc(n + 1, sizeof *out->rows)) == NULL ||
	    (out->kinds = calloc(5, sizeof *out->kinds)) == NULL) {
		free(v);
		settle_report_free(out);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n; i++) {
		struct settle_row *r = &out->rows[i];

		snprintf(r->month, sizeof r->month, "%s", v[i].month);
		snprintf(r->kind, sizeof r->kind, "%s", v[i].kind);
		r->count = v[i].count;
		r->total = v[i].total;
		r->fund = v[i].fund;
		r->serious = v[i].serious;
		r->assistance = v[i].assistance;
		r->personal = v[i].personal;
		add_settle(&out->total, r);
	}
	out->n = n;
	free(v);
	settle_kinds(out);
	return OPS_OK;
}

void
settle_report_free(struct settle_report *r)
{
	free(r->rows);
	free(r->kinds);
	r->rows = r->kinds = NULL;
	r->n = r->nkinds = 0;
}

enum ops_status
ops_report_exported(struct ops_session *s, const char *report, int year,
    const char *target, unsigned long rows, struct ops_error *err)
{
	struct audit_json j;
	char y[16], count[24];
	enum ops_status st;

	snprintf(y, sizeof y, "%d", year);
	snprintf(count, sizeof count, "%lu", rows);
	audit_json_init(&j);
	audit_json_str(&j, "report", report);
	audit_json_str(&j, "year", year ? y : NULL);
	audit_json_str(&j, "target", target);
	audit_json_str(&j, "rows", count);
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = ops_audit(s, "export.report", report, NULL,
	    audit_json_end(&j), 0, err)) != OPS_OK ||
	    (st = ops_commit(s, err)) != OPS_OK) {
		ops_rollback(s);
		return st;
	}
	return OPS_OK;
}
