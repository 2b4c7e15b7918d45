/*
 * day.c: the end-of-day cash report (日结) of the business date on screen:
 * per operator the payments, refunds and reversals with their count and
 * sum, and the net cash each hands in; the total to the fen.  F4 prints
 * it, F5 reads it again (other windows may still be working).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/report.h"
#include "tui/screens.h"

struct day {
	struct scr_page page;
};

static void
block(struct scr_page *pg, const char *title, const struct day_row *r)
{
	static const char *kinds[DAY_KINDS] = { N_("Payments"), N_("Refunds"),
	    N_("Reversals") };

	scr_page_add(pg, TUI_A_BOLD, "%s", title);
	for (int k = 0; k < DAY_KINDS; k++) {
		char row[SCR_LINE_MAX] = "  ", n[16];

		snprintf(n, sizeof n, "%d", r->count[k]);
		scr_cell(row, sizeof row, _(kinds[k]), 12, 0);
		scr_cell(row, sizeof row, n, 5, 1);
		scr_cell(row, sizeof row, scr_money(r->sum[k]), 12, 1);
		scr_page_add(pg, 0, "%s", row);
	}
	{
		char row[SCR_LINE_MAX] = "  ";

		scr_cell(row, sizeof row, _("Net cash"), 18, 0);
		scr_cell(row, sizeof row, scr_money(r->net), 12, 1);
		scr_page_add(pg, TUI_A_BOLD, "%s", row);
	}
}

static void
build(struct tui *t, struct day *d)
{
	struct day_report r;
	struct ops_error err;
	char date[DATE_BUFSZ], title[256];

	scr_page_clear(&d->page);
	if (ops_report_day(&t->s, t->s.today, NULL, &r, &err) != OPS_OK) {
		scr_page_add(&d->page, TUI_A_ERROR, "! %s", err.msg);
		return;
	}
	scr_page_add(&d->page, TUI_A_BOLD, _("Day report %s, office %s"),
	    date_format(r.date, date), r.site);
	scr_page_add(&d->page, 0, "%s", "");
	for (size_t i = 0; i < r.n; i++) {
		snprintf(title, sizeof title, "%s (%s)", r.rows[i].login,
		    r.rows[i].name);
		block(&d->page, title, &r.rows[i]);
		scr_page_add(&d->page, 0, "%s", "");
	}
	if (r.n == 0)
		scr_page_add(&d->page, 0, "%s", _("Nothing was paid, refunded or "
		    "reversed today."));
	block(&d->page, _("Total"), &r.total);
	day_report_free(&r);
}

static void
day_draw(struct tui *t, void *state)
{
	struct day *d = state;

	scr_page_draw(t, &d->page, 0, tui_body_rows(t));
	tui_cursor(t, -1, -1);
}

static int
day_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct day *d = state;

	switch (k->code) {
	case TUI_KEY_F(4):
		scr_page_print(t, &d->page, _("The day report"));
		return TUI_HANDLED;
	case TUI_KEY_F(5):
		build(t, d);
		tui_status(t, "%s", _("Read again."));
		return TUI_HANDLED;
	default:
		return scr_page_key(&d->page, tui_body_rows(t), k);
	}
}

static void
day_free(void *state)
{
	struct day *d = state;

	scr_page_free(&d->page);
	free(d);
}

static const struct tui_keyhelp day_keys[] = {
	{ "F4", N_("Print") },
	{ "F5", N_("Again") },
	{ "F1", N_("Help") },
	{ "F10", N_("Quit") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen day_screen = {
	N_("End of day"),
	N_("The cash report of today: for each operator the payments, "
	    "refunds and reversals taken today with their number and sum, "
	    "and the net cash to hand in; then the office's total.  Refunds "
	    "and reversals are negative lines (RULES.md 3.5, 3.6), so the net "
	    "cash is payments + refunds + reversals, to the fen.  F4 "
	    "prints it (YIBAO_PRINT_COMMAND, else lp); F5 reads it again."),
	day_draw, day_key, day_free, day_keys
};

void
tui_open_day_report(struct tui *t)
{
	struct day *d = calloc(1, sizeof *d);

	if (d == NULL)
		return;
	build(t, d);
	tui_push(t, &day_screen, d);
}
