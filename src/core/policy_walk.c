/*
 * policy_walk.c: a resolved policy back in pack syntax, key by key, for
 * `yibao policy show`.  The keys are those policy.c reads, so what is shown
 * can be read again as a pack (one file, nothing extended).
 */
#include "core/policy_load.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

enum fmt { F_MONEY, F_PERCENT, F_INT, F_DATE, F_BOOL };

struct walk {
	policy_emit_fn emit;
	void *ctx;
	const char *section;
	char secbuf[64];
};

static void
text(struct walk *w, const char *key, const char *value)
{
	if (value != NULL && *value != '\0')
		w->emit(w->ctx, w->section, key, value, NULL);
}

static void
value(struct walk *w, const char *key, const struct param *pp, enum fmt f)
{
	char buf[64];

	if (!pp->set)
		return;
	switch (f) {
	case F_MONEY:
		money_format(pp->v, buf);
		break;
	case F_PERCENT:
		percent_format((bp_t)pp->v, buf);
		break;
	case F_INT:
		snprintf(buf, sizeof buf, "%" PRId64, pp->v);
		break;
	case F_DATE:
		date_format(date_from_days((int32_t)pp->v), buf);
		break;
	case F_BOOL:
		snprintf(buf, sizeof buf, "%s", pp->v ? "yes" : "no");
		break;
	}
	w->emit(w->ctx, w->section, key, buf, pp);
}

static void
enter(struct walk *w, const char *kind, const char *name)
{
	if (name != NULL)
		snprintf(w->secbuf, sizeof w->secbuf, "%s.%s", kind, name);
	else
		snprintf(w->secbuf, sizeof w->secbuf, "%s", kind);
	w->section = w->secbuf;
}

static void
categories_text(catset_t set, char *buf, size_t sz)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int c = 0; c < CAT_COUNT && n < sz; c++)
		if (set & CATSET(c))
			n += (size_t)snprintf(buf + n, sz - n, "%s%s",
			    n ? ", " : "", category_code((enum category)c));
}

static const char *
residence_text(enum residence r)
{
	return r == RES_RURAL ? "rural" : r == RES_URBAN ? "urban" : NULL;
}

static void
walk_pack(struct walk *w, const struct policy *p)
{
	enter(w, "pack", NULL);
	text(w, "id", p->id);
	text(w, "name", p->name);
	text(w, "region", p->region);
	text(w, "document", p->document);
	text(w, "seed", p->seed);
	if (p->illustrative)
		text(w, "illustrative", "yes");
	value(w, "benefit_year", &p->benefit_year, F_INT);
	enter(w, "categories", NULL);
	for (int c = 0; c < CAT_COUNT; c++)
		if (p->categories & CATSET(c))
			text(w, category_code((enum category)c),
			    p->category_label[c]);
}

static void
walk_contribution(struct walk *w, const struct policy *p)
{
	static const char *const gov[GOV_COUNT] = {
		"central", "provincial", "city", "county"
	};
	char buf[256];

	enter(w, "contribution", NULL);
	value(w, "year", &p->contribution_year, F_INT);
	value(w, "personal", &p->personal, F_MONEY);
	value(w, "fiscal", &p->fiscal, F_MONEY);
	value(w, "period_start", &p->period_start, F_DATE);
	value(w, "period_end", &p->period_end, F_DATE);
	if (p->late_line.set)
		w->emit(w->ctx, w->section, "late",
		    p->late == LATE_FULL_WITH_WAIT ? "full_with_wait" :
		    "special_inpatient", &p->late_line);
	value(w, "waiting_days", &p->waiting_days, F_INT);
	value(w, "exempt_newborn", &p->exempt_newborn, F_BOOL);
	value(w, "exempt_left_employee_days", &p->exempt_left_employee_days,
	    F_INT);
	categories_text(p->exempt_categories, buf, sizeof buf);
	text(w, "exempt_categories", buf);
	value(w, "serious_funding", &p->serious_funding, F_MONEY);

	for (int i = 0; i < p->nsplits; i++) {
		const struct fiscal_split *s = &p->split[i];

		enter(w, "split", s->county_type);
		text(w, "label", s->label);
		w->emit(w->ctx, w->section, "mode",
		    s->mode == SPLIT_RATIO ? "ratio" : "amount", &s->line);
		for (int g = 0; g < GOV_COUNT; g++)
			value(w, gov[g], &s->share[g],
			    s->mode == SPLIT_RATIO ? F_INT : F_MONEY);
	}
}

static void
walk_subsidy(struct walk *w, const struct policy *p)
{
	char buf[64], key[64];

	enter(w, "subsidy", NULL);
	for (int c = 0; c < CAT_COUNT; c++) {
		const struct subsidy_rule *r = &p->subsidy[c];
		const char *code = category_code((enum category)c);

		if (r->kind == SUBSIDY_NONE)
			continue;
		if (r->kind == SUBSIDY_FULL)
			snprintf(buf, sizeof buf, "full");
		else if (r->kind == SUBSIDY_PERCENT) {
			percent_format((bp_t)r->amount.v, buf);
			strcat(buf, "%");
		} else
			money_format(r->amount.v, buf);
		w->emit(w->ctx, w->section, code, buf, &r->amount);
		snprintf(key, sizeof key, "%s.min_age", code);
		value(w, key, &r->min_age, F_INT);
	}
}

