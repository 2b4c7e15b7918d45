/*
 * test_policy.c: policy packs (man/yibao-policy.5).  The six shipped packs
 * load and say what their documents say (values computed by hand from
 * shared/seeds); every refusal names file, line and key.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sodium.h>

#include "core/policy.h"
#include "core/policy_load.h"
#include "io/policy_file.h"

static struct policy pol;	/* large: not on the stack */

/* ---- the shipped packs ---------------------------------------------- */

#define GET(name, expr) \
	static const struct param *name(const struct policy *p) { return &(expr); }

GET(zy_ded3, p->kind[KIND_INPATIENT].deductible_level[3])
GET(zy_ratio3, p->kind[KIND_INPATIENT].ratio_level[3])
GET(zy_ded_city, p->kind[KIND_INPATIENT].deductible_scope[SCOPE_CITY])
GET(zy_ratio_prov, p->kind[KIND_INPATIENT].ratio_scope[SCOPE_PROVINCE])
GET(zy_pen_county, p->kind[KIND_INPATIENT].penalty_scope[SCOPE_COUNTY])
GET(zy_pen_local, p->kind[KIND_INPATIENT].penalty_scope[SCOPE_LOCAL])
GET(zy_ded_local, p->kind[KIND_INPATIENT].deductible_scope[SCOPE_LOCAL])
GET(in_cap, p->inpatient_cap)
GET(acc_cap, p->kind[KIND_ACCIDENT].cap)
GET(acc_ratio1, p->kind[KIND_ACCIDENT].ratio_level[1])
GET(acc_pen_city, p->kind[KIND_ACCIDENT].penalty_scope[SCOPE_CITY])
GET(out_ded, p->kind[KIND_OUTPATIENT].deductible)
GET(out_ratio, p->kind[KIND_OUTPATIENT].ratio)
GET(out_cap, p->kind[KIND_OUTPATIENT].cap)
GET(out_from, p->kind[KIND_OUTPATIENT].from)
GET(out_excl, p->outpatient_excludes_chronic)
GET(chr_ded, p->kind[KIND_CHRONIC].deductible)
GET(chr_ratio, p->kind[KIND_CHRONIC].ratio)
GET(mat_normal, p->maternity_normal)
GET(mat_difficult, p->maternity_difficult)
GET(mat_extra, p->maternity_extra_baby)
GET(class_b, p->class_b_selfpay)
GET(imported, p->imported_selfpay)
GET(personal, p->personal)
GET(fiscal, p->fiscal)
GET(year, p->benefit_year)
GET(contrib_year, p->contribution_year)
GET(late, p->late_line)
GET(waiting, p->waiting_days)
GET(newborn, p->exempt_newborn)
GET(left_employee, p->exempt_left_employee_days)
GET(serious_funding, p->serious_funding)
GET(period_start, p->period_start)
GET(period_end, p->period_end)
GET(low_income_pct, p->subsidy[CAT_LOW_INCOME].amount)
GET(low_income_age, p->subsidy[CAT_LOW_INCOME].min_age)
GET(orphan_fixed, p->subsidy[CAT_ORPHAN].amount)
GET(min_living_fixed, p->subsidy[CAT_MIN_LIVING].amount)
GET(in_ratio2, p->kind[KIND_INPATIENT].ratio_level[2])
GET(in_ratio1, p->kind[KIND_INPATIENT].ratio_level[1])
GET(split0_central, p->split[0].share[GOV_CENTRAL])
GET(split0_county, p->split[0].share[GOV_COUNTY])
GET(split1_city, p->split[1].share[GOV_CITY])
GET(split1_provincial, p->split[1].share[GOV_PROVINCIAL])
GET(excl_penalty, p->serious_excludes_penalty)
GET(g0_ded, p->group[0].deductible)
GET(g0_seg0_ratio, p->group[0].seg[0].ratio)
GET(g0_seg0_upper, p->group[0].seg[0].upper)
GET(g0_seg0_major, p->group[0].seg[0].ratio_major)
GET(g0_seg5_ratio, p->group[0].seg[5].ratio)
GET(g0_seg5_major, p->group[0].seg[5].ratio_major)
GET(g0_seg5_upper, p->group[0].seg[5].upper)
GET(g1_ded, p->group[1].deductible)
GET(g1_seg0_ratio, p->group[1].seg[0].ratio)
GET(g1_cap, p->group[1].cap)
GET(g2_seg0_ratio, p->group[2].seg[0].ratio)
GET(g3_ded, p->group[3].deductible)
GET(g3_seg0_ratio, p->group[3].seg[0].ratio)
GET(g3_cap, p->group[3].cap)
GET(a0_ratio, p->assist[0].ratio)
GET(d0_cap, p->disease[0].cap)

