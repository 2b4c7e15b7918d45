/*
 * test_ops_resident.c: residents, households, categories and chronic
 * qualifications, on a real SQLite file in a temporary folder, with the
 * demonstration pack (data/policy/demo.policy) as the office's pack.
 *
 * The ID numbers are built by hand (GB 11643: 17 digits and the MOD 11-2
 * check character, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2):
 *   11010519491231002X  female (17th digit 2 is even), born 1949-12-31
 *   370402198001010011  male (1 odd), born 1980-01-01
 *   370402198202020021  female (2 even), born 1982-02-02
 *   370402199005050066  female, born 1990-05-05
 *   370402197004040051  male, born 1970-04-04
 *   370402196603050011  male, born 1966-03-05: also ends in 0011
 *   110105491231002     the 15-digit form of the first: 110105 (19)491231 002
 *
 * Every refusal is checked to leave the database as it was: the row counts
 * of every table this part writes and of the audit log are compared.
 *
 * Speed of find by initials (reported here because it is a choice): the
 * canonical initials are a range on the initials index; the other
 * readings of polyphonic characters (曾 zēng is canonically c) are kept in
 * resident_initials_alt with the name, every combination but the
 * canonical one, and searched by a range on its primary key in the same
 * statement.  A name with more than 64 combinations is marked '*' there
 * instead, and only those marked names are matched one by one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/category.h"
#include "db/db.h"
#include "db/household.h"
#include "db/resident.h"
#include "db/tx.h"
#include "io/policy_file.h"
#include "ops/category.h"
#include "ops/household.h"
#include "ops/office.h"
#include "ops/ops.h"
#include "ops/resident.h"

#define ZHANG "11010519491231002X"
#define WANG "370402198001010011"
#define ZENG "370402198202020021"
#define RARE "370402199005050066"
#define LING "370402197004040051"
#define LI "370402196603050011"

static char tmpdir[256];
static char dbpath[300];
static struct db *db;
static struct policy demo, zaozhuang;

static struct ops_session
as(enum role role)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.site, sizeof s.site, "370402");
	snprintf(s.login, sizeof s.login, "%s", role == ROLE_CLERK ? "li" :
	    role == ROLE_SUPERVISOR ? "wang" : "admin");
	s.role = role;
	s.today = (struct date){ 2021, 6, 1 };
	snprintf(s.now, sizeof s.now, "2021-06-01T08:00:00Z");
	s.policy = &demo;
	return s;
}

static void
load_pack(const char *id, struct policy *p)
{
	struct policy_errors errs = { 0 };

	assert_int_equal(policy_file_load(id, p, &errs), 0);
}

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error e;
	char err[256];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-res-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/o.db", tmpdir);
	if (db_open(dbpath, DB_CREATE, &db, err, sizeof err) != DB_OK)
		return -1;
	s = as(ROLE_ADMIN);
	if (ops_office_init(&s, "370402", "admin", NULL, "secret", &res, &e) !=
	    OPS_OK)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[512];

	(void)state;
	db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}

static long
count(const char *table)
{
	char sql[128];
	sqlite3_stmt *st;
	long n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static const char *
text(const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, n, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Everything this part writes, and the audit log, as a fingerprint. */
struct snap {
	long n[6];
	char changed[64];
};

static struct snap
snap(void)
{
	static const char *t[6] = { "resident", "household",
	    "household_member", "person_category", "chronic_qualification",
	    "audit_log" };
	struct snap x;

	for (int i = 0; i < 6; i++)
		x.n[i] = count(t[i]);
	/* Updates leave counts alone: the latest change of any row, too. */
	text("SELECT coalesce(max(updated_at), '') || '|' || "
	    "(SELECT count(*) FROM household_member WHERE left_on IS NOT NULL) "
	    "|| '|' || (SELECT count(*) FROM person_category WHERE valid_to IS "
	    "NOT NULL) || (SELECT count(*) FROM resident WHERE status = "
	    "'ended') FROM resident", x.changed, sizeof x.changed);
	return x;
}

static void
assert_same(struct snap a, struct snap b)
{
	for (int i = 0; i < 6; i++)
		assert_int_equal(a.n[i], b.n[i]);
	assert_string_equal(a.changed, b.changed);
}

