/*
 * test_import.c: rosters into a real SQLite file (ops/import.h), with the
 * demonstration pack.  Files are written here byte by byte, in UTF-8,
 * UTF-8 with a BOM and GB18030, so the bytes under test are visible.
 *
 * ID numbers (GB 11643, check character MOD 11-2, weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the 17th digit odd = male):
 *   110105198001010016  male, born 1980-01-01
 *   370402199001010024  female, born 1990-01-01
 *   110105201001010037  male, born 2010-01-01
 *   370402198503150049  female, born 1985-03-15
 *   440524199001011002  female: 440524199001011000 is its Excel-damaged
 *                       form (its check character would be 2, not 0)
 *
 * Every refusal is checked to leave the database exactly as it was: the
 * row counts of the tables an import writes, the audit log, and a digest of
 * every resident's values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/tx.h"
#include "io/policy_file.h"
#include "ops/import.h"
#include "ops/office.h"
#include "ops/ops.h"

#define ZHANG "110105198001010016"
#define LI "370402199001010024"
#define XIAO "110105201001010037"
#define RARE "370402198503150049"
/* test_household_rows' own people */
#define ZHAO "110105197001010011"
#define QIAN "110105197502020023"
#define SUN "110105199903030037"
#define ZHOU "110105200505050046"

static char tmpdir[256];
static struct db *db;
static struct policy demo;

static struct ops_session
session(void)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.site, sizeof s.site, "370402");
	snprintf(s.login, sizeof s.login, "admin");
	s.role = ROLE_ADMIN;
	s.today = (struct date){ 2021, 6, 1 };
	snprintf(s.now, sizeof s.now, "2021-06-01T08:00:00Z");
	s.policy = &demo;
	return s;
}

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct policy_errors errs = { 0 };
	struct ops_error e;
	char path[300], err[256];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-imp-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/o.db", tmpdir);
	if (db_open(path, DB_CREATE, &db, err, sizeof err) != DB_OK ||
	    policy_file_load("demo", &demo, &errs) != 0)
		return -1;
	s = session();
	return ops_office_init(&s, "370402", "admin", NULL, "secret", &res,
	    &e) == OPS_OK ? 0 : -1;
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
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db->h));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, n, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* The database as a string: counts, and every value an import writes. */
struct snap {
	char s[8192];
};

static struct snap
snap(void)
{
	struct snap x;

	text("SELECT (SELECT count(*) FROM resident) || '|' || "
	    "(SELECT count(*) FROM household) || '|' || "
	    "(SELECT count(*) FROM household_member) || '|' || "
	    "(SELECT count(*) FROM person_category) || '|' || "
	    "(SELECT count(*) FROM audit_log) || '|' || "
	    "(SELECT coalesce(group_concat(kind || next), '') FROM "
	    "key_counter) || '|' || (SELECT coalesce(group_concat(id_number "
	    "|| name || village || phone || residence || insured_category || "
	    "updated_at), '') FROM resident)", x.s, sizeof x.s);
	return x;
}

static void
same(struct snap a, struct snap b)
{
	assert_string_equal(a.s, b.s);
}

static FILE *
file(const char *name, const char *bytes, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "wb+");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	rewind(f);
	return f;
}

static enum ops_status
import(const char *bytes, size_t len, const struct import_options *o,
    struct import_report *r, struct ops_error *e)
{
	struct ops_session s = session();
	FILE *f = file("roster.csv", bytes, len);
	enum ops_status st = ops_import(&s, f, o, r, e);

	if (st != OPS_OK)	/* in the log, to see why */
		fprintf(stderr, "import: %s\n", e->msg);
	fclose(f);
	return st;
}

static long
count(const char *sql)
{
	char buf[32];

	return atol(text(sql, buf, sizeof buf));
}

/* A roster with a household and a category, as a department sends it. */
static const char good[] =
    "身份证号,姓名,性别,户号,户主身份证号,与户主关系,村（社区）,户口性质,"
    "人员类别,联系电话,备注\r\n"
    ZHANG ",张三,男,H001," ZHANG ",户主,东村,农业,低保对象,13800000000,\r\n"
    "\"" LI "\",\"李四, 小\",女,H001," ZHANG ",配偶,东村,农业,,,\"a\r\nb\"\r\n"
    XIAO ",张小,,H001," ZHANG ",子,东村,农业,,,\r\n";

