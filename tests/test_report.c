/*
 * test_report.c: the sums behind the interface's reports on a real SQLite
 * file (payments per month, settlements by kind and month, the audit line
 * of a report written to a file), and the bar chart's arithmetic.  Rows
 * are put in with SQL as schema.sql defines them: the reports only read.
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
#include "ops/office.h"
#include "ops/report.h"
#include "ops/resident.h"
#include "tui/chart.h"

#define ZHANG	"370402198001010011"
#define WANG	"370402198202020021"

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
	snprintf(s.login, sizeof s.login, "admin");
	s.role = role;
	assert_int_equal(date_parse("2021-06-01", &s.today), DATE_OK);
	snprintf(s.now, sizeof s.now, "2021-06-01T08:00:00Z");
	return s;
}

static void
sql(const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(db->h, text, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", text, msg);
}

static void
add_resident(const char *id, const char *name)
{
	struct ops_session s = on(ROLE_ADMIN);
	struct resident_input in = { id, name, "rural", "rural_resident",
	    "东村", NULL, NULL, NULL };
	struct ops_error e;

	if (ops_resident_add(&s, &in, NULL, &e) != OPS_OK)
		fail_msg("%s: %s", id, e.msg);
}

#define PAY "INSERT INTO payment (key, receipt, line, kind, id_number, " \
	"benefit_year, standard, subsidy, amount, cancels, reason, paid_on, " \
	"at, operator, site, policy_id, policy_hash) VALUES "

#define CLAIM "INSERT INTO claim (key, id_number, kind, benefit_year, " \
	"admitted_on, hospital, scope, total, out_of_list, class_b, imported, " \
	"imported_standard, residence, ytd, imported_excess, " \
	"imported_selfpay, class_b_selfpay, range, deductible, ratio, " \
	"penalty, fund, penalty_part, serious_base, serious, " \
	"assistance_base, assistance, personal, reverses, reason, " \
	"settled_on, at, operator, site, policy_id, policy_hash) VALUES "

/* A claim row: only the figures the report sums matter. */
#define ROW(key, id, kind, year, total, fund, serious, assist, personal, \
	    reverses, day) \
	"('" key "', '" id "', '" kind "', " year ", '" day "', 'h', " \
	"'local', " total ", 0, 0, 0, 0, 'rural', '0,0,0,0,0,0,0,0,0', 0, " \
	"0, 0, 0, 0, 0, 0, " fund ", 0, 0, " serious ", 0, " assist ", " \
	personal ", " reverses ", " \
	"CASE WHEN " reverses " IS NULL THEN NULL ELSE 'wrong' END, '" day \
	"', 'x', 'admin', '370402', 'demo', 'h')"

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error e;
	char err[256];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-report-XXXXXX",
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
	add_resident(ZHANG, "张三");
	add_resident(WANG, "王五");
	/*
	 * 2021: ZHANG 320.00 in 2020-10 and WANG 320.00 in 2020-11, WANG's
	 * refunded in 2021-02 (so neither line counts); WANG again 380.00
	 * in 2020-11.  2020: ZHANG 280.00 in 2019-10 (another year).
	 */
	sql(PAY
	    "('370402-R1-1', '370402-R1', 1, 'payment', '" ZHANG "', 2021, "
	    "32000, 0, 32000, NULL, NULL, '2020-10-01', 'x', 'admin', "
	    "'370402', 'demo', 'h'),"
	    "('370402-R2-1', '370402-R2', 1, 'payment', '" WANG "', 2021, "
	    "32000, 0, 32000, NULL, NULL, '2020-11-05', 'x', 'admin', "
	    "'370402', 'demo', 'h'),"
	    "('370402-R3-1', '370402-R3', 1, 'refund', '" WANG "', 2021, "
	    "32000, 0, -32000, '370402-R2-1', 'moved', '2021-02-01', 'x', "
	    "'admin', '370402', 'demo', 'h'),"
	    "('370402-R4-1', '370402-R4', 1, 'payment', '" WANG "', 2021, "
	    "38000, 0, 38000, NULL, NULL, '2020-11-20', 'x', 'admin', "
	    "'370402', 'demo', 'h'),"
	    "('370402-R5-1', '370402-R5', 1, 'payment', '" ZHANG "', 2020, "
	    "28000, 0, 28000, NULL, NULL, '2019-10-01', 'x', 'admin', "
	    "'370402', 'demo', 'h');");
	/*
	 * Claims of 2021: two inpatient in March (one of them reversed in
	 * April: both left out), one outpatient in March, one inpatient in
	 * May; one of 2020.
	 */
	sql(CLAIM
	    ROW("S1", ZHANG, "inpatient", "2021", "1000000", "600000", "50000",
	    "10000", "340000", "NULL", "2021-03-02") ","
	    ROW("S2", WANG, "inpatient", "2021", "200000", "120000", "0", "0",
	    "80000", "NULL", "2021-03-15") ","
	    ROW("S3", WANG, "inpatient", "2021", "-200000", "-120000", "0",
	    "0", "-80000", "'S2'", "2021-04-01") ","
	    ROW("S4", WANG, "outpatient", "2021", "12000", "3500", "0", "0",
	    "8500", "NULL", "2021-03-20") ","
	    ROW("S5", ZHANG, "inpatient", "2021", "300000", "231200", "0",
	    "0", "68800", "NULL", "2021-05-09") ","
	    ROW("S6", ZHANG, "inpatient", "2020", "500000", "1", "0", "0",
	    "499999", "NULL", "2020-12-01") ";");
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