struct spot {
	const char *id;
	const char *what;
	const struct param *(*get)(const struct policy *);
	int set;		/* 0: the document does not give it */
	int64_t v;		/* fen, bp, days, years, 0/1 */
	int src;		/* which file of the chain gave it */
	int illustrative;
};

static const struct spot spots[] = {
	/* 001 四(三)2: 200/700/1500/3000, 85/80/75/65 %, cap 50,000. */
	{ "zhangye-2019", "level-3 deductible", zy_ded3, 1, 150000, 0, 0 },
	{ "zhangye-2019", "level-3 ratio", zy_ratio3, 1, 7500, 0, 0 },
	{ "zhangye-2019", "cross-city deductible", zy_ded_city, 1, 300000, 0, 0 },
	{ "zhangye-2019", "cross-province ratio", zy_ratio_prov, 1, 6500, 0, 0 },
	{ "zhangye-2019", "no local override", zy_ded_local, 0, 0, 0, 0 },
	{ "zhangye-2019", "county penalty 10 points", zy_pen_county, 1, 1000, 0, 0 },
	{ "zhangye-2019", "no local penalty", zy_pen_local, 0, 0, 0, 0 },
	{ "zhangye-2019", "inpatient cap", in_cap, 1, 5000000, 0, 0 },
	{ "zhangye-2019", "accident cap", acc_cap, 1, 1500000, 0, 0 },
	{ "zhangye-2019", "accident as inpatient", acc_ratio1, 1, 8500, 0, 0 },
	{ "zhangye-2019", "accident penalty", acc_pen_city, 1, 1000, 0, 0 },
	{ "zhangye-2019", "outpatient ratio", out_ratio, 1, 7000, 0, 0 },
	{ "zhangye-2019", "outpatient cap", out_cap, 1, 8000, 0, 0 },
	{ "zhangye-2019", "outpatient deductible", out_ded, 1, 0, 0, 0 },
	{ "zhangye-2019", "chronic: no deductible", chr_ded, 1, 0, 0, 0 },
	{ "zhangye-2019", "chronic ratio", chr_ratio, 1, 7000, 0, 0 },
	{ "zhangye-2019", "normal delivery", mat_normal, 1, 120000, 0, 0 },
	{ "zhangye-2019", "difficult delivery", mat_difficult, 1, 200000, 0, 0 },
	{ "zhangye-2019", "each further baby", mat_extra, 1, 40000, 0, 0 },
	{ "zhangye-2019", "class B first self-pay", class_b, 1, 2000, 0, 0 },
	{ "zhangye-2019", "imported first self-pay", imported, 1, 2000, 0, 0 },
	{ "zhangye-2019", "late: special cases", late, 1, LATE_SPECIAL_INPATIENT, 0, 0 },
	{ "zhangye-2019", "no personal standard", personal, 0, 0, 0, 0 },
	{ "zhangye-2019", "benefit year", year, 1, 2019, 0, 0 },

	/* 000: 280 / 550; 60 % for low income 60+; outpatient 50, 50 %, 65. */
	{ "qinhuangdao-2020", "personal", personal, 1, 28000, 0, 0 },
	{ "qinhuangdao-2020", "fiscal", fiscal, 1, 55000, 0, 0 },
	{ "qinhuangdao-2020", "low income 60 %", low_income_pct, 1, 6000, 0, 0 },
	{ "qinhuangdao-2020", "low income from 60", low_income_age, 1, 60, 0, 0 },
	{ "qinhuangdao-2020", "outpatient deductible", out_ded, 1, 5000, 0, 0 },
	{ "qinhuangdao-2020", "outpatient ratio", out_ratio, 1, 5000, 0, 0 },
	{ "qinhuangdao-2020", "outpatient cap", out_cap, 1, 6500, 0, 0 },
	{ "qinhuangdao-2020", "outpatient from 2021-01-01", out_from, 1, 18628, 0, 0 },
	{ "qinhuangdao-2020", "no outpatient if chronic", out_excl, 1, 1, 0, 0 },
	{ "qinhuangdao-2020", "poor: 60 + 5 points", g0_seg0_ratio, 1, 6500, 0, 0 },
	{ "qinhuangdao-2020", "ordinary 60 %", g1_seg0_ratio, 1, 6000, 0, 0 },
	{ "qinhuangdao-2020", "no deductible amount", g1_ded, 0, 0, 0, 0 },
	{ "qinhuangdao-2020", "no ordinary cap", g1_cap, 0, 0, 0, 0 },
	{ "qinhuangdao-2020", "no inpatient ratio", in_ratio1, 0, 0, 0, 0 },

	/* 002: 520 split 312/104/31.2/72.8 and 416/52/15.6/36.4; 250 for 2020. */
	{ "linfen-2019", "fiscal", fiscal, 1, 52000, 0, 0 },
	{ "linfen-2019", "personal", personal, 1, 25000, 0, 0 },
	{ "linfen-2019", "personal is for 2020", contrib_year, 1, 2020, 0, 0 },
	{ "linfen-2019", "general: central", split0_central, 1, 31200, 0, 0 },
	{ "linfen-2019", "general: county", split0_county, 1, 7280, 0, 0 },
	{ "linfen-2019", "western: city", split1_city, 1, 1560, 0, 0 },
	{ "linfen-2019", "western: provincial", split1_provincial, 1, 5200, 0, 0 },
	{ "linfen-2019", "county penalty 15", zy_pen_county, 1, 1500, 0, 0 },
	{ "linfen-2019", "penalty not in serious base", excl_penalty, 1, 1, 0, 0 },
	{ "linfen-2019", "poor deductible", g0_ded, 1, 500000, 0, 0 },
	{ "linfen-2019", "poor 80 %", g0_seg0_ratio, 1, 8000, 0, 0 },
	{ "linfen-2019", "rural extreme 80 %", g1_seg0_ratio, 1, 8000, 0, 0 },
	{ "linfen-2019", "rural extreme cap", g1_cap, 1, 40000000, 0, 0 },
	{ "linfen-2019", "other hardship 78 %", g2_seg0_ratio, 1, 7800, 0, 0 },
	{ "linfen-2019", "ordinary deductible", g3_ded, 1, 1000000, 0, 0 },
	{ "linfen-2019", "ordinary 75 %", g3_seg0_ratio, 1, 7500, 0, 0 },
	{ "linfen-2019", "ordinary cap", g3_cap, 1, 40000000, 0, 0 },
	{ "linfen-2019", "serious funding", serious_funding, 1, 8500, 0, 0 },

	/* 003: 300 for 2021, fixed 300 / 270; 8:2 then 9:1; six segments. */
	{ "ningxia-2020", "personal", personal, 1, 30000, 0, 0 },
	{ "ningxia-2020", "personal is for 2021", contrib_year, 1, 2021, 0, 0 },
	{ "ningxia-2020", "fiscal", fiscal, 1, 55000, 0, 0 },
	{ "ningxia-2020", "payment from 2020-09-01", period_start, 1, 18506, 0, 0 },
	{ "ningxia-2020", "no period end", period_end, 0, 0, 0, 0 },
	{ "ningxia-2020", "mountain: central weight", split0_central, 1, 80, 0, 0 },
	{ "ningxia-2020", "mountain: county weight", split0_county, 1, 2, 0, 0 },
	{ "ningxia-2020", "plain: provincial weight", split1_provincial, 1, 12, 0, 0 },
	{ "ningxia-2020", "orphan 300", orphan_fixed, 1, 30000, 0, 0 },
	{ "ningxia-2020", "min living 270", min_living_fixed, 1, 27000, 0, 0 },
	{ "ningxia-2020", "level-2 ratio 85 %", in_ratio2, 1, 8500, 0, 0 },
	{ "ningxia-2020", "no level-1 ratio", in_ratio1, 0, 0, 0, 0 },
	{ "ningxia-2020", "rural poor deductible", g0_ded, 1, 300000, 0, 0 },
	{ "ningxia-2020", "segment 1 upper", g0_seg0_upper, 1, 10000000, 0, 0 },
	{ "ningxia-2020", "poor segment 1", g0_seg0_ratio, 1, 6200, 0, 0 },
	{ "ningxia-2020", "poor segment 1 major", g0_seg0_major, 1, 6400, 0, 0 },
	{ "ningxia-2020", "poor segment 6", g0_seg5_ratio, 1, 7500, 0, 0 },
	{ "ningxia-2020", "poor segment 6 major", g0_seg5_major, 1, 7700, 0, 0 },
	{ "ningxia-2020", "segment 6 unbounded", g0_seg5_upper, 0, 0, 0, 0 },
	{ "ningxia-2020", "ordinary: deductible by city", g1_ded, 0, 0, 0, 0 },
	{ "ningxia-2020", "ordinary segment 1", g1_seg0_ratio, 1, 6000, 0, 0 },
	{ "ningxia-2020", "serious funding", serious_funding, 1, 5200, 0, 0 },

	/* 004: 580 / 320; late pays all and waits 30 days. */
	{ "zaozhuang-2021", "personal", personal, 1, 32000, 0, 0 },
	{ "zaozhuang-2021", "fiscal", fiscal, 1, 58000, 0, 0 },
	{ "zaozhuang-2021", "late: pay all, wait", late, 1, LATE_FULL_WITH_WAIT, 0, 0 },
	{ "zaozhuang-2021", "waiting days", waiting, 1, 30, 0, 0 },
	{ "zaozhuang-2021", "newborns exempt", newborn, 1, 1, 0, 0 },
	{ "zaozhuang-2021", "3 months after employee", left_employee, 1, 90, 0, 0 },
	{ "zaozhuang-2021", "serious funding", serious_funding, 1, 9000, 0, 0 },
	{ "zaozhuang-2021", "no chronic ratio", chr_ratio, 0, 0, 0, 0 },
	{ "zaozhuang-2021", "no disease cap", d0_cap, 0, 0, 0, 0 },

	/* demo: its own numbers, zhangye-2019's through extends. */
	{ "demo", "personal (004)", personal, 1, 32000, 0, 0 },
	{ "demo", "level-3 ratio from 001", zy_ratio3, 1, 7500, 1, 0 },
	{ "demo", "accident cap from 001", acc_cap, 1, 1500000, 1, 0 },
	{ "demo", "outpatient overrides 001", out_ratio, 1, 5000, 0, 0 },
	{ "demo", "late rule overrides 001", late, 1, LATE_FULL_WITH_WAIT, 0, 0 },
	{ "demo", "period end illustrative", period_end, 1, 18627, 0, 1 },
	{ "demo", "disease cap illustrative", d0_cap, 1, 60000, 0, 1 },
	{ "demo", "assistance illustrative", a0_ratio, 1, 9000, 0, 1 },
	{ "demo", "ordinary deductible", g3_ded, 1, 1000000, 0, 0 },
};

