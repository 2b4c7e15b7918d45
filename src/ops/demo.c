/*
 * demo.c: the demonstration county (示范县), made through the ops a clerk
 * would use, so that what a trainer shows is what the program does.  Each
 * action runs on its own business day (s->today set to the day it
 * happened), as if the office had worked through the season: payments in
 * the period, late payers after it, registrations and claims in spring.
 *
 * Everything is decided by tables and a fixed pseudo-random sequence:
 * the same county every run, so tests can name its people.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "i18n.h"
#include "io/policy_file.h"
#include "ops/category.h"
#include "ops/claim.h"
#include "ops/demo.h"
#include "ops/household.h"
#include "ops/office.h"
#include "ops/offsite.h"
#include "ops/operator.h"
#include "ops/payment.h"
#include "ops/resident.h"

const struct demo_operator demo_operators[] = {
	{ "li", "李秀英", ROLE_CLERK, "1111" },
	{ "wang", "王主管", ROLE_SUPERVISOR, "2222" },
	{ "zhao", "赵管理员", ROLE_ADMIN, "3333" },
	{ NULL, NULL, ROLE_NONE, NULL }
};

enum { OP_CLERK, OP_SUPERVISOR, OP_ADMIN };

/* Two townships (one in the mountains, one on the plain), three villages each. */
static const struct {
	const char *name;
	const char *prefix;		/* of household numbers: DS-001 */
	int urban;			/* a community of the town */
} villages[] = {
	{ "东山乡石门村", "DS", 0 },
	{ "东山乡杏树湾村", "DS", 0 },
	{ "东山乡阳坡村", "DS", 0 },
	{ "川口镇河东村", "CK", 0 },
	{ "川口镇河西村", "CK", 0 },
	{ "川口镇新街社区", "CK", 1 },
};
#define NVILLAGES (int)(sizeof villages / sizeof villages[0])
#define PER_VILLAGE 12
#define NHOUSEHOLDS (NVILLAGES * PER_VILLAGE)

static const char *const surnames[] = {
	"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "马", "孙",
	"朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐",
	"曾", "单", "韩", "冯", "于", "董",
};
static const char *const male_given[] = {
	"伟", "强", "军", "磊", "涛", "明", "刚", "平", "辉", "鹏", "建国",
	"志强", "永福", "国庆", "德胜", "文斌", "海军", "振华", "长林", "玉田",
};
static const char *const female_given[] = {
	"芳", "娟", "敏", "静", "丽", "艳", "霞", "秀英", "桂兰", "玉梅",
	"小红", "春花", "淑珍", "凤英", "海燕", "雪梅", "丽娜", "金花",
};
#define NELEM(a) (int)(sizeof (a) / sizeof (a)[0])

/* The people who make a trainer's examples; the rest are drawn. */
struct fixed {
	int household;			/* index */
	int slot;			/* 0 head, 1 spouse, 2.. children */
	const char *name;
};
static const struct fixed fixed_names[] = {
	{ 0, 0, "刘䶮" },		/* 䶮 (yǎn): CJK extension A */
	{ 0, 1, "马秀兰" },
	{ 0, 2, "刘𠇔" },		/* 𠇔: extension B, four bytes in UTF-8 and GB18030 */
	{ 13, 0, "王〇" },		/* 〇 (líng) as a given name */
	{ 62, 0, "曾国华" },		/* 曾: zēng or céng */
	{ 62, 1, "单丽" },		/* 单: shàn as a surname, dān otherwise */
};

#define PEOPLE_MAX 320
#define MEMBERS_MAX 8

struct person {
	char id[19];
	char name[64];
	char sex;
	int age;			/* on 1 June of the benefit year */
	int household;
	const char *relation;
};

struct household {
	char number[16];
	int village;
	int first, n;			/* people[first .. first + n - 1] */
	enum { PAY_INTIME, PAY_LATE, PAY_NONE } pay;
};

struct county {
	int year;			/* benefit year */
	struct date period_start, period_end;
	int npeople;
	struct person people[PEOPLE_MAX];
	struct household hh[NHOUSEHOLDS];
	uint32_t seed;
};

