/*
 * claimslip.c: a saved claim's slip on screen, exactly as it prints: the
 * text `yibao claim slip` makes (io/slip: the figures of RULES.md 5.5, each
 * with its parameter, the notes, the pack; the ID number masked).  F4
 * sends it to the printer and F5 writes it to a file, both in the office
 * printer's encoding (GB18030, as the command line does for a file or a
 * printer), so the bytes are the command's bytes.  F8 reverses the claim
 * with a reason; a clerk needs a supervisor's password.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "io/encode.h"
#include "io/slip.h"
#include "ops/claim.h"
#include "tui/claims.h"
#include "tui/screens.h"

enum { MODE_PAGE, MODE_REASON, MODE_FILE };

struct slip_scr {
	int mode;
	char key[40];
	char *text;			/* the slip, UTF-8 */
	int reversal;			/* this claim reverses another */
	int reversed;			/* a later claim reversed this one */
	struct scr_page page;
	struct tui_form *reason;
	struct tui_form *file;
};

static const struct tui_form_field reason_fields[] = {
	{ N_("Reason"), 40, 60, 0, NULL,
	    N_("Why the claim is reversed, e.g. the wrong person; Enter "
	    "reverses") },
};

static const struct tui_form_field file_fields[] = {
	{ N_("File"), 50, 120, 0, NULL,
	    N_("Where to write the slip (GB18030); Enter writes it") },
};

void
claims_page_text(struct scr_page *p, const char *text)
{
	const char *s = text, *nl;

	while (*s != '\0') {
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		scr_page_add(p, 0, "%.*s", (int)(nl - s), s);
		s = *nl == '\n' ? nl + 1 : nl;
	}
}

int
claims_deliver(struct tui *t, const char *text, const char *path,
    const char *what)
{
	const char *cmd = getenv("YIBAO_PRINT_COMMAND");
	struct encode_error e;
	char *data, msg[256];
	size_t len;
	int status, rc = 0;

	if (encode_to(CLAIMS_PRINTER_ENCODING, text, strlen(text), &data,
	    &len, &e) != 0) {
		tui_error(t, _("%s was not written: %s"), what,
		    encode_strerror(&e, msg, sizeof msg));
		return -1;
	}
	if (path != NULL) {
		if (slip_write_file(path, data, len) != 0) {
			tui_error(t, _("%s was not written to %s: %s"), what,
			    path, strerror(errno));
			rc = -1;
		} else
			tui_status(t, _("%s written to %s (%s)."), what, path,
			    CLAIMS_PRINTER_ENCODING);
		free(data);
		return rc;
	}
	if (cmd == NULL || *cmd == '\0')
		cmd = "lp";
	if (slip_print(cmd, data, len, &status) == 0)
		tui_status(t, _("%s sent to the printer (%s)."), what, cmd);
	else {
		tui_error(t, _("%s was not printed: the print command \"%s\" "
		    "failed (status %d); check the printer, or set "
		    "YIBAO_PRINT_COMMAND"), what, cmd, status);
		rc = -1;
	}
	free(data);
	return rc;
}

