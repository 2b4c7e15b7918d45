/* report.c: sums for the day report and the enrolment report. */
#include "db/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"

/* A payment no refund or reversal cancels. */
#define LIVE "p.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM payment c " \
	"WHERE c.cancels = p.key)"

/*
 * "+x.benefit_year": a year's payments or claims are read in one pass over
 * the table.  Left to itself SQLite walks payment_person_year (or
 * claim_person_year), whose first column is the person, and reads every
 * row it finds at random: on a county of a million paid residents 3 s
 * instead of 0.1 s for the subsidies, 6.3 s instead of 0.7 s for the
 * settlements (bench/README.md, "County of a year").
 */

static void
col(sqlite3_stmt *st, int i, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

/* Room for element k of `size` bytes; NULL when out of memory. */
static void *
grow(void **v, size_t *cap, size_t k, size_t size)
{
	if (array_reserve(v, cap, k, size) != 0)
		return NULL;
	return (char *)*v + k * size;
}

/* Fill one row of a report from the statement's current row. */
typedef void row_reader(sqlite3_stmt *st, void *row);

/*
 * Run `st` (its parameters bound) and collect each row, `size` bytes, read
 * by `read`, into a new array (free() it); 0 ok, -1 error.
 */
static int
collect(struct db *db, sqlite3_stmt *st, size_t size, row_reader *read,
    void **rows, size_t *n)
{
	void *v = NULL, *r;
	size_t cap = 0, k = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = grow(&v, &cap, k++, size)) == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		memset(r, 0, size);
		read(st, r);
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE) {
		free(v);
		return -1;
	}
	*rows = v;
	*n = k;
	return 0;
}

int
db_report_snapshot(struct db *db)
{
	return sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ?
	    0 : -1;
}