static uint32_t
draw(struct county *c, uint32_t n)
{
	c->seed = c->seed * 1103515245u + 12345u;
	return ((c->seed >> 16) & 0x7fff) % n;
}

/* ---- the people ------------------------------------------------------- */

static const char *
fixed_name(int household, int slot)
{
	for (int i = 0; i < NELEM(fixed_names); i++)
		if (fixed_names[i].household == household &&
		    fixed_names[i].slot == slot)
			return fixed_names[i].name;
	return NULL;
}

static void
make_id(struct county *c, struct person *p, int seq)
{
	int y = c->year - p->age;
	int m = 1 + (seq * 7) % 12, d = 1 + (seq * 11) % 28;
	int order = (2 * seq + (p->sex == 'M')) % 1000;
	char buf[40];

	/* Born before 1 June of the year, so `age` is the age on that day. */
	if (m >= 6)
		y--;
	snprintf(buf, sizeof buf, "%s%04d%02d%02d%03d", DEMO_SITE,
	    y % 10000, m, d, order);
	buf[17] = idcard_check_char(buf);
	memcpy(p->id, buf, 18);
	p->id[18] = '\0';
}

static struct person *
add_person(struct county *c, int h, int slot, const char *surname, char sex,
    int age, const char *relation)
{
	struct person *p = &c->people[c->npeople];
	const char *given, *name = fixed_name(h, slot);

	memset(p, 0, sizeof *p);
	p->sex = sex;
	p->age = age;
	p->household = h;
	p->relation = relation;
	if (name != NULL)
		snprintf(p->name, sizeof p->name, "%s", name);
	else {
		given = sex == 'M' ? male_given[draw(c, NELEM(male_given))] :
		    female_given[draw(c, NELEM(female_given))];
		snprintf(p->name, sizeof p->name, "%s%s", surname, given);
	}
	make_id(c, p, c->npeople);
	c->npeople++;
	return p;
}

/* Head, maybe a spouse, children, maybe an old parent. */
static void
make_household(struct county *c, int h)
{
	struct household *hh = &c->hh[h];
	const char *surname = surnames[draw(c, NELEM(surnames))];
	const char *spouse_surname = surnames[draw(c, NELEM(surnames))];
	int head_age = 28 + (int)draw(c, 48), slot = 0, kids, i;
	char head_sex = draw(c, 5) == 0 ? 'F' : 'M';

	/* The fixed heads keep their surname for the household. */
	if (h == 0)
		surname = "刘";
	else if (h == 13)
		surname = "王", head_sex = 'F', head_age = 71;
	else if (h == 62)
		surname = "曾", spouse_surname = "单", head_sex = 'M',
		    head_age = 53;
	hh->village = h / PER_VILLAGE;
	snprintf(hh->number, sizeof hh->number, "%s-%03d",
	    villages[hh->village].prefix, h % (3 * PER_VILLAGE) + 1);
	hh->first = c->npeople;
	add_person(c, h, slot++, surname, head_sex, head_age, "head");
	if (h != 13 && draw(c, 20) < 17)
		add_person(c, h, slot++, spouse_surname,
		    head_sex == 'M' ? 'F' : 'M',
		    head_age - 3 + (int)draw(c, 6), "spouse");
	else
		slot++;
	kids = head_age < 60 && h != 13 ? (int)draw(c, 4) : 0;
	if (h == 0 || h == 62)
		kids = kids < 1 ? 1 : kids;
	for (i = 0; i < kids; i++) {
		int age = head_age - 24 - (int)draw(c, 8) - 2 * i;

		if (age < 1)
			break;
		add_person(c, h, slot++, surname, draw(c, 2) ? 'M' : 'F',
		    age, "child");
	}
	if (head_age < 60 && draw(c, 4) == 0)
		add_person(c, h, MEMBERS_MAX, surname, draw(c, 2) ? 'M' : 'F',
		    head_age + 25 + (int)draw(c, 12), "parent");
	hh->n = c->npeople - hh->first;
	/* One household in five unpaid, one in ten late; the rest in time. */
	hh->pay = h % 5 == 4 ? PAY_NONE : h % 10 == 3 ? PAY_LATE : PAY_INTIME;
}

