/*
 * paybatch.c: a collector's list of contributions paid at once (yibao
 * pay --batch FILE), as the file of claims: the file is first paid as a
 * dry run (nothing saved) and the preview lists each receipt with its
 * persons and the totals, or every refused row with its line and reason;
 * F2 there pays them all in one transaction, and only a file without a
 * refused row can be paid.  The form asking for the file is filebatch.c's.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/pay_batch.h"
#include "ops/session.h"
#include "tui/admin.h"
#include "tui/filebatch.h"
#include "tui/internal.h"
#include "tui/screens.h"

struct batch {
	char file[FILEBATCH_PATH_LEN];
	struct scr_page page;
	int clean;		/* the dry run refused nothing */
	int done;		/* paid */
};

static enum ops_status
run(struct tui *t, struct batch *b, int dry, struct pay_batch_report *r,
    struct ops_error *err)
{
	enum ops_status st;
	FILE *f;

	memset(r, 0, sizeof *r);
	if ((f = fopen(b->file, "rb")) == NULL)
		return ops_fail(err, OPS_INVALID, _("cannot open %s: %s"),
		    b->file, strerror(errno));
	filebatch_working(t, dry ? _("Reading the contributions") :
	    _("Paying the contributions"), _("Working... every receipt is "
	    "saved in one transaction."));
	ops_session_clock(&t->s);
	st = ops_pay_batch(&t->s, f, dry, r, err);
	fclose(f);
	return st;
}

/* A receipt's line, then one line a person under it. */
static void
show_receipt(struct tui *t, struct batch *b, const struct pay_batch_report *r,
    const struct pay_batch_receipt *c)
{
	struct scr_page *pg = &b->page;
	char line[SCR_LINE_MAX], num[24], idb[19];

	line[0] = '\0';
	snprintf(num, sizeof num, "%ld", c->line);
	scr_cell(line, sizeof line, num, 4, 1);
	scr_cell(line, sizeof line, b->done && c->receipt[0] ? c->receipt :
	    c->household[0] ? c->household : "-", 18, 0);
	snprintf(num, sizeof num, "%d", c->n);
	scr_cell(line, sizeof line, num, 6, 1);
	scr_cell(line, sizeof line, scr_money(c->total_standard), 10, 1);
	scr_cell(line, sizeof line, scr_money(c->total_subsidy), 10, 1);
	scr_cell(line, sizeof line, scr_money(c->total), 10, 1);
	scr_page_add(pg, 0, "%s", line);
	for (int k = 0; k < c->n; k++) {
		const struct pay_batch_person *p = &r->person[c->first +
		    (size_t)k];

		line[0] = '\0';
		scr_cell(line, sizeof line, "", 4, 1);
		scr_cell(line, sizeof line, p->name, 10, 0);
		scr_cell(line, sizeof line, tui_shown_id(t, p->id_number, idb),
		    18, 0);
		scr_cell(line, sizeof line, scr_money(p->due), 10, 1);
		if (p->subsidy_category >= 0)
			scr_cell(line, sizeof line, pay_category_label(&t->s,
			    p->subsidy_category), 12, 0);
		scr_page_add(pg, TUI_A_DIM, "%s", line);
	}
}

