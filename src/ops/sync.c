/*
 * sync.c: the office's night sync.  The changes of each op are captured at
 * its commit (db/sync_capture.c); export combines those since the last
 * file into one changeset, signs it and writes it; apply checks the hub's
 * file whole (length, hash, signature, sequence, schema) before SQLite
 * reads a byte of it, then applies it in one transaction with the rule
 * that the hub's version wins.
 */
#include "config.h"

#include "ops/sync.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/sync.h"
#include "db/sync_capture.h"
#include "db/tx.h"
#include "i18n.h"
#include "ops/office.h"

int
sync_setting_int(struct ops_session *s, const char *key, int64_t *out)
{
	char buf[32];
	int rc = db_setting_get(s->db, key, buf, sizeof buf);

	*out = rc == 0 ? strtoll(buf, NULL, 10) : 0;
	return rc < 0 ? -1 : 0;
}

int
sync_setting_set_int(struct ops_session *s, const char *key, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	return db_setting_set(s->db, key, buf);
}

int
sync_is_hub(struct ops_session *s)
{
	char buf[8];

	return db_setting_get(s->db, "sync.role", buf, sizeof buf) == 0 &&
	    strcmp(buf, "hub") == 0;
}

enum ops_status
ops_sync_key_ensure(struct ops_session *s, int *created,
    struct ops_error *err)
{
	char pk[SYNCFILE_PK_HEX + 1], sk[SYNCFILE_SK_HEX + 1];
	int rc;

	*created = 0;
	if ((rc = db_setting_get(s->db, "sync.public_key", pk, sizeof pk)) == 0)
		return OPS_OK;
	if (rc < 0 || syncfile_keypair(pk, sk) != 0)
		return ops_fail(err, OPS_FAILED, _("the office's signing key "
		    "could not be made"));
	/*
	 * The secret key lives in the database, which is 0600: a backup
	 * restores the office with its key and its sequence numbers together.
	 */
	rc = db_setting_set(s->db, "sync.secret_key", sk) != 0 ||
	    db_setting_set(s->db, "sync.public_key", pk) != 0;
	explicit_bzero(sk, sizeof sk);
	if (rc)
		return ops_fail(err, OPS_FAILED, _("the office's signing key "
		    "could not be saved: %s"), db_errmsg(s->db));
	*created = 1;
	return OPS_OK;
}

enum ops_status
ops_sync_public_key(struct ops_session *s, char pk[SYNCFILE_PK_HEX + 1],
    struct ops_error *err)
{
	if (db_setting_get(s->db, "sync.public_key", pk,
	    SYNCFILE_PK_HEX + 1) != 0)
		return ops_fail(err, OPS_NOT_FOUND, _("this database has no "
		    "signing key yet: run yibao init"));
	return OPS_OK;
}

enum ops_status
ops_sync_trust_hub(struct ops_session *s, const char *code, const char *pk,
    struct ops_error *err)
{
	enum ops_status st;

	if ((st = ops_require(s, ROLE_ADMIN, err)) != OPS_OK)
		return st;
	if (code == NULL || !office_code_valid(code))
		return ops_fail(err, OPS_INVALID, _("the centre's code \"%s\" is "
		    "not valid: 1 to 16 letters and digits"), code ? code : "");
	if (!syncfile_pk_valid(pk))
		return ops_fail(err, OPS_INVALID, _("the key \"%s\" is not a "
		    "public key: 64 hexadecimal digits, as yibao hub init "
		    "prints it"), pk ? pk : "");
	if (strcmp(code, s->site) == 0)
		return ops_fail(err, OPS_INVALID, _("the centre's code must "
		    "differ from this office's (%s)"), s->site);
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	if (db_setting_set(s->db, "sync.hub", code) != 0 ||
	    db_setting_set(s->db, "sync.hub_key", pk) != 0 ||
	    ops_audit(s, "sync.trust_hub", code, NULL, NULL, 0, err) !=
	    OPS_OK) {
		ops_rollback(s);
		return ops_fail(err, OPS_FAILED, _("the centre's key could not "
		    "be saved: %s"), db_errmsg(s->db));
	}
	return ops_commit(s, err);
}

