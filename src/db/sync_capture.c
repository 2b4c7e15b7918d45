/* sync_capture.c: one session per write transaction, its changeset kept. */
#include "config.h"

#include "db/sync_sqlite.h"

#include "db/sync_capture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const db_sync_tables[] = {
	"resident", "resident_initials_alt", "household", "household_member",
	"person_category", "chronic_qualification", "offsite_registration",
	"policy_text", "payment", "claim", "sync_audit", NULL
};

int
db_sync_table(const char *table)
{
	for (int i = 0; db_sync_tables[i] != NULL; i++)
		if (strcmp(table, db_sync_tables[i]) == 0)
			return 1;
	return 0;
}

/*
 * The sessions of the transactions open in this process: one per
 * connection, and a process rarely has more than one.
 */
struct capture {
	struct db *db;
	sqlite3_session *ses;
	char origin[17];	/* "" = this database's own office */
	int off;
	struct capture *next;
};
static struct capture *captures;

static struct capture *
find(struct db *db)
{
	for (struct capture *c = captures; c != NULL; c = c->next)
		if (c->db == db)
			return c;
	return NULL;
}

static int
filter(void *ctx, const char *table)
{
	(void)ctx;
	return db_sync_table(table);
}

static void
drop(struct capture *c)
{
	struct capture **pp;

	for (pp = &captures; *pp != NULL; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	if (c->ses != NULL)
		sqlite3session_delete(c->ses);
	free(c);
}

/* A new session on the synced tables for `c`; 0 ok. */
static int
attach(struct capture *c)
{
	if (sqlite3session_create(c->db->h, "main", &c->ses) != SQLITE_OK) {
		c->ses = NULL;
		return -1;
	}
	sqlite3session_table_filter(c->ses, filter, NULL);
	if (sqlite3session_attach(c->ses, NULL) != SQLITE_OK) {
		sqlite3session_delete(c->ses);
		c->ses = NULL;
		return -1;
	}
	return 0;
}

int
db_capture_begin(struct db *db)
{
	struct capture *c;

	if (db->version < DB_SYNC_SCHEMA)
		return 0;
	if ((c = find(db)) != NULL)	/* a stale one: start afresh */
		drop(c);
	if ((c = calloc(1, sizeof *c)) == NULL)
		return -1;
	c->db = db;
	if (attach(c) != 0) {
		free(c);
		return -1;
	}
	c->next = captures;
	captures = c;
	return 0;
}

void
db_capture_origin(struct db *db, const char *origin)
{
	struct capture *c = find(db);

	if (c != NULL)
		strncpy(c->origin, origin, sizeof c->origin - 1);
}

void
db_capture_off(struct db *db)
{
	struct capture *c = find(db);

	if (c != NULL && c->ses != NULL) {
		sqlite3session_delete(c->ses);
		c->ses = NULL;
	}
	if (c != NULL)
		c->off = 1;
}

static int
outbox_add(struct db *db, const char *origin, const void *cs, int n)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "INSERT INTO sync_outbox (origin, "
	    "changeset) VALUES (CASE WHEN ?1 <> '' THEN ?1 ELSE (SELECT value "
	    "FROM setting WHERE key = 'site') END, ?2)", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, cs, n, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_capture_flush(struct db *db)
{
	struct capture *c = find(db);
	void *cs = NULL;
	int n = 0, rc = 0;

	if (c == NULL || c->ses == NULL || sqlite3session_isempty(c->ses))
		return 0;
	if (sqlite3session_changeset(c->ses, &n, &cs) != SQLITE_OK)
		return -1;
	/* The outbox row is not a synced table: the next session need not
	 * be attached before it is written. */
	sqlite3session_delete(c->ses);
	c->ses = NULL;
	if (n > 0)
		rc = outbox_add(db, c->origin, cs, n);
	sqlite3_free(cs);
	/* The audit lines so far are in that changeset: sync_audit is a
	 * transit, emptied here as at commit, so that a million rows' lines
	 * do not pile up in it (and its pages are used again). */
	if (rc == 0 && sqlite3_exec(db->h, "DELETE FROM sync_audit", NULL,
	    NULL, NULL) != SQLITE_OK)
		rc = -1;
	if (rc == 0)
		rc = attach(c);
	return rc;
}

int
db_capture_commit(struct db *db)
{
	struct capture *c = find(db);
	void *cs = NULL;
	int n = 0, rc = 0;
	char origin[17];

	if (c == NULL)
		return 0;
	snprintf(origin, sizeof origin, "%s", c->origin);
	if (c->ses != NULL && !sqlite3session_isempty(c->ses) &&
	    sqlite3session_changeset(c->ses, &n, &cs) != SQLITE_OK)
		rc = -1;
	drop(c);	/* the session must not see the cleaning below */
	/* The audit lines are in the changeset now: sync_audit is a transit. */
	if (rc == 0 && sqlite3_exec(db->h, "DELETE FROM sync_audit", NULL, NULL,
	    NULL) != SQLITE_OK)
		rc = -1;
	if (rc == 0 && n > 0)
		rc = outbox_add(db, origin, cs, n);
	sqlite3_free(cs);
	return rc;
}

void
db_capture_end(struct db *db)
{
	struct capture *c = find(db);

	if (c != NULL)
		drop(c);
}
