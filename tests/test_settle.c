/*
 * test_settle.c: the settlement engine against cases computed by hand from
 * the seed documents (RULES.md 5 and 6), and invariants over generated
 * claims.  Every expected figure is worked out in the comment above its
 * case; none was copied from the program's output.  Amounts are in fen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/policy.h"
#include "core/settle.h"

#define YUAN(y)	((fen_t)(y) * 100)
#define PCT(p)	((int64_t)(p) * 100)
#define SET(x)	((struct param){ .v = (x), .set = true, .line = __LINE__ })
#define ILL(x)	((struct param){ .v = (x), .set = true, .illustrative = true, \
		    .line = __LINE__ })
#define END	(-1)

/* ---- the packs, each from its seed (values no seed gives are ILL) ------ */

enum pack {
	ZHANGYE,	/* 001 */
	QINHUANGDAO,	/* 000 */
	LINFEN,		/* 002, with illustrative basic values */
	LINFEN_INCL,	/* 002 but the penalty part counted for serious illness */
	NINGXIA,	/* 003, with illustrative basic values */
	ZAOZHUANG,	/* 004 */
	ZAOZHUANG_RATIO,	/* 004 with a chronic ratio, still no caps */
	DEMO		/* 001 basic + illustrative serious illness and assistance */
};

static void
name_pack(struct policy *p, const char *id)
{
	memset(p, 0, sizeof *p);
	snprintf(p->id, sizeof p->id, "%s", id);
	p->nsources = 1;
	snprintf(p->sources[0].id, sizeof p->sources[0].id, "%s", id);
}

/* 001 张掖: 二、（三）统一保障待遇 and （四）统一医保目录. */
static void
zhangye(struct policy *p)
{
	struct benefit *ip = &p->kind[KIND_INPATIENT];
	struct benefit *op = &p->kind[KIND_OUTPATIENT];

	name_pack(p, "zhangye-2019");
	ip->defined = true;
	/* 起付标准: 市内一级、二级、三级和跨市（跨省） 200, 700, 1500, 3000 */
	ip->deductible_level[1] = SET(YUAN(200));
	ip->deductible_level[2] = SET(YUAN(700));
	ip->deductible_level[3] = SET(YUAN(1500));
	ip->deductible_scope[SCOPE_CITY] = SET(YUAN(3000));
	ip->deductible_scope[SCOPE_PROVINCE] = SET(YUAN(3000));
	/* 报销比例 85%, 80%, 75%, 65% */
	ip->ratio_level[1] = SET(PCT(85));
	ip->ratio_level[2] = SET(PCT(80));
	ip->ratio_level[3] = SET(PCT(75));
	ip->ratio_scope[SCOPE_CITY] = SET(PCT(65));
	ip->ratio_scope[SCOPE_PROVINCE] = SET(PCT(65));
	/* 没办理备案手续的 ... 降低10个百分点 (跨县区和跨市（跨省）) */
	ip->penalty_scope[SCOPE_COUNTY] = SET(PCT(10));
	ip->penalty_scope[SCOPE_CITY] = SET(PCT(10));
	ip->penalty_scope[SCOPE_PROVINCE] = SET(PCT(10));
	p->inpatient_cap = SET(YUAN(50000));
	/* 意外伤害 ... 执行住院报销政策 (the loader copies, as_inpatient) */
	p->kind[KIND_ACCIDENT] = *ip;
	p->kind[KIND_ACCIDENT].cap = SET(YUAN(15000));
	/* 普通门诊: 80 元, 70%; RULES.md: no deductible */
	op->defined = true;
	op->deductible = SET(0);
	op->ratio = SET(PCT(70));
	op->cap = SET(YUAN(80));
	/* 门诊慢特病 70%, per-disease caps (no figure in 001: illustrative) */
	p->kind[KIND_CHRONIC].defined = true;
	p->kind[KIND_CHRONIC].ratio = SET(PCT(70));
	p->ndiseases = 1;
	snprintf(p->disease[0].code, sizeof p->disease[0].code, "gxy");
	snprintf(p->disease[0].name, sizeof p->disease[0].name, "高血压");
	p->disease[0].cap = ILL(YUAN(2000));
	/* 生育补助 1200 / 2000 / +400 */
	p->maternity_normal = SET(YUAN(1200));
	p->maternity_difficult = SET(YUAN(2000));
	p->maternity_extra_baby = SET(YUAN(400));
	/* 乙类 and materials: 个人自负20% */
	p->class_b_selfpay = SET(PCT(20));
	p->imported_selfpay = SET(PCT(20));
}

/* 000 秦皇岛: outpatient 50, 50%, 65; none for the chronic-qualified. */
static void
qinhuangdao(struct policy *p)
{
	struct benefit *op = &p->kind[KIND_OUTPATIENT];

	name_pack(p, "qinhuangdao-2020");
	op->defined = true;
	op->deductible = SET(YUAN(50));
	op->ratio = SET(PCT(50));
	op->cap = SET(YUAN(65));
	/* 门诊统筹制度于2021年1月1日起实施 */
	op->from = SET(date_to_days((struct date){ 2021, 1, 1 }));
	p->outpatient_excludes_chronic = SET(1);
	/* 大病: deductible half the disposable income: no figure. */
	p->serious_defined = true;
	p->ngroups = 2;
	snprintf(p->group[0].name, sizeof p->group[0].name, "poor");
	p->group[0].categories = CATSET(CAT_REGISTERED_POOR);
	p->group[0].nseg = 1;
	p->group[0].seg[0].ratio = SET(PCT(65));
	p->group[0].no_cap = true;
	snprintf(p->group[1].name, sizeof p->group[1].name, "ordinary");
	p->group[1].nseg = 1;
	p->group[1].seg[0].ratio = SET(PCT(60));
}

static void
linfen_group(struct serious_group *g, const char *name, catset_t cats,
    enum residence res, fen_t ded, int64_t ratio, bool capped)
{
	snprintf(g->name, sizeof g->name, "%s", name);
	g->categories = cats;
	g->residence = res;
	g->deductible = SET(ded);
	g->nseg = 1;
	g->seg[0].ratio = SET(ratio);
	if (capped)
		g->cap = SET(YUAN(400000));
	else
		g->no_cap = true;
}