enum ops_status
ops_sync_status(struct ops_session *s, struct sync_status *out,
    struct ops_error *err)
{
	int64_t upto = 0, last = 0;

	memset(out, 0, sizeof *out);
	out->is_hub = sync_is_hub(s);
	if (db_setting_get(s->db, "sync.hub", out->hub, sizeof out->hub) != 0)
		out->hub[0] = '\0';
	if (db_setting_get(s->db, "sync.public_key", out->public_key,
	    sizeof out->public_key) != 0)
		out->public_key[0] = '\0';
	if (sync_setting_int(s, "sync.sent", &out->sent) != 0 ||
	    sync_setting_int(s, "sync.outbox_upto", &upto) != 0 ||
	    sync_setting_int(s, "sync.hub_applied", &out->hub_applied) != 0 ||
	    db_outbox_last(s->db, &last) != 0)
		return ops_fail(err, OPS_FAILED, _("the database cannot be "
		    "read: %s"), db_errmsg(s->db));
	out->pending = last - upto;
	return OPS_OK;
}

enum ops_status
sync_file_read(const char *path, unsigned char **buf, size_t *n,
    struct syncfile *h, struct ops_error *err)
{
	enum syncfile_status st;

	*buf = NULL;
	if (syncfile_read(path, buf, n) != SYNCFILE_OK)
		return ops_fail(err, OPS_INVALID, _("cannot read %s: %s"), path,
		    strerror(errno));
	switch ((st = syncfile_parse(*buf, *n, h))) {
	case SYNCFILE_OK:
		return OPS_OK;
	case SYNCFILE_NOT_SYNC:
		ops_fail(err, OPS_INVALID, _("%s is not a yibao sync file"),
		    path);
		break;
	case SYNCFILE_FORMAT_NEW:
		ops_fail(err, OPS_INVALID, _("%s was written by a newer "
		    "version of yibao (another file format): use the newer "
		    "program"), path);
		break;
	case SYNCFILE_SHORT:
		ops_fail(err, OPS_INVALID, _("%s is truncated (%zu bytes, "
		    "fewer than its header says): nothing was applied; copy "
		    "the file again"), path, *n);
		break;
	case SYNCFILE_LONG:
		ops_fail(err, OPS_INVALID, _("%s has bytes after its end: "
		    "nothing was applied; copy the file again"), path);
		break;
	case SYNCFILE_HASH:
		ops_fail(err, OPS_INVALID, _("%s is damaged (its SHA-256 does "
		    "not match): nothing was applied; copy the file again"),
		    path);
		break;
	default:
		ops_fail(err, OPS_INVALID, _("%s has a damaged header: "
		    "nothing was applied"), path);
		break;
	}
	(void)st;
	free(*buf);
	*buf = NULL;
	return OPS_INVALID;
}

enum ops_status
sync_file_verify(const char *path, const unsigned char *buf, const char *pk,
    struct ops_error *err)
{
	if (syncfile_verify(buf, pk) != SYNCFILE_OK)
		return ops_fail(err, OPS_INVALID, _("%s is not signed by the "
		    "key of its sender (the office or centre it names): "
		    "refused, nothing was applied"), path);
	return OPS_OK;
}

enum ops_status
sync_file_schema_check(const char *path, const struct syncfile *h,
    struct ops_error *err)
{
	if (h->schema > db_schema_latest())
		return ops_fail(err, OPS_INVALID, _("%s was written with schema "
		    "version %d; this program knows up to %d: update yibao "
		    "first, nothing was applied"), path, h->schema,
		    db_schema_latest());
	return OPS_OK;
}

