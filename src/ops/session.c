/*
 * session.c: open and close the session of the terminal interface, so that
 * it never touches db/ itself (DESIGN.md: tui/ calls ops/ only).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/tx.h"
#include "i18n.h"
#include "io/policy_file.h"
#include "ops/session.h"

void
ops_session_clock(struct ops_session *s)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(s->now, sizeof s->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The pack's first error as one sentence. */
static enum ops_status
pack_failed(const char *pack, const struct policy_errors *errs,
    struct ops_error *err)
{
	const struct policy_error *e;

	if (errs->n == 0)
		return ops_fail(err, OPS_INVALID, _("cannot load the policy "
		    "pack %s"), pack);
	e = &errs->e[0];
	return ops_fail(err, OPS_INVALID, _("the office's policy pack %s "
	    "cannot be loaded: %s:%d: %s%s%s"), pack, e->file, (int)e->line,
	    e->key, e->key[0] ? ": " : "", e->msg);
}

enum ops_status
ops_session_open(struct ops_session *s, const char *path, struct date today,
    struct ops_error *err)
{
	struct policy_errors *errs = NULL;
	struct policy *pol = NULL;
	enum db_status dst;
	char msg[512], pack[128];
	enum ops_status st;

	memset(s, 0, sizeof *s);
	s->today = today;
	ops_session_clock(s);
	if ((dst = db_open(path, 0, &s->db, msg, sizeof msg)) != DB_OK)
		return ops_fail(err, dst == DB_MISSING ? OPS_NOT_FOUND :
		    dst == DB_FAILED ? OPS_FAILED : OPS_INVALID, "%s", msg);
	if (db_setting_get(s->db, "site", s->site, sizeof s->site) != 0) {
		st = ops_fail(err, OPS_INVALID, _("this database has no office "
		    "code: run yibao init --site CODE"));
		goto fail;
	}
	switch (db_setting_get(s->db, "policy", pack, sizeof pack)) {
	case 1:
		return OPS_OK;	/* no pack chosen yet: payments say so */
	case 0:
		break;
	default:
		st = ops_fail(err, OPS_FAILED, _("the office's settings cannot "
		    "be read: %s"), db_errmsg(s->db));
		goto fail;
	}
	if ((pol = calloc(1, sizeof *pol)) == NULL ||
	    (errs = calloc(1, sizeof *errs)) == NULL) {
		st = ops_fail(err, OPS_FAILED, _("out of memory"));
		goto fail;
	}
	if (policy_file_load(pack, pol, errs) != 0) {
		st = pack_failed(pack, errs, err);
		goto fail;
	}
	free(errs);
	s->policy = pol;
	return OPS_OK;
fail:
	free(errs);
	free(pol);
	db_close(s->db);
	s->db = NULL;
	return st;
}

void
ops_session_logout(struct ops_session *s)
{
	explicit_bzero(s->login, sizeof s->login);
	explicit_bzero(s->display_name, sizeof s->display_name);
	s->role = ROLE_NONE;
}

void
ops_session_close(struct ops_session *s)
{
	free((struct policy *)s->policy);
	s->policy = NULL;
	db_close(s->db);
	s->db = NULL;
}
