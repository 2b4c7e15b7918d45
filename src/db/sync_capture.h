/*
 * sync_capture.h: what each transaction changed in the synced tables,
 * kept for the night sync.  An office's day is many processes (each yibao
 * command, several windows), and a session lives in one connection of one
 * process: so db_begin attaches a session to the synced tables, and
 * db_commit appends its changeset to sync_outbox in the same transaction.
 */
#ifndef YIBAO_DB_SYNC_CAPTURE_H
#define YIBAO_DB_SYNC_CAPTURE_H

#include "db/db.h"

/* The schema version that has the sync tables. */
#define DB_SYNC_SCHEMA 4

/* After BEGIN: start capturing.  0 ok, -1 error. */
int db_capture_begin(struct db *db);

/*
 * The outbox row of this transaction is `origin`'s work (a hub applying an
 * office's file), not this database's own.  Copied.
 */
void db_capture_origin(struct db *db, const char *origin);

/* Stop capturing: this transaction's changes are not to travel (an office
 * applying the hub's file). */
void db_capture_off(struct db *db);

/* Before COMMIT: the changeset into sync_outbox.  0 ok, -1 error. */
int db_capture_commit(struct db *db);

/*
 * Inside a long transaction (an import of a million rows): write what the
 * session holds so far to sync_outbox and start a new session, so memory
 * and the size of one outbox row stay bounded (SQLite refuses a value over
 * 1 GB), and empty sync_audit as the commit does.  The rows written so
 * far are rolled back with the transaction like everything else.  0 ok,
 * -1 error.
 */
int db_capture_flush(struct db *db);

/* At ROLLBACK: forget the session. */
void db_capture_end(struct db *db);

/* 1 if `table` travels in the night sync. */
int db_sync_table(const char *table);

/* The synced tables, parents before children; NULL-terminated. */
extern const char *const db_sync_tables[];

#endif
