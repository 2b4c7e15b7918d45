/*
 * contribution.h: what a person pays for a benefit year, and what a year's
 * payment lines mean for the person's coverage (RULES.md 3, and 4 for
 * claims).  Pure: the caller gives the pack, the person's birth date and
 * the categories valid on the payment date; nothing here reads a database.
 */
#ifndef YIBAO_CONTRIBUTION_H
#define YIBAO_CONTRIBUTION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/money.h"
#include "core/policy.h"
#include "core/settle.h"

/* The special cases of a late payer, as the clerk states them (001 四(二)2). */
enum late_case {
	LATE_CASE_NONE = 0,
	LATE_CASE_GRADUATE,		/* 当年未及时就业的大中专毕业生 */
	LATE_CASE_RELEASED,		/* 刑满释放人员 */
	LATE_CASE_EMPLOYEE_ENDED	/* 职工医保中断: give employee_ended_on */
};

struct contrib_input {
	int year;			/* benefit year asked; 0 = the pack's */
	struct date paid_on;
	struct date birth;
	catset_t categories;		/* valid on paid_on */
	enum late_case late_case;
	struct date employee_ended_on;	/* LATE_CASE_EMPLOYEE_ENDED */
};

enum contrib_status {
	CONTRIB_OK = 0,
	CONTRIB_MISSING_PARAM,		/* `missing` names it */
	CONTRIB_WRONG_YEAR,		/* the pack is for another year */
	CONTRIB_BEFORE_PERIOD,		/* the payment period has not opened */
	CONTRIB_YEAR_OVER,		/* the benefit year is over */
	CONTRIB_LATE_REFUSED,		/* outside the period, and the pack has no late rule */
	CONTRIB_LATE_NOT_SPECIAL,	/* 001: late, but not one of the listed cases */
	CONTRIB_BORN_AFTER,		/* payment dated before the birth */
	CONTRIB_BAD_EMPLOYEE_END	/* employee insurance ended after the payment */
};

/* Why a payment outside the period was taken at the normal price (004). */
enum contrib_exempt {
	EXEMPT_NONE = 0,
	EXEMPT_NEWBORN,			/* under one year old on the payment date */
	EXEMPT_LEFT_EMPLOYEE,		/* within N days of employee insurance ending */
	EXEMPT_CATEGORY			/* exempt_category: e.g. registered_poor */
};

struct contribution {
	enum contrib_status status;
	char missing[64];		/* CONTRIB_MISSING_PARAM: "contribution.personal" */
	int year;			/* benefit year */
	struct date period_start;	/* the concentrated period used */
	struct date period_end;
	int age;			/* whole years on paid_on */
	fen_t personal;			/* P */
	fen_t fiscal;			/* G where used (late payers), else 0 */
	fen_t standard;			/* P, or P + G by the late rule */
	fen_t subsidy;
	int subsidy_category;		/* enum category that gave it, -1 none */
	fen_t due;			/* standard - subsidy */
	bool outside_period;		/* paid outside the concentrated period */
	bool late;			/* the late rule applied: P + G, no subsidy */
	enum contrib_exempt exempt;	/* outside the period at the normal price */
	int exempt_category;		/* EXEMPT_CATEGORY: enum category */
	int waiting_days;		/* applied, 0 none */
	bool inpatient_only;		/* 001 late payers */
	struct date benefits_from;	/* first day of benefits */
};

/*
 * The benefit year the pack sets contributions for (contribution_year, else
 * benefit_year; 0 when it gives neither) and its concentrated period: the
 * pack's dates, else the year before the benefit year (RULES.md 3).
 */
int contribution_year(const struct policy *p);
void contribution_period(const struct policy *p, int year, struct date *start,
    struct date *end);

/*
 * The largest subsidy of the categories in `cats` for a person aged `age`
 * (RULES.md 3.1), and in *cat the category that gave it (-1 none).
 * `personal` is P.
 */
fen_t contribution_subsidy(const struct policy *p, fen_t personal,
    catset_t cats, int age, int *cat);

/* RULES.md 3.1 to 3.3: fill *out; returns out->status. */
enum contrib_status contribution_compute(const struct policy *p,
    const struct contrib_input *in, struct contribution *out);

/* A sentence for the clerk (translated) about a refusal; returns buf. */
char *contribution_error(const struct contribution *c, char *buf,
    size_t bufsz);

const char *late_case_code(enum late_case c);		/* "graduate", ... */
int late_case_from_code(const char *code, enum late_case *out);	/* 0, -1 */

/*
 * RULES.md 3.7: the fiscal subsidy G per person by level of government as
 * `sp` splits it.  Amounts (002) are taken as given.  Ratios (003) are
 * applied to G and each share rounded half up to whole yuan; the last
 * level with a share then takes what makes the shares add up to G
 * exactly.  out[l] = -1 for a level the split does not name.  0 ok, -1
 * when a ratio split has no weights.
 */
int contribution_split(const struct fiscal_split *sp, fen_t fiscal,
    fen_t out[GOV_COUNT]);

/* ---- coverage (RULES.md 3 and 4) ------------------------------------- */

enum pay_kind { PAY_PAYMENT, PAY_REFUND, PAY_REVERSAL };

#define PAY_KEY_MAX 48

/* One payment-table line as coverage reads it. */
struct pay_line {
	char key[PAY_KEY_MAX];
	char cancels[PAY_KEY_MAX];	/* "" for a payment */
	enum pay_kind kind;
	int benefit_year;
	fen_t amount;
	struct date paid_on;
	struct date benefits_from;	/* payments */
	bool late;
	bool inpatient_only;
	char reason[128];		/* refunds and reversals */
};

enum cover_status {
	COVER_INSURED,			/* a net payment; benefits from benefits_from */
	COVER_WAITING,			/* a late payer inside the waiting period */
	COVER_NOT_PAID,			/* no payment line for the year */
	COVER_REFUNDED,			/* the payment was refunded */
	COVER_REVERSED			/* the payment was reversed (冲正) */
};

struct coverage {
	enum cover_status status;
	int year;
	bool insured;			/* INSURED or WAITING */
	char payment[PAY_KEY_MAX];	/* the live payment, or the last one cancelled */
	struct date paid_on;
	struct date benefits_from;
	struct date waiting_until;	/* WAITING: the last day of the wait */
	bool late;
	bool inpatient_only;
	char cancelled_by[PAY_KEY_MAX];	/* REFUNDED / REVERSED */
	struct date cancelled_on;
	char reason[128];
};

/*
 * Coverage for benefit year `year` on date `on`, from a person's lines
 * (any years, any order): the payments not cancelled by a refund or a
 * reversal count.
 */
void coverage_compute(const struct pay_line *lines, size_t n, int year,
    struct date on, struct coverage *out);

/*
 * RULES.md 4: may a claim of `kind` on `d` be paid, given the coverage of
 * d's benefit year?  ELIGIBLE, or the reason (*until: the last day of a
 * wait) for struct claim.
 */
enum ineligible coverage_claim(const struct coverage *c, struct date d,
    enum claim_kind kind, struct date *until);

#endif