/* 002 临汾: 15-point cut not counted for serious illness; 大病 groups. */
static void
linfen(struct policy *p, bool excl)
{
	struct benefit *ip = &p->kind[KIND_INPATIENT];

	name_pack(p, "linfen-2019");
	ip->defined = true;
	ip->deductible_level[2] = ILL(YUAN(800));
	ip->ratio_level[2] = ILL(PCT(80));
	/* 由县域内到县域外 ... 下浮15个百分点 */
	ip->penalty_scope[SCOPE_COUNTY] = SET(PCT(15));
	ip->penalty_scope[SCOPE_CITY] = SET(PCT(15));
	ip->penalty_scope[SCOPE_PROVINCE] = SET(PCT(15));
	p->inpatient_cap = ILL(YUAN(150000));
	p->serious_excludes_penalty = SET(excl ? 1 : 0);
	p->serious_defined = true;
	p->ngroups = 4;
	/* 起付线降低至5000元, 建档立卡贫困人口和农村特困人员 80%, 其他 78%,
	 * 取消建档立卡贫困人口封顶线; 普通: 1万元以上 75%, 限额40万元 */
	linfen_group(&p->group[0], "poor", CATSET(CAT_REGISTERED_POOR), RES_ANY,
	    YUAN(5000), PCT(80), false);
	linfen_group(&p->group[1], "rural_extreme", CATSET(CAT_EXTREME_POVERTY),
	    RES_RURAL, YUAN(5000), PCT(80), true);
	linfen_group(&p->group[2], "hardship", CATSET(CAT_EXTREME_POVERTY) |
	    CATSET(CAT_MIN_LIVING) | CATSET(CAT_SEVERE_DISABILITY) |
	    CATSET(CAT_LOW_INCOME), RES_ANY, YUAN(5000), PCT(78), true);
	linfen_group(&p->group[3], "ordinary", 0, RES_ANY, YUAN(10000), PCT(75),
	    true);
}

/* 003 宁夏: six segments, four columns; 银川 10000, rural poor 3000; no cap. */
static void
ningxia_group(struct serious_group *g, const char *name, catset_t cats,
    enum residence res, fen_t ded, const int r[6][2])
{
	snprintf(g->name, sizeof g->name, "%s", name);
	g->categories = cats;
	g->residence = res;
	g->deductible = SET(ded);
	g->nseg = 6;
	for (int k = 0; k < 6; k++) {
		if (k < 5)
			g->seg[k].upper = SET(YUAN(100000) * (k + 1));
		g->seg[k].ratio = SET(PCT(r[k][0]));
		g->seg[k].ratio_major = SET(PCT(r[k][1]));
	}
	g->no_cap = true;
}

static void
ningxia(struct policy *p)
{
	static const int ordinary[6][2] = {
		{ 60, 61 }, { 61, 63 }, { 62, 64 }, { 63, 65 }, { 66, 68 },
		{ 70, 73 }
	};
	static const int poor[6][2] = {
		{ 62, 64 }, { 66, 68 }, { 67, 69 }, { 68, 70 }, { 71, 73 },
		{ 75, 77 }
	};
	struct benefit *ip = &p->kind[KIND_INPATIENT];

	name_pack(p, "ningxia-2020");
	ip->defined = true;
	ip->deductible_level[2] = ILL(YUAN(600));
	ip->ratio_level[2] = SET(PCT(85));	/* 二级 ... 提高到85% */
	p->inpatient_cap = ILL(YUAN(150000));
	p->serious_defined = true;
	p->ngroups = 2;
	ningxia_group(&p->group[0], "rural_poor", CATSET(CAT_REGISTERED_POOR),
	    RES_RURAL, YUAN(3000), poor);
	ningxia_group(&p->group[1], "ordinary", 0, RES_ANY, YUAN(10000),
	    ordinary);
}

/* 004 枣庄: a chronic disease list, no ratio or caps. */
static void
zaozhuang(struct policy *p)
{
	name_pack(p, "zaozhuang-2021");
	p->kind[KIND_CHRONIC].defined = true;
	p->ndiseases = 2;
	snprintf(p->disease[0].code, sizeof p->disease[0].code, "fjh");
	snprintf(p->disease[0].name, sizeof p->disease[0].name, "肺结核");
	snprintf(p->disease[1].code, sizeof p->disease[1].code, "mxyg");
	snprintf(p->disease[1].name, sizeof p->disease[1].name, "慢性乙型病毒性肝炎");
}

/* 示范县: 001's basic insurance, illustrative serious illness and assistance. */
static void
demo(struct policy *p)
{
	struct assistance_group *a = &p->assist[0];

	zhangye(p);
	snprintf(p->id, sizeof p->id, "demo");
	p->illustrative = true;
	p->serious_defined = true;
	p->ngroups = 1;
	snprintf(p->group[0].name, sizeof p->group[0].name, "ordinary");
	p->group[0].deductible = ILL(YUAN(10000));
	p->group[0].nseg = 1;
	p->group[0].seg[0].ratio = ILL(PCT(60));
	p->group[0].cap = ILL(YUAN(300000));
	p->assistance_defined = true;
	p->nassist = 1;
	snprintf(a->name, sizeof a->name, "poor");
	snprintf(a->label, sizeof a->label, "困难群众");
	a->categories = CATSET(CAT_REGISTERED_POOR) |
	    CATSET(CAT_EXTREME_POVERTY) | CATSET(CAT_MIN_LIVING);
	a->deductible = ILL(YUAN(1000));
	a->ratio = ILL(PCT(70));
	a->cap = ILL(YUAN(50000));
}

static void
build(enum pack which, struct policy *p)
{
	switch (which) {
	case ZHANGYE:		zhangye(p); break;
	case QINHUANGDAO:	qinhuangdao(p); break;
	case LINFEN:		linfen(p, true); break;
	case LINFEN_INCL:	linfen(p, false); break;
	case NINGXIA:		ningxia(p); break;
	case ZAOZHUANG:		zaozhuang(p); break;
	case ZAOZHUANG_RATIO:
		zaozhuang(p);
		p->kind[KIND_CHRONIC].ratio = ILL(PCT(70));
		break;
	case DEMO:		demo(p); break;
	}
}

/* ---- the cases ------------------------------------------------------------ */

struct expect {
	enum settle_status st;
	const char *missing;
	fen_t o, e, f, pb, r, d;
	bp_t ratio;
	fen_t fund, serious, assist, personal;
	int notes[10];			/* note kinds in order, then END */
};

struct tcase {
	const char *name;
	enum pack pack;
	struct claim c;
	struct expect x;
};

#define IP	.kind = KIND_INPATIENT
#define NS	NOTE_NO_SERIOUS
#define NA	NOTE_NO_ASSISTANCE
#define SG	NOTE_SERIOUS_GROUP
#define IL	NOTE_ILLUSTRATIVE
#define CAP	NOTE_CAP_REACHED

