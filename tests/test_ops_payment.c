/*
 * test_ops_payment.c: paying, refunding, reversing, coverage and the
 * reports on a real SQLite file, by the demo pack (P = 320, G = 580,
 * period 2020-09-01 to 2020-12-31, 004's late rule, 000's subsidies).
 * Residents, households and categories are put in with plain SQL as
 * schema.sql defines them.  Every refusal leaves the file as it was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/idcard.h"
#include "db/db.h"
#include "db/operator.h"
#include "db/tx.h"
#include "io/policy_file.h"
#include "ops/office.h"
#include "ops/payment.h"
#include "ops/report.h"

#define NOW "2020-10-01T08:00:00Z"

static char tmpdir[256];
static char dbpath[300];
static struct db *db;
static struct policy *demo;

/* An ID number of 370402, born `birth` (YYYYMMDD), sequence `seq`. */
static const char *
id_of(const char *birth, int seq)
{
	static char buf[8][32];
	static int next;
	char *b = buf[next++ % 8];

	snprintf(b, 32, "370402%.8s%03d", birth, seq % 1000);
	b[17] = idcard_check_char(b);
	b[18] = '\0';
	return b;
}

static void
sql(const char *fmt, ...)
{
	char buf[2048];
	char *msg = NULL;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (sqlite3_exec(db->h, buf, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", buf, msg);
}

static long long
query_int(const char *q)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db->h, q, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *
query_text(const char *q)
{
	static char buf[4096];
	sqlite3_stmt *st;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db->h, q, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Everything a refused op must leave as it was. */
static const char *
snapshot(void)
{
	static char buf[4096];

	snprintf(buf, sizeof buf, "%s", query_text(
	    "SELECT (SELECT count(*) FROM payment) || '|' || "
	    "(SELECT count(*) FROM audit_log) || '|' || "
	    "coalesce((SELECT group_concat(kind || next) FROM key_counter), '')"
	    " || '|' || coalesce((SELECT group_concat(key || amount) FROM "
	    "payment), '')"));
	return buf;
}

static void
resident(const char *id, const char *name, const char *birth,
    const char *village)
{
	sql("INSERT INTO resident (id_number, id_reversed, name, initials, "
	    "sex, birth, residence, insured_category, village, site, "
	    "created_at, updated_at) VALUES ('%s', '', '%s', '', 'M', '%s', "
	    "'rural', 'rural_resident', '%s', '370402', '" NOW "', '" NOW
	    "')", id, name, birth, village);
}

static void
member(const char *household, const char *id, const char *relation)
{
	sql("INSERT OR IGNORE INTO household VALUES ('370402-H%s', '%s', "
	    "'东村', '', '370402', '" NOW "')", household, household);
	sql("INSERT INTO household_member VALUES ('370402-M%s', "
	    "'370402-H%s', '%s', '%s', '2020-01-01', NULL, '370402', '" NOW
	    "')", id, household, id, relation);
}

static void
category(const char *id, const char *cat, const char *from)
{
	sql("INSERT INTO person_category VALUES ('370402-C%s%s', '%s', '%s', "
	    "'%s', NULL, '民政局', NULL, '370402', '" NOW "')", id, cat, id,
	    cat, from);
}

static struct ops_session
as(const char *login, enum role role, const char *today)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.site, sizeof s.site, "370402");
	snprintf(s.login, sizeof s.login, "%s", login);
	s.role = role;
	assert_int_equal(date_parse(today, &s.today), DATE_OK);
	snprintf(s.now, sizeof s.now, NOW);
	s.policy = demo;
	return s;
}

static void
add_operator(const char *login, const char *role)
{
	struct db_operator o;

	memset(&o, 0, sizeof o);
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.display_name, sizeof o.display_name, "%s", login);
	snprintf(o.role, sizeof o.role, "%s", role);
	snprintf(o.password_hash, sizeof o.password_hash, "x");
	snprintf(o.site, sizeof o.site, "370402");
	snprintf(o.created_at, sizeof o.created_at, NOW);
	o.active = 1;
	assert_int_equal(db_operator_insert(db, &o), 0);
}

