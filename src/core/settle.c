/*
 * settle.c: one claim, settled as RULES.md 5 says, in its order: the bill
 * (5.1), basic insurance (5.2), serious illness (5.3), assistance (5.4),
 * the person (5.5).  A parameter the claim needs and the pack lacks stops
 * the settlement with its name: never a silent zero (DESIGN.md).
 */
#include "core/settle.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* Everything one settlement needs, passed down the small functions. */
struct ctx {
	const struct policy *pol;
	const struct claim *c;
	struct settlement *out;
	bool illustrative;	/* a value used is marked illustrative */
	bool refused;		/* basic benefit refused: no layer above it */
	bool penalized;		/* the penalty cut the ratio */
};

static fen_t
max0(fen_t v)
{
	return v > 0 ? v : 0;
}

static fen_t
min_fen(fen_t a, fen_t b)
{
	return a < b ? a : b;
}

/* A parameter in basis points, kept within 0..100 % whatever the pack says. */
static bp_t
bp_of(const struct param *p)
{
	if (p->v < 0)
		return 0;
	return p->v > BP_MAX ? BP_MAX : (bp_t)p->v;
}

/* Fen from a parameter, never negative. */
static fen_t
fen_of(const struct param *p)
{
	return max0(p->v);
}

/* Σ fen × bp rounded once, by the same rule as every other share. */
static fen_t
sum_share(int64_t num)
{
	return money_share(num, 1);
}

static struct settle_note *
note(struct ctx *x, enum note_kind kind)
{
	struct settlement *o = x->out;
	struct settle_note *n;

	if (o->nnotes >= SETTLE_NOTES_MAX)
		return NULL;
	n = &o->note[o->nnotes++];
	*n = (struct settle_note){ .kind = kind };
	return n;
}

static void
note_amounts(struct ctx *x, enum note_kind kind, int which, fen_t a, fen_t b)
{
	struct settle_note *n = note(x, kind);

	if (n != NULL) {
		n->which = which;
		n->a = a;
		n->b = b;
	}
}

static void
note_text(struct ctx *x, enum note_kind kind, const char *text)
{
	struct settle_note *n = note(x, kind);

	if (n != NULL)
		snprintf(n->text, sizeof n->text, "%s", text);
}

/*
 * The parameter named by fmt: true if the pack gives it (recorded under
 * `fig` unless fig == FIG_COUNT), else the settlement stops, naming it.
 */
static bool __attribute__((format(printf, 4, 5)))
need(struct ctx *x, enum settle_figure fig, const struct param *p,
    const char *fmt, ...)
{
	char name[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof name, fmt, ap);
	va_end(ap);
	if (!p->set) {
		snprintf(x->out->missing, sizeof x->out->missing, "%s", name);
		x->out->status = SETTLE_MISSING_PARAM;
		return false;
	}
	if (fig < FIG_COUNT) {
		memcpy(x->out->trace[fig].name, name, sizeof name);
		x->out->trace[fig].p = *p;
	}
	if (p->illustrative)
		x->illustrative = true;
	return true;
}

/* ---- input ------------------------------------------------------------ */

static bool
amount_ok(fen_t v)
{
	return v >= 0 && v <= MONEY_MAX;
}

static enum settle_status
check_bill(const struct claim *c)
{
	if (!amount_ok(c->total) || !amount_ok(c->out_of_list) ||
	    !amount_ok(c->class_b) || !amount_ok(c->imported) ||
	    !amount_ok(c->imported_standard))
		return SETTLE_BAD_AMOUNT;
	/* Each part is at most MONEY_MAX: the sum cannot overflow. */
	if (c->out_of_list + c->class_b + c->imported > c->total)
		return SETTLE_OVER_TOTAL;
	return SETTLE_OK;
}

/* Figures of the year that no sequence of settlements can produce. */
static enum settle_status
check_ytd(const struct claim *c)
{
	const fen_t v[] = {
		c->ytd_inpatient_fund, c->ytd_accident_fund,
		c->ytd_outpatient_range, c->ytd_outpatient_fund,
		c->ytd_chronic_fund, c->ytd_serious_base, c->ytd_serious_paid,
		c->ytd_assistance_base, c->ytd_assistance_paid
	};

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (!amount_ok(v[i]))
			return SETTLE_BAD_YTD;
	if (c->ytd_accident_fund > c->ytd_inpatient_fund ||
	    c->ytd_outpatient_fund > c->ytd_outpatient_range ||
	    c->ytd_serious_paid > c->ytd_serious_base ||
	    c->ytd_assistance_paid > c->ytd_assistance_base)
		return SETTLE_BAD_YTD;
	return SETTLE_OK;
}

