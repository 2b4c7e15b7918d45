/* office.c: the office code and the first administrator. */
#include "config.h"

#include "ops/office.h"

#include <stdio.h>
#include <string.h>

#include "db/operator.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/sync.h"

int
office_code_valid(const char *code)
{
	size_t n = strlen(code);

	if (n == 0 || n > 16)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((code[i] >= '0' && code[i] <= '9') ||
		    (code[i] >= 'A' && code[i] <= 'Z') ||
		    (code[i] >= 'a' && code[i] <= 'z')))
			return 0;
	return 1;
}

int
operator_login_valid(const char *login)
{
	size_t n = strlen(login);

	if (n == 0 || n > 32 || !(login[0] >= 'a' && login[0] <= 'z'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((login[i] >= 'a' && login[i] <= 'z') ||
		    (login[i] >= '0' && login[i] <= '9') || login[i] == '.' ||
		    login[i] == '_' || login[i] == '-'))
			return 0;
	return 1;
}

static enum ops_status
set_site(struct ops_session *s, const char *site, int *set,
    struct ops_error *err)
{
	char old[64];
	int rc = db_setting_get(s->db, "site", old, sizeof old);

	if (rc == 0 && strcmp(old, site) != 0)
		return ops_fail(err, OPS_CONFLICT, _("this office's code is "
		    "already %s: it cannot change, because every record "
		    "carries it"), old);
	if (rc == 0)
		return OPS_OK;
	if (rc < 0 || db_setting_set(s->db, "site", site) != 0)
		return ops_fail(err, OPS_FAILED, _("the office code could not "
		    "be saved: %s"), db_errmsg(s->db));
	snprintf(s->site, sizeof s->site, "%s", site);
	*set = 1;
	return OPS_OK;
}

static enum ops_status
create_admin(struct ops_session *s, const char *login, const char *name,
    const char *password, struct ops_error *err)
{
	struct db_operator o;
	char json[512];

	memset(&o, 0, sizeof o);
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.display_name, sizeof o.display_name, "%s",
	    name && *name ? name : login);
	snprintf(o.role, sizeof o.role, "admin");
	snprintf(o.site, sizeof o.site, "%s", s->site);
	snprintf(o.created_at, sizeof o.created_at, "%s", s->now);
	o.active = 1;
	if (ops_password_hash(password, o.password_hash,
	    sizeof o.password_hash) != 0)
		return ops_fail(err, OPS_FAILED, _("the password could not be "
		    "hashed"));
	if (db_operator_insert(s->db, &o) != 0)
		return ops_fail(err, OPS_FAILED, _("the operator could not be "
		    "saved: %s"), db_errmsg(s->db));
	/* The new administrator is the author of its own creation. */
	snprintf(s->login, sizeof s->login, "%s", login);
	s->role = ROLE_ADMIN;
	snprintf(json, sizeof json, "{\"role\":\"admin\"}");
	return ops_audit(s, "operator.add", login, NULL, json, 0, err);
}

enum ops_status
ops_office_check(const char *site, const char *admin_login,
    struct ops_error *err)
{
	if (site != NULL && !office_code_valid(site))
		return ops_fail(err, OPS_INVALID, _("the office code \"%s\" is "
		    "not valid: 1 to 16 letters and digits"), site);
	if (admin_login != NULL && !operator_login_valid(admin_login))
		return ops_fail(err, OPS_INVALID, _("the login \"%s\" is not "
		    "valid: 1 to 32 lowercase letters, digits, '.', '_' or "
		    "'-', starting with a letter"), admin_login);
	return OPS_OK;
}

enum ops_status
ops_office_init(struct ops_session *s, const char *site,
    const char *admin_login, const char *admin_name, const char *password,
    struct office_init_result *res, struct ops_error *err)
{
	enum ops_status st;
	int count;

	memset(res, 0, sizeof *res);
	if ((st = ops_office_check(site, admin_login, err)) != OPS_OK)
		return st;
	if (admin_login != NULL && (password == NULL || *password == '\0'))
		return ops_fail(err, OPS_INVALID, _("the administrator needs a "
		    "password"));
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if (site != NULL && (st = set_site(s, site, &res->site_set, err)) !=
	    OPS_OK)
		goto fail;
	if (db_setting_get(s->db, "site", s->site, sizeof s->site) != 0)
		s->site[0] = '\0';
	if (admin_login != NULL && (count = db_operator_count(s->db)) == 0) {
		if (s->site[0] == '\0') {
			st = ops_fail(err, OPS_INVALID, _("set the office code "
			    "(--site) before the first administrator"));
			goto fail;
		}
		if ((st = create_admin(s, admin_login, admin_name, password,
		    err)) != OPS_OK)
			goto fail;
		res->admin_created = 1;
	}
	/* Every office signs its night-sync files with a key of its own. */
	if (s->site[0] != '\0' && (st = ops_sync_key_ensure(s,
	    &res->key_created, err)) != OPS_OK)
		goto fail;
	return ops_commit(s, err);
fail:
	ops_rollback(s);
	return st;
}
