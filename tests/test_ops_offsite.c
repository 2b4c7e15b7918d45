/*
 * test_ops_offsite.c: off-site registrations (异地就医备案) on a real SQLite
 * file: filing and its refusals (each leaving the database exactly as it
 * was), validity by date (first day, last day, the day after), scope
 * ranking (county < city < province), revocation, overlaps, the migrant
 * workers' documents (承诺制) and the audit lines.
 *
 * The office is 370402 (枣庄市市中区).  Destinations, GB/T 2260:
 *   370481 滕州市 (same city 3704, another county: county scope at least)
 *   370102 济南市历下区 (same province 37, another city: city at least)
 *   110105 北京市朝阳区 (another province: province)
 * ID numbers as in test_ops_resident.c (checked by hand, GB 11643).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/offsite.h"
#include "db/tx.h"
#include "ops/offsite.h"
#include "ops/office.h"
#include "ops/ops.h"
#include "ops/resident.h"

#define ZHANG "11010519491231002X"
#define WANG "370402198001010011"
#define ZENG "370402198202020021"
#define LING "370402197004040051"

static char tmpdir[256];
static char dbpath[300];
static struct db *db;

static struct ops_session
on(enum role role, const char *today)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.site, sizeof s.site, "370402");
	snprintf(s.login, sizeof s.login, "%s", role == ROLE_CLERK ? "li" :
	    role == ROLE_SUPERVISOR ? "wang" : role == ROLE_ADMIN ? "admin" :
	    "");
	s.role = role;
	assert_int_equal(date_parse(today, &s.today), DATE_OK);
	snprintf(s.now, sizeof s.now, "%sT08:00:00Z", today);
	return s;
}

static struct ops_session
clerk(void)
{
	return on(ROLE_CLERK, "2021-06-01");
}

static void
add_resident(const char *id, const char *name)
{
	struct ops_session s = clerk();
	struct resident_input in = { id, name, "rural", "rural_resident",
	    "东关村", NULL, NULL, NULL };
	struct ops_error e;

	if (ops_resident_add(&s, &in, NULL, &e) != OPS_OK)
		fail_msg("%s: %s", id, e.msg);
}

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error e;
	char err[256];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-offsite-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/o.db", tmpdir);
	if (db_open(dbpath, DB_CREATE, &db, err, sizeof err) != DB_OK)
		return -1;
	s = on(ROLE_ADMIN, "2021-06-01");
	if (ops_office_init(&s, "370402", "admin", NULL, "secret", &res, &e) !=
	    OPS_OK)
		return -1;
	add_resident(ZHANG, "张三");
	add_resident(WANG, "王五");
	add_resident(ZENG, "曾小红");
	add_resident(LING, "凌一");
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

/* Everything a registration op writes, as one string. */
static const char *
fingerprint(char *buf, size_t n)
{
	return text("SELECT (SELECT count(*) FROM offsite_registration) || '|' "
	    "|| (SELECT count(*) FROM offsite_registration WHERE status = "
	    "'revoked') || '|' || (SELECT count(documents_received) FROM "
	    "offsite_registration) || '|' || (SELECT count(*) FROM audit_log) "
	    "|| '|' || (SELECT coalesce(sum(next), 0) FROM key_counter)", buf,
	    n);
}

/* A registration with the usual fields; the caller changes what it tests. */
static struct offsite_input
reg(const char *id, const char *kind, const char *scope, const char *from,
    const char *to)
{
	struct offsite_input in;

	memset(&in, 0, sizeof in);
	in.id = id;
	in.kind = kind;
	in.scope = scope;
	in.dest_code = strcmp(scope, "county") == 0 ? "370481" :
	    strcmp(scope, "city") == 0 ? "370102" : "110105";
	in.dest_name = strcmp(scope, "county") == 0 ? "滕州市" :
	    strcmp(scope, "city") == 0 ? "济南市历下区" : "北京市朝阳区";
	in.from = from;
	in.to = to;
	if (strcmp(kind, "referral") == 0) {
		in.hospital = "山东省立医院";
		in.diagnosis = "肺癌";
		in.reason = "县内不能手术";
	}
	if (strcmp(kind, "migrant_work") == 0)
		in.documents_due = "2021-06-30";
	return in;
}