static const struct tcase cases[] = {
	/* RULES.md 6: B' = 3000, P_B = 600, R = 20000 - 1000 - 600 = 18400,
	 * D = 1500, r = 75 %, fund = round(16900 × 0.75) = 12675,
	 * personal = 20000 - 12675 = 7325. */
	{ "rules6_worked_example", ZHANGYE,
	  { IP, .level = 3, .total = YUAN(20000), .out_of_list = YUAN(1000),
	    .class_b = YUAN(3000) },
	  { .o = 100000, .pb = 60000, .r = 1840000, .d = 150000, .ratio = 7500,
	    .fund = 1267500, .personal = 732500, .notes = { NS, NA, END } } },
	/* 001 imported with a domestic standard: E = 3000 - 2000 = 1000,
	 * B' = 1000 + min(3000, 2000) = 3000, P_B = 600,
	 * R = 10000 - 1000 - 600 = 8400, D = 700, fund = 7700 × 0.8 = 6160,
	 * personal = 10000 - 6160 = 3840. */
	{ "imported_with_standard", ZHANGYE,
	  { IP, .level = 2, .total = YUAN(10000), .class_b = YUAN(1000),
	    .imported = YUAN(3000), .imported_standard = YUAN(2000) },
	  { .e = 100000, .pb = 60000, .r = 840000, .d = 70000, .ratio = 8000,
	    .fund = 616000, .personal = 384000, .notes = { NS, NA, END } } },
	/* 001 imported, no domestic standard: F = round(1234.56 × 0.2 =
	 * 246.912) = 246.91, B' = 1234.56 - 246.91 = 987.65, P_B =
	 * round(197.53) = 197.53, R = 5000 - 100 - 246.91 - 197.53 = 4455.56,
	 * D = 200, fund = round(4255.56 × 0.85 = 3617.226) = 3617.23,
	 * personal = 5000 - 3617.23 = 1382.77. */
	{ "imported_without_standard", ZHANGYE,
	  { IP, .level = 1, .total = YUAN(5000), .out_of_list = YUAN(100),
	    .imported = 123456 },
	  { .o = 10000, .f = 24691, .pb = 19753, .r = 445556, .d = 20000,
	    .ratio = 8500, .fund = 361723, .personal = 138277,
	    .notes = { NS, NA, END } } },
	/* Domestic standard above the price: E = 0, B' = min(500, 600) = 500,
	 * P_B = 100, R = 900, D = 200, fund = 700 × 0.85 = 595, personal 405. */
	{ "imported_standard_above_price", ZHANGYE,
	  { IP, .level = 1, .total = YUAN(1000), .imported = YUAN(500),
	    .imported_standard = YUAN(600) },
	  { .pb = 10000, .r = 90000, .d = 20000, .ratio = 8500, .fund = 59500,
	    .personal = 40500, .notes = { NS, NA, END } } },
	/* Half a fen rounds up: R - D = 2 fen, × 0.75 = 1.5 fen -> 2 fen. */
	{ "half_fen_rounds_up", ZHANGYE,
	  { IP, .level = 3, .total = 150002 },
	  { .r = 150002, .d = 150000, .ratio = 7500, .fund = 2,
	    .personal = 150000, .notes = { NS, NA, END } } },
	/* Penalty: county scope, no registration, no emergency: D = 700,
	 * r = 80 - 10 = 70 %, fund = 9300 × 0.7 = 6510, personal 3490. */
	{ "penalty_county_unregistered", ZHANGYE,
	  { IP, .level = 2, .scope = SCOPE_COUNTY, .total = YUAN(10000) },
	  { .r = 1000000, .d = 70000, .ratio = 7000, .fund = 651000,
	    .personal = 349000, .notes = { NOTE_PENALTY, NS, NA, END } } },
	/* Registered: no cut, fund = 9300 × 0.8 = 7440. */
	{ "penalty_waived_registered", ZHANGYE,
	  { IP, .level = 2, .scope = SCOPE_COUNTY, .registered = true,
	    .total = YUAN(10000) },
	  { .r = 1000000, .d = 70000, .ratio = 8000, .fund = 744000,
	    .personal = 256000,
	    .notes = { NOTE_PENALTY_WAIVED, NS, NA, END } } },
	/* Emergency: no cut either. */
	{ "penalty_waived_emergency", ZHANGYE,
	  { IP, .level = 2, .scope = SCOPE_PROVINCE, .emergency = true,
	    .total = YUAN(10000) },
	  /* province overrides: D = 3000, r = 65 %: 7000 × 0.65 = 4550 */
	  { .r = 1000000, .d = 300000, .ratio = 6500, .fund = 455000,
	    .personal = 545000,
	    .notes = { NOTE_PENALTY_WAIVED, NS, NA, END } } },
	/* City scope overrides the level: D = 3000, r = 65 - 10 = 55 %,
	 * fund = 7000 × 0.55 = 3850. */
	{ "scope_city_override_with_penalty", ZHANGYE,
	  { IP, .level = 2, .scope = SCOPE_CITY, .total = YUAN(10000) },
	  { .r = 1000000, .d = 300000, .ratio = 5500, .fund = 385000,
	    .personal = 615000, .notes = { NOTE_PENALTY, NS, NA, END } } },
	/* No level needed where the scope gives both values. */
	{ "scope_province_without_level", ZHANGYE,
	  { IP, .scope = SCOPE_PROVINCE, .registered = true,
	    .total = YUAN(10000) },
	  { .r = 1000000, .d = 300000, .ratio = 6500, .fund = 455000,
	    .personal = 545000,
	    .notes = { NOTE_PENALTY_WAIVED, NS, NA, END } } },
	{ "level_required", ZHANGYE,
	  { IP, .total = YUAN(10000) },
	  { .st = SETTLE_NEED_LEVEL } },
	/* Exactly at the cap: share = 8500 × 0.75 = 6375, cap left =
	 * 50000 - 43625 = 6375: fund 6375, the cap does not cut. */
	{ "inpatient_cap_exactly", ZHANGYE,
	  { IP, .level = 3, .total = YUAN(10000),
	    .ytd_inpatient_fund = YUAN(43625) },
	  { .r = 1000000, .d = 150000, .ratio = 7500, .fund = 637500,
	    .personal = 362500, .notes = { NS, NA, END } } },
	/* One fen over: left 6374.99. */
	{ "inpatient_cap_one_fen_over", ZHANGYE,
	  { IP, .level = 3, .total = YUAN(10000),
	    .ytd_inpatient_fund = YUAN(43625) + 1 },
	  { .r = 1000000, .d = 150000, .ratio = 7500, .fund = 637499,
	    .personal = 362501, .notes = { CAP, NS, NA, END } } },
	/* The year's cap already used up: fund 0. */
	{ "inpatient_cap_used_up", ZHANGYE,
	  { IP, .level = 3, .total = YUAN(10000),
	    .ytd_inpatient_fund = YUAN(50000) },
	  { .r = 1000000, .d = 150000, .ratio = 7500, .fund = 0,
	    .personal = 1000000, .notes = { CAP, NS, NA, END } } },
	/* Accident: inpatient rates; share = 19300 × 0.8 = 15440 > the
	 * accident cap 15000: fund 15000, personal 5000. */
	{ "accident_own_cap", ZHANGYE,
	  { .kind = KIND_ACCIDENT, .level = 2, .total = YUAN(20000) },
	  { .r = 2000000, .d = 70000, .ratio = 8000, .fund = 1500000,
	    .personal = 500000, .notes = { CAP, NS, NA, END } } },
	/* Accident under the shared cap: inpatient left 50000 - 45000 =
	 * 5000 cuts first; accident left 15000 - 1000 = 14000 does not. */
	{ "accident_shared_cap", ZHANGYE,
	  { .kind = KIND_ACCIDENT, .level = 2, .total = YUAN(20000),
	    .ytd_inpatient_fund = YUAN(45000), .ytd_accident_fund = YUAN(1000) },
	  { .r = 2000000, .d = 70000, .ratio = 8000, .fund = 500000,
	    .personal = 1500000, .notes = { CAP, NS, NA, END } } },
	/* Deductible 1500 larger than R = 1000: D = 1000, fund 0. */
	{ "deductible_over_range", ZHANGYE,
	  { IP, .level = 3, .total = YUAN(1000) },
	  { .r = 100000, .d = 100000, .ratio = 7500, .personal = 100000,
	    .notes = { NOTE_DEDUCTIBLE_OVER_RANGE, NS, NA, END } } },
	/* O + B + M = T exactly: F = 200 × 0.2 = 40, B' = 300 + 200 - 40 =
	 * 460, P_B = 92, R = 1000 - 500 - 40 - 92 = 368, D = 200,
	 * fund = 168 × 0.85 = 142.80, personal = 857.20. */
	{ "bill_parts_equal_total", ZHANGYE,
	  { IP, .level = 1, .total = YUAN(1000), .out_of_list = YUAN(500),
	    .class_b = YUAN(300), .imported = YUAN(200) },
	  { .o = 50000, .f = 4000, .pb = 9200, .r = 36800, .d = 20000,
	    .ratio = 8500, .fund = 14280, .personal = 85720,
	    .notes = { NS, NA, END } } },
	{ "bill_parts_over_total", ZHANGYE,
	  { IP, .level = 1, .total = YUAN(1000), .out_of_list = YUAN(500),
	    .class_b = YUAN(300), .imported = YUAN(200) + 1 },
	  { .st = SETTLE_OVER_TOTAL } },
	{ "negative_amount", ZHANGYE,
	  { IP, .level = 1, .total = YUAN(1000), .out_of_list = -1 },
	  { .st = SETTLE_BAD_AMOUNT } },
	{ "impossible_ytd", ZHANGYE,
	  { IP, .level = 1, .total = YUAN(1000), .ytd_accident_fund = 100 },
	  { .st = SETTLE_BAD_YTD } },
	/* 001 general outpatient: no deductible, 70 %: 100 × 0.7 = 70. */
	{ "outpatient_001", ZHANGYE,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(100) },
	  { .r = 10000, .ratio = 7000, .fund = 7000, .personal = 3000,
	    .notes = { END } } },
	/* Cap 80 with 20 used: left 60 < 70. */
	{ "outpatient_001_cap", ZHANGYE,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(100),
	    .ytd_outpatient_range = YUAN(50), .ytd_outpatient_fund = YUAN(20) },
	  { .r = 10000, .ratio = 7000, .fund = 6000, .personal = 4000,
	    .notes = { CAP, END } } },
	/* 001 has no chronic exclusion: the qualified get outpatient too. */
	{ "outpatient_001_chronic_qualified", ZHANGYE,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(100),
	    .chronic_qualified = true },
	  { .r = 10000, .ratio = 7000, .fund = 7000, .personal = 3000,
	    .notes = { END } } },
	/* 000: deductible 50, 30 used earlier: D = 20, fund = (80 - 20) ×
	 * 0.5 = 30, cap 65 not reached; personal 50. */
	{ "outpatient_000_deductible_partly_used", QINHUANGDAO,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(80),
	    .ytd_outpatient_range = YUAN(30) },
	  { .r = 8000, .d = 2000, .ratio = 5000, .fund = 3000,
	    .personal = 5000,
	    .notes = { NOTE_OUTPATIENT_DEDUCTIBLE, END } } },
	/* 000: the outpatient pooling starts on 2021-01-01: nothing before. */
	{ "outpatient_000_before_start", QINHUANGDAO,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(80),
	    .date = { 2020, 12, 31 } },
	  { .r = 8000, .personal = 8000, .notes = { NOTE_NOT_STARTED, END } } },
	/* On its first day: D = 50, (80 - 50) × 0.5 = 15. */
	{ "outpatient_000_first_day", QINHUANGDAO,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(80),
	    .date = { 2021, 1, 1 } },
	  { .r = 8000, .d = 5000, .ratio = 5000, .fund = 1500,
	    .personal = 6500, .notes = { END } } },
	/* 000: first visit of 30: deductible 50 > 30, fund 0. */
	{ "outpatient_000_deductible_over_range", QINHUANGDAO,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(30) },
	  { .r = 3000, .d = 3000, .ratio = 5000, .personal = 3000,
	    .notes = { NOTE_DEDUCTIBLE_OVER_RANGE, END } } },
	/* 000: deductible used up, 40 of 65 paid: share 100, left 25. */
	{ "outpatient_000_cap", QINHUANGDAO,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(200),
	    .ytd_outpatient_range = YUAN(100), .ytd_outpatient_fund = YUAN(40) },
	  { .r = 20000, .ratio = 5000, .fund = 2500, .personal = 17500,
	    .notes = { NOTE_OUTPATIENT_DEDUCTIBLE, CAP, END } } },
	/* 000: 已取得门诊慢性病资格的 ... 不再享受门诊统筹待遇. */
	{ "outpatient_000_chronic_excluded", QINHUANGDAO,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(100),
	    .chronic_qualified = true },
	  { .r = 10000, .personal = 10000,
	    .notes = { NOTE_CHRONIC_EXCLUDED, END } } },
	/* 000 gives no class-B first self-pay. */
	{ "missing_class_b_selfpay", QINHUANGDAO,
	  { .kind = KIND_OUTPATIENT, .total = YUAN(100), .class_b = YUAN(10) },
	  { .st = SETTLE_MISSING_PARAM, .missing = "selfpay.class_b" } },
	/* 000 gives no inpatient values at all. */
	{ "missing_inpatient_deductible", QINHUANGDAO,
	  { IP, .level = 2, .total = YUAN(100) },
	  { .st = SETTLE_MISSING_PARAM,
	    .missing = "inpatient.deductible.level2" } },
	{ "missing_chronic_disease_list", QINHUANGDAO,
	  { .kind = KIND_CHRONIC, .disease = "gxy", .chronic_qualified = true,
	    .total = YUAN(100) },
	  { .st = SETTLE_MISSING_PARAM, .missing = "chronic.disease.gxy" } },
	{ "missing_maternity_quota", QINHUANGDAO,
	  { .kind = KIND_MATERNITY, .delivery = DELIVERY_NORMAL,
	    .total = YUAN(100) },
	  { .st = SETTLE_MISSING_PARAM, .missing = "maternity.normal" } },
	/* 001 chronic 70 %, no deductible: 1500 × 0.7 = 1050 (cap 2000,
	 * illustrative). */
	{ "chronic_001", ZHANGYE,
	  { .kind = KIND_CHRONIC, .disease = "gxy", .chronic_qualified = true,
	    .total = YUAN(1500) },
	  { .r = 150000, .ratio = 7000, .fund = 105000, .personal = 45000,
	    .notes = { NA, IL, END } } },
	/* 1500 of the disease's 2000 used: left 500. */
	{ "chronic_001_cap", ZHANGYE,
	  { .kind = KIND_CHRONIC, .disease = "gxy", .chronic_qualified = true,
	    .total = YUAN(1500), .ytd_chronic_fund = YUAN(1500) },
	  { .r = 150000, .ratio = 7000, .fund = 50000, .personal = 100000,
	    .notes = { CAP, NA, IL, END } } },
	{ "chronic_not_qualified", ZHANGYE,
	  { .kind = KIND_CHRONIC, .disease = "gxy", .total = YUAN(1500) },
	  { .r = 150000, .personal = 150000,
	    .notes = { NOTE_NOT_QUALIFIED, END } } },
	{ "chronic_not_listed", ZHANGYE,
	  { .kind = KIND_CHRONIC, .disease = "xyz", .chronic_qualified = true,
	    .total = YUAN(1500) },
	  { .r = 150000, .personal = 150000,
	    .notes = { NOTE_DISEASE_NOT_LISTED, END } } },
	/* 004 lists diseases, gives no ratio. */
	{ "chronic_004_missing_ratio", ZAOZHUANG,
	  { .kind = KIND_CHRONIC, .disease = "fjh", .chronic_qualified = true,
	    .total = YUAN(1500) },
	  { .st = SETTLE_MISSING_PARAM, .missing = "chronic.ratio" } },
	{ "chronic_004_missing_cap", ZAOZHUANG_RATIO,
	  { .kind = KIND_CHRONIC, .disease = "fjh", .chronic_qualified = true,
	    .total = YUAN(1500) },
	  { .st = SETTLE_MISSING_PARAM, .missing = "chronic.cap.fjh" } },
	{ "chronic_needs_disease", ZHANGYE,
	  { .kind = KIND_CHRONIC, .total = YUAN(1500) },
	  { .st = SETTLE_NEED_DISEASE } },
	/* 001 maternity: 单胎顺产 1200. */
	{ "maternity_normal", ZHANGYE,
	  { .kind = KIND_MATERNITY, .delivery = DELIVERY_NORMAL,
	    .total = YUAN(3000) },
	  { .r = 300000, .fund = 120000, .personal = 180000,
	    .notes = { END } } },
	/* Difficult twins: 2000 + 400 = 2400. */
	{ "maternity_difficult_twins", ZHANGYE,
	  { .kind = KIND_MATERNITY, .delivery = DELIVERY_DIFFICULT,
	    .babies = 2, .total = YUAN(5000) },
	  { .r = 500000, .fund = 240000, .personal = 260000,
	    .notes = { END } } },
	/* Normal triplets: 1200 + 2 × 400 = 2000. */
	{ "maternity_normal_triplets", ZHANGYE,
	  { .kind = KIND_MATERNITY, .delivery = DELIVERY_NORMAL, .babies = 3,
	    .total = YUAN(5000) },
	  { .r = 500000, .fund = 200000, .personal = 300000,
	    .notes = { END } } },
	/* R = 3000 - 2500 = 500 < 1200: fund 500. */
	{ "maternity_range_below_quota", ZHANGYE,
	  { .kind = KIND_MATERNITY, .delivery = DELIVERY_NORMAL,
	    .total = YUAN(3000), .out_of_list = YUAN(2500) },
	  { .o = 250000, .r = 50000, .fund = 50000, .personal = 250000,
	    .notes = { NOTE_QUOTA_OVER_RANGE, END } } },
	{ "maternity_needs_delivery", ZHANGYE,
	  { .kind = KIND_MATERNITY, .total = YUAN(3000) },
	  { .st = SETTLE_NEED_DELIVERY } },
	/* Not eligible: every payment 0, the whole bill is the person's. */
	{ "ineligible_waiting", ZHANGYE,
	  { IP, .level = 3, .total = YUAN(20000), .out_of_list = YUAN(1000),
	    .class_b = YUAN(3000), .ineligible = INELIGIBLE_WAITING,
	    .ineligible_until = { 2020, 1, 30 } },
	  { .personal = 2000000, .notes = { NOTE_NOT_ELIGIBLE, END } } },
	/* 002: city, not referred: D = 800, r = 80 - 15 = 65 %, fund =
	 * 99200 × 0.65 = 64480; penalty part = 99200 × 0.15 = 14880; base =
	 * 100000 - 64480 - 14880 = 20640; ordinary: (20640 - 10000) × 0.75 =
	 * 7980; personal = 100000 - 64480 - 7980 = 27540. */
	{ "linfen_penalty_part_excluded", LINFEN,
	  { IP, .level = 2, .scope = SCOPE_CITY, .total = YUAN(100000) },
	  { .r = 10000000, .d = 80000, .ratio = 6500, .fund = 6448000,
	    .serious = 798000, .personal = 2754000,
	    .notes = { NOTE_PENALTY, NOTE_SERIOUS_PENALTY_PART, SG, NA, IL,
	    END } } },
	/* The same where the pack counts it: base = 100000 - 64480 = 35520,
	 * (35520 - 10000) × 0.75 = 19140; personal = 100000 - 64480 - 19140
	 * = 16380. */
	{ "linfen_penalty_part_included", LINFEN_INCL,
	  { IP, .level = 2, .scope = SCOPE_CITY, .total = YUAN(100000) },
	  { .r = 10000000, .d = 80000, .ratio = 6500, .fund = 6448000,
	    .serious = 1914000, .personal = 1638000,
	    .notes = { NOTE_PENALTY, SG, NA, IL, END } } },
	/* Registered poor, local: fund = 99200 × 0.8 = 79360, base = 20640,
	 * poor group: (20640 - 5000) × 0.8 = 12512; personal = 100000 -
	 * 79360 - 12512 = 8128. */
	{ "linfen_registered_poor", LINFEN,
	  { IP, .level = 2, .total = YUAN(100000),
	    .categories = CATSET(CAT_REGISTERED_POOR) },
	  { .r = 10000000, .d = 80000, .ratio = 8000, .fund = 7936000,
	    .serious = 1251200, .personal = 812800,
	    .notes = { SG, NA, IL, END } } },
	/* 农村特困人员: 80 % too. */
	{ "linfen_rural_extreme_poverty", LINFEN,
	  { IP, .level = 2, .total = YUAN(100000), .residence = RES_RURAL,
	    .categories = CATSET(CAT_EXTREME_POVERTY) },
	  { .r = 10000000, .d = 80000, .ratio = 8000, .fund = 7936000,
	    .serious = 1251200, .personal = 812800,
	    .notes = { SG, NA, IL, END } } },
	/* Urban extreme poverty: other hardship, 78 %: 15640 × 0.78 =
	 * 12199.20; personal = 100000 - 79360 - 12199.20 = 8440.80. */
	{ "linfen_urban_extreme_poverty", LINFEN,
	  { IP, .level = 2, .total = YUAN(100000), .residence = RES_URBAN,
	    .categories = CATSET(CAT_EXTREME_POVERTY) },
	  { .r = 10000000, .d = 80000, .ratio = 8000, .fund = 7936000,
	    .serious = 1219920, .personal = 844080,
	    .notes = { SG, NA, IL, END } } },
	/* Ordinary, 399000 of the 400000 cap used, base far past the
	 * deductible: 20640 × 0.75 = 15480 > left 1000. */
	{ "linfen_serious_cap", LINFEN,
	  { IP, .level = 2, .total = YUAN(100000),
	    .ytd_serious_base = YUAN(600000), .ytd_serious_paid = YUAN(399000) },
	  { .r = 10000000, .d = 80000, .ratio = 8000, .fund = 7936000,
	    .serious = 100000, .personal = 1964000,
	    .notes = { SG, CAP, NA, IL, END } } },
	/* Registered poor: no cap even past 400000: 20640 × 0.8 = 16512. */
	{ "linfen_poor_no_cap", LINFEN,
	  { IP, .level = 2, .total = YUAN(100000),
	    .categories = CATSET(CAT_REGISTERED_POOR),
	    .ytd_serious_base = YUAN(700000), .ytd_serious_paid = YUAN(500000) },
	  { .r = 10000000, .d = 80000, .ratio = 8000, .fund = 7936000,
	    .serious = 1651200, .personal = 412800,
	    .notes = { SG, NA, IL, END } } },
	/* 003: R = 10000, D = 600, fund = 9400 × 0.85 = 7990, base = 2010;
	 * c0 = 98990, c1 = 101000: 1010 × 0.60 + 1000 × 0.61 = 606 + 610 =
	 * 1216; personal = 10000 - 7990 - 1216 = 794. */
	{ "ningxia_segments_straddle", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000),
	    .ytd_serious_base = YUAN(98990) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 121600, .personal = 79400,
	    .notes = { SG, NA, IL, END } } },
	/* 20 种大病: 1010 × 0.61 + 1000 × 0.63 = 616.10 + 630 = 1246.10. */
	{ "ningxia_major_column", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000), .major_disease = true,
	    .ytd_serious_base = YUAN(98990) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 124610, .personal = 76390,
	    .notes = { SG, NA, IL, END } } },
	/* Rural poor, major: 1010 × 0.64 + 1000 × 0.68 = 646.40 + 680. */
	{ "ningxia_rural_poor_major", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000), .major_disease = true,
	    .categories = CATSET(CAT_REGISTERED_POOR), .residence = RES_RURAL,
	    .ytd_serious_base = YUAN(98990) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 132640, .personal = 68360,
	    .notes = { SG, NA, IL, END } } },
	/* Registered poor but urban: the rural condition fails: ordinary. */
	{ "ningxia_poor_urban_is_ordinary", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000), .residence = RES_URBAN,
	    .categories = CATSET(CAT_REGISTERED_POOR),
	    .ytd_serious_base = YUAN(98990) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 121600, .personal = 79400,
	    .notes = { SG, NA, IL, END } } },
	/* Ends exactly at the segment edge 100000: 2010 × 0.6 = 1206. */
	{ "ningxia_segment_edge", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000),
	    .ytd_serious_base = YUAN(97990) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 120600, .personal = 80400,
	    .notes = { SG, NA, IL, END } } },
	/* Rounded once: T = 600.06, R - D = 6 fen × 0.85 = 5.1 -> 5 fen,
	 * base = 60006 - 5 = 60001 fen; c0 = 9940003, c1 = 10000004 fen:
	 * 59997 × 0.60 = 35998.2 and 4 × 0.61 = 2.44, sum 36000.64 -> 36001
	 * (per segment it would be 35998 + 2 = 36000); personal = 60006 - 5 -
	 * 36001 = 24000. */
	{ "ningxia_rounded_once", NINGXIA,
	  { IP, .level = 2, .total = 60006, .ytd_serious_base = 9940003 },
	  { .r = 60006, .d = 60000, .ratio = 8500, .fund = 5,
	    .serious = 36001, .personal = 24000,
	    .notes = { SG, NA, IL, END } } },
	/* The year's base ends exactly at the deductible 10000: 0. */
	{ "ningxia_at_deductible", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000),
	    .ytd_serious_base = YUAN(7990) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .personal = 201000,
	    .notes = { SG, NOTE_SERIOUS_BELOW_DEDUCTIBLE, NA, IL, END } } },
	/* One fen past it: 1 × 0.6 = 0.6 -> 1 fen. */
	{ "ningxia_one_fen_over_deductible", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000),
	    .ytd_serious_base = YUAN(7990) + 1 },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 1, .personal = 200999,
	    .notes = { SG, NA, IL, END } } },
	/* 500001以上: 2010 × 0.73 (major) = 1467.30. */
	{ "ningxia_last_segment_major", NINGXIA,
	  { IP, .level = 2, .total = YUAN(10000), .major_disease = true,
	    .ytd_serious_base = YUAN(600000) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 146730, .personal = 54270,
	    .notes = { SG, NA, IL, END } } },
	/* Demo: R = 50000, D = 1500, fund = 48500 × 0.75 = 36375; base =
	 * 13625, serious = (13625 - 10000) × 0.6 = 2175; assistance base =
	 * 50000 - 36375 - 2175 = 11450, (11450 - 1000) × 0.7 = 7315;
	 * personal = 50000 - 36375 - 2175 - 7315 = 4135. */
	{ "demo_assistance", DEMO,
	  { IP, .level = 3, .total = YUAN(50000),
	    .categories = CATSET(CAT_REGISTERED_POOR) },
	  { .r = 5000000, .d = 150000, .ratio = 7500, .fund = 3637500,
	    .serious = 217500, .assist = 731500, .personal = 413500,
	    .notes = { SG, NOTE_ASSIST_GROUP, IL, END } } },
	/* 500 of the year's deductible 1000 used: (500 + 11450) - 1000 =
	 * 10950 × 0.7 = 7665; personal = 50000 - 36375 - 2175 - 7665 = 3785. */
	{ "demo_assistance_cumulative", DEMO,
	  { IP, .level = 3, .total = YUAN(50000),
	    .categories = CATSET(CAT_MIN_LIVING),
	    .ytd_assistance_base = YUAN(500) },
	  { .r = 5000000, .d = 150000, .ratio = 7500, .fund = 3637500,
	    .serious = 217500, .assist = 766500, .personal = 378500,
	    .notes = { SG, NOTE_ASSIST_GROUP, IL, END } } },
	/* 45000 of 50000 paid: 11450 × 0.7 = 8015 > left 5000. */
	{ "demo_assistance_cap", DEMO,
	  { IP, .level = 3, .total = YUAN(50000),
	    .categories = CATSET(CAT_REGISTERED_POOR),
	    .ytd_assistance_base = YUAN(70000),
	    .ytd_assistance_paid = YUAN(45000) },
	  { .r = 5000000, .d = 150000, .ratio = 7500, .fund = 3637500,
	    .serious = 217500, .assist = 500000, .personal = 645000,
	    .notes = { SG, NOTE_ASSIST_GROUP, CAP, IL, END } } },
	/* No category: no assistance group; personal = 50000 - 36375 - 2175. */
	{ "demo_no_assistance_group", DEMO,
	  { IP, .level = 3, .total = YUAN(50000) },
	  { .r = 5000000, .d = 150000, .ratio = 7500, .fund = 3637500,
	    .serious = 217500, .personal = 1145000,
	    .notes = { SG, NOTE_ASSIST_NO_GROUP, IL, END } } },
	/* A demonstration pack says so on every slip, even an ineligible one. */
	{ "demo_ineligible_not_paid", DEMO,
	  { IP, .level = 3, .total = YUAN(50000),
	    .ineligible = INELIGIBLE_NOT_PAID },
	  { .personal = 5000000, .notes = { NOTE_NOT_ELIGIBLE, IL, END } } },
	/* 003 gives no penalty: needed only outside the county unregistered. */
	{ "ningxia_missing_penalty", NINGXIA,
	  { IP, .level = 2, .scope = SCOPE_COUNTY, .total = YUAN(10000) },
	  { .st = SETTLE_MISSING_PARAM, .missing = "inpatient.penalty.county" } },
	{ "ningxia_emergency_needs_no_penalty", NINGXIA,
	  { IP, .level = 2, .scope = SCOPE_COUNTY, .emergency = true,
	    .total = YUAN(10000), .ytd_serious_base = YUAN(97990) },
	  { .r = 1000000, .d = 60000, .ratio = 8500, .fund = 799000,
	    .serious = 120600, .personal = 80400,
	    .notes = { SG, NA, IL, END } } },
	/* Maternity: no serious illness, no assistance, even where defined. */
	{ "demo_maternity_no_layers", DEMO,
	  { .kind = KIND_MATERNITY, .delivery = DELIVERY_NORMAL,
	    .total = YUAN(3000), .categories = CATSET(CAT_REGISTERED_POOR) },
	  { .r = 300000, .fund = 120000, .personal = 180000,
	    .notes = { IL, END } } },
};

