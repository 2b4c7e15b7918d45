/*
 * test_sync.c: the night sync's refusals and its rules, on real database
 * files: every truncation and every flipped bit of a file, forged and
 * misdirected signatures, replays, a sequence with a gap, the same number
 * with other contents, a newer schema, a table that does not travel; each
 * refusal must leave the database exactly as it was (every row of every
 * table).  Then the conflicts: the same person at two offices, edits of one
 * resident at two offices, and the supervisor's merge travelling back;
 * and two offices' households with the same number, both kept everywhere.
 */
#include "db/sync_sqlite.h"

#include <errno.h>

#include "sync_fixture.h"

#include "db/sync_capture.h"
#include "ops/household.h"

static struct place *A = &office[0], *B = &office[1];

static int
setup(void **state)
{
	(void)state;
	county_make(2, "sync");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	county_free();
	return 0;
}

static const char *WANG, *LI, *ZHAO;

static void
ids(void)
{
	WANG = id_of("19800101", 1);
	LI = id_of("19820202", 2);
	ZHAO = id_of("19700707", 3);
}

static long long
count(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Seal a payload of one changeset as `signer` would, with any header. */
static void
seal_as(struct place *signer, const struct syncfile *h, const void *cs,
    size_t len, int64_t part_seq, const char *path)
{
	struct syncfile_payload p = { 0 };
	char sk[SYNCFILE_SK_HEX + 1];
	unsigned char *file;
	size_t n;

	assert_int_equal(db_setting_get(signer->db, "sync.secret_key", sk,
	    sizeof sk), 0);
	assert_int_equal(syncfile_payload_add(&p, part_seq, cs, len), 0);
	assert_int_equal(syncfile_seal(h, p.buf, p.len, sk, &file, &n), 0);
	write_bytes(path, file, n);
	free(file);
	syncfile_payload_free(&p);
}

static struct syncfile
office_header(const char *from, int64_t seq)
{
	struct syncfile h;

	memset(&h, 0, sizeof h);
	h.kind = SYNCFILE_OFFICE;
	h.schema = db_schema_latest();
	snprintf(h.from, sizeof h.from, "%s", from);
	snprintf(h.to, sizeof h.to, "HUB");
	h.seq = seq;
	return h;
}

/* The file must be refused and leave the hub as it was. */
static void
hub_refuses(const char *path, const char *why, const char *expect)
{
	struct hub_apply_result r;
	struct ops_error e;
	char *before = full_dump(hub.db), *after;

	if (hub_apply(path, &r, &e) != OPS_INVALID)
		fail_msg("%s: the hub applied it", why);
	if (expect != NULL && strstr(e.msg, expect) == NULL)
		fail_msg("%s: \"%s\" does not say \"%s\"", why, e.msg, expect);
	after = full_dump(hub.db);
	if (strcmp(before, after) != 0)
		fail_msg("%s: the refusal changed the hub", why);
	free(before);
	free(after);
}

static void
office_refuses(struct place *p, const char *path, const char *why,
    const char *expect)
{
	struct sync_apply_result r;
	struct ops_error e;
	char *before = full_dump(p->db), *after;

	if (office_apply(p, path, &r, &e) != OPS_INVALID)
		fail_msg("%s: office %s applied it", why, p->code);
	if (expect != NULL && strstr(e.msg, expect) == NULL)
		fail_msg("%s: \"%s\" does not say \"%s\"", why, e.msg, expect);
	after = full_dump(p->db);
	if (strcmp(before, after) != 0)
		fail_msg("%s: the refusal changed office %s", why, p->code);
	free(before);
	free(after);
}

/* A day at A reaches B through the hub; replays are skipped. */
static void
test_round_trip(void **state)
{
	struct hub_apply_result hr;
	struct sync_apply_result orr;
	struct ops_error e;
	char a1[512], hb[512], *before, *after;

	(void)state;
	ids();
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_OK);
	export_office(A, "A1", a1, sizeof a1);
	assert_int_equal(hub_apply(a1, &hr, &e), OPS_OK);
	assert_false(hr.skipped);
	/* resident, its other initials (王 is also read yù: yf), the audit
	 * lines of trust-hub and resident.add: 1 + 1 + 2 rows. */
	assert_int_equal(hr.changes, 4);
	assert_int_equal(hr.conflicts, 0);
	assert_int_equal(count(hub.db, "SELECT count(*) FROM resident"), 1);
	assert_int_equal(count(hub.db, "SELECT count(*) FROM audit_log WHERE "
	    "site = 'A'"), 2);
	assert_int_equal(count(hub.db, "SELECT last_seq || acked FROM "
	    "sync_site WHERE code = 'A'"), 10);

	/* The same file again: said, and nothing at all changes. */
	before = full_dump(hub.db);
	assert_int_equal(hub_apply(a1, &hr, &e), OPS_OK);
	assert_true(hr.skipped);
	after = full_dump(hub.db);
	assert_string_equal(before, after);
	free(before);
	free(after);

	export_hub(B, "HB", hb, sizeof hb);
	assert_int_equal(office_apply(B, hb, &orr, &e), OPS_OK);
	assert_false(orr.skipped);
	assert_int_equal(count(B->db, "SELECT count(*) FROM resident WHERE "
	    "name = '王芳' AND site = 'A'"), 1);
	/* What came from the hub is not B's own work: B's outbox holds only
	 * B's trust-hub line; sync_audit is empty at rest. */
	assert_int_equal(count(B->db, "SELECT count(*) FROM sync_outbox"), 1);
	assert_int_equal(count(B->db, "SELECT count(*) FROM sync_audit"), 0);
	assert_int_equal(count(hub.db, "SELECT count(*) FROM sync_audit"), 0);
	before = full_dump(B->db);
	assert_int_equal(office_apply(B, hb, &orr, &e), OPS_OK);
	assert_true(orr.skipped);
	after = full_dump(B->db);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* Every cut and every flipped bit of an office's and a hub's file. */
static void
test_damage(void **state)
{
	struct hub_apply_result hr;
	struct sync_apply_result orr;
	struct ops_error e;
	char a1[512], hb[512], bad[512];
	unsigned char *file;
	size_t n;

	(void)state;
	ids();
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_OK);
	assert_int_equal(register_at(A, LI, "曾小红", "西村"), OPS_OK);
	export_office(A, "A1", a1, sizeof a1);
	path_of(bad, sizeof bad, "bad");
	file = read_bytes(a1, &n);
	for (size_t cut = 0; cut < n; cut++) {
		char why[64];

		snprintf(why, sizeof why, "A1 cut at %zu of %zu", cut, n);
		write_bytes(bad, file, cut);
		hub_refuses(bad, why, cut < 8 ? NULL : "truncated");
	}
	for (size_t i = 0; i < n; i++) {
		char why[64];

		snprintf(why, sizeof why, "A1 bit %zu of byte %zu", i % 8, i);
		file[i] ^= (unsigned char)(1u << (i % 8));
		write_bytes(bad, file, n);
		hub_refuses(bad, why, NULL);
		file[i] ^= (unsigned char)(1u << (i % 8));
	}
	/* A byte too many is as wrong as one too few. */
	file = realloc(file, n + 1);
	file[n] = 0;
	write_bytes(bad, file, n + 1);
	hub_refuses(bad, "A1 with a byte after", "after its end");
	free(file);
	/* The undamaged file still applies. */
	assert_int_equal(hub_apply(a1, &hr, &e), OPS_OK);

	export_hub(B, "HB", hb, sizeof hb);
	file = read_bytes(hb, &n);
	for (size_t cut = 0; cut < n; cut++) {
		char why[64];

		snprintf(why, sizeof why, "HB cut at %zu of %zu", cut, n);
		write_bytes(bad, file, cut);
		office_refuses(B, bad, why, cut < 8 ? NULL : "truncated");
	}
	for (size_t i = 0; i < n; i++) {
		char why[64];

		snprintf(why, sizeof why, "HB bit %zu of byte %zu", i % 8, i);
		file[i] ^= (unsigned char)(1u << (i % 8));
		write_bytes(bad, file, n);
		office_refuses(B, bad, why, NULL);
		file[i] ^= (unsigned char)(1u << (i % 8));
	}
	free(file);
	assert_int_equal(office_apply(B, hb, &orr, &e), OPS_OK);
	assert_int_equal(count(B->db, "SELECT count(*) FROM resident"), 2);
}

