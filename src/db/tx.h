/*
 * tx.h: what every write shares: the transaction, the office's keys, the
 * office's settings and the audit log.  An op opens one transaction, writes,
 * appends its audit lines and commits, or rolls everything back.
 */
#ifndef YIBAO_DB_TX_H
#define YIBAO_DB_TX_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"

/* BEGIN IMMEDIATE: take the write lock now, waiting out other clerks. */
int db_begin(struct db *db, char *err, size_t errsz);
int db_commit(struct db *db, char *err, size_t errsz);
void db_rollback(struct db *db);

/* The next number of `kind` in this office (inside a transaction). */
int db_next_number(struct db *db, const char *kind, int64_t *out);

/* Settings of the office: 0 found, 1 absent, -1 error. */
int db_setting_get(struct db *db, const char *key, char *buf, size_t bufsz);
int db_setting_set(struct db *db, const char *key, const char *value);

struct db_audit {
	const char *key;
	const char *at;
	const char *site;
	const char *operator_login;
	const char *action;
	const char *record;
	const char *old_values;		/* JSON or NULL */
	const char *new_values;		/* JSON or NULL */
	const char *policy_id;		/* NULL when no pack was used */
	const char *policy_hash;
};
int db_audit_append(struct db *db, const struct db_audit *a);

/* The last SQLite message of this connection. */
const char *db_errmsg(struct db *db);

#endif