static enum settle_status
check_claim(const struct claim *c)
{
	enum settle_status st;

	if ((int)c->kind < 0 || c->kind >= KIND_COUNT)
		return SETTLE_BAD_KIND;
	if ((int)c->scope < 0 || c->scope >= SCOPE_COUNT)
		return SETTLE_BAD_SCOPE;
	if (c->level < 0 || c->level >= LEVEL_COUNT)
		return SETTLE_BAD_LEVEL;
	if ((st = check_bill(c)) != SETTLE_OK)
		return st;
	if ((st = check_ytd(c)) != SETTLE_OK)
		return st;
	if (c->kind == KIND_CHRONIC && c->disease[0] == '\0')
		return SETTLE_NEED_DISEASE;
	if (c->kind == KIND_MATERNITY) {
		if (c->delivery != DELIVERY_NORMAL &&
		    c->delivery != DELIVERY_DIFFICULT)
			return SETTLE_NEED_DELIVERY;
		if (c->babies < 0 || c->babies > SETTLE_BABIES_MAX)
			return SETTLE_BAD_BABIES;
	}
	return SETTLE_OK;
}

/* ---- 5.1 the bill ----------------------------------------------------- */

static bool
split_bill(struct ctx *x)
{
	const struct claim *c = x->c;
	struct settlement *o = x->out;
	fen_t m = c->imported, s = c->imported_standard;

	o->imported_excess = (s > 0 && m > s) ? m - s : 0;
	if (s == 0 && m > 0) {
		if (!need(x, FIG_IMPORTED_SELFPAY, &x->pol->imported_selfpay,
		    "selfpay.imported"))
			return false;
		o->imported_selfpay = money_share(m,
		    bp_of(&x->pol->imported_selfpay));
	}
	o->class_b_base = s > 0 ? c->class_b + min_fen(m, s)
	    : c->class_b + m - o->imported_selfpay;
	if (o->class_b_base > 0) {
		if (!need(x, FIG_CLASS_B_SELFPAY, &x->pol->class_b_selfpay,
		    "selfpay.class_b"))
			return false;
		o->class_b_selfpay = money_share(o->class_b_base,
		    bp_of(&x->pol->class_b_selfpay));
	}
	o->range = c->total - c->out_of_list - o->imported_excess -
	    o->imported_selfpay - o->class_b_selfpay;
	return true;
}

/* ---- 5.2 basic insurance ---------------------------------------------- */

/*
 * A value by scope, where the pack has one, else by level (RULES.md 5.2).
 * `kname` is the section the value comes from, `what` the value.
 */
static bool
by_scope_or_level(struct ctx *x, enum settle_figure fig,
    const struct param *by_scope, const struct param *by_level,
    const char *kname, const char *what, int64_t *v)
{
	const struct claim *c = x->c;

	if (by_scope[c->scope].set) {
		if (!need(x, fig, &by_scope[c->scope], "%s.%s.%s", kname, what,
		    scope_code(c->scope)))
			return false;
		*v = by_scope[c->scope].v;
		return true;
	}
	if (c->level == 0) {
		x->out->status = SETTLE_NEED_LEVEL;
		return false;
	}
	if (!need(x, fig, &by_level[c->level], "%s.%s.level%d", kname, what,
	    c->level))
		return false;
	*v = by_level[c->level].v;
	return true;
}

/* The points cut for care outside the county without registration. */
static bool
penalty(struct ctx *x, const struct benefit *b, const char *kname, bp_t *pen)
{
	const struct claim *c = x->c;
	const struct param *p = &b->penalty_scope[c->scope];
	struct settle_note *n;

	*pen = 0;
	if (c->scope == SCOPE_LOCAL)
		return true;
	if (c->registered || c->emergency) {
		/* Say so only where the pack would have cut. */
		if (p->set && p->v > 0 && (n = note(x, NOTE_PENALTY_WAIVED))) {
			n->which = c->registered ? 0 : 1;
			n->which2 = c->scope;
		}
		return true;
	}
	if (!need(x, FIG_PENALTY, p, "%s.penalty.%s", kname,
	    scope_code(c->scope)))
		return false;
	*pen = bp_of(p);
	if (*pen > 0 && (n = note(x, NOTE_PENALTY))) {
		n->bp = *pen;
		n->which = c->scope;
	}
	x->penalized = *pen > 0;
	return true;
}

