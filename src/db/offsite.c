/* offsite.c: reading and writing off-site registrations. */
#include "db/offsite.h"

#include <stdio.h>
#include <string.h>

#define OFFSITE_COLS \
	"o.key, o.id_number, o.kind, o.scope, o.dest_code, o.dest_name, " \
	"o.valid_from, o.valid_to, o.hospital, o.diagnosis, " \
	"o.referral_reason, o.from_level, o.documents_due, " \
	"o.documents_received, o.status, o.revoked_on, o.revoke_reason, " \
	"o.operator, o.site, o.created_at"

int
db_offsite_covering(struct db *db, const char *id_number, const char *date,
    const char *scope, char *key, size_t keysz)
{
	/* A wider scope covers the narrower ones: rank them. */
	static const char sql[] =
	    "SELECT key FROM offsite_registration WHERE id_number = ?1 "
	    "AND status = 'active' AND valid_from <= ?2 AND valid_to >= ?2 "
	    "AND (CASE scope WHEN 'county' THEN 1 WHEN 'city' THEN 2 ELSE 3 END)"
	    " >= (CASE ?3 WHEN 'county' THEN 1 WHEN 'city' THEN 2 ELSE 3 END) "
	    "ORDER BY valid_from, key LIMIT 1";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, scope, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(key, keysz, "%s", sqlite3_column_text(st, 0));
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static void
copy_col(sqlite3_stmt *st, int col, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

/* The columns of OFFSITE_COLS, then name and phone when `people`. */
static void
read_row(sqlite3_stmt *st, struct db_offsite *r, int people)
{
	memset(r, 0, sizeof *r);
	copy_col(st, 0, r->key, sizeof r->key);
	copy_col(st, 1, r->id_number, sizeof r->id_number);
	copy_col(st, 2, r->kind, sizeof r->kind);
	copy_col(st, 3, r->scope, sizeof r->scope);
	copy_col(st, 4, r->dest_code, sizeof r->dest_code);
	copy_col(st, 5, r->dest_name, sizeof r->dest_name);
	copy_col(st, 6, r->valid_from, sizeof r->valid_from);
	copy_col(st, 7, r->valid_to, sizeof r->valid_to);
	copy_col(st, 8, r->hospital, sizeof r->hospital);
	copy_col(st, 9, r->diagnosis, sizeof r->diagnosis);
	copy_col(st, 10, r->referral_reason, sizeof r->referral_reason);
	r->from_level = sqlite3_column_int(st, 11);
	copy_col(st, 12, r->documents_due, sizeof r->documents_due);
	copy_col(st, 13, r->documents_received, sizeof r->documents_received);
	copy_col(st, 14, r->status, sizeof r->status);
	copy_col(st, 15, r->revoked_on, sizeof r->revoked_on);
	copy_col(st, 16, r->revoke_reason, sizeof r->revoke_reason);
	copy_col(st, 17, r->operator_login, sizeof r->operator_login);
	copy_col(st, 18, r->site, sizeof r->site);
	copy_col(st, 19, r->created_at, sizeof r->created_at);
	if (people) {
		copy_col(st, 20, r->name, sizeof r->name);
		copy_col(st, 21, r->phone, sizeof r->phone);
	}
}

/* NULL for "": optional columns are NULL in the table, never empty. */
static void
bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int
db_offsite_insert(struct db *db, const struct db_offsite *r)
{
	static const char sql[] =
	    "INSERT INTO offsite_registration (key, id_number, kind, scope, "
	    "dest_code, dest_name, valid_from, valid_to, hospital, diagnosis, "
	    "referral_reason, from_level, documents_due, documents_received, "
	    "status, operator, site, created_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'active', ?15, ?16, ?17)";
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, r->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->scope, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->dest_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->dest_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->valid_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, r->valid_to, -1, SQLITE_STATIC);
	bind_opt(st, 9, r->hospital);
	bind_opt(st, 10, r->diagnosis);
	bind_opt(st, 11, r->referral_reason);
	if (r->from_level > 0)
		sqlite3_bind_int(st, 12, r->from_level);
	else
		sqlite3_bind_null(st, 12);
	bind_opt(st, 13, r->documents_due);
	bind_opt(st, 14, r->documents_received);
	sqlite3_bind_text(st, 15, r->operator_login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, r->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, r->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_offsite_get(struct db *db, const char *key, struct db_offsite *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT " OFFSITE_COLS
	    " FROM offsite_registration o WHERE o.key = ?1", &st) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, out, 0);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_offsite_overlaps(struct db *db, const char *id_number, const char *kind,
    const char *from, const char *to, char *key, size_t keysz)
{
	/* Served by offsite_registration_person (id_number, kind). */
	static const char sql[] =
	    "SELECT key FROM offsite_registration WHERE id_number = ?1 "
	    "AND kind = ?2 AND status = 'active' AND valid_from <= ?4 "
	    "AND valid_to >= ?3 ORDER BY valid_from, key";
	sqlite3_stmt *st;
	int rc, n = 0;

	if (keysz > 0)
		key[0] = '\0';
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(key, keysz, "%s", sqlite3_column_text(st, 0));
	db_finish(db, st);
	return rc == SQLITE_DONE ? n : -1;
}

/* Run one UPDATE with text parameters; 0 one row changed, 1 none, -1 error. */
static int
update(struct db *db, const char *sql, const char *a, const char *b,
    const char *c)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (c != NULL)
		sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : 1;
}

int
db_offsite_revoke(struct db *db, const char *key, const char *date,
    const char *reason)
{
	return update(db, "UPDATE offsite_registration SET status = 'revoked', "
	    "revoked_on = ?2, revoke_reason = ?3 WHERE key = ?1 "
	    "AND status = 'active'", key, date, reason);
}

int
db_offsite_receive(struct db *db, const char *key, const char *date)
{
	return update(db, "UPDATE offsite_registration SET documents_received "
	    "= ?2 WHERE key = ?1 AND kind = 'migrant_work' AND status = "
	    "'active' AND documents_received IS NULL", key, date, NULL);
}

static int
each(struct db *db, sqlite3_stmt *st, int people, db_offsite_fn *fn,
    void *ctx)
{
	struct db_offsite r;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, &r, people);
		if (fn(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_offsite_list(struct db *db, const char *id_number, db_offsite_fn *fn,
    void *ctx)
{
	sqlite3_stmt *st;

	if (db_prepare(db, "SELECT " OFFSITE_COLS
	    " FROM offsite_registration o WHERE o.id_number = ?1 "
	    "ORDER BY o.valid_from, o.key", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	return each(db, st, 0, fn, ctx);
}

int
db_offsite_overdue(struct db *db, const char *today, db_offsite_fn *fn,
    void *ctx)
{
	sqlite3_stmt *st;

	/* A scan of the registrations: the table is small, read once a day. */
	if (db_prepare(db, "SELECT " OFFSITE_COLS ", r.name, "
	    "r.phone FROM offsite_registration o JOIN resident r "
	    "ON r.id_number = o.id_number WHERE o.kind = 'migrant_work' "
	    "AND o.status = 'active' AND o.documents_received IS NULL "
	    "AND o.documents_due < ?1 ORDER BY o.documents_due, o.key",
	    &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	return each(db, st, 1, fn, ctx);
}
