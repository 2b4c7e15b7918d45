/* columns.c: a batch file's columns by header name (see columns.h). */
#include "config.h"

#include "io/columns.h"

#include <ctype.h>

#include "io/roster.h"

void
columns_init(struct columns *cs, const struct column_spec *spec, int n,
    int flags)
{
	cs->spec = spec;
	cs->n = n < COLUMNS_MAX ? n : COLUMNS_MAX;
	cs->flags = flags;
	for (int c = 0; c < COLUMNS_MAX; c++)
		cs->col[c] = -1;
}

/* A header byte as a name has it: "Out-Of-List" is "out_of_list". */
static char
name_char(const struct columns *cs, char ch)
{
	if (ch == '-' ||
	    (ch == ' ' && (cs->flags & COLUMNS_SPACE_IS_UNDERSCORE)))
		return '_';
	return (char)tolower((unsigned char)ch);
}

/*
 * Whether header names the column called name; compared byte by byte, not
 * copied, so no length cuts a name short.  A header byte is never made
 * '\0', so a header longer than the name differs at the name's end.
 */
static int
names(const struct columns *cs, const char *header, const char *name)
{
	for (; *header != '\0'; header++, name++)
		if (name_char(cs, *header) != *name)
			return 0;
	return *name == '\0';
}

static int
column_of(const struct columns *cs, const char *header)
{
	for (int c = 0; c < cs->n; c++) {
		const struct column_spec *sp = &cs->spec[c];

		if (names(cs, header, sp->name))
			return c;
		for (int a = 0; a < COLUMN_ALIASES_MAX &&
		    sp->aliases[a] != NULL; a++)
			if (names(cs, header, sp->aliases[a]))
				return c;
	}
	return -1;
}

enum columns_status
columns_match(struct columns *cs, const struct csv_record *rec, int *at)
{
	for (int c = 0; c < COLUMNS_MAX; c++)
		cs->col[c] = -1;
	for (size_t i = 0; i < rec->n; i++) {
		int c = column_of(cs, roster_trim(rec->field[i]));

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
	for (int c = 0; c < cs->n; c++)
		if (cs->spec[c].required && cs->col[c] < 0) {
			*at = c;
			return COLUMNS_MISSING;
		}
	return COLUMNS_OK;
}

const char *
columns_get(const struct columns *cs, const struct csv_record *rec, int c)
{
	int i = c >= 0 && c < cs->n ? cs->col[c] : -1;

	if (i < 0 || (size_t)i >= rec->n)
		return "";
	return roster_trim(rec->field[i]);
}

const char *
columns_name(const struct columns *cs, int c)
{
	return c >= 0 && c < cs->n ? cs->spec[c].name : "";
}
