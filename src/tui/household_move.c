/*
 * household_move.c: move a member to another household (what `yibao
 * household move` takes: the household number, OFFICE/NUMBER for another
 * office's, and the relation to its head), and make a member the head of
 * their household (`yibao household head`: the former head stays with a
 * relation to the new one).  As fields are left, what was found is shown
 * beside them: the person and their household, the household to join.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/household.h"
#include "ops/resident.h"
#include "tui/screens.h"

enum { M_ID, M_TO, M_RELATION, M_COUNT };
enum { H_ID, H_FORMER, H_COUNT };

/* Relations to the head, in household.c's order ("head" is not one). */
static const char *const relations[] = {
	"spouse", "child", "parent", "grandchild", "grandparent", "sibling",
	"other",
};
#define NREL 7

struct move {
	int head;			/* 1: make head; 0: move */
	struct tui_form *form;
	char note[M_COUNT][256];	/* beside each field: what was found */
	char name[128];			/* the person's */
	char household[HOUSEHOLD_NAME_MAX];	/* the person's, as typed */
	int is_head;			/* the person heads it */
	int members;			/* in it, the person included */
	struct scr_choice rel[NREL];
};

/* The person: registered, in a household; the household's name noted. */
static int
check_person(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct move *m = f->ctx;
	struct resident_view *v;
	struct ops_error err;
	char id[19];
	int rc = 0;

	m->note[idx][0] = m->name[0] = m->household[0] = '\0';
	if (scr_check_id(t, tui_form_get(f, idx), id, msg, msgsz) != 0)
		return -1;
	tui_form_set(f, idx, id);
	if ((v = calloc(1, sizeof *v)) == NULL)
		return 0;
	if (ops_resident_view(&t->s, id, v, &err) != OPS_OK) {
		snprintf(msg, msgsz, "%s", err.msg);
		rc = -1;
	} else if (!v->in_household) {
		snprintf(msg, msgsz, _("%s is in no household: add them to one "
		    "(Households, 2)"), v->r.name);
		rc = -1;
	} else {
		snprintf(m->name, sizeof m->name, "%s", v->r.name);
		household_name(&t->s, v->member.household_site,
		    v->member.household_number, m->household,
		    sizeof m->household);
		m->is_head = strcmp(v->member.relation, "head") == 0;
		m->members = v->nmembers;
		snprintf(m->note[idx], sizeof m->note[idx], _("%s, household "
		    "%s, %s"), v->r.name, m->household,
		    household_relation_label(v->member.relation));
		if (m->head && m->is_head) {
			snprintf(msg, msgsz, _("%s is the head of household %s "
			    "already"), v->r.name, m->household);
			rc = -1;
		} else if (!m->head && m->is_head && m->members > 1) {
			snprintf(msg, msgsz, _("%s heads household %s: make "
			    "another member the head first (key H)"),
			    v->r.name, m->household);
			rc = -1;
		}
	}
	free(v);
	return rc;
}

/* The household to join: it exists, and it is not the person's own. */
static int
check_to(struct tui *t, struct tui_form *f, int idx, char *msg, size_t msgsz)
{
	struct move *m = f->ctx;
	struct household_view *v;
	struct ops_error err;
	char name[HOUSEHOLD_NAME_MAX];
	const char *number = tui_form_get(f, idx);
	int rc = 0;

	m->note[idx][0] = '\0';
	if (number[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("type the household number "
		    "(OFFICE/NUMBER for another office's)"));
		return -1;
	}
	if ((v = calloc(1, sizeof *v)) == NULL)
		return 0;
	if (ops_household_view(&t->s, number, 0, v, &err) != OPS_OK) {
		snprintf(msg, msgsz, "%s", err.msg);
		rc = -1;
	} else if (m->household[0] != '\0' && strcmp(household_name(&t->s,
	    v->h.site, v->h.number, name, sizeof name), m->household) == 0) {
		snprintf(msg, msgsz, _("already in household %s"), name);
		rc = -1;
	} else
		snprintf(m->note[idx], sizeof m->note[idx], _("%s, head %s, %d "
		    "members"), v->h.village, v->n > 0 ? v->m[0].name : "-",
		    v->n);
	free(v);
	return rc;
}

static int
check_relation(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct move *m = f->ctx;
	const char *code = scr_choose(m->rel, NREL, tui_form_get(f, idx));

	(void)t;
	m->note[idx][0] = '\0';
	if (code == NULL) {
		snprintf(msg, msgsz, _("type a number from 1 to %d"), NREL);
		return -1;
	}
	snprintf(m->note[idx], sizeof m->note[idx], "%s",
	    household_relation_label(code));
	return 0;
}

static const struct tui_form_field move_fields[M_COUNT] = {
	{ N_("ID number"), 20, 18, TUI_FIELD_IDCARD, check_person,
	    N_("The member who moves: registered and in a household") },
	{ N_("To household"), 16, 40, 0, check_to,
	    N_("Its number; another office's as OFFICE/NUMBER, e.g. "
	    "370403/0007") },
	{ N_("Relation"), 3, 1, TUI_FIELD_DIGITS, check_relation,
	    N_("Relation to the new head: a number from the list; Enter "
	    "saves") },
};

