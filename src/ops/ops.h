/*
 * ops.h: one function per clerk action.  Each checks the operator's role,
 * validates, computes with core/, writes through db/ in ONE transaction and
 * appends to the audit log in that same transaction.  tui/ and cli/ call
 * these and nothing below them.
 */
#ifndef YIBAO_OPS_H
#define YIBAO_OPS_H

#include <stddef.h>

#include "core/date.h"
#include "core/policy.h"
#include "db/db.h"

enum role { ROLE_NONE = 0, ROLE_CLERK, ROLE_SUPERVISOR, ROLE_ADMIN };

/* Who is working, where, when, and by which policy. */
struct ops_session {
	struct db *db;
	char site[17];			/* the office's code (yibao init --site) */
	char login[33];
	char display_name[97];
	enum role role;
	struct date today;		/* the business date */
	char now[24];			/* UTC timestamp of this run: YYYY-MM-DDTHH:MM:SSZ */
	const struct policy *policy;	/* the office's pack, or NULL */
};

enum ops_status {
	OPS_OK = 0,
	OPS_INVALID,		/* the input is wrong: nothing was written */
	OPS_NOT_FOUND,		/* no such resident, household, receipt... */
	OPS_CONFLICT,		/* already exists, already paid, already reversed */
	OPS_DENIED,		/* the operator's role does not allow it */
	OPS_AUTH,		/* unknown operator, wrong password, disabled */
	OPS_FAILED		/* the database refused (disk full, damaged) */
};

/* A sentence for the clerk (translated), with the kind of failure. */
struct ops_error {
	enum ops_status status;
	char msg[512];
};

/* Fill `err` and return `status`; fmt is a translated format. */
enum ops_status ops_fail(struct ops_error *err, enum ops_status status,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* OPS_DENIED unless the session's role is at least `need`. */
enum ops_status ops_require(const struct ops_session *s, enum role need,
    struct ops_error *err);

/* The transaction of one op. */
enum ops_status ops_begin(struct ops_session *s, struct ops_error *err);
enum ops_status ops_commit(struct ops_session *s, struct ops_error *err);
void ops_rollback(struct ops_session *s);

/*
 * A key that survives the night sync: SITE-<letter><8 digits>, e.g.
 * 370402-R00000017 for a receipt.  Inside the transaction.  Each letter has
 * its own counter; the letters in use: A audit line, B off-site
 * registration (备案), C hardship category, H household, M household
 * membership, Q chronic qualification, R receipt, S settled claim (结算).
 */
enum ops_status ops_new_key(struct ops_session *s, char letter, char *out,
    size_t outsz, struct ops_error *err);

/* One audit line, inside the transaction; `policy_used` adds the pack id and hash. */
enum ops_status ops_audit(struct ops_session *s, const char *action,
    const char *record, const char *old_json, const char *new_json,
    int policy_used, struct ops_error *err);

const char *role_code(enum role r);		/* "clerk", ... */
enum role role_from_code(const char *code);	/* ROLE_NONE if unknown */
const char *role_label(enum role r);		/* translated */

/* Passwords: yescrypt through libcrypt.  0 ok, -1 failure. */
int ops_password_hash(const char *password, char *out, size_t outsz);
int ops_password_check(const char *password, const char *hash);

/*
 * Log in: fills s->login, display_name and role from the operator table
 * (s->db and s->site must be set).  OPS_AUTH with one message for an
 * unknown login and a wrong password alike.
 */
enum ops_status ops_login(struct ops_session *s, const char *login,
    const char *password, struct ops_error *err);

#endif
