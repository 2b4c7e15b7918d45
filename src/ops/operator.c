/*
 * operator.c: adding, listing, re-passwording and disabling operators, and
 * choosing the office's policy pack.  Each write is one transaction with its
 * audit line; the audit line never holds a password or its hash.
 */
#include "config.h"

#include "ops/operator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/policy_load.h"
#include "db/operator.h"
#include "db/tx.h"
#include "i18n.h"
#include "io/policy_file.h"
#include "ops/office.h"

/* `s` as a JSON string (quotes included) into buf; UTF-8 passes through. */
static void
json_quote(const char *s, char *buf, size_t bufsz)
{
	size_t o = 0;

	if (bufsz < 3)
		return;
	buf[o++] = '"';
	for (; *s != '\0' && o + 8 < bufsz; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			o += (size_t)snprintf(buf + o, bufsz - o, "\\%c", c);
		else if (c < 0x20)
			o += (size_t)snprintf(buf + o, bufsz - o, "\\u%04x", c);
		else
			buf[o++] = (char)c;
	}
	buf[o++] = '"';
	buf[o] = '\0';
}

/* Finish an op that failed after ops_begin: nothing stays. */
static enum ops_status
undo(struct ops_session *s, enum ops_status st)
{
	ops_rollback(s);
	return st;
}

static enum ops_status
read_failed(struct ops_session *s, struct ops_error *err)
{
	return ops_fail(err, OPS_FAILED, _("operators cannot be read: %s"),
	    db_errmsg(s->db));
}

static enum ops_status
write_failed(struct ops_session *s, struct ops_error *err)
{
	return ops_fail(err, OPS_FAILED, _("the operator could not be saved: "
	    "%s"), db_errmsg(s->db));
}