enum ops_status
sync_file_write(const char *path, struct syncfile *h,
    const struct syncfile_piece *piece, size_t n, const char *sk,
    struct ops_error *err)
{
	switch (syncfile_write_sealed(path, h, piece, n, sk)) {
	case SYNCFILE_OK:
		return OPS_OK;
	case SYNCFILE_IO:
		return ops_fail(err, OPS_INVALID, _("cannot write %s: %s"),
		    path, strerror(errno));
	default:
		return ops_fail(err, OPS_FAILED, _("the file could not be "
		    "signed"));
	}
}

/* The secret key, for the time of one signature. */
static enum ops_status
secret_key(struct ops_session *s, char sk[SYNCFILE_SK_HEX + 1],
    struct ops_error *err)
{
	if (db_setting_get(s->db, "sync.secret_key", sk,
	    SYNCFILE_SK_HEX + 1) != 0)
		return ops_fail(err, OPS_INVALID, _("this database has no "
		    "signing key yet: run yibao init"));
	return OPS_OK;
}

/* Rows in a changeset, for the clerk's summary. */
static long
count_changes(struct db *db, const void *cs, int len)
{
	char msg[256];
	long n = 0;

	if (db_changeset_check(db, cs, len, &n, msg, sizeof msg) != 0)
		return -1;
	return n;
}

enum ops_status
ops_sync_export(struct ops_session *s, const char *path, int64_t again,
    struct sync_export_result *res, struct ops_error *err)
{
	struct syncfile h;
	struct db_ledger l;
	char sk[SYNCFILE_SK_HEX + 1], hub[17];
	unsigned char head[16];
	struct syncfile_piece piece[2];
	void *cs = NULL;
	int cslen = 0;
	int64_t from, upto, sent, applied;
	enum ops_status st;

	memset(res, 0, sizeof *res);
	if ((st = ops_require(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (sync_is_hub(s))
		return ops_fail(err, OPS_INVALID, _("this database is a centre: "
		    "use yibao hub export --site CODE"));
	if (db_setting_get(s->db, "sync.hub", hub, sizeof hub) != 0)
		return ops_fail(err, OPS_INVALID, _("this office does not know "
		    "its centre yet: an administrator must first enter the "
		    "centre's code and key"));
	/* The write lock, held until the file is on disk. */
	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	db_capture_off(s->db);
	if (sync_setting_int(s, "sync.sent", &sent) != 0 ||
	    sync_setting_int(s, "sync.outbox_upto", &from) != 0 ||
	    sync_setting_int(s, "sync.hub_applied", &applied) != 0 ||
	    db_outbox_last(s->db, &upto) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the database cannot be "
		    "read: %s"), db_errmsg(s->db));
		goto out;
	}
	if (again > 0) {
		int rc = db_ledger_get(s->db, "out", s->site, again, &l);

		if (rc != 0) {
			st = ops_fail(err, rc < 0 ? OPS_FAILED : OPS_NOT_FOUND,
			    _("this office has written no file number %"
			    PRId64), again);
			goto out;
		}
		from = l.outbox_from;
		upto = l.outbox_upto;
		applied = l.base;
		sent = again - 1;
	}
	if (db_outbox_combine(s->db, from, upto, &cs, &cslen) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the day's changes could not be "
		    "gathered: %s"), db_errmsg(s->db));
		goto out;
	}
	memset(&h, 0, sizeof h);
	h.kind = SYNCFILE_OFFICE;
	h.schema = db_schema_latest();
	snprintf(h.from, sizeof h.from, "%s", s->site);
	snprintf(h.to, sizeof h.to, "%s", hub);
	h.seq = sent + 1;
	h.base = applied;
	/* An office's file is one part, numbered as the file. */
	syncfile_part_head(head, h.seq, (size_t)cslen);
	piece[0].data = head;
	piece[0].len = sizeof head;
	piece[1].data = cs;
	piece[1].len = (size_t)cslen;
	if ((st = secret_key(s, sk, err)) != OPS_OK ||
	    (st = sync_file_write(path, &h, piece, 2, sk, err)) != OPS_OK)
		goto out;
	res->seq = h.seq;
	res->base = h.base;
	res->bytes = SYNCFILE_HEADER + h.length;
	res->changes = cslen > 0 ? count_changes(s->db, cs, cslen) : 0;
	if (again > 0) {	/* nothing to record: the same file again */
		ops_rollback(s);
		goto done;
	}
	memset(&l, 0, sizeof l);
	snprintf(l.direction, sizeof l.direction, "out");
	snprintf(l.site, sizeof l.site, "%s", s->site);
	l.seq = h.seq;
	l.base = h.base;
	syncfile_hex32(h.sha256, l.hash);
	l.outbox_from = from;
	l.outbox_upto = upto;
	snprintf(l.at, sizeof l.at, "%s", s->now);
	snprintf(l.operator_login, sizeof l.operator_login, "%s", s->login);
	if (sync_setting_set_int(s, "sync.sent", h.seq) != 0 ||
	    sync_setting_set_int(s, "sync.outbox_upto", upto) != 0 ||
	    db_ledger_add(s->db, &l) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the export could not be "
		    "recorded: %s"), db_errmsg(s->db));
		unlink(path);
		goto out;
	}
	if ((st = ops_commit(s, err)) != OPS_OK)
		unlink(path);
	goto done;
