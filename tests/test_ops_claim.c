/*
 * test_ops_claim.c: claims settled against a real SQLite file by the demo
 * pack, saved, reversed, listed and settled again for the slip.
 *
 * The demo pack (data/policy/demo.policy) takes inpatient care from
 * zhangye-2019 (001): deductible level 1 200, level 2 700, level 3 1,500,
 * city and province 3,000; ratio level 1 85 %, level 2 80 %, level 3 75 %,
 * city and province 65 %; 10 points off without a registration outside
 * the county; inpatient cap 50,000 (accident 15,000); class B first
 * self-pay 20 %.  Serious illness (002, 003): ordinary group deductible
 * 10,000, 60 % up to 100,000, 61 % up to 200,000, cap 400,000; registered
 * poor deductible 3,000, 62 % up to 100,000, no cap; the penalty part is
 * kept out of the base (002).  Assistance (illustrative): registered poor
 * deductible 1,000, 70 %, cap 30,000.  Contributions: P 320, G 580,
 * period 2020-09-01 to 2020-12-31, late payers wait 30 days (004).
 *
 * Every expected figure is worked by hand in a comment beside it.
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
#include "ops/claim.h"
#include "ops/office.h"
#include "ops/payment.h"

#define NOW "2021-06-01T08:00:00Z"

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
query_int(const char *fmt, ...)
{
	char q[1024];
	sqlite3_stmt *st;
	long long v = -1;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	assert_int_equal(sqlite3_prepare_v2(db->h, q, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *
query_text(const char *fmt, ...)
{
	static char buf[4096];
	char q[1024];
	sqlite3_stmt *st;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(db->h, q, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Everything a refused claim must leave as it was. */
static const char *
snapshot(void)
{
	static char buf[4096];

	snprintf(buf, sizeof buf, "%s", query_text(
	    "SELECT (SELECT count(*) FROM claim) || '|' || "
	    "(SELECT count(*) FROM policy_text) || '|' || "
	    "(SELECT count(*) FROM audit_log) || '|' || "
	    "coalesce((SELECT group_concat(kind || next) FROM key_counter), "
	    "'')"));
	return buf;
}

static void
resident(const char *id, const char *name, const char *birth)
{
	sql("INSERT INTO resident (id_number, id_reversed, name, initials, "
	    "sex, birth, residence, insured_category, village, site, "
	    "created_at, updated_at) VALUES ('%s', '', '%s', '', 'M', '%s', "
	    "'rural', 'rural_resident', '东村', '370402', '" NOW "', '" NOW
	    "')", id, name, birth);
}

static void
category(const char *id, const char *cat, const char *from)
{
	sql("INSERT INTO person_category VALUES ('370402-C%s%s', '%s', '%s', "
	    "'%s', NULL, '民政局', NULL, '370402', '" NOW "')", id, cat, id,
	    cat, from);
}

static void
qualification(const char *id, const char *disease, const char *from)
{
	sql("INSERT INTO chronic_qualification VALUES ('370402-Q%s%s', '%s', "
	    "'%s', '%s', NULL, '卫健局', NULL, '370402', '" NOW "')", id,
	    disease, id, disease, from);
}

/* A registration as schema.sql defines it (ops/offsite.c files them). */
static void
registration(const char *key, const char *id, const char *scope,
    const char *from, const char *to)
{
	sql("INSERT INTO offsite_registration (key, id_number, kind, scope, "
	    "dest_code, dest_name, valid_from, valid_to, operator, site, "
	    "created_at) VALUES ('%s', '%s', 'long_term', '%s', '370100', "
	    "'济南市', '%s', '%s', 'li', '370402', '" NOW "')", key, id, scope,
	    from, to);
}

static struct ops_session
as(const char *login, enum role role, const char *today)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.site, sizeof s.site, "370402");
	snprintf(s.login, sizeof s.login, "%s", login);
	snprintf(s.display_name, sizeof s.display_name, "%s", login);
	s.role = role;
	assert_int_equal(date_parse(today, &s.today), DATE_OK);
	snprintf(s.now, sizeof s.now, NOW);
	s.policy = demo;
	return s;
}

static void
add_operator(const char *login, const char *name, const char *role)
{
	struct db_operator o;

	memset(&o, 0, sizeof o);
	snprintf(o.login, sizeof o.login, "%s", login);
	snprintf(o.display_name, sizeof o.display_name, "%s", name);
	snprintf(o.role, sizeof o.role, "%s", role);
	snprintf(o.password_hash, sizeof o.password_hash, "x");
	snprintf(o.site, sizeof o.site, "370402");
	snprintf(o.created_at, sizeof o.created_at, NOW);
	o.active = 1;
	assert_int_equal(db_operator_insert(db, &o), 0);
}