/* A display name a list can show: not too long, no control characters. */
static enum ops_status
check_name(const char *name, struct ops_error *err)
{
	if (strlen(name) > 96)
		return ops_fail(err, OPS_INVALID, _("the name is too long: at "
		    "most 32 Chinese characters or 96 letters"));
	for (const char *p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return ops_fail(err, OPS_INVALID, _("the name may not "
			    "contain tabs, line breaks or other control "
			    "characters"));
	return OPS_OK;
}

static enum ops_status
check_new_password(const char *password, struct ops_error *err)
{
	if (password == NULL || *password == '\0')
		return ops_fail(err, OPS_INVALID, _("the password is empty: "
		    "give one"));
	return OPS_OK;
}

/* Everything ops_operator_add checks before it touches the database. */
static enum ops_status
check_add(const char *login, const char *name, const char *role,
    const char *password, struct ops_error *err)
{
	enum ops_status st;

	if (!operator_login_valid(login))
		return ops_fail(err, OPS_INVALID, _("the login \"%s\" is not "
		    "valid: 1 to 32 lowercase letters, digits, '.', '_' or "
		    "'-', starting with a letter"), login);
	if (role_from_code(role) == ROLE_NONE)
		return ops_fail(err, OPS_INVALID, _("the role \"%s\" is not "
		    "known: give clerk, supervisor or admin"), role ? role :
		    "");
	if ((st = check_name(name, err)) != OPS_OK)
		return st;
	return check_new_password(password, err);
}

enum ops_status
ops_operator_add(struct ops_session *s, const char *login,
    const char *display_name, const char *role, const char *password,
    struct ops_error *err)
{
	struct db_operator o;
	char name_json[300], json[512];
	enum ops_status st;
	const char *name = display_name && *display_name ? display_name :
	    login;
	int rc;

	if ((st = ops_require(s, ROLE_ADMIN, err)) != OPS_OK)
		return st;
	if ((st = check_add(login, name, role, password, err)) != OPS_OK)
		return st;
	memset(&o, 0, sizeof o);
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.display_name, sizeof o.display_name, "%s", name);
	snprintf(o.role, sizeof o.role, "%s", role);
	snprintf(o.site, sizeof o.site, "%s", s->site);
	snprintf(o.created_at, sizeof o.created_at, "%s", s->now);
	o.active = 1;
	if (ops_password_hash(password, o.password_hash,
	    sizeof o.password_hash) != 0)
		return ops_fail(err, OPS_FAILED, _("the password could not be "
		    "hashed"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	rc = db_operator_insert(s->db, &o);
	explicit_bzero(o.password_hash, sizeof o.password_hash);
	if (rc == 1)
		return undo(s, ops_fail(err, OPS_CONFLICT, _("there is already "
		    "an operator %s: choose another login"), login));
	if (rc != 0)
		return undo(s, write_failed(s, err));
	json_quote(name, name_json, sizeof name_json);
	snprintf(json, sizeof json, "{\"name\":%s,\"role\":\"%s\","
	    "\"active\":true}", name_json, role);
	if ((st = ops_audit(s, "operator.add", login, NULL, json, 0, err)) !=
	    OPS_OK)
		return undo(s, st);
	return ops_commit(s, err);
}

enum ops_status
ops_operator_list(struct ops_session *s, struct operator_info **out, int *n,
    struct ops_error *err)
{
	struct db_operator *rows;
	struct operator_info *v;
	enum ops_status st;

	*out = NULL;
	*n = 0;
	if ((st = ops_require(s, ROLE_ADMIN, err)) != OPS_OK)
		return st;
	if (db_operator_list(s->db, &rows, n) != 0)
		return read_failed(s, err);
	if ((v = calloc(*n > 0 ? (size_t)*n : 1, sizeof *v)) == NULL) {
		free(rows);
		*n = 0;
		return ops_fail(err, OPS_FAILED, _("out of memory"));
	}
	for (int i = 0; i < *n; i++) {
		memcpy(v[i].login, rows[i].login, sizeof v[i].login);
		memcpy(v[i].display_name, rows[i].display_name,
		    sizeof v[i].display_name);
		v[i].role = role_from_code(rows[i].role);
		v[i].active = rows[i].active;
		memcpy(v[i].site, rows[i].site, sizeof v[i].site);
		memcpy(v[i].created_at, rows[i].created_at,
		    sizeof v[i].created_at);
	}
	free(rows);
	*out = v;
	return OPS_OK;
}

enum ops_status
ops_operator_may_passwd(const struct ops_session *s, const char *login,
    struct ops_error *err)
{
	if (s->role != ROLE_ADMIN && strcmp(login, s->login) != 0)
		return ops_fail(err, OPS_DENIED, _("only an administrator can "
		    "set another operator's password; %s is a %s"), s->login,
		    role_label(s->role));
	return OPS_OK;
}

/* Who may set whose password, and with which proof. */
static enum ops_status
check_passwd(struct ops_session *s, const char *login,
    const char *old_password, struct ops_error *err)
{
	struct db_operator o;
	enum ops_status st;
	int rc;

	if ((st = ops_operator_may_passwd(s, login, err)) != OPS_OK)
		return st;
	if ((rc = db_operator_get(s->db, login, &o)) < 0)
		return read_failed(s, err);
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND,
		    _("there is no operator %s"), login);
	if (s->role != ROLE_ADMIN && (old_password == NULL ||
	    !ops_password_check(old_password, o.password_hash)))
		rc = -2;
	explicit_bzero(o.password_hash, sizeof o.password_hash);
	if (rc == -2)
		return ops_fail(err, OPS_AUTH, _("the current password is "
		    "wrong; the password was not changed"));
	return OPS_OK;
}

enum ops_status
ops_operator_passwd(struct ops_session *s, const char *login,
    const char *old_password, const char *new_password,
    struct ops_error *err)
{
	char hash[160];
	enum ops_status st;
	int rc;

	if ((st = ops_operator_may_passwd(s, login, err)) != OPS_OK ||
	    (st = check_new_password(new_password, err)) != OPS_OK)
		return st;
	if (ops_password_hash(new_password, hash, sizeof hash) != 0)
		return ops_fail(err, OPS_FAILED, _("the password could not be "
		    "hashed"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		goto out;
	if ((st = check_passwd(s, login, old_password, err)) != OPS_OK) {
		undo(s, st);
		goto out;
	}
	rc = db_operator_set_password(s->db, login, hash);
	if (rc != 0) {
		st = undo(s, rc == 1 ? ops_fail(err, OPS_NOT_FOUND,
		    _("there is no operator %s"), login) :
		    write_failed(s, err));
		goto out;
	}
	/* The audit says that it changed, never what to. */
	if ((st = ops_audit(s, "operator.passwd", login,
	    "{\"password\":\"set\"}", "{\"password\":\"changed\"}", 0, err)) !=
	    OPS_OK) {
		undo(s, st);
		goto out;
	}
	st = ops_commit(s, err);
out:
	explicit_bzero(hash, sizeof hash);
	return st;
}

/* The rules of disabling, checked inside the transaction: another
 * administrator may be disabling at the same moment. */
static enum ops_status
check_disable(struct ops_session *s, const char *login, struct ops_error *err)
{
	struct db_operator o;
	int rc, admins;

	if (strcmp(login, s->login) == 0)
		return ops_fail(err, OPS_INVALID, _("you cannot disable "
		    "yourself: another administrator must do it"));
	if ((rc = db_operator_get(s->db, login, &o)) < 0)
		return read_failed(s, err);
	explicit_bzero(o.password_hash, sizeof o.password_hash);
	if (rc == 1)
		return ops_fail(err, OPS_NOT_FOUND,
		    _("there is no operator %s"), login);
	if (!o.active)
		return ops_fail(err, OPS_CONFLICT, _("the operator %s is "
		    "already disabled"), login);
	if (strcmp(o.role, "admin") == 0) {
		if ((admins = db_operator_count_active(s->db, "admin")) < 0)
			return read_failed(s, err);
		if (admins <= 1)
			return ops_fail(err, OPS_INVALID, _("%s is the last "
			    "active administrator: add another administrator "
			    "first"), login);
	}
	return OPS_OK;
}

enum ops_status
ops_operator_disable(struct ops_session *s, const char *login,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_ADMIN, err)) != OPS_OK)
		return st;
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((st = check_disable(s, login, err)) != OPS_OK)
		return undo(s, st);
	if (db_operator_set_active(s->db, login, 0) != 0)
		return undo(s, write_failed(s, err));
	if ((st = ops_audit(s, "operator.disable", login, "{\"active\":true}",
	    "{\"active\":false}", 0, err)) != OPS_OK)
		return undo(s, st);
	return ops_commit(s, err);
}

