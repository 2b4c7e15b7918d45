/*
 * passwd.c: change one's own password (every operator may,
 * ops_operator_passwd): the current one, the new one twice.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/operator.h"
#include "tui/internal.h"

struct passwd {
	struct tui_form *form;
};

enum { PW_OLD, PW_NEW, PW_AGAIN, PW_N };

static int
check_again(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	char a[FIELD_MAX * 4 + 1], b[FIELD_MAX * 4 + 1];
	int same;

	(void)t;
	(void)idx;
	tui_form_get_buf(f, PW_NEW, a, sizeof a);
	tui_form_get_buf(f, PW_AGAIN, b, sizeof b);
	same = strcmp(a, b) == 0;
	explicit_bzero(a, sizeof a);
	explicit_bzero(b, sizeof b);
	if (same)
		return 0;
	snprintf(msg, msgsz, "%s", _("not the same as the new password"));
	return -1;
}

static int
check_new(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (f->field[idx].len > 0)
		return 0;
	snprintf(msg, msgsz, "%s", _("type the new password"));
	return -1;
}

static const struct tui_form_field passwd_fields[PW_N] = {
	{ N_("Current password"), 24, 64, TUI_FIELD_SECRET, NULL, NULL },
	{ N_("New password"), 24, 64, TUI_FIELD_SECRET, check_new, NULL },
	{ N_("New password again"), 24, 64, TUI_FIELD_SECRET, check_again,
	    NULL },
};

static void
passwd_draw(struct tui *t, void *state)
{
	struct passwd *p = state;

	tui_printf(t, 1, 2, 0, TUI_A_NORMAL, _("Operator %s (%s)."),
	    t->s.display_name, t->s.login);
	tui_form_draw(t, p->form, 3, 2);
}

static void
save(struct tui *t, struct passwd *p)
{
	char old[FIELD_MAX * 4 + 1], new[FIELD_MAX * 4 + 1];
	struct ops_error err;
	enum ops_status st;

	tui_form_get_buf(p->form, PW_OLD, old, sizeof old);
	tui_form_get_buf(p->form, PW_NEW, new, sizeof new);
	st = ops_operator_passwd(&t->s, t->s.login, old, new, &err);
	explicit_bzero(old, sizeof old);
	explicit_bzero(new, sizeof new);
	if (st != OPS_OK) {
		tui_error(t, "%s", err.msg);
		if (st == OPS_AUTH) {
			field_clear(&p->form->field[PW_OLD]);
			p->form->cur = PW_OLD;
		}
		return;
	}
	tui_status(t, "%s", _("Your password is changed."));
	tui_pop(t);
}

static int
passwd_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct passwd *p = state;
	int r = tui_form_key(t, p->form, k);

	if (r == TUI_FORM_SAVE)
		save(t, p);
	else if (r == TUI_FORM_CANCEL)
		tui_pop(t);
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void
passwd_free(void *state)
{
	struct passwd *p = state;

	tui_form_free(p->form);
	free(p);
}

static const struct tui_keyhelp passwd_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "F12", N_("Lock") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen passwd_screen = {
	N_("Change my password"),
	N_("Type your current password, then the new one twice.  Enter on "
	    "the last field or F2 saves.  Only you and an administrator can "
	    "change your password."),
	passwd_draw, passwd_key, passwd_free, passwd_keys
};

void
tui_open_passwd(struct tui *t)
{
	struct passwd *p = calloc(1, sizeof *p);

	if (p == NULL || (p->form = tui_form_new(passwd_fields, PW_N, p)) ==
	    NULL) {
		free(p);
		return;
	}
	tui_push(t, &passwd_screen, p);
}
