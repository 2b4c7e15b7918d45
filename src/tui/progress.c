/*
 * progress.c: the progress box.  Drawn through the shell's own frame
 * (tui_draw_all, then the box, then tui_flush), and the keyboard read
 * without waiting, so a task of a million rows stays responsive to Esc.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tui/internal.h"
#include "tui/chart.h"
#include "tui/progress.h"

#define BOX_W 60

void
progress_bar(char *buf, size_t bufsz, uint64_t done, uint64_t total,
    int cols, int ascii)
{
	uint64_t full = total > 0 ? (done >= total ? (uint64_t)cols :
	    done * (uint64_t)cols / total) : 0;
	size_t len = 0;

	for (int i = 0; i < cols && len + 4 < bufsz; i++) {
		const char *c = (uint64_t)i < full ? (ascii ? "#" : "\u2588") :
		    (ascii ? "." : "\u2591");

		memcpy(buf + len, c, strlen(c));
		len += strlen(c);
	}
	buf[len] = '\0';
}

static void
draw(struct tui_progress *p)
{
	struct tui *t = p->t;
	int bw = tui_body_cols(t), bh = tui_body_rows(t);
	int w = BOX_W < bw ? BOX_W : bw, y = (bh - 6) / 2, x = (bw - w) / 2;
	char bar[BOX_W * 4], text[256];

	tui_draw_all(t);
	if (TUI_TOO_SMALL(t)) {
		tui_flush(t);
		return;
	}
	draw_box(t, y, x, 6, w, p->title);
	if (p->total > 0) {
		progress_bar(bar, sizeof bar, p->done, p->total, w - 12,
		    chart_ascii(t));
		tui_printf(t, y + 1, x + 2, w - 4, TUI_A_NORMAL, "%s %3d%%",
		    bar, (int)(p->done >= p->total ? 100 :
		    p->done * 100 / p->total));
	}
	snprintf(text, sizeof text, _("%ld rows"), p->rows);
	tui_print(t, y + 2, x + 2, w - 4, TUI_A_NORMAL, text);
	tui_print(t, y + 4, x + 2, w - 4, TUI_A_DIM, p->stop ?
	    _("Stopping: nothing will be written...") :
	    _("Esc stops it; nothing is written then."));
	tui_cursor(t, -1, -1);
	tui_flush(t);
}

void
progress_begin(struct tui_progress *p, struct tui *t, const char *title)
{
	memset(p, 0, sizeof *p);
	p->t = t;
	p->title = title;
	/* Drawn at the first update: a task done within it (a roster of a
	 * few hundred rows) does not flash a box. */
}

int
progress_update(struct tui_progress *p, long rows, uint64_t done,
    uint64_t total)
{
	struct tui_key k;

	p->rows = rows;
	p->done = done;
	p->total = total;
	/* Every key waiting; Esc (or Esc-digit's Esc alone) stops. */
	while (keys_read(p->t, &k, 0) != TUI_KEY_NONE) {
		if (k.code == TUI_KEY_ESC)
			p->stop = 1;
		else if (k.code == TUI_KEY_REDRAW)
			term_size(p->t);	/* a resize: the box moves */
	}
	draw(p);
	return p->stop != 0;
}
