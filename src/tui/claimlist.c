/*
 * claimlist.c: a resident's claims for the benefit year (ops_claim_list,
 * as `yibao claim list`): each claim with what the three schemes paid and
 * what the person paid, a reversal's figures negative; under them the
 * year so far against each cap of the office's pack (RULES.md 5.2: a cap
 * left is the cap less what the fund paid under it this year).  Enter
 * opens a claim's slip (print, reverse there); F5 settles a new claim for
 * this person; F6 their off-site registrations.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/claim.h"
#include "tui/claims.h"
#include "tui/screens.h"

enum { MODE_ASK, MODE_LIST };

struct claims {
	int mode;
	struct tui_form *ask;
	char id[19];
	int stamp;
	struct claim_list l;
	int loaded;
	struct tui_list list;
	struct scr_page caps;		/* the year against the caps */
};

static int changes_seen;

void
tui_claims_changed(void)
{
	changes_seen++;
}

static const struct tui_form_field ask_fields[] = {
	{ N_("ID number"), 20, 18, TUI_FIELD_IDCARD, NULL,
	    N_("Whose claims; Enter lists them") },
	{ N_("Year"), 5, 4, TUI_FIELD_DIGITS, NULL,
	    N_("The benefit year; empty: this year") },
};

static const char *
row_note(const struct claim_row *r, char *buf, size_t bufsz)
{
	if (r->reverses[0] != '\0')
		snprintf(buf, bufsz, _("reverses %s"), r->reverses);
	else if (r->reversed_by[0] != '\0')
		snprintf(buf, bufsz, _("reversed by %s"), r->reversed_by);
	else if (!r->eligible)
		snprintf(buf, bufsz, "%s", _("not eligible"));
	else
		buf[0] = '\0';
	return buf;
}

static void
claim_row_text(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	const struct claim_row *r = &((struct claims *)ctx)->l.r[i];
	char d[DATE_BUFSZ], note[96];

	(void)t;
	buf[0] = '\0';
	scr_cell(buf, bufsz, r->key + (strlen(r->key) > 9 ?
	    strlen(r->key) - 9 : 0), 9, 0);
	scr_cell(buf, bufsz, date_format(r->admitted_on, d), 10, 0);
	scr_cell(buf, bufsz, claim_kind_label(r->kind), 8, 0);
	scr_cell(buf, bufsz, scr_money(r->total), 9, 1);
	scr_cell(buf, bufsz, scr_money(r->fund), 9, 1);
	scr_cell(buf, bufsz, scr_money(r->serious + r->assistance), 9, 1);
	scr_cell(buf, bufsz, scr_money(r->personal), 9, 1);
	scr_cell(buf, bufsz, row_note(r, note, sizeof note), 40, 0);
}

static void
used_line(struct scr_page *p, const char *label, const struct claim_used *u)
{
	char row[SCR_LINE_MAX] = "  ";

	scr_cell(row, sizeof row, label, 30, 0);
	scr_cell(row, sizeof row, scr_money(u->used), 10, 1);
	if (u->cap >= 0) {
		char tail[200];

		snprintf(tail, sizeof tail, _("of %s, %s left"),
		    scr_money(u->cap), scr_money(u->cap > u->used ?
		    u->cap - u->used : 0));
		scr_cell(row, sizeof row, tail, 30, 0);
	}
	scr_page_add(p, 0, "%s", row);
}

static void
build_caps(struct claims *c)
{
	const struct claim_list *l = &c->l;
	struct scr_page *p = &c->caps;
	char row[SCR_LINE_MAX];

	scr_page_clear(p);
	row[0] = '\0';
	scr_cell(row, sizeof row, _("Total"), 30, 0);
	scr_cell(row, sizeof row, scr_money(l->total), 9, 1);
	scr_cell(row, sizeof row, scr_money(l->fund), 9, 1);
	scr_cell(row, sizeof row, scr_money(l->serious + l->assistance), 9,
	    1);
	scr_cell(row, sizeof row, scr_money(l->personal), 9, 1);
	scr_page_add(p, TUI_A_BOLD, " %s", row);
	if (l->policy_id[0] != '\0')
		scr_page_add(p, TUI_A_BOLD, _("The year so far, against the "
		    "caps of policy pack %s:"), l->policy_id);
	else
		scr_page_add(p, TUI_A_BOLD, "%s", _("The year so far (the "
		    "office's policy pack is for another year: no caps "
		    "shown):"));
	used_line(p, _("Inpatient fund (accident included)"), &l->inpatient);
	used_line(p, _("Accident fund"), &l->accident);
	used_line(p, _("General outpatient fund"), &l->outpatient);
	for (int i = 0; i < l->nchronic; i++) {
		char lab[160];

		snprintf(lab, sizeof lab, _("Chronic: %s"), l->chronic[i].label);
		used_line(p, lab, &l->chronic[i]);
	}
	row[0] = '\0';
	scr_cell(row, sizeof row, _("Serious-illness insurance paid"), 30, 0);
	scr_cell(row, sizeof row, scr_money(l->serious_paid), 10, 1);
	scr_page_add(p, 0, "  %s", row);
	row[0] = '\0';
	scr_cell(row, sizeof row, _("Medical assistance paid"), 30, 0);
	scr_cell(row, sizeof row, scr_money(l->assistance_paid), 10, 1);
	scr_page_add(p, 0, "  %s", row);
}

