/* claim.c: saved settlements and the pack texts they were settled by. */
#include "db/claim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
col(sqlite3_stmt *st, int i, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	snprintf(buf, bufsz, "%s", t ? (const char *)t : "");
}

/* NULL for "", so optional columns stay NULL in the table. */
static void
bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v[0] != '\0')
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* NULL for 0. */
static void
bind_opt_int(sqlite3_stmt *st, int i, int v)
{
	if (v != 0)
		sqlite3_bind_int(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int
db_claim_insert(struct db *db, const struct db_claim *c)
{
	static const char sql[] =
	    "INSERT INTO claim (key, id_number, kind, benefit_year, "
	    "admitted_on, discharged_on, hospital, level, scope, emergency, "
	    "registration, disease, major_disease, delivery, babies, total, "
	    "out_of_list, class_b, imported, imported_standard, categories, "
	    "residence, chronic_qualified, ineligible, ineligible_until, ytd, "
	    "imported_excess, imported_selfpay, class_b_selfpay, range, "
	    "deductible, ratio, penalty, fund, penalty_part, serious_base, "
	    "serious, assistance_base, assistance, personal, reverses, reason, "
	    "settled_on, at, operator, site, policy_id, policy_hash) VALUES ("
	    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
	    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
	    "?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, "
	    "?42, ?43, ?44, ?45, ?46, ?47, ?48)";
	const int64_t money[] = {
		c->total, c->out_of_list, c->class_b, c->imported,
		c->imported_standard
	};
	const int64_t figures[] = {
		c->imported_excess, c->imported_selfpay, c->class_b_selfpay,
		c->range, c->deductible, c->ratio, c->penalty, c->fund,
		c->penalty_part, c->serious_base, c->serious,
		c->assistance_base, c->assistance, c->personal
	};
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	bind_text(st, 1, c->key);
	bind_text(st, 2, c->id_number);
	bind_text(st, 3, c->kind);
	sqlite3_bind_int(st, 4, c->benefit_year);
	bind_text(st, 5, c->admitted_on);
	bind_opt(st, 6, c->discharged_on);
	bind_text(st, 7, c->hospital);
	bind_opt_int(st, 8, c->level);
	bind_text(st, 9, c->scope);
	sqlite3_bind_int(st, 10, c->emergency != 0);
	bind_opt(st, 11, c->registration);
	bind_opt(st, 12, c->disease);
	sqlite3_bind_int(st, 13, c->major_disease != 0);
	bind_opt(st, 14, c->delivery);
	bind_opt_int(st, 15, c->babies);
	for (int i = 0; i < 5; i++)
		sqlite3_bind_int64(st, 16 + i, money[i]);
	bind_text(st, 21, c->categories);
	bind_text(st, 22, c->residence);
	sqlite3_bind_int(st, 23, c->chronic_qualified != 0);
	bind_opt(st, 24, c->ineligible);
	bind_opt(st, 25, c->ineligible_until);
	bind_text(st, 26, c->ytd);
	for (int i = 0; i < 14; i++)
		sqlite3_bind_int64(st, 27 + i, figures[i]);
	bind_opt(st, 41, c->reverses);
	bind_opt(st, 42, c->reason);
	bind_text(st, 43, c->settled_on);
	bind_text(st, 44, c->at);
	bind_text(st, 45, c->operator_login);
	bind_text(st, 46, c->site);
	bind_text(st, 47, c->policy_id);
	bind_text(st, 48, c->policy_hash);
	rc = sqlite3_step(st);
	db_finish(db, st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

#define SELECT_CLAIM \
	"SELECT c.key, c.id_number, c.kind, c.benefit_year, c.admitted_on, " \
	"c.discharged_on, c.hospital, c.level, c.scope, c.emergency, " \
	"c.registration, c.disease, c.major_disease, c.delivery, c.babies, " \
	"c.total, c.out_of_list, c.class_b, c.imported, " \
	"c.imported_standard, c.categories, c.residence, " \
	"c.chronic_qualified, c.ineligible, c.ineligible_until, c.ytd, " \
	"c.imported_excess, c.imported_selfpay, c.class_b_selfpay, " \
	"c.range, c.deductible, c.ratio, c.penalty, c.fund, " \
	"c.penalty_part, c.serious_base, c.serious, c.assistance_base, " \
	"c.assistance, c.personal, c.reverses, c.reason, c.settled_on, " \
	"c.at, c.operator, c.site, c.policy_id, c.policy_hash, r.name, " \
	"o.display_name, x.key, x.reason " \
	"FROM claim c JOIN resident r ON r.id_number = c.id_number " \
	"LEFT JOIN operator o ON o.login = c.operator " \
	"LEFT JOIN claim x ON x.reverses = c.key "

static void
read_claim(sqlite3_stmt *st, struct db_claim *c)
{
	int64_t *money[] = {
		&c->total, &c->out_of_list, &c->class_b, &c->imported,
		&c->imported_standard
	};
	int64_t *figures[] = {
		&c->imported_excess, &c->imported_selfpay, &c->class_b_selfpay,
		&c->range, &c->deductible, &c->ratio, &c->penalty, &c->fund,
		&c->penalty_part, &c->serious_base, &c->serious,
		&c->assistance_base, &c->assistance, &c->personal
	};

	memset(c, 0, sizeof *c);
	col(st, 0, c->key, sizeof c->key);
	col(st, 1, c->id_number, sizeof c->id_number);
	col(st, 2, c->kind, sizeof c->kind);
	c->benefit_year = sqlite3_column_int(st, 3);
	col(st, 4, c->admitted_on, sizeof c->admitted_on);
	col(st, 5, c->discharged_on, sizeof c->discharged_on);
	col(st, 6, c->hospital, sizeof c->hospital);
	c->level = sqlite3_column_int(st, 7);
	col(st, 8, c->scope, sizeof c->scope);
	c->emergency = sqlite3_column_int(st, 9);
	col(st, 10, c->registration, sizeof c->registration);
	col(st, 11, c->disease, sizeof c->disease);
	c->major_disease = sqlite3_column_int(st, 12);
	col(st, 13, c->delivery, sizeof c->delivery);
	c->babies = sqlite3_column_int(st, 14);
	for (int i = 0; i < 5; i++)
		*money[i] = sqlite3_column_int64(st, 15 + i);
	col(st, 20, c->categories, sizeof c->categories);
	col(st, 21, c->residence, sizeof c->residence);
	c->chronic_qualified = sqlite3_column_int(st, 22);
	col(st, 23, c->ineligible, sizeof c->ineligible);
	col(st, 24, c->ineligible_until, sizeof c->ineligible_until);
	col(st, 25, c->ytd, sizeof c->ytd);
	for (int i = 0; i < 14; i++)
		*figures[i] = sqlite3_column_int64(st, 26 + i);
	col(st, 40, c->reverses, sizeof c->reverses);
	col(st, 41, c->reason, sizeof c->reason);
	col(st, 42, c->settled_on, sizeof c->settled_on);
	col(st, 43, c->at, sizeof c->at);
	col(st, 44, c->operator_login, sizeof c->operator_login);
	col(st, 45, c->site, sizeof c->site);
	col(st, 46, c->policy_id, sizeof c->policy_id);
	col(st, 47, c->policy_hash, sizeof c->policy_hash);
	col(st, 48, c->name, sizeof c->name);
	col(st, 49, c->operator_name, sizeof c->operator_name);
	col(st, 50, c->reversed_by, sizeof c->reversed_by);
	col(st, 51, c->reversal_reason, sizeof c->reversal_reason);
}

int
db_claim_get(struct db *db, const char *key, struct db_claim *out)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, SELECT_CLAIM "WHERE c.key = ?1", &st) != SQLITE_OK)
		return -1;
	bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_claim(st, out);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int
db_claim_ytd(struct db *db, const char *id_number, int year,
    const char *disease, struct db_claim_ytd *o)
{
	/*
	 * One pass over the person's rows of the year (index
	 * claim_person_year).  Outpatient range counts only where the
	 * benefit applied (ratio > 0): a claim refused by the pack (before
	 * the benefit began, chronic-qualified) does not eat the deductible.
	 */
	static const char sql[] =
	    "SELECT "
	    "coalesce(sum(CASE WHEN kind IN ('inpatient', 'accident') "
	    "  THEN fund END), 0), "
	    "coalesce(sum(CASE WHEN kind = 'accident' THEN fund END), 0), "
	    "coalesce(sum(CASE WHEN kind = 'outpatient' AND ratio > 0 "
	    "  THEN range END), 0), "
	    "coalesce(sum(CASE WHEN kind = 'outpatient' THEN fund END), 0), "
	    "coalesce(sum(CASE WHEN kind = 'chronic' AND disease = ?3 "
	    "  THEN fund END), 0), "
	    "coalesce(sum(serious_base), 0), coalesce(sum(serious), 0), "
	    "coalesce(sum(assistance_base), 0), coalesce(sum(assistance), 0) "
	    "FROM claim WHERE id_number = ?1 AND benefit_year = ?2";
	int64_t *v[] = {
		&o->inpatient_fund, &o->accident_fund, &o->outpatient_range,
		&o->outpatient_fund, &o->chronic_fund, &o->serious_base,
		&o->serious_paid, &o->assistance_base, &o->assistance_paid
	};
	sqlite3_stmt *st;
	int rc;

	memset(o, 0, sizeof *o);
	if (db_prepare(db, sql, &st) != SQLITE_OK)
		return -1;
	bind_text(st, 1, id_number);
	sqlite3_bind_int(st, 2, year);
	bind_text(st, 3, disease != NULL ? disease : "");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		for (int i = 0; i < 9; i++)
			*v[i] = sqlite3_column_int64(st, i);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
db_claim_list(struct db *db, const char *id_number, int year,
    db_claim_fn *fn, void *ctx)
{
	struct db_claim *c;
	sqlite3_stmt *st;
	int rc;

	if ((c = malloc(sizeof *c)) == NULL)
		return -1;
	if (db_prepare(db, SELECT_CLAIM "WHERE c.id_number = ?1 "
	    "AND c.benefit_year = ?2 ORDER BY c.at, c.key", &st) != SQLITE_OK) {
		free(c);
		return -1;
	}
	bind_text(st, 1, id_number);
	sqlite3_bind_int(st, 2, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_claim(st, c);
		if (fn(ctx, c) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	db_finish(db, st);
	free(c);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_policy_text_has(struct db *db, const char *hash)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT 1 FROM policy_text WHERE "
	    "hash = ?1 AND position = 0", &st) != SQLITE_OK)
		return -1;
	bind_text(st, 1, hash);
	rc = sqlite3_step(st);
	db_finish(db, st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
db_policy_text_insert(struct db *db, const char *hash, int position,
    const char *id, const char *file, const char *text)
{
	sqlite3_stmt *st;
	int rc;

	/* OR IGNORE: a text once stored is never replaced (nor can be). */
	if (db_prepare(db, "INSERT OR IGNORE INTO policy_text "
	    "(hash, position, id, file, text) VALUES (?1, ?2, ?3, ?4, ?5)",
	    &st) != SQLITE_OK)
		return -1;
	bind_text(st, 1, hash);
	sqlite3_bind_int(st, 2, position);
	bind_text(st, 3, id);
	bind_text(st, 4, file);
	bind_text(st, 5, text);
	rc = sqlite3_step(st);
	db_finish(db, st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
db_policy_text_get(struct db *db, const char *hash,
    struct db_policy_chain *out)
{
	sqlite3_stmt *st;
	int rc, pos;
	const unsigned char *t;

	memset(out, 0, sizeof *out);
	if (db_prepare(db, "SELECT position, id, file, text FROM "
	    "policy_text WHERE hash = ?1 ORDER BY position",
	    &st) != SQLITE_OK)
		return -1;
	bind_text(st, 1, hash);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pos = sqlite3_column_int(st, 0);
		/* Positions run 0, 1, 2...: a gap is a damaged chain. */
		if (pos != out->n || out->n >= SOURCE_MAX) {
			rc = SQLITE_CORRUPT;
			break;
		}
		col(st, 1, out->id[pos], sizeof out->id[pos]);
		col(st, 2, out->file[pos], sizeof out->file[pos]);
		t = sqlite3_column_text(st, 3);
		if ((out->text[pos] = strdup(t ? (const char *)t : "")) ==
		    NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		out->n++;
	}
	db_finish(db, st);
	if (rc != SQLITE_DONE) {
		db_policy_chain_free(out);
		return -1;
	}
	return out->n > 0 ? 0 : 1;
}

void
db_policy_chain_free(struct db_policy_chain *c)
{
	for (int i = 0; i < c->n && i < SOURCE_MAX; i++)
		free(c->text[i]);
	c->n = 0;
}