static void
add(const char *id, const char *name, const char *residence)
{
	struct ops_session s = as(ROLE_CLERK);
	struct resident_input in = { id, name, residence, "rural_resident",
	    "东关村", NULL, NULL, NULL };
	struct ops_error e;
	char out[19];

	if (ops_resident_add(&s, &in, out, &e) != OPS_OK)
		fail_msg("%s: %s", id, e.msg);
}

static void
test_add(void **state)
{
	struct ops_session s = as(ROLE_CLERK);
	struct resident_input in = { "110105 19491231 002x", "张三", "rural",
	    "rural_resident", "东关村", "13800000000", "F", "1949-12-31" };
	struct db_resident r;
	struct ops_error e;
	char id[19], buf[512];

	(void)state;
	/* Spaces and a lower-case x are normalized: idcard_parse. */
	in.id_number = "11010519491231002x";
	assert_int_equal(ops_resident_add(&s, &in, id, &e), OPS_OK);
	assert_string_equal(id, ZHANG);
	assert_int_equal(db_resident_get(db, ZHANG, &r), 0);
	assert_string_equal(r.sex, "F");
	assert_string_equal(r.birth, "1949-12-31");
	assert_string_equal(r.initials, "zs");
	assert_string_equal(r.status, "active");
	/* id_reversed: the number backwards, for the suffix index. */
	assert_string_equal(text("SELECT id_reversed FROM resident",
	    buf, sizeof buf), "X20013219491501011");
	assert_string_equal(text("SELECT action || ' ' || record FROM "
	    "audit_log ORDER BY seq DESC LIMIT 1", buf, sizeof buf),
	    "resident.add " ZHANG);
}

/* Each of these is refused with OPS_INVALID and writes nothing. */
static void
test_add_invalid(void **state)
{
	static const struct {
		const char *what;
		struct resident_input in;
		enum ops_status want;
	} cases[] = {
		{ "checksum", { "110105194912310029", "张三", "rural",
		    "rural_resident", "东关村", NULL, NULL, NULL }, OPS_INVALID },
		{ "length", { "1101051949123100", "张三", "rural",
		    "rural_resident", "东关村", NULL, NULL, NULL }, OPS_INVALID },
		{ "born after today", { "110105202107010014", "张三", "rural",
		    "rural_resident", "东关村", NULL, NULL, NULL }, OPS_INVALID },
		{ "sex differs", { WANG, "王五", "rural", "rural_resident",
		    "东关村", NULL, "F", NULL }, OPS_INVALID },
		{ "birth differs", { WANG, "王五", "rural", "rural_resident",
		    "东关村", NULL, NULL, "1980-01-02" }, OPS_INVALID },
		{ "insured unknown", { WANG, "王五", "rural", "farmer",
		    "东关村", NULL, NULL, NULL }, OPS_INVALID },
		{ "residence unknown", { WANG, "王五", "suburban",
		    "rural_resident", "东关村", NULL, NULL, NULL }, OPS_INVALID },
		{ "no name", { WANG, "", "rural", "rural_resident", "东关村",
		    NULL, NULL, NULL }, OPS_INVALID },
		{ "no village", { WANG, "王五", "rural", "rural_resident",
		    NULL, NULL, NULL, NULL }, OPS_INVALID },
		{ "phone", { WANG, "王五", "rural", "rural_resident", "东关村",
		    "call me", NULL, NULL }, OPS_INVALID },
		{ "duplicate", { ZHANG, "张三", "rural", "rural_resident",
		    "东关村", NULL, NULL, NULL }, OPS_CONFLICT },
		/* The 15-digit form of the same person is the same person. */
		{ "duplicate, 15 digits", { "110105491231002", "张三",
		    "rural", "rural_resident", "东关村", NULL, NULL, NULL },
		    OPS_CONFLICT },
	};
	struct ops_session s = as(ROLE_CLERK);
	struct ops_error e;
	struct snap before;
	char id[19];

	(void)state;
	add(ZHANG, "张三", "rural");
	before = snap();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum ops_status st = ops_resident_add(&s, &cases[i].in, id, &e);

		if (st != cases[i].want)
			fail_msg("%s: got %d (%s)", cases[i].what, st, e.msg);
		assert_same(before, snap());
	}
	/* Sex and birth that agree with the number are accepted. */
	{
		struct resident_input ok = { WANG, "王五", "rural",
		    "rural_resident", "东关村", NULL, "M", "1980-01-01" };

		assert_int_equal(ops_resident_add(&s, &ok, id, &e), OPS_OK);
	}
}

