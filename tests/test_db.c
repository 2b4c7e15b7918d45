/*
 * test_db.c: creating, opening and migrating the database, on real SQLite
 * files in a temporary folder.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"

static char tmpdir[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-db-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[512];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}

static char *
path_in(const char *name)
{
	static char buf[512];

	snprintf(buf, sizeof buf, "%s/%s", tmpdir, name);
	return buf;
}

static int
query_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static const char *
query_text(sqlite3 *h, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, n, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Set a pragma on a file with plain SQLite, behind yibao's back. */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *h;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void
test_create(void **state)
{
	char *path = strdup(path_in("new/deeper/office.db")), err[512], buf[64];
	struct db *db;
	struct stat sb;

	(void)state;
	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err), DB_OK);
	assert_true(db->created);
	assert_int_equal(db->migrated_from, 0);
	assert_int_equal(db->version, db_schema_latest());
	assert_true(db_schema_latest() >= 1);

	assert_string_equal(query_text(db->h, "PRAGMA journal_mode", buf,
	    sizeof buf), "wal");
	assert_int_equal(query_int(db->h, "PRAGMA foreign_keys"), 1);
	assert_int_equal(query_int(db->h, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(query_int(db->h, "PRAGMA busy_timeout"), 10000);
	assert_int_equal(query_int(db->h, "PRAGMA user_version"),
	    db_schema_latest());
	assert_int_equal(query_int(db->h, "PRAGMA application_id"),
	    DB_APPLICATION_ID);
	assert_int_equal(query_int(db->h,
	    "SELECT count(*) FROM setting WHERE key = 'created_at'"), 1);
	db_close(db);

	/* Personal data: the file 0600, the folders it made 0700. */
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(path_in("new/deeper"), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(stat(path_in("new"), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	free(path);
}

static void
test_reopen_changes_nothing(void **state)
{
	char *path = strdup(path_in("again.db")), err[512], before[64],
	    after[64];
	struct db *db;

	(void)state;
	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err), DB_OK);
	query_text(db->h, "SELECT value FROM setting WHERE key='created_at'",
	    before, sizeof before);
	db_close(db);
	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err), DB_OK);
	assert_false(db->created);
	assert_int_equal(db->migrated_from, db->version);
	query_text(db->h, "SELECT value FROM setting WHERE key='created_at'",
	    after, sizeof after);
	assert_string_equal(before, after);
	assert_int_equal(query_int(db->h, "SELECT count(*) FROM setting"), 1);
	db_close(db);
	free(path);
}

static void
test_missing_without_create(void **state)
{
	char *path = path_in("absent.db"), err[512];
	struct db *db = (struct db *)1;

	(void)state;
	assert_int_equal(db_open(path, 0, &db, err, sizeof err), DB_MISSING);
	assert_null(db);
	assert_non_null(strstr(err, "absent.db"));
	assert_int_not_equal(access(path, F_OK), 0);	/* not created */
}

static void
test_refuse_newer(void **state)
{
	char *path = strdup(path_in("newer.db")), err[512], sql[64];
	struct db *db;
	sqlite3 *h;

	(void)state;
	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err), DB_OK);
	db_close(db);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    db_schema_latest() + 1);
	raw_exec(path, sql);

	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err),
	    DB_TOO_NEW);
	assert_null(db);
	assert_non_null(strstr(err, "newer"));
	/* Left as it was. */
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(query_int(h, "PRAGMA user_version"),
	    db_schema_latest() + 1);
	sqlite3_close(h);
	free(path);
}

static void
test_refuse_other_program(void **state)
{
	char *path = strdup(path_in("other.db")), err[512];
	struct db *db;
	sqlite3 *h;

	(void)state;
	raw_exec(path, "PRAGMA application_id = 42; CREATE TABLE t(x);");
	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err),
	    DB_NOT_YIBAO);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(query_int(h, "PRAGMA user_version"), 0);
	assert_int_equal(query_int(h,
	    "SELECT count(*) FROM sqlite_schema WHERE name = 'setting'"), 0);
	sqlite3_close(h);
	free(path);
}