static const char *
insured_of(const struct county *c, const struct person *p)
{
	if (p->age >= 18 && p->age <= 22 && p->relation[0] == 'c')
		return "college_student";
	if (p->age < 18)
		return "student_child";
	if (villages[c->hh[p->household].village].urban)
		return p->household % 3 == 0 ? "flexible_worker" :
		    p->household % 3 == 1 ? "residence_permit" :
		    "urban_non_employed";
	return "rural_resident";
}

/* ---- running ops on their day ----------------------------------------- */

struct run {
	struct ops_session *s;
	struct county *c;
	struct demo_summary *sum;
	struct ops_error *err;
	struct date today;		/* the real business date */
};

static enum ops_status
as(struct run *r, int op, struct ops_error *err)
{
	const struct demo_operator *o = &demo_operators[op];

	if (strcmp(r->s->login, o->login) == 0)
		return OPS_OK;
	return ops_login(r->s, o->login, o->password, err);
}

static void
on_day(struct run *r, struct date d)
{
	r->s->today = d;
}

/* Prefix the op's message with the step, so a broken demo says where. */
static enum ops_status
step(struct run *r, enum ops_status st, const char *what)
{
	char msg[sizeof r->err->msg];

	if (st == OPS_OK)
		return st;
	snprintf(msg, sizeof msg, "%s", r->err->msg);
	ops_fail(r->err, st, _("the demonstration county could not be made "
	    "(%s): %s"), what, msg);
	return st;
}

static struct date
day(int y, int m, int d)
{
	return (struct date){ y, m, d };
}

static enum ops_status
setup_office(struct run *r)
{
	const struct demo_operator *admin = &demo_operators[OP_ADMIN];
	struct office_init_result ir;
	struct policy_use_result pr;
	enum ops_status st;

	if ((st = ops_office_init(r->s, DEMO_SITE, admin->login, admin->name,
	    admin->password, &ir, r->err)) != OPS_OK)
		return step(r, st, "office");
	if (!ir.site_set || !ir.admin_created)
		return ops_fail(r->err, OPS_CONFLICT, "%s", _("the "
		    "demonstration county goes only into a new database"));
	if ((st = as(r, OP_ADMIN, r->err)) != OPS_OK ||
	    (st = ops_policy_use(r->s, DEMO_PACK, &pr, r->err)) != OPS_OK)
		return step(r, st, "policy");
	for (int i = 0; i < OP_ADMIN; i++) {
		const struct demo_operator *o = &demo_operators[i];

		if ((st = ops_operator_add(r->s, o->login, o->name,
		    role_code(o->role), o->password, r->err)) != OPS_OK)
			return step(r, st, o->login);
	}
	return OPS_OK;
}

/* Residents and households in one transaction, as an import does. */
static enum ops_status
register_people(struct run *r)
{
	struct county *c = r->c;
	enum ops_status st;
	char id[19];

	if ((st = as(r, OP_CLERK, r->err)) != OPS_OK)
		return step(r, st, "login");
	on_day(r, day(c->period_start.y, 8, 20));
	if ((st = ops_begin(r->s, r->err)) != OPS_OK)
		return step(r, st, "begin");
	for (int h = 0; h < NHOUSEHOLDS; h++) {
		struct household *hh = &c->hh[h];

		for (int i = 0; i < hh->n; i++) {
			struct person *p = &c->people[hh->first + i];
			struct resident_input in = {
				.id_number = p->id, .name = p->name,
				.residence = villages[hh->village].urban ?
				    "urban" : "rural",
				.insured = insured_of(c, p),
				.village = villages[hh->village].name,
			};
			char phone[16];

			if (p->age >= 18 && p->relation[0] == 'h') {
				snprintf(phone, sizeof phone, "139%08d",
				    9300000 + h * 37);
				in.phone = phone;
			}
			if ((st = ops_resident_add_in_tx(r->s, &in, id,
			    r->err)) != OPS_OK)
				goto fail;
			st = i == 0 ? ops_household_create_in_tx(r->s,
			    hh->number, villages[hh->village].name, id,
			    r->err) : ops_household_add_in_tx(r->s,
			    hh->number, id, p->relation, r->err);
			if (st != OPS_OK)
				goto fail;
		}
	}
	if ((st = ops_commit(r->s, r->err)) != OPS_OK)
		return step(r, st, "commit");
	r->sum->residents = c->npeople;
	r->sum->households = NHOUSEHOLDS;
	return OPS_OK;
fail:
	ops_rollback(r->s);
	return step(r, st, "residents");
}

