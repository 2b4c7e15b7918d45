/*
 * internal.h: what the shell's own files share (terminal setup, keys, the
 * frame).  Screens use tui.h only.
 */
#ifndef YIBAO_TUI_INTERNAL_H
#define YIBAO_TUI_INTERNAL_H

#include "tui/tui.h"

/* The frame: top line, frame, body, message line, function keys. */
#define TUI_MIN_ROWS 24
#define TUI_MIN_COLS 80
#define BODY_Y 2		/* first body row on the terminal */
#define BODY_X 2		/* first body column on the terminal */

/* Below 80x24: only the notice is shown, and keys go nowhere. */
#define TUI_TOO_SMALL(t) ((t)->rows < TUI_MIN_ROWS || (t)->cols < TUI_MIN_COLS)

/* term.c: start and end curses. */
int term_start(struct tui *t);
void term_end(void);
/* Read the size again after SIGWINCH; 1 if it is now too small. */
int term_size(struct tui *t);
/* Seconds from a monotonic clock. */
long term_now(void);

/* keys.c: one key, or TUI_KEY_NONE after `timeout_ms` (-1: wait). */
void keys_define(void);
int keys_read(struct tui *t, struct tui_key *k, int timeout_ms);

/*
 * app.c: the next key for any loop (screens, dialogs): handles resize,
 * Ctrl-L, F12 and the idle lock, returning TUI_KEY_REDRAW after them;
 * TUI_KEY_TICK each second without a key.
 */
void tui_getkey(struct tui *t, struct tui_key *k);
/* Draw the frame and the top screen into curses' buffer (no output yet). */
void tui_draw_all(struct tui *t);
/* Send what changed to the terminal, cursor placed. */
void tui_flush(struct tui *t);

/* draw.c */
void draw_chrome(struct tui *t, const char *title,
    const struct tui_keyhelp *keys);
void draw_too_small(struct tui *t);
void draw_clear_body(struct tui *t);
/* A box in body coordinates, its inside cleared; title may be NULL. */
void draw_box(struct tui *t, int y, int x, int h, int w, const char *title);
/* The shared keys of the bottom line. */
extern const struct tui_keyhelp tui_shared_keys[];

/* login.c */
void tui_open_login(struct tui *t);
/* Seconds of the pause after three failed passwords (YIBAO_LOGIN_PAUSE). */
int tui_login_pause(void);

#endif