/* fund = min(fund, cap - used), noting the cap when it cuts. */
static fen_t
apply_cap(struct ctx *x, fen_t fund, fen_t cap, fen_t used, enum settle_cap which)
{
	fen_t left = max0(cap - used);

	if (fund > left) {
		note_amounts(x, NOTE_CAP_REACHED, which, cap, left);
		return left;
	}
	return fund;
}

/* The inpatient cap: the pack's shared value, or the inpatient section's. */
static const struct param *
inpatient_cap(const struct policy *pol)
{
	if (pol->inpatient_cap.set)
		return &pol->inpatient_cap;
	return &pol->kind[KIND_INPATIENT].cap;
}

/* Inpatient and accident: per admission deductible, ratio, penalty, caps. */
static bool
basic_inpatient(struct ctx *x)
{
	const struct policy *pol = x->pol;
	const struct claim *c = x->c;
	struct settlement *o = x->out;
	/* Accident: the loader copies the inpatient rates (as_inpatient). */
	const struct benefit *b = &pol->kind[c->kind];
	const char *kname = claim_kind_code(c->kind);
	int64_t ded, ratio;
	bp_t pen;
	fen_t fund;

	if (!by_scope_or_level(x, FIG_DEDUCTIBLE, b->deductible_scope,
	    b->deductible_level, kname, "deductible", &ded) ||
	    !by_scope_or_level(x, FIG_RATIO, b->ratio_scope, b->ratio_level,
	    kname, "ratio", &ratio) ||
	    !penalty(x, b, kname, &pen) ||
	    !need(x, FIG_CAP, inpatient_cap(pol), "inpatient.cap"))
		return false;
	if (c->kind == KIND_ACCIDENT &&
	    !need(x, FIG_ACCIDENT_CAP, &b->cap, "accident.cap"))
		return false;

	ded = max0(ded);
	if (ded > o->range)
		note_amounts(x, NOTE_DEDUCTIBLE_OVER_RANGE, 0, ded, o->range);
	o->deductible = min_fen(ded, o->range);
	o->penalty = pen;
	ratio = ratio < 0 ? 0 : ratio > BP_MAX ? BP_MAX : ratio;
	o->ratio = ratio > pen ? (bp_t)ratio - pen : 0;

	fund = money_share(o->range - o->deductible, o->ratio);
	fund = apply_cap(x, fund, fen_of(inpatient_cap(pol)),
	    c->ytd_inpatient_fund, CAP_INPATIENT);
	if (c->kind == KIND_ACCIDENT)
		fund = apply_cap(x, fund, fen_of(&b->cap),
		    c->ytd_accident_fund, CAP_ACCIDENT);
	o->fund = fund;
	return true;
}

/* General outpatient pooling: yearly deductible, one ratio, yearly cap. */
static bool
basic_outpatient(struct ctx *x)
{
	const struct policy *pol = x->pol;
	const struct claim *c = x->c;
	struct settlement *o = x->out;
	const struct benefit *b = &pol->kind[KIND_OUTPATIENT];
	fen_t ded, left;

	/* 000: 已取得门诊慢性病资格的参保城乡居民，不再享受门诊统筹待遇 */
	if (pol->outpatient_excludes_chronic.set &&
	    pol->outpatient_excludes_chronic.v == 1 && c->chronic_qualified) {
		need(x, FIG_COUNT, &pol->outpatient_excludes_chronic,
		    "outpatient.excludes_chronic");
		note(x, NOTE_CHRONIC_EXCLUDED);
		x->refused = true;
		return true;
	}
	if (!need(x, FIG_DEDUCTIBLE, &b->deductible, "outpatient.deductible") ||
	    !need(x, FIG_RATIO, &b->ratio, "outpatient.ratio") ||
	    !need(x, FIG_CAP, &b->cap, "outpatient.cap"))
		return false;

	ded = fen_of(&b->deductible);
	left = max0(ded - c->ytd_outpatient_range);
	if (ded > 0 && c->ytd_outpatient_range > 0)
		note_amounts(x, NOTE_OUTPATIENT_DEDUCTIBLE, 0, ded, left);
	if (left > o->range)
		note_amounts(x, NOTE_DEDUCTIBLE_OVER_RANGE, 0, left, o->range);
	o->deductible = min_fen(left, o->range);
	o->ratio = bp_of(&b->ratio);
	o->fund = apply_cap(x,
	    money_share(o->range - o->deductible, o->ratio),
	    fen_of(&b->cap), c->ytd_outpatient_fund, CAP_OUTPATIENT);
	return true;
}

