/*
 * report.c: the reports menu and its screens: enrolment by village and
 * category (with the enrolment rate per village as a bar chart), subsidies
 * by category and the fiscal subsidy by level of government, settlements
 * by kind and month, payments per month (a bar chart); end of day is
 * day.c's screen.  Each report is a scrolling page of text (so it prints
 * as it is shown) and a table of the same figures (so it exports as CSV):
 * F4 prints, F6 writes the table to a file, F5 reads again, F7 and F8 step
 * the benefit year.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "io/csv_write.h"
#include "ops/claim.h"
#include "ops/report.h"
#include "ops/resident.h"
#include "tui/chart.h"
#include "tui/reports.h"
#include "tui/screens.h"

enum rep_kind { REP_ENROL, REP_SUBSIDY, REP_SETTLE, REP_MONTHS };

/* The figures of a report as rows of cells, the header first. */
#define RT_COLS 9
#define RT_CELL 100
struct rtable {
	int ncols;
	int n, cap;
	char (*cell)[RT_COLS][RT_CELL];
};

struct report {
	enum rep_kind kind;
	int year;
	struct scr_page page;
	struct rtable tab;
};

static const char *const rep_code[] = { "enrolment", "subsidies",
    "settlements", "payments_by_month" };

/* Bar columns of a chart at 80x24: label 14, figure about 20. */
#define BAR_COLS 36
#define BAR_LABEL 16

static void
rt_clear(struct rtable *r, int ncols)
{
	r->n = 0;
	r->ncols = ncols;
}

/* One row of ncols cells (char *), as the table's next row. */
static void
rt_row(struct rtable *r, ...)
{
	va_list ap;

	if (r->n == r->cap) {
		int cap = r->cap ? r->cap * 2 : 32;
		void *v = realloc(r->cell, (size_t)cap * sizeof *r->cell);

		if (v == NULL)
			return;
		r->cell = v;
		r->cap = cap;
	}
	va_start(ap, r);
	for (int i = 0; i < r->ncols; i++)
		snprintf(r->cell[r->n][i], RT_CELL, "%s",
		    va_arg(ap, const char *));
	va_end(ap);
	r->n++;
}

static const char *
num(long long v)
{
	static char buf[8][24];
	static int next;
	char *b = buf[next++ % 8];

	snprintf(b, 24, "%lld", v);
	return b;
}

/* A rate in tenths of a percent as "87.5%", rounded. */
static const char *
percent(long part, long whole)
{
	static char buf[4][48];
	static int next;
	char *b = buf[next++ % 4];
	long tenths = whole > 0 ? (part * 1000 + whole / 2) / whole : 0;

	snprintf(b, 48, "%ld.%ld%%", tenths / 10, tenths % 10);
	return b;
}

static void
line(struct scr_page *pg, int attr, int ncells, ...)
{
	char row[SCR_LINE_MAX] = "";
	va_list ap;

	va_start(ap, ncells);
	for (int i = 0; i < ncells; i++) {
		const char *text = va_arg(ap, const char *);
		int cols = va_arg(ap, int);

		scr_cell(row, sizeof row, text, cols < 0 ? -cols : cols,
		    cols < 0);
	}
	va_end(ap);
	scr_page_add(pg, attr, "%s", row);
}

static const char *
gov_label(int l)
{
	switch (l) {
	case GOV_CENTRAL: return _("central");
	case GOV_PROVINCIAL: return _("provincial");
	case GOV_CITY: return _("city");
	default: return _("county");
	}
}

/* ---- enrolment by village and category ------------------------------ */