static void
test_edit_end_reopen(void **state)
{
	struct ops_session clerk = as(ROLE_CLERK), sup = as(ROLE_SUPERVISOR);
	struct resident_change c = { "李四", NULL, "flexible_worker", NULL,
	    NULL };
	struct resident_change none = { NULL, NULL, NULL, NULL, NULL };
	struct resident_change bad = { NULL, "suburban", NULL, NULL, NULL };
	struct db_resident r;
	struct ops_error e;
	struct snap before;
	char buf[512];

	(void)state;
	add(ZHANG, "张三", "rural");
	before = snap();
	assert_int_equal(ops_resident_edit(&clerk, ZHANG, &none, &e),
	    OPS_INVALID);
	assert_int_equal(ops_resident_edit(&clerk, ZHANG, &bad, &e),
	    OPS_INVALID);
	assert_int_equal(ops_resident_edit(&clerk, WANG, &c, &e),
	    OPS_NOT_FOUND);
	assert_same(before, snap());
	assert_int_equal(ops_resident_edit(&clerk, ZHANG, &c, &e), OPS_OK);
	assert_int_equal(db_resident_get(db, ZHANG, &r), 0);
	assert_string_equal(r.name, "李四");
	assert_string_equal(r.initials, "ls");
	assert_string_equal(r.insured_category, "flexible_worker");
	/* Only what changed, old -> new. */
	assert_string_equal(text("SELECT action || ' ' || old_values || ' ' || "
	    "new_values FROM audit_log ORDER BY seq DESC LIMIT 1", buf,
	    sizeof buf), "resident.edit {\"name\":\"张三\",\"insured_category\":"
	    "\"rural_resident\"} {\"name\":\"李四\",\"insured_category\":"
	    "\"flexible_worker\"}");

	before = snap();
	assert_int_equal(ops_resident_end(&clerk, ZHANG, "2021-05-01",
	    "holiday", &e), OPS_INVALID);
	assert_int_equal(ops_resident_end(&clerk, ZHANG, "2021-06-02",
	    "death", &e), OPS_INVALID);		/* after today */
	assert_int_equal(ops_resident_end(&clerk, ZHANG, "1949-12-30",
	    "death", &e), OPS_INVALID);		/* before birth */
	assert_int_equal(ops_resident_end(&clerk, ZHANG, "2021-13-01",
	    "death", &e), OPS_INVALID);
	assert_same(before, snap());
	assert_int_equal(ops_resident_end(&clerk, ZHANG, "2021-05-01",
	    "death", &e), OPS_OK);
	assert_int_equal(db_resident_get(db, ZHANG, &r), 0);
	assert_string_equal(r.status, "ended");
	assert_string_equal(r.ended_on, "2021-05-01");
	assert_string_equal(r.end_reason, "death");
	before = snap();
	assert_int_equal(ops_resident_end(&clerk, ZHANG, "2021-05-02",
	    "moved", &e), OPS_CONFLICT);
	/* Reopening is a supervisor's, with a reason. */
	assert_int_equal(ops_resident_reopen(&clerk, ZHANG, "wrong person",
	    &e), OPS_DENIED);
	assert_int_equal(ops_resident_reopen(&sup, ZHANG, "", &e),
	    OPS_INVALID);
	assert_same(before, snap());
	assert_int_equal(ops_resident_reopen(&sup, ZHANG, "wrong person", &e),
	    OPS_OK);
	assert_int_equal(db_resident_get(db, ZHANG, &r), 0);
	assert_string_equal(r.status, "active");
	assert_string_equal(r.ended_on, "");
	assert_string_equal(text("SELECT operator || ' ' || action FROM "
	    "audit_log ORDER BY seq DESC LIMIT 1", buf, sizeof buf),
	    "wang resident.reopen");
}

