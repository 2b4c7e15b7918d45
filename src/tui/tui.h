/*
 * tui.h: the terminal interface clerks use all day (issue 7).
 *
 * A screen is a pair of functions, draw and key, over a state of its own
 * (tig, ncdu 1.x).  The app loop keeps a stack of screens: it draws the top
 * one between the top line (office, operator, date, database) and the
 * bottom line (function keys), hands it each key, and applies the shared
 * keys (F1 help, F3 find, F10 quit, F12 lock, Esc back) the screen leaves.
 *
 * Every draw starts from the screen's state and ncurses sends only what
 * changed, so a resize or the lock screen never loses what was typed, and
 * a slow link carries few bytes.  Screens call ops/ (never db/), and give
 * and take text as UTF-8 (gettext is bound to UTF-8); widths are display
 * columns (a Hanzi is two).  Screens need not include curses.h.
 */
#ifndef YIBAO_TUI_H
#define YIBAO_TUI_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "ops/ops.h"
#include "tui/field.h"

/* What main() (or yibao --demo) hands to the interface. */
struct tui_options {
	const char *db_path;	/* the office's database */
	struct date today;	/* the business date (YIBAO_TODAY or the clock) */
	const char *login;	/* operator filled in at login (--operator), or NULL */
	int ascii;		/* ASCII frame: --ascii or YIBAO_ASCII=1 */
	const char *login_note;	/* UTF-8 lines shown under the login form, or
				   NULL: the demo's operators and passwords */
};

/*
 * Run the interface until the clerk quits: open the session
 * (ops_session_open), log in, the main menu.  The caller has done
 * setlocale() and checked that stdin and stdout are a terminal.  Returns
 * an exit status (0 quit normally, 1 the database cannot be opened).
 */
int tui_main(const struct tui_options *opt);

/* Keys, decoded: F-keys from any terminal, Esc-digit, PuTTY's sequences. */
enum tui_keycode {
	TUI_KEY_NONE = 0,
	TUI_KEY_CHAR,		/* a character: k->ch (a Unicode code point) */
	TUI_KEY_ENTER,
	TUI_KEY_ESC,
	TUI_KEY_TAB,
	TUI_KEY_BTAB,		/* Shift-Tab */
	TUI_KEY_UP,
	TUI_KEY_DOWN,
	TUI_KEY_LEFT,
	TUI_KEY_RIGHT,
	TUI_KEY_HOME,
	TUI_KEY_END,
	TUI_KEY_PGUP,
	TUI_KEY_PGDN,
	TUI_KEY_BACKSPACE,
	TUI_KEY_DELETE,
	TUI_KEY_REDRAW,		/* resize, Ctrl-L, after the lock: draw it all */
	TUI_KEY_TICK,		/* a second passed without a key (countdowns) */
	TUI_KEY_F0 = 100	/* F1..F12 are TUI_KEY_F(1)..TUI_KEY_F(12) */
};
#define TUI_KEY_F(n)	(TUI_KEY_F0 + (n))

struct tui_key {
	int code;		/* enum tui_keycode */
	uint32_t ch;		/* TUI_KEY_CHAR: the character */
};

/* What a screen's key function returns. */
#define TUI_UNHANDLED	0	/* not mine: the app applies the shared keys */
#define TUI_HANDLED	1	/* done; the app draws again */

/* Bottom-line entry: a key's name and what it does (N_() text). */
struct tui_keyhelp {
	const char *key;	/* "F2", "Esc", "Enter" */
	const char *label;	/* N_("Save") */
};

struct tui;

struct tui_screen {
	const char *title;	/* N_() text, drawn in the frame's top edge */
	const char *help;	/* N_() text for F1, or NULL */
	/* Draw the state into the body (tui_print etc.); place the cursor. */
	void (*draw)(struct tui *t, void *state);
	/* One key: TUI_HANDLED or TUI_UNHANDLED.  May push or pop screens. */
	int (*key)(struct tui *t, void *state, const struct tui_key *k);
	/* Free the state when the screen leaves the stack; NULL: free(). */
	void (*free)(void *state);
	/* The bottom line, ended by { NULL, NULL }; NULL: the shared keys. */
	const struct tui_keyhelp *keys;
};

#define TUI_STACK_MAX 16

/* The whole interface's state. */
struct tui {
	struct ops_session s;	/* who is logged in, the database, the pack */
	const struct tui_options *opt;
	int rows, cols;		/* the terminal's size */
	int ascii;		/* frames in ASCII */
	int colour;		/* colour is in use (has_colors(), no NO_COLOR) */
	int logged_in;
	int quit;		/* set by tui_quit: the loop ends */
	char status[512];	/* the message line (UTF-8) */
	int status_error;	/* the message is an error: bold and "!" */

