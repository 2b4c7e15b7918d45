/* csv_write.c: RFC 4180 rows, encoded strictly, to a FILE. */
#include "config.h"

#include "io/csv_write.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct csv_writer {
	FILE *fp;
	struct encoder *enc;
	struct encode_buf row;		/* this row in UTF-8 */
	struct encode_buf out;		/* it in the file's encoding */
	size_t fed;			/* UTF-8 bytes before this row */
	unsigned long rows;
	int failed;
};

static int
put(struct encode_buf *b, const char *s, size_t n)
{
	char *nd;
	size_t cap;

	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 256;
		while (b->len + n + 1 > cap)
			cap *= 2;
		if ((nd = realloc(b->data, cap)) == NULL)
			return -1;
		b->data = nd;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
csv_field_append(struct encode_buf *b, const char *utf8)
{
	const char *p;

	if (utf8 == NULL)
		utf8 = "";
	if (strpbrk(utf8, ",\"\r\n") == NULL)
		return put(b, utf8, strlen(utf8));
	if (put(b, "\"", 1) != 0)
		return -1;
	for (p = utf8; *p != '\0'; p++)
		if ((*p == '"' && put(b, "\"", 1) != 0) || put(b, p, 1) != 0)
			return -1;
	return put(b, "\"", 1);
}

int
csv_row_append(struct encode_buf *b, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((i > 0 && put(b, ",", 1) != 0) ||
		    csv_field_append(b, fields[i]) != 0)
			return -1;
	return put(b, "\r\n", 2);
}

/* The byte-order mark of `charset`, or NULL when it has none we write. */
static const char *
bom_of(const char *charset, size_t *n)
{
	if (strcasecmp(charset, "UTF-8") == 0 ||
	    strcasecmp(charset, "UTF8") == 0) {
		*n = 3;
		return "\xEF\xBB\xBF";
	}
	if (strcasecmp(charset, "GB18030") == 0) {
		*n = 4;
		return "\x84\x31\x95\x33";
	}
	*n = 0;
	return NULL;
}

struct csv_writer *
csv_writer_open(FILE *fp, const char *charset, int bom,
    struct encode_error *e)
{
	struct csv_writer *w;
	const char *mark;
	size_t n;

	if ((w = calloc(1, sizeof *w)) == NULL) {
		memset(e, 0, sizeof *e);
		e->status = ENCODE_NOMEM;
		return NULL;
	}
	w->fp = fp;
	if ((w->enc = encoder_open(charset, "UTF-8", e)) == NULL) {
		free(w);
		return NULL;
	}
	if (bom && (mark = bom_of(charset, &n)) != NULL &&
	    fwrite(mark, 1, n, fp) != n)
		w->failed = 1;
	return w;
}

enum csv_write_status
csv_writer_row(struct csv_writer *w, const char *const *fields, size_t n,
    struct encode_error *e)
{
	w->row.len = 0;
	w->out.len = 0;
	if (csv_row_append(&w->row, fields, n) != 0) {
		memset(e, 0, sizeof *e);
		e->status = ENCODE_NOMEM;
		return CSV_WRITE_ENCODE;
	}
	/* A row ends with CRLF, never inside a character: nothing is carried. */
	if (encoder_feed(w->enc, w->row.data, w->row.len, 0, &w->out, e) != 0) {
		if (e->offset >= w->fed)
			e->offset -= w->fed;
		return CSV_WRITE_ENCODE;
	}
	w->fed += w->row.len;
	if (w->failed || fwrite(w->out.data, 1, w->out.len, w->fp) !=
	    w->out.len) {
		w->failed = 1;
		return CSV_WRITE_IO;
	}
	w->rows++;
	return CSV_WRITE_OK;
}

unsigned long
csv_writer_rows(const struct csv_writer *w)
{
	return w->rows;
}

enum csv_write_status
csv_writer_close(struct csv_writer *w)
{
	int failed;

	if (w == NULL)
		return CSV_WRITE_OK;
	failed = w->failed || fflush(w->fp) != 0 || ferror(w->fp);
	encoder_close(w->enc);
	encode_buf_free(&w->row);
	encode_buf_free(&w->out);
	free(w);
	return failed ? CSV_WRITE_IO : CSV_WRITE_OK;
}