static void
show(struct tui *t, struct batch *b, enum ops_status st,
    const struct pay_batch_report *r, const char *errmsg)
{
	struct scr_page *pg = &b->page;
	char line[SCR_LINE_MAX], num[24];

	scr_page_clear(pg);
	scr_page_add(pg, TUI_A_BOLD, _("Contributions file %s"), b->file);
	if (r->encoding[0] != '\0')
		scr_page_add(pg, 0, _("Read %ld rows (%s)."), r->rows,
		    r->encoding);
	scr_page_add(pg, 0, "%s", "");
	if (st != OPS_OK) {
		scr_page_add(pg, TUI_A_ERROR, "! %s", errmsg);
		for (size_t i = 0; i < r->nproblems; i++)
			scr_page_add(pg, 0, _("line %ld: %s"),
			    r->problem[i].line, r->problem[i].reason);
		if (r->nproblems > 0)
			scr_page_add(pg, 0, "%s", _("Correct the file and read "
			    "it again."));
		return;
	}
	line[0] = '\0';
	scr_cell(line, sizeof line, _("Line"), 4, 1);
	scr_cell(line, sizeof line, b->done ? _("Receipt") : _("Household"),
	    18, 0);
	scr_cell(line, sizeof line, _("Persons"), 6, 1);
	scr_cell(line, sizeof line, _("Standard"), 10, 1);
	scr_cell(line, sizeof line, _("Subsidy"), 10, 1);
	scr_cell(line, sizeof line, _("Due"), 10, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", line);
	for (size_t i = 0; i < r->nreceipts; i++)
		show_receipt(t, b, r, &r->receipt[i]);
	line[0] = '\0';
	scr_cell(line, sizeof line, _("Total"), 23, 0);
	snprintf(num, sizeof num, "%zu", r->npersons);
	scr_cell(line, sizeof line, num, 6, 1);
	scr_cell(line, sizeof line, scr_money(r->total_standard), 10, 1);
	scr_cell(line, sizeof line, scr_money(r->total_subsidy), 10, 1);
	scr_cell(line, sizeof line, scr_money(r->total), 10, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", line);
	scr_page_add(pg, 0, "%s", "");
	if (b->done)
		scr_page_add(pg, TUI_A_BOLD, _("Paid %zu receipts for %zu "
		    "persons (%s)."), r->nreceipts, r->npersons, r->encoding);
	else
		scr_page_add(pg, TUI_A_BOLD, _("Nothing is paid yet: F2 pays "
		    "these %zu receipts, %s in all, all or none."),
		    r->nreceipts, scr_money(r->total));
}

static void
batch_draw(struct tui *t, void *state)
{
	struct batch *b = state;

	scr_page_draw(t, &b->page, 0, tui_body_rows(t));
	tui_cursor(t, -1, -1);
}

static int
batch_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct batch *b = state;
	struct pay_batch_report r;
	struct ops_error err;
	enum ops_status st;

	switch (k->code) {
	case TUI_KEY_F(2):
		if (b->done) {
			tui_error(t, "%s", _("These contributions are paid "
			    "already."));
			return TUI_HANDLED;
		}
		if (!b->clean) {
			tui_error(t, "%s", _("A file with refused rows cannot "
			    "be paid: nothing was saved."));
			return TUI_HANDLED;
		}
		st = run(t, b, 0, &r, &err);
		b->done = st == OPS_OK && r.written;
		b->clean = 0;
		show(t, b, st, &r, err.msg);
		if (b->done) {
			tui_status(t, _("Paid %zu receipts for %zu persons "
			    "(%s)."), r.nreceipts, r.npersons, r.encoding);
			tui_dossier_changed();
		} else
			tui_error(t, "%s", err.msg);
		pay_batch_report_free(&r);
		return TUI_HANDLED;
	case TUI_KEY_F(4):
		scr_page_print(t, &b->page, _("The contributions file"));
		return TUI_HANDLED;
	default:
		return scr_page_key(&b->page, tui_body_rows(t), k);
	}
}

static void
batch_free(void *state)
{
	struct batch *b = state;

	scr_page_free(&b->page);
	free(b);
}

static const struct tui_keyhelp batch_keys[] = {
	{ "F2", N_("Pay") },
	{ "F4", N_("Print") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen batch_screen = {
	N_("Contributions file preview"),
	N_("The contributions of the file paid as a trial, nothing saved: "
	    "each receipt with the line of its first row, the household, "
	    "the persons on it, the standard contributions, the subsidies "
	    "of their categories and what is due (RULES.md 3), and under it "
	    "each person and what they pay; or every refused row with its "
	    "line and reason, and then nothing can be paid.  F2 pays them "
	    "all in one transaction (yibao pay --batch), and the list then "
	    "shows each receipt's number.  F4 prints this page."),
	batch_draw, batch_key, batch_free, batch_keys
};

/* ---- the form: the file (filebatch.c) ------------------------------- */

static void
start(struct tui *t, const char *file)
{
	struct batch *b = calloc(1, sizeof *b);
	struct pay_batch_report r;
	struct ops_error err;
	enum ops_status st;

	if (b == NULL)
		return;
	snprintf(b->file, sizeof b->file, "%s", file);
	st = run(t, b, 1, &r, &err);
	b->clean = st == OPS_OK;
	show(t, b, st, &r, err.msg);
	pay_batch_report_free(&r);
	if (tui_push(t, &batch_screen, b) != 0)
		batch_free(b);
}

static const struct filebatch_kind contributions_file = {
	N_("Pay a file of contributions"),
	N_("One row a person; the header names the columns, in any order: "
	    "id (身份证号码), group (户号: the rows of one group share a "
	    "receipt; without it, a household's rows do), name (姓名, "
	    "checked), year (缴费年度), date (缴费日期), late_case and "
	    "employee_ended_on, as yibao pay's options.  Only id is needed."),
	N_("A CSV file of contributions, one person a line; Enter reads it"),
	start
};

static const struct tui_keyhelp form_keys[] = {
	{ "F2", N_("Read") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen form_screen = {
	N_("Pay a file of contributions"),
	N_("A village collector's list of the contributions taken, as a "
	    "CSV file (UTF-8 or GB18030, found by itself) with a header "
	    "row (yibao pay --batch).  F2 or Enter pays the whole file as a "
	    "trial and shows every receipt and every refused row before "
	    "anything is saved; one refused row and nothing can be."),
	filebatch_form_draw, filebatch_form_key, filebatch_form_free,
	form_keys
};

void
tui_open_pay_batch(struct tui *t)
{
	filebatch_open(t, &form_screen, &contributions_file);
}