static void
load_pack(const char *id)
{
	struct policy_errors errs = { 0 };
	int rc = policy_file_load(id, &pol, &errs);

	for (int i = 0; i < errs.n; i++)
		print_error("%s:%d: %s: %s\n", errs.e[i].file,
		    (int)errs.e[i].line, errs.e[i].key, errs.e[i].msg);
	assert_int_equal(rc, 0);
	assert_string_equal(pol.id, id);
}

static void
test_spots(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
		const struct spot *s = &spots[i];
		const struct param *pp;

		load_pack(s->id);
		pp = s->get(&pol);
		if (pp->set != (s->set != 0) || (s->set && (pp->v != s->v ||
		    pp->src != s->src || pp->illustrative != s->illustrative)))
			fail_msg("%s: %s: got set=%d v=%lld src=%d ill=%d",
			    s->id, s->what, pp->set, (long long)pp->v,
			    pp->src, pp->illustrative);
		if (s->set)
			assert_true(pp->line > 0);
	}
}

/* Each pack: what it is, and the sections its document gives. */
static void
test_shipped(void **state)
{
	static const struct {
		const char *id, *seed;
		int sources, serious, assistance, ngroups, ndiseases;
	} packs[] = {
		{ "qinhuangdao-2020", "000_997b518fb40affc4.txt", 1, 1, 0, 2, 0 },
		{ "zhangye-2019", "001_15b34095aec02daa.txt", 1, 0, 0, 0, 0 },
		{ "linfen-2019", "002_20c0452a3475ee1d.txt", 1, 1, 0, 4, 0 },
		{ "ningxia-2020", "003_ea41838f20eb284e.txt", 1, 1, 0, 2, 0 },
		{ "zaozhuang-2021", "004_739a7bd9e4e3efb1.txt", 1, 0, 0, 0, 12 },
		{ "demo", "", 2, 1, 1, 4, 5 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof packs / sizeof packs[0]; i++) {
		load_pack(packs[i].id);
		assert_string_equal(pol.seed, packs[i].seed);
		assert_int_equal(pol.nsources, packs[i].sources);
		assert_int_equal(pol.serious_defined, packs[i].serious);
		assert_int_equal(pol.assistance_defined, packs[i].assistance);
		assert_int_equal(pol.ngroups, packs[i].ngroups);
		assert_int_equal(pol.ndiseases, packs[i].ndiseases);
		assert_int_equal(strlen(pol.text_hash), 64);
		assert_int_equal(pol.illustrative, packs[i].seed[0] == '\0');
		assert_true(pol.name[0] != '\0' && pol.document[0] != '\0');
	}
}

/* The demo defines everything a trainer shows. */
static void
test_demo_complete(void **state)
{
	(void)state;
	load_pack("demo");
	for (int k = 0; k < KIND_COUNT; k++)
		assert_true(pol.kind[k].defined);
	assert_string_equal(pol.sources[1].id, "zhangye-2019");
	assert_int_equal(pol.categories, (1u << CAT_COUNT) - 1);
	for (int c = 0; c < CAT_COUNT; c++)
		assert_int_not_equal(pol.subsidy[c].kind, SUBSIDY_NONE);
	assert_int_equal(pol.group[3].categories, 0);	/* ordinary last */
	assert_int_equal(pol.group[1].residence, RES_RURAL);
	for (int i = 0; i < pol.nassist; i++)
		assert_true(pol.assist[i].ratio.v < 10000);
	assert_true(pol.group[0].no_cap);
}

/* The hash is SHA-256 of the chain's texts, pack first. */
static void
test_hash(void **state)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[65], path[512], *buf = malloc(POLICY_FILE_MAX);
	FILE *fp;
	size_t n;

	(void)state;
	assert_non_null(buf);
	assert_true(sodium_init() >= 0);
	snprintf(path, sizeof path, "%s/zhangye-2019.policy", policy_dir());
	assert_non_null(fp = fopen(path, "rb"));
	n = fread(buf, 1, POLICY_FILE_MAX, fp);
	fclose(fp);
	crypto_hash_sha256(h, (unsigned char *)buf, n);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	free(buf);
	load_pack("zhangye-2019");
	assert_string_equal(pol.text_hash, hex);
	load_pack("demo");
	assert_string_not_equal(pol.text_hash, hex);
}

