/*
 * policy.c: policy-pack text -> struct policy (man/yibao-policy.5).
 *
 * A pack is read line by line: `[section]`, `key = value`, `#` comments, an
 * optional `!illustrative` after a value.  The chain of `extends` is applied
 * from the farthest parent to the pack itself, so a child overrides what it
 * names and inherits the rest.  Everything is validated after the whole
 * chain is applied, and each error names file, line and key.
 */
#include "core/policy.h"
#include "core/policy_load.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* ---- codes ---------------------------------------------------------- */

static const char *const category_codes[CAT_COUNT] = {
	"registered_poor", "extreme_poverty", "min_living",
	"severe_disability", "moderate_disability", "low_income", "orphan",
	"priority_care", "cadre_widow", "elderly_low_income",
};
static const char *const kind_codes[KIND_COUNT] = {
	"inpatient", "accident", "outpatient", "chronic", "maternity",
};
static const char *const scope_codes[SCOPE_COUNT] = {
	"local", "county", "city", "province",
};

static int
code_index(const char *const *codes, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (code != NULL && strcmp(codes[i], code) == 0)
			return i;
	return -1;
}

const char *
category_code(enum category c)
{
	return (unsigned)c < CAT_COUNT ? category_codes[c] : "";
}

int
category_from_code(const char *code, enum category *out)
{
	int i = code_index(category_codes, CAT_COUNT, code);

	if (i < 0)
		return -1;
	*out = (enum category)i;
	return 0;
}

const char *
claim_kind_code(enum claim_kind k)
{
	return (unsigned)k < KIND_COUNT ? kind_codes[k] : "";
}

int
claim_kind_from_code(const char *code, enum claim_kind *out)
{
	int i = code_index(kind_codes, KIND_COUNT, code);

	if (i < 0)
		return -1;
	*out = (enum claim_kind)i;
	return 0;
}

const char *
scope_code(enum scope s)
{
	return (unsigned)s < SCOPE_COUNT ? scope_codes[s] : "";
}

int
scope_from_code(const char *code, enum scope *out)
{
	int i = code_index(scope_codes, SCOPE_COUNT, code);

	if (i < 0)
		return -1;
	*out = (enum scope)i;
	return 0;
}

/* ---- errors --------------------------------------------------------- */

/* Copy, cut to fit (callers check lengths where a cut would matter). */
static void
copy_str(char *dst, size_t sz, const char *src)
{
	size_t n = src != NULL ? strlen(src) : 0;

	if (n >= sz)
		n = sz - 1;
	memcpy(dst, src != NULL ? src : "", n);
	dst[n] = '\0';
}

void
policy_error_add(struct policy_errors *errs, const char *file, int32_t line,
    const char *key, const char *fmt, ...)
{
	struct policy_error *e;
	va_list ap;

	if (errs->n >= POLICY_ERR_MAX) {
		errs->more++;
		return;
	}
	e = &errs->e[errs->n++];
	copy_str(e->file, sizeof e->file, file);
	e->line = line;
	copy_str(e->key, sizeof e->key, key);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

/* ---- the loader ----------------------------------------------------- */

enum section {
	SEC_NONE, SEC_PACK, SEC_CATEGORIES, SEC_CONTRIBUTION, SEC_SPLIT,
	SEC_SUBSIDY, SEC_KIND, SEC_SELFPAY, SEC_SERIOUS, SEC_GROUP,
	SEC_ASSIST, SEC_UNKNOWN
};

/* What a value means, hence how it is parsed and checked. */
enum vtype {
	V_MONEY, V_PERCENT, V_DAYS, V_AGE, V_YEAR, V_DATE, V_BOOL, V_SHARE
};

struct where {
	int16_t src;
	int32_t line;
};

/* A key that named categories: checked against [categories] at the end. */
#define CATREF_MAX 96
struct catref {
	struct where at;
	char key[64];
	catset_t set;
};

#define LINE_MAX_BYTES 1024

struct loader {
	struct policy *p;
	struct policy_errors *errs;
	const char *files[SOURCE_MAX];
	int src;			/* the file being applied */
	int32_t line;
	const char *key;		/* the key being applied, for messages */
	bool illustrative;		/* this line ends in !illustrative */
	enum section sec;
	int idx;			/* kind, group or split of the section */
	char secname[64];

	char (*seen)[128];		/* "section key" of this file */
	size_t nseen, capseen;

	struct where pack_hdr;		/* [pack] of the pack itself */
	struct param as_inpatient;	/* [accident] as_inpatient */
	struct where ghdr[GROUP_MAX], ahdr[GROUP_MAX];
	int seg_src[GROUP_MAX];		/* the file that gave a group's segments */
	int nref;
	struct catref ref[CATREF_MAX];
};

static void
err(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An error at the current line and key. */
static void
err(struct loader *L, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	policy_error_add(L->errs, L->files[L->src], L->line,
	    L->key != NULL ? L->key : "", "%s", msg);
}

/* An error at a recorded place, found after the whole chain is applied. */
static void
err_at(struct loader *L, struct where at, const char *key, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
err_at(struct loader *L, struct where at, const char *key, const char *fmt,
    ...)
{
	char msg[256];
	va_list ap;
	int src = at.src >= 0 && at.src < SOURCE_MAX ? at.src : 0;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	policy_error_add(L->errs, L->files[src], at.line, key, "%s", msg);
}

static struct where
where_of(const struct param *pp)
{
	struct where w = { pp->src, pp->line };
	return w;
}

/* ---- values --------------------------------------------------------- */

/* "yes"/"no" -> 1/0; -1 otherwise. */
static int
parse_bool(const char *s)
{
	if (strcmp(s, "yes") == 0)
		return 1;
	if (strcmp(s, "no") == 0)
		return 0;
	return -1;
}

/* A whole number within [lo, hi]; -1 on anything else. */
static int64_t
parse_int(const char *s, int64_t lo, int64_t hi)
{
	int64_t v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > hi)
			return -1;
	}
	return v < lo ? -1 : v;
}

static bool
parse_percent(struct loader *L, const char *val, int64_t *out)
{
	char buf[32];
	size_t n = strlen(val);
	enum money_err e;
	bp_t bp;

	/* "85%" reads as well as "85". */
	if (n > 0 && n < sizeof buf && val[n - 1] == '%') {
		memcpy(buf, val, n - 1);
		buf[n - 1] = '\0';
		val = buf;
	}
	e = percent_parse(val, &bp);
	if (e == MONEY_OK) {
		*out = bp;
		return true;
	}
	if (e == PERCENT_ABOVE_100)
		err(L, _("a percentage above 100 %%: a share cannot be more "
		    "than the whole"));
	else if (e == MONEY_DECIMALS)
		err(L, _("more than two decimals in a percentage"));
	else
		err(L, _("not a percentage: write a number from 0 to 100 with "
		    "up to two decimals, such as 62.5"));
	return false;
}

static bool
parse_value(struct loader *L, enum vtype t, const char *val, int64_t *out)
{
	enum money_err me;
	enum date_err de;
	struct date d;
	fen_t fen;
	int64_t v;

	switch (t) {
	case V_MONEY:
	case V_SHARE:	/* a weight is checked once the split's mode is known */
		if ((me = money_parse(val, 0, &fen)) != MONEY_OK) {
			err(L, "%s", money_strerror(me));
			return false;
		}
		*out = fen;
		return true;
	case V_PERCENT:
		return parse_percent(L, val, out);
	case V_DAYS:
		if ((v = parse_int(val, 0, 3660)) < 0) {
			err(L, _("not a number of days: write a whole number "
			    "from 0 to 3660"));
			return false;
		}
		*out = v;
		return true;
	case V_AGE:
		if ((v = parse_int(val, 0, 150)) < 0) {
			err(L, _("not an age: write whole years from 0 to 150"));
			return false;
		}
		*out = v;
		return true;
	case V_YEAR:
		if ((v = parse_int(val, 1900, 2200)) < 0) {
			err(L, _("not a year: write four digits, such as 2021"));
			return false;
		}
		*out = v;
		return true;
	case V_DATE:
		if ((de = date_parse(val, &d)) != DATE_OK) {
			err(L, "%s", date_strerror(de));
			return false;
		}
		*out = date_to_days(d);
		return true;
	case V_BOOL:
		if ((v = parse_bool(val)) < 0) {
			err(L, _("write yes or no"));
			return false;
		}
		*out = v;
		return true;
	}
	return false;
}

static void
mark(struct loader *L, struct param *pp, int64_t v)
{
	pp->v = v;
	pp->set = true;
	pp->illustrative = L->illustrative;
	pp->src = (int16_t)L->src;
	pp->line = L->line;
}

/*
 * A value that fails to parse stays unset but keeps its line, so that the
 * checks after the chain do not report it missing as well.
 */
static void
set(struct loader *L, struct param *pp, enum vtype t, const char *val)
{
	int64_t v;

	if (parse_value(L, t, val, &v))
		mark(L, pp, v);
	else if (!pp->set) {
		pp->src = (int16_t)L->src;
		pp->line = L->line;
	}
}

static void
set_text(struct loader *L, char *dst, size_t sz, const char *val)
{
	if (strlen(val) >= sz) {
		err(L, _("too long: at most %zu bytes"), sz - 1);
		return;
	}
	copy_str(dst, sz, val);
}

static void
unknown_key(struct loader *L)
{
	err(L, _("unknown key in [%s]"), L->secname);
}

/* A name of a group, split, disease or pack: [a-z0-9_-], not empty. */
static bool
is_name(const char *s, size_t max, bool dots)
{
	size_t n = 0;

	for (; *s != '\0'; s++, n++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || *s == '-' || (dots && *s == '.')))
			return false;
	return n > 0 && n < max;
}

