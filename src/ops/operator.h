/*
 * operator.h: the office's operators (who may log in, with which role) and
 * the office's policy pack.  Both are an administrator's work; only the
 * change of one's own password is open to every operator.
 */
#ifndef YIBAO_OPS_OPERATOR_H
#define YIBAO_OPS_OPERATOR_H

#include "ops/ops.h"

/* One operator as a list shows it (never the password hash). */
struct operator_info {
	char login[33];
	char display_name[97];
	enum role role;
	int active;
	char site[17];
	char created_at[24];	/* YYYY-MM-DDTHH:MM:SSZ */
};

/*
 * Add an operator (admin only).  `login` as operator_login_valid says;
 * `display_name` NULL or "" for the login itself; `role` a role code
 * (clerk, supervisor, admin); the password is stored as a yescrypt hash.
 * OPS_CONFLICT if the login exists.
 */
enum ops_status ops_operator_add(struct ops_session *s, const char *login,
    const char *display_name, const char *role, const char *password,
    struct ops_error *err);

/* Every operator by login (admin only); free(*out) afterwards. */
enum ops_status ops_operator_list(struct ops_session *s,
    struct operator_info **out, int *n, struct ops_error *err);

/*
 * Set the password of `login`.  An administrator sets anyone's and needs
 * no old password; any other operator changes only their own and must give
 * the current one (`old_password`, OPS_AUTH when it is wrong).
 */
enum ops_status ops_operator_passwd(struct ops_session *s, const char *login,
    const char *old_password, const char *new_password,
    struct ops_error *err);

/* OPS_OK if the session may set the password of `login` (asked before the
 * new password is typed). */
enum ops_status ops_operator_may_passwd(const struct ops_session *s,
    const char *login, struct ops_error *err);

/*
 * Disable `login` so it can no longer log in (admin only).  Refused for
 * oneself and for the last active administrator; the row stays, since the
 * audit log and the payments name it.
 */
enum ops_status ops_operator_disable(struct ops_session *s, const char *login,
    struct ops_error *err);

/* What ops_policy_use did. */
struct policy_use_result {
	int changed;		/* 0: the office already used this pack */
	char id[64];
	char name[128];
};

/*
 * Make the pack `id` (an id from the policy directory, not a path) the
 * office's pack, in setting 'policy' (admin only).  The pack must load and
 * validate first; OPS_INVALID with the first error otherwise.  Audited as
 * policy.use with the pack's id and hash.
 */
enum ops_status ops_policy_use(struct ops_session *s, const char *id,
    struct policy_use_result *res, struct ops_error *err);

#endif