static const struct tui_form_field head_fields[H_COUNT] = {
	{ N_("New head"), 20, 18, TUI_FIELD_IDCARD, check_person,
	    N_("The ID number of the member who becomes the head") },
	{ N_("Former head is"), 3, 1, TUI_FIELD_DIGITS, check_relation,
	    N_("The former head's relation to the new head: a number from "
	    "the list; Enter saves") },
};

static void
move_draw(struct tui *t, void *state)
{
	struct move *m = state;
	const struct tui_form_field *def = m->head ? head_fields :
	    move_fields;
	char line[512];
	int y = 3, rel = m->head ? H_FORMER : M_RELATION;

	tui_print(t, 1, 1, 0, TUI_A_BOLD, m->head ? _("Make a member the "
	    "head of their household") : _("Move a member to another "
	    "household"));
	tui_form_draw(t, m->form, y, 1);
	for (int i = 0; i < m->form->n; i++)
		if (m->note[i][0] != '\0' && m->form->msg[i][0] == '\0')
			tui_print(t, y + i, SCR_AFTER_FIELD(1, def[i].width), 0,
			    TUI_A_NORMAL, m->note[i]);
	if (m->form->cur == rel) {
		scr_choices_line(m->rel, NREL, line, sizeof line);
		tui_wrap(t, y + m->form->n + 1, 3, tui_body_cols(t) - 6, 3,
		    TUI_A_NORMAL, line);
	}
	tui_form_draw(t, m->form, y, 1);	/* the cursor in its field */
}

static void
save(struct tui *t, struct move *m)
{
	struct ops_error err;
	char id[32], b[256], c[16];
	enum ops_status st;

	tui_form_get_buf(m->form, 0, id, sizeof id);
	tui_form_get_buf(m->form, 1, b, sizeof b);
	if (m->head)
		st = ops_household_set_head(&t->s, m->household, id,
		    scr_choose(m->rel, NREL, b), &err);
	else {
		tui_form_get_buf(m->form, M_RELATION, c, sizeof c);
		st = ops_household_move(&t->s, id, b, scr_choose(m->rel, NREL,
		    c), &err);
	}
	if (st != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	if (m->head)
		tui_status(t, _("%s is now the head of household %s."),
		    m->name, m->household);
	else
		tui_status(t, _("%s moved to household %s."), m->name, b);
	tui_dossier_changed();
	tui_pop(t);
}

static int
move_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct move *m = state;
	int r;

	scr_choice_key(m->form, k);
	if ((r = tui_form_screen_key(t, m->form, k)) == TUI_FORM_SAVE) {
		save(t, m);
		return TUI_HANDLED;
	}
	return r;
}

static void
move_free(void *state)
{
	struct move *m = state;

	tui_form_free(m->form);
	free(m);
}

static const struct tui_keyhelp move_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen move_screen = {
	N_("Move a member"),
	N_("Move a member to another household: the household's number "
	    "(another office's as OFFICE/NUMBER, e.g. 370403/0007) and the "
	    "relation to its head, by number.  The old membership ends today "
	    "and the new one starts today, so the history keeps both.  A head "
	    "cannot leave while others remain: first make another member the "
	    "head (H on the resident's page).  What was found is shown beside "
	    "each field as it is left; Enter on the last field or F2 saves."),
	move_draw, move_key, move_free, move_keys
};

static const struct tui_screen head_screen = {
	N_("Make head"),
	N_("Make a member the head of the household they are in.  The "
	    "former head stays a member, with the relation to the new head "
	    "chosen by number.  Both old rows end today and new ones start, "
	    "so the history shows who was head when.  Enter on the last field "
	    "or F2 saves."),
	move_draw, move_key, move_free, move_keys
};

static void
open_form(struct tui *t, int head, const char *id)
{
	struct move *m = calloc(1, sizeof *m);

	if (m == NULL || (m->form = head ? tui_form_new(head_fields, H_COUNT,
	    m) : tui_form_new(move_fields, M_COUNT, m)) == NULL) {
		free(m);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	m->head = head;
	m->form->label_cols = SCR_LABEL_COLS;
	for (int i = 0; i < NREL; i++) {
		m->rel[i].code = relations[i];
		m->rel[i].label = household_relation_label(relations[i]);
	}
	if (id != NULL) {
		tui_form_set(m->form, 0, id);
		/* A message beside the ID says at once why it cannot be done. */
		if (check_person(t, m->form, 0, m->form->msg[0],
		    sizeof m->form->msg[0]) == 0)
			m->form->cur = 1;
	}
	tui_push(t, head ? &head_screen : &move_screen, m);
}

void
tui_open_member_move(struct tui *t, const char *id)
{
	open_form(t, 0, id);
}

void
tui_open_make_head(struct tui *t, const char *id)
{
	open_form(t, 1, id);
}
