/*
 * claim.c: settle a claim.  The bill is a form on the left; beside it the
 * settlement is worked out again whenever a field changes, by the same dry
 * run of ops_claim_settle that `yibao claim settle --dry-run` uses, so the
 * figures shown are the figures saving will record: every line of
 * RULES.md 5.5 and the notes (penalty, caps, not eligible because ...),
 * or, with F6, the parameters behind them with their pack file and line.
 * F4 shows the whole slip as it will print; F2 (or Enter on the last
 * field) saves and opens the saved claim's slip (claimslip.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "io/slip.h"
#include "ops/claim.h"
#include "tui/claims.h"
#include "tui/screens.h"

enum {
	F_ID, F_KIND, F_ADMIT, F_DISCH, F_HOSP, F_LEVEL, F_SCOPE, F_EMERG,
	F_DISEASE, F_DELIV, F_BABIES, F_MAJOR, F_TOTAL, F_OUT, F_CLASSB,
	F_IMP, F_IMPSTD, F_COUNT
};

#define FORM_LABEL_COLS 13
#define PANEL_X 36		/* the settlement's column in the body */
#define SIG_MAX (F_COUNT * 130)

enum { TRIAL_WAIT, TRIAL_ERROR, TRIAL_OK };
enum { MODE_FORM, MODE_PREVIEW };

struct claim_scr {
	int mode;
	struct tui_form *form;
	char sig[SIG_MAX];		/* the fields at the last trial */
	int trial;			/* TRIAL_* */
	char why[512];			/* TRIAL_WAIT, TRIAL_ERROR */
	struct claim_result res;	/* TRIAL_OK */
	int params;			/* F6: the parameters, not the figures */
	struct scr_page page;		/* MODE_PREVIEW */
};

static const enum claim_kind kinds[] = {
	KIND_INPATIENT, KIND_ACCIDENT, KIND_OUTPATIENT, KIND_CHRONIC,
	KIND_MATERNITY
};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

/* ---- reading the fields ----------------------------------------------- */

/* A number typed in [lo, hi]; `empty` when nothing is typed; -1 bad. */
static int
small(const char *s, int lo, int hi, int empty)
{
	char *end;
	long n;

	if (s[0] == '\0')
		return empty;
	n = strtol(s, &end, 10);
	return *end == '\0' && n >= lo && n <= hi ? (int)n : -1;
}

static int
kind_index(struct tui_form *f)
{
	int k = small(tui_form_get(f, F_KIND), 1, NKINDS, 0);

	return k > 0 ? k - 1 : -1;
}

static int
check_id(struct tui *t, struct tui_form *f, int idx, char *msg, size_t msgsz)
{
	char id[19];
	const char *s = tui_form_get(f, idx);

	if (s[0] == '\0' && !f->saving)
		return 0;
	return scr_check_id(t, s, id, msg, msgsz);
}

static int
check_choice(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const struct policy *pol = t->s.policy;
	int hi, need = 0, v;

	switch (idx) {
	case F_KIND: hi = NKINDS; need = 1; break;
	case F_LEVEL: hi = 3; break;
	case F_SCOPE: hi = 4; break;
	case F_EMERG: case F_MAJOR: hi = 1; break;
	case F_DELIV: hi = 2; break;
	case F_BABIES: hi = SETTLE_BABIES_MAX; break;
	default:
		hi = pol != NULL ? pol->ndiseases : 0;
		if (hi > DISEASE_MAX)
			hi = DISEASE_MAX;
		need = kind_index(f) >= 0 && kinds[kind_index(f)] ==
		    KIND_CHRONIC;
		break;
	}
	v = small(tui_form_get(f, idx), idx == F_EMERG || idx == F_MAJOR ?
	    0 : 1, hi, -2);
	if (v == -2 && (!need || !f->saving))
		return 0;
	if (v >= 0)
		return 0;
	if (hi < 1)
		snprintf(msg, msgsz, "%s", _("the office's pack lists none"));
	else if (idx == F_EMERG || idx == F_MAJOR)
		snprintf(msg, msgsz, "%s", _("1 yes, 0 or empty no"));
	else
		snprintf(msg, msgsz, _("type a number from 1 to %d"), hi);
	return -1;
}

