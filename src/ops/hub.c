/*
 * hub.c: the centre: offices and their keys, applying their files in
 * order with a ledger, writing each office its file, the quarantine list.
 */
#include "config.h"

#include "ops/hub.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/sync_capture.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/household.h"
#include "ops/office.h"
#include "ops/resident.h"
#include "ops/sync.h"

static enum ops_status
need_hub(struct ops_session *s, enum role role, struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, role, err)) != OPS_OK)
		return st;
	if (!sync_is_hub(s))
		return ops_fail(err, OPS_INVALID, _("this database is not a "
		    "centre: make it one with yibao hub init"));
	return OPS_OK;
}

enum ops_status
ops_hub_init(struct ops_session *s, int *created, char pk[SYNCFILE_PK_HEX + 1],
    struct ops_error *err)
{
	enum ops_status st;
	int64_t sent;
	int made;

	*created = 0;
	if ((st = ops_require(s, ROLE_ADMIN, err)) != OPS_OK)
		return st;
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if (sync_setting_int(s, "sync.sent", &sent) == 0 && sent > 0) {
		st = ops_fail(err, OPS_CONFLICT, _("this database has sent "
		    "files as an office: a centre needs a database of its "
		    "own"));
		goto fail;
	}
	if ((st = ops_sync_key_ensure(s, &made, err)) != OPS_OK)
		goto fail;
	if (!sync_is_hub(s)) {
		if (db_setting_set(s->db, "sync.role", "hub") != 0) {
			st = ops_fail(err, OPS_FAILED, _("the database could "
			    "not be saved: %s"), db_errmsg(s->db));
			goto fail;
		}
		if ((st = ops_audit(s, "hub.init", s->site, NULL, NULL, 0,
		    err)) != OPS_OK)
			goto fail;
		*created = 1;
	}
	if ((st = ops_sync_public_key(s, pk, err)) != OPS_OK)
		goto fail;
	return ops_commit(s, err);
fail:
	ops_rollback(s);
	return st;
}

enum ops_status
ops_hub_add_site(struct ops_session *s, const char *code, const char *pk,
    int *replaced, struct ops_error *err)
{
	struct db_site old;
	enum ops_status st;
	int rc;

	*replaced = 0;
	if ((st = need_hub(s, ROLE_ADMIN, err)) != OPS_OK)
		return st;
	if (code == NULL || !office_code_valid(code))
		return ops_fail(err, OPS_INVALID, _("the office code \"%s\" is "
		    "not valid: 1 to 16 letters and digits"), code ? code : "");
	if (strcmp(code, s->site) == 0)
		return ops_fail(err, OPS_INVALID, _("%s is the centre's own "
		    "code"), code);
	if (!syncfile_pk_valid(pk))
		return ops_fail(err, OPS_INVALID, _("the key \"%s\" is not a "
		    "public key: 64 hexadecimal digits, as yibao sync key "
		    "prints it"), pk ? pk : "");
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((rc = db_site_get(s->db, code, &old)) < 0)
		goto failed;
	if (rc == 0 && strcmp(old.public_key, pk) == 0) {
		ops_rollback(s);
		return OPS_OK;
	}
	*replaced = rc == 0;
	if (db_site_put(s->db, code, pk, s->now) != 0)
		goto failed;
	if ((st = ops_audit(s, *replaced ? "hub.site_key" : "hub.add_site",
	    code, NULL, NULL, 0, err)) != OPS_OK) {
		ops_rollback(s);
		return st;
	}
	return ops_commit(s, err);
failed:
	ops_rollback(s);
	return ops_fail(err, OPS_FAILED, _("the office could not be saved: %s"),
	    db_errmsg(s->db));
}

enum ops_status
ops_hub_apply(struct ops_session *s, const char *path,
    struct hub_apply_result *res, struct ops_error *err)
{
	struct syncfile h;
	struct syncfile_part part;
	struct db_site site;
	struct db_ledger l;
	struct db_apply_result ar;
	unsigned char *buf = NULL;
	size_t n, off = 0;
	char hash[65], msg[400];
	int64_t last;
	enum ops_status st;
	int rc;

