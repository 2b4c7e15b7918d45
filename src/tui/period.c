/*
 * period.c: hardship categories and chronic-disease qualifications of a
 * resident: add one (chosen by number from the office's pack, with the
 * certifying department and its dates) and end one (a supervisor).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/category.h"
#include "ops/payment.h"
#include "ops/resident.h"
#include "tui/screens.h"

#define CHOICES_MAX (CAT_COUNT + DISEASE_MAX + 2 * RESIDENT_VIEW_MAX)

enum { P_CODE, P_FROM, P_TO, P_DEPT, P_COUNT };
enum { E_WHICH, E_DATE, E_REASON, E_COUNT };

struct period {
	char id[19];
	int qualification;		/* adding: a qualification */
	int ending;
	struct tui_form *form;
	int n;
	struct scr_choice c[CHOICES_MAX];
	int is_qual[CHOICES_MAX];	/* ending: the choice is a qualification */
	char label[CHOICES_MAX][160];
	char code[CHOICES_MAX][40];	/* ending: the codes held */
};

static int
check_choice(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct period *p = f->ctx;

	(void)t;
	if (scr_choose(p->c, p->n, tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, _("type a number from 1 to %d"), p->n);
		return -1;
	}
	return 0;
}

static int
check_date(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct date d;
	const char *s = tui_form_get(f, idx);

	(void)t;
	if (idx == P_TO && s[0] == '\0')
		return 0;	/* open */
	if (date_parse(s, &d) != DATE_OK) {
		snprintf(msg, msgsz, "%s", _("a date as YYYY-MM-DD"));
		return -1;
	}
	return 0;
}

static int
check_text(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (tui_form_get(f, idx)[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("this cannot be empty"));
		return -1;
	}
	return 0;
}

static const struct tui_form_field add_fields[P_COUNT] = {
	{ N_("Which"), 3, 2, TUI_FIELD_DIGITS, check_choice,
	    N_("The number of one of the choices shown below") },
	{ N_("Valid from"), 12, 10, TUI_FIELD_DATE, check_date,
	    N_("The first day it counts: YYYY-MM-DD") },
	{ N_("Valid to"), 12, 10, TUI_FIELD_DATE, check_date,
	    N_("The last day it counts; empty: open") },
	{ N_("Department"), 24, 60, 0, check_text,
	    N_("Who certified it, e.g. 民政局; Enter saves") },
};

static const struct tui_form_field end_fields[E_COUNT] = {
	{ N_("Which"), 3, 2, TUI_FIELD_DIGITS, check_choice,
	    N_("The number of one of the choices shown below") },
	{ N_("Last day"), 12, 10, TUI_FIELD_DATE, check_date,
	    N_("The last day it counts: YYYY-MM-DD") },
	{ N_("Reason"), 30, 60, 0, check_text,
	    N_("Why it ends; Enter saves (a supervisor)") },
};

static void
period_draw(struct tui *t, void *state)
{
	struct period *p = state;
	int y = 3, rows = tui_body_rows(t);

	tui_print(t, 1, 1, 0, TUI_A_BOLD, p->ending ? _("End a category or "
	    "qualification") : p->qualification ? _("Add a chronic-disease "
	    "qualification") : _("Add a hardship category"));
	tui_form_draw(t, p->form, y, 1);
	for (int i = 0; i < p->n && y + p->form->n + 1 + i < rows; i++)
		tui_printf(t, y + p->form->n + 1 + i, 3, 0, TUI_A_NORMAL,
		    "%2d  %s", i + 1, p->c[i].label);
	if (p->n == 0)
		tui_print(t, y + p->form->n + 1, 3, 0, TUI_A_BOLD, p->ending ?
		    _("Nothing to end.") : _("The office's pack lists none."));
	tui_form_draw(t, p->form, y, 1);
}