/* "a, b c" -> a set of categories; every code must be one of RULES.md 2. */
static bool
parse_categories(struct loader *L, const char *val, catset_t *out)
{
	char buf[LINE_MAX_BYTES], *tok, *save = NULL;
	enum category c;
	catset_t cats = 0;
	bool ok = true;

	copy_str(buf, sizeof buf, val);
	for (tok = strtok_r(buf, ", \t", &save); tok != NULL;
	    tok = strtok_r(NULL, ", \t", &save)) {
		if (category_from_code(tok, &c) != 0) {
			err(L, _("unknown category '%s' (the codes are those of "
			    "RULES.md 2, such as registered_poor)"), tok);
			ok = false;
		} else
			cats |= CATSET(c);
	}
	if (ok && cats == 0) {
		err(L, _("no category given"));
		ok = false;
	}
	*out = cats;
	return ok;
}

static void
add_ref(struct loader *L, catset_t set)
{
	struct catref *r;

	if (L->nref >= CATREF_MAX)
		return;		/* only the [categories] check is lost */
	r = &L->ref[L->nref++];
	r->at.src = (int16_t)L->src;
	r->at.line = L->line;
	copy_str(r->key, sizeof r->key, L->key);
	r->set = set;
}

static bool
parse_residence(struct loader *L, const char *val, enum residence *out)
{
	if (strcmp(val, "any") == 0)
		*out = RES_ANY;
	else if (strcmp(val, "rural") == 0)
		*out = RES_RURAL;
	else if (strcmp(val, "urban") == 0)
		*out = RES_URBAN;
	else {
		err(L, _("write rural, urban or any"));
		return false;
	}
	return true;
}

/* ---- [pack] --------------------------------------------------------- */

static void
pack_key(struct loader *L, const char *key, const char *val)
{
	struct policy *p = L->p;
	bool own = L->src == 0;	/* who a pack is never comes from a parent */
	char scratch[256];
	int b;

	if (strcmp(key, "id") == 0 || strcmp(key, "extends") == 0) {
		if (!is_name(val, sizeof p->id, true))
			err(L, _("an id has only a-z, 0-9, '.', '_' and '-', "
			    "at most 63 of them"));
		else if (own && key[0] == 'i')
			copy_str(p->id, sizeof p->id, val);
	} else if (strcmp(key, "name") == 0)
		set_text(L, own ? p->name : scratch, sizeof p->name, val);
	else if (strcmp(key, "region") == 0)
		set_text(L, own ? p->region : scratch, sizeof p->region, val);
	else if (strcmp(key, "document") == 0)
		set_text(L, own ? p->document : scratch, sizeof p->document,
		    val);
	else if (strcmp(key, "seed") == 0)
		set_text(L, own ? p->seed : scratch, sizeof p->seed, val);
	else if (strcmp(key, "benefit_year") == 0)
		set(L, &p->benefit_year, V_YEAR, val);
	else if (strcmp(key, "illustrative") == 0) {
		if ((b = parse_bool(val)) < 0)
			err(L, _("write yes or no"));
		else if (own)
			p->illustrative = b;
	} else
		unknown_key(L);
}