static void
file_ok(struct ops_session *s, const struct offsite_input *in, char *key,
    size_t keysz)
{
	struct ops_error e;

	if (ops_offsite_file(s, in, key, keysz, &e) != OPS_OK)
		fail_msg("file %s %s: %s", in->id, in->kind, e.msg);
}

/* Is the person covered for `scope` care on `day`? */
static int
covered(const char *id, const char *day, enum scope scope, char *key,
    size_t keysz)
{
	struct ops_session s = clerk();
	struct ops_error e;
	struct date d;
	int c = -1;

	assert_int_equal(date_parse(day, &d), DATE_OK);
	assert_int_equal(ops_offsite_covers(&s, id, d, scope, &c, key, keysz,
	    &e), OPS_OK);
	return c;
}

static void
test_codes(void **state)
{
	static const struct {
		const char *code;
		int valid;
		int need;	/* seen from 370402; -1 invalid */
	} cases[] = {
		{ "11", 1, SCOPE_PROVINCE },
		{ "1101", 1, SCOPE_PROVINCE },
		{ "110105", 1, SCOPE_PROVINCE },
		{ "37", 1, SCOPE_CITY },	/* the whole home province */
		{ "370000", 1, SCOPE_CITY },	/* the same, 6 digits */
		{ "3701", 1, SCOPE_CITY },
		{ "370102", 1, SCOPE_CITY },
		{ "3704", 1, SCOPE_COUNTY },	/* the whole home city */
		{ "370400", 1, SCOPE_COUNTY },
		{ "370481", 1, SCOPE_COUNTY },
		{ "370402", 1, SCOPE_LOCAL },	/* the office's own county */
		{ "820000", 1, SCOPE_PROVINCE },	/* Macao */
		{ "", 0, -1 },
		{ "3", 0, -1 },
		{ "370", 0, -1 },
		{ "37040", 0, -1 },
		{ "3704021", 0, -1 },
		{ "99", 0, -1 },		/* no such province */
		{ "16", 0, -1 },
		{ "10", 0, -1 },
		{ "3a04", 0, -1 },
		{ "３７", 0, -1 },		/* full-width: not digits */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (offsite_dest_code_valid(cases[i].code) != cases[i].valid)
			fail_msg("valid(%s)", cases[i].code);
		if (offsite_scope_needed("370402", cases[i].code) !=
		    cases[i].need)
			fail_msg("needed(%s) = %d", cases[i].code,
			    offsite_scope_needed("370402", cases[i].code));
	}
	/* An office code that is not a county code says nothing. */
	assert_int_equal(offsite_scope_needed("TEST01", "110105"), -1);
	assert_int_equal(offsite_scope_needed("370400", "110105"), -1);
}

/* Valid on its first and last day, not the day before or after. */
static void
test_validity_by_date(void **state)
{
	static const struct {
		const char *day;
		int covered;
	} cases[] = {
		{ "2021-06-30", 0 },	/* the day before */
		{ "2021-07-01", 1 },	/* the first day */
		{ "2021-10-15", 1 },
		{ "2021-12-31", 1 },	/* the last day */
		{ "2022-01-01", 0 },	/* the day after */
	};
	struct ops_session s = clerk();
	struct offsite_input in = reg(ZHANG, "long_term", "province",
	    "2021-07-01", "2021-12-31");
	char key[40], got[40];

	(void)state;
	file_ok(&s, &in, key, sizeof key);
	assert_string_equal(key, "370402-B00000001");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (covered(ZHANG, cases[i].day, SCOPE_PROVINCE, got,
		    sizeof got) != cases[i].covered)
			fail_msg("%s", cases[i].day);
		assert_string_equal(got, cases[i].covered ? key : "");
	}
	/* Someone else is not covered by it. */
	assert_int_equal(covered(WANG, "2021-10-15", SCOPE_PROVINCE, got,
	    sizeof got), 0);
	/* Local care needs none. */
	assert_int_equal(covered(WANG, "2021-10-15", SCOPE_LOCAL, got,
	    sizeof got), 1);
	assert_string_equal(got, "");
}

