/*
 * screens.h: what the enrolment screens share: table rows padded by
 * display columns, a scrolling page of text lines, a printer, and the
 * choice fields of forms (a number standing for a code).
 */
#ifndef YIBAO_TUI_SCREENS_H
#define YIBAO_TUI_SCREENS_H

#include <stddef.h>

#include "core/money.h"
#include "tui/tui.h"

/* Append `text` cut and padded to `cols` columns, then a space, to buf. */
void scr_cell(char *buf, size_t bufsz, const char *text, int cols, int right);
/* Money as 1234.56 in a rotating buffer (each lives for 8 calls). */
const char *scr_money(fen_t v);

/* A page of UTF-8 lines, drawn from `top`, scrolled by Up/Down/PgUp/PgDn. */
#define SCR_LINE_MAX 300
struct scr_page {
	int n, cap;
	char (*line)[SCR_LINE_MAX];
	unsigned char *attr;	/* TUI_A_* of each line */
	int top;
};
void scr_page_clear(struct scr_page *p);
void scr_page_free(struct scr_page *p);
void scr_page_add(struct scr_page *p, int attr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Draw rows [y, y + h) of the body; returns rows used. */
int scr_page_draw(struct tui *t, struct scr_page *p, int y, int h);
/* Up/Down/PgUp/PgDn/Home/End: TUI_HANDLED, else TUI_UNHANDLED. */
int scr_page_key(struct scr_page *p, int h, const struct tui_key *k);
/*
 * The page as text, a line each, for the printer: YIBAO_PRINT_COMMAND (or
 * lp) gets it in UTF-8.  The outcome on the message line.
 */
void scr_page_print(struct tui *t, const struct scr_page *p, const char *what);

/* Choices for a form field: "1 rural  2 urban". */
struct scr_choice {
	const char *code;
	const char *label;	/* translated */
};
/* The code chosen by the number typed in `text` (1-based), or NULL. */
const char *scr_choose(const struct scr_choice *c, int n, const char *text);
/* "1 label  2 label ..." into buf. */
void scr_choices_line(const struct scr_choice *c, int n, char *buf,
    size_t bufsz);

/*
 * Before tui_form_key: a digit typed in a full one-digit choice field
 * replaces the number there, so a prefilled choice changes in one key.
 */
void scr_choice_key(struct tui_form *f, const struct tui_key *k);

/* Forms in the screens use this label width, so a note can go beside. */
#define SCR_LABEL_COLS 16
/* Body column right after field `width` wide of a form drawn at x. */
#define SCR_AFTER_FIELD(x, width) ((x) + 2 + SCR_LABEL_COLS + 1 + (width) + 1)

/* The ID number typed in a field: normalized into out, or -1 and msg. */
int scr_check_id(struct tui *t, const char *typed, char out[19], char *msg,
    size_t msgsz);

/* Form checks of a field that must not be empty: a name, a village. */
int scr_check_name(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz);
int scr_check_village(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz);

/* Labels of a category or disease code by the office's pack (else the code). */
const char *scr_category_label(const struct tui *t, const char *code);
const char *scr_disease_label(const struct tui *t, const char *code);

/* An open dossier builds its page again after a change (dossier.c). */
void tui_dossier_changed(void);

/* Screens opened from the dossier (period.c, household.c). */
void tui_open_period_add(struct tui *t, const char *id, int qualification);
void tui_open_period_end(struct tui *t, const char *id);
void tui_open_member_add(struct tui *t, const char *id);

/*
 * The resident's own actions (resident_edit.c, resident_end.c,
 * household_move.c), opened from the dossier with the resident's ID, or
 * (the household ones) from the Households menu with NULL: then the form
 * asks for the ID number first.
 */
void tui_open_resident_edit(struct tui *t, const char *id);
/* End an active coverage; reopen an ended one (a supervisor). */
void tui_open_resident_end(struct tui *t, const char *id);
void tui_open_member_move(struct tui *t, const char *id);
void tui_open_make_head(struct tui *t, const char *id);

#endif