/* Residents of every test. */
#define A id_of("19800101", 1)	/* 张三, household 0001 head */
#define B id_of("19820202", 2)	/* 李四, household 0001, registered poor */
#define CC id_of("19600615", 3)	/* 王五, low income, 60 on 2020-06-15 */
#define E id_of("19700707", 4)	/* 赵六, ended */
#define F id_of("19900303", 5)	/* 钱七, household 0002 */

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error err;
	struct policy_errors errs;
	char msg[256];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-pay-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/o.db", tmpdir);
	if (demo == NULL && ((demo = calloc(1, sizeof *demo)) == NULL ||
	    policy_file_load("demo", demo, &errs) != 0))
		return -1;
	if (db_open(dbpath, DB_CREATE, &db, msg, sizeof msg) != DB_OK)
		return -1;
	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.now, sizeof s.now, NOW);
	if (ops_office_init(&s, "370402", "admin", "Admin", "secret", &res,
	    &err) != OPS_OK)
		return -1;
	add_operator("li", "clerk");
	add_operator("wang", "supervisor");
	resident(A, "张三", "1980-01-01", "东村");
	resident(B, "李四", "1982-02-02", "东村");
	resident(CC, "王五", "1960-06-15", "西村");
	resident(E, "赵六", "1970-07-07", "西村");
	resident(F, "钱七", "1990-03-03", "东村");
	sql("UPDATE resident SET status = 'ended', ended_on = '2020-05-01', "
	    "end_reason = 'moved' WHERE id_number = '%s'", E);
	member("0001", A, "head");
	member("0001", B, "spouse");
	member("0002", F, "head");
	category(B, "registered_poor", "2019-01-01");
	category(CC, "low_income", "2019-01-01");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[600];

	(void)state;
	db_close(db);
	db = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}

static enum ops_status
pay(struct ops_session *s, struct pay_receipt *r, const char *date,
    int n, ...)
{
	struct pay_request req;
	struct ops_error err;
	enum ops_status st;
	va_list ap;

	memset(&req, 0, sizeof req);
	if (date != NULL)
		assert_int_equal(date_parse(date, &req.date), DATE_OK);
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		req.ids[req.nids++] = va_arg(ap, const char *);
	va_end(ap);
	st = ops_pay(s, &req, r, &err);
	if (st != OPS_OK)
		print_message("  (refused: %s)\n", err.msg);
	return st;
}

static enum cover_status
cover(struct ops_session *s, const char *id, int year)
{
	struct coverage_report r;
	struct ops_error err;

	assert_int_equal(ops_coverage(s, id, year, &r, &err), OPS_OK);
	return r.cov.status;
}

/* ---- paying ----------------------------------------------------------- */

static void
test_household_receipt(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2020-10-01");
	struct pay_receipt r;
	char q[256];

	(void)state;
	/* A pays P = 320; B is registered poor: full subsidy, pays 0. */
	assert_int_equal(pay(&s, &r, NULL, 2, A, B), OPS_OK);
	assert_string_equal(r.receipt, "370402-R00000001");
	assert_string_equal(r.household_number, "0001");
	assert_int_equal(r.n, 2);
	assert_int_equal(r.year, 2021);
	assert_string_equal(r.m[0].key, "370402-R00000001-1");
	assert_int_equal(r.m[0].c.due, 32000);
	assert_int_equal(r.m[1].c.subsidy, 32000);
	assert_int_equal(r.m[1].c.subsidy_category, CAT_REGISTERED_POOR);
	assert_int_equal(r.m[1].c.due, 0);
	assert_int_equal(r.total, 32000);
	assert_int_equal(query_int("SELECT count(DISTINCT receipt) FROM "
	    "payment"), 1);
	assert_string_equal(query_text("SELECT group_concat(key || ',' || "
	    "line || ',' || standard || ',' || subsidy || ',' || "
	    "coalesce(subsidy_category, '-') || ',' || amount || ',' || "
	    "benefits_from || ',' || operator || ',' || policy_id, ';') "
	    "FROM payment"),
	    "370402-R00000001-1,1,32000,0,-,32000,2021-01-01,li,demo;"
	    "370402-R00000001-2,2,32000,32000,registered_poor,0,2021-01-01,"
	    "li,demo");
	snprintf(q, sizeof q, "SELECT count(*) FROM payment WHERE "
	    "policy_hash = '%s'", demo->text_hash);
	assert_int_equal(query_int(q), 2);
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "action = 'payment.pay' AND operator = 'li' AND policy_id = "
	    "'demo'"), 2);
	/* 000 秦 一: 60 % of 320 = 192 at 60; pays 128. */
	assert_int_equal(pay(&s, &r, NULL, 1, CC), OPS_OK);
	assert_string_equal(r.receipt, "370402-R00000002");
	assert_int_equal(r.m[0].c.subsidy, 19200);
	assert_int_equal(r.m[0].c.due, 12800);
	assert_string_equal(r.household_number, "");
	assert_int_equal(cover(&s, A, 2021), COVER_INSURED);
	assert_int_equal(cover(&s, F, 2021), COVER_NOT_PAID);
}

