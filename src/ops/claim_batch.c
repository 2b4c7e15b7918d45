/*
 * claim_batch.c: a file of claims settled in one transaction (see
 * claim_batch.h).  Each row becomes the claim_request that claim settle's
 * options would make and goes through ops_claim_settle_in_tx, so a claim
 * saved from a batch is the same row, key and audit line as one saved
 * alone; a memo (claim_memo.h) spares reading each person again.  Rows after a bad one are still checked (and settled, to find
 * their problems too); the transaction is rolled back at the end.
 */
#include "config.h"

#include "ops/claim_batch.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/date.h"
#include "core/policy.h"
#include "core/settle.h"
#include "i18n.h"
#include "io/columns.h"
#include "io/csv.h"
#include "io/textfile.h"
#include "db/db.h"
#include "ops/claim.h"
#include "ops/claim_memo.h"

/* A batch file is read whole; a million claims are under 200 MiB. */

/*
 * Pages kept in memory for the batch: the people's rows and the claims
 * written stay there instead of being spilled to the WAL and read back.
 * A bound, not an allocation: a batch of 100,000 claims fills it (about
 * 2.5 KiB of pages a claim, with its indexes and audit line), a small
 * one takes what it needs.
 */
#define BATCH_CACHE_KIB (256 * 1024)

enum bcol {
	BC_ID, BC_KIND, BC_ADMITTED, BC_DISCHARGED, BC_HOSPITAL, BC_LEVEL,
	BC_SCOPE, BC_EMERGENCY, BC_DISEASE, BC_DELIVERY, BC_BABIES,
	BC_MAJOR, BC_TOTAL, BC_OUT_OF_LIST, BC_CLASS_B, BC_IMPORTED,
	BC_IMPORTED_STANDARD, BC_COUNT
};

static const char *const bcol_names[BC_COUNT] = {
	"id", "kind", "admitted", "discharged", "hospital", "level",
	"scope", "emergency", "disease", "delivery", "babies",
	"major_disease", "total", "out_of_list", "class_b", "imported",
	"imported_standard"
};

/* "visit" is admitted's other name, "major" major_disease's. */
static const char *const bcol_aliases[BC_COUNT][COLUMN_ALIASES_MAX] = {
	[BC_ADMITTED] = { "visit", NULL },
	[BC_MAJOR] = { "major", NULL },
};

static const int bcol_need[] = {
	BC_ID, BC_KIND, BC_ADMITTED, BC_HOSPITAL, BC_TOTAL, -1
};

/* "Out-Of-List" is out_of_list; a space is not a '_' in a claims file. */
static const struct column_table bcols = {
	BC_COUNT, bcol_names, bcol_aliases, bcol_need, 0
};

struct run {
	struct ops_session *s;
	struct claim_memo *memo;	/* each person read once */
	struct claim_batch_report *r;
	struct ops_error *err;
	enum ops_status fatal;		/* stop: the file or the database */
	int have_header;
	struct columns cols;		/* the header's columns */
	size_t cap_problems, cap_claims;
	struct claim_result res;
};

static void __attribute__((format(printf, 3, 4)))
problem(struct run *u, long line, const char *fmt, ...)
{
	struct claim_batch_report *r = u->r;
	struct claim_batch_problem *p;
	va_list ap;

	if (array_reserve((void **)&r->problem, &u->cap_problems, r->nproblems,
	    sizeof *r->problem) != 0) {
		u->fatal = ops_fail(u->err, OPS_FAILED, "%s", _("out of memory"));
		return;
	}
	p = &r->problem[r->nproblems++];
	p->line = line;
	va_start(ap, fmt);
	vsnprintf(p->reason, sizeof p->reason, fmt, ap);
	va_end(ap);
}

/* ---- the header --------------------------------------------------------- */

static enum ops_status
header(struct run *u, const struct csv_record *rec)
{
	int at;

	switch (columns_match(&u->cols, &bcols, rec, &at)) {
	case COLUMNS_UNKNOWN:
		return ops_fail(u->err, OPS_INVALID, _("line %ld: the column "
		    "\"%s\" is not a field of a claim; the fields are those "
		    "of claim settle's options, such as id, kind, admitted, "
		    "hospital, total"), rec->line, rec->field[at]);
	case COLUMNS_TWICE:
		return ops_fail(u->err, OPS_INVALID, _("line %ld: the column "
		    "\"%s\" is given twice"), rec->line, bcol_names[at]);
	case COLUMNS_MISSING:
		return ops_fail(u->err, OPS_INVALID, _("line %ld: the column "
		    "\"%s\" is missing; a claim needs id, kind, admitted, "
		    "hospital and total"), rec->line, bcol_names[at]);
	case COLUMNS_OK:
		break;
	}
	return OPS_OK;
}

/* ---- a row -------------------------------------------------------------- */

/* The trimmed value of a column, "" when absent. */
static const char *
get(const struct run *u, const struct csv_record *rec, enum bcol c)
{
	return columns_get(&u->cols, rec, c);
}

