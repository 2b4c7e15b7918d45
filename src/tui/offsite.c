/*
 * offsite.c: off-site medical registrations (异地就医备案, ops/offsite.h).
 * A resident's registrations in a list, each with its kind, scope,
 * destination, days and status; F5 files a new one (the kind first, by
 * number, then a form with the fields that kind needs), F8 revokes the
 * chosen one with a reason, F6 records a migrant worker's documents.  A
 * second screen lists the migrant workers whose documents are overdue.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ops/offsite.h"
#include "tui/claims.h"
#include "tui/screens.h"

enum { MODE_ASK, MODE_LIST, MODE_KIND, MODE_FILE, MODE_REVOKE,
    MODE_RECEIVE };

/* The fields of a filing, in the order of the forms. */
enum { O_SCOPE, O_CODE, O_NAME, O_FROM, O_TO, O_EXTRA };

struct offsite {
	int mode;
	struct tui_form *ask;
	struct tui_form *file;		/* MODE_FILE: the chosen kind's form */
	struct tui_form *reason;
	struct tui_form *received;
	int kind;			/* index in kinds[] */
	char id[19];
	char name[128];
	struct offsite_rows rows;
	struct tui_list list;
	struct tui_list kinds;
};

static const char *const kind_codes[] = {
	"long_term", "migrant_work", "referral", "emergency"
};
static const char *const scope_codes[] = { "county", "city", "province" };

/* ---- checks ----------------------------------------------------------- */

static int
check_scope(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *s = tui_form_get(f, idx);

	(void)t;
	if (strlen(s) == 1 && s[0] >= '1' && s[0] <= '3')
		return 0;
	snprintf(msg, msgsz, _("type a number from 1 to %d"), 3);
	return -1;
}

static int
check_code(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (offsite_dest_code_valid(tui_form_get(f, idx)))
		return 0;
	snprintf(msg, msgsz, "%s", _("2, 4 or 6 digits of a GB/T 2260 code, "
	    "e.g. 440300"));
	return -1;
}

static int
check_text(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (tui_form_get(f, idx)[0] != '\0')
		return 0;
	snprintf(msg, msgsz, "%s", _("this cannot be empty"));
	return -1;
}

static int
check_date(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct date d;
	enum date_err e;

	(void)t;
	if ((e = date_parse(tui_form_get(f, idx), &d)) == DATE_OK)
		return 0;
	snprintf(msg, msgsz, "%s", date_strerror(e));
	return -1;
}

static int
check_level(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *s = tui_form_get(f, idx);

	(void)t;
	if (s[0] == '\0' || (strlen(s) == 1 && s[0] >= '1' && s[0] <= '3'))
		return 0;
	snprintf(msg, msgsz, "%s", _("1, 2 or 3, or empty when not known"));
	return -1;
}

/* ---- the forms of each kind ------------------------------------------- */

#define COMMON_FIELDS \
	{ N_("Scope"), 2, 1, TUI_FIELD_DIGITS, check_scope, \
	    N_("1 another county  2 another city  3 another province") }, \
	{ N_("Destination code"), 7, 6, TUI_FIELD_DIGITS, check_code, \
	    N_("GB/T 2260 code of the destination: 2, 4 or 6 digits") }, \
	{ N_("Destination"), 30, 60, 0, check_text, \
	    N_("The destination's name, e.g. 广东省深圳市") }, \
	{ N_("Valid from"), 11, 10, TUI_FIELD_DATE, check_date, \
	    N_("The first day: YYYY-MM-DD") }, \
	{ N_("Valid to"), 11, 10, TUI_FIELD_DATE, check_date, \
	    N_("The last day: YYYY-MM-DD") }