static void
test_good_roster(void **state)
{
	struct import_options o = { .kind = IMPORT_RESIDENTS,
	    .valid_from = "2021-01-01", .department = "民政局",
	    .file_name = "good.csv" };
	struct import_report r;
	struct ops_error e;
	struct snap before;
	char buf[256];

	(void)state;
	/* A dry run: the same report, nothing written. */
	before = snap();
	o.dry_run = 1;
	assert_int_equal(import(good, sizeof good - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.written, 0);
	import_report_free(&r);
	same(before, snap());

	o.dry_run = 0;
	assert_int_equal(import(good, sizeof good - 1, &o, &r, &e), OPS_OK);
	assert_string_equal(r.encoding, "UTF-8");
	assert_int_equal(r.rows, 3);
	assert_int_equal(r.added, 3);
	assert_int_equal(r.changed + r.unchanged, 0);
	assert_int_equal(r.nunknown, 1);
	assert_string_equal(r.unknown[0], "备注");
	assert_int_equal(r.written, 1);
	import_report_free(&r);
	assert_string_equal(text("SELECT name FROM resident WHERE id_number = '"
	    LI "'", buf, sizeof buf), "李四, 小");
	/* 3 members of H001, the head first; the wife's relation mapped */
	assert_int_equal(count("SELECT count(*) FROM household_member m JOIN "
	    "household h ON h.key = m.household WHERE h.number = 'H001'"), 3);
	assert_string_equal(text("SELECT relation FROM household_member WHERE "
	    "id_number = '" LI "'", buf, sizeof buf), "spouse");
	assert_string_equal(text("SELECT relation FROM household_member WHERE "
	    "id_number = '" XIAO "'", buf, sizeof buf), "child");
	/* 低保对象 is the demo pack's label of min_living */
	assert_string_equal(text("SELECT category || valid_from || department FROM "
	    "person_category WHERE id_number = '" ZHANG "'", buf, sizeof buf),
	    "min_living2021-01-01民政局");
	assert_string_equal(text("SELECT insured_category FROM resident WHERE "
	    "id_number = '" XIAO "'", buf, sizeof buf), "rural_resident");
	/* audit: 张三 resident.add, household.create, household.join,
	 * category.add (4); 李四 and 张小 resident.add, household.join (2+2);
	 * the import's own line: 9 */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "<> 'office.init' AND action NOT LIKE 'operator.%'"), 9);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'import.residents' AND record = 'good.csv'"), 1);

	/* Again: nothing changes, not even the audit log. */
	before = snap();
	assert_int_equal(import(good, sizeof good - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.unchanged, 3);
	assert_int_equal(r.added + r.changed, 0);
	import_report_free(&r);
	same(before, snap());
}

