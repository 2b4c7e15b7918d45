/*
 * paybatch.c: a collector's list of contributions paid at once (yibao
 * pay --batch FILE), as the file of claims: the file is first paid as a
 * dry run (nothing saved) and the preview lists each receipt with its
 * persons and the totals, or every refused row with its line and reason;
 * F2 there pays them all in one transaction, and only a file without a
 * refused row can be paid.  The form asking for the file and that flow
 * are filebatch.c's; here is what is the contributions' own: their
 * texts, the op, the receipts with their persons and the last line.
 */
#include "config.h"

#include <stdio.h>

#include "i18n.h"
#include "ops/pay_batch.h"
#include "tui/admin.h"
#include "tui/filebatch.h"
#include "tui/internal.h"
#include "tui/screens.h"

FILEBATCH_REPORT(contributions_report, pay_batch_report, ops_pay_batch,
    pay_batch_report_free, _("Contributions file %s"), _("Read %ld rows (%s)."));

/* A receipt's line, then one line a person under it. */
static void
show_receipt(struct tui *t, struct scr_page *pg, int done,
    const struct pay_batch_report *r, const struct pay_batch_receipt *c)
{
	char line[SCR_LINE_MAX], num[24], idb[19];

	line[0] = '\0';
	snprintf(num, sizeof num, "%ld", c->line);
	scr_cell(line, sizeof line, num, 4, 1);
	scr_cell(line, sizeof line, done && c->receipt[0] ? c->receipt :
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

/* The receipts under a header; the totals. */
static void
table(struct tui *t, struct scr_page *pg, const void *report, int done)
{
	const struct pay_batch_report *r = report;
	char line[SCR_LINE_MAX], num[24];

	line[0] = '\0';
	scr_cell(line, sizeof line, _("Line"), 4, 1);
	scr_cell(line, sizeof line, done ? _("Receipt") : _("Household"), 18,
	    0);
	scr_cell(line, sizeof line, _("Persons"), 6, 1);
	scr_cell(line, sizeof line, _("Standard"), 10, 1);
	scr_cell(line, sizeof line, _("Subsidy"), 10, 1);
	scr_cell(line, sizeof line, _("Due"), 10, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", line);
	for (size_t i = 0; i < r->nreceipts; i++)
		show_receipt(t, pg, done, r, &r->receipt[i]);
	line[0] = '\0';
	scr_cell(line, sizeof line, _("Total"), 23, 0);
	snprintf(num, sizeof num, "%zu", r->npersons);
	scr_cell(line, sizeof line, num, 6, 1);
	scr_cell(line, sizeof line, scr_money(r->total_standard), 10, 1);
	scr_cell(line, sizeof line, scr_money(r->total_subsidy), 10, 1);
	scr_cell(line, sizeof line, scr_money(r->total), 10, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", line);
}

static void
summary(const void *report, int done, char *buf, size_t size)
{
	const struct pay_batch_report *r = report;

	if (done)
		snprintf(buf, size, _("Paid %zu receipts for %zu persons "
		    "(%s)."), r->nreceipts, r->npersons, r->encoding);
	else
		snprintf(buf, size, _("Nothing is paid yet: F2 pays these %zu "
		    "receipts, %s in all, all or none."), r->nreceipts,
		    scr_money(r->total));
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
	filebatch_preview_draw, filebatch_preview_key, filebatch_preview_free,
	batch_keys
};

static const struct filebatch_kind contributions_file = {
	N_("Pay a file of contributions"),
	N_("One row a person; the header names the columns, in any order: "
	    "id (身份证号码), group (户号: the rows of one group share a "
	    "receipt; without it, a household's rows do), name (姓名, "
	    "checked), year (缴费年度), date (缴费日期), late_case and "
	    "employee_ended_on, as yibao pay's options.  Only id is needed."),
	N_("A CSV file of contributions, one person a line; Enter reads it"),
	&batch_screen,
	N_("Reading the contributions"),
	N_("Paying the contributions"),
	N_("Working... every receipt is saved in one transaction."),
	N_("These contributions are paid already."),
	N_("A file with refused rows cannot be paid: nothing was saved."),
	N_("The contributions file"),
	&contributions_report, table, summary, tui_dossier_changed
};

static const struct tui_screen form_screen = {
	N_("Pay a file of contributions"),
	N_("A village collector's list of the contributions taken, as a "
	    "CSV file (UTF-8 or GB18030, found by itself) with a header "
	    "row (yibao pay --batch).  F2 or Enter pays the whole file as a "
	    "trial and shows every receipt and every refused row before "
	    "anything is saved; one refused row and nothing can be."),
	filebatch_form_draw, filebatch_form_key, filebatch_form_free,
	filebatch_form_keys
};

void
tui_open_pay_batch(struct tui *t)
{
	filebatch_open(t, &form_screen, &contributions_file);
}