/* ---- categories and qualifications ------------------------------------ */

static const struct {
	const char *code;
	const char *department;
	int min_age, max_age;
	int count;
} category_plan[] = {
	{ "extreme_poverty", "民政局", 60, 120, 2 },
	{ "min_living", "民政局", 18, 120, 4 },
	{ "severe_disability", "残疾人联合会", 18, 59, 2 },
	{ "moderate_disability", "残疾人联合会", 30, 120, 2 },
	{ "low_income", "民政局", 60, 79, 4 },
	{ "orphan", "民政局", 1, 15, 1 },
	{ "priority_care", "退役军人事务局", 70, 120, 1 },
	{ "cadre_widow", "老干部局", 75, 120, 1 },
	{ "elderly_low_income", "民政局", 80, 120, 2 },
};

static enum ops_status
add_period(struct run *r, int qualification, const struct person *p,
    const char *code, const char *from, const char *department)
{
	struct period_input in = { p->id, code, from, NULL, department };
	enum ops_status st;

	st = qualification ? ops_qualification_add(r->s, &in, r->err) :
	    ops_category_add(r->s, &in, r->err);
	if (st == OPS_OK) {
		if (qualification)
			r->sum->qualifications++;
		else
			r->sum->categories++;
	}
	return step(r, st, code);
}

/* Every category of the pack on someone; a person holds at most one here. */
static enum ops_status
record_categories(struct run *r)
{
	struct county *c = r->c;
	char taken[PEOPLE_MAX] = { 0 };
	enum ops_status st;
	int k = 0;

	on_day(r, day(c->period_start.y, 8, 25));
	/* Registered poor: whole households, every seventh. */
	for (int h = 0; h < NHOUSEHOLDS; h += 7)
		for (int i = 0; i < c->hh[h].n; i++) {
			int at = c->hh[h].first + i;

			taken[at] = 1;
			if ((st = add_period(r, 0, &c->people[at],
			    "registered_poor", "2019-01-01", "乡村振兴局")) !=
			    OPS_OK)
				return st;
		}
	for (int j = 0; j < NELEM(category_plan); j++) {
		int left = category_plan[j].count;

		for (int n = 0; n < c->npeople && left > 0; n++) {
			struct person *p;

			k = (k + 13) % c->npeople;	/* spread over the county */
			p = &c->people[k];
			if (taken[k] || p->age < category_plan[j].min_age ||
			    p->age > category_plan[j].max_age ||
			    (strcmp(category_plan[j].code, "cadre_widow") == 0 &&
			    p->sex != 'F'))
				continue;
			taken[k] = 1;
			left--;
			if ((st = add_period(r, 0, p, category_plan[j].code,
			    "2020-01-01", category_plan[j].department)) !=
			    OPS_OK)
				return st;
		}
	}
	/* Chronic qualifications: the older people, a few diseases. */
	for (int n = 0, q = 0; n < c->npeople && q < 8; n++) {
		static const char *const disease[] = {
			"hypertension", "diabetes", "hypertension",
			"uremia_dialysis", "hypertension", "diabetes",
			"tb", "cancer_therapy",
		};
		struct person *p = &c->people[(n * 17) % c->npeople];

		if (p->age < 55)
			continue;
		if ((st = add_period(r, 1, p, disease[q++], "2020-06-01",
		    "县医疗保障局")) != OPS_OK)
			return st;
	}
	return OPS_OK;
}

