/*
 * lock.c: the locked screen (F12, or YIBAO_IDLE_LOCK minutes without a
 * key).  It hides the body, since a clerk away from the window must not
 * leave residents' data on show, and asks the logged-in operator's
 * password again.  The screens under it keep their state: unlocking shows
 * the form as it was.  Three wrong passwords pause it like the login.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tui/internal.h"

static const struct tui_keyhelp lock_keys[] = {
	{ "Enter", N_("Unlock") },
	{ "F10", N_("Quit") },
	{ NULL, NULL }
};

static void
draw_lock(struct tui *t, struct field *fl, long left)
{
	char stars[FIELD_MAX + 1];
	int y = 3;

	if (t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS) {
		draw_too_small(t);
		return;
	}
	t->cur_y = t->cur_x = -1;
	draw_chrome(t, _("Locked"), lock_keys);
	tui_printf(t, y, 4, 0, TUI_A_BOLD, _("The screen is locked.  %s (%s) "
	    "is logged in."), t->s.display_name, t->s.login);
	tui_print(t, y + 1, 4, 0, TUI_A_NORMAL, _("Type the password to go "
	    "on where you were."));
	tui_print(t, y + 3, 4, 10, TUI_A_BOLD, _("Password"));
	memset(stars, '*', (size_t)fl->len);
	stars[fl->len] = '\0';
	tui_print(t, y + 3, 15, 24, TUI_A_UNDERLINE, stars);
	if (left > 0)
		tui_printf(t, y + 5, 4, 0, TUI_A_ERROR, _("! Wrong passwords: "
		    "wait %ld seconds before the next try."), left);
	else
		tui_cursor(t, y + 3, 15 + (fl->cur < 23 ? fl->cur : 23));
}

/* 1 unlocked, 0 the clerk quit. */
static int
unlock_loop(struct tui *t)
{
	struct field fl;
	struct ops_session other;
	struct ops_error err;
	struct tui_key k;
	char pw[FIELD_MAX * 4 + 1];
	long pause_until = 0, left;
	int failed = 0;

	field_init(&fl, 64);
	for (;;) {
		left = pause_until - term_now();
		if (left < 0)
			left = 0;
		draw_lock(t, &fl, left);
		tui_flush(t);
		tui_getkey(t, &k);
		if (t->quit)
			return 0;
		if (k.code == TUI_KEY_F(10)) {
			if (tui_confirm(t, _("Quit yibao? What is typed and "
			    "not saved is lost."), 0)) {
				tui_quit(t);
				return 0;
			}
			continue;
		}
		if (left > 0 || t->rows < TUI_MIN_ROWS ||
		    t->cols < TUI_MIN_COLS)
			continue;
		t->status[0] = '\0';
		switch (k.code) {
		case TUI_KEY_CHAR:
			if (field_insert(&fl, k.ch) != 0)
				beep();
			break;
		case TUI_KEY_BACKSPACE:
			field_backspace(&fl);
			break;
		case TUI_KEY_ENTER:
			field_get(&fl, pw, sizeof pw);
			field_clear(&fl);
			other = t->s;
			if (ops_login(&other, t->s.login, pw, &err) == OPS_OK) {
				explicit_bzero(pw, sizeof pw);
				explicit_bzero(&fl, sizeof fl);
				return 1;
			}
			explicit_bzero(pw, sizeof pw);
			tui_error(t, "%s", err.msg);
			if (++failed >= 3) {
				failed = 0;
				pause_until = term_now() + tui_login_pause();
			}
			break;
		default:
			break;
		}
	}
}

void
tui_lock(struct tui *t)
{
	char saved[sizeof t->status];
	int saved_error = t->status_error;

	if (!t->logged_in)
		return;
	memcpy(saved, t->status, sizeof saved);
	t->status[0] = '\0';
	if (unlock_loop(t)) {
		memcpy(t->status, saved, sizeof saved);
		t->status_error = saved_error;
	}
}
