/*
 * household.c: create a household with its head, and add a member to
 * one.  Each field is checked when it is left: the household number
 * exists (or not yet, to create it), the ID number is registered, and the
 * name found is shown beside it, so the clerk sees whom they are adding.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/household.h"
#include "ops/resident.h"
#include "tui/screens.h"

enum { C_NUMBER, C_VILLAGE, C_HEAD, C_COUNT };
enum { A_NUMBER, A_ID, A_RELATION, A_COUNT };

static const char *const relations[] = {
	"spouse", "child", "parent", "grandchild", "grandparent", "sibling",
	"other",
};
#define NREL 7

struct hh {
	int create;			/* 1 create, 0 add a member */
	struct tui_form *form;
	char note[4][256];		/* beside each field: what was found */
	struct scr_choice rel[NREL];
};

/* A registered resident: the name beside the field. */
static int
check_person(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct hh *h = f->ctx;
	struct db_resident r;
	struct ops_error err;
	char id[19];

	h->note[idx][0] = '\0';
	if (scr_check_id(t, tui_form_get(f, idx), id, msg, msgsz) != 0)
		return -1;
	tui_form_set(f, idx, id);
	if (ops_resident_get(&t->s, id, &r, &err) != OPS_OK) {
		snprintf(msg, msgsz, "%s", _("not registered: register the "
		    "resident first"));
		return -1;
	}
	snprintf(h->note[idx], sizeof h->note[idx], "%s", r.name);
	return 0;
}

static int
check_number(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct hh *h = f->ctx;
	struct household_view *v = calloc(1, sizeof *v);
	struct ops_error err;
	const char *number = tui_form_get(f, idx);
	enum ops_status st;
	int rc = 0;

	h->note[idx][0] = '\0';
	if (number[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("type the household number"));
		free(v);
		return -1;
	}
	if (v == NULL)
		return 0;
	st = ops_household_view(&t->s, number, 0, v, &err);
	if (h->create && st == OPS_OK) {
		snprintf(msg, msgsz, _("household %s exists already (%s)"),
		    number, v->h.village);
		rc = -1;
	} else if (!h->create && st != OPS_OK) {
		snprintf(msg, msgsz, "%s", err.msg);
		rc = -1;
	} else if (!h->create)
		snprintf(h->note[idx], sizeof h->note[idx], _("%s, head %s, %d "
		    "members"), v->h.village, v->n > 0 ? v->m[0].name : "-",
		    v->n);
	free(v);
	return rc;
}

static int
check_relation(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct hh *h = f->ctx;

	(void)t;
	h->note[idx][0] = '\0';
	if (scr_choose(h->rel, NREL, tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, _("type a number from 1 to %d"), NREL);
		return -1;
	}
	snprintf(h->note[idx], sizeof h->note[idx], "%s",
	    household_relation_label(scr_choose(h->rel, NREL,
	    tui_form_get(f, idx))));
	return 0;
}

static const struct tui_form_field create_fields[C_COUNT] = {
	{ N_("Household no."), 16, 32, 0, check_number,
	    N_("A new number: letters, digits and '-', e.g. DS-101") },
	{ N_("Village"), 30, 60, 0, scr_check_village,
	    N_("Village or community, as the office writes it") },
	{ N_("Head's ID no."), 20, 18, TUI_FIELD_IDCARD, check_person,
	    N_("The head must be registered and in no household; Enter saves") },
};

static const struct tui_form_field add_fields[A_COUNT] = {
	{ N_("Household no."), 16, 32, 0, check_number,
	    N_("The household to join") },
	{ N_("ID number"), 20, 18, TUI_FIELD_IDCARD, check_person,
	    N_("The new member: registered, in no household") },
	{ N_("Relation"), 3, 1, TUI_FIELD_DIGITS, check_relation,
	    N_("Relation to the head: a number from the list; Enter saves") },
};

static void
hh_draw(struct tui *t, void *state)
{
	struct hh *h = state;
	const struct tui_form_field *def = h->create ? create_fields :
	    add_fields;
	char line[512];

	tui_print(t, 1, 1, 0, TUI_A_BOLD, h->create ? _("A new household and "
	    "its head") : _("A member joins a household"));
	tui_form_draw(t, h->form, 3, 1);
	for (int i = 0; i < h->form->n; i++)
		if (h->note[i][0] != '\0' && h->form->msg[i][0] == '\0')
			tui_print(t, 3 + i, SCR_AFTER_FIELD(1, def[i].width), 0,
			    TUI_A_NORMAL, h->note[i]);
	if (!h->create && h->form->cur == A_RELATION) {
		scr_choices_line(h->rel, NREL, line, sizeof line);
		tui_wrap(t, 3 + A_COUNT + 1, 3, tui_body_cols(t) - 6, 3,
		    TUI_A_NORMAL, line);
	}
	tui_form_draw(t, h->form, 3, 1);	/* the cursor in its field */
}