/* Files signed by the wrong key, sent the wrong way, or from strangers. */
static void
test_forgery(void **state)
{
	struct syncfile h;
	struct place stranger;
	struct sync_apply_result orr;
	struct ops_error e;
	char a1[512], hb[512], bad[512];
	unsigned char *file;
	size_t n;

	(void)state;
	ids();
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_OK);
	export_office(A, "A1", a1, sizeof a1);
	path_of(bad, sizeof bad, "forged");
	file = read_bytes(a1, &n);

	/* B signs a file that says it is A's. */
	h = office_header("A", 1);
	seal_as(B, &h, file + SYNCFILE_HEADER + 16, n - SYNCFILE_HEADER - 16,
	    1, bad);
	hub_refuses(bad, "A's file signed by B", "not signed by the key");

	/* A key nobody knows. */
	place_open(&stranger, "X");
	seal_as(&stranger, &h, file + SYNCFILE_HEADER + 16,
	    n - SYNCFILE_HEADER - 16, 1, bad);
	hub_refuses(bad, "A's file signed by a stranger", "not signed by the key");
	/* A stranger under its own name. */
	h = office_header("X", 1);
	seal_as(&stranger, &h, NULL, 0, 1, bad);
	hub_refuses(bad, "an unknown office", "does not know");
	/* A's own key, for another centre. */
	h = office_header("A", 1);
	snprintf(h.to, sizeof h.to, "HUB2");
	seal_as(A, &h, NULL, 0, 1, bad);
	hub_refuses(bad, "A's file for another centre", "not this one");
	/* The header says one number, the changeset inside another. */
	h = office_header("A", 1);
	seal_as(A, &h, NULL, 0, 2, bad);
	hub_refuses(bad, "part numbered unlike the file", "damaged list");

	/* A hub's file is not an office's, and the other way round. */
	export_hub(B, "HB", hb, sizeof hb);
	hub_refuses(hb, "a hub file at the hub", "not an office's");
	office_refuses(B, a1, "an office file at an office", "not the centre's");
	/* B's file given to A, and the hub's file signed by a stranger. */
	office_refuses(A, hb, "B's file at A", "not for this office");
	{
		struct syncfile hh;
		size_t hn;
		unsigned char *hf = read_bytes(hb, &hn);
		struct syncfile_payload p = { 0 };
		char sk[SYNCFILE_SK_HEX + 1];
		unsigned char *out;
		size_t outn;

		assert_int_equal(syncfile_parse(hf, hn, &hh), SYNCFILE_OK);
		assert_int_equal(db_setting_get(stranger.db, "sync.secret_key",
		    sk, sizeof sk), 0);
		assert_int_equal(syncfile_seal(&hh, hh.payload,
		    (size_t)hh.length, sk, &out, &outn), 0);
		write_bytes(bad, out, outn);
		office_refuses(B, bad, "the hub's file signed by a stranger",
		    "not signed by the key");
		free(out);
		free(hf);
		syncfile_payload_free(&p);
	}
	place_close(&stranger);
	free(file);
	/* And the genuine ones still pass. */
	assert_int_equal(office_apply(B, hb, &orr, &e), OPS_OK);
}