static const struct tui_form_field long_term_fields[] = {
	COMMON_FIELDS,
};
static const struct tui_form_field migrant_fields[] = {
	COMMON_FIELDS,
	{ N_("Documents due"), 11, 10, TUI_FIELD_DATE, check_date,
	    N_("The day the employer's documents must come by; Enter "
	    "files") },
};
static const struct tui_form_field referral_fields[] = {
	COMMON_FIELDS,
	{ N_("Hospital"), 30, 60, 0, check_text,
	    N_("The receiving hospital") },
	{ N_("Diagnosis"), 30, 60, 0, check_text, N_("The diagnosis") },
	{ N_("Reason"), 30, 60, 0, check_text,
	    N_("Why the patient is referred") },
	{ N_("Sent from level"), 2, 1, TUI_FIELD_DIGITS, check_level,
	    N_("The sending hospital's level 1-3, or empty; Enter files") },
};
static const struct tui_form_field emergency_fields[] = {
	COMMON_FIELDS,
};

static const struct {
	const struct tui_form_field *def;
	int n;
} kind_forms[] = {
	{ long_term_fields, 5 },
	{ migrant_fields, 6 },
	{ referral_fields, 9 },
	{ emergency_fields, 5 },
};

static const struct tui_form_field ask_fields[] = {
	{ N_("ID number"), 20, 18, TUI_FIELD_IDCARD, NULL,
	    N_("Whose registrations; Enter lists them") },
};
static const struct tui_form_field reason_fields[] = {
	{ N_("Reason"), 40, 60, 0, check_text,
	    N_("Why the registration is revoked; Enter revokes it") },
};
static const struct tui_form_field received_fields[] = {
	{ N_("Received on"), 11, 10, TUI_FIELD_DATE, check_date,
	    N_("The day the documents came: YYYY-MM-DD; Enter records it") },
};

/* ---- the list --------------------------------------------------------- */