/* The figures shown before the money is taken: the same, nothing written. */
static void
test_dry_run(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2020-10-01");
	struct pay_request req;
	struct pay_receipt r;
	struct ops_error err;
	char before[4096];

	(void)state;
	snprintf(before, sizeof before, "%s", snapshot());
	memset(&req, 0, sizeof req);
	req.nids = 2;
	req.ids[0] = A;
	req.ids[1] = B;
	req.dry_run = true;
	assert_int_equal(ops_pay(&s, &req, &r, &err), OPS_OK);
	assert_string_equal(r.receipt, "");
	assert_string_equal(r.household_number, "0001");
	assert_int_equal(r.n, 2);
	assert_int_equal(r.m[0].c.due, 32000);
	assert_int_equal(r.m[1].c.subsidy, 32000);
	assert_int_equal(r.m[1].c.subsidy_category, CAT_REGISTERED_POOR);
	assert_int_equal(r.total, 32000);
	assert_string_equal(snapshot(), before);
	/* The real payment then takes the first receipt number. */
	req.dry_run = false;
	assert_int_equal(ops_pay(&s, &req, &r, &err), OPS_OK);
	assert_string_equal(r.receipt, "370402-R00000001");
	/* A dry run refuses what paying would: already paid. */
	req.dry_run = true;
	req.nids = 1;
	assert_int_equal(ops_pay(&s, &req, &r, &err), OPS_CONFLICT);
}

static void
test_refusals_write_nothing(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2020-10-01");
	struct pay_receipt r;
	char before[4096];

	(void)state;
	assert_int_equal(pay(&s, &r, NULL, 1, A), OPS_OK);
	snprintf(before, sizeof before, "%s", snapshot());
	/* Already paid, alone or with an unpaid member of the household. */
	assert_int_equal(pay(&s, &r, NULL, 1, A), OPS_CONFLICT);
	assert_int_equal(pay(&s, &r, NULL, 2, B, A), OPS_CONFLICT);
	/* Unknown, ended, twice on one receipt, another household. */
	assert_int_equal(pay(&s, &r, NULL, 1, id_of("19800101", 99)),
	    OPS_NOT_FOUND);
	assert_int_equal(pay(&s, &r, NULL, 1, E), OPS_INVALID);
	assert_int_equal(pay(&s, &r, NULL, 2, B, B), OPS_INVALID);
	assert_int_equal(pay(&s, &r, NULL, 2, B, F), OPS_INVALID);
	assert_int_equal(pay(&s, &r, NULL, 2, B, CC), OPS_INVALID);
	assert_int_equal(pay(&s, &r, NULL, 1, "370402198001010012"),
	    OPS_INVALID);
	/* Outside every period: before 2020-09-01, after 2021. */
	assert_int_equal(pay(&s, &r, "2020-08-31", 1, B), OPS_INVALID);
	s.today = (struct date){ 2022, 1, 2 };
	assert_int_equal(pay(&s, &r, NULL, 1, B), OPS_INVALID);
	/* A date in the future. */
	s.today = (struct date){ 2020, 10, 1 };
	assert_int_equal(pay(&s, &r, "2020-10-02", 1, B), OPS_INVALID);
	/* No pack. */
	s.policy = NULL;
	assert_int_equal(pay(&s, &r, NULL, 1, B), OPS_INVALID);
	assert_string_equal(snapshot(), before);
}