/* ---- codes ---------------------------------------------------------- */

static void
test_codes(void **state)
{
	enum category c;
	enum claim_kind k;
	enum scope s;

	(void)state;
	for (int i = 0; i < CAT_COUNT; i++) {
		assert_int_equal(category_from_code(category_code(i), &c), 0);
		assert_int_equal(c, i);
	}
	assert_string_equal(category_code(CAT_ELDERLY_LOW_INCOME),
	    "elderly_low_income");
	assert_int_equal(category_from_code("poor", &c), -1);
	for (int i = 0; i < KIND_COUNT; i++) {
		assert_int_equal(claim_kind_from_code(claim_kind_code(i), &k), 0);
		assert_int_equal(k, i);
	}
	assert_int_equal(claim_kind_from_code("dental", &k), -1);
	for (int i = 0; i < SCOPE_COUNT; i++) {
		assert_int_equal(scope_from_code(scope_code(i), &s), 0);
		assert_int_equal(s, i);
	}
	assert_int_equal(scope_from_code("abroad", &s), -1);
}

/* ---- refusals ------------------------------------------------------- */

/* Seven lines every case starts from; a case's first line is line 8. */
#define HEAD \
	"[pack]\n" \
	"id = t\n" \
	"name = T\n" \
	"document = D\n" \
	"benefit_year = 2021\n" \
	"[categories]\n" \
	"registered_poor = 脱贫人口\n"