static const struct chronic_disease *
find_disease(const struct policy *pol, const char *code)
{
	for (int i = 0; i < pol->ndiseases && i < DISEASE_MAX; i++)
		if (strcmp(pol->disease[i].code, code) == 0)
			return &pol->disease[i];
	return NULL;
}

/* Chronic outpatient: a listed disease, the person qualified; no deductible. */
static bool
basic_chronic(struct ctx *x)
{
	const struct policy *pol = x->pol;
	const struct claim *c = x->c;
	struct settlement *o = x->out;
	const struct benefit *b = &pol->kind[KIND_CHRONIC];
	const struct chronic_disease *d;

	/* No list at all: the pack lacks this disease, not the person. */
	if (pol->ndiseases <= 0) {
		snprintf(o->missing, sizeof o->missing, "chronic.disease.%s",
		    c->disease);
		o->status = SETTLE_MISSING_PARAM;
		return false;
	}
	if ((d = find_disease(pol, c->disease)) == NULL) {
		note_text(x, NOTE_DISEASE_NOT_LISTED, c->disease);
		x->refused = true;
		return true;
	}
	if (!c->chronic_qualified) {
		note_text(x, NOTE_NOT_QUALIFIED, d->name[0] ? d->name : d->code);
		x->refused = true;
		return true;
	}
	if (!need(x, FIG_RATIO, &b->ratio, "chronic.ratio") ||
	    !need(x, FIG_CAP, &d->cap, "chronic.cap.%s", d->code))
		return false;
	/* RULES.md 5.2: deductible 0, whatever else the pack says. */
	o->ratio = bp_of(&b->ratio);
	o->fund = apply_cap(x, money_share(o->range, o->ratio),
	    fen_of(&d->cap), c->ytd_chronic_fund, CAP_CHRONIC);
	return true;
}

/* Maternity: a quota, never more than R (001). */
static bool
basic_maternity(struct ctx *x)
{
	const struct policy *pol = x->pol;
	const struct claim *c = x->c;
	struct settlement *o = x->out;
	int babies = c->babies > 0 ? c->babies : 1;
	fen_t quota;

	if (c->delivery == DELIVERY_DIFFICULT) {
		if (!need(x, FIG_QUOTA, &pol->maternity_difficult,
		    "maternity.difficult"))
			return false;
		quota = fen_of(&pol->maternity_difficult);
	} else {
		if (!need(x, FIG_QUOTA, &pol->maternity_normal,
		    "maternity.normal"))
			return false;
		quota = fen_of(&pol->maternity_normal);
	}
	if (babies > 1) {
		if (!need(x, FIG_EXTRA_BABY, &pol->maternity_extra_baby,
		    "maternity.extra_baby"))
			return false;
		quota += (fen_t)(babies - 1) * fen_of(&pol->maternity_extra_baby);
	}
	if (quota > o->range)
		note_amounts(x, NOTE_QUOTA_OVER_RANGE, 0, quota, o->range);
	o->fund = min_fen(quota, o->range);
	return true;
}

/* 000: 门诊统筹制度于2021年1月1日起实施: nothing before a benefit's first day. */
static bool
started(struct ctx *x)
{
	const struct param *from = &x->pol->kind[x->c->kind].from;
	struct settle_note *n;

	if (!from->set || x->c->date.y == 0 ||
	    date_to_days(x->c->date) >= from->v)
		return true;
	need(x, FIG_COUNT, from, "%s.from", claim_kind_code(x->c->kind));
	if ((n = note(x, NOTE_NOT_STARTED)) != NULL)
		n->date = date_from_days((int32_t)from->v);
	x->refused = true;
	return false;
}

static bool
basic(struct ctx *x)
{
	if (!started(x))
		return true;
	switch (x->c->kind) {
	case KIND_INPATIENT:
	case KIND_ACCIDENT:
		return basic_inpatient(x);
	case KIND_OUTPATIENT:
		return basic_outpatient(x);
	case KIND_CHRONIC:
		return basic_chronic(x);
	case KIND_MATERNITY:
		return basic_maternity(x);
	case KIND_COUNT:
		break;
	}
	return false;
}

/* ---- groups (5.3, 5.4) ------------------------------------------------ */

