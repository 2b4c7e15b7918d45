/* columns.c: a batch file's columns by header name (see columns.h). */
#include "config.h"

#include "io/columns.h"

#include <ctype.h>
#include <stddef.h>

#include "io/roster.h"

/* A header byte as a name has it: "Out-Of-List" is "out_of_list". */
static char
name_char(const struct column_table *t, char ch)
{
	if (ch == '-' ||
	    (ch == ' ' && (t->flags & COLUMNS_SPACE_IS_UNDERSCORE)))
		return '_';
	return (char)tolower((unsigned char)ch);
}

/*
 * Whether header names the column called name; compared byte by byte, not
 * copied, so no length cuts a name short.  A header byte is never made
 * '\0', so a header longer than the name differs at the name's end.
 */
static int
names(const struct column_table *t, const char *header, const char *name)
{
	for (; *header != '\0'; header++, name++)
		if (name_char(t, *header) != *name)
			return 0;
	return *name == '\0';
}

/* The column a header names: its name first, then its other names. */
static int
column_of(const struct column_table *t, const char *header)
{
	for (int c = 0; c < t->n && c < COLUMNS_MAX; c++) {
		if (names(t, header, t->name[c]))
			return c;
		for (int a = 0; t->alias != NULL && a < COLUMN_ALIASES_MAX &&
		    t->alias[c][a] != NULL; a++)
			if (names(t, header, t->alias[c][a]))
				return c;
	}
	return -1;
}

enum columns_status
columns_match(struct columns *cs, const struct column_table *t,
    const struct csv_record *rec, int *at)
{
	cs->t = t;
	for (int c = 0; c < COLUMNS_MAX; c++)
		cs->col[c] = -1;
	for (size_t i = 0; i < rec->n; i++) {
		int c = column_of(t, roster_trim(rec->field[i]));

		if (c < 0) {
			*at = (int)i;
			return COLUMNS_UNKNOWN;
		}
		if (cs->col[c] >= 0) {
			*at = c;
			return COLUMNS_TWICE;
		}
		cs->col[c] = (int)i;
	}
	for (const int *r = t->required; r != NULL && *r >= 0; r++)
		if (cs->col[*r] < 0) {
			*at = *r;
			return COLUMNS_MISSING;
		}
	return COLUMNS_OK;
}

const char *
columns_get(const struct columns *cs, const struct csv_record *rec, int c)
{
	int i = cs->t != NULL && c >= 0 && c < cs->t->n && c < COLUMNS_MAX ?
	    cs->col[c] : -1;

	if (i < 0 || (size_t)i >= rec->n)
		return "";
	return roster_trim(rec->field[i]);
}