/* A wider scope covers the narrower ones, never the other way. */
static void
test_scope_ranking(void **state)
{
	static const struct {
		const char *id, *scope;
		int county, city, province;
	} cases[] = {
		{ ZHANG, "province", 1, 1, 1 },
		{ WANG, "city", 1, 1, 0 },
		{ ZENG, "county", 1, 0, 0 },
	};
	struct ops_session s = clerk();
	char key[40], got[40];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct offsite_input in = reg(cases[i].id, "long_term",
		    cases[i].scope, "2021-06-01", "2021-12-31");

		file_ok(&s, &in, key, sizeof key);
		assert_int_equal(covered(cases[i].id, "2021-08-01",
		    SCOPE_COUNTY, got, sizeof got), cases[i].county);
		assert_int_equal(covered(cases[i].id, "2021-08-01",
		    SCOPE_CITY, got, sizeof got), cases[i].city);
		assert_int_equal(covered(cases[i].id, "2021-08-01",
		    SCOPE_PROVINCE, got, sizeof got), cases[i].province);
	}
	/* Referrals and emergencies count as registrations too. */
	{
		struct offsite_input in = reg(LING, "referral", "city",
		    "2021-06-01", "2021-06-30");
		struct offsite_input em = reg(LING, "emergency", "province",
		    "2021-05-01", "2021-05-10");

		file_ok(&s, &in, key, sizeof key);
		assert_int_equal(covered(LING, "2021-06-15", SCOPE_CITY, got,
		    sizeof got), 1);
		assert_string_equal(got, key);
		file_ok(&s, &em, key, sizeof key);
		assert_int_equal(covered(LING, "2021-05-10", SCOPE_PROVINCE,
		    got, sizeof got), 1);
		assert_string_equal(got, key);
	}
}

