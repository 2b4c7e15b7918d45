/*
 * sync_apply.c: apply a changeset with the conflict rules of the night sync
 * (yibao-sync(5)), check it first, and dump the synced tables canonically.
 *
 * The hub decides by arrival order, never by wall-clock time: a second
 * registration of one ID number is set aside in the quarantine list; an
 * edit whose starting values differ from the hub's replaces them and the
 * overwritten version is kept in the quarantine list.  An office takes the
 * hub's version whatever it had, unless a rule of the schema refuses it.
 */
#include "config.h"

#include "db/sync_sqlite.h"

#include "db/sync.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/sync_capture.h"
#include "i18n.h"

static void
say(char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
say(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

/*
 * SQLite says on its log, not in a return code, that it skipped a table
 * of a changeset (no such table, other columns, another primary key).
 */
static int skipped;
static char skipped_msg[256];

static void
log_cb(void *ctx, int code, const char *msg)
{
	(void)ctx;
	(void)code;
	if (msg != NULL && strstr(msg, "sqlite3changeset_apply") != NULL) {
		skipped++;
		snprintf(skipped_msg, sizeof skipped_msg, "%s", msg);
	}
}

int
db_sync_log_install(void)
{
	return sqlite3_config(SQLITE_CONFIG_LOG, log_cb, NULL) == SQLITE_OK ?
	    0 : -1;
}

/* The columns of the tables a changeset names, read before applying. */
#define MAX_TABLES 24
#define MAX_COLS 64

struct table_info {
	char name[40];
	int ncol;
	char *col[MAX_COLS];
	int pk[MAX_COLS];
};

/*
 * At an office, a new row whose key is there with other values: the hub's
 * version, to write over the office's once the changeset is in.
 */
struct take {
	struct table_info *t;
	int ncol;
	sqlite3_value *v[MAX_COLS];
};

struct apply_ctx {
	struct db *db;
	enum db_apply_mode mode;
	const char *site, *at;
	int64_t file_seq;
	struct db_apply_result *res;
	struct table_info tab[MAX_TABLES];
	int ntab;
	struct db_quarantine *q;	/* to insert after the apply */
	int nq, capq;
	struct take *take;		/* office: rows to take after the apply */
	int ntake, captake;
	struct take *home;		/* memberships of a person in another */
	int nhome, caphome;		/* household already (second_home) */
	int failed;			/* a quarantine entry could not be made */
	int fk;				/* foreign keys left broken */
};

static void
tables_free(struct apply_ctx *c)
{
	for (int t = 0; t < c->ntab; t++)
		for (int i = 0; i < c->tab[t].ncol; i++)
			free(c->tab[t].col[i]);
	c->ntab = 0;
	for (int i = 0; i < c->nq; i++)
		db_quarantine_clear(&c->q[i]);
	free(c->q);
	c->q = NULL;
	c->nq = c->capq = 0;
	for (int i = 0; i < c->ntake; i++)
		for (int k = 0; k < c->take[i].ncol; k++)
			sqlite3_value_free(c->take[i].v[k]);
	free(c->take);
	c->take = NULL;
	c->ntake = c->captake = 0;
	for (int i = 0; i < c->nhome; i++)
		for (int k = 0; k < c->home[i].ncol; k++)
			sqlite3_value_free(c->home[i].v[k]);
	free(c->home);
	c->home = NULL;
	c->nhome = c->caphome = 0;
}

static struct table_info *
table_find(struct apply_ctx *c, const char *name)
{
	for (int t = 0; t < c->ntab; t++)
		if (strcmp(c->tab[t].name, name) == 0)
			return &c->tab[t];
	return NULL;
}

/* PRAGMA table_info of a synced table: -1 error, 0 read (ncol 0: none). */
static int
table_load(struct db *db, const char *name, struct table_info *t)
{
	sqlite3_stmt *st;
	int rc;

	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	if (sqlite3_prepare_v2(db->h, "SELECT name, pk FROM pragma_table_info"
	    "(?1) ORDER BY cid", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && t->ncol < MAX_COLS) {
		t->col[t->ncol] = strdup((const char *)sqlite3_column_text(st, 0));
		t->pk[t->ncol] = sqlite3_column_int(st, 1);
		if (t->col[t->ncol] == NULL)
			break;
		t->ncol++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * The changeset's bytes walked by its format (sqlite3session's file
 * format: table headers, then changes of typed values) before SQLite reads
 * it: SQLite 3.40's reader loops for ever on a table name without its
 * closing NUL (found by tests/fuzz/sync.c), so nothing malformed reaches
 * it.  0 well formed, -1 not.
 */
static int
varint(const unsigned char *p, size_t n, size_t *off, uint64_t *v)
{
	*v = 0;
	for (int i = 0; i < 9; i++) {
		if (*off >= n)
			return -1;
		if (i == 8) {
			*v = (*v << 8) | p[(*off)++];
			return 0;
		}
		*v = (*v << 7) | (p[*off] & 0x7f);
		if ((p[(*off)++] & 0x80) == 0)
			return 0;
	}
	return -1;
}

/* One record of ncol values; undefined ones only in an update. */
static int
record(const unsigned char *p, size_t n, size_t *off, uint64_t ncol,
    int update)
{
	uint64_t len;

	for (uint64_t i = 0; i < ncol; i++) {
		if (*off >= n)
			return -1;
		switch (p[(*off)++]) {
		case 0:			/* undefined */
			if (!update)
				return -1;
			break;
		case SQLITE_INTEGER:
		case SQLITE_FLOAT:
			if (n - *off < 8)
				return -1;
			*off += 8;
			break;
		case SQLITE_TEXT:
		case SQLITE_BLOB:
			if (varint(p, n, off, &len) != 0 || len > n - *off)
				return -1;
			*off += (size_t)len;
			break;
		case SQLITE_NULL:
			break;
		default:
			return -1;
		}
	}
	return 0;
}

static int
well_formed(const unsigned char *p, size_t n)
{
	size_t off = 0;
	uint64_t ncol = 0;
	const unsigned char *nul;

	while (off < n) {
		unsigned char op = p[off++];

		if (op == 'T') {
			if (varint(p, n, &off, &ncol) != 0 || ncol == 0 ||
			    ncol > MAX_COLS || ncol > n - off)
				return -1;
			off += (size_t)ncol;		/* primary-key flags */
			if ((nul = memchr(p + off, '\0', n - off)) == NULL)
				return -1;
			off = (size_t)(nul - p) + 1;
			continue;
		}
		if (ncol == 0 || off >= n)
			return -1;		/* a change before any table */
		off++;				/* indirect */
		switch (op) {
		case SQLITE_INSERT:
		case SQLITE_DELETE:
			if (record(p, n, &off, ncol, 0) != 0)
				return -1;
			break;
		case SQLITE_UPDATE:
			if (record(p, n, &off, ncol, 1) != 0 ||
			    record(p, n, &off, ncol, 1) != 0)
				return -1;
			break;
		default:
			return -1;
		}
	}
	return 0;
}

/* Read every change once: tables, columns, keys, and a well-formed whole. */
static int
check(struct apply_ctx *c, const void *cs, int len, char *err, size_t errsz)
{
	sqlite3_changeset_iter *it;
	const char *last = NULL;
	int rc;

	if (len < 0 || well_formed(cs, (size_t)len) != 0) {
		say(err, errsz, _("the changes in the file are damaged"));
		return -1;
	}
	if (sqlite3changeset_start(&it, len, (void *)cs) != SQLITE_OK) {
		say(err, errsz, _("the changes in the file cannot be read"));
		return -1;
	}
	while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, indirect, npk;
		unsigned char *pk;
		struct table_info *t;

		if (sqlite3changeset_op(it, &tab, &ncol, &op, &indirect) !=
		    SQLITE_OK || sqlite3changeset_pk(it, &pk, &npk) !=
		    SQLITE_OK)
			break;
		if (c->res != NULL)
			c->res->changes++;
		if (last != NULL && tab == last)
			continue;
		last = tab;
		if (table_find(c, tab) != NULL)
			continue;
		if (!db_sync_table(tab)) {
			say(err, errsz, _("the file changes the table %s, which "
			    "does not travel in the night sync"), tab);
			goto fail;
		}
		if (c->ntab == MAX_TABLES)
			goto fail;
		t = &c->tab[c->ntab++];
		if (table_load(c->db, tab, t) != 0)
			goto fail;
		if (t->ncol < ncol) {
			say(err, errsz, _("the file's table %s has %d columns, "
			    "this database's %d: it was written by another "
			    "version of yibao"), tab, ncol, t->ncol);
			goto fail;
		}
		for (int i = 0; i < ncol; i++)
			if ((pk[i] != 0) != (t->pk[i] != 0)) {
				say(err, errsz, _("the file's table %s has "
				    "another primary key than this database's"),
				    tab);
				goto fail;
			}
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK || rc != SQLITE_DONE) {
		say(err, errsz, _("the changes in the file are damaged"));
		return -1;
	}
	return 0;
fail:
	if (err[0] == '\0')
		say(err, errsz, _("the changes in the file cannot be read"));
	sqlite3changeset_finalize(it);
	return -1;
}

int
db_changeset_check(struct db *db, const void *cs, int len, long *changes,
    char *err, size_t errsz)
{
	struct apply_ctx c;
	struct db_apply_result r;
	int rc;

	memset(&c, 0, sizeof c);
	memset(&r, 0, sizeof r);
	c.db = db;
	c.res = &r;
	err[0] = '\0';
	rc = len > 0 ? check(&c, cs, len, err, errsz) : 0;
	tables_free(&c);
	if (changes != NULL)
		*changes = r.changes;
	return rc;
}

void
db_sync_free(void *p)
{
	sqlite3_free(p);
}

/* A growing string for JSON. */
struct buf {
	char *s;
	size_t n, cap;
	int oom;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		char *p;

		while (cap < b->n + n + 1)
			cap *= 2;
		if ((p = realloc(b->s, cap)) == NULL) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void
puts_json(struct buf *b, const char *s, int len)
{
	char esc[8];

	put(b, "\"", 1);
	for (int i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\') {
			esc[0] = '\\';
			esc[1] = (char)ch;
			put(b, esc, 2);
		} else if (ch < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", ch);
			put(b, esc, 6);
		} else
			put(b, (const char *)&s[i], 1);
	}
	put(b, "\"", 1);
}

static void
put_value(struct buf *b, sqlite3_value *v)
{
	char num[40];

	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		snprintf(num, sizeof num, "%lld",
		    (long long)sqlite3_value_int64(v));
		put(b, num, strlen(num));
		break;
	case SQLITE_FLOAT:
		snprintf(num, sizeof num, "%.17g", sqlite3_value_double(v));
		put(b, num, strlen(num));
		break;
	case SQLITE_TEXT:
		puts_json(b, (const char *)sqlite3_value_text(v),
		    sqlite3_value_bytes(v));
		break;
	case SQLITE_BLOB:
		put(b, "\"(blob)\"", 8);
		break;
	default:
		put(b, "null", 4);
	}
}

typedef int value_fn(sqlite3_changeset_iter *, int, sqlite3_value **);

/*
 * A row as a JSON object: column i from `first`, else from `second`
 * (either may be NULL; a column neither has is left out).
 */
static char *
row_json(const struct table_info *t, sqlite3_changeset_iter *it, int ncol,
    value_fn *first, value_fn *second)
{
	struct buf b = { 0 };
	int members = 0;

	put(&b, "{", 1);
	for (int i = 0; i < ncol && i < t->ncol; i++) {
		sqlite3_value *v = NULL;

		if (first != NULL && (first(it, i, &v) != SQLITE_OK))
			v = NULL;
		if (v == NULL && second != NULL && second(it, i, &v) !=
		    SQLITE_OK)
			v = NULL;
		if (v == NULL)
			continue;
		if (members++)
			put(&b, ",", 1);
		puts_json(&b, t->col[i], (int)strlen(t->col[i]));
		put(&b, ":", 1);
		put_value(&b, v);
	}
	put(&b, "}", 1);
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* The row's key as text: its primary-key values joined by '|'. */
static void
row_key(sqlite3_changeset_iter *it, int op, int ncol, char *out, size_t n)
{
	unsigned char *pk;
	int npk;
	size_t used = 0;

	out[0] = '\0';
	if (sqlite3changeset_pk(it, &pk, &npk) != SQLITE_OK)
		return;
	for (int i = 0; i < ncol && i < npk; i++) {
		sqlite3_value *v = NULL;

		if (!pk[i])
			continue;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		used += (size_t)snprintf(out + used, used < n ? n - used : 0,
		    "%s%s", used ? "|" : "",
		    v ? (const char *)sqlite3_value_text(v) : "");
		if (used >= n)
			break;
	}
}

static int
values_equal(sqlite3_value *a, sqlite3_value *b)
{
	int ta = a ? sqlite3_value_type(a) : SQLITE_NULL;
	int tb = b ? sqlite3_value_type(b) : SQLITE_NULL;

	if (ta != tb)
		return 0;
	switch (ta) {
	case SQLITE_NULL:
		return 1;
	case SQLITE_INTEGER:
		return sqlite3_value_int64(a) == sqlite3_value_int64(b);
	case SQLITE_FLOAT:
		return sqlite3_value_double(a) == sqlite3_value_double(b);
	default:
		if (sqlite3_value_bytes(a) != sqlite3_value_bytes(b))
			return 0;
		return sqlite3_value_bytes(a) == 0 || memcmp(sqlite3_value_blob(a),
		    sqlite3_value_blob(b), 
		    (size_t)sqlite3_value_bytes(a)) == 0;
	}
}

/* An insert that meets the very row it would make: nothing to do. */
static int
same_row(sqlite3_changeset_iter *it, int ncol)
{
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *a = NULL, *b = NULL;

		if (sqlite3changeset_new(it, i, &a) != SQLITE_OK ||
		    sqlite3changeset_conflict(it, i, &b) != SQLITE_OK ||
		    !values_equal(a, b))
			return 0;
	}
	return 1;
}

static void
quarantine(struct apply_ctx *c, sqlite3_changeset_iter *it, const char *kind,
    const char *tab, int op, int ncol, char *kept, char *other)
{
	struct db_quarantine *q;

	if (c->nq == c->capq) {
		int cap = c->capq ? c->capq * 2 : 16;
		struct db_quarantine *p = realloc(c->q, (size_t)cap * sizeof *p);

		if (p == NULL) {
			free(kept);
			free(other);
			c->failed = 1;
			return;
		}
		c->q = p;
		c->capq = cap;
	}
	q = &c->q[c->nq++];
	memset(q, 0, sizeof *q);
	snprintf(q->kind, sizeof q->kind, "%s", kind);
	snprintf(q->tbl, sizeof q->tbl, "%s", tab);
	row_key(it, op, ncol, q->record, sizeof q->record);
	snprintf(q->site, sizeof q->site, "%s", c->site);
	q->file_seq = c->file_seq;
	snprintf(q->at, sizeof q->at, "%s", c->at);
	q->kept = kept;
	q->other = other;
	c->res->conflicts++;
}

/* Derived rows (search initials) follow their resident: no review needed. */
static int
derived(const char *tab)
{
	return strcmp(tab, "resident_initials_alt") == 0;
}

/* A copy of the change's new row, to write once the changeset is in. */
static int
keep_row(struct take **list, int *n, int *cap, struct table_info *t,
    sqlite3_changeset_iter *it, int ncol)
{
	struct take *k;

	if (t == NULL || ncol > MAX_COLS)
		return -1;
	if (*n == *cap) {
		int ncap = *cap ? *cap * 2 : 16;
		struct take *p = realloc(*list, (size_t)ncap * sizeof *p);

		if (p == NULL)
			return -1;
		*list = p;
		*cap = ncap;
	}
	k = &(*list)[*n];
	k->t = t;
	k->ncol = 0;
	for (int i = 0; i < ncol; i++) {
		sqlite3_value *v = NULL;

		if (sqlite3changeset_new(it, i, &v) != SQLITE_OK || v == NULL ||
		    (k->v[i] = sqlite3_value_dup(v)) == NULL) {
			for (int j = 0; j < i; j++)
				sqlite3_value_free(k->v[j]);
			return -1;
		}
		k->ncol = i + 1;
	}
	(*n)++;
	return 0;
}

/*
 * Keep the hub's version of a row to write over the office's after the
 * apply.  Not REPLACE: that deletes the office's row first, and if the
 * hub's version then breaks a rule (an older membership that was current,
 * now that the person has moved on) the row is gone for good.
 */
static int
take_later(struct apply_ctx *c, sqlite3_changeset_iter *it, const char *tab,
    int ncol)
{
	return keep_row(&c->take, &c->ntake, &c->captake, table_find(c, tab),
	    it, ncol);
}

/*
 * One current household per person (household_member_one_household).  A
 * membership that arrives while the person is in another household already
 * (put in households at two offices on one night) is decided by the hub's
 * order, never dropped: the one that reached the hub first stands, and the
 * other is kept, ended on the day it began (left_on = joined_on), so that
 * every place ends with the same rows.  The hub stores the arriving one so
 * and lists it for review; an office takes the hub's and ends its own
 * (the hub does the same to the office's when its file arrives).
 */
static int
col_of(const struct table_info *t, const char *name)
{
	for (int i = 0; t != NULL && i < t->ncol; i++)
		if (strcmp(t->col[i], name) == 0)
			return i;
	return -1;
}

/*
 * 1 if the change is a current membership of a person who has another
 * one here (its JSON in *standing when asked), 0 not, -1 error.
 */
static int
second_home(struct apply_ctx *c, sqlite3_changeset_iter *it, const char *tab,
    int op, char **standing)
{
	struct table_info *t = table_find(c, tab);
	sqlite3_value *key = NULL, *id = NULL, *left = NULL;
	sqlite3_stmt *st;
	int rc, found;

	if (standing != NULL)
		*standing = NULL;
	if (strcmp(tab, "household_member") != 0 || op != SQLITE_INSERT ||
	    col_of(t, "joined_on") < 0 ||
	    sqlite3changeset_new(it, col_of(t, "key"), &key) != SQLITE_OK ||
	    sqlite3changeset_new(it, col_of(t, "id_number"), &id) !=
	    SQLITE_OK ||
	    sqlite3changeset_new(it, col_of(t, "left_on"), &left) !=
	    SQLITE_OK || key == NULL || id == NULL || left == NULL ||
	    sqlite3_value_type(left) != SQLITE_NULL)
		return 0;
	if (sqlite3_prepare_v2(c->db->h, "SELECT json_object('key', key, "
	    "'household', household, 'id_number', id_number, 'relation', "
	    "relation, 'joined_on', joined_on, 'left_on', left_on, 'site', "
	    "site, 'created_at', created_at) FROM household_member WHERE "
	    "id_number = ?1 AND left_on IS NULL AND key <> ?2", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_value(st, 1, id);
	sqlite3_bind_value(st, 2, key);
	rc = sqlite3_step(st);
	found = rc == SQLITE_ROW;
	if (found && standing != NULL &&
	    (*standing = strdup((const char *)sqlite3_column_text(st, 0))) ==
	    NULL)
		rc = SQLITE_NOMEM;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	return found;
}

/* Insert a kept row; end != 0: a membership ended on the day it began. */
static int
insert_row(struct apply_ctx *c, struct take *k, int end)
{
	struct buf sql = { 0 };
	sqlite3_stmt *st;
	int rc, left = col_of(k->t, "left_on"), joined = col_of(k->t,
	    "joined_on");

	put(&sql, "INSERT INTO \"", 13);
	put(&sql, k->t->name, strlen(k->t->name));
	put(&sql, "\" (", 3);
	for (int j = 0; j < k->ncol; j++) {
		if (j)
			put(&sql, ", ", 2);
		put(&sql, "\"", 1);
		put(&sql, k->t->col[j], strlen(k->t->col[j]));
		put(&sql, "\"", 1);
	}
	put(&sql, ") VALUES (", 10);
	for (int j = 0; j < k->ncol; j++) {
		char p[16];

		snprintf(p, sizeof p, "%s?%d", j ? ", " : "", j + 1);
		put(&sql, p, strlen(p));
	}
	put(&sql, ")", 1);
	if (sql.oom || sqlite3_prepare_v2(c->db->h, sql.s, -1, &st, NULL) !=
	    SQLITE_OK) {
		free(sql.s);
		return SQLITE_ERROR;
	}
	free(sql.s);
	for (int j = 0; j < k->ncol; j++)
		sqlite3_bind_value(st, j + 1, k->v[end && j == left ? joined :
		    j]);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc;
}

static int
exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/*
 * Write the memberships second_home found: the hub keeps the arriving one
 * ended; an office ends its own and takes the hub's (both or neither).
 * 0 done, -1 error.
 */
static int
homes_all(struct apply_ctx *c)
{
	for (int i = 0; i < c->nhome; i++) {
		struct take *k = &c->home[i];
		sqlite3_stmt *st;
		int rc, id = col_of(k->t, "id_number"), key = col_of(k->t, "key");

		if (c->mode == DB_APPLY_HUB) {
			rc = insert_row(c, k, 1);
			if (rc == SQLITE_CONSTRAINT)	/* listed, not kept */
				c->res->omitted++;
			else if (rc != SQLITE_DONE)
				return -1;
			continue;
		}
		if (exec(c->db, "SAVEPOINT second_home") != 0)
			return -1;
		if (sqlite3_prepare_v2(c->db->h, "UPDATE household_member SET "
		    "left_on = joined_on WHERE id_number = ?1 AND left_on IS "
		    "NULL AND key <> ?2", -1, &st, NULL) != SQLITE_OK)
			return -1;
		sqlite3_bind_value(st, 1, k->v[id]);
		sqlite3_bind_value(st, 2, k->v[key]);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			rc = insert_row(c, k, 0);
		if (rc == SQLITE_CONSTRAINT) {	/* the office's row stays */
			c->res->omitted++;
			if (exec(c->db, "ROLLBACK TO second_home") != 0)
				return -1;
		} else if (rc != SQLITE_DONE)
			return -1;
		if (exec(c->db, "RELEASE second_home") != 0)
			return -1;
	}
	return 0;
}

static int
hub_conflict(struct apply_ctx *c, int why, sqlite3_changeset_iter *it)
{
	const char *tab;
	int ncol, op, indirect, home;
	struct table_info *t;
	char *standing = NULL;

	sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
	t = table_find(c, tab);
	switch (why) {
	case SQLITE_CHANGESET_CONFLICT:
		if (same_row(it, ncol))
			return SQLITE_CHANGESET_OMIT;
		/* The first to arrive stays; the other waits for a person. */
		quarantine(c, it, strcmp(tab, "resident") == 0 ?
		    "same_person" : "duplicate", tab, op, ncol,
		    row_json(t, it, ncol, sqlite3changeset_conflict, NULL),
		    row_json(t, it, ncol, sqlite3changeset_new, NULL));
		c->res->omitted++;
		return SQLITE_CHANGESET_OMIT;
	case SQLITE_CHANGESET_DATA:
		/* The later arrival wins; the version it replaces is kept. */
		if (!derived(tab))
			quarantine(c, it, "overwritten", tab, op, ncol,
			    row_json(t, it, ncol, sqlite3changeset_new,
			    sqlite3changeset_conflict),
			    row_json(t, it, ncol, sqlite3changeset_conflict,
			    NULL));
		return SQLITE_CHANGESET_REPLACE;
	case SQLITE_CHANGESET_NOTFOUND:
		if (!derived(tab) && op != SQLITE_DELETE)
			quarantine(c, it, "missing", tab, op, ncol, NULL,
			    row_json(t, it, ncol, sqlite3changeset_new,
			    sqlite3changeset_old));
		c->res->omitted++;
		return SQLITE_CHANGESET_OMIT;
	case SQLITE_CHANGESET_CONSTRAINT:
		if ((home = second_home(c, it, tab, op, &standing)) != 0) {
			if (home < 0 || keep_row(&c->home, &c->nhome,
			    &c->caphome, t, it, ncol) != 0) {
				free(standing);
				c->failed = 1;
				return SQLITE_CHANGESET_ABORT;
			}
			/* Kept, ended, and listed with the one that stands. */
			quarantine(c, it, "constraint", tab, op, ncol, standing,
			    row_json(t, it, ncol, sqlite3changeset_new, NULL));
			return SQLITE_CHANGESET_OMIT;
		}
		quarantine(c, it, "constraint", tab, op, ncol, NULL,
		    row_json(t, it, ncol, sqlite3changeset_new,
		    sqlite3changeset_old));
		c->res->omitted++;
		return SQLITE_CHANGESET_OMIT;
	default:	/* FOREIGN_KEY: rows refer to rows that are not here */
		c->fk = 1;
		return SQLITE_CHANGESET_ABORT;
	}
}

/* Write the hub's versions kept by take_later: 0 done, -1 error. */
static int
take_all(struct apply_ctx *c)
{
	for (int i = 0; i < c->ntake; i++) {
		struct take *k = &c->take[i];
		struct buf sql = { 0 };
		sqlite3_stmt *st;
		int rc, n = 0;

		put(&sql, "UPDATE \"", 8);
		put(&sql, k->t->name, strlen(k->t->name));
		put(&sql, "\" SET ", 6);
		for (int j = 0; j < k->ncol; j++)
			if (!k->t->pk[j]) {
				char p[16];

				put(&sql, n ? ", \"" : "\"", n ? 3 : 1);
				n++;
				put(&sql, k->t->col[j], strlen(k->t->col[j]));
				snprintf(p, sizeof p, "\" = ?%d", j + 1);
				put(&sql, p, strlen(p));
			}
		if (n == 0) {	/* all key: the same row, nothing to take */
			free(sql.s);
			continue;
		}
		put(&sql, " WHERE ", 7);
		for (int j = 0, m = 0; j < k->ncol; j++)
			if (k->t->pk[j]) {
				char p[16];

				put(&sql, m ? " AND \"" : "\"", m ? 6 : 1);
				m++;
				put(&sql, k->t->col[j], strlen(k->t->col[j]));
				snprintf(p, sizeof p, "\" = ?%d", j + 1);
				put(&sql, p, strlen(p));
			}
		if (sql.oom || sqlite3_prepare_v2(c->db->h, sql.s, -1, &st,
		    NULL) != SQLITE_OK) {
			free(sql.s);
			return -1;
		}
		free(sql.s);
		for (int j = 0; j < k->ncol; j++)
			sqlite3_bind_value(st, j + 1, k->v[j]);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		/* A rule refuses the hub's version: the office's row stays. */
		if (rc == SQLITE_CONSTRAINT)
			c->res->omitted++;
		else if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

static int
office_conflict(struct apply_ctx *c, int why, sqlite3_changeset_iter *it)
{
	const char *tab;
	int ncol, op, indirect, home;

	sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
	switch (why) {
	case SQLITE_CHANGESET_CONFLICT:
		if (same_row(it, ncol))
			return SQLITE_CHANGESET_OMIT;
		c->res->conflicts++;
		if (take_later(c, it, tab, ncol) != 0) {
			c->failed = 1;
			return SQLITE_CHANGESET_ABORT;
		}
		return SQLITE_CHANGESET_OMIT;
	case SQLITE_CHANGESET_DATA:
		/* An update in place: refused by a rule, it is left out. */
		c->res->conflicts++;
		return SQLITE_CHANGESET_REPLACE;
	case SQLITE_CHANGESET_NOTFOUND:
		/* Deleting what is gone already is done. */
		if (op != SQLITE_DELETE)
			c->res->omitted++;
		return SQLITE_CHANGESET_OMIT;
	case SQLITE_CHANGESET_CONSTRAINT:
		/* The hub's order: its membership in, the office's ended. */
		if ((home = second_home(c, it, tab, op, NULL)) != 0) {
			if (home < 0 || keep_row(&c->home, &c->nhome,
			    &c->caphome, table_find(c, tab), it, ncol) != 0) {
				c->failed = 1;
				return SQLITE_CHANGESET_ABORT;
			}
			c->res->conflicts++;
			return SQLITE_CHANGESET_OMIT;
		}
		c->res->omitted++;
		return SQLITE_CHANGESET_OMIT;
	default:
		c->fk = 1;
		return SQLITE_CHANGESET_ABORT;
	}
}

static int
on_conflict(void *ctx, int why, sqlite3_changeset_iter *it)
{
	struct apply_ctx *c = ctx;

	/* Not about one row: the iterator has none to show. */
	if (why == SQLITE_CHANGESET_FOREIGN_KEY) {
		c->fk = 1;
		return SQLITE_CHANGESET_ABORT;
	}
	return c->mode == DB_APPLY_HUB ? hub_conflict(c, why, it) :
	    office_conflict(c, why, it);
}

int
db_changeset_apply(struct db *db, const void *cs, int len,
    enum db_apply_mode mode, const char *site, int64_t file_seq,
    const char *at, struct db_apply_result *res, char *err, size_t errsz)
{
	struct apply_ctx c;
	int rc = -1;

	memset(&c, 0, sizeof c);
	c.db = db;
	c.mode = mode;
	c.site = site;
	c.at = at;
	c.file_seq = file_seq;
	c.res = res;
	err[0] = '\0';
	if (len == 0)
		return 0;
	if (check(&c, cs, len, err, errsz) != 0)
		goto done;
	skipped = 0;
	if (sqlite3changeset_apply_v2(db->h, len, (void *)cs, NULL,
	    on_conflict, &c, NULL, NULL, 0) != SQLITE_OK) {
		if (c.failed)
			say(err, errsz, _("out of memory"));
		else if (c.fk)
			say(err, errsz, _("rows in the file refer to records "
			    "this database does not have or could not take "
			    "(apply the files in their order)"));
		else
			say(err, errsz, _("the changes could not be applied: "
			    "%s"), sqlite3_errmsg(db->h));
		goto done;
	}
	if (skipped) {
		say(err, errsz, _("the changes could not be applied whole: %s"),
		    skipped_msg);
		goto done;
	}
	if (take_all(&c) != 0 || homes_all(&c) != 0) {
		say(err, errsz, _("the changes could not be applied: %s"),
		    sqlite3_errmsg(db->h));
		goto done;
	}
	for (int i = 0; i < c.nq && !c.failed; i++)
		if (db_quarantine_add(db, &c.q[i]) != 0)
			c.failed = 1;
	if (c.failed) {
		say(err, errsz, _("the quarantine list could not be written: "
		    "%s"), sqlite3_errmsg(db->h));
		goto done;
	}
	rc = 0;
done:
	tables_free(&c);
	return rc;
}

/* The canonical dump: every synced row, in key order, quoted by SQLite. */
static int
dump_table(struct db *db, const char *name, const char *cols,
    const char *order, db_dump_fn *fn, void *ctx)
{
	struct table_info t;
	sqlite3_stmt *st;
	struct buf sql = { 0 }, line = { 0 };
	int rc, ok;

	if (cols == NULL) {
		if (table_load(db, name, &t) != 0)
			return -1;
		put(&sql, "SELECT ", 7);
		for (int i = 0; i < t.ncol; i++) {
			if (i)
				put(&sql, " || '|' || ", 11);
			put(&sql, "quote(", 6);
			put(&sql, t.col[i], strlen(t.col[i]));
			put(&sql, ")", 1);
		}
		put(&sql, " FROM ", 6);
		put(&sql, name, strlen(name));
		put(&sql, " ORDER BY ", 10);
		for (int i = 0, n = 0; i < t.ncol; i++)
			if (t.pk[i]) {
				if (n++)
					put(&sql, ", ", 2);
				put(&sql, t.col[i], strlen(t.col[i]));
			}
		for (int i = 0; i < t.ncol; i++)
			free(t.col[i]);
	} else {
		put(&sql, "SELECT ", 7);
		put(&sql, cols, strlen(cols));
		put(&sql, " FROM ", 6);
		put(&sql, name, strlen(name));
		put(&sql, " ORDER BY ", 10);
		put(&sql, order, strlen(order));
	}
	ok = !sql.oom && sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL) ==
	    SQLITE_OK;
	free(sql.s);
	if (!ok)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		line.n = 0;
		put(&line, name, strlen(name));
		put(&line, ": ", 2);
		put(&line, v ? v : "", v ? strlen(v) : 0);
		if (!line.oom)
			fn(ctx, line.s);
	}
	free(line.s);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_sync_dump(struct db *db, db_dump_fn *fn, void *ctx)
{
	for (int i = 0; db_sync_tables[i] != NULL; i++) {
		if (strcmp(db_sync_tables[i], "sync_audit") == 0)
			continue;	/* the audit lines come below */
		if (dump_table(db, db_sync_tables[i], NULL, NULL, fn, ctx) != 0)
			return -1;
	}
	return dump_table(db, "audit_log", "quote(key) || '|' || quote(at) || "
	    "'|' || quote(site) || '|' || quote(operator) || '|' || "
	    "quote(action) || '|' || quote(record) || '|' || "
	    "quote(old_values) || '|' || quote(new_values) || '|' || "
	    "quote(policy_id) || '|' || quote(policy_hash)", "key", fn, ctx);
}