	memset(res, 0, sizeof *res);
	if ((st = need_hub(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if ((st = sync_file_read(path, &buf, &n, &h, err)) != OPS_OK)
		return st;
	snprintf(res->site, sizeof res->site, "%s", h.from);
	res->seq = h.seq;
	if (h.kind != SYNCFILE_OFFICE) {
		st = ops_fail(err, OPS_INVALID, _("%s is a centre's file for "
		    "office %s (yibao sync apply), not an office's"), path,
		    h.to);
		goto out;
	}
	if ((rc = db_site_get(s->db, h.from, &site)) != 0) {
		st = rc < 0 ? ops_fail(err, OPS_FAILED, _("the database cannot "
		    "be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_INVALID, _("%s comes from office %s, "
		    "which this centre does not know (yibao hub add-site): "
		    "refused"), path, h.from);
		goto out;
	}
	if ((st = sync_file_verify(path, buf, site.public_key, err)) !=
	    OPS_OK)
		goto out;
	if (strcmp(h.to, s->site) != 0) {
		st = ops_fail(err, OPS_INVALID, _("%s is for the centre %s, not "
		    "this one (%s): refused"), path, h.to, s->site);
		goto out;
	}
	if ((st = sync_file_schema_check(path, &h, err)) != OPS_OK)
		goto out;
	/* An office's file is one changeset, numbered as the file. */
	if (syncfile_part_next(h.payload, (size_t)h.length, &off, &part) != 1
	    || part.seq != h.seq || off != (size_t)h.length) {
		st = ops_fail(err, OPS_INVALID, _("%s has a damaged list of "
		    "changes: nothing was applied"), path);
		goto out;
	}
	syncfile_sha256_hex(h.payload, (size_t)h.length, hash);
	/* Locked; what this application changes is logged as the office's. */
	if ((st = ops_begin(s, err)) != OPS_OK)
		goto out;
	db_capture_origin(s->db, h.from);
	if ((rc = db_ledger_get(s->db, "in", h.from, h.seq, &l)) < 0 ||
	    db_site_get(s->db, h.from, &site) != 0 ||
	    db_outbox_last(s->db, &last) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the database cannot be read: "
		    "%s"), db_errmsg(s->db));
		goto rollback;
	}
	if (rc == 0 && strcmp(l.hash, hash) == 0) {
		res->skipped = 1;
		ops_rollback(s);
		goto out;
	}
	if (rc == 0) {
		st = ops_fail(err, OPS_INVALID, _("office %s's file %" PRId64
		    " was applied already with other contents (%.12s, now "
		    "%.12s): refused"), h.from, h.seq, l.hash, hash);
		goto rollback;
	}
	if (h.seq != site.last_seq + 1) {
		st = ops_fail(err, OPS_INVALID, _("%s is office %s's file %"
		    PRId64 ", but the next one to apply is %" PRId64 ": "
		    "refused, apply the files in order"), path, h.from, h.seq,
		    site.last_seq + 1);
		goto rollback;
	}
	if (h.base > last) {
		st = ops_fail(err, OPS_INVALID, _("%s acknowledges the centre's "
		    "change %" PRId64 ", but the centre has only %" PRId64
		    ": refused"), path, h.base, last);
		goto rollback;
	}
	memset(&ar, 0, sizeof ar);
	if (db_changeset_apply(s->db, part.data, (int)part.len, DB_APPLY_HUB,
	    h.from, h.seq, s->now, &ar, msg, sizeof msg) != 0) {
		st = ops_fail(err, OPS_INVALID, _("%s: %s; nothing was "
		    "applied"), path, msg);
		goto rollback;
	}
	memset(&l, 0, sizeof l);
	snprintf(l.direction, sizeof l.direction, "in");
	snprintf(l.site, sizeof l.site, "%s", h.from);
	l.seq = h.seq;
	l.base = h.base;
	snprintf(l.hash, sizeof l.hash, "%s", hash);
	snprintf(l.at, sizeof l.at, "%s", s->now);
	snprintf(l.operator_login, sizeof l.operator_login, "%s", s->login);
	if (db_ledger_add(s->db, &l) != 0 ||
	    db_site_advance(s->db, h.from, h.seq, h.base) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the file could not be "
		    "recorded as applied: %s"), db_errmsg(s->db));
		goto rollback;
	}
	res->changes = ar.changes;
	res->conflicts = ar.conflicts;
	res->omitted = ar.omitted;
	if ((st = ops_commit(s, err)) == OPS_OK &&
	    db_outbox_last(s->db, &res->hub_seq) == 0 && res->hub_seq == last)
		res->hub_seq = 0;
	goto out;