/* 004 二(四) by the demo pack: late 900 and a wait; registered poor not. */
/*
 * Inside the caller's transaction: the refused member's index, nothing
 * committed until the caller commits, the same receipt numbers.
 */
static void
test_pay_in_tx(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2020-10-01");
	struct pay_request req;
	struct pay_receipt r;
	struct ops_error err;
	char before[4096];
	int who;

	(void)state;
	assert_int_equal(pay(&s, &r, NULL, 1, B), OPS_OK);
	snprintf(before, sizeof before, "%s", snapshot());
	memset(&req, 0, sizeof req);
	req.nids = 3;
	req.ids[0] = A;
	req.ids[1] = id_of("19800101", 99);	/* nobody */
	req.ids[2] = B;
	assert_int_equal(ops_begin(&s, &err), OPS_OK);
	assert_int_equal(ops_pay_in_tx(&s, &req, &r, &who, &err),
	    OPS_NOT_FOUND);
	assert_int_equal(who, 1);
	req.ids[1] = F;				/* another household */
	assert_int_equal(ops_pay_in_tx(&s, &req, &r, &who, &err),
	    OPS_INVALID);
	assert_int_equal(who, 1);
	req.ids[1] = A;				/* twice */
	assert_int_equal(ops_pay_in_tx(&s, &req, &r, &who, &err),
	    OPS_INVALID);
	assert_int_equal(who, 1);
	req.nids = 2;
	req.ids[1] = B;				/* paid already */
	assert_int_equal(ops_pay_in_tx(&s, &req, &r, &who, &err),
	    OPS_CONFLICT);
	assert_int_equal(who, 1);
	req.nids = 1;
	assert_int_equal(ops_pay_in_tx(&s, &req, &r, &who, &err), OPS_OK);
	assert_int_equal(who, -1);
	assert_string_equal(r.receipt, "370402-R00000002");
	assert_int_equal(r.total, 32000);
	ops_rollback(&s);
	assert_string_equal(snapshot(), before);
	assert_int_equal(ops_begin(&s, &err), OPS_OK);
	assert_int_equal(ops_pay_in_tx(&s, &req, &r, &who, &err), OPS_OK);
	assert_int_equal(ops_commit(&s, &err), OPS_OK);
	assert_string_equal(r.receipt, "370402-R00000002");
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "action = 'payment.pay'"), 2);
}

static void
test_late_payment(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2021-03-01");
	struct coverage_report c;
	struct ops_error err;
	struct pay_receipt r;
	char d[DATE_BUFSZ];

	(void)state;
	assert_int_equal(pay(&s, &r, NULL, 1, A), OPS_OK);
	assert_int_equal(r.m[0].c.due, 90000);	/* 320 + 580 */
	assert_true(r.m[0].c.late);
	assert_int_equal(query_int("SELECT late FROM payment"), 1);
	/* 2021-03-01 + 30 = 2021-03-31: waiting until the 30th. */
	assert_int_equal(ops_coverage(&s, A, 2021, &c, &err), OPS_OK);
	assert_int_equal(c.cov.status, COVER_WAITING);
	assert_string_equal(date_format(c.cov.waiting_until, d), "2021-03-30");
	s.today = (struct date){ 2021, 3, 31 };
	assert_int_equal(cover(&s, A, 2021), COVER_INSURED);
	/* Registered poor, late: subsidy kept (pays 0), benefits at once. */
	assert_int_equal(pay(&s, &r, NULL, 1, B), OPS_OK);
	assert_int_equal(r.m[0].c.due, 0);
	assert_false(r.m[0].c.late);
	assert_int_equal(cover(&s, B, 2021), COVER_INSURED);
}

