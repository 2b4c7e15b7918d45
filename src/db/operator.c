/* operator.c: reading and writing operators. */
#include "db/operator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
copy_col(sqlite3_stmt *st, int col, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

int
db_operator_get(struct db *db, const char *login, struct db_operator *o)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db,
	    "SELECT login, display_name, role, password_hash, active, site, "
	    "created_at FROM operator WHERE login = ?1", &st) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(o, 0, sizeof *o);
		copy_col(st, 0, o->login, sizeof o->login);
		copy_col(st, 1, o->display_name, sizeof o->display_name);
		copy_col(st, 2, o->role, sizeof o->role);
		copy_col(st, 3, o->password_hash, sizeof o->password_hash);
		o->active = sqlite3_column_int(st, 4);
		copy_col(st, 5, o->site, sizeof o->site);
		copy_col(st, 6, o->created_at, sizeof o->created_at);
	}
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_operator_insert(struct db *db, const struct db_operator *o)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db,
	    "INSERT INTO operator (login, display_name, role, password_hash, "
	    "active, site, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	    &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, o->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->display_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, o->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, o->password_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, o->active);
	sqlite3_bind_text(st, 6, o->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, o->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc == SQLITE_CONSTRAINT)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_operator_count(struct db *db)
{
	sqlite3_stmt *st;
	int n = -1;

	if (db_prepare(db, "SELECT count(*) FROM operator", &st) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	db_finish(db, st);
	return n;
}

int
db_operator_list(struct db *db, struct db_operator **out, int *n)
{
	struct db_operator *v = NULL, *nv;
	sqlite3_stmt *st;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (db_prepare(db,
	    "SELECT login, display_name, role, active, site, created_at "
	    "FROM operator ORDER BY login", &st) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = realloc(v, (size_t)cap * sizeof *v)) == NULL)
				break;
			v = nv;
		}
		memset(&v[*n], 0, sizeof v[*n]);
		copy_col(st, 0, v[*n].login, sizeof v[*n].login);
		copy_col(st, 1, v[*n].display_name, sizeof v[*n].display_name);
		copy_col(st, 2, v[*n].role, sizeof v[*n].role);
		v[*n].active = sqlite3_column_int(st, 3);
		copy_col(st, 4, v[*n].site, sizeof v[*n].site);
		copy_col(st, 5, v[*n].created_at, sizeof v[*n].created_at);
		(*n)++;
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return -1;
	}
	*out = v;
	return 0;
}

/* One UPDATE of one operator row: 0 ok, 1 no such login, -1 error. */
static int
update_one(struct db *db, const char *sql, const char *login,
    const char *text, int num)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(st, 2, num);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : 1;
}

int
db_operator_set_password(struct db *db, const char *login, const char *hash)
{
	return update_one(db, "UPDATE operator SET password_hash = ?2 "
	    "WHERE login = ?1", login, hash, 0);
}

int
db_operator_set_active(struct db *db, const char *login, int active)
{
	return update_one(db, "UPDATE operator SET active = ?2 "
	    "WHERE login = ?1", login, NULL, active ? 1 : 0);
}

int
db_operator_count_active(struct db *db, const char *role)
{
	sqlite3_stmt *st;
	int n = -1;

	if (db_prepare(db, "SELECT count(*) FROM operator "
	    "WHERE active = 1 AND role = ?1", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, role, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	db_finish(db, st);
	return n;
}
