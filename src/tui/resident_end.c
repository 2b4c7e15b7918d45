/*
 * resident_end.c: end a resident's coverage (what `yibao resident end`
 * takes: the date and a reason chosen by number), after a confirmation;
 * and reopen an ended one with a reason, which a supervisor does
 * (ops_resident_reopen checks the role: a clerk is asked for a
 * supervisor's login and password, as for a reversal).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/resident.h"
#include "tui/screens.h"

enum { N_DATE, N_REASON, N_COUNT };

/* The reasons ops_resident_end knows, in its order. */
static const char *const reason_codes[] = {
	"employment", "military", "death", "moved",
};
#define NREASON 4

struct ending {
	struct db_resident r;
	int reopen;			/* 1: reopen an ended coverage */
	struct tui_form *form;
	struct scr_choice reason[NREASON];
};

/* A date, not after today and not before the resident's birth. */
static int
check_date(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct ending *e = f->ctx;
	const char *s = tui_form_get(f, idx);
	struct date d, birth;

	if (date_parse(s, &d) != DATE_OK) {
		snprintf(msg, msgsz, "%s", _("a date as YYYY-MM-DD"));
		return -1;
	}
	if (date_cmp(d, t->s.today) > 0) {
		snprintf(msg, msgsz, "%s", _("after today: record the end on "
		    "the day it happens"));
		return -1;
	}
	if (date_parse(e->r.birth, &birth) == DATE_OK &&
	    date_cmp(d, birth) < 0) {
		snprintf(msg, msgsz, _("before the resident's birth (%s)"),
		    e->r.birth);
		return -1;
	}
	return 0;
}

static int
check_reason(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct ending *e = f->ctx;

	(void)t;
	if (scr_choose(e->reason, NREASON, tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, _("type a number from 1 to %d"), NREASON);
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
		snprintf(msg, msgsz, "%s", _("say why"));
		return -1;
	}
	return 0;
}

static const struct tui_form_field end_fields[N_COUNT] = {
	{ N_("Ends on"), 12, 10, TUI_FIELD_DATE, check_date,
	    N_("The day the coverage ends: YYYY-MM-DD, not after today") },
	{ N_("Reason"), 3, 1, TUI_FIELD_DIGITS, check_reason,
	    N_("The number of one of the reasons shown below; Enter saves") },
};

static const struct tui_form_field reopen_fields[1] = {
	{ N_("Why reopen"), 40, 80, 0, check_text,
	    N_("E.g. ended by mistake; Enter saves (a supervisor)") },
};

static void
end_draw(struct tui *t, void *state)
{
	struct ending *e = state;
	char idb[19];
	const char *code;
	int y = 5;

	tui_printf(t, 1, 1, 0, TUI_A_BOLD, "%s  %s", e->r.name,
	    tui_shown_id(t, e->r.id_number, idb));
	if (e->reopen)
		tui_printf(t, 2, 1, 0, TUI_A_NORMAL, _("Coverage ended on %s "
		    "(%s)."), e->r.ended_on,
		    resident_end_reason_label(e->r.end_reason));
	tui_print(t, 3, 1, 0, TUI_A_BOLD, e->reopen ? _("Reopen the "
	    "coverage") : _("End the coverage"));
	tui_form_draw(t, e->form, y, 1);
	if (!e->reopen) {
		code = scr_choose(e->reason, NREASON, tui_form_get(e->form,
		    N_REASON));
		if (code != NULL && e->form->msg[N_REASON][0] == '\0')
			tui_print(t, y + N_REASON, SCR_AFTER_FIELD(1,
			    end_fields[N_REASON].width), 0, TUI_A_NORMAL,
			    resident_end_reason_label(code));
		for (int i = 0; i < NREASON; i++)
			tui_printf(t, y + N_COUNT + 1 + i, 3, 0, TUI_A_NORMAL,
			    "%d  %s", i + 1, e->reason[i].label);
		tui_wrap(t, y + N_COUNT + 2 + NREASON, 1, tui_body_cols(t) - 2,
		    3, TUI_A_DIM, _("A contribution paid in advance for the "
		    "coming year is refunded on the contributions screen (F4, "
		    "then F7)."));
	}
	tui_form_draw(t, e->form, y, 1);	/* the cursor in its field */
}

