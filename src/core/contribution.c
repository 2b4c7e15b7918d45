/*
 * contribution.c: RULES.md 3, by the pack.  The subsidy of each category
 * valid on the payment date, the largest one only; the concentrated period
 * and the pack's late rule; the waiting-period exemptions; and coverage read
 * back from the payment lines.
 */
#include "config.h"

#include "core/contribution.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

int
contribution_year(const struct policy *p)
{
	if (p->contribution_year.set)
		return (int)p->contribution_year.v;
	if (p->benefit_year.set)
		return (int)p->benefit_year.v;
	return 0;
}

void
contribution_period(const struct policy *p, int year, struct date *start,
    struct date *end)
{
	struct date first = { year - 1, 1, 1 }, last = { year - 1, 12, 31 };

	*start = p->period_start.set ?
	    date_from_days((int32_t)p->period_start.v) : first;
	*end = p->period_end.set ?
	    date_from_days((int32_t)p->period_end.v) : last;
}

/* One category's subsidy: full = P, N% = round(P x N%), X = min(X, P). */
static fen_t
rule_subsidy(const struct subsidy_rule *r, fen_t personal, int age)
{
	if (r->min_age.set && age < r->min_age.v)
		return 0;
	switch (r->kind) {
	case SUBSIDY_FULL:
		return personal;
	case SUBSIDY_PERCENT:
		return money_share(personal, (bp_t)r->amount.v);
	case SUBSIDY_FIXED:
		return r->amount.v < personal ? r->amount.v : personal;
	case SUBSIDY_NONE:
		break;
	}
	return 0;
}

fen_t
contribution_subsidy(const struct policy *p, fen_t personal, catset_t cats,
    int age, int *cat)
{
	fen_t best = 0, s;

	*cat = -1;
	for (int c = 0; c < CAT_COUNT; c++) {
		if (!(cats & CATSET(c)))
			continue;
		/* The largest wins, never a sum; a tie keeps the first. */
		s = rule_subsidy(&p->subsidy[c], personal, age);
		if (s > best) {
			best = s;
			*cat = c;
		}
	}
	return best;
}

static enum contrib_status
missing(struct contribution *o, const char *name)
{
	snprintf(o->missing, sizeof o->missing, "%s", name);
	return o->status = CONTRIB_MISSING_PARAM;
}

static struct date
later(struct date a, struct date b)
{
	return date_cmp(a, b) >= 0 ? a : b;
}

/* 004: may this late payer pay the normal price without a wait? */
static enum contrib_exempt
exemption(const struct policy *p, const struct contrib_input *in,
    struct contribution *o)
{
	catset_t ex = p->exempt_categories & in->categories;

	if (p->exempt_newborn.set && p->exempt_newborn.v && o->age < 1)
		return EXEMPT_NEWBORN;
	if (p->exempt_left_employee_days.set &&
	    in->late_case == LATE_CASE_EMPLOYEE_ENDED &&
	    date_to_days(in->paid_on) - date_to_days(in->employee_ended_on) <=
	    p->exempt_left_employee_days.v)
		return EXEMPT_LEFT_EMPLOYEE;
	for (int c = 0; ex != 0 && c < CAT_COUNT; c++)
		if (ex & CATSET(c)) {
			o->exempt_category = c;
			return EXEMPT_CATEGORY;
		}
	return EXEMPT_NONE;
}

/* Outside the period: the pack's late rule decides (RULES.md 3.3). */
static enum contrib_status
late_payment(const struct policy *p, const struct contrib_input *in,
    struct contribution *o, struct date year_start)
{
	o->outside_period = true;
	switch (p->late) {
	case LATE_UNSET:
		return o->status = CONTRIB_LATE_REFUSED;
	case LATE_FULL_WITH_WAIT:
		if ((o->exempt = exemption(p, in, o)) != EXEMPT_NONE) {
			o->benefits_from = later(in->paid_on, year_start);
			return CONTRIB_OK;
		}
		if (!p->waiting_days.set)
			return missing(o, "contribution.waiting_days");
		o->waiting_days = (int)p->waiting_days.v;
		o->benefits_from = later(date_add_days(in->paid_on,
		    o->waiting_days), year_start);
		break;
	case LATE_SPECIAL_INPATIENT:
		if (in->late_case == LATE_CASE_NONE)
			return o->status = CONTRIB_LATE_NOT_SPECIAL;
		o->inpatient_only = true;
		o->benefits_from = later(in->paid_on, year_start);
		break;
	}
	if (!p->fiscal.set)
		return missing(o, "contribution.fiscal");
	o->late = true;
	o->fiscal = p->fiscal.v;
	o->standard = o->personal + o->fiscal;
	o->subsidy = 0;
	o->subsidy_category = -1;
	return CONTRIB_OK;
}