/* Pay for `id` on `date` by `pol` (NULL: demo). */
static void
pay_with(const char *id, const char *date, const struct policy *pol,
    enum late_case lc)
{
	struct ops_session s = as("li", ROLE_CLERK, date);
	struct pay_request req;
	struct pay_receipt r;
	struct ops_error err;

	if (pol != NULL)
		s.policy = pol;
	memset(&req, 0, sizeof req);
	req.late_case = lc;
	req.ids[req.nids++] = id;
	if (ops_pay(&s, &req, &r, &err) != OPS_OK)
		fail_msg("pay %s on %s: %s", id, date, err.msg);
}

#define A id_of("19800101", 1)	/* 张三, paid in the period */
#define B id_of("19820202", 2)	/* 李四, registered poor, paid */
#define F id_of("19900303", 5)	/* 钱七, never paid */
#define L id_of("19700707", 4)	/* 赵六, paid late on 2021-03-01 */

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error err;
	struct policy_errors errs;
	char msg[256];

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-claim-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/o.db", tmpdir);
	memset(&errs, 0, sizeof errs);
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
	add_operator("li", "李会计", "clerk");
	add_operator("wang", "王主任", "supervisor");
	resident(A, "张三", "1980-01-01");
	resident(B, "李四", "1982-02-02");
	resident(F, "钱七", "1990-03-03");
	resident(L, "赵六", "1970-07-07");
	category(B, "registered_poor", "2019-01-01");
	pay_with(A, "2020-10-15", NULL, LATE_CASE_NONE);
	pay_with(B, "2020-10-15", NULL, LATE_CASE_NONE);
	pay_with(L, "2021-03-01", NULL, LATE_CASE_NONE);
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

/* One claim as a test writes it: amounts in fen. */
struct c {
	const char *id;
	enum claim_kind kind;
	const char *admitted;
	int level;
	enum scope scope;
	fen_t total, out_of_list, class_b;
	bool emergency;
	const char *disease;
};

static struct claim_request
request(const struct c *c)
{
	struct claim_request r;

	memset(&r, 0, sizeof r);
	r.id = c->id;
	r.kind = c->kind;
	assert_int_equal(date_parse(c->admitted, &r.admitted_on), DATE_OK);
	r.hospital = "示范县人民医院";
	r.level = c->level;
	r.scope = c->scope;
	r.emergency = c->emergency;
	r.disease = c->disease;
	r.total = c->total;
	r.out_of_list = c->out_of_list;
	r.class_b = c->class_b;
	return r;
}

static struct claim_result res;

/* Settle `c` as the clerk li on 2021-06-01; the op's status. */
static enum ops_status
settle_as(struct ops_session *s, const struct c *c, int dry)
{
	struct claim_request r = request(c);
	struct ops_error err;
	enum ops_status st = ops_claim_settle(s, &r, dry, &res, &err);

	if (st != OPS_OK)
		print_message("  (refused: %s)\n", err.msg);
	return st;
}

static void
settle_ok(const struct c *c)
{
	struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");

	assert_int_equal(settle_as(&s, c, 0), OPS_OK);
	assert_true(res.key[0] != '\0');
}

/* ops_claim_view must give back what was saved. */
static void
view_matches(const char *key)
{
	struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");
	struct claim_view *v = calloc(1, sizeof *v);
	struct policy *pol = NULL;
	struct ops_error err;

	assert_non_null(v);
	if (ops_claim_view(&s, key, v, &pol, &err) != OPS_OK)
		fail_msg("view %s: %s", key, err.msg);
	assert_string_equal(v->key, key);
	assert_int_equal(v->settlement.fund, query_int("SELECT abs(fund) "
	    "FROM claim WHERE key = '%s'", key));
	assert_int_equal(v->settlement.personal, query_int("SELECT "
	    "abs(personal) FROM claim WHERE key = '%s'", key));
	assert_string_equal(pol->text_hash, demo->text_hash);
	free(pol);
	free(v);
}

/* ---- figures -------------------------------------------------------------- */

struct figures_case {
	const char *what;
	struct c c;
	fen_t range, deductible, fund, serious, assistance, personal;
	bp_t ratio;
};