static int
load(struct tui *t, struct offsite *o, const char *id)
{
	struct offsite_rows rows = { 0 };
	struct ops_error err;
	char full[19];

	if (ops_offsite_list(&t->s, id, 1, full, &rows, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		offsite_rows_free(&rows);
		return -1;
	}
	offsite_rows_free(&o->rows);
	o->rows = rows;
	snprintf(o->id, sizeof o->id, "%s", full);
	o->list.n = rows.n;
	if (o->list.sel >= rows.n)
		o->list.sel = rows.n > 0 ? rows.n - 1 : 0;
	o->mode = MODE_LIST;
	return 0;
}

static void
reg_row(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	const struct db_offsite *r = &((struct offsite *)ctx)->rows.r[i];
	char days[32], due[64] = "";

	snprintf(days, sizeof days, "%s~%s", r->valid_from, r->valid_to);
	if (strcmp(r->kind, "migrant_work") == 0)
		snprintf(due, sizeof due, r->documents_received[0] ?
		    _("documents in %s") : _("documents due %s"),
		    r->documents_received[0] ? r->documents_received :
		    r->documents_due);
	buf[0] = '\0';
	scr_cell(buf, bufsz, r->key + (strlen(r->key) > 9 ?
	    strlen(r->key) - 9 : 0), 9, 0);
	scr_cell(buf, bufsz, offsite_kind_label(r->kind), 10, 0);
	scr_cell(buf, bufsz, offsite_scope_label(r->scope), 8, 0);
	scr_cell(buf, bufsz, r->dest_name, 14, 0);
	scr_cell(buf, bufsz, days, 21, 0);
	scr_cell(buf, bufsz, offsite_status_label(offsite_status(r,
	    t->s.today)), 6, 0);
	scr_cell(buf, bufsz, due, 30, 0);
}

static void
kind_row(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	(void)t;
	(void)ctx;
	snprintf(buf, bufsz, "%s", offsite_kind_label(kind_codes[i]));
}

/* The chosen registration, or NULL with a message. */
static const struct db_offsite *
chosen(struct tui *t, struct offsite *o)
{
	if (o->rows.n == 0) {
		tui_error(t, "%s", _("no registration to choose"));
		return NULL;
	}
	return &o->rows.r[o->list.sel];
}

/* ---- acts ------------------------------------------------------------- */

static void
start_filing(struct tui *t, struct offsite *o, int kind)
{
	char today[DATE_BUFSZ];

	tui_form_free(o->file);
	o->file = tui_form_new(kind_forms[kind].def, kind_forms[kind].n, o);
	if (o->file == NULL) {
		tui_error(t, "%s", _("out of memory"));
		o->mode = MODE_LIST;
		return;
	}
	o->file->label_cols = SCR_LABEL_COLS;
	o->kind = kind;
	date_format(t->s.today, today);
	tui_form_set(o->file, O_FROM, today);
	if (kind == 3)		/* reported after discharge: ask the days */
		tui_form_set(o->file, O_FROM, "");
	o->mode = MODE_FILE;
}

static void
file(struct tui *t, struct offsite *o)
{
	struct offsite_input in;
	struct ops_error err;
	char b[9][256], key[40];
	int n = o->file->n;

	for (int i = 0; i < n; i++)
		tui_form_get_buf(o->file, i, b[i], sizeof b[i]);
	memset(&in, 0, sizeof in);
	in.id = o->id;
	in.kind = kind_codes[o->kind];
	in.scope = scope_codes[b[O_SCOPE][0] - '1'];
	in.dest_code = b[O_CODE];
	in.dest_name = b[O_NAME];
	in.from = b[O_FROM];
	in.to = b[O_TO];
	if (o->kind == 1)
		in.documents_due = b[O_EXTRA];
	if (o->kind == 2) {
		in.hospital = b[O_EXTRA];
		in.diagnosis = b[O_EXTRA + 1];
		in.reason = b[O_EXTRA + 2];
		in.from_level = b[O_EXTRA + 3][0] ? b[O_EXTRA + 3] : NULL;
	}
	if (ops_offsite_file(&t->s, &in, key, sizeof key, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	load(t, o, o->id);
	for (int i = 0; i < o->rows.n; i++)
		if (strcmp(o->rows.r[i].key, key) == 0)
			o->list.sel = i;
	tui_status(t, _("Filed %s: %s."), key,
	    offsite_kind_label(kind_codes[o->kind]));
}

static void
revoke(struct tui *t, struct offsite *o)
{
	const struct db_offsite *r = chosen(t, o);
	struct ops_error err;
	char reason[256], key[40];

	if (r == NULL)
		return;
	snprintf(key, sizeof key, "%s", r->key);
	tui_form_get_buf(o->reason, 0, reason, sizeof reason);
	if (ops_offsite_revoke(&t->s, key, reason, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		o->mode = MODE_LIST;
		return;
	}
	load(t, o, o->id);
	tui_status(t, _("Revoked %s."), key);
}

static void
receive(struct tui *t, struct offsite *o)
{
	const struct db_offsite *r = chosen(t, o);
	struct ops_error err;
	char date[16], key[40];

	if (r == NULL)
		return;
	snprintf(key, sizeof key, "%s", r->key);
	tui_form_get_buf(o->received, 0, date, sizeof date);
	if (ops_offsite_receive(&t->s, key, date, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		o->mode = MODE_LIST;
		return;
	}
	load(t, o, o->id);
	tui_status(t, _("Documents of %s recorded."), key);
}

/* ---- the screen ------------------------------------------------------- */

static void
list_head(struct tui *t, struct offsite *o)
{
	char head[SCR_LINE_MAX] = "  ", idb[19];

	tui_printf(t, 0, 1, 0, TUI_A_BOLD, _("Off-site registrations of %s  "
	    "%s"), o->rows.n > 0 && o->rows.r[0].name[0] ? o->rows.r[0].name :
	    "", tui_shown_id(t, o->id, idb));
	scr_cell(head, sizeof head, _("Number"), 9, 0);
	scr_cell(head, sizeof head, _("Kind"), 10, 0);
	scr_cell(head, sizeof head, _("Scope"), 8, 0);
	scr_cell(head, sizeof head, _("Destination"), 14, 0);
	scr_cell(head, sizeof head, _("Days"), 21, 0);
	scr_cell(head, sizeof head, _("Status"), 6, 0);
	tui_print(t, 1, 0, 0, TUI_A_BOLD, head);
}

static void
offsite_draw(struct tui *t, void *state)
{
	struct offsite *o = state;
	int rows = tui_body_rows(t), cols = tui_body_cols(t);
	const struct db_offsite *r;

	switch (o->mode) {
	case MODE_ASK:
		tui_print(t, 1, 1, 0, TUI_A_BOLD, _("Whose registrations?"));
		tui_form_draw(t, o->ask, 3, 1);
		return;
	case MODE_KIND:
		tui_print(t, 1, 1, 0, TUI_A_BOLD, _("Which kind of "
		    "registration? (a number)"));
		tui_list_draw(t, &o->kinds, 3, 1, 4, cols - 2);
		tui_cursor(t, -1, -1);
		return;
	case MODE_FILE:
		tui_printf(t, 1, 1, 0, TUI_A_BOLD, _("File a registration: %s"),
		    offsite_kind_label(kind_codes[o->kind]));
		tui_form_draw(t, o->file, 3, 1);
		return;
	default:
		break;
	}
	list_head(t, o);
	if (o->rows.n == 0)
		tui_print(t, 2, 2, 0, 0, _("No registrations.  F5 files one."));
	else
		tui_list_draw(t, &o->list, 2, 0, rows - 6, cols);
	tui_cursor(t, -1, -1);
	if (o->rows.n > 0) {
		r = &o->rows.r[o->list.sel];
		if (r->hospital[0] != '\0')
			tui_printf(t, rows - 4, 1, 0, 0, _("Referred to %s, "
			    "diagnosis %s: %s"), r->hospital, r->diagnosis,
			    r->referral_reason);
		if (r->revoked_on[0] != '\0')
			tui_printf(t, rows - 3, 1, 0, 0, _("Revoked on %s: %s"),
			    r->revoked_on, r->revoke_reason);
	}
	if (o->mode == MODE_REVOKE)
		tui_form_draw(t, o->reason, rows - 1, 0);
	else if (o->mode == MODE_RECEIVE)
		tui_form_draw(t, o->received, rows - 1, 0);
	else
		tui_print(t, rows - 1, 1, 0, TUI_A_DIM, _("F5 file  F8 revoke  "
		    "F6 documents received"));
}

static int
form_key(struct tui *t, struct offsite *o, struct tui_form *f,
    const struct tui_key *k)
{
	int r = tui_form_key(t, f, k);
	char id[64];

	if (r == TUI_FORM_CANCEL) {
		o->mode = o->mode == MODE_ASK ? -1 : MODE_LIST;
		if (o->mode < 0)
			tui_pop(t);
		return TUI_HANDLED;
	}
	if (r != TUI_FORM_SAVE)
		return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
	switch (o->mode) {
	case MODE_ASK:
		tui_form_get_buf(f, 0, id, sizeof id);
		load(t, o, id);
		break;
	case MODE_FILE:
		file(t, o);
		break;
	case MODE_REVOKE:
		revoke(t, o);
		break;
	case MODE_RECEIVE:
		receive(t, o);
		break;
	}
	return TUI_HANDLED;
}

static int
offsite_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct offsite *o = state;
	const struct db_offsite *r;
	char today[DATE_BUFSZ];
	int c;

	switch (o->mode) {
	case MODE_ASK:
		return form_key(t, o, o->ask, k);
	case MODE_FILE:
		return form_key(t, o, o->file, k);
	case MODE_REVOKE:
		return form_key(t, o, o->reason, k);
	case MODE_RECEIVE:
		return form_key(t, o, o->received, k);
	case MODE_KIND:
		if (k->code == TUI_KEY_ESC) {
			o->mode = MODE_LIST;
			return TUI_HANDLED;
		}
		c = tui_list_key(t, &o->kinds, k);
		if (c == TUI_LIST_CHOOSE)
			start_filing(t, o, o->kinds.sel);
		return c == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
	default:
		break;
	}
	switch (k->code) {
	case TUI_KEY_F(5):
		o->kinds.sel = 0;
		o->mode = MODE_KIND;
		return TUI_HANDLED;
	case TUI_KEY_F(8):
		if ((r = chosen(t, o)) == NULL)
			return TUI_HANDLED;
		if (strcmp(r->status, "active") != 0) {
			tui_error(t, "%s", _("this registration is revoked "
			    "already"));
			return TUI_HANDLED;
		}
		tui_form_set(o->reason, 0, "");
		o->reason->dirty = 0;
		o->mode = MODE_REVOKE;
		return TUI_HANDLED;
	case TUI_KEY_F(6):
		if ((r = chosen(t, o)) == NULL)
			return TUI_HANDLED;
		if (strcmp(r->kind, "migrant_work") != 0 ||
		    r->documents_received[0] != '\0') {
			tui_error(t, "%s", _("only a migrant worker's "
			    "registration waits for documents"));
			return TUI_HANDLED;
		}
		tui_form_set(o->received, 0, date_format(t->s.today, today));
		o->received->dirty = 0;
		o->mode = MODE_RECEIVE;
		return TUI_HANDLED;
	default:
		c = tui_list_key(t, &o->list, k);
		return c == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
	}
}

static void
offsite_free(void *state)
{
	struct offsite *o = state;

	tui_form_free(o->ask);
	tui_form_free(o->file);
	tui_form_free(o->reason);
	tui_form_free(o->received);
	offsite_rows_free(&o->rows);
	free(o);
}

static const struct tui_keyhelp offsite_keys[] = {
	{ "F5", N_("File") },
	{ "F8", N_("Revoke") },
	{ "F6", N_("Documents") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen offsite_screen = {
	N_("Off-site registrations"),
	N_("A resident's off-site registrations (异地就医备案).  One valid "
	    "on the admission date for the scope of the care waives the "
	    "penalty on the ratio (RULES.md 5.2); province covers city "
	    "covers county.  F5 files one: the kind by number, then the "
	    "fields it needs (an emergency is filed after discharge, the "
	    "others start today or later).  F8 revokes the chosen one with a "
	    "reason; F6 records a migrant worker's documents."),
	offsite_draw, offsite_key, offsite_free, offsite_keys
};

void
tui_open_offsite(struct tui *t, const char *resident_id)
{
	struct offsite *o = calloc(1, sizeof *o);

	if (o == NULL || (o->ask = tui_form_new(ask_fields, 1, o)) == NULL ||
	    (o->reason = tui_form_new(reason_fields, 1, o)) == NULL ||
	    (o->received = tui_form_new(received_fields, 1, o)) == NULL) {
		if (o != NULL) {
			tui_form_free(o->ask);
			tui_form_free(o->reason);
		}
		free(o);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	o->list.row = reg_row;
	o->list.ctx = o;
	o->kinds.row = kind_row;
	o->kinds.ctx = o;
	o->kinds.n = 4;
	o->kinds.numbered = 1;
	if (resident_id != NULL && load(t, o, resident_id) != 0) {
		offsite_free(o);
		return;
	}
	tui_push(t, &offsite_screen, o);
}

/* ---- overdue documents ------------------------------------------------ */

struct overdue {
	struct offsite_rows rows;
	struct tui_list list;
};

static void
overdue_row(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	const struct db_offsite *r = &((struct overdue *)ctx)->rows.r[i];
	char idb[19];

	buf[0] = '\0';
	scr_cell(buf, bufsz, r->documents_due, 10, 0);
	scr_cell(buf, bufsz, r->name, 8, 0);
	scr_cell(buf, bufsz, tui_shown_id(t, r->id_number, idb), 18, 0);
	scr_cell(buf, bufsz, r->phone[0] ? r->phone : "-", 12, 0);
	scr_cell(buf, bufsz, r->key, 16, 0);
	scr_cell(buf, bufsz, r->dest_name, 20, 0);
}

static void
overdue_load(struct tui *t, struct overdue *o)
{
	struct offsite_rows rows = { 0 };
	struct ops_error err;

	if (ops_offsite_overdue(&t->s, &rows, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		offsite_rows_free(&rows);
		return;
	}
	offsite_rows_free(&o->rows);
	o->rows = rows;
	o->list.n = rows.n;
	if (o->list.sel >= rows.n)
		o->list.sel = rows.n > 0 ? rows.n - 1 : 0;
}

static void
overdue_draw(struct tui *t, void *state)
{
	struct overdue *o = state;
	char head[SCR_LINE_MAX] = "  ";

	overdue_load(t, o);	/* documents recorded meanwhile drop out */
	tui_printf(t, 0, 1, 0, TUI_A_BOLD, _("Migrant workers whose documents "
	    "are overdue on %04d-%02d-%02d: %d"), t->s.today.y, t->s.today.m,
	    t->s.today.d, o->rows.n);
	scr_cell(head, sizeof head, _("Due"), 10, 0);
	scr_cell(head, sizeof head, _("Name"), 8, 0);
	scr_cell(head, sizeof head, _("ID number"), 18, 0);
	scr_cell(head, sizeof head, _("Phone"), 12, 0);
	scr_cell(head, sizeof head, _("Number"), 16, 0);
	tui_print(t, 1, 0, 0, TUI_A_BOLD, head);
	if (o->rows.n == 0)
		tui_print(t, 2, 2, 0, 0, _("None: every document came in time."));
	else
		tui_list_draw(t, &o->list, 2, 0, tui_body_rows(t) - 2,
		    tui_body_cols(t));
	tui_cursor(t, -1, -1);
}

static int
overdue_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct overdue *o = state;
	int r = tui_list_key(t, &o->list, k);

	if (r == TUI_LIST_CHOOSE && o->rows.n > 0)
		tui_open_offsite(t, o->rows.r[o->list.sel].id_number);
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void
overdue_free(void *state)
{
	struct overdue *o = state;

	offsite_rows_free(&o->rows);
	free(o);
}

static const struct tui_keyhelp overdue_keys[] = {
	{ "Enter", N_("Registrations") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen overdue_screen = {
	N_("Overdue documents"),
	N_("Migrant workers' registrations (承诺制) hold at once; the "
	    "employer's documents follow by a day the clerk set.  Listed: "
	    "active ones whose documents were due before today and have not "
	    "come, oldest first, with the phone to call.  Enter opens the "
	    "person's registrations (F6 documents, F8 revoke)."),
	overdue_draw, overdue_key, overdue_free, overdue_keys
};

void
tui_open_offsite_overdue(struct tui *t)
{
	struct overdue *o = calloc(1, sizeof *o);

	if (o == NULL) {
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	o->list.row = overdue_row;
	o->list.ctx = o;
	tui_push(t, &overdue_screen, o);
}

/* ---- the main menu's entries ------------------------------------------ */

static void
open_offsite(struct tui *t)
{
	tui_open_offsite(t, NULL);
}

static void
open_claim(struct tui *t)
{
	tui_open_claim(t, NULL);
}

static void
open_claim_list(struct tui *t)
{
	tui_open_claim_list(t, NULL);
}

static const struct tui_menu_item offsite_items[] = {
	{ N_("A resident's registrations: file, revoke, documents"),
	    open_offsite },
	{ N_("Overdue documents of migrant workers"),
	    tui_open_offsite_overdue },
};

static const struct tui_menu_item claims_items[] = {
	{ N_("Settle a claim"), open_claim },
	{ N_("A resident's claims of the year, slips, reversal"),
	    open_claim_list },
};

void
tui_open_offsite_menu(struct tui *t)
{
	tui_menu_open(t, N_("Off-site registrations"), offsite_items,
	    (int)(sizeof offsite_items / sizeof offsite_items[0]));
}

void
tui_open_claims_menu(struct tui *t)
{
	tui_menu_open(t, N_("Claims"), claims_items,
	    (int)(sizeof claims_items / sizeof claims_items[0]));
}