enum contrib_status
contribution_compute(const struct policy *p, const struct contrib_input *in,
    struct contribution *o)
{
	struct date year_start, year_end;
	int pack_year = contribution_year(p);

	memset(o, 0, sizeof *o);
	o->subsidy_category = -1;
	o->exempt_category = -1;
	if (pack_year == 0)
		return missing(o, "pack.benefit_year");
	o->year = pack_year;
	if (in->year != 0 && in->year != pack_year)
		return o->status = CONTRIB_WRONG_YEAR;
	if (!p->personal.set)
		return missing(o, "contribution.personal");
	if (date_cmp(in->paid_on, in->birth) < 0)
		return o->status = CONTRIB_BORN_AFTER;
	if (in->late_case == LATE_CASE_EMPLOYEE_ENDED &&
	    date_cmp(in->employee_ended_on, in->paid_on) > 0)
		return o->status = CONTRIB_BAD_EMPLOYEE_END;
	contribution_period(p, o->year, &o->period_start, &o->period_end);
	year_start = (struct date){ o->year, 1, 1 };
	year_end = (struct date){ o->year, 12, 31 };
	if (date_cmp(in->paid_on, o->period_start) < 0)
		return o->status = CONTRIB_BEFORE_PERIOD;
	if (date_cmp(in->paid_on, year_end) > 0)
		return o->status = CONTRIB_YEAR_OVER;
	o->age = date_age(in->birth, in->paid_on);
	o->personal = p->personal.v;
	o->standard = o->personal;
	o->subsidy = contribution_subsidy(p, o->personal, in->categories,
	    o->age, &o->subsidy_category);
	o->benefits_from = year_start;
	if (date_cmp(in->paid_on, o->period_end) > 0 &&
	    late_payment(p, in, o, year_start) != CONTRIB_OK)
		return o->status;
	o->due = o->standard - o->subsidy;
	return o->status = CONTRIB_OK;
}

char *
contribution_error(const struct contribution *c, char *buf, size_t bufsz)
{
	char d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	date_format(c->period_start, d1);
	date_format(c->period_end, d2);
	switch (c->status) {
	case CONTRIB_OK:
		snprintf(buf, bufsz, "%s", _("ok"));
		break;
	case CONTRIB_MISSING_PARAM:
		snprintf(buf, bufsz, _("the policy pack does not give %s: "
		    "nothing can be charged until an administrator loads a "
		    "pack that does"), c->missing);
		break;
	case CONTRIB_WRONG_YEAR:
		snprintf(buf, bufsz, _("the office's policy pack sets the "
		    "contributions for %d only: for another year, an "
		    "administrator loads that year's pack"), c->year);
		break;
	case CONTRIB_BEFORE_PERIOD:
		snprintf(buf, bufsz, _("the payment period for %d opens on %s: "
		    "come back then"), c->year, d1);
		break;
	case CONTRIB_YEAR_OVER:
		snprintf(buf, bufsz, _("the benefit year %d is over: no "
		    "payment can be taken for it"), c->year);
		break;
	case CONTRIB_LATE_REFUSED:
		snprintf(buf, bufsz, _("the payment period for %d was %s to "
		    "%s, and the policy pack allows no late payment"), c->year,
		    d1, d2);
		break;
	case CONTRIB_LATE_NOT_SPECIAL:
		snprintf(buf, bufsz, _("the payment period for %d was %s to "
		    "%s; late payment is only for the listed cases: give "
		    "--late-case graduate, released or employee_ended"),
		    c->year, d1, d2);
		break;
	case CONTRIB_BORN_AFTER:
		snprintf(buf, bufsz, "%s", _("the payment date is before the "
		    "person's birth date"));
		break;
	case CONTRIB_BAD_EMPLOYEE_END:
		snprintf(buf, bufsz, "%s", _("the employee insurance cannot "
		    "have ended after the payment date"));
		break;
	}
	return buf;
}

