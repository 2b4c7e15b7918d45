/*
 * menu.c: a numbered menu: a digit opens its entry at once, or the arrows
 * and Enter.  Entries 1..9, then 0 for the tenth.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "tui/internal.h"

struct menu {
	struct tui_screen screen;	/* a copy per menu: its own title */
	const struct tui_menu_item *items;
	int n;
	int sel;
};

static void
menu_draw(struct tui *t, void *state)
{
	struct menu *m = state;
	int y = 1;

	for (int i = 0; i < m->n; i++) {
		int sel = i == m->sel;

		tui_printf(t, y + i, 4, 0, sel ? TUI_A_REVERSE : TUI_A_NORMAL,
		    "%s %d  %s", sel ? ">" : " ", (i + 1) % 10,
		    _(m->items[i].label));
	}
	tui_print(t, y + m->n + 1, 4, 0, TUI_A_DIM, _("Type the number of "
	    "an entry, or choose with the arrows and Enter."));
	tui_cursor(t, y + m->sel, 4);
}

static int
choose(struct tui *t, struct menu *m, int i)
{
	m->sel = i;
	if (m->items[i].open != NULL)
		m->items[i].open(t);
	return TUI_HANDLED;
}

static int
menu_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct menu *m = state;

	switch (k->code) {
	case TUI_KEY_UP:
		m->sel = m->sel > 0 ? m->sel - 1 : m->n - 1;
		return TUI_HANDLED;
	case TUI_KEY_DOWN:
	case TUI_KEY_TAB:
		m->sel = m->sel < m->n - 1 ? m->sel + 1 : 0;
		return TUI_HANDLED;
	case TUI_KEY_HOME:
		m->sel = 0;
		return TUI_HANDLED;
	case TUI_KEY_END:
		m->sel = m->n - 1;
		return TUI_HANDLED;
	case TUI_KEY_ENTER:
		return choose(t, m, m->sel);
	case TUI_KEY_CHAR:
		if (k->ch >= '1' && k->ch <= '9' && (int)(k->ch - '1') < m->n)
			return choose(t, m, (int)(k->ch - '1'));
		if (k->ch == '0' && m->n >= 10)
			return choose(t, m, 9);
		return TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

static const struct tui_keyhelp menu_keys[] = {
	{ "1-9", N_("Choose") },
	{ "F1", N_("Help") },
	{ "F3", N_("Find") },
	{ "F10", N_("Quit") },
	{ "F12", N_("Lock") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

int
tui_menu_open(struct tui *t, const char *title,
    const struct tui_menu_item *items, int n)
{
	struct menu *m = calloc(1, sizeof *m);

	if (m == NULL)
		return -1;
	m->screen.title = title;
	m->screen.help = N_("Choose what to do: type its number, or move "
	    "with the arrows and press Enter.  Esc goes back; F10 quits.");
	m->screen.draw = menu_draw;
	m->screen.key = menu_key;
	m->screen.keys = menu_keys;
	m->items = items;
	m->n = n > 10 ? 10 : n;
	return tui_push(t, &m->screen, m);
}
