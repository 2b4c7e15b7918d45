/* policy_pack.c: the packs to choose from, and the session's pack again. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/policy_load.h"
#include "db/tx.h"
#include "i18n.h"
#include "io/policy_file.h"
#include "ops/policy_pack.h"

enum ops_status
ops_policy_packs(struct policy_pack_info **out, int *n, struct ops_error *err)
{
	char **ids = policy_file_list();
	struct policy_errors *errs = calloc(1, sizeof *errs);
	struct policy *p = malloc(sizeof *p);
	struct policy_pack_info *v = NULL;
	int count = 0;
	enum ops_status st = OPS_OK;

	*out = NULL;
	*n = 0;
	if (ids == NULL) {
		st = ops_fail(err, OPS_FAILED, _("cannot read the policy "
		    "directory %s"), policy_dir());
		goto out;
	}
	for (char **id = ids; *id != NULL; id++)
		count++;
	if (p == NULL || errs == NULL || (v = calloc((size_t)count + 1,
	    sizeof *v)) == NULL) {
		st = ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
		goto out;
	}
	for (int i = 0; i < count; i++) {
		struct policy_pack_info *k = &v[i];

		snprintf(k->id, sizeof k->id, "%s", ids[i]);
		memset(errs, 0, sizeof *errs);
		if (policy_file_load(ids[i], p, errs) != 0) {
			const struct policy_error *e = &errs->e[0];

			if (errs->n > 0)
				snprintf(k->error, sizeof k->error, "%s%s%s",
				    e->key, e->key[0] ? ": " : "", e->msg);
			else
				snprintf(k->error, sizeof k->error, "%s",
				    _("it cannot be loaded"));
			continue;
		}
		k->loadable = 1;
		snprintf(k->name, sizeof k->name, "%s", p->name);
		k->year = (int)p->benefit_year.v;
		k->illustrative = p->illustrative;
	}
	*out = v;
	*n = count;
	v = NULL;
out:
	free(v);
	free(p);
	free(errs);
	if (ids != NULL)
		policy_file_list_free(ids);
	return st;
}

enum ops_status
ops_session_policy_reload(struct ops_session *s, struct ops_error *err)
{
	struct policy_errors *errs = NULL;
	struct policy *p = NULL;
	char pack[128];
	enum ops_status st;

	switch (db_setting_get(s->db, "policy", pack, sizeof pack)) {
	case 0:
		break;
	case 1:
		return ops_fail(err, OPS_NOT_FOUND, "%s", _("this office has "
		    "no policy pack yet"));
	default:
		return ops_fail(err, OPS_FAILED, _("the office's settings "
		    "cannot be read: %s"), db_errmsg(s->db));
	}
	if ((p = calloc(1, sizeof *p)) == NULL ||
	    (errs = calloc(1, sizeof *errs)) == NULL) {
		st = ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
		goto fail;
	}
	if (policy_file_load(pack, p, errs) != 0) {
		st = ops_fail(err, OPS_INVALID, _("the office's policy pack %s "
		    "cannot be loaded"), pack);
		goto fail;
	}
	free(errs);
	free((struct policy *)s->policy);
	s->policy = p;
	return OPS_OK;
fail:
	free(errs);
	free(p);
	return st;
}
