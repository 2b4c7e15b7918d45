/* import.c: a roster into the database, all or nothing. */
#include "config.h"

#include "ops/import.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/policy.h"
#include "db/category.h"
#include "db/household.h"
#include "db/resident.h"
#include "db/sync_capture.h"
#include "db/tx.h"
#include "i18n.h"
#include "io/csv.h"
#include "io/detect.h"
#include "io/encode.h"
#include "ops/category.h"
#include "ops/household.h"
#include "ops/resident.h"

#define CHUNK 65536
/*
 * Pages SQLite may keep in memory during an import (KiB).  A page pushed
 * out of the cache in the import's one transaction is appended to the
 * WAL, and each later read of it searches the WAL's index, which grows
 * with every such page: at a million rows with 64 MiB, a third of the
 * import's time was that (bench/README.md).  256 MiB holds most of the
 * pages a county's roster writes at random (the residents and their
 * indexes); it is a bound, not a share of the file, so memory stays flat,
 * and a small import never fills it.
 */
#define IMPORT_CACHE_KIB 262144

/* Rows between two writes of the night sync's capture (db_capture_flush). */
#define IMPORT_CAPTURE_ROWS 5000

enum outcome { ROW_UNCHANGED, ROW_CHANGED, ROW_ADDED };

/* A member row whose household did not exist yet: done after all rows. */
struct deferred {
	long line;
	char id[19], head[19], number[40], relation[16], village[128];
	char raw_number[64];
	enum outcome was;
};

struct run {
	struct ops_session *s;
	const struct import_options *o;
	struct import_report *r;
	struct ops_error *err;
	int header_seen;
	struct roster_map map;
	char header[RC_COUNT][64];	/* the file's names of the columns */
	enum category cat;		/* the category to record */
	int use_category;		/* residents: record the category column */
	enum ops_status fatal;		/* stops the run: err is set */
	struct deferred *def;
	size_t ndef, capdef;
	uint64_t bytes, total;
	int row_bad;			/* the current row has a problem */
	/*
	 * The household of the last row and its head (rc of db_member_head),
	 * as read: a roster lists a household's members one after another,
	 * and only the import writes in its transaction, so the next row of
	 * the same household needs neither look-up again.  Forgotten after
	 * a move, the one write of the import that can take a head away.
	 */
	int last_ok;
	struct db_household last;
	struct db_member last_head;
	int last_head_rc;
};

void
import_report_free(struct import_report *r)
{
	free(r->problem);
	r->problem = NULL;
	r->nproblems = 0;
}

