/*
 * operators.c: the office's operators on screen, an administrator's work
 * (as yibao operator list | add | passwd | disable, through the same
 * ops): the list with roles and state, F5 adds one (login, name, role,
 * the first password typed twice), F6 sets the selected one's password,
 * F8 disables the selected one after a question.  A clerk or supervisor
 * who opens it is told it is an administrator's, and sees nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/office.h"
#include "ops/operator.h"
#include "ops/session.h"
#include "tui/admin.h"
#include "tui/screens.h"

struct oplist {
	struct operator_info *v;
	int n;
	struct tui_list list;
};

static void
row(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	struct oplist *o = ctx;
	const struct operator_info *p = &o->v[i];
	char day[11];

	(void)t;
	snprintf(day, sizeof day, "%.10s", p->created_at);
	buf[0] = '\0';
	scr_cell(buf, bufsz, p->login, 12, 0);
	scr_cell(buf, bufsz, p->display_name, 16, 0);
	scr_cell(buf, bufsz, role_label(p->role), 10, 0);
	scr_cell(buf, bufsz, p->active ? _("active") : _("disabled"), 10, 0);
	scr_cell(buf, bufsz, day, 10, 0);
}

/* Read the list again; -1 and the reason on the message line. */
static int
reload(struct tui *t, struct oplist *o)
{
	struct operator_info *v;
	struct ops_error err;
	int n;

	if (ops_operator_list(&t->s, &v, &n, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return -1;
	}
	free(o->v);
	o->v = v;
	o->n = n;
	o->list.n = n;
	if (o->list.sel >= n)
		o->list.sel = n > 0 ? n - 1 : 0;
	return 0;
}

static void
list_draw(struct tui *t, void *state)
{
	struct oplist *o = state;
	char head[256] = "";

	scr_cell(head, sizeof head, _("Login"), 12, 0);
	scr_cell(head, sizeof head, _("Name"), 16, 0);
	scr_cell(head, sizeof head, _("Role"), 10, 0);
	scr_cell(head, sizeof head, _("State"), 10, 0);
	scr_cell(head, sizeof head, _("Created"), 10, 0);
	tui_print(t, 0, 3, 0, TUI_A_BOLD, head);
	tui_list_draw(t, &o->list, 1, 1, tui_body_rows(t) - 1,
	    tui_body_cols(t) - 2);
}

/* ---- add, password ---------------------------------------------------- */

enum { AD_LOGIN, AD_NAME, AD_ROLE, AD_PW, AD_AGAIN, AD_COUNT };
enum { PW_NEW, PW_AGAIN, PW_COUNT };

struct opform {
	struct tui_form *form;
	struct oplist *list;		/* the list under this form */
	char login[33];			/* passwd: whose */
	int add;
};

static const char *const role_codes[] = { "clerk", "supervisor", "admin" };

static int
check_login(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (!operator_login_valid(tui_form_get(f, idx))) {
		snprintf(msg, msgsz, "%s", _("1 to 32 lower-case letters, "
		    "digits, '.', '_' or '-', starting with a letter"));
		return -1;
	}
	return 0;
}

static int
check_role(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *s = tui_form_get(f, idx);

	(void)t;
	if (strlen(s) != 1 || s[0] < '1' || s[0] > '3') {
		snprintf(msg, msgsz, "%s", _("1 clerk, 2 supervisor or 3 "
		    "administrator"));
		return -1;
	}
	return 0;
}

static int
check_pw(struct tui *t, struct tui_form *f, int idx, char *msg, size_t msgsz)
{
	(void)t;
	if (f->field[idx].len > 0)
		return 0;
	snprintf(msg, msgsz, "%s", _("type the new password"));
	return -1;
}

static int
check_again(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	char a[FIELD_MAX * 4 + 1], b[FIELD_MAX * 4 + 1];
	int same;

	(void)t;
	tui_form_get_buf(f, idx - 1, a, sizeof a);
	tui_form_get_buf(f, idx, b, sizeof b);
	same = strcmp(a, b) == 0;
	explicit_bzero(a, sizeof a);
	explicit_bzero(b, sizeof b);
	if (same)
		return 0;
	snprintf(msg, msgsz, "%s", _("not the same as the new password"));
	return -1;
}

static const struct tui_form_field add_fields[AD_COUNT] = {
	{ N_("Login"), 20, 32, 0, check_login,
	    N_("What they type to log in: lower-case letters and digits") },
	{ N_("Name"), 24, 32, 0, NULL,
	    N_("The name shown on screens and receipts; empty: the login") },
	{ N_("Role"), 3, 1, TUI_FIELD_DIGITS, check_role,
	    N_("1 clerk  2 supervisor  3 administrator") },
	{ N_("Password"), 24, 64, TUI_FIELD_SECRET, check_pw,
	    N_("The first password; they change it with Other, 2") },
	{ N_("Password again"), 24, 64, TUI_FIELD_SECRET, check_again,
	    N_("The same again; Enter adds the operator") },
};

static const struct tui_form_field pw_fields[PW_COUNT] = {
	{ N_("New password"), 24, 64, TUI_FIELD_SECRET, check_pw, NULL },
	{ N_("New password again"), 24, 64, TUI_FIELD_SECRET, check_again,
	    NULL },
};

static void
form_draw(struct tui *t, void *state)
{
	struct opform *of = state;

	if (of->add) {
		tui_print(t, 1, 1, 0, TUI_A_BOLD, _("A new operator of this "
		    "office"));
		tui_wrap(t, 3 + AD_COUNT + 1, 3, tui_body_cols(t) - 6, 4,
		    TUI_A_DIM, _("A clerk registers and takes payments; a supervisor also "
		    "reverses and writes the night's file; an administrator "
		    "also manages operators and the policy pack."));
	} else
		tui_printf(t, 1, 1, 0, TUI_A_BOLD, _("A new password for %s"),
		    of->login);
	tui_form_draw(t, of->form, 3, 1);
}

static void
save(struct tui *t, struct opform *of)
{
	char login[64], name[FIELD_MAX * 4 + 1], pw[FIELD_MAX * 4 + 1];
	const char *role = NULL;
	struct ops_error err;
	enum ops_status st;

	ops_session_clock(&t->s);
	if (of->add) {
		tui_form_get_buf(of->form, AD_LOGIN, login, sizeof login);
		tui_form_get_buf(of->form, AD_NAME, name, sizeof name);
		tui_form_get_buf(of->form, AD_PW, pw, sizeof pw);
		role = role_codes[tui_form_get(of->form, AD_ROLE)[0] - '1'];
		st = ops_operator_add(&t->s, login, name, role, pw, &err);
	} else {
		snprintf(login, sizeof login, "%s", of->login);
		tui_form_get_buf(of->form, PW_NEW, pw, sizeof pw);
		st = ops_operator_passwd(&t->s, login, NULL, pw, &err);
	}
	explicit_bzero(pw, sizeof pw);
	if (st != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	if (of->add)
		tui_status(t, _("Added the operator %s (%s) with the role %s."),
		    login, name[0] ? name : login,
		    role_label(role_from_code(role)));
	else
		tui_status(t, _("The password of %s is changed."), login);
	reload(t, of->list);
	tui_pop(t);
}

static int
form_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct opform *of = state;
	int r = tui_form_screen_key(t, of->form, k);

	if (r == TUI_FORM_SAVE) {
		save(t, of);
		return TUI_HANDLED;
	}
	return r;
}

static void
form_free(void *state)
{
	struct opform *of = state;

	tui_form_free(of->form);
	free(of);
}

static const struct tui_keyhelp form_keys[] = {
	{ "F2", N_("Save") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen add_screen = {
	N_("Add an operator"),
	N_("A new operator of this office, as yibao operator add: the login "
	    "they type, the name screens and receipts show, the role (a "
	    "clerk, a supervisor, an administrator) and a first password "
	    "typed twice, which they change themselves afterwards.  Enter on "
	    "the last field or F2 adds them.  The audit log records who "
	    "added whom."),
	form_draw, form_key, form_free, form_keys
};

static const struct tui_screen pw_screen = {
	N_("Set a password"),
	N_("A new password for another operator (one who forgot theirs), as "
	    "yibao operator passwd: typed twice; their old password is not "
	    "needed.  Tell it to them and ask them to change it (Other, "
	    "Change my password)."),
	form_draw, form_key, form_free, form_keys
};

static void
open_form(struct tui *t, struct oplist *o, int add)
{
	struct opform *of = calloc(1, sizeof *of);

	if (of == NULL)
		return;
	of->add = add;
	of->list = o;
	if (!add)
		snprintf(of->login, sizeof of->login, "%s",
		    o->v[o->list.sel].login);
	of->form = add ? tui_form_new(add_fields, AD_COUNT, of) :
	    tui_form_new(pw_fields, PW_COUNT, of);
	if (of->form == NULL) {
		free(of);
		return;
	}
	of->form->label_cols = SCR_LABEL_COLS;
	if (add)
		tui_form_set(of->form, AD_ROLE, "1");
	if (tui_push(t, add ? &add_screen : &pw_screen, of) != 0)
		form_free(of);
}

static void
disable(struct tui *t, struct oplist *o)
{
	const struct operator_info *p = &o->v[o->list.sel];
	struct ops_error err;
	char q[512], login[33];

	if (!p->active) {
		tui_error(t, _("%s is disabled already."), p->login);
		return;
	}
	snprintf(login, sizeof login, "%s", p->login);
	snprintf(q, sizeof q, _("Disable %s (%s)?  They can no longer log in; "
	    "their payments and audit lines stay."), p->login,
	    p->display_name);
	if (!tui_confirm(t, q, 0))
		return;
	ops_session_clock(&t->s);
	if (ops_operator_disable(&t->s, login, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_status(t, _("The operator %s is disabled and can no longer log "
	    "in."), login);
	reload(t, o);
}

static int
list_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct oplist *o = state;

	switch (k->code) {
	case TUI_KEY_F(5):
		open_form(t, o, 1);
		return TUI_HANDLED;
	case TUI_KEY_F(6):
		if (o->n > 0)
			open_form(t, o, 0);
		return TUI_HANDLED;
	case TUI_KEY_F(8):
		if (o->n > 0)
			disable(t, o);
		return TUI_HANDLED;
	default:
		return tui_list_key(t, &o->list, k) == TUI_UNHANDLED ?
		    TUI_UNHANDLED : TUI_HANDLED;
	}
}

static void
list_free(void *state)
{
	struct oplist *o = state;

	free(o->v);
	free(o);
}

static const struct tui_keyhelp list_keys[] = {
	{ "F5", N_("Add") },
	{ "F6", N_("Password") },
	{ "F8", N_("Disable") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen list_screen = {
	N_("Operators"),
	N_("The office's operators, as yibao operator list: login, name, "
	    "role and whether they may log in.  An administrator's screen.  "
	    "F5 adds an operator, F6 sets the selected operator's password "
	    "(for one who forgot it), F8 disables the selected operator: "
	    "they can no longer log in, but stay in the list, since the "
	    "audit log and the receipts name them.  Nobody can disable "
	    "themselves or the last administrator."),
	list_draw, list_key, list_free, list_keys
};

void
tui_open_operators(struct tui *t)
{
	struct oplist *o = calloc(1, sizeof *o);

	if (o == NULL)
		return;
	o->list.row = row;
	o->list.ctx = o;
	/* The op says who may: a clerk sees its refusal, and no list. */
	if (reload(t, o) != 0) {
		list_free(o);
		return;
	}
	if (tui_push(t, &list_screen, o) != 0)
		list_free(o);
}
