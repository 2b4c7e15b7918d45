/*
 * dialog.c: modal dialogs drawn over the current screen: a message, a
 * yes/no question, a password.  Each runs its own small loop on
 * tui_getkey, so a resize redraws the screen under it and the dialog, and
 * the lock works here too.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "ops/ops.h"
#include "tui/internal.h"

struct box {
	int y, x, h, w;
};

/* A box of `rows` inner rows, centred in the body; 0 when it cannot be
 * drawn (terminal too small). */
static int
place(struct tui *t, int rows, int w, struct box *b)
{
	int bw = tui_body_cols(t), bh = tui_body_rows(t);

	if (t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS)
		return 0;
	if (w > bw)
		w = bw;
	b->h = rows + 2;
	if (b->h > bh)
		b->h = bh;
	b->w = w;
	b->y = (bh - b->h) / 2;
	b->x = (bw - b->w) / 2;
	return 1;
}

static int
text_rows(const char *text, int width)
{
	return tui_wrap(NULL, 0, 0, width, 100, 0, text);
}

void
tui_message(struct tui *t, const char *title, const char *text)
{
	struct tui_key k;
	struct box b;
	int w = 60, rows;

	for (;;) {
		tui_draw_all(t);
		rows = text_rows(text, w - 4);
		if (place(t, rows + 2, w, &b)) {
			draw_box(t, b.y, b.x, b.h, b.w, title);
			tui_wrap(t, b.y + 1, b.x + 2, b.w - 4, b.h - 4,
			    TUI_A_NORMAL, text);
			tui_print(t, b.y + b.h - 2, b.x + 2, b.w - 4, TUI_A_DIM,
			    _("Press Enter or Esc."));
			tui_cursor(t, -1, -1);
		}
		tui_flush(t);
		tui_getkey(t, &k);
		if (TUI_TOO_SMALL(t) && !t->quit)
			continue;
		if (t->quit || k.code == TUI_KEY_ENTER ||
		    k.code == TUI_KEY_ESC)
			return;
	}
}

int
tui_confirm(struct tui *t, const char *question, int dflt)
{
	struct tui_key k;
	struct box b;
	int w = 60, rows, answer = dflt ? 1 : 0;

	for (;;) {
		tui_draw_all(t);
		rows = text_rows(question, w - 4);
		if (place(t, rows + 2, w, &b)) {
			draw_box(t, b.y, b.x, b.h, b.w, _("Please confirm"));
			tui_wrap(t, b.y + 1, b.x + 2, b.w - 4, b.h - 4,
			    TUI_A_BOLD, question);
			/* Both answers named with their keys; the chosen one
			 * reverse and marked, so no colour is needed. */
			tui_print(t, b.y + b.h - 2, b.x + 4, 16, answer ?
			    TUI_A_REVERSE : TUI_A_NORMAL, answer ?
			    _(">1 Yes (Y)") : _(" 1 Yes (Y)"));
			tui_print(t, b.y + b.h - 2, b.x + 24, 16, !answer ?
			    TUI_A_REVERSE : TUI_A_NORMAL, !answer ?
			    _(">2 No (N)") : _(" 2 No (N)"));
			tui_cursor(t, b.y + b.h - 2, answer ? b.x + 4 :
			    b.x + 24);
		}
		tui_flush(t);
		tui_getkey(t, &k);
		if (t->quit)
			return 0;
		if (TUI_TOO_SMALL(t))
			continue;
		switch (k.code) {
		case TUI_KEY_ENTER:
			return answer;
		case TUI_KEY_ESC:
			return 0;
		case TUI_KEY_LEFT:
		case TUI_KEY_RIGHT:
		case TUI_KEY_TAB:
		case TUI_KEY_BTAB:
			answer = !answer;
			break;
		case TUI_KEY_CHAR:
			if (k.ch == 'y' || k.ch == 'Y' || k.ch == '1')
				return 1;
			if (k.ch == 'n' || k.ch == 'N' || k.ch == '2')
				return 0;
			break;
		default:
			break;
		}
	}
}

