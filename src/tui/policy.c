/*
 * policy.c: the office's policy pack on screen, read only: its id and
 * name, the chain of packs it extends with their files, the hash every
 * payment and claim records, then every resolved value in pack syntax
 * with the file and line it came from (as `yibao policy show`).  F5
 * lists the packs of the policy directory (yibao policy list) and lets an
 * administrator make one the office's pack (yibao policy use), after a
 * question; the running session takes the new pack at once.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/policy_load.h"
#include "core/text.h"
#include "i18n.h"
#include "ops/operator.h"
#include "ops/policy_pack.h"
#include "ops/session.h"
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
		    "no policy pack: an administrator chooses one with F5."));
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

static void open_packs(struct tui *t, struct polview *v);

static int
policy_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct polview *v = state;

	if (k->code == TUI_KEY_F(5)) {
		open_packs(t, v);
		return TUI_HANDLED;
	}
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
	{ "F5", N_("Choose a pack") },
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
	    "illustrative: a demonstration number no document gives.  F5 "
	    "lists the packs the program has and lets an administrator "
	    "choose the office's (as yibao policy use).  Arrows and "
	    "PgUp/PgDn scroll; F4 prints."),
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

/* ---- choose the office's pack (policy use) ---------------------------- */

struct packs {
	struct policy_pack_info *v;
	int n;
	struct tui_list list;
	struct polview *view;		/* the pack's page under this list */
};

static void
pack_row(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	struct packs *ps = ctx;
	const struct policy_pack_info *k = &ps->v[i];
	const struct policy *cur = t->s.policy;
	char year[16];

	buf[0] = '\0';
	scr_cell(buf, bufsz, k->id, 18, 0);
	if (!k->loadable) {
		snprintf(buf + strlen(buf), bufsz - strlen(buf), "! %s",
		    k->error);
		return;
	}
	snprintf(year, sizeof year, "%d", k->year);
	scr_cell(buf, bufsz, year, 4, 0);
	scr_cell(buf, bufsz, cur != NULL && strcmp(cur->id, k->id) == 0 ?
	    _("in use") : "", 8, 0);
	scr_cell(buf, bufsz, k->name, 40, 0);
}

static void
packs_draw(struct tui *t, void *state)
{
	struct packs *ps = state;
	char head[256] = "";

	scr_cell(head, sizeof head, _("Pack"), 18, 0);
	scr_cell(head, sizeof head, _("Year"), 4, 0);
	scr_cell(head, sizeof head, "", 8, 0);
	scr_cell(head, sizeof head, _("Title"), 40, 0);
	tui_print(t, 0, 5, 0, TUI_A_BOLD, head);	/* past the numbers */
	tui_list_draw(t, &ps->list, 1, 1, tui_body_rows(t) - 1,
	    tui_body_cols(t) - 2);
}

static void
use_pack(struct tui *t, struct packs *ps)
{
	const struct policy_pack_info *k = &ps->v[ps->list.sel];
	struct policy_use_result res;
	struct ops_error err;
	char q[512];

	if (t->s.role < ROLE_ADMIN) {
		tui_error(t, _("Only an administrator chooses the office's "
		    "pack; %s is a %s."), t->s.login, role_label(t->s.role));
		return;
	}
	if (!k->loadable) {
		tui_error(t, _("The policy pack %s cannot be used: %s"), k->id,
		    k->error);
		return;
	}
	snprintf(q, sizeof q, _("Make %s (%s) the office's policy pack?  "
	    "Payments and claims from now on are reckoned by it."), k->id,
	    k->name);
	if (!tui_confirm(t, q, 0))
		return;
	ops_session_clock(&t->s);
	if (ops_policy_use(&t->s, k->id, &res, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	if (!res.changed) {
		tui_status(t, _("The office already uses the policy pack %s; "
		    "nothing was changed."), res.id);
		return;
	}
	/* The screens under this one read the new pack from the session. */
	if (ops_session_policy_reload(&t->s, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	build(t, ps->view);
	tui_status(t, _("The office now uses the policy pack %s (%s)."),
	    res.id, res.name);
	tui_pop(t);
}

static int
packs_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct packs *ps = state;
	int r = tui_list_key(t, &ps->list, k);

	if (r == TUI_LIST_CHOOSE && ps->n > 0) {
		use_pack(t, ps);
		return TUI_HANDLED;
	}
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void
packs_free(void *state)
{
	struct packs *ps = state;

	free(ps->v);
	free(ps);
}

static const struct tui_keyhelp packs_keys[] = {
	{ "Enter", N_("Use this pack") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen packs_screen = {
	N_("Choose the office's pack"),
	N_("The policy packs the program has (yibao policy list): id, "
	    "benefit year and name; a pack that does not load says why.  "
	    "Enter (or the row's number) makes the chosen pack the office's, "
	    "after a question, as yibao policy use: an administrator's work, "
	    "recorded in the audit log with the pack's hash.  Payments and "
	    "claims saved before keep the pack they were made with."),
	packs_draw, packs_key, packs_free, packs_keys
};

static void
open_packs(struct tui *t, struct polview *v)
{
	struct packs *ps = calloc(1, sizeof *ps);
	struct ops_error err;

	if (ps == NULL)
		return;
	if (ops_policy_packs(&ps->v, &ps->n, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(ps);
		return;
	}
	ps->view = v;
	ps->list.n = ps->n;
	ps->list.numbered = 1;
	ps->list.row = pack_row;
	ps->list.ctx = ps;
	for (int i = 0; i < ps->n; i++)
		if (t->s.policy != NULL && strcmp(t->s.policy->id,
		    ps->v[i].id) == 0)
			ps->list.sel = i;
	if (tui_push(t, &packs_screen, ps) != 0)
		packs_free(ps);
}