/*
 * The export writes its file in pieces, never whole in memory: the bytes
 * must be exactly those of sealing the whole payload, and a failure must
 * leave no file and no ".part" behind.
 */
static void
test_sealed_write(void **state)
{
	static const unsigned char cs1[] = "first changeset", cs2[] = "second";
	struct syncfile_payload p = { 0 };
	struct syncfile h, back;
	struct syncfile_piece piece[4];
	unsigned char head1[16], head2[16], *whole, *file;
	char pk[SYNCFILE_PK_HEX + 1], sk[SYNCFILE_SK_HEX + 1];
	char badsk[SYNCFILE_SK_HEX + 1];
	char one[512], two[512], nodir[512], badkey[512], part[520];
	size_t wn, fn;

	(void)state;
	assert_int_equal(syncfile_keypair(pk, sk), 0);
	h = office_header("A", 7);
	h.base = 3;
	assert_int_equal(syncfile_payload_add(&p, 7, cs1, sizeof cs1), 0);
	assert_int_equal(syncfile_payload_add(&p, 8, cs2, sizeof cs2), 0);
	assert_int_equal(syncfile_seal(&h, p.buf, p.len, sk, &whole, &wn), 0);
	path_of(one, sizeof one, "whole.syn");
	assert_int_equal(syncfile_write(one, whole, wn), SYNCFILE_OK);

	syncfile_part_head(head1, 7, sizeof cs1);
	syncfile_part_head(head2, 8, sizeof cs2);
	piece[0] = (struct syncfile_piece){ head1, sizeof head1 };
	piece[1] = (struct syncfile_piece){ cs1, sizeof cs1 };
	piece[2] = (struct syncfile_piece){ head2, sizeof head2 };
	piece[3] = (struct syncfile_piece){ cs2, sizeof cs2 };
	path_of(two, sizeof two, "pieces.syn");
	assert_int_equal(syncfile_write_sealed(two, &h, piece, 4, sk),
	    SYNCFILE_OK);
	file = read_bytes(two, &fn);
	assert_int_equal(fn, wn);
	assert_memory_equal(file, whole, wn);
	assert_int_equal(h.length, 16 + sizeof cs1 + 16 + sizeof cs2);
	assert_int_equal(syncfile_parse(file, fn, &back), SYNCFILE_OK);
	assert_memory_equal(back.sha256, h.sha256, 32);
	assert_int_equal(syncfile_verify(file, pk), SYNCFILE_OK);
	free(file);

	/* A folder that does not exist: nothing is left, errno says why. */
	path_of(nodir, sizeof nodir, "no/such.syn");
	errno = 0;
	assert_int_equal(syncfile_write_sealed(nodir, &h, piece, 4, sk),
	    SYNCFILE_IO);
	assert_int_equal(errno, ENOENT);
	/* A key that is not one: refused before a byte is written. */
	memset(badsk, 'z', SYNCFILE_SK_HEX);
	badsk[SYNCFILE_SK_HEX] = '\0';
	path_of(badkey, sizeof badkey, "badkey.syn");
	assert_int_equal(syncfile_write_sealed(badkey, &h, piece, 4, badsk),
	    SYNCFILE_SIGNATURE);
	assert_int_equal(access(badkey, F_OK), -1);
	snprintf(part, sizeof part, "%s.part", badkey);
	assert_int_equal(access(part, F_OK), -1);
	free(whole);
	syncfile_payload_free(&p);
}

