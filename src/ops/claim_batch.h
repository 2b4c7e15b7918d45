/*
 * claim_batch.h: yibao claim settle --batch FILE, saved settlements in
 * bulk, all or nothing like the roster import.
 *
 * The file is CSV (UTF-8 or GB18030, detected as a roster is) with a
 * header naming, in any order, the fields of claim settle's options:
 * id, kind, admitted (or visit), discharged, hospital, level, scope,
 * emergency, disease, delivery, babies, major_disease, total,
 * out_of_list, class_b, imported, imported_standard ('-' or '_' alike).
 * id, kind, admitted, hospital and total are required.  Every row is
 * settled and saved through ops_claim_settle_memo (ops_claim_settle_in_tx
 * with each person read once, ops/claim_memo.h) inside ONE transaction,
 * in file order, so a person's year-to-date caps accumulate across the
 * batch exactly as they would claim after claim.  Any bad row
 * (each listed with its line and reason) means nothing is written.
 */
#ifndef YIBAO_OPS_CLAIM_BATCH_H
#define YIBAO_OPS_CLAIM_BATCH_H

#include <stdio.h>

#include "core/money.h"
#include "ops/ops.h"

struct claim_batch_problem {
	long line;
	char reason[640];
};

/* One settled row, for the clerk's list. */
struct claim_batch_row {
	long line;
	char key[40];
	char id_number[19];
	fen_t total, fund, serious, assistance, personal;
};

struct claim_batch_report {
	char encoding[16];		/* "UTF-8", "GB18030" */
	long rows;			/* data rows read */
	size_t nclaims;
	struct claim_batch_row *claim;	/* malloc'd, in line order */
	size_t nproblems;
	struct claim_batch_problem *problem;	/* malloc'd, in line order */
	fen_t total, fund, serious, assistance, personal;
	int written;			/* 1 if committed */
};

/*
 * Settle the claims of `f`.  OPS_OK: all settled and saved (with dry_run:
 * all would be, nothing written).  OPS_INVALID: the file is refused (err
 * says why) or some rows are (report->problem lists them); nothing
 * written.  OPS_DENIED, OPS_FAILED as for one claim.  Free the report
 * with claim_batch_report_free.
 */
enum ops_status ops_claim_batch(struct ops_session *s, FILE *f, int dry_run,
    struct claim_batch_report *report, struct ops_error *err);

void claim_batch_report_free(struct claim_batch_report *r);

#endif