static void
test_revoke(void **state)
{
	struct ops_session s = clerk();
	struct offsite_input in = reg(ZHANG, "long_term", "province",
	    "2021-06-01", "2021-12-31");
	struct ops_error e;
	struct db_offsite r;
	char key[40], got[40], before[128], after[128], buf[512];

	(void)state;
	file_ok(&s, &in, key, sizeof key);
	assert_int_equal(covered(ZHANG, "2021-07-01", SCOPE_CITY, got,
	    sizeof got), 1);
	/* No reason, an unknown key, no operator: nothing written. */
	fingerprint(before, sizeof before);
	assert_int_equal(ops_offsite_revoke(&s, key, "", &e), OPS_INVALID);
	assert_int_equal(ops_offsite_revoke(&s, key, NULL, &e), OPS_INVALID);
	assert_int_equal(ops_offsite_revoke(&s, "370402-B00000099", "moved",
	    &e), OPS_NOT_FOUND);
	{
		struct ops_session nobody = on(ROLE_NONE, "2021-06-01");

		assert_int_equal(ops_offsite_revoke(&nobody, key, "moved",
		    &e), OPS_DENIED);
	}
	assert_string_equal(fingerprint(after, sizeof after), before);

	/* Any clerk may revoke, with a reason. */
	s = on(ROLE_CLERK, "2021-06-20");
	assert_int_equal(ops_offsite_revoke(&s, key, "回乡居住", &e), OPS_OK);
	assert_int_equal(ops_offsite_get(&s, key, &r, &e), OPS_OK);
	assert_string_equal(r.status, "revoked");
	assert_string_equal(r.revoked_on, "2021-06-20");
	assert_string_equal(r.revoke_reason, "回乡居住");
	assert_string_equal(offsite_status(&r, s.today), "revoked");
	/* A revoked registration covers nothing, not even before the day. */
	assert_int_equal(covered(ZHANG, "2021-06-10", SCOPE_CITY, got,
	    sizeof got), 0);
	assert_int_equal(covered(ZHANG, "2021-07-01", SCOPE_CITY, got,
	    sizeof got), 0);
	assert_string_equal(text("SELECT operator || ' ' || action || ' ' || "
	    "record || ' ' || old_values || ' ' || new_values FROM audit_log "
	    "ORDER BY seq DESC LIMIT 1", buf, sizeof buf), "li offsite.revoke "
	    "370402-B00000001 {\"status\":\"active\"} {\"status\":\"revoked\","
	    "\"revoked_on\":\"2021-06-20\",\"revoke_reason\":\"回乡居住\"}");
	/* Twice: refused, nothing written. */
	fingerprint(before, sizeof before);
	assert_int_equal(ops_offsite_revoke(&s, key, "again", &e),
	    OPS_CONFLICT);
	assert_string_equal(fingerprint(after, sizeof after), before);
	/* It no longer blocks the same days. */
	s = on(ROLE_CLERK, "2021-06-20");
	in.from = "2021-06-20";
	file_ok(&s, &in, key, sizeof key);
	assert_int_equal(covered(ZHANG, "2021-07-01", SCOPE_CITY, got,
	    sizeof got), 1);
	assert_string_equal(got, "370402-B00000002");
}

static void
test_overlap(void **state)
{
	struct ops_session s = clerk();
	struct offsite_input a = reg(ZHANG, "long_term", "province",
	    "2021-06-01", "2021-08-31");
	struct offsite_input b = a;
	struct ops_error e;
	char key[40], before[128], after[128];

	(void)state;
	file_ok(&s, &a, key, sizeof key);
	fingerprint(before, sizeof before);
	/* Sharing the last day, inside, around: refused. */
	b.from = "2021-08-31";
	b.to = "2021-12-31";
	assert_int_equal(ops_offsite_file(&s, &b, key, sizeof key, &e),
	    OPS_CONFLICT);
	assert_non_null(strstr(e.msg, "370402-B00000001"));
	b.from = "2021-07-01";
	b.to = "2021-07-02";
	assert_int_equal(ops_offsite_file(&s, &b, key, sizeof key, &e),
	    OPS_CONFLICT);
	b.from = "2021-06-01";
	b.to = "2022-06-01";
	assert_int_equal(ops_offsite_file(&s, &b, key, sizeof key, &e),
	    OPS_CONFLICT);
	assert_string_equal(fingerprint(after, sizeof after), before);
	/* The day after: accepted; another kind on the same days too. */
	b.from = "2021-09-01";
	b.to = "2021-12-31";
	file_ok(&s, &b, key, sizeof key);
	b = reg(ZHANG, "referral", "city", "2021-06-01", "2021-08-31");
	file_ok(&s, &b, key, sizeof key);
	/* Another person on the same days. */
	b = reg(WANG, "long_term", "province", "2021-06-01", "2021-08-31");
	file_ok(&s, &b, key, sizeof key);
	assert_string_equal(key, "370402-B00000004");
}

