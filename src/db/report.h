/*
 * report.h: the sums behind the end-of-day cash report (日结) and the
 * enrolment report.  A payment counts for a year when no refund or
 * reversal cancels it (a "live" payment).
 */
#ifndef YIBAO_DB_REPORT_H
#define YIBAO_DB_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* A read transaction, so the parts of one report agree.  0 ok, -1 error. */
int db_report_snapshot(struct db *db);
void db_report_snapshot_end(struct db *db);

/* One operator's day: [0] payments, [1] refunds, [2] reversals. */
struct db_day_row {
	char operator_login[33];
	char display_name[97];
	int count[3];
	int64_t sum[3];			/* fen; refunds and reversals <= 0 */
};

/*
 * The lines dated `date` (YYYY-MM-DD) per operator, by login; only
 * `operator_login` when not NULL.  A newly allocated array (free() it).
 * 0 ok, -1 error.
 */
int db_report_day(struct db *db, const char *date, const char *operator_login,
    struct db_day_row **rows, size_t *n);

/* Residents of a village and insured category, and how many are insured. */
struct db_enrol_row {
	char village[97];
	char insured_category[24];
	int residents;
	int insured;
};

/*
 * Residents not ended before `year` began, per village and insured
 * category, and those with a live payment for `year`.  0 ok, -1 error.
 */
int db_report_enrolment(struct db *db, int year, struct db_enrol_row **rows,
    size_t *n);

/* Live payments of `year` with a subsidy, per category that gave it. */
struct db_subsidy_row {
	char category[32];
	int persons;
	int64_t amount;			/* fen */
};
int db_report_subsidies(struct db *db, int year, struct db_subsidy_row **rows,
    size_t *n);

/*
 * Live payments of `year` that did not pay the fiscal part themselves
 * (not late): the persons the government subsidizes.  0 ok, -1 error.
 */
int db_report_fiscal_persons(struct db *db, int year, int *persons);

/* Live payments of benefit year `year` per month they were taken in. */
struct db_month_row {
	char month[8];			/* YYYY-MM */
	int count;
	int64_t amount;			/* fen the persons paid */
};
int db_report_payments_by_month(struct db *db, int year,
    struct db_month_row **rows, size_t *n);

/*
 * Claims of benefit year `year` that no reversal cancels, per month settled
 * and kind (by month, then kind).  0 ok, -1 error.
 */
struct db_settle_row {
	char month[8];			/* YYYY-MM */
	char kind[16];			/* claim.kind */
	int count;
	int64_t total, fund, serious, assistance, personal;	/* fen */
};
int db_report_settlements(struct db *db, int year,
    struct db_settle_row **rows, size_t *n);

#endif