/* 000: a category certified after paying changes nothing. */
static void
test_category_after_payment(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2020-10-01");
	struct pay_receipt r;
	struct coverage_report c1, c2;
	struct ops_error err;
	char before[4096];

	(void)state;
	assert_int_equal(pay(&s, &r, NULL, 1, F), OPS_OK);
	assert_int_equal(ops_coverage(&s, F, 2021, &c1, &err), OPS_OK);
	snprintf(before, sizeof before, "%s", snapshot());
	category(F, "min_living", "2020-11-01");
	s.today = (struct date){ 2020, 11, 15 };
	assert_int_equal(ops_coverage(&s, F, 2021, &c2, &err), OPS_OK);
	assert_memory_equal(&c1.cov, &c2.cov, sizeof c1.cov);
	assert_string_equal(snapshot(), before);
	assert_int_equal(pay(&s, &r, NULL, 1, F), OPS_CONFLICT);
}

/* ---- reversal and refund --------------------------------------------- */

static void
test_reverse(void **state)
{
	struct ops_session clerk = as("li", ROLE_CLERK, "2020-10-01");
	struct ops_session sup = as("wang", ROLE_SUPERVISOR, "2020-10-01");
	struct pay_receipt r;
	struct cancel_result x;
	struct ops_error err;
	char before[4096];

	(void)state;
	assert_int_equal(pay(&clerk, &r, NULL, 2, A, B), OPS_OK);
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(ops_reverse(&clerk, "370402-R00000001-1", "typo",
	    &x, &err), OPS_DENIED);
	assert_int_equal(ops_reverse(&sup, "370402-R00000001-1", "  ", &x,
	    &err), OPS_INVALID);
	assert_int_equal(ops_reverse(&sup, "370402-R00000009", "typo", &x,
	    &err), OPS_NOT_FOUND);
	assert_string_equal(snapshot(), before);

	assert_int_equal(ops_reverse(&sup, "370402-R00000001-1", "wrong "
	    "person", &x, &err), OPS_OK);
	assert_string_equal(x.receipt, "370402-R00000002");
	assert_int_equal(x.n, 1);
	assert_int_equal(x.total, -32000);
	assert_string_equal(query_text("SELECT key || ',' || kind || ',' || "
	    "amount || ',' || cancels || ',' || reason || ',' || operator "
	    "FROM payment WHERE kind = 'reversal'"),
	    "370402-R00000002-1,reversal,-32000,370402-R00000001-1,wrong "
	    "person,wang");
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "action = 'payment.reverse' AND record = '370402-R00000002-1'"),
	    1);
	assert_int_equal(cover(&sup, A, 2021), COVER_REVERSED);
	assert_int_equal(cover(&sup, B, 2021), COVER_INSURED);

	/* Twice: refused, nothing written. */
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(ops_reverse(&sup, "370402-R00000001-1", "again", &x,
	    &err), OPS_CONFLICT);
	/* A reversal line itself is not a payment. */
	assert_int_equal(ops_reverse(&sup, "370402-R00000002-1", "again", &x,
	    &err), OPS_INVALID);
	assert_string_equal(snapshot(), before);

	/* The whole receipt: only the line still standing. */
	assert_int_equal(ops_reverse(&sup, "370402-R00000001", "duplicate",
	    &x, &err), OPS_OK);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.l[0].cancels, "370402-R00000001-2");
	assert_int_equal(cover(&sup, B, 2021), COVER_REVERSED);
	assert_int_equal(ops_reverse(&sup, "370402-R00000001", "again", &x,
	    &err), OPS_CONFLICT);
	/* The unique index refuses a second cancelling line even past ops. */
	assert_int_not_equal(sqlite3_exec(db->h, "INSERT INTO payment SELECT "
	    "'x', 'x', 1, kind, id_number, benefit_year, standard, subsidy, "
	    "subsidy_category, amount, late, benefits_from, inpatient_only, "
	    "cancels, reason, paid_on, at, operator, site, policy_id, "
	    "policy_hash FROM payment WHERE key = '370402-R00000002-1'", NULL,
	    NULL, NULL), SQLITE_OK);
	/* Paid again after the reversal: insured again. */
	assert_int_equal(pay(&clerk, &r, NULL, 1, A), OPS_OK);
	assert_int_equal(cover(&clerk, A, 2021), COVER_INSURED);
}