/* Every refusal says so and leaves the database exactly as it was. */
static void
test_refusals(void **state)
{
	enum field { F_NONE, F_ID, F_KIND, F_SCOPE, F_CODE, F_NAME, F_FROM,
	    F_TO, F_HOSP, F_DIAG, F_REASON, F_LEVEL, F_DUE };
	static const struct {
		const char *kind, *scope;
		enum field f;
		const char *v;
		enum ops_status want;
	} cases[] = {
		{ "long_term", "province", F_ID, "370402196603050011",
		    OPS_NOT_FOUND },		/* valid number, not registered */
		{ "long_term", "province", F_ID, "110105194912310029",
		    OPS_INVALID },		/* bad check digit */
		{ "long_term", "province", F_KIND, "holiday", OPS_INVALID },
		{ "long_term", "province", F_KIND, NULL, OPS_INVALID },
		{ "long_term", "province", F_SCOPE, "local", OPS_INVALID },
		{ "long_term", "province", F_SCOPE, "world", OPS_INVALID },
		{ "long_term", "province", F_CODE, "99", OPS_INVALID },
		{ "long_term", "province", F_CODE, "11010", OPS_INVALID },
		{ "long_term", "province", F_CODE, NULL, OPS_INVALID },
		{ "long_term", "province", F_NAME, "", OPS_INVALID },
		/* Beijing with a county scope would never cover care there. */
		{ "long_term", "county", F_CODE, "110105", OPS_INVALID },
		{ "long_term", "county", F_CODE, "370102", OPS_INVALID },
		{ "long_term", "county", F_CODE, "370402", OPS_INVALID },
		{ "long_term", "province", F_TO, "2021-05-31", OPS_INVALID },
		{ "long_term", "province", F_TO, "2021-02-30", OPS_INVALID },
		{ "long_term", "province", F_FROM, "2021-05-31", OPS_INVALID },
		{ "long_term", "province", F_FROM, NULL, OPS_INVALID },
		{ "migrant_work", "province", F_FROM, "2021-05-31",
		    OPS_INVALID },
		{ "referral", "city", F_FROM, "2021-05-31", OPS_INVALID },
		{ "emergency", "county", F_TO, "2021-05-01", OPS_INVALID },
		{ "emergency", "county", F_FROM, "2021-06-02", OPS_INVALID },
		{ "referral", "city", F_HOSP, NULL, OPS_INVALID },
		{ "referral", "city", F_DIAG, "", OPS_INVALID },
		{ "referral", "city", F_REASON, NULL, OPS_INVALID },
		{ "referral", "city", F_LEVEL, "4", OPS_INVALID },
		{ "referral", "city", F_LEVEL, "二", OPS_INVALID },
		{ "long_term", "province", F_HOSP, "山东省立医院",
		    OPS_INVALID },
		{ "emergency", "county", F_LEVEL, "2", OPS_INVALID },
		{ "migrant_work", "city", F_DUE, NULL, OPS_INVALID },
		{ "migrant_work", "city", F_DUE, "2021-05-31", OPS_INVALID },
		{ "migrant_work", "city", F_DUE, "soon", OPS_INVALID },
		{ "long_term", "city", F_DUE, "2021-06-30", OPS_INVALID },
	};
	char key[40], before[128], after[128];
	struct ops_error e;

	(void)state;
	fingerprint(before, sizeof before);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ops_session s = clerk();
		struct offsite_input in = reg(ZHANG, cases[i].kind,
		    cases[i].scope, cases[i].kind[0] == 'e' ? "2021-05-20" :
		    "2021-06-01", "2021-12-31");
		const char **slot[] = { NULL, &in.id, &in.kind, &in.scope,
		    &in.dest_code, &in.dest_name, &in.from, &in.to,
		    &in.hospital, &in.diagnosis, &in.reason, &in.from_level,
		    &in.documents_due };
		enum ops_status st;

		*slot[cases[i].f] = cases[i].v;
		e.msg[0] = '\0';
		st = ops_offsite_file(&s, &in, key, sizeof key, &e);
		if (st != cases[i].want)
			fail_msg("case %zu: status %d, want %d (%s)", i, st,
			    cases[i].want, e.msg);
		if (e.msg[0] == '\0')
			fail_msg("case %zu: no message", i);
		if (strcmp(fingerprint(after, sizeof after), before) != 0)
			fail_msg("case %zu wrote something: %s", i, after);
	}
	/* Nobody logged in; a resident whose coverage ended. */
	{
		struct ops_session nobody = on(ROLE_NONE, "2021-06-01");
		struct offsite_input in = reg(WANG, "long_term", "province",
		    "2021-06-01", "2021-12-31");
		struct ops_session s = clerk();

		assert_int_equal(ops_offsite_file(&nobody, &in, key,
		    sizeof key, &e), OPS_DENIED);
		assert_int_equal(ops_resident_end(&s, WANG, "2021-05-31",
		    "moved", &e), OPS_OK);
		fingerprint(before, sizeof before);
		assert_int_equal(ops_offsite_file(&s, &in, key, sizeof key,
		    &e), OPS_CONFLICT);
		assert_string_equal(fingerprint(after, sizeof after), before);
	}
}

