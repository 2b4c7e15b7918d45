/* tx.c: transactions, office keys, settings, the audit log. */
#include "db/tx.h"

#include <stdio.h>

#include "db/sync_capture.h"
#include "i18n.h"

int
db_begin(struct db *db, char *err, size_t errsz)
{
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK) {
		/* What this transaction changes travels in the night sync. */
		if (db_capture_begin(db) == 0)
			return 0;
		snprintf(err, errsz, _("the changes could not be recorded for "
		    "the night sync: %s"), sqlite3_errmsg(db->h));
		db_rollback(db);
		return -1;
	}
	snprintf(err, errsz, _("the database is busy or cannot be written: "
	    "%s"), sqlite3_errmsg(db->h));
	return -1;
}

int
db_commit(struct db *db, char *err, size_t errsz)
{
	if (db_capture_commit(db) != 0) {
		snprintf(err, errsz, _("the changes could not be recorded for "
		    "the night sync: %s"), sqlite3_errmsg(db->h));
		db_rollback(db);
		return -1;
	}
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	snprintf(err, errsz, _("the database could not be saved: %s"),
	    sqlite3_errmsg(db->h));
	db_rollback(db);
	return -1;
}

void
db_rollback(struct db *db)
{
	db_capture_end(db);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

const char *
db_errmsg(struct db *db)
{
	return sqlite3_errmsg(db->h);
}

int
db_next_number(struct db *db, const char *kind, int64_t *out)
{
	static const char sql[] =
	    "INSERT INTO key_counter (kind, next) VALUES (?1, 2) "
	    "ON CONFLICT (kind) DO UPDATE SET next = next + 1 "
	    "RETURNING next - 1";
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_setting_get(struct db *db, const char *key, char *buf, size_t bufsz)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h,
	    "SELECT value FROM setting WHERE key = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(buf, bufsz, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_setting_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h,
	    "INSERT INTO setting (key, value) VALUES (?1, ?2) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	    -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_audit_append(struct db *db, const struct db_audit *a)
{
	static const char sql[] =
	    "INSERT INTO audit_log (key, at, site, operator, action, record, "
	    "old_values, new_values, policy_id, policy_hash) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	const char *v[10] = { a->key, a->at, a->site, a->operator_login,
	    a->action, a->record, a->old_values, a->new_values, a->policy_id,
	    a->policy_hash };
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (int i = 0; i < 10; i++)
		if (v[i] != NULL)
			sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}