/* ---- [categories], [subsidy] ---------------------------------------- */

static void
categories_key(struct loader *L, const char *key, const char *val)
{
	enum category c;

	if (category_from_code(key, &c) != 0) {
		err(L, _("unknown category (the codes are those of RULES.md 2, "
		    "such as registered_poor)"));
		return;
	}
	set_text(L, L->p->category_label[c], sizeof L->p->category_label[c],
	    val);
	L->p->categories |= CATSET(c);
}

static void
subsidy_rule(struct loader *L, struct subsidy_rule *r, const char *val)
{
	size_t n = strlen(val);
	int64_t v;

	if (strcmp(val, "full") == 0) {
		r->kind = SUBSIDY_FULL;
		mark(L, &r->amount, 0);	/* no amount: the location only */
	} else if (n > 0 && val[n - 1] == '%') {
		if (parse_percent(L, val, &v)) {
			r->kind = SUBSIDY_PERCENT;
			mark(L, &r->amount, v);
		}
	} else if (parse_value(L, V_MONEY, val, &v)) {
		r->kind = SUBSIDY_FIXED;
		mark(L, &r->amount, v);
	}
}

static void
subsidy_key(struct loader *L, const char *key, const char *val)
{
	char code[64];
	const char *dot = strchr(key, '.');
	enum category c;

	copy_str(code, sizeof code, key);
	if (dot != NULL)
		code[dot - key] = '\0';
	if (category_from_code(code, &c) != 0) {
		err(L, _("unknown category (the codes are those of RULES.md 2, "
		    "such as registered_poor)"));
		return;
	}
	add_ref(L, CATSET(c));
	if (dot == NULL)
		subsidy_rule(L, &L->p->subsidy[c], val);
	else if (strcmp(dot, ".min_age") == 0)
		set(L, &L->p->subsidy[c].min_age, V_AGE, val);
	else
		unknown_key(L);
}

/* ---- [contribution], [split.NAME] ----------------------------------- */

static void
contribution_key(struct loader *L, const char *key, const char *val)
{
	static const struct { const char *key; size_t off; enum vtype t; } keys[] = {
		{ "year", offsetof(struct policy, contribution_year), V_YEAR },
		{ "personal", offsetof(struct policy, personal), V_MONEY },
		{ "fiscal", offsetof(struct policy, fiscal), V_MONEY },
		{ "period_start", offsetof(struct policy, period_start), V_DATE },
		{ "period_end", offsetof(struct policy, period_end), V_DATE },
		{ "waiting_days", offsetof(struct policy, waiting_days), V_DAYS },
		{ "exempt_newborn", offsetof(struct policy, exempt_newborn), V_BOOL },
		{ "exempt_left_employee_days",
		    offsetof(struct policy, exempt_left_employee_days), V_DAYS },
		{ "serious_funding", offsetof(struct policy, serious_funding), V_MONEY },
	};
	struct policy *p = L->p;
	catset_t cats;

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(key, keys[i].key) == 0) {
			set(L, (struct param *)((char *)p + keys[i].off),
			    keys[i].t, val);
			return;
		}
	if (strcmp(key, "late") == 0) {
		if (strcmp(val, "full_with_wait") == 0)
			p->late = LATE_FULL_WITH_WAIT;
		else if (strcmp(val, "special_inpatient") == 0)
			p->late = LATE_SPECIAL_INPATIENT;
		else {
			err(L, _("write full_with_wait or special_inpatient"));
			return;
		}
		mark(L, &p->late_line, p->late);
	} else if (strcmp(key, "exempt_categories") == 0) {
		if (parse_categories(L, val, &cats)) {
			p->exempt_categories = cats;
			add_ref(L, cats);
		}
	} else
		unknown_key(L);
}

static const char *const gov_codes[GOV_COUNT] = {
	"central", "provincial", "city", "county"
};

static void
split_key(struct loader *L, const char *key, const char *val)
{
	struct fiscal_split *s = &L->p->split[L->idx];
	int g = code_index(gov_codes, GOV_COUNT, key);

	if (g >= 0)
		set(L, &s->share[g], V_SHARE, val);
	else if (strcmp(key, "label") == 0)
		set_text(L, s->label, sizeof s->label, val);
	else if (strcmp(key, "mode") == 0) {
		if (strcmp(val, "amount") == 0)
			s->mode = SPLIT_AMOUNT;
		else if (strcmp(val, "ratio") == 0)
			s->mode = SPLIT_RATIO;
		else
			err(L, _("write amount or ratio"));
	} else
		unknown_key(L);
}

/* ---- claim kinds ---------------------------------------------------- */

/* "level2" -> 2, "city" -> LEVEL_COUNT + SCOPE_CITY; -1 if neither. */
static int
where_index(const char *s)
{
	enum scope sc;

	if (strncmp(s, "level", 5) == 0 && s[5] >= '1' && s[5] <= '3' &&
	    s[6] == '\0')
		return s[5] - '0';
	if (scope_from_code(s, &sc) == 0)
		return LEVEL_COUNT + sc;
	return -1;
}

/* deductible.X, ratio.X, penalty.X of inpatient and accident. */
static bool
hospital_key(struct loader *L, struct benefit *b, const char *key,
    const char *val)
{
	const char *dot = strchr(key, '.');
	size_t n = dot != NULL ? (size_t)(dot - key) : 0;
	int w;

	if (dot == NULL || (w = where_index(dot + 1)) < 0)
		return false;
	if (n == 10 && strncmp(key, "deductible", n) == 0)
		set(L, w < LEVEL_COUNT ? &b->deductible_level[w] :
		    &b->deductible_scope[w - LEVEL_COUNT], V_MONEY, val);
	else if (n == 5 && strncmp(key, "ratio", n) == 0)
		set(L, w < LEVEL_COUNT ? &b->ratio_level[w] :
		    &b->ratio_scope[w - LEVEL_COUNT], V_PERCENT, val);
	else if (n == 7 && strncmp(key, "penalty", n) == 0) {
		if (w < LEVEL_COUNT + SCOPE_COUNTY)
			err(L, _("a penalty is by scope, outside the home "
			    "county: county, city or province"));
		else
			set(L, &b->penalty_scope[w - LEVEL_COUNT], V_PERCENT,
			    val);
	} else
		return false;
	return true;
}