/* ---- contributions ---------------------------------------------------- */

static enum ops_status
pay_household(struct run *r, const struct household *hh, struct date on,
    struct pay_receipt *rc)
{
	struct pay_request req;

	memset(&req, 0, sizeof req);
	req.year = r->c->year;
	req.date = on;
	for (int i = 0; i < hh->n && i < PAY_MEMBERS_MAX; i++)
		req.ids[req.nids++] = r->c->people[hh->first + i].id;
	on_day(r, on);
	return step(r, ops_pay(r->s, &req, rc, r->err), hh->number);
}

static enum ops_status
take_payments(struct run *r)
{
	struct county *c = r->c;
	struct pay_receipt rc;
	struct cancel_result cr;
	enum ops_status st;
	int32_t span = date_to_days(c->period_end) -
	    date_to_days(c->period_start) + 1;
	int late = 0;

	for (int h = 0; h < NHOUSEHOLDS; h++) {
		struct household *hh = &c->hh[h];
		struct date on;

		if (hh->pay == PAY_NONE) {
			r->sum->unpaid += hh->n;
			continue;
		}
		if (hh->pay == PAY_INTIME) {
			on = date_add_days(c->period_start,
			    (h * 37) % span);
			/* The supervisor takes the window on Mondays. */
			if ((st = as(r, (date_to_days(on) + 4) % 7 == 1 ?
			    OP_SUPERVISOR :
			    OP_CLERK, r->err)) != OPS_OK)
				return step(r, st, "login");
			r->sum->paid += hh->n;
		} else {
			/* Late: two weeks ago, last week, and today. */
			static const int ago[] = { 14, 6, 0 };

			on = date_add_days(r->today, -ago[late++ % 3]);
			if ((st = as(r, OP_CLERK, r->err)) != OPS_OK)
				return step(r, st, "login");
			r->sum->late += hh->n;
		}
		if ((st = pay_household(r, hh, on, &rc)) != OPS_OK)
			return st;
		r->sum->receipts++;
		/* A mistake corrected the same day: the wrong receipt reversed. */
		if (h == 21) {
			if ((st = as(r, OP_SUPERVISOR, r->err)) != OPS_OK ||
			    (st = ops_reverse(r->s, rc.receipt, "收款时选错了户",
			    &cr, r->err)) != OPS_OK)
				return step(r, st, "reverse");
			r->sum->reversals++;
			if ((st = pay_household(r, hh, on, &rc)) != OPS_OK)
				return st;
			r->sum->receipts++;
		}
	}
	return OPS_OK;
}

/* ---- off-site registrations and claims -------------------------------- */

/* The n-th person (n >= 0) paid in time, at least min_age, in a rural village or not. */
static const struct person *
insured_person(const struct county *c, int n, int min_age, int max_age)
{
	for (int i = 0; i < c->npeople; i++) {
		const struct person *p = &c->people[i];

		if (c->hh[p->household].pay != PAY_INTIME || p->age < min_age ||
		    p->age > max_age)
			continue;
		if (n-- == 0)
			return p;
	}
	return &c->people[0];
}