/* Packs a test's `extends` can name. */
static const struct { const char *id, *text; } parents[] = {
	{ "p", "[pack]\nid = p\nextends = q\n" },
	{ "q", "[pack]\nid = q\nextends = t\n" },
	{ "ok", "[pack]\nid = ok\n[inpatient]\nratio.level1 = 85\n"
	    "[serious.g]\nsegment.1 = 10000 50\nsegment.2 = none 60\n" },
	{ "wrong", "[pack]\nid = other\n" },
};

static const char *
fetch(void *ctx, const char *id, const char *from, char *file, size_t sz)
{
	(void)ctx;
	(void)from;
	for (size_t i = 0; i < sizeof parents / sizeof parents[0]; i++)
		if (strcmp(parents[i].id, id) == 0) {
			snprintf(file, sz, "%s.policy", id);
			return parents[i].text;
		}
	return NULL;
}

struct refusal {
	const char *what;
	const char *text;	/* after HEAD */
	const char *file;
	int line;
	const char *key;
	const char *msg;	/* a part of the message */
};

static const struct refusal refusals[] = {
	{ "unknown key", "[inpatient]\nratio.level9 = 80\n",
	    "t.policy", 9, "ratio.level9", "unknown key" },
	{ "unknown key in [pack]", "[pack]\ncolour = red\n",
	    "t.policy", 9, "colour", "unknown key" },
	{ "unknown section", "[dental]\nratio = 50\n",
	    "t.policy", 8, "[dental]", "unknown section" },
	{ "unknown group kind", "[bonus.x]\n",
	    "t.policy", 8, "[bonus.x]", "unknown section" },
	{ "malformed amount: decimals", "[contribution]\npersonal = 320.001\n",
	    "t.policy", 9, "personal", "two decimals" },
	{ "malformed amount: garbage", "[contribution]\nfiscal = 五百\n",
	    "t.policy", 9, "fiscal", "not an amount" },
	{ "malformed amount: sign", "[inpatient]\ncap = -5\n",
	    "t.policy", 9, "cap", "sign" },
	{ "malformed percentage", "[outpatient]\nratio = 7o\n",
	    "t.policy", 9, "ratio", "not a percentage" },
	{ "percentage decimals", "[selfpay]\nclass_b = 20.125\n",
	    "t.policy", 9, "class_b", "two decimals" },
	{ "ratio above 100 %", "[inpatient]\nratio.level1 = 100.01\n",
	    "t.policy", 9, "ratio.level1", "above 100" },
	{ "segment ratio above 100 %", "[serious.g]\nsegment.1 = none 120\n",
	    "t.policy", 9, "segment.1", "above 100" },
	{ "segments out of order",
	    "[serious.g]\nsegment.1 = 20000 60\nsegment.2 = 10000 70\n"
	    "segment.3 = none 80\n",
	    "t.policy", 10, "segment.2", "out of order" },
	{ "equal bounds are out of order",
	    "[serious.g]\nsegment.1 = 20000 60\nsegment.2 = 20000 70\n"
	    "segment.3 = none 80\n",
	    "t.policy", 10, "segment.2", "out of order" },
	{ "last segment bounded", "[serious.g]\nsegment.1 = 20000 60\n",
	    "t.policy", 9, "segment.1", "no upper bound" },
	{ "unbounded segment before the last",
	    "[serious.g]\nsegment.1 = none 60\nsegment.2 = none 70\n",
	    "t.policy", 9, "segment.1", "only the last" },
	{ "a gap in the segments",
	    "[serious.g]\nsegment.1 = 100 60\nsegment.3 = none 70\n",
	    "t.policy", 8, "segment.2", "without a gap" },
	{ "group without segments", "[serious.g]\ncap = none\n",
	    "t.policy", 8, "[serious.g]", "at least one segment" },
	{ "group naming an unknown category",
	    "[serious.g]\ncategories = registered_poor, veterans\n"
	    "segment.1 = none 60\n",
	    "t.policy", 9, "categories", "unknown category 'veterans'" },
	{ "group naming a category not listed",
	    "[serious.g]\ncategories = min_living\nsegment.1 = none 60\n",
	    "t.policy", 9, "categories", "not listed in [categories]" },
	{ "assistance naming an unknown category",
	    "[assistance.a]\ncategories = poor\nratio = 50\n",
	    "t.policy", 9, "categories", "unknown category 'poor'" },
	{ "subsidy for an unknown category", "[subsidy]\nveterans = full\n",
	    "t.policy", 9, "veterans", "unknown category" },
	{ "cycle of extends", "[pack]\nextends = p\n",
	    "q.policy", 3, "extends", "cycle" },
	{ "extends itself", "[pack]\nextends = t\n",
	    "t.policy", 9, "extends", "cycle" },
	{ "missing parent", "[pack]\nextends = nowhere\n",
	    "t.policy", 9, "extends", "no pack with the id 'nowhere'" },
	{ "parent with another id", "[pack]\nextends = wrong\n",
	    "t.policy", 9, "extends", "has the id 'other'" },
	{ "assistance paying 100 %, no deductible",
	    "[assistance.a]\ncategories = registered_poor\ndeductible = 0\n"
	    "ratio = 100\n",
	    "t.policy", 11, "ratio", "zero self-pay" },
	{ "assistance paying 100 % above a deductible",
	    "[assistance.a]\ndeductible = 1000\nratio = 100\ncap = 5000\n",
	    "t.policy", 10, "ratio", "zero self-pay" },
	{ "assistance without a ratio", "[assistance.a]\ncap = 5000\n",
	    "t.policy", 8, "[assistance.a]", "ratio" },
	{ "duplicate key", "[contribution]\npersonal = 320\npersonal = 300\n",
	    "t.policy", 10, "personal", "given twice" },
	{ "duplicate key across repeated sections",
	    "[inpatient]\ncap = 1\n[outpatient]\n[inpatient]\ncap = 2\n",
	    "t.policy", 12, "cap", "given twice" },
	{ "penalty inside the county", "[inpatient]\npenalty.local = 10\n",
	    "t.policy", 9, "penalty.local", "outside the home county" },
	{ "split not adding up",
	    "[contribution]\nfiscal = 520\n[split.general]\ncentral = 312\n"
	    "county = 100\n",
	    "t.policy", 10, "[split.general]", "add up to 412.00" },
	{ "weight not whole", "[split.m]\nmode = ratio\ncentral = 8.5\n",
	    "t.policy", 10, "central", "whole number" },
	{ "bad date", "[contribution]\nperiod_start = 2020-02-30\n",
	    "t.policy", 9, "period_start", "no such date" },
	{ "period backwards",
	    "[contribution]\nperiod_start = 2020-12-31\nperiod_end = 2020-09-01\n",
	    "t.policy", 10, "period_end", "ends before it starts" },
	{ "bad yes/no", "[outpatient]\nexcludes_chronic = true\n",
	    "t.policy", 9, "excludes_chronic", "yes or no" },
	{ "late rule unknown", "[contribution]\nlate = never\n",
	    "t.policy", 9, "late", "full_with_wait" },
	{ "waiting without days", "[contribution]\nlate = full_with_wait\n",
	    "t.policy", 9, "late", "waiting_days" },
	{ "min_age without rule", "[subsidy]\nregistered_poor.min_age = 60\n",
	    "t.policy", 9, "min_age", "without a subsidy rule" },
	{ "cap of an unlisted disease", "[chronic]\ncap.gout = 100\n",
	    "t.policy", 9, "cap", "not in the list" },
	{ "two ordinary groups",
	    "[serious.a]\nsegment.1 = none 60\n[serious.b]\nsegment.1 = none 70\n",
	    "t.policy", 10, "[serious.b]", "second ordinary group" },
	{ "unclosed section header", "[\nx = 1\n",
	    "t.policy", 8, "[", "ends with ']'" },
	{ "no value", "[outpatient]\nratio =\n",
	    "t.policy", 9, "ratio", "no value" },
	{ "not key = value", "[outpatient]\nratio 70\n",
	    "t.policy", 9, "ratio 70", "key = value" },
	{ "not UTF-8", "[pack]\nregion = \xc9\xbd\xce\xf7\n",
	    "t.policy", 9, "", "UTF-8" },
	{ "benefit year given twice", "[pack]\nbenefit_year = 21\n",
	    "t.policy", 9, "benefit_year", "given twice" },
	{ "assistance ratio above 100 %",
	    "[assistance.a]\nratio = 100.5\n",
	    "t.policy", 9, "ratio", "above 100" },
	{ "segment with one number", "[serious.g]\nsegment.1 = 60\n",
	    "t.policy", 9, "segment.1", "upper bound" },
};

