/*
 * test_ops_operator.c: operators, roles, passwords, the audit log, the
 * append-only triggers and office keys, on a real SQLite file in a
 * temporary folder.  Every office starts as `yibao init --site 370402
 * --admin admin` would leave it: one administrator, one audit line.
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

#include "db/db.h"
#include "db/operator.h"
#include "db/tx.h"
#include "ops/office.h"
#include "ops/operator.h"
#include "ops/ops.h"

#define NOW "2021-06-01T08:00:00Z"

static char tmpdir[256];
static char dbpath[300];
static struct db *db;

static void
open_db(int flags)
{
	char err[256];

	assert_int_equal(db_open(dbpath, flags, &db, err, sizeof err), DB_OK);
}

/* A session of `login` with `role`, as cli_session_open leaves it. */
static struct ops_session
as(const char *login, enum role role)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = db;
	snprintf(s.site, sizeof s.site, "370402");
	snprintf(s.login, sizeof s.login, "%s", login);
	s.role = role;
	s.today = (struct date){ 2021, 6, 1 };
	snprintf(s.now, sizeof s.now, NOW);
	return s;
}

static int
setup(void **state)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error err;

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-op-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/o.db", tmpdir);
	open_db(DB_CREATE);
	s = as("", ROLE_NONE);
	return ops_office_init(&s, "370402", "admin", "Admin", "secret", &res,
	    &err) == OPS_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[512];

	(void)state;
	db_close(db);
	db = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}

static int
query_int(const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every row of the tables an operator op may touch, as one string. */
static char *
snapshot(void)
{
	static const char *const sql[] = {
		"SELECT * FROM operator ORDER BY login",
		"SELECT * FROM audit_log ORDER BY seq",
		"SELECT * FROM key_counter ORDER BY kind",
		"SELECT * FROM setting ORDER BY key",
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	sqlite3_stmt *st;

	assert_non_null(fp);
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		assert_int_equal(sqlite3_prepare_v2(db->h, sql[i], -1, &st,
		    NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *t =
				    sqlite3_column_text(st, c);
				fprintf(fp, "%s|", t ? (const char *)t : "NULL");
			}
			fputc('\n', fp);
		}
		sqlite3_finalize(st);
	}
	fclose(fp);
	return buf;
}

static void
add_ok(struct ops_session *s, const char *login, const char *role,
    const char *password)
{
	struct ops_error err;

	assert_int_equal(ops_operator_add(s, login, NULL, role, password,
	    &err), OPS_OK);
}

/* One audit line `n` (1 = the office's first, made by init). */
static void
assert_audit(int n, const char *op, const char *action, const char *record)
{
	char sql[256], want[256];
	sqlite3_stmt *st;

	snprintf(sql, sizeof sql, "SELECT operator || '|' || site || '|' || "
	    "action || '|' || record || '|' || key FROM audit_log "
	    "WHERE seq = %d", n);
	/* Key numbers: A00000001 is init's line, so line n has number n. */
	snprintf(want, sizeof want, "%s|370402|%s|%s|370402-A%08d", op, action,
	    record, n);
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), want);
	sqlite3_finalize(st);
}

/* Only an administrator adds operators. */
static void
test_add_needs_admin(void **state)
{
	static const struct {
		enum role role;
		enum ops_status want;
		int operators, audit;	/* rows afterwards */
	} cases[] = {
		{ ROLE_CLERK, OPS_DENIED, 1, 1 },
		{ ROLE_SUPERVISOR, OPS_DENIED, 1, 1 },
		{ ROLE_ADMIN, OPS_OK, 2, 2 },
	};
	struct ops_session s;
	struct ops_error err;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = as("admin", cases[i].role);
		assert_int_equal(ops_operator_add(&s, "li", "李四", "clerk",
		    "pw1", &err), cases[i].want);
		assert_int_equal(query_int("SELECT count(*) FROM operator"),
		    cases[i].operators);
		assert_int_equal(query_int("SELECT count(*) FROM audit_log"),
		    cases[i].audit);
	}
	s = as("li", ROLE_CLERK);
	assert_int_equal(ops_operator_add(&s, "x", NULL, "clerk", "pw", &err),
	    OPS_DENIED);
	assert_string_equal(err.msg, "only an administrator may do this; li "
	    "is a clerk");
}

