/* category.c: hardship categories and chronic qualifications. */
#include "db/category.h"

#include <stdio.h>
#include <string.h>

/* The table and its code column, by kind; both are fixed strings. */
static const char *
table_name(enum db_period_table t)
{
	return t == DB_CATEGORY ? "person_category" : "chronic_qualification";
}

static const char *
code_col(enum db_period_table t)
{
	return t == DB_CATEGORY ? "category" : "disease";
}

static void
copy_col(sqlite3_stmt *st, int col, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

/* `tmpl` with @T replaced by the table and @C by its code column. */
static int
prepare(struct db *db, enum db_period_table t, const char *tmpl,
    sqlite3_stmt **st)
{
	char sql[800];
	size_t n = 0;

	for (const char *p = tmpl; *p != '\0' && n + 32 < sizeof sql; p++) {
		if (p[0] == '@' && (p[1] == 'T' || p[1] == 'C')) {
			const char *w = p[1] == 'T' ? table_name(t) :
			    code_col(t);

			n += (size_t)snprintf(sql + n, sizeof sql - n, "%s", w);
			p++;
		} else
			sql[n++] = *p;
	}
	sql[n] = '\0';
	return db_prepare(db, sql, st) == SQLITE_OK ? 0 : -1;
}

#define PERIOD_COLS "key, id_number, @C, valid_from, " \
	"coalesce(valid_to, ''), department, coalesce(end_reason, ''), " \
	"site, created_at"

static void
read_period(sqlite3_stmt *st, struct db_period *p)
{
	memset(p, 0, sizeof *p);
	copy_col(st, 0, p->key, sizeof p->key);
	copy_col(st, 1, p->id_number, sizeof p->id_number);
	copy_col(st, 2, p->code, sizeof p->code);
	copy_col(st, 3, p->valid_from, sizeof p->valid_from);
	copy_col(st, 4, p->valid_to, sizeof p->valid_to);
	copy_col(st, 5, p->department, sizeof p->department);
	copy_col(st, 6, p->end_reason, sizeof p->end_reason);
	copy_col(st, 7, p->site, sizeof p->site);
	copy_col(st, 8, p->created_at, sizeof p->created_at);
}

int
db_period_insert(struct db *db, enum db_period_table t,
    const struct db_period *p)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(db, t, "INSERT INTO @T (key, id_number, @C, "
	    "valid_from, valid_to, department, end_reason, site, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, nullif(?5, ''), ?6, nullif(?7, ''), ?8, "
	    "?9)", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, p->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->valid_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->valid_to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->department, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->end_reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, p->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_period_overlaps(struct db *db, enum db_period_table t,
    const char *id_number, const char *code, const char *from,
    const char *to)
{
	sqlite3_stmt *st;
	int n = -1;

	/* Two closed ranges overlap when each starts before the other ends. */
	if (prepare(db, t, "SELECT count(*) FROM @T WHERE id_number = ?1 "
	    "AND @C = ?2 AND (valid_to IS NULL OR valid_to >= ?3) AND "
	    "(?4 = '' OR valid_from <= ?4)", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, to ? to : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	db_finish(db, st);
	return n;
}

int
db_period_on(struct db *db, enum db_period_table t, const char *id_number,
    const char *code, const char *date, struct db_period *out)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(db, t, "SELECT " PERIOD_COLS " FROM @T WHERE "
	    "id_number = ?1 AND @C = ?2 AND valid_from <= ?3 AND "
	    "(valid_to IS NULL OR valid_to >= ?3) ORDER BY valid_from LIMIT 1",
	    &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_period(st, out);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_period_end(struct db *db, enum db_period_table t, const char *key,
    const char *valid_to, const char *reason)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(db, t, "UPDATE @T SET valid_to = ?2, end_reason = ?3 "
	    "WHERE key = ?1", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, valid_to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : 1;
}

int
db_periods_list(struct db *db, enum db_period_table t, const char *id_number,
    const char *date, db_period_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	struct db_period p;
	int rc;

	if (prepare(db, t, "SELECT " PERIOD_COLS " FROM @T WHERE "
	    "id_number = ?1 AND (?2 IS NULL OR (valid_from <= ?2 AND "
	    "(valid_to IS NULL OR valid_to >= ?2))) ORDER BY @C, valid_from",
	    &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	if (date != NULL)
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_period(st, &p);
		if (fn(ctx, &p) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

long
db_period_count(struct db *db, enum db_period_table t)
{
	sqlite3_stmt *st;
	long n = -1;

	if (prepare(db, t, "SELECT count(*) FROM @T", &st) != 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	db_finish(db, st);
	return n;
}
