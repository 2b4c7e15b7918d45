/*
 * db.h: the office's SQLite file: open or create it, set the pragmas every
 * connection needs, and bring its schema up to date.
 */
#ifndef YIBAO_DB_H
#define YIBAO_DB_H

#include <stddef.h>
#include <sqlite3.h>

/* 'YBA0': PRAGMA application_id of every yibao database. */
#define DB_APPLICATION_ID 1497514288

enum db_status {
	DB_OK = 0,
	DB_MISSING,		/* no file, and not asked to create one */
	DB_CANNOT_OPEN,		/* the file or its folder cannot be made or opened */
	DB_NOT_YIBAO,		/* not a database, or another program's */
	DB_TOO_NEW,		/* written by a newer version of yibao */
	DB_FAILED		/* SQLite refused: a damaged file, a full disk */
};

struct db_stmt_cache;
struct db_counters;

struct db {
	sqlite3 *h;
	int created;		/* this open made the file */
	int migrated_from;	/* user_version before this open */
	int version;		/* user_version now */
	struct db_stmt_cache *cache;	/* prepared statements (stmt.c) */
	struct db_counters *counters;	/* key counters of the open transaction (tx.c) */
};

#define DB_CREATE 1		/* create the file (0600) and its folder (0700) */

/*
 * Open `path`.  On failure *db is NULL and `err` holds a sentence for the
 * clerk (translated), naming the file.
 */
enum db_status db_open(const char *path, int flags, struct db **db,
    char *err, size_t errsz);
void db_close(struct db *db);

/*
 * A prepared statement for `sql`, from the connection's cache when it was
 * prepared before and is not in use (a row-by-row import runs the same few
 * statements hundreds of thousands of times; parsing them again each time
 * was most of its cost).  Returns an SQLite result code; db_finish() hands
 * the statement back, reset and with its bindings cleared.
 */
int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st);
void db_finish(struct db *db, sqlite3_stmt *st);

/*
 * Let SQLite keep up to `kib` KiB of pages in memory (PRAGMA cache_size)
 * for a long transaction such as an import, which otherwise spills its
 * pages to the WAL and reads them back.  Bounded, so memory stays flat.
 */
int db_cache_kib(struct db *db, int kib);

/*
 * For one long transaction of many small writes (a batch of claims): up
 * to `kib` KiB of page cache, and SQLite's temporary files in memory
 * (PRAGMA temp_store = MEMORY).  In a long transaction each statement with
 * a trigger or a foreign key journals the pages it touches, so that it
 * alone can be undone; past 64 KiB that journal goes to a temporary file,
 * two writes a page, which in a batch of claims cost more than saving the
 * claims.  db_bulk_end puts back what was (a terminal session goes on
 * after its batch, and must not keep the batch's memory).
 */
struct db_bulk {
	int cache_size;		/* PRAGMA cache_size as it was */
	int temp_store;
};
int db_bulk_begin(struct db *db, int kib, struct db_bulk *saved);
void db_bulk_end(struct db *db, const struct db_bulk *saved);

/* Delete a database file and its -wal, -shm and -journal files. */
void db_remove(const char *path);

/* The newest schema version this program knows (its last migration). */
int db_schema_latest(void);

/*
 * Apply the migrations of `schema` (schema.sql's text) above the file's
 * user_version.  Exposed so tests can migrate with a schema of their own.
 */
enum db_status db_migrate(sqlite3 *h, const char *schema, int *from, int *to,
    char *err, size_t errsz);

/* The migrations in `schema`: how many, and the text of number n (1-based). */
int db_schema_count(const char *schema);

/*
 * The database the program uses when none is named: YIBAO_DB, else
 * $XDG_DATA_HOME/yibao/yibao.db, else ~/.local/share/yibao/yibao.db.
 * Returns NULL when no home folder is known.
 */
const char *db_default_path(char *buf, size_t bufsz);

#endif