static void
test_refusals(void **state)
{
	char text[2048];

	(void)state;
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		const struct refusal *r = &refusals[i];
		struct policy_errors errs = { 0 };
		int rc;

		snprintf(text, sizeof text, "%s%s", HEAD, r->text);
		rc = policy_load(&pol, text, "t.policy", fetch, NULL, &errs);
		if (rc != -1 || errs.n < 1 || strcmp(errs.e[0].file, r->file) ||
		    errs.e[0].line != r->line || strcmp(errs.e[0].key, r->key) ||
		    strstr(errs.e[0].msg, r->msg) == NULL)
			fail_msg("%s: rc %d, %d errors, first %s:%d: %s: %s",
			    r->what, rc, errs.n, errs.e[0].file,
			    (int)errs.e[0].line, errs.e[0].key, errs.e[0].msg);
	}
}

/* Several errors in one pack: all reported, in line order. */
static void
test_all_errors(void **state)
{
	struct policy_errors errs = { 0 };
	static const char text[] = HEAD
	    "[contribution]\n"
	    "personal = abc\n"		/* 9 */
	    "[assistance.a]\n"
	    "ratio = 100\n"		/* 11 */
	    "[inpatient]\n"
	    "bogus = 1\n";		/* 13 */

	(void)state;
	assert_int_equal(policy_load(&pol, text, "t.policy", NULL, NULL,
	    &errs), -1);
	assert_int_equal(errs.n, 3);
	assert_int_equal(errs.e[0].line, 9);
	assert_int_equal(errs.e[1].line, 11);
	assert_int_equal(errs.e[2].line, 13);
}