/* Order: a gap, the same number twice, a newer schema, a foreign table. */
static void
test_sequence(void **state)
{
	struct hub_apply_result hr;
	struct sync_apply_result orr;
	struct syncfile h;
	struct ops_error e;
	char f1[512], f2[512], f3[512], bad[512], hb[512];
	unsigned char *file;
	size_t n;

	(void)state;
	ids();
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_OK);
	export_office(A, "A1", f1, sizeof f1);
	assert_int_equal(register_at(A, LI, "李四", "东村"), OPS_OK);
	export_office(A, "A2", f2, sizeof f2);
	assert_int_equal(register_at(A, ZHAO, "赵六", "东村"), OPS_OK);
	export_office(A, "A3", f3, sizeof f3);
	path_of(bad, sizeof bad, "bad");

	hub_refuses(f2, "file 2 before 1", "the next one to apply is 1");
	assert_int_equal(hub_apply(f1, &hr, &e), OPS_OK);
	hub_refuses(f3, "file 3 after 1", "the next one to apply is 2");
	assert_int_equal(hub_apply(f2, &hr, &e), OPS_OK);
	assert_int_equal(hub_apply(f3, &hr, &e), OPS_OK);
	assert_int_equal(hub_apply(f2, &hr, &e), OPS_OK);
	assert_true(hr.skipped);
	assert_int_equal(count(hub.db, "SELECT count(*) FROM resident"), 3);

	/* Number 2 again, signed by A, but other contents. */
	h = office_header("A", 2);
	seal_as(A, &h, NULL, 0, 2, bad);
	hub_refuses(bad, "file 2 with other contents", "other contents");

	/* A newer schema: refused before anything is read. */
	file = read_bytes(f3, &n);
	h = office_header("A", 4);
	h.schema = db_schema_latest() + 1;
	seal_as(A, &h, NULL, 0, 4, bad);
	hub_refuses(bad, "a newer schema", "schema version");
	free(file);
	/* And the centre's file to an office, of a newer schema. */
	export_hub(A, "HA", hb, sizeof hb);
	file = read_bytes(hb, &n);
	{
		char sk[SYNCFILE_SK_HEX + 1];
		unsigned char *out;
		size_t outn;

		assert_int_equal(syncfile_parse(file, n, &h), SYNCFILE_OK);
		h.schema = db_schema_latest() + 1;
		assert_int_equal(db_setting_get(hub.db, "sync.secret_key", sk,
		    sizeof sk), 0);
		assert_int_equal(syncfile_seal(&h, h.payload,
		    (size_t)h.length, sk, &out, &outn), 0);
		write_bytes(bad, out, outn);
		free(out);
	}
	office_refuses(A, bad, "the centre's file of a newer schema",
	    "schema version");
	free(file);

	/* A changeset of a table that does not travel (operator). */
	{
		sqlite3_session *ses;
		void *cs;
		int len;

		assert_int_equal(sqlite3_exec(A->db->h, "BEGIN", NULL, NULL,
		    NULL), SQLITE_OK);
		assert_int_equal(sqlite3session_create(A->db->h, "main", &ses),
		    SQLITE_OK);
		assert_int_equal(sqlite3session_attach(ses, "operator"),
		    SQLITE_OK);
		assert_int_equal(sqlite3_exec(A->db->h, "INSERT INTO operator "
		    "VALUES ('eve', 'Eve', 'admin', 'x', 1, 'A', 'now')", NULL,
		    NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3session_changeset(ses, &len, &cs),
		    SQLITE_OK);
		sqlite3session_delete(ses);
		assert_int_equal(sqlite3_exec(A->db->h, "ROLLBACK", NULL, NULL,
		    NULL), SQLITE_OK);
		h = office_header("A", 4);
		seal_as(A, &h, cs, (size_t)len, 4, bad);
		sqlite3_free(cs);
		hub_refuses(bad, "the operator table", "does not travel");
		assert_int_equal(count(hub.db, "SELECT count(*) FROM operator "
		    "WHERE login = 'eve'"), 0);
	}

	/* The office: a hub file starting after what it applied is a gap. */
	{
		struct ops_session s = session_of(&hub, NULL);
		struct hub_export_result xr;

		path_of(hb, sizeof hb, "HB-from-2");
		assert_int_equal(ops_hub_export(&s, "B", 2, hb, &xr, &e),
		    OPS_OK);
		office_refuses(B, hb, "a hub file with a gap", "missing");
		export_hub(B, "HB", hb, sizeof hb);
		assert_int_equal(office_apply(B, hb, &orr, &e), OPS_OK);
		assert_int_equal(count(B->db, "SELECT count(*) FROM resident"),
		    3);
	}
}