static struct chronic_disease *
disease(struct loader *L, const char *code)
{
	struct policy *p = L->p;

	if (!is_name(code, sizeof p->disease[0].code, false)) {
		err(L, _("a disease code has only a-z, 0-9, '_' and '-'"));
		return NULL;
	}
	for (int i = 0; i < p->ndiseases; i++)
		if (strcmp(p->disease[i].code, code) == 0)
			return &p->disease[i];
	if (p->ndiseases >= DISEASE_MAX) {
		err(L, _("too many diseases: at most %d"), DISEASE_MAX);
		return NULL;
	}
	copy_str(p->disease[p->ndiseases].code, sizeof p->disease[0].code, code);
	return &p->disease[p->ndiseases++];
}

static bool
chronic_key(struct loader *L, const char *key, const char *val)
{
	struct chronic_disease *d;

	if (strncmp(key, "disease.", 8) == 0) {
		if ((d = disease(L, key + 8)) != NULL)
			set_text(L, d->name, sizeof d->name, val);
	} else if (strncmp(key, "cap.", 4) == 0) {
		if ((d = disease(L, key + 4)) != NULL)
			set(L, &d->cap, V_MONEY, val);
	} else
		return false;
	return true;
}

static bool
maternity_key(struct loader *L, const char *key, const char *val)
{
	struct policy *p = L->p;

	if (strcmp(key, "normal") == 0)
		set(L, &p->maternity_normal, V_MONEY, val);
	else if (strcmp(key, "difficult") == 0)
		set(L, &p->maternity_difficult, V_MONEY, val);
	else if (strcmp(key, "extra_baby") == 0)
		set(L, &p->maternity_extra_baby, V_MONEY, val);
	else
		return false;
	return true;
}

static void
kind_key(struct loader *L, const char *key, const char *val)
{
	enum claim_kind k = (enum claim_kind)L->idx;
	struct benefit *b = &L->p->kind[k];
	bool hospital = k == KIND_INPATIENT || k == KIND_ACCIDENT;
	bool single = k == KIND_OUTPATIENT || k == KIND_CHRONIC;

	if (strcmp(key, "from") == 0)
		set(L, &b->from, V_DATE, val);
	else if (hospital && strcmp(key, "cap") == 0) {
		set(L, &b->cap, V_MONEY, val);
		if (k == KIND_INPATIENT)	/* shared with accident */
			L->p->inpatient_cap = b->cap;
	} else if (hospital && hospital_key(L, b, key, val))
		;
	else if (k == KIND_ACCIDENT && strcmp(key, "as_inpatient") == 0)
		set(L, &L->as_inpatient, V_BOOL, val);
	else if (single && strcmp(key, "deductible") == 0)
		set(L, &b->deductible, V_MONEY, val);
	else if (single && strcmp(key, "ratio") == 0)
		set(L, &b->ratio, V_PERCENT, val);
	else if (k == KIND_OUTPATIENT && strcmp(key, "cap") == 0)
		set(L, &b->cap, V_MONEY, val);
	else if (k == KIND_OUTPATIENT && strcmp(key, "excludes_chronic") == 0)
		set(L, &L->p->outpatient_excludes_chronic, V_BOOL, val);
	else if (k == KIND_CHRONIC && chronic_key(L, key, val))
		;
	else if (k == KIND_MATERNITY && maternity_key(L, key, val))
		;
	else
		unknown_key(L);
}

static void
selfpay_key(struct loader *L, const char *key, const char *val)
{
	if (strcmp(key, "class_b") == 0)
		set(L, &L->p->class_b_selfpay, V_PERCENT, val);
	else if (strcmp(key, "imported") == 0)
		set(L, &L->p->imported_selfpay, V_PERCENT, val);
	else
		unknown_key(L);
}

/* ---- serious illness and assistance --------------------------------- */

static void
serious_key(struct loader *L, const char *key, const char *val)
{
	if (strcmp(key, "excludes_penalty") == 0)
		set(L, &L->p->serious_excludes_penalty, V_BOOL, val);
	else if (strcmp(key, "includes_chronic") == 0)
		set(L, &L->p->serious_includes_chronic, V_BOOL, val);
	else
		unknown_key(L);
}

/* "100000 60 61", "none 70": upper bound, ratio, optional major ratio. */
static void
segment_key(struct loader *L, struct serious_group *g, const char *num,
    const char *val)
{
	char buf[LINE_MAX_BYTES], *tok[4], *save = NULL;
	int64_t n, v;
	int ntok = 0;
	struct segment *s;

	if ((n = parse_int(num, 1, SEGMENT_MAX)) < 0) {
		err(L, _("segments are numbered 1 to %d"), SEGMENT_MAX);
		return;
	}
	/* A child that gives segments replaces the parent's list whole. */
	if (L->seg_src[L->idx] != L->src) {
		memset(g->seg, 0, sizeof g->seg);
		g->nseg = 0;
		L->seg_src[L->idx] = L->src;
	}
	s = &g->seg[n - 1];
	if (n > g->nseg)
		g->nseg = (int)n;
	s->ratio.src = (int16_t)L->src;	/* here, even if refused below */
	s->ratio.line = L->line;
	copy_str(buf, sizeof buf, val);
	for (char *t = strtok_r(buf, " \t", &save); t != NULL;
	    t = strtok_r(NULL, " \t", &save))
		if (ntok < 4)
			tok[ntok++] = t;
		else
			ntok = 4;
	if (ntok < 2 || ntok > 3) {
		err(L, _("write the upper bound (or none), the ratio and "
		    "optionally the major-disease ratio, such as 100000 60 61"));
		return;
	}
	if (strcmp(tok[0], "none") == 0) {
		memset(&s->upper, 0, sizeof s->upper);
		s->upper.src = (int16_t)L->src;
		s->upper.line = L->line;
	} else
		set(L, &s->upper, V_MONEY, tok[0]);
	set(L, &s->ratio, V_PERCENT, tok[1]);
	if (ntok == 3 && parse_percent(L, tok[2], &v))
		mark(L, &s->ratio_major, v);
}

