/*
 * filebatch.h: what the screens of a file worked in one transaction
 * share (a file of claims, a file of contributions): the form asking
 * for the file, and the box saying the work is under way.  Each kind
 * keeps its own preview.
 */
#ifndef YIBAO_TUI_FILEBATCH_H
#define YIBAO_TUI_FILEBATCH_H

#include "tui/tui.h"

#define FILEBATCH_PATH_LEN 1024

struct filebatch_kind {
	const char *title;		/* N_(): the form's heading */
	const char *columns;		/* N_(): what the header may name */
	const char *field_hint;		/* N_(): the file field's hint */
	/* Read the file as a trial and push the preview. */
	void (*start)(struct tui *t, const char *file);
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

/* The box over the screen while the work runs (no progress hook). */
void filebatch_working(struct tui *t, const char *title, const char *text);

#endif
