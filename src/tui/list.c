/*
 * list.c: a scrolling list with one selected row, shown reverse and with a
 * ">" (so it is seen without colour).  With `numbered`, the first nine
 * shown rows carry 1..9 and a digit chooses.
 */
#include "config.h"

#include <stdio.h>

#include "tui/internal.h"

static void
keep_visible(struct tui_list *l, int h)
{
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (h < 1)
		h = 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top > l->n - h)
		l->top = l->n - h;
	if (l->top < 0)
		l->top = 0;
}

void
tui_list_draw(struct tui *t, struct tui_list *l, int y, int x, int h, int w)
{
	char text[1024], line[1100];
	int i, row;

	l->height = h;
	keep_visible(l, h);
	for (row = 0; row < h; row++) {
		i = l->top + row;
		if (i >= l->n) {
			tui_print(t, y + row, x, w, TUI_A_NORMAL, "");
			continue;
		}
		text[0] = '\0';
		if (l->row != NULL)
			l->row(t, l->ctx, i, text, sizeof text);
		if (l->numbered && row < 9)
			snprintf(line, sizeof line, "%s%d %s", i == l->sel ?
			    ">" : " ", row + 1, text);
		else
			snprintf(line, sizeof line, "%s%s%s", i == l->sel ?
			    ">" : " ", l->numbered ? "  " : "", text);
		tui_print(t, y + row, x, w, i == l->sel ? TUI_A_REVERSE :
		    TUI_A_NORMAL, line);
	}
	/* More above or below: a marker at the right edge. */
	if (l->top > 0)
		tui_print(t, y, x + w - 1, 1, TUI_A_BOLD, "^");
	if (l->top + h < l->n)
		tui_print(t, y + h - 1, x + w - 1, 1, TUI_A_BOLD, "v");
}

int
tui_list_key(struct tui *t, struct tui_list *l, const struct tui_key *k)
{
	int h = l->height > 0 ? l->height : 1;

	(void)t;
	if (l->n == 0)
		return TUI_UNHANDLED;
	switch (k->code) {
	case TUI_KEY_UP:
		if (l->sel > 0)
			l->sel--;
		break;
	case TUI_KEY_DOWN:
		if (l->sel < l->n - 1)
			l->sel++;
		break;
	case TUI_KEY_PGUP:
		l->sel -= h;
		l->top -= h;
		if (l->top < 0)
			l->top = 0;
		break;
	case TUI_KEY_PGDN:
		l->sel += h;
		l->top += h;
		break;
	case TUI_KEY_HOME:
		l->sel = 0;
		break;
	case TUI_KEY_END:
		l->sel = l->n - 1;
		break;
	case TUI_KEY_ENTER:
		return TUI_LIST_CHOOSE;
	case TUI_KEY_CHAR:
		if (l->numbered && k->ch >= '1' && k->ch <= '9' &&
		    l->top + (int)(k->ch - '1') < l->n) {
			l->sel = l->top + (int)(k->ch - '1');
			return TUI_LIST_CHOOSE;
		}
		return TUI_UNHANDLED;
	default:
		return TUI_UNHANDLED;
	}
	keep_visible(l, h);
	return TUI_HANDLED;
}
