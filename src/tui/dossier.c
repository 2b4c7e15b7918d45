/*
 * dossier.c: one resident on one page: identity, household and members,
 * hardship categories and chronic qualifications with their dates and
 * departments, coverage this year and next, and payments.  The page is
 * built from the ops when opened and after each action, and scrolls.
 * Actions on function keys: F4 contributions, F5/F6 add a category or a
 * qualification, F7 end one, F8 join a household, F9 claims; and on
 * letters, which no terminal loses: E edit, X end or reopen, M move to
 * another household, H make head.  Enter lists the letters' actions as a
 * numbered menu, for a clerk who has not learnt them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/household.h"
#include "ops/payment.h"
#include "ops/resident.h"
#include "tui/claims.h"
#include "tui/screens.h"

struct dossier {
	char id[19];
	int ended;		/* the coverage has ended: X reopens */
	struct scr_page page;
	char error[512];
	int stamp;		/* rebuild when tui_dossier_changed() bumps it */
};

static int changes;

void
tui_dossier_changed(void)
{
	changes++;
}

const char *
scr_category_label(const struct tui *t, const char *code)
{
	enum category c;

	if (category_from_code(code, &c) != 0)
		return code;
	return pay_category_label(&t->s, (int)c);
}

const char *
scr_disease_label(const struct tui *t, const char *code)
{
	const struct policy *p = t->s.policy;

	for (int i = 0; p != NULL && i < p->ndiseases && i < DISEASE_MAX; i++)
		if (strcmp(p->disease[i].code, code) == 0)
			return p->disease[i].name;
	return code;
}

static void
add_periods(struct tui *t, struct scr_page *pg, const char *title,
    const struct db_period *p, int n, int disease)
{
	scr_page_add(pg, TUI_A_BOLD, "%s", title);
	if (n == 0)
		scr_page_add(pg, 0, "  %s", _("none"));
	for (int i = 0; i < n; i++) {
		char row[SCR_LINE_MAX] = "  ";
		char dates[64];

		snprintf(dates, sizeof dates, "%s ~ %s", p[i].valid_from,
		    p[i].valid_to[0] ? p[i].valid_to : _("open"));
		scr_cell(row, sizeof row, disease ?
		    scr_disease_label(t, p[i].code) :
		    scr_category_label(t, p[i].code), 26, 0);
		scr_cell(row, sizeof row, dates, 24, 0);
		scr_cell(row, sizeof row, p[i].department, 20, 0);
		scr_page_add(pg, 0, "%s", row);
	}
}

static void
add_coverage(struct tui *t, struct scr_page *pg, const char *id, int year)
{
	struct coverage_report cr;
	struct ops_error err;
	char d[DATE_BUFSZ], w[DATE_BUFSZ], what[256];

	if (ops_coverage(&t->s, id, year, &cr, &err) != OPS_OK) {
		scr_page_add(pg, 0, "  %d  %s", year, err.msg);
		return;
	}
	date_format(cr.cov.benefits_from, d);
	switch (cr.cov.status) {
	case COVER_INSURED:
		snprintf(what, sizeof what, _("insured from %s (%s)"), d,
		    cr.cov.payment);
		break;
	case COVER_WAITING:
		snprintf(what, sizeof what, _("insured, waiting until %s "
		    "(paid late, %s)"), date_format(cr.cov.waiting_until, w),
		    cr.cov.payment);
		break;
	case COVER_REFUNDED:
		snprintf(what, sizeof what, _("not insured: refunded (%s)"),
		    cr.cov.cancelled_by);
		break;
	case COVER_REVERSED:
		snprintf(what, sizeof what, _("not insured: reversed (%s)"),
		    cr.cov.cancelled_by);
		break;
	default:
		snprintf(what, sizeof what, "%s", _("not insured: not paid"));
		break;
	}
	scr_page_add(pg, cr.cov.insured ? 0 : TUI_A_BOLD, "  %d  %s%s", year,
	    cr.cov.insured ? "" : "! ", what);
}

static void
add_payments(struct tui *t, struct scr_page *pg, const char *id)
{
	static const char *kinds[] = { N_("payment"), N_("refund"),
	    N_("reversal") };
	struct pay_line *lines = NULL;
	struct ops_error err;
	size_t n = 0;
	char d[DATE_BUFSZ];

	scr_page_add(pg, TUI_A_BOLD, "%s", _("Payments"));
	if (ops_person_lines(&t->s, id, &lines, &n, &err) != OPS_OK) {
		scr_page_add(pg, TUI_A_ERROR, "  ! %s", err.msg);
		return;
	}
	if (n == 0)
		scr_page_add(pg, 0, "  %s", _("none"));
	for (size_t i = 0; i < n; i++) {
		char row[SCR_LINE_MAX] = "  ";
		char year[16];

		snprintf(year, sizeof year, "%d", lines[i].benefit_year);
		scr_cell(row, sizeof row, lines[i].key, 20, 0);
		scr_cell(row, sizeof row, _(kinds[lines[i].kind]), 8, 0);
		scr_cell(row, sizeof row, year, 4, 0);
		scr_cell(row, sizeof row, date_format(lines[i].paid_on, d), 10,
		    0);
		scr_cell(row, sizeof row, scr_money(lines[i].amount), 10, 1);
		scr_cell(row, sizeof row, lines[i].cancels, 20, 0);
		scr_page_add(pg, 0, "%s", row);
	}
	free(lines);
}