static void
check_notes(const struct settlement *s, const int *want, const char *name)
{
	int n = 0;

	while (n < 10 && want[n] != END)
		n++;
	if (s->nnotes != n)
		fail_msg("%s: %d notes, expected %d (first %d)", name,
		    s->nnotes, n, s->nnotes ? (int)s->note[0].kind : -1);
	for (int i = 0; i < n; i++)
		if ((int)s->note[i].kind != want[i])
			fail_msg("%s: note %d is %d, expected %d", name, i,
			    (int)s->note[i].kind, want[i]);
}

#define EQ(field, want) do { \
	if ((int64_t)(s.field) != (int64_t)(want)) \
		fail_msg("%s: %s = %lld, expected %lld", t->name, #field, \
		    (long long)(s.field), (long long)(want)); \
	} while (0)

static void
run_case(void **state)
{
	const struct tcase *t = *state;
	struct policy *pol = calloc(1, sizeof *pol);
	struct settlement s;

	assert_non_null(pol);
	build(t->pack, pol);
	if (settle(pol, &t->c, &s) != t->x.st)
		fail_msg("%s: status %d, expected %d (%s)", t->name, s.status,
		    t->x.st, s.missing);
	EQ(status, t->x.st);
	if (t->x.st == SETTLE_MISSING_PARAM)
		assert_string_equal(s.missing, t->x.missing);
	if (t->x.st != SETTLE_OK) {
		EQ(fund, 0);
		EQ(personal, 0);
		free(pol);
		return;
	}
	assert_string_equal(s.policy_id, pol->id);
	EQ(out_of_list, t->x.o);
	EQ(imported_excess, t->x.e);
	EQ(imported_selfpay, t->x.f);
	EQ(class_b_selfpay, t->x.pb);
	EQ(range, t->x.r);
	EQ(deductible, t->x.d);
	EQ(ratio, t->x.ratio);
	EQ(fund, t->x.fund);
	EQ(serious, t->x.serious);
	EQ(assistance, t->x.assist);
	EQ(personal, t->x.personal);
	EQ(fund + s.serious + s.assistance + s.personal, t->c.total);
	check_notes(&s, t->x.notes, t->name);
	free(pol);
}