static enum ops_status
file_registrations(struct run *r)
{
	const struct county *c = r->c;
	char key[40], from[DATE_BUFSZ], to[DATE_BUFSZ], due[DATE_BUFSZ],
	    end[DATE_BUFSZ];
	struct offsite_input in[4];
	struct date filed[4];
	enum ops_status st;

	snprintf(end, sizeof end, "%d-12-31", c->year);
	memset(in, 0, sizeof in);
	/* Living with a son in Shenzhen for the year. */
	filed[0] = day(c->year, 3, 10);
	in[0] = (struct offsite_input){ .id = insured_person(c, 3, 60, 90)->id,
	    .kind = "long_term", .scope = "province", .dest_code = "440300",
	    .dest_name = "广东省深圳市", .from = "2021-03-10", .to = end };
	/* Working in Suzhou; the employer's papers follow (承诺制). */
	filed[1] = date_add_days(r->today, -7);
	date_format(filed[1], from);
	date_format(date_add_days(r->today, 24), due);
	in[1] = (struct offsite_input){ .id = insured_person(c, 5, 20, 45)->id,
	    .kind = "migrant_work", .scope = "province", .dest_code = "320500",
	    .dest_name = "江苏省苏州市", .from = from, .to = end,
	    .documents_due = due };
	/* Referred to the provincial capital for heart surgery. */
	filed[2] = day(c->year, 4, 1);
	in[2] = (struct offsite_input){ .id = insured_person(c, 1, 50, 90)->id,
	    .kind = "referral", .scope = "city", .dest_code = "620100",
	    .dest_name = "甘肃省兰州市", .from = "2021-04-01",
	    .to = "2021-06-30", .hospital = "兰州大学第一医院",
	    .diagnosis = "冠心病", .reason = "县医院不能做介入手术",
	    .from_level = "2" };
	/* Taken ill while visiting relatives, reported after discharge. */
	filed[3] = day(c->year, 4, 20);
	in[3] = (struct offsite_input){ .id = insured_person(c, 8, 18, 60)->id,
	    .kind = "emergency", .scope = "city", .dest_code = "620100",
	    .dest_name = "甘肃省兰州市", .from = "2021-04-02",
	    .to = "2021-04-12" };
	for (int i = 0; i < 4; i++) {
		if (date_cmp(filed[i], r->today) > 0)
			continue;
		on_day(r, filed[i]);
		if ((st = ops_offsite_file(r->s, &in[i], key, sizeof key,
		    r->err)) != OPS_OK)
			return step(r, st, in[i].kind);
		r->sum->registrations++;
	}
	(void)to;
	return OPS_OK;
}

static enum ops_status
settle_claims(struct run *r)
{
	const struct county *c = r->c;
	struct claim_result res;
	struct claim_request q[5];
	struct date settled[5];
	enum ops_status st;

	memset(q, 0, sizeof q);
	/* The county hospital (level 2), an ordinary resident. */
	q[0].id = insured_person(c, 0, 18, 70)->id;
	q[0].kind = KIND_INPATIENT;
	q[0].admitted_on = day(c->year, 3, 15);
	q[0].discharged_on = day(c->year, 3, 22);
	q[0].hospital = "示范县人民医院";
	q[0].level = 2;
	q[0].total = 800000;
	q[0].out_of_list = 30000;
	q[0].class_b = 50000;
	/* The referral to Lanzhou (registration 2 covers it). */
	q[1].id = insured_person(c, 1, 50, 90)->id;
	q[1].kind = KIND_INPATIENT;
	q[1].admitted_on = day(c->year, 4, 5);
	q[1].discharged_on = day(c->year, 4, 15);
	q[1].hospital = "兰州大学第一医院";
	q[1].level = 3;
	q[1].scope = SCOPE_CITY;
	q[1].total = 5600000;
	q[1].out_of_list = 400000;
	q[1].class_b = 600000;
	/* A registered poor man with a large bill: all three schemes pay. */
	q[2].id = c->people[c->hh[0].first].id;
	q[2].kind = KIND_INPATIENT;
	q[2].admitted_on = day(c->year, 4, 20);
	q[2].discharged_on = day(c->year, 5, 6);
	q[2].hospital = "示范县人民医院";
	q[2].level = 2;
	q[2].total = 3000000;
	q[2].class_b = 200000;
	/* The village clinic. */
	q[3].id = insured_person(c, 6, 18, 90)->id;
	q[3].kind = KIND_OUTPATIENT;
	q[3].admitted_on = day(c->year, 5, 10);
	q[3].hospital = "石门村卫生室";
	q[3].level = 1;
	q[3].total = 12000;
	/* The emergency in Lanzhou, settled on the day it was reported. */
	q[4].id = insured_person(c, 8, 18, 60)->id;
	q[4].kind = KIND_INPATIENT;
	q[4].admitted_on = day(c->year, 4, 2);
	q[4].discharged_on = day(c->year, 4, 12);
	q[4].hospital = "兰州市第二人民医院";
	q[4].level = 3;
	q[4].scope = SCOPE_CITY;
	q[4].emergency = true;
	q[4].total = 1850000;
	q[4].class_b = 150000;
	settled[0] = q[0].discharged_on;
	settled[1] = q[1].discharged_on;
	settled[2] = q[2].discharged_on;
	settled[3] = q[3].admitted_on;
	settled[4] = day(c->year, 4, 20);
	if ((st = as(r, OP_CLERK, r->err)) != OPS_OK)
		return step(r, st, "login");
	for (int i = 0; i < 5; i++) {
		if (date_cmp(settled[i], r->today) > 0)
			continue;
		on_day(r, settled[i]);
		if ((st = ops_claim_settle(r->s, &q[i], 0, &res, r->err)) !=
		    OPS_OK)
			return step(r, st, q[i].hospital);
		r->sum->claims++;
	}
	return OPS_OK;
}