static void
group_key(struct loader *L, const char *key, const char *val)
{
	struct serious_group *g = &L->p->group[L->idx];

	if (strcmp(key, "label") == 0)
		set_text(L, g->label, sizeof g->label, val);
	else if (strcmp(key, "categories") == 0) {
		if (parse_categories(L, val, &g->categories))
			add_ref(L, g->categories);
	} else if (strcmp(key, "residence") == 0)
		parse_residence(L, val, &g->residence);
	else if (strcmp(key, "deductible") == 0)
		set(L, &g->deductible, V_MONEY, val);
	else if (strcmp(key, "cap") == 0) {
		if (strcmp(val, "none") == 0) {
			memset(&g->cap, 0, sizeof g->cap);
			g->no_cap = true;
		} else {
			set(L, &g->cap, V_MONEY, val);
			g->no_cap = !g->cap.set && g->no_cap;
		}
	} else if (strncmp(key, "segment.", 8) == 0)
		segment_key(L, g, key + 8, val);
	else
		unknown_key(L);
}

static void
assist_key(struct loader *L, const char *key, const char *val)
{
	struct assistance_group *a = &L->p->assist[L->idx];

	if (strcmp(key, "label") == 0)
		set_text(L, a->label, sizeof a->label, val);
	else if (strcmp(key, "categories") == 0) {
		if (parse_categories(L, val, &a->categories))
			add_ref(L, a->categories);
	} else if (strcmp(key, "residence") == 0)
		parse_residence(L, val, &a->residence);
	else if (strcmp(key, "deductible") == 0)
		set(L, &a->deductible, V_MONEY, val);
	else if (strcmp(key, "ratio") == 0)
		set(L, &a->ratio, V_PERCENT, val);
	else if (strcmp(key, "cap") == 0)
		set(L, &a->cap, V_MONEY, val);
	else
		unknown_key(L);
}

/* ---- sections ------------------------------------------------------- */

/* The index of group `name` in names[], adding it if new; -1 if full. */
#define NAME_SZ 32	/* county_type and the group names */

static int
named(struct loader *L, char *names, size_t stride, int *n, int max,
    const char *name, struct where *hdr)
{
	for (int i = 0; i < *n; i++)
		if (strcmp(names + (size_t)i * stride, name) == 0)
			return i;
	if (*n >= max) {
		err(L, _("too many sections of this kind: at most %d"), max);
		return -1;
	}
	copy_str(names + (size_t)*n * stride, NAME_SZ, name);
	if (hdr != NULL) {
		hdr[*n].src = (int16_t)L->src;
		hdr[*n].line = L->line;
	}
	return (*n)++;
}

static void
named_section(struct loader *L, const char *kind, const char *name)
{
	struct policy *p = L->p;
	int i = -1;

	if (!is_name(name, NAME_SZ, false)) {
		err(L, _("a section name has only a-z, 0-9, '_' and '-', at "
		    "most 31 of them"));
	} else if (strcmp(kind, "split") == 0) {
		L->sec = SEC_SPLIT;
		i = named(L, p->split[0].county_type, sizeof p->split[0],
		    &p->nsplits, SPLIT_MAX, name, NULL);
		if (i >= 0 && !p->split[i].line.set)
			mark(L, &p->split[i].line, 0);
	} else if (strcmp(kind, "serious") == 0) {
		L->sec = SEC_GROUP;
		p->serious_defined = true;
		i = named(L, p->group[0].name, sizeof p->group[0],
		    &p->ngroups, GROUP_MAX, name, L->ghdr);
	} else if (strcmp(kind, "assistance") == 0) {
		L->sec = SEC_ASSIST;
		p->assistance_defined = true;
		i = named(L, p->assist[0].name, sizeof p->assist[0],
		    &p->nassist, GROUP_MAX, name, L->ahdr);
	} else {
		err(L, _("unknown section"));
	}
	if (i < 0)
		L->sec = SEC_UNKNOWN;
	L->idx = i;
}

static void
section(struct loader *L, const char *name)
{
	static const struct { const char *name; enum section sec; } plain[] = {
		{ "pack", SEC_PACK }, { "categories", SEC_CATEGORIES },
		{ "contribution", SEC_CONTRIBUTION }, { "subsidy", SEC_SUBSIDY },
		{ "selfpay", SEC_SELFPAY }, { "serious", SEC_SERIOUS },
	};
	enum claim_kind k;
	char kind[64];
	const char *dot;

	copy_str(L->secname, sizeof L->secname, name);
	L->sec = SEC_UNKNOWN;
	L->idx = 0;
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (strcmp(name, plain[i].name) == 0) {
			L->sec = plain[i].sec;
			if (L->sec == SEC_SERIOUS)
				L->p->serious_defined = true;
			if (L->sec == SEC_PACK && L->src == 0 &&
			    L->pack_hdr.line == 0) {
				L->pack_hdr.src = 0;
				L->pack_hdr.line = L->line;
			}
			return;
		}
	if (claim_kind_from_code(name, &k) == 0) {
		L->sec = SEC_KIND;
		L->idx = k;
		L->p->kind[k].defined = true;
		return;
	}
	if ((dot = strchr(name, '.')) != NULL && (size_t)(dot - name) < sizeof kind) {
		copy_str(kind, sizeof kind, name);
		kind[dot - name] = '\0';
		named_section(L, kind, dot + 1);
		return;
	}
	err(L, _("unknown section"));
}

/* ---- lines ---------------------------------------------------------- */

