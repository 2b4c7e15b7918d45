/*
 * claim.h: claims settled against the database and saved for good
 * (RULES.md 4 and 5), their reversal, and the view a slip is printed from.
 */
#ifndef YIBAO_OPS_CLAIM_H
#define YIBAO_OPS_CLAIM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/policy.h"
#include "core/settle.h"
#include "ops/ops.h"

/* One saved claim as a slip shows it, settled again from what was stored. */
struct claim_view {
	char key[40];			/* the slip's number: SITE-S00000001 */
	char id_number[19];
	char name[128];
	int benefit_year;
	struct date admitted_on;
	struct date discharged_on;	/* y == 0: not given (outpatient) */
	char hospital[128];
	char registration[40];		/* the registration that waived the penalty, or "" */
	char reverses[40];		/* this row reverses that claim, or "" */
	char reason[256];		/* of a reversal */
	char reversed_by[40];		/* a later row that reversed this one, or "" */
	struct date settled_on;
	char at[24];			/* UTC time of saving */
	char operator_login[33];
	char operator_name[97];
	char site[17];
	char policy_id[64];
	char policy_hash[65];
	struct claim claim;		/* the engine's input as stored */
	struct settlement settlement;	/* the engine's result (equal to the stored figures) */
};

/*
 * Load claim `key` and settle it again from its stored input by the pack
 * text stored with it (policy_text), so every figure can be explained with
 * its parameter even if the pack file changed since.  *pol is allocated:
 * free() it.  OPS_FAILED if the figures do not match what was saved.
 * A reversal row (reverses != "") stores the negatives of the claim it
 * cancels; its view holds the engine's positive figures, and `reason` is
 * its reason.  A reversed claim's view gives reversed_by and, in `reason`,
 * the reversal's reason.
 */
enum ops_status ops_claim_view(struct ops_session *s, const char *key,
    struct claim_view *out, struct policy **pol, struct ops_error *err);

/* What a clerk enters to settle a claim (RULES.md 5.1). */
struct claim_request {
	const char *id;			/* ID number as typed */
	enum claim_kind kind;
	struct date admitted_on;	/* the visit date for outpatient care */
	struct date discharged_on;	/* y == 0: not given */
	const char *hospital;		/* UTF-8, required */
	int level;			/* 1..3, 0 not given */
	enum scope scope;
	bool emergency;
	const char *disease;		/* chronic: the pack's code; NULL otherwise */
	enum delivery delivery;		/* maternity */
	int babies;			/* maternity; 0 = one */
	bool major_disease;
	fen_t total, out_of_list, class_b, imported, imported_standard;
};

/* What settling gave; `settlement.status` says why a claim stopped. */
struct claim_result {
	char key[40];			/* SITE-S00000001; "" for a dry run */
	char id_number[19];
	char name[128];
	int benefit_year;
	char registration[40];		/* the registration that waived the penalty */
	struct claim claim;		/* the engine's input */
	struct settlement settlement;
};

/*
 * Settle a claim against the database and save it, in one BEGIN IMMEDIATE
 * transaction (two windows settling for one person take turns, so they
 * cannot both use the same cap room).  The pack is s->policy; it must be
 * for the benefit year of the admission date.  Eligibility (RULES.md 4),
 * categories, residence and chronic qualification on the admission date,
 * the off-site registration and the year-to-date figures come from the
 * database.  With dry_run the same settlement is computed and nothing is
 * written.  OPS_INVALID for bad input, and also when the pack lacks a
 * parameter the claim needs: then out->settlement.status is
 * SETTLE_MISSING_PARAM and .missing names it.  OPS_NOT_FOUND: no such
 * resident.  An ineligible claim is saved with every payment 0.
 */
enum ops_status ops_claim_settle(struct ops_session *s,
    const struct claim_request *req, int dry_run, struct claim_result *out,
    struct ops_error *err);

/*
 * The same inside the caller's transaction (a batch): check, settle and
 * save with its audit line, no BEGIN or COMMIT.  The year-to-date figures
 * include the claims the transaction saved before, so a person's caps
 * accumulate across a batch.  On failure nothing of this claim is meant to
 * stay: OPS_FAILED (the database refused) leaves the transaction to be
 * rolled back; other statuses wrote nothing.
 */
enum ops_status ops_claim_settle_in_tx(struct ops_session *s,
    const struct claim_request *req, struct claim_result *out,
    struct ops_error *err);

/*
 * ops_claim_settle_in_tx with a batch's memo (ops/claim_memo.h): each
 * person read once, the year-to-date figures kept in memory as the batch
 * saves claims.  The same row and audit line as without it; only claims
 * may be written in the transaction while the memo is in use.
 */
struct claim_memo;
enum ops_status ops_claim_settle_memo(struct ops_session *s,
    struct claim_memo *m, const struct claim_request *req,
    struct claim_result *out, struct ops_error *err);

/*
 * Reverse (冲正) claim `key`: a supervisor, with a reason.  A new row with
 * every amount negated; its key goes to new_key.  OPS_CONFLICT if the
 * claim was already reversed, OPS_INVALID if it is itself a reversal.
 */
enum ops_status ops_claim_reverse(struct ops_session *s, const char *key,
    const char *reason, char *new_key, size_t keysz, struct ops_error *err);

/* One row of a person's claims (amounts negative for a reversal). */
struct claim_row {
	char key[40];
	char kind[12];
	struct date admitted_on;
	char hospital[128];
	char disease[32];
	char reverses[40];
	char reversed_by[40];
	bool eligible;
	fen_t total, fund, serious, assistance, personal;
};

/* The fund used under a cap this year; cap -1 when the pack gives none. */
struct claim_used {
	char code[32];			/* chronic: the disease code */
	char label[96];			/* chronic: the disease name */
	fen_t used, cap;
};

struct claim_list {
	char id_number[19];
	char name[128];
	int year;
	char policy_id[64];		/* whose caps are shown, "" none */
	int n;
	struct claim_row *r;		/* malloc'd */
	struct claim_used inpatient;	/* inpatient and accident */
	struct claim_used accident;
	struct claim_used outpatient;
	int nchronic;
	struct claim_used chronic[DISEASE_MAX];
	fen_t serious_paid, assistance_paid;
	fen_t total, fund, serious, assistance, personal;
};

/*
 * The person's claims of benefit year `year` (0: this year) with what
 * they add up to under each cap; the caps are s->policy's when it is for
 * that year.  Free with claim_list_free.
 */
enum ops_status ops_claim_list(struct ops_session *s, const char *id,
    int year, struct claim_list *out, struct ops_error *err);
void claim_list_free(struct claim_list *l);

/* The kind of care as a clerk reads it (translated); the code if unknown. */
const char *claim_kind_label(const char *code);

#endif
