/*
 * test_export.c: yibao export on a real SQLite file: the CSV writer
 * (RFC 4180 quoting, CRLF, strict encodings, byte-order marks), every kind
 * of export with its filters, masking by role, Excel's text protection
 * flags and the audit line.  Residents come from ops_resident_add; the
 * household, categories, payments, claim and registration rows are put in
 * with SQL as schema.sql defines them (the export only reads them).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "io/csv_write.h"
#include "ops/export.h"
#include "ops/office.h"
#include "ops/resident.h"

#define OPTS(k, y, v, n) ((struct export_opts){ .kind = (k), \
	.year = (y), .village = (v), .national = (n) })

#define ZHANG	"370402198001010011"	/* 张三, head of 0001, 东村 */
#define WANG	"370402198202020021"	/* 王𠀀, spouse, 东村, registered poor */
#define LI	"37040219600615068X"	/* 李"四", 西村, no household */

static char tmpdir[256];
static char dbpath[300];
static struct db *db;

static struct ops_session
on(enum role role)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.site, sizeof s.site, "370402");
	snprintf(s.login, sizeof s.login, "%s", role == ROLE_CLERK ? "li" :
	    "admin");
	s.role = role;
	assert_int_equal(date_parse("2021-06-01", &s.today), DATE_OK);
	snprintf(s.now, sizeof s.now, "2021-06-01T08:00:00Z");
	return s;
}

static void
add_resident(const char *id, const char *name, const char *village,
    const char *phone)
{
	struct ops_session s = on(ROLE_CLERK);
	struct resident_input in = { id, name, "rural", "rural_resident",
	    village, phone, NULL, NULL };
	struct ops_error e;

	if (ops_resident_add(&s, &in, NULL, &e) != OPS_OK)
		fail_msg("%s: %s", id, e.msg);
}