static int
bad(struct run *u, long line, enum bcol c, const char *v, const char *why)
{
	problem(u, line, _("%s \"%s\": %s"), bcol_names[c], v, why);
	return -1;
}

static int
small(struct run *u, long line, enum bcol c, const char *v, int lo, int hi,
    int *out)
{
	char *end, why[160];
	long n = strtol(v, &end, 10);

	if (v[0] >= '0' && v[0] <= '9' && *end == '\0' && n >= lo && n <= hi) {
		*out = (int)n;
		return 0;
	}
	snprintf(why, sizeof why, _("a whole number from %d to %d"), lo, hi);
	return bad(u, line, c, v, why);
}

static int
yes_no(struct run *u, long line, enum bcol c, const char *v, bool *out)
{
	if (v[0] == '\0' || strcmp(v, "0") == 0 || strcmp(v, "no") == 0) {
		*out = false;
		return 0;
	}
	if (strcmp(v, "1") == 0 || strcmp(v, "yes") == 0) {
		*out = true;
		return 0;
	}
	return bad(u, line, c, v, _("say yes or no (or 1 or 0)"));
}

static int
money(struct run *u, long line, enum bcol c, const char *v, fen_t *out)
{
	enum money_err e;

	*out = 0;
	if (v[0] == '\0' && c != BC_TOTAL)
		return 0;
	if ((e = money_parse(v, 0, out)) != MONEY_OK)
		return bad(u, line, c, v, money_strerror(e));
	return 0;
}

static int
day(struct run *u, long line, enum bcol c, const char *v, struct date *out)
{
	enum date_err e;

	*out = (struct date){ 0, 0, 0 };
	if (v[0] == '\0' && c == BC_DISCHARGED)
		return 0;
	if ((e = date_parse(v, out)) != DATE_OK)
		return bad(u, line, c, v, date_strerror(e));
	return 0;
}

/* The request a row stands for; -1 after its problems were listed. */
static int
request(struct run *u, const struct csv_record *rec, struct claim_request *q)
{
	long l = rec->line;
	const char *v;
	int bads = 0;

	memset(q, 0, sizeof *q);
	q->scope = SCOPE_LOCAL;
	q->id = get(u, rec, BC_ID);
	q->hospital = get(u, rec, BC_HOSPITAL);
	v = get(u, rec, BC_DISEASE);
	q->disease = v[0] != '\0' ? v : NULL;
	v = get(u, rec, BC_KIND);
	if (claim_kind_from_code(v, &q->kind) != 0)
		bads |= bad(u, l, BC_KIND, v, _("the kind is inpatient, "
		    "accident, outpatient, chronic or maternity"));
	bads |= day(u, l, BC_ADMITTED, get(u, rec, BC_ADMITTED),
	    &q->admitted_on);
	bads |= day(u, l, BC_DISCHARGED, get(u, rec, BC_DISCHARGED),
	    &q->discharged_on);
	if ((v = get(u, rec, BC_LEVEL))[0] != '\0')
		bads |= small(u, l, BC_LEVEL, v, 1, 3, &q->level);
	if ((v = get(u, rec, BC_SCOPE))[0] != '\0' &&
	    scope_from_code(v, &q->scope) != 0)
		bads |= bad(u, l, BC_SCOPE, v, _("the scope is local, county, "
		    "city or province"));
	bads |= yes_no(u, l, BC_EMERGENCY, get(u, rec, BC_EMERGENCY),
	    &q->emergency);
	bads |= yes_no(u, l, BC_MAJOR, get(u, rec, BC_MAJOR),
	    &q->major_disease);
	v = get(u, rec, BC_DELIVERY);
	if (strcmp(v, "normal") == 0)
		q->delivery = DELIVERY_NORMAL;
	else if (strcmp(v, "difficult") == 0)
		q->delivery = DELIVERY_DIFFICULT;
	else if (v[0] != '\0')
		bads |= bad(u, l, BC_DELIVERY, v, _("the delivery is normal or "
		    "difficult"));
	if ((v = get(u, rec, BC_BABIES))[0] != '\0')
		bads |= small(u, l, BC_BABIES, v, 1, SETTLE_BABIES_MAX,
		    &q->babies);
	bads |= money(u, l, BC_TOTAL, get(u, rec, BC_TOTAL), &q->total);
	bads |= money(u, l, BC_OUT_OF_LIST, get(u, rec, BC_OUT_OF_LIST),
	    &q->out_of_list);
	bads |= money(u, l, BC_CLASS_B, get(u, rec, BC_CLASS_B), &q->class_b);
	bads |= money(u, l, BC_IMPORTED, get(u, rec, BC_IMPORTED),
	    &q->imported);
	bads |= money(u, l, BC_IMPORTED_STANDARD,
	    get(u, rec, BC_IMPORTED_STANDARD), &q->imported_standard);
	return bads;
}