/* What is captured: committed ops only, never what the hub sent. */
static void
test_capture(void **state)
{
	struct sync_export_result xr;
	struct ops_session s;
	struct ops_error e;
	char path[512];
	long long before;

	(void)state;
	ids();
	before = count(A->db, "SELECT count(*) FROM sync_outbox");
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_OK);
	assert_int_equal(count(A->db, "SELECT count(*) FROM sync_outbox"),
	    before + 1);
	/* A refused op leaves no outbox row. */
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_CONFLICT);
	assert_int_equal(count(A->db, "SELECT count(*) FROM sync_outbox"),
	    before + 1);
	assert_int_equal(count(A->db, "SELECT count(*) FROM sync_audit"), 0);
	/* The audit line travels under its office-made key. */
	assert_int_equal(count(A->db, "SELECT count(*) FROM audit_log"), 2);
	s = session_of(A, NULL);
	path_of(path, sizeof path, "A1");
	assert_int_equal(ops_sync_export(&s, path, 0, &xr, &e), OPS_OK);
	assert_int_equal(xr.seq, 1);
	/* trust-hub's audit line, the resident, yf, its audit line */
	assert_int_equal(xr.changes, 4);
	/* Nothing new: an empty file, still numbered and acknowledging. */
	path_of(path, sizeof path, "A2");
	assert_int_equal(ops_sync_export(&s, path, 0, &xr, &e), OPS_OK);
	assert_int_equal(xr.seq, 2);
	assert_int_equal(xr.changes, 0);
	/* A lost file written again is the same file, byte for byte. */
	{
		char again[512];
		unsigned char *x, *y;
		size_t nx, ny;

		path_of(path, sizeof path, "A1");
		path_of(again, sizeof again, "A1-again");
		assert_int_equal(ops_sync_export(&s, again, 1, &xr, &e),
		    OPS_OK);
		x = read_bytes(path, &nx);
		y = read_bytes(again, &ny);
		assert_int_equal(nx, ny);
		assert_memory_equal(x, y, nx);
		free(x);
		free(y);
		assert_int_equal(ops_sync_export(&s, again, 9, &xr, &e),
		    OPS_NOT_FOUND);
	}
	/* A clerk may not export. */
	s.role = ROLE_CLERK;
	assert_int_equal(ops_sync_export(&s, path, 0, &xr, &e), OPS_DENIED);
}

