/*
 * field.h: a one-line editor of wide characters, as pure code (no curses),
 * so the parts that are easy to get wrong (double-width characters, the
 * cursor at column boundaries, horizontal scrolling) are unit-tested.
 *
 * The text is kept as code points; the cursor is an index between them
 * (0..len).  Columns count display width: a Hanzi takes two.
 */
#ifndef YIBAO_FIELD_H
#define YIBAO_FIELD_H

#include <stddef.h>
#include <stdint.h>

#define FIELD_MAX 128		/* characters */

struct field {
	uint32_t text[FIELD_MAX];
	int len;		/* characters */
	int cur;		/* cursor: before text[cur] */
	int scroll;		/* first character shown */
	int maxlen;		/* at most FIELD_MAX; 0 means FIELD_MAX */
};

void field_init(struct field *f, int maxlen);
/* Replace the text with UTF-8 (invalid bytes are dropped); cursor at end. */
void field_set(struct field *f, const char *utf8);
/* The text as UTF-8 into out (at most outsz-1 bytes, whole characters). */
void field_get(const struct field *f, char *out, size_t outsz);

/* Editing: 0 done, -1 nothing to do (full, at the start, at the end). */
int field_insert(struct field *f, uint32_t cp);
int field_backspace(struct field *f);
int field_delete(struct field *f);
int field_left(struct field *f);
int field_right(struct field *f);
void field_home(struct field *f);
void field_end(struct field *f);
void field_clear(struct field *f);

/* Display columns of the whole text, and of text[0..cur). */
int field_width(const struct field *f);
int field_cursor_col(const struct field *f);
/*
 * Put the cursor at display column `col` of the text: inside a wide
 * character it goes before it; past the end, at the end.
 */
void field_set_col(struct field *f, int col);

/*
 * Scroll so the cursor is visible in a box `width` columns wide (the
 * cursor needs one column of its own at the end of the text).  Then the
 * characters text[scroll..*end) fit the box, and the cursor stands at box
 * column *curcol.  A wide character that would straddle the box's right
 * edge is not shown.
 */
void field_view(struct field *f, int width, int *end, int *curcol);

#endif