static void
settled(struct run *u, long line)
{
	struct claim_batch_report *r = u->r;
	const struct settlement *t = &u->res.settlement;
	struct claim_batch_row *w;

	if (array_reserve((void **)&r->claim, &u->cap_claims, r->nclaims,
	    sizeof *r->claim) != 0) {
		u->fatal = ops_fail(u->err, OPS_FAILED, "%s", _("out of memory"));
		return;
	}
	w = &r->claim[r->nclaims++];
	w->line = line;
	snprintf(w->key, sizeof w->key, "%s", u->res.key);
	snprintf(w->id_number, sizeof w->id_number, "%s", u->res.id_number);
	w->total = t->total;
	w->fund = t->fund;
	w->serious = t->serious;
	w->assistance = t->assistance;
	w->personal = t->personal;
	r->total += t->total;
	r->fund += t->fund;
	r->serious += t->serious;
	r->assistance += t->assistance;
	r->personal += t->personal;
}

static int
on_record(void *ctx, const struct csv_record *rec)
{
	struct run *u = ctx;
	struct claim_request q;
	struct ops_error e;
	enum ops_status st;

	if (!u->have_header) {
		u->have_header = 1;
		u->fatal = header(u, rec);
		return u->fatal != OPS_OK;
	}
	u->r->rows++;
	if (request(u, rec, &q) != 0)
		return u->fatal != OPS_OK;
	st = ops_claim_settle_memo(u->s, u->memo, &q, &u->res, &e);
	if (st == OPS_OK)
		settled(u, rec->line);
	else if (st == OPS_FAILED || st == OPS_DENIED)
		u->fatal = ops_fail(u->err, st, _("line %ld: %s"), rec->line,
		    e.msg);
	else
		problem(u, rec->line, "%s", e.msg);
	return u->fatal != OPS_OK;
}

/* ---- the file ----------------------------------------------------------- */

/* Commit, or roll back after a problem or for a dry run. */
static enum ops_status
finish(struct ops_session *s, struct run *u, int dry_run,
    struct ops_error *err)
{
	struct claim_batch_report *report = u->r;
	enum ops_status st;

	if (u->fatal == OPS_OK && !u->have_header)
		u->fatal = ops_fail(err, OPS_INVALID, "%s", _("the file is "
		    "empty: it needs a header line and one claim a line"));
	if (u->fatal == OPS_OK && report->rows == 0)
		u->fatal = ops_fail(err, OPS_INVALID, "%s", _("the file has a "
		    "header but no claims"));
	if (u->fatal == OPS_OK && report->nproblems > 0)
		u->fatal = ops_fail(err, OPS_INVALID, _("%ld of %ld claims are "
		    "refused: nothing was saved"),
		    report->rows - (long)report->nclaims, report->rows);
	if (u->fatal != OPS_OK || dry_run) {
		ops_rollback(s);
		if (u->fatal != OPS_OK)
			report->nclaims = 0;
		/* A dry run's numbers were never given out. */
		for (size_t i = 0; i < report->nclaims; i++)
			report->claim[i].key[0] = '\0';
		return u->fatal;
	}
	if ((st = ops_commit(s, err)) != OPS_OK) {
		report->nclaims = 0;
		return st;
	}
	report->written = 1;
	return OPS_OK;
}

enum ops_status
ops_claim_batch(struct ops_session *s, FILE *f, int dry_run,
    struct claim_batch_report *report, struct ops_error *err)
{
	struct run u = { .s = s, .r = report, .err = err, .fatal = OPS_OK };
	struct db_bulk bulk;
	struct csv *p;
	enum ops_status st;
	size_t len;
	char *text, why[256];
	int rc;

	memset(report, 0, sizeof *report);
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	if ((text = textfile_read_utf8(f, &len, report->encoding,
	    sizeof report->encoding, why, sizeof why)) == NULL)
		return ops_fail(err, OPS_INVALID, "%s", why);
	if ((p = csv_new(0)) == NULL || (u.memo = claim_memo_new()) == NULL) {
		csv_free(p);
		free(text);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	/* Only faster: a batch that could not have them runs without. */
	db_bulk_begin(s->db, BATCH_CACHE_KIB, &bulk);
	if ((st = ops_begin(s, err)) != OPS_OK) {
		db_bulk_end(s->db, &bulk);
		claim_memo_free(u.memo);
		csv_free(p);
		free(text);
		return st;
	}
	rc = csv_feed(p, text, len, 1, on_record, &u);
	if (rc < 0 && u.fatal == OPS_OK)
		u.fatal = ops_fail(err, OPS_INVALID, _("line %ld: %s"),
		    csv_error_line(p), csv_strerror(csv_status(p)));
	claim_memo_free(u.memo);
	csv_free(p);
	free(text);
	st = finish(s, &u, dry_run, err);
	db_bulk_end(s->db, &bulk);
	return st;
}

void
claim_batch_report_free(struct claim_batch_report *r)
{
	free(r->claim);
	free(r->problem);
	r->claim = NULL;
	r->problem = NULL;
}
