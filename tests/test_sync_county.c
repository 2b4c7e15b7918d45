/*
 * test_sync_county.c: a simulated county.  A hub and three offices, each a
 * database file, work for several nights through the real ops
 * (registrations, edits, payments, claims, reversals, households with
 * the same numbers at every office), with the same new
 * person registered at two offices and one resident edited at two offices
 * every night.  The files travel in shuffled order, some a night late,
 * some lost, with replays, truncations, flipped bits and forgeries thrown
 * in.  Every refusal must leave its database as it was; at the end every
 * office's synced tables equal the hub's, every office's rows are at the
 * hub exactly once, and every conflict is in the quarantine list.
 *
 * YIBAO_COUNTY_NIGHTS and YIBAO_COUNTY_SEED make a longer or another run.
 */
#include "sync_fixture.h"

#include "ops/claim.h"
#include "ops/household.h"
#include "ops/payment.h"

#define OFFICES 3
#define MAX_FILES 256

static uint64_t rng = 20210601;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

static int next_person = 1;

/* A person nobody registered yet (id_of keeps the last 16). */
static const char *
new_id(void)
{
	int n = next_person++;

	return id_of(n % 2 ? "19800101" : "19750505", n);
}

static int
random_resident(struct place *p, char out[19])
{
	sqlite3_stmt *st;
	long long n = 0;
	int rc;

	assert_int_equal(sqlite3_prepare_v2(p->db->h, "SELECT count(*) FROM "
	    "resident", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (n == 0)
		return -1;
	assert_int_equal(sqlite3_prepare_v2(p->db->h, "SELECT id_number FROM "
	    "resident ORDER BY id_number LIMIT 1 OFFSET ?1", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, (long long)rnd((unsigned)n));
	rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
	if (rc == 0)
		snprintf(out, 19, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

/* A key this office made, of a kind, at random: receipts, claims. */
static int
random_own(struct place *p, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	int rc;

	assert_int_equal(sqlite3_prepare_v2(p->db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)rnd(1000));
	rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
	if (rc == 0)
		snprintf(out, n, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

static void
edit_village(struct place *p, const char *id, const char *village)
{
	struct ops_session s = session_of(p, NULL);
	struct resident_change c = { NULL, NULL, NULL, village, NULL };
	struct ops_error e;

	if (ops_resident_edit(&s, id, &c, &e) != OPS_OK)
		fail_msg("edit at %s: %s", p->code, e.msg);
}

static long done_ops, household_ops;

/* Conflicts made on purpose, to be found in the quarantine list. */
static char same_person[64][19], edited_twice[64][19], two_homes[64][19];
static int nsame, nedited, nhomes;

static int
registered_twice(const char *id)
{
	for (int i = 0; i < nsame; i++)
		if (strcmp(same_person[i], id) == 0)
			return 1;
	return 0;
}

static int
put_twice(const char *id)
{
	for (int i = 0; i < nhomes; i++)
		if (strcmp(two_homes[i], id) == 0)
			return 1;
	return 0;
}

/* 1 if `id` is in a household at p now. */
static int
in_household(struct place *p, const char *id)
{
	struct db_member m;

	return db_member_current(p->db, id, &m) == 0;
}

/*
 * One resident both offices know, in no household at either, put in a
 * household at each on the same night: at a as the head of a new one, at
 * b as a child of b's 0001 (or the head of a new 0001).  The shuffle sends
 * either file first.
 */
static void
two_households(struct place *a, struct place *b, int night)
{
	struct ops_session sa = session_of(a, NULL), sb = session_of(b, NULL);
	struct ops_error e;
	struct db_household h;
	struct db_resident r;
	char id[19], number[16];

	for (int tries = 0; tries < 20; tries++) {
		if (random_resident(a, id) != 0)
			return;
		if (registered_twice(id) || put_twice(id) ||
		    db_resident_get(b->db, id, &r) != 0 ||
		    in_household(a, id) || in_household(b, id))
			continue;
		snprintf(number, sizeof number, "S%02d", night);
		if (ops_household_create(&sa, number, "南村", id, &e) != OPS_OK)
			fail_msg("household at %s: %s", a->code, e.msg);
		if (db_household_get(b->db, b->code, "0001", &h) == 0) {
			if (ops_household_add(&sb, "0001", id, "child", &e) !=
			    OPS_OK)
				fail_msg("household add at %s: %s", b->code,
				    e.msg);
		} else if (ops_household_create(&sb, "0001", "北村", id, &e) !=
		    OPS_OK)
			fail_msg("household at %s: %s", b->code, e.msg);
		snprintf(two_homes[nhomes++], 19, "%s", id);
		return;
	}
}

/*
 * Household work at office p, with the numbers every office uses (0001 to
 * 0008, no office prefix), so that the offices' households collide by
 * number.  The people are p's own registrations, in no household or
 * moving between p's households: a person put in households at two
 * offices at once is another conflict, not this one.
 */
static void
household_work(struct place *p)
{
	struct ops_session s = session_of(p, NULL);
	struct ops_error e;
	struct db_household h;
	char id[19], number[8];
	int move = rnd(4) == 0;

	snprintf(number, sizeof number, "%04u", rnd(8) + 1);
	if (random_own(p, move ?
	    "SELECT m.id_number FROM household_member m JOIN resident r ON "
	    "r.id_number = m.id_number WHERE r.site = ?1 AND m.left_on IS NULL "
	    "AND m.relation <> 'head' ORDER BY (CAST(substr(m.id_number, 15, 3) "
	    "AS INTEGER) * ?2) % 97 LIMIT 1" :
	    "SELECT id_number FROM resident r WHERE site = ?1 AND NOT EXISTS "
	    "(SELECT 1 FROM household_member m WHERE m.id_number = r.id_number "
	    "AND m.left_on IS NULL) ORDER BY (CAST(substr(id_number, 15, 3) AS "
	    "INTEGER) * ?2) % 97 LIMIT 1", id, sizeof id) != 0 ||
	    registered_twice(id))
		return;
	if (move) {
		if (ops_household_move(&s, id, number, "other", &e) == OPS_OK)
			household_ops++;
		return;
	}
	if (db_household_get(p->db, p->code, number, &h) == 0) {
		if (ops_household_add(&s, number, id, "child", &e) != OPS_OK)
			fail_msg("household add at %s: %s", p->code, e.msg);
	} else if (ops_household_create(&s, number, "东村", id, &e) != OPS_OK)
		fail_msg("household create at %s: %s", p->code, e.msg);
	household_ops++;
}

/* One random piece of a clerk's work at office p. */
static void
work(struct place *p, int night)
{
	struct ops_session s = session_of(p, NULL);
	struct ops_error e;
	char id[19], key[64], village[32];
	unsigned what = rnd(100);

	if (what < 30) {
		static const char *const names[] = { "张三", "李四", "王五",
		    "曾小红", "赵六", "单田芳" };

		if (register_at(p, new_id(), names[rnd(6)], "东村") == OPS_OK)
			done_ops++;
	} else if (what < 45) {
		if (random_resident(p, id) != 0)
			return;
		snprintf(village, sizeof village, "%s村%d", p->code, night);
		edit_village(p, id, village);
		done_ops++;
	} else if (what < 65) {
		struct pay_request req;
		struct pay_receipt r;

		if (random_resident(p, id) != 0)
			return;
		memset(&req, 0, sizeof req);
		req.ids[req.nids++] = id;
		if (ops_pay(&s, &req, &r, &e) == OPS_OK)
			done_ops++;
	} else if (what < 80) {
		struct claim_request r;
		struct claim_result *res = calloc(1, sizeof *res);

		if (random_resident(p, id) != 0) {
			free(res);
			return;
		}
		memset(&r, 0, sizeof r);
		r.id = id;
		r.kind = KIND_INPATIENT;
		assert_int_equal(date_parse("2021-05-01", &r.admitted_on),
		    DATE_OK);
		r.hospital = "示范县人民医院";
		r.level = 1;
		r.scope = SCOPE_LOCAL;
		r.total = 100000 + 100 * (fen_t)rnd(5000);
		if (ops_claim_settle(&s, &r, 0, res, &e) == OPS_OK)
			done_ops++;
		free(res);
	} else if (what < 90) {
		struct cancel_result c;

		if (random_own(p, "SELECT receipt FROM payment WHERE site = ?1 "
		    "AND kind = 'payment' AND key NOT IN (SELECT cancels FROM "
		    "payment WHERE cancels IS NOT NULL) ORDER BY (CAST(substr("
		    "receipt, -4) AS INTEGER) * ?2) % 97 LIMIT 1", key, sizeof key) != 0)
			return;
		if (ops_reverse(&s, key, "录入错误", &c, &e) == OPS_OK)
			done_ops++;
	} else {
		char nk[64];

		if (random_own(p, "SELECT key FROM claim WHERE site = ?1 AND "
		    "reverses IS NULL AND key NOT IN (SELECT reverses FROM claim "
		    "WHERE reverses IS NOT NULL) ORDER BY (CAST(substr(key, -4) "
		    "AS INTEGER) * ?2) % 97 LIMIT 1", key, sizeof key) != 0)
			return;
		if (ops_claim_reverse(&s, key, "录入错误", nk, sizeof nk, &e) ==
		    OPS_OK)
			done_ops++;
	}
}

static void
make_conflicts(int night)
{
	struct place *a = &office[rnd(OFFICES)], *b;
	const char *id = new_id();
	char village[32], known[19];

	do
		b = &office[rnd(OFFICES)];
	while (b == a);
	assert_int_equal(register_at(a, id, "孙七", "东村"), OPS_OK);
	assert_int_equal(register_at(b, id, "孙琦", "西村"), OPS_OK);
	snprintf(same_person[nsame++], 19, "%s", id);
	/* One resident both offices know, edited at both. */
	for (int tries = 0; tries < 20; tries++) {
		struct db_resident r;

		if (random_resident(a, known) != 0)
			return;
		/* Not tonight's double registration: that is another case. */
		if (strcmp(known, id) == 0 ||
		    db_resident_get(b->db, known, &r) != 0)
			continue;
		snprintf(village, sizeof village, "%s改%d", a->code, night);
		edit_village(a, known, village);
		snprintf(village, sizeof village, "%s改%d", b->code, night);
		edit_village(b, known, village);
		snprintf(edited_twice[nedited++], 19, "%s", known);
		break;
	}
	if (nhomes < 64)
		two_households(b, a, night);
}

/* A file in transit. */
struct parcel {
	char path[512];
	int damaged;		/* must be refused */
	int for_office;		/* -1: for the hub */
};

static struct parcel q[MAX_FILES];
static int nq;
static int nfile;
static long refusals, skips;

static void
enqueue(const char *path, int damaged, int for_office)
{
	assert_true(nq < MAX_FILES);
	snprintf(q[nq].path, sizeof q[nq].path, "%s", path);
	q[nq].damaged = damaged;
	q[nq].for_office = for_office;
	nq++;
}

/* A damaged copy of a file: cut, a flipped bit, or signed by another key. */
static void
damage(const char *good, struct place *forger, char *out, size_t outsz)
{
	size_t n;
	unsigned char *b = read_bytes(good, &n);
	unsigned how = rnd(3);

	path_of(out, outsz, "");
	snprintf(out + strlen(out), outsz - strlen(out), "bad-%d", nfile++);
	if (how == 0) {
		write_bytes(out, b, rnd((unsigned)n));
	} else if (how == 1) {
		size_t at = rnd((unsigned)n);

		b[at] ^= (unsigned char)(1u << rnd(8));
		write_bytes(out, b, n);
	} else {
		struct syncfile h;
		char sk[SYNCFILE_SK_HEX + 1];
		unsigned char *f;
		size_t fn;

		assert_int_equal(syncfile_parse(b, n, &h), SYNCFILE_OK);
		assert_int_equal(db_setting_get(forger->db, "sync.secret_key",
		    sk, sizeof sk), 0);
		assert_int_equal(syncfile_seal(&h, h.payload, (size_t)h.length,
		    sk, &f, &fn), 0);
		write_bytes(out, f, fn);
		free(f);
	}
	free(b);
}

/* Apply what waits for the hub, in passes, until nothing more goes in. */
static void
hub_deliver(void)
{
	int progress = 1;

	while (progress) {
		progress = 0;
		for (int i = 0; i < nq; i++) {
			struct hub_apply_result r;
			struct ops_error e;
			char *before, *after;
			enum ops_status st;

			if (q[i].for_office != -1)
				continue;
			before = full_dump(hub.db);
			st = hub_apply(q[i].path, &r, &e);
			if (st == OPS_OK && q[i].damaged)
				fail_msg("the hub applied a damaged file");
			if (st == OPS_OK) {
				skips += r.skipped;
				free(before);
				q[i] = q[--nq];
				i--;
				progress = 1;
				continue;
			}
			assert_int_equal(st, OPS_INVALID);
			refusals++;
			after = full_dump(hub.db);
			if (strcmp(before, after) != 0)
				fail_msg("refusing %s changed the hub: %s",
				    q[i].path, e.msg);
			free(before);
			free(after);
			if (q[i].damaged) {
				q[i] = q[--nq];
				i--;
			}
		}
	}
}

static void
shuffle(void)
{
	for (int i = nq - 1; i > 0; i--) {
		int j = (int)rnd((unsigned)i + 1);
		struct parcel t = q[i];

		q[i] = q[j];
		q[j] = t;
	}
}

/* An office applies: damaged copies first (refused), replays skipped. */
static void
office_receive(int i, const char *good, const char *old, int lost)
{
	struct place *p = &office[i];
	struct sync_apply_result r;
	struct ops_error e;
	char bad[512], *before, *after;

	if (rnd(4) == 0) {
		damage(good, &office[(i + 1) % OFFICES], bad, sizeof bad);
		before = full_dump(p->db);
		assert_int_equal(office_apply(p, bad, &r, &e), OPS_INVALID);
		after = full_dump(p->db);
		if (strcmp(before, after) != 0)
			fail_msg("refusing a damaged file changed %s", p->code);
		refusals++;
		free(before);
		free(after);
	}
	if (!lost && office_apply(p, good, &r, &e) != OPS_OK)
		fail_msg("office %s refused %s: %s", p->code, good, e.msg);
	if (old[0] != '\0') {	/* an old file again: skipped, no change */
		before = full_dump(p->db);
		if (office_apply(p, old, &r, &e) == OPS_OK)
			skips += r.skipped;
		else
			refusals++;
		after = full_dump(p->db);
		if (strcmp(before, after) != 0)
			fail_msg("a replay changed %s", p->code);
		free(before);
		free(after);
	}
}

static char last_hub_file[OFFICES][512];

static void
exchange(int night, int rough)
{
	char f[512], name[40], bad[512];

	for (int i = 0; i < OFFICES; i++) {
		snprintf(name, sizeof name, "%.16s-n%d", office[i].code, night);
		export_office(&office[i], name, f, sizeof f);
		/* A file can be a night late (rough nights only). */
		if (rough && rnd(5) == 0) {
			char late[512];

			path_of(late, sizeof late, "late-");
			snprintf(late + strlen(late), sizeof late - strlen(late),
			    "%s", name);
			assert_int_equal(rename(f, late), 0);
			enqueue(late, 0, -2);	/* held back */
		} else
			enqueue(f, 0, -1);
		if (rough && rnd(3) == 0) {
			damage(q[nq - 1].path, &office[(i + 1) % OFFICES], bad,
			    sizeof bad);
			enqueue(bad, 1, -1);
		}
		if (rough && rnd(4) == 0 && night > 1) {
			/* A replay of the office's first file. */
			snprintf(name, sizeof name, "%.16s-n1", office[i].code);
			path_of(f, sizeof f, name);
			if (access(f, R_OK) == 0)	/* not one held back */
				enqueue(f, 0, -1);
		}
	}
	shuffle();
	hub_deliver();
	/* What was held back goes on the next night. */
	for (int i = 0; i < nq; i++)
		if (q[i].for_office == -2)
			q[i].for_office = -1;
	for (int i = 0; i < OFFICES; i++) {
		int lost = rough && rnd(6) == 0;

		snprintf(name, sizeof name, "H%.16s-n%d", office[i].code, night);
		export_hub(&office[i], name, f, sizeof f);
		office_receive(i, f, rough ? last_hub_file[i] : "", lost);
		if (!lost)
			snprintf(last_hub_file[i], sizeof last_hub_file[i],
			    "%s", f);
	}
}

static long long
count_at(struct db *db, const char *sql, const char *site)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, site, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
test_county(void **state)
{
	const char *env = getenv("YIBAO_COUNTY_NIGHTS");
	int nights = env != NULL ? atoi(env) : 8;
	char *h;

	(void)state;
	if ((env = getenv("YIBAO_COUNTY_SEED")) != NULL)
		rng = strtoull(env, NULL, 10);
	county_make(OFFICES, "county");
	for (int night = 1; night <= nights; night++) {
		for (int i = 0; i < OFFICES; i++)
			for (int k = 0; k < 15; k++) {
				work(&office[i], night);
				if (rnd(3) == 0)
					household_work(&office[i]);
			}
		if (nsame < 64 && nedited < 64)
			make_conflicts(night);
		exchange(night, 1);
	}
	/* Calm nights: whatever was late arrives, and everyone catches up. */
	for (int i = 0; i < nq; i++)
		q[i].for_office = -1;
	exchange(nights + 1, 0);
	exchange(nights + 2, 0);
	assert_int_equal(nq, 0);

	h = synced_dump(hub.db);
	for (int i = 0; i < OFFICES; i++) {
		char *o = synced_dump(office[i].db);

		if (strcmp(h, o) != 0)
			fail_msg("office %s differs from the hub", office[i].code);
		free(o);
	}
	free(h);
	/* Each office's own rows are at the hub, once each. */
	for (int i = 0; i < OFFICES; i++) {
		static const char *const own[] = {
		    "SELECT count(*) FROM payment WHERE site = ?1",
		    "SELECT count(*) FROM claim WHERE site = ?1",
		    "SELECT count(*) FROM audit_log WHERE site = ?1",
		    "SELECT count(*) FROM household WHERE site = ?1",
		    "SELECT count(*) FROM household_member WHERE site = ?1",
		    "SELECT count(*) FROM sync_ledger WHERE direction = 'in' "
		    "AND site = ?1" };
		struct ops_session s = session_of(&office[i], NULL);
		int64_t sent;

		for (int k = 0; k < 5; k++)
			assert_int_equal(count_at(hub.db, own[k], office[i].code),
			    count_at(office[i].db, own[k], office[i].code));
		assert_int_equal(sync_setting_int(&s, "sync.sent", &sent), 0);
		assert_int_equal(count_at(hub.db, own[5], office[i].code), sent);
	}
	/* Every conflict made is in the quarantine list. */
	for (int i = 0; i < nsame; i++)
		assert_int_equal(count_at(hub.db, "SELECT count(*) FROM "
		    "sync_quarantine WHERE kind = 'same_person' AND record = ?1",
		    same_person[i]), 1);
	for (int i = 0; i < nedited; i++)
		assert_true(count_at(hub.db, "SELECT count(*) FROM "
		    "sync_quarantine WHERE kind = 'overwritten' AND record = ?1",
		    edited_twice[i]) >= 1);
	/*
	 * A person put in households at two offices: one current household
	 * at the hub (and so everywhere), the other membership kept, ended,
	 * and listed for review.
	 */
	for (int i = 0; i < nhomes; i++) {
		assert_int_equal(count_at(hub.db, "SELECT count(*) FROM "
		    "household_member WHERE id_number = ?1 AND left_on IS NULL",
		    two_homes[i]), 1);
		assert_true(count_at(hub.db, "SELECT count(*) FROM "
		    "sync_quarantine WHERE kind = 'constraint' AND tbl = "
		    "'household_member' AND json_extract(other, '$.id_number') "
		    "= ?1", two_homes[i]) >= 1);
	}
	assert_true(nhomes > 0);
	/* Offices' households shared numbers, and all of them stand. */
	assert_true(count_at(hub.db, "SELECT count(*) FROM (SELECT number FROM "
	    "household WHERE ?1 IS NOT NULL GROUP BY number HAVING "
	    "count(DISTINCT site) = 3)", "x") > 0);
	assert_true(refusals > 0);
	assert_true(skips > 0);
	print_message("  %d nights, %ld ops, %ld household ops, %lld "
	    "households, %d same-person, %d edited twice, %d in two households, %ld refusals, %ld "
	    "replays skipped, %ld quarantined\n", nights, done_ops,
	    household_ops, count_at(hub.db, "SELECT count(*) FROM household "
	    "WHERE ?1 IS NOT NULL", "x"), nsame, nedited, nhomes, refusals, skips,
	    (long)count_at(hub.db, "SELECT count(*) FROM sync_quarantine "
	    "WHERE ?1 IS NOT NULL", "x"));
	county_free();
}

/*
 * The same person put in households at two offices on one night, each
 * order of arrival at the hub, and B's file a night late: every place ends
 * with the same rows, the first membership to reach the hub current, the
 * other kept and ended on the day it began, listed for review; and a
 * supervisor's "keep the office's" moves the person at the hub, which
 * travels back.
 */
#define X "11010519491231002X"
#define Y "370402198202020021"

/* The person's memberships: household, relation, joined, left; by key. */
static char *
homes(struct place *p)
{
	struct text t = { 0 };
	sqlite3_stmt *st;

	text_add(&t, "");
	assert_int_equal(sqlite3_prepare_v2(p->db->h, "SELECT h.site || '/' "
	    "|| h.number || ' ' || m.relation || ' ' || m.joined_on || ' ' || "
	    "ifnull(m.left_on, '-') FROM household_member m JOIN household h "
	    "ON h.key = m.household WHERE m.id_number = ?1 ORDER BY m.key", -1,
	    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, X, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		text_add(&t, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return t.s;
}

static void
homes_are(struct place *p, const char *want)
{
	char *got = homes(p);

	if (strcmp(got + 1, want) != 0)
		fail_msg("at %s:\n%swanted:\n%s", p->code, got + 1, want);
	free(got);
}

static void
all_equal(void)
{
	char *h = synced_dump(hub.db);

	for (int i = 0; i < 2; i++) {
		char *o = synced_dump(office[i].db);

		if (strcmp(h, o) != 0)
			fail_msg("office %s differs from the hub",
			    office[i].code);
		free(o);
	}
	free(h);
}

static void
hub_takes(const char *path)
{
	struct hub_apply_result r;
	struct ops_error e;

	if (hub_apply(path, &r, &e) != OPS_OK)
		fail_msg("hub apply %s: %s", path, e.msg);
}

static void
office_takes(struct place *p, const char *name)
{
	struct sync_apply_result r;
	struct ops_error e;
	char f[512];

	export_hub(p, name, f, sizeof f);
	if (office_apply(p, f, &r, &e) != OPS_OK)
		fail_msg("apply at %s: %s", p->code, e.msg);
	/* Again: skipped, nothing changes. */
	assert_int_equal(office_apply(p, f, &r, &e), OPS_OK);
	assert_int_equal(r.skipped, 1);
}

static void
two_homes_night(int order)
{
	struct ops_session sa, sb, sh;
	struct ops_error e;
	char fa[512], fb[512];
	const char *a_first = "A/0001 head 2021-06-01 -\n"
	    "B/0005 spouse 2021-06-01 2021-06-01\n";
	const char *b_first = "A/0001 head 2021-06-01 2021-06-01\n"
	    "B/0005 spouse 2021-06-01 -\n";
	const char *want = order == 1 ? b_first : a_first;
	int64_t id;

	county_make(2, "homes");
	sa = session_of(&office[0], NULL);
	sb = session_of(&office[1], NULL);
	sh = session_of(&hub, NULL);
	/* Night 1: A registers X, B registers Y; everyone has both. */
	assert_int_equal(register_at(&office[0], X, "张三", "东村"), OPS_OK);
	assert_int_equal(register_at(&office[1], Y, "李四", "西村"), OPS_OK);
	export_office(&office[0], "A1", fa, sizeof fa);
	export_office(&office[1], "B1", fb, sizeof fb);
	hub_takes(fa);
	hub_takes(fb);
	office_takes(&office[0], "HA1");
	office_takes(&office[1], "HB1");
	/* Night 2: A puts X at the head of A/0001, B X in B/0005. */
	if (ops_household_create(&sa, "0001", "东村", X, &e) != OPS_OK ||
	    ops_household_create(&sb, "0005", "西村", Y, &e) != OPS_OK ||
	    ops_household_add(&sb, "0005", X, "spouse", &e) != OPS_OK)
		fail_msg("households: %s", e.msg);
	export_office(&office[0], "A2", fa, sizeof fa);
	export_office(&office[1], "B2", fb, sizeof fb);
	if (order == 0) {		/* A's file first */
		hub_takes(fa);
		hub_takes(fb);
	} else if (order == 1) {	/* B's first, A's replayed */
		hub_takes(fb);
		hub_takes(fa);
		hub_takes(fa);
	} else			/* B's file a night late */
		hub_takes(fa);
	homes_are(&hub, order == 2 ? "A/0001 head 2021-06-01 -\n" : want);
	office_takes(&office[0], "HA2");
	office_takes(&office[1], "HB2");
	if (order == 2) {
		/* B takes the centre's household and ends its own. */
		homes_are(&office[1], a_first);
		homes_are(&office[0], "A/0001 head 2021-06-01 -\n");
		hub_takes(fb);
		hub_takes(fb);
		office_takes(&office[0], "HA3");
		office_takes(&office[1], "HB3");
	}
	homes_are(&hub, want);
	homes_are(&office[0], want);
	homes_are(&office[1], want);
	all_equal();
	assert_int_equal(count_at(hub.db, "SELECT count(*) FROM "
	    "sync_quarantine WHERE kind = 'constraint' AND tbl = "
	    "'household_member' AND status = 'open' AND "
	    "json_extract(other, '$.id_number') = ?1", X), 1);
	id = count_at(hub.db, "SELECT id FROM sync_quarantine WHERE tbl = "
	    "'household_member' AND json_extract(other, '$.id_number') = ?1",
	    X);
	/* The office's version set aside becomes the record: a move. */
	if (ops_hub_resolve(&sh, id, HUB_KEEP_OTHER, NULL, &e) != OPS_OK)
		fail_msg("resolve: %s", e.msg);
	office_takes(&office[0], "HA4");
	office_takes(&office[1], "HB4");
	want = order == 1 ?
	    "A/0001 head 2021-06-01 2021-06-01\n"
	    "B/0005 spouse 2021-06-01 2021-06-01\n"
	    "A/0001 head 2021-06-01 -\n" :
	    "A/0001 head 2021-06-01 2021-06-01\n"
	    "B/0005 spouse 2021-06-01 2021-06-01\n"
	    "B/0005 spouse 2021-06-01 -\n";
	homes_are(&hub, want);
	homes_are(&office[0], want);
	homes_are(&office[1], want);
	all_equal();
	county_free();
}

static void
test_two_homes_a_first(void **state)
{
	(void)state;
	two_homes_night(0);
}

static void
test_two_homes_b_first(void **state)
{
	(void)state;
	two_homes_night(1);
}

static void
test_two_homes_late(void **state)
{
	(void)state;
	two_homes_night(2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_homes_a_first),
		cmocka_unit_test(test_two_homes_b_first),
		cmocka_unit_test(test_two_homes_late),
		cmocka_unit_test(test_county),
	};

	db_sync_log_install();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