static void
test_figures(void **state)
{
	const struct figures_case cases[] = {
		/* RULES.md 6 on demo (= 001 inpatient): T 20,000, O 1,000,
		 * B 3,000; P_B = 600; R = 20,000 - 1,000 - 600 = 18,400;
		 * level 3: D = 1,500, r = 75 %; fund = 16,900 x 75 % =
		 * 12,675.  Serious: base 18,400 - 12,675 = 5,725, below
		 * the ordinary deductible 10,000: 0.  No assistance group
		 * for 张三.  Personal = 20,000 - 12,675 = 7,325. */
		{ "worked example", { A, KIND_INPATIENT, "2021-03-01", 3,
		    SCOPE_LOCAL, 2000000, 100000, 300000, false, NULL },
		    1840000, 150000, 1267500, 0, 0, 732500, 7500 },
		/* 李四, registered poor, level 2: R = 20,000, D = 700,
		 * fund = 19,300 x 80 % = 15,440.  Serious (poor group):
		 * base 4,560, (3,000, 4,560] x 62 % = 967.20.  Assistance
		 * (poor): base 20,000 - 15,440 - 967.20 = 3,592.80, above
		 * the deductible 1,000: 2,592.80 x 70 % = 1,814.96.
		 * Personal = 20,000 - 15,440 - 967.20 - 1,814.96 =
		 * 1,777.84. */
		{ "registered poor", { B, KIND_INPATIENT, "2021-04-01", 2,
		    SCOPE_LOCAL, 2000000, 0, 0, false, NULL },
		    2000000, 70000, 1544000, 96720, 181496, 177784, 8000 },
	};
	char key[40];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct figures_case *k = &cases[i];

		print_message("  %s\n", k->what);
		settle_ok(&k->c);
		assert_true(res.settlement.eligible);
		assert_int_equal(res.settlement.range, k->range);
		assert_int_equal(res.settlement.deductible, k->deductible);
		assert_int_equal(res.settlement.ratio, k->ratio);
		assert_int_equal(res.settlement.fund, k->fund);
		assert_int_equal(res.settlement.serious, k->serious);
		assert_int_equal(res.settlement.assistance, k->assistance);
		assert_int_equal(res.settlement.personal, k->personal);
		/* The row holds the same figures and the input. */
		snprintf(key, sizeof key, "%s", res.key);
		assert_int_equal(query_int("SELECT fund FROM claim WHERE key "
		    "= '%s'", key), k->fund);
		assert_int_equal(query_int("SELECT personal FROM claim WHERE "
		    "key = '%s'", key), k->personal);
		view_matches(key);
	}
	/* Keys are numbered; the second person's categories were kept. */
	assert_string_equal(res.key, "370402-S00000002");
	assert_string_equal(query_text("SELECT categories || '|' || "
	    "residence || '|' || ytd || '|' || policy_id FROM claim WHERE "
	    "key = '370402-S00000002'"),
	    "registered_poor|rural|0,0,0,0,0,0,0,0,0|demo");
	/* The pack's chain stored once: demo and zhangye-2019. */
	assert_int_equal(query_int("SELECT count(*) FROM policy_text"), 2);
	assert_string_equal(query_text("SELECT group_concat(id, ',') FROM "
	    "(SELECT id FROM policy_text ORDER BY position)"),
	    "demo,zhangye-2019");
	assert_string_equal(query_text("SELECT DISTINCT policy_hash FROM "
	    "claim"), demo->text_hash);
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "action = 'claim.settle' AND policy_id = 'demo'"), 2);
}

/* A dry run settles the same and writes nothing. */
static void
test_dry_run(void **state)
{
	struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");
	struct c c = { A, KIND_INPATIENT, "2021-03-01", 3, SCOPE_LOCAL,
	    2000000, 100000, 300000, false, NULL };
	char before[4096];

	(void)state;
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(settle_as(&s, &c, 1), OPS_OK);
	assert_string_equal(res.key, "");
	assert_int_equal(res.settlement.fund, 1267500);	/* as above */
	assert_string_equal(snapshot(), before);
}

/* ---- eligibility (RULES.md 4) --------------------------------------------- */

static void
test_not_paid(void **state)
{
	struct c c = { F, KIND_INPATIENT, "2021-03-01", 1, SCOPE_LOCAL,
	    500000, 0, 0, false, NULL };
	char note[512];

	(void)state;
	/* Saved with every payment 0: the person pays the 5,000 total. */
	settle_ok(&c);
	assert_false(res.settlement.eligible);
	assert_int_equal(res.settlement.fund, 0);
	assert_int_equal(res.settlement.serious, 0);
	assert_int_equal(res.settlement.assistance, 0);
	assert_int_equal(res.settlement.personal, 500000);
	assert_int_equal(res.settlement.note[0].kind, NOTE_NOT_ELIGIBLE);
	settle_note_format(&res.settlement.note[0], note, sizeof note);
	assert_non_null(strstr(note, "no contribution is paid"));
	assert_string_equal(query_text("SELECT ineligible FROM claim WHERE "
	    "key = '%s'", res.key), "not_paid");
	view_matches(res.key);
}