static void
copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static void
problem(struct run *u, long line, enum roster_col c, const char *value,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
problem(struct run *u, long line, enum roster_col c, const char *value,
    const char *fmt, ...)
{
	struct import_report *r = u->r;
	struct import_problem *p;
	va_list ap;

	if (!u->row_bad)
		r->bad_rows++;
	u->row_bad = 1;
	if (r->nproblems % 64 == 0) {
		p = realloc(r->problem, (r->nproblems + 64) * sizeof *p);
		if (p == NULL) {
			u->fatal = ops_fail(u->err, OPS_FAILED,
			    _("out of memory"));
			return;
		}
		r->problem = p;
	}
	p = &r->problem[r->nproblems++];
	p->line = line;
	copy(p->column, sizeof p->column, u->header[c][0] ? u->header[c] :
	    roster_col_name(c));
	copy(p->value, sizeof p->value, value);
	va_start(ap, fmt);
	vsnprintf(p->reason, sizeof p->reason, fmt, ap);
	va_end(ap);
}

/* The trimmed value of a column, NULL when absent or empty. */
static char *
get(const struct run *u, const struct csv_record *rec, enum roster_col c)
{
	int i = u->map.col[c];
	char *v;

	if (i < 0 || (size_t)i >= rec->n)
		return NULL;
	v = roster_trim(rec->field[i]);
	return *v ? v : NULL;
}

/* ---- the header ------------------------------------------------------- */

static int
required(const struct run *u, enum roster_col c)
{
	if (c == RC_ID)
		return 1;
	if (u->o->kind == IMPORT_CATEGORIES)
		return 0;
	return c == RC_NAME || c == RC_VILLAGE;
}

static int
header(struct run *u, const struct csv_record *rec)
{
	struct roster_map *m = &u->map;

	u->header_seen = 1;
	if (roster_map_header(rec->field, rec->n, m) != 0) {
		u->fatal = ops_fail(u->err, OPS_INVALID, _("line %ld: the "
		    "columns \"%s\" and \"%s\" both hold the %s: keep one of "
		    "them"), rec->line, rec->field[m->col[m->dup_col]],
		    rec->field[m->duplicate], roster_col_name(m->dup_col));
		return 1;
	}
	for (int c = 0; c < RC_COUNT; c++) {
		if (m->col[c] >= 0)
			copy(u->header[c], sizeof u->header[c],
			    roster_trim(rec->field[m->col[c]]));
		else if (required(u, c)) {
			u->fatal = ops_fail(u->err, OPS_INVALID, _("the file "
			    "has no %s column (line %ld is read as the header): "
			    "add it, named for example %s"), roster_col_name(c),
			    rec->line, c == RC_ID ? "身份证号" : c == RC_NAME ?
			    "姓名" : "村(社区)");
			return 1;
		}
	}
	for (int i = 0; i < m->nunknown; i++)
		copy(u->r->unknown[i], sizeof u->r->unknown[i],
		    rec->field[m->unknown[i]]);
	u->r->nunknown = m->nunknown;
	if (u->o->kind == IMPORT_RESIDENTS && m->col[RC_CATEGORY] >= 0 &&
	    !u->use_category)
		u->r->category_ignored = 1;
	return 0;
}

/* ---- values ----------------------------------------------------------- */

/* The ID of a row, normalized into id; 0 ok, -1 a problem noted. */
static int
row_id(struct run *u, const struct csv_record *rec, enum roster_col c,
    char id[19])
{
	const char *v = get(u, rec, c), *why;
	struct ops_error e;

	if (v == NULL) {
		if (c == RC_ID)
			problem(u, rec->line, c, "", _("the ID number is "
			    "empty"));
		return -1;
	}
	if (roster_id_damaged(v, &why)) {
		problem(u, rec->line, c, v, "%s", why);
		return -1;
	}
	if (ops_id_normalize(u->s, v, id, &e) != OPS_OK) {
		problem(u, rec->line, c, v, "%s", e.msg);
		return -1;
	}
	return 0;
}

/* A pack category by its Chinese label or its code. */
static int
category_of(const struct policy *p, const char *v, enum category *out)
{
	for (int c = 0; c < CAT_COUNT; c++) {
		if (!(p->categories & CATSET(c)))
			continue;
		if (strcmp(p->category_label[c], v) == 0 ||
		    strcmp(category_code((enum category)c), v) == 0) {
			*out = (enum category)c;
			return 0;
		}
	}
	return -1;
}

/* ---- categories ------------------------------------------------------- */

/* Record category `c` for `id` from valid_from, unless already held. */
static enum outcome
hold_category(struct run *u, long line, enum roster_col col, const char *v,
    const char *id, enum category c)
{
	struct period_input in = {
		.id = id, .code = category_code(c),
		.from = u->o->valid_from, .to = u->o->valid_to,
		.department = u->o->department,
	};
	struct db_period p;
	struct ops_error e;
	enum ops_status st;
	int rc;

	rc = db_period_on(u->s->db, DB_CATEGORY, id, in.code, in.from, &p);
	if (rc < 0) {
		u->fatal = ops_fail(u->err, OPS_FAILED, "%s",
		    db_errmsg(u->s->db));
		return ROW_UNCHANGED;
	}
	if (rc == 0)
		return ROW_UNCHANGED;	/* held that day already */
	if ((st = ops_category_add_in_tx(u->s, &in, &e)) != OPS_OK) {
		if (st == OPS_FAILED)
			u->fatal = ops_fail(u->err, st, "%s", e.msg);
		else
			problem(u, line, col, v, "%s", e.msg);
		return ROW_UNCHANGED;
	}
	return ROW_CHANGED;
}

static void
count(struct run *u, enum outcome o)
{
	if (u->row_bad)
		return;
	if (o == ROW_ADDED)
		u->r->added++;
	else if (o == ROW_CHANGED)
		u->r->changed++;
	else
		u->r->unchanged++;
}

static void
category_row(struct run *u, const struct csv_record *rec)
{
	struct db_resident res;
	char id[19];
	const char *name;
	int rc;

	if (row_id(u, rec, RC_ID, id) != 0)
		return;
	if ((rc = db_resident_get(u->s->db, id, &res)) < 0) {
		u->fatal = ops_fail(u->err, OPS_FAILED, "%s",
		    db_errmsg(u->s->db));
		return;
	}
	if (rc == 1) {
		problem(u, rec->line, RC_ID, get(u, rec, RC_ID), _("no "
		    "resident has this ID number: register the person first"));
		return;
	}
	name = get(u, rec, RC_NAME);
	if (name != NULL && strcmp(name, res.name) != 0) {
		problem(u, rec->line, RC_NAME, name, _("the ID number is "
		    "registered to %s, not to %s: check the row with the "
		    "department"), res.name, name);
		return;
	}
	/* A category import counts periods: added, or held already. */
	count(u, hold_category(u, rec->line, RC_ID, get(u, rec, RC_ID), id,
	    u->cat) == ROW_CHANGED ? ROW_ADDED : ROW_UNCHANGED);
}

/* ---- residents -------------------------------------------------------- */

struct row {
	char id[19], head[19];
	const char *raw_id, *name, *sex, *raw_sex, *birth, *number, *relation;
	const char *village, *residence, *insured, *phone, *category;
	int has_head;
	enum category cat;
};

/* Read and check a row's values; problems are noted. */
static void
read_row(struct run *u, const struct csv_record *rec, struct row *w)
{
	const char *v;
	char birth[11];

	memset(w, 0, sizeof *w);
	w->raw_id = get(u, rec, RC_ID);
	row_id(u, rec, RC_ID, w->id);
	if ((w->name = get(u, rec, RC_NAME)) == NULL)
		problem(u, rec->line, RC_NAME, "", _("the name is empty"));
	if ((w->village = get(u, rec, RC_VILLAGE)) == NULL)
		problem(u, rec->line, RC_VILLAGE, "", _("the village or "
		    "community is empty"));
	if ((v = w->raw_sex = get(u, rec, RC_SEX)) != NULL &&
	    (w->sex = roster_sex(v)) == NULL)
		problem(u, rec->line, RC_SEX, v, _("the sex is not %s or %s"), "男", "女");
	if ((v = get(u, rec, RC_BIRTH)) != NULL) {
		if (roster_date(v, birth) != 0)
			problem(u, rec->line, RC_BIRTH, v, _("the birth date "
			    "is not a date: write it as 1990-01-31"));
		else
			w->birth = v;
	}
	if ((v = get(u, rec, RC_RESIDENCE)) != NULL &&
	    (w->residence = roster_residence(v)) == NULL)
		problem(u, rec->line, RC_RESIDENCE, v, _("the residence is "
		    "not %s or %s (rural or urban)"), "农业", "非农业");
	if ((v = get(u, rec, RC_INSURED)) != NULL &&
	    (w->insured = roster_insured(v)) == NULL)
		problem(u, rec->line, RC_INSURED, v, _("unknown insured "
		    "category: use %s"), "农村居民, 城镇居民, 中小学生, "
		    "大学生, 居住证, 灵活就业");
	if ((v = get(u, rec, RC_RELATION)) != NULL &&
	    (w->relation = roster_relation(v)) == NULL)
		problem(u, rec->line, RC_RELATION, v, _("unknown relation: "
		    "use %s"), "户主, 配偶, 子女, 父母, 孙子女, 祖父母, "
		    "兄弟姐妹, 其他");
	w->phone = get(u, rec, RC_PHONE);
	w->number = get(u, rec, RC_HOUSEHOLD);
	if (get(u, rec, RC_HEAD_ID) != NULL)
		w->has_head = row_id(u, rec, RC_HEAD_ID, w->head) == 0;
	if (u->use_category && (w->category = get(u, rec, RC_CATEGORY)) !=
	    NULL && category_of(u->s->policy, w->category, &w->cat) != 0)
		problem(u, rec->line, RC_CATEGORY, w->category, _("the pack "
		    "%s has no category of this name: see its list of "
		    "categories"),
		    u->s->policy->id);
	if (w->number != NULL && get(u, rec, RC_RELATION) == NULL &&
	    !(w->has_head &&
	    strcmp(w->head, w->id) == 0))
		problem(u, rec->line, RC_RELATION, "", _("the row gives a "
		    "household but not the relation to its head (%s)"),
		    "与户主关系");
}

/* 1 if the birth column agrees with the ID's date. */
static int
same_birth(const char *col, const char *birth)
{
	char d[11];

	return col == NULL || (roster_date(col, d) == 0 &&
	    strcmp(d, birth) == 0);
}

static enum outcome
resident_row(struct run *u, long line, struct row *w)
{
	struct resident_input in;
	struct resident_change c;
	struct db_resident old;
	struct ops_error e;
	enum ops_status st;
	char birth[11];
	int rc, changed = 0;

	if ((rc = db_resident_get(u->s->db, w->id, &old)) < 0) {
		u->fatal = ops_fail(u->err, OPS_FAILED, "%s",
		    db_errmsg(u->s->db));
		return ROW_UNCHANGED;
	}
	if (rc == 1) {
		if (w->residence == NULL) {
			problem(u, line, RC_RESIDENCE, "", _("a new resident "
			    "needs the residence (%s: %s or %s)"), "户口性质",
			    "农业", "非农业");
			return ROW_UNCHANGED;
		}
		memset(&in, 0, sizeof in);
		in.id_number = w->id;
		in.name = w->name;
		in.residence = w->residence;
		in.insured = w->insured ? w->insured :
		    strcmp(w->residence, "rural") == 0 ? "rural_resident" :
		    "urban_non_employed";
		in.village = w->village;
		in.phone = w->phone;
		in.sex = w->sex;
		if (w->birth != NULL && roster_date(w->birth, birth) == 0)
			in.birth = birth;
		st = ops_resident_add_in_tx(u->s, &in, NULL, &e);
		if (st == OPS_FAILED)
			u->fatal = ops_fail(u->err, st, "%s", e.msg);
		else if (st != OPS_OK)
			problem(u, line, RC_ID, w->raw_id, "%s", e.msg);
		return ROW_ADDED;
	}
	if (w->sex != NULL && strcmp(w->sex, old.sex) != 0) {
		problem(u, line, RC_SEX, w->raw_sex, _("the ID number says %s"),
		    resident_sex_label(old.sex));
		return ROW_UNCHANGED;
	}
	if (!same_birth(w->birth, old.birth)) {
		problem(u, line, RC_BIRTH, w->birth, _("the ID number says "
		    "born on %s"), old.birth);
		return ROW_UNCHANGED;
	}
	memset(&c, 0, sizeof c);
	c.name = w->name;
	c.village = w->village;
	c.phone = w->phone;
	c.residence = w->residence;
	c.insured = w->insured;
	st = ops_resident_edit_in_tx(u->s, w->id, &c, &changed, &e);
	if (st == OPS_FAILED)
		u->fatal = ops_fail(u->err, st, "%s", e.msg);
	else if (st != OPS_OK)
		problem(u, line, RC_ID, w->raw_id, "%s", e.msg);
	return changed ? ROW_CHANGED : ROW_UNCHANGED;
}

/* An op's failure on the household column. */
static void
household_failed(struct run *u, long line, const char *number,
    enum ops_status st, const struct ops_error *e)
{
	if (st == OPS_FAILED)
		u->fatal = ops_fail(u->err, st, "%s", e->msg);
	else
		problem(u, line, RC_HOUSEHOLD, number, "%s", e->msg);
}

/* The household `number` and its head, from the last row or read. */
static int
household_of(struct run *u, const char *number, struct db_household *h,
    struct db_member *hd, int *head_rc)
{
	int rc;

	if (u->last_ok && strcmp(u->last.number, number) == 0) {
		*h = u->last;
		*hd = u->last_head;
		*head_rc = u->last_head_rc;
		return 0;
	}
	u->last_ok = 0;
	/* The roster's 户号 are this office's own. */
	if ((rc = db_household_get(u->s->db, u->s->site, number, h)) != 0)
		return rc;
	if ((*head_rc = db_member_head(u->s->db, h->key, hd)) < 0)
		return -1;
	u->last = *h;
	u->last_head = *hd;
	u->last_head_rc = *head_rc;
	u->last_ok = 1;
	return 0;
}

/*
 * Put the person in the household as the row says.  Returns 1 if
 * something was written, 0 if it already was so, -1 to defer (the
 * household does not exist and the row is not its head's).  `fresh`: the
 * row registered the person just now, so they are in no household.
 */
static int
join_household(struct run *u, long line, const char *id, const char *number,
    const char *head, const char *relation, const char *village, int last,
    int fresh)
{
	struct db_household h;
	struct db_member m, hd;
	struct ops_error e;
	enum ops_status st;
	int is_head = (relation && strcmp(relation, "head") == 0) ||
	    (head && strcmp(head, id) == 0);
	int rc, head_rc = 1;

	if ((rc = household_of(u, number, &h, &hd, &head_rc)) < 0)
		goto dberr;
	if (rc == 1) {
		if (!is_head && !last)
			return -1;
		if (!is_head && head == NULL) {
			problem(u, line, RC_HOUSEHOLD, number, _("household %s "
			    "does not exist and no row names its head: add the "
			    "head's row or the head's ID number (%s)"),
			    number, "户主身份证号");
			return 0;
		}
		u->last_ok = 0;		/* read again once it exists */
		st = ops_household_create_in_tx(u->s, number, village,
		    is_head ? id : head, &e);
		if (st != OPS_OK) {
			household_failed(u, line, number, st, &e);
			return 0;
		}
		if (is_head)
			return 1;
		st = ops_household_add_in_tx(u->s, number, id, relation, &e);
		if (st != OPS_OK)
			household_failed(u, line, number, st, &e);
		return 1;
	}
	if (head_rc == 0 && ((is_head && strcmp(hd.id_number, id) != 0) ||
	    (head && strcmp(hd.id_number, head) != 0))) {
		problem(u, line, RC_HOUSEHOLD, number, _("the head of household "
		    "%s is %s (%s), not as this row says: to change the head, "
		    "make another member head"), number, hd.name,
		    hd.id_number);
		return 0;
	}
	if (fresh)
		rc = 1;
	else if ((rc = db_member_current(u->s->db, id, &m)) < 0)
		goto dberr;
	if (rc == 0 && strcmp(m.household, h.key) == 0) {
		if (!is_head && strcmp(m.relation, relation) != 0)
			problem(u, line, RC_RELATION, relation, _("the "
			    "household records the relation as %s"),
			    household_relation_label(m.relation));
		return 0;
	}
	if (is_head) {
		problem(u, line, RC_HOUSEHOLD, number, _("household %s has no "
		    "head to replace: add the person as a member first, then "
		    "make them head"), number);
		return 0;
	}
	if (rc == 0)
		u->last_ok = 0;	/* a move may leave a household headless */
	st = rc == 0 ? ops_household_move_in_tx(u->s, id, number, relation,
	    &e) : ops_household_add_in_tx(u->s, number, id, relation, &e);
	if (st != OPS_OK)
		household_failed(u, line, number, st, &e);
	return 1;
dberr:
	u->fatal = ops_fail(u->err, OPS_FAILED, "%s", db_errmsg(u->s->db));
	return 0;
}

static void
defer(struct run *u, long line, const struct row *w, enum outcome was)
{
	struct deferred *d;

	if (u->ndef == u->capdef) {
		size_t cap = u->capdef ? u->capdef * 2 : 16;

		if ((d = realloc(u->def, cap * sizeof *d)) == NULL) {
			u->fatal = ops_fail(u->err, OPS_FAILED,
			    _("out of memory"));
			return;
		}
		u->def = d;
		u->capdef = cap;
	}
	d = &u->def[u->ndef++];
	memset(d, 0, sizeof *d);
	d->line = line;
	copy(d->id, sizeof d->id, w->id);
	copy(d->head, sizeof d->head, w->has_head ? w->head : "");
	copy(d->number, sizeof d->number, w->number);
	copy(d->relation, sizeof d->relation, w->relation);
	copy(d->village, sizeof d->village, w->village);
	d->was = was;
}

static void
residents_row(struct run *u, const struct csv_record *rec)
{
	struct row w;
	enum outcome o;
	int rc;

	read_row(u, rec, &w);
	if (u->row_bad)
		return;
	o = resident_row(u, rec->line, &w);
	if (u->row_bad || u->fatal)
		return;
	if (w.number != NULL) {
		rc = join_household(u, rec->line, w.id, w.number,
		    w.has_head ? w.head : NULL, w.relation, w.village, 0,
		    o == ROW_ADDED);
		if (rc < 0) {
			defer(u, rec->line, &w, o);
			return;		/* counted when done */
		}
		if (rc > 0 && o == ROW_UNCHANGED)
			o = ROW_CHANGED;
	}
	if (w.category != NULL && hold_category(u, rec->line, RC_CATEGORY,
	    w.category, w.id, w.cat) == ROW_CHANGED && o == ROW_UNCHANGED)
		o = ROW_CHANGED;
	count(u, o);
}

/*
 * Put the problems of deferred rows among the others, in line order: both
 * runs, [0, mid) from the stream and [mid, n) from finish_deferred, are
 * each in line order already (the fuzz target for ops_import found them
 * listed after rows further down the file).
 */
static void
merge_problems(struct run *u, size_t mid)
{
	struct import_report *r = u->r;
	struct import_problem *m;
	size_t i = 0, j = mid, k = 0;

	if (mid == 0 || mid == r->nproblems ||
	    r->problem[mid - 1].line <= r->problem[mid].line)
		return;
	if ((m = malloc(r->nproblems * sizeof *m)) == NULL) {
		u->fatal = ops_fail(u->err, OPS_FAILED, _("out of memory"));
		return;
	}
	while (i < mid || j < r->nproblems)
		m[k++] = j == r->nproblems || (i < mid &&
		    r->problem[i].line <= r->problem[j].line) ?
		    r->problem[i++] : r->problem[j++];
	memcpy(r->problem, m, r->nproblems * sizeof *m);
	free(m);
}

static void
finish_deferred(struct run *u)
{
	size_t mid = u->r->nproblems;

	for (size_t i = 0; i < u->ndef && !u->fatal; i++) {
		struct deferred *d = &u->def[i];
		int rc;

		u->row_bad = 0;
		rc = join_household(u, d->line, d->id, d->number,
		    d->head[0] ? d->head : NULL, d->relation, d->village, 1,
		    0);
		count(u, rc > 0 && d->was == ROW_UNCHANGED ? ROW_CHANGED :
		    d->was);
	}
	merge_problems(u, mid);
}

/* ---- the stream ------------------------------------------------------- */

static int
on_record(void *ctx, const struct csv_record *rec)
{
	struct run *u = ctx;

	if (u->o->interrupted != NULL && *u->o->interrupted) {
		u->r->interrupted = 1;
		return 1;
	}
	if (!u->header_seen)
		return header(u, rec);
	u->r->rows++;
	u->row_bad = 0;
	if (u->o->kind == IMPORT_CATEGORIES)
		category_row(u, rec);
	else
		residents_row(u, rec);
	if (u->o->progress != NULL && u->r->rows % IMPORT_PROGRESS_ROWS == 0)
		u->o->progress(u->o->progress_ctx, u->r->rows, u->bytes,
		    u->total);
	/* The night sync's record of the rows so far, so memory stays flat. */
	if (u->r->rows % IMPORT_CAPTURE_ROWS == 0 && u->fatal == OPS_OK &&
	    db_capture_flush(u->s->db) != 0)
		u->fatal = ops_fail(u->err, OPS_FAILED, _("the changes could "
		    "not be recorded for the night sync: %s"),
		    db_errmsg(u->s->db));
	return u->fatal != OPS_OK;
}

/* Detect the encoding over the whole file; 0 ok, else err is set. */
static enum ops_status
detect_file(struct run *u, FILE *f, struct detect_result *dr)
{
	struct detect d;
	char *buf = malloc(CHUNK);
	size_t n;

	if (buf == NULL)
		return ops_fail(u->err, OPS_FAILED, _("out of memory"));
	detect_init(&d);
	while ((n = fread(buf, 1, CHUNK, f)) > 0) {
		if (u->o->interrupted != NULL && *u->o->interrupted) {
			free(buf);
			u->r->interrupted = 1;
			return ops_fail(u->err, OPS_FAILED, _("interrupted: "
			    "nothing was imported"));
		}
		detect_feed(&d, buf, n);
	}
	free(buf);
	if (ferror(f))
		return ops_fail(u->err, OPS_FAILED, _("the file could not be "
		    "read"));
	u->total = d.offset;
	if (detect_finish(&d, u->o->encoding, dr) != 0)
		return ops_fail(u->err, OPS_INVALID, _("unknown encoding "
		    "\"%s\": use utf-8 or gb18030"), u->o->encoding);
	if (dr->enc == DETECT_UTF16)
		return ops_fail(u->err, OPS_INVALID, _("the file is UTF-16 "
		    "(Excel's \"Unicode text\"): open it in Excel and save it "
		    "as \"CSV (comma delimited)\" or \"CSV UTF-8\", then import "
		    "that file"));
	if (dr->enc == DETECT_INVALID && u->o->encoding != NULL)
		return ops_fail(u->err, OPS_INVALID, _("the file is not valid "
		    "%s: line %ld, byte %llu is not a character of it; check "
		    "--encoding, or open the file in Excel and save it as CSV "
		    "again"), u->o->encoding, dr->bad_line,
		    (unsigned long long)dr->bad_offset);
	if (dr->enc == DETECT_INVALID)
		return ops_fail(u->err, OPS_INVALID, _("the file is neither "
		    "UTF-8 nor GB18030: line %ld, byte %llu is not a character "
		    "of either; open the file in Excel and save it as CSV "
		    "again"), dr->bad_line,
		    (unsigned long long)dr->bad_offset);
	if (fseek(f, 0, SEEK_SET) != 0)
		return ops_fail(u->err, OPS_INVALID, _("the file cannot be read "
		    "twice: give a file, not a pipe"));
	return OPS_OK;
}

/* Feed UTF-8 to the CSV reader; 0 go on, else stop. */
static int
to_csv(struct run *u, struct csv *p, const char *data, size_t len, int last)
{
	int rc = csv_feed(p, data, len, last, on_record, u);

	if (rc < 0 && u->fatal == OPS_OK)
		u->fatal = ops_fail(u->err, OPS_INVALID, _("line %ld: %s"),
		    csv_error_line(p), csv_strerror(csv_status(p)));
	return rc != 0 || u->fatal != OPS_OK || u->r->interrupted;
}

/* Read, convert and parse the file (after detect_file). */
static void
stream(struct run *u, FILE *f, const struct detect_result *dr)
{
	struct encode_error ee;
	struct encode_buf out = { 0 };
	struct encoder *enc = NULL;
	struct gb_euro g = { 0 };
	struct csv *p = csv_new(0);
	char *buf = malloc(CHUNK), *fix = malloc(2 * CHUNK), msg[256];
	size_t n, skip = dr->bom;
	int last = 0;

	if (p == NULL || buf == NULL || fix == NULL || (dr->enc ==
	    DETECT_GB18030 && (enc = encoder_open("UTF-8", "GB18030", &ee)) ==
	    NULL)) {
		u->fatal = ops_fail(u->err, OPS_FAILED, _("out of memory"));
		goto out;
	}
	while (!last) {
		const char *data = buf;

		n = fread(buf, 1, CHUNK, f);
		last = n < CHUNK;
		u->bytes += n;
		if (skip > 0) {		/* the byte-order mark */
			size_t k = skip < n ? skip : n;

			data += k;
			n -= k;
			skip -= k;
		}
		if (enc == NULL) {
			if (to_csv(u, p, data, n, last))
				break;
			continue;
		}
		n = gb_euro_filter(&g, data, n, fix);
		out.len = 0;
		if (encoder_feed(enc, fix, n, last, &out, &ee) != 0) {
			u->fatal = ops_fail(u->err, OPS_INVALID, "%s",
			    encode_strerror(&ee, msg, sizeof msg));
			break;
		}
		if (to_csv(u, p, out.data, out.len, last))
			break;
	}
	if (ferror(f) && u->fatal == OPS_OK)
		u->fatal = ops_fail(u->err, OPS_FAILED, _("the file could not "
		    "be read"));
out:
	encode_buf_free(&out);
	if (enc != NULL)
		encoder_close(enc);
	csv_free(p);
	free(buf);
	free(fix);
}

/* Check the options before reading a byte. */
static enum ops_status
check_options(struct run *u)
{
	const struct import_options *o = u->o;
	struct date d;

	if (o->kind == IMPORT_RESIDENTS && (o->valid_from == NULL) !=
	    (o->department == NULL))
		return ops_fail(u->err, OPS_INVALID, _("to record the category "
		    "column give both --valid-from and --department"));
	u->use_category = o->kind == IMPORT_CATEGORIES ||
	    o->valid_from != NULL;
	if (!u->use_category)
		return OPS_OK;
	if (u->s->policy == NULL)
		return ops_fail(u->err, OPS_INVALID, _("this office has no "
		    "policy pack: an administrator must choose one first"));
	if (o->kind == IMPORT_CATEGORIES && (o->category == NULL ||
	    category_of(u->s->policy, o->category, &u->cat) != 0))
		return ops_fail(u->err, OPS_INVALID, _("give a category of the "
		    "pack %s (--category CODE): see its list of categories"),
		    u->s->policy->id);
	if (o->valid_from == NULL || date_parse(o->valid_from, &d) != DATE_OK)
		return ops_fail(u->err, OPS_INVALID, _("give the first valid "
		    "day as YYYY-MM-DD (--valid-from)"));
	if (o->valid_to != NULL && date_parse(o->valid_to, &d) != DATE_OK)
		return ops_fail(u->err, OPS_INVALID, _("the last valid day "
		    "\"%s\" is not a date: use YYYY-MM-DD (--valid-to)"),
		    o->valid_to);
	if (o->department == NULL || *o->department == '\0')
		return ops_fail(u->err, OPS_INVALID, _("give the department "
		    "that sent the list (--department NAME)"));
	return OPS_OK;
}

static enum ops_status
summary_audit(struct run *u)
{
	struct audit_json j;
	char n[3][24];

	snprintf(n[0], sizeof n[0], "%ld", u->r->added);
	snprintf(n[1], sizeof n[1], "%ld", u->r->changed);
	snprintf(n[2], sizeof n[2], "%ld", u->r->unchanged);
	audit_json_init(&j);
	audit_json_str(&j, "file", u->o->file_name);
	audit_json_str(&j, "encoding", u->r->encoding);
	if (u->o->kind == IMPORT_CATEGORIES)
		audit_json_str(&j, "category", category_code(u->cat));
	audit_json_str(&j, "added", n[0]);
	audit_json_str(&j, "changed", n[1]);
	audit_json_str(&j, "unchanged", n[2]);
	return ops_audit(u->s, u->o->kind == IMPORT_CATEGORIES ?
	    "import.categories" : "import.residents",
	    u->o->file_name ? u->o->file_name : "-", NULL,
	    audit_json_end(&j), u->use_category, u->err);
}

/* The import's one transaction, after the file was checked. */
static enum ops_status
import_tx(struct run *u, FILE *f, const struct detect_result *dr)
{
	struct ops_session *s = u->s;
	struct import_report *r = u->r;
	struct ops_error *err = u->err;
	enum ops_status st;

	if ((st = ops_begin(s, err)) != OPS_OK)
		return st;
	stream(u, f, dr);
	if (u->fatal == OPS_OK && !r->interrupted)
		finish_deferred(u);
	free(u->def);
	if (r->interrupted)
		st = ops_fail(err, OPS_FAILED, _("interrupted: nothing was "
		    "imported"));
	else if (u->fatal != OPS_OK)
		st = u->fatal;
	else if (!u->header_seen)
		st = ops_fail(err, OPS_INVALID, _("the file is empty: it has "
		    "no header line"));
	else if (r->nproblems > 0)
		st = ops_fail(err, OPS_INVALID, ngettext("%ld row has a "
		    "problem: nothing was imported; correct it and import the "
		    "file again", "%ld rows have problems: nothing was "
		    "imported; correct them and import the file again",
		    (unsigned long)r->bad_rows), r->bad_rows);
	if (st != OPS_OK || u->o->dry_run || r->added + r->changed == 0) {
		ops_rollback(s);	/* nothing to keep, or nothing may be */
		return st;
	}
	if ((st = summary_audit(u)) != OPS_OK ||
	    (st = ops_commit(s, err)) != OPS_OK) {
		ops_rollback(s);
		return st;
	}
	r->written = 1;
	return OPS_OK;
}

enum ops_status
ops_import(struct ops_session *s, FILE *f, const struct import_options *o,
    struct import_report *r, struct ops_error *err)
{
	struct detect_result dr;
	struct db_bulk bulk;
	struct run u;
	enum ops_status st;

	memset(r, 0, sizeof *r);
	memset(&u, 0, sizeof u);
	u.s = s;
	u.o = o;
	u.r = r;
	u.err = err;
	if ((st = ops_require(s, ROLE_CLERK, err)) != OPS_OK ||
	    (st = check_options(&u)) != OPS_OK ||
	    (st = detect_file(&u, f, &dr)) != OPS_OK)
		return st;
	copy(r->encoding, sizeof r->encoding, detect_name(dr.enc));
	r->bom = dr.bom > 0;
	db_bulk_begin(s->db, IMPORT_CACHE_KIB, &bulk);
	st = import_tx(&u, f, &dr);
	/* The terminal interface goes on with this connection: give the
	 * import's cache back. */
	db_bulk_end(s->db, &bulk);
	return st;
}