/* find */
static void
add_find_people(void)
{
	add(ZHANG, "张三", "rural");
	add(WANG, "王䶮", "urban");
	add(ZENG, "曾小红", "rural");
	add(RARE, "𠇔大", "rural");
	add(LING, "〇一", "rural");
	add(LI, "李四", "rural");
}

/* The names found for `q`, joined by spaces, in the list's order. */
static const char *
found(enum role role, const char *q, char *buf, size_t n)
{
	struct ops_session s = as(role);
	static struct resident_found f;
	struct ops_error e;
	size_t len = 0;

	buf[0] = '\0';
	if (ops_resident_find(&s, q, &f, &e) != OPS_OK)
		fail_msg("find %s: %s", q, e.msg);
	for (int i = 0; i < f.n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s %s",
		    i ? ", " : "", f.hit[i].name, f.hit[i].shown);
	return buf;
}

static void
test_find(void **state)
{
	static const struct {
		const char *q, *want;
	} cases[] = {
		/* ID numbers: whole (18 or 15), or the last digits. */
		{ ZHANG, "张三 " ZHANG },
		{ "110105491231002", "张三 " ZHANG },
		{ "002x", "张三 " ZHANG },
		{ "0021", "曾小红 " ZENG },
		/* Two numbers end in 0011: sorted by name (UTF-8 order). */
		{ "0011", "李四 " LI ", 王䶮 " WANG },
		{ "9999", "" },
		/* Name prefixes, rare characters included. */
		{ "张", "张三 " ZHANG },
		{ "王", "王䶮 " WANG },
		{ "王䶮", "王䶮 " WANG },
		{ "𠇔", "𠇔大 " RARE },
		{ "〇", "〇一 " LING },
		{ "赵", "" },
		/* Pinyin initials, any case; 曾 is c (céng) and z (zēng). */
		{ "zs", "张三 " ZHANG },
		{ "ZS", "张三 " ZHANG },
		{ "wy", "王䶮 " WANG },
		{ "zxh", "曾小红 " ZENG },
		{ "cxh", "曾小红 " ZENG },
		/* 〇 U+3007 sorts before 李 U+674E. */
		{ "l", "〇一 " LING ", 李四 " LI },
		{ "ly", "〇一 " LING },
		{ "zz", "" },
	};
	char buf[1024];

	(void)state;
	add_find_people();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = found(ROLE_SUPERVISOR, cases[i].q, buf,
		    sizeof buf);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("find %s: got \"%s\", want \"%s\"",
			    cases[i].q, got, cases[i].want);
	}
	/* The 𠇔 name is found by its number too. */
	assert_string_equal(found(ROLE_SUPERVISOR, RARE, buf, sizeof buf),
	    "𠇔大 " RARE);
}

static void
test_find_masked(void **state)
{
	char buf[1024];
	struct ops_session s = as(ROLE_CLERK);
	struct resident_found f;
	struct ops_error e;

	(void)state;
	add_find_people();
	/* 6 digits, 8 stars, 4 characters (idcard_mask). */
	assert_string_equal(found(ROLE_CLERK, "zs", buf, sizeof buf),
	    "张三 110105********002X");
	assert_string_equal(found(ROLE_SUPERVISOR, "zs", buf, sizeof buf),
	    "张三 " ZHANG);
	assert_string_equal(found(ROLE_ADMIN, "zs", buf, sizeof buf),
	    "张三 " ZHANG);
	/* A bad whole number says why; an empty query is refused. */
	assert_int_equal(ops_resident_find(&s, "110105194912310029", &f, &e),
	    OPS_INVALID);
	assert_int_equal(ops_resident_find(&s, "  ", &f, &e), OPS_INVALID);
}

/* The find queries are served by the indexes (EXPLAIN QUERY PLAN). */
static void
test_find_uses_indexes(void **state)
{
	static const struct {
		const char *where, *index;
	} cases[] = {
		{ "id_reversed >= '1100' AND id_reversed < '1101'",
		    "resident_id_reversed" },
		{ "initials >= 'zs' AND initials < 'zt'", "resident_initials" },
		{ "name >= '王' AND name < '玌'", "resident_name" },
	};
	char sql[256], plan[256];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN SELECT * FROM "
		    "resident WHERE %s", cases[i].where);
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
		    SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		snprintf(plan, sizeof plan, "%s", sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
		if (strstr(plan, cases[i].index) == NULL)
			fail_msg("%s: %s", cases[i].where, plan);
	}
}

