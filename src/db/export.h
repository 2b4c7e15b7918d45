/*
 * export.h: the rows of `yibao export`, streamed one at a time to a
 * callback straight from the SQLite statement: nothing is gathered in
 * memory whatever the size of the office.  Columns come as text (integers
 * as their decimal digits, NULL as ""), valid only during the call.
 */
#ifndef YIBAO_DB_EXPORT_H
#define YIBAO_DB_EXPORT_H

#include "db/db.h"

/* Filters: year 0 and village NULL mean all. */
struct db_export_filter {
	int year;
	const char *village;
	const char *from, *to;	/* residents: categories valid in [from, to] */
	const char *site;	/* residents: this office, whose 户号 are bare */
};

/* Return 0 to go on, non-zero to stop (db_export_* then returns that). */
typedef int db_export_fn(void *arg, const char *const *col, int ncol);

/* Residents (not ended before `year` began), by village, household, head first. */
enum {
	XR_ID, XR_NAME, XR_SEX, XR_BIRTH, XR_HOUSEHOLD, XR_HEAD_ID, XR_RELATION,
	XR_VILLAGE, XR_RESIDENCE, XR_INSURED, XR_CATEGORIES /* codes, "," */,
	XR_PHONE, XR_STATUS, XR_ENDED_ON, XR_COLS
};
/* Payment-table lines of benefit year `year`, by receipt and line. */
enum {
	XP_KEY, XP_ID, XP_NAME, XP_VILLAGE, XP_YEAR, XP_KIND, XP_STANDARD,
	XP_SUBSIDY, XP_SUBSIDY_CATEGORY, XP_AMOUNT, XP_LATE, XP_BENEFITS_FROM,
	XP_PAID_ON, XP_OPERATOR, XP_CANCELS, XP_REASON, XP_COLS
};
/* Saved claims of benefit year `year` (reversals too), by key. */
enum {
	XS_KEY, XS_ID, XS_NAME, XS_VILLAGE, XS_KIND, XS_YEAR, XS_ADMITTED,
	XS_DISCHARGED, XS_HOSPITAL, XS_LEVEL, XS_SCOPE, XS_TOTAL,
	XS_OUT_OF_LIST, XS_IMPORTED_EXCESS, XS_IMPORTED_SELFPAY,
	XS_CLASS_B_SELFPAY, XS_RANGE, XS_DEDUCTIBLE, XS_RATIO, XS_FUND,
	XS_SERIOUS, XS_ASSISTANCE, XS_PERSONAL, XS_REVERSES, XS_SETTLED_ON,
	XS_OPERATOR, XS_COLS
};
/* Off-site registrations valid some day of `year`, by key. */
enum {
	XG_KEY, XG_ID, XG_NAME, XG_VILLAGE, XG_KIND, XG_SCOPE, XG_DEST_CODE,
	XG_DEST_NAME, XG_FROM, XG_TO, XG_HOSPITAL, XG_DIAGNOSIS, XG_STATUS,
	XG_REVOKED_ON, XG_REVOKE_REASON, XG_CREATED, XG_COLS
};

/* 0 done, -1 SQLite error (db_errmsg), else what the callback returned. */
int db_export_residents(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg);
int db_export_payments(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg);
int db_export_settlements(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg);
int db_export_registrations(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg);

#endif
