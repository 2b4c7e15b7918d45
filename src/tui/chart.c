/*
 * chart.c: bars in eighths of a column.  Integer arithmetic only (the
 * figures are fen or counts): eighths = value * cols * 8 / max, rounded.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "tui/chart.h"
#include "tui/screens.h"
#include "tui/tui.h"

/* U+258F ▏ (one eighth) .. U+2589 ▉ (seven), U+2588 █ the full block. */
static const char *const part[8] = {
	"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a",
	"\u2589"
};
#define FULL "\u2588"

int
chart_ascii(const struct tui *t)
{
	return t->ascii || wcwidth(0x2588) != 1 || wcwidth(0x258f) != 1;
}

/* Append s to buf (of bufsz, holding len bytes); the new length. */
static size_t
append(char *buf, size_t bufsz, size_t len, const char *s)
{
	size_t n = strlen(s);

	if (len + n >= bufsz)
		return len;
	memcpy(buf + len, s, n + 1);
	return len + n;
}

int64_t
chart_eighths(int64_t value, int64_t max, int bar_cols)
{
	int64_t e;

	if (max <= 0 || value <= 0 || bar_cols <= 0)
		return 0;
	if (value > max)
		value = max;
	e = (value * bar_cols * 8 + max / 2) / max;
	return e < 1 ? 1 : e;
}

void
chart_bar(char *buf, size_t bufsz, const char *label, int label_cols,
    int64_t value, int64_t max, int bar_cols, const char *figure, int ascii)
{
	int64_t e = chart_eighths(value, max, bar_cols);
	int cols = 0;
	size_t len;

	if (bufsz == 0)
		return;
	buf[0] = '\0';
	scr_cell(buf, bufsz, label, label_cols, 0);
	len = strlen(buf);
	if (ascii) {
		/* Whole columns, rounded; a value above zero shows one '#'. */
		int64_t n = (e + 4) / 8;

		if (n == 0 && e > 0)
			n = 1;
		for (; cols < n && len + 1 < bufsz; cols++)
			buf[len++] = '#';
		buf[len] = '\0';
	} else {
		for (; cols < e / 8; cols++)
			len = append(buf, bufsz, len, FULL);
		if (e % 8 != 0) {
			len = append(buf, bufsz, len, part[e % 8]);
			cols++;
		}
	}
	for (; cols < bar_cols && len + 1 < bufsz; cols++)
		buf[len++] = ' ';
	buf[len] = '\0';
	snprintf(buf + len, bufsz - len, " %s", figure);
}