/* ---- traces, notes, statuses ------------------------------------------ */

/* Every figure names its parameter and where it came from. */
static void
test_trace(void **state)
{
	struct policy *pol = calloc(1, sizeof *pol);
	struct claim c = { IP, .level = 3, .total = YUAN(20000),
	    .out_of_list = YUAN(1000), .class_b = YUAN(3000) };
	struct settlement s;

	(void)state;
	zhangye(pol);
	pol->kind[KIND_INPATIENT].deductible_level[3].src = 1;
	pol->kind[KIND_INPATIENT].deductible_level[3].line = 42;
	assert_int_equal(settle(pol, &c, &s), SETTLE_OK);
	assert_string_equal(s.trace[FIG_DEDUCTIBLE].name,
	    "inpatient.deductible.level3");
	assert_int_equal(s.trace[FIG_DEDUCTIBLE].p.src, 1);
	assert_int_equal(s.trace[FIG_DEDUCTIBLE].p.line, 42);
	assert_int_equal(s.trace[FIG_DEDUCTIBLE].p.v, YUAN(1500));
	assert_string_equal(s.trace[FIG_RATIO].name, "inpatient.ratio.level3");
	assert_string_equal(s.trace[FIG_CAP].name, "inpatient.cap");
	assert_string_equal(s.trace[FIG_CLASS_B_SELFPAY].name, "selfpay.class_b");
	assert_string_equal(s.trace[FIG_IMPORTED_SELFPAY].name, "");
	assert_string_equal(s.trace[FIG_PENALTY].name, "");

	/* Accident: the inpatient rates, its own cap; scope override named. */
	c = (struct claim){ .kind = KIND_ACCIDENT, .level = 2,
	    .scope = SCOPE_CITY, .total = YUAN(10000) };
	assert_int_equal(settle(pol, &c, &s), SETTLE_OK);
	assert_string_equal(s.trace[FIG_DEDUCTIBLE].name,
	    "accident.deductible.city");
	assert_string_equal(s.trace[FIG_PENALTY].name,
	    "accident.penalty.city");
	assert_string_equal(s.trace[FIG_ACCIDENT_CAP].name, "accident.cap");
	free(pol);
}