rollback:
	ops_rollback(s);
out:
	free(buf);
	return st;
}

struct parts_ctx {
	struct syncfile_payload *p;
	int n;
};

static int
add_part(void *ctx, int64_t seq, const char *origin, const void *cs, int len)
{
	struct parts_ctx *c = ctx;

	(void)origin;
	c->n++;
	return syncfile_payload_add(c->p, seq, cs, (size_t)len);
}

enum ops_status
ops_hub_export(struct ops_session *s, const char *code, int64_t from,
    const char *path, struct hub_export_result *res, struct ops_error *err)
{
	struct syncfile h;
	struct syncfile_payload p = { 0 };
	struct parts_ctx pc = { &p, 0 };
	struct db_site site;
	struct db_ledger l;
	char sk[SYNCFILE_SK_HEX + 1];
	struct syncfile_piece piece;
	int64_t upto;
	enum ops_status st;
	int rc;

	memset(res, 0, sizeof *res);
	if ((st = need_hub(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	db_capture_off(s->db);
	if ((rc = db_site_get(s->db, code, &site)) != 0) {
		st = rc < 0 ? ops_fail(err, OPS_FAILED, _("the database cannot "
		    "be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_NOT_FOUND, _("this centre does not know "
		    "office %s (yibao hub add-site)"), code);
		goto out;
	}
	if (db_outbox_last(s->db, &upto) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the database cannot be read: "
		    "%s"), db_errmsg(s->db));
		goto out;
	}
	if (from < 0)
		from = site.acked;
	if (from > upto) {
		st = ops_fail(err, OPS_INVALID, _("the centre's log ends at %"
		    PRId64 ": there is nothing after %" PRId64), upto, from);
		goto out;
	}
	/*
	 * The office's own work goes back too, as the hub applied it: an
	 * entry of another office that came before it at the hub but after
	 * it at the office must not have the last word there.
	 */
	if (db_outbox_each(s->db, from, upto, NULL, add_part, &pc) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the centre's log could not be "
		    "read: %s"), db_errmsg(s->db));
		goto out;
	}
	memset(&h, 0, sizeof h);
	h.kind = SYNCFILE_HUB;
	h.schema = db_schema_latest();
	snprintf(h.from, sizeof h.from, "%s", s->site);
	snprintf(h.to, sizeof h.to, "%s", code);
	h.seq = upto;
	h.base = from;
	piece.data = p.buf;
	piece.len = p.len;
	if (db_setting_get(s->db, "sync.secret_key", sk, sizeof sk) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the file could not be "
		    "signed"));
		goto out;
	}
	if ((st = sync_file_write(path, &h, &piece, 1, sk, err)) != OPS_OK)
		goto out;
	memset(&l, 0, sizeof l);
	snprintf(l.direction, sizeof l.direction, "out");
	snprintf(l.site, sizeof l.site, "%s", code);
	l.seq = upto;
	l.base = from;
	syncfile_hex32(h.sha256, l.hash);
	snprintf(l.at, sizeof l.at, "%s", s->now);
	snprintf(l.operator_login, sizeof l.operator_login, "%s", s->login);
	if (db_ledger_add(s->db, &l) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the export could not be "
		    "recorded: %s"), db_errmsg(s->db));
		unlink(path);
		goto out;
	}
	res->base = from;
	res->seq = upto;
	res->parts = pc.n;
	res->bytes = SYNCFILE_HEADER + h.length;
	if ((st = ops_commit(s, err)) != OPS_OK)
		unlink(path);
	goto done;
out:
	ops_rollback(s);
done:
	explicit_bzero(sk, sizeof sk);
	syncfile_payload_free(&p);
	return st;
}

