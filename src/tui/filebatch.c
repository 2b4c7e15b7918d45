/*
 * filebatch.c: the form that asks for a batch file, and the box shown
 * while it is worked (see filebatch.h).
 */
#include "config.h"

#include "tui/filebatch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "tui/internal.h"
#include "tui/screens.h"

struct batchform {
	struct tui_form *form;
	const struct filebatch_kind *kind;
	struct tui_form_field field[1];
};

void
filebatch_working(struct tui *t, const char *title, const char *text)
{
	int bw = tui_body_cols(t), bh = tui_body_rows(t);
	int w = bw < 60 ? bw : 60, y = (bh - 5) / 2, x = (bw - w) / 2;

	tui_draw_all(t);
	if (!TUI_TOO_SMALL(t)) {
		draw_box(t, y, x, 5, w, title);
		tui_print(t, y + 2, x + 2, w - 4, TUI_A_NORMAL, text);
	}
	tui_cursor(t, -1, -1);
	tui_flush(t);
}

static int
check_file(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *path = tui_form_get(f, idx);
	struct stat sb;

	(void)t;
	if (path[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("the name of the file"));
		return -1;
	}
	if (stat(path, &sb) != 0 || access(path, R_OK) != 0) {
		snprintf(msg, msgsz, _("cannot open %s: %s"), path,
		    strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		snprintf(msg, msgsz, _("cannot open %s: %s"), path,
		    _("it is a folder"));
		return -1;
	}
	return 0;
}

void
filebatch_form_draw(struct tui *t, void *state)
{
	struct batchform *bf = state;

	tui_print(t, 1, 1, 0, TUI_A_BOLD, _(bf->kind->title));
	tui_form_draw(t, bf->form, 3, 1);
	tui_wrap(t, 6, 3, tui_body_cols(t) - 6, 8, TUI_A_DIM,
	    _(bf->kind->columns));
}

int
filebatch_form_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct batchform *bf = state;
	char file[FILEBATCH_PATH_LEN];
	int r = tui_form_screen_key(t, bf->form, k);

	if (r == TUI_FORM_SAVE) {
		tui_form_get_buf(bf->form, 0, file, sizeof file);
		bf->kind->start(t, file);
		return TUI_HANDLED;
	}
	return r;
}

void
filebatch_form_free(void *state)
{
	struct batchform *bf = state;

	tui_form_free(bf->form);
	free(bf);
}

void
filebatch_open(struct tui *t, const struct tui_screen *screen,
    const struct filebatch_kind *kind)
{
	struct batchform *bf = calloc(1, sizeof *bf);

	if (bf == NULL)
		return;
	bf->kind = kind;
	bf->field[0] = (struct tui_form_field){ N_("File"), 44, 200, 0,
	    check_file, kind->field_hint };
	if ((bf->form = tui_form_new(bf->field, 1, bf)) == NULL) {
		free(bf);
		return;
	}
	bf->form->label_cols = SCR_LABEL_COLS;
	if (tui_push(t, screen, bf) != 0)
		filebatch_form_free(bf);
}
