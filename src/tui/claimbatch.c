/*
 * claimbatch.c: a file of claims settled at once (yibao claim settle
 * --batch FILE), as the roster import does it: the file is first settled
 * as a dry run (nothing saved) and the preview lists each claim with its
 * figures and the totals, or every refused row with its line and reason;
 * F2 there saves them all in one transaction, and only a file without a
 * refused row can be saved.  ops_claim_batch offers no progress hook: a
 * box says the work is under way.  The form asking for the file and that
 * flow are filebatch.c's, shared with the file of contributions; here is
 * what is the claims' own: their texts, the op, the table and the last
 * line.
 */
#include "config.h"

#include <stdio.h>

#include "i18n.h"
#include "ops/claim_batch.h"
#include "tui/admin.h"
#include "tui/claims.h"
#include "tui/filebatch.h"
#include "tui/internal.h"
#include "tui/screens.h"

FILEBATCH_REPORT(claims_report, claim_batch_report, ops_claim_batch,
    claim_batch_report_free, _("Claims file %s"), _("Read %ld claims (%s)."));

/* A line a claim, its figures, under a header; the totals. */
static void
table(struct tui *t, struct scr_page *pg, const void *report, int done)
{
	const struct claim_batch_report *r = report;
	char line[SCR_LINE_MAX], idb[19];

	line[0] = '\0';
	scr_cell(line, sizeof line, _("Line"), 4, 1);
	scr_cell(line, sizeof line, done ? _("Claim") : _("ID number"), 18, 0);
	scr_cell(line, sizeof line, _("Total"), 9, 1);
	scr_cell(line, sizeof line, _("Fund"), 9, 1);
	scr_cell(line, sizeof line, _("Serious"), 9, 1);
	scr_cell(line, sizeof line, _("Assistance"), 9, 1);
	scr_cell(line, sizeof line, _("Personal"), 9, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", line);
	for (size_t i = 0; i < r->nclaims; i++) {
		const struct claim_batch_row *w = &r->claim[i];
		char num[16];

		line[0] = '\0';
		snprintf(num, sizeof num, "%ld", w->line);
		scr_cell(line, sizeof line, num, 4, 1);
		scr_cell(line, sizeof line, done && w->key[0] ? w->key :
		    tui_shown_id(t, w->id_number, idb), 18, 0);
		scr_cell(line, sizeof line, scr_money(w->total), 9, 1);
		scr_cell(line, sizeof line, scr_money(w->fund), 9, 1);
		scr_cell(line, sizeof line, scr_money(w->serious), 9, 1);
		scr_cell(line, sizeof line, scr_money(w->assistance), 9, 1);
		scr_cell(line, sizeof line, scr_money(w->personal), 9, 1);
		scr_page_add(pg, 0, "%s", line);
	}
	line[0] = '\0';
	scr_cell(line, sizeof line, _("Total"), 23, 0);
	scr_cell(line, sizeof line, scr_money(r->total), 9, 1);
	scr_cell(line, sizeof line, scr_money(r->fund), 9, 1);
	scr_cell(line, sizeof line, scr_money(r->serious), 9, 1);
	scr_cell(line, sizeof line, scr_money(r->assistance), 9, 1);
	scr_cell(line, sizeof line, scr_money(r->personal), 9, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", line);
}

static void
summary(const void *report, int done, char *buf, size_t size)
{
	const struct claim_batch_report *r = report;

	if (done)
		snprintf(buf, size, _("Settled %zu claims (%s)."), r->nclaims,
		    r->encoding);
	else
		snprintf(buf, size, _("Nothing is saved yet: F2 settles these "
		    "%zu claims, all or none."), r->nclaims);
}

static const struct tui_keyhelp batch_keys[] = {
	{ "F2", N_("Settle") },
	{ "F4", N_("Print") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen batch_screen = {
	N_("Claims file preview"),
	N_("The claims of the file settled as a trial, nothing saved: each "
	    "row's line, the person, the total of the bill and what the "
	    "basic fund, the serious-illness insurance, medical assistance "
	    "and the person pay (RULES.md 5.5), with the totals; or every "
	    "refused row with its line and reason, and then nothing can be "
	    "saved.  A person's caps count the earlier rows of the file, as "
	    "claim after claim would.  F2 saves them all in one transaction "
	    "(yibao claim settle --batch), and the list then shows each "
	    "claim's number.  F4 prints this page."),
	filebatch_preview_draw, filebatch_preview_key, filebatch_preview_free,
	batch_keys
};

static const struct filebatch_kind claims_file = {
	N_("Settle a file of claims"),
	N_("The header names the columns, in any order: id, kind, "
	    "admitted, discharged, hospital, level, scope, emergency, "
	    "disease, delivery, babies, major_disease, total, out_of_list, "
	    "class_b, imported, imported_standard.  id, kind, admitted, "
	    "hospital and total are needed; the others as claim settle's "
	    "options."),
	N_("A CSV file of claims, one a line; Enter reads it"),
	&batch_screen,
	N_("Reading the claims"),
	N_("Saving the claims"),
	N_("Working... every claim is settled in one transaction."),
	N_("These claims are settled already."),
	N_("A file with refused rows cannot be settled: nothing was saved."),
	N_("The claims file"),
	&claims_report, table, summary, tui_claims_changed
};

static const struct tui_screen form_screen = {
	N_("Settle a file of claims"),
	N_("Claims from a hospital's or a department's list, as a CSV file "
	    "(UTF-8 or GB18030, found by itself) with a header row; the "
	    "columns are the fields of one claim (yibao claim settle "
	    "--batch).  F2 or Enter settles the whole file as a trial and "
	    "shows every claim and every refused row before anything is "
	    "saved; one refused row and nothing can be."),
	filebatch_form_draw, filebatch_form_key, filebatch_form_free,
	filebatch_form_keys
};

void
tui_open_claim_batch(struct tui *t)
{
	filebatch_open(t, &form_screen, &claims_file);
}