/* Bad input, and a login taken twice: refused, and nothing changes. */
static void
test_add_refused_changes_nothing(void **state)
{
	static const struct {
		const char *login, *name, *role, *password;
		enum ops_status want;
	} cases[] = {
		{ "Li", NULL, "clerk", "pw", OPS_INVALID },	/* capital */
		{ "1li", NULL, "clerk", "pw", OPS_INVALID },	/* digit first */
		{ "", NULL, "clerk", "pw", OPS_INVALID },
		{ "li", NULL, "boss", "pw", OPS_INVALID },
		{ "li", NULL, "", "pw", OPS_INVALID },
		{ "li", NULL, "clerk", "", OPS_INVALID },
		{ "li", NULL, "clerk", NULL, OPS_INVALID },
		{ "li", "李\n四", "clerk", "pw", OPS_INVALID },
		{ "admin", NULL, "clerk", "pw", OPS_CONFLICT },	/* exists */
	};
	struct ops_session s = as("admin", ROLE_ADMIN);
	struct ops_error err;
	char *before, *after, name[98];

	(void)state;
	before = snapshot();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(ops_operator_add(&s, cases[i].login,
		    cases[i].name, cases[i].role, cases[i].password, &err),
		    cases[i].want);
		after = snapshot();
		assert_string_equal(before, after);
		free(after);
	}
	free(before);
	/* 97 bytes of name is one too many (the column holds 96). */
	memset(name, 'a', 97);
	name[97] = '\0';
	assert_int_equal(ops_operator_add(&s, "li", name, "clerk", "pw", &err),
	    OPS_INVALID);
	name[96] = '\0';
	assert_int_equal(ops_operator_add(&s, "li", name, "clerk", "pw", &err),
	    OPS_OK);
}

/* Stored as "$y$" yescrypt, salted, never the password itself. */
static void
test_password_hashed(void **state)
{
	struct ops_session s = as("admin", ROLE_ADMIN);
	struct db_operator a, b;

	(void)state;
	add_ok(&s, "li", "clerk", "same-pw");
	add_ok(&s, "wang", "clerk", "same-pw");
	assert_int_equal(db_operator_get(db, "li", &a), 0);
	assert_int_equal(db_operator_get(db, "wang", &b), 0);
	assert_memory_equal(a.password_hash, "$y$", 3);
	assert_null(strstr(a.password_hash, "same-pw"));
	/* Two salts: the same password gives two hashes. */
	assert_string_not_equal(a.password_hash, b.password_hash);
	assert_true(ops_password_check("same-pw", a.password_hash));
	assert_false(ops_password_check("same-pw ", a.password_hash));
	assert_int_equal(query_int("SELECT count(*) FROM operator WHERE "
	    "password_hash NOT LIKE '$y$%'"), 0);
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "coalesce(old_values, '') || coalesce(new_values, '') "
	    "LIKE '%same-pw%' OR coalesce(old_values, '') || "
	    "coalesce(new_values, '') LIKE '%$y$%'"), 0);
}

/* A wrong password and an unknown login read alike; disabled: no login. */
static void
test_login(void **state)
{
	static const struct {
		const char *login, *password;
		enum ops_status want;
		const char *msg;	/* NULL: logged in */
	} cases[] = {
		{ "li", "pw-li", OPS_OK, NULL },
		{ "li", "pw-LI", OPS_AUTH, "unknown operator or wrong password" },
		{ "li", "", OPS_AUTH, "unknown operator or wrong password" },
		{ "nobody", "pw-li", OPS_AUTH,
		  "unknown operator or wrong password" },
		{ "wang", "pw-wang", OPS_AUTH, "the operator wang is disabled" },
		{ "admin", "secret", OPS_OK, NULL },
	};
	struct ops_session s = as("admin", ROLE_ADMIN), t;
	struct ops_error err;

	(void)state;
	add_ok(&s, "li", "supervisor", "pw-li");
	add_ok(&s, "wang", "clerk", "pw-wang");
	assert_int_equal(ops_operator_disable(&s, "wang", &err), OPS_OK);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = as("", ROLE_NONE);
		assert_int_equal(ops_login(&t, cases[i].login,
		    cases[i].password, &err), cases[i].want);
		if (cases[i].msg != NULL) {
			assert_string_equal(err.msg, cases[i].msg);
			assert_int_equal(t.role, ROLE_NONE);
		} else
			assert_string_equal(t.login, cases[i].login);
	}
	t = as("", ROLE_NONE);
	assert_int_equal(ops_login(&t, "li", "pw-li", &err), OPS_OK);
	assert_int_equal(t.role, ROLE_SUPERVISOR);
}