out:
	ops_rollback(s);
done:
	explicit_bzero(sk, sizeof sk);
	db_sync_free(cs);
	return st;
}

/* The parts of a hub file: ascending, inside (base, seq]. */
static enum ops_status
parts_check(const struct syncfile *h, const char *path, struct ops_error *err)
{
	struct syncfile_part part;
	size_t off = 0;
	int64_t last = h->base;
	int rc;

	while ((rc = syncfile_part_next(h->payload, (size_t)h->length, &off,
	    &part)) == 1) {
		if (part.seq <= last || part.seq > h->seq)
			break;
		last = part.seq;
	}
	if (rc != 0)
		return ops_fail(err, OPS_INVALID, _("%s has a damaged list of "
		    "changes: nothing was applied"), path);
	return OPS_OK;
}

enum ops_status
ops_sync_apply(struct ops_session *s, const char *path,
    struct sync_apply_result *res, struct ops_error *err)
{
	struct syncfile h;
	struct syncfile_part part;
	struct db_apply_result ar;
	struct db_ledger l;
	unsigned char *buf = NULL;
	size_t n, off = 0;
	char hub[17], key[SYNCFILE_PK_HEX + 1], msg[400];
	int64_t applied;
	enum ops_status st;
	int rc;

	memset(res, 0, sizeof *res);
	if ((st = ops_require(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (sync_is_hub(s))
		return ops_fail(err, OPS_INVALID, _("this database is a centre: "
		    "use yibao hub apply"));
	if (db_setting_get(s->db, "sync.hub", hub, sizeof hub) != 0 ||
	    db_setting_get(s->db, "sync.hub_key", key, sizeof key) != 0)
		return ops_fail(err, OPS_INVALID, _("this office does not know "
		    "its centre yet: an administrator must first enter the "
		    "centre's code and key"));
	if ((st = sync_file_read(path, &buf, &n, &h, err)) != OPS_OK)
		return st;
	snprintf(res->from, sizeof res->from, "%s", h.from);
	res->seq = h.seq;
	res->base = h.base;
	if (h.kind != SYNCFILE_HUB) {
		st = ops_fail(err, OPS_INVALID, _("%s is office %s's file for "
		    "the centre (yibao hub apply), not the centre's"), path,
		    h.from);
		goto out;
	}
	if (strcmp(h.from, hub) != 0) {
		st = ops_fail(err, OPS_INVALID, _("%s comes from %s, not from "
		    "this office's centre %s: refused"), path, h.from, hub);
		goto out;
	}
	if ((st = sync_file_verify(path, buf, key, err)) != OPS_OK)
		goto out;
	if (strcmp(h.to, s->site) != 0) {
		st = ops_fail(err, OPS_INVALID, _("%s is for office %s, not for "
		    "this office (%s): refused"), path, h.to, s->site);
		goto out;
	}
	if ((st = sync_file_schema_check(path, &h, err)) != OPS_OK)
		goto out;
	if ((st = parts_check(&h, path, err)) != OPS_OK)
		goto out;
	/* Locked from here to the end: nothing slips in between. */
	if ((st = ops_begin(s, err)) != OPS_OK)
		goto out;
	/* What the hub sends is not this office's own work. */
	db_capture_off(s->db);
	if (sync_setting_int(s, "sync.hub_applied", &applied) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the database cannot be "
		    "read: %s"), db_errmsg(s->db));
		goto rollback;
	}
	if (h.seq <= applied) {
		res->skipped = 1;
		ops_rollback(s);
		goto out;
	}
	if (h.base > applied) {
		st = ops_fail(err, OPS_INVALID, _("%s starts after the centre's "
		    "change %" PRId64 ", but this office has applied up to %"
		    PRId64 ": a file between is missing; nothing was applied "
		    "(the centre can write one from there: yibao hub export "
		    "--site %s)"), path, h.base, applied, s->site);
		goto rollback;
	}
	memset(&ar, 0, sizeof ar);
	while ((rc = syncfile_part_next(h.payload, (size_t)h.length, &off,
	    &part)) == 1) {
		if (part.seq <= applied)	/* had it from an earlier file */
			continue;
		if (db_changeset_apply(s->db, part.data, (int)part.len,
		    DB_APPLY_OFFICE, h.from, part.seq, s->now, &ar, msg,
		    sizeof msg) != 0) {
			st = ops_fail(err, OPS_INVALID, _("%s: %s; nothing was "
			    "applied"), path, msg);
			goto rollback;
		}
	}
	res->changes = ar.changes;
	res->conflicts = ar.conflicts;
	res->omitted = ar.omitted;
	memset(&l, 0, sizeof l);
	snprintf(l.direction, sizeof l.direction, "in");
	snprintf(l.site, sizeof l.site, "%s", h.from);
	l.seq = h.seq;
	l.base = h.base;
	syncfile_sha256_hex(h.payload, (size_t)h.length, l.hash);
	snprintf(l.at, sizeof l.at, "%s", s->now);
	snprintf(l.operator_login, sizeof l.operator_login, "%s", s->login);
	if (sync_setting_set_int(s, "sync.hub_applied", h.seq) != 0 ||
	    db_ledger_add(s->db, &l) != 0) {
		st = ops_fail(err, OPS_FAILED, _("the file could not be "
		    "recorded as applied: %s"), db_errmsg(s->db));
		goto rollback;
	}
	st = ops_commit(s, err);
	goto out;
rollback:
	ops_rollback(s);
out:
	free(buf);
	return st;
}

struct dump_ctx {
	sync_dump_fn *fn;
	void *ctx;
};

static void
dump_line(void *ctx, const char *line)
{
	struct dump_ctx *d = ctx;

	d->fn(d->ctx, line);
}

enum ops_status
ops_sync_dump(struct ops_session *s, sync_dump_fn *fn, void *ctx,
    struct ops_error *err)
{
	struct dump_ctx d = { fn, ctx };
	enum ops_status st;

	if ((st = ops_require(s, ROLE_SUPERVISOR, err)) != OPS_OK)
		return st;
	if (db_sync_dump(s->db, dump_line, &d) != 0)
		return ops_fail(err, OPS_FAILED, _("the database cannot be "
		    "read: %s"), db_errmsg(s->db));
	return OPS_OK;
}
