/*
 * help.c: F1: what the screen under it is for, and the keys that work
 * there and everywhere.
 */
#include "config.h"

#include <stdlib.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/internal.h"

struct help {
	const struct tui_screen *of;	/* the screen the help is about */
};

static const struct tui_keyhelp everywhere[] = {
	{ "F1", N_("this help") },
	{ "F2", N_("save the form (as Enter on its last field)") },
	{ "F3", N_("find a resident") },
	{ "F10", N_("quit yibao") },
	{ "F12", N_("lock the screen") },
	{ "Esc", N_("back (a form asks before dropping what was typed)") },
	{ "Tab", N_("next field; Shift-Tab the previous one") },
	{ "Esc 1..9, Esc 0", N_("F1..F9, F10, where F-keys do not work") },
	{ NULL, NULL }
};

static void
help_draw(struct tui *t, void *state)
{
	struct help *h = state;
	int y = 0, w = tui_body_cols(t);

	tui_print(t, y++, 0, 0, TUI_A_BOLD, h->of != NULL && h->of->title ?
	    _(h->of->title) : "yibao");
	if (h->of != NULL && h->of->help != NULL)
		y += tui_wrap(t, y, 0, w, 8, TUI_A_NORMAL, _(h->of->help));
	y++;
	if (h->of != NULL && h->of->keys != NULL) {
		tui_print(t, y++, 0, 0, TUI_A_BOLD, _("Keys on this screen:"));
		for (int i = 0; h->of->keys[i].key != NULL; i++, y++) {
			tui_print(t, y, 2, 16, TUI_A_BOLD, h->of->keys[i].key);
			tui_print(t, y, 18, 0, TUI_A_NORMAL,
			    _(h->of->keys[i].label));
		}
		y++;
	}
	tui_print(t, y++, 0, 0, TUI_A_BOLD, _("Keys everywhere:"));
	for (int i = 0; everywhere[i].key != NULL; i++, y++) {
		tui_print(t, y, 2, 16, TUI_A_BOLD, everywhere[i].key);
		tui_print(t, y, 18, 0, TUI_A_NORMAL, _(everywhere[i].label));
	}
	tui_cursor(t, -1, -1);
}

static int
help_key(struct tui *t, void *state, const struct tui_key *k)
{
	(void)state;
	if (k->code == TUI_KEY_ENTER || k->code == TUI_KEY_ESC ||
	    k->code == TUI_KEY_F(1)) {
		tui_pop(t);
		return TUI_HANDLED;
	}
	return k->code == TUI_KEY_F(10) ? TUI_UNHANDLED : TUI_HANDLED;
}

static const struct tui_keyhelp help_keys[] = {
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