/* A serious-illness table that stops before the base does. */
static void
test_segment_missing(void **state)
{
	struct policy *pol = calloc(1, sizeof *pol);
	struct claim c = { IP, .level = 2, .total = YUAN(10000),
	    .ytd_serious_base = YUAN(600000) };
	struct settlement s;

	(void)state;
	ningxia(pol);
	pol->group[1].nseg = 5;		/* the last has an upper bound */
	assert_int_equal(settle(pol, &c, &s), SETTLE_MISSING_PARAM);
	assert_string_equal(s.missing, "serious.ordinary.segment.6");
	/* Below 500000 the same table settles. */
	c.ytd_serious_base = YUAN(98990);
	assert_int_equal(settle(pol, &c, &s), SETTLE_OK);
	assert_int_equal(s.serious, 121600);
	assert_int_equal(s.nseg, 2);
	assert_int_equal(s.seg[0].from, YUAN(98990));
	assert_int_equal(s.seg[0].to, YUAN(100000));
	assert_int_equal(s.seg[1].ratio, 6100);
	free(pol);
}

static void
test_note_sentences(void **state)
{
	struct settle_note n = { .kind = NOTE_PENALTY, .bp = 1000,
	    .which = SCOPE_COUNTY };
	char buf[256];

	(void)state;
	assert_string_equal(settle_note_format(&n, buf, sizeof buf),
	    "No off-site registration or referral for care in another county "
	    "of the pooling region: the ratio is cut by 10 points.");
	n = (struct settle_note){ .kind = NOTE_NOT_ELIGIBLE,
	    .which = INELIGIBLE_WAITING, .date = { 2020, 1, 30 } };
	assert_string_equal(settle_note_format(&n, buf, sizeof buf),
	    "Not eligible: the claim date is inside the waiting period, which "
	    "lasts until 2020-01-30. Every payment is 0.");
	n = (struct settle_note){ .kind = NOTE_CAP_REACHED,
	    .which = CAP_ACCIDENT, .a = YUAN(15000), .b = YUAN(14000) };
	assert_string_equal(settle_note_format(&n, buf, sizeof buf),
	    "Annual cap reached (accident): the cap is 15000.00 yuan and "
	    "14000.00 yuan was left before this claim.");
	/* Every kind renders something, and within the buffer. */
	for (int k = NOTE_NOT_ELIGIBLE; k <= NOTE_ILLUSTRATIVE; k++) {
		n = (struct settle_note){ .kind = k };
		settle_note_format(&n, buf, 16);
		assert_true(strlen(buf) < 16 && buf[0] != '?');
	}
	for (int st = SETTLE_MISSING_PARAM; st <= SETTLE_BAD_YTD; st++)
		assert_string_not_equal(settle_strerror(st), "unknown error");
}

