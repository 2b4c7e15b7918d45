/* field.c: the one-line editor of wide characters (field.h). */
#include "tui/field.h"

#include <string.h>

#include "core/text.h"

void
field_init(struct field *f, int maxlen)
{
	memset(f, 0, sizeof *f);
	f->maxlen = maxlen > 0 && maxlen <= FIELD_MAX ? maxlen : FIELD_MAX;
}

static int
max_of(const struct field *f)
{
	return f->maxlen > 0 && f->maxlen <= FIELD_MAX ? f->maxlen : FIELD_MAX;
}

void
field_set(struct field *f, const char *utf8)
{
	const char *s = utf8 != NULL ? utf8 : "";
	uint32_t cp;
	int n;

	f->len = 0;
	while (*s != '\0' && f->len < max_of(f)) {
		n = text_decode(s, &cp);
		s += n;
		if (cp != TEXT_INVALID)
			f->text[f->len++] = cp;
	}
	f->cur = f->len;
	f->scroll = 0;
}

void
field_get(const struct field *f, char *out, size_t outsz)
{
	size_t o = 0;
	char enc[4];
	int n;

	if (outsz == 0)
		return;
	for (int i = 0; i < f->len; i++) {
		n = text_encode(f->text[i], enc);
		if (o + (size_t)n >= outsz)
			break;
		memcpy(out + o, enc, (size_t)n);
		o += (size_t)n;
	}
	out[o] = '\0';
}

int
field_insert(struct field *f, uint32_t cp)
{
	if (f->len >= max_of(f) || cp < 0x20 || cp == 0x7F)
		return -1;
	memmove(f->text + f->cur + 1, f->text + f->cur,
	    (size_t)(f->len - f->cur) * sizeof f->text[0]);
	f->text[f->cur++] = cp;
	f->len++;
	return 0;
}

int
field_backspace(struct field *f)
{
	if (f->cur == 0)
		return -1;
	f->cur--;
	return field_delete(f);
}

int
field_delete(struct field *f)
{
	if (f->cur >= f->len)
		return -1;
	memmove(f->text + f->cur, f->text + f->cur + 1,
	    (size_t)(f->len - f->cur - 1) * sizeof f->text[0]);
	f->len--;
	if (f->scroll > f->cur)
		f->scroll = f->cur;
	return 0;
}

int
field_left(struct field *f)
{
	if (f->cur == 0)
		return -1;
	f->cur--;
	return 0;
}

int
field_right(struct field *f)
{
	if (f->cur >= f->len)
		return -1;
	f->cur++;
	return 0;
}

void
field_home(struct field *f)
{
	f->cur = 0;
}

void
field_end(struct field *f)
{
	f->cur = f->len;
}

void
field_clear(struct field *f)
{
	f->len = f->cur = f->scroll = 0;
}

static int
cols(const struct field *f, int from, int to)
{
	int w = 0;

	for (int i = from; i < to; i++)
		w += text_cp_width(f->text[i]);
	return w;
}

int
field_width(const struct field *f)
{
	return cols(f, 0, f->len);
}

int
field_cursor_col(const struct field *f)
{
	return cols(f, 0, f->cur);
}

void
field_set_col(struct field *f, int col)
{
	int w = 0, i;

	for (i = 0; i < f->len; i++) {
		int cw = text_cp_width(f->text[i]);

		if (w + cw > col)
			break;
		w += cw;
	}
	f->cur = i;
}

void
field_view(struct field *f, int width, int *end, int *curcol)
{
	int w, i;

	if (width < 1)
		width = 1;
	if (f->cur > f->len)
		f->cur = f->len;
	if (f->scroll > f->cur)
		f->scroll = f->cur;
	if (f->scroll < 0)
		f->scroll = 0;
	/*
	 * The cursor's own cell: the character under it, or one column for
	 * the end of the text, must fit inside the box.
	 */
	for (;;) {
		int need = cols(f, f->scroll, f->cur) + (f->cur < f->len ?
		    text_cp_width(f->text[f->cur]) : 1);

		if (need <= width || f->scroll >= f->cur)
			break;
		f->scroll++;
	}
	/* Shown: whole characters from scroll that fit. */
	w = 0;
	for (i = f->scroll; i < f->len; i++) {
		int cw = text_cp_width(f->text[i]);

		if (w + cw > width)
			break;
		w += cw;
	}
	*end = i;
	*curcol = cols(f, f->scroll, f->cur);
}
