/* payment.c: payment lines in and out, and the person a payment is for. */
#include "db/payment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
col(sqlite3_stmt *st, int i, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

/* NULL for "", so optional columns stay NULL in the table. */
static void
bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v[0] != '\0')
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int
db_payment_person(struct db *db, const char *id_number,
    struct db_pay_person *o)
{
	static const char sql[] =
	    "SELECT r.id_number, r.name, r.birth, r.residence, r.village, "
	    "r.status, r.ended_on, r.end_reason, h.key, h.number, "
	    "h.site "
	    "FROM resident r "
	    "LEFT JOIN household_member m "
	    "  ON m.id_number = r.id_number AND m.left_on IS NULL "
	    "LEFT JOIN household h ON h.key = m.household "
	    "WHERE r.id_number = ?1";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(o, 0, sizeof *o);
		col(st, 0, o->id_number, sizeof o->id_number);
		col(st, 1, o->name, sizeof o->name);
		col(st, 2, o->birth, sizeof o->birth);
		col(st, 3, o->residence, sizeof o->residence);
		col(st, 4, o->village, sizeof o->village);
		col(st, 5, o->status, sizeof o->status);
		col(st, 6, o->ended_on, sizeof o->ended_on);
		col(st, 7, o->end_reason, sizeof o->end_reason);
		col(st, 8, o->household, sizeof o->household);
		col(st, 9, o->household_number, sizeof o->household_number);
		col(st, 10, o->household_site, sizeof o->household_site);
	}
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_payment_insert(struct db *db, const struct db_payment *p)
{
	static const char sql[] =
	    "INSERT INTO payment (key, receipt, line, kind, id_number, "
	    "benefit_year, standard, subsidy, subsidy_category, amount, late, "
	    "benefits_from, inpatient_only, cancels, reason, paid_on, at, "
	    "operator, site, policy_id, policy_hash) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
	    "?19, ?20, ?21)";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, p->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->receipt, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, p->line);
	sqlite3_bind_text(st, 4, p->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->id_number, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, p->benefit_year);
	sqlite3_bind_int64(st, 7, p->standard);
	sqlite3_bind_int64(st, 8, p->subsidy);
	bind_opt(st, 9, p->subsidy_category);
	sqlite3_bind_int64(st, 10, p->amount);
	sqlite3_bind_int(st, 11, p->late);
	bind_opt(st, 12, p->benefits_from);
	sqlite3_bind_int(st, 13, p->inpatient_only);
	bind_opt(st, 14, p->cancels);
	bind_opt(st, 15, p->reason);
	sqlite3_bind_text(st, 16, p->paid_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, p->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, p->operator_login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 19, p->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, p->policy_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 21, p->policy_hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

#define SELECT_LINE \
	"SELECT p.key, p.receipt, p.line, p.kind, p.id_number, " \
	"p.benefit_year, p.standard, p.subsidy, p.subsidy_category, " \
	"p.amount, p.late, p.benefits_from, p.inpatient_only, p.cancels, " \
	"p.reason, p.paid_on, p.at, p.operator, p.site, p.policy_id, " \
	"p.policy_hash, r.name FROM payment p " \
	"JOIN resident r ON r.id_number = p.id_number "

static void
read_line(sqlite3_stmt *st, struct db_payment *p)
{
	memset(p, 0, sizeof *p);
	col(st, 0, p->key, sizeof p->key);
	col(st, 1, p->receipt, sizeof p->receipt);
	p->line = sqlite3_column_int(st, 2);
	col(st, 3, p->kind, sizeof p->kind);
	col(st, 4, p->id_number, sizeof p->id_number);
	p->benefit_year = sqlite3_column_int(st, 5);
	p->standard = sqlite3_column_int64(st, 6);
	p->subsidy = sqlite3_column_int64(st, 7);
	col(st, 8, p->subsidy_category, sizeof p->subsidy_category);
	p->amount = sqlite3_column_int64(st, 9);
	p->late = sqlite3_column_int(st, 10);
	col(st, 11, p->benefits_from, sizeof p->benefits_from);
	p->inpatient_only = sqlite3_column_int(st, 12);
	col(st, 13, p->cancels, sizeof p->cancels);
	col(st, 14, p->reason, sizeof p->reason);
	col(st, 15, p->paid_on, sizeof p->paid_on);
	col(st, 16, p->at, sizeof p->at);
	col(st, 17, p->operator_login, sizeof p->operator_login);
	col(st, 18, p->site, sizeof p->site);
	col(st, 19, p->policy_id, sizeof p->policy_id);
	col(st, 20, p->policy_hash, sizeof p->policy_hash);
	col(st, 21, p->name, sizeof p->name);
}

int
db_payment_get(struct db *db, const char *key, struct db_payment *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, SELECT_LINE "WHERE p.key = ?1", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_line(st, out);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Every row of `sql` (one text parameter) into a growing array. */
static int
read_lines(struct db *db, const char *sql, const char *arg,
    struct db_payment **out, size_t *n)
{
	struct db_payment *v = NULL, *nv;
	size_t cap = 0, k = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			cap = cap ? cap * 2 : 8;
			if ((nv = realloc(v, cap * sizeof *v)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = nv;
		}
		read_line(st, &v[k++]);
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE) {
		free(v);
		return -1;
	}
	*out = v;
	*n = k;
	return 0;
}

int
db_payment_by_receipt(struct db *db, const char *receipt,
    struct db_payment **out, size_t *n)
{
	return read_lines(db, SELECT_LINE "WHERE p.receipt = ?1 ORDER BY "
	    "p.line", receipt, out, n);
}

int
db_payment_by_person(struct db *db, const char *id_number,
    struct db_payment **out, size_t *n)
{
	return read_lines(db, SELECT_LINE "WHERE p.id_number = ?1 ORDER BY "
	    "p.paid_on, p.at, p.key", id_number, out, n);
}

int
db_payment_canceller(struct db *db, const char *key, struct db_payment *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, SELECT_LINE "WHERE p.cancels = ?1",
	    &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_line(st, out);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}
