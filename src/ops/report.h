/*
 * report.h: the end-of-day cash report (日结) per operator, and the
 * enrolment report of a benefit year: insured and uninsured residents,
 * subsidies by category, the fiscal subsidy due by level of government.
 */
#ifndef YIBAO_OPS_REPORT_H
#define YIBAO_OPS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/money.h"
#include "core/policy.h"
#include "ops/ops.h"

enum { DAY_PAYMENTS, DAY_REFUNDS, DAY_REVERSALS, DAY_KINDS };

struct day_row {
	char login[33];			/* "" for the total */
	char name[97];
	int count[DAY_KINDS];
	fen_t sum[DAY_KINDS];		/* refunds and reversals <= 0 */
	fen_t net;			/* the cash the operator hands in */
};

struct day_report {
	struct date date;
	char site[17];
	size_t n;
	struct day_row *rows;		/* by login */
	struct day_row total;		/* the sum of the rows, to the fen */
};

/* The day `date`; only `login` when not NULL.  Free with day_report_free. */
enum ops_status ops_report_day(struct ops_session *s, struct date date,
    const char *login, struct day_report *out, struct ops_error *err);
void day_report_free(struct day_report *r);

struct enrol_row {
	char village[97];
	char insured_category[24];	/* resident.insured_category code */
	int residents, insured, uninsured;
};

struct enrol_subsidy {
	char category[32];		/* code */
	char label[96];			/* the pack's label, else the code */
	int persons;
	fen_t amount;
};

struct enrol_split {
	char county_type[32];
	char label[64];
	enum split_mode mode;
	fen_t per_person[GOV_COUNT];	/* -1: the split names no such level */
	fen_t total[GOV_COUNT];
	fen_t per_person_sum, total_sum;
};

struct enrol_report {
	int year;
	char site[17];
	char policy_id[64];
	size_t nrows;
	struct enrol_row *rows;		/* by village, then insured category */
	struct enrol_row total;
	size_t nsub;
	struct enrol_subsidy *sub;
	int sub_persons;
	fen_t sub_total;
	int fiscal_persons;		/* live, not late payments of the year */
	bool fiscal_set;		/* false: the pack gives no G */
	fen_t fiscal;			/* G */
	fen_t fiscal_total;		/* G x persons */
	int nsplits;
	struct enrol_split split[SPLIT_MAX];
};

/* The year `year` by the session's pack.  Free with enrol_report_free. */
enum ops_status ops_report_enrolment(struct ops_session *s, int year,
    struct enrol_report *out, struct ops_error *err);
void enrol_report_free(struct enrol_report *r);

/* Payments of a benefit year per month they were taken (live ones only). */
struct month_row {
	char month[8];			/* YYYY-MM */
	int count;
	fen_t amount;
};

struct month_report {
	int year;
	char site[17];
	size_t n;
	struct month_row *rows;		/* by month */
	int count;
	fen_t amount;			/* the sum of the rows */
};

enum ops_status ops_report_payments_by_month(struct ops_session *s, int year,
    struct month_report *out, struct ops_error *err);
void month_report_free(struct month_report *r);

/*
 * Settled claims of a benefit year per month and kind; a reversed claim
 * and its reversal are both left out (they cancel).  Figures as RULES.md
 * 5.5 names them: the bill, the fund, serious illness, assistance, and
 * what the person pays.
 */
struct settle_row {
	char month[8];			/* YYYY-MM; "" in the per-kind sums */
	char kind[16];			/* claim kind code */
	int count;
	fen_t total, fund, serious, assistance, personal;
};

struct settle_report {
	int year;
	char site[17];
	size_t n;
	struct settle_row *rows;	/* by month, then kind */
	size_t nkinds;
	struct settle_row *kinds;	/* per kind over the year, by kind */
	struct settle_row total;
};

enum ops_status ops_report_settlements(struct ops_session *s, int year,
    struct settle_report *out, struct ops_error *err);
void settle_report_free(struct settle_report *r);

/*
 * After a report was written to a file: one audit line export.report
 * naming the report, the year and the target (what left the office).
 */
enum ops_status ops_report_exported(struct ops_session *s, const char *report,
    int year, const char *target, unsigned long rows, struct ops_error *err);

#endif
