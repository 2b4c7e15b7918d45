/*
 * filebatch.c: the form that asks for a batch file, the box shown while
 * it is worked, and the preview of its trial that F2 saves (see
 * filebatch.h).
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
#include "ops/session.h"
#include "tui/internal.h"
#include "tui/screens.h"

struct batchform {
	struct tui_form *form;
	const struct filebatch_kind *kind;
	struct tui_form_field field[1];
};

/* The preview's state. */
struct batch {
	const struct filebatch_kind *kind;
	char file[FILEBATCH_PATH_LEN];
	void *report;		/* the kind's, of the last run */
	struct scr_page page;
	int clean;		/* the trial refused nothing */
	int done;		/* saved */
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

/* ---- the preview: a trial, then F2 saves all or nothing --------------- */

/* Work the file with the kind's op into b->report; dry: as a trial. */
static enum ops_status
run(struct tui *t, struct batch *b, int dry, struct ops_error *err)
{
	const struct filebatch_kind *k = b->kind;
	enum ops_status st;
	FILE *f;

	memset(b->report, 0, k->report->size);
	if ((f = fopen(b->file, "rb")) == NULL)
		return ops_fail(err, OPS_INVALID, _("cannot open %s: %s"),
		    b->file, strerror(errno));
	filebatch_working(t, dry ? _(k->reading) : _(k->saving),
	    _(k->working));
	ops_session_clock(&t->s);
	st = k->report->work(t, f, dry, b->report, err);
	fclose(f);
	return st;
}

/* The page of the last run: its rows and totals, or why it was refused. */
static void
show(struct tui *t, struct batch *b, enum ops_status st, const char *errmsg)
{
	const struct filebatch_kind *k = b->kind;
	struct scr_page *pg = &b->page;
	char line[SCR_LINE_MAX];

	scr_page_clear(pg);
	k->report->head(pg, b->file, b->report);
	scr_page_add(pg, 0, "%s", "");
	if (st != OPS_OK) {
		scr_page_add(pg, TUI_A_ERROR, "! %s", errmsg);
		if (k->report->problems(pg, b->report) > 0)
			scr_page_add(pg, 0, "%s", _("Correct the file and read "
			    "it again."));
		return;
	}
	k->table(t, pg, b->report, b->done);
	scr_page_add(pg, 0, "%s", "");
	k->summary(b->report, b->done, line, sizeof line);
	scr_page_add(pg, TUI_A_BOLD, "%s", line);
}

/* F2: the file again, saved this time. */
static void
save(struct tui *t, struct batch *b)
{
	const struct filebatch_kind *k = b->kind;
	char line[SCR_LINE_MAX];
	struct ops_error err;
	enum ops_status st;

	if (b->done) {
		tui_error(t, "%s", _(k->saved_already));
		return;
	}
	if (!b->clean) {
		tui_error(t, "%s", _(k->refused));
		return;
	}
	st = run(t, b, 0, &err);
	b->done = st == OPS_OK && k->report->written(b->report);
	b->clean = 0;
	show(t, b, st, err.msg);
	if (b->done) {
		k->summary(b->report, 1, line, sizeof line);
		tui_status(t, "%s", line);
		k->changed();
	} else
		tui_error(t, "%s", err.msg);
	k->report->free(b->report);
}

void
filebatch_preview_draw(struct tui *t, void *state)
{
	struct batch *b = state;

	scr_page_draw(t, &b->page, 0, tui_body_rows(t));
	tui_cursor(t, -1, -1);
}

int
filebatch_preview_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct batch *b = state;

	switch (k->code) {
	case TUI_KEY_F(2):
		save(t, b);
		return TUI_HANDLED;
	case TUI_KEY_F(4):
		scr_page_print(t, &b->page, _(b->kind->print_title));
		return TUI_HANDLED;
	default:
		return scr_page_key(&b->page, tui_body_rows(t), k);
	}
}

void
filebatch_preview_free(void *state)
{
	struct batch *b = state;

	scr_page_free(&b->page);
	free(b->report);
	free(b);
}

/* The form's file, read as a trial: push its preview. */
static void
start(struct tui *t, const struct filebatch_kind *kind, const char *file)
{
	struct batch *b = calloc(1, sizeof *b);
	struct ops_error err;
	enum ops_status st;

	if (b == NULL)
		return;
	b->kind = kind;
	if ((b->report = calloc(1, kind->report->size)) == NULL) {
		free(b);
		return;
	}
	snprintf(b->file, sizeof b->file, "%s", file);
	st = run(t, b, 1, &err);
	b->clean = st == OPS_OK;
	show(t, b, st, err.msg);
	kind->report->free(b->report);
	if (tui_push(t, kind->preview, b) != 0)
		filebatch_preview_free(b);
}

/* ---- the form: the file -------------------------------------------------- */

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
		start(t, bf->kind, file);
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

const struct tui_keyhelp filebatch_form_keys[] = {
	{ "F2", N_("Read") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

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
