/*
 * sync.c (fuzz target): the night sync's envelope (io/syncfile.c) and
 * `sync apply` / `hub apply` (ops_sync_apply, ops_hub_apply) on real
 * SQLite files.  Made once per process: a hub HUB and offices A and B with
 * fixed signing keys (so kept inputs stay valid from run to run); A and B
 * each register a resident and write their first file; the hub applies
 * B's and writes its file for A.  Those states are kept in memory and
 * restored before each apply: the hub waiting for A's file 1, A waiting
 * for the hub's file.
 *
 * Each input is applied four ways: as a whole file by the hub and by A
 * (the envelope: magic, lengths, hash, header, signature, sequence), and
 * as the payload of a file sealed with the right key and header (the
 * changesets themselves: SQLite's changeset reader and the conflict
 * rules).  Invariants: a refusal has a message and changed nothing (the
 * canonical dump of the synced tables, the ledger, the audit log and the
 * quarantine are as before); an applied file is in the ledger; the
 * connection is out of any transaction; integrity_check is "ok" and
 * foreign_key_check finds nothing.
 *
 * With FUZZ_SYNC_SEEDS=DIR set, init writes the three real files (A's,
 * B's, the hub's for A) and each of their changesets there: the kept
 * corpus came from there.  With
 * FUZZ_SYNC_VERBOSE set, each apply's status and message go to stderr.
 */
#include "config.h"

#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/tx.h"
#include "fuzz.h"
#include "io/policy_file.h"
#include "io/syncfile.h"
#include "ops/hub.h"
#include "ops/office.h"
#include "ops/resident.h"
#include "ops/sync.h"

struct place {
	char code[17];
	char path[300];
	struct db *db;
	unsigned char *image;		/* the database file to restore */
	size_t nimage;
	char pk[SYNCFILE_PK_HEX + 1], sk[SYNCFILE_SK_HEX + 1];
};

static char tmpdir[256];
static struct place hub, a, b;
static struct policy demo;
static int have_policy;
static int64_t hub_seq;		/* the last entry of the hub's file for A */

static struct ops_session
session(struct place *p)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = p->db;
	snprintf(s.site, sizeof s.site, "%s", p->code);
	snprintf(s.login, sizeof s.login, "admin");
	snprintf(s.display_name, sizeof s.display_name, "admin");
	s.role = ROLE_ADMIN;
	s.today = (struct date){ 2021, 6, 1 };
	snprintf(s.now, sizeof s.now, "2021-06-01T08:00:00Z");
	s.policy = have_policy ? &demo : NULL;
	return s;
}

static void
must(enum ops_status st, const struct ops_error *e, const char *what)
{
	if (st != OPS_OK) {
		fprintf(stderr, "sync fuzz init: %s: %s\n", what, e->msg);
		abort();
	}
}

static void
side_files(const char *path)
{
	char p[320];

	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static void
db_open_place(struct place *p)
{
	char err[256];

	if (db_open(p->path, DB_CREATE, &p->db, err, sizeof err) != DB_OK) {
		fprintf(stderr, "%s\n", err);
		abort();
	}
}

/* A fixed key pair from a one-byte seed, in hex, set as the place's own. */
static void
fixed_key(struct place *p, unsigned char seed_byte)
{
	unsigned char seed[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES],
	    sk[crypto_sign_SECRETKEYBYTES];

	memset(seed, seed_byte, sizeof seed);
	if (sodium_init() < 0 || crypto_sign_seed_keypair(pk, sk, seed) != 0)
		abort();
	sodium_bin2hex(p->pk, sizeof p->pk, pk, sizeof pk);
	sodium_bin2hex(p->sk, sizeof p->sk, sk, sizeof sk);
	if (db_setting_set(p->db, "sync.public_key", p->pk) != 0 ||
	    db_setting_set(p->db, "sync.secret_key", p->sk) != 0)
		abort();
}

static void
place_make(struct place *p, const char *code, unsigned char seed)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error e;

	snprintf(p->code, sizeof p->code, "%s", code);
	snprintf(p->path, sizeof p->path, "%s/%s.db", tmpdir, code);
	db_open_place(p);
	s = session(p);
	s.site[0] = '\0';
	must(ops_office_init(&s, code, NULL, NULL, NULL, &res, &e), &e, code);
	fixed_key(p, seed);
}