static void
build_enrol(struct tui *t, struct report *r, const struct enrol_report *e)
{
	struct scr_page *pg = &r->page;
	char bar[SCR_LINE_MAX], fig[64];

	scr_page_add(pg, TUI_A_BOLD, _("Enrolment %d, office %s, policy pack "
	    "%s"), e->year, e->site, e->policy_id);
	scr_page_add(pg, 0, "%s", "");
	rt_clear(&r->tab, 5);
	rt_row(&r->tab, _("Village"), _("Insured category"), _("Residents"),
	    _("Insured"), _("Uninsured"));
	line(pg, TUI_A_BOLD, 5, _("Village"), 20, _("Insured category"), 20,
	    _("Residents"), -9, _("Insured"), -9, _("Uninsured"), -9);
	for (size_t i = 0; i < e->nrows; i++) {
		const struct enrol_row *w = &e->rows[i];
		const char *ins = resident_insured_label(w->insured_category);

		line(pg, 0, 5, w->village, 20, ins, 20, num(w->residents), -9,
		    num(w->insured), -9, num(w->uninsured), -9);
		rt_row(&r->tab, w->village, ins, num(w->residents),
		    num(w->insured), num(w->uninsured));
	}
	line(pg, TUI_A_BOLD, 4, _("Total"), 41, num(e->total.residents), -9,
	    num(e->total.insured), -9, num(e->total.uninsured), -9);
	rt_row(&r->tab, _("Total"), "", num(e->total.residents),
	    num(e->total.insured), num(e->total.uninsured));

	/* The rate per village: the categories of a village added up. */
	scr_page_add(pg, 0, "%s", "");
	scr_page_add(pg, TUI_A_BOLD, "%s", _("Enrolment rate by village "
	    "(insured / residents)"));
	for (size_t i = 0; i < e->nrows;) {
		long res = 0, ins = 0;
		size_t j = i;

		for (; j < e->nrows && strcmp(e->rows[j].village,
		    e->rows[i].village) == 0; j++) {
			res += e->rows[j].residents;
			ins += e->rows[j].insured;
		}
		snprintf(fig, sizeof fig, "%s %ld/%ld", percent(ins, res), ins,
		    res);
		chart_bar(bar, sizeof bar, e->rows[i].village, BAR_LABEL,
		    res > 0 ? (ins * 1000 + res / 2) / res : 0, 1000, BAR_COLS, fig,
		    chart_ascii(t));
		scr_page_add(pg, 0, "%s", bar);
		i = j;
	}
	snprintf(fig, sizeof fig, "%s %d/%d", percent(e->total.insured,
	    e->total.residents), e->total.insured, e->total.residents);
	chart_bar(bar, sizeof bar, _("Total"), BAR_LABEL,
	    e->total.residents > 0 ? ((long)e->total.insured * 1000 +
	    e->total.residents / 2) / e->total.residents : 0, 1000, BAR_COLS,
	    fig, chart_ascii(t));
	scr_page_add(pg, TUI_A_BOLD, "%s", bar);
}

/* ---- subsidies by category, fiscal subsidy by level ----------------- */

