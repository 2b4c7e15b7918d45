/*
 * term.c: the terminal: curses started for wide characters, keys
 * as the app reads them, ESCDELAY for slow links, colour only where it is
 * wanted.  setlocale() was done by main.
 */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/internal.h"

/*
 * How long an Esc waits for the rest of a sequence, in milliseconds.  Over
 * a slow link (PuTTY over a modem or a congested line) the bytes of one
 * F-key can arrive 100 ms apart, so the default is longer than ncurses'
 * own 1000 ms is for nothing and xterm's habit of 25 ms is too short.
 */
#define ESCDELAY_DEFAULT 300

static SCREEN *screen;

static int
env_ms(const char *name)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return -1;
	n = strtol(v, &end, 10);
	if (*end != '\0' || n < 0 || n > 10000)
		return -1;
	return (int)n;
}

long
term_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec;
}

int
term_size(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	return t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS;
}

/* NO_COLOR (no-color.org): set and not empty means no colour. */
static int
colour_wanted(void)
{
	const char *v = getenv("NO_COLOR");

	return v == NULL || *v == '\0';
}

int
term_start(struct tui *t)
{
	int ms;

	if ((screen = newterm(NULL, stdout, stdin)) == NULL)
		return -1;
	raw();		/* Ctrl-C and Ctrl-Z do not throw a form away */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	if ((ms = env_ms("YIBAO_ESCDELAY")) < 0 &&
	    (ms = env_ms("ESCDELAY")) < 0)
		ms = ESCDELAY_DEFAULT;
	t->escdelay = ms;
	set_escdelay(ms);
	keys_define();
	t->colour = 0;
	if (has_colors() && colour_wanted() && start_color() == OK) {
		use_default_colors();
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_BLUE, -1);
		t->colour = 1;
	}
	term_size(t);
	return 0;
}

void
term_end(void)
{
	endwin();
	if (screen != NULL)
		delscreen(screen);
	screen = NULL;
}