static char *
resident_row(struct db *db, const char *id)
{
	sqlite3_stmt *st;
	char *v = NULL;

	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT name || '|' || "
	    "village || '|' || phone || '|' || site FROM resident WHERE "
	    "id_number = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static void
edit_at(struct place *p, const char *id, const char *village,
    const char *phone)
{
	struct ops_session s = session_of(p, NULL);
	struct resident_change c = { NULL, NULL, NULL, village, phone };
	struct ops_error e;

	if (ops_resident_edit(&s, id, &c, &e) != OPS_OK)
		fail_msg("edit at %s: %s", p->code, e.msg);
}

/* Export from each office, apply at the hub, send back: one night. */
static void
night(void)
{
	struct hub_apply_result hr;
	struct sync_apply_result orr;
	struct ops_error e;
	char f[512], name[40];
	static int n;

	n++;
	for (int i = 0; i < noffices; i++) {
		snprintf(name, sizeof name, "%.16s-%d", office[i].code, n);
		export_office(&office[i], name, f, sizeof f);
		if (hub_apply(f, &hr, &e) != OPS_OK)
			fail_msg("%s: %s", name, e.msg);
	}
	for (int i = 0; i < noffices; i++) {
		snprintf(name, sizeof name, "H%.16s-%d", office[i].code, n);
		export_hub(&office[i], name, f, sizeof f);
		if (office_apply(&office[i], f, &orr, &e) != OPS_OK)
			fail_msg("%s: %s", name, e.msg);
	}
}

static void
assert_converged(void)
{
	char *h = synced_dump(hub.db);

	for (int i = 0; i < noffices; i++) {
		char *o = synced_dump(office[i].db);

		if (strcmp(h, o) != 0)
			fail_msg("office %s differs from the hub:\n--- hub\n%s\n"
			    "--- %s\n%s", office[i].code, h, office[i].code, o);
		free(o);
	}
	free(h);
}

static int
collect(void *ctx, const struct db_quarantine *q)
{
	char *buf = ctx;
	size_t used = strlen(buf);

	snprintf(buf + used, 1024 - used, "%s %s %s %s %s;", q->kind, q->tbl,
	    q->record, q->site, q->status);
	return 0;
}

/* Same person at two offices; one resident edited at two offices. */
static void
test_conflicts(void **state)
{
	struct ops_session s;
	struct ops_error e;
	char list[1024] = "", want[1024], *row;

	(void)state;
	ids();
	/* Night 1: 王芳 registered at A and at B, spelled differently. */
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_OK);
	assert_int_equal(register_at(B, WANG, "王方", "南村"), OPS_OK);
	night();
	/* A arrived first: its version stands everywhere; B's waits. */
	s = session_of(&hub, NULL);
	assert_int_equal(ops_hub_conflicts(&s, 0, collect, list, &e), OPS_OK);
	snprintf(want, sizeof want, "same_person resident %s B open;", WANG);
	assert_string_equal(list, want);
	row = resident_row(B->db, WANG);
	assert_string_equal(row, "王芳|东村||A");
	free(row);
	assert_converged();

	/* Night 2: both edit her; B's file arrives after A's and wins. */
	edit_at(A, WANG, "北村", NULL);
	edit_at(B, WANG, "西村", "13800000000");
	night();
	row = resident_row(hub.db, WANG);
	assert_string_equal(row, "王芳|西村|13800000000|A");
	free(row);
	list[0] = '\0';
	assert_int_equal(ops_hub_conflicts(&s, 0, collect, list, &e), OPS_OK);
	snprintf(want, sizeof want, "same_person resident %s B open;"
	    "overwritten resident %s B open;", WANG, WANG);
	assert_string_equal(list, want);
	assert_converged();

	/* The supervisor takes B's spelling of the name: an audited edit
	 * that travels to every office like any other. */
	assert_int_equal(ops_hub_resolve(&s, 1, HUB_KEEP_OTHER, "B is right",
	    &e), OPS_OK);
	assert_int_equal(ops_hub_resolve(&s, 2, HUB_KEEP_HUB, NULL, &e),
	    OPS_OK);
	assert_int_equal(ops_hub_resolve(&s, 2, HUB_KEEP_HUB, NULL, &e),
	    OPS_CONFLICT);
	s.role = ROLE_CLERK;
	assert_int_equal(ops_hub_resolve(&s, 2, HUB_KEEP_HUB, NULL, &e),
	    OPS_DENIED);
	assert_int_equal(db_quarantine_open(hub.db), 0);
	night();
	for (int i = 0; i < noffices; i++) {
		row = resident_row(office[i].db, WANG);
		/* B's registration as it came: its name, village and
		 * (empty) phone; the first registration's office stays */
		assert_string_equal(row, "王方|南村||A");
		free(row);
	}
	assert_int_equal(count(A->db, "SELECT count(*) FROM audit_log WHERE "
	    "action = 'hub.resolve' AND site = 'HUB'"), 2);
	assert_converged();
}

