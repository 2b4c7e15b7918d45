/*
 * claim_memo.c: the people of a batch of claims, each read once (see
 * claim_memo.h).  An open-addressing table keyed by the ID number.
 */
#include "config.h"

#include "ops/claim_memo.h"

#include <stdlib.h>
#include <string.h>

#include "ops/payment.h"

struct claim_memo {
	struct claim_person **slot;	/* NULL = empty */
	size_t cap;			/* a power of two */
	size_t n;
	int policy_stored;
};

struct claim_memo *
claim_memo_new(void)
{
	struct claim_memo *m = calloc(1, sizeof *m);

	if (m == NULL)
		return NULL;
	m->cap = 1024;
	if ((m->slot = calloc(m->cap, sizeof *m->slot)) == NULL) {
		free(m);
		return NULL;
	}
	return m;
}

static void
person_free(struct claim_person *p)
{
	if (p == NULL)
		return;
	free(p->lines);
	free(p->cats);
	free(p->quals);
	free(p->ytd);
	free(p);
}

void
claim_memo_free(struct claim_memo *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->cap; i++)
		person_free(m->slot[i]);
	free(m->slot);
	free(m);
}

static size_t
hash_id(const char *id)
{
	size_t h = 2166136261u;

	for (; *id != '\0'; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

/* The slot of `id`: its person, or the empty slot where it belongs. */
static struct claim_person **
find(struct claim_memo *m, const char *id)
{
	size_t i = hash_id(id) & (m->cap - 1);

	while (m->slot[i] != NULL && strcmp(m->slot[i]->res.id_number, id) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

/* Twice the slots, at most half of them full; 0 ok. */
static int
grow(struct claim_memo *m)
{
	struct claim_memo bigger = *m;

	bigger.cap = m->cap * 2;
	if ((bigger.slot = calloc(bigger.cap, sizeof *bigger.slot)) == NULL)
		return -1;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slot[i] != NULL)
			*find(&bigger, m->slot[i]->res.id_number) = m->slot[i];
	free(m->slot);
	*m = bigger;
	return 0;
}

struct periods {
	struct db_period *p;
	size_t n, cap;
	int failed;
};

static int
collect_period(void *ctx, const struct db_period *p)
{
	struct periods *x = ctx;
	struct db_period *q;

	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 4;
		if ((q = realloc(x->p, x->cap * sizeof *q)) == NULL) {
			x->failed = 1;
			return 1;
		}
		x->p = q;
	}
	x->p[x->n++] = *p;
	return 0;
}

/* Every period of the person in table `t`, any day; 0 ok. */
static int
read_periods(struct ops_session *s, enum db_period_table t, const char *id,
    struct db_period **out, size_t *n)
{
	struct periods x = { NULL, 0, 0, 0 };

	if (db_periods_list(s->db, t, id, NULL, collect_period, &x) != 0 ||
	    x.failed) {
		free(x.p);
		return -1;
	}
	*out = x.p;
	*n = x.n;
	return 0;
}

static int
read_person(struct ops_session *s, const char *id, struct claim_person *p)
{
	struct ops_error e;
	int rc;

	if ((rc = db_resident_get(s->db, id, &p->res)) != 0)
		return rc;
	if (read_periods(s, DB_CATEGORY, id, &p->cats, &p->ncats) != 0 ||
	    read_periods(s, DB_QUALIFICATION, id, &p->quals, &p->nquals) != 0 ||
	    ops_person_lines(s, id, &p->lines, &p->nlines, &e) != OPS_OK)
		return -1;
	return 0;
}

int
claim_memo_person(struct ops_session *s, struct claim_memo *m,
    const char *id, struct claim_person **out)
{
	struct claim_person **sl, *p;
	int rc;

	*out = NULL;
	if (*(sl = find(m, id)) != NULL) {
		*out = *sl;
		return 0;
	}
	if ((p = calloc(1, sizeof *p)) == NULL)
		return -1;
	if ((rc = read_person(s, id, p)) != 0) {
		person_free(p);
		return rc;
	}
	if ((m->n + 1) * 2 > m->cap) {
		if (grow(m) != 0) {
			person_free(p);
			return -1;
		}
		sl = find(m, id);
	}
	*sl = p;
	m->n++;
	*out = p;
	return 0;
}

int
claim_memo_ytd(struct ops_session *s, struct claim_person *p, int year,
    const char *disease, struct db_claim_ytd *out)
{
	struct claim_memo_ytd *y;
	const char *d = disease != NULL ? disease : "";

	for (size_t i = 0; i < p->nytd; i++)
		if (p->ytd[i].year == year && strcmp(p->ytd[i].disease, d) == 0) {
			*out = p->ytd[i].y;
			return 0;
		}
	if (strlen(d) >= sizeof p->ytd[0].disease)
		return db_claim_ytd(s->db, p->res.id_number, year, d, out);
	if ((y = realloc(p->ytd, (p->nytd + 1) * sizeof *y)) == NULL)
		return -1;
	p->ytd = y;
	y = &p->ytd[p->nytd];
	memset(y, 0, sizeof *y);
	if (db_claim_ytd(s->db, p->res.id_number, year, d, &y->y) != 0)
		return -1;
	y->year = year;
	strcpy(y->disease, d);
	p->nytd++;
	*out = y->y;
	return 0;
}

/* One row into one set of sums, as db_claim_ytd's query counts it. */
static void
add_row(struct claim_memo_ytd *y, const struct db_claim *c)
{
	int inpatient = strcmp(c->kind, "inpatient") == 0;
	int accident = strcmp(c->kind, "accident") == 0;
	int outpatient = strcmp(c->kind, "outpatient") == 0;

	if (inpatient || accident)
		y->y.inpatient_fund += c->fund;
	if (accident)
		y->y.accident_fund += c->fund;
	if (outpatient && c->ratio > 0)
		y->y.outpatient_range += c->range;
	if (outpatient)
		y->y.outpatient_fund += c->fund;
	/* A stored "" is NULL, which equals nothing in SQL. */
	if (strcmp(c->kind, "chronic") == 0 && c->disease[0] != '\0' &&
	    strcmp(c->disease, y->disease) == 0)
		y->y.chronic_fund += c->fund;
	y->y.serious_base += c->serious_base;
	y->y.serious_paid += c->serious;
	y->y.assistance_base += c->assistance_base;
	y->y.assistance_paid += c->assistance;
}

void
claim_memo_saved(struct claim_person *p, const struct db_claim *row)
{
	for (size_t i = 0; i < p->nytd; i++)
		if (p->ytd[i].year == row->benefit_year)
			add_row(&p->ytd[i], row);
}

int
claim_memo_policy_stored(const struct claim_memo *m)
{
	return m->policy_stored;
}

void
claim_memo_set_policy_stored(struct claim_memo *m)
{
	m->policy_stored = 1;
}
