/* tx.c: transactions, office keys, settings, the audit log. */
#include "db/tx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/sync_capture.h"
#include "i18n.h"

/*
 * The key counters a transaction has used, kept in memory and written once
 * at commit: BEGIN IMMEDIATE holds the write lock, so no other clerk can
 * take a number meanwhile, and an import that makes a hundred thousand
 * keys writes each counter once instead of a hundred thousand times.
 */
#define COUNTER_KINDS 32

struct db_counters {
	int active;			/* between db_begin and commit/rollback */
	int n;
	struct {
		char kind[16];
		int64_t next;
		int64_t stored;		/* what the table holds */
	} c[COUNTER_KINDS];
};

static void
counters_start(struct db *db)
{
	if (db->counters == NULL)
		db->counters = calloc(1, sizeof *db->counters);
	if (db->counters != NULL) {
		db->counters->n = 0;
		db->counters->active = 1;
	}
}

static void
counters_stop(struct db *db)
{
	if (db->counters != NULL)
		db->counters->active = 0;
}

/* Write the counters that moved; 0 ok. */
static int
counters_flush(struct db *db)
{
	static const char sql[] =
	    "INSERT INTO key_counter (kind, next) VALUES (?1, ?2) "
	    "ON CONFLICT (kind) DO UPDATE SET next = excluded.next";
	struct db_counters *k = db->counters;
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	if (k == NULL || !k->active)
		return 0;
	for (int i = 0; i < k->n && rc == SQLITE_DONE; i++) {
		if (k->c[i].next == k->c[i].stored)
			continue;
		if (db_prepare(db, sql, &st) != SQLITE_OK)
			return -1;
		sqlite3_bind_text(st, 1, k->c[i].kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, k->c[i].next);
		rc = sqlite3_step(st);
		db_finish(db, st);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_begin(struct db *db, char *err, size_t errsz)
{
	if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
	    SQLITE_OK) {
		counters_start(db);
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
	/* The counters first: key_counter is local, but its write must be
	 * inside the transaction before the changeset is taken. */
	if (counters_flush(db) != 0) {
		snprintf(err, errsz, _("the database could not be saved: %s"),
		    sqlite3_errmsg(db->h));
		db_rollback(db);
		return -1;
	}
	if (db_capture_commit(db) != 0) {
		snprintf(err, errsz, _("the changes could not be recorded for "
		    "the night sync: %s"), sqlite3_errmsg(db->h));
		db_rollback(db);
		return -1;
	}
	if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		counters_stop(db);
		return 0;
	}
	snprintf(err, errsz, _("the database could not be saved: %s"),
	    sqlite3_errmsg(db->h));
	db_rollback(db);
	return -1;
}

void
db_rollback(struct db *db)
{
	counters_stop(db);
	db_capture_end(db);
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

const char *
db_errmsg(struct db *db)
{
	return sqlite3_errmsg(db->h);
}

/* A counter's stored value (1 when it has none yet); 0 ok. */
static int
counter_read(struct db *db, const char *kind, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT next FROM key_counter WHERE kind = ?1",
	    &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
	db_finish(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The number from the transaction's counters; 1 when not kept there. */
static int
next_kept(struct db *db, const char *kind, int64_t *out)
{
	struct db_counters *k = db->counters;
	int i;

	if (k == NULL || !k->active || strlen(kind) >= sizeof k->c[0].kind)
		return 1;
	for (i = 0; i < k->n; i++)
		if (strcmp(k->c[i].kind, kind) == 0)
			break;
	if (i == k->n) {
		if (k->n == COUNTER_KINDS)
			return 1;
		if (counter_read(db, kind, &k->c[i].stored) != 0)
			return -1;
		strcpy(k->c[i].kind, kind);
		k->c[i].next = k->c[i].stored;
		k->n++;
	}
	*out = k->c[i].next++;
	return 0;
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

	if ((rc = next_kept(db, kind, out)) <= 0)
		return rc;
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_setting_get(struct db *db, const char *key, char *buf, size_t bufsz)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db,
	    "SELECT value FROM setting WHERE key = ?1", &st) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(buf, bufsz, "%s", sqlite3_column_text(st, 0));
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_setting_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db,
	    "INSERT INTO setting (key, value) VALUES (?1, ?2) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	    &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
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

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	for (int i = 0; i < 10; i++)
		if (v[i] != NULL)
			sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}