static void
sql(const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(db->h, text, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", text, msg);
}

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error e;
	char err[256];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-export-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/o.db", tmpdir);
	if (db_open(dbpath, DB_CREATE, &db, err, sizeof err) != DB_OK)
		return -1;
	s = on(ROLE_ADMIN);
	if (ops_office_init(&s, "370402", "admin", NULL, "secret", &res, &e) !=
	    OPS_OK)
		return -1;
	sql("INSERT INTO operator SELECT 'li', '李会计', 'clerk', "
	    "password_hash, 1, site, created_at FROM operator");
	add_resident(ZHANG, "张三", "东村", "13812345678");
	add_resident(WANG, "王𠀀", "东村", NULL);
	add_resident(LI, "李\"四\"", "西村,南", NULL);
	sql("INSERT INTO household VALUES ('370402-H00000001', '0001', '东村', "
	    "'', '370402', 'x');"
	    "INSERT INTO household_member VALUES "
	    "('370402-M00000001', '370402-H00000001', '" ZHANG "', 'head', "
	    "'2020-01-01', NULL, '370402', 'x'),"
	    "('370402-M00000002', '370402-H00000001', '" WANG "', 'spouse', "
	    "'2020-01-01', NULL, '370402', 'x');"
	    "INSERT INTO person_category VALUES "
	    "('370402-C00000001', '" WANG "', 'registered_poor', '2019-01-01',"
	    " NULL, '乡村振兴局', NULL, '370402', 'x'),"
	    "('370402-C00000002', '" WANG "', 'min_living', '2019-01-01',"
	    " '2020-12-31', '民政局', NULL, '370402', 'x');"
	    "INSERT INTO payment (key, receipt, line, kind, id_number, "
	    "benefit_year, standard, subsidy, subsidy_category, amount, "
	    "benefits_from, paid_on, at, operator, site, policy_id, "
	    "policy_hash) VALUES "
	    "('370402-R00000001-1', '370402-R00000001', 1, 'payment', '" ZHANG
	    "', 2021, 32000, 0, NULL, 32000, '2021-01-01', '2020-10-01', 'x',"
	    " 'li', '370402', 'demo', 'h'),"
	    "('370402-R00000001-2', '370402-R00000001', 2, 'payment', '" WANG
	    "', 2021, 32000, 32000, 'registered_poor', 0, '2021-01-01', "
	    "'2020-10-01', 'x', 'li', '370402', 'demo', 'h'),"
	    "('370402-R00000002-1', '370402-R00000002', 1, 'payment', '" LI
	    "', 2020, 28000, 0, NULL, 28000, '2020-01-01', '2019-10-01', 'x',"
	    " 'li', '370402', 'demo', 'h');"
	    "INSERT INTO offsite_registration (key, id_number, kind, scope, "
	    "dest_code, dest_name, valid_from, valid_to, operator, site, "
	    "created_at) VALUES ('370402-B00000001', '" ZHANG "', 'long_term',"
	    " 'province', '110105', '北京市朝阳区', '2021-03-01', "
	    "'2022-02-28', 'li', '370402', '2021-03-01T08:00:00Z');"
	    "INSERT INTO claim (key, id_number, kind, benefit_year, "
	    "admitted_on, discharged_on, hospital, level, scope, total, "
	    "out_of_list, class_b, imported, imported_standard, residence, ytd,"
	    " imported_excess, imported_selfpay, class_b_selfpay, range, "
	    "deductible, ratio, penalty, fund, penalty_part, serious_base, "
	    "serious, assistance_base, assistance, personal, settled_on, at, "
	    "operator, site, policy_id, policy_hash) VALUES "
	    "('370402-S00000001', '" WANG "', 'inpatient', 2021, '2021-05-01',"
	    " '2021-05-10', '县人民医院', 2, 'local', 1000000, 50000, 100000, "
	    "0, 0, 'rural', '0,0,0,0,0,0,0,0,0', 0, 0, 10000, 940000, 60000, "
	    "8000, 0, 704000, 0, 0, 0, 0, 10000, 286000, '2021-05-10', 'x', "
	    "'li', '370402', 'demo', 'h');");
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

/* ---- the writer --------------------------------------------------------- */

/* Rows through the writer into memory; the status of the last row. */
static enum csv_write_status
write_rows(const char *charset, int bom, const char *const *f, size_t n,
    char **out, size_t *len, struct encode_error *e)
{
	FILE *fp = open_memstream(out, len);
	struct csv_writer *w;
	enum csv_write_status st;

	assert_non_null(fp);
	w = csv_writer_open(fp, charset, bom, e);
	assert_non_null(w);
	st = csv_writer_row(w, f, n, e);
	csv_writer_close(w);
	fclose(fp);
	return st;
}

static void
test_quoting(void **state)
{
	/* RFC 4180 2.6-2.7: quote a field with , " CR or LF; double the ". */
	static const struct {
		const char *field, *want;
	} cases[] = {
		{ "", "" },
		{ "plain", "plain" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "\"", "\"\"\"\"" },
		{ "line\nbreak", "\"line\nbreak\"" },
		{ "cr\rhere", "\"cr\rhere\"" },
		{ "tab\tkept", "tab\tkept" },	/* a tab needs no quotes */
		{ "西村,南", "\"西村,南\"" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct encode_buf b = { 0 };

		assert_int_equal(csv_field_append(&b, cases[i].field), 0);
		assert_string_equal(b.data, cases[i].want);
		encode_buf_free(&b);
	}
}

static void
test_row_crlf(void **state)
{
	const char *f[] = { "a", "b,c", "" };
	struct encode_buf b = { 0 };

	(void)state;
	assert_int_equal(csv_row_append(&b, f, 3), 0);
	assert_string_equal(b.data, "a,\"b,c\",\r\n");
	encode_buf_free(&b);
}

static void
test_gb18030_bytes(void **state)
{
	/* 王 is CD F5 (GBK); 𠀀 U+20000 is four bytes, 95 32 82 36. */
	const char *f[] = { "王", "𠀀" };
	static const char want[] = "\xCD\xF5,\x95\x32\x82\x36\r\n";
	struct encode_error e;
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(write_rows("GB18030", 0, f, 2, &out, &len, &e),
	    CSV_WRITE_OK);
	assert_int_equal(len, sizeof want - 1);
	assert_memory_equal(out, want, len);
	free(out);
}

static void
test_utf8_bom(void **state)
{
	const char *f[] = { "王" };
	static const char with[] = "\xEF\xBB\xBF\xE7\x8E\x8B\r\n";
	struct encode_error e;
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(write_rows("UTF-8", 1, f, 1, &out, &len, &e),
	    CSV_WRITE_OK);
	assert_int_equal(len, sizeof with - 1);
	assert_memory_equal(out, with, len);
	free(out);
	assert_int_equal(write_rows("UTF-8", 0, f, 1, &out, &len, &e),
	    CSV_WRITE_OK);
	assert_int_equal(len, sizeof with - 4);	/* no mark: plain utf-8 */
	assert_memory_equal(out, with + 3, len);
	free(out);
}

static void
test_unencodable(void **state)
{
	/* ASCII cannot hold 王 (U+738B): an error at byte 2 ("a,"), no '?'. */
	const char *f[] = { "a", "王" };
	struct encode_error e;
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(write_rows("ASCII", 0, f, 2, &out, &len, &e),
	    CSV_WRITE_ENCODE);
	assert_int_equal(e.status, ENCODE_UNMAPPABLE);
	assert_int_equal(e.cp, 0x738B);
	assert_int_equal(e.offset, 2);
	assert_int_equal(len, 0);	/* nothing of the row was written */
	free(out);
}

/* ---- the op ------------------------------------------------------------- */

struct collect {
	char text[8192];
	size_t len;
	int fail_at;		/* row number (1 = header) to refuse, or 0 */
	int seen;
};

/* Rows as "f1|f2*|...\n", * after a field flagged as a text number. */
static enum ops_status
collect(void *arg, const char *const *f, const int *flags, size_t n,
    const char *record, struct ops_error *err)
{
	struct collect *c = arg;

	if (++c->seen == c->fail_at)
		return ops_fail(err, OPS_INVALID, "refused %s", record);
	for (size_t i = 0; i < n; i++)
		c->len += (size_t)snprintf(c->text + c->len,
		    sizeof c->text - c->len, "%s%s%s", i ? "|" : "", f[i],
		    (flags[i] & EXPORT_TEXT_NUMBER) ? "*" : "");
	c->len += (size_t)snprintf(c->text + c->len, sizeof c->text - c->len,
	    "\n");
	return OPS_OK;
}

static int
audit_count(void)
{
	sqlite3_stmt *st;
	int n;

	sqlite3_prepare_v2(db->h, "SELECT count(*) FROM audit_log WHERE "
	    "action LIKE 'export.%'", -1, &st, NULL);
	sqlite3_step(st);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void
export_ok(enum role role, struct export_opts o, unsigned long want_rows,
    const char *want)
{
	struct ops_session s = on(role);
	struct collect c = { .len = 0 };
	struct ops_error e;
	unsigned long rows;
	int before = audit_count();

	if (ops_export(&s, &o, collect, &c, &rows, &e) != OPS_OK)
		fail_msg("%s", e.msg);
	assert_int_equal(rows, want_rows);
	assert_string_equal(c.text, want);
	assert_int_equal(audit_count(), before + 1);
}

#define RES_HEAD "身份证号码|姓名|性别|出生日期|户号|户主身份证号|与户主关系|" \
	"村(社区)|户口性质|参保类别|人员类别|联系电话|参保状态|终止日期\n"

static void
test_residents(void **state)
{
	(void)state;
	/*
	 * By village, household (head first), people without one last; on
	 * 2021-06-01 王𠀀's 低保 (to 2020-12-31) is over, 脱贫 is open.  No
	 * pack: categories by code.
	 */
	export_ok(ROLE_ADMIN, OPTS(EXPORT_RESIDENTS, 0, NULL, 0), 3,
	    RES_HEAD
	    ZHANG "*|张三|男|1980-01-01|0001*|" ZHANG "*|户主|东村|农业|"
	    "农村居民||13812345678*|正常|\n"
	    WANG "*|王𠀀|女|1982-02-02|0001*|" ZHANG "*|配偶|东村|农业|"
	    "农村居民|registered_poor||正常|\n"
	    LI "*|李\"四\"|女|1960-06-15||||西村,南|农业|农村居民||"
	    "|正常|\n");
	/* A clerk: IDs and phones masked (PIPL). --year 2020: 低保 held. */
	export_ok(ROLE_CLERK, OPTS(EXPORT_RESIDENTS, 2020, "东村", 0), 2,
	    RES_HEAD
	    "370402********0011*|张三|男|1980-01-01|0001*|"
	    "370402********0011*|户主|东村|农业|农村居民||138****5678*|正常|\n"
	    "370402********0021*|王𠀀|女|1982-02-02|0001*|"
	    "370402********0011*|配偶|东村|农业|农村居民|"
	    "registered_poor、min_living||正常|\n");
}

static void
test_payments(void **state)
{
	(void)state;
	/* Fen to yuan with two decimals: 32000 -> 320.00. */
	export_ok(ROLE_ADMIN, OPTS(EXPORT_PAYMENTS, 2021, NULL, 0), 2,
	    "收据行号|身份证号码|姓名|村(社区)|待遇年度|类型|缴费标准|资助金额|"
	    "资助类别|个人缴费|逾期缴费|待遇起始日期|缴费日期|操作员|冲销行号|"
	    "原因\n"
	    "370402-R00000001-1|" ZHANG "*|张三|东村|2021|缴费|320.00|0.00||"
	    "320.00|否|2021-01-01|2020-10-01|li||\n"
	    "370402-R00000001-2|" WANG "*|王𠀀|东村|2021|缴费|320.00|320.00|"
	    "registered_poor|0.00|否|2021-01-01|2020-10-01|li||\n");
	export_ok(ROLE_ADMIN, OPTS(EXPORT_PAYMENTS, 0, "西村,南", 0), 1,
	    "收据行号|身份证号码|姓名|村(社区)|待遇年度|类型|缴费标准|资助金额|"
	    "资助类别|个人缴费|逾期缴费|待遇起始日期|缴费日期|操作员|冲销行号|"
	    "原因\n"
	    "370402-R00000002-1|" LI "*|李\"四\"|西村,南|2020|缴费|280.00|"
	    "0.00||280.00|否|2020-01-01|2019-10-01|li||\n");
}

static void
test_settlements(void **state)
{
	static const char row[] =
	    /* preselfpay 0 + 100.00; fund paid 7040.00 + 0 + 100.00 = 7140.00 */
	    "370402-S00000001|" WANG "*|王𠀀|东村|住院|2021|2021-05-01|"
	    "2021-05-10|县人民医院|2|本地|10000.00|500.00|0.00|100.00|"
	    "9400.00|600.00|80|7040.00|0.00|100.00|7140.00|2860.00||"
	    "2021-05-10|li\n";
	char want[2048];

	(void)state;
	snprintf(want, sizeof want, "%s%s", "结算号|身份证号码|姓名|村(社区)|"
	    "医疗类别|待遇年度|入院日期|出院日期|医疗机构|医院等级|就医地|"
	    "医疗费总额|全自费金额|超限价自付金额|先行自付金额|符合政策范围金额|"
	    "起付线|基金支付比例(%)|统筹基金支出|大病保险支出|医疗救助支出|"
	    "基金支付总额|个人负担总额|冲正结算号|结算日期|操作员\n", row);
	export_ok(ROLE_ADMIN, OPTS(EXPORT_SETTLEMENTS, 2021, NULL, 0),
	    1, want);
	snprintf(want, sizeof want, "%s%s", "setl_id|certno|psn_name|village|"
	    "med_type|benefit_year|begndate|enddate|fixmedins_name|hosp_lv|"
	    "scope|medfee_sumamt|fulamt_ownpay_amt|overlmt_selfpay|"
	    "preselfpay_amt|inscp_scp_amt|act_pay_dedc|hifp_ratio|hifp_pay|"
	    "hifmi_pay|maf_pay|fund_pay_sumamt|psn_part_amt|reverses_setl_id|"
	    "setl_time|opter\n", row);
	export_ok(ROLE_ADMIN, OPTS(EXPORT_SETTLEMENTS, 2021, NULL, 1), 1, want);
	/* Another year: the header alone, and still one audit line. */
	export_ok(ROLE_ADMIN, OPTS(EXPORT_SETTLEMENTS, 2020, NULL, 1), 0,
	    "setl_id|certno|psn_name|village|"
	    "med_type|benefit_year|begndate|enddate|fixmedins_name|hosp_lv|"
	    "scope|medfee_sumamt|fulamt_ownpay_amt|overlmt_selfpay|"
	    "preselfpay_amt|inscp_scp_amt|act_pay_dedc|hifp_ratio|hifp_pay|"
	    "hifmi_pay|maf_pay|fund_pay_sumamt|psn_part_amt|reverses_setl_id|"
	    "setl_time|opter\n");
}

static void
test_registrations(void **state)
{
	static const char head[] = "备案号|身份证号码|姓名|村(社区)|备案类型|"
	    "备案范围|就医地代码|就医地|开始日期|结束日期|转入医院|诊断|备案状态|"
	    "撤销日期|撤销原因|备案日期\n";
	char want[1024];

	(void)state;
	/* Valid 2021-03-01 to 2022-02-28: in 2022, not in 2020. */
	snprintf(want, sizeof want, "%s370402-B00000001|" ZHANG "*|张三|东村|"
	    "异地长期居住|跨省|110105|北京市朝阳区|2021-03-01|2022-02-28|||"
	    "有效|||2021-03-01\n", head);
	export_ok(ROLE_ADMIN, OPTS(EXPORT_REGISTRATIONS, 2022, NULL, 0), 1, want);
	export_ok(ROLE_ADMIN, OPTS(EXPORT_REGISTRATIONS, 2020, NULL, 0), 0, head);
}

static void
test_audit_line(void **state)
{
	struct ops_session s = on(ROLE_CLERK);
	struct export_opts o = { .kind = EXPORT_PAYMENTS, .year = 2021,
	    .target = "gb18030 out.csv" };
	struct collect c = { .len = 0 };
	struct ops_error e;
	unsigned long rows;
	sqlite3_stmt *st;

	(void)state;
	assert_int_equal(ops_export(&s, &o, collect, &c, &rows, &e), OPS_OK);
	sqlite3_prepare_v2(db->h, "SELECT operator || ' ' || action || ' ' || "
	    "new_values FROM audit_log ORDER BY seq DESC LIMIT 1", -1, &st,
	    NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	    "li export.payments {\"kind\":\"payments\",\"year\":\"2021\","
	    "\"village\":null,\"id_numbers\":\"masked\",\"target\":"
	    "\"gb18030 out.csv\",\"rows\":\"2\"}");
	sqlite3_finalize(st);
}

static void
test_refusals(void **state)
{
	struct ops_session s = on(ROLE_ADMIN);
	struct export_opts o = { .kind = EXPORT_RESIDENTS, .national = 1 };
	struct collect c = { .fail_at = 3 };
	struct ops_error e;
	unsigned long rows = 99;
	int before = audit_count();

	(void)state;
	/* National names are the settlement platform's only. */
	assert_int_equal(ops_export(&s, &o, collect, &c, &rows, &e),
	    OPS_INVALID);
	/* A row the sink refuses (the second resident) stops it: no audit. */
	o.national = 0;
	assert_int_equal(ops_export(&s, &o, collect, &c, &rows, &e),
	    OPS_INVALID);
	assert_string_equal(e.msg, "refused " WANG " 王𠀀");
	assert_int_equal(rows, 0);
	/* Not logged in. */
	s.role = ROLE_NONE;
	assert_int_equal(ops_export(&s, &o, collect, &c, &rows, &e),
	    OPS_DENIED);
	assert_int_equal(audit_count(), before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_row_crlf),
		cmocka_unit_test(test_gb18030_bytes),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_unencodable),
		cmocka_unit_test(test_residents),
		cmocka_unit_test(test_payments),
		cmocka_unit_test(test_settlements),
		cmocka_unit_test(test_registrations),
		cmocka_unit_test(test_audit_line),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