/* The other readings of a name, as resident_initials_alt holds them. */
static const char *
alts(const char *id, char *buf, size_t n)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT coalesce(group_concat(initials, "
	    "' '), '') FROM (SELECT initials FROM resident_initials_alt WHERE "
	    "id_number = '%s' ORDER BY initials)", id);
	return text(sql, buf, n);
}

static void
rename_to(const char *id, const char *name)
{
	struct ops_session s = as(ROLE_CLERK);
	struct resident_change c = { name, NULL, NULL, NULL, NULL };
	struct ops_error e;

	if (ops_resident_edit(&s, id, &c, &e) != OPS_OK)
		fail_msg("rename %s: %s", id, e.msg);
}

/*
 * Readings from data/pinyin/initials.inc (Unihan): 曾 c z, 国 g, 藩 f;
 * 单 d c s, 仇 c j q, 乐 l y; 湛 z c d j s t y; 张 z, 三 s.
 */
static void
test_initials_alt(void **state)
{
	char buf[2048];
	long before;

	(void)state;
	add(ZENG, "曾国藩", "rural");
	/* 2 x 1 x 1 = 2 combinations, less the canonical cgf. */
	assert_string_equal(alts(ZENG, buf, sizeof buf), "zgf");
	assert_string_equal(found(ROLE_SUPERVISOR, "cgf", buf, sizeof buf),
	    "曾国藩 " ZENG);
	assert_string_equal(found(ROLE_SUPERVISOR, "zgf", buf, sizeof buf),
	    "曾国藩 " ZENG);
	assert_string_equal(found(ROLE_SUPERVISOR, "Z G", buf, sizeof buf),
	    "曾国藩 " ZENG);
	assert_string_equal(found(ROLE_SUPERVISOR, "zgg", buf, sizeof buf), "");

	/* A new name replaces the rows: 张三 has one reading, so none. */
	rename_to(ZENG, "张三");
	assert_string_equal(alts(ZENG, buf, sizeof buf), "");
	assert_string_equal(found(ROLE_SUPERVISOR, "zgf", buf, sizeof buf), "");
	assert_string_equal(found(ROLE_SUPERVISOR, "zs", buf, sizeof buf),
	    "张三 " ZENG);

	/* 单仇乐: 3 x 3 x 2 = 18 combinations, 17 besides dcl. */
	rename_to(ZENG, "单仇乐");
	assert_string_equal(alts(ZENG, buf, sizeof buf),
	    "ccl ccy cjl cjy cql cqy dcy djl djy dql dqy scl scy sjl sjy sql "
	    "sqy");
	assert_string_equal(found(ROLE_SUPERVISOR, "sqy", buf, sizeof buf),
	    "单仇乐 " ZENG);

	/* 湛单单仇: 7 x 3 x 3 x 3 = 189 > 64: one '*' row, found all the same. */
	add(WANG, "湛单单仇", "rural");
	assert_string_equal(alts(WANG, buf, sizeof buf), "*");
	assert_string_equal(found(ROLE_SUPERVISOR, "sssq", buf, sizeof buf),
	    "湛单单仇 " WANG);
	assert_string_equal(found(ROLE_SUPERVISOR, "zddc", buf, sizeof buf),
	    "湛单单仇 " WANG);
	/* 湛单仇: 7 x 3 x 3 = 63 fits: 62 rows and no mark. */
	add(LI, "湛单仇", "rural");
	before = count("resident_initials_alt");
	assert_int_equal(text("SELECT count(*) FROM resident_initials_alt "
	    "WHERE id_number = '" LI "'", buf, sizeof buf)[0] != '\0', 1);
	assert_string_equal(buf, "62");
	assert_string_equal(found(ROLE_SUPERVISOR, "ysj", buf, sizeof buf),
	    "湛单仇 " LI);
	/* Both begin with a reading s of 湛 and s of 单. */
	assert_string_equal(found(ROLE_SUPERVISOR, "ss", buf, sizeof buf),
	    "湛单仇 " LI ", 湛单单仇 " WANG);
	/* A refused rename leaves the rows as they were. */
	{
		struct ops_session s = as(ROLE_CLERK);
		struct resident_change c = { "曾\x01", NULL, NULL, NULL, NULL };
		struct ops_error e;

		assert_int_equal(ops_resident_edit(&s, LI, &c, &e),
		    OPS_INVALID);
	}
	assert_int_equal(count("resident_initials_alt"), before);
}

