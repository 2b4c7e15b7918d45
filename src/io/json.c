/* json.c: a streaming JSON writer, pretty-printed two spaces deep. */
#include "io/json.h"

#include <stdint.h>

void
json_init(struct json *j, FILE *fp)
{
	j->fp = fp;
	j->depth = 0;
	j->count[0] = 0;
}

static void
indent(struct json *j)
{
	fputc('\n', j->fp);
	for (int i = 0; i < j->depth; i++)
		fputs("  ", j->fp);
}

/* Escape as \uXXXX, with a surrogate pair above the BMP. */
static void
put_u(FILE *fp, uint32_t cp)
{
	if (cp >= 0x10000) {
		cp -= 0x10000;
		fprintf(fp, "\\u%04x\\u%04x", 0xD800 + (cp >> 10),
		    0xDC00 + (cp & 0x3FF));
	} else
		fprintf(fp, "\\u%04x", cp);
}

static void
put_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', fp);
	while (*p != '\0') {
		uint32_t cp;
		int n, i;

		if (*p < 0x80) {
			if (*p == '"' || *p == '\\')
				fprintf(fp, "\\%c", *p);
			else if (*p == '\n')
				fputs("\\n", fp);
			else if (*p == '\t')
				fputs("\\t", fp);
			else if (*p < 0x20 || *p == 0x7F)
				put_u(fp, *p);
			else
				fputc(*p, fp);
			p++;
			continue;
		}
		n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
		cp = n == 4 ? *p & 0x07u : n == 3 ? *p & 0x0Fu : *p & 0x1Fu;
		for (i = 1; i < n && (p[i] & 0xC0) == 0x80; i++)
			cp = (cp << 6) | (p[i] & 0x3Fu);
		if (n == 1 || i < n)
			cp = 0xFFFD, n = 1;	/* not UTF-8: U+FFFD */
		put_u(fp, cp);
		p += n;
	}
	fputc('"', fp);
}

/* Before a value: the comma, the line, the member name. */
static void
member(struct json *j, const char *key)
{
	if (j->depth > 0) {
		if (j->count[j->depth]++ > 0)
			fputc(',', j->fp);
		indent(j);
	}
	if (key != NULL) {
		put_string(j->fp, key);
		fputs(": ", j->fp);
	}
}

static void
open_container(struct json *j, const char *key, int c)
{
	member(j, key);
	fputc(c, j->fp);
	if (j->depth + 1 < JSON_DEPTH)
		j->count[++j->depth] = 0;
}

static void
close_container(struct json *j, int c)
{
	int had = j->count[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (had)
		indent(j);
	fputc(c, j->fp);
}

void json_object_begin(struct json *j, const char *key) { open_container(j, key, '{'); }
void json_object_end(struct json *j) { close_container(j, '}'); }
void json_array_begin(struct json *j, const char *key) { open_container(j, key, '['); }
void json_array_end(struct json *j) { close_container(j, ']'); }

void
json_string(struct json *j, const char *key, const char *s)
{
	member(j, key);
	if (s == NULL)
		fputs("null", j->fp);
	else
		put_string(j->fp, s);
}

void
json_int(struct json *j, const char *key, long long v)
{
	member(j, key);
	fprintf(j->fp, "%lld", v);
}

void
json_bool(struct json *j, const char *key, int v)
{
	member(j, key);
	fputs(v ? "true" : "false", j->fp);
}

void
json_null(struct json *j, const char *key)
{
	member(j, key);
	fputs("null", j->fp);
}

void
json_money(struct json *j, const char *key, fen_t v)
{
	char buf[MONEY_BUFSZ];

	json_string(j, key, money_format(v, buf));
}

void
json_finish(struct json *j)
{
	fputc('\n', j->fp);
	fflush(j->fp);
}