static int
check_date(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct date d;
	const char *s = tui_form_get(f, idx);
	enum date_err e;

	(void)t;
	if (s[0] == '\0' && (idx == F_DISCH || !f->saving))
		return 0;
	if ((e = date_parse(s, &d)) != DATE_OK) {
		snprintf(msg, msgsz, "%s", date_strerror(e));
		return -1;
	}
	return 0;
}

static int
check_text(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (tui_form_get(f, idx)[0] == '\0' && f->saving) {
		snprintf(msg, msgsz, "%s", _("this cannot be empty"));
		return -1;
	}
	return 0;
}

static int
check_money(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *s = tui_form_get(f, idx);
	enum money_err e;
	fen_t v;

	(void)t;
	if (s[0] == '\0' && (idx != F_TOTAL || !f->saving))
		return 0;
	if ((e = money_parse(s, 0, &v)) != MONEY_OK) {
		snprintf(msg, msgsz, "%s", money_strerror(e));
		return -1;
	}
	return 0;
}

static const struct tui_form_field fields[F_COUNT] = {
	{ N_("ID number"), 19, 18, TUI_FIELD_IDCARD, check_id,
	    N_("The patient's ID number") },
	{ N_("Kind"), 2, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("1 inpatient  2 accident  3 outpatient  4 chronic  "
	    "5 maternity") },
	{ N_("Admitted"), 11, 10, TUI_FIELD_DATE, check_date,
	    N_("Admission date, or the visit date for outpatient care: "
	    "YYYY-MM-DD") },
	{ N_("Discharged"), 11, 10, TUI_FIELD_DATE, check_date,
	    N_("Discharge date: YYYY-MM-DD; empty for outpatient care") },
	{ N_("Hospital"), 19, 60, 0, check_text,
	    N_("The hospital's name") },
	{ N_("Level"), 2, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("Hospital level 1, 2 or 3 (inpatient and accident need it)") },
	{ N_("Where"), 2, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("1 home county  2 another county  3 another city of the "
	    "province  4 another province") },
	{ N_("Emergency"), 2, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("1 an emergency admission (no off-site penalty), 0 not") },
	{ N_("Disease"), 3, 2, TUI_FIELD_DIGITS, check_choice,
	    N_("Chronic care: the number of the disease listed at the right") },
	{ N_("Delivery"), 2, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("Maternity: 1 normal  2 difficult") },
	{ N_("Babies"), 3, 2, TUI_FIELD_DIGITS, check_choice,
	    N_("Maternity: how many babies; empty is one") },
	{ N_("Major disease"), 2, 1, TUI_FIELD_DIGITS, check_choice,
	    N_("1 one of the listed major diseases (大病), 0 not") },
	{ N_("Bill total"), 12, 12, TUI_FIELD_MONEY, check_money,
	    N_("The whole bill, yuan: 12345.67") },
	{ N_("Out-of-list"), 12, 12, TUI_FIELD_MONEY, check_money,
	    N_("Out-of-list items (O), paid by the person") },
	{ N_("Class B"), 12, 12, TUI_FIELD_MONEY, check_money,
	    N_("Class B drugs, items and domestic materials (B)") },
	{ N_("Imported"), 12, 12, TUI_FIELD_MONEY, check_money,
	    N_("Imported materials (M)") },
	{ N_("Domestic"), 12, 12, TUI_FIELD_MONEY, check_money,
	    N_("Price of the domestic equivalent (S); 0 or empty: none; "
	    "Enter saves") },
};

static fen_t
money_of(struct tui_form *f, int idx)
{
	fen_t v = 0;

	money_parse(tui_form_get(f, idx), 0, &v);
	return v;
}

static struct date
date_of(struct tui_form *f, int idx)
{
	struct date d;

	if (date_parse(tui_form_get(f, idx), &d) != DATE_OK)
		memset(&d, 0, sizeof d);
	return d;
}

/*
 * The request from the fields, when they hold enough to settle: 0, with
 * `hospital` and `disease` as its buffers; else -1 and what is missing.
 */
