/*
 * columns.h: the columns of a batch file (a file of claims, of
 * contributions), found by header name.  A file names each column once,
 * by its name or one of its other names; a column the file does not know
 * is refused, not ignored, since a misspelt "total" must not be read as
 * no total.  The messages are the caller's: this says what and where.
 */
#ifndef YIBAO_IO_COLUMNS_H
#define YIBAO_IO_COLUMNS_H

#include "io/csv.h"

#define COLUMNS_MAX 32		/* columns in one file's table */
#define COLUMN_ALIASES_MAX 8	/* other names of one column, with NULL */

/* One column a file may have. */
struct column_spec {
	const char *name;		/* lower case, '_' between words */
	const char *aliases[COLUMN_ALIASES_MAX];	/* NULL-terminated */
	int required;
};

/* How a header is made a name: lower case, '-' is '_', and maybe ' '. */
#define COLUMNS_SPACE_IS_UNDERSCORE 0x1	/* "paid on" is "paid_on" */

struct columns {
	const struct column_spec *spec;
	int n;				/* columns in spec */
	int flags;			/* COLUMNS_* */
	int col[COLUMNS_MAX];		/* field index, -1 absent */
};

enum columns_status {
	COLUMNS_OK,
	COLUMNS_UNKNOWN,		/* *at is the field no column has */
	COLUMNS_TWICE,			/* *at is the column named twice */
	COLUMNS_MISSING			/* *at is the first required absent */
};

/* A file's table of n columns (at most COLUMNS_MAX), none found yet. */
void columns_init(struct columns *cs, const struct column_spec *spec, int n,
    int flags);

/*
 * Find each column of the header record.  Fields are trimmed in place
 * (roster_trim), then compared as lower-case names with each column's
 * name and other names.  The first problem from the left stops it: an
 * unknown field or a column named twice; then the first required column
 * (in table order) that is absent.  *at says which (enum columns_status).
 */
enum columns_status columns_match(struct columns *cs,
    const struct csv_record *rec, int *at);

/* A row's value of column c, trimmed in place; "" when absent. */
const char *columns_get(const struct columns *cs,
    const struct csv_record *rec, int c);

/* Column c's name, as a message names it. */
const char *columns_name(const struct columns *cs, int c);

#endif