static void
test_kinds_saved(void **state)
{
	struct ops_session s = clerk();
	struct offsite_input ref = reg(ZHANG, "referral", "city",
	    "2021-06-01", "2021-06-30");
	struct offsite_input em = reg(ZHANG, "emergency", "province",
	    "2021-03-01", "2021-03-09");
	struct offsite_input mw = reg(WANG, "migrant_work", "province",
	    "2021-06-01", "2021-12-31");
	struct ops_error e;
	struct db_offsite r;
	char key[40], buf[1024];

	(void)state;
	ref.from_level = "2";
	file_ok(&s, &ref, key, sizeof key);
	assert_int_equal(ops_offsite_get(&s, key, &r, &e), OPS_OK);
	assert_string_equal(r.id_number, ZHANG);
	assert_string_equal(r.kind, "referral");
	assert_string_equal(r.hospital, "山东省立医院");
	assert_string_equal(r.diagnosis, "肺癌");
	assert_string_equal(r.referral_reason, "县内不能手术");
	assert_int_equal(r.from_level, 2);
	assert_string_equal(r.documents_due, "");
	assert_string_equal(r.operator_login, "li");
	assert_string_equal(text("SELECT action || ' ' || new_values || ' ' || "
	    "coalesce(policy_id, '-') FROM audit_log ORDER BY seq DESC LIMIT 1",
	    buf, sizeof buf), "offsite.file {\"id_number\":\"" ZHANG "\","
	    "\"kind\":\"referral\",\"scope\":\"city\",\"dest_code\":\"370102\","
	    "\"dest_name\":\"济南市历下区\",\"valid_from\":\"2021-06-01\","
	    "\"valid_to\":\"2021-06-30\",\"hospital\":\"山东省立医院\","
	    "\"diagnosis\":\"肺癌\",\"referral_reason\":\"县内不能手术\","
	    "\"from_level\":\"2\"} -");
	/* A referral without the sending level is recorded as unknown. */
	ref = reg(WANG, "referral", "city", "2021-06-01", "2021-06-30");
	file_ok(&s, &ref, key, sizeof key);
	assert_string_equal(text("SELECT coalesce(from_level, 'null') FROM "
	    "offsite_registration ORDER BY key DESC LIMIT 1", buf, sizeof buf),
	    "null");
	/* Emergency care is reported after discharge: days in the past. */
	file_ok(&s, &em, key, sizeof key);
	assert_int_equal(ops_offsite_get(&s, key, &r, &e), OPS_OK);
	assert_string_equal(r.valid_from, "2021-03-01");
	assert_string_equal(offsite_status(&r, s.today), "expired");
	/* Migrant work: filed at once, documents due later. */
	file_ok(&s, &mw, key, sizeof key);
	assert_int_equal(ops_offsite_get(&s, key, &r, &e), OPS_OK);
	assert_string_equal(r.documents_due, "2021-06-30");
	assert_string_equal(r.documents_received, "");
	assert_string_equal(text("SELECT new_values FROM audit_log ORDER BY "
	    "seq DESC LIMIT 1", buf, sizeof buf), "{\"id_number\":\"" WANG
	    "\",\"kind\":\"migrant_work\",\"scope\":\"province\","
	    "\"dest_code\":\"110105\",\"dest_name\":\"北京市朝阳区\","
	    "\"valid_from\":\"2021-06-01\",\"valid_to\":\"2021-12-31\","
	    "\"documents_due\":\"2021-06-30\"}");
	/* The 15-digit form of an ID number is accepted and stored as 18. */
	ref = reg("110105491231002", "long_term", "province", "2021-06-01",
	    "2021-06-30");
	file_ok(&s, &ref, key, sizeof key);
	assert_int_equal(ops_offsite_get(&s, key, &r, &e), OPS_OK);
	assert_string_equal(r.id_number, ZHANG);
}

