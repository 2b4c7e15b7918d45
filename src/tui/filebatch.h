/*
 * filebatch.h: what the screens of a file worked in one transaction
 * share (a file of claims, a file of contributions): the form asking
 * for the file, the box saying the work is under way, and the preview:
 * the file worked first as a trial (nothing saved), listing its rows or
 * every refused row, then F2 saving it all or nothing.  A kind gives
 * only what differs: its texts, its op, and how its rows are worded.
 */
#ifndef YIBAO_TUI_FILEBATCH_H
#define YIBAO_TUI_FILEBATCH_H

#include <stddef.h>
#include <stdio.h>

#include "ops/ops.h"
#include "tui/screens.h"
#include "tui/tui.h"

#define FILEBATCH_PATH_LEN 1024

/*
 * An op's report as the preview works it: zeroed before each run, its
 * parts freed once it is shown.
 */
struct filebatch_report {
	size_t size;
	/* Work the open file with the op; dry: as a trial. */
	enum ops_status (*work)(struct tui *t, FILE *f, int dry, void *report,
	    struct ops_error *err);
	int (*written)(const void *report);	/* 1 if saved */
	/* The page's first lines: the file, and the rows read if any. */
	void (*head)(struct scr_page *pg, const char *file,
	    const void *report);
	/* A line a refused row; returns how many. */
	size_t (*problems)(struct scr_page *pg, const void *report);
	void (*free)(void *report);
};

/*
 * Both ops' reports name alike what the preview reads of them (encoding,
 * rows, written, nproblems, problem[] with line and reason), so this
 * writes a kind's `struct filebatch_report name` from its report type,
 * its op, the report's free, and the formats of the page's heading (%s:
 * the file) and of the rows read (%ld: how many, %s: the encoding).
 */
#define FILEBATCH_REPORT(name, type, op, free_fn, heading, read)	\
static enum ops_status							\
name##_work(struct tui *t, FILE *f, int dry, void *report,		\
    struct ops_error *err)						\
{									\
	return op(&t->s, f, dry, report, err);				\
}									\
static int								\
name##_written(const void *report)					\
{									\
	return ((const struct type *)report)->written;			\
}									\
static void								\
name##_head(struct scr_page *pg, const char *file, const void *report) \
{									\
	const struct type *r = report;					\
									\
	scr_page_add(pg, TUI_A_BOLD, heading, file);			\
	if (r->encoding[0] != '\0')					\
		scr_page_add(pg, 0, read, r->rows, r->encoding);	\
}									\
static size_t								\
name##_problems(struct scr_page *pg, const void *report)		\
{									\
	const struct type *r = report;					\
									\
	for (size_t i = 0; i < r->nproblems; i++)			\
		scr_page_add(pg, 0, _("line %ld: %s"),			\
		    r->problem[i].line, r->problem[i].reason);		\
	return r->nproblems;						\
}									\
static void								\
name##_free(void *report)						\
{									\
	free_fn(report);						\
}									\
static const struct filebatch_report name = {				\
	sizeof(struct type), name##_work, name##_written, name##_head,	\
	name##_problems, name##_free					\
}

struct filebatch_kind {
	/* The form. */
	const char *title;		/* N_(): the form's heading */
	const char *columns;		/* N_(): what the header may name */
	const char *field_hint;		/* N_(): the file field's hint */

	/* The preview: its draw, key and free are filebatch_preview_*. */
	const struct tui_screen *preview;
	const char *reading;		/* N_(): the box's title, the trial */
	const char *saving;		/* N_(): the box's title, F2 */
	const char *working;		/* N_(): the box's text */
	const char *saved_already;	/* N_(): F2 once saved */
	const char *refused;		/* N_(): F2 after refused rows */
	const char *print_title;	/* N_(): F4's heading */

	const struct filebatch_report *report;	/* FILEBATCH_REPORT's */
	/* The rows and their totals; done: saved, with their numbers. */
	void (*table)(struct tui *t, struct scr_page *pg, const void *report,
	    int done);
	/* The page's last line, and the message line once saved. */
	void (*summary)(const void *report, int done, char *buf, size_t size);
	/* Tell the screens that show what the file saved. */
	void (*changed)(void);
};

/*
 * Push the form of `screen` (its title, help and keys; its draw, key and
 * free are filebatch_form_*) for `kind`.
 */
void filebatch_open(struct tui *t, const struct tui_screen *screen,
    const struct filebatch_kind *kind);
void filebatch_form_draw(struct tui *t, void *state);
int filebatch_form_key(struct tui *t, void *state, const struct tui_key *k);
void filebatch_form_free(void *state);
extern const struct tui_keyhelp filebatch_form_keys[];	/* F2 reads */

/* The preview's draw, key (F2 saves, F4 prints) and free. */
void filebatch_preview_draw(struct tui *t, void *state);
int filebatch_preview_key(struct tui *t, void *state,
    const struct tui_key *k);
void filebatch_preview_free(void *state);

/* The box over the screen while the work runs (no progress hook). */
void filebatch_working(struct tui *t, const char *title, const char *text);

#endif
