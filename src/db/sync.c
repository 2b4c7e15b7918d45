/* sync.c: the outbox, the ledger, the hub's offices and its quarantine. */
#include "config.h"

#include "db/sync_sqlite.h"

#include "db/sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
copy_text(sqlite3_stmt *st, int col, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

static char *
dup_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t ? strdup((const char *)t) : NULL;
}

int
db_outbox_last(struct db *db, int64_t *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT coalesce(max(seq), 0) FROM "
	    "sync_outbox", -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_outbox_each(struct db *db, int64_t after, int64_t upto, const char *skip,
    db_outbox_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT seq, origin, changeset FROM "
	    "sync_outbox WHERE seq > ?1 AND seq <= ?2 AND origin IS NOT ?3 "
	    "ORDER BY seq", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, upto);
	if (skip != NULL)
		sqlite3_bind_text(st, 3, skip, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_blob(st, 2), sqlite3_column_bytes(st, 2)) != 0) {
			rc = SQLITE_ABORT;
			break;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
add_to_group(void *ctx, int64_t seq, const char *origin, const void *cs,
    int len)
{
	(void)seq;
	(void)origin;
	return sqlite3changegroup_add(ctx, len, (void *)cs) == SQLITE_OK ? 0 :
	    -1;
}

int
db_outbox_combine(struct db *db, int64_t after, int64_t upto, void **cs,
    int *len)
{
	sqlite3_changegroup *g;
	int rc;

	*cs = NULL;
	*len = 0;
	if (sqlite3changegroup_new(&g) != SQLITE_OK)
		return -1;
	rc = db_outbox_each(db, after, upto, NULL, add_to_group, g);
	if (rc == 0 && sqlite3changegroup_output(g, len, cs) != SQLITE_OK)
		rc = -1;
	sqlite3changegroup_delete(g);
	return rc;
}

static void
read_ledger(sqlite3_stmt *st, struct db_ledger *l)
{
	memset(l, 0, sizeof *l);
	copy_text(st, 0, l->direction, sizeof l->direction);
	copy_text(st, 1, l->site, sizeof l->site);
	l->seq = sqlite3_column_int64(st, 2);
	l->base = sqlite3_column_int64(st, 3);
	copy_text(st, 4, l->hash, sizeof l->hash);
	l->outbox_from = sqlite3_column_int64(st, 5);
	l->outbox_upto = sqlite3_column_int64(st, 6);
	copy_text(st, 7, l->at, sizeof l->at);
	copy_text(st, 8, l->operator_login, sizeof l->operator_login);
}

#define LEDGER_COLS "direction, site, seq, base, hash, outbox_from, " \
	"outbox_upto, at, operator"

static int
ledger_query(struct db *db, const char *sql, const char *direction,
    const char *site, int64_t seq, struct db_ledger *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, site, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, seq);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_ledger(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_ledger_get(struct db *db, const char *direction, const char *site,
    int64_t seq, struct db_ledger *out)
{
	return ledger_query(db, "SELECT " LEDGER_COLS " FROM sync_ledger "
	    "WHERE direction = ?1 AND site = ?2 AND seq = ?3", direction,
	    site, seq, out);
}

int
db_ledger_last(struct db *db, const char *direction, const char *site,
    struct db_ledger *out)
{
	return ledger_query(db, "SELECT " LEDGER_COLS " FROM sync_ledger "
	    "WHERE direction = ?1 AND site = ?2 AND ?3 = ?3 ORDER BY seq DESC "
	    "LIMIT 1", direction, site, 0, out);
}

int
db_ledger_add(struct db *db, const struct db_ledger *l)
{
	sqlite3_stmt *st;
	int rc;

	/* A file written again replaces its line (out); in is checked first. */
	if (sqlite3_prepare_v2(db->h, "INSERT OR REPLACE INTO sync_ledger (" LEDGER_COLS
	    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, l->direction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, l->site, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, l->seq);
	sqlite3_bind_int64(st, 4, l->base);
	sqlite3_bind_text(st, 5, l->hash, -1, SQLITE_STATIC);
	if (l->direction[0] == 'o') {
		sqlite3_bind_int64(st, 6, l->outbox_from);
		sqlite3_bind_int64(st, 7, l->outbox_upto);
	}
	sqlite3_bind_text(st, 8, l->at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, l->operator_login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void
read_site(sqlite3_stmt *st, struct db_site *s)
{
	memset(s, 0, sizeof *s);
	copy_text(st, 0, s->code, sizeof s->code);
	copy_text(st, 1, s->public_key, sizeof s->public_key);
	s->last_seq = sqlite3_column_int64(st, 2);
	s->acked = sqlite3_column_int64(st, 3);
	copy_text(st, 4, s->added_at, sizeof s->added_at);
}

int
db_site_get(struct db *db, const char *code, struct db_site *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT code, public_key, last_seq, "
	    "acked, added_at FROM sync_site WHERE code = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_site(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_site_put(struct db *db, const char *code, const char *public_key,
    const char *at)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "INSERT INTO sync_site (code, "
	    "public_key, added_at) VALUES (?1, ?2, ?3) ON CONFLICT (code) DO "
	    "UPDATE SET public_key = excluded.public_key", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, public_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_site_advance(struct db *db, const char *code, int64_t last_seq,
    int64_t acked)
{
	sqlite3_stmt *st;
	int rc;

	/* acked only grows: an old file must not make the hub resend. */
	if (sqlite3_prepare_v2(db->h, "UPDATE sync_site SET last_seq = ?2, "
	    "acked = max(acked, ?3) WHERE code = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, last_seq);
	sqlite3_bind_int64(st, 3, acked);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE && sqlite3_changes(db->h) == 1 ? 0 : -1;
}

int
db_site_each(struct db *db, db_site_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	struct db_site s;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT code, public_key, last_seq, "
	    "acked, added_at FROM sync_site ORDER BY code", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_site(st, &s);
		if (fn(ctx, &s) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void
db_quarantine_clear(struct db_quarantine *q)
{
	free(q->kept);
	free(q->other);
	free(q->resolution);
	memset(q, 0, sizeof *q);
}

int
db_quarantine_add(struct db *db, const struct db_quarantine *q)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "INSERT INTO sync_quarantine (kind, "
	    "tbl, record, site, file_seq, kept, other, at) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, q->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->tbl, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, q->record, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, q->site, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, q->file_seq);
	sqlite3_bind_text(st, 6, q->kept, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, q->other, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, q->at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

#define QUARANTINE_COLS "id, kind, tbl, record, site, file_seq, kept, " \
	"other, at, status, resolved_by, resolved_at, resolution"

static void
read_quarantine(sqlite3_stmt *st, struct db_quarantine *q)
{
	memset(q, 0, sizeof *q);
	q->id = sqlite3_column_int64(st, 0);
	copy_text(st, 1, q->kind, sizeof q->kind);
	copy_text(st, 2, q->tbl, sizeof q->tbl);
	copy_text(st, 3, q->record, sizeof q->record);
	copy_text(st, 4, q->site, sizeof q->site);
	q->file_seq = sqlite3_column_int64(st, 5);
	q->kept = dup_text(st, 6);
	q->other = dup_text(st, 7);
	copy_text(st, 8, q->at, sizeof q->at);
	copy_text(st, 9, q->status, sizeof q->status);
	copy_text(st, 10, q->resolved_by, sizeof q->resolved_by);
	copy_text(st, 11, q->resolved_at, sizeof q->resolved_at);
	q->resolution = dup_text(st, 12);
}

int
db_quarantine_get(struct db *db, int64_t id, struct db_quarantine *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT " QUARANTINE_COLS " FROM "
	    "sync_quarantine WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_quarantine(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_quarantine_each(struct db *db, int all, db_quarantine_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	struct db_quarantine q;
	int rc;

	if (sqlite3_prepare_v2(db->h, "SELECT " QUARANTINE_COLS " FROM "
	    "sync_quarantine WHERE ?1 OR status = 'open' ORDER BY id", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, all);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int stop;

		read_quarantine(st, &q);
		stop = fn(ctx, &q);
		db_quarantine_clear(&q);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_quarantine_resolve(struct db *db, int64_t id, const char *by,
    const char *at, const char *resolution)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "UPDATE sync_quarantine SET status = "
	    "'resolved', resolved_by = ?2, resolved_at = ?3, resolution = ?4 "
	    "WHERE id = ?1 AND status = 'open'", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, resolution, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE && sqlite3_changes(db->h) == 1 ? 0 : -1;
}

long
db_quarantine_open(struct db *db)
{
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sync_quarantine "
	    "WHERE status = 'open'", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
db_json_text(struct db *db, const char *json, const char *member, char *buf,
    size_t bufsz)
{
	sqlite3_stmt *st;
	char path[80];
	int rc;

	snprintf(path, sizeof path, "$.%s", member);
	if (sqlite3_prepare_v2(db->h, "SELECT json_type(?1, ?2), "
	    "json_extract(?1, ?2)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_NULL)
		rc = SQLITE_DONE;
	else if (rc == SQLITE_ROW)
		copy_text(st, 1, buf, bufsz);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}