static void
save(struct tui *t, struct period *p)
{
	struct ops_session as;
	struct ops_error err;
	char b[4][256];
	const char *code;
	enum ops_status st;
	int k;

	for (int i = 0; i < p->form->n; i++)
		tui_form_get_buf(p->form, i, b[i], sizeof b[i]);
	code = scr_choose(p->c, p->n, b[0]);
	k = atoi(b[0]) - 1;
	if (p->ending) {
		if (!tui_supervisor(t, _("Ending a category or a qualification "
		    "needs a supervisor."), &as))
			return;
		st = p->is_qual[k] ? ops_qualification_end(&as, p->id, code,
		    b[E_DATE], b[E_REASON], &err) : ops_category_end(&as,
		    p->id, code, b[E_DATE], b[E_REASON], &err);
	} else {
		struct period_input in = { p->id, code, b[P_FROM],
		    b[P_TO][0] ? b[P_TO] : NULL, b[P_DEPT] };

		st = p->qualification ? ops_qualification_add(&t->s, &in, &err) :
		    ops_category_add(&t->s, &in, &err);
	}
	if (st != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_status(t, p->ending ? _("Ended: %s.") : _("Recorded: %s."),
	    p->c[k].label);
	tui_dossier_changed();
	tui_pop(t);
}

static int
period_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct period *p = state;
	int r = tui_form_screen_key(t, p->form, k);

	if (r == TUI_FORM_SAVE) {
		save(t, p);
		return TUI_HANDLED;
	}
	return r;
}

static void
period_free(void *state)
{
	struct period *p = state;

	tui_form_free(p->form);
	free(p);
}

static const struct tui_keyhelp period_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen period_screen = {
	N_("Categories and qualifications"),
	N_("A hardship category (脱贫人口, 低保对象, ...) or a chronic-disease "
	    "qualification, chosen by its number in the list, with the first "
	    "and last day it counts (empty: open) and the department that "
	    "certified it.  Ending one sets its last day and needs a "
	    "supervisor."),
	period_draw, period_key, period_free, period_keys
};

static struct period *
new_period(const char *id, int ending, int qualification)
{
	struct period *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	snprintf(p->id, sizeof p->id, "%s", id);
	p->ending = ending;
	p->qualification = qualification;
	p->form = ending ? tui_form_new(end_fields, E_COUNT, p) :
	    tui_form_new(add_fields, P_COUNT, p);
	if (p->form == NULL) {
		free(p);
		return NULL;
	}
	p->form->label_cols = SCR_LABEL_COLS;
	return p;
}

void
tui_open_period_add(struct tui *t, const char *id, int qualification)
{
	const struct policy *pol = t->s.policy;
	struct period *p = new_period(id, 0, qualification);
	char today[DATE_BUFSZ];

	if (p == NULL)
		return;
	for (int c = 0; pol != NULL && !qualification && c < CAT_COUNT; c++)
		if (pol->categories & CATSET(c)) {
			p->c[p->n].code = category_code((enum category)c);
			p->c[p->n].label = pay_category_label(&t->s, c);
			p->n++;
		}
	for (int i = 0; pol != NULL && qualification && i < pol->ndiseases &&
	    i < DISEASE_MAX; i++) {
		p->c[p->n].code = pol->disease[i].code;
		p->c[p->n].label = pol->disease[i].name;
		p->n++;
	}
	tui_form_set(p->form, P_FROM, date_format(t->s.today, today));
	tui_push(t, &period_screen, p);
}

void
tui_open_period_end(struct tui *t, const char *id)
{
	struct resident_view *v = calloc(1, sizeof *v);
	struct period *p = new_period(id, 1, 0);
	struct ops_error err;
	char today[DATE_BUFSZ];

	if (p == NULL || v == NULL) {
		free(v);
		if (p != NULL)
			period_free(p);
		return;
	}
	if (ops_resident_view(&t->s, id, v, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(v);
		period_free(p);
		return;
	}
	for (int q = 0; q < 2; q++) {
		const struct db_period *d = q ? v->qualifications :
		    v->categories;
		int n = q ? v->nqualifications : v->ncategories;

		for (int i = 0; i < n && p->n < CHOICES_MAX; i++) {
			if (d[i].valid_to[0] != '\0')
				continue;	/* ended already */
			snprintf(p->label[p->n], sizeof p->label[p->n],
			    "%s (%s %s, %s)", q ? scr_disease_label(t,
			    d[i].code) : scr_category_label(t, d[i].code),
			    _("from"), d[i].valid_from, d[i].department);
			snprintf(p->code[p->n], sizeof p->code[p->n], "%s",
			    d[i].code);
			p->c[p->n].code = p->code[p->n];
			p->c[p->n].label = p->label[p->n];
			p->is_qual[p->n] = q;
			p->n++;
		}
	}
	free(v);
	tui_form_set(p->form, E_DATE, date_format(t->s.today, today));
	tui_push(t, &period_screen, p);
}