static bool
residence_ok(enum residence want, enum residence has)
{
	return want == RES_ANY || want == has;
}

/*
 * Does a group with these categories and residence condition take the
 * person?  First pass: groups naming categories the person holds (any of
 * them); second pass: the ordinary groups (categories 0).
 */
static bool
group_takes(catset_t cats, enum residence res, const struct claim *c,
    bool ordinary)
{
	if (!residence_ok(res, c->residence))
		return false;
	return ordinary ? cats == 0 : (cats & c->categories) != 0;
}

static int
serious_group_of(const struct policy *pol, const struct claim *c)
{
	int n = pol->ngroups < GROUP_MAX ? pol->ngroups : GROUP_MAX;

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++)
			if (group_takes(pol->group[i].categories,
			    pol->group[i].residence, c, pass == 1))
				return i;
	return -1;
}

static int
assist_group_of(const struct policy *pol, const struct claim *c)
{
	int n = pol->nassist < GROUP_MAX ? pol->nassist : GROUP_MAX;

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++)
			if (group_takes(pol->assist[i].categories,
			    pol->assist[i].residence, c, pass == 1))
				return i;
	return -1;
}

static const char *
group_label(const char *label, const char *name)
{
	return label[0] != '\0' ? label : name;
}

/* ---- 5.3 serious illness ---------------------------------------------- */

static bool
serious_applies(const struct ctx *x)
{
	switch (x->c->kind) {
	case KIND_INPATIENT:
	case KIND_ACCIDENT:
		return true;
	case KIND_CHRONIC:
		return x->pol->serious_includes_chronic.set &&
		    x->pol->serious_includes_chronic.v == 1;
	default:
		return false;
	}
}

/* 002: 相应报销下浮比例不再纳入大病报销范围 */
static fen_t
penalty_part(struct ctx *x)
{
	const struct settlement *o = x->out;
	const struct param *p = &x->pol->serious_excludes_penalty;

	if (!x->penalized || !p->set || p->v != 1)
		return 0;
	return money_share(o->range - o->deductible, o->penalty);
}

/*
 * Σ ratio × |(max(c0, ded, lower), min(c1, upper)]| over the segments, in
 * fen × bp, unrounded.  false (missing parameter) if a segment used has no
 * ratio, or the base runs past a last segment that has an upper bound.
 */
static bool
segments(struct ctx *x, const struct serious_group *g, fen_t ded,
    int64_t *num)
{
	struct settlement *o = x->out;
	fen_t lower = 0, c0 = o->serious_c0, c1 = o->serious_c1;
	int n = g->nseg < SEGMENT_MAX ? g->nseg : SEGMENT_MAX;

	*num = 0;
	for (int k = 0; k < n && lower < c1; k++) {
		const struct segment *s = &g->seg[k];
		const struct param *rp = &s->ratio;
		fen_t from = c0 > ded ? c0 : ded, to = c1;

		if (x->c->major_disease && s->ratio_major.set)
			rp = &s->ratio_major;
		if (from < lower)
			from = lower;
		if (s->upper.set && s->upper.v < to)
			to = s->upper.v;
		if (to > from) {
			struct settle_segment *u = &o->seg[o->nseg++];

			if (!need(x, FIG_COUNT, rp, "serious.%s.segment.%d",
			    g->name, k + 1))
				return false;
			*u = (struct settle_segment){ .from = from, .to = to,
			    .ratio = bp_of(rp), .p = *rp };
			u->pay = money_share(to - from, u->ratio);
			*num += (to - from) * (int64_t)u->ratio;
		}
		if (!s->upper.set)
			return true;
		lower = s->upper.v;
	}
	/* Base left above a last segment that has an upper bound. */
	if (lower < c1 && c1 > c0 && c1 > ded) {
		snprintf(o->missing, sizeof o->missing,
		    "serious.%s.segment.%d", g->name, n + 1);
		o->status = SETTLE_MISSING_PARAM;
		return false;
	}
	return true;
}

