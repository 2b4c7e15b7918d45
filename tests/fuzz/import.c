/*
 * import.c (fuzz target): ops_import itself, on a real SQLite file made
 * once per process with the demonstration pack and three residents in a
 * household.  Every input is imported as a dry run (the same checks and
 * writes, then a rollback), as residents with the category column
 * recorded, and, for inputs of odd length, as a category list too.
 *
 * Invariants: a refused import wrote nothing (the counts of the tables an
 * import writes are unchanged after every input, dry run or not), a
 * refusal carries a message, and the report's counts add up.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "fuzz.h"
#include "io/policy_file.h"
#include "ops/import.h"
#include "ops/office.h"
#include "ops/ops.h"

static char tmpdir[256];
static struct db *db;
static struct policy demo;
static int have_policy;

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
	s.policy = have_policy ? &demo : NULL;
	return s;
}

static void
cleanup(void)
{
	char path[300];

	if (db != NULL)
		db_close(db);
	snprintf(path, sizeof path, "%s/o.db", tmpdir);
	db_remove(path);
	rmdir(tmpdir);
}

/* Three residents of household H001 (the roster of tests/cli/import.sh). */
static const char roster[] =
    "身份证号,姓名,性别,户号,户主身份证号,与户主关系,村（社区）,户口性质\n"
    "110105198001010016,张三,男,H001,110105198001010016,户主,东村,农业\n"
    "370402199001010024,李四,女,H001,110105198001010016,配偶,东村,农业\n"
    "110105201001010037,张小,,H001,110105198001010016,子,东村,农业\n";

static void
init(void)
{
	struct ops_session s;
	struct office_init_result res;
	struct policy_errors errs = { 0 };
	struct import_options o = { .kind = IMPORT_RESIDENTS };
	struct import_report r;
	struct ops_error e;
	char path[300], err[256];
	FILE *f;

	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-fuzz-import-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		abort();
	atexit(cleanup);
	snprintf(path, sizeof path, "%s/o.db", tmpdir);
	if (db_open(path, DB_CREATE, &db, err, sizeof err) != DB_OK) {
		fprintf(stderr, "%s\n", err);
		abort();
	}
	/* The pack from YIBAO_POLICY_DIR (make check and fuzz.sh set it). */
	have_policy = policy_file_load("demo", &demo, &errs) == 0;
	s = session();
	if (ops_office_init(&s, "370402", "admin", NULL, "secret", &res,
	    &e) != OPS_OK)
		abort();
	if ((f = fmemopen((void *)roster, sizeof roster - 1, "r")) == NULL)
		abort();
	if (ops_import(&s, f, &o, &r, &e) != OPS_OK) {
		fprintf(stderr, "%s\n", e.msg);
		abort();
	}
	import_report_free(&r);
	fclose(f);
}

/* The rows an import may write, as one number per table. */
static void
counts(long out[5])
{
	static const char *const sql[5] = {
		"SELECT count(*) FROM resident",
		"SELECT count(*) FROM household",
		"SELECT count(*) FROM household_member",
		"SELECT count(*) FROM person_category",
		"SELECT count(*) FROM audit_log",
	};
	sqlite3_stmt *st;

	for (int i = 0; i < 5; i++) {
		if (sqlite3_prepare_v2(db->h, sql[i], -1, &st, NULL) !=
		    SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
			abort();
		out[i] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
}

static void
import(const uint8_t *data, size_t size, const struct import_options *o)
{
	struct ops_session s = session();
	struct import_report r;
	struct ops_error e;
	enum ops_status st;
	long before[5], after[5];
	char *copy = fuzz_string(data, size);
	FILE *f;

	/* fmemopen wants at least one byte; the copy has its NUL. */
	if ((f = fmemopen(copy, size ? size : 1, "r")) == NULL)
		abort();
	if (size == 0)
		(void)fgetc(f);		/* at the end: an empty file */
	counts(before);
	e.msg[0] = '\0';
	st = ops_import(&s, f, o, &r, &e);
	counts(after);
	FUZZ_ASSERT(memcmp(before, after, sizeof before) == 0);
	FUZZ_ASSERT(!r.written);
	FUZZ_ASSERT(st == OPS_OK || e.msg[0] != '\0');
	FUZZ_ASSERT(st != OPS_OK || r.nproblems == 0);
	FUZZ_ASSERT(r.bad_rows <= r.rows);
	FUZZ_ASSERT(r.added + r.changed + r.unchanged + r.bad_rows <= r.rows);
	FUZZ_ASSERT(st != OPS_INVALID || r.nproblems == 0 || r.bad_rows > 0);
	for (size_t i = 1; i < r.nproblems; i++)
		FUZZ_ASSERT(r.problem[i - 1].line <= r.problem[i].line);
	/* The connection is usable and outside a transaction. */
	FUZZ_ASSERT(sqlite3_get_autocommit(db->h));
	import_report_free(&r);
	fclose(f);
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_options res = {
		.kind = IMPORT_RESIDENTS, .dry_run = 1,
		.file_name = "fuzz.csv",
	};
	struct import_options cat = {
		.kind = IMPORT_CATEGORIES, .dry_run = 1,
		.category = "low_income", .valid_from = "2021-01-01",
		.department = "民政局", .file_name = "fuzz.csv",
	};

	if (db == NULL)
		init();
	if (have_policy) {
		res.valid_from = "2021-01-01";
		res.department = "民政局";
	}
	import(data, size, &res);
	if (have_policy && size % 2 == 1)
		import(data, size, &cat);
	return 0;
}
