/*
 * pay_batch.c: a collector's list of contributions paid in one
 * transaction (see pay_batch.h).  The rows are read and checked first,
 * then grouped onto receipts, then each receipt goes through
 * ops_pay_in_tx.  A person the op refuses is listed with the line and
 * left out, and the rest of the receipt is tried again, so every bad row
 * is found in one reading; the transaction is then rolled back.
 */
#include "config.h"

#include "ops/pay_batch.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/date.h"
#include "core/idcard.h"
#include "db/payment.h"
#include "db/tx.h"
#include "i18n.h"
#include "io/columns.h"
#include "io/csv.h"
#include "io/roster.h"
#include "io/textfile.h"

enum pcol {
	PC_ID, PC_GROUP, PC_NAME, PC_YEAR, PC_DATE, PC_LATE_CASE,
	PC_EMPLOYEE_ENDED_ON, PC_COUNT
};

static const char *const pcol_names[PC_COUNT] = {
	"id", "group", "name", "year", "date", "late_case",
	"employee_ended_on"
};

/* Other names a collector's list gives the columns. */
static const char *const pcol_aliases[PC_COUNT][COLUMN_ALIASES_MAX] = {
	[PC_ID] = { "id_number", "身份证号码", "身份证号", "公民身份号码",
	    "证件号码", "身份证", NULL },
	[PC_GROUP] = { "receipt", "household", "户号", "收据号", "组号",
	    "分组", NULL },
	[PC_NAME] = { "姓名", NULL },
	[PC_YEAR] = { "缴费年度", "年度", NULL },
	[PC_DATE] = { "paid_on", "缴费日期", "日期", NULL },
	[PC_LATE_CASE] = { "补缴情形", NULL },
	[PC_EMPLOYEE_ENDED_ON] = { "职工医保终止日期", NULL },
};

static const int pcol_need[] = { PC_ID, -1 };

/* "Paid On" is paid_on: a list's headers are typed with spaces. */
static const struct column_table pcols = {
	PC_COUNT, pcol_names, pcol_aliases, pcol_need,
	COLUMNS_SPACE_IS_UNDERSCORE
};

/* One person's row, as read. */
struct row {
	long line;
	char id[IDCARD_LEN + 1];	/* 18 digits */
	char name[97];
	char *group;			/* malloc'd grouping key */
	int year;
	struct date date, ended;
	enum late_case late_case;
	int dropped;			/* listed as a problem */
};

struct run {
	struct ops_session *s;
	struct pay_batch_report *r;
	struct ops_error *err;
	enum ops_status fatal;		/* stop: the file or the database */
	int have_header;
	struct columns cols;		/* the header's columns */
	struct row *row;
	size_t nrows, cap_rows, cap_problems, cap_receipts, cap_persons;
};

static void
nomem(struct run *u)
{
	u->fatal = ops_fail(u->err, OPS_FAILED, "%s", _("out of memory"));
}