static void
add_resident(struct place *p, const char *id, const char *name)
{
	struct ops_session s = session(p);
	struct resident_input in = {
		.id_number = id, .name = name, .residence = "rural",
		.insured = "rural_resident", .village = "东村",
	};
	struct ops_error e;
	char out[19];

	must(ops_resident_add(&s, &in, out, &e), &e, id);
}

static unsigned char *
slurp(const char *path, size_t *n)
{
	unsigned char *buf;

	if (syncfile_read(path, &buf, n) != SYNCFILE_OK)
		abort();
	return buf;
}

static void
keep(const char *path, const char *name)
{
	const char *dir = getenv("FUZZ_SYNC_SEEDS");
	unsigned char *buf;
	size_t n;
	char to[600];

	if (dir == NULL)
		return;
	buf = slurp(path, &n);
	snprintf(to, sizeof to, "%s/%s", dir, name);
	if (syncfile_write(to, buf, n) != SYNCFILE_OK)
		abort();
	/* Its changesets alone, for the sealed applies. */
	{
		struct syncfile h;
		struct syncfile_part part;
		size_t off = 0;
		int i = 0;

		if (syncfile_parse(buf, n, &h) != SYNCFILE_OK)
			abort();
		while (syncfile_part_next(h.payload, (size_t)h.length, &off,
		    &part) == 1) {
			snprintf(to, sizeof to, "%s/%s.changeset-%d", dir, name,
			    ++i);
			if (syncfile_write(to, part.data, part.len) !=
			    SYNCFILE_OK)
				abort();
		}
	}
	free(buf);
}

/* Close and keep the file's bytes as the state to restore. */
static void
snapshot(struct place *p)
{
	db_close(p->db);
	p->db = NULL;
	side_files(p->path);
	free(p->image);
	p->image = slurp(p->path, &p->nimage);
}