static bool
serious(struct ctx *x)
{
	const struct policy *pol = x->pol;
	const struct claim *c = x->c;
	struct settlement *o = x->out;
	const struct serious_group *g;
	fen_t ded, pay;
	int64_t num;
	int gi;

	if (x->refused || !serious_applies(x))
		return true;
	if (!pol->serious_defined) {
		note(x, NOTE_NO_SERIOUS);
		return true;
	}
	o->penalty_part = penalty_part(x);
	if (o->penalty_part > 0)
		note_amounts(x, NOTE_SERIOUS_PENALTY_PART, 0, o->penalty_part, 0);
	o->serious_base = max0(o->range - o->fund - o->penalty_part);
	o->serious_c0 = c->ytd_serious_base;
	o->serious_c1 = c->ytd_serious_base + o->serious_base;

	gi = serious_group_of(pol, c);
	if (gi < 0) {
		snprintf(o->missing, sizeof o->missing, "serious.ordinary");
		o->status = SETTLE_MISSING_PARAM;
		return false;
	}
	g = &pol->group[gi];
	o->serious_group = gi;
	note_text(x, NOTE_SERIOUS_GROUP, group_label(g->label, g->name));
	if (!need(x, FIG_SERIOUS_DEDUCTIBLE, &g->deductible,
	    "serious.%s.deductible", g->name))
		return false;
	ded = fen_of(&g->deductible);
	if (o->serious_base > 0 && o->serious_c1 <= ded)
		note_amounts(x, NOTE_SERIOUS_BELOW_DEDUCTIBLE, 0, ded,
		    o->serious_c1);
	if (!segments(x, g, ded, &num))
		return false;
	pay = sum_share(num);
	if (!g->no_cap) {
		if (!need(x, FIG_SERIOUS_CAP, &g->cap, "serious.%s.cap", g->name))
			return false;
		pay = apply_cap(x, pay, fen_of(&g->cap), c->ytd_serious_paid,
		    CAP_SERIOUS);
	}
	/* Nobody pays more than is left of the bill. */
	o->serious = min_fen(pay, max0(o->total - o->fund));
	return true;
}

/* ---- 5.4 assistance --------------------------------------------------- */

static bool
assistance_applies(const struct ctx *x)
{
	return x->c->kind == KIND_INPATIENT || x->c->kind == KIND_ACCIDENT ||
	    x->c->kind == KIND_CHRONIC;
}

static bool
assistance(struct ctx *x)
{
	const struct policy *pol = x->pol;
	const struct claim *c = x->c;
	struct settlement *o = x->out;
	const struct assistance_group *g;
	fen_t from, to, pay;
	int gi;

	if (x->refused || !assistance_applies(x))
		return true;
	if (!pol->assistance_defined) {
		note(x, NOTE_NO_ASSISTANCE);
		return true;
	}
	gi = assist_group_of(pol, c);
	if (gi < 0) {
		note(x, NOTE_ASSIST_NO_GROUP);
		return true;
	}
	g = &pol->assist[gi];
	o->assist_group = gi;
	note_text(x, NOTE_ASSIST_GROUP, group_label(g->label, g->name));
	if (!need(x, FIG_ASSIST_DEDUCTIBLE, &g->deductible,
	    "assistance.%s.deductible", g->name) ||
	    !need(x, FIG_ASSIST_RATIO, &g->ratio, "assistance.%s.ratio", g->name) ||
	    !need(x, FIG_ASSIST_CAP, &g->cap, "assistance.%s.cap", g->name))
		return false;

	/* Cumulative like serious illness: the deductible is annual. */
	o->assistance_base = max0(o->range - o->fund - o->serious);
	from = c->ytd_assistance_base;
	to = from + o->assistance_base;
	if (from < fen_of(&g->deductible))
		from = fen_of(&g->deductible);
	pay = money_share(max0(to - from), bp_of(&g->ratio));
	pay = apply_cap(x, pay, fen_of(&g->cap), c->ytd_assistance_paid,
	    CAP_ASSISTANCE);
	o->assistance = min_fen(pay, max0(o->total - o->fund - o->serious));
	return true;
}

/* ---- the whole ---------------------------------------------------------- */

static void
ineligible(struct ctx *x)
{
	const struct claim *c = x->c;
	struct settle_note *n = note(x, NOTE_NOT_ELIGIBLE);

	x->out->eligible = false;
	x->out->personal = c->total;
	if (n == NULL)
		return;
	n->which = c->ineligible;
	n->date = c->ineligible_until;
	snprintf(n->text, sizeof n->text, "%s", c->ineligible_text);
}

/* Keep only what says why: the figures of a stopped settlement mean nothing. */
static enum settle_status
stop(struct settlement *out, enum settle_status st)
{
	struct settlement keep = *out;

	memset(out, 0, sizeof *out);
	out->status = st;
	memcpy(out->missing, keep.missing, sizeof out->missing);
	memcpy(out->policy_id, keep.policy_id, sizeof out->policy_id);
	out->kind = keep.kind;
	out->serious_group = out->assist_group = -1;
	return st;
}