static void
test_refund(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2020-10-01");
	struct pay_receipt r;
	struct cancel_result x;
	struct ops_error err;
	char before[4096];

	(void)state;
	assert_int_equal(pay(&s, &r, NULL, 2, A, B), OPS_OK);
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(ops_refund(&s, "370402-R00000001-1", "moved", &x,
	    &err), OPS_INVALID);
	assert_int_equal(ops_refund(&s, "370402-R00000001-7", "death", &x,
	    &err), OPS_NOT_FOUND);
	/* Once the benefit year has begun, no refund (001 四(二)2). */
	s.today = (struct date){ 2021, 1, 1 };
	assert_int_equal(ops_refund(&s, "370402-R00000001-1", "death", &x,
	    &err), OPS_INVALID);
	assert_string_equal(snapshot(), before);

	s.today = (struct date){ 2020, 12, 31 };
	assert_int_equal(ops_refund(&s, "370402-R00000001-1", "employment",
	    &x, &err), OPS_OK);
	assert_string_equal(x.receipt, "370402-R00000002");
	assert_int_equal(x.total, -32000);
	assert_string_equal(query_text("SELECT kind || ',' || amount || ',' "
	    "|| cancels || ',' || reason || ',' || paid_on FROM payment WHERE "
	    "key = '370402-R00000002-1'"),
	    "refund,-32000,370402-R00000001-1,employment,2020-12-31");
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "action = 'payment.refund'"), 1);
	assert_int_equal(cover(&s, A, 2021), COVER_REFUNDED);
	/* Refunded twice, or reversed after: refused. */
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(ops_refund(&s, "370402-R00000001-1", "death", &x,
	    &err), OPS_CONFLICT);
	s.role = ROLE_SUPERVISOR;
	assert_int_equal(ops_reverse(&s, "370402-R00000001-1", "x", &x,
	    &err), OPS_CONFLICT);
	assert_string_equal(snapshot(), before);
	/* A zero line (full subsidy) refunds 0.00. */
	assert_int_equal(ops_refund(&s, "370402-R00000001-2", "death", &x,
	    &err), OPS_OK);
	assert_int_equal(x.total, 0);

	/* A late payment, made inside its year, is not refunded. */
	s.today = (struct date){ 2021, 2, 1 };
	assert_int_equal(pay(&s, &r, NULL, 1, F), OPS_OK);
	assert_int_equal(ops_refund(&s, r.m[0].key, "death", &x, &err),
	    OPS_INVALID);
}

/* ---- reports ---------------------------------------------------------- */