int
contribution_split(const struct fiscal_split *sp, fen_t fiscal,
    fen_t out[GOV_COUNT])
{
	int64_t w = 0;
	fen_t sum = 0;
	int last = -1;

	for (int l = 0; l < GOV_COUNT; l++) {
		out[l] = -1;
		if (!sp->share[l].set)
			continue;
		if (sp->mode == SPLIT_AMOUNT)
			out[l] = sp->share[l].v;
		w += sp->share[l].v;
	}
	if (sp->mode == SPLIT_AMOUNT)
		return 0;
	if (w <= 0)
		return -1;
	for (int l = 0; l < GOV_COUNT; l++) {
		if (!sp->share[l].set)
			continue;
		/* G x w / W in fen, rounded half up to a multiple of 100. */
		out[l] = (fiscal * sp->share[l].v + w * 50) / (w * 100) * 100;
		sum += out[l];
		if (sp->share[l].v > 0)
			last = l;
	}
	if (last >= 0)
		out[last] += fiscal - sum;
	return 0;
}

static const char *const late_codes[] = {
	"", "graduate", "released", "employee_ended"
};

const char *
late_case_code(enum late_case c)
{
	return (unsigned)c <= LATE_CASE_EMPLOYEE_ENDED ? late_codes[c] : "";
}

int
late_case_from_code(const char *code, enum late_case *out)
{
	for (int c = LATE_CASE_GRADUATE; c <= LATE_CASE_EMPLOYEE_ENDED; c++)
		if (strcmp(code, late_codes[c]) == 0) {
			*out = (enum late_case)c;
			return 0;
		}
	return -1;
}

/* ---- coverage --------------------------------------------------------- */

/* The line that cancels `key`, or NULL. */
static const struct pay_line *
canceller(const struct pay_line *lines, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (lines[i].kind != PAY_PAYMENT &&
		    strcmp(lines[i].cancels, key) == 0)
			return &lines[i];
	return NULL;
}

static void
take_payment(struct coverage *o, const struct pay_line *l)
{
	snprintf(o->payment, sizeof o->payment, "%s", l->key);
	o->paid_on = l->paid_on;
	o->benefits_from = l->benefits_from;
	o->late = l->late;
	o->inpatient_only = l->inpatient_only;
}

void
coverage_compute(const struct pay_line *lines, size_t n, int year,
    struct date on, struct coverage *o)
{
	const struct pay_line *live = NULL, *dead = NULL, *by = NULL, *c;

	memset(o, 0, sizeof *o);
	o->year = year;
	o->status = COVER_NOT_PAID;
	for (size_t i = 0; i < n; i++) {
		const struct pay_line *l = &lines[i];

		if (l->kind != PAY_PAYMENT || l->benefit_year != year)
			continue;
		if ((c = canceller(lines, n, l->key)) == NULL) {
			/* Two live payments (a merge): earlier benefits win. */
			if (live == NULL || date_cmp(l->benefits_from,
			    live->benefits_from) < 0)
				live = l;
		} else if (by == NULL ||
		    date_cmp(c->paid_on, by->paid_on) >= 0) {
			dead = l;
			by = c;
		}
	}
	if (live != NULL) {
		take_payment(o, live);
		o->insured = true;
		o->status = COVER_INSURED;
		if (live->late && date_cmp(on, live->benefits_from) < 0) {
			o->status = COVER_WAITING;
			o->waiting_until = date_add_days(live->benefits_from,
			    -1);
		}
		return;
	}
	if (dead == NULL)
		return;
	take_payment(o, dead);
	o->status = by->kind == PAY_REFUND ? COVER_REFUNDED : COVER_REVERSED;
	snprintf(o->cancelled_by, sizeof o->cancelled_by, "%s", by->key);
	o->cancelled_on = by->paid_on;
	snprintf(o->reason, sizeof o->reason, "%s", by->reason);
}

enum ineligible
coverage_claim(const struct coverage *c, struct date d, enum claim_kind kind,
    struct date *until)
{
	if (!c->insured || c->year != d.y)
		return INELIGIBLE_NOT_PAID;
	if (date_cmp(d, c->benefits_from) < 0) {
		*until = date_add_days(c->benefits_from, -1);
		return INELIGIBLE_WAITING;
	}
	/* 001: late payers get inpatient benefits only; an accident is
	 * settled as an admission (001 四(三)2.(4)). */
	if (c->inpatient_only && kind != KIND_INPATIENT &&
	    kind != KIND_ACCIDENT)
		return INELIGIBLE_KIND;
	return ELIGIBLE;
}