static void
payments_by_month(void **state)
{
	struct ops_session s = on(ROLE_CLERK);
	struct month_report r;
	struct ops_error e;

	(void)state;
	assert_int_equal(ops_report_payments_by_month(&s, 2021, &r, &e),
	    OPS_OK);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.rows[0].month, "2020-10");
	assert_int_equal(r.rows[0].count, 1);
	assert_int_equal(r.rows[0].amount, 32000);
	assert_string_equal(r.rows[1].month, "2020-11");
	assert_int_equal(r.rows[1].count, 1);	/* the refunded one left out */
	assert_int_equal(r.rows[1].amount, 38000);
	assert_int_equal(r.count, 2);
	assert_int_equal(r.amount, 70000);
	month_report_free(&r);

	assert_int_equal(ops_report_payments_by_month(&s, 2022, &r, &e),
	    OPS_OK);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.amount, 0);
	month_report_free(&r);

	s.role = ROLE_NONE;
	assert_int_equal(ops_report_payments_by_month(&s, 2021, &r, &e),
	    OPS_DENIED);
}

static void
settlements(void **state)
{
	struct ops_session s = on(ROLE_CLERK);
	struct settle_report r;
	struct ops_error e;

	(void)state;
	assert_int_equal(ops_report_settlements(&s, 2021, &r, &e), OPS_OK);
	/* By month, then kind; S2 and its reversal S3 are left out. */
	assert_int_equal(r.n, 3);
	assert_string_equal(r.rows[0].month, "2021-03");
	assert_string_equal(r.rows[0].kind, "inpatient");
	assert_int_equal(r.rows[0].count, 1);
	assert_int_equal(r.rows[0].total, 1000000);
	assert_int_equal(r.rows[0].fund, 600000);
	assert_int_equal(r.rows[0].serious, 50000);
	assert_int_equal(r.rows[0].assistance, 10000);
	assert_int_equal(r.rows[0].personal, 340000);
	assert_string_equal(r.rows[1].month, "2021-03");
	assert_string_equal(r.rows[1].kind, "outpatient");
	assert_int_equal(r.rows[1].fund, 3500);
	assert_string_equal(r.rows[2].month, "2021-05");
	assert_int_equal(r.rows[2].total, 300000);
	/* Per kind, inpatient first (RULES.md's order). */
	assert_int_equal(r.nkinds, 2);
	assert_string_equal(r.kinds[0].kind, "inpatient");
	assert_int_equal(r.kinds[0].count, 2);
	assert_int_equal(r.kinds[0].total, 1300000);
	assert_int_equal(r.kinds[0].fund, 831200);
	assert_int_equal(r.kinds[0].personal, 408800);
	assert_string_equal(r.kinds[1].kind, "outpatient");
	assert_int_equal(r.kinds[1].count, 1);
	/* The year: 10000.00 + 120.00 + 3000.00 = 13120.00. */
	assert_int_equal(r.total.count, 3);
	assert_int_equal(r.total.total, 1312000);
	assert_int_equal(r.total.fund, 834700);
	assert_int_equal(r.total.serious, 50000);
	assert_int_equal(r.total.assistance, 10000);
	assert_int_equal(r.total.personal, 417300);
	/* RULES.md 5.5: personal = T - fund - serious - assistance. */
	assert_int_equal(r.total.personal, r.total.total - r.total.fund -
	    r.total.serious - r.total.assistance);
	settle_report_free(&r);

	assert_int_equal(ops_report_settlements(&s, 1, &r, &e), OPS_INVALID);
}

