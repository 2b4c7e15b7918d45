/* household.c: households and their members. */
#include "db/household.h"

#include <stdio.h>
#include <string.h>

#define MEMBER_COLS \
	"m.key, m.household, h.number, m.id_number, r.name, r.status, " \
	"m.relation, m.joined_on, coalesce(m.left_on, ''), m.site, " \
	"m.created_at, h.site"
#define MEMBER_FROM \
	" FROM household_member m JOIN household h ON h.key = m.household " \
	"JOIN resident r ON r.id_number = m.id_number "

static void
copy_col(sqlite3_stmt *st, int col, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

static void
read_member(sqlite3_stmt *st, struct db_member *m)
{
	memset(m, 0, sizeof *m);
	copy_col(st, 0, m->key, sizeof m->key);
	copy_col(st, 1, m->household, sizeof m->household);
	copy_col(st, 2, m->household_number, sizeof m->household_number);
	copy_col(st, 3, m->id_number, sizeof m->id_number);
	copy_col(st, 4, m->name, sizeof m->name);
	copy_col(st, 5, m->status, sizeof m->status);
	copy_col(st, 6, m->relation, sizeof m->relation);
	copy_col(st, 7, m->joined_on, sizeof m->joined_on);
	copy_col(st, 8, m->left_on, sizeof m->left_on);
	copy_col(st, 9, m->site, sizeof m->site);
	copy_col(st, 10, m->created_at, sizeof m->created_at);
	copy_col(st, 11, m->household_site, sizeof m->household_site);
}

static int
household_one(struct db *db, const char *sql, const char *a, const char *b,
    struct db_household *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b != NULL)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		copy_col(st, 0, out->key, sizeof out->key);
		copy_col(st, 1, out->number, sizeof out->number);
		copy_col(st, 2, out->village, sizeof out->village);
		copy_col(st, 3, out->address, sizeof out->address);
		copy_col(st, 4, out->site, sizeof out->site);
		copy_col(st, 5, out->created_at, sizeof out->created_at);
	}
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_household_get(struct db *db, const char *site, const char *number,
    struct db_household *out)
{
	return household_one(db, "SELECT key, number, village, address, "
	    "site, created_at FROM household WHERE site = ?1 AND number = ?2",
	    site, number, out);
}

int
db_household_by_key(struct db *db, const char *key, struct db_household *out)
{
	return household_one(db, "SELECT key, number, village, address, "
	    "site, created_at FROM household WHERE key = ?1", key, NULL, out);
}

int
db_household_sites(struct db *db, const char *number, const char *except,
    char *out, size_t outsz)
{
	sqlite3_stmt *st;
	size_t used = 0;
	int rc, n = 0;

	out[0] = '\0';
	if (db_prepare(db, "SELECT site FROM household WHERE number = ?1 AND "
	    "site <> ?2 ORDER BY site", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, except, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *site = (const char *)sqlite3_column_text(st, 0);
		size_t len = strlen(site) + (n ? 2 : 0);

		if (used + len + 6 > outsz) {	/* keep room for ", ..." */
			if (used + 6 <= outsz)
				snprintf(out + used, outsz - used, "%s...",
				    n++ ? ", " : "");
			rc = SQLITE_DONE;
			break;
		}
		used += (size_t)snprintf(out + used, outsz - used, "%s%s",
		    n++ ? ", " : "", site);
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE)
		return -1;
	return n > 0 ? 0 : 1;
}

int
db_household_insert(struct db *db, const struct db_household *h)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO household (key, number, "
	    "village, address, site, created_at) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6)", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, h->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, h->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, h->village, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, h->address, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, h->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, h->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc == SQLITE_CONSTRAINT)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
member_one(struct db *db, const char *sql, const char *arg,
    struct db_member *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_member(st, out);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_member_current(struct db *db, const char *id_number, struct db_member *out)
{
	return member_one(db, "SELECT " MEMBER_COLS MEMBER_FROM
	    "WHERE m.id_number = ?1 AND m.left_on IS NULL", id_number, out);
}

int
db_member_head(struct db *db, const char *household_key,
    struct db_member *out)
{
	return member_one(db, "SELECT " MEMBER_COLS MEMBER_FROM
	    "WHERE m.household = ?1 AND m.left_on IS NULL AND "
	    "m.relation = 'head'", household_key, out);
}

int
db_member_insert(struct db *db, const struct db_member *m)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO household_member (key, "
	    "household, id_number, relation, joined_on, left_on, site, "
	    "created_at) VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7)",
	    &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, m->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->household, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, m->relation, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->joined_on, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, m->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->created_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc == SQLITE_CONSTRAINT)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_member_end(struct db *db, const char *key, const char *left_on)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "UPDATE household_member SET left_on = "
	    "?2 WHERE key = ?1 AND left_on IS NULL", &st) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, left_on, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : 1;
}

int
db_members_list(struct db *db, const char *household_key, int history,
    db_member_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	struct db_member m;
	int rc;

	/* Current rows first, the head at the top, then by date and key. */
	if (db_prepare(db, "SELECT " MEMBER_COLS MEMBER_FROM
	    "WHERE m.household = ?1 AND (?2 OR m.left_on IS NULL) "
	    "ORDER BY m.left_on IS NOT NULL, m.relation <> 'head', "
	    "m.joined_on, m.key", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, household_key, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, history != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_member(st, &m);
		if (fn(ctx, &m) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_members_count(struct db *db, const char *household_key)
{
	sqlite3_stmt *st;
	int n = -1;

	if (db_prepare(db, "SELECT count(*) FROM household_member "
	    "WHERE household = ?1 AND left_on IS NULL", &st) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, household_key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	db_finish(db, st);
	return n;
}