static void
test_refuse_not_a_database(void **state)
{
	char *path = strdup(path_in("notes.txt")), err[512], buf[64];
	struct db *db;
	FILE *fp;

	(void)state;
	fp = fopen(path, "w");
	fputs("this is a clerk's note, not a database, and it is long enough "
	    "to fill the first hundred bytes of the file: 0123456789\n", fp);
	fclose(fp);
	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err),
	    DB_NOT_YIBAO);
	assert_null(db);
	fp = fopen(path, "r");
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	assert_memory_equal(buf, "this is a clerk's note", 22);
	free(path);
}

/* A schema of two migrations, the second possibly broken. */
static const char schema_v1[] =
    "-- header\n"
    "-- migration 1\n"
    "CREATE TABLE a (x INTEGER);\n";
static const char schema_v2[] =
    "-- header\n"
    "-- migration 1\n"
    "CREATE TABLE a (x INTEGER);\n"
    "-- migration 2\n"
    "CREATE TABLE b (y INTEGER);\n"
    "INSERT INTO a VALUES (2);\n";
static const char schema_v2_broken[] =
    "-- migration 1\n"
    "CREATE TABLE a (x INTEGER);\n"
    "-- migration 2\n"
    "CREATE TABLE b (y INTEGER);\n"
    "INSERT INTO nowhere VALUES (2);\n";

static void
test_migrate_steps(void **state)
{
	char *path = strdup(path_in("steps.db")), err[512];
	sqlite3 *h;
	int from = -1, to = -1;

	(void)state;
	assert_int_equal(db_schema_count(schema_v1), 1);
	assert_int_equal(db_schema_count(schema_v2), 2);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);

	assert_int_equal(db_migrate(h, schema_v1, &from, &to, err, sizeof err),
	    DB_OK);
	assert_int_equal(from, 0);
	assert_int_equal(to, 1);
	assert_int_equal(query_int(h, "PRAGMA user_version"), 1);

	/* A broken migration 2 leaves version 1 exactly as it was. */
	assert_int_equal(db_migrate(h, schema_v2_broken, &from, &to, err,
	    sizeof err), DB_FAILED);
	assert_non_null(strstr(err, "2"));
	assert_int_equal(query_int(h, "PRAGMA user_version"), 1);
	assert_int_equal(query_int(h,
	    "SELECT count(*) FROM sqlite_schema WHERE name = 'b'"), 0);

	/* Only migration 2 runs: table a gets one row, not a second table. */
	assert_int_equal(db_migrate(h, schema_v2, &from, &to, err, sizeof err),
	    DB_OK);
	assert_int_equal(from, 1);
	assert_int_equal(to, 2);
	assert_int_equal(query_int(h, "SELECT count(*) FROM a"), 1);
	assert_int_equal(query_int(h,
	    "SELECT count(*) FROM sqlite_schema WHERE name = 'b'"), 1);

	/* Again: nothing to do. */
	assert_int_equal(db_migrate(h, schema_v2, &from, &to, err, sizeof err),
	    DB_OK);
	assert_int_equal(from, 2);
	assert_int_equal(to, 2);
	assert_int_equal(query_int(h, "SELECT count(*) FROM a"), 1);

	/* An older program (knows only migration 1) refuses this file. */
	assert_int_equal(db_migrate(h, schema_v1, &from, &to, err, sizeof err),
	    DB_TOO_NEW);
	sqlite3_close(h);
	free(path);
}

/* The whole schema as built in, to cut at a migration. */
static const char schema_all[] =
#include "db/schema.inc"
    ;

