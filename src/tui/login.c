/*
 * login.c: the first screen: operator and password.  Three failed tries
 * in a row and the screen waits (30 s, counted down on screen) before it
 * takes another, which slows guessing at an unattended window.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/internal.h"

#define LOGIN_TRIES 3

struct login {
	struct tui_form *form;
	int failed;		/* in a row */
	long pause_until;	/* term_now() seconds; 0 no pause */
};

static const struct tui_form_field login_fields[] = {
	{ N_("Operator"), 24, 32, 0, NULL,
	    N_("Your login name, as the administrator created it") },
	{ N_("Password"), 24, 64, TUI_FIELD_SECRET, NULL, NULL },
};

int
tui_login_pause(void)
{
	const char *v = getenv("YIBAO_LOGIN_PAUSE");
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return 30;
	n = strtol(v, &end, 10);
	return *end == '\0' && n >= 0 && n <= 3600 ? (int)n : 30;
}

static long
pause_left(const struct login *l)
{
	long left = l->pause_until - term_now();

	return l->pause_until != 0 && left > 0 ? left : 0;
}

static void
login_draw(struct tui *t, void *state)
{
	struct login *l = state;
	int y;

	tui_printf(t, 1, 2, 0, TUI_A_BOLD, _("yibao: resident medical "
	    "insurance, office %s"), t->s.site);
	tui_print(t, 2, 2, 0, TUI_A_NORMAL, _("Log in with your operator name "
	    "and password."));
	y = 4 + tui_form_draw(t, l->form, 4, 2);
	if (pause_left(l) > 0) {
		tui_printf(t, y + 1, 2, 0, TUI_A_ERROR, _("! %d wrong "
		    "passwords: wait %ld seconds before the next try."),
		    LOGIN_TRIES, pause_left(l));
		tui_cursor(t, -1, -1);
	}
	if (t->opt->login_note != NULL)
		tui_wrap(t, y + 3, 2, tui_body_cols(t) - 4,
		    tui_body_rows(t) - y - 3, TUI_A_NORMAL, t->opt->login_note);
}

static void
try_login(struct tui *t, struct login *l)
{
	char login[FIELD_MAX * 4 + 1], pw[FIELD_MAX * 4 + 1];
	struct ops_error err;

	tui_form_get_buf(l->form, 0, login, sizeof login);
	tui_form_get_buf(l->form, 1, pw, sizeof pw);
	if (login[0] == '\0') {
		l->form->cur = 0;
		tui_error(t, "%s", _("type your operator name"));
		return;
	}
	if (ops_login(&t->s, login, pw, &err) != OPS_OK) {
		explicit_bzero(pw, sizeof pw);
		field_clear(&l->form->field[1]);
		l->form->cur = 1;
		tui_error(t, "%s", err.msg);
		if (++l->failed >= LOGIN_TRIES) {
			l->pause_until = term_now() + tui_login_pause();
			l->failed = 0;
		}
		return;
	}
	explicit_bzero(pw, sizeof pw);
	t->logged_in = 1;
	tui_status(t, _("Welcome, %s."), t->s.display_name);
	tui_pop(t);
	tui_open_main_menu(t);
}

static int
login_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct login *l = state;
	int r;

	if (k->code == TUI_KEY_TICK) {	/* the countdown */
		if (l->pause_until == 0)	/* a pause: the field's hint */
			return tui_form_key(t, l->form, k);
		if (pause_left(l) == 0)
			l->pause_until = 0;
		return TUI_HANDLED;
	}
	if (k->code == TUI_KEY_F(1) || k->code == TUI_KEY_F(10))
		return TUI_UNHANDLED;
	if (pause_left(l) > 0)
		return TUI_HANDLED;	/* typing waits for the pause */
	if (k->code == TUI_KEY_ESC)
		return TUI_HANDLED;	/* nowhere to go back to */
	r = tui_form_key(t, l->form, k);
	if (r == TUI_FORM_SAVE)
		try_login(t, l);
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void
login_free(void *state)
{
	struct login *l = state;

	tui_form_free(l->form);
	free(l);
}

static const struct tui_keyhelp login_keys[] = {
	{ "Enter", N_("Next / log in") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "F10", N_("Quit") },
	{ NULL, NULL }
};

static const struct tui_screen login_screen = {
	N_("Log in"),
	N_("Type your operator name, Enter, then your password and Enter.  "
	    "After three wrong passwords the screen waits before the next "
	    "try.  Your administrator creates operators and resets "
	    "passwords (yibao operator)."),
	login_draw, login_key, login_free, login_keys
};

void
tui_open_login(struct tui *t)
{
	struct login *l = calloc(1, sizeof *l);

	if (l == NULL || (l->form = tui_form_new(login_fields, 2, l)) ==
	    NULL) {
		free(l);
		tui_quit(t);
		return;
	}
	if (t->opt->login != NULL && *t->opt->login != '\0') {
		tui_form_set(l->form, 0, t->opt->login);
		l->form->cur = 1;
	}
	tui_push(t, &login_screen, l);
}
