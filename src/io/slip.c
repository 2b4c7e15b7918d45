/*
 * slip.c: the settlement slip.  Every line is built as UTF-8 text and laid
 * out by display columns (a Hanzi is two), wrapped at spaces or between
 * Hanzi so that no line passes SLIP_WIDTH whatever the translation.  The
 * figures come in RULES.md 5.5's order, each with the parameter that made
 * it (name, value, pack file and line) under it, so a resident can check
 * the arithmetic at the window.
 */
#include "config.h"

#include "io/slip.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/idcard.h"
#include "core/money.h"
#include "core/settle.h"
#include "core/text.h"
#include "i18n.h"

#define AMOUNT_W 12	/* the amount column, right-aligned */
#define SYM_W 5		/* "P_B  " */
#define LABEL_MIN 20
#define LABEL_MAX 34
#define SUB_INDENT 9	/* parameters and formulas under a figure */

/* ---- a growing string --------------------------------------------------- */

struct sb {
	char *p;
	size_t len, cap;
	bool oom;
};

static void
sb_add(struct sb *b, const char *s, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 4096;
		while (b->len + n + 1 > cap)
			cap *= 2;
		if ((p = realloc(b->p, cap)) == NULL) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_puts(struct sb *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_spaces(struct sb *b, int n)
{
	for (; n > 0; n--)
		sb_add(b, " ", 1);
}

/* printf into a fresh buffer: free() it; NULL when out of memory. */
static char * __attribute__((format(printf, 1, 2)))
fmt(const char *f, ...)
{
	va_list ap;
	char *s;

	va_start(ap, f);
	if (vasprintf(&s, f, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

/* ---- characters --------------------------------------------------------- */

/* One UTF-8 character: its length; an invalid byte is one character. */
static int
decode(const unsigned char *s, uint32_t *cp)
{
	int n;
	uint32_t c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, c = s[0] & 0x07;
	else
		goto bad;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return n;
bad:
	*cp = 0xFFFD;
	return 1;
}

static int
cp_width(uint32_t cp)
{
	return cp == 0xFFFD ? 1 : text_cp_width(cp);
}

/* Punctuation that must not begin a line, and that must not end one. */
static bool
no_line_start(uint32_t cp)
{
	static const uint32_t set[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,
		0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x201D, 0x2019,
		0xFF05, 0xFF3D, ',', '.', ';', ':', ')', '!', '?', '%'
	};

	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if (cp == set[i])
			return true;
	return false;
}

static bool
no_line_end(uint32_t cp)
{
	static const uint32_t set[] = {
		0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x201C, 0x2018,
		0xFF3B, '('
	};

	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if (cp == set[i])
			return true;
	return false;
}

/* May a line break between prev and next (neither a space)? */
static bool
breakable(uint32_t prev, uint32_t next)
{
	if (cp_width(prev) < 2 && cp_width(next) < 2)
		return false;	/* inside a word of Latin letters or digits */
	return !no_line_end(prev) && !no_line_start(next);
}

/* ---- layout ------------------------------------------------------------- */

/* One line of bytes [s, e), indented, without trailing spaces. */
static void
emit(struct sb *b, int indent, const char *s, const char *e)
{
	while (e > s && e[-1] == ' ')
		e--;
	if (e > s)
		sb_spaces(b, indent);
	sb_add(b, s, (size_t)(e - s));
	sb_add(b, "\n", 1);
}

/*
 * `text` as lines of at most SLIP_WIDTH columns: the first indented by
 * `first`, the others by `rest`.  Breaks at spaces, or between Hanzi where
 * punctuation allows; a run longer than a line is cut between characters.
 */
static void
wrap(struct sb *b, int first, int rest, const char *text)
{
	const char *s = text, *p, *brk;
	int indent = first, col, n, avail;
	uint32_t cp, prev;

	while (*s == ' ')
		s++;
	while (*s != '\0') {
		if (indent < 0)
			indent = 0;
		avail = SLIP_WIDTH - indent;
		if (avail < 8)	/* an absurd indent: start from the margin */
			indent = 0, avail = SLIP_WIDTH;
		col = 0;
		brk = NULL;
		prev = 0;
		for (p = s; *p != '\0' && *p != '\n'; p += n) {
			n = decode((const unsigned char *)p, &cp);
			if (cp == ' ')
				brk = p;
			else if (p > s && prev != ' ' && breakable(prev, cp))
				brk = p;
			if (col + cp_width(cp) > avail)
				break;
			col += cp_width(cp);
			prev = cp;
		}
		if (*p == '\0' || *p == '\n') {
			emit(b, indent, s, p);
			s = *p == '\n' ? p + 1 : p;
		} else {
			if (brk == NULL || brk == s)
				brk = p;	/* no break: cut the run */
			emit(b, indent, s, brk);
			s = brk;
		}
		while (*s == ' ')
			s++;
		indent = rest;
	}
}

static void
rule(struct sb *b, char c)
{
	char line[SLIP_WIDTH + 2];

	memset(line, c, SLIP_WIDTH);
	line[SLIP_WIDTH] = '\n';
	line[SLIP_WIDTH + 1] = '\0';
	sb_puts(b, line);
}

/* A formatted line (or lines) with a hanging indent of 4. */
static void __attribute__((format(printf, 2, 3)))
field(struct sb *b, const char *f, ...)
{
	va_list ap;
	char *s;

	va_start(ap, f);
	if (vasprintf(&s, f, ap) < 0) {
		va_end(ap);
		b->oom = true;
		return;
	}
	va_end(ap);
	wrap(b, 0, 4, s);
	free(s);
}

/* Pad utf8 to cols columns (left, or right-aligned); never cuts. */
static void
pad(struct sb *b, const char *utf8, int cols, bool right)
{
	int w = text_width(utf8);

	if (right)
		sb_spaces(b, cols - w);
	sb_puts(b, utf8);
	if (!right)
		sb_spaces(b, cols - w);
}

/* ---- what the slip shows ------------------------------------------------ */

struct slip {
	struct sb b;
	const struct claim_view *v;
	const struct settlement *st;
	const struct policy *pol;
	int label_w;		/* the label column, the same on every figure */
};

/* The labels of RULES.md 5.5's lines, in its order. */
enum line {
	L_T, L_O, L_E, L_F, L_PB, L_R, L_D, L_RATIO, L_FUND, L_SERIOUS,
	L_ASSIST, L_PERSONAL, L_COUNT
};

static const char *const line_sym[L_COUNT] = {
	"T", "O", "E", "F", "P_B", "R", "D", "r", "", "", "", ""
};

static const char *
line_label(enum line l)
{
	switch (l) {
	case L_T:	return _("Total cost");
	case L_O:	return _("Out-of-list items");
	case L_E:	return _("Imported over standard");
	case L_F:	return _("Imported first self-pay");
	case L_PB:	return _("Class B first self-pay");
	case L_R:	return _("Policy-range cost");
	case L_D:	return _("Deductible");
	case L_RATIO:	return _("Reimbursement ratio");
	case L_FUND:	return _("Basic insurance fund");
	case L_SERIOUS:	return _("Serious-illness insurance");
	case L_ASSIST:	return _("Medical assistance");
	case L_PERSONAL: return _("Paid by the person");
	case L_COUNT:	break;
	}
	return "";
}

static const char *
kind_label(enum claim_kind k)
{
	switch (k) {
	case KIND_INPATIENT:	return _("Inpatient");
	case KIND_ACCIDENT:	return _("Accidental injury (inpatient)");
	case KIND_OUTPATIENT:	return _("General outpatient");
	case KIND_CHRONIC:	return _("Chronic-disease outpatient");
	case KIND_MATERNITY:	return _("Maternity");
	case KIND_COUNT:	break;
	}
	return "?";
}

/* The same sentences as core/settle.c's notes. */
static const char *
scope_label(enum scope s)
{
	switch (s) {
	case SCOPE_LOCAL:	return _("the home county");
	case SCOPE_COUNTY:	return _("another county of the pooling region");
	case SCOPE_CITY:	return _("another region of the province");
	case SCOPE_PROVINCE:	return _("another province");
	case SCOPE_COUNT:	break;
	}
	return "?";
}

static const char *
level_label(int level)
{
	switch (level) {
	case 1:	return _("level 1 hospital");
	case 2:	return _("level 2 hospital");
	case 3:	return _("level 3 hospital");
	}
	return "";
}

static const char *
yes_no(bool v)
{
	return v ? _("yes") : _("no");
}

/* The file's base name: the slip names "demo.policy", not a path. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

static bool
is_bp(enum settle_figure f)
{
	return f == FIG_CLASS_B_SELFPAY || f == FIG_IMPORTED_SELFPAY ||
	    f == FIG_RATIO || f == FIG_PENALTY || f == FIG_ASSIST_RATIO;
}

static char *
percent(bp_t bp, char buf[MONEY_BUFSZ + 1])
{
	percent_format(bp, buf);
	strcat(buf, "%");
	return buf;
}

/* " (demo.policy, line 12)", or "" when the value has no place. */
static void
place(const struct slip *s, const struct param *p, char *out, size_t outsz)
{
	if (p->src < 0 || p->src >= s->pol->nsources ||
	    p->src >= SOURCE_MAX || p->line <= 0) {
		out[0] = '\0';
		return;
	}
	/* The space is the translation's: none before a full-width bracket. */
	snprintf(out, outsz, _(" (%s, line %d)"),
	    base_name(s->pol->sources[p->src].file), (int)p->line);
}

static const char *
illustrative_mark(const struct param *p)
{
	return p->illustrative ? _(" [illustrative]") : "";
}

/*
 * `text` under a figure and `where` (a pack file and line) after it, or on
 * a line of its own rather than broken in two.  Frees text.
 */
static void
beside(struct slip *s, char *text, const char *where)
{
	char *both;

	if (text == NULL) {
		s->b.oom = true;
		return;
	}
	if (where[0] == '\0' || SUB_INDENT + text_width(text) +
	    text_width(where) <= SLIP_WIDTH) {
		both = fmt("%s%s", text, where);
		if (both == NULL)
			s->b.oom = true;
		else
			wrap(&s->b, SUB_INDENT, SUB_INDENT + 2, both);
		free(both);
	} else {
		wrap(&s->b, SUB_INDENT, SUB_INDENT + 2, text);
		wrap(&s->b, SUB_INDENT + 2, SUB_INDENT + 2, where);
	}
	free(text);
}

/* The parameter behind a figure, under it: name = value (file, line). */
static void
trace(struct slip *s, enum settle_figure f)
{
	const struct settle_trace *t = &s->st->trace[f];
	char val[MONEY_BUFSZ + 1], where[320], *line;

	if (t->name[0] == '\0')
		return;
	if (is_bp(f))
		percent((bp_t)t->p.v, val);
	else
		money_format(t->p.v, val);
	place(s, &t->p, where, sizeof where);
	line = fmt("%s = %s%s", t->name, val, illustrative_mark(&t->p));
	beside(s, line, where);
}

/* A text under a figure (a base, a formula that did not fit beside it). */
static void
sub(struct slip *s, const char *text)
{
	if (text == NULL) {
		s->b.oom = true;
		return;
	}
	wrap(&s->b, SUB_INDENT, SUB_INDENT + 2, text);
}

/* wrap() of a fmt() result, freed. */
static void
sub_free_at(struct slip *s, int first, int rest, char *text)
{
	if (text == NULL)
		s->b.oom = true;
	else
		wrap(&s->b, first, rest, text);
	free(text);
}

/* sub() of a fmt() result, freed. */
static void
sub_free(struct slip *s, char *text)
{
	sub(s, text);
	free(text);
}

/*
 * One figure: symbol, label, the amount right-aligned in its column, and
 * `beside` (a formula, may be NULL) after it if it fits, else under it.
 */
static void
figure(struct slip *s, enum line l, const char *amount, const char *beside)
{
	const char *label = line_label(l);
	int used = 2 + SYM_W + s->label_w + AMOUNT_W;

	if (text_width(label) > s->label_w) {
		/* A translation too long for the column: label on its own. */
		char *t = fmt("%-*s%s", SYM_W, line_sym[l], label);

		if (t == NULL)
			s->b.oom = true;
		else
			wrap(&s->b, 2, 2 + SYM_W, t);
		free(t);
		sb_spaces(&s->b, 2 + SYM_W + s->label_w);
	} else {
		sb_spaces(&s->b, 2);
		pad(&s->b, line_sym[l], SYM_W, false);
		pad(&s->b, label, s->label_w, false);
	}
	pad(&s->b, amount, AMOUNT_W, true);
	if (beside != NULL && used + 2 + text_width(beside) <= SLIP_WIDTH) {
		sb_spaces(&s->b, 2);
		sb_puts(&s->b, beside);
		beside = NULL;
	}
	sb_puts(&s->b, "\n");
	if (beside != NULL)
		sub(s, beside);
}

static void
money_figure(struct slip *s, enum line l, fen_t v, const char *beside)
{
	char buf[MONEY_BUFSZ];

	figure(s, l, money_format(v, buf), beside);
}

/* ---- the parts of the slip ---------------------------------------------- */

static void
title(struct slip *s)
{
	const char *t = _("Urban-Rural Resident Medical Insurance "
	    "One-Stop Settlement Slip");
	int w = text_width(t);

	if (w < SLIP_WIDTH) {
		sb_spaces(&s->b, (SLIP_WIDTH - w) / 2);
		sb_puts(&s->b, t);
		sb_puts(&s->b, "\n");
	} else
		wrap(&s->b, 0, 0, t);
	if (s->pol->name[0] != '\0')
		wrap(&s->b, (SLIP_WIDTH - text_width(s->pol->name)) / 2, 0,
		    s->pol->name);
}

/* "2021-06-01T08:30:00Z" as "2021-06-01 08:30:00 UTC"; else as stored. */
static void
saved_at(const char *at, char *out, size_t outsz)
{
	if (strlen(at) == 20 && at[10] == 'T' && at[19] == 'Z')
		snprintf(out, outsz, "%.10s %.8s UTC", at, at + 11);
	else
		snprintf(out, outsz, "%s", at);
}

static void
reversal(struct slip *s)
{
	const struct claim_view *v = s->v;

	if (v->reverses[0] != '\0') {
		field(&s->b, _("*** REVERSAL of settlement %s: its payments are "
		    "taken back. ***"), v->reverses);
		if (v->reason[0] != '\0')
			field(&s->b, _("Reason: %s"), v->reason);
	}
	if (v->reversed_by[0] != '\0') {
		field(&s->b, _("*** REVERSED by %s: this settlement no longer "
		    "counts. ***"), v->reversed_by);
		if (v->reverses[0] == '\0' && v->reason[0] != '\0')
			field(&s->b, _("Reason: %s"), v->reason);
	}
}

static void
header(struct slip *s)
{
	const struct claim_view *v = s->v;
	char d[DATE_BUFSZ], at[48];

	title(s);
	rule(&s->b, '=');
	reversal(s);
	field(&s->b, _("Office: %s    Slip No.: %s"), v->site, v->key);
	saved_at(v->at, at, sizeof at);
	if (at[0] != '\0')
		field(&s->b, _("Settled on: %s    Saved at: %s"),
		    date_format(v->settled_on, d), at);
	else
		field(&s->b, _("Settled on: %s"), date_format(v->settled_on, d));
	if (v->operator_name[0] != '\0')
		field(&s->b, _("Operator: %s (%s)"), v->operator_login,
		    v->operator_name);
	else
		field(&s->b, _("Operator: %s"), v->operator_login);
}

static const char *
disease_name(const struct policy *pol, const char *code)
{
	for (int i = 0; i < pol->ndiseases && i < DISEASE_MAX; i++)
		if (strcmp(pol->disease[i].code, code) == 0 &&
		    pol->disease[i].name[0] != '\0')
			return pol->disease[i].name;
	return code;
}

static void
dates(struct slip *s)
{
	const struct claim_view *v = s->v;
	char a[DATE_BUFSZ], b[DATE_BUFSZ];

	if (v->claim.kind == KIND_OUTPATIENT || v->claim.kind == KIND_CHRONIC)
		field(&s->b, _("Visit date: %s"),
		    date_format(v->admitted_on, a));
	else if (v->discharged_on.y != 0)
		field(&s->b, _("Admitted: %s    Discharged: %s"),
		    date_format(v->admitted_on, a),
		    date_format(v->discharged_on, b));
	else
		field(&s->b, _("Admitted: %s"), date_format(v->admitted_on, a));
}

static void
person_and_claim(struct slip *s, int mask_id)
{
	const struct claim_view *v = s->v;
	const struct claim *c = &v->claim;
	char id[IDCARD_LEN + 1];

	if (mask_id && strlen(v->id_number) == IDCARD_LEN)
		idcard_mask(v->id_number, id);
	else if (mask_id)
		snprintf(id, sizeof id, "%s", "******");
	else
		snprintf(id, sizeof id, "%s", v->id_number);
	rule(&s->b, '-');
	field(&s->b, _("Resident: %s    ID number: %s"), v->name, id);
	field(&s->b, _("Claim: %s    Benefit year: %d"), kind_label(c->kind),
	    v->benefit_year);
	dates(s);
	if (c->level >= 1 && c->level <= 3)
		field(&s->b, _("Hospital: %s (%s)"), v->hospital,
		    level_label(c->level));
	else if (v->hospital[0] != '\0')
		field(&s->b, _("Hospital: %s"), v->hospital);
	field(&s->b, _("Where: %s    Emergency: %s"), scope_label(c->scope),
	    yes_no(c->emergency));
	if (v->registration[0] != '\0')
		field(&s->b, _("Off-site registration or referral: %s"),
		    v->registration);
	if (c->kind == KIND_CHRONIC)
		field(&s->b, _("Disease: %s (%s)"),
		    disease_name(s->pol, c->disease), c->disease);
	if (c->kind == KIND_MATERNITY)
		field(&s->b, _("Delivery: %s    Babies: %d"),
		    c->delivery == DELIVERY_DIFFICULT ? _("difficult")
		    : _("normal"), c->babies > 0 ? c->babies : 1);
	if (c->major_disease)
		field(&s->b, "%s", _("Listed major disease: yes"));
}

/* 5.1: T, O, E, F, P_B, R. */
static void
bill(struct slip *s)
{
	const struct settlement *st = s->st;
	const struct claim *c = &s->v->claim;
	char m[MONEY_BUFSZ], x[MONEY_BUFSZ], p[MONEY_BUFSZ + 1], *f = NULL;

	money_figure(s, L_T, st->total, NULL);
	money_figure(s, L_O, st->out_of_list, NULL);
	if (st->imported_excess > 0)
		f = fmt("= %s - %s", money_format(c->imported, m),
		    money_format(c->imported_standard, x));
	money_figure(s, L_E, st->imported_excess, f);
	free(f), f = NULL;
	if (st->imported_selfpay > 0)
		f = fmt("= %s x %s", money_format(c->imported, m),
		    percent((bp_t)st->trace[FIG_IMPORTED_SELFPAY].p.v, p));
	money_figure(s, L_F, st->imported_selfpay, f);
	free(f), f = NULL;
	trace(s, FIG_IMPORTED_SELFPAY);
	if (st->class_b_base > 0 && st->trace[FIG_CLASS_B_SELFPAY].name[0])
		f = fmt("= %s x %s", money_format(st->class_b_base, m),
		    percent((bp_t)st->trace[FIG_CLASS_B_SELFPAY].p.v, p));
	money_figure(s, L_PB, st->class_b_selfpay, f);
	free(f), f = NULL;
	trace(s, FIG_CLASS_B_SELFPAY);
	money_figure(s, L_R, st->range, st->eligible
	    ? "= T - O - E - F - P_B" : NULL);
}

/* 5.2: D, r, fund. */
static void
basic(struct slip *s)
{
	const struct settlement *st = s->st;
	char m[MONEY_BUFSZ], x[MONEY_BUFSZ + 1], p[MONEY_BUFSZ + 1];
	char q[MONEY_BUFSZ + 1], *f = NULL;
	fen_t share;

	money_figure(s, L_D, st->deductible, NULL);
	trace(s, FIG_DEDUCTIBLE);
	if (st->kind == KIND_MATERNITY) {
		figure(s, L_RATIO, "-", _("a quota, no ratio"));
	} else {
		if (st->penalty > 0)
			f = fmt("= %s - %s",
			    percent((bp_t)st->trace[FIG_RATIO].p.v, q),
			    percent(st->penalty, p));
		figure(s, L_RATIO, percent(st->ratio, x), f);
		free(f), f = NULL;
	}
	trace(s, FIG_RATIO);
	trace(s, FIG_PENALTY);

	share = money_share(st->range - st->deductible, st->ratio);
	if (st->kind == KIND_MATERNITY && st->fund > 0)
		f = fmt("%s", _("= the maternity quota"));
	else if (st->fund > 0 && st->fund == share)
		f = fmt("= (%s - %s) x %s", money_format(st->range, m),
		    money_format(st->deductible, x), percent(st->ratio, p));
	else if (st->fund > 0)
		f = fmt("%s", _("limited by the annual cap (see the notes)"));
	money_figure(s, L_FUND, st->fund, f);
	free(f);
	trace(s, FIG_QUOTA);
	trace(s, FIG_EXTRA_BABY);
	trace(s, FIG_CAP);
	trace(s, FIG_ACCIDENT_CAP);
}

static void
segment_lines(struct slip *s)
{
	const struct settlement *st = s->st;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ], p[MONEY_BUFSZ + 1];
	char where[320];

	for (int i = 0; i < st->nseg && i < SEGMENT_MAX; i++) {
		const struct settle_segment *g = &st->seg[i];

		place(s, &g->p, where, sizeof where);
		beside(s, fmt(_("base from %s to %s at %s = %s%s"),
		    money_format(g->from, a), money_format(g->to, b),
		    percent(g->ratio, p), money_format(g->pay, c),
		    illustrative_mark(&g->p)), where);
	}
}

/* 5.3 and 5.4. */
static void
layers(struct slip *s)
{
	const struct settlement *st = s->st;
	const struct claim *c = &s->v->claim;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], d[MONEY_BUFSZ], p[MONEY_BUFSZ + 1];
	char e[MONEY_BUFSZ], *f = NULL;
	fen_t from, to, above;
	bp_t ratio;

	money_figure(s, L_SERIOUS, st->serious, st->nseg > 0
	    ? _("= the sum of the segments below") : NULL);
	if (st->serious_group >= 0) {
		if (st->penalty_part > 0)
			sub_free(s, fmt(_("base = R - fund - cut part %s = %s; "
			    "the year's base goes from %s to %s"),
			    money_format(st->penalty_part, e),
			    money_format(st->serious_base, a),
			    money_format(st->serious_c0, b),
			    money_format(st->serious_c1, d)));
		else
			sub_free(s, fmt(_("base = R - fund = %s; the year's "
			    "base goes from %s to %s"),
			    money_format(st->serious_base, a),
			    money_format(st->serious_c0, b),
			    money_format(st->serious_c1, d)));
		trace(s, FIG_SERIOUS_DEDUCTIBLE);
		segment_lines(s);
		trace(s, FIG_SERIOUS_CAP);
	}

	/* As core/settle.c: the yearly deductible is on the year's base. */
	ratio = (bp_t)st->trace[FIG_ASSIST_RATIO].p.v;
	from = c->ytd_assistance_base;
	to = from + st->assistance_base;
	if (st->assist_group >= 0 &&
	    from < st->trace[FIG_ASSIST_DEDUCTIBLE].p.v)
		from = st->trace[FIG_ASSIST_DEDUCTIBLE].p.v;
	above = to > from ? to - from : 0;
	if (st->assistance > 0 && st->assistance == money_share(above, ratio))
		f = fmt("= %s x %s", money_format(above, a),
		    percent((bp_t)st->trace[FIG_ASSIST_RATIO].p.v, p));
	else if (st->assistance > 0)
		f = fmt("%s", _("limited by the annual cap (see the notes)"));
	money_figure(s, L_ASSIST, st->assistance, f);
	free(f);
	if (st->assist_group >= 0) {
		sub_free(s, fmt(_("base = R - fund - serious illness = %s; "
		    "the year's base goes from %s to %s, %s of it above the "
		    "yearly deductible"), money_format(st->assistance_base, a),
		    money_format(c->ytd_assistance_base, b),
		    money_format(c->ytd_assistance_base + st->assistance_base,
		    d), money_format(above, p)));
		trace(s, FIG_ASSIST_DEDUCTIBLE);
		trace(s, FIG_ASSIST_RATIO);
		trace(s, FIG_ASSIST_CAP);
	}
}

static void
figures(struct slip *s)
{
	rule(&s->b, '-');
	sb_spaces(&s->b, 2 + SYM_W + s->label_w);
	pad(&s->b, _("yuan"), AMOUNT_W, true);
	sb_puts(&s->b, "\n");
	bill(s);
	basic(s);
	layers(s);
	money_figure(s, L_PERSONAL, s->st->personal,
	    _("= T - fund - serious - assistance"));
}

static void
notes(struct slip *s)
{
	const struct settlement *st = s->st;
	char note[512];

	if (st->nnotes <= 0)
		return;
	rule(&s->b, '-');
	wrap(&s->b, 0, 0, _("Notes:"));
	for (int i = 0; i < st->nnotes && i < SETTLE_NOTES_MAX; i++) {
		settle_note_format(&st->note[i], note, sizeof note);
		sub_free_at(s, i + 1 < 10, 4, fmt("%d. %s", i + 1, note));
	}
}

static void
pack(struct slip *s)
{
	const struct claim_view *v = s->v;
	const struct policy *pol = s->pol;
	const char *id = v->policy_id[0] ? v->policy_id : pol->id;
	const char *hash = v->policy_hash[0] ? v->policy_hash : pol->text_hash;

	rule(&s->b, '-');
	field(&s->b, _("Policy pack: %s    Text SHA-256: %.12s"), id, hash);
	if (pol->document[0] != '\0')
		field(&s->b, _("Document: %s"), pol->document);
	if (pol->illustrative)
		field(&s->b, "%s", _("ILLUSTRATIVE: a demonstration pack with "
		    "invented numbers; this is not a real settlement."));
}

/* A signature line: label, a blank to sign on, and a date blank. */
static void
signature(struct slip *s, const char *label)
{
	const char *date = _("Date:");
	int w = text_width(label), dw = text_width(date);
	int blank = SLIP_WIDTH - w - 1 - 4 - dw - 1 - 14;

	sb_puts(&s->b, label);
	sb_puts(&s->b, " ");
	for (int i = 0; i < (blank > 6 ? blank : 6); i++)
		sb_puts(&s->b, "_");
	sb_puts(&s->b, "    ");
	sb_puts(&s->b, date);
	sb_puts(&s->b, " ______________\n");
}

static void
signatures(struct slip *s)
{
	rule(&s->b, '=');
	sb_puts(&s->b, "\n");
	signature(s, _("Clerk's signature:"));
	sb_puts(&s->b, "\n");
	signature(s, _("Resident's signature:"));
}

static int
label_width(void)
{
	int w = LABEL_MIN;

	for (int l = 0; l < L_COUNT; l++) {
		int lw = text_width(line_label((enum line)l)) + 1;

		if (lw > w && lw <= LABEL_MAX)
			w = lw;
	}
	return w;
}

char *
slip_render(const struct claim_view *v, const struct policy *pol,
    int mask_id)
{
	struct slip s = {
		.v = v, .st = &v->settlement, .pol = pol,
		.label_w = label_width()
	};

	header(&s);
	person_and_claim(&s, mask_id);
	figures(&s);
	notes(&s);
	pack(&s);
	signatures(&s);
	if (s.b.oom || s.b.p == NULL) {
		free(s.b.p);
		return NULL;
	}
	return s.b.p;
}

/* ---- out ---------------------------------------------------------------- */

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int
slip_write_file(const char *path, const char *data, size_t len)
{
	char *tmp = fmt("%s.tmp", path);
	int fd, saved;

	if (tmp == NULL) {
		errno = ENOMEM;
		return -1;
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return 0;
}

int
slip_print(const char *command, const char *data, size_t len, int *status)
{
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	FILE *fp;
	size_t n;
	int rc;

	*status = -1;
	if ((fp = popen(command, "w")) == NULL) {
		signal(SIGPIPE, old);
		return -1;
	}
	/* A printer that stops reading early still gets its status read. */
	n = fwrite(data, 1, len, fp);
	if (fflush(fp) != 0)
		n = 0;
	rc = pclose(fp);
	signal(SIGPIPE, old);
	if (rc == -1)
		return -1;
	if (WIFEXITED(rc))
		*status = WEXITSTATUS(rc);
	else if (WIFSIGNALED(rc))
		*status = 128 + WTERMSIG(rc);
	if (*status != 0)
		return -1;
	if (n != len) {
		*status = 1;
		return -1;
	}
	return 0;
}