/* ---- the whole -------------------------------------------------------- */

static enum ops_status
load_pack(struct run *r, struct policy **out)
{
	struct policy_errors errs;
	struct policy *p = calloc(1, sizeof *p);

	if (p == NULL)
		return ops_fail(r->err, OPS_FAILED, "%s", _("out of memory"));
	memset(&errs, 0, sizeof errs);
	if (policy_file_load(DEMO_PACK, p, &errs) != 0) {
		free(p);
		return ops_fail(r->err, OPS_INVALID, _("the demonstration "
		    "pack %s cannot be loaded: %s"), DEMO_PACK,
		    errs.n > 0 ? errs.e[0].msg : "");
	}
	*out = p;
	return OPS_OK;
}

static enum ops_status
check_today(struct run *r, const struct policy *p)
{
	struct date earliest;
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	date_parse(DEMO_EARLIEST, &earliest);
	if (date_cmp(r->today, earliest) < 0 ||
	    r->today.y != (int)p->benefit_year.v)
		return ops_fail(r->err, OPS_INVALID, _("the demonstration "
		    "county lives in %lld: give a date from %s to %lld-12-31 "
		    "(YIBAO_TODAY), not %s"), (long long)p->benefit_year.v,
		    date_format(earliest, a), (long long)p->benefit_year.v,
		    date_format(r->today, b));
	return OPS_OK;
}

enum ops_status
ops_demo_fill(struct ops_session *s, struct demo_summary *out,
    struct ops_error *err)
{
	const struct policy *keep = s->policy;
	struct policy *pol = NULL;
	struct county *c;
	struct run r = { s, NULL, out, err, s->today };
	enum ops_status st;

	memset(out, 0, sizeof *out);
	if ((c = calloc(1, sizeof *c)) == NULL)
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	r.c = c;
	if ((st = load_pack(&r, &pol)) != OPS_OK ||
	    (st = check_today(&r, pol)) != OPS_OK)
		goto out;
	c->year = (int)pol->benefit_year.v;
	c->period_start = date_from_days((int32_t)pol->period_start.v);
	c->period_end = date_from_days((int32_t)pol->period_end.v);
	c->seed = 20210601u;
	for (int h = 0; h < NHOUSEHOLDS; h++)
		make_household(c, h);
	out->year = c->year;
	out->townships = 2;
	out->villages = NVILLAGES;
	s->policy = pol;
	if ((st = setup_office(&r)) != OPS_OK ||
	    (st = register_people(&r)) != OPS_OK ||
	    (st = record_categories(&r)) != OPS_OK ||
	    (st = take_payments(&r)) != OPS_OK ||
	    (st = file_registrations(&r)) != OPS_OK)
		goto out;
	st = settle_claims(&r);
out:
	/* Logged out, on the real day, with the caller's pack. */
	s->today = r.today;
	s->login[0] = s->display_name[0] = '\0';
	s->role = ROLE_NONE;
	s->policy = keep;
	free(pol);
	free(c);
	return st;
}
