/*
 * register.c: register a resident.  The ID number is checked as soon as
 * it is left (checksum, a real birth date, already registered?) and the
 * birth date and sex are filled from it; residence and insured category
 * are chosen by number.  Enter on the last field (or F2) saves through
 * ops_resident_add and opens the new resident's dossier.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/resident.h"
#include "tui/screens.h"

enum { F_ID, F_BIRTH, F_SEX, F_NAME, F_RESIDENCE, F_INSURED, F_VILLAGE,
    F_PHONE, F_COUNT };

static const struct scr_choice residences[] = {
	{ "rural", NULL }, { "urban", NULL },
};
static const struct scr_choice insureds[] = {
	{ "rural_resident", NULL }, { "urban_non_employed", NULL },
	{ "student_child", NULL }, { "college_student", NULL },
	{ "residence_permit", NULL }, { "flexible_worker", NULL },
};
#define NRES 2
#define NINS 6

struct reg {
	struct tui_form *form;
	struct scr_choice res[NRES], ins[NINS];
};

static int
check_id(struct tui *t, struct tui_form *f, int idx, char *msg, size_t msgsz)
{
	struct db_resident r;
	struct ops_error err;
	char id[19];

	if (scr_check_id(t, tui_form_get(f, idx), id, msg, msgsz) != 0) {
		tui_form_set(f, F_BIRTH, "");
		tui_form_set(f, F_SEX, "");
		return -1;
	}
	tui_form_set(f, idx, id);
	if (ops_resident_get(&t->s, id, &r, &err) == OPS_OK) {
		snprintf(msg, msgsz, _("already registered: %s, %s"), r.name,
		    r.village);
		return -1;
	}
	/* YYYYMMDD at 6..13, the sex in the 17th digit (GB 11643). */
	{
		char birth[11];

		snprintf(birth, sizeof birth, "%.4s-%.2s-%.2s", id + 6,
		    id + 10, id + 12);
		tui_form_set(f, F_BIRTH, birth);
		tui_form_set(f, F_SEX, resident_sex_label((id[16] - '0') % 2 ?
		    "M" : "F"));
	}
	return 0;
}

static int
check_choice(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct reg *g = f->ctx;
	int n = idx == F_RESIDENCE ? NRES : NINS;

	(void)t;
	if (scr_choose(idx == F_RESIDENCE ? g->res : g->ins, n,
	    tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, _("type a number from 1 to %d"), n);
		return -1;
	}
	return 0;
}

static const struct tui_form_field reg_fields[F_COUNT] = {
	{ N_("ID number"), 20, 18, TUI_FIELD_IDCARD, check_id,
	    N_("18 digits (or 15 of an old card); the last may be X") },
	{ N_("Born"), 12, 10, TUI_FIELD_READONLY, NULL, NULL },
	{ N_("Sex"), 6, 4, TUI_FIELD_READONLY, NULL, NULL },
	{ N_("Name"), 20, 40, 0, scr_check_name,
	    N_("As on the ID card; rare characters may be typed or pasted") },
	{ N_("Residence"), 3, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("The number of one of the choices shown below") },
	{ N_("Insured as"), 3, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("The number of one of the choices shown below") },
	{ N_("Village"), 30, 60, 0, scr_check_village,
	    N_("Village or community, as the office writes it") },
	{ N_("Phone"), 16, 20, TUI_FIELD_DIGITS, NULL,
	    N_("Optional; Enter here saves") },
};

/* The label of a choice typed, beside its field. */
static void
note_choice(struct tui *t, struct reg *g, int idx, int y)
{
	const struct scr_choice *c = idx == F_RESIDENCE ? g->res : g->ins;
	const char *code = scr_choose(c, idx == F_RESIDENCE ? NRES : NINS,
	    tui_form_get(g->form, idx));

	if (code == NULL || g->form->msg[idx][0] != '\0')
		return;
	tui_print(t, y + idx, SCR_AFTER_FIELD(1, reg_fields[idx].width), 0,
	    TUI_A_NORMAL, idx == F_RESIDENCE ? resident_residence_label(code) :
	    resident_insured_label(code));
}

static void
reg_draw(struct tui *t, void *state)
{
	struct reg *g = state;
	char line[512];
	int y = 1, cur = g->form->cur;

	tui_form_draw(t, g->form, y, 1);
	note_choice(t, g, F_RESIDENCE, y);
	note_choice(t, g, F_INSURED, y);
	if (cur == F_RESIDENCE || cur == F_INSURED) {
		scr_choices_line(cur == F_RESIDENCE ? g->res : g->ins,
		    cur == F_RESIDENCE ? NRES : NINS, line, sizeof line);
		tui_wrap(t, y + F_COUNT + 1, 3, tui_body_cols(t) - 6, 3,
		    TUI_A_NORMAL, line);
	}
	tui_print(t, tui_body_rows(t) - 1, 1, 0, TUI_A_DIM, _("Tab or Enter: "
	    "next field.  Enter on the last field or F2 saves."));
	tui_form_draw(t, g->form, y, 1);	/* the cursor in its field */
}

static void
save(struct tui *t, struct reg *g)
{
	struct resident_input in;
	struct ops_error err;
	char id[19], buf[F_COUNT][256];

	for (int i = 0; i < F_COUNT; i++)
		tui_form_get_buf(g->form, i, buf[i], sizeof buf[i]);
	memset(&in, 0, sizeof in);
	in.id_number = buf[F_ID];
	in.name = buf[F_NAME];
	in.residence = scr_choose(g->res, NRES, buf[F_RESIDENCE]);
	in.insured = scr_choose(g->ins, NINS, buf[F_INSURED]);
	in.village = buf[F_VILLAGE];
	in.phone = buf[F_PHONE][0] ? buf[F_PHONE] : NULL;
	if (ops_resident_add(&t->s, &in, id, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_status(t, _("Registered %s."), buf[F_NAME]);
	tui_pop(t);
	tui_dossier_changed();
	tui_open_dossier(t, id);
}

static int
reg_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct reg *g = state;
	int r = tui_form_screen_key(t, g->form, k);

	if (r == TUI_FORM_SAVE) {
		save(t, g);
		return TUI_HANDLED;
	}
	return r;
}

static void
reg_free(void *state)
{
	struct reg *g = state;

	tui_form_free(g->form);
	free(g);
}

static const struct tui_keyhelp reg_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen reg_screen = {
	N_("Register a resident"),
	N_("Type the ID number first: when you leave the field it is "
	    "checked (its check digit, a real birth date) and the birth date "
	    "and sex are filled from it; a number already registered is "
	    "named at once.  Residence and insured category are chosen by "
	    "number from the list shown.  Enter on the last field or F2 "
	    "saves; Esc asks before throwing away what was typed."),
	reg_draw, reg_key, reg_free, reg_keys
};

void
tui_open_register(struct tui *t)
{
	struct reg *g = calloc(1, sizeof *g);

	if (g == NULL || (g->form = tui_form_new(reg_fields, F_COUNT, g)) ==
	    NULL) {
		free(g);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	g->form->label_cols = SCR_LABEL_COLS;
	for (int i = 0; i < NRES; i++) {
		g->res[i].code = residences[i].code;
		g->res[i].label = resident_residence_label(residences[i].code);
	}
	for (int i = 0; i < NINS; i++) {
		g->ins[i].code = insureds[i].code;
		g->ins[i].label = resident_insured_label(insureds[i].code);
	}
	tui_push(t, &reg_screen, g);
}
