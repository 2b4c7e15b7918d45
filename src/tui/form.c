/*
 * form.c: labelled one-line fields.  The typed text lives in the form, so
 * a redraw after a resize or the lock screen shows it again as it was.
 *
 *   > Name ........ [张三______]  ! message of the check
 *
 * The current field is marked by ">" and the cursor (not by colour); a
 * field whose check failed keeps its "!" message until it is right.
 */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/internal.h"

/* Which form and field have shown their hint (see enter_field). */
static const struct tui_form *hint_form;
static int hint_field = -1;

struct tui_form *
tui_form_new(const struct tui_form_field *def, int n, void *ctx)
{
	struct tui_form *f = calloc(1, sizeof *f);

	if (f == NULL)
		return NULL;
	f->field = calloc((size_t)n, sizeof *f->field);
	f->msg = calloc((size_t)n, sizeof *f->msg);
	if (f->field == NULL || f->msg == NULL) {
		tui_form_free(f);
		return NULL;
	}
	f->def = def;
	f->n = n;
	f->ctx = ctx;
	hint_form = NULL;	/* a new form may reuse a freed one's address */
	for (int i = 0; i < n; i++)
		field_init(&f->field[i], def[i].maxlen);
	f->cur = 0;
	while (f->cur < n - 1 && (def[f->cur].flags & TUI_FIELD_READONLY))
		f->cur++;
	return f;
}

void
tui_form_free(struct tui_form *f)
{
	if (f == NULL)
		return;
	if (f->field != NULL)	/* passwords do not linger in memory */
		explicit_bzero(f->field, (size_t)f->n * sizeof *f->field);
	free(f->field);
	free(f->msg);
	free(f);
}

int
tui_form_set(struct tui_form *f, int idx, const char *utf8)
{
	if (idx < 0 || idx >= f->n)
		return -1;
	field_set(&f->field[idx], utf8);
	return 0;
}

const char *
tui_form_get(struct tui_form *f, int idx)
{
	static char buf[FIELD_MAX * 4 + 1];

	tui_form_get_buf(f, idx, buf, sizeof buf);
	return buf;
}

void
tui_form_get_buf(struct tui_form *f, int idx, char *buf, size_t bufsz)
{
	if (idx < 0 || idx >= f->n) {
		if (bufsz > 0)
			buf[0] = '\0';
		return;
	}
	field_get(&f->field[idx], buf, bufsz);
}

void
tui_form_message(struct tui_form *f, int idx, const char *utf8)
{
	if (idx < 0 || idx >= f->n)
		return;
	snprintf(f->msg[idx], sizeof f->msg[idx], "%s", utf8 ? utf8 : "");
}

static int
label_cols(struct tui_form *f)
{
	int w = 0;

	if (f->label_cols > 0)
		return f->label_cols;
	for (int i = 0; i < f->n; i++) {
		int lw = text_width(_(f->def[i].label));

		if (lw > w)
			w = lw;
	}
	return w;
}

/* The edit box: the visible part of the text, '*' for secrets. */
static void
draw_field(struct tui *t, struct tui_form *f, int i, int y, int x,
    int width)
{
	struct field *fl = &f->field[i];
	char buf[FIELD_MAX * 4 + 1], enc[4];
	size_t o = 0;
	int end, curcol, n;

	field_view(fl, width, &end, &curcol);
	for (int c = fl->scroll; c < end; c++) {
		if (f->def[i].flags & TUI_FIELD_SECRET) {
			buf[o++] = '*';
			continue;
		}
		n = text_encode(fl->text[c], enc);
		memcpy(buf + o, enc, (size_t)n);
		o += (size_t)n;
	}
	buf[o] = '\0';
	if (f->def[i].flags & TUI_FIELD_SECRET)	/* one column per star */
		curcol = fl->cur - fl->scroll;
	tui_print(t, y, x, width, (f->def[i].flags & TUI_FIELD_READONLY) ?
	    TUI_A_NORMAL : TUI_A_UNDERLINE, buf);
	if (i == f->cur)
		tui_cursor(t, y, x + curcol);
}

