/*
 * csv.h: a streaming RFC 4180 reader (and, below, the writer).
 *
 * The reader takes UTF-8 text (after conversion by io/encode.h) in chunks
 * of any size and yields one record at a time with the line it starts on:
 * quoted fields with commas, doubled quotes and newlines inside; CRLF or
 * LF; comma- or tab-separated (the first separator seen outside quotes
 * decides, or the caller says).  A record has at most CSV_RECORD_MAX
 * bytes, so memory stays flat whatever the file's size.  Records whose
 * fields are all empty (blank lines, Excel's ",,,,") are skipped.
 */
#ifndef YIBAO_IO_CSV_H
#define YIBAO_IO_CSV_H

#include <stddef.h>

#define CSV_RECORD_MAX (1024 * 1024)
#define CSV_FIELDS_MAX 1024

struct csv_record {
	long line;		/* the line it starts on, from 1 */
	size_t n;		/* fields */
	char **field;		/* NUL-terminated UTF-8 */
};

enum csv_status {
	CSV_OK = 0,
	CSV_QUOTE,		/* text after a closing quote */
	CSV_UNTERMINATED,	/* the file ends inside a quoted field */
	CSV_TOO_LONG,		/* over CSV_RECORD_MAX bytes or too many fields */
	CSV_NOMEM
};

struct csv;

/* A record for the caller: return 0 to go on, non-zero to stop. */
typedef int csv_record_fn(void *ctx, const struct csv_record *r);

/* `sep` is ',' or '\t', or 0 to take the first one seen. NULL: no memory. */
struct csv *csv_new(char sep);

/*
 * Parse `len` bytes; `last` says the text ends here.  Returns 0, 1 when fn
 * stopped, or -1 (csv_status() and csv_error_line() say why and where).
 */
int csv_feed(struct csv *p, const char *data, size_t len, int last,
    csv_record_fn *fn, void *ctx);

enum csv_status csv_status(const struct csv *p);
long csv_error_line(const struct csv *p);
char csv_separator(const struct csv *p);	/* 0 if none seen yet */
/* A translated sentence for a csv_status. */
const char *csv_strerror(enum csv_status st);

void csv_free(struct csv *p);

/* writer */

#endif
