/*
 * pay.c: take a household's contributions.  The members are listed with
 * what each would pay for the pack's year (standard, subsidy and the
 * category that gave it, amount due), worked out by a dry run of ops_pay
 * so the screen shows exactly what paying will record; a member who
 * cannot pay (already paid, ended) says why.  Space selects, F2 takes the
 * payment on one receipt, which is then shown and can be printed (F4) or
 * reversed (F8, a supervisor's password when the clerk is not one).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/contribution.h"
#include "i18n.h"
#include "ops/household.h"
#include "ops/payment.h"
#include "ops/resident.h"
#include "tui/screens.h"

enum { MODE_ASK, MODE_LIST, MODE_RECEIPT, MODE_REASON, MODE_REFUND };

struct member {
	char id[19];
	char name[128];
	int ok;				/* can pay now */
	int chosen;
	struct contribution c;
	char why[512];			/* when not ok */
};

struct pay {
	int mode;
	struct tui_form *ask;		/* MODE_ASK: whose household */
	struct tui_form *reason;	/* MODE_REASON: why reverse */
	struct tui_form *refund;	/* MODE_REFUND: why refund */
	int refunding;			/* the member whose line is refunded */
	char household[64];
	int year;
	int n;
	struct member m[PAY_MEMBERS_MAX];
	struct tui_list list;
	struct pay_receipt r;		/* MODE_RECEIPT */
	int reversed;
	struct scr_page page;
};

static const struct tui_form_field ask_fields[] = {
	{ N_("ID number"), 20, 18, TUI_FIELD_IDCARD, NULL,
	    N_("Any member of the household; Enter lists them") },
};

static const struct tui_form_field reason_fields[] = {
	{ N_("Reason"), 40, 60, 0, NULL,
	    N_("Why the receipt is reversed, e.g. the wrong household") },
};

/* 001 四(二)2: a contribution paid in advance is refunded for these. */
static const char *const refund_codes[] = { "employment", "military",
    "death" };

static const struct tui_form_field refund_fields[] = {
	{ N_("Reason (1-3)"), 14, 1, 0, NULL,
	    N_("1 took a job (employee insurance), 2 joined the army, "
	    "3 died") },
};

/* ---- the members and what each would pay ------------------------------ */

static void
quote(struct tui *t, struct pay *p, struct member *m)
{
	struct pay_request req;
	struct pay_receipt *r = calloc(1, sizeof *r);
	struct ops_error err;

	if (r == NULL)
		return;
	memset(&req, 0, sizeof req);
	req.nids = 1;
	req.ids[0] = m->id;
	req.dry_run = true;
	if (ops_pay(&t->s, &req, r, &err) == OPS_OK) {
		m->ok = m->chosen = 1;
		m->c = r->m[0].c;
		p->year = r->year;
	} else {
		m->ok = m->chosen = 0;
		snprintf(m->why, sizeof m->why, "%s", err.msg);
	}
	free(r);
}