static void
build(struct tui *t, struct dossier *d)
{
	struct resident_view *v = calloc(1, sizeof *v);
	struct scr_page *pg = &d->page;
	struct ops_error err;
	char idb[19];

	scr_page_clear(pg);
	d->error[0] = '\0';
	d->stamp = changes;
	if (v == NULL)
		return;
	if (ops_resident_view(&t->s, d->id, v, &err) != OPS_OK) {
		snprintf(d->error, sizeof d->error, "%s", err.msg);
		free(v);
		return;
	}
	d->ended = strcmp(v->r.status, "active") != 0;
	scr_page_add(pg, TUI_A_BOLD, "%s  %s", v->r.name,
	    tui_shown_id(t, v->r.id_number, idb));
	scr_page_add(pg, 0, "  %s %s   %s %s   %s %s",
	    _("Sex"), resident_sex_label(v->r.sex), _("Born"), v->r.birth,
	    _("Phone"), v->r.phone[0] ? v->r.phone : "-");
	scr_page_add(pg, 0, "  %s %s   %s %s",
	    _("Residence"), resident_residence_label(v->r.residence),
	    _("Insured as"), resident_insured_label(v->r.insured_category));
	scr_page_add(pg, 0, "  %s %s   %s %s%s%s", _("Village"), v->r.village,
	    _("Status"), resident_status_label(v->r.status),
	    v->r.ended_on[0] ? " " : "", v->r.ended_on);
	if (v->in_household) {
		char hn[HOUSEHOLD_NAME_MAX];

		scr_page_add(pg, TUI_A_BOLD, _("Household %s"),
		    household_name(&t->s, v->member.household_site,
		    v->member.household_number, hn, sizeof hn));
		for (int i = 0; i < v->nmembers; i++) {
			char row[SCR_LINE_MAX] = "  ";

			scr_cell(row, sizeof row, v->members[i].name, 10, 0);
			scr_cell(row, sizeof row, household_relation_label(
			    v->members[i].relation), 8, 0);
			scr_cell(row, sizeof row, tui_shown_id(t,
			    v->members[i].id_number, idb), 18, 0);
			scr_cell(row, sizeof row, resident_status_label(
			    v->members[i].status), 8, 0);
			scr_page_add(pg, 0, "%s", row);
		}
	} else
		scr_page_add(pg, TUI_A_BOLD, "%s", _("In no household"));
	add_periods(t, pg, _("Hardship categories"), v->categories,
	    v->ncategories, 0);
	add_periods(t, pg, _("Chronic-disease qualifications"),
	    v->qualifications, v->nqualifications, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", _("Coverage"));
	add_coverage(t, pg, d->id, t->s.today.y);
	add_coverage(t, pg, d->id, t->s.today.y + 1);
	add_payments(t, pg, d->id);
	free(v);
}

static void
dossier_draw(struct tui *t, void *state)
{
	struct dossier *d = state;

	if (d->stamp != changes)
		build(t, d);
	if (d->error[0] != '\0') {
		tui_printf(t, 1, 1, 0, TUI_A_ERROR, "! %s", d->error);
		return;
	}
	scr_page_draw(t, &d->page, 0, tui_body_rows(t));
	tui_cursor(t, -1, -1);
}

/*
 * The numbered menu of the letter actions.  A menu item knows no
 * resident, so the dossier that opens the menu leaves its ID here; each
 * item takes the menu off first, so Esc on the form goes back to the
 * dossier.
 */
static char action_id[19];

static void
act_edit(struct tui *t)
{
	tui_pop(t);
	tui_open_resident_edit(t, action_id);
}

static void
act_end(struct tui *t)
{
	tui_pop(t);
	tui_open_resident_end(t, action_id);
}

static void
act_move(struct tui *t)
{
	tui_pop(t);
	tui_open_member_move(t, action_id);
}

static void
act_head(struct tui *t)
{
	tui_pop(t);
	tui_open_make_head(t, action_id);
}

static const struct tui_menu_item active_items[] = {
	{ N_("Edit name, village, phone... (E)"), act_edit },
	{ N_("End the coverage (X)"), act_end },
	{ N_("Move to another household (M)"), act_move },
	{ N_("Make head of the household (H)"), act_head },
};

static const struct tui_menu_item ended_items[] = {
	{ N_("Edit name, village, phone... (E)"), act_edit },
	{ N_("Reopen the coverage (X)"), act_end },
	{ N_("Move to another household (M)"), act_move },
	{ N_("Make head of the household (H)"), act_head },
};

/* A letter's action, or the menu (Enter); 0 when the key is neither. */
static int
letter_action(struct tui *t, struct dossier *d, const struct tui_key *k)
{
	uint32_t c = k->ch | 0x20;	/* e and E alike */

	if (k->code == TUI_KEY_ENTER) {
		snprintf(action_id, sizeof action_id, "%s", d->id);
		tui_menu_open(t, N_("Resident's actions"), d->ended ?
		    ended_items : active_items, 4);
		return 1;
	}
	if (k->code != TUI_KEY_CHAR)
		return 0;
	if (c == 'e')
		tui_open_resident_edit(t, d->id);
	else if (c == 'x')
		tui_open_resident_end(t, d->id);
	else if (c == 'm')
		tui_open_member_move(t, d->id);
	else if (c == 'h')
		tui_open_make_head(t, d->id);
	else
		return 0;
	return 1;
}

static int
dossier_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct dossier *d = state;

	if (d->error[0] == '\0' && letter_action(t, d, k))
		return TUI_HANDLED;
	switch (k->code) {
	case TUI_KEY_F(4):
		tui_open_pay(t, d->id);
		return TUI_HANDLED;
	case TUI_KEY_F(5):
		tui_open_period_add(t, d->id, 0);
		return TUI_HANDLED;
	case TUI_KEY_F(6):
		tui_open_period_add(t, d->id, 1);
		return TUI_HANDLED;
	case TUI_KEY_F(7):
		tui_open_period_end(t, d->id);
		return TUI_HANDLED;
	case TUI_KEY_F(8):
		tui_open_member_add(t, d->id);
		return TUI_HANDLED;
	case TUI_KEY_F(9):
		tui_open_claim_list(t, d->id);
		return TUI_HANDLED;
	default:
		return scr_page_key(&d->page, tui_body_rows(t), k);
	}
}