	/* Private to app.c. */
	struct {
		const struct tui_screen *screen;
		void *state;
	} stack[TUI_STACK_MAX];
	int depth;
	void *dead[TUI_STACK_MAX];	/* popped states, freed after the key */
	void (*dead_free[TUI_STACK_MAX])(void *);
	int ndead;
	int cur_y, cur_x;	/* where the cursor goes after drawing; -1 hidden */
	int idle_secs;		/* YIBAO_IDLE_LOCK in seconds; 0: never */
	int escdelay;		/* milliseconds */
	long last_key;		/* monotonic seconds of the last key */
	int bytes_marker;	/* bench: write markers around output */
};

/* The screen stack. */

/* Put a screen on top; it owns `state` (freed by screen->free).  0 or -1. */
int tui_push(struct tui *t, const struct tui_screen *screen, void *state);
/* Take the top screen off; its state is freed after the current key. */
void tui_pop(struct tui *t);
/* The state of the top screen (e.g. to check it is still there). */
void *tui_top(struct tui *t);
/* End the loop after this key. */
void tui_quit(struct tui *t);

/* The message line: an ordinary message, or an error (bold, "!").  The
 * next key clears it.  fmt is translated already. */
void tui_status(struct tui *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tui_error(struct tui *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Drawing, inside the body (the framed area; (0,0) its top-left). */

enum tui_attr {
	TUI_A_NORMAL = 0,
	TUI_A_BOLD = 1,		/* headings, labels of the current field */
	TUI_A_REVERSE = 2,	/* the selected row */
	TUI_A_UNDERLINE = 4,	/* a field's edit box */
	TUI_A_ERROR = 8,	/* bold, and red when colour is on */
	TUI_A_DIM = 16		/* hints; plain on monochrome terminals */
};

int tui_body_rows(const struct tui *t);	/* 19 at 80x24 */
int tui_body_cols(const struct tui *t);	/* 76 at 80x24 */

/*
 * UTF-8 text at (y, x) of the body, cut to `width` display columns (never
 * inside a character) and padded with spaces to exactly that; width <= 0:
 * to the body's right edge, not padded.  Returns the columns drawn.
 */
int tui_print(struct tui *t, int y, int x, int width, int attr,
    const char *utf8);
int tui_printf(struct tui *t, int y, int x, int width, int attr,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A horizontal line across the body at row y (line drawing or '-'). */
void tui_hline(struct tui *t, int y);
/* Where the cursor stands after this draw (body coordinates); (-1,-1) hidden. */
void tui_cursor(struct tui *t, int y, int x);

/*
 * Word-wrap UTF-8 text into `width` columns from row y (at spaces, or
 * between Hanzi); returns the rows used.  t NULL: only count them.
 */
int tui_wrap(struct tui *t, int y, int x, int width, int maxrows, int attr,
    const char *utf8);

/*
 * Forms: labelled one-line fields.  Tab, Down and Enter go to the next
 * field, Shift-Tab and Up to the previous; leaving a field runs its check
 * and shows its message beside it at once.  Enter on the last field or F2
 * saves (every check must pass); Esc asks before throwing typed text away.
 * The typed text lives in the form, so redraws never lose it.
 */
#define TUI_FIELD_DIGITS	1	/* only 0-9 */
#define TUI_FIELD_IDCARD	2	/* 0-9 and X (x typed is made X) */
#define TUI_FIELD_SECRET	4	/* shown as '*' */
#define TUI_FIELD_READONLY	8	/* shown, not editable, skipped */
#define TUI_FIELD_DATE		16	/* 0-9 and '-' */
#define TUI_FIELD_MONEY		32	/* 0-9 and '.' */

struct tui_form;

struct tui_form_field {
	const char *label;	/* N_() text */
	int width;		/* columns of the edit box */
	int maxlen;		/* characters (at most FIELD_MAX) */
	int flags;		/* TUI_FIELD_* */
	/*
	 * Run when the field is left (and before saving): 0 good; else write
	 * a translated sentence into msg and return -1.  May fill other
	 * fields (birth date from the ID number).  NULL: always good.
	 */
	int (*check)(struct tui *t, struct tui_form *f, int idx, char *msg,
	    size_t msgsz);
	const char *hint;	/* N_() text on the message line when the clerk
				   pauses a second in the field (once per entry) */
};

struct tui_form {
	const struct tui_form_field *def;
	int n;			/* fields */
	struct field *field;	/* n editors */
	char (*msg)[256];	/* n messages from the checks ("" none) */
	int cur;		/* the field with the cursor */
	int dirty;		/* something was typed since the last save */
	int label_cols;		/* 0: the widest label */
	void *ctx;		/* the screen's state, for the checks */
	int saving;		/* 1 while the checks run for saving: a check
				   may let an empty field pass when it is only
				   left, and insist when the form is saved */
};

/* What tui_form_key returns besides TUI_UNHANDLED / TUI_HANDLED. */
#define TUI_FORM_SAVE	2	/* F2 or Enter on the last field; checks passed */
#define TUI_FORM_CANCEL	3	/* Esc, nothing typed or the clerk agreed */

struct tui_form *tui_form_new(const struct tui_form_field *def, int n,
    void *ctx);
void tui_form_free(struct tui_form *f);
/* Fields as UTF-8; set marks nothing dirty. */
int tui_form_set(struct tui_form *f, int idx, const char *utf8);
const char *tui_form_get(struct tui_form *f, int idx);	/* valid until the next get */
void tui_form_get_buf(struct tui_form *f, int idx, char *buf, size_t bufsz);
/* Put a message beside a field (e.g. the op's answer after saving). */
void tui_form_message(struct tui_form *f, int idx, const char *utf8);
/* Draw the rows from body row y; places the cursor.  Returns rows used. */
int tui_form_draw(struct tui *t, struct tui_form *f, int y, int x);
int tui_form_key(struct tui *t, struct tui_form *f, const struct tui_key *k);

/*
 * The key function of a screen that is one form: Esc pops the screen (as
 * tui_form_key allows), and TUI_FORM_SAVE comes back for the screen to
 * save; otherwise TUI_HANDLED or TUI_UNHANDLED.
 */
int tui_form_screen_key(struct tui *t, struct tui_form *f,
    const struct tui_key *k);
/* Run every check (as saving does); -1 and the cursor on the first bad one. */
int tui_form_check_all(struct tui *t, struct tui_form *f);

/*
 * Lists: scrolling, one selected row (reverse and a '>' marker), Up/Down,
 * PgUp/PgDn, Home/End; with `numbered`, rows show 1..9 and a digit chooses.
 */
struct tui_list {
	int n;			/* rows */
	int sel;		/* selected row */
	int top;		/* first row shown */
	int numbered;
	/* The text of row i (UTF-8) into buf. */
	void (*row)(struct tui *t, void *ctx, int i, char *buf, size_t bufsz);
	void *ctx;
	int height;		/* rows shown at the last draw (for PgUp/PgDn) */
};

#define TUI_LIST_CHOOSE	2	/* Enter, or a digit chose l->sel */

void tui_list_draw(struct tui *t, struct tui_list *l, int y, int x, int h,
    int w);
int tui_list_key(struct tui *t, struct tui_list *l, const struct tui_key *k);

/* Menus: a list of numbered entries that open screens; a digit chooses. */
struct tui_menu_item {
	const char *label;	/* N_() text */
	void (*open)(struct tui *t);
};
/* Push a menu screen; `items` must outlive it (static). */
int tui_menu_open(struct tui *t, const char *title,
    const struct tui_menu_item *items, int n);

/*
 * Dialogs, modal: drawn over the current screen, which stays as it was.
 * They return when answered; resize and the lock work inside them.
 */
void tui_message(struct tui *t, const char *title, const char *text);
/* 1 yes, 0 no (Esc, n, 2); `dflt` is what Enter answers. */
int tui_confirm(struct tui *t, const char *question, int dflt);
/* A password (echoed '*') into buf: 1 given, 0 cancelled (Esc). */
int tui_password(struct tui *t, const char *title, const char *prompt,
    char *buf, size_t bufsz);
/*
 * A supervisor's consent for an act a clerk may not do alone (a reversal):
 * 1 when the logged-in operator is a supervisor or admin, or when one
 * types their login and password now (checked by ops_login).  Then *as is
 * a copy of the session with that supervisor as operator: run the op with
 * it (it shares the database and pack: never close it).  0 cancelled or
 * refused, the reason on the message line.
 */
int tui_supervisor(struct tui *t, const char *why, struct ops_session *as);

/* Lock now (F12 does this): ask the operator's password again. */
void tui_lock(struct tui *t);
/* F1: the help of the top screen and the key list. */
void tui_open_help(struct tui *t);

/* The main menu (after login). */
void tui_open_main_menu(struct tui *t);
/* Change one's own password. */
void tui_open_passwd(struct tui *t);

/* Text helpers */

/* The ID number as this operator may see it: masked below supervisor. */
const char *tui_shown_id(const struct tui *t, const char *id, char buf[19]);

/*
 * Screens of the enrolment work (tui-screens writes them; screens_stub.c
 * holds placeholders until then).  Each pushes its screen.
 */
void tui_open_find(struct tui *t);		/* find a resident (F3) */
void tui_open_dossier(struct tui *t, const char *resident_id);
void tui_open_register(struct tui *t);		/* register a resident */
void tui_open_household(struct tui *t);	/* create a household, add members */
void tui_open_pay(struct tui *t, const char *resident_id);	/* NULL: ask */
void tui_open_day_report(struct tui *t);	/* end of day cash report */

#endif