static int
load(struct tui *t, struct pay *p, const char *id)
{
	struct resident_view *v = calloc(1, sizeof *v);
	struct ops_error err;

	if (v == NULL)
		return -1;
	if (ops_resident_view(&t->s, id, v, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(v);
		return -1;
	}
	p->n = 0;
	p->household[0] = '\0';
	if (v->in_household) {
		household_name(&t->s, v->member.household_site,
		    v->member.household_number, p->household,
		    sizeof p->household);
		for (int i = 0; i < v->nmembers && p->n < PAY_MEMBERS_MAX;
		    i++) {
			snprintf(p->m[p->n].id, sizeof p->m[p->n].id, "%s",
			    v->members[i].id_number);
			snprintf(p->m[p->n].name, sizeof p->m[p->n].name, "%s",
			    v->members[i].name);
			p->n++;
		}
	} else {
		snprintf(p->m[0].id, sizeof p->m[0].id, "%s", v->r.id_number);
		snprintf(p->m[0].name, sizeof p->m[0].name, "%s", v->r.name);
		p->n = 1;
	}
	free(v);
	/* The pack's year of contributions; a quote that succeeds says too,
	 * but when everyone has paid none does. */
	p->year = t->s.policy != NULL ? contribution_year(t->s.policy) : 0;
	for (int i = 0; i < p->n; i++)
		quote(t, p, &p->m[i]);
	p->list.n = p->n;
	p->list.sel = p->list.top = 0;
	p->mode = MODE_LIST;
	return 0;
}

static void
member_row(struct tui *t, void *ctx, int i, char *buf, size_t bufsz)
{
	const struct member *m = &((struct pay *)ctx)->m[i];
	char idb[19];

	buf[0] = '\0';
	scr_cell(buf, bufsz, m->ok ? (m->chosen ? "[x]" : "[ ]") : " - ", 3,
	    0);
	scr_cell(buf, bufsz, m->name, 8, 0);
	scr_cell(buf, bufsz, tui_shown_id(t, m->id, idb), 18, 0);
	if (!m->ok) {
		scr_cell(buf, bufsz, m->why, 200, 0);
		return;
	}
	scr_cell(buf, bufsz, scr_money(m->c.standard), 7, 1);
	scr_cell(buf, bufsz, scr_money(m->c.subsidy), 7, 1);
	scr_cell(buf, bufsz, scr_money(m->c.due), 7, 1);
	scr_cell(buf, bufsz, m->c.subsidy_category >= 0 ?
	    pay_category_label(&t->s, m->c.subsidy_category) : m->c.late ?
	    _("late: P + G") : "", 20, 0);
}

static fen_t
chosen_total(const struct pay *p, int *count)
{
	fen_t sum = 0;

	*count = 0;
	for (int i = 0; i < p->n; i++)
		if (p->m[i].ok && p->m[i].chosen) {
			sum += p->m[i].c.due;
			(*count)++;
		}
	return sum;
}

/* ---- the receipt ------------------------------------------------------ */

static void
receipt_page(struct tui *t, struct pay *p, const struct cancel_result *cr)
{
	struct scr_page *pg = &p->page;
	const struct pay_receipt *r = &p->r;
	char d[DATE_BUFSZ], idb[19], head[SCR_LINE_MAX] = "";

	scr_page_clear(pg);
	scr_page_add(pg, TUI_A_BOLD, _("Receipt %s"), r->receipt);
	if (r->household_number[0] != '\0')
		scr_page_add(pg, 0, _("Office %s, household %s, paid on %s"),
		    r->site, r->household_number, date_format(r->paid_on, d));
	else
		scr_page_add(pg, 0, _("Office %s, paid on %s"), r->site,
		    date_format(r->paid_on, d));
	scr_page_add(pg, 0, _("Contributions for %d, policy pack %s"),
	    r->year, r->policy_id);
	scr_cell(head, sizeof head, _("Name"), 8, 0);
	scr_cell(head, sizeof head, _("ID number"), 18, 0);
	scr_cell(head, sizeof head, _("Standard"), 8, 1);
	scr_cell(head, sizeof head, _("Subsidy"), 8, 1);
	scr_cell(head, sizeof head, _("Due"), 8, 1);
	scr_cell(head, sizeof head, _("Subsidy category"), 20, 0);
	scr_page_add(pg, TUI_A_BOLD, "%s", head);
	for (int i = 0; i < r->n; i++) {
		const struct pay_member *m = &r->m[i];
		char row[SCR_LINE_MAX] = "";

		scr_cell(row, sizeof row, m->name, 8, 0);
		scr_cell(row, sizeof row, tui_shown_id(t, m->id_number, idb),
		    18, 0);
		scr_cell(row, sizeof row, scr_money(m->c.standard), 8, 1);
		scr_cell(row, sizeof row, scr_money(m->c.subsidy), 8, 1);
		scr_cell(row, sizeof row, scr_money(m->c.due), 8, 1);
		scr_cell(row, sizeof row, m->c.subsidy_category >= 0 ?
		    pay_category_label(&t->s, m->c.subsidy_category) : "", 20,
		    0);
		scr_page_add(pg, 0, "%s", row);
		if (m->c.late)
			scr_page_add(pg, 0, _("  paid late: benefits from %s"),
			    date_format(m->c.benefits_from, d));
	}
	head[0] = '\0';
	scr_cell(head, sizeof head, _("Total"), 27, 0);
	scr_cell(head, sizeof head, scr_money(r->total_standard), 8, 1);
	scr_cell(head, sizeof head, scr_money(r->total_subsidy), 8, 1);
	scr_cell(head, sizeof head, scr_money(r->total), 8, 1);
	scr_page_add(pg, TUI_A_BOLD, "%s", head);
	if (cr == NULL)
		return;
	scr_page_add(pg, 0, "%s", "");
	scr_page_add(pg, TUI_A_BOLD, _("Reversed by %s on %s: %s"),
	    cr->receipt, date_format(cr->on, d), cr->reason);
	scr_page_add(pg, TUI_A_BOLD, _("Paid back: %s"), scr_money(-cr->total));
}

static void
take(struct tui *t, struct pay *p)
{
	struct pay_request req;
	struct ops_error err;
	char q[256];
	int count;
	fen_t sum = chosen_total(p, &count);

	if (count == 0) {
		tui_error(t, "%s", _("choose at least one member (Space)"));
		return;
	}
	snprintf(q, sizeof q, _("Take %s for %d people?"), scr_money(sum),
	    count);
	if (!tui_confirm(t, q, 1))
		return;
	memset(&req, 0, sizeof req);
	for (int i = 0; i < p->n; i++)
		if (p->m[i].ok && p->m[i].chosen)
			req.ids[req.nids++] = p->m[i].id;
	if (ops_pay(&t->s, &req, &p->r, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return;
	}
	tui_dossier_changed();
	p->mode = MODE_RECEIPT;
	receipt_page(t, p, NULL);
	tui_status(t, _("Paid: receipt %s, %s."), p->r.receipt,
	    scr_money(p->r.total));
}

static void
reverse(struct tui *t, struct pay *p)
{
	struct ops_session as;
	struct cancel_result *cr = calloc(1, sizeof *cr);
	struct ops_error err;
	char reason[256];

	tui_form_get_buf(p->reason, 0, reason, sizeof reason);
	if (cr == NULL)
		return;
	if (reason[0] == '\0') {
		tui_error(t, "%s", _("type the reason"));
		free(cr);
		return;
	}
	p->mode = MODE_RECEIPT;
	if (!tui_supervisor(t, _("Reversing a receipt needs a supervisor."),
	    &as)) {
		free(cr);
		return;
	}
	if (ops_reverse(&as, p->r.receipt, reason, cr, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(cr);
		return;
	}
	p->reversed = 1;
	tui_dossier_changed();
	receipt_page(t, p, cr);
	tui_status(t, _("Receipt %s reversed by %s."), p->r.receipt,
	    cr->receipt);
	free(cr);
}

/* The member's payment line for the year that nothing cancels yet. */
static int
refundable_line(struct tui *t, struct pay *p, const struct member *m,
    char *key, size_t keysz)
{
	struct pay_line *lines = NULL;
	struct ops_error err;
	size_t n = 0;
	int found = 0;

	if (ops_person_lines(&t->s, m->id, &lines, &n, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		return 0;
	}
	for (size_t i = 0; i < n && !found; i++) {
		int cancelled = 0;

		if (lines[i].kind != PAY_PAYMENT ||
		    lines[i].benefit_year != p->year)
			continue;
		for (size_t j = 0; j < n; j++)
			if (strcmp(lines[j].cancels, lines[i].key) == 0)
				cancelled = 1;
		if (!cancelled) {
			snprintf(key, keysz, "%s", lines[i].key);
			found = 1;
		}
	}
	free(lines);
	if (!found)
		tui_error(t, _("%s has no payment for %d to refund"), m->name,
		    p->year);
	return found;
}

static void
refund_page(struct pay *p, const struct member *m,
    const struct cancel_result *cr)
{
	char d[DATE_BUFSZ];

	scr_page_clear(&p->page);
	scr_page_add(&p->page, TUI_A_BOLD, _("Refund %s, on %s"), cr->receipt,
	    date_format(cr->on, d));
	scr_page_add(&p->page, 0, _("%s, contributions for %d: %s (%s)"),
	    m->name, p->year, refund_reason_label(cr->reason), cr->reason);
	for (int i = 0; i < cr->n; i++)
		scr_page_add(&p->page, 0, _("  line %s cancels %s: %s"),
		    cr->l[i].key, cr->l[i].cancels, scr_money(cr->l[i].amount));
	scr_page_add(&p->page, TUI_A_BOLD, _("Paid back: %s"),
	    scr_money(-cr->total));
}

static void
refund(struct tui *t, struct pay *p)
{
	struct member *m = &p->m[p->refunding];
	struct cancel_result *cr;
	struct ops_error err;
	char key[PAY_KEY_MAX], choice[8], q[256];
	int c;

	tui_form_get_buf(p->refund, 0, choice, sizeof choice);
	c = choice[0] - '1';
	if (choice[0] == '\0' || choice[1] != '\0' || c < 0 || c > 2) {
		tui_error(t, "%s", _("type 1, 2 or 3"));
		return;
	}
	p->mode = MODE_LIST;
	if (!refundable_line(t, p, m, key, sizeof key))
		return;
	snprintf(q, sizeof q, _("Refund %s's contribution for %d (%s)?"),
	    m->name, p->year, refund_reason_label(refund_codes[c]));
	if (!tui_confirm(t, q, 0) || (cr = calloc(1, sizeof *cr)) == NULL)
		return;
	if (ops_refund(&t->s, key, refund_codes[c], cr, &err) != OPS_OK) {
		tui_error(t, "%s", err.msg);
		free(cr);
		return;
	}
	tui_dossier_changed();
	refund_page(p, m, cr);
	p->reversed = 1;	/* the page is a refund: nothing to reverse */
	p->mode = MODE_RECEIPT;
	tui_status(t, _("Refunded: %s, %s."), cr->receipt,
	    scr_money(-cr->total));
	free(cr);
}

/* ---- the screen ------------------------------------------------------- */

static void
pay_draw(struct tui *t, void *state)
{
	struct pay *p = state;
	int rows = tui_body_rows(t), count;
	char head[SCR_LINE_MAX] = "    ";
	fen_t sum;

	switch (p->mode) {
	case MODE_ASK:
		tui_print(t, 1, 1, 0, TUI_A_BOLD, _("Whose household pays?"));
		tui_form_draw(t, p->ask, 3, 1);
		return;
	case MODE_LIST:
		if (p->household[0] != '\0')
			tui_printf(t, 0, 1, 0, TUI_A_BOLD, _("Household %s: "
			    "contributions for %d"), p->household, p->year);
		else
			tui_printf(t, 0, 1, 0, TUI_A_BOLD, _("Contributions "
			    "for %d"), p->year);
		scr_cell(head, sizeof head, _("Name"), 8, 0);
		scr_cell(head, sizeof head, _("ID number"), 18, 0);
		scr_cell(head, sizeof head, _("Standard"), 7, 1);
		scr_cell(head, sizeof head, _("Subsidy"), 7, 1);
		scr_cell(head, sizeof head, _("Due"), 7, 1);
		scr_cell(head, sizeof head, _("Subsidy category"), 20, 0);
		tui_print(t, 2, 1, 0, TUI_A_BOLD, head);
		tui_list_draw(t, &p->list, 3, 1, rows - 6,
		    tui_body_cols(t) - 2);
		sum = chosen_total(p, &count);
		tui_printf(t, rows - 2, 1, 0, TUI_A_BOLD, _("Chosen: %d, "
		    "amount due %s"), count, scr_money(sum));
		tui_print(t, rows - 1, 1, 0, TUI_A_DIM, _("Space chooses or "
		    "leaves a member; F2 takes the payment; F7 refunds."));
		tui_cursor(t, -1, -1);
		return;
	case MODE_REASON:
		scr_page_draw(t, &p->page, 0, rows - 3);
		tui_form_draw(t, p->reason, rows - 2, 1);
		return;
	case MODE_REFUND:
		tui_printf(t, 1, 1, 0, TUI_A_BOLD, _("Refund %s's contribution "
		    "for %d"), p->m[p->refunding].name, p->year);
		tui_print(t, 2, 1, 0, 0, _("Only before the year begins, for "
		    "one of these reasons (001, 4.2.2):"));
		tui_print(t, 3, 3, 0, 0, _("1  took a job with employee "
		    "insurance"));
		tui_print(t, 4, 3, 0, 0, _("2  joined the army"));
		tui_print(t, 5, 3, 0, 0, _("3  died"));
		tui_form_draw(t, p->refund, 7, 1);
		return;
	default:
		scr_page_draw(t, &p->page, 0, rows);
		tui_cursor(t, -1, -1);
		return;
	}
}

static int
form_result(int r)
{
	return r == TUI_UNHANDLED ? TUI_UNHANDLED : TUI_HANDLED;
}

static int
pay_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct pay *p = state;
	char id[64];
	int r;

	switch (p->mode) {
	case MODE_ASK:
		r = tui_form_key(t, p->ask, k);
		if (r == TUI_FORM_SAVE) {
			tui_form_get_buf(p->ask, 0, id, sizeof id);
			load(t, p, id);
		} else if (r == TUI_FORM_CANCEL)
			tui_pop(t);
		return form_result(r);
	case MODE_LIST:
		if (k->code == TUI_KEY_CHAR && k->ch == ' ') {
			struct member *m = &p->m[p->list.sel];

			if (m->ok)
				m->chosen = !m->chosen;
			else
				tui_error(t, "%s", m->why);
			return TUI_HANDLED;
		}
		if (k->code == TUI_KEY_F(2)) {
			take(t, p);
			return TUI_HANDLED;
		}
		if (k->code == TUI_KEY_F(7) && p->n > 0) {
			p->refunding = p->list.sel;
			tui_form_set(p->refund, 0, "");
			p->refund->dirty = 0;
			p->mode = MODE_REFUND;
			return TUI_HANDLED;
		}
		return tui_list_key(t, &p->list, k) == TUI_UNHANDLED ?
		    TUI_UNHANDLED : TUI_HANDLED;
	case MODE_REFUND:
		r = tui_form_key(t, p->refund, k);
		if (r == TUI_FORM_SAVE)
			refund(t, p);
		else if (r == TUI_FORM_CANCEL)
			p->mode = MODE_LIST;
		return form_result(r) == TUI_UNHANDLED &&
		    k->code == TUI_KEY_ESC ? TUI_HANDLED : form_result(r);
	case MODE_REASON:
		r = tui_form_key(t, p->reason, k);
		if (r == TUI_FORM_SAVE)
			reverse(t, p);
		else if (r == TUI_FORM_CANCEL)
			p->mode = MODE_RECEIPT;
		return form_result(r) == TUI_UNHANDLED &&
		    k->code == TUI_KEY_ESC ? TUI_HANDLED : form_result(r);
	default:
		if (k->code == TUI_KEY_F(4)) {
			scr_page_print(t, &p->page, _("The receipt"));
			return TUI_HANDLED;
		}
		if (k->code == TUI_KEY_F(8)) {
			if (p->reversed)
				tui_error(t, "%s", _("this receipt is "
				    "reversed already"));
			else {
				tui_form_set(p->reason, 0, "");
				p->reason->dirty = 0;
				p->mode = MODE_REASON;
			}
			return TUI_HANDLED;
		}
		return scr_page_key(&p->page, tui_body_rows(t), k);
	}
}

static void
pay_free(void *state)
{
	struct pay *p = state;

	tui_form_free(p->ask);
	tui_form_free(p->reason);
	tui_form_free(p->refund);
	scr_page_free(&p->page);
	free(p);
}

static const struct tui_keyhelp pay_keys[] = {
	{ "Space", N_("Choose") },
	{ "F2", N_("Take payment") },
	{ "F4", N_("Print") },
	{ "F7", N_("Refund") },
	{ "F8", N_("Reverse") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen pay_screen = {
	N_("Contributions"),
	N_("Type the ID number of any member of the household.  Each member "
	    "is listed with the standard contribution, the subsidy and the "
	    "category that gave it, and the amount due; a member who cannot "
	    "pay says why.  Space chooses or leaves a member; F2 takes the "
	    "payment for the chosen members on one receipt; F7 refunds the "
	    "chosen member's contribution paid in advance (before the year "
	    "begins: a job with employee insurance, the army, or death).  "
	    "On the receipt, "
	    "F4 prints it (YIBAO_PRINT_COMMAND, else lp) and F8 reverses it "
	    "with a reason: a clerk needs a supervisor to type their login "
	    "and password.  The figures (RULES.md 3): the standard is the "
	    "pack's personal contribution P; the subsidy is the largest any "
	    "of the member's categories gives on the payment date (full = P, "
	    "a percentage of P, or a fixed amount up to P); due = standard - "
	    "subsidy.  Outside the payment period a late payer pays P + G "
	    "without subsidy and waits before benefits start."),
	pay_draw, pay_key, pay_free, pay_keys
};

void
tui_open_pay(struct tui *t, const char *resident_id)
{
	struct pay *p = calloc(1, sizeof *p);

	if (p == NULL || (p->ask = tui_form_new(ask_fields, 1, p)) == NULL ||
	    (p->reason = tui_form_new(reason_fields, 1, p)) == NULL ||
	    (p->refund = tui_form_new(refund_fields, 1, p)) == NULL) {
		if (p != NULL) {
			tui_form_free(p->ask);
			tui_form_free(p->reason);
		}
		free(p);
		tui_error(t, "%s", _("out of memory"));
		return;
	}
	p->list.row = member_row;
	p->list.ctx = p;
	if (resident_id != NULL && load(t, p, resident_id) != 0) {
		pay_free(p);
		return;
	}
	tui_push(t, &pay_screen, p);
}
