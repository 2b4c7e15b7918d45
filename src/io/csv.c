/* csv.c: a streaming RFC 4180 reader (and, below, the writer). */
#include "config.h"

#include "io/csv.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* reader */

enum state {
	S_START,	/* at the start of a field */
	S_PLAIN,	/* inside an unquoted field */
	S_QUOTED,	/* inside quotes */
	S_QQ,		/* a quote inside quotes: closing or doubled */
	S_CR		/* a CR ended a record; an LF may follow */
};

struct csv {
	char sep;
	enum state st;
	enum csv_status status;
	long line;		/* the current physical line */
	long rec_line;		/* where the current record started */
	long err_line;
	int in_record;
	char *buf;		/* the fields, each NUL-terminated */
	size_t len, cap;
	size_t off[CSV_FIELDS_MAX];	/* each field's start in buf */
	char *ptr[CSV_FIELDS_MAX];
	size_t n;		/* fields started */
};

struct csv *
csv_new(char sep)
{
	struct csv *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->sep = sep;
	p->line = 1;
	return p;
}

void
csv_free(struct csv *p)
{
	if (p == NULL)
		return;
	free(p->buf);
	free(p);
}

enum csv_status
csv_status(const struct csv *p)
{
	return p->status;
}

long
csv_error_line(const struct csv *p)
{
	return p->err_line;
}

char
csv_separator(const struct csv *p)
{
	return p->sep;
}

const char *
csv_strerror(enum csv_status st)
{
	switch (st) {
	case CSV_OK:
		return _("no error");
	case CSV_QUOTE:
		return _("a quoted field has text after its closing quote: "
		    "write a quote inside a quoted field as two quotes (\"\")");
	case CSV_UNTERMINATED:
		return _("a quoted field is never closed: a quote is "
		    "missing");
	case CSV_TOO_LONG:
		return _("a record is too long (over 1 MB or 1024 columns): "
		    "is this a CSV file?");
	case CSV_NOMEM:
		return _("out of memory");
	}
	return "";
}

static int
fail(struct csv *p, enum csv_status st)
{
	p->status = st;
	p->err_line = p->in_record ? p->rec_line : p->line;
	return -1;
}

static int
push(struct csv *p, char c)
{
	if (p->len + 1 >= p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		char *b;

		if (p->len + 1 > CSV_RECORD_MAX)
			return fail(p, CSV_TOO_LONG);
		if ((b = realloc(p->buf, cap)) == NULL)
			return fail(p, CSV_NOMEM);
		p->buf = b;
		p->cap = cap;
	}
	p->buf[p->len++] = c;
	return 0;
}

static int
begin_field(struct csv *p)
{
	if (!p->in_record) {
		p->in_record = 1;
		p->rec_line = p->line;
		p->n = 0;
		p->len = 0;
	}
	if (p->n >= CSV_FIELDS_MAX)
		return fail(p, CSV_TOO_LONG);
	p->off[p->n++] = p->len;
	return 0;
}

static int
end_field(struct csv *p)
{
	return push(p, '\0');
}

/* The record is complete: hand it over unless all its fields are empty. */
static int
emit(struct csv *p, csv_record_fn *fn, void *ctx)
{
	struct csv_record r;
	int blank = 1;

	p->in_record = 0;
	for (size_t i = 0; i < p->n; i++) {
		p->ptr[i] = p->buf + p->off[i];
		if (p->ptr[i][0] != '\0')
			blank = 0;
	}
	if (blank)
		return 0;
	r.line = p->rec_line;
	r.n = p->n;
	r.field = p->ptr;
	return fn(ctx, &r) != 0 ? 1 : 0;
}

static int
is_sep(struct csv *p, char c)
{
	if (p->sep == 0 && (c == ',' || c == '\t'))
		p->sep = c;
	return c == p->sep;
}

/* One character; 0 go on, 1 stopped, -1 error. */
static int
step(struct csv *p, char c, csv_record_fn *fn, void *ctx)
{
	switch (p->st) {
	case S_CR:
		p->st = S_START;
		if (c == '\n') {
			p->line++;
			return 0;
		}
		/* FALLTHROUGH */
	case S_START:
		if (begin_field(p) < 0)
			return -1;
		if (c == '"') {
			p->st = S_QUOTED;
			return 0;
		}
		p->st = S_PLAIN;
		/* FALLTHROUGH */
	case S_PLAIN:
		if (is_sep(p, c)) {
			p->st = S_START;
			return end_field(p);
		}
		if (c == '\n' || c == '\r') {
			if (c == '\n')
				p->line++;
			p->st = c == '\r' ? S_CR : S_START;
			return end_field(p) < 0 ? -1 : emit(p, fn, ctx);
		}
		return push(p, c);	/* a stray quote is kept as text */
	case S_QUOTED:
		if (c == '"') {
			p->st = S_QQ;
			return 0;
		}
		if (c == '\n')
			p->line++;
		return push(p, c);
	case S_QQ:
		if (c == '"') {
			p->st = S_QUOTED;
			return push(p, '"');
		}
		p->st = S_PLAIN;
		if (is_sep(p, c) || c == '\n' || c == '\r')
			return step(p, c, fn, ctx);
		return fail(p, CSV_QUOTE);
	}
	return 0;
}

int
csv_feed(struct csv *p, const char *data, size_t len, int last,
    csv_record_fn *fn, void *ctx)
{
	int rc;

	if (p->status != CSV_OK)
		return -1;
	for (size_t i = 0; i < len; i++)
		if ((rc = step(p, data[i], fn, ctx)) != 0)
			return rc;
	if (!last)
		return 0;
	if (p->st == S_QUOTED)
		return fail(p, CSV_UNTERMINATED);
	if (p->st == S_CR)
		p->st = S_START;
	/* A last record without its line end. */
	if (p->in_record) {
		if (p->st == S_START && begin_field(p) < 0)
			return -1;	/* "a,b," ends with an empty field */
		p->st = S_START;
		return end_field(p) < 0 ? -1 : emit(p, fn, ctx);
	}
	return 0;
}

/* writer */