/* Neither find by initials reads a whole table or index (no SCAN). */
static void
test_initials_no_scan(void **state)
{
	const char *sql[] = { db_resident_initials_sql,
	    db_resident_many_sql };
	char plan[1024];

	(void)state;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		char q[4096];
		sqlite3_stmt *st;
		size_t n = 0;

		snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql[i]);
		assert_int_equal(sqlite3_prepare_v2(db->h, q, -1, &st, NULL),
		    SQLITE_OK);
		sqlite3_bind_text(st, 1, "zg", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, "zh", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, 51);
		plan[0] = '\0';
		while (sqlite3_step(st) == SQLITE_ROW && n < sizeof plan)
			n += (size_t)snprintf(plan + n, sizeof plan - n, "%s; ",
			    sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
		if (strstr(plan, "SCAN") != NULL)
			fail_msg("a scan: %s", plan);
		if (i == 0 && (strstr(plan, "resident_initials ") == NULL ||
		    strstr(plan, "resident_initials_alt USING PRIMARY KEY "
		    "(initials>? AND initials<?)") == NULL))
			fail_msg("not both ranges: %s", plan);
	}
}

/* households */
static void
test_household(void **state)
{
	struct ops_session s = as(ROLE_CLERK);
	struct ops_error e;
	struct household_view v;
	struct snap before;
	char buf[512];

	(void)state;
	add_find_people();
	before = snap();
	assert_int_equal(ops_household_create(&s, "0001", "东关村", WANG, &e),
	    OPS_OK);
	assert_int_equal(ops_household_add(&s, "0001", ZENG, "spouse", &e),
	    OPS_OK);
	assert_int_equal(ops_household_create(&s, "0002", "东关村", ZHANG,
	    &e), OPS_OK);

	before = snap();
	/* One household at a time; the message names it. */
	assert_int_equal(ops_household_add(&s, "0002", ZENG, "child", &e),
	    OPS_CONFLICT);
	assert_non_null(strstr(e.msg, "0001"));
	assert_int_equal(ops_household_create(&s, "0003", "东关村", ZENG, &e),
	    OPS_CONFLICT);
	assert_non_null(strstr(e.msg, "0001"));
	assert_int_equal(ops_household_create(&s, "0001", "东关村", LI, &e),
	    OPS_CONFLICT);			/* the number exists */
	assert_int_equal(ops_household_add(&s, "0009", LI, "child", &e),
	    OPS_NOT_FOUND);
	assert_int_equal(ops_household_add(&s, "0001", LI, "head", &e),
	    OPS_INVALID);			/* one head, set at creation */
	assert_int_equal(ops_household_add(&s, "0001", LI, "cousin", &e),
	    OPS_INVALID);
	assert_int_equal(ops_household_move(&s, LI, "0001", "child", &e),
	    OPS_NOT_FOUND);			/* in no household yet */
	assert_int_equal(ops_household_move(&s, ZENG, "0001", "child", &e),
	    OPS_CONFLICT);			/* already there */
	/* The head cannot leave while others remain. */
	assert_int_equal(ops_household_move(&s, WANG, "0002", "child", &e),
	    OPS_CONFLICT);
	assert_same(before, snap());

	/* A move ends the old row today and starts a new one: history. */
	assert_int_equal(ops_household_move(&s, ZENG, "0002", "child", &e),
	    OPS_OK);
	assert_string_equal(text("SELECT group_concat(h.number || ' ' || "
	    "relation || ' ' || joined_on || ' ' || coalesce(left_on, '-'), "
	    "'; ') FROM (SELECT * FROM household_member WHERE id_number = '"
	    ZENG "' ORDER BY key) m JOIN household h ON h.key = m.household",
	    buf, sizeof buf), "0001 spouse 2021-06-01 2021-06-01; "
	    "0002 child 2021-06-01 -");
	assert_int_equal(ops_household_view(&s, "0001", 0, &v, &e), OPS_OK);
	assert_int_equal(v.n, 1);
	assert_int_equal(ops_household_view(&s, "0001", 1, &v, &e), OPS_OK);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.m[0].relation, "head");
	assert_string_equal(v.m[1].left_on, "2021-06-01");

	/* A new head first, then the former head can move. */
	assert_int_equal(ops_household_set_head(&s, "0002", ZENG, "parent",
	    &e), OPS_OK);
	assert_int_equal(ops_household_view(&s, "0002", 0, &v, &e), OPS_OK);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.m[0].id_number, ZENG);
	assert_string_equal(v.m[0].relation, "head");
	assert_string_equal(v.m[1].id_number, ZHANG);
	assert_string_equal(v.m[1].relation, "parent");
	/* The only member, the head, may move out. */
	assert_int_equal(ops_household_move(&s, WANG, "0002", "spouse", &e),
	    OPS_OK);
	assert_int_equal(ops_household_view(&s, "0001", 0, &v, &e), OPS_OK);
	assert_int_equal(v.n, 0);
}

