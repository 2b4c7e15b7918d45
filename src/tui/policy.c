/*
 * policy.c: the office's policy pack on screen, read only: its id and
 * name, the chain of packs it extends with their files, the hash every
 * payment and claim records, then every resolved value in pack syntax
 * with the file and line it came from (as `yibao policy show`).  Changing
 * the pack stays an administrator's command (yibao policy use).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/policy_load.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/reports.h"
#include "tui/screens.h"

struct polview {
	struct scr_page page;
	const struct policy *p;
	char section[64];
	int started;
};

/* The file's last part: the header lists the whole path once. */
static const char *
base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

/* Bytes of the longest start of s that fits `cols` columns. */
static size_t
cut_bytes(const char *s, int cols)
{
	size_t i = 0;
	int w = 0;

	while (s[i] != '\0') {
		char ch[8];
		size_t n = 1;
		int cw;

		while (n < 4 && (s[i + n] & 0xc0) == 0x80)
			n++;
		memcpy(ch, s + i, n);
		ch[n] = '\0';
		if (w + (cw = text_width(ch)) > cols)
			break;
		w += cw;
		i += n;
	}
	return i;
}

/* Text longer than a line on as many lines as it needs. */
static void
add_wrapped(struct scr_page *pg, const char *text, int cols)
{
	do {
		size_t n = cut_bytes(text, cols);

		if (n == 0)
			break;
		scr_page_add(pg, 0, "%.*s", (int)n, text);
		text += n;
	} while (*text != '\0');
}

static void
emit(void *ctx, const char *section, const char *key, const char *value,
    const struct param *where)
{
	struct polview *v = ctx;
	char row[SCR_LINE_MAX], kv[SCR_LINE_MAX], src[300] = "";

	if (!v->started || strcmp(v->section, section) != 0) {
		scr_page_add(&v->page, 0, "%s", "");
		scr_page_add(&v->page, TUI_A_BOLD, "[%s]", section);
		snprintf(v->section, sizeof v->section, "%s", section);
		v->started = 1;
	}
	if (key == NULL)
		return;
	snprintf(kv, sizeof kv, "%s = %s%s", key, value, where != NULL &&
	    where->illustrative ? " !" : "");
	if (where != NULL && where->src >= 0 && where->src < v->p->nsources)
		snprintf(src, sizeof src, "%s:%d",
		    base(v->p->sources[where->src].file), (int)where->line);
	row[0] = '\0';
	if (text_width(kv) > 50) {
		/* A long value on lines of its own, the source under it. */
		add_wrapped(&v->page, kv, 72);
		if (src[0] != '\0')
			scr_page_add(&v->page, TUI_A_DIM, "%*s%s", 50, "", src);
		return;
	}
	scr_cell(row, sizeof row, kv, 50, 0);
	scr_cell(row, sizeof row, src, 25, 0);
	scr_page_add(&v->page, 0, "%s", row);
}

static void
build(struct tui *t, struct polview *v)
{
	const struct policy *p = t->s.policy;

	scr_page_clear(&v->page);
	v->p = p;
	v->started = 0;
	if (p == NULL) {
		scr_page_add(&v->page, TUI_A_ERROR, "! %s", _("This office has "
		    "no policy pack: an administrator chooses one with yibao "
		    "policy use ID."));
		return;
	}
	scr_page_add(&v->page, TUI_A_BOLD, "%s: %s", p->id, p->name);
	if (p->illustrative)
		scr_page_add(&v->page, 0, "%s", _("A demonstration pack: its "
		    "numbers marked ! are not from any document."));
	for (int i = 0; i < p->nsources; i++)
		scr_page_add(&v->page, 0, "%s %s (%s)", i == 0 ? _("file:") :
		    _("extends:"), p->sources[i].id, p->sources[i].file);
	scr_page_add(&v->page, 0, "sha256: %s", p->text_hash);
	policy_walk(p, emit, v);
}

static void
policy_draw(struct tui *t, void *state)
{
	struct polview *v = state;

	scr_page_draw(t, &v->page, 0, tui_body_rows(t));
	tui_cursor(t, -1, -1);
}

static int
policy_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct polview *v = state;

	if (k->code == TUI_KEY_F(4)) {
		scr_page_print(t, &v->page, _("The policy pack"));
		return TUI_HANDLED;
	}
	return scr_page_key(&v->page, tui_body_rows(t), k);
}

static void
policy_free(void *state)
{
	struct polview *v = state;

	scr_page_free(&v->page);
	free(v);
}

static const struct tui_keyhelp policy_keys[] = {
	{ "F4", N_("Print") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen policy_screen = {
	N_("Policy pack"),
	N_("The policy pack this office settles and takes payments by, read "
	    "only: its name, the packs it extends and their files, the hash "
	    "each payment and claim records, then every value as the program "
	    "resolved it (a pack's own value over the one it extends), with "
	    "the file and line it comes from.  A value marked ! is "
	    "illustrative: a demonstration number no document gives.  An "
	    "administrator changes the pack with yibao policy use.  Arrows "
	    "and PgUp/PgDn scroll; F4 prints."),
	policy_draw, policy_key, policy_free, policy_keys
};

void
tui_open_policy(struct tui *t)
{
	struct polview *v = calloc(1, sizeof *v);

	if (v == NULL)
		return;
	build(t, v);
	tui_push(t, &policy_screen, v);
}