static void
household_at(struct place *p, const char *number, const char *village,
    const char *head, const char *member)
{
	struct ops_session s = session_of(p, NULL);
	struct ops_error e;

	if (ops_household_create(&s, number, village, head, &e) != OPS_OK ||
	    ops_household_add(&s, number, member, "spouse", &e) != OPS_OK)
		fail_msg("household at %s: %s", p->code, e.msg);
}

/* The members of household `name` as seen from p: "KEY:ID,ID". */
static void
household_seen(struct place *p, const char *name, char *out, size_t n)
{
	struct ops_session s = session_of(p, NULL);
	struct household_view *v = calloc(1, sizeof *v);
	struct ops_error e;
	size_t used;

	assert_non_null(v);
	if (ops_household_view(&s, name, 0, v, &e) != OPS_OK)
		fail_msg("%s at %s: %s", name, p->code, e.msg);
	used = (size_t)snprintf(out, n, "%s:", v->h.key);
	for (int i = 0; i < v->n; i++)
		used += (size_t)snprintf(out + used, n - used, "%s%s",
		    i ? "," : "", v->m[i].id_number);
	free(v);
}

/*
 * Household numbers are each office's: A and B both make household 0001
 * with two members; after a night both stand everywhere, nothing is set
 * aside, and "0001" is each office's own while "B/0001" names B's.
 */