static void
save(struct tui *t, struct hh *h)
{
	struct ops_error err;
	char a[256], b[256], c[256];
	enum ops_status st;

	tui_form_get_buf(h->form, 0, a, sizeof a);
	tui_form_get_buf(h->form, 1, b, sizeof b);
	tui_form_get_buf(h->form, 2, c, sizeof c);
	st = h->create ? ops_household_create(&t->s, a, b, c, &err) :
	    ops_household_add(&t->s, a, b, scr_choose(h->rel, NREL, c), &err);
	if (st != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	if (h->create)
		tui_status(t, _("Household %s created with %s as its head."), a,
		    h->note[C_HEAD]);
	else
		tui_status(t, _("%s joined household %s."), h->note[A_ID], a);
	tui_dossier_changed();
	/* Ready for the next member of the same household. */
	if (h->create) {
		h->create = 0;
		tui_form_free(h->form);
		h->form = tui_form_new(add_fields, A_COUNT, h);
		memset(h->note, 0, sizeof h->note);
		if (h->form == NULL) {
			tui_pop(t);
			return;
		}
		h->form->label_cols = SCR_LABEL_COLS;
		tui_form_set(h->form, A_NUMBER, a);
		check_number(t, h->form, A_NUMBER, h->form->msg[A_NUMBER],
		    sizeof h->form->msg[A_NUMBER]);
		h->form->cur = A_ID;
	} else {
		tui_form_set(h->form, A_ID, "");
		tui_form_set(h->form, A_RELATION, "");
		check_number(t, h->form, A_NUMBER, h->form->msg[A_NUMBER],
		    sizeof h->form->msg[A_NUMBER]);
		h->note[A_ID][0] = h->note[A_RELATION][0] = '\0';
		h->form->cur = A_ID;
		h->form->dirty = 0;
	}
}

static int
hh_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct hh *h = state;
	int r = tui_form_screen_key(t, h->form, k);

	if (r == TUI_FORM_SAVE) {
		save(t, h);
		return TUI_HANDLED;
	}
	return r;
}

static void
hh_free(void *state)
{
	struct hh *h = state;

	tui_form_free(h->form);
	free(h);
}

static const struct tui_keyhelp hh_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen hh_screen = {
	N_("Household"),
	N_("Create a household: its number, village and head (registered "
	    "first).  After saving, the screen is ready to add the other "
	    "members: the ID number of each and the relation to the head, by "
	    "number.  What was found is shown beside each field as you leave "
	    "it.  To move a member to another household or make another "
	    "member the head, choose 3 or 4 in the Households menu, or press "
	    "M or H on the resident's page.  Esc goes back."),
	hh_draw, hh_key, hh_free, hh_keys
};

static void
open_form(struct tui *t, int create, const char *id)
{
	struct hh *h = calloc(1, sizeof *h);

	if (h == NULL)
		return;
	h->create = create;
	h->form = create ? tui_form_new(create_fields, C_COUNT, h) :
	    tui_form_new(add_fields, A_COUNT, h);
	if (h->form == NULL) {
		free(h);
		return;
	}
	h->form->label_cols = SCR_LABEL_COLS;
	for (int i = 0; i < NREL; i++) {
		h->rel[i].code = relations[i];
		h->rel[i].label = household_relation_label(relations[i]);
	}
	if (id != NULL) {
		tui_form_set(h->form, A_ID, id);
		check_person(t, h->form, A_ID, h->form->msg[A_ID],
		    sizeof h->form->msg[A_ID]);
	}
	tui_push(t, &hh_screen, h);
}

static void
open_create(struct tui *t)
{
	open_form(t, 1, NULL);
}

static void
open_add(struct tui *t)
{
	open_form(t, 0, NULL);
}

void
tui_open_member_add(struct tui *t, const char *id)
{
	open_form(t, 0, id);
}

static void
open_move(struct tui *t)
{
	tui_open_member_move(t, NULL);
}

static void
open_head(struct tui *t)
{
	tui_open_make_head(t, NULL);
}

static const struct tui_menu_item hh_items[] = {
	{ N_("Create a household"), open_create },
	{ N_("Add a member to a household"), open_add },
	{ N_("Move a member to another household"), open_move },
	{ N_("Make a member the head"), open_head },
};

void
tui_open_household(struct tui *t)
{
	tui_menu_open(t, N_("Households"), hh_items, 4);
}