/* Who may set whose password, and with which proof. */
static void
test_passwd(void **state)
{
	static const struct {
		const char *actor;
		enum role role;
		const char *target, *old;
		enum ops_status want;
		const char *works;	/* the target's password afterwards */
	} cases[] = {
		/* A clerk: only their own, with the current one. */
		{ "li", ROLE_CLERK, "li", "pw-li", OPS_OK, "new" },
		{ "li", ROLE_CLERK, "li", "new-wrong", OPS_AUTH, "new" },
		{ "li", ROLE_CLERK, "li", NULL, OPS_AUTH, "new" },
		{ "li", ROLE_CLERK, "wang", "pw-wang", OPS_DENIED, "pw-wang" },
		/* A supervisor is no administrator. */
		{ "wang", ROLE_SUPERVISOR, "li", NULL, OPS_DENIED, "new" },
		/* An administrator sets anyone's, no old password needed. */
		{ "admin", ROLE_ADMIN, "wang", NULL, OPS_OK, "new" },
		{ "admin", ROLE_ADMIN, "nobody", NULL, OPS_NOT_FOUND, NULL },
	};
	struct ops_session s = as("admin", ROLE_ADMIN);
	struct ops_error err;
	struct db_operator o;
	char *before, *after;

	(void)state;
	add_ok(&s, "li", "clerk", "pw-li");
	add_ok(&s, "wang", "supervisor", "pw-wang");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int audit = query_int("SELECT count(*) FROM audit_log");

		s = as(cases[i].actor, cases[i].role);
		before = snapshot();
		assert_int_equal(ops_operator_passwd(&s, cases[i].target,
		    cases[i].old, "new", &err), cases[i].want);
		after = snapshot();
		if (cases[i].want == OPS_OK) {
			assert_int_equal(query_int("SELECT count(*) FROM "
			    "audit_log"), audit + 1);
			assert_audit(audit + 1, cases[i].actor,
			    "operator.passwd", cases[i].target);
		} else
			assert_string_equal(before, after);
		free(before);
		free(after);
		if (cases[i].works != NULL) {
			assert_int_equal(db_operator_get(db, cases[i].target,
			    &o), 0);
			assert_true(ops_password_check(cases[i].works,
			    o.password_hash));
		}
	}
	s = as("admin", ROLE_ADMIN);
	assert_int_equal(ops_operator_passwd(&s, "li", NULL, "", &err),
	    OPS_INVALID);
	/* The audit says it changed, and never to what. */
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "action = 'operator.passwd' AND new_values = "
	    "'{\"password\":\"changed\"}' AND old_values = "
	    "'{\"password\":\"set\"}'"), 2);
}

/* Disabling: admin only, never oneself, never the last active admin. */
static void
test_disable(void **state)
{
	struct ops_session admin = as("admin", ROLE_ADMIN);
	struct ops_session boss = as("boss", ROLE_ADMIN);
	struct ops_session sup = as("wang", ROLE_SUPERVISOR);
	struct ops_error err;
	char *before, *after;

	(void)state;
	add_ok(&admin, "li", "clerk", "pw");
	add_ok(&admin, "wang", "supervisor", "pw");
	add_ok(&admin, "boss", "admin", "pw");
	before = snapshot();
	assert_int_equal(ops_operator_disable(&sup, "li", &err), OPS_DENIED);
	assert_int_equal(ops_operator_disable(&admin, "admin", &err),
	    OPS_INVALID);
	assert_string_equal(err.msg, "you cannot disable yourself: another "
	    "administrator must do it");
	assert_int_equal(ops_operator_disable(&admin, "nobody", &err),
	    OPS_NOT_FOUND);
	after = snapshot();
	assert_string_equal(before, after);
	free(before);
	free(after);

	assert_int_equal(ops_operator_disable(&admin, "li", &err), OPS_OK);
	assert_audit(5, "admin", "operator.disable", "li");
	assert_int_equal(ops_operator_disable(&admin, "li", &err),
	    OPS_CONFLICT);
	/* boss disables admin; admin's session, still open, strikes back. */
	assert_int_equal(ops_operator_disable(&boss, "admin", &err), OPS_OK);
	before = snapshot();
	assert_int_equal(ops_operator_disable(&admin, "boss", &err),
	    OPS_INVALID);
	assert_string_equal(err.msg, "boss is the last active administrator: "
	    "add another administrator first");
	after = snapshot();
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(query_int("SELECT count(*) FROM operator WHERE "
	    "role = 'admin' AND active = 1"), 1);
}