static void
dossier_free(void *state)
{
	struct dossier *d = state;

	scr_page_free(&d->page);
	free(d);
}

/*
 * The letters come after Esc: at 80 columns the bottom line has no room
 * for them (it is cut there), and F1 lists them all.  F3 is everywhere.
 */
static const struct tui_keyhelp dossier_keys[] = {
	{ "Enter", N_("More") },
	{ "F4", N_("Pay") },
	{ "F5", N_("Category") },
	{ "F6", N_("Chronic") },
	{ "F7", N_("End one") },
	{ "F8", N_("Household") },
	{ "F9", N_("Claims") },
	{ "Esc", N_("Back") },
	{ "E", N_("Edit details") },
	{ "X", N_("End or reopen") },
	{ "M", N_("Move household") },
	{ "H", N_("Make head") },
	{ NULL, NULL }
};

static const struct tui_screen dossier_screen = {
	N_("Resident"),
	N_("The resident's record: identity, household and its members, "
	    "hardship categories and chronic-disease qualifications with "
	    "their dates and the department that certified them, coverage "
	    "this year and next, and every payment, refund and reversal.  "
	    "Up, Down, PgUp and PgDn scroll.  F4 takes contributions for the "
	    "household, F5 adds a hardship category, F6 a chronic-disease "
	    "qualification, F7 ends one (a supervisor), F8 puts the resident "
	    "in a household, F9 shows the claims of the year (settle one there, or "
	    "see the off-site registrations).  Letters: E edits the name, "
	    "residence, insured category, village and phone; X ends the "
	    "coverage (death, moved away, employment, military service) or "
	    "reopens an ended one (a supervisor); M moves the resident to "
	    "another household (another office's as OFFICE/NUMBER); H makes "
	    "the resident the head of their household.  Enter lists these as "
	    "a numbered menu.  Coverage for a year comes from a "
	    "payment for it that no refund or reversal cancels; benefits start "
	    "on the day shown (after the waiting period of a late payment, "
	    "RULES.md 3.3); no claim is settled from the day a coverage "
	    "ends."),
	dossier_draw, dossier_key, dossier_free, dossier_keys
};

void
tui_open_dossier(struct tui *t, const char *resident_id)
{
	struct dossier *d = calloc(1, sizeof *d);

	if (d == NULL) {
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	snprintf(d->id, sizeof d->id, "%s", resident_id);
	d->stamp = changes - 1;
	tui_push(t, &dossier_screen, d);
}