static void
test_households(void **state)
{
	const char *ZHOU = id_of("19900909", 4);
	struct ops_session s;
	struct household_view *v = calloc(1, sizeof *v);
	struct ops_error e;
	char a[256], b[256], want[256];

	(void)state;
	ids();
	assert_non_null(v);
	assert_int_equal(register_at(A, WANG, "王芳", "东村"), OPS_OK);
	assert_int_equal(register_at(A, LI, "李四", "东村"), OPS_OK);
	assert_int_equal(register_at(B, ZHAO, "赵六", "西村"), OPS_OK);
	assert_int_equal(register_at(B, ZHOU, "周七", "西村"), OPS_OK);
	household_at(A, "0001", "东村", WANG, LI);
	household_at(B, "0001", "西村", ZHAO, ZHOU);
	night();
	assert_converged();
	assert_int_equal(db_quarantine_open(hub.db), 0);
	assert_int_equal(count(hub.db, "SELECT count(*) FROM household WHERE "
	    "number = '0001'"), 2);
	assert_int_equal(count(hub.db, "SELECT count(*) FROM household_member "
	    "m JOIN household h ON h.key = m.household WHERE h.number = '0001' "
	    "AND m.site = h.site AND m.left_on IS NULL"), 4);

	/* Each office's 0001 is its own; the other's is OFFICE/NUMBER. */
	snprintf(want, sizeof want, "A-H00000001:%s,%s", WANG, LI);
	household_seen(A, "0001", a, sizeof a);
	assert_string_equal(a, want);
	household_seen(B, "A/0001", a, sizeof a);
	assert_string_equal(a, want);
	household_seen(&hub, "A/0001", a, sizeof a);
	assert_string_equal(a, want);
	snprintf(want, sizeof want, "B-H00000001:%s,%s", ZHAO, ZHOU);
	household_seen(B, "0001", b, sizeof b);
	assert_string_equal(b, want);
	household_seen(A, "B/0001", b, sizeof b);
	assert_string_equal(b, want);

	/* The hub has no 0001 of its own and says whose there are. */
	s = session_of(&hub, NULL);
	assert_int_equal(ops_household_view(&s, "0001", 0, v, &e),
	    OPS_NOT_FOUND);
	assert_string_equal(e.msg, "this office (HUB) has no household 0001; "
	    "other offices have one (A, B): name it with the office's code, "
	    "e.g. A/0001");
	/* A second 0001 in one office is still refused. */
	s = session_of(A, NULL);
	assert_int_equal(ops_household_create(&s, "0001", "北村", ZHAO, &e),
	    OPS_CONFLICT);

	/* A moves B's member into its own 0001; that travels too. */
	assert_int_equal(ops_household_move(&s, ZHOU, "0001", "other", &e),
	    OPS_OK);
	night();
	assert_converged();
	snprintf(want, sizeof want, "A-H00000001:%s,%s,%s", WANG, LI, ZHOU);
	household_seen(B, "A/0001", a, sizeof a);
	assert_string_equal(a, want);
	assert_int_equal(db_quarantine_open(hub.db), 0);
	free(v);
}

/*
 * A hub file older than the office's last move: it brings back the
 * membership the office has ended since, as it was (current).  The office
 * cannot take that version (the person is current elsewhere) and keeps
 * its own row, which must not be lost on the way; its next file puts the
 * hub right.
 */
static void
test_stale_membership(void **state)
{
	const char *ZHOU = id_of("19900909", 4);
	struct ops_session s = session_of(B, NULL);
	struct hub_apply_result hr;
	struct sync_apply_result orr;
	struct ops_error e;
	char f[512];

	(void)state;
	ids();
	assert_int_equal(register_at(B, ZHAO, "赵六", "西村"), OPS_OK);
	assert_int_equal(register_at(B, ZHOU, "周七", "西村"), OPS_OK);
	assert_int_equal(register_at(B, LI, "李四", "西村"), OPS_OK);
	household_at(B, "0001", "西村", ZHAO, ZHOU);
	export_office(B, "B1", f, sizeof f);
	assert_int_equal(hub_apply(f, &hr, &e), OPS_OK);
	/* Before the hub hears of it, B moves 周七 to a new household. */
	assert_int_equal(ops_household_create(&s, "0002", "西村", LI, &e),
	    OPS_OK);
	assert_int_equal(ops_household_move(&s, ZHOU, "0002", "other", &e),
	    OPS_OK);
	export_hub(B, "HB1", f, sizeof f);
	if (office_apply(B, f, &orr, &e) != OPS_OK)
		fail_msg("HB1: %s", e.msg);
	assert_int_equal(orr.conflicts, 1);
	assert_int_equal(orr.omitted, 1);
	/* B's ended row is still there, ended; the new one is current. */
	assert_int_equal(count(B->db, "SELECT count(*) FROM household_member "
	    "WHERE key = 'B-M00000002' AND left_on = '2021-06-01'"), 1);
	assert_int_equal(count(B->db, "SELECT count(*) FROM household_member "
	    "WHERE left_on IS NULL"), 3);
	night();
	assert_converged();
	assert_int_equal(count(hub.db, "SELECT count(*) FROM household_member "
	    "WHERE key = 'B-M00000002' AND left_on = '2021-06-01'"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sealed_write, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_damage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forgery, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sequence, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_capture, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflicts, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_households, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_stale_membership, setup,
		    teardown),
	};

	db_sync_log_install();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