static bool
valid_utf8(const unsigned char *s)
{
	while (*s != '\0') {
		int n = *s < 0x80 ? 0 : (*s & 0xe0) == 0xc0 ? 1 :
		    (*s & 0xf0) == 0xe0 ? 2 : (*s & 0xf8) == 0xf0 ? 3 : -1;

		if (n < 0 || (n == 1 && *s < 0xc2))
			return false;
		for (s++; n > 0; n--, s++)
			if ((*s & 0xc0) != 0x80)
				return false;
	}
	return true;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Cut a comment: '#' at the start or after a blank. */
static void
cut_comment(char *s)
{
	for (char *c = s; *c != '\0'; c++)
		if (*c == '#' && (c == s || c[-1] == ' ' || c[-1] == '\t')) {
			*c = '\0';
			return;
		}
}

/* Cut a trailing "!illustrative"; true if there was one. */
static bool
cut_illustrative(char *val)
{
	static const char mark_[] = "!illustrative";
	size_t n = strlen(val), m = sizeof mark_ - 1;

	if (n < m || strcmp(val + n - m, mark_) != 0)
		return false;
	if (n > m && val[n - m - 1] != ' ' && val[n - m - 1] != '\t')
		return false;
	val[n - m] = '\0';
	trim(val);
	return true;
}

/* False (and an error) if this section and key came earlier in this file. */
static bool
first_time(struct loader *L, const char *key)
{
	char k[128];

	snprintf(k, sizeof k, "%s %s", L->secname, key);
	for (size_t i = 0; i < L->nseen; i++)
		if (strcmp(L->seen[i], k) == 0) {
			err(L, _("given twice in [%s]"), L->secname);
			return false;
		}
	if (L->nseen == L->capseen) {
		size_t cap = L->capseen ? L->capseen * 2 : 128;
		void *n = realloc(L->seen, cap * sizeof *L->seen);

		if (n == NULL)
			return true;	/* only the duplicate check is lost */
		L->seen = n;
		L->capseen = cap;
	}
	copy_str(L->seen[L->nseen++], sizeof L->seen[0], k);
	return true;
}

static void
key_value(struct loader *L, char *key, char *val)
{
	L->key = key;
	L->illustrative = cut_illustrative(val);
	if (L->sec == SEC_UNKNOWN)
		return;		/* the section was refused once already */
	if (L->sec == SEC_NONE) {
		err(L, _("a key before any [section]"));
		return;
	}
	if (*key == '\0' || strlen(key) >= 64) {
		err(L, _("a key is a name of at most 63 characters"));
		return;
	}
	if (!first_time(L, key))
		return;
	if (*val == '\0') {
		err(L, _("no value"));
		return;
	}
	switch (L->sec) {
	case SEC_PACK: pack_key(L, key, val); break;
	case SEC_CATEGORIES: categories_key(L, key, val); break;
	case SEC_CONTRIBUTION: contribution_key(L, key, val); break;
	case SEC_SPLIT: split_key(L, key, val); break;
	case SEC_SUBSIDY: subsidy_key(L, key, val); break;
	case SEC_KIND: kind_key(L, key, val); break;
	case SEC_SELFPAY: selfpay_key(L, key, val); break;
	case SEC_SERIOUS: serious_key(L, key, val); break;
	case SEC_GROUP: group_key(L, key, val); break;
	case SEC_ASSIST: assist_key(L, key, val); break;
	case SEC_NONE: case SEC_UNKNOWN: break;
	}
}

static void
one_line(struct loader *L, char *line)
{
	char *s, *eq, *end, hdr[64];

	L->key = NULL;
	if (!valid_utf8((const unsigned char *)line)) {
		err(L, _("not valid UTF-8: a pack is UTF-8 text"));
		return;
	}
	cut_comment(line);
	s = trim(line);
	if (*s == '\0')
		return;
	if (*s == '[') {
		end = s + strlen(s) - 1;
		copy_str(hdr, sizeof hdr, s);
		L->key = hdr;
		if (*end != ']') {
			err(L, _("a section header ends with ']'"));
			L->sec = SEC_UNKNOWN;
			return;
		}
		*end = '\0';
		section(L, trim(s + 1));
		return;
	}
	if ((eq = strchr(s, '=')) == NULL) {
		L->key = s;
		err(L, _("expected key = value"));
		return;
	}
	*eq = '\0';
	key_value(L, trim(s), trim(eq + 1));
}

/* Apply one file of the chain, line by line. */
static void
apply(struct loader *L, int src, const char *text)
{
	char buf[LINE_MAX_BYTES];
	const char *s = text, *nl;
	size_t n;

	L->src = src;
	L->line = 0;
	L->sec = SEC_NONE;
	L->nseen = 0;
	copy_str(L->secname, sizeof L->secname, "");
	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;		/* a BOM some editors write */
	while (*s != '\0') {
		nl = strchr(s, '\n');
		n = nl != NULL ? (size_t)(nl - s) : strlen(s);
		L->line++;
		if (n >= sizeof buf) {
			L->key = NULL;
			err(L, _("line too long: at most %d bytes"),
			    LINE_MAX_BYTES - 1);
		} else {
			memcpy(buf, s, n);
			buf[n] = '\0';
			one_line(L, buf);
		}
		s += n + (nl != NULL);
	}
}

/* ---- extends -------------------------------------------------------- */

/* The [pack] id / extends of a text and their lines (0 when absent). */
static void
peek(const char *text, char id[64], int32_t *id_line, char ext[64],
    int32_t *ext_line)
{
	char buf[LINE_MAX_BYTES], *s, *eq;
	const char *nl;
	bool in_pack = false;
	int32_t line = 0;
	size_t n;

	id[0] = ext[0] = '\0';
	*id_line = *ext_line = 0;
	for (; *text != '\0'; text += n + (nl != NULL)) {
		nl = strchr(text, '\n');
		n = nl != NULL ? (size_t)(nl - text) : strlen(text);
		line++;
		if (n >= sizeof buf)
			continue;
		memcpy(buf, text, n);
		buf[n] = '\0';
		cut_comment(buf);
		s = trim(buf);
		if (*s == '[') {
			eq = s + strlen(s) - 1;
			if (*eq == ']')
				*eq = '\0';
			in_pack = strcmp(trim(s + 1), "pack") == 0;
			continue;
		}
		if (!in_pack || (eq = strchr(s, '=')) == NULL)
			continue;
		*eq = '\0';
		s = trim(s);
		eq = trim(eq + 1);
		if (strcmp(s, "id") == 0 && *id_line == 0) {
			copy_str(id, 64, eq);
			*id_line = line;
		} else if (strcmp(s, "extends") == 0 && *ext_line == 0) {
			copy_str(ext, 64, eq);
			*ext_line = line;
		}
	}
}

void
policy_peek(const char *text, char id[64], char extends[64])
{
	int32_t a, b;

	peek(text, id, &a, extends, &b);
}

/*
 * Collect the chain: texts[0] is the pack, texts[i + 1] what texts[i]
 * extends.  Returns the number of files, or -1 after an error.
 */
static int
chain(struct loader *L, const char *texts[SOURCE_MAX], char
    files[SOURCE_MAX][256], policy_fetch_fn fetch, void *ctx)
{
	struct policy *p = L->p;
	char id[64], ext[64], next_id[64], next_ext[64];
	int32_t id_line, ext_line, l1, l2;
	struct where at;
	int n = 1;

	peek(texts[0], id, &id_line, ext, &ext_line);
	copy_str(p->sources[0].id, sizeof p->sources[0].id, id);
	while (ext[0] != '\0') {
		at.src = (int16_t)(n - 1);
		at.line = ext_line;
		for (int i = 0; i < n; i++)
			if (strcmp(p->sources[i].id, ext) == 0) {
				err_at(L, at, "extends", _("a cycle of extends: "
				    "'%s' is already in the chain"),
				    ext);
				return -1;
			}
		if (n >= SOURCE_MAX) {
			err_at(L, at, "extends", _("extends more than %d packs "
			    "deep"), SOURCE_MAX - 1);
			return -1;
		}
		files[n][0] = '\0';
		if (fetch == NULL || (texts[n] = fetch(ctx, ext, files[n - 1],
		    files[n], sizeof files[n])) == NULL) {
			err_at(L, at, "extends", _("no pack with the id '%s'"),
			    ext);
			return -1;
		}
		L->files[n] = files[n];
		peek(texts[n], next_id, &l1, next_ext, &l2);
		if (strcmp(next_id, ext) != 0) {
			err_at(L, at, "extends", _("the file found for '%s' "
			    "has the id '%s'"), ext, next_id);
			return -1;
		}
		copy_str(p->sources[n].id, sizeof p->sources[n].id, next_id);
		copy_str(ext, sizeof ext, next_ext);
		ext_line = l2;
		n++;
	}
	(void)id_line;
	return n;
}

/* ---- after the whole chain ----------------------------------------- */

/* Accident settles as inpatient (001 五(三)2.(4)) where it gives no value. */
static void
copy_inpatient(struct loader *L)
{
	struct benefit *in = &L->p->kind[KIND_INPATIENT];
	struct benefit *ac = &L->p->kind[KIND_ACCIDENT];

	if (!L->as_inpatient.set || L->as_inpatient.v == 0)
		return;
	for (int i = 0; i < LEVEL_COUNT; i++) {
		if (!ac->deductible_level[i].set)
			ac->deductible_level[i] = in->deductible_level[i];
		if (!ac->ratio_level[i].set)
			ac->ratio_level[i] = in->ratio_level[i];
	}
	for (int s = 0; s < SCOPE_COUNT; s++) {
		if (!ac->deductible_scope[s].set)
			ac->deductible_scope[s] = in->deductible_scope[s];
		if (!ac->ratio_scope[s].set)
			ac->ratio_scope[s] = in->ratio_scope[s];
		if (!ac->penalty_scope[s].set)
			ac->penalty_scope[s] = in->penalty_scope[s];
	}
}

static void
check_required(struct loader *L)
{
	struct policy *p = L->p;
	struct where at = L->pack_hdr;

	if (at.line == 0)
		at.line = 1;
	if (L->pack_hdr.line == 0)
		err_at(L, at, "[pack]", _("a pack starts with a [pack] section"));
	if (p->id[0] == '\0')
		err_at(L, at, "id", _("missing: the pack's id"));
	if (p->name[0] == '\0')
		err_at(L, at, "name", _("missing: the pack's name"));
	if (p->document[0] == '\0')
		err_at(L, at, "document", _("missing: the source document"));
	if (!p->benefit_year.set)
		err_at(L, at, "benefit_year", _("missing: the benefit year"));
}

static void
check_refs(struct loader *L)
{
	for (int i = 0; i < L->nref; i++) {
		catset_t missing = L->ref[i].set & ~L->p->categories;

		for (int c = 0; c < CAT_COUNT; c++)
			if (missing & CATSET(c))
				err_at(L, L->ref[i].at, L->ref[i].key,
				    _("category '%s' is not listed in "
				    "[categories]"), category_code(c));
	}
}

static void
check_contribution(struct loader *L)
{
	struct policy *p = L->p;

	for (int c = 0; c < CAT_COUNT; c++)
		if (p->subsidy[c].min_age.set &&
		    p->subsidy[c].kind == SUBSIDY_NONE)
			err_at(L, where_of(&p->subsidy[c].min_age), "min_age",
			    _("a minimum age without a subsidy rule for '%s'"),
			    category_code(c));
	if (p->period_start.set && p->period_end.set &&
	    p->period_end.v < p->period_start.v)
		err_at(L, where_of(&p->period_end), "period_end",
		    _("the payment period ends before it starts"));
	if (p->late == LATE_FULL_WITH_WAIT && !p->waiting_days.set)
		err_at(L, where_of(&p->late_line), "late",
		    _("late payment with a waiting period needs "
		    "waiting_days"));
}

static void
check_split(struct loader *L, struct fiscal_split *s)
{
	struct where at = where_of(&s->line);
	int64_t sum = 0;
	int given = 0, bad = 0;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], hdr[64];

	snprintf(hdr, sizeof hdr, "[split.%s]", s->county_type);

	for (int g = 0; g < GOV_COUNT; g++) {
		struct param *sh = &s->share[g];

		if (!sh->set && sh->line == 0)
			continue;
		given++;
		if (!sh->set) {
			bad++;
			continue;
		}
		if (s->mode == SPLIT_RATIO) {
			if (sh->v % 100 != 0) {
				err_at(L, where_of(sh), gov_codes[g],
				    _("a weight is a whole number"));
				bad++;
				continue;
			}
			sh->v /= 100;
		}
		sum += sh->v;
	}
	if (given == 0)
		err_at(L, at, hdr, _("no share is given"));
	else if (bad == 0 && s->mode == SPLIT_AMOUNT && L->p->fiscal.set &&
	    sum != L->p->fiscal.v)
		err_at(L, at, hdr, _("the shares add up to %s, "
		    "not the fiscal subsidy %s"), money_format(sum, a),
		    money_format(L->p->fiscal.v, b));
}

