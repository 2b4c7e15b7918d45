/*
 * progress.h: a progress box over the current screen while a long task
 * (import, export) runs in the same thread: the task calls
 * progress_update now and then; the box shows a bar (when the whole is
 * known) and the rows done, and Esc typed meanwhile asks the task to stop.
 * The task then rolls back or removes its file: nothing half-written.
 */
#ifndef YIBAO_TUI_PROGRESS_H
#define YIBAO_TUI_PROGRESS_H

#include <signal.h>
#include <stdint.h>

#include "tui/tui.h"

struct tui_progress {
	struct tui *t;
	const char *title;		/* translated */
	volatile sig_atomic_t stop;	/* set when the clerk pressed Esc */
	long rows;
	uint64_t done, total;		/* total 0: unknown, no bar */
};

/* Start; the box appears at the first update (the task's first 1000
 * rows of an import, 200 of an export). */
void progress_begin(struct tui_progress *p, struct tui *t, const char *title);
/* Draw what is done and read a waiting key: 1 if the task should stop. */
int progress_update(struct tui_progress *p, long rows, uint64_t done,
    uint64_t total);
/* The bar alone as text, `cols` wide, for done of total (tests, drawing). */
void progress_bar(char *buf, size_t bufsz, uint64_t done, uint64_t total,
    int cols, int ascii);

#endif
