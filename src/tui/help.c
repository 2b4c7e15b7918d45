/*
 * help.c: F1: what the screen under it is for, and the keys that work
 * there and everywhere.  A help longer than the window scrolls (Up, Down,
 * PgUp, PgDn), so no screen's text or keys are cut at 80x24.
 */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "tui/internal.h"

struct help {
	const struct tui_screen *of;	/* the screen the help is about */
	int top;			/* the first row shown */
	int rows;			/* rows of the whole help, at the last draw */
};

static const struct tui_keyhelp everywhere[] = {
	{ "F1", N_("this help") },
	{ "F2", N_("save the form") },
	{ "F3", N_("find a resident") },
	{ "F10", N_("quit yibao") },
	{ "F12", N_("lock the screen") },
	{ "Esc", N_("back; a form asks first") },
	{ "Tab", N_("next field") },
	{ "S-Tab", N_("previous field") },
	{ "Esc 1-9", N_("F1-F9 on any terminal") },
	{ "Esc 0", N_("F10 on any terminal") },
	{ NULL, NULL }
};

/* Keys in two columns, so the help fits 80x24; returns the rows used. */
static int
key_table(struct tui *t, int y, const struct tui_keyhelp *keys)
{
	int half = tui_body_cols(t) / 2, n = 0, row, col;

	while (keys[n].key != NULL)
		n++;
	for (int i = 0; i < n; i++) {
		row = i / 2;
		col = (i % 2) * half;
		tui_print(t, y + row, col + 2, 9, TUI_A_BOLD, keys[i].key);
		tui_print(t, y + row, col + 11, half - 12, TUI_A_NORMAL,
		    _(keys[i].label));
	}
	return (n + 1) / 2;
}

static void
help_draw(struct tui *t, void *state)
{
	struct help *h = state;
	int y = -h->top, w = tui_body_cols(t), body = tui_body_rows(t);

	/* Rows above or below the body are not drawn (tui_print clips). */
	tui_print(t, y++, 0, 0, TUI_A_BOLD, h->of != NULL && h->of->title ?
	    _(h->of->title) : "yibao");
	if (h->of != NULL && h->of->help != NULL)
		y += tui_wrap(t, y, 0, w, 200, TUI_A_NORMAL, _(h->of->help));
	y++;
	if (h->of != NULL && h->of->keys != NULL) {
		tui_print(t, y++, 0, 0, TUI_A_BOLD, _("Keys on this screen:"));
		y += key_table(t, y, h->of->keys) + 1;
	}
	tui_print(t, y++, 0, 0, TUI_A_BOLD, _("Keys everywhere:"));
	y += key_table(t, y, everywhere);
	h->rows = y + h->top;
	if (h->top + body < h->rows)
		tui_print(t, body - 1, w - 24, 24, TUI_A_BOLD,
		    _("-- more: Down, PgDn --"));
	tui_cursor(t, -1, -1);
}

/* Scroll by `by` rows, within the help. */
static void
scroll(struct tui *t, struct help *h, int by)
{
	int last = h->rows - tui_body_rows(t);

	h->top += by;
	if (h->top > last)
		h->top = last;
	if (h->top < 0)
		h->top = 0;
}

static int
help_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct help *h = state;
	int page = tui_body_rows(t) - 1;

	switch (k->code) {
	case TUI_KEY_ENTER:
	case TUI_KEY_ESC:
	case TUI_KEY_F(1):
		tui_pop(t);
		return TUI_HANDLED;
	case TUI_KEY_F(10):
		return TUI_UNHANDLED;
	case TUI_KEY_UP:
		scroll(t, h, -1);
		return TUI_HANDLED;
	case TUI_KEY_DOWN:
		scroll(t, h, 1);
		return TUI_HANDLED;
	case TUI_KEY_PGUP:
		scroll(t, h, -page);
		return TUI_HANDLED;
	case TUI_KEY_PGDN:
	case TUI_KEY_CHAR:		/* space, as in a pager */
		scroll(t, h, k->code == TUI_KEY_CHAR && k->ch != ' ' ? 0 :
		    page);
		return TUI_HANDLED;
	case TUI_KEY_HOME:
		h->top = 0;
		return TUI_HANDLED;
	case TUI_KEY_END:
		scroll(t, h, h->rows);
		return TUI_HANDLED;
	default:
		return TUI_HANDLED;
	}
}

static const struct tui_keyhelp help_keys[] = {
	{ "PgDn", N_("More") },
	{ "Esc", N_("Back") },
	{ "F10", N_("Quit") },
	{ NULL, NULL }
};

static const struct tui_screen help_screen = {
	N_("Help"), NULL, help_draw, help_key, NULL, help_keys
};

void
tui_open_help(struct tui *t)
{
	struct help *h;

	if (t->depth > 0 && t->stack[t->depth - 1].screen == &help_screen)
		return;
	if ((h = calloc(1, sizeof *h)) == NULL)
		return;
	h->of = t->depth > 0 ? t->stack[t->depth - 1].screen : NULL;
	tui_push(t, &help_screen, h);
}