enum settle_status
settle(const struct policy *pol, const struct claim *c, struct settlement *out)
{
	struct ctx x = { .pol = pol, .c = c, .out = out };
	enum settle_status st;

	memset(out, 0, sizeof *out);
	snprintf(out->policy_id, sizeof out->policy_id, "%s", pol->id);
	out->kind = c->kind;
	out->serious_group = out->assist_group = -1;
	out->total = c->total;
	if ((st = check_claim(c)) != SETTLE_OK)
		return stop(out, st);

	/* Not eligible: nothing is split, nothing counts towards the year. */
	if (c->ineligible != ELIGIBLE) {
		ineligible(&x);
		if (pol->illustrative)	/* a demonstration: every slip says so */
			note(&x, NOTE_ILLUSTRATIVE);
		return SETTLE_OK;
	}
	out->eligible = true;
	out->out_of_list = c->out_of_list;
	if (!split_bill(&x) || !basic(&x) || !serious(&x) || !assistance(&x))
		return stop(out, out->status != SETTLE_OK ? out->status
		    : SETTLE_MISSING_PARAM);

	out->fund = min_fen(out->fund, out->total);
	out->personal = out->total - out->fund - out->serious - out->assistance;
	if (pol->illustrative || x.illustrative)
		note(&x, NOTE_ILLUSTRATIVE);
	return SETTLE_OK;
}

/* ---- sentences ---------------------------------------------------------- */

const char *
settle_strerror(enum settle_status st)
{
	switch (st) {
	case SETTLE_OK:
		return _("settled");
	case SETTLE_MISSING_PARAM:
		return _("the policy pack lacks a parameter this claim needs");
	case SETTLE_BAD_AMOUNT:
		return _("an amount is negative or too large");
	case SETTLE_OVER_TOTAL:
		return _("out-of-list, class B and imported material together "
		    "are more than the total");
	case SETTLE_BAD_KIND:
		return _("unknown kind of claim");
	case SETTLE_BAD_SCOPE:
		return _("unknown scope");
	case SETTLE_BAD_LEVEL:
		return _("the hospital level must be 1, 2 or 3");
	case SETTLE_NEED_LEVEL:
		return _("this claim needs the hospital level (1, 2 or 3)");
	case SETTLE_NEED_DISEASE:
		return _("a chronic outpatient claim needs the disease code");
	case SETTLE_NEED_DELIVERY:
		return _("a maternity claim needs the delivery: normal or "
		    "difficult");
	case SETTLE_BAD_BABIES:
		return _("the number of babies must be between 1 and 20");
	case SETTLE_BAD_YTD:
		return _("the year-to-date figures are impossible (negative, "
		    "or a payment larger than its base)");
	}
	return _("unknown error");
}

static const char *
scope_text(int s)
{
	switch (s) {
	case SCOPE_LOCAL:
		return _("the home county");
	case SCOPE_COUNTY:
		return _("another county of the pooling region");
	case SCOPE_CITY:
		return _("another region of the province");
	case SCOPE_PROVINCE:
		return _("another province");
	}
	return "?";
}

static const char *
cap_text(int which)
{
	switch (which) {
	case CAP_INPATIENT:
		return _("inpatient (accident included)");
	case CAP_ACCIDENT:
		return _("accident");
	case CAP_OUTPATIENT:
		return _("general outpatient");
	case CAP_CHRONIC:
		return _("chronic disease");
	case CAP_SERIOUS:
		return _("serious-illness insurance");
	case CAP_ASSISTANCE:
		return _("medical assistance");
	}
	return "?";
}

static char *
not_eligible_text(const struct settle_note *n, char *buf, size_t len)
{
	char d[DATE_BUFSZ];

	switch (n->which) {
	case INELIGIBLE_NOT_PAID:
		snprintf(buf, len, "%s", _("Not eligible: no contribution is "
		    "paid for the benefit year of the claim date. Every "
		    "payment is 0."));
		break;
	case INELIGIBLE_WAITING:
		snprintf(buf, len, _("Not eligible: the claim date is inside "
		    "the waiting period, which lasts until %s. Every payment "
		    "is 0."), date_format(n->date, d));
		break;
	case INELIGIBLE_KIND:
		snprintf(buf, len, "%s", _("Not eligible: this kind of care is "
		    "not covered for this person (a late payer gets inpatient "
		    "benefits only). Every payment is 0."));
		break;
	default:
		snprintf(buf, len, _("Not eligible: %s. Every payment is 0."),
		    n->text);
		break;
	}
	return buf;
}