/* 004: paid late on 2021-03-01, benefits from 2021-03-31. */
static void
test_waiting(void **state)
{
	struct c in_wait = { L, KIND_INPATIENT, "2021-03-20", 1, SCOPE_LOCAL,
	    500000, 0, 0, false, NULL };
	struct c after = { L, KIND_INPATIENT, "2021-03-31", 1, SCOPE_LOCAL,
	    500000, 0, 0, false, NULL };
	char d[DATE_BUFSZ];

	(void)state;
	settle_ok(&in_wait);
	assert_false(res.settlement.eligible);
	assert_int_equal(res.claim.ineligible, INELIGIBLE_WAITING);
	/* 2021-03-01 + 30 days = 2021-03-31; the wait ends the day before. */
	assert_string_equal(date_format(res.claim.ineligible_until, d),
	    "2021-03-30");
	assert_int_equal(res.settlement.personal, 500000);
	assert_string_equal(query_text("SELECT ineligible || ' ' || "
	    "ineligible_until FROM claim WHERE key = '%s'", res.key),
	    "waiting 2021-03-30");
	view_matches(res.key);
	/* The first day of benefits: R 5,000, D 200, 4,800 x 85 % = 4,080. */
	settle_ok(&after);
	assert_true(res.settlement.eligible);
	assert_int_equal(res.settlement.fund, 408000);
}