static void
build_subsidy(struct report *r, const struct enrol_report *e)
{
	struct scr_page *pg = &r->page;
	char text[SCR_LINE_MAX];

	scr_page_add(pg, TUI_A_BOLD, _("Subsidies %d, office %s, policy pack "
	    "%s"), e->year, e->site, e->policy_id);
	scr_page_add(pg, 0, "%s", "");
	rt_clear(&r->tab, 4);
	rt_row(&r->tab, _("Subsidy category"), _("Level"), _("Persons"),
	    _("Amount"));
	line(pg, TUI_A_BOLD, 3, _("Subsidy category"), 34, _("Persons"), -9,
	    _("Amount"), -12);
	for (size_t i = 0; i < e->nsub; i++) {
		line(pg, 0, 3, e->sub[i].label, 34, num(e->sub[i].persons), -9,
		    scr_money(e->sub[i].amount), -12);
		rt_row(&r->tab, e->sub[i].label, "", num(e->sub[i].persons),
		    scr_money(e->sub[i].amount));
	}
	line(pg, TUI_A_BOLD, 3, _("Total"), 34, num(e->sub_persons), -9,
	    scr_money(e->sub_total), -12);
	rt_row(&r->tab, _("Total"), "", num(e->sub_persons),
	    scr_money(e->sub_total));
	scr_page_add(pg, 0, "%s", "");
	if (!e->fiscal_set) {
		scr_page_add(pg, 0, "%s", _("Fiscal subsidy: the policy pack "
		    "does not give contribution.fiscal"));
		return;
	}
	snprintf(text, sizeof text, _("Fiscal subsidy: %s x %d insured who "
	    "paid in the period = %s"), scr_money(e->fiscal),
	    e->fiscal_persons, scr_money(e->fiscal_total));
	scr_page_add(pg, TUI_A_BOLD, "%s", text);
	rt_row(&r->tab, _("Fiscal subsidy"), "", num(e->fiscal_persons),
	    scr_money(e->fiscal_total));
	for (int i = 0; i < e->nsplits; i++) {
		const struct enrol_split *sp = &e->split[i];

		scr_page_add(pg, 0, "%s", "");
		line(pg, TUI_A_BOLD, 3, sp->label, 20, _("Per person"), -12,
		    _("Total"), -14);
		for (int l = 0; l < GOV_COUNT; l++) {
			if (sp->per_person[l] < 0)
				continue;
			line(pg, 0, 4, "", 1, gov_label(l), 18,
			    scr_money(sp->per_person[l]), -12,
			    scr_money(sp->total[l]), -14);
			rt_row(&r->tab, sp->label, gov_label(l),
			    num(e->fiscal_persons), scr_money(sp->total[l]));
		}
		line(pg, TUI_A_BOLD, 4, "", 1, _("Total"), 18,
		    scr_money(sp->per_person_sum), -12,
		    scr_money(sp->total_sum), -14);
	}
}

/* ---- settlements by kind and month ---------------------------------- */

static void
build_settle(struct tui *t, struct report *r, const struct settle_report *s)
{
	struct scr_page *pg = &r->page;
	char bar[SCR_LINE_MAX];
	fen_t max = 0;

	scr_page_add(pg, TUI_A_BOLD, _("Settlements %d, office %s"), s->year,
	    s->site);
	scr_page_add(pg, 0, "%s", "");
	rt_clear(&r->tab, 8);
	rt_row(&r->tab, _("Month"), _("Kind"), _("Claims"), _("Bill"),
	    _("Fund"), _("Serious illness"), _("Assistance"), _("Personal"));
	line(pg, TUI_A_BOLD, 7, _("Kind"), 10, _("Claims"), -6, _("Bill"),
	    -10, _("Fund"), -10, _("Serious"), -10, _("Assistance"), -10,
	    _("Personal"), -10);
	for (size_t i = 0; i < s->nkinds; i++) {
		const struct settle_row *k = &s->kinds[i];

		line(pg, 0, 7, claim_kind_label(k->kind), 10, num(k->count),
		    -6, scr_money(k->total), -10, scr_money(k->fund), -10,
		    scr_money(k->serious), -10, scr_money(k->assistance), -10,
		    scr_money(k->personal), -10);
	}
	line(pg, TUI_A_BOLD, 7, _("Total"), 10, num(s->total.count), -6,
	    scr_money(s->total.total), -10, scr_money(s->total.fund), -10,
	    scr_money(s->total.serious), -10, scr_money(s->total.assistance),
	    -10, scr_money(s->total.personal), -10);
	if (s->n == 0) {
		scr_page_add(pg, 0, "%s", "");
		scr_page_add(pg, 0, "%s", _("No claims were settled for this "
		    "year."));
		return;
	}
	scr_page_add(pg, 0, "%s", "");
	scr_page_add(pg, TUI_A_BOLD, "%s", _("By month"));
	line(pg, TUI_A_BOLD, 6, _("Month"), 8, _("Kind"), 10, _("Claims"), -6,
	    _("Bill"), -10, _("Fund"), -10, _("Personal"), -10);
	for (size_t i = 0; i < s->n; i++) {
		const struct settle_row *k = &s->rows[i];

		line(pg, 0, 6, k->month, 8, claim_kind_label(k->kind), 10,
		    num(k->count), -6, scr_money(k->total), -10,
		    scr_money(k->fund), -10, scr_money(k->personal), -10);
		rt_row(&r->tab, k->month, claim_kind_label(k->kind),
		    num(k->count), scr_money(k->total), scr_money(k->fund),
		    scr_money(k->serious), scr_money(k->assistance),
		    scr_money(k->personal));
	}
	rt_row(&r->tab, _("Total"), "", num(s->total.count),
	    scr_money(s->total.total), scr_money(s->total.fund),
	    scr_money(s->total.serious), scr_money(s->total.assistance),
	    scr_money(s->total.personal));

	/* What the funds paid per month, all kinds together. */
	scr_page_add(pg, 0, "%s", "");
	scr_page_add(pg, TUI_A_BOLD, "%s", _("The fund's payments by month"));
	for (size_t pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < s->n;) {
			fen_t fund = 0;
			size_t j = i;

			for (; j < s->n && strcmp(s->rows[j].month,
			    s->rows[i].month) == 0; j++)
				fund += s->rows[j].fund;
			if (pass == 0 && fund > max)
				max = fund;
			if (pass == 1) {
				chart_bar(bar, sizeof bar, s->rows[i].month,
				    BAR_LABEL, fund, max, BAR_COLS,
				    scr_money(fund), chart_ascii(t));
				scr_page_add(pg, 0, "%s", bar);
			}
			i = j;
		}
}

