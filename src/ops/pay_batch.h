/*
 * pay_batch.h: yibao pay --batch FILE, a village collector's list of
 * contributions paid in one transaction, all or nothing.
 *
 * The file is CSV (UTF-8 or GB18030, detected as a roster is), one row a
 * person, with a header naming, in any order:
 *   id (身份证号码)             the person, required
 *   group (户号, 收据号, 组号)   rows with the same value share a receipt;
 *                               blank or absent: the person's household in
 *                               the database (alone when in none)
 *   name (姓名)                 checked against the resident's name
 *   year (缴费年度)             the benefit year, as pay --year
 *   date (缴费日期)             the payment date, as pay --date
 *   late_case (补缴情形)        as pay --late-case
 *   employee_ended_on (职工医保终止日期)  as pay --employee-ended-on
 * Each receipt goes through ops_pay_in_tx, in the order its first row
 * comes in the file, so a receipt saved from a file is the same rows,
 * number and audit lines as one saved by yibao pay.  Any bad row (each
 * listed with its line and reason) means nothing is written.
 */
#ifndef YIBAO_OPS_PAY_BATCH_H
#define YIBAO_OPS_PAY_BATCH_H

#include <stdio.h>

#include "core/money.h"
#include "ops/payment.h"

struct pay_batch_problem {
	long line;
	char reason[640];
};

/* A person paid for, for the clerk's list. */
struct pay_batch_person {
	long line;
	char key[PAY_KEY_MAX];		/* receipt-line, "" in a dry run */
	char id_number[19];
	char name[97];
	fen_t standard, subsidy, due;
	int subsidy_category;		/* -1 none */
};

struct pay_batch_receipt {
	long line;			/* its first row */
	char receipt[40];		/* "" in a dry run */
	char household[64];		/* as on pay's receipt, "" none */
	struct date paid_on;
	int year;
	int n;
	size_t first;			/* its persons: person[first .. first+n) */
	fen_t total, total_standard, total_subsidy;
};

struct pay_batch_report {
	char encoding[16];		/* "UTF-8", "GB18030" */
	long rows;			/* data rows read */
	size_t nreceipts;
	struct pay_batch_receipt *receipt;	/* malloc'd, in file order */
	size_t npersons;
	struct pay_batch_person *person;	/* malloc'd, by receipt */
	size_t nproblems;
	struct pay_batch_problem *problem;	/* malloc'd, in line order */
	fen_t total, total_standard, total_subsidy;
	int written;			/* 1 if committed */
};

/*
 * Pay the contributions of `f`.  OPS_OK: all paid (with dry_run: all
 * would be, nothing written).  OPS_INVALID: the file is refused (err says
 * why) or some rows are (report->problem lists them); nothing written.
 * OPS_DENIED, OPS_FAILED as for one payment.  Free the report with
 * pay_batch_report_free.
 */
enum ops_status ops_pay_batch(struct ops_session *s, FILE *f, int dry_run,
    struct pay_batch_report *report, struct ops_error *err);

void pay_batch_report_free(struct pay_batch_report *r);

#endif