/* deductible.level1 … penalty.province */
static void
walk_hospital(struct walk *w, const struct benefit *b)
{
	char key[64];

	for (int l = 1; l < LEVEL_COUNT; l++) {
		snprintf(key, sizeof key, "deductible.level%d", l);
		value(w, key, &b->deductible_level[l], F_MONEY);
	}
	for (int s = 0; s < SCOPE_COUNT; s++) {
		snprintf(key, sizeof key, "deductible.%s", scope_code(s));
		value(w, key, &b->deductible_scope[s], F_MONEY);
	}
	for (int l = 1; l < LEVEL_COUNT; l++) {
		snprintf(key, sizeof key, "ratio.level%d", l);
		value(w, key, &b->ratio_level[l], F_PERCENT);
	}
	for (int s = 0; s < SCOPE_COUNT; s++) {
		snprintf(key, sizeof key, "ratio.%s", scope_code(s));
		value(w, key, &b->ratio_scope[s], F_PERCENT);
	}
	for (int s = 0; s < SCOPE_COUNT; s++) {
		snprintf(key, sizeof key, "penalty.%s", scope_code(s));
		value(w, key, &b->penalty_scope[s], F_PERCENT);
	}
}

static void
walk_kind(struct walk *w, const struct policy *p, enum claim_kind k)
{
	const struct benefit *b = &p->kind[k];
	char key[64];

	if (!b->defined)
		return;
	enter(w, claim_kind_code(k), NULL);
	w->emit(w->ctx, w->section, NULL, NULL, NULL);	/* defined, maybe empty */
	value(w, "from", &b->from, F_DATE);
	if (k == KIND_INPATIENT || k == KIND_ACCIDENT)
		walk_hospital(w, b);
	value(w, "deductible", &b->deductible, F_MONEY);
	value(w, "ratio", &b->ratio, F_PERCENT);
	value(w, "cap", &b->cap, F_MONEY);
	if (k == KIND_OUTPATIENT)
		value(w, "excludes_chronic", &p->outpatient_excludes_chronic,
		    F_BOOL);
	if (k == KIND_CHRONIC)
		for (int i = 0; i < p->ndiseases; i++) {
			snprintf(key, sizeof key, "disease.%s",
			    p->disease[i].code);
			text(w, key, p->disease[i].name);
			snprintf(key, sizeof key, "cap.%s", p->disease[i].code);
			value(w, key, &p->disease[i].cap, F_MONEY);
		}
	if (k == KIND_MATERNITY) {
		value(w, "normal", &p->maternity_normal, F_MONEY);
		value(w, "difficult", &p->maternity_difficult, F_MONEY);
		value(w, "extra_baby", &p->maternity_extra_baby, F_MONEY);
	}
}

static void
walk_selfpay(struct walk *w, const struct policy *p)
{
	if (!p->class_b_selfpay.set && !p->imported_selfpay.set)
		return;
	enter(w, "selfpay", NULL);
	value(w, "class_b", &p->class_b_selfpay, F_PERCENT);
	value(w, "imported", &p->imported_selfpay, F_PERCENT);
}

static void
walk_segment(struct walk *w, int i, const struct segment *s)
{
	char key[32], buf[96], up[MONEY_BUFSZ], r[MONEY_BUFSZ], m[MONEY_BUFSZ];

	snprintf(key, sizeof key, "segment.%d", i + 1);
	if (s->upper.set)
		money_format(s->upper.v, up);
	else
		snprintf(up, sizeof up, "none");
	percent_format((bp_t)s->ratio.v, r);
	if (s->ratio_major.set)
		snprintf(buf, sizeof buf, "%s %s %s", up, r,
		    percent_format((bp_t)s->ratio_major.v, m));
	else
		snprintf(buf, sizeof buf, "%s %s", up, r);
	w->emit(w->ctx, w->section, key, buf, &s->ratio);
}

static void
walk_serious(struct walk *w, const struct policy *p)
{
	char buf[256];

	if (!p->serious_defined)
		return;
	enter(w, "serious", NULL);
	w->emit(w->ctx, w->section, NULL, NULL, NULL);	/* defined, maybe empty */
	value(w, "excludes_penalty", &p->serious_excludes_penalty, F_BOOL);
	value(w, "includes_chronic", &p->serious_includes_chronic, F_BOOL);
	for (int i = 0; i < p->ngroups; i++) {
		const struct serious_group *g = &p->group[i];

		enter(w, "serious", g->name);
		text(w, "label", g->label);
		categories_text(g->categories, buf, sizeof buf);
		text(w, "categories", buf);
		text(w, "residence", residence_text(g->residence));
		value(w, "deductible", &g->deductible, F_MONEY);
		for (int s = 0; s < g->nseg; s++)
			walk_segment(w, s, &g->seg[s]);
		if (g->no_cap)
			text(w, "cap", "none");
		value(w, "cap", &g->cap, F_MONEY);
	}
}

static void
walk_assistance(struct walk *w, const struct policy *p)
{
	char buf[256];

	for (int i = 0; i < p->nassist; i++) {
		const struct assistance_group *a = &p->assist[i];

		enter(w, "assistance", a->name);
		text(w, "label", a->label);
		categories_text(a->categories, buf, sizeof buf);
		text(w, "categories", buf);
		text(w, "residence", residence_text(a->residence));
		value(w, "deductible", &a->deductible, F_MONEY);
		value(w, "ratio", &a->ratio, F_PERCENT);
		value(w, "cap", &a->cap, F_MONEY);
	}
}

void
policy_walk(const struct policy *p, policy_emit_fn emit, void *ctx)
{
	struct walk w = { .emit = emit, .ctx = ctx, .section = "" };

	walk_pack(&w, p);
	walk_contribution(&w, p);
	walk_subsidy(&w, p);
	for (int k = 0; k < KIND_COUNT; k++)
		walk_kind(&w, p, (enum claim_kind)k);
	walk_selfpay(&w, p);
	walk_serious(&w, p);
	walk_assistance(&w, p);
}