/* ---- payments per month -------------------------------------------- */

static void
build_months(struct tui *t, struct report *r, const struct month_report *m)
{
	struct scr_page *pg = &r->page;
	char bar[SCR_LINE_MAX], fig[64];
	fen_t max = 0;

	scr_page_add(pg, TUI_A_BOLD, _("Contributions for %d by month taken, "
	    "office %s"), m->year, m->site);
	scr_page_add(pg, 0, "%s", "");
	rt_clear(&r->tab, 3);
	rt_row(&r->tab, _("Month"), _("Payments"), _("Amount"));
	for (size_t i = 0; i < m->n; i++)
		if (m->rows[i].amount > max)
			max = m->rows[i].amount;
	for (size_t i = 0; i < m->n; i++) {
		snprintf(fig, sizeof fig, "%s (%d)",
		    scr_money(m->rows[i].amount), m->rows[i].count);
		chart_bar(bar, sizeof bar, m->rows[i].month, BAR_LABEL,
		    m->rows[i].amount, max, BAR_COLS, fig, chart_ascii(t));
		scr_page_add(pg, 0, "%s", bar);
		rt_row(&r->tab, m->rows[i].month, num(m->rows[i].count),
		    scr_money(m->rows[i].amount));
	}
	if (m->n == 0)
		scr_page_add(pg, 0, "%s", _("Nothing was paid for this year."));
	scr_page_add(pg, 0, "%s", "");
	snprintf(fig, sizeof fig, "%s (%d)", scr_money(m->amount), m->count);
	line(pg, TUI_A_BOLD, 2, _("Total"), BAR_LABEL + BAR_COLS + 1, fig, 24);
	rt_row(&r->tab, _("Total"), num(m->count), scr_money(m->amount));
}

static void
build(struct tui *t, struct report *r)
{
	struct ops_error err;
	enum ops_status st;

	scr_page_clear(&r->page);
	rt_clear(&r->tab, 1);
	if (r->kind == REP_ENROL || r->kind == REP_SUBSIDY) {
		struct enrol_report e;

		if ((st = ops_report_enrolment(&t->s, r->year, &e, &err)) ==
		    OPS_OK) {
			if (r->kind == REP_ENROL)
				build_enrol(t, r, &e);
			else
				build_subsidy(r, &e);
			enrol_report_free(&e);
		}
	} else if (r->kind == REP_SETTLE) {
		struct settle_report s;

		if ((st = ops_report_settlements(&t->s, r->year, &s, &err)) ==
		    OPS_OK) {
			build_settle(t, r, &s);
			settle_report_free(&s);
		}
	} else {
		struct month_report m;

		if ((st = ops_report_payments_by_month(&t->s, r->year, &m,
		    &err)) == OPS_OK) {
			build_months(t, r, &m);
			month_report_free(&m);
		}
	}
	if (st != OPS_OK) {
		rt_clear(&r->tab, 1);
		scr_page_add(&r->page, TUI_A_ERROR, "! %s", err.msg);
	}
}