/* One audit line per write: who, where, what, which record. */
static void
test_audit_one_line_per_write(void **state)
{
	struct ops_session admin = as("admin", ROLE_ADMIN);
	struct ops_session li = as("li", ROLE_CLERK);
	struct policy_use_result res;
	struct ops_error err;

	(void)state;
	assert_int_equal(query_int("SELECT count(*) FROM audit_log"), 1);
	add_ok(&admin, "li", "clerk", "pw");
	assert_int_equal(ops_operator_passwd(&li, "li", "pw", "pw2", &err),
	    OPS_OK);
	assert_int_equal(ops_operator_passwd(&admin, "li", NULL, "pw3", &err),
	    OPS_OK);
	assert_int_equal(ops_policy_use(&admin, "demo", &res, &err), OPS_OK);
	assert_int_equal(ops_operator_disable(&admin, "li", &err), OPS_OK);
	assert_int_equal(query_int("SELECT count(*) FROM audit_log"), 6);
	assert_audit(1, "admin", "operator.add", "admin");
	assert_audit(2, "admin", "operator.add", "li");
	assert_audit(3, "li", "operator.passwd", "li");
	assert_audit(4, "admin", "operator.passwd", "li");
	assert_audit(5, "admin", "policy.use", "demo");
	assert_audit(6, "admin", "operator.disable", "li");
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "at = '" NOW "'"), 6);
	/* Only the pack's own line names a pack. */
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "policy_id = 'demo' AND length(policy_hash) = 64"), 1);
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "policy_id IS NOT NULL"), 1);
}

/* Listing is an administrator's; the list is by login. */
static void
test_list(void **state)
{
	struct ops_session admin = as("admin", ROLE_ADMIN);
	struct ops_session sup = as("wang", ROLE_SUPERVISOR);
	struct operator_info *v;
	struct ops_error err;
	int n;

	(void)state;
	add_ok(&admin, "zhao", "clerk", "pw");
	add_ok(&admin, "li", "supervisor", "pw");
	assert_int_equal(ops_operator_list(&sup, &v, &n, &err), OPS_DENIED);
	assert_null(v);
	assert_int_equal(ops_operator_list(&admin, &v, &n, &err), OPS_OK);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].login, "admin");
	assert_string_equal(v[0].display_name, "Admin");
	assert_int_equal(v[0].role, ROLE_ADMIN);
	assert_string_equal(v[1].login, "li");
	assert_int_equal(v[1].role, ROLE_SUPERVISOR);
	assert_string_equal(v[2].login, "zhao");
	assert_string_equal(v[2].display_name, "zhao");	/* no name given */
	assert_int_equal(v[2].active, 1);
	assert_string_equal(v[2].created_at, NOW);
	assert_string_equal(v[2].site, "370402");
	free(v);
}