/* ---- invariants over generated claims ---------------------------------- */

static uint64_t
next(uint64_t *s)		/* xorshift64*: fixed seed, same run each time */
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static fen_t
upto(uint64_t *s, fen_t n)
{
	return n > 0 ? (fen_t)(next(s) % (uint64_t)(n + 1)) : 0;
}

/* Every rule in one pack: demo plus 003's segments and 002's exclusion. */
static void
full(struct policy *p)
{
	struct policy ning;

	demo(p);
	ningxia(&ning);
	p->ngroups = 2;
	p->group[0] = ning.group[0];
	p->group[1] = ning.group[1];
	p->serious_excludes_penalty = SET(1);
	p->serious_includes_chronic = SET(1);
}

static void
random_claim(uint64_t *s, struct claim *c)
{
	fen_t t = upto(s, next(s) % 4 ? YUAN(50000) : YUAN(2000000));

	memset(c, 0, sizeof *c);
	c->kind = (enum claim_kind)(next(s) % KIND_COUNT);
	c->level = 1 + (int)(next(s) % 3);
	c->scope = (enum scope)(next(s) % SCOPE_COUNT);
	c->registered = next(s) % 3 == 0;
	c->emergency = next(s) % 5 == 0;
	c->total = t;
	c->out_of_list = upto(s, t / 4);
	c->class_b = upto(s, t / 4);
	c->imported = upto(s, t / 4);
	c->imported_standard = next(s) % 2 ? upto(s, c->imported * 2) : 0;
	c->categories = (catset_t)(next(s) % 8);
	c->residence = (enum residence)(next(s) % 3);
	snprintf(c->disease, sizeof c->disease, "%s", next(s) % 4 ? "gxy" : "x");
	c->chronic_qualified = next(s) % 4 != 0;
	c->major_disease = next(s) % 2;
	c->delivery = 1 + (int)(next(s) % 2);
	c->babies = 1 + (int)(next(s) % 3);
	c->ytd_inpatient_fund = upto(s, YUAN(60000));
	c->ytd_accident_fund = upto(s, c->ytd_inpatient_fund);
	c->ytd_outpatient_range = upto(s, YUAN(200));
	c->ytd_outpatient_fund = upto(s, c->ytd_outpatient_range);
	c->ytd_chronic_fund = upto(s, YUAN(2500));
	c->ytd_serious_base = upto(s, YUAN(700000));
	c->ytd_serious_paid = upto(s, c->ytd_serious_base);
	c->ytd_assistance_base = upto(s, YUAN(100000));
	c->ytd_assistance_paid = upto(s, c->ytd_assistance_base);
}

