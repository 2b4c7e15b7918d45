/*
 * sync.c: the night sync on screen (yibao-sync(5)), an entry of data
 * exchange.  The screen shows what `yibao sync status` and `sync key`
 * say: the centre this office trusts, the files written, the changes
 * waiting for the next file, the centre's changes applied, and the
 * office's public key in groups of four to read out on the telephone.
 * F5 writes tonight's file (sync export) to a folder the clerk types (a
 * USB stick), F6 applies the centre's file (sync apply), both a
 * supervisor's; F7 enters the centre's code and key (trust-hub), an
 * administrator's.  The ops hold the write lock and offer no progress
 * hooks: a box says the work is under way until they return, whole or
 * not at all.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "ops/session.h"
#include "ops/sync.h"
#include "tui/claims.h"
#include "tui/internal.h"
#include "tui/admin.h"
#include "tui/screens.h"

#define PATH_LEN 1024

struct syncview {
	struct scr_page page;
	struct sync_status st;
	char result[3000];		/* the last outcome, in words */
	int result_error;
};

/* The folder typed last in this run: the USB stick stays where it was. */
static char last_folder[PATH_LEN] = ".";

/* A box saying the work is under way; the ops return whole or not at all. */
static void
working(struct tui *t, const char *title)
{
	int bw = tui_body_cols(t), bh = tui_body_rows(t);
	int w = bw < 60 ? bw : 60, y = (bh - 6) / 2, x = (bw - w) / 2;

	tui_draw_all(t);
	if (!TUI_TOO_SMALL(t)) {
		draw_box(t, y, x, 6, w, title);
		tui_wrap(t, y + 2, x + 2, w - 4, 2, TUI_A_NORMAL,
		    _("Working... the office is locked for writing until "
		    "this is done."));
	}
	tui_cursor(t, -1, -1);
	tui_flush(t);
}

/* ---- the status page -------------------------------------------------- */

static void
build(struct tui *t, struct syncview *v)
{
	struct scr_page *pg = &v->page;
	struct ops_error err;
	const char *pk;
	char groups[SCR_LINE_MAX];
	size_t len;

	scr_page_clear(pg);
	if (ops_sync_status(&t->s, &v->st, &err) != OPS_OK) {
		scr_page_add(pg, TUI_A_ERROR, "! %s", err.msg);
		return;
	}
	if (v->st.is_hub)
		scr_page_add(pg, TUI_A_BOLD, _("This database is the centre %s: "
		    "its files are made with yibao hub."), t->s.site);
	else {
		scr_page_add(pg, TUI_A_BOLD, _("Office %s; centre: %s."),
		    t->s.site, v->st.hub[0] ? v->st.hub : _("not set (F7)"));
		scr_page_add(pg, 0, "%s", "");
		scr_page_add(pg, 0, _("Files written:                    %"
		    PRId64), v->st.sent);
		scr_page_add(pg, 0, _("Changes waiting for the next file: %"
		    PRId64), v->st.pending);
		scr_page_add(pg, 0, _("The centre's changes applied:     up "
		    "to %" PRId64), v->st.hub_applied);
	}
	scr_page_add(pg, 0, "%s", "");
	pk = v->st.public_key;
	if (pk[0] == '\0') {
		scr_page_add(pg, TUI_A_ERROR, "! %s", _("This office has no key "
		    "pair: it was made before yibao init made keys."));
	} else {
		scr_page_add(pg, 0, "%s", _("This office's public key, to read "
		    "out to the centre (yibao hub add-site):"));
		/* 64 hex digits: two lines of eight groups of four. */
		for (size_t i = 0; pk[i] != '\0'; i += 32) {
			len = 0;
			for (size_t j = i; j < i + 32 && pk[j] != '\0'; j += 4)
				len += (size_t)snprintf(groups + len,
				    sizeof groups - len, "%.4s ", pk + j);
			scr_page_add(pg, TUI_A_BOLD, "    %s", groups);
		}
	}
}