static void
test_day_report(void **state)
{
	struct ops_session li = as("li", ROLE_CLERK, "2020-10-01");
	struct ops_session wang = as("wang", ROLE_SUPERVISOR, "2020-10-01");
	struct pay_receipt r;
	struct cancel_result x;
	struct day_report d;
	struct ops_error err;

	(void)state;
	/* li: R1 A 320 + B 0; R2 CC 128; refund of A: -320. */
	assert_int_equal(pay(&li, &r, NULL, 2, A, B), OPS_OK);
	assert_int_equal(pay(&li, &r, NULL, 1, CC), OPS_OK);
	assert_int_equal(ops_refund(&li, "370402-R00000001-1", "death", &x,
	    &err), OPS_OK);
	/* wang: reverses R2 (-128) and takes F's 320. */
	assert_int_equal(ops_reverse(&wang, "370402-R00000002", "typo", &x,
	    &err), OPS_OK);
	assert_int_equal(pay(&wang, &r, NULL, 1, F), OPS_OK);
	/* Another day, not in the report. */
	li.today = (struct date){ 2020, 10, 2 };
	assert_int_equal(pay(&li, &r, NULL, 1, CC), OPS_OK);

	assert_int_equal(ops_report_day(&li, (struct date){ 2020, 10, 1 },
	    NULL, &d, &err), OPS_OK);
	assert_int_equal(d.n, 2);
	/* li: 3 payments 320 + 0 + 128 = 448; refund -320; net 128. */
	assert_string_equal(d.rows[0].login, "li");
	assert_int_equal(d.rows[0].count[DAY_PAYMENTS], 3);
	assert_int_equal(d.rows[0].sum[DAY_PAYMENTS], 44800);
	assert_int_equal(d.rows[0].count[DAY_REFUNDS], 1);
	assert_int_equal(d.rows[0].sum[DAY_REFUNDS], -32000);
	assert_int_equal(d.rows[0].count[DAY_REVERSALS], 0);
	assert_int_equal(d.rows[0].net, 12800);
	/* wang: payment 320, reversal -128; net 192. */
	assert_string_equal(d.rows[1].login, "wang");
	assert_int_equal(d.rows[1].sum[DAY_PAYMENTS], 32000);
	assert_int_equal(d.rows[1].count[DAY_REVERSALS], 1);
	assert_int_equal(d.rows[1].sum[DAY_REVERSALS], -12800);
	assert_int_equal(d.rows[1].net, 19200);
	/* Total 768 - 320 - 128 = 320 = 128 + 192: balances to the fen. */
	assert_int_equal(d.total.count[DAY_PAYMENTS], 4);
	assert_int_equal(d.total.sum[DAY_PAYMENTS], 76800);
	assert_int_equal(d.total.net, 32000);
	assert_int_equal(d.total.net, query_int("SELECT sum(amount) FROM "
	    "payment WHERE paid_on = '2020-10-01'"));
	day_report_free(&d);

	assert_int_equal(ops_report_day(&li, (struct date){ 2020, 10, 1 },
	    "wang", &d, &err), OPS_OK);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.total.net, 19200);
	day_report_free(&d);
}

static void
test_enrolment_report(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2020-10-01");
	struct pay_receipt r;
	struct enrol_report e;
	struct ops_error err;

	(void)state;
	assert_int_equal(pay(&s, &r, NULL, 2, A, B), OPS_OK);	/* 东村 */
	assert_int_equal(pay(&s, &r, NULL, 1, CC), OPS_OK);	/* 西村 */
	s.today = (struct date){ 2021, 2, 1 };
	assert_int_equal(pay(&s, &r, NULL, 1, F), OPS_OK);	/* late */
	assert_int_equal(ops_report_enrolment(&s, 2021, &e, &err), OPS_OK);
	/* 东村: A, B, F, all insured; 西村: CC insured (E ended before). */
	assert_int_equal(e.nrows, 2);
	assert_string_equal(e.rows[0].village, "东村");
	assert_int_equal(e.rows[0].residents, 3);
	assert_int_equal(e.rows[0].insured, 3);
	assert_int_equal(e.rows[1].residents, 1);
	assert_int_equal(e.total.uninsured, 0);
	/* Subsidies: low_income 192, registered_poor 320. */
	assert_int_equal(e.nsub, 2);
	assert_string_equal(e.sub[0].category, "low_income");
	assert_int_equal(e.sub[0].amount, 19200);
	assert_int_equal(e.sub[1].amount, 32000);
	assert_int_equal(e.sub_total, 51200);
	/* G for the 3 who paid in the period (F paid it himself): 3 x 580
	 * = 1740; mountain: 464 x 3 = 1392, 104 x 3 = 312, 12 x 3 = 36. */
	assert_int_equal(e.fiscal_persons, 3);
	assert_int_equal(e.fiscal_total, 174000);
	assert_int_equal(e.nsplits, 2);
	assert_int_equal(e.split[0].total[GOV_CENTRAL], 139200);
	assert_int_equal(e.split[0].total[GOV_PROVINCIAL], 31200);
	assert_int_equal(e.split[0].total[GOV_COUNTY], 3600);
	assert_int_equal(e.split[0].total_sum, 174000);
	enrol_report_free(&e);
	/* CC's payment reversed: 西村 has nobody insured; a reversal is
	 * not a payment, and the payment it cancels counts no more. */
	struct ops_session sup = as("wang", ROLE_SUPERVISOR, "2021-02-01");
	struct cancel_result x;
	assert_int_equal(ops_reverse(&sup, "370402-R00000002-1", "wrong "
	    "person", &x, &err), OPS_OK);
	assert_int_equal(ops_report_enrolment(&s, 2021, &e, &err), OPS_OK);
	assert_int_equal(e.rows[0].insured, 3);
	assert_int_equal(e.rows[1].residents, 1);
	assert_int_equal(e.rows[1].insured, 0);
	assert_int_equal(e.total.insured, 3);
	assert_int_equal(e.total.uninsured, 1);
	enrol_report_free(&e);
	/* 2022: nobody insured yet. */
	assert_int_equal(ops_report_enrolment(&s, 2022, &e, &err), OPS_OK);
	assert_int_equal(e.total.insured, 0);
	assert_int_equal(e.total.uninsured, 4);
	enrol_report_free(&e);
}

