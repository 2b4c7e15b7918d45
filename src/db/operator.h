/* operator.h: the operator table. */
#ifndef YIBAO_DB_OPERATOR_H
#define YIBAO_DB_OPERATOR_H

#include "db/db.h"

struct db_operator {
	char login[33];
	char display_name[97];
	char role[16];			/* clerk, supervisor, admin */
	char password_hash[160];
	int active;
	char site[17];
	char created_at[24];
};

/* 0 found, 1 no such login, -1 error. */
int db_operator_get(struct db *db, const char *login, struct db_operator *out);

/* Insert a new operator; 0 ok, 1 the login exists, -1 error. */
int db_operator_insert(struct db *db, const struct db_operator *o);

/* How many operators the office has (any role, active or not); -1 error. */
int db_operator_count(struct db *db);

/*
 * Every operator, by login, as a malloc'ed array in *out (free() it) of *n
 * entries; the password hashes are left out.  0 ok, -1 error.
 */
int db_operator_list(struct db *db, struct db_operator **out, int *n);

/* Replace the password hash; 0 ok, 1 no such login, -1 error. */
int db_operator_set_password(struct db *db, const char *login,
    const char *hash);

/* Enable (1) or disable (0) a login; 0 ok, 1 no such login, -1 error. */
int db_operator_set_active(struct db *db, const char *login, int active);

/* How many active operators have `role`; -1 error. */
int db_operator_count_active(struct db *db, const char *role);

#endif
