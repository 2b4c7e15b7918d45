/*
 * resident_edit.c: change a resident's details, the fields `yibao
 * resident edit` takes (name, residence, insured category, village,
 * phone), prefilled from the record.  Each field is checked as it is
 * left; Enter on the last field or F2 saves through ops_resident_edit,
 * handing it only the fields that differ, so the audit line names them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/resident.h"
#include "tui/screens.h"

enum { E_NAME, E_RESIDENCE, E_INSURED, E_VILLAGE, E_PHONE, E_COUNT };

/* The codes of ops/resident.c, in the order register.c offers them. */
static const char *const residence_codes[] = { "rural", "urban" };
static const char *const insured_codes[] = {
	"rural_resident", "urban_non_employed", "student_child",
	"college_student", "residence_permit", "flexible_worker",
};
#define NRES 2
#define NINS 6

#define PHONE_MAX 20		/* as ops/resident.c allows */

struct edit {
	struct db_resident r;		/* the record as it was */
	struct tui_form *form;
	struct scr_choice res[NRES], ins[NINS];
};

static int
check_choice(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct edit *e = f->ctx;
	int n = idx == E_RESIDENCE ? NRES : NINS;

	(void)t;
	if (scr_choose(idx == E_RESIDENCE ? e->res : e->ins, n,
	    tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, _("type a number from 1 to %d"), n);
		return -1;
	}
	return 0;
}

/* Digits, spaces, '+' and '-', at most 20: what the op accepts. */
static int
check_phone(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *p = tui_form_get(f, idx);

	(void)t;
	if (strlen(p) > PHONE_MAX || strspn(p, "0123456789 +-") != strlen(p)) {
		snprintf(msg, msgsz, "%s", _("at most 20 digits, spaces, '+' "
		    "or '-'"));
		return -1;
	}
	return 0;
}

static const struct tui_form_field edit_fields[E_COUNT] = {
	{ N_("Name"), 20, 40, 0, scr_check_name,
	    N_("As on the ID card; rare characters may be typed or pasted") },
	{ N_("Residence"), 3, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("The number of one of the choices shown below") },
	{ N_("Insured as"), 3, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("The number of one of the choices shown below") },
	{ N_("Village"), 30, 60, 0, scr_check_village,
	    N_("Village or community, as the office writes it") },
	{ N_("Phone"), 20, PHONE_MAX, 0, check_phone,
	    N_("Optional: empty removes it; Enter here saves") },
};

/* The label of the choice typed, beside its field. */
static void
note_choice(struct tui *t, struct edit *e, int idx, int y)
{
	const char *code = idx == E_RESIDENCE ?
	    scr_choose(e->res, NRES, tui_form_get(e->form, idx)) :
	    scr_choose(e->ins, NINS, tui_form_get(e->form, idx));

	if (code == NULL || e->form->msg[idx][0] != '\0')
		return;
	tui_print(t, y + idx, SCR_AFTER_FIELD(1, edit_fields[idx].width), 0,
	    TUI_A_NORMAL, idx == E_RESIDENCE ? resident_residence_label(code) :
	    resident_insured_label(code));
}

static void
edit_draw(struct tui *t, void *state)
{
	struct edit *e = state;
	char line[512], idb[19];
	int y = 3, cur = e->form->cur;

	tui_printf(t, 1, 1, 0, TUI_A_BOLD, "%s  %s", e->r.name,
	    tui_shown_id(t, e->r.id_number, idb));
	tui_form_draw(t, e->form, y, 1);
	note_choice(t, e, E_RESIDENCE, y);
	note_choice(t, e, E_INSURED, y);
	if (cur == E_RESIDENCE || cur == E_INSURED) {
		scr_choices_line(cur == E_RESIDENCE ? e->res : e->ins,
		    cur == E_RESIDENCE ? NRES : NINS, line, sizeof line);
		tui_wrap(t, y + E_COUNT + 1, 3, tui_body_cols(t) - 6, 3,
		    TUI_A_NORMAL, line);
	}
	tui_print(t, tui_body_rows(t) - 1, 1, 0, TUI_A_DIM, _("Tab or Enter: "
	    "next field.  Enter on the last field or F2 saves."));
	tui_form_draw(t, e->form, y, 1);	/* the cursor in its field */
}