static void
check_segments(struct loader *L, int gi)
{
	struct serious_group *g = &L->p->group[gi];
	char key[32], hdr[64];

	snprintf(hdr, sizeof hdr, "[serious.%s]", g->name);
	if (g->nseg == 0) {
		err_at(L, L->ghdr[gi], hdr,
		    _("a serious-illness group needs at least one segment"));
		return;
	}
	for (int i = 0; i < g->nseg; i++) {
		struct segment *s = &g->seg[i];

		snprintf(key, sizeof key, "segment.%d", i + 1);
		if (!s->ratio.set && s->ratio.line > 0)
			return;		/* refused where it was written */
		if (!s->ratio.set) {
			err_at(L, L->ghdr[gi], key, _("missing: the segments "
			    "are numbered from 1 without a gap"));
			return;
		}
		if (i == g->nseg - 1 && s->upper.set)
			err_at(L, where_of(&s->ratio), key, _("the last segment "
			    "has no upper bound: write none"));
		else if (i < g->nseg - 1 && !s->upper.set)
			err_at(L, where_of(&s->ratio), key, _("only the last "
			    "segment may be without an upper bound"));
		else if (i > 0 && s->upper.set && g->seg[i - 1].upper.set &&
		    s->upper.v <= g->seg[i - 1].upper.v)
			err_at(L, where_of(&s->upper), key, _("segments out of "
			    "order: each upper bound must be above the one "
			    "before"));
	}
}