/* The office's pack: admin only, must load, audited, idempotent. */
static void
test_policy_use(void **state)
{
	static const struct {
		enum role role;
		const char *id;
		enum ops_status want;
	} refused[] = {
		{ ROLE_CLERK, "demo", OPS_DENIED },
		{ ROLE_SUPERVISOR, "demo", OPS_DENIED },
		{ ROLE_ADMIN, "nosuch", OPS_INVALID },
		{ ROLE_ADMIN, "data/policy/demo.policy", OPS_INVALID },
		{ ROLE_ADMIN, "", OPS_INVALID },
	};
	struct ops_session s;
	struct policy_use_result res;
	struct ops_error err;
	char *before, *after, value[64];

	(void)state;
	before = snapshot();
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		s = as("admin", refused[i].role);
		assert_int_equal(ops_policy_use(&s, refused[i].id, &res, &err),
		    refused[i].want);
		after = snapshot();
		assert_string_equal(before, after);
		free(after);
	}
	free(before);
	s = as("admin", ROLE_ADMIN);
	assert_int_equal(ops_policy_use(&s, "demo", &res, &err), OPS_OK);
	assert_int_equal(res.changed, 1);
	assert_int_equal(db_setting_get(db, "policy", value, sizeof value), 0);
	assert_string_equal(value, "demo");
	assert_null(s.policy);	/* the session's pack is left as it was */
	/* Again: nothing to write, no audit line. */
	before = snapshot();
	assert_int_equal(ops_policy_use(&s, "demo", &res, &err), OPS_OK);
	assert_int_equal(res.changed, 0);
	after = snapshot();
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(query_int("SELECT count(*) FROM audit_log WHERE "
	    "action = 'policy.use' AND old_values = '{\"policy\":null}'"), 1);
}

/* The triggers: audit lines and payments are never changed or removed. */
static void
test_append_only_triggers(void **state)
{
	static const char *const refused[] = {
		"UPDATE audit_log SET operator = 'someone'",
		"UPDATE audit_log SET new_values = NULL WHERE seq = 1",
		"DELETE FROM audit_log",
		"DELETE FROM audit_log WHERE seq = 1",
		"UPDATE payment SET amount = 0",
		"UPDATE payment SET operator = 'someone' WHERE line = 1",
		"DELETE FROM payment",
		"DELETE FROM payment WHERE key = '370402-R00000001-1'",
	};
	char *before, *after;

	(void)state;
	/* A resident and one payment, as the schema's CHECKs want them:
	 * 11010519491231002X, 380.00 standard, no subsidy, 380.00 paid. */
	assert_int_equal(sqlite3_exec(db->h,
	    "INSERT INTO resident (id_number, id_reversed, name, initials, "
	    "sex, birth, residence, insured_category, village, site, "
	    "created_at, updated_at) VALUES ('11010519491231002X', "
	    "'X20013219491501011', '张三', 'zs', 'F', '1949-12-31', 'rural', "
	    "'rural_resident', '东村', '370402', '" NOW "', '" NOW "');"
	    "INSERT INTO payment (key, receipt, line, kind, id_number, "
	    "benefit_year, standard, subsidy, amount, paid_on, at, operator, "
	    "site, policy_id, policy_hash) VALUES ('370402-R00000001-1', "
	    "'370402-R00000001', 1, 'payment', '11010519491231002X', 2022, "
	    "38000, 0, 38000, '2021-06-01', '" NOW "', 'admin', '370402', "
	    "'demo', 'abc')", NULL, NULL, NULL), SQLITE_OK);
	before = snapshot();
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		assert_int_equal(sqlite3_exec(db->h, refused[i], NULL, NULL,
		    NULL), SQLITE_CONSTRAINT);
		assert_non_null(strstr(sqlite3_errmsg(db->h), "cannot be "
		    "changed"));
	}
	after = snapshot();
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(query_int("SELECT amount FROM payment"), 38000);
	assert_int_equal(query_int("SELECT count(*) FROM audit_log"), 1);
}

/*
 * Decision: a key taken in a transaction that is rolled back is rolled
 * back with it, and the next transaction takes the same number.  Nothing
 * that used it was kept or shown (ops print a receipt only after commit),
 * so receipts stay gapless; a committed number is never given again.
 */