char *
settle_note_format(const struct settle_note *n, char *buf, size_t len)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], p[MONEY_BUFSZ], d[DATE_BUFSZ];

	money_format(n->a, a);
	money_format(n->b, b);
	percent_format(n->bp, p);
	switch (n->kind) {
	case NOTE_NOT_ELIGIBLE:
		return not_eligible_text(n, buf, len);
	case NOTE_PENALTY:
		snprintf(buf, len, _("No off-site registration or referral for "
		    "care in %s: the ratio is cut by %s points."),
		    scope_text(n->which), p);
		break;
	case NOTE_PENALTY_WAIVED:
		snprintf(buf, len, n->which == 0
		    ? _("Off-site registration or referral on file: no cut of "
		    "the ratio for care in %s.")
		    : _("Emergency admission: no cut of the ratio for care in "
		    "%s."), scope_text(n->which2));
		break;
	case NOTE_DEDUCTIBLE_OVER_RANGE:
		snprintf(buf, len, _("The deductible %s yuan is larger than the "
		    "policy-range cost %s yuan: the fund pays nothing."), a, b);
		break;
	case NOTE_OUTPATIENT_DEDUCTIBLE:
		snprintf(buf, len, _("Yearly outpatient deductible %s yuan, of "
		    "which %s yuan was left before this visit."), a, b);
		break;
	case NOTE_CAP_REACHED:
		snprintf(buf, len, _("Annual cap reached (%s): the cap is %s "
		    "yuan and %s yuan was left before this claim."),
		    cap_text(n->which), a, b);
		break;
	case NOTE_CHRONIC_EXCLUDED:
		snprintf(buf, len, "%s", _("The person holds a chronic-disease "
		    "qualification: no general outpatient benefit."));
		break;
	case NOTE_DISEASE_NOT_LISTED:
		snprintf(buf, len, _("Disease %s is not in the policy pack's "
		    "chronic-disease list: no chronic outpatient benefit."),
		    n->text);
		break;
	case NOTE_NOT_QUALIFIED:
		snprintf(buf, len, _("The person holds no qualification for "
		    "the chronic disease %s: no chronic outpatient benefit."),
		    n->text);
		break;
	case NOTE_QUOTA_OVER_RANGE:
		snprintf(buf, len, _("The maternity quota %s yuan is more than "
		    "the policy-range cost %s yuan: the fund pays the "
		    "policy-range cost."), a, b);
		break;
	case NOTE_NO_SERIOUS:
		snprintf(buf, len, "%s", _("The policy pack has no "
		    "serious-illness insurance section: serious-illness "
		    "payment 0."));
		break;
	case NOTE_SERIOUS_GROUP:
		snprintf(buf, len, _("Serious-illness insurance group: %s."),
		    n->text);
		break;
	case NOTE_SERIOUS_PENALTY_PART:
		snprintf(buf, len, _("The %s yuan cut for care without "
		    "referral does not count for serious-illness insurance."),
		    a);
		break;
	case NOTE_SERIOUS_BELOW_DEDUCTIBLE:
		snprintf(buf, len, _("The year's in-list personal burden, %s "
		    "yuan, has not passed the serious-illness deductible, %s "
		    "yuan."), b, a);
		break;
	case NOTE_NO_ASSISTANCE:
		snprintf(buf, len, "%s", _("The policy pack has no medical "
		    "assistance section: assistance payment 0."));
		break;
	case NOTE_ASSIST_GROUP:
		snprintf(buf, len, _("Medical assistance group: %s."), n->text);
		break;
	case NOTE_ASSIST_NO_GROUP:
		snprintf(buf, len, "%s", _("The person is in no medical "
		    "assistance group: assistance payment 0."));
		break;
	case NOTE_NOT_STARTED:
		snprintf(buf, len, _("This benefit starts on %s: no payment "
		    "for a claim before that day."), date_format(n->date, d));
		break;
	case NOTE_ILLUSTRATIVE:
		snprintf(buf, len, "%s", _("Illustrative values were used (a "
		    "demonstration, not a policy document)."));
		break;
	default:
		snprintf(buf, len, "?");
		break;
	}
	return buf;
}