static int
request(struct tui *t, struct claim_scr *c, struct claim_request *r,
    char id[64], char hospital[256], char *why, size_t whysz)
{
	struct tui_form *f = c->form;
	const struct policy *pol = t->s.policy;
	char msg[256];
	int k, v;

	memset(r, 0, sizeof *r);
	tui_form_get_buf(f, F_ID, id, 64);
	tui_form_get_buf(f, F_HOSP, hospital, 256);
	k = kind_index(f);
	if (id[0] == '\0' || k < 0 || tui_form_get(f, F_ADMIT)[0] == '\0' ||
	    hospital[0] == '\0' || tui_form_get(f, F_TOTAL)[0] == '\0') {
		snprintf(why, whysz, "%s", _("The settlement appears here once "
		    "the ID number, kind, date, hospital and total are "
		    "typed."));
		return -1;
	}
	/* A field that is wrong: its own sentence. */
	f->saving = 0;
	for (int i = 0; i < F_COUNT; i++)
		if (fields[i].check != NULL &&
		    fields[i].check(t, f, i, msg, sizeof msg) != 0) {
			snprintf(why, whysz, "%s: %s", _(fields[i].label), msg);
			return -1;
		}
	r->id = id;
	r->kind = kinds[k];
	r->admitted_on = date_of(f, F_ADMIT);
	r->discharged_on = date_of(f, F_DISCH);
	r->hospital = hospital;
	r->level = small(tui_form_get(f, F_LEVEL), 1, 3, 0);
	v = small(tui_form_get(f, F_SCOPE), 1, 4, 1);
	r->scope = (enum scope)(v - 1);
	r->emergency = small(tui_form_get(f, F_EMERG), 0, 1, 0) == 1;
	v = small(tui_form_get(f, F_DISEASE), 1, DISEASE_MAX, 0);
	if (r->kind == KIND_CHRONIC && pol != NULL && v > 0 &&
	    v <= pol->ndiseases)
		r->disease = pol->disease[v - 1].code;
	v = small(tui_form_get(f, F_DELIV), 1, 2, 0);
	r->delivery = v == 1 ? DELIVERY_NORMAL : v == 2 ? DELIVERY_DIFFICULT :
	    DELIVERY_NONE;
	r->babies = small(tui_form_get(f, F_BABIES), 1, SETTLE_BABIES_MAX, 0);
	r->major_disease = small(tui_form_get(f, F_MAJOR), 0, 1, 0) == 1;
	r->total = money_of(f, F_TOTAL);
	r->out_of_list = money_of(f, F_OUT);
	r->class_b = money_of(f, F_CLASSB);
	r->imported = money_of(f, F_IMP);
	r->imported_standard = money_of(f, F_IMPSTD);
	return 0;
}

static void
signature(struct claim_scr *c, char *out, size_t outsz)
{
	size_t n = 0;

	out[0] = '\0';
	for (int i = 0; i < F_COUNT && n < outsz; i++)
		n += (size_t)snprintf(out + n, outsz - n, "%s\x1f",
		    tui_form_get(c->form, i));
}

/* The dry run, again, when a field changed since the last one. */
static void
retrial(struct tui *t, struct claim_scr *c)
{
	struct claim_request req;
	struct ops_error err;
	char sig[SIG_MAX], id[64], hospital[256];

	signature(c, sig, sizeof sig);
	if (strcmp(sig, c->sig) == 0)
		return;
	snprintf(c->sig, sizeof c->sig, "%s", sig);
	if (t->s.policy == NULL) {
		c->trial = TRIAL_ERROR;
		snprintf(c->why, sizeof c->why, "%s", _("The office has no "
		    "policy pack loaded: claims cannot be settled."));
		return;
	}
	if (request(t, c, &req, id, hospital, c->why, sizeof c->why) != 0) {
		c->trial = TRIAL_WAIT;
		return;
	}
	if (ops_claim_settle(&t->s, &req, 1, &c->res, &err) != OPS_OK) {
		c->trial = TRIAL_ERROR;
		snprintf(c->why, sizeof c->why, "%s", err.msg);
		return;
	}
	c->trial = TRIAL_OK;
}

/* ---- the settlement beside the form ----------------------------------- */

/* RULES.md 5.5's lines, with the slip's labels. */
static void
figure(struct tui *t, int y, int x, int w, const char *sym,
    const char *label, const char *amount, int attr)
{
	char row[SCR_LINE_MAX] = "";

	scr_cell(row, sizeof row, sym, 3, 0);
	scr_cell(row, sizeof row, label, w - 4 - 12, 0);
	scr_cell(row, sizeof row, amount, 11, 1);
	tui_print(t, y, x, w, attr, row);
}

