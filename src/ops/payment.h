/*
 * payment.h: take a household's contributions on one receipt, refund them
 * (001: employment, military service, death), reverse a mistake (冲正, a
 * supervisor), and say a person's coverage for a year (RULES.md 3, 4).
 * Money lines are never changed: a refund or a reversal is a new line
 * naming the line it cancels.
 */
#ifndef YIBAO_OPS_PAYMENT_H
#define YIBAO_OPS_PAYMENT_H

#include <stdbool.h>

#include "core/contribution.h"
#include "ops/ops.h"

#define PAY_MEMBERS_MAX 32	/* members on one receipt */

struct pay_request {
	int year;			/* benefit year; 0 = the pack's */
	struct date date;		/* payment date; y == 0: today */
	enum late_case late_case;
	struct date employee_ended_on;
	int nids;
	const char *ids[PAY_MEMBERS_MAX];	/* ID numbers as typed */
	bool dry_run;			/* compute the receipt, write nothing */
};

struct pay_member {
	char key[PAY_KEY_MAX];		/* receipt-line */
	int line;
	char id_number[19];
	char name[97];
	struct contribution c;
};

struct pay_receipt {
	char receipt[40];
	char site[17];
	/* "" when paid for one person outside a household; OFFICE/NUMBER
	 * when the household is another office's (household_name) */
	char household_number[64];	/* site/number: 16 + 1 + 32 */
	struct date paid_on;
	int year;
	char policy_id[64];
	int n;
	struct pay_member m[PAY_MEMBERS_MAX];
	fen_t total;			/* sum of due */
	fen_t total_standard;
	fen_t total_subsidy;
};

/*
 * Pay for the people req->ids (several: members of one household) in one
 * transaction on one receipt.  Nothing is written when any member is
 * refused (unknown, ended, already paid, outside every period).  With
 * req->dry_run the same checks and figures, no receipt number, nothing
 * written: what the clerk is shown before taking the money.
 */
enum ops_status ops_pay(struct ops_session *s, const struct pay_request *req,
    struct pay_receipt *out, struct ops_error *err);

/*
 * ops_pay inside the caller's transaction (a file of receipts: one
 * commit for all): the same checks, rows and audit lines.  When a member
 * is refused, *who is its index in req->ids (else -1: the receipt as a
 * whole); what was written is the caller's to roll back.
 */
enum ops_status ops_pay_in_tx(struct ops_session *s,
    const struct pay_request *req, struct pay_receipt *out, int *who,
    struct ops_error *err);

/* A refund or a reversal: the new receipt and its lines. */
struct cancel_line {
	char key[PAY_KEY_MAX];
	char cancels[PAY_KEY_MAX];
	char id_number[19];
	char name[97];
	int benefit_year;
	fen_t amount;			/* <= 0 */
};

struct cancel_result {
	char receipt[40];
	char kind[12];			/* refund, reversal */
	char reason[128];
	struct date on;
	int n;
	struct cancel_line l[PAY_MEMBERS_MAX];
	fen_t total;
};

/* Refund reasons (001 四(二)2): employment, military, death. */
int refund_reason_valid(const char *code);
const char *refund_reason_label(const char *code);	/* translated */

/*
 * Refund one payment line (RECEIPT-LINE) paid in advance for a year that
 * has not begun, because the person took a job, joined the army or died.
 */
enum ops_status ops_refund(struct ops_session *s, const char *line_key,
    const char *reason, struct cancel_result *out, struct ops_error *err);

/*
 * Reverse (冲正) a whole receipt (its lines not already cancelled) or one
 * line RECEIPT-LINE.  A supervisor, with a reason.
 */
enum ops_status ops_reverse(struct ops_session *s, const char *key,
    const char *reason, struct cancel_result *out, struct ops_error *err);

struct coverage_report {
	char id_number[19];
	char name[97];
	struct coverage cov;
};

/* Coverage of `id` for `year` (0: the year of s->today) on s->today. */
enum ops_status ops_coverage(struct ops_session *s, const char *id, int year,
    struct coverage_report *out, struct ops_error *err);

/* Payment-table lines of a person as core/ reads them (for claims too). */
enum ops_status ops_person_lines(struct ops_session *s, const char *id,
    struct pay_line **lines, size_t *n, struct ops_error *err);

/* A category's label in the session's pack, else its code. */
const char *pay_category_label(const struct ops_session *s, int cat);

#endif