static int
load(struct tui *t, struct claims *c, const char *id, int year)
{
	struct claim_list *l = calloc(1, sizeof *l);
	struct ops_error err;

	if (l == NULL)
		return -1;
	if (ops_claim_list(&t->s, id, year, l, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(l);
		return -1;
	}
	if (c->loaded)
		claim_list_free(&c->l);
	c->l = *l;
	free(l);
	c->loaded = 1;
	snprintf(c->id, sizeof c->id, "%s", c->l.id_number);
	c->list.n = c->l.n;
	if (c->list.sel >= c->list.n)
		c->list.sel = c->list.n > 0 ? c->list.n - 1 : 0;
	build_caps(c);
	c->mode = MODE_LIST;
	return 0;
}

static void
claims_draw(struct tui *t, void *state)
{
	struct claims *c = state;
	int rows = tui_body_rows(t), cols = tui_body_cols(t), h;
	char head[SCR_LINE_MAX] = "  ", idb[19];

	if (c->mode == MODE_ASK) {
		tui_print(t, 1, 1, 0, TUI_A_BOLD, _("Whose claims?"));
		tui_form_draw(t, c->ask, 3, 1);
		return;
	}
	if (c->stamp != changes_seen) {	/* a claim was saved or reversed */
		c->stamp = changes_seen;
		load(t, c, c->id, c->l.year);
	}
	tui_printf(t, 0, 1, 0, TUI_A_BOLD, _("%s  %s, benefit year %d"),
	    c->l.name, tui_shown_id(t, c->l.id_number, idb), c->l.year);
	scr_cell(head, sizeof head, _("Claim"), 9, 0);
	scr_cell(head, sizeof head, _("Date"), 10, 0);
	scr_cell(head, sizeof head, _("Kind"), 8, 0);
	scr_cell(head, sizeof head, _("Total"), 9, 1);
	scr_cell(head, sizeof head, _("Fund"), 9, 1);
	scr_cell(head, sizeof head, _("Other"), 9, 1);
	scr_cell(head, sizeof head, _("Personal"), 9, 1);
	scr_cell(head, sizeof head, _("Note"), 12, 0);
	tui_print(t, 1, 0, cols, TUI_A_BOLD, head);
	h = rows - 2 - c->caps.n;
	if (h < 3)
		h = 3;
	if (c->l.n == 0)
		tui_print(t, 2, 2, cols - 2, 0, _("No claims this year."));
	else
		tui_list_draw(t, &c->list, 2, 0, h, cols);
	scr_page_draw(t, &c->caps, 2 + h, rows - 2 - h);
	tui_cursor(t, -1, -1);
}

static int
claims_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct claims *c = state;
	char id[64], year[8];
	int r;

	if (c->mode == MODE_ASK) {
		r = tui_form_key(t, c->ask, k);
		if (r == TUI_FORM_SAVE) {
			tui_form_get_buf(c->ask, 0, id, sizeof id);
			tui_form_get_buf(c->ask, 1, year, sizeof year);
			load(t, c, id, atoi(year));
		} else if (r == TUI_FORM_CANCEL)
			tui_pop(t);
		return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
	}
	switch (k->code) {
	case TUI_KEY_F(5):
		tui_open_claim(t, c->id);
		return TUI_HANDLED;
	case TUI_KEY_F(6):
		tui_open_offsite(t, c->id);
		return TUI_HANDLED;
	default:
		break;
	}
	r = tui_list_key(t, &c->list, k);
	if (r == TUI_LIST_CHOOSE && c->l.n > 0)
		tui_open_claim_slip(t, c->l.r[c->list.sel].key);
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void
claims_free(void *state)
{
	struct claims *c = state;

	tui_form_free(c->ask);
	if (c->loaded)
		claim_list_free(&c->l);
	scr_page_free(&c->caps);
	free(c);
}

static const struct tui_keyhelp claims_keys[] = {
	{ "Enter", N_("Slip") },
	{ "F5", N_("Settle") },
	{ "F6", N_("Off-site") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen claims_screen = {
	N_("Claims of the year"),
	N_("A resident's claims of one benefit year (a reversal's figures "
	    "negative; Other is serious illness and assistance), then the "
	    "year against each cap of the pack: cap left = cap - what the "
	    "fund paid under it this year (inpatient and accident share the "
	    "inpatient cap).  Enter opens a claim's slip (print, reverse); "
	    "F5 settles a claim; F6 the off-site registrations."),
	claims_draw, claims_key, claims_free, claims_keys
};

void
tui_open_claim_list(struct tui *t, const char *resident_id)
{
	struct claims *c = calloc(1, sizeof *c);

	if (c == NULL || (c->ask = tui_form_new(ask_fields, 2, c)) == NULL) {
		free(c);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	c->list.row = claim_row_text;
	c->list.ctx = c;
	c->stamp = changes_seen;
	if (resident_id != NULL && load(t, c, resident_id, 0) != 0) {
		claims_free(c);
		return;
	}
	tui_push(t, &claims_screen, c);
}
