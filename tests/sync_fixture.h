/*
 * sync_fixture.h: a hub and offices, each a real database file in a
 * temporary folder, for the night-sync tests (test_sync, test_sync_county).
 * Static functions: included by one test file each.
 */
#ifndef YIBAO_TESTS_SYNC_FIXTURE_H
#define YIBAO_TESTS_SYNC_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/idcard.h"
#include "db/db.h"
#include "db/sync.h"
#include "db/tx.h"
#include "io/policy_file.h"
#include "io/syncfile.h"
#include "ops/hub.h"
#include "ops/office.h"
#include "ops/resident.h"
#include "ops/sync.h"

#define NOW "2021-06-01T08:00:00Z"
#define MAX_OFFICES 4

struct place {
	char code[17];
	char path[400];
	struct db *db;
};

static char tmpdir[256];
static struct place hub, office[MAX_OFFICES];
static int noffices;
static struct policy *demo;

static struct ops_session
session_of(struct place *p, const char *today)
{
	struct ops_session s;

	memset(&s, 0, sizeof s);
	s.db = p->db;
	snprintf(s.site, sizeof s.site, "%s", p->code);
	snprintf(s.login, sizeof s.login, "admin");
	snprintf(s.display_name, sizeof s.display_name, "admin");
	s.role = ROLE_ADMIN;
	assert_int_equal(date_parse(today ? today : "2021-06-01", &s.today),
	    DATE_OK);
	snprintf(s.now, sizeof s.now, NOW);
	s.policy = demo;
	return s;
}

static void
place_open(struct place *p, const char *code)
{
	struct ops_session s;
	struct office_init_result res;
	struct ops_error e;
	char msg[256];

	snprintf(p->code, sizeof p->code, "%s", code);
	snprintf(p->path, sizeof p->path, "%s/%s.db", tmpdir, code);
	assert_int_equal(db_open(p->path, DB_CREATE, &p->db, msg, sizeof msg),
	    DB_OK);
	s = session_of(p, NULL);
	s.site[0] = '\0';
	if (ops_office_init(&s, code, NULL, NULL, NULL, &res, &e) != OPS_OK)
		fail_msg("init %s: %s", code, e.msg);
	assert_true(res.key_created);
}

static void
place_close(struct place *p)
{
	db_close(p->db);
	p->db = NULL;
}

/* A hub "HUB" and n offices "A", "B", ... that know each other's keys. */
static void
county_make(int n, const char *tag)
{
	struct ops_session s;
	struct ops_error e;
	char hk[SYNCFILE_PK_HEX + 1], ok[SYNCFILE_PK_HEX + 1];
	int created, replaced;

	snprintf(tmpdir, sizeof tmpdir, "%s/yibao-test-%s-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", tag);
	assert_non_null(mkdtemp(tmpdir));
	if (demo == NULL) {
		struct policy_errors *errs = calloc(1, sizeof *errs);

		assert_non_null(demo = calloc(1, sizeof *demo));
		assert_int_equal(policy_file_load("demo", demo, errs), 0);
		free(errs);
	}
	place_open(&hub, "HUB");
	s = session_of(&hub, NULL);
	assert_int_equal(ops_hub_init(&s, &created, hk, &e), OPS_OK);
	noffices = n;
	for (int i = 0; i < n; i++) {
		char code[2] = { (char)('A' + i), '\0' };

		place_open(&office[i], code);
		s = session_of(&office[i], NULL);
		assert_int_equal(ops_sync_trust_hub(&s, "HUB", hk, &e), OPS_OK);
		assert_int_equal(ops_sync_public_key(&s, ok, &e), OPS_OK);
		s = session_of(&hub, NULL);
		if (ops_hub_add_site(&s, code, ok, &replaced, &e) != OPS_OK)
			fail_msg("add-site %s: %s", code, e.msg);
	}
}

static void
county_free(void)
{
	char cmd[400];

	place_close(&hub);
	for (int i = 0; i < noffices; i++)
		place_close(&office[i]);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", tmpdir);
}

/* An ID number of 370402 born `birth` (YYYYMMDD), number `seq`. */
static const char *
id_of(const char *birth, int seq)
{
	static char buf[16][32];
	static int next;
	char *b = buf[next++ % 16];

	snprintf(b, 32, "370402%.8s%03d", birth, seq % 1000);
	b[17] = idcard_check_char(b);
	b[18] = '\0';
	return b;
}