/* Load the claim and render its slip again: 0, or -1 with the message. */
static int
load(struct tui *t, struct slip_scr *s)
{
	struct claim_view *v = calloc(1, sizeof *v);
	struct policy *pol = NULL;
	struct ops_error err;

	if (v == NULL)
		return -1;
	if (ops_claim_view(&t->s, s->key, v, &pol, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(v);
		return -1;
	}
	free(s->text);
	/* The slip leaves the office: the ID number is masked (issue 5). */
	s->text = slip_render(v, pol, 1);
	s->reversal = v->reverses[0] != '\0';
	s->reversed = v->reversed_by[0] != '\0';
	free(pol);
	free(v);
	if (s->text == NULL) {
		tui_error(t, "%s", _("out of memory"));
		return -1;
	}
	scr_page_clear(&s->page);
	claims_page_text(&s->page, s->text);
	return 0;
}

static void
reverse(struct tui *t, struct slip_scr *s)
{
	struct ops_session as;
	struct ops_error err;
	char reason[256], key[40];

	tui_form_get_buf(s->reason, 0, reason, sizeof reason);
	if (reason[0] == '\0') {
		tui_error(t, "%s", _("type the reason"));
		return;
	}
	if (!tui_supervisor(t, _("Reversing a claim needs a supervisor."),
	    &as)) {
		s->mode = MODE_PAGE;
		return;
	}
	s->mode = MODE_PAGE;
	if (ops_claim_reverse(&as, s->key, reason, key, sizeof key, &err) !=
	    OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_dossier_changed();
	tui_claims_changed();
	if (load(t, s) == 0)
		tui_status(t, _("Claim %s reversed by %s."), s->key, key);
}

static void
slip_draw(struct tui *t, void *state)
{
	struct slip_scr *s = state;
	int rows = tui_body_rows(t);

	switch (s->mode) {
	case MODE_REASON:
		/* The slip steps aside: the supervisor's dialog comes over
		 * this, and no wide character is cut in two under its edge. */
		tui_printf(t, 1, 1, 0, TUI_A_BOLD, _("Reverse claim %s"),
		    s->key);
		tui_form_draw(t, s->reason, 3, 1);
		return;
	case MODE_FILE:
		scr_page_draw(t, &s->page, 0, rows - 2);
		tui_print(t, rows - 2, 0, 0, 0, "");
		tui_form_draw(t, s->file, rows - 1, 0);
		return;
	default:
		scr_page_draw(t, &s->page, 0, rows);
		tui_cursor(t, -1, -1);
	}
}

static int
form_mode_key(struct tui *t, struct slip_scr *s, const struct tui_key *k)
{
	struct tui_form *f = s->mode == MODE_REASON ? s->reason : s->file;
	char path[512];
	int r = tui_form_key(t, f, k);

	if (r == TUI_FORM_SAVE && s->mode == MODE_REASON)
		reverse(t, s);
	else if (r == TUI_FORM_SAVE) {
		tui_form_get_buf(f, 0, path, sizeof path);
		if (path[0] == '\0')
			tui_error(t, "%s", _("type the file's name"));
		else if (claims_deliver(t, s->text, path, _("The slip")) == 0)
			s->mode = MODE_PAGE;
	} else if (r == TUI_FORM_CANCEL || (r == TUI_UNHANDLED &&
	    k->code == TUI_KEY_ESC))
		s->mode = MODE_PAGE;
	return r == TUI_UNHANDLED && k->code != TUI_KEY_ESC ? TUI_UNHANDLED :
	    TUI_HANDLED;
}

static int
slip_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct slip_scr *s = state;
	char name[64];

	if (s->mode != MODE_PAGE)
		return form_mode_key(t, s, k);
	switch (k->code) {
	case TUI_KEY_F(4):
		claims_deliver(t, s->text, NULL, _("The slip"));
		return TUI_HANDLED;
	case TUI_KEY_F(5):
		snprintf(name, sizeof name, "%s.txt", s->key);
		tui_form_set(s->file, 0, name);
		s->file->dirty = 0;
		s->mode = MODE_FILE;
		return TUI_HANDLED;
	case TUI_KEY_F(8):
		if (s->reversal)
			tui_error(t, "%s", _("this is a reversal: it cannot be "
			    "reversed"));
		else if (s->reversed)
			tui_error(t, "%s", _("this claim is reversed already"));
		else {
			tui_form_set(s->reason, 0, "");
			s->reason->dirty = 0;
			s->mode = MODE_REASON;
		}
		return TUI_HANDLED;
	default:
		return scr_page_key(&s->page, tui_body_rows(t), k);
	}
}

static void
slip_free(void *state)
{
	struct slip_scr *s = state;

	tui_form_free(s->reason);
	tui_form_free(s->file);
	scr_page_free(&s->page);
	free(s->text);
	free(s);
}

static const struct tui_keyhelp slip_keys[] = {
	{ "F4", N_("Print") },
	{ "F5", N_("To a file") },
	{ "F8", N_("Reverse") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen slip_screen = {
	N_("Settlement slip"),
	N_("The saved claim's slip as it prints: every figure with the "
	    "pack's parameter, file and line behind it, the notes and the "
	    "pack; the ID number masked.  F4 prints it (YIBAO_PRINT_COMMAND, "
	    "else lp), F5 writes it to a file, both in GB18030, the bytes "
	    "of yibao claim slip.  F8 reverses the claim with a reason (a "
	    "supervisor's password)."),
	slip_draw, slip_key, slip_free, slip_keys
};

void
tui_open_claim_slip(struct tui *t, const char *key)
{
	struct slip_scr *s = calloc(1, sizeof *s);

	if (s == NULL || (s->reason = tui_form_new(reason_fields, 1, s)) ==
	    NULL || (s->file = tui_form_new(file_fields, 1, s)) == NULL) {
		if (s != NULL)
			tui_form_free(s->reason);
		free(s);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	snprintf(s->key, sizeof s->key, "%s", key);
	if (load(t, s) != 0) {
		slip_free(s);
		return;
	}
	tui_push(t, &slip_screen, s);
}