/* schema.sql up to (not including) migration n: an older program's. */
static char *
schema_upto(int n)
{
	char mark[32], *s;
	const char *end;

	snprintf(mark, sizeof mark, "\n-- migration %d\n", n);
	end = strstr(schema_all, mark);
	assert_non_null(end);
	assert_non_null(s = strndup(schema_all, (size_t)(end - schema_all) + 1));
	return s;
}

static int
exec_rc(sqlite3 *h, const char *sql)
{
	return sqlite3_exec(h, sql, NULL, NULL, NULL);
}

/*
 * Migration 5 on a schema-4 file with households: the numbers and the
 * members are kept, the foreign keys hold, and a number is unique per
 * office, no longer across the file.
 */
static void
test_migrate_household_per_office(void **state)
{
	char *path = strdup(path_in("v4.db")), *v4 = schema_upto(5), err[512],
	    buf[512];
	struct db *db;
	sqlite3 *h;
	int from = -1, to = -1;

	(void)state;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(exec_rc(h, "PRAGMA foreign_keys = ON"), SQLITE_OK);
	assert_int_equal(db_migrate(h, v4, &from, &to, err, sizeof err),
	    DB_OK);
	assert_int_equal(to, 4);
	assert_int_equal(exec_rc(h,
	    "INSERT INTO resident (id_number, id_reversed, name, initials, "
	    "sex, birth, residence, insured_category, village, site, "
	    "created_at, updated_at) VALUES "
	    "('370402198001010011', '110010108910204073', '王芳', 'WF', 'F', "
	    "'1980-01-01', 'rural', 'rural_resident', '东村', 'A', 't', 't'), "
	    "('370402198202020022', '220020208912204073', '李四', 'LS', 'M', "
	    "'1982-02-02', 'rural', 'rural_resident', '东村', 'A', 't', 't');"
	    "INSERT INTO household VALUES "
	    "('A-H00000001', '0001', '东村', '一组', 'A', 't'), "
	    "('A-H00000002', '0002', '东村', '', 'A', 't');"
	    "INSERT INTO household_member VALUES "
	    "('A-M00000001', 'A-H00000001', '370402198001010011', 'head', "
	    "'2021-06-01', NULL, 'A', 't'), "
	    "('A-M00000002', 'A-H00000002', '370402198202020022', 'head', "
	    "'2021-06-01', NULL, 'A', 't');"), SQLITE_OK);
	/* Schema 4: another office's "0001" is refused in this file. */
	assert_int_equal(exec_rc(h, "INSERT INTO household VALUES "
	    "('B-H00000001', '0001', '西村', '', 'B', 't')"),
	    SQLITE_CONSTRAINT);
	sqlite3_close(h);

	/* The program opens it (foreign_keys on) and runs migrations 5 and 6. */
	assert_int_equal(db_open(path, 0, &db, err, sizeof err), DB_OK);
	assert_int_equal(db->migrated_from, 4);
	assert_int_equal(db->version, 6);
	assert_string_equal(query_text(db->h, "SELECT group_concat(key || ':' "
	    "|| number || ':' || village || ':' || address || ':' || site, "
	    "' ') FROM (SELECT * FROM household ORDER BY key)", buf,
	    sizeof buf), "A-H00000001:0001:东村:一组:A A-H00000002:0002:东村::A");
	assert_string_equal(query_text(db->h, "SELECT group_concat(key || ':' "
	    "|| household, ' ') FROM (SELECT * FROM household_member ORDER BY "
	    "key)", buf, sizeof buf),
	    "A-M00000001:A-H00000001 A-M00000002:A-H00000002");
	assert_int_equal(query_int(db->h, "SELECT count(*) FROM "
	    "pragma_foreign_key_check"), 0);
	assert_int_equal(query_int(db->h, "SELECT count(*) FROM sqlite_schema "
	    "WHERE name = 'household_v4'"), 0);
	assert_int_equal(query_int(db->h, "PRAGMA foreign_keys"), 1);

	/* Another office's "0001" now goes in; a second "0001" of A not. */
	assert_int_equal(exec_rc(db->h, "INSERT INTO household VALUES "
	    "('B-H00000001', '0001', '西村', '', 'B', 't')"), SQLITE_OK);
	assert_int_equal(exec_rc(db->h, "INSERT INTO household VALUES "
	    "('A-H00000003', '0001', '北村', '', 'A', 't')"),
	    SQLITE_CONSTRAINT);
	/* The members' foreign key still points at the rebuilt table. */
	assert_int_equal(exec_rc(db->h, "INSERT INTO household_member VALUES "
	    "('A-M00000003', 'A-H00000009', '370402198202020022', 'child', "
	    "'2021-06-01', '2021-06-02', 'A', 't')"), SQLITE_CONSTRAINT);
	assert_int_equal(exec_rc(db->h, "INSERT INTO household_member VALUES "
	    "('A-M00000003', 'B-H00000001', '370402198202020022', 'child', "
	    "'2021-06-01', '2021-06-02', 'A', 't')"), SQLITE_OK);
	assert_int_equal(exec_rc(db->h, "DELETE FROM household WHERE key = "
	    "'B-H00000001'"), SQLITE_CONSTRAINT);
	db_close(db);
	free(v4);
	free(path);
}

