/*
 * keys.c: keys as the clerk meant them.  F-keys come in many spellings:
 * terminfo's, PuTTY's own (ESC [ 11 ~ .. ESC [ 14 ~), the VT100's
 * (ESC O P .. ESC O S), the Linux console's (ESC [ [ A .. E); and where a
 * terminal loses them (PuTTY over a slow link), Esc followed by a digit is
 * the same key: Esc 1 is F1, Esc 0 is F10.
 */
#include "config.h"

#include <curses.h>

#include "tui/internal.h"

static const struct {
	const char *seq;
	int code;
} extra[] = {
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
	{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
	{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
	{ "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
	{ "\033[Z", KEY_BTAB },
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
	{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[3~", KEY_DC },
};

void
keys_define(void)
{
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].code);
}

static int
from_keycode(int c, struct tui_key *k)
{
	if (c >= KEY_F(1) && c <= KEY_F(12))
		return k->code = TUI_KEY_F(c - KEY_F0);
	switch (c) {
	case KEY_ENTER:
		return k->code = TUI_KEY_ENTER;
	case KEY_UP:
		return k->code = TUI_KEY_UP;
	case KEY_DOWN:
		return k->code = TUI_KEY_DOWN;
	case KEY_LEFT:
		return k->code = TUI_KEY_LEFT;
	case KEY_RIGHT:
		return k->code = TUI_KEY_RIGHT;
	case KEY_HOME:
	case KEY_A1:
		return k->code = TUI_KEY_HOME;
	case KEY_END:
	case KEY_C1:
		return k->code = TUI_KEY_END;
	case KEY_PPAGE:
	case KEY_A3:
		return k->code = TUI_KEY_PGUP;
	case KEY_NPAGE:
	case KEY_C3:
		return k->code = TUI_KEY_PGDN;
	case KEY_BACKSPACE:
		return k->code = TUI_KEY_BACKSPACE;
	case KEY_DC:
		return k->code = TUI_KEY_DELETE;
	case KEY_BTAB:
		return k->code = TUI_KEY_BTAB;
	case KEY_RESIZE:
		return k->code = TUI_KEY_REDRAW;
	default:
		return k->code = TUI_KEY_NONE;
	}
}

static int
from_char(wint_t c, struct tui_key *k)
{
	switch (c) {
	case '\r':
	case '\n':
		return k->code = TUI_KEY_ENTER;
	case '\t':
		return k->code = TUI_KEY_TAB;
	case 8:
	case 127:
		return k->code = TUI_KEY_BACKSPACE;
	case 12:	/* Ctrl-L: draw everything again */
		clearok(curscr, TRUE);
		return k->code = TUI_KEY_REDRAW;
	default:
		break;
	}
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		return k->code = TUI_KEY_NONE;
	k->ch = (uint32_t)c;
	return k->code = TUI_KEY_CHAR;
}

/* After a lone Esc: a digit soon after makes it an F-key. */
static int
after_escape(struct tui *t, struct tui_key *k)
{
	wint_t c;
	int r;

	timeout(t->escdelay > 0 ? t->escdelay : 1);
	r = get_wch(&c);
	if (r == OK && c >= '0' && c <= '9')
		return k->code = TUI_KEY_F(c == '0' ? 10 : (int)(c - '0'));
	if (r == OK)
		unget_wch((wchar_t)c);
	else if (r == KEY_CODE_YES)
		ungetch((int)c);
	return k->code = TUI_KEY_ESC;
}

int
keys_read(struct tui *t, struct tui_key *k, int timeout_ms)
{
	wint_t c;
	int r;

	k->code = TUI_KEY_NONE;
	k->ch = 0;
	timeout(timeout_ms);
	r = get_wch(&c);
	if (r == ERR)
		return TUI_KEY_NONE;
	if (r == KEY_CODE_YES)
		return from_keycode((int)c, k);
	if (c == 27)
		return after_escape(t, k);
	return from_char(c, k);
}