static void __attribute__((format(printf, 3, 4)))
problem(struct run *u, long line, const char *fmt, ...)
{
	struct pay_batch_report *r = u->r;
	struct pay_batch_problem *p;
	va_list ap;

	if (array_reserve((void **)&r->problem, &u->cap_problems, r->nproblems,
	    sizeof *r->problem) != 0) {
		nomem(u);
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
	enum columns_status st;
	int at;

	if ((st = columns_match(&u->cols, &pcols, rec, &at)) == COLUMNS_OK)
		return OPS_OK;
	if (st == COLUMNS_MISSING)	/* the only column required */
		return ops_fail(u->err, OPS_INVALID, _("line %ld: the column "
		    "\"id\" (身份证号码) is missing: whom is each row for?"),
		    rec->line);
	if (st == COLUMNS_TWICE)
		return ops_fail(u->err, OPS_INVALID, _("line %ld: the column "
		    "\"%s\" is given twice"), rec->line, pcol_names[at]);
	return ops_fail(u->err, OPS_INVALID, _("line %ld: the column \"%s\" is "
	    "not a field of a payment; the fields are id, group, name, year, "
	    "date, late_case and employee_ended_on (or 身份证号码, 户号, 姓名, "
	    "缴费年度, 缴费日期)"), rec->line, rec->field[at]);
}

/* ---- a row -------------------------------------------------------------- */

static const char *
get(const struct run *u, const struct csv_record *rec, enum pcol c)
{
	return columns_get(&u->cols, rec, c);
}

static int
bad(struct run *u, long line, enum pcol c, const char *v, const char *why)
{
	problem(u, line, _("%s \"%s\": %s"), pcol_names[c], v, why);
	return -1;
}

static int
day(struct run *u, long line, enum pcol c, const char *v, struct date *out)
{
	char iso[11];
	enum date_err e;

	*out = (struct date){ 0, 0, 0 };
	if (v[0] == '\0')
		return 0;
	/* 2021/1/5 and 2021年1月5日 as a spreadsheet writes them. */
	if (roster_date(v, iso) == 0 && date_parse(iso, out) == DATE_OK)
		return 0;
	if ((e = date_parse(v, out)) != DATE_OK)
		return bad(u, line, c, v, date_strerror(e));
	return 0;
}

static int
read_id(struct run *u, long line, const char *v, struct row *w)
{
	struct idcard card;
	enum idcard_err e;
	const char *why;

	if (v[0] == '\0') {
		problem(u, line, "%s", _("the ID number is missing"));
		return -1;
	}
	if (roster_id_damaged(v, &why))
		return bad(u, line, PC_ID, v, why);
	if ((e = idcard_parse(v, u->s->today, &card)) != IDCARD_OK) {
		problem(u, line, _("%s: %s"), v, idcard_strerror(e));
		return -1;
	}
	memcpy(w->id, card.number, sizeof w->id);
	return 0;
}

/* The receipt a row goes on: its group, else its household, else itself. */
static int
group_of(struct run *u, const char *g, struct row *w)
{
	struct db_pay_person p;
	char key[160];
	int rc;

	if (g[0] != '\0')
		snprintf(key, sizeof key, "g:%s", g);
	else if ((rc = db_payment_person(u->s->db, w->id, &p)) < 0) {
		u->fatal = ops_fail(u->err, OPS_FAILED, _("the resident could "
		    "not be read: %s"), db_errmsg(u->s->db));
		return -1;
	} else if (rc == 0 && p.household[0] != '\0')
		snprintf(key, sizeof key, "h:%s", p.household);
	else
		snprintf(key, sizeof key, "p:%s", w->id);
	if ((w->group = strdup(key)) == NULL) {
		nomem(u);
		return -1;
	}
	return 0;
}

static int
read_row(struct run *u, const struct csv_record *rec, struct row *w)
{
	long l = rec->line;
	const char *v;
	int bads = 0;
	char *end;

	memset(w, 0, sizeof *w);
	w->line = l;
	bads |= read_id(u, l, get(u, rec, PC_ID), w);
	snprintf(w->name, sizeof w->name, "%s", get(u, rec, PC_NAME));
	if ((v = get(u, rec, PC_YEAR))[0] != '\0') {
		long y = strtol(v, &end, 10);

		if (*end != '\0' || y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
			bads |= bad(u, l, PC_YEAR, v, _("a year, such as "
			    "2021"));
		else
			w->year = (int)y;
	}
	bads |= day(u, l, PC_DATE, get(u, rec, PC_DATE), &w->date);
	bads |= day(u, l, PC_EMPLOYEE_ENDED_ON,
	    get(u, rec, PC_EMPLOYEE_ENDED_ON), &w->ended);
	if ((v = get(u, rec, PC_LATE_CASE))[0] != '\0' &&
	    late_case_from_code(v, &w->late_case) != 0)
		bads |= bad(u, l, PC_LATE_CASE, v, _("the late case is "
		    "graduate, released or employee_ended"));
	if (bads == 0 && (w->ended.y != 0) !=
	    (w->late_case == LATE_CASE_EMPLOYEE_ENDED))
		bads |= bad(u, l, PC_EMPLOYEE_ENDED_ON,
		    get(u, rec, PC_EMPLOYEE_ENDED_ON), _("it goes with the "
		    "late case employee_ended, and that case needs it"));
	if (bads != 0)
		return -1;
	return group_of(u, get(u, rec, PC_GROUP), w);
}

static int
on_record(void *ctx, const struct csv_record *rec)
{
	struct run *u = ctx;

	if (!u->have_header) {
		u->have_header = 1;
		u->fatal = header(u, rec);
		return u->fatal != OPS_OK;
	}
	u->r->rows++;
	if (array_reserve((void **)&u->row, &u->cap_rows, u->nrows, sizeof *u->row)
	    != 0) {
		nomem(u);
		return 1;
	}
	if (read_row(u, rec, &u->row[u->nrows]) == 0)
		u->nrows++;
	else
		free(u->row[u->nrows].group);
	return u->fatal != OPS_OK;
}

/* ---- the receipts ------------------------------------------------------- */

static const struct row *sort_rows;

static int
by_id(const void *a, const void *b)
{
	const struct row *x = &sort_rows[*(const size_t *)a];
	const struct row *y = &sort_rows[*(const size_t *)b];
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

static int
by_group(const void *a, const void *b)
{
	const struct row *x = &sort_rows[*(const size_t *)a];
	const struct row *y = &sort_rows[*(const size_t *)b];
	int c = strcmp(x->group, y->group);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* A person twice in the file pays once: the later rows are refused. */
static void
duplicates(struct run *u, size_t *ix)
{
	size_t first = 0;

	for (size_t i = 0; i < u->nrows; i++)
		ix[i] = i;
	sort_rows = u->row;
	qsort(ix, u->nrows, sizeof *ix, by_id);
	for (size_t i = 1; i < u->nrows; i++) {
		struct row *w = &u->row[ix[i]];

		if (strcmp(u->row[ix[first]].id, w->id) != 0) {
			first = i;
			continue;
		}
		problem(u, w->line, _("%s is also on line %ld: a person pays "
		    "once"), w->id, u->row[ix[first]].line);
		w->dropped = 1;
	}
}

/* The rows of one receipt agree on what pay's options would say. */
static int
same_terms(const struct row *a, const struct row *b)
{
	return a->year == b->year && date_cmp(a->date, b->date) == 0 &&
	    a->late_case == b->late_case && date_cmp(a->ended, b->ended) == 0;
}

static void
paid(struct run *u, const struct pay_receipt *pr, struct row *const *who)
{
	struct pay_batch_report *r = u->r;
	struct pay_batch_receipt *c;

	if (array_reserve((void **)&r->receipt, &u->cap_receipts, r->nreceipts,
	    sizeof *r->receipt) != 0) {
		nomem(u);
		return;
	}
	c = &r->receipt[r->nreceipts++];
	memset(c, 0, sizeof *c);
	c->line = who[0]->line;
	snprintf(c->receipt, sizeof c->receipt, "%s", pr->receipt);
	snprintf(c->household, sizeof c->household, "%s",
	    pr->household_number);
	c->paid_on = pr->paid_on;
	c->year = pr->year;
	c->n = pr->n;
	c->first = r->npersons;
	c->total = pr->total;
	c->total_standard = pr->total_standard;
	c->total_subsidy = pr->total_subsidy;
	r->total += pr->total;
	r->total_standard += pr->total_standard;
	r->total_subsidy += pr->total_subsidy;
	for (int i = 0; i < pr->n; i++) {
		const struct pay_member *m = &pr->m[i];
		struct pay_batch_person *p;

		if (array_reserve((void **)&r->person, &u->cap_persons, r->npersons,
		    sizeof *r->person) != 0) {
			nomem(u);
			return;
		}
		p = &r->person[r->npersons++];
		p->line = who[i]->line;
		snprintf(p->key, sizeof p->key, "%s", m->key);
		snprintf(p->id_number, sizeof p->id_number, "%s", m->id_number);
		snprintf(p->name, sizeof p->name, "%s", m->name);
		p->standard = m->c.standard;
		p->subsidy = m->c.subsidy;
		p->due = m->c.due;
		p->subsidy_category = m->c.subsidy_category;
		if (who[i]->name[0] != '\0' &&
		    strcmp(who[i]->name, m->name) != 0)
			problem(u, who[i]->line, _("the ID number %s is %s's, "
			    "not %s's: check the number"), m->id_number,
			    m->name, who[i]->name);
	}
}

/* Pay one receipt; a refused person is listed and the rest tried again. */
static void
pay_group(struct run *u, struct row **who, int n, struct pay_receipt *pr)
{
	struct pay_request q;
	struct ops_error e;
	enum ops_status st;
	int bad;

	while (n > 0 && u->fatal == OPS_OK) {
		memset(&q, 0, sizeof q);
		q.year = who[0]->year;
		q.date = who[0]->date;
		q.late_case = who[0]->late_case;
		q.employee_ended_on = who[0]->ended;
		q.nids = n;
		for (int i = 0; i < n; i++)
			q.ids[i] = who[i]->id;
		st = ops_pay_in_tx(u->s, &q, pr, &bad, &e);
		if (st == OPS_OK) {
			paid(u, pr, who);
			return;
		}
		if (st == OPS_FAILED || st == OPS_DENIED) {
			u->fatal = ops_fail(u->err, st, _("line %ld: %s"),
			    who[bad >= 0 ? bad : 0]->line, e.msg);
			return;
		}
		if (bad < 0) {
			problem(u, who[0]->line, "%s", e.msg);
			return;
		}
		problem(u, who[bad]->line, "%s", e.msg);
		memmove(&who[bad], &who[bad + 1],
		    (size_t)(n - bad - 1) * sizeof *who);
		n--;
	}
}

struct group {
	size_t start, n;		/* in the sorted index */
	long line;			/* its first row */
};

static int
by_line(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

static void
pay_all(struct run *u)
{
	struct row *who[PAY_MEMBERS_MAX];
	struct pay_receipt *pr;
	struct group *g;
	size_t *ix, ng = 0;

	ix = calloc(u->nrows + 1, sizeof *ix);
	g = calloc(u->nrows + 1, sizeof *g);
	pr = calloc(1, sizeof *pr);
	if (ix == NULL || g == NULL || pr == NULL) {
		nomem(u);
		goto out;
	}
	duplicates(u, ix);
	sort_rows = u->row;
	qsort(ix, u->nrows, sizeof *ix, by_group);
	for (size_t i = 0; i < u->nrows; i++)
		if (i == 0 || strcmp(u->row[ix[i]].group,
		    u->row[ix[i - 1]].group) != 0) {
			g[ng].start = i;
			g[ng].line = u->row[ix[i]].line;
			g[ng++].n = 1;
		} else
			g[ng - 1].n++;
	/* Receipts are numbered in the order the file gives them. */
	qsort(g, ng, sizeof *g, by_line);
	for (size_t k = 0; k < ng && u->fatal == OPS_OK; k++) {
		int n = 0;

		for (size_t i = g[k].start; i < g[k].start + g[k].n; i++) {
			struct row *w = &u->row[ix[i]];

			if (w->dropped)
				continue;
			if (n > 0 && !same_terms(who[0], w)) {
				problem(u, w->line, _("the year, date and late "
				    "case differ from line %ld, whose receipt "
				    "this row shares"), who[0]->line);
			} else if (n == PAY_MEMBERS_MAX) {
				problem(u, w->line, _("at most %d people can "
				    "be on one receipt"), PAY_MEMBERS_MAX);
			} else
				who[n++] = w;
		}
		/* Paid even when a row was refused, to find its other
		 * problems; then never committed. */
		pay_group(u, who, n, pr);
	}
out:
	free(ix);
	free(g);
	free(pr);
}

/* ---- the file ----------------------------------------------------------- */

struct order {
	long line;
	size_t at;
};

static int
problem_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	return (x->at > y->at) - (x->at < y->at);
}

/* Problems in line order, a line's own in the order found; the rows. */
static long
sort_problems(struct run *u)
{
	struct pay_batch_report *r = u->r;
	struct pay_batch_problem *p;
	struct order *o;
	long rows = 0;

	if ((o = calloc(r->nproblems, sizeof *o)) == NULL ||
	    (p = calloc(r->nproblems, sizeof *p)) == NULL) {
		free(o);
		nomem(u);
		return 0;
	}
	for (size_t i = 0; i < r->nproblems; i++)
		o[i] = (struct order){ r->problem[i].line, i };
	qsort(o, r->nproblems, sizeof *o, problem_order);
	for (size_t i = 0; i < r->nproblems; i++) {
		p[i] = r->problem[o[i].at];
		rows += i == 0 || o[i].line != o[i - 1].line;
	}
	free(o);
	free(r->problem);
	r->problem = p;
	u->cap_problems = r->nproblems;
	return rows;
}

static enum ops_status
finish(struct run *u, int dry_run)
{
	struct pay_batch_report *r = u->r;
	enum ops_status st;

	if (u->fatal == OPS_OK && !u->have_header)
		u->fatal = ops_fail(u->err, OPS_INVALID, "%s", _("the file is "
		    "empty: it needs a header line and one person a line"));
	if (u->fatal == OPS_OK && r->rows == 0)
		u->fatal = ops_fail(u->err, OPS_INVALID, "%s", _("the file has "
		    "a header but no one to pay for"));
	if (u->fatal == OPS_OK && r->nproblems > 0) {
		long bad = sort_problems(u);

		if (u->fatal == OPS_OK)
			u->fatal = ops_fail(u->err, OPS_INVALID, _("%ld of %ld "
			    "rows are refused: nothing was paid"), bad,
			    r->rows);
	}
	if (u->fatal != OPS_OK || dry_run) {
		ops_rollback(u->s);
		if (u->fatal != OPS_OK)
			r->nreceipts = r->npersons = 0;
		/* A dry run's numbers were never given out. */
		for (size_t i = 0; i < r->nreceipts; i++)
			r->receipt[i].receipt[0] = '\0';
		for (size_t i = 0; i < r->npersons; i++)
			r->person[i].key[0] = '\0';
		return u->fatal;
	}
	if ((st = ops_commit(u->s, u->err)) != OPS_OK) {
		r->nreceipts = r->npersons = 0;
		return st;
	}
	r->written = 1;
	return OPS_OK;
}

enum ops_status
ops_pay_batch(struct ops_session *s, FILE *f, int dry_run,
    struct pay_batch_report *report, struct ops_error *err)
{
	struct run u = { .s = s, .r = report, .err = err, .fatal = OPS_OK };
	struct csv *p;
	enum ops_status st;
	char why[512];
	size_t len;
	char *text;
	int rc;

	memset(report, 0, sizeof *report);
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK)
		return st;
	if (s->policy == NULL)
		return ops_fail(err, OPS_INVALID, "%s", _("this office has no "
		    "policy pack: an administrator must choose one first"));
	if ((text = textfile_read_utf8(f, &len, report->encoding,
	    sizeof report->encoding, why, sizeof why)) == NULL)
		return ops_fail(err, OPS_INVALID, "%s", why);
	if ((p = csv_new(0)) == NULL) {
		free(text);
		return ops_fail(err, OPS_FAILED, "%s", _("out of memory"));
	}
	if ((st = ops_begin(s, err)) != OPS_OK) {
		csv_free(p);
		free(text);
		return st;
	}
	rc = csv_feed(p, text, len, 1, on_record, &u);
	if (rc < 0 && u.fatal == OPS_OK)
		u.fatal = ops_fail(err, OPS_INVALID, _("line %ld: %s"),
		    csv_error_line(p), csv_strerror(csv_status(p)));
	csv_free(p);
	free(text);
	if (u.fatal == OPS_OK && u.nrows > 0)
		pay_all(&u);
	for (size_t i = 0; i < u.nrows; i++)
		free(u.row[i].group);
	free(u.row);
	return finish(&u, dry_run);
}

void
pay_batch_report_free(struct pay_batch_report *r)
{
	free(r->receipt);
	free(r->person);
	free(r->problem);
	r->receipt = NULL;
	r->person = NULL;
	r->problem = NULL;
}