/* ---- writing the table to a file ------------------------------------ */

enum { X_FILE, X_ENC, X_COUNT };

static const struct scr_choice encodings[] = {
	{ "GB18030", NULL }, { "UTF-8", NULL }
};

static int
check_file(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (tui_form_get(f, idx)[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("the name of the file to write"));
		return -1;
	}
	return 0;
}

static int
check_encoding(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (scr_choose(encodings, 2, tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, "%s", _("1 GB18030 (Excel on Windows) or "
		    "2 UTF-8"));
		return -1;
	}
	return 0;
}

static const struct tui_form_field save_fields[X_COUNT] = {
	{ N_("File"), 40, 200, 0, check_file,
	    N_("Where to write the CSV file") },
	{ N_("Encoding"), 3, 1, TUI_FIELD_DIGITS, check_encoding,
	    N_("1 GB18030 (Excel on Windows), 2 UTF-8; Enter writes") },
};

struct saveas {
	struct report *r;		/* the report below on the stack */
	struct tui_form *form;
};

/*
 * The table as CSV into tmp (path.tmp), whole or removed: 0, or -1 and
 * msg.  The caller renames it to path once the export is audited, as
 * yibao export does.
 */
static int
write_table(const struct rtable *tab, const char *path, const char *tmp,
    const char *charset, char *msg, size_t msgsz)
{
	struct encode_error e;
	struct csv_writer *w;
	const char *f[RT_COLS];
	FILE *fp;
	int bad = 0;

	if ((fp = fopen(tmp, "wb")) == NULL) {
		snprintf(msg, msgsz, _("%s cannot be written: %s"), path,
		    strerror(errno));
		return -1;
	}
	if ((w = csv_writer_open(fp, charset, 0, &e)) == NULL) {
		fclose(fp);
		remove(tmp);
		snprintf(msg, msgsz, "%s", _("out of memory"));
		return -1;
	}
	for (int i = 0; i < tab->n && !bad; i++) {
		for (int c = 0; c < tab->ncols; c++)
			f[c] = tab->cell[i][c];
		if (csv_writer_row(w, f, (size_t)tab->ncols, &e) !=
		    CSV_WRITE_OK) {
			snprintf(msg, msgsz, _("row %d cannot be written in "
			    "%s: choose UTF-8"), i + 1, charset);
			bad = 1;
		}
	}
	if (csv_writer_close(w) != CSV_WRITE_OK && !bad) {
		snprintf(msg, msgsz, _("%s cannot be written: %s"), path,
		    strerror(errno));
		bad = 1;
	}
	if (fclose(fp) != 0 && !bad) {
		snprintf(msg, msgsz, _("%s cannot be written: %s"), path,
		    strerror(errno));
		bad = 1;
	}
	if (bad)
		remove(tmp);
	return bad ? -1 : 0;
}

static void
saveas_draw(struct tui *t, void *state)
{
	struct saveas *sa = state;

	tui_print(t, 1, 1, 0, TUI_A_BOLD, _("Write the report to a CSV file"));
	tui_form_draw(t, sa->form, 3, 1);
}