enum ops_status
ops_hub_conflicts(struct ops_session *s, int all, db_quarantine_fn *fn,
    void *ctx, struct ops_error *err)
{
	enum ops_status st;

	if ((st = need_hub(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (db_quarantine_each(s->db, all, fn, ctx) != 0)
		return ops_fail(err, OPS_FAILED, _("the database cannot be "
		    "read: %s"), db_errmsg(s->db));
	return OPS_OK;
}

enum ops_status
ops_hub_sites(struct ops_session *s, db_site_fn *fn, void *ctx,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = need_hub(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (db_site_each(s->db, fn, ctx) != 0)
		return ops_fail(err, OPS_FAILED, _("the database cannot be "
		    "read: %s"), db_errmsg(s->db));
	return OPS_OK;
}

/*
 * A membership set aside (a person put in households at two offices): the
 * person moves into its household, as a move at the hub that travels.
 */
static enum ops_status
take_home(struct ops_session *s, const struct db_quarantine *q,
    struct ops_error *err)
{
	static const char *const member[] = { "id_number", "household",
	    "relation" };
	char v[3][64];

	for (int i = 0; i < 3; i++) {
		int rc = db_json_text(s->db, q->other, member[i], v[i],
		    sizeof v[i]);

		if (rc < 0)
			return ops_fail(err, OPS_FAILED, _("the database cannot "
			    "be read: %s"), db_errmsg(s->db));
		if (rc != 0)
			return ops_fail(err, OPS_INVALID, _("entry %" PRId64
			    " is not a person's household: only --keep centre "
			    "closes it"), q->id);
	}
	return ops_household_rejoin_in_tx(s, v[0], v[1], v[2], err);
}

/* The details of the version set aside, as an edit of the resident. */
static enum ops_status
take_other(struct ops_session *s, const struct db_quarantine *q,
    struct ops_error *err)
{
	static const char *const member[] = { "name", "residence",
	    "insured_category", "village", "phone" };
	char v[5][256];
	const char *p[5];
	struct resident_change c;
	int changed;

	if (strcmp(q->tbl, "household_member") == 0 && q->other != NULL)
		return take_home(s, q, err);
	if (strcmp(q->tbl, "resident") != 0 || q->other == NULL)
		return ops_fail(err, OPS_INVALID, _("entry %" PRId64 " is not "
		    "a resident's details: only --keep centre closes it"),
		    q->id);
	for (int i = 0; i < 5; i++) {
		int rc = db_json_text(s->db, q->other, member[i], v[i],
		    sizeof v[i]);

		if (rc < 0)
			return ops_fail(err, OPS_FAILED, _("the database cannot "
			    "be read: %s"), db_errmsg(s->db));
		p[i] = rc == 0 ? v[i] : NULL;
	}
	c.name = p[0];
	c.residence = p[1];
	c.insured = p[2];
	c.village = p[3];
	c.phone = p[4];
	return ops_resident_edit_in_tx(s, q->record, &c, &changed, err);
}

enum ops_status
ops_hub_resolve(struct ops_session *s, int64_t id, enum hub_keep keep,
    const char *note, struct ops_error *err)
{
	struct db_quarantine q;
	char rec[32], json[512];
	enum ops_status st;
	int rc;

	if ((st = need_hub(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if ((rc = db_quarantine_get(s->db, id, &q)) != 0) {
		ops_rollback(s);
		return rc < 0 ? ops_fail(err, OPS_FAILED, _("the database cannot "
		    "be read: %s"), db_errmsg(s->db)) :
		    ops_fail(err, OPS_NOT_FOUND, _("there is no entry %" PRId64
		    " in the quarantine list"), id);
	}
	if (strcmp(q.status, "open") != 0) {
		st = ops_fail(err, OPS_CONFLICT, _("entry %" PRId64 " was "
		    "closed already by %s at %s"), id, q.resolved_by,
		    q.resolved_at);
		goto fail;
	}
	if (keep == HUB_KEEP_OTHER && (st = take_other(s, &q, err)) != OPS_OK)
		goto fail;
	snprintf(rec, sizeof rec, "%" PRId64, id);
	snprintf(json, sizeof json, "{\"table\":\"%s\",\"record\":\"%s\","
	    "\"kept\":\"%s\"}", q.tbl, q.record, keep == HUB_KEEP_OTHER ?
	    "other" : "centre");
	if (db_quarantine_resolve(s->db, id, s->login, s->now,
	    note != NULL && *note ? note : keep == HUB_KEEP_OTHER ? "other" :
	    "centre") != 0) {
		st = ops_fail(err, OPS_FAILED, _("the quarantine list could not "
		    "be written: %s"), db_errmsg(s->db));
		goto fail;
	}
	if ((st = ops_audit(s, "hub.resolve", rec, NULL, json, 0, err)) !=
	    OPS_OK)
		goto fail;
	db_quarantine_clear(&q);
	return ops_commit(s, err);
fail:
	db_quarantine_clear(&q);
	ops_rollback(s);
	return st;
}