static enum ops_status
register_at(struct place *p, const char *id, const char *name,
    const char *village)
{
	struct ops_session s = session_of(p, NULL);
	struct resident_input in = { id, name, "rural", "rural_resident",
	    village, NULL, NULL, NULL };
	struct ops_error e;
	char out[19];

	return ops_resident_add(&s, &in, out, &e);
}

/* Every row of every table, the local ones too: "unchanged" means this. */
struct text {
	char *s;
	size_t n, cap;
};

static void
text_add(struct text *t, const char *line)
{
	size_t len = strlen(line);

	if (t->n + len + 2 > t->cap) {
		t->cap = (t->n + len + 2) * 2;
		assert_non_null(t->s = realloc(t->s, t->cap));
	}
	memcpy(t->s + t->n, line, len);
	t->s[t->n + len] = '\n';
	t->n += len + 1;
	t->s[t->n] = '\0';
}

static char *
full_dump(struct db *db)
{
	struct text t = { 0 };
	sqlite3_stmt *st, *rows;
	char sql[512];

	text_add(&t, "");
	assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT name FROM "
	    "sqlite_schema WHERE type = 'table' ORDER BY name", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		/* Every column quoted, one text per row, in storage order. */
		sqlite3_stmt *cols;
		char list[1500] = "";
		size_t used = 0;

		text_add(&t, name);
		snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info"
		    "('%s')", name);
		assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &cols,
		    NULL), SQLITE_OK);
		while (sqlite3_step(cols) == SQLITE_ROW)
			used += (size_t)snprintf(list + used, sizeof list - used,
			    "%squote(\"%s\")", used ? "||'|'||" : "",
			    sqlite3_column_text(cols, 0));
		sqlite3_finalize(cols);
		{
			char q[2000];

			snprintf(q, sizeof q, "SELECT %s FROM \"%s\"", list,
			    name);
			assert_int_equal(sqlite3_prepare_v2(db->h, q, -1,
			    &rows, NULL), SQLITE_OK);
		}
		while (sqlite3_step(rows) == SQLITE_ROW)
			text_add(&t, (const char *)sqlite3_column_text(rows,
			    0) ? (const char *)sqlite3_column_text(rows, 0) :
			    "NULL");
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(st);
	return t.s;
}

static void
synced_line(void *ctx, const char *line)
{
	text_add(ctx, line);
}

/* The canonical dump of the synced tables. */
static char *
synced_dump(struct db *db)
{
	struct text t = { 0 };

	text_add(&t, "");
	assert_int_equal(db_sync_dump(db, synced_line, &t), 0);
	return t.s;
}

static void
path_of(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", tmpdir, name);
}

static void
write_bytes(const char *path, const unsigned char *b, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(b, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static unsigned char *
read_bytes(const char *path, size_t *n)
{
	unsigned char *b;

	assert_int_equal(syncfile_read(path, &b, n), SYNCFILE_OK);
	return b;
}

static void
export_office(struct place *p, const char *name, char *path, size_t n)
{
	struct ops_session s = session_of(p, NULL);
	struct sync_export_result r;
	struct ops_error e;

	path_of(path, n, name);
	if (ops_sync_export(&s, path, 0, &r, &e) != OPS_OK)
		fail_msg("export %s: %s", p->code, e.msg);
}

static enum ops_status
hub_apply(const char *path, struct hub_apply_result *r, struct ops_error *e)
{
	struct ops_session s = session_of(&hub, NULL);

	return ops_hub_apply(&s, path, r, e);
}

static void
export_hub(struct place *to, const char *name, char *path, size_t n)
{
	struct ops_session s = session_of(&hub, NULL);
	struct hub_export_result r;
	struct ops_error e;

	path_of(path, n, name);
	if (ops_hub_export(&s, to->code, -1, path, &r, &e) != OPS_OK)
		fail_msg("hub export %s: %s", to->code, e.msg);
}

static enum ops_status
office_apply(struct place *p, const char *path, struct sync_apply_result *r,
    struct ops_error *e)
{
	struct ops_session s = session_of(p, NULL);

	return ops_sync_apply(&s, path, r, e);
}

#endif