static void
check_invariants(const struct claim *c, const struct settlement *s)
{
	assert_int_equal(s->status, SETTLE_OK);
	assert_true(s->fund >= 0 && s->serious >= 0 && s->assistance >= 0);
	assert_true(s->personal >= 0 && s->range >= 0 && s->deductible >= 0);
	assert_true(s->fund <= s->range);
	assert_true(s->fund + s->serious + s->assistance <= c->total);
	assert_int_equal(s->fund + s->serious + s->assistance + s->personal,
	    c->total);
	/* The bill split adds up too. */
	assert_int_equal(s->out_of_list + s->imported_excess +
	    s->imported_selfpay + s->class_b_selfpay + s->range, c->total);
}

static void
test_invariants(void **state)
{
	struct policy *pol = calloc(1, sizeof *pol);
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	struct settlement s, more;
	struct claim c;

	(void)state;
	full(pol);
	for (int i = 0; i < 100000; i++) {
		random_claim(&seed, &c);
		settle(pol, &c, &s);
		check_invariants(&c, &s);
		/* More cost, everything else the same: never less fund. */
		c.total += upto(&seed, next(&seed) % 2 ? 300 : YUAN(30000));
		settle(pol, &c, &more);
		check_invariants(&c, &more);
		if (more.fund < s.fund)
			fail_msg("claim %d: fund %lld fell to %lld", i,
			    (long long)s.fund, (long long)more.fund);
	}
	free(pol);
}

int
main(void)
{
	const size_t n = sizeof cases / sizeof cases[0];
	const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_trace),
		cmocka_unit_test(test_segment_missing),
		cmocka_unit_test(test_note_sentences),
		cmocka_unit_test(test_invariants),
	};
	const size_t nf = sizeof fixed / sizeof fixed[0];
	struct CMUnitTest *tests = calloc(n + nf, sizeof *tests);
	int rc;

	if (tests == NULL)
		return 1;
	for (size_t i = 0; i < n; i++)
		tests[i] = (struct CMUnitTest){ .name = cases[i].name,
		    .test_func = run_case, .initial_state = (void *)&cases[i] };
	memcpy(tests + n, fixed, sizeof fixed);
	rc = _cmocka_run_group_tests("settle", tests, n + nf, NULL, NULL);
	free(tests);
	return rc;
}