static void
check_groups(struct loader *L)
{
	struct policy *p = L->p;
	int ordinary = -1;
	char hdr[64];

	for (int i = 0; i < p->ngroups; i++) {
		check_segments(L, i);
		if (p->group[i].categories != 0 ||
		    p->group[i].residence != RES_ANY)
			continue;
		snprintf(hdr, sizeof hdr, "[serious.%s]", p->group[i].name);
		if (ordinary >= 0)
			err_at(L, L->ghdr[i], hdr, _("a second "
			    "ordinary group (one without categories): '%s' "
			    "is one already"), p->group[ordinary].name);
		else
			ordinary = i;
	}
}

/*
 * 004 六: 坚决杜绝个人零自付.  Assistance at 100 % would leave the person
 * nothing to pay above its deductible, so any ratio of 100 % is refused,
 * whatever the deductible.
 */
static void
check_assistance(struct loader *L)
{
	struct policy *p = L->p;

	for (int i = 0; i < p->nassist; i++) {
		struct assistance_group *a = &p->assist[i];
		char hdr[64];

		snprintf(hdr, sizeof hdr, "[assistance.%s]", a->name);
		if (!a->ratio.set && a->ratio.line == 0)
			err_at(L, L->ahdr[i], hdr,
			    _("missing: the assistance ratio"));
		else if (a->ratio.v >= BP_MAX)
			err_at(L, where_of(&a->ratio), "ratio",
			    _("assistance may not pay 100 %%: the person must "
			    "always pay a part (004: no zero self-pay)"));
	}
}

static void
check_diseases(struct loader *L)
{
	struct policy *p = L->p;

	for (int i = 0; i < p->ndiseases; i++)
		if (p->disease[i].name[0] == '\0')
			err_at(L, where_of(&p->disease[i].cap), "cap",
			    _("a cap for the disease '%s', which is not in "
			    "the list (disease.%s = name)"),
			    p->disease[i].code, p->disease[i].code);
}

static void
validate(struct loader *L)
{
	check_required(L);
	check_refs(L);
	check_contribution(L);
	for (int i = 0; i < L->p->nsplits; i++)
		check_split(L, &L->p->split[i]);
	check_groups(L);
	check_assistance(L);
	check_diseases(L);
}

/* Parents' errors first (they were applied first), then by line. */
static int
error_rank(const struct loader *L, int n, const struct policy_error *e)
{
	for (int i = 0; i < n; i++)
		if (strcmp(L->files[i], e->file) == 0)
			return (n - 1 - i) * 1000000 + (e->line % 1000000);
	return 0;
}

static void
sort_errors(struct loader *L, int n, int from)
{
	struct policy_errors *errs = L->errs;
	struct policy_error tmp;

	for (int i = from + 1; i < errs->n; i++) {	/* stable, and few */
		int j = i;

		tmp = errs->e[i];
		while (j > from && error_rank(L, n, &errs->e[j - 1]) >
		    error_rank(L, n, &tmp)) {
			errs->e[j] = errs->e[j - 1];
			j--;
		}
		errs->e[j] = tmp;
	}
}

int
policy_load(struct policy *p, const char *text, const char *file,
    policy_fetch_fn fetch, void *ctx, struct policy_errors *errs)
{
	static const char *none = "";
	const char *texts[SOURCE_MAX] = { text };
	char files[SOURCE_MAX][256];
	struct loader *L;
	int n, before = errs->n + errs->more, first = errs->n;

	memset(p, 0, sizeof *p);
	if ((L = calloc(1, sizeof *L)) == NULL) {
		policy_error_add(errs, file, 0, "", _("out of memory"));
		return -1;
	}
	L->p = p;
	L->errs = errs;
	for (int i = 0; i < SOURCE_MAX; i++)
		L->files[i] = none;
	for (int i = 0; i < GROUP_MAX; i++)
		L->seg_src[i] = -1;
	copy_str(files[0], sizeof files[0], file);
	L->files[0] = files[0];
	n = chain(L, texts, files, fetch, ctx);
	for (int i = n - 1; i >= 0; i--)
		apply(L, i, texts[i]);
	if (n > 0) {
		p->nsources = n;
		for (int i = 0; i < n; i++)
			copy_str(p->sources[i].file, sizeof p->sources[i].file,
			    files[i]);
		copy_inpatient(L);
		validate(L);
	}
	sort_errors(L, n, first);
	free(L->seen);
	free(L);
	return errs->n + errs->more > before ? -1 : 0;
}