static void
restore(struct place *p)
{
	int fd;

	if (p->db != NULL)
		db_close(p->db);
	side_files(p->path);
	if ((fd = open(p->path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    write(fd, p->image, p->nimage) != (ssize_t)p->nimage ||
	    close(fd) != 0)
		abort();
	db_open_place(p);
}

static void
cleanup(void)
{
	char cmd[400];

	if (hub.db != NULL)
		db_close(hub.db);
	if (a.db != NULL)
		db_close(a.db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

static void
init(void)
{
	struct policy_errors errs = { 0 };
	struct ops_session s;
	struct ops_error e;
	struct sync_export_result xr;
	struct hub_apply_result hr;
	struct hub_export_result hx;
	char hk[SYNCFILE_PK_HEX + 1], fa[320], fb[320], fh[320];
	int created, replaced;

	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-fuzz-sync-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		abort();
	atexit(cleanup);
	have_policy = policy_file_load("demo", &demo, &errs) == 0;
	place_make(&hub, "HUB", 1);
	s = session(&hub);
	must(ops_hub_init(&s, &created, hk, &e), &e, "hub init");
	fixed_key(&hub, 1);
	place_make(&a, "A", 2);
	place_make(&b, "B", 3);
	for (struct place *o = &a; o != NULL; o = o == &a ? &b : NULL) {
		s = session(o);
		must(ops_sync_trust_hub(&s, "HUB", hub.pk, &e), &e, "trust");
		s = session(&hub);
		must(ops_hub_add_site(&s, o->code, o->pk, &replaced, &e), &e,
		    "add-site");
	}
	add_resident(&a, "370402198001010011", "张三");
	add_resident(&b, "370402198202020021", "李四");
	snprintf(fa, sizeof fa, "%s/A-1.sync", tmpdir);
	snprintf(fb, sizeof fb, "%s/B-1.sync", tmpdir);
	snprintf(fh, sizeof fh, "%s/HUB-A.sync", tmpdir);
	s = session(&a);
	must(ops_sync_export(&s, fa, 0, &xr, &e), &e, "export A");
	s = session(&b);
	must(ops_sync_export(&s, fb, 0, &xr, &e), &e, "export B");
	s = session(&hub);
	must(ops_hub_apply(&s, fb, &hr, &e), &e, "hub apply B");
	must(ops_hub_export(&s, "A", 0, fh, &hx, &e), &e, "hub export A");
	hub_seq = hx.seq;
	keep(fa, "office-A-1.sync");
	keep(fb, "office-B-1.sync");
	keep(fh, "hub-for-A.sync");
	db_close(b.db);
	b.db = NULL;
	snapshot(&hub);
	snapshot(&a);
	restore(&hub);
	restore(&a);
}

/* ---- what must not change ------------------------------------------------ */

static void
hash_line(void *ctx, const char *line)
{
	unsigned char *h = ctx;

	/* h = SHA-256(h || line): order matters. */
	crypto_hash_sha256_state st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, h, 32);
	crypto_hash_sha256_update(&st, (const unsigned char *)line,
	    strlen(line));
	crypto_hash_sha256_final(&st, h);
}

static long
count(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		abort();
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

struct state {
	unsigned char dump[32];
	long ledger, audit, quarantine;
};

static void
state_of(struct place *p, struct state *out)
{
	struct ops_session s = session(p);
	struct ops_error e;

	memset(out, 0, sizeof *out);
	if (ops_sync_dump(&s, hash_line, out->dump, &e) != OPS_OK)
		abort();
	out->ledger = count(p->db, "SELECT count(*) FROM sync_ledger");
	out->audit = count(p->db, "SELECT count(*) FROM audit_log");
	out->quarantine = count(p->db, "SELECT count(*) FROM sync_quarantine");
}

static void
sound(struct place *p)
{
	sqlite3_stmt *st;

	FUZZ_ASSERT(sqlite3_get_autocommit(p->db->h));
	if (sqlite3_prepare_v2(p->db->h, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		abort();
	FUZZ_ASSERT(strcmp((const char *)sqlite3_column_text(st, 0), "ok") ==
	    0);
	sqlite3_finalize(st);
	FUZZ_ASSERT(count(p->db, "SELECT count(*) FROM pragma_foreign_key_check")
	    == 0);
}

/* ---- one apply ----------------------------------------------------------- */

static void
apply(struct place *p, const unsigned char *data, size_t size)
{
	struct ops_session s;
	struct ops_error e;
	struct state before, after;
	enum ops_status st;
	int skipped;
	char path[320];

	restore(p);
	snprintf(path, sizeof path, "%s/in.sync", tmpdir);
	if (syncfile_write(path, data, size) != SYNCFILE_OK)
		abort();
	state_of(p, &before);
	s = session(p);
	e.msg[0] = '\0';
	if (p == &hub) {
		struct hub_apply_result r;

		memset(&r, 0, sizeof r);
		st = ops_hub_apply(&s, path, &r, &e);
		skipped = r.skipped;
	} else {
		struct sync_apply_result r;

		memset(&r, 0, sizeof r);
		st = ops_sync_apply(&s, path, &r, &e);
		skipped = r.skipped;
	}
	state_of(p, &after);
	if (getenv("FUZZ_SYNC_VERBOSE") != NULL)
		fprintf(stderr, "%s: %d%s %s\n", p->code, (int)st,
		    skipped ? " (skipped)" : "", e.msg);
	sound(p);
	FUZZ_ASSERT(st == OPS_OK || e.msg[0] != '\0');
	if (st != OPS_OK || skipped)
		FUZZ_ASSERT(memcmp(&before, &after, sizeof before) == 0);
	else
		FUZZ_ASSERT(after.ledger == before.ledger + 1);
}

/* The input as one changeset in a file sealed by `from` for `to`. */
static void
sealed(struct place *to, const struct place *from, const uint8_t *data,
    size_t size)
{
	struct syncfile h;
	struct syncfile_payload pl = { 0 };
	unsigned char *file;
	size_t n;

	memset(&h, 0, sizeof h);
	h.kind = to == &hub ? SYNCFILE_OFFICE : SYNCFILE_HUB;
	h.schema = db_schema_latest();
	memcpy(h.from, from->code, sizeof h.from);	/* both char[17] */
	memcpy(h.to, to->code, sizeof h.to);
	/* The office's file 1; the hub's file as the real one numbers it. */
	h.seq = to == &hub ? 1 : hub_seq;
	h.base = 0;
	if (syncfile_payload_add(&pl, h.seq, data, size) != 0 ||
	    syncfile_seal(&h, pl.buf, pl.len, from->sk, &file, &n) != 0)
		abort();
	apply(to, file, n);
	free(file);
	syncfile_payload_free(&pl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (hub.image == NULL)
		init();
	apply(&hub, data, size);
	apply(&a, data, size);
	sealed(&hub, &a, data, size);
	sealed(&a, &hub, data, size);
	return 0;
}