/* The typed value if it differs from the record's, else NULL. */
static const char *
changed(const char *typed, const char *was)
{
	return typed != NULL && strcmp(typed, was) != 0 ? typed : NULL;
}

static void
save(struct tui *t, struct edit *e)
{
	struct resident_change c;
	struct ops_error err;
	char b[E_COUNT][256];

	for (int i = 0; i < E_COUNT; i++)
		tui_form_get_buf(e->form, i, b[i], sizeof b[i]);
	c.name = changed(b[E_NAME], e->r.name);
	c.residence = changed(scr_choose(e->res, NRES, b[E_RESIDENCE]),
	    e->r.residence);
	c.insured = changed(scr_choose(e->ins, NINS, b[E_INSURED]),
	    e->r.insured_category);
	c.village = changed(b[E_VILLAGE], e->r.village);
	c.phone = changed(b[E_PHONE], e->r.phone);
	if (c.name == NULL && c.residence == NULL && c.insured == NULL &&
	    c.village == NULL && c.phone == NULL) {
		tui_status(t, "%s", _("Nothing changed."));
		tui_pop(t);
		return;
	}
	if (ops_resident_edit(&t->s, e->r.id_number, &c, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_status(t, _("Saved the details of %s."), b[E_NAME]);
	tui_dossier_changed();
	tui_pop(t);
}

static int
edit_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct edit *e = state;
	int r;

	scr_choice_key(e->form, k);
	if ((r = tui_form_screen_key(t, e->form, k)) == TUI_FORM_SAVE) {
		save(t, e);
		return TUI_HANDLED;
	}
	return r;
}

static void
edit_free(void *state)
{
	struct edit *e = state;

	tui_form_free(e->form);
	free(e);
}

static const struct tui_keyhelp edit_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen edit_screen = {
	N_("Edit a resident"),
	N_("Change the name, residence, insured category, village or phone "
	    "of the resident; the fields show the record as it is.  Residence "
	    "and insured category are chosen by number from the list shown.  "
	    "Each field is checked as it is left.  Enter on the last field or "
	    "F2 saves only what changed, and the audit log keeps the old and "
	    "new values.  The ID number, birth date and sex come from the ID "
	    "card and cannot be edited.  Esc asks before throwing away what "
	    "was typed."),
	edit_draw, edit_key, edit_free, edit_keys
};

/* The 1-based number of `code` among `codes`, as text ("" if absent). */
static void
choice_number(const char *const *codes, int n, const char *code, char *buf,
    size_t bufsz)
{
	buf[0] = '\0';
	for (int i = 0; i < n; i++)
		if (strcmp(codes[i], code) == 0)
			snprintf(buf, bufsz, "%d", i + 1);
}

void
tui_open_resident_edit(struct tui *t, const char *id)
{
	struct edit *e = calloc(1, sizeof *e);
	struct ops_error err;
	char num[8];

	if (e == NULL) {
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	if (ops_resident_get(&t->s, id, &e->r, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(e);
		return;
	}
	if ((e->form = tui_form_new(edit_fields, E_COUNT, e)) == NULL) {
		tui_error(t, "%s", _("out of memory"));
		free(e);
		return;
	}
	e->form->label_cols = SCR_LABEL_COLS;
	for (int i = 0; i < NRES; i++) {
		e->res[i].code = residence_codes[i];
		e->res[i].label = resident_residence_label(residence_codes[i]);
	}
	for (int i = 0; i < NINS; i++) {
		e->ins[i].code = insured_codes[i];
		e->ins[i].label = resident_insured_label(insured_codes[i]);
	}
	tui_form_set(e->form, E_NAME, e->r.name);
	choice_number(residence_codes, NRES, e->r.residence, num, sizeof num);
	tui_form_set(e->form, E_RESIDENCE, num);
	choice_number(insured_codes, NINS, e->r.insured_category, num,
	    sizeof num);
	tui_form_set(e->form, E_INSURED, num);
	tui_form_set(e->form, E_VILLAGE, e->r.village);
	tui_form_set(e->form, E_PHONE, e->r.phone);
	tui_push(t, &edit_screen, e);
}