static void
sync_draw(struct tui *t, void *state)
{
	struct syncview *v = state;
	int rows = tui_body_rows(t), h = v->page.n < rows ? v->page.n : rows;

	scr_page_draw(t, &v->page, 0, h);
	/* The last outcome under the status, wrapped: paths are long. */
	if (v->result[0] != '\0' && h + 1 < rows)
		tui_wrap(t, h + 1, 1, tui_body_cols(t) - 2, rows - h - 1,
		    v->result_error ? TUI_A_ERROR : TUI_A_BOLD, v->result);
	tui_cursor(t, -1, -1);
}

/* ---- the forms: write, apply, trust ---------------------------------- */

enum sync_form_kind { SF_EXPORT, SF_APPLY, SF_TRUST };
enum { X_FOLDER, X_NAME, X_COUNT };
enum { A_FILE, A_COUNT };
enum { T_CODE, T_KEY, T_COUNT };

struct syncform {
	enum sync_form_kind kind;
	struct tui_form *form;
	struct syncview *view;		/* the status page under this form */
};

static int
check_folder(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *dir = tui_form_get(f, idx);
	struct stat sb;

	(void)t;
	if (dir[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("the folder to write in, such as "
		    "the USB stick's (/media/usb)"));
		return -1;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		snprintf(msg, msgsz, _("there is no folder %s: is the USB "
		    "stick in?"), dir);
		return -1;
	}
	if (access(dir, W_OK) != 0) {
		snprintf(msg, msgsz, _("the folder %s cannot be written: %s"),
		    dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* The path of folder and name into buf. */
static void
export_path(struct tui_form *f, char *buf, size_t bufsz)
{
	char dir[PATH_LEN], name[PATH_LEN];
	size_t n;

	tui_form_get_buf(f, X_FOLDER, dir, sizeof dir);
	tui_form_get_buf(f, X_NAME, name, sizeof name);
	n = strlen(dir);
	snprintf(buf, bufsz, "%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" :
	    "/", name);
}

static int
check_name(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *name = tui_form_get(f, idx);
	char path[PATH_LEN * 2 + 2];

	(void)t;
	if (name[0] == '\0' || strchr(name, '/') != NULL ||
	    strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
		snprintf(msg, msgsz, "%s", _("a file name without /, such as "
		    "the one proposed"));
		return -1;
	}
	export_path(f, path, sizeof path);
	/* Never over a file not yet taken to the centre. */
	if (access(path, F_OK) == 0) {
		snprintf(msg, msgsz, _("%s exists already: choose another "
		    "name"), path);
		return -1;
	}
	return 0;
}

static int
check_in(struct tui *t, struct tui_form *f, int idx, char *msg, size_t msgsz)
{
	const char *path = tui_form_get(f, idx);
	struct stat sb;
	int dir = 0;

	(void)t;
	if (path[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("the centre's file, such as "
		    "/media/usb/HUB-A-3.syn"));
		return -1;
	}
	if (stat(path, &sb) != 0 || (dir = S_ISDIR(sb.st_mode)) ||
	    access(path, R_OK) != 0) {
		snprintf(msg, msgsz, _("cannot open %s: %s"), path,
		    dir ? _("it is a folder") :
		    strerror(errno));
		return -1;
	}
	return 0;
}

static int
check_code(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (tui_form_get(f, idx)[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("the centre's code, as yibao hub "
		    "init printed it"));
		return -1;
	}
	return 0;
}

static int
check_key(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *k = tui_form_get(f, idx);

	(void)t;
	if (strlen(k) != SYNCFILE_PK_HEX || strspn(k, "0123456789abcdefABCDEF")
	    != SYNCFILE_PK_HEX) {
		snprintf(msg, msgsz, _("64 hexadecimal digits (0-9, a-f); %zu "
		    "typed"), strlen(k));
		return -1;
	}
	return 0;
}

static const struct tui_form_field export_fields[X_COUNT] = {
	{ N_("Folder"), 44, 200, 0, check_folder,
	    N_("Where the file goes: the USB stick's folder, or another") },
	{ N_("File name"), 30, 100, 0, check_name,
	    N_("Office, date and file number; Enter writes the file") },
};

static const struct tui_form_field apply_fields[A_COUNT] = {
	{ N_("File"), 50, 200, 0, check_in,
	    N_("The centre's file for this office; Enter applies it") },
};

static const struct tui_form_field trust_fields[T_COUNT] = {
	{ N_("Centre's code"), 17, 16, 0, check_code,
	    N_("As yibao hub init printed it at the centre") },
	{ N_("Centre's key"), 50, 64, 0, check_key,
	    N_("64 hexadecimal digits, as yibao hub init printed them") },
};

static void
say(struct syncview *v, int error, const char *line0, const char *line1)
{
	snprintf(v->result, sizeof v->result, "%s%s%s", error ? "! " : "",
	    line0, line1 ? "  " : "");
	if (line1 != NULL)
		snprintf(v->result + strlen(v->result), sizeof v->result -
		    strlen(v->result), "%s", line1);
	v->result_error = error;
}

static void
do_export(struct tui *t, struct syncform *sf)
{
	struct sync_export_result r;
	struct ops_session as;
	struct ops_error err;
	char path[PATH_LEN * 2 + 2], line[PATH_LEN * 2 + 400];

	if (!tui_supervisor(t, _("Writing the night's file needs a "
	    "supervisor."), &as))
		return;
	export_path(sf->form, path, sizeof path);
	tui_form_get_buf(sf->form, X_FOLDER, last_folder, sizeof last_folder);
	working(t, _("Writing tonight's file"));
	ops_session_clock(&as);
	if (ops_sync_export(&as, path, 0, &r, &err) != OPS_OK) {
		say(sf->view, 1, err.msg, _("Nothing was written."));
		tui_error(t, "%s", err.msg);
		return;
	}
	snprintf(line, sizeof line, _("Wrote %s: file %" PRId64 " of office "
	    "%s, %ld changes, %zu bytes; it acknowledges the centre's changes "
	    "up to %" PRId64 "."), path, r.seq, t->s.site, r.changes, r.bytes,
	    r.base);
	say(sf->view, 0, line, _("Take it to the centre; keep it until the "
	    "centre's file comes back."));
	tui_status(t, _("Wrote %s."), path);
	build(t, sf->view);
	tui_pop(t);
}

static void
do_apply(struct tui *t, struct syncform *sf)
{
	struct sync_apply_result r;
	struct ops_session as;
	struct ops_error err;
	char path[PATH_LEN], line[PATH_LEN + 400];

	if (!tui_supervisor(t, _("Applying the centre's file needs a "
	    "supervisor."), &as))
		return;
	tui_form_get_buf(sf->form, A_FILE, path, sizeof path);
	working(t, _("Applying the centre's file"));
	ops_session_clock(&as);
	if (ops_sync_apply(&as, path, &r, &err) != OPS_OK) {
		say(sf->view, 1, err.msg, _("Nothing was applied."));
		tui_error(t, "%s", err.msg);
		return;
	}
	if (r.skipped)
		snprintf(line, sizeof line, _("%s was applied already (the "
		    "centre's changes up to %" PRId64 "): skipped, nothing "
		    "changed."), path, r.seq);
	else
		snprintf(line, sizeof line, _("Applied %s: the centre's changes "
		    "%" PRId64 " to %" PRId64 ", %ld rows; %ld of this office's "
		    "rows replaced by the centre's version, %ld not "
		    "applicable."), path, r.base + 1, r.seq, r.changes,
		    r.conflicts, r.omitted);
	say(sf->view, 0, line, NULL);
	tui_status(t, _("Applied %s."), path);
	build(t, sf->view);
	tui_dossier_changed();
	tui_claims_changed();
	tui_pop(t);
}

static void
do_trust(struct tui *t, struct syncform *sf)
{
	struct ops_error err;
	char code[64], key[SYNCFILE_PK_HEX + 8], line[SCR_LINE_MAX];

	tui_form_get_buf(sf->form, T_CODE, code, sizeof code);
	tui_form_get_buf(sf->form, T_KEY, key, sizeof key);
	for (char *c = key; *c != '\0'; c++)	/* read out, typed in either case */
		if (*c >= 'A' && *c <= 'F')
			*c = (char)(*c - 'A' + 'a');
	ops_session_clock(&t->s);
	if (ops_sync_trust_hub(&t->s, code, key, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	snprintf(line, sizeof line, _("This office now exchanges files with "
	    "the centre %s."), code);
	say(sf->view, 0, line, NULL);
	tui_status(t, "%s", line);
	build(t, sf->view);
	tui_pop(t);
}

static void
form_draw(struct tui *t, void *state)
{
	struct syncform *sf = state;
	static const char *const heads[] = {
		N_("Write tonight's file: the changes since the last one"),
		N_("Apply the centre's file: everyone else's changes"),
		N_("The centre this office sends its files to"),
	};

	tui_print(t, 1, 1, 0, TUI_A_BOLD, _(heads[sf->kind]));
	tui_form_draw(t, sf->form, 3, 1);
}

static int
form_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct syncform *sf = state;
	int r = tui_form_screen_key(t, sf->form, k);

	if (r != TUI_FORM_SAVE)
		return r;
	switch (sf->kind) {
	case SF_EXPORT:
		do_export(t, sf);
		break;
	case SF_APPLY:
		do_apply(t, sf);
		break;
	case SF_TRUST:
		do_trust(t, sf);
		break;
	}
	return TUI_HANDLED;
}

static void
form_free(void *state)
{
	struct syncform *sf = state;

	tui_form_free(sf->form);
	free(sf);
}

static const struct tui_keyhelp form_keys[] = {
	{ "F2", N_("Go") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen export_screen = {
	N_("Write tonight's file"),
	N_("Writes the changes this office made since its last file into one "
	    "signed file for the centre (yibao sync export).  Type the folder "
	    "of the USB stick (or another place); the file name proposed is "
	    "the office's code, the date and the file's number, and a file "
	    "that exists already is never written over.  A supervisor's "
	    "work: a clerk is asked for a supervisor's login.  The office is "
	    "locked for writing while the file is made; it is written whole "
	    "or not at all."),
	form_draw, form_key, form_free, form_keys
};

static const struct tui_screen apply_screen = {
	N_("Apply the centre's file"),
	N_("Applies the file the centre wrote for this office (yibao sync "
	    "apply): the other offices' changes.  The file is checked whole "
	    "first (its length, its SHA-256, the centre's signature, the "
	    "order of its numbers) and applied in one transaction or not at "
	    "all; a file applied before is skipped and said so.  A "
	    "supervisor's work.  The outcome says how many rows came, how "
	    "many of this office's rows the centre's version replaced (they "
	    "stay in the centre's quarantine list for review) and how many "
	    "did not apply."),
	form_draw, form_key, form_free, form_keys
};

static const struct tui_screen trust_screen = {
	N_("The centre"),
	N_("The centre's code and public key, as yibao hub init printed them "
	    "at the centre (yibao sync trust-hub).  Files from the centre "
	    "are only applied when signed with this key.  An "
	    "administrator's work."),
	form_draw, form_key, form_free, form_keys
};

static void
open_form(struct tui *t, struct syncview *v, enum sync_form_kind kind)
{
	struct syncform *sf = calloc(1, sizeof *sf);
	const struct tui_screen *scr;
	char name[PATH_LEN + 2], today[DATE_BUFSZ];
	const char *d;
	size_t j = 0;

	if (sf == NULL)
		return;
	sf->kind = kind;
	sf->view = v;
	switch (kind) {
	case SF_EXPORT:
		sf->form = tui_form_new(export_fields, X_COUNT, sf);
		scr = &export_screen;
		break;
	case SF_APPLY:
		sf->form = tui_form_new(apply_fields, A_COUNT, sf);
		scr = &apply_screen;
		break;
	default:
		sf->form = tui_form_new(trust_fields, T_COUNT, sf);
		scr = &trust_screen;
		break;
	}
	if (sf->form == NULL) {
		free(sf);
		return;
	}
	sf->form->label_cols = SCR_LABEL_COLS;
	if (kind == SF_EXPORT) {
		/* A-20210601-3.syn: office, business day, file number. */
		d = date_format(t->s.today, today);
		for (size_t i = 0; d[i] != '\0' && j < sizeof today - 1; i++)
			if (d[i] != '-')
				today[j++] = d[i];
		today[j] = '\0';
		snprintf(name, sizeof name, "%s-%s-%" PRId64 ".syn", t->s.site,
		    today, v->st.sent + 1);
		tui_form_set(sf->form, X_FOLDER, last_folder);
		tui_form_set(sf->form, X_NAME, name);
	} else if (kind == SF_APPLY) {
		snprintf(name, sizeof name, "%s%s", last_folder,
		    last_folder[strlen(last_folder) - 1] == '/' ? "" : "/");
		tui_form_set(sf->form, A_FILE, name);
	}
	if (tui_push(t, scr, sf) != 0)
		form_free(sf);
}

/* ---- the screen ------------------------------------------------------- */

static int
sync_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct syncview *v = state;

	switch (k->code) {
	case TUI_KEY_F(5):
		open_form(t, v, SF_EXPORT);
		return TUI_HANDLED;
	case TUI_KEY_F(6):
		open_form(t, v, SF_APPLY);
		return TUI_HANDLED;
	case TUI_KEY_F(7):
		if (t->s.role < ROLE_ADMIN) {
			tui_error(t, _("Only an administrator enters the "
			    "centre's key; %s is a %s."), t->s.login,
			    role_label(t->s.role));
			return TUI_HANDLED;
		}
		open_form(t, v, SF_TRUST);
		return TUI_HANDLED;
	case TUI_KEY_F(4):
		scr_page_print(t, &v->page, _("The sync status"));
		return TUI_HANDLED;
	default:
		return scr_page_key(&v->page, tui_body_rows(t), k);
	}
}

static void
sync_free(void *state)
{
	struct syncview *v = state;

	scr_page_free(&v->page);
	free(v);
}

static const struct tui_keyhelp sync_keys[] = {
	{ "F5", N_("Write file") },
	{ "F6", N_("Apply file") },
	{ "F7", N_("Centre") },
	{ "F4", N_("Print") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen sync_screen = {
	N_("Night sync"),
	N_("The office's side of the night sync, as yibao sync status and "
	    "sync key say: the centre it sends its files to, the files "
	    "written so far, the changes waiting for the next file (each "
	    "clerk action is one), and up to which number the centre's "
	    "changes are applied.  The public key is what the centre needs "
	    "to know this office (yibao hub add-site): read it out in its "
	    "groups of four.  F5 writes tonight's file (a supervisor's "
	    "work), F6 applies the file the centre sent back (a "
	    "supervisor's work), F7 enters the centre's code and key (an "
	    "administrator's work), F4 prints this page."),
	sync_draw, sync_key, sync_free, sync_keys
};

void
tui_open_sync(struct tui *t)
{
	struct syncview *v = calloc(1, sizeof *v);

	if (v == NULL)
		return;
	build(t, v);
	if (tui_push(t, &sync_screen, v) != 0)
		sync_free(v);
}