static void
saveas_save(struct tui *t, struct saveas *sa)
{
	char path[4096], tmp[4200], enc[8], target[4200], msg[512];
	struct ops_error err;
	const char *charset;

	tui_form_get_buf(sa->form, X_FILE, path, sizeof path);
	tui_form_get_buf(sa->form, X_ENC, enc, sizeof enc);
	charset = scr_choose(encodings, 2, enc);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if (write_table(&sa->r->tab, path, tmp, charset, msg, sizeof msg) !=
	    0) {
		tui_error(t, "%s", msg);
		return;
	}
	snprintf(target, sizeof target, "%s %s", charset, path);
	if (ops_report_exported(&t->s, rep_code[sa->r->kind], sa->r->year,
	    target, (unsigned long)(sa->r->tab.n > 0 ? sa->r->tab.n - 1 : 0),
	    &err) != OPS_OK) {
		remove(tmp);
		tui_error(t, "%s", err.msg);
		return;
	}
	if (rename(tmp, path) != 0) {
		remove(tmp);
		tui_error(t, _("%s cannot be written: %s"), path,
		    strerror(errno));
		return;
	}
	tui_status(t, _("%d rows written to %s (%s)."),
	    sa->r->tab.n > 0 ? sa->r->tab.n - 1 : 0, path, charset);
	tui_pop(t);
}

static int
saveas_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct saveas *sa = state;
	int r = tui_form_screen_key(t, sa->form, k);

	if (r == TUI_FORM_SAVE) {
		saveas_save(t, sa);
		return TUI_HANDLED;
	}
	return r;
}

static void
saveas_free(void *state)
{
	struct saveas *sa = state;

	tui_form_free(sa->form);
	free(sa);
}

