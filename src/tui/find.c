/*
 * find.c: find a resident by one field: an ID number or its last digits,
 * pinyin initials (张三: zs) or the start of a name.  The list follows each
 * keystroke (ops_resident_find uses an index for every kind, so it stays
 * fast on a large office); ID numbers are masked as the role says.  Enter
 * opens the selected resident's dossier.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/resident.h"
#include "tui/screens.h"

struct find {
	struct tui_form *form;
	struct tui_list list;
	struct resident_found found;
	char query[256];		/* what the list shows */
	char error[512];
};

static const struct tui_form_field find_fields[] = {
	{ N_("Find"), 30, 40, 0, NULL,
	    N_("ID number, its last digits, pinyin initials or a name") },
};

static void
find_row(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	const struct resident_hit *h = &((struct find *)ctx)->found.hit[i];

	(void)t;
	buf[0] = '\0';
	scr_cell(buf, bufsz, h->shown, 18, 0);
	scr_cell(buf, bufsz, h->name, 10, 0);
	scr_cell(buf, bufsz, resident_sex_label(h->sex), 4, 0);
	scr_cell(buf, bufsz, h->birth, 10, 0);
	scr_cell(buf, bufsz, h->village, 16, 0);
	scr_cell(buf, bufsz, resident_status_label(h->status), 8, 0);
}

/* Search again when the field changed. */
static void
refresh(struct tui *t, struct find *f)
{
	struct ops_error err;
	char q[256];

	tui_form_get_buf(f->form, 0, q, sizeof q);
	if (strcmp(q, f->query) == 0)
		return;
	snprintf(f->query, sizeof f->query, "%s", q);
	memset(&f->found, 0, sizeof f->found);
	f->error[0] = '\0';
	f->list.sel = f->list.top = 0;
	if (q[0] != '\0' && ops_resident_find(&t->s, q, &f->found, &err) !=
	    OPS_OK)
		snprintf(f->error, sizeof f->error, "%s", err.msg);
	f->list.n = f->found.n;
}

static void
find_draw(struct tui *t, void *state)
{
	struct find *f = state;
	int rows = tui_body_rows(t), h;
	char head[256] = "  ";

	tui_form_draw(t, f->form, 1, 1);
	scr_cell(head, sizeof head, _("ID number"), 18, 0);
	scr_cell(head, sizeof head, _("Name"), 10, 0);
	scr_cell(head, sizeof head, _("Sex"), 4, 0);
	scr_cell(head, sizeof head, _("Born"), 10, 0);
	scr_cell(head, sizeof head, _("Village"), 16, 0);
	scr_cell(head, sizeof head, _("Status"), 8, 0);
	tui_print(t, 3, 1, 0, TUI_A_BOLD, head);
	h = rows - 6;
	tui_list_draw(t, &f->list, 4, 1, h, tui_body_cols(t) - 2);
	if (f->error[0] != '\0')
		tui_printf(t, rows - 1, 1, 0, TUI_A_ERROR, "! %s", f->error);
	else if (f->query[0] == '\0')
		tui_print(t, rows - 1, 1, 0, TUI_A_DIM, _("Type an ID number "
		    "(or its last digits), pinyin initials such as zs, or a "
		    "name."));
	else if (f->found.n == 0)
		tui_print(t, rows - 1, 1, 0, TUI_A_BOLD, _("Nobody found."));
	else
		tui_printf(t, rows - 1, 1, 0, TUI_A_NORMAL, f->found.more ?
		    _("The first %d found; type more to narrow.  Enter opens.") :
		    _("%d found.  Enter opens the resident."), f->found.n);
}

static int
find_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct find *f = state;
	int r;

	switch (k->code) {
	case TUI_KEY_UP:
	case TUI_KEY_DOWN:
	case TUI_KEY_PGUP:
	case TUI_KEY_PGDN:
		tui_list_key(t, &f->list, k);
		return TUI_HANDLED;
	case TUI_KEY_ENTER:
	case TUI_KEY_F(2):
		if (f->found.n > 0)
			tui_open_dossier(t, f->found.hit[f->list.sel].id_number);
		return TUI_HANDLED;
	case TUI_KEY_ESC:
		return TUI_UNHANDLED;
	case TUI_KEY_F(3):
		return TUI_HANDLED;	/* already here */
	default:
		break;
	}
	r = tui_form_key(t, f->form, k);
	refresh(t, f);
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void
find_free(void *state)
{
	struct find *f = state;

	tui_form_free(f->form);
	free(f);
}

static const struct tui_keyhelp find_keys[] = {
	{ "Enter", N_("Open") },
	{ "Up/Down", N_("Choose") },
	{ "F1", N_("Help") },
	{ "F10", N_("Quit") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen find_screen = {
	N_("Find a resident"),
	N_("Type in the field: an 18-digit ID number, its last digits (e.g. "
	    "the last four), pinyin initials (张三: zs; a surname read two "
	    "ways, such as 曾, matches either) or the beginning of a name.  "
	    "The list follows as you type; Up and Down choose, Enter opens "
	    "the resident.  ID numbers are masked unless your role allows "
	    "more."),
	find_draw, find_key, find_free, find_keys
};

void
tui_open_find(struct tui *t)
{
	struct find *f = calloc(1, sizeof *f);

	if (f == NULL || (f->form = tui_form_new(find_fields, 1, f)) == NULL) {
		free(f);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	f->form->label_cols = 6;
	f->list.row = find_row;
	f->list.ctx = f;
	tui_push(t, &find_screen, f);
}