/* ---- several clerks at once ----------------------------------------- */

#define CHILDREN 4
#define EACH 5

static int
child(int k)
{
	struct ops_session s;
	struct pay_receipt r;
	char msg[256];
	int fails = 0, shared = 0;

	if (db_open(dbpath, 0, &db, msg, sizeof msg) != DB_OK)
		return 15;
	s = as("li", ROLE_CLERK, "2020-10-01");
	for (int i = 0; i < EACH; i++) {
		char birth[16];

		snprintf(birth, sizeof birth, "199%d0101", k % 10);
		if (pay(&s, &r, NULL, 1, id_of(birth, i + 10)) != OPS_OK)
			fails++;
		/* Everybody also tries the one shared resident. */
		if (i == 2 && pay(&s, &r, NULL, 1, F) == OPS_OK)
			shared = 1;
	}
	db_close(db);
	return fails | shared << 4;
}

static void
test_concurrent_clerks(void **state)
{
	pid_t pid[CHILDREN];
	int status, shared = 0;

	(void)state;
	for (int k = 0; k < CHILDREN; k++)
		for (int i = 0; i < EACH; i++) {
			char birth[16], day[16];

			snprintf(birth, sizeof birth, "199%d0101", k % 10);
			snprintf(day, sizeof day, "199%d-01-01", k % 10);
			resident(id_of(birth, i + 10), "某人", day, "南村");
		}
	db_close(db);
	db = NULL;
	for (int k = 0; k < CHILDREN; k++) {
		pid[k] = fork();
		assert_true(pid[k] >= 0);
		if (pid[k] == 0)
			_exit(child(k));
	}
	for (int k = 0; k < CHILDREN; k++) {
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status) & 15, 0);
		shared += WEXITSTATUS(status) >> 4;
	}
	{
		char msg[256];

		assert_int_equal(db_open(dbpath, 0, &db, msg, sizeof msg),
		    DB_OK);
	}
	/* 20 own payments and the shared one exactly once. */
	assert_int_equal(shared, 1);
	assert_int_equal(query_int("SELECT count(*) FROM payment"),
	    CHILDREN * EACH + 1);
	assert_int_equal(query_int("SELECT count(DISTINCT receipt) FROM "
	    "payment"), CHILDREN * EACH + 1);
	assert_int_equal(query_int("SELECT count(DISTINCT id_number) FROM "
	    "payment"), CHILDREN * EACH + 1);
	/* Numbers 1 to 21, none skipped, none twice. */
	assert_string_equal(query_text("SELECT max(receipt) FROM payment"),
	    "370402-R00000021");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_household_receipt, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_dry_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals_write_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_pay_in_tx, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_late_payment, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_category_after_payment,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_reverse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refund, setup, teardown),
		cmocka_unit_test_setup_teardown(test_day_report, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_enrolment_report, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_clerks, setup,
		    teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	free(demo);
	return rc;
}
