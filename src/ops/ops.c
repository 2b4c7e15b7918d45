/* ops.c: what every op shares: errors, roles, the transaction, keys, audit. */
#include "config.h"

#include "ops/ops.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "db/tx.h"
#include "i18n.h"

enum ops_status
ops_fail(struct ops_error *err, enum ops_status status, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL) {
		err->status = status;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
	}
	return status;
}

static const char *const role_codes[] = { "", "clerk", "supervisor", "admin" };

const char *
role_code(enum role r)
{
	return (unsigned)r <= ROLE_ADMIN ? role_codes[r] : "";
}

enum role
role_from_code(const char *code)
{
	for (int r = ROLE_CLERK; r <= ROLE_ADMIN; r++)
		if (code != NULL && strcmp(code, role_codes[r]) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

const char *
role_label(enum role r)
{
	switch (r) {
	case ROLE_CLERK:
		return _("clerk");
	case ROLE_SUPERVISOR:
		return _("supervisor");
	case ROLE_ADMIN:
		return _("administrator");
	case ROLE_NONE:
		break;
	}
	return _("nobody");
}

enum ops_status
ops_require(const struct ops_session *s, enum role need, struct ops_error *err)
{
	if (s->role >= need)
		return OPS_OK;
	/* One whole sentence per case: translators need no grammar of ours. */
	if (need == ROLE_ADMIN && s->role == ROLE_SUPERVISOR)
		return ops_fail(err, OPS_DENIED, _("only an administrator may "
		    "do this; %s is a supervisor"), s->login);
	if (need == ROLE_ADMIN)
		return ops_fail(err, OPS_DENIED, _("only an administrator may "
		    "do this; %s is a clerk"), s->login);
	if (need == ROLE_SUPERVISOR)
		return ops_fail(err, OPS_DENIED, _("only a supervisor or an "
		    "administrator may do this; %s is a clerk"), s->login);
	return ops_fail(err, OPS_DENIED, _("log in as an operator first"));
}

enum ops_status
ops_begin(struct ops_session *s, struct ops_error *err)
{
	char msg[400];

	if (db_begin(s->db, msg, sizeof msg) != 0)
		return ops_fail(err, OPS_FAILED, "%s", msg);
	return OPS_OK;
}

enum ops_status
ops_commit(struct ops_session *s, struct ops_error *err)
{
	char msg[400];

	if (db_commit(s->db, msg, sizeof msg) != 0)
		return ops_fail(err, OPS_FAILED, "%s", msg);
	return OPS_OK;
}

void
ops_rollback(struct ops_session *s)
{
	db_rollback(s->db);
}

enum ops_status
ops_new_key(struct ops_session *s, char letter, char *out, size_t outsz,
    struct ops_error *err)
{
	char kind[2] = { letter, '\0' };
	int64_t n;

	if (db_next_number(s->db, kind, &n) != 0)
		return ops_fail(err, OPS_FAILED, _("no new number could be "
		    "taken: %s"), db_errmsg(s->db));
	snprintf(out, outsz, "%s-%c%08lld", s->site, letter, (long long)n);
	return OPS_OK;
}

enum ops_status
ops_audit(struct ops_session *s, const char *action, const char *record,
    const char *old_json, const char *new_json, int policy_used,
    struct ops_error *err)
{
	struct db_audit a;
	char key[64];
	enum ops_status st;

	if ((st = ops_new_key(s, 'A', key, sizeof key, err)) != OPS_OK)
		return st;
	memset(&a, 0, sizeof a);
	a.key = key;
	a.at = s->now;
	a.site = s->site;
	a.operator_login = s->login;
	a.action = action;
	a.record = record;
	a.old_values = old_json;
	a.new_values = new_json;
	if (policy_used && s->policy != NULL) {
		a.policy_id = s->policy->id;
		a.policy_hash = s->policy->text_hash;
	}
	if (db_audit_append(s->db, &a) != 0)
		return ops_fail(err, OPS_FAILED, _("the audit log could not be "
		    "written: %s"), db_errmsg(s->db));
	return OPS_OK;
}