static int
draw_figures(struct tui *t, const struct settlement *s, int y, int x, int w)
{
	char r[MONEY_BUFSZ + 2], p[MONEY_BUFSZ];

	percent_format(s->ratio, p);
	snprintf(r, sizeof r, "%s%%", p);
	figure(t, y++, x, w, "T", _("Total cost"), scr_money(s->total), 0);
	figure(t, y++, x, w, "O", _("Out-of-list items"),
	    scr_money(s->out_of_list), 0);
	figure(t, y++, x, w, "E", _("Imported over standard"),
	    scr_money(s->imported_excess), 0);
	figure(t, y++, x, w, "F", _("Imported first self-pay"),
	    scr_money(s->imported_selfpay), 0);
	figure(t, y++, x, w, "P_B", _("Class B first self-pay"),
	    scr_money(s->class_b_selfpay), 0);
	figure(t, y++, x, w, "R", _("Policy-range cost"),
	    scr_money(s->range), 0);
	figure(t, y++, x, w, "D", _("Deductible"), scr_money(s->deductible),
	    0);
	figure(t, y++, x, w, "r", _("Reimbursement ratio"),
	    s->kind == KIND_MATERNITY ? "-" : r, 0);
	figure(t, y++, x, w, "", _("Basic insurance fund"),
	    scr_money(s->fund), TUI_A_BOLD);
	figure(t, y++, x, w, "", _("Serious-illness insurance"),
	    scr_money(s->serious), TUI_A_BOLD);
	figure(t, y++, x, w, "", _("Medical assistance"),
	    scr_money(s->assistance), TUI_A_BOLD);
	figure(t, y++, x, w, "", _("Paid by the person"),
	    scr_money(s->personal), TUI_A_BOLD);
	return 12;
}

/* The file's base name, as the slip names it. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

static int
draw_params(struct tui *t, const struct settlement *s, int y, int x, int w,
    int h)
{
	const struct policy *pol = t->s.policy;
	int used = 0;

	for (int f = 0; f < FIG_COUNT && used < h; f++) {
		const struct settle_trace *tr = &s->trace[f];
		char val[MONEY_BUFSZ + 1], line[SCR_LINE_MAX];

		if (tr->name[0] == '\0')
			continue;
		if (f == FIG_CLASS_B_SELFPAY || f == FIG_IMPORTED_SELFPAY ||
		    f == FIG_RATIO || f == FIG_PENALTY || f == FIG_ASSIST_RATIO) {
			percent_format((bp_t)tr->p.v, val);
			strcat(val, "%");
		} else
			money_format(tr->p.v, val);
		if (tr->p.src >= 0 && tr->p.src < pol->nsources &&
		    tr->p.src < SOURCE_MAX && tr->p.line > 0)
			snprintf(line, sizeof line, _("%s = %s (%s, line %d)"),
			    tr->name, val,
			    base_name(pol->sources[tr->p.src].file),
			    (int)tr->p.line);
		else
			snprintf(line, sizeof line, "%s = %s", tr->name, val);
		used += tui_wrap(t, y + used, x, w, h - used, 0, line);
	}
	if (used == 0)
		used = tui_wrap(t, y, x, w, h, 0, _("No parameter was used."));
	return used;
}

static void
draw_diseases(struct tui *t, int y, int x, int w, int h)
{
	const struct policy *pol = t->s.policy;

	for (int i = 0; pol != NULL && i < pol->ndiseases && i < DISEASE_MAX &&
	    i < h; i++)
		tui_printf(t, y + i, x, w, 0, "%2d %s", i + 1,
		    pol->disease[i].name);
}

static void
panel(struct tui *t, struct claim_scr *c, int x, int w)
{
	const struct settlement *s = &c->res.settlement;
	int rows = tui_body_rows(t), y = 0;
	char note[512], line[600];

	for (int r = 0; r < rows; r++)
		tui_print(t, r, x - 1, w + 1, 0, "");
	if (c->form->cur == F_DISEASE) {
		tui_print(t, y++, x, w, TUI_A_BOLD, _("Chronic diseases of the "
		    "pack"));
		draw_diseases(t, y, x, w, rows - y);
		return;
	}
	if (c->trial != TRIAL_OK) {
		tui_print(t, y++, x, w, TUI_A_BOLD, _("Settlement"));
		tui_wrap(t, y + 1, x, w, rows - y - 1, c->trial == TRIAL_ERROR ?
		    TUI_A_ERROR : TUI_A_DIM, c->why);
		return;
	}
	tui_printf(t, y++, x, w, TUI_A_BOLD, _("Settlement (trial, %s)"),
	    s->policy_id);
	if (c->params) {
		draw_params(t, s, y, x, w, rows - y);
		return;
	}
	y += draw_figures(t, s, y, x, w);
	if (c->res.registration[0] != '\0' && y < rows)
		tui_printf(t, y++, x, w, 0, _("Registration %s"),
		    c->res.registration);
	for (int i = 0; i < s->nnotes && y < rows; i++) {
		settle_note_format(&s->note[i], note, sizeof note);
		snprintf(line, sizeof line, "%d. %s", i + 1, note);
		y += tui_wrap(t, y, x, w, rows - y, 0, line);
	}
}

/* ---- the whole slip, before saving ------------------------------------ */

