/* stmt.h: the cache of prepared statements behind db_prepare (db.h). */
#ifndef YIBAO_DB_STMT_H
#define YIBAO_DB_STMT_H

struct db;

/* Finalize every cached statement; db_close calls it. */
void db_stmt_cache_free(struct db *db);

#endif