static void
test_key_rollback(void **state)
{
	struct ops_session s = as("admin", ROLE_ADMIN);
	struct ops_error err;
	char key[64];

	(void)state;
	assert_int_equal(ops_begin(&s, &err), OPS_OK);
	assert_int_equal(ops_new_key(&s, 'R', key, sizeof key, &err), OPS_OK);
	assert_string_equal(key, "370402-R00000001");
	assert_int_equal(ops_new_key(&s, 'R', key, sizeof key, &err), OPS_OK);
	assert_string_equal(key, "370402-R00000002");
	ops_rollback(&s);
	assert_int_equal(ops_begin(&s, &err), OPS_OK);
	assert_int_equal(ops_new_key(&s, 'R', key, sizeof key, &err), OPS_OK);
	assert_string_equal(key, "370402-R00000001");
	assert_int_equal(ops_commit(&s, &err), OPS_OK);
	assert_int_equal(ops_begin(&s, &err), OPS_OK);
	assert_int_equal(ops_new_key(&s, 'R', key, sizeof key, &err), OPS_OK);
	assert_string_equal(key, "370402-R00000002");
	/* Each kind counts alone: init took A00000001. */
	assert_int_equal(ops_new_key(&s, 'A', key, sizeof key, &err), OPS_OK);
	assert_string_equal(key, "370402-A00000002");
	assert_int_equal(ops_commit(&s, &err), OPS_OK);
}

#define NPROC 4
#define NKEYS 50
#define KEYLEN 24	/* "370402-T00000123", padding, the child's number last */

/* Child `me`: its own connection, NKEYS transactions, the keys to `fd`. */
static void
take_keys(int me, int fd)
{
	struct ops_session s;
	struct ops_error err;
	char key[KEYLEN];
	int ok = 1;

	open_db(0);
	s = as("admin", ROLE_ADMIN);
	for (int i = 0; i < NKEYS && ok; i++) {
		memset(key, 0, sizeof key);
		ok = ops_begin(&s, &err) == OPS_OK &&
		    ops_new_key(&s, 'T', key, sizeof key, &err) == OPS_OK &&
		    ops_commit(&s, &err) == OPS_OK;
		key[KEYLEN - 1] = (char)me;
		/* One write of < PIPE_BUF bytes: never interleaved. */
		if (ok && write(fd, key, KEYLEN) != KEYLEN)
			ok = 0;
	}
	db_close(db);
	_exit(ok ? 0 : 1);
}

static int
key_number(const char *key)
{
	assert_memory_equal(key, "370402-T", 8);
	return atoi(key + 8);
}

/* Four processes, 50 keys each, one file: 200 keys, no two alike. */
static void
test_concurrent_keys(void **state)
{
	static char keys[NPROC * NKEYS + 1][KEYLEN];
	int fd[2], status, n = 0, last[NPROC] = { 0 };
	char seen[NPROC * NKEYS + 1] = { 0 };
	pid_t pid[NPROC];
	ssize_t got;

	(void)state;
	/* The children open their own connections; none is shared. */
	db_close(db);
	db = NULL;
	assert_int_equal(pipe(fd), 0);
	for (int i = 0; i < NPROC; i++) {
		assert_true((pid[i] = fork()) >= 0);
		if (pid[i] == 0) {
			close(fd[0]);
			take_keys(i, fd[1]);
		}
	}
	close(fd[1]);
	while (n <= NPROC * NKEYS &&
	    (got = read(fd[0], keys[n], KEYLEN)) == KEYLEN)
		n++;
	close(fd[0]);
	for (int i = 0; i < NPROC; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	open_db(0);
	assert_int_equal(n, NPROC * NKEYS);
	/* All committed, none lost: exactly the numbers 1 to 200. */
	for (int i = 0; i < n; i++) {
		int k = key_number(keys[i]), me = keys[i][KEYLEN - 1];

		assert_in_range(k, 1, NPROC * NKEYS);
		assert_int_equal(seen[k], 0);
		seen[k] = 1;
		/* Each clerk's numbers only go up. */
		assert_in_range(me, 0, NPROC - 1);
		assert_true(k > last[me]);
		last[me] = k;
	}
	assert_int_equal(query_int("SELECT next FROM key_counter WHERE "
	    "kind = 'T'"), NPROC * NKEYS + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_needs_admin, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_add_refused_changes_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_password_hashed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_login, setup, teardown),
		cmocka_unit_test_setup_teardown(test_passwd, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_one_line_per_write,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_policy_use, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_append_only_triggers,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_rollback, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_keys, setup,
		    teardown),
	};

	/* make check sets it; by hand, from the top of the tree. */
	setenv("YIBAO_POLICY_DIR", "data/policy", 0);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
