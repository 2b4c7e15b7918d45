/* screens.c: helpers the enrolment screens share (see screens.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "io/slip.h"
#include "ops/resident.h"
#include "tui/screens.h"

void
scr_cell(char *buf, size_t bufsz, const char *text, int cols, int right)
{
	char cell[512];
	size_t n = strlen(buf);

	text_pad(text != NULL ? text : "", cols, right, cell, sizeof cell);
	if (n < bufsz)
		snprintf(buf + n, bufsz - n, "%s ", cell);
}

const char *
scr_money(fen_t v)
{
	static char buf[8][MONEY_BUFSZ];
	static int next;

	return money_format(v, buf[next++ % 8]);
}

void
scr_page_clear(struct scr_page *p)
{
	p->n = 0;
}

void
scr_page_free(struct scr_page *p)
{
	free(p->line);
	free(p->attr);
	memset(p, 0, sizeof *p);
}

void
scr_page_add(struct scr_page *p, int attr, const char *fmt, ...)
{
	va_list ap;

	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 64;
		char (*l)[SCR_LINE_MAX] = realloc(p->line, (size_t)cap *
		    sizeof *l);
		unsigned char *a;

		if (l == NULL)
			return;
		p->line = l;
		if ((a = realloc(p->attr, (size_t)cap)) == NULL)
			return;
		p->attr = a;
		p->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(p->line[p->n], SCR_LINE_MAX, fmt, ap);
	va_end(ap);
	p->attr[p->n++] = (unsigned char)attr;
}

int
scr_page_draw(struct tui *t, struct scr_page *p, int y, int h)
{
	int w = tui_body_cols(t) - 2;

	if (p->top > p->n - h)
		p->top = p->n - h;
	if (p->top < 0)
		p->top = 0;
	for (int r = 0; r < h; r++) {
		int i = p->top + r;

		tui_print(t, y + r, 1, w, i < p->n ? p->attr[i] : 0,
		    i < p->n ? p->line[i] : "");
	}
	if (p->top > 0)
		tui_print(t, y, w, 1, TUI_A_BOLD, "^");
	if (p->top + h < p->n)
		tui_print(t, y + h - 1, w, 1, TUI_A_BOLD, "v");
	return h;
}

int
scr_page_key(struct scr_page *p, int h, const struct tui_key *k)
{
	switch (k->code) {
	case TUI_KEY_UP:
		p->top--;
		break;
	case TUI_KEY_DOWN:
		p->top++;
		break;
	case TUI_KEY_PGUP:
		p->top -= h > 1 ? h - 1 : 1;
		break;
	case TUI_KEY_PGDN:
		p->top += h > 1 ? h - 1 : 1;
		break;
	case TUI_KEY_HOME:
		p->top = 0;
		break;
	case TUI_KEY_END:
		p->top = p->n;
		break;
	default:
		return TUI_UNHANDLED;
	}
	if (p->top > p->n - h)
		p->top = p->n - h;
	if (p->top < 0)
		p->top = 0;
	return TUI_HANDLED;
}

void
scr_page_print(struct tui *t, const struct scr_page *p, const char *what)
{
	const char *cmd = getenv("YIBAO_PRINT_COMMAND");
	size_t len = 0, cap = 1;
	char *text;
	int status;

	if (cmd == NULL || *cmd == '\0')
		cmd = "lp";
	for (int i = 0; i < p->n; i++)
		cap += strlen(p->line[i]) + 1;
	if ((text = malloc(cap)) == NULL)
		return;
	for (int i = 0; i < p->n; i++)
		len += (size_t)snprintf(text + len, cap - len, "%s\n",
		    p->line[i]);
	if (slip_print(cmd, text, len, &status) == 0)
		tui_status(t, _("%s sent to the printer (%s)."), what, cmd);
	else
		tui_error(t, _("%s was not printed: the print command \"%s\" "
		    "failed (status %d); check the printer, or set "
		    "YIBAO_PRINT_COMMAND"), what, cmd, status);
	free(text);
}

const char *
scr_choose(const struct scr_choice *c, int n, const char *text)
{
	char *end;
	long k = strtol(text, &end, 10);

	if (*text == '\0' || *end != '\0' || k < 1 || k > n)
		return NULL;
	return c[k - 1].code;
}

void
scr_choices_line(const struct scr_choice *c, int n, char *buf, size_t bufsz)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len < bufsz; i++)
		len += (size_t)snprintf(buf + len, bufsz - len, "%s%d %s",
		    i ? "  " : "", i + 1, c[i].label);
}

static int
required(struct tui_form *f, int idx, const char *say, char *msg,
    size_t msgsz)
{
	if (tui_form_get(f, idx)[0] == '\0') {
		snprintf(msg, msgsz, "%s", say);
		return -1;
	}
	return 0;
}

int
scr_check_name(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	return required(f, idx, _("type the name"), msg, msgsz);
}

int
scr_check_village(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	return required(f, idx, _("type the village or community"), msg,
	    msgsz);
}

int
scr_check_id(struct tui *t, const char *typed, char out[19], char *msg,
    size_t msgsz)
{
	struct ops_error err;

	if (ops_id_normalize(&t->s, typed, out, &err) != OPS_OK) {
		snprintf(msg, msgsz, "%s", err.msg);
		return -1;
	}
	return 0;
}

void
scr_choice_key(struct tui_form *f, const struct tui_key *k)
{
	struct field *fl = &f->field[f->cur];
	const struct tui_form_field *d = &f->def[f->cur];

	if (k->code == TUI_KEY_CHAR && k->ch >= '0' && k->ch <= '9' &&
	    (d->flags & TUI_FIELD_DIGITS) && d->maxlen == 1 && fl->len == 1)
		field_clear(fl);
}