/* Load `id` from the policy directory, or say the first reason it fails. */
static enum ops_status
load_pack(const char *id, struct policy *p, struct ops_error *err)
{
	struct policy_errors *errs;
	const struct policy_error *e;
	enum ops_status st = OPS_OK;

	if (*id == '\0' || policy_is_path(id))
		return ops_fail(err, OPS_INVALID, _("give the id of a pack in "
		    "the policy directory %s (see yibao policy list), not a "
		    "file name"), policy_dir());
	if ((errs = calloc(1, sizeof *errs)) == NULL)
		return ops_fail(err, OPS_FAILED, _("out of memory"));
	if (policy_file_load(id, p, errs) != 0) {
		e = &errs->e[0];
		if (errs->n == 0)
			st = ops_fail(err, OPS_INVALID, _("the policy pack %s "
			    "cannot be loaded; nothing was changed"), id);
		else
			st = ops_fail(err, OPS_INVALID, _("the policy pack %s "
			    "cannot be used, nothing was changed: %s%s%s"), id,
			    e->key, e->key[0] ? ": " : "", e->msg);
	}
	free(errs);
	return st;
}

enum ops_status
ops_policy_use(struct ops_session *s, const char *id,
    struct policy_use_result *res, struct ops_error *err)
{
	const struct policy *keep = s->policy;
	struct policy *p;
	char old[64] = "", old_json[128], new_json[256], q[80];
	enum ops_status st;
	int rc;

	memset(res, 0, sizeof *res);
	if ((st = ops_require(s, ROLE_ADMIN, err)) != OPS_OK)
		return st;
	if ((p = malloc(sizeof *p)) == NULL)
		return ops_fail(err, OPS_FAILED, _("out of memory"));
	if ((st = load_pack(id, p, err)) != OPS_OK)
		goto out;
	snprintf(res->id, sizeof res->id, "%s", p->id);
	snprintf(res->name, sizeof res->name, "%s", p->name);
	if ((st = ops_begin(s, err)) != OPS_OK)
		goto out;
	if ((rc = db_setting_get(s->db, "policy", old, sizeof old)) < 0) {
		st = undo(s, ops_fail(err, OPS_FAILED, _("the office's settings "
		    "cannot be read: %s"), db_errmsg(s->db)));
		goto out;
	}
	if (rc == 0 && strcmp(old, id) == 0) {
		ops_rollback(s);	/* nothing to write */
		goto out;
	}
	if (db_setting_set(s->db, "policy", id) != 0) {
		st = undo(s, ops_fail(err, OPS_FAILED, _("the office's settings "
		    "cannot be saved: %s"), db_errmsg(s->db)));
		goto out;
	}
	if (rc == 0) {
		json_quote(old, q, sizeof q);
		snprintf(old_json, sizeof old_json, "{\"policy\":%s}", q);
	} else
		snprintf(old_json, sizeof old_json, "{\"policy\":null}");
	json_quote(id, q, sizeof q);
	snprintf(new_json, sizeof new_json, "{\"policy\":%s,\"hash\":\"%s\"}",
	    q, p->text_hash);
	/* The audit line names the pack now chosen, with its hash. */
	s->policy = p;
	st = ops_audit(s, "policy.use", id, old_json, new_json, 1, err);
	s->policy = keep;
	if (st != OPS_OK) {
		undo(s, st);
		goto out;
	}
	if ((st = ops_commit(s, err)) == OPS_OK)
		res->changed = 1;
out:
	free(p);
	return st;
}
