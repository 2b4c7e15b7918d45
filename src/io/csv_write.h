/*
 * csv_write.h: rows out as CSV (RFC 4180) the way Excel writes it: a field
 * is quoted when it holds a comma, a quote, CR or LF, quotes inside are
 * doubled, and lines end with CRLF.  Rows are built in UTF-8 and go through
 * io/encode.h's strict stream encoder into the file's encoding: a character
 * the encoding cannot hold stops the writer with an error, never a '?'.
 */
#ifndef YIBAO_IO_CSV_WRITE_H
#define YIBAO_IO_CSV_WRITE_H

#include <stddef.h>
#include <stdio.h>

#include "io/encode.h"

/* Append one field, quoted when it needs it.  0 ok, -1 out of memory. */
int csv_field_append(struct encode_buf *b, const char *utf8);

/* Append a row of n fields and its CRLF.  0 ok, -1 out of memory. */
int csv_row_append(struct encode_buf *b, const char *const *fields, size_t n);

struct csv_writer;

enum csv_write_status {
	CSV_WRITE_OK = 0,
	CSV_WRITE_ENCODE,	/* see the encode_error */
	CSV_WRITE_IO		/* see errno */
};

/*
 * Write to `fp` in `charset` ("GB18030", "UTF-8", any iconv name without
 * "//"); `bom` writes the charset's byte-order mark first (UTF-8's
 * EF BB BF, GB18030's 84 31 95 33).  NULL with *e filled when the charset
 * is unknown or memory is short.
 */
struct csv_writer *csv_writer_open(FILE *fp, const char *charset, int bom,
    struct encode_error *e);

/*
 * One row.  CSV_WRITE_ENCODE with *e filled (e->offset counts from the start
 * of this row's UTF-8 text) when a field holds a character the charset
 * cannot represent or is not valid UTF-8; the writer is then spent and
 * nothing of that row was written.
 */
enum csv_write_status csv_writer_row(struct csv_writer *w,
    const char *const *fields, size_t n, struct encode_error *e);

/* Rows written so far (not counting a failed one). */
unsigned long csv_writer_rows(const struct csv_writer *w);

/* Flush and free (the FILE stays open).  CSV_WRITE_IO if a write failed. */
enum csv_write_status csv_writer_close(struct csv_writer *w);

#endif