int
tui_form_draw(struct tui *t, struct tui_form *f, int y, int x)
{
	int lw = label_cols(f), fx, room;

	for (int i = 0; i < f->n; i++) {
		const struct tui_form_field *d = &f->def[i];
		int cur = i == f->cur;
		int width = d->width;

		/* The current field: a plain ">" and the cursor.  Bold labels
		 * would cost two attribute changes per move on a slow link. */
		tui_print(t, y + i, x, 2, TUI_A_NORMAL, cur ? ">" : "");
		tui_print(t, y + i, x + 2, lw, TUI_A_NORMAL, _(d->label));
		fx = x + 2 + lw + 1;
		room = tui_body_cols(t) - fx;
		if (width > room)
			width = room;
		if (width < 1)
			continue;
		draw_field(t, f, i, y + i, fx, width);
		if (f->msg[i][0] != '\0' && fx + width + 2 < tui_body_cols(t))
			tui_printf(t, y + i, fx + width + 1, 0, TUI_A_ERROR,
			    "! %s", f->msg[i]);
	}
	return f->n;
}

/* Whether a character may go into the field. */
static int
accepts(int flags, uint32_t *ch)
{
	if (flags & TUI_FIELD_READONLY)
		return 0;
	if (flags & TUI_FIELD_DIGITS)
		return *ch >= '0' && *ch <= '9';
	if (flags & TUI_FIELD_IDCARD) {
		if (*ch == 'x')
			*ch = 'X';
		return (*ch >= '0' && *ch <= '9') || *ch == 'X';
	}
	if (flags & TUI_FIELD_DATE)
		return (*ch >= '0' && *ch <= '9') || *ch == '-';
	if (flags & TUI_FIELD_MONEY)
		return (*ch >= '0' && *ch <= '9') || *ch == '.';
	return 1;
}

/* Run the check of field i; its message stays beside it.  0 good. */
static int
check(struct tui *t, struct tui_form *f, int i)
{
	const struct tui_form_field *d = &f->def[i];

	f->msg[i][0] = '\0';
	if (d->check == NULL)
		return 0;
	return d->check(t, f, i, f->msg[i], sizeof f->msg[i]) == 0 ? 0 : -1;
}

/*
 * The hint of the field entered waits for the clerk to pause (the first
 * tick, a second without a key), once per entry: a clerk who knows the
 * form moves on at 18 bytes a field over a slow link, and one who
 * hesitates reads the hint.  Written on the message line, it cost every
 * move the hint's text (86 bytes with the password's, over the goal of 64).
 * hint_form is compared, never followed.
 */

static void
enter_field(struct tui *t, struct tui_form *f, int i)
{
	(void)t;
	f->cur = i;
	hint_form = NULL;
	hint_field = -1;
}

/* A tick: the hint of the current field, if not shown since it was entered. */
static int
pause_hint(struct tui *t, struct tui_form *f)
{
	const char *hint = f->def[f->cur].hint;

	if (hint == NULL || t->status[0] != '\0' || (hint_form == f &&
	    hint_field == f->cur))
		return TUI_UNHANDLED;
	hint_form = f;
	hint_field = f->cur;
	tui_status(t, "%s", _(hint));
	return TUI_HANDLED;
}

/* Move by dir (+1/-1) to the next editable field; the one left is
 * checked.  Returns 1 when it moved. */
static int
move_field(struct tui *t, struct tui_form *f, int dir)
{
	int i = f->cur;

	do
		i += dir;
	while (i >= 0 && i < f->n && (f->def[i].flags & TUI_FIELD_READONLY));
	if (i < 0 || i >= f->n)
		return 0;
	/* The whole sentence on the message line too: beside the field it
	 * may be cut at the frame. */
	if (check(t, f, f->cur) != 0)
		tui_error(t, "%s", f->msg[f->cur]);
	enter_field(t, f, i);
	return 1;
}

