/*
 * draw.c: the frame every screen sits in, and text by display columns.
 *
 *   row 0        office, operator, date, database (reverse)
 *   row 1        the frame's top edge, with the screen's title
 *   rows 2..-4   the body (screens draw here), inside the frame
 *   row -3       the frame's bottom edge
 *   row -2       the message line
 *   row -1       the function keys
 *
 * Frames in line drawing or, for terminals and fonts that draw those two
 * columns wide, in ASCII.  Meaning is never in colour alone: errors are
 * bold with a "!", the selected row reverse with a ">".
 */
#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/date.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/internal.h"

const struct tui_keyhelp tui_shared_keys[] = {
	{ "F1", N_("Help") },
	{ "F2", N_("Save") },
	{ "F3", N_("Find") },
	{ "F10", N_("Quit") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static attr_t
curses_attr(const struct tui *t, int a)
{
	attr_t r = A_NORMAL;

	if (a & TUI_A_BOLD)
		r |= A_BOLD;
	if (a & TUI_A_REVERSE)
		r |= A_REVERSE;
	if (a & TUI_A_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & TUI_A_ERROR)
		r |= A_BOLD | (t->colour ? COLOR_PAIR(1) : 0);
	if ((a & TUI_A_DIM) && t->colour)
		r |= COLOR_PAIR(2);
	return r;
}

/*
 * UTF-8 at terminal (y, x), at most `width` columns, padded to `width`
 * when pad.  Characters that cannot be shown (controls, bad bytes) become
 * '?'.  Returns the columns written.
 */
static int
put(const struct tui *t, int y, int x, int width, int pad, int a,
    const char *utf8)
{
	wchar_t buf[512];
	int n = 0, w = 0, cw, len;
	uint32_t cp;
	const char *s = utf8 != NULL ? utf8 : "";

	if (width <= 0 || y < 0 || y >= t->rows || x < 0 || x >= t->cols)
		return 0;
	if (x + width > t->cols)
		width = t->cols - x;
	while (*s != '\0' && n < (int)(sizeof buf / sizeof buf[0]) - 2) {
		len = text_decode(s, &cp);
		if (cp == TEXT_INVALID || cp < 0x20 || cp == 0x7F ||
		    (cp >= 0x80 && cp < 0xA0))
			cp = '?';
		cw = text_cp_width(cp);
		if (w + cw > width)
			break;
		if (cw == 0 && n == 0) {	/* a lone combining mark */
			s += len;
			continue;
		}
		buf[n++] = (wchar_t)cp;
		w += cw;
		s += len;
	}
	while (pad && w < width && n < (int)(sizeof buf / sizeof buf[0]) - 1) {
		buf[n++] = L' ';
		w++;
	}
	buf[n] = L'\0';
	attrset(curses_attr(t, a));
	mvaddnwstr(y, x, buf, n);
	attrset(A_NORMAL);
	return w;
}

int
tui_body_rows(const struct tui *t)
{
	return t->rows - 5;
}

int
tui_body_cols(const struct tui *t)
{
	return t->cols - 4;
}

int
tui_print(struct tui *t, int y, int x, int width, int attr, const char *utf8)
{
	int room = tui_body_cols(t) - x;

	if (y < 0 || y >= tui_body_rows(t) || x < 0 || room <= 0)
		return 0;
	if (width <= 0)
		return put(t, BODY_Y + y, BODY_X + x, room, 0, attr, utf8);
	return put(t, BODY_Y + y, BODY_X + x, width < room ? width : room, 1,
	    attr, utf8);
}

int
tui_printf(struct tui *t, int y, int x, int width, int attr,
    const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return tui_print(t, y, x, width, attr, buf);
}

void
tui_hline(struct tui *t, int y)
{
	if (y < 0 || y >= tui_body_rows(t))
		return;
	if (t->ascii)
		mvhline(BODY_Y + y, BODY_X, '-', tui_body_cols(t));
	else
		mvhline(BODY_Y + y, BODY_X, ACS_HLINE, tui_body_cols(t));
}

void
tui_cursor(struct tui *t, int y, int x)
{
	if (y < 0 || x < 0) {
		t->cur_y = t->cur_x = -1;
		return;
	}
	t->cur_y = BODY_Y + y;
	t->cur_x = BODY_X + x;
}

/* Where a line of `width` columns may break: after a space, or anywhere
 * between wide characters (Chinese has no spaces). */
int
tui_wrap(struct tui *t, int y, int x, int width, int maxrows, int attr,
    const char *utf8)
{
	const char *s = utf8, *brk;
	char line[1024];
	int rows = 0, w, cw, len;
	uint32_t cp;

	while (*s != '\0' && rows < maxrows) {
		const char *p = s;

		if (*s == '\n') {
			rows++;
			s++;
			continue;
		}
		w = 0;
		brk = NULL;
		while (*p != '\0' && *p != '\n') {
			len = text_decode(p, &cp);
			cw = cp == TEXT_INVALID ? 1 : text_cp_width(cp);
			if (w + cw > width)
				break;
			w += cw;
			p += len;
			if (cp == ' ' || cw == 2)
				brk = p;
		}
		if (*p != '\0' && *p != '\n' && brk != NULL && brk > s)
			p = brk;
		if (p == s) {	/* one character wider than the line */
			p += text_decode(p, &cp);
		}
		len = (int)(p - s) < (int)sizeof line - 1 ? (int)(p - s) :
		    (int)sizeof line - 1;
		memcpy(line, s, (size_t)len);
		line[len] = '\0';
		if (t != NULL)
			tui_print(t, y + rows, x, 0, attr, line);
		rows++;
		s = p;
		while (*s == ' ')
			s++;
		if (*s == '\n')
			s++;
	}
	return rows;
}

void
draw_clear_body(struct tui *t)
{
	for (int y = BODY_Y; y < BODY_Y + tui_body_rows(t); y++)
		mvhline(y, 1, ' ', t->cols - 2);
}

static void
frame(struct tui *t, int y, int x, int h, int w)
{
	if (t->ascii) {
		mvaddch(y, x, '+');
		mvhline(y, x + 1, '-', w - 2);
		mvaddch(y, x + w - 1, '+');
		mvvline(y + 1, x, '|', h - 2);
		mvvline(y + 1, x + w - 1, '|', h - 2);
		mvaddch(y + h - 1, x, '+');
		mvhline(y + h - 1, x + 1, '-', w - 2);
		mvaddch(y + h - 1, x + w - 1, '+');
		return;
	}
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

void
draw_box(struct tui *t, int y, int x, int h, int w, const char *title)
{
	char buf[256];

	y += BODY_Y;
	x += BODY_X;
	for (int i = 1; i < h - 1; i++)
		mvhline(y + i, x + 1, ' ', w - 2);
	frame(t, y, x, h, w);
	if (title != NULL && *title != '\0') {
		snprintf(buf, sizeof buf, " %s ", title);
		put(t, y, x + 2, w - 4, 0, TUI_A_BOLD, buf);
	}
}

/* The path of the database, its end kept when it is too long. */
static const char *
path_tail(const char *path, int cols)
{
	const char *p = path;

	while (*p != '\0' && text_width(p) > cols) {
		p++;
		while ((*p & 0xC0) == 0x80)
			p++;
	}
	return p;
}

static void
top_line(struct tui *t)
{
	char left[512], date[DATE_BUFSZ];
	const char *db = t->opt != NULL && t->opt->db_path != NULL ?
	    t->opt->db_path : "";
	int w;

	if (t->logged_in)
		snprintf(left, sizeof left, _(" Office %s | %s (%s) | %s "),
		    t->s.site, t->s.display_name, role_label(t->s.role),
		    date_format(t->s.today, date));
	else
		snprintf(left, sizeof left, _(" Office %s | not logged in | "
		    "%s "), t->s.site, date_format(t->s.today, date));
	put(t, 0, 0, t->cols, 1, TUI_A_REVERSE, "");
	w = put(t, 0, 0, t->cols, 0, TUI_A_REVERSE, left);
	if (t->cols - w > 8) {
		char right[600];

		snprintf(right, sizeof right, "%s ", path_tail(db, t->cols -
		    w - 2));
		put(t, 0, t->cols - text_width(right), text_width(right), 0,
		    TUI_A_REVERSE, right);
	}
}

static void
keys_line(struct tui *t, const struct tui_keyhelp *keys)
{
	int x = 0, w;

	move(t->rows - 1, 0);
	clrtoeol();
	for (int i = 0; keys[i].key != NULL && x < t->cols; i++) {
		w = put(t, t->rows - 1, x, t->cols - x, 0, TUI_A_REVERSE,
		    keys[i].key);
		x += w + 1;
		w = put(t, t->rows - 1, x, t->cols - x, 0, TUI_A_NORMAL,
		    _(keys[i].label));
		x += w + 2;
	}
}

static void
status_line(struct tui *t)
{
	char buf[600];

	move(t->rows - 2, 0);
	clrtoeol();
	if (t->status[0] == '\0')
		return;
	snprintf(buf, sizeof buf, "%s%s", t->status_error ? "! " : "",
	    t->status);
	put(t, t->rows - 2, 1, t->cols - 2, 0, t->status_error ?
	    TUI_A_ERROR : TUI_A_BOLD, buf);
}

void
draw_chrome(struct tui *t, const char *title,
    const struct tui_keyhelp *keys)
{
	char buf[256];

	top_line(t);
	frame(t, 1, 0, t->rows - 3, t->cols);
	if (title != NULL && *title != '\0') {
		snprintf(buf, sizeof buf, " %s ", title);
		put(t, 1, 2, t->cols - 4, 0, TUI_A_BOLD, buf);
	}
	draw_clear_body(t);
	status_line(t);
	keys_line(t, keys != NULL ? keys : tui_shared_keys);
}

void
draw_too_small(struct tui *t)
{
	char buf[256];
	int y = t->rows / 2 - 1;

	erase();
	snprintf(buf, sizeof buf, _("Terminal too small: %dx%d."), t->cols,
	    t->rows);
	put(t, y < 0 ? 0 : y, 0, t->cols, 0, TUI_A_BOLD, buf);
	snprintf(buf, sizeof buf, _("yibao needs at least %dx%d: make the "
	    "window larger."), TUI_MIN_COLS, TUI_MIN_ROWS);
	put(t, y + 1 < 0 ? 0 : y + 1, 0, t->cols, 0, TUI_A_NORMAL, buf);
	t->cur_y = t->cur_x = -1;
}
