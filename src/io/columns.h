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

/* How a header is made a name: lower case, '-' is '_', and maybe ' '. */
#define COLUMNS_SPACE_IS_UNDERSCORE 0x1	/* "paid on" is "paid_on" */

/* The columns a file may have, indexed by the caller's enum. */
struct column_table {
	int n;				/* columns, at most COLUMNS_MAX */
	const char *const *name;	/* n names: lower case, '_' */
	/* n lists of other names, each NULL-ended; NULL: none at all. */
	const char *const (*alias)[COLUMN_ALIASES_MAX];
	const int *required;		/* columns, in order, ending with -1 */
	int flags;			/* COLUMNS_* */
};

/* A header's columns. */
struct columns {
	const struct column_table *t;
	int col[COLUMNS_MAX];		/* field index, -1 absent */
};

enum columns_status {
	COLUMNS_OK,
	COLUMNS_UNKNOWN,		/* *at is the field no column has */
	COLUMNS_TWICE,			/* *at is the column named twice */
	COLUMNS_MISSING			/* *at is the first required absent */
};

/*
 * Find table t's columns in a header record.  Fields are trimmed in place
 * (roster_trim), then compared as lower-case names with each column's
 * name and other names.  The first problem from the left stops it: an
 * unknown field or a column named twice; then the first required column,
 * in t->required's order, that is absent.  *at says which (above).
 */
enum columns_status columns_match(struct columns *cs,
    const struct column_table *t, const struct csv_record *rec, int *at);

/* A row's value of column c, trimmed in place; "" when absent. */
const char *columns_get(const struct columns *cs,
    const struct csv_record *rec, int c);

#endif
