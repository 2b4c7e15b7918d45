/*
 * claimbatch.c: a file of claims settled at once (yibao claim settle
 * --batch FILE), as the roster import does it: the file is first settled
 * as a dry run (nothing saved) and the preview lists each claim with its
 * figures and the totals, or every refused row with its line and reason;
 * F2 there saves them all in one transaction, and only a file without a
 * refused row can be saved.  ops_claim_batch offers no progress hook: a
 * box says the work is under way.  The form asking for the file is
 * filebatch.c's, shared with the file of contributions.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/claim_batch.h"
#include "ops/session.h"
#include "tui/admin.h"
#include "tui/claims.h"
#include "tui/filebatch.h"
#include "tui/internal.h"
#include "tui/screens.h"

struct batch {
	char file[FILEBATCH_PATH_LEN];
	struct scr_page page;
	int clean;		/* the dry run refused nothing */
	int done;		/* saved */
};

static enum ops_status
run(struct tui *t, struct batch *b, int dry, struct claim_batch_report *r,
    struct ops_error *err)
{
	enum ops_status st;
	FILE *f;

	memset(r, 0, sizeof *r);
	if ((f = fopen(b->file, "rb")) == NULL)
		return ops_fail(err, OPS_INVALID, _("cannot open %s: %s"),
		    b->file, strerror(errno));
	filebatch_working(t, dry ? _("Reading the claims") :
	    _("Saving the claims"), _("Working... every claim is settled in "
	    "one transaction."));
	ops_session_clock(&t->s);
	st = ops_claim_batch(&t->s, f, dry, r, err);
	fclose(f);
	return st;
}

static void
show(struct tui *t, struct batch *b, enum ops_status st,
    const struct claim_batch_report *r, const char *errmsg)
{
	struct scr_page *pg = &b->page;
	char line[SCR_LINE_MAX], idb[19];

	scr_page_clear(pg);
	scr_page_add(pg, TUI_A_BOLD, _("Claims file %s"), b->file);
	if (r->encoding[0] != '\0')
		scr_page_add(pg, 0, _("Read %ld claims (%s)."), r->rows,
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
	scr_cell(line, sizeof line, b->done ? _("Claim") : _("ID number"),
	    18, 0);
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
		scr_cell(line, sizeof line, b->done && w->key[0] ? w->key :
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
	scr_page_add(pg, 0, "%s", "");
	if (b->done)
		scr_page_add(pg, TUI_A_BOLD, _("Settled %zu claims (%s)."),
		    r->nclaims, r->encoding);
	else
		scr_page_add(pg, TUI_A_BOLD, _("Nothing is saved yet: F2 "
		    "settles these %zu claims, all or none."), r->nclaims);
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
	struct claim_batch_report r;
	struct ops_error err;
	enum ops_status st;

	switch (k->code) {
	case TUI_KEY_F(2):
		if (b->done) {
			tui_error(t, "%s", _("These claims are settled "
			    "already."));
			return TUI_HANDLED;
		}
		if (!b->clean) {
			tui_error(t, "%s", _("A file with refused rows cannot "
			    "be settled: nothing was saved."));
			return TUI_HANDLED;
		}
		st = run(t, b, 0, &r, &err);
		b->done = st == OPS_OK && r.written;
		b->clean = 0;
		show(t, b, st, &r, err.msg);
		if (b->done) {
			tui_status(t, _("Settled %zu claims (%s)."), r.nclaims,
			    r.encoding);
			tui_claims_changed();
		} else
			tui_error(t, "%s", err.msg);
		claim_batch_report_free(&r);
		return TUI_HANDLED;
	case TUI_KEY_F(4):
		scr_page_print(t, &b->page, _("The claims file"));
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
	batch_draw, batch_key, batch_free, batch_keys
};

/* ---- the form: the file (filebatch.c) ------------------------------- */

static void
start(struct tui *t, const char *file)
{
	struct batch *b = calloc(1, sizeof *b);
	struct claim_batch_report r;
	struct ops_error err;
	enum ops_status st;

	if (b == NULL)
		return;
	snprintf(b->file, sizeof b->file, "%s", file);
	st = run(t, b, 1, &r, &err);
	b->clean = st == OPS_OK;
	show(t, b, st, &r, err.msg);
	claim_batch_report_free(&r);
	if (tui_push(t, &batch_screen, b) != 0)
		batch_free(b);
}

static const struct filebatch_kind claims_file = {
	N_("Settle a file of claims"),
	N_("The header names the columns, in any order: id, kind, "
	    "admitted, discharged, hospital, level, scope, emergency, "
	    "disease, delivery, babies, major_disease, total, out_of_list, "
	    "class_b, imported, imported_standard.  id, kind, admitted, "
	    "hospital and total are needed; the others as claim settle's "
	    "options."),
	N_("A CSV file of claims, one a line; Enter reads it"),
	start
};

static const struct tui_keyhelp form_keys[] = {
	{ "F2", N_("Read") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
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
	form_keys
};

void
tui_open_claim_batch(struct tui *t)
{
	filebatch_open(t, &form_screen, &claims_file);
}
