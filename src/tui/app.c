/*
 * app.c: the screen stack and the main loop.  Each turn draws the top
 * screen from its state into curses' buffer and lets ncurses send only the
 * difference, then reads one key; resize, Ctrl-L, F12 and the idle timer
 * are handled here for every loop, dialogs' included.
 */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "i18n.h"
#include "io/out.h"
#include "ops/session.h"
#include "tui/internal.h"

int
tui_push(struct tui *t, const struct tui_screen *screen, void *state)
{
	if (t->depth >= TUI_STACK_MAX) {
		if (screen->free != NULL)
			screen->free(state);
		else
			free(state);
		tui_error(t, _("too many screens open: close one with Esc"));
		return -1;
	}
	t->stack[t->depth].screen = screen;
	t->stack[t->depth].state = state;
	t->depth++;
	return 0;
}

void
tui_pop(struct tui *t)
{
	const struct tui_screen *sc;

	if (t->depth == 0)
		return;
	t->depth--;
	sc = t->stack[t->depth].screen;
	/* Freed after the key that popped it: its key function may still
	 * be running. */
	if (t->ndead < TUI_STACK_MAX) {
		t->dead[t->ndead] = t->stack[t->depth].state;
		t->dead_free[t->ndead] = sc->free;
		t->ndead++;
	}
}

void *
tui_top(struct tui *t)
{
	return t->depth > 0 ? t->stack[t->depth - 1].state : NULL;
}

void
tui_quit(struct tui *t)
{
	t->quit = 1;
}

static void
free_dead(struct tui *t)
{
	for (int i = 0; i < t->ndead; i++) {
		if (t->dead_free[i] != NULL)
			t->dead_free[i](t->dead[i]);
		else
			free(t->dead[i]);
	}
	t->ndead = 0;
}

static void
set_status(struct tui *t, int error, const char *fmt, va_list ap)
{
	vsnprintf(t->status, sizeof t->status, fmt, ap);
	t->status_error = error;
}

void
tui_status(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(t, 0, fmt, ap);
	va_end(ap);
}

void
tui_error(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(t, 1, fmt, ap);
	va_end(ap);
	beep();
}

const char *
tui_shown_id(const struct tui *t, const char *id, char buf[19])
{
	if (t->s.role >= ROLE_SUPERVISOR || strlen(id) != IDCARD_LEN)
		return id;
	idcard_mask(id, buf);
	return buf;
}

void
tui_draw_all(struct tui *t)
{
	const struct tui_screen *sc;

	if (t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS) {
		draw_too_small(t);
		return;
	}
	t->cur_y = t->cur_x = -1;
	if (t->depth == 0) {
		draw_chrome(t, "", NULL);
		return;
	}
	sc = t->stack[t->depth - 1].screen;
	draw_chrome(t, sc->title != NULL ? _(sc->title) : "", sc->keys);
	if (sc->draw != NULL)
		sc->draw(t, t->stack[t->depth - 1].state);
}

void
tui_flush(struct tui *t)
{
	static int shown = -1;
	int want = t->cur_y >= 0;

	if (want)
		move(t->cur_y, t->cur_x);
	else
		move(t->rows - 1, t->cols - 1);
	if (want != shown) {
		curs_set(want ? 1 : 0);
		shown = want;
	}
	refresh();
}

/* Minutes from YIBAO_IDLE_LOCK (default 10, 0 never); "30s" for tests. */
static int
idle_seconds(void)
{
	const char *v = getenv("YIBAO_IDLE_LOCK");
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return 10 * 60;
	n = strtol(v, &end, 10);
	if (n < 0 || n > 24 * 60)
		return 10 * 60;
	if (*end == 's' && end[1] == '\0')
		return (int)n;
	return *end == '\0' ? (int)n * 60 : 10 * 60;
}