static void
save_end(struct tui *t, struct ending *e)
{
	struct ops_error err;
	char date[32], num[8], q[512];
	const char *reason;

	tui_form_get_buf(e->form, N_DATE, date, sizeof date);
	tui_form_get_buf(e->form, N_REASON, num, sizeof num);
	reason = scr_choose(e->reason, NREASON, num);
	snprintf(q, sizeof q, _("End the coverage of %s on %s (%s)?"),
	    e->r.name, date, resident_end_reason_label(reason));
	if (!tui_confirm(t, q, 0))
		return;
	if (ops_resident_end(&t->s, e->r.id_number, date, reason, &err) !=
	    OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_status(t, _("The coverage of %s ended on %s: %s."), e->r.name,
	    date, resident_end_reason_label(reason));
	tui_dossier_changed();
	tui_pop(t);
}

static void
save_reopen(struct tui *t, struct ending *e)
{
	struct ops_session as;
	struct ops_error err;
	char why[512];

	tui_form_get_buf(e->form, 0, why, sizeof why);
	if (!tui_supervisor(t, _("Reopening an ended coverage needs a "
	    "supervisor."), &as))
		return;
	if (ops_resident_reopen(&as, e->r.id_number, why, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_status(t, _("The coverage of %s is active again."), e->r.name);
	tui_dossier_changed();
	tui_pop(t);
}

static int
end_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct ending *e = state;
	int r;

	scr_choice_key(e->form, k);
	if ((r = tui_form_screen_key(t, e->form, k)) == TUI_FORM_SAVE) {
		if (e->reopen)
			save_reopen(t, e);
		else
			save_end(t, e);
		return TUI_HANDLED;
	}
	return r;
}

static void
end_free(void *state)
{
	struct ending *e = state;

	tui_form_free(e->form);
	free(e);
}

static const struct tui_keyhelp end_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen end_screen = {
	N_("End the coverage"),
	N_("End a resident's coverage on the day it ends, for one of the "
	    "reasons listed (employment, military service, death, moved "
	    "away), chosen by number; the date cannot be after today or "
	    "before the birth.  The program asks before it saves.  The "
	    "resident stays in the records and can still be found; no claim "
	    "is settled from that day on, and no contribution is taken.  A "
	    "contribution already paid for the coming "
	    "year is refunded on the contributions screen (F4, then F7).  "
	    "Only a supervisor can reopen an ended coverage."),
	end_draw, end_key, end_free, end_keys
};

static const struct tui_screen reopen_screen = {
	N_("Reopen the coverage"),
	N_("Undo an end recorded by mistake: say why, and Enter saves.  "
	    "Reopening needs a supervisor: a clerk is asked for a "
	    "supervisor's login and password.  The audit log keeps the end "
	    "that was undone and the reason."),
	end_draw, end_key, end_free, end_keys
};

void
tui_open_resident_end(struct tui *t, const char *id)
{
	struct ending *e = calloc(1, sizeof *e);
	struct ops_error err;
	char today[DATE_BUFSZ];

	if (e == NULL) {
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	if (ops_resident_get(&t->s, id, &e->r, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(e);
		return;
	}
	e->reopen = strcmp(e->r.status, "active") != 0;
	e->form = e->reopen ? tui_form_new(reopen_fields, 1, e) :
	    tui_form_new(end_fields, N_COUNT, e);
	if (e->form == NULL) {
		tui_error(t, "%s", _("out of memory"));
		free(e);
		return;
	}
	e->form->label_cols = SCR_LABEL_COLS;
	for (int i = 0; i < NREASON; i++) {
		e->reason[i].code = reason_codes[i];
		e->reason[i].label = resident_end_reason_label(reason_codes[i]);
	}
	if (!e->reopen) {
		tui_form_set(e->form, N_DATE, date_format(t->s.today, today));
		e->form->cur = N_REASON;
	}
	tui_push(t, e->reopen ? &reopen_screen : &end_screen, e);
}
