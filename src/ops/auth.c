/* auth.c: passwords (yescrypt through libcrypt) and logging in. */
#include "config.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/operator.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/ops.h"

int
ops_password_hash(const char *password, char *out, size_t outsz)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd;
	const char *h;
	int rc = -1;

	/* "$y$": yescrypt, libcrypt's default cost; the salt from the OS. */
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
		return -1;
	if ((cd = calloc(1, sizeof *cd)) == NULL)
		return -1;
	h = crypt_r(password, salt, cd);
	if (h != NULL && h[0] == '$' && strlen(h) < outsz) {
		memcpy(out, h, strlen(h) + 1);
		rc = 0;
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return rc;
}

int
ops_password_check(const char *password, const char *hash)
{
	struct crypt_data *cd;
	const char *h;
	int ok;

	if (hash == NULL || hash[0] != '$' || (cd = calloc(1, sizeof *cd)) ==
	    NULL)
		return 0;
	h = crypt_r(password, hash, cd);
	ok = h != NULL && h[0] == '$' && strcmp(h, hash) == 0;
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}

enum ops_status
ops_login(struct ops_session *s, const char *login, const char *password,
    struct ops_error *err)
{
	struct db_operator o;
	int rc = db_operator_get(s->db, login, &o);

	if (rc < 0)
		return ops_fail(err, OPS_FAILED, _("operators cannot be read: "
		    "%s"), db_errmsg(s->db));
	/* The same words whether the login or the password is wrong. */
	if (rc == 1 || !ops_password_check(password, o.password_hash))
		return ops_fail(err, OPS_AUTH, _("unknown operator or wrong "
		    "password"));
	if (!o.active)
		return ops_fail(err, OPS_AUTH, _("the operator %s is disabled"),
		    login);
	snprintf(s->login, sizeof s->login, "%s", o.login);
	snprintf(s->display_name, sizeof s->display_name, "%s",
	    o.display_name);
	s->role = role_from_code(o.role);
	return OPS_OK;
}