/* ---- what loads ----------------------------------------------------- */

static void
test_accepted(void **state)
{
	struct policy_errors errs = { 0 };
	static const char text[] = HEAD
	    "[pack]\n"
	    "extends = ok\n"
	    "[inpatient]   # comment after a header\n"
	    "ratio.level1 = 80%   # 80 reads as well\n"
	    "ratio.level2 = 62.5 !illustrative\n"
	    "[assistance.a]\n"
	    "ratio = 99.99\n"
	    "[serious.g]\n"
	    "segment.1 = none 70 72\n";

	(void)state;
	assert_int_equal(policy_load(&pol, text, "t.policy", fetch, NULL,
	    &errs), 0);
	assert_int_equal(pol.nsources, 2);
	assert_string_equal(pol.sources[0].id, "t");
	assert_string_equal(pol.sources[1].file, "ok.policy");
	/* The child overrides, and says so. */
	assert_int_equal(pol.kind[KIND_INPATIENT].ratio_level[1].v, 8000);
	assert_int_equal(pol.kind[KIND_INPATIENT].ratio_level[1].src, 0);
	assert_int_equal(pol.kind[KIND_INPATIENT].ratio_level[1].line, 11);
	assert_int_equal(pol.kind[KIND_INPATIENT].ratio_level[2].v, 6250);
	assert_true(pol.kind[KIND_INPATIENT].ratio_level[2].illustrative);
	assert_false(pol.kind[KIND_INPATIENT].ratio_level[1].illustrative);
	/* A child's segments replace the parent's list whole. */
	assert_int_equal(pol.group[0].nseg, 1);
	assert_false(pol.group[0].seg[0].upper.set);
	assert_int_equal(pol.group[0].seg[0].ratio_major.v, 7200);
	assert_int_equal(pol.assist[0].ratio.v, 9999);
	assert_true(pol.assistance_defined);
	assert_false(pol.illustrative);
}

/* Only the pack itself says who it is: no id, name or seed from a parent. */
static void
test_identity_not_inherited(void **state)
{
	struct policy_errors errs = { 0 };
	static const char text[] = "[pack]\nid = child\nextends = ok\n";

	(void)state;
	assert_int_equal(policy_load(&pol, text, "child.policy", fetch, NULL,
	    &errs), -1);
	assert_string_equal(pol.id, "child");
	assert_string_equal(errs.e[0].key, "name");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_shipped),
		cmocka_unit_test(test_spots),
		cmocka_unit_test(test_demo_complete),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_all_errors),
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_identity_not_inherited),
	};

	/* make check sets it; by hand, run from the source tree. */
	setenv("YIBAO_POLICY_DIR", "data/policy", 0);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