/* The list by default: neither revoked nor expired; --all: every one. */
static void
test_list(void **state)
{
	struct ops_session s = clerk();
	struct offsite_input a = reg(ZHANG, "emergency", "county",
	    "2021-05-01", "2021-05-10");		/* expired */
	struct offsite_input b = reg(ZHANG, "long_term", "province",
	    "2021-06-01", "2021-12-31");		/* revoked below */
	struct offsite_input c = reg(ZHANG, "referral", "city",
	    "2021-06-01", "2021-06-30");		/* current */
	struct offsite_rows rows;
	struct ops_error e;
	char key[40], kb[40], id[19];

	(void)state;
	file_ok(&s, &a, key, sizeof key);
	file_ok(&s, &b, kb, sizeof kb);
	file_ok(&s, &c, key, sizeof key);
	assert_int_equal(ops_offsite_revoke(&s, kb, "填错", &e), OPS_OK);
	assert_int_equal(ops_offsite_list(&s, "11010519491231002x", 0, id,
	    &rows, &e), OPS_OK);
	assert_string_equal(id, ZHANG);
	assert_int_equal(rows.n, 1);
	assert_string_equal(rows.r[0].key, "370402-B00000003");
	offsite_rows_free(&rows);
	assert_int_equal(ops_offsite_list(&s, ZHANG, 1, id, &rows, &e),
	    OPS_OK);
	/* By first day, then key. */
	assert_int_equal(rows.n, 3);
	assert_string_equal(rows.r[0].key, "370402-B00000001");
	assert_string_equal(offsite_status(&rows.r[0], s.today), "expired");
	assert_string_equal(rows.r[1].key, "370402-B00000002");
	assert_string_equal(offsite_status(&rows.r[1], s.today), "revoked");
	assert_string_equal(rows.r[2].key, "370402-B00000003");
	assert_string_equal(offsite_status(&rows.r[2], s.today), "active");
	offsite_rows_free(&rows);
	/* The last day is still current; the day after, expired. */
	s = on(ROLE_CLERK, "2021-06-30");
	assert_int_equal(ops_offsite_list(&s, ZHANG, 0, id, &rows, &e),
	    OPS_OK);
	assert_int_equal(rows.n, 1);
	offsite_rows_free(&rows);
	s = on(ROLE_CLERK, "2021-07-01");
	assert_int_equal(ops_offsite_list(&s, ZHANG, 0, id, &rows, &e),
	    OPS_OK);
	assert_int_equal(rows.n, 0);
	offsite_rows_free(&rows);
	assert_int_equal(ops_offsite_list(&s, "370402196603050011", 0, id,
	    &rows, &e), OPS_NOT_FOUND);
}

/* The keys of the overdue list on `today`, joined by spaces. */
static const char *
overdue(const char *today, char *buf, size_t n)
{
	struct ops_session s = on(ROLE_CLERK, today);
	struct offsite_rows rows;
	struct ops_error e;
	size_t len = 0;

	buf[0] = '\0';
	if (ops_offsite_overdue(&s, &rows, &e) != OPS_OK)
		fail_msg("overdue: %s", e.msg);
	for (int i = 0; i < rows.n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s/%s",
		    i ? " " : "", rows.r[i].key + 7, rows.r[i].name);
	offsite_rows_free(&rows);
	return buf;
}