/* A view of the trial as a saved claim's would be: the slip's input. */
static void
trial_view(struct tui *t, const struct claim_result *r,
    struct claim_view *v)
{
	memset(v, 0, sizeof *v);
	snprintf(v->id_number, sizeof v->id_number, "%s", r->id_number);
	snprintf(v->name, sizeof v->name, "%s", r->name);
	v->benefit_year = r->benefit_year;
	v->admitted_on = r->claim.date;
	snprintf(v->registration, sizeof v->registration, "%s",
	    r->registration);
	v->settled_on = t->s.today;
	snprintf(v->operator_login, sizeof v->operator_login, "%s",
	    t->s.login);
	snprintf(v->operator_name, sizeof v->operator_name, "%s",
	    t->s.display_name);
	snprintf(v->site, sizeof v->site, "%s", t->s.site);
	snprintf(v->policy_id, sizeof v->policy_id, "%s", t->s.policy->id);
	snprintf(v->policy_hash, sizeof v->policy_hash, "%s",
	    t->s.policy->text_hash);
	v->claim = r->claim;
	v->settlement = r->settlement;
}

static void
preview(struct tui *t, struct claim_scr *c)
{
	struct claim_view *v = calloc(1, sizeof *v);
	char *text, hospital[128];

	if (v == NULL)
		return;
	if (c->trial != TRIAL_OK) {
		tui_error(t, "%s", c->why);
		free(v);
		return;
	}
	trial_view(t, &c->res, v);
	v->discharged_on = date_of(c->form, F_DISCH);
	tui_form_get_buf(c->form, F_HOSP, hospital, sizeof hospital);
	snprintf(v->hospital, sizeof v->hospital, "%s", hospital);
	text = slip_render(v, t->s.policy, 1);
	free(v);
	if (text == NULL) {
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	scr_page_clear(&c->page);
	c->page.top = 0;
	scr_page_add(&c->page, TUI_A_BOLD, "%s", _("A trial: nothing is saved "
	    "until F2.  Esc goes back to the bill."));
	claims_page_text(&c->page, text);
	free(text);
	c->mode = MODE_PREVIEW;
}

/* ---- saving ----------------------------------------------------------- */

static void
save(struct tui *t, struct claim_scr *c)
{
	struct claim_request req;
	struct claim_result *res;
	struct ops_error err;
	char id[64], hospital[256], q[512];

	retrial(t, c);
	if (c->trial != TRIAL_OK) {
		tui_error(t, "%s", c->why);
		return;
	}
	snprintf(q, sizeof q, _("Save this settlement? The fund pays %s, "
	    "serious illness %s, assistance %s; the person pays %s."),
	    scr_money(c->res.settlement.fund),
	    scr_money(c->res.settlement.serious),
	    scr_money(c->res.settlement.assistance),
	    scr_money(c->res.settlement.personal));
	if (!tui_confirm(t, q, 1))
		return;
	if (request(t, c, &req, id, hospital, q, sizeof q) != 0) {
		tui_error(t, "%s", q);
		return;
	}
	if ((res = calloc(1, sizeof *res)) == NULL)
		return;
	if (ops_claim_settle(&t->s, &req, 0, res, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(res);
		return;
	}
	tui_dossier_changed();
	tui_claims_changed();
	snprintf(q, sizeof q, "%s", res->key);
	free(res);
	/* The next bill starts clean; the slip goes on top. */
	for (int i = 0; i < F_COUNT; i++)
		tui_form_set(c->form, i, "");
	tui_form_set(c->form, F_SCOPE, "1");
	c->form->cur = F_ID;
	c->form->dirty = 0;
	c->sig[0] = '\x01';
	retrial(t, c);
	tui_open_claim_slip(t, q);
	tui_status(t, _("Settled: claim %s."), q);
}

/* ---- the screen ------------------------------------------------------- */

static void
claim_draw(struct tui *t, void *state)
{
	struct claim_scr *c = state;
	int rows = tui_body_rows(t), cols = tui_body_cols(t);

	if (c->mode == MODE_PREVIEW) {
		scr_page_draw(t, &c->page, 0, rows);
		tui_cursor(t, -1, -1);
		return;
	}
	retrial(t, c);
	tui_form_draw(t, c->form, 0, 0);
	if (F_COUNT + 1 < rows)
		tui_print(t, F_COUNT + 1, 2, PANEL_X - 3, TUI_A_DIM,
		    _("F4 the slip  F6 parameters"));
	/* Over the ends of the fields' messages (the message line has them
	 * whole); the form placed the cursor. */
	panel(t, c, PANEL_X, cols - PANEL_X);
}

static int
claim_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct claim_scr *c = state;
	int r;

	if (c->mode == MODE_PREVIEW) {
		if (k->code == TUI_KEY_ESC) {
			c->mode = MODE_FORM;
			return TUI_HANDLED;
		}
		if (k->code == TUI_KEY_F(2)) {
			c->mode = MODE_FORM;
			save(t, c);
			return TUI_HANDLED;
		}
		return scr_page_key(&c->page, tui_body_rows(t), k);
	}
	switch (k->code) {
	case TUI_KEY_F(4):
		retrial(t, c);
		preview(t, c);
		return TUI_HANDLED;
	case TUI_KEY_F(6):
		c->params = !c->params;
		return TUI_HANDLED;
	case TUI_KEY_TICK:
		return TUI_UNHANDLED;
	default:
		break;
	}
	r = tui_form_key(t, c->form, k);
	if (r == TUI_FORM_SAVE)
		save(t, c);
	else if (r == TUI_FORM_CANCEL)
		tui_pop(t);
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static void
claim_free(void *state)
{
	struct claim_scr *c = state;

	tui_form_free(c->form);
	scr_page_free(&c->page);
	free(c);
}

static const struct tui_keyhelp claim_keys[] = {
	{ "F2", N_("Save") },
	{ "F4", N_("Slip") },
	{ "F6", N_("Parameters") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen claim_screen = {
	N_("Settle a claim"),
	N_("The bill at the left, the settlement at the right, worked out "
	    "again as each field changes, as saving will record it (RULES.md "
	    "5): R = T - O - E - F - P_B; fund = (R - D) x r within the "
	    "year's cap, r cut by the penalty for care away from home "
	    "without a registration (not in an emergency); then serious "
	    "illness and assistance; the person pays T - fund - serious - "
	    "assistance.  F6: the parameters with file and line; F4: the "
	    "slip; F2 saves."),
	claim_draw, claim_key, claim_free, claim_keys
};

void
tui_open_claim(struct tui *t, const char *resident_id)
{
	struct claim_scr *c = calloc(1, sizeof *c);

	if (c == NULL || (c->form = tui_form_new(fields, F_COUNT, c)) ==
	    NULL) {
		free(c);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	c->form->label_cols = FORM_LABEL_COLS;
	c->sig[0] = '\x01';
	tui_form_set(c->form, F_SCOPE, "1");
	if (resident_id != NULL) {
		tui_form_set(c->form, F_ID, resident_id);
		c->form->cur = F_KIND;
	}
	tui_push(t, &claim_screen, c);
}