static void
test_default_path(void **state)
{
	char buf[512];

	(void)state;
	setenv("YIBAO_DB", "/srv/office/yibao.db", 1);
	setenv("XDG_DATA_HOME", "/data", 1);
	setenv("HOME", "/home/clerk", 1);
	assert_string_equal(db_default_path(buf, sizeof buf),
	    "/srv/office/yibao.db");
	unsetenv("YIBAO_DB");
	assert_string_equal(db_default_path(buf, sizeof buf),
	    "/data/yibao/yibao.db");
	unsetenv("XDG_DATA_HOME");
	assert_string_equal(db_default_path(buf, sizeof buf),
	    "/home/clerk/.local/share/yibao/yibao.db");
	setenv("XDG_DATA_HOME", "relative/ignored", 1);	/* XDG: must be absolute */
	assert_string_equal(db_default_path(buf, sizeof buf),
	    "/home/clerk/.local/share/yibao/yibao.db");
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_null(db_default_path(buf, sizeof buf));
	setenv("HOME", "/home/clerk", 1);
	assert_null(db_default_path(buf, 10));	/* too long for the buffer */
}

/* A batch's settings last for the batch only: a terminal session goes on. */
static void
test_bulk_settings_put_back(void **state)
{
	char *path = strdup(path_in("bulk.db")), err[512];
	struct db_bulk saved;
	struct db *db;

	(void)state;
	assert_int_equal(db_open(path, DB_CREATE, &db, err, sizeof err), DB_OK);
	assert_int_equal(query_int(db->h, "PRAGMA cache_size"), -2000);
	assert_int_equal(query_int(db->h, "PRAGMA temp_store"), 0);
	assert_int_equal(db_bulk_begin(db, 262144, &saved), 0);
	assert_int_equal(query_int(db->h, "PRAGMA cache_size"), -262144);
	assert_int_equal(query_int(db->h, "PRAGMA temp_store"), 2); /* MEMORY */
	db_bulk_end(db, &saved);
	assert_int_equal(query_int(db->h, "PRAGMA cache_size"), -2000);
	assert_int_equal(query_int(db->h, "PRAGMA temp_store"), 0);
	db_close(db);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_reopen_changes_nothing),
		cmocka_unit_test(test_missing_without_create),
		cmocka_unit_test(test_refuse_newer),
		cmocka_unit_test(test_refuse_other_program),
		cmocka_unit_test(test_refuse_not_a_database),
		cmocka_unit_test(test_migrate_steps),
		cmocka_unit_test(test_migrate_household_per_office),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_bulk_settings_put_back),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