static void
test_documents(void **state)
{
	struct ops_session s = clerk();
	struct offsite_input in;
	struct ops_error e;
	struct db_offsite r;
	char key[40], buf[512], before[128], after[128];
	static const struct {
		const char *id, *due;
	} regs[] = {
		{ ZHANG, "2021-06-20" },	/* B00000001 */
		{ WANG, "2021-06-10" },		/* B00000002 */
		{ ZENG, "2021-06-05" },		/* B00000003: received below */
		{ LING, "2021-06-05" },		/* B00000004: revoked below */
	};

	(void)state;
	for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++) {
		in = reg(regs[i].id, "migrant_work", "city", "2021-06-01",
		    "2021-12-31");
		in.documents_due = regs[i].due;
		file_ok(&s, &in, key, sizeof key);
	}
	in = reg(ZHANG, "long_term", "county", "2021-06-01", "2021-12-31");
	file_ok(&s, &in, key, sizeof key);		/* B00000005 */

	/* Receiving: not in the future, migrant work only, once. */
	s = on(ROLE_CLERK, "2021-06-04");
	fingerprint(before, sizeof before);
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000003",
	    "2021-06-05", &e), OPS_INVALID);
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000003",
	    "June", &e), OPS_INVALID);
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000005", NULL,
	    &e), OPS_INVALID);
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000099", NULL,
	    &e), OPS_NOT_FOUND);
	assert_string_equal(fingerprint(after, sizeof after), before);
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000003",
	    "2021-06-03", &e), OPS_OK);
	assert_int_equal(ops_offsite_get(&s, "370402-B00000003", &r, &e),
	    OPS_OK);
	assert_string_equal(r.documents_received, "2021-06-03");
	assert_string_equal(text("SELECT action || ' ' || old_values || ' ' || "
	    "new_values FROM audit_log ORDER BY seq DESC LIMIT 1", buf,
	    sizeof buf), "offsite.receive {\"documents_received\":null} "
	    "{\"documents_received\":\"2021-06-03\"}");
	fingerprint(before, sizeof before);
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000003", NULL,
	    &e), OPS_CONFLICT);
	assert_string_equal(fingerprint(after, sizeof after), before);
	assert_int_equal(ops_offsite_revoke(&s, "370402-B00000004", "没有外出",
	    &e), OPS_OK);
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000004", NULL,
	    &e), OPS_CONFLICT);

	/*
	 * Overdue: due strictly before today, not received, not revoked;
	 * the oldest deadline first.  B3 (received) and B4 (revoked) never.
	 */
	assert_string_equal(overdue("2021-06-05", buf, sizeof buf), "");
	assert_string_equal(overdue("2021-06-10", buf, sizeof buf), "");
	assert_string_equal(overdue("2021-06-11", buf, sizeof buf),
	    "B00000002/王五");
	assert_string_equal(overdue("2021-06-20", buf, sizeof buf),
	    "B00000002/王五");
	assert_string_equal(overdue("2021-06-21", buf, sizeof buf),
	    "B00000002/王五 B00000001/张三");
	/* Received late: off the list, the day recorded (today by default). */
	s = on(ROLE_CLERK, "2021-06-25");
	assert_int_equal(ops_offsite_receive(&s, "370402-B00000002", NULL,
	    &e), OPS_OK);
	assert_int_equal(ops_offsite_get(&s, "370402-B00000002", &r, &e),
	    OPS_OK);
	assert_string_equal(r.documents_received, "2021-06-25");
	assert_string_equal(overdue("2021-06-25", buf, sizeof buf),
	    "B00000001/张三");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test_setup_teardown(test_validity_by_date, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scope_ranking, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_revoke, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overlap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_kinds_saved, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_documents, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
