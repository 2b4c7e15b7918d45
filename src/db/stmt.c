/*
 * stmt.c: a small cache of prepared statements per connection.
 *
 * db/ functions prepare their SQL on every call, which keeps each of them
 * self-contained; this cache makes the second and later calls cost a
 * lookup instead of a parse.  A statement that is in use (a function that
 * runs while another holds the same SQL, e.g. a nested lookup) is not
 * shared: a fresh one is prepared and finalized as before.
 */
#include "db/db.h"
#include "db/stmt.h"

#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 128		/* more than the distinct SQL texts of db/ */

struct slot {
	const char *given;	/* the caller's pointer: most SQL is a literal */
	unsigned long hash;
	char *sql;
	sqlite3_stmt *st;
	int busy;
};

struct db_stmt_cache {
	struct slot slot[CACHE_SLOTS];
	int n;
};

static unsigned long
hash_sql(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

int
db_prepare(struct db *db, const char *sql, sqlite3_stmt **st)
{
	struct db_stmt_cache *c;
	unsigned long h = 0;
	struct slot *free_slot = NULL;
	int rc;

	if (db->cache == NULL)
		db->cache = calloc(1, sizeof *db->cache);
	if ((c = db->cache) != NULL) {
		/* The same literal again: no need to hash it. */
		for (int i = 0; i < c->n; i++) {
			struct slot *sl = &c->slot[i];

			if (sl->given == sql && !sl->busy &&
			    strcmp(sl->sql, sql) == 0) {
				sl->busy = 1;
				*st = sl->st;
				return SQLITE_OK;
			}
		}
		h = hash_sql(sql);
		for (int i = 0; i < c->n; i++) {
			struct slot *sl = &c->slot[i];

			if (sl->hash != h || strcmp(sl->sql, sql) != 0)
				continue;
			if (!sl->busy) {
				sl->busy = 1;
				*st = sl->st;
				return SQLITE_OK;
			}
		}
		if (c->n < CACHE_SLOTS)
			free_slot = &c->slot[c->n];
	}
	rc = sqlite3_prepare_v3(db->h, sql, -1, free_slot ?
	    SQLITE_PREPARE_PERSISTENT : 0, st, NULL);
	if (rc != SQLITE_OK || free_slot == NULL)
		return rc;
	if ((free_slot->sql = strdup(sql)) == NULL)
		return SQLITE_OK;	/* works uncached */
	free_slot->given = sql;
	free_slot->hash = h;
	free_slot->st = *st;
	free_slot->busy = 1;
	c->n++;
	return SQLITE_OK;
}

void
db_finish(struct db *db, sqlite3_stmt *st)
{
	struct db_stmt_cache *c = db->cache;

	if (st == NULL)
		return;
	if (c != NULL)
		for (int i = 0; i < c->n; i++)
			if (c->slot[i].st == st) {
				sqlite3_reset(st);
				sqlite3_clear_bindings(st);
				c->slot[i].busy = 0;
				return;
			}
	sqlite3_finalize(st);
}

void
db_stmt_cache_free(struct db *db)
{
	struct db_stmt_cache *c = db->cache;

	if (c == NULL)
		return;
	for (int i = 0; i < c->n; i++) {
		sqlite3_finalize(c->slot[i].st);
		free(c->slot[i].sql);
	}
	free(c);
	db->cache = NULL;
}