/* categories */
static void
test_category(void **state)
{
	struct ops_session clerk = as(ROLE_CLERK), sup = as(ROLE_SUPERVISOR);
	struct period_input in = { ZHANG, "min_living", "2021-01-01",
	    "2021-06-30", "民政局" };
	struct period_input cases[] = {
		/* overlaps: the same days, inside, ending on the first day */
		{ ZHANG, "min_living", "2021-03-01", "2021-03-31", "民政局" },
		{ ZHANG, "min_living", "2020-01-01", "2021-01-01", "民政局" },
		{ ZHANG, "min_living", "2021-06-30", NULL, "民政局" },
		{ ZHANG, "min_living", "2020-01-01", NULL, "民政局" },
		/* not a code the pack knows, or of RULES.md 2 at all */
		{ ZHANG, "veteran", "2021-01-01", NULL, "民政局" },
		/* bad periods */
		{ ZHANG, "orphan", "2021-02-01", "2021-01-31", "民政局" },
		{ ZHANG, "orphan", "2021-02-30", NULL, "民政局" },
		{ ZHANG, "orphan", "2021-01-01", NULL, "" },
		{ ZHANG, "orphan", "1949-12-30", NULL, "民政局" },
		{ WANG "x", "orphan", "2021-01-01", NULL, "民政局" },
	};
	enum ops_status want[] = { OPS_CONFLICT, OPS_CONFLICT, OPS_CONFLICT,
	    OPS_CONFLICT, OPS_INVALID, OPS_INVALID, OPS_INVALID, OPS_INVALID,
	    OPS_INVALID, OPS_INVALID };
	struct ops_error e;
	struct snap before;
	char buf[512];

	(void)state;
	add(ZHANG, "张三", "rural");
	assert_int_equal(ops_category_add(&clerk, &in, &e), OPS_OK);
	assert_string_equal(text("SELECT action || ' ' || policy_id FROM "
	    "audit_log ORDER BY seq DESC LIMIT 1", buf, sizeof buf),
	    "category.add demo");
	before = snap();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum ops_status st = ops_category_add(&clerk, &cases[i], &e);

		if (st != want[i])
			fail_msg("case %zu: got %d (%s)", i, st, e.msg);
		assert_same(before, snap());
	}
	/* The day after the period: no overlap. */
	in.from = "2021-07-01";
	in.to = NULL;
	assert_int_equal(ops_category_add(&clerk, &in, &e), OPS_OK);

	/* zaozhuang-2021 (004) recognizes three categories; orphan is not one. */
	clerk.policy = &zaozhuang;
	in.code = "orphan";
	before = snap();
	assert_int_equal(ops_category_add(&clerk, &in, &e), OPS_INVALID);
	clerk.policy = NULL;
	assert_int_equal(ops_category_add(&clerk, &in, &e), OPS_INVALID);
	assert_same(before, snap());
	clerk.policy = &demo;

	/* Ending is a supervisor's. */
	assert_int_equal(ops_category_end(&clerk, ZHANG, "min_living",
	    "2021-08-31", "no longer eligible", &e), OPS_DENIED);
	assert_int_equal(ops_category_end(&sup, ZHANG, "min_living",
	    "2021-06-15", "", &e), OPS_INVALID);
	assert_int_equal(ops_category_end(&sup, ZHANG, "orphan",
	    "2021-08-31", "wrong", &e), OPS_NOT_FOUND);
	assert_same(before, snap());
	assert_int_equal(ops_category_end(&sup, ZHANG, "min_living",
	    "2021-08-31", "no longer eligible", &e), OPS_OK);
	assert_string_equal(text("SELECT valid_to || ' ' || end_reason FROM "
	    "person_category WHERE valid_from = '2021-07-01'", buf,
	    sizeof buf), "2021-08-31 no longer eligible");
	assert_string_equal(text("SELECT operator || ' ' || action || ' ' || "
	    "old_values || ' ' || new_values FROM audit_log ORDER BY seq DESC "
	    "LIMIT 1", buf, sizeof buf), "wang category.end "
	    "{\"valid_to\":null} {\"valid_to\":\"2021-08-31\",\"end_reason\":"
	    "\"no longer eligible\"}");
}