static void
test_changed_row(void **state)
{
	static const char f[] = "身份证号,姓名,村,联系电话\n"
	    ZHANG ",张三,东村,13900000000\n";
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	char buf[64];

	(void)state;
	assert_int_equal(import(f, sizeof f - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.changed, 1);
	import_report_free(&r);
	assert_string_equal(text("SELECT phone FROM resident WHERE id_number = "
	    "'" ZHANG "'", buf, sizeof buf), "13900000000");
}

/*
 * GB18030 bytes: 身份证号 C9ED B7DD D6A4 BAC5, 姓名 D0D5 C3FB, 村 B4E5,
 * 户口性质 BBA7 BFDA D0D4 D6CA, 农业 C5A9 D2B5; 𠀀 95 32 82 36 (U+20000,
 * UTF-8 F0 A0 80 80), 㐀 81 39 EE 39 (U+3400, UTF-8 E3 90 80); a lone 0x80
 * is the euro sign (UTF-8 E2 82 AC) as Windows writes it.
 */
static const char gb[] =
    "\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5,\xD0\xD5\xC3\xFB,\xB4\xE5,"
    "\xBB\xA7\xBF\xDA\xD0\xD4\xD6\xCA\r\n"
    RARE ",\x95\x32\x82\x36\x81\x39\xEE\x39,\xB4\xE5\x80,"
    "\xC5\xA9\xD2\xB5\r\n";

static void
test_gb18030_rare(void **state)
{
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	char buf[64];

	(void)state;
	assert_int_equal(import(gb, sizeof gb - 1, &o, &r, &e), OPS_OK);
	assert_string_equal(r.encoding, "GB18030");
	assert_int_equal(r.added, 1);
	import_report_free(&r);
	assert_string_equal(text("SELECT name FROM resident WHERE id_number = '"
	    RARE "'", buf, sizeof buf), "\xF0\xA0\x80\x80\xE3\x90\x80");
	assert_string_equal(text("SELECT village FROM resident WHERE "
	    "id_number = '" RARE "'", buf, sizeof buf), "村\xE2\x82\xAC");
	/* the same file forced as UTF-8 is refused, at line 1 byte 0 */
	o.encoding = "utf-8";
	assert_int_equal(import(gb, sizeof gb - 1, &o, &r, &e), OPS_INVALID);
	assert_non_null(strstr(e.msg, "line 1, byte 0"));
	import_report_free(&r);
}

static void
test_utf8_bom(void **state)
{
	static const char f[] = "\xEF\xBB\xBFid_number\tname\tvillage\n"
	    RARE "\t\xF0\xA0\x80\x80\xE3\x90\x80\t村\xE2\x82\xAC\n";
	static const char g[] = "\x84\x31\x95\x33\xC9\xED\xB7\xDD\xD6\xA4"
	    "\xBA\xC5,\xD0\xD5\xC3\xFB,\xB4\xE5\n"
	    RARE ",\x95\x32\x82\x36\x81\x39\xEE\x39,\xB4\xE5\x80\n";
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	struct snap before = snap();

	(void)state;
	/* tab-separated UTF-8 with a BOM: the same person, unchanged */
	assert_int_equal(import(f, sizeof f - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.bom, 1);
	assert_int_equal(r.unchanged, 1);
	import_report_free(&r);
	/* GB18030 with its BOM (84 31 95 33): unchanged too */
	assert_int_equal(import(g, sizeof g - 1, &o, &r, &e), OPS_OK);
	assert_string_equal(r.encoding, "GB18030");
	assert_int_equal(r.unchanged, 1);
	import_report_free(&r);
	same(before, snap());
}

#define B(s) s, sizeof s - 1

static const struct {
	const char *name;
	const char *bytes;
	size_t len;
	const char *want;	/* in the error message */
} refusals[] = {
	/* 身份证号,姓名,村\n is 4*3 + 1 + 2*3 + 1 + 3 + 1 = 24 bytes; the ID
	 * 18 and a comma: FF is byte 43 */
	{ "bad byte", B("身份证号,姓名,村\n" ZHANG ",\xFF,x\n"),
	    "line 2, byte 43" },
	{ "utf-16", B("\xFF\xFE" "a\0,\0"), "UTF-16" },
	{ "no name column", B("身份证号,村\n" ZHANG ",东村\n"),
	    "no name column" },
	{ "empty", B(""), "empty" },
	{ "unclosed quote", B("身份证号,姓名,村\n\"" ZHANG ",x,y\n"),
	    "line 2" },
};

static void
test_file_refusals(void **state)
{
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	struct snap before = snap();

	(void)state;
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		assert_int_equal(import(refusals[i].bytes, refusals[i].len, &o,
		    &r, &e), OPS_INVALID);
		if (strstr(e.msg, refusals[i].want) == NULL)
			fail_msg("%s: %s", refusals[i].name, e.msg);
		assert_int_equal(r.nproblems, 0);
		import_report_free(&r);
		same(before, snap());
	}
}

/* One good new row and every kind of bad row: all listed, nothing kept. */
static const char bad[] =
    "身份证号,姓名,村,户口性质,与户主关系,户号\n"
    "440524199001011002,好人,东村,农业,,\n"
    "4.40524E+17,王一,东村,农业,,\n"
    "440524199001011000,王二,东村,农业,,\n"
    "110105198001010017,王三,东村,农业,,\n"
    ",王四,,农业,,\n"
    "370402199001010024,李四,东村,农业,邻居,H001\n"
    "370402198503150049,新人,东村,外星,,\n";

static void
test_bad_rows(void **state)
{
	static const struct {
		long line;
		const char *column, *value, *reason;
	} want[] = {
		{ 3, "身份证号", "4.40524E+17", "scientific notation" },
		{ 4, "身份证号", "440524199001011000", "15 digits" },
		{ 5, "身份证号", "110105198001010017", "check digit" },
		{ 6, "身份证号", "", "empty" },
		{ 6, "村", "", "village" },
		{ 7, "与户主关系", "邻居", "relation" },
		{ 8, "户口性质", "外星", "residence" },
	};
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	struct snap before = snap();

	(void)state;
	assert_int_equal(import(bad, sizeof bad - 1, &o, &r, &e), OPS_INVALID);
	assert_int_equal(r.nproblems, sizeof want / sizeof want[0]);
	assert_int_equal(r.bad_rows, 6);
	assert_non_null(strstr(e.msg, "6 rows"));
	for (size_t i = 0; i < r.nproblems; i++) {
		assert_int_equal(r.problem[i].line, want[i].line);
		assert_string_equal(r.problem[i].column, want[i].column);
		assert_string_equal(r.problem[i].value, want[i].value);
		if (strstr(r.problem[i].reason, want[i].reason) == NULL)
			fail_msg("line %ld: %s", r.problem[i].line,
			    r.problem[i].reason);
	}
	import_report_free(&r);
	same(before, snap());
	/* a dry run lists the same */
	o.dry_run = 1;
	assert_int_equal(import(bad, sizeof bad - 1, &o, &r, &e), OPS_INVALID);
	assert_int_equal(r.nproblems, sizeof want / sizeof want[0]);
	import_report_free(&r);
	same(before, snap());
}

static void
test_categories(void **state)
{
	static const char f[] = "证件号码,姓名\n" LI ",李四, 小\n" XIAO
	    ",张小\n";
	static const char g[] = "证件号码,姓名\n" LI ",张三\n"
	    "370402198001010011,无名\n";
	struct import_options o = { .kind = IMPORT_CATEGORIES,
	    .category = "特困人员", .valid_from = "2021-03-01",
	    .department = "民政局", .file_name = "tekun.csv" };
	struct import_report r;
	struct ops_error e;
	struct snap before;

	(void)state;
	/* "李四, 小" unquoted is two fields: the name column is 李四 */
	assert_int_equal(import(f, sizeof f - 1, &o, &r, &e), OPS_INVALID);
	assert_int_equal(r.nproblems, 1);
	assert_string_equal(r.problem[0].value, "李四");
	import_report_free(&r);
	static const char f2[] = "证件号码,姓名\n" LI ",\"李四, 小\"\n" XIAO
	    ",张小\n";
	assert_int_equal(import(f2, sizeof f2 - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.added, 2);
	import_report_free(&r);
	assert_int_equal(count("SELECT count(*) FROM person_category WHERE "
	    "category = 'extreme_poverty' AND valid_from = '2021-03-01'"), 2);
	before = snap();
	assert_int_equal(import(f2, sizeof f2 - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.unchanged, 2);
	import_report_free(&r);
	same(before, snap());
	/* the wrong name, an unregistered person: both listed */
	assert_int_equal(import(g, sizeof g - 1, &o, &r, &e), OPS_INVALID);
	assert_int_equal(r.nproblems, 2);
	assert_int_equal(r.problem[0].line, 2);
	assert_int_equal(r.problem[1].line, 3);
	import_report_free(&r);
	same(before, snap());
	/* an unknown category stops before reading */
	o.category = "火星人";
	assert_int_equal(import(f2, sizeof f2 - 1, &o, &r, &e), OPS_INVALID);
	import_report_free(&r);
	same(before, snap());
}

/*
 * glibc 2.36's GB18030 (checked with iconv): 䶮 U+4DAE is FE 9F and ︐
 * U+FE10 is A6 D9 (the GB18030-2022 mappings: older tables had private-use
 * code points there); 𠇔 U+201D4 is 95 32 B1 34; 〇 U+3007 is A9 96.
 * A member's row before its head's: done after the whole file is read.
 * 370402197004040051 male (5 odd), 37040219950606006X female (6 even),
 * 370402201507070075 male (7 odd).
 */
static const char rare[] =
    "id_number,name,village,residence,household,relation,head_id\n"
    "370402201507070075,\xA9\x96\xA6\xD9,\xB4\xE5,rural,H9,child,"
    "370402197004040051\n"
    "37040219950606006X,\x95\x32\xB1\x34,\xB4\xE5,rural,H9,spouse,"
    "370402197004040051\n"
    "370402197004040051,\xFE\x9F,\xB4\xE5,rural,H9,head,\n";

static void
test_rare_and_order(void **state)
{
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	struct snap before;
	char buf[64];

	(void)state;
	assert_int_equal(import(rare, sizeof rare - 1, &o, &r, &e), OPS_OK);
	assert_string_equal(r.encoding, "GB18030");
	assert_int_equal(r.added, 3);
	import_report_free(&r);
	assert_string_equal(text("SELECT name FROM resident WHERE id_number = "
	    "'370402197004040051'", buf, sizeof buf), "䶮");
	assert_string_equal(text("SELECT name FROM resident WHERE id_number = "
	    "'37040219950606006X'", buf, sizeof buf), "𠇔");
	assert_string_equal(text("SELECT name FROM resident WHERE id_number = "
	    "'370402201507070075'", buf, sizeof buf), "〇︐");
	assert_string_equal(text("SELECT group_concat(relation, ',') FROM "
	    "(SELECT relation FROM household_member m JOIN household h ON "
	    "h.key = m.household WHERE h.number = 'H9' ORDER BY relation)",
	    buf, sizeof buf), "child,head,spouse");
	before = snap();
	assert_int_equal(import(rare, sizeof rare - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.unchanged, 3);
	import_report_free(&r);
	same(before, snap());
}

/*
 * The rows of one household after another (the import keeps the household
 * and head it read for the next row): a later row naming another head is
 * refused with the head as recorded; a person listed in another household
 * moves there, and the household left behind is read again afterwards.
 */
static void
test_household_rows(void **state)
{
	static const char wrong_head[] =
	    "身份证号,姓名,户号,户主身份证号,与户主关系,村,户口性质\n"
	    ZHANG ",张三,H001," ZHANG ",户主,东村,农业\n"
	    LI ",李四,H001," ZHANG ",配偶,东村,农业\n"
	    XIAO ",张小,H001," LI ",子女,东村,农业\n";
	static const char first[] =
	    "身份证号,姓名,户号,户主身份证号,与户主关系,村,户口性质\n"
	    ZHAO ",赵一,H101," ZHAO ",户主,东村,农业\n"
	    QIAN ",钱二,H101," ZHAO ",配偶,东村,农业\n"
	    SUN ",孙三,H102," SUN ",户主,西村,农业\n";
	static const char moved[] =
	    "身份证号,姓名,户号,户主身份证号,与户主关系,村,户口性质\n"
	    ZHAO ",赵一,H101," ZHAO ",户主,东村,农业\n"
	    QIAN ",钱二,H102," SUN ",其他,西村,农业\n"
	    ZHOU ",周四,H101," ZHAO ",子女,东村,农业\n";
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	struct snap before = snap();
	char buf[256];

	(void)state;
	assert_int_equal(import(wrong_head, sizeof wrong_head - 1, &o, &r, &e),
	    OPS_INVALID);
	assert_int_equal(r.nproblems, 1);
	assert_int_equal(r.problem[0].line, 4);
	assert_string_equal(r.problem[0].column, "户号");
	assert_string_equal(r.problem[0].value, "H001");
	assert_string_equal(r.problem[0].reason, "the head of household H001 "
	    "is 张三 (" ZHANG "), not as this row says: to change the head, "
	    "make another member head");
	import_report_free(&r);
	same(before, snap());
	/* the import's page cache is given back, even after a refusal */
	assert_int_equal(count("PRAGMA cache_size"), -2000);

	assert_int_equal(import(first, sizeof first - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.added, 3);
	import_report_free(&r);
	assert_int_equal(import(moved, sizeof moved - 1, &o, &r, &e), OPS_OK);
	assert_int_equal(r.added, 1);	/* 周四 */
	assert_int_equal(r.changed, 1);	/* 钱二 moved */
	assert_int_equal(r.unchanged, 1);
	import_report_free(&r);
	assert_int_equal(count("PRAGMA cache_size"), -2000);
	assert_string_equal(text("SELECT group_concat(h.number || ':' || "
	    "m.relation || ':' || coalesce(m.left_on, '-'), ' ') FROM "
	    "household_member m JOIN household h ON h.key = m.household "
	    "WHERE m.id_number = '" QIAN "' ORDER BY m.key", buf, sizeof buf),
	    "H101:spouse:2021-06-01 H102:other:-");
	assert_string_equal(text("SELECT group_concat(m.id_number, ' ') FROM "
	    "household_member m JOIN household h ON h.key = m.household "
	    "WHERE h.number = 'H101' AND m.left_on IS NULL ORDER BY m.key",
	    buf, sizeof buf), ZHAO " " ZHOU);
}

static void
test_interrupted(void **state)
{
	static const char f[] = "身份证号,姓名,村,户口性质\n"
	    "440524199001011002,好人,东村,农业\n";
	static volatile sig_atomic_t stop = 1;
	struct import_options o = { .kind = IMPORT_RESIDENTS,
	    .interrupted = &stop };
	struct import_report r;
	struct ops_error e;
	struct snap before = snap();

	(void)state;
	assert_int_equal(import(f, sizeof f - 1, &o, &r, &e), OPS_FAILED);
	assert_int_equal(r.interrupted, 1);
	import_report_free(&r);
	same(before, snap());
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_roster),
		cmocka_unit_test(test_changed_row),
		cmocka_unit_test(test_gb18030_rare),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_file_refusals),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_categories),
		cmocka_unit_test(test_rare_and_order),
		cmocka_unit_test(test_household_rows),
		cmocka_unit_test(test_interrupted),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