void
db_report_snapshot_end(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int
db_report_day(struct db *db, const char *date, const char *operator_login,
    struct db_day_row **rows, size_t *n)
{
	static const char sql[] =
	    "SELECT p.operator, coalesce(o.display_name, p.operator), p.kind, "
	    "count(*), sum(p.amount) FROM payment p "
	    "LEFT JOIN operator o ON o.login = p.operator "
	    "WHERE p.paid_on = ?1 AND (?2 IS NULL OR p.operator = ?2) "
	    "GROUP BY p.operator, p.kind ORDER BY p.operator";
	struct db_day_row *v = NULL, *r = NULL;
	size_t cap = 0, k = 0;
	sqlite3_stmt *st;
	const char *kind;
	int rc, i;

	*rows = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
	if (operator_login != NULL)
		sqlite3_bind_text(st, 2, operator_login, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r == NULL || strcmp(r->operator_login,
		    (const char *)sqlite3_column_text(st, 0)) != 0) {
			if ((r = grow((void **)&v, &cap, k++, sizeof *v)) ==
			    NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			memset(r, 0, sizeof *r);
			col(st, 0, r->operator_login, sizeof r->operator_login);
			col(st, 1, r->display_name, sizeof r->display_name);
		}
		kind = (const char *)sqlite3_column_text(st, 2);
		i = strcmp(kind, "refund") == 0 ? 1 :
		    strcmp(kind, "reversal") == 0 ? 2 : 0;
		r->count[i] = sqlite3_column_int(st, 3);
		r->sum[i] = sqlite3_column_int64(st, 4);
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE) {
		free(v);
		return -1;
	}
	*rows = v;
	*n = k;
	return 0;
}

static void
read_enrolment(sqlite3_stmt *st, void *row)
{
	struct db_enrol_row *r = row;

	col(st, 0, r->village, sizeof r->village);
	col(st, 1, r->insured_category, sizeof r->insured_category);
	r->residents = sqlite3_column_int(st, 2);
	r->insured = sqlite3_column_int(st, 3);
}

int
db_report_enrolment(struct db *db, int year, struct db_enrol_row **rows,
    size_t *n)
{
	/*
	 * Who paid for the year is listed once, in one pass over the
	 * payments, and each resident of the covering village index is
	 * looked up in that list, rather than a search of each resident's
	 * payments (a million searches and random reads in a large county).
	 */
	static const char sql[] =
	    "SELECT r.village, r.insured_category, count(*), "
	    "sum(r.id_number IN (SELECT p.id_number FROM payment p WHERE "
	    "+p.benefit_year = ?1 AND " LIVE ")) "
	    "FROM resident r WHERE r.ended_on IS NULL OR r.ended_on >= ?2 "
	    "GROUP BY r.village, r.insured_category "
	    "ORDER BY r.village, r.insured_category";
	sqlite3_stmt *st;
	char first[16];

	*rows = NULL;
	*n = 0;
	snprintf(first, sizeof first, "%04d-01-01", year);
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	return collect(db, st, sizeof **rows, read_enrolment, (void **)rows,
	    n);
}

static void
read_subsidies(sqlite3_stmt *st, void *row)
{
	struct db_subsidy_row *r = row;

	col(st, 0, r->category, sizeof r->category);
	r->persons = sqlite3_column_int(st, 1);
	r->amount = sqlite3_column_int64(st, 2);
}

int
db_report_subsidies(struct db *db, int year, struct db_subsidy_row **rows,
    size_t *n)
{
	static const char sql[] =
	    "SELECT p.subsidy_category, count(*), sum(p.subsidy) "
	    "FROM payment p WHERE +p.benefit_year = ?1 AND p.subsidy > 0 AND "
	    LIVE " GROUP BY p.subsidy_category ORDER BY p.subsidy_category";
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return collect(db, st, sizeof **rows, read_subsidies, (void **)rows,
	    n);
}

int
db_report_fiscal_persons(struct db *db, int year, int *persons)
{
	static const char sql[] =
	    "SELECT count(DISTINCT p.id_number) FROM payment p "
	    "WHERE +p.benefit_year = ?1 AND p.late = 0 AND " LIVE;
	sqlite3_stmt *st;
	int rc;

	*persons = 0;
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, year);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*persons = sqlite3_column_int(st, 0);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static void
read_payments_by_month(sqlite3_stmt *st, void *row)
{
	struct db_month_row *r = row;

	col(st, 0, r->month, sizeof r->month);
	r->count = sqlite3_column_int(st, 1);
	r->amount = sqlite3_column_int64(st, 2);
}

int
db_report_payments_by_month(struct db *db, int year,
    struct db_month_row **rows, size_t *n)
{
	static const char sql[] =
	    "SELECT substr(p.paid_on, 1, 7) AS m, count(*), sum(p.amount) "
	    "FROM payment p WHERE +p.benefit_year = ?1 AND " LIVE
	    " GROUP BY m ORDER BY m";
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return collect(db, st, sizeof **rows, read_payments_by_month,
	    (void **)rows, n);
}

static void
read_settlements(sqlite3_stmt *st, void *row)
{
	struct db_settle_row *r = row;

	col(st, 0, r->month, sizeof r->month);
	col(st, 1, r->kind, sizeof r->kind);
	r->count = sqlite3_column_int(st, 2);
	r->total = sqlite3_column_int64(st, 3);
	r->fund = sqlite3_column_int64(st, 4);
	r->serious = sqlite3_column_int64(st, 5);
	r->assistance = sqlite3_column_int64(st, 6);
	r->personal = sqlite3_column_int64(st, 7);
}

int
db_report_settlements(struct db *db, int year, struct db_settle_row **rows,
    size_t *n)
{
	static const char sql[] =
	    "SELECT substr(c.settled_on, 1, 7) AS m, c.kind, count(*), "
	    "sum(c.total), sum(c.fund), sum(c.serious), sum(c.assistance), "
	    "sum(c.personal) FROM claim c WHERE +c.benefit_year = ?1 AND "
	    "c.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM claim r "
	    "WHERE r.reverses = c.key) GROUP BY m, c.kind ORDER BY m, c.kind";
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return collect(db, st, sizeof **rows, read_settlements, (void **)rows,
	    n);
}