/* Valid on a date: the first day, the last day, the day after. */
static void
test_categories_on(void **state)
{
	static const struct {
		struct date on;
		catset_t want;
		int chronic, hypertension;
	} cases[] = {
		{ { 2020, 12, 31 }, 0, 0, 0 },
		{ { 2021, 1, 1 }, CATSET(CAT_MIN_LIVING), 0, 0 },
		{ { 2021, 3, 1 }, CATSET(CAT_MIN_LIVING) | CATSET(CAT_ORPHAN),
		    1, 1 },
		{ { 2021, 6, 30 }, CATSET(CAT_MIN_LIVING) | CATSET(CAT_ORPHAN),
		    1, 1 },
		{ { 2021, 7, 1 }, CATSET(CAT_ORPHAN), 1, 0 },
	};
	struct ops_session s = as(ROLE_CLERK);
	struct period_input c1 = { ZHANG, "min_living", "2021-01-01",
	    "2021-06-30", "民政局" };
	struct period_input c2 = { ZHANG, "orphan", "2021-03-01", NULL,
	    "民政局" };
	struct period_input q1 = { ZHANG, "hypertension", "2021-03-01",
	    "2021-06-30", "县医保局" };
	struct period_input q2 = { ZHANG, "diabetes", "2021-07-01", NULL,
	    "县医保局" };
	struct period_input qbad = { ZHANG, "flu", "2021-07-01", NULL,
	    "县医保局" };
	struct person_on p;
	struct ops_error e;
	catset_t cats;
	int held;

	(void)state;
	add(ZHANG, "张三", "rural");
	assert_int_equal(ops_category_add(&s, &c1, &e), OPS_OK);
	assert_int_equal(ops_category_add(&s, &c2, &e), OPS_OK);
	assert_int_equal(ops_qualification_add(&s, &q1, &e), OPS_OK);
	assert_int_equal(ops_qualification_add(&s, &q2, &e), OPS_OK);
	assert_int_equal(ops_qualification_add(&s, &qbad, &e), OPS_INVALID);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(ops_person_categories_on(&s, ZHANG,
		    cases[i].on, &cats, &e), OPS_OK);
		assert_int_equal(cats, cases[i].want);
		assert_int_equal(ops_person_on(&s, ZHANG, cases[i].on, &p, &e),
		    OPS_OK);
		assert_int_equal(p.categories, cases[i].want);
		assert_int_equal(p.residence, RES_RURAL);
		assert_int_equal(p.active, 1);
		assert_int_equal(p.chronic, cases[i].chronic);
		assert_int_equal(ops_person_qualified_on(&s, ZHANG,
		    "hypertension", cases[i].on, &held, &e), OPS_OK);
		assert_int_equal(held, cases[i].hypertension);
	}
	assert_int_equal(ops_person_on(&s, WANG, cases[0].on, &p, &e),
	    OPS_NOT_FOUND);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_invalid, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_edit_end_reopen, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_find, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_masked, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_find_uses_indexes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_initials_alt, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_initials_no_scan, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_household, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_category, setup, teardown),
		cmocka_unit_test_setup_teardown(test_categories_on, setup,
		    teardown),
	};

	load_pack("demo", &demo);
	load_pack("zaozhuang-2021", &zaozhuang);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
