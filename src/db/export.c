/* export.c: the queries of yibao export, one row at a time. */
#include "db/export.h"

#include <stdio.h>

#define MAXCOLS 32

/*
 * Bind ?1 year (NULL when 0), ?2 village, ?3 from, ?4 to, ?5 this office;
 * step; call fn.
 */
static int
stream(struct db *db, const char *sql, const struct db_export_filter *f,
    db_export_fn *fn, void *arg)
{
	const char *col[MAXCOLS];
	const unsigned char *t;
	sqlite3_stmt *st;
	int rc, n, stop = 0;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	if (f->year != 0)
		sqlite3_bind_int(st, 1, f->year);
	if (f->village != NULL)
		sqlite3_bind_text(st, 2, f->village, -1, SQLITE_STATIC);
	if (f->from != NULL)
		sqlite3_bind_text(st, 3, f->from, -1, SQLITE_STATIC);
	if (f->to != NULL)
		sqlite3_bind_text(st, 4, f->to, -1, SQLITE_STATIC);
	if (f->site != NULL && sqlite3_bind_parameter_count(st) >= 5)
		sqlite3_bind_text(st, 5, f->site, -1, SQLITE_STATIC);
	n = sqlite3_column_count(st);
	if (n > MAXCOLS)
		n = MAXCOLS;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			t = sqlite3_column_text(st, i);
			col[i] = t != NULL ? (const char *)t : "";
		}
		if ((stop = fn(arg, col, n)) != 0)
			break;
	}
	db_finish(db, st);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_export_residents(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg)
{
	static const char sql[] =
	    /* 户号: this office's bare, another's OFFICE/NUMBER */
	    "SELECT r.id_number, r.name, r.sex, r.birth, CASE WHEN h.site "
	    " IS ?5 THEN h.number ELSE h.site || '/' || h.number END, "
	    "(SELECT hh.id_number FROM household_member hh "
	    " WHERE hh.household = h.key AND hh.left_on IS NULL "
	    " AND hh.relation = 'head'), "
	    "m.relation, r.village, r.residence, r.insured_category, "
	    "(SELECT group_concat(category, ',') FROM (SELECT DISTINCT "
	    " c.category FROM person_category c WHERE c.id_number = "
	    " r.id_number AND c.valid_from <= ?4 AND (c.valid_to IS NULL "
	    " OR c.valid_to >= ?3))), "
	    "r.phone, r.status, r.ended_on "
	    "FROM resident r "
	    "LEFT JOIN household_member m ON m.id_number = r.id_number "
	    " AND m.left_on IS NULL "
	    "LEFT JOIN household h ON h.key = m.household "
	    "WHERE (?2 IS NULL OR r.village = ?2) AND (?1 IS NULL OR "
	    " r.ended_on IS NULL OR r.ended_on >= printf('%04d-01-01', ?1)) "
	    "ORDER BY r.village, h.number IS NULL, h.number, h.site, "
	    " m.relation IS NOT 'head', r.id_number";

	return stream(db, sql, f, fn, arg);
}

int
db_export_payments(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg)
{
	static const char sql[] =
	    "SELECT p.key, p.id_number, r.name, r.village, p.benefit_year, "
	    "p.kind, p.standard, p.subsidy, p.subsidy_category, p.amount, "
	    "p.late, p.benefits_from, p.paid_on, p.operator, p.cancels, "
	    "p.reason FROM payment p JOIN resident r ON r.id_number = "
	    "p.id_number WHERE (?1 IS NULL OR p.benefit_year = ?1) AND "
	    "(?2 IS NULL OR r.village = ?2) ORDER BY p.receipt, p.line";

	return stream(db, sql, f, fn, arg);
}

int
db_export_settlements(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg)
{
	static const char sql[] =
	    "SELECT c.key, c.id_number, r.name, r.village, c.kind, "
	    "c.benefit_year, c.admitted_on, c.discharged_on, c.hospital, "
	    "c.level, c.scope, c.total, c.out_of_list, c.imported_excess, "
	    "c.imported_selfpay, c.class_b_selfpay, c.range, c.deductible, "
	    "c.ratio, c.fund, c.serious, c.assistance, c.personal, "
	    "c.reverses, c.settled_on, c.operator "
	    "FROM claim c JOIN resident r ON r.id_number = c.id_number "
	    "WHERE (?1 IS NULL OR c.benefit_year = ?1) AND "
	    "(?2 IS NULL OR r.village = ?2) ORDER BY c.key";

	return stream(db, sql, f, fn, arg);
}

int
db_export_registrations(struct db *db, const struct db_export_filter *f,
    db_export_fn *fn, void *arg)
{
	static const char sql[] =
	    "SELECT g.key, g.id_number, r.name, r.village, g.kind, g.scope, "
	    "g.dest_code, g.dest_name, g.valid_from, g.valid_to, g.hospital, "
	    "g.diagnosis, g.status, g.revoked_on, g.revoke_reason, "
	    "substr(g.created_at, 1, 10) "
	    "FROM offsite_registration g JOIN resident r ON r.id_number = "
	    "g.id_number WHERE (?1 IS NULL OR (g.valid_from <= "
	    "printf('%04d-12-31', ?1) AND g.valid_to >= "
	    "printf('%04d-01-01', ?1))) AND (?2 IS NULL OR r.village = ?2) "
	    "ORDER BY g.key";

	return stream(db, sql, f, fn, arg);
}