static int
last_editable(const struct tui_form *f)
{
	int i = f->n - 1;

	while (i > 0 && (f->def[i].flags & TUI_FIELD_READONLY))
		i--;
	return i;
}

int
tui_form_check_all(struct tui *t, struct tui_form *f)
{
	int bad = -1;

	f->saving = 1;
	for (int i = 0; i < f->n; i++)
		if (check(t, f, i) != 0 && bad < 0)
			bad = i;
	f->saving = 0;
	if (bad < 0)
		return 0;
	f->cur = bad;
	while (f->cur < f->n - 1 && (f->def[f->cur].flags &
	    TUI_FIELD_READONLY))
		f->cur++;
	tui_error(t, "%s", f->msg[bad]);
	return -1;
}

static int
save(struct tui *t, struct tui_form *f)
{
	if (tui_form_check_all(t, f) != 0)
		return TUI_HANDLED;
	return TUI_FORM_SAVE;
}

static int
has_text(const struct tui_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (!(f->def[i].flags & TUI_FIELD_READONLY) &&
		    f->field[i].len > 0)
			return 1;
	return 0;
}

int
tui_form_key(struct tui *t, struct tui_form *f, const struct tui_key *k)
{
	struct field *fl = &f->field[f->cur];
	int flags = f->def[f->cur].flags;
	uint32_t ch;

	switch (k->code) {
	case TUI_KEY_TICK:
		return pause_hint(t, f);
	case TUI_KEY_TAB:
	case TUI_KEY_DOWN:
		move_field(t, f, 1);
		return TUI_HANDLED;
	case TUI_KEY_BTAB:
	case TUI_KEY_UP:
		move_field(t, f, -1);
		return TUI_HANDLED;
	case TUI_KEY_ENTER:
		if (f->cur >= last_editable(f))
			return save(t, f);
		move_field(t, f, 1);
		return TUI_HANDLED;
	case TUI_KEY_F(2):
		return save(t, f);
	case TUI_KEY_ESC:
		if (!f->dirty || !has_text(f) ||
		    tui_confirm(t, _("Throw away what was typed?"), 0))
			return TUI_FORM_CANCEL;
		return TUI_HANDLED;
	case TUI_KEY_LEFT:
		field_left(fl);
		return TUI_HANDLED;
	case TUI_KEY_RIGHT:
		field_right(fl);
		return TUI_HANDLED;
	case TUI_KEY_HOME:
		field_home(fl);
		return TUI_HANDLED;
	case TUI_KEY_END:
		field_end(fl);
		return TUI_HANDLED;
	case TUI_KEY_BACKSPACE:
		if (!(flags & TUI_FIELD_READONLY) && field_backspace(fl) == 0)
			f->dirty = 1;
		return TUI_HANDLED;
	case TUI_KEY_DELETE:
		if (!(flags & TUI_FIELD_READONLY) && field_delete(fl) == 0)
			f->dirty = 1;
		return TUI_HANDLED;
	case TUI_KEY_CHAR:
		ch = k->ch;
		if (!accepts(flags, &ch) || field_insert(fl, ch) != 0) {
			beep();
			return TUI_HANDLED;
		}
		f->dirty = 1;
		return TUI_HANDLED;
	default:
		return TUI_UNHANDLED;
	}
}

int
tui_form_screen_key(struct tui *t, struct tui_form *f, const struct tui_key *k)
{
	switch (tui_form_key(t, f, k)) {
	case TUI_FORM_SAVE:
		return TUI_FORM_SAVE;
	case TUI_FORM_CANCEL:
		tui_pop(t);
		return TUI_HANDLED;
	case TUI_UNHANDLED:
		return TUI_UNHANDLED;
	default:
		return TUI_HANDLED;
	}
}
