/*
 * sync.h: the night sync's tables: the outbox of captured changes, the
 * ledger of files, the hub's offices and its quarantine list; and the
 * application of a changeset with the hub's or the office's rules for
 * conflicts.  Callers hold the write transaction (db_begin).
 */
#ifndef YIBAO_DB_SYNC_H
#define YIBAO_DB_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* The last outbox row; 0 when empty.  0 ok, -1 error. */
int db_outbox_last(struct db *db, int64_t *out);

/* Called with each outbox row in (after, upto], in order. */
typedef int db_outbox_fn(void *ctx, int64_t seq, const char *origin,
    const void *changeset, int len);

/* Rows whose origin is not `skip` (NULL: all).  0 ok, -1 error. */
int db_outbox_each(struct db *db, int64_t after, int64_t upto,
    const char *skip, db_outbox_fn *fn, void *ctx);

/*
 * The rows in (after, upto] combined into one changeset (sqlite3_free it;
 * NULL and 0 when there were none).  0 ok, -1 error.
 */
int db_outbox_combine(struct db *db, int64_t after, int64_t upto, void **cs,
    int *len);

struct db_ledger {
	char direction[4];	/* in, out */
	char site[17];
	int64_t seq, base;
	char hash[65];
	int64_t outbox_from, outbox_upto;	/* out: the rows carried */
	char at[24];
	char operator_login[33];
};

/* 0 found, 1 absent, -1 error. */
int db_ledger_get(struct db *db, const char *direction, const char *site,
    int64_t seq, struct db_ledger *out);
int db_ledger_add(struct db *db, const struct db_ledger *l);
/* The last file of `direction` with `site`: 0 found, 1 none, -1 error. */
int db_ledger_last(struct db *db, const char *direction, const char *site,
    struct db_ledger *out);

struct db_site {
	char code[17];
	char public_key[65];
	int64_t last_seq;	/* the office's last file applied */
	int64_t acked;		/* the last hub sequence it applied */
	char added_at[24];
};

/* 0 found, 1 absent, -1 error. */
int db_site_get(struct db *db, const char *code, struct db_site *out);
/* Insert or replace the key (last_seq and acked kept).  0 ok, -1 error. */
int db_site_put(struct db *db, const char *code, const char *public_key,
    const char *at);
int db_site_advance(struct db *db, const char *code, int64_t last_seq,
    int64_t acked);
typedef int db_site_fn(void *ctx, const struct db_site *s);
int db_site_each(struct db *db, db_site_fn *fn, void *ctx);

struct db_quarantine {
	int64_t id;
	char kind[16];
	char tbl[32];
	char record[64];
	char site[17];
	int64_t file_seq;
	char *kept, *other;	/* JSON, NULL or malloc'd */
	char at[24];
	char status[12];
	char resolved_by[33], resolved_at[24];
	char *resolution;
};
void db_quarantine_clear(struct db_quarantine *q);

int db_quarantine_add(struct db *db, const struct db_quarantine *q);
/* 0 found, 1 absent, -1 error; free with db_quarantine_clear. */
int db_quarantine_get(struct db *db, int64_t id, struct db_quarantine *out);
typedef int db_quarantine_fn(void *ctx, const struct db_quarantine *q);
/* Open ones, or all; by id.  0 ok, -1 error. */
int db_quarantine_each(struct db *db, int all, db_quarantine_fn *fn,
    void *ctx);
int db_quarantine_resolve(struct db *db, int64_t id, const char *by,
    const char *at, const char *resolution);
/* Open entries; -1 error. */
long db_quarantine_open(struct db *db);

/*
 * A value of a JSON object of `json` (a quarantined row) as text, into buf:
 * 0 found (NULL values give ""), 1 absent, -1 error.
 */
int db_json_text(struct db *db, const char *json, const char *member,
    char *buf, size_t bufsz);

/* Applying a changeset. */
enum db_apply_mode {
	DB_APPLY_HUB,		/* arrival order; conflicts to the quarantine */
	DB_APPLY_OFFICE		/* the hub's version wins */
};

struct db_apply_result {
	long changes;		/* rows in the changeset */
	long conflicts;		/* conflicts seen (hub: those quarantined) */
	long omitted;		/* changes not applied (identical ones aside) */
};

/*
 * Check that a changeset names only synced tables that exist here with
 * the same primary key and at most as many columns: SQLite would skip
 * another table silently.  0 ok, -1 with a sentence in err.
 */
int db_changeset_check(struct db *db, const void *cs, int len,
    long *changes, char *err, size_t errsz);

/* Free what db_outbox_combine made. */
void db_sync_free(void *p);

/*
 * Apply inside the caller's transaction.  `site` and `file_seq` name the
 * file for the quarantine (hub), `at` the time.  0 ok, -1 refused with a
 * sentence in err (the caller rolls back).
 */
int db_changeset_apply(struct db *db, const void *cs, int len,
    enum db_apply_mode mode, const char *site, int64_t file_seq,
    const char *at, struct db_apply_result *res, char *err, size_t errsz);

/* Install the SQLite log handler that makes a skipped table an error;
 * before any other use of SQLite in the process.  0 ok. */
int db_sync_log_install(void);

/* Canonical text of the synced tables (tests, yibao sync dump). */
typedef void db_dump_fn(void *ctx, const char *line);
int db_sync_dump(struct db *db, db_dump_fn *fn, void *ctx);

#endif