static const struct tui_keyhelp saveas_keys[] = {
	{ "F2", N_("Write") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen saveas_screen = {
	N_("Export a report"),
	N_("Writes the figures of the report as a CSV file, one row per line "
	    "of its table with a header row, in GB18030 (what Excel on "
	    "Chinese Windows reads) or UTF-8.  The file is written whole or "
	    "not at all, and the audit log records what left the office."),
	saveas_draw, saveas_key, saveas_free, saveas_keys
};

static void
open_saveas(struct tui *t, struct report *r)
{
	struct saveas *sa = calloc(1, sizeof *sa);
	char name[64];

	if (sa == NULL || (sa->form = tui_form_new(save_fields, X_COUNT,
	    sa)) == NULL) {
		free(sa);
		return;
	}
	sa->r = r;
	sa->form->label_cols = SCR_LABEL_COLS;
	snprintf(name, sizeof name, "%s-%d.csv", rep_code[r->kind], r->year);
	tui_form_set(sa->form, X_FILE, name);
	tui_form_set(sa->form, X_ENC, "1");
	tui_push(t, &saveas_screen, sa);
}

/* ---- the report screen ---------------------------------------------- */

static void
report_draw(struct tui *t, void *state)
{
	struct report *r = state;

	scr_page_draw(t, &r->page, 0, tui_body_rows(t));
	tui_cursor(t, -1, -1);
}

static int
report_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct report *r = state;

	switch (k->code) {
	case TUI_KEY_F(4):
		scr_page_print(t, &r->page, _("The report"));
		return TUI_HANDLED;
	case TUI_KEY_F(5):
		build(t, r);
		tui_status(t, "%s", _("Read again."));
		return TUI_HANDLED;
	case TUI_KEY_F(6):
		if (r->tab.n < 2)
			tui_error(t, "%s", _("The report has no figures to "
			    "write."));
		else
			open_saveas(t, r);
		return TUI_HANDLED;
	case TUI_KEY_F(7):
	case TUI_KEY_F(8):
		if ((k->code == TUI_KEY_F(7) && r->year <= DATE_MIN_YEAR) ||
		    (k->code == TUI_KEY_F(8) && r->year >= DATE_MAX_YEAR))
			return TUI_HANDLED;
		r->year += k->code == TUI_KEY_F(7) ? -1 : 1;
		r->page.top = 0;
		build(t, r);
		tui_status(t, _("The year %d."), r->year);
		return TUI_HANDLED;
	default:
		return scr_page_key(&r->page, tui_body_rows(t), k);
	}
}

static void
report_free(void *state)
{
	struct report *r = state;

	scr_page_free(&r->page);
	free(r->tab.cell);
	free(r);
}

static const struct tui_keyhelp report_keys[] = {
	{ "F4", N_("Print") },
	{ "F5", N_("Again") },
	{ "F6", N_("Export") },
	{ "F7", N_("Year-1") },
	{ "F8", N_("Year+1") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen report_screens[] = {
	{ N_("Enrolment by village"),
	  N_("Residents of each village and insured category who are not "
	    "ended before the year began, and how many of them are insured: "
	    "they have a payment for the year that no refund or reversal "
	    "cancels.  The bars are each village's enrolment rate, insured "
	    "divided by residents, the full width being 100%, with the "
	    "figures beside them."
	    "  Keys: arrows and PgUp/PgDn scroll; F4 prints (YIBAO_PRINT_COMMAND, "
	    "else lp); F5 reads again; F6 writes the figures to a CSV file; "
	    "F7 and F8 show the year before or after."),
	  report_draw, report_key, report_free, report_keys },
	{ N_("Subsidies and fiscal subsidy"),
	  N_("The hardship subsidies of the year's live payments by the "
	    "category that gave each (RULES.md 3.1: full = P, a percentage "
	    "of P or a fixed amount up to P; the largest of a person's "
	    "categories, never a sum).  The fiscal subsidy is the pack's "
	    "contribution.fiscal (G) times the insured who paid in the "
	    "period (late payers pay G themselves, RULES.md 3.3), split by "
	    "level of government as the pack's splits say (RULES.md 3.7)."
	    "  Keys: arrows and PgUp/PgDn scroll; F4 prints (YIBAO_PRINT_COMMAND, "
	    "else lp); F5 reads again; F6 writes the figures to a CSV file; "
	    "F7 and F8 show the year before or after."),
	  report_draw, report_key, report_free, report_keys },
	{ N_("Settlements by kind and month"),
	  N_("The year's settled claims by kind and by the month they were "
	    "settled: the bill, what the basic fund, serious-illness "
	    "insurance and medical assistance paid, and what the person "
	    "paid (RULES.md 5.5).  A reversed claim and its reversal cancel "
	    "and are both left out.  The bars are the fund's payments per "
	    "month, the longest being the largest month."
	    "  Keys: arrows and PgUp/PgDn scroll; F4 prints (YIBAO_PRINT_COMMAND, "
	    "else lp); F5 reads again; F6 writes the figures to a CSV file; "
	    "F7 and F8 show the year before or after."),
	  report_draw, report_key, report_free, report_keys },
	{ N_("Payments by month"),
	  N_("The contributions for the year by the month they were taken: "
	    "the amount the persons paid (after their subsidies) and, in "
	    "brackets, the number of payments.  Refunded or reversed "
	    "payments are left out.  The longest bar is the largest month."
	    "  Keys: arrows and PgUp/PgDn scroll; F4 prints (YIBAO_PRINT_COMMAND, "
	    "else lp); F5 reads again; F6 writes the figures to a CSV file; "
	    "F7 and F8 show the year before or after."),
	  report_draw, report_key, report_free, report_keys },
};

static void
open_report(struct tui *t, enum rep_kind kind)
{
	struct report *r = calloc(1, sizeof *r);

	if (r == NULL)
		return;
	r->kind = kind;
	r->year = t->s.today.y;
	build(t, r);
	tui_push(t, &report_screens[kind], r);
}

static void open_enrol(struct tui *t) { open_report(t, REP_ENROL); }
static void open_subsidy(struct tui *t) { open_report(t, REP_SUBSIDY); }
static void open_settle(struct tui *t) { open_report(t, REP_SETTLE); }
static void open_months(struct tui *t) { open_report(t, REP_MONTHS); }

static const struct tui_menu_item report_items[] = {
	{ N_("End of day: the cash report"), tui_open_day_report },
	{ N_("Enrolment by village and category"), open_enrol },
	{ N_("Subsidies by category, fiscal subsidy by level"), open_subsidy },
	{ N_("Settlements by kind and month"), open_settle },
	{ N_("Payments by month"), open_months },
};

void
tui_open_reports(struct tui *t)
{
	tui_menu_open(t, N_("Reports"), report_items,
	    (int)(sizeof report_items / sizeof report_items[0]));
}