/* A one-field prompt; the text echoed as '*' when secret. 1 given. */
static int
prompt_loop(struct tui *t, const char *title, const char *text,
    struct field *fl, int secret)
{
	struct tui_key k;
	struct box b;
	int w = 56, rows, fw;

	for (;;) {
		tui_draw_all(t);
		rows = text_rows(text, w - 4);
		if (place(t, rows + 3, w, &b)) {
			char stars[FIELD_MAX + 1];
			int end, curcol;

			draw_box(t, b.y, b.x, b.h, b.w, title);
			tui_wrap(t, b.y + 1, b.x + 2, b.w - 4, rows,
			    TUI_A_NORMAL, text);
			fw = b.w - 4;
			field_view(fl, fw, &end, &curcol);
			if (secret) {
				memset(stars, '*', (size_t)fl->len);
				stars[fl->len] = '\0';
				tui_print(t, b.y + rows + 2, b.x + 2, fw,
				    TUI_A_UNDERLINE, stars);
				tui_cursor(t, b.y + rows + 2, b.x + 2 +
				    (fl->cur < fw ? fl->cur : fw - 1));
			} else {
				char buf[FIELD_MAX * 4 + 1];

				field_get(fl, buf, sizeof buf);
				tui_print(t, b.y + rows + 2, b.x + 2, fw,
				    TUI_A_UNDERLINE, buf);
				tui_cursor(t, b.y + rows + 2, b.x + 2 +
				    curcol);
			}
		}
		tui_flush(t);
		tui_getkey(t, &k);
		if (t->quit)
			return 0;
		if (TUI_TOO_SMALL(t))
			continue;
		switch (k.code) {
		case TUI_KEY_ENTER:
			return 1;
		case TUI_KEY_ESC:
			return 0;
		case TUI_KEY_BACKSPACE:
			field_backspace(fl);
			break;
		case TUI_KEY_DELETE:
			field_delete(fl);
			break;
		case TUI_KEY_LEFT:
			field_left(fl);
			break;
		case TUI_KEY_RIGHT:
			field_right(fl);
			break;
		case TUI_KEY_HOME:
			field_home(fl);
			break;
		case TUI_KEY_END:
			field_end(fl);
			break;
		case TUI_KEY_CHAR:
			if (field_insert(fl, k.ch) != 0)
				beep();
			break;
		default:
			break;
		}
	}
}

int
tui_password(struct tui *t, const char *title, const char *prompt,
    char *buf, size_t bufsz)
{
	struct field fl;
	int r;

	field_init(&fl, 64);
	r = prompt_loop(t, title, prompt, &fl, 1);
	if (r)
		field_get(&fl, buf, bufsz);
	else if (bufsz > 0)
		buf[0] = '\0';
	explicit_bzero(&fl, sizeof fl);
	return r;
}

int
tui_supervisor(struct tui *t, const char *why, struct ops_session *as)
{
	struct ops_error err;
	struct field fl;
	char login[64], pw[256], text[1024];
	enum ops_status r;

	*as = t->s;
	if (t->s.role >= ROLE_SUPERVISOR)
		return 1;
	snprintf(text, sizeof text, "%s\n%s", why, _("A supervisor's login:"));
	field_init(&fl, 32);
	if (!prompt_loop(t, _("Supervisor's consent"), text, &fl, 0))
		return 0;
	field_get(&fl, login, sizeof login);
	snprintf(text, sizeof text, _("Password of %s:"), login);
	if (!tui_password(t, _("Supervisor's consent"), text, pw, sizeof pw))
		return 0;
	r = ops_login(as, login, pw, &err);
	explicit_bzero(pw, sizeof pw);
	if (r == OPS_OK && as->role < ROLE_SUPERVISOR)
		r = ops_fail(&err, OPS_DENIED, _("%s is not a supervisor"),
		    login);
	if (r != OPS_OK) {
		*as = t->s;
		tui_error(t, "%s", err.msg);
		return 0;
	}
	return 1;
}
