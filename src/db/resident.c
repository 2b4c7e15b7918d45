/* resident.c: reading, writing and finding residents. */
#include "db/resident.h"

#include <stdio.h>
#include <string.h>

#define RESIDENT_COLS \
	"id_number, name, initials, sex, birth, residence, " \
	"insured_category, village, phone, status, " \
	"coalesce(ended_on, ''), coalesce(end_reason, ''), site, " \
	"created_at, updated_at"

static void
copy_col(sqlite3_stmt *st, int col, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

static void
read_row(sqlite3_stmt *st, struct db_resident *r)
{
	memset(r, 0, sizeof *r);
	copy_col(st, 0, r->id_number, sizeof r->id_number);
	copy_col(st, 1, r->name, sizeof r->name);
	copy_col(st, 2, r->initials, sizeof r->initials);
	copy_col(st, 3, r->sex, sizeof r->sex);
	copy_col(st, 4, r->birth, sizeof r->birth);
	copy_col(st, 5, r->residence, sizeof r->residence);
	copy_col(st, 6, r->insured_category, sizeof r->insured_category);
	copy_col(st, 7, r->village, sizeof r->village);
	copy_col(st, 8, r->phone, sizeof r->phone);
	copy_col(st, 9, r->status, sizeof r->status);
	copy_col(st, 10, r->ended_on, sizeof r->ended_on);
	copy_col(st, 11, r->end_reason, sizeof r->end_reason);
	copy_col(st, 12, r->site, sizeof r->site);
	copy_col(st, 13, r->created_at, sizeof r->created_at);
	copy_col(st, 14, r->updated_at, sizeof r->updated_at);
}

/* NULL for "", so the CHECK on status sees a missing date as missing. */
static void
bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int
db_resident_get(struct db *db, const char *id_number, struct db_resident *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT " RESIDENT_COLS
	    " FROM resident WHERE id_number = ?1", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, out);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static void
reverse(const char *s, char *out, size_t outsz)
{
	size_t n = strlen(s), i;

	if (n >= outsz)
		n = outsz - 1;
	for (i = 0; i < n; i++)
		out[i] = s[n - 1 - i];
	out[n] = '\0';
}

int
db_resident_insert(struct db *db, const struct db_resident *r)
{
	sqlite3_stmt *st;
	char rev[32];
	int rc;

	if (db_prepare(db,
	    "INSERT INTO resident (id_number, id_reversed, name, initials, sex, "
	    "birth, residence, insured_category, village, phone, status, "
	    "ended_on, end_reason, site, created_at, updated_at) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	    "?15, ?16)", &st) != SQLITE_OK)
		return -1;
	reverse(r->id_number, rev, sizeof rev);
	sqlite3_bind_text(st, 1, r->id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rev, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->initials, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->sex, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->birth, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->residence, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, r->insured_category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, r->village, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, r->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, r->status[0] ? r->status : "active", -1,
	    SQLITE_STATIC);
	bind_opt(st, 12, r->ended_on);
	bind_opt(st, 13, r->end_reason);
	sqlite3_bind_text(st, 14, r->site, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, r->created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, r->updated_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode(db->h) ==
	    SQLITE_CONSTRAINT_PRIMARYKEY)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_resident_update(struct db *db, const struct db_resident *r)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db,
	    "UPDATE resident SET name = ?2, initials = ?3, residence = ?4, "
	    "insured_category = ?5, village = ?6, phone = ?7, status = ?8, "
	    "ended_on = ?9, end_reason = ?10, updated_at = ?11 "
	    "WHERE id_number = ?1", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, r->id_number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->initials, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->residence, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->insured_category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, r->village, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, r->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, r->status, -1, SQLITE_STATIC);
	bind_opt(st, 9, r->ended_on);
	bind_opt(st, 10, r->end_reason);
	sqlite3_bind_text(st, 11, r->updated_at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if (rc != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : 1;
}

long
db_resident_count(struct db *db)
{
	sqlite3_stmt *st;
	long n = -1;

	if (db_prepare(db, "SELECT count(*) FROM resident", &st) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	db_finish(db, st);
	return n;
}

void
db_prefix_upper(const char *prefix, char *out, size_t outsz)
{
	size_t n = strlen(prefix);

	snprintf(out, outsz, "%s", prefix);
	if (n == 0 || n >= outsz)
		return;
	/* UTF-8 never holds 0xFF, so the last byte can always grow. */
	out[n - 1] = (char)((unsigned char)out[n - 1] + 1);
}

/*
 * `col >= ?1 AND col < ?2`: a range the planner serves from the column's
 * index (a LIKE would not, as SQLite's LIKE is case-insensitive).
 */
static int
find_range(struct db *db, const char *sql, const char *prefix, int limit,
    db_resident_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	struct db_resident r;
	char upper[256];
	int rc;

	if (strlen(prefix) >= sizeof upper)
		return 0;
	db_prefix_upper(prefix, upper, sizeof upper);
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, &r);
		if (fn(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_resident_find_suffix(struct db *db, const char *suffix, int limit,
    db_resident_fn *fn, void *ctx)
{
	char rev[32];

	reverse(suffix, rev, sizeof rev);
	return find_range(db, "SELECT " RESIDENT_COLS " FROM resident "
	    "WHERE id_reversed >= ?1 AND id_reversed < ?2 "
	    "ORDER BY id_reversed LIMIT ?3", rev, limit, fn, ctx);
}

/*
 * Canonical initials first, then the people one of whose other readings
 * matches and whose canonical one does not (so nobody comes twice); both
 * arms are ranges on an index (resident_initials, the primary key of
 * resident_initials_alt), and UNION ALL streams under the LIMIT.
 */
const char db_resident_initials_sql[] =
    "SELECT " RESIDENT_COLS " FROM resident "
    "WHERE initials >= ?1 AND initials < ?2 "
    "UNION ALL SELECT " RESIDENT_COLS " FROM resident "
    "WHERE id_number IN (SELECT id_number FROM resident_initials_alt "
    "WHERE initials >= ?1 AND initials < ?2) "
    "AND NOT (initials >= ?1 AND initials < ?2) LIMIT ?3";

int
db_resident_find_initials(struct db *db, const char *prefix, int limit,
    db_resident_fn *fn, void *ctx)
{
	return find_range(db, db_resident_initials_sql, prefix, limit, fn,
	    ctx);
}

int
db_resident_find_name(struct db *db, const char *prefix, int limit,
    db_resident_fn *fn, void *ctx)
{
	return find_range(db, "SELECT " RESIDENT_COLS " FROM resident "
	    "WHERE name >= ?1 AND name < ?2 ORDER BY name LIMIT ?3", prefix,
	    limit, fn, ctx);
}

const char db_resident_many_sql[] =
    "SELECT r.id_number, r.name FROM resident_initials_alt a "
    "JOIN resident r ON r.id_number = a.id_number "
    "WHERE a.initials = '" DB_INITIALS_MANY "'";

int
db_resident_scan_many(struct db *db, db_resident_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	struct db_resident r;
	int rc;

	if (db_prepare(db, db_resident_many_sql, &st) !=
	    SQLITE_OK)
		return -1;
	memset(&r, 0, sizeof r);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		copy_col(st, 0, r.id_number, sizeof r.id_number);
		copy_col(st, 1, r.name, sizeof r.name);
		if (fn(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Insert alts[0..n-1] for `id_number`; rc is SQLITE_DONE to go on. */
static int
alt_insert(struct db *db, const char *id_number, const char *const *alts,
    int n, int rc)
{
	sqlite3_stmt *ins;

	if (rc != SQLITE_DONE || n == 0)
		return rc;
	if (db_prepare(db, "INSERT INTO resident_initials_alt "
	    "(initials, id_number) VALUES (?1, ?2)", &ins) != SQLITE_OK)
		return SQLITE_ERROR;
	sqlite3_bind_text(ins, 2, id_number, -1, SQLITE_STATIC);
	for (int i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(ins, 1, alts[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
	}
	db_finish(db, ins);
	return rc;
}

int
db_initials_alt_set(struct db *db, const char *id_number,
    const char *const *alts, int n)
{
	sqlite3_stmt *del;
	int rc;

	/* Kept with the name, not a record: replaced whole on each change. */
	if (db_prepare(db, "DELETE FROM resident_initials_alt "
	    "WHERE id_number = ?1", &del) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(del, 1, id_number, -1, SQLITE_STATIC);
	rc = sqlite3_step(del);
	db_finish(db, del);
	return alt_insert(db, id_number, alts, n, rc) == SQLITE_DONE ? 0 : -1;
}

int
db_initials_alt_add(struct db *db, const char *id_number,
    const char *const *alts, int n)
{
	/* Most names have no other reading: then nothing at all to do. */
	return alt_insert(db, id_number, alts, n, SQLITE_DONE) == SQLITE_DONE ?
	    0 : -1;
}