void
tui_getkey(struct tui *t, struct tui_key *k)
{
	static int locking;

	keys_read(t, k, 1000);
	ops_session_clock(&t->s);
	if (k->code == TUI_KEY_NONE) {
		if (t->logged_in && !locking && t->idle_secs > 0 &&
		    term_now() - t->last_key >= t->idle_secs)
			goto lock;
		k->code = TUI_KEY_TICK;
		return;
	}
	t->last_key = term_now();
	if (k->code == TUI_KEY_REDRAW) {
		term_size(t);
		return;
	}
	if (k->code == TUI_KEY_F(12) && t->logged_in && !locking)
		goto lock;
	return;
lock:
	locking = 1;
	tui_lock(t);
	locking = 0;
	t->last_key = term_now();
	k->code = TUI_KEY_REDRAW;
}

static int
quit_asked(struct tui *t)
{
	if (!t->logged_in)
		return 1;
	return tui_confirm(t, _("Quit yibao? What is typed and not saved is "
	    "lost."), 0);
}

/* The keys every screen shares, when the screen left them. */
static void
shared_key(struct tui *t, const struct tui_key *k)
{
	switch (k->code) {
	case TUI_KEY_F(1):
		tui_open_help(t);
		break;
	case TUI_KEY_F(3):
		if (t->logged_in)
			tui_open_find(t);
		break;
	case TUI_KEY_F(10):
		if (quit_asked(t))
			tui_quit(t);
		break;
	case TUI_KEY_ESC:
		if (t->depth > 1)
			tui_pop(t);
		break;
	default:
		break;
	}
}

static void
dispatch(struct tui *t, const struct tui_key *k)
{
	const struct tui_screen *sc;
	int r = TUI_UNHANDLED;

	if (k->code == TUI_KEY_REDRAW)
		return;
	if (TUI_TOO_SMALL(t)) {
		/* Nothing reaches a screen it cannot show. */
		if (k->code == TUI_KEY_F(10) && quit_asked(t))
			tui_quit(t);
		return;
	}
	if (k->code != TUI_KEY_TICK)
		t->status[0] = '\0';
	if (t->depth > 0) {
		sc = t->stack[t->depth - 1].screen;
		if (sc->key != NULL)
			r = sc->key(t, t->stack[t->depth - 1].state, k);
	}
	if (r == TUI_UNHANDLED && k->code != TUI_KEY_TICK)
		shared_key(t, k);
	free_dead(t);
}

/* A second without a key: only a screen that counts down draws again. */
static int
tick(struct tui *t, const struct tui_key *k)
{
	const struct tui_screen *sc = t->stack[t->depth - 1].screen;
	int r;

	if (TUI_TOO_SMALL(t) || sc->key == NULL)
		return 0;
	r = sc->key(t, t->stack[t->depth - 1].state, k);
	free_dead(t);
	return r == TUI_HANDLED;
}

int
tui_main(const struct tui_options *opt)
{
	struct tui *t = calloc(1, sizeof *t);
	struct ops_error err;
	struct tui_key k;
	int last_draw_tick = 1;

	if (t == NULL)
		return 1;
	t->opt = opt;
	t->ascii = opt->ascii;
	if (ops_session_open(&t->s, opt->db_path, opt->today, &err) !=
	    OPS_OK) {
		err_printf("yibao: %s\n", err.msg);
		free(t);
		return 1;
	}
	t->idle_secs = idle_seconds();
	if (term_start(t) != 0) {
		err_printf("%s", _("yibao: this terminal cannot be used (is "
		    "TERM set?)\n"));
		ops_session_close(&t->s);
		free(t);
		return 1;
	}
	t->last_key = term_now();
	tui_open_login(t);
	while (!t->quit && t->depth > 0) {
		/* A tick nobody used changes nothing on the screen. */
		if (last_draw_tick) {
			tui_draw_all(t);
			tui_flush(t);
		}
		tui_getkey(t, &k);
		if (k.code == TUI_KEY_TICK) {
			last_draw_tick = tick(t, &k);
			continue;
		}
		dispatch(t, &k);
		last_draw_tick = 1;
	}
	while (t->depth > 0)
		tui_pop(t);
	free_dead(t);
	term_end();
	ops_session_logout(&t->s);
	ops_session_close(&t->s);
	free(t);
	return 0;
}