/* 001's late payers: inpatient only.  A pack extending demo with 001's rule. */
static void
test_inpatient_only(void **state)
{
	struct c out = { L, KIND_OUTPATIENT, "2021-04-10", 0, SCOPE_LOCAL,
	    10000, 0, 0, false, NULL };
	struct c in = { L, KIND_INPATIENT, "2021-04-10", 1, SCOPE_LOCAL,
	    500000, 0, 0, false, NULL };
	const char *G = id_of("19990909", 9);
	struct policy *special = calloc(1, sizeof *special);
	struct policy_errors errs;
	char path[400];
	FILE *fp;

	(void)state;
	assert_non_null(special);
	snprintf(path, sizeof path, "%s/special.policy", tmpdir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("[pack]\nid = special\nextends = demo\nname = 特例\n"
	    "region = 示范县\ndocument = 测试\nbenefit_year = 2021\n"
	    "[contribution]\nlate = special_inpatient\n", fp);
	fclose(fp);
	memset(&errs, 0, sizeof errs);
	if (policy_file_load(path, special, &errs) != 0) {
		free(special);
		fail_msg("special pack: %s", errs.e[0].msg);
	}
	resident(G, "孙八", "1999-09-09");
	/* A graduate paying late: P + G, inpatient only, from that day. */
	pay_with(G, "2021-04-01", special, LATE_CASE_GRADUATE);
	out.id = in.id = G;
	{
		struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");

		s.policy = special;
		assert_int_equal(settle_as(&s, &out, 0), OPS_OK);
		assert_int_equal(res.claim.ineligible, INELIGIBLE_KIND);
		assert_int_equal(res.settlement.fund, 0);
		assert_int_equal(res.settlement.personal, 10000);
		/* Inpatient care is paid: 4,800 x 85 % = 4,080. */
		assert_int_equal(settle_as(&s, &in, 0), OPS_OK);
		assert_true(res.settlement.eligible);
		assert_int_equal(res.settlement.fund, 408000);
		/* Its own chain stored beside nothing else: special, demo,
		 * zhangye-2019. */
		assert_int_equal(query_int("SELECT count(*) FROM policy_text "
		    "WHERE hash = '%s'", special->text_hash), 3);
	}
	/* The slip's view loads the stored chain of three texts. */
	{
		struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");
		struct claim_view *v = calloc(1, sizeof *v);
		struct policy *pol = NULL;
		struct ops_error err;

		assert_int_equal(ops_claim_view(&s, res.key, v, &pol, &err),
		    OPS_OK);
		assert_string_equal(pol->id, "special");
		assert_int_equal(pol->nsources, 3);
		assert_int_equal(v->settlement.fund, 408000);
		free(pol);
		free(v);
	}
	free(special);
}

/* ---- the penalty and registrations (RULES.md 5.2) ------------------------- */

struct penalty_case {
	const char *what;
	enum scope scope;
	bool emergency;
	bp_t ratio, penalty;
	fen_t fund, penalty_part;
	const char *registration;
};

static void
test_penalty(void **state)
{
	/*
	 * Level 2, T = R = 10,000, D = 700, R - D = 9,300.
	 * Unregistered in another county: 80 - 10 = 70 %, fund 6,510; the
	 * penalty part 9,300 x 10 % = 930 stays out of the serious base.
	 * Registered for the county, or an emergency: 80 %, fund 7,440.
	 * Another city: by scope, D = 3,000 and 65 %; the county-wide
	 * registration does not reach it: 55 %, fund 7,000 x 55 % = 3,850.
	 */
	const struct penalty_case cases[] = {
		{ "county, not registered", SCOPE_COUNTY, false, 7000, 1000,
		    651000, 93000, "" },
		{ "county, emergency", SCOPE_COUNTY, true, 8000, 0, 744000, 0,
		    "" },
		{ "county, registered", SCOPE_COUNTY, false, 8000, 0, 744000,
		    0, "370402-B00000001" },
		{ "city, county registration", SCOPE_CITY, false, 5500, 1000,
		    385000, 70000, "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct penalty_case *k = &cases[i];
		struct c c = { B, KIND_INPATIENT, "2021-05-01", 2, k->scope,
		    1000000, 0, 0, k->emergency, NULL };
		struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");

		print_message("  %s\n", k->what);
		if (i == 2)
			registration("370402-B00000001", B, "county",
			    "2021-01-01", "2021-12-31");
		assert_int_equal(settle_as(&s, &c, 0), OPS_OK);
		assert_int_equal(res.settlement.ratio, k->ratio);
		assert_int_equal(res.settlement.penalty, k->penalty);
		assert_int_equal(res.settlement.fund, k->fund);
		assert_int_equal(res.settlement.penalty_part, k->penalty_part);
		assert_string_equal(res.registration, k->registration);
		assert_string_equal(query_text("SELECT coalesce(registration, "
		    "'') FROM claim WHERE key = '%s'", res.key),
		    k->registration);
		view_matches(res.key);
	}
}

/* ---- the year so far ------------------------------------------------------ */

/* Three admissions fill the inpatient cap; a reversal frees its room. */
static void
test_cap_and_reversal(void **state)
{
	struct c big = { A, KIND_INPATIENT, "2021-02-01", 1, SCOPE_LOCAL,
	    3000000, 0, 0, false, NULL };
	struct c small = { A, KIND_INPATIENT, "2021-05-01", 1, SCOPE_LOCAL,
	    1000000, 0, 0, false, NULL };
	struct ops_session sup = as("wang", ROLE_SUPERVISOR, "2021-06-01");
	struct ops_session clerk = as("li", ROLE_CLERK, "2021-06-01");
	struct ops_error err;
	struct claim_list l;
	char k2[40], rev[40], before[4096];

	(void)state;
	/* 1: R 30,000, D 200, 29,800 x 85 % = 25,330.  Serious base
	 * 30,000 - 25,330 = 4,670: below 10,000. */
	settle_ok(&big);
	assert_int_equal(res.settlement.fund, 2533000);
	assert_int_equal(res.settlement.serious, 0);
	/* 2: 25,330 again, but only 50,000 - 25,330 = 24,670 is left.
	 * Base 30,000 - 24,670 = 5,330: cumulative 10,000, not above. */
	settle_ok(&big);
	snprintf(k2, sizeof k2, "%s", res.key);
	assert_int_equal(res.settlement.fund, 2467000);
	assert_int_equal(res.settlement.serious, 0);
	assert_string_equal(query_text("SELECT ytd FROM claim WHERE key = "
	    "'%s'", k2), "2533000,0,0,0,0,467000,0,0,0");
	/* 3: the cap is used up: fund 0.  Base 10,000, cumulative
	 * (10,000, 20,000] x 60 % = 6,000.  Personal 4,000. */
	settle_ok(&small);
	assert_int_equal(res.settlement.fund, 0);
	assert_int_equal(res.settlement.serious, 600000);
	assert_int_equal(res.settlement.personal, 400000);

	/* Reversal: a supervisor, with a reason, once. */
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(ops_claim_reverse(&clerk, k2, "录入错误", rev,
	    sizeof rev, &err), OPS_DENIED);
	assert_int_equal(ops_claim_reverse(&sup, k2, "  ", rev, sizeof rev,
	    &err), OPS_INVALID);
	assert_int_equal(ops_claim_reverse(&sup, "370402-S00000099", "x",
	    rev, sizeof rev, &err), OPS_NOT_FOUND);
	assert_string_equal(snapshot(), before);
	assert_int_equal(ops_claim_reverse(&sup, k2, "录入错误", rev,
	    sizeof rev, &err), OPS_OK);
	assert_string_equal(rev, "370402-S00000004");
	assert_int_equal(query_int("SELECT fund FROM claim WHERE key = '%s'",
	    rev), -2467000);
	assert_int_equal(query_int("SELECT total FROM claim WHERE key = '%s'",
	    rev), -3000000);
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(ops_claim_reverse(&sup, k2, "again", rev, sizeof rev,
	    &err), OPS_CONFLICT);
	assert_int_equal(ops_claim_reverse(&sup, "370402-S00000004", "undo",
	    rev, sizeof rev, &err), OPS_INVALID);
	assert_string_equal(snapshot(), before);
	view_matches("370402-S00000004");

	/* 4: room again: 25,330 + 0 used, 24,670 left; 9,800 x 85 % =
	 * 8,330.  Serious: cumulative base 4,670 + 10,000 = 14,670
	 * before, base 10,000 - 8,330 = 1,670: 1,670 x 60 % = 1,002.
	 * Personal 10,000 - 8,330 - 1,002 = 668. */
	settle_ok(&small);
	assert_int_equal(res.claim.ytd_inpatient_fund, 2533000);
	assert_int_equal(res.claim.ytd_serious_base, 1467000);
	assert_int_equal(res.settlement.fund, 833000);
	assert_int_equal(res.settlement.serious, 100200);
	assert_int_equal(res.settlement.personal, 66800);

	/* The year: fund 25,330 + 24,670 + 0 - 24,670 + 8,330 = 33,660 of
	 * 50,000; serious 6,000 + 1,002 = 7,002. */
	assert_int_equal(ops_claim_list(&clerk, A, 2021, &l, &err), OPS_OK);
	assert_int_equal(l.n, 5);
	assert_int_equal(l.inpatient.used, 3366000);
	assert_int_equal(l.inpatient.cap, 5000000);
	assert_int_equal(l.serious_paid, 700200);
	assert_string_equal(l.r[1].reversed_by, "370402-S00000004");
	assert_string_equal(l.r[3].reverses, k2);
	claim_list_free(&l);
}

/* 003's segments crossed by the second of two claims. */
static void
test_serious_segments(void **state)
{
	struct c first = { A, KIND_INPATIENT, "2021-02-01", 1, SCOPE_LOCAL,
	    10000000, 0, 0, false, NULL };
	struct c second = { A, KIND_INPATIENT, "2021-04-01", 1, SCOPE_LOCAL,
	    8000000, 0, 0, false, NULL };

	(void)state;
	/* 1: R 100,000, 99,800 x 85 % = 84,830, capped at 50,000.  Base
	 * 50,000: (10,000, 50,000] x 60 % = 24,000.  Personal 26,000. */
	settle_ok(&first);
	assert_int_equal(res.settlement.fund, 5000000);
	assert_int_equal(res.settlement.serious, 2400000);
	assert_int_equal(res.settlement.personal, 2600000);
	/* 2: fund 0 (cap used).  Base 80,000 on top of 50,000:
	 * (50,000, 100,000] x 60 % = 30,000 and (100,000, 130,000] x 61 %
	 * = 18,300: 48,300.  Personal 80,000 - 48,300 = 31,700. */
	settle_ok(&second);
	assert_int_equal(res.claim.ytd_serious_base, 5000000);
	assert_int_equal(res.claim.ytd_serious_paid, 2400000);
	assert_int_equal(res.settlement.fund, 0);
	assert_int_equal(res.settlement.nseg, 2);
	assert_int_equal(res.settlement.serious, 4830000);
	assert_int_equal(res.settlement.personal, 3170000);
	view_matches(res.key);
}

/* Chronic outpatient: per-disease cap; no general outpatient for the qualified. */
static void
test_chronic(void **state)
{
	struct c chronic = { A, KIND_CHRONIC, "2021-03-01", 0, SCOPE_LOCAL,
	    100000, 0, 0, false, "diabetes" };
	struct c general = { A, KIND_OUTPATIENT, "2021-03-02", 0, SCOPE_LOCAL,
	    10000, 0, 0, false, NULL };

	(void)state;
	qualification(A, "diabetes", "2021-01-01");
	/* 1,000 x 70 % = 700 of the 1,200 diabetes cap. */
	settle_ok(&chronic);
	assert_int_equal(res.settlement.fund, 70000);
	assert_int_equal(res.settlement.personal, 30000);
	/* 700 again, but 1,200 - 700 = 500 is left. */
	settle_ok(&chronic);
	assert_int_equal(res.claim.ytd_chronic_fund, 70000);
	assert_int_equal(res.settlement.fund, 50000);
	view_matches(res.key);
	/* 000: the qualified get no general outpatient benefit. */
	settle_ok(&general);
	assert_true(res.claim.chronic_qualified);
	assert_int_equal(res.settlement.fund, 0);
	assert_int_equal(res.settlement.personal, 10000);
}

/* ---- refusals ---------------------------------------------------------------- */

struct refusal {
	const char *what;
	struct c c;
	const char *discharged;
	enum ops_status st;
	const char *msg;		/* part of the message */
};

static void
test_refusals(void **state)
{
	const struct refusal cases[] = {
		{ "unknown resident", { "370402199909091230", KIND_INPATIENT,
		    "2021-03-01", 1, SCOPE_LOCAL, 100000, 0, 0, false, NULL },
		    NULL, OPS_INVALID, "" },
		{ "not registered", { NULL, KIND_INPATIENT, "2021-03-01", 1,
		    SCOPE_LOCAL, 100000, 0, 0, false, NULL }, NULL,
		    OPS_NOT_FOUND, "register the person first" },
		{ "discharged before admitted", { A, KIND_INPATIENT,
		    "2021-03-01", 1, SCOPE_LOCAL, 100000, 0, 0, false, NULL },
		    "2021-02-27", OPS_INVALID, "before the admission date" },
		{ "admitted tomorrow", { A, KIND_INPATIENT, "2021-06-02", 1,
		    SCOPE_LOCAL, 100000, 0, 0, false, NULL }, NULL,
		    OPS_INVALID, "after today" },
		{ "discharged tomorrow", { A, KIND_INPATIENT, "2021-06-01", 1,
		    SCOPE_LOCAL, 100000, 0, 0, false, NULL }, "2021-06-02",
		    OPS_INVALID, "after today" },
		{ "parts over the total", { A, KIND_INPATIENT, "2021-03-01",
		    1, SCOPE_LOCAL, 100000, 60000, 50000, false, NULL }, NULL,
		    OPS_INVALID, "more than the total" },
		{ "another year's pack", { A, KIND_INPATIENT, "2020-12-01", 1,
		    SCOPE_LOCAL, 100000, 0, 0, false, NULL }, NULL,
		    OPS_INVALID, "is for 2021" },
		{ "chronic, not qualified", { A, KIND_CHRONIC, "2021-03-01", 0,
		    SCOPE_LOCAL, 100000, 0, 0, false, "diabetes" }, NULL,
		    OPS_INVALID, "no qualification" },
		{ "chronic, not in the pack", { A, KIND_CHRONIC, "2021-03-01",
		    0, SCOPE_LOCAL, 100000, 0, 0, false, "gout" }, NULL,
		    OPS_INVALID, "no chronic disease gout" },
		{ "inpatient without a level", { A, KIND_INPATIENT,
		    "2021-03-01", 0, SCOPE_LOCAL, 100000, 0, 0, false, NULL },
		    NULL, OPS_INVALID, "hospital level" },
	};
	struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");
	struct ops_session nobody = as("x", ROLE_NONE, "2021-06-01");
	struct claim_request r;
	struct ops_error err;
	char before[4096];

	(void)state;
	snprintf(before, sizeof before, "%s", snapshot());
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct refusal *k = &cases[i];
		struct c c = k->c;

		print_message("  %s\n", k->what);
		if (c.id == NULL)
			c.id = id_of("19990101", 7);
		r = request(&c);
		if (k->discharged != NULL)
			assert_int_equal(date_parse(k->discharged,
			    &r.discharged_on), DATE_OK);
		assert_int_equal(ops_claim_settle(&s, &r, 0, &res, &err),
		    k->st);
		if (strstr(err.msg, k->msg) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", k->what, err.msg,
			    k->msg);
		assert_string_equal(res.key, "");
		assert_string_equal(snapshot(), before);
	}
	r = request(&cases[2].c);
	assert_int_equal(ops_claim_settle(&nobody, &r, 0, &res, &err),
	    OPS_DENIED);
	assert_string_equal(snapshot(), before);
}

/* A pack that lacks a parameter: the claim stops, naming it. */
static void
test_missing_parameter(void **state)
{
	struct c c = { A, KIND_INPATIENT, "2021-03-01", 1, SCOPE_LOCAL,
	    100000, 0, 0, false, NULL };
	struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");
	struct policy *bare = calloc(1, sizeof *bare);
	struct policy_errors errs;
	char path[400], before[4096];
	FILE *fp;

	(void)state;
	assert_non_null(bare);
	snprintf(path, sizeof path, "%s/bare.policy", tmpdir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("[pack]\nid = bare\nname = 空\nregion = 示范县\n"
	    "document = 测试\nbenefit_year = 2021\n[inpatient]\n"
	    "deductible.level1 = 200\n", fp);
	fclose(fp);
	memset(&errs, 0, sizeof errs);
	if (policy_file_load(path, bare, &errs) != 0) {
		free(bare);
		fail_msg("bare pack: %s", errs.e[0].msg);
	}
	s.policy = bare;
	snprintf(before, sizeof before, "%s", snapshot());
	assert_int_equal(settle_as(&s, &c, 0), OPS_INVALID);
	assert_int_equal(res.settlement.status, SETTLE_MISSING_PARAM);
	assert_string_equal(res.settlement.missing, "inpatient.ratio.level1");
	assert_string_equal(snapshot(), before);
	free(bare);
}

/* A saved figure that the stored pack no longer gives is caught. */
static void
test_view_mismatch(void **state)
{
	struct c c = { A, KIND_INPATIENT, "2021-03-01", 3, SCOPE_LOCAL,
	    2000000, 100000, 300000, false, NULL };
	struct ops_session s = as("li", ROLE_CLERK, "2021-06-01");
	struct claim_view *v = calloc(1, sizeof *v);
	struct policy *pol = NULL;
	struct ops_error err;

	(void)state;
	assert_non_null(v);
	settle_ok(&c);
	assert_int_equal(ops_claim_view(&s, res.key, v, &pol, &err), OPS_OK);
	assert_string_equal(v->name, "张三");
	assert_string_equal(v->operator_name, "李会计");
	assert_string_equal(v->hospital, "示范县人民医院");
	assert_int_equal(v->claim.level, 3);
	assert_string_equal(v->reversed_by, "");
	free(pol);
	sql("DROP TRIGGER claim_no_update");
	sql("UPDATE claim SET fund = fund + 1 WHERE key = '%s'", res.key);
	assert_int_equal(ops_claim_view(&s, res.key, v, &pol, &err),
	    OPS_FAILED);
	assert_null(pol);
	assert_non_null(strstr(err.msg, "does not give the saved figures"));
	assert_int_equal(ops_claim_view(&s, "370402-S00000077", v, &pol,
	    &err), OPS_NOT_FOUND);
	free(v);
}

/* ---- two windows at once ------------------------------------------------------ */

#define CHILDREN 3
#define EACH 2

static int
child(void)
{
	struct c big = { A, KIND_INPATIENT, "2021-02-01", 1, SCOPE_LOCAL,
	    3000000, 0, 0, false, NULL };
	struct claim_request r = request(&big);
	struct claim_result *out = calloc(1, sizeof *out);
	struct ops_session s;
	struct ops_error err;
	char msg[256];
	int fails = 0;

	if (out == NULL || db_open(dbpath, 0, &db, msg, sizeof msg) != DB_OK)
		return 1;
	s = as("li", ROLE_CLERK, "2021-06-01");
	for (int i = 0; i < EACH; i++)
		if (ops_claim_settle(&s, &r, 0, out, &err) != OPS_OK)
			fails++;
	db_close(db);
	free(out);
	return fails;
}

static void
test_concurrent_windows(void **state)
{
	pid_t pid[CHILDREN];
	int status;
	char msg[256];

	(void)state;
	db_close(db);
	db = NULL;
	for (int k = 0; k < CHILDREN; k++) {
		pid[k] = fork();
		assert_true(pid[k] >= 0);
		if (pid[k] == 0)
			_exit(child());
	}
	for (int k = 0; k < CHILDREN; k++) {
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(db_open(dbpath, 0, &db, msg, sizeof msg), DB_OK);
	/* Six admissions of 25,330 each asked for; the cap 50,000 holds:
	 * 25,330 + 24,670 + 0 + 0 + 0 + 0. */
	assert_int_equal(query_int("SELECT count(*) FROM claim"),
	    CHILDREN * EACH);
	assert_int_equal(query_int("SELECT count(DISTINCT key) FROM claim"),
	    CHILDREN * EACH);
	assert_int_equal(query_int("SELECT sum(fund) FROM claim"), 5000000);
	assert_int_equal(query_int("SELECT count(*) FROM claim WHERE fund = "
	    "2533000"), 1);
	assert_int_equal(query_int("SELECT count(*) FROM claim WHERE fund = "
	    "2467000"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_figures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dry_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_paid, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_waiting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inpatient_only, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_penalty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cap_and_reversal, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_serious_segments, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_chronic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_missing_parameter, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_view_mismatch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_windows, setup,
		    teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	free(demo);
	return rc;
}