static void
exported_is_audited(void **state)
{
	struct ops_session s = on(ROLE_CLERK);
	struct ops_error e;
	sqlite3_stmt *st;

	(void)state;
	assert_int_equal(ops_report_exported(&s, "enrolment", 2021,
	    "GB18030 enrolment-2021.csv", 19, &e), OPS_OK);
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT action, record, "
	    "new_values FROM audit_log WHERE action = 'export.report'", -1,
	    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(st, 1), "enrolment");
	assert_non_null(strstr((const char *)sqlite3_column_text(st, 2),
	    "\"rows\":\"19\""));
	assert_non_null(strstr((const char *)sqlite3_column_text(st, 2),
	    "GB18030 enrolment-2021.csv"));
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void
chart(void **state)
{
	char buf[300];

	(void)state;
	/* 3600.00 of 11108.00 over 36 columns: 93.3 -> 93 eighths. */
	assert_int_equal(chart_eighths(360000, 1110800, 36), 93);
	assert_int_equal(chart_eighths(1110800, 1110800, 36), 288);
	assert_int_equal(chart_eighths(0, 100, 36), 0);
	assert_int_equal(chart_eighths(360000, 1110800, 14), 36);
	assert_int_equal(chart_eighths(1, 1000000, 36), 1);	/* never lost */
	assert_int_equal(chart_eighths(200, 100, 36), 288);	/* capped */
	assert_int_equal(chart_eighths(5, 0, 36), 0);

	/* Over 14 columns: 36.8 -> 36 eighths, 4 full blocks and a half. */
	chart_bar(buf, sizeof buf, "2021-06", 8, 360000, 1110800, 14,
	    "3600.00", 0);
	assert_string_equal(buf, "2021-06  "
	    "\u2588\u2588\u2588\u2588\u258c" "          3600.00");
	/* ASCII: whole columns, rounded: (36 + 4) / 8 = 5. */
	chart_bar(buf, sizeof buf, "2021-06", 8, 360000, 1110800, 14,
	    "3600.00", 1);
	assert_string_equal(buf, "2021-06  #####          3600.00");
	/* A label cut at its columns; a Hanzi is two. */
	chart_bar(buf, sizeof buf, "东山乡阳坡村", 6, 625, 1000, 4, "62.5%", 1);
	assert_string_equal(buf, "东山乡 ###  62.5%");
	chart_bar(buf, sizeof buf, "x", 1, 0, 1000, 3, "0", 0);
	assert_string_equal(buf, "x     0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(payments_by_month),
		cmocka_unit_test(settlements),
		cmocka_unit_test(exported_is_audited),
		cmocka_unit_test(chart),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
