/*
 * import.h: a department's roster into the database, all or nothing.
 *
 * The file is read twice, streaming: once to decide its encoding
 * (io/detect.h), once to convert it to UTF-8 (io/encode.h), split it into
 * records (io/csv.h), map the columns (io/roster.h) and check and write
 * each row through the resident, household and category ops, all in ONE
 * transaction.  Every bad row is collected (line, column, value as read,
 * reason); any bad row means nothing is written.  A dry run makes the same
 * checks and rolls back.  Re-importing a file changes nothing.
 *
 * Residents: a row of a person already registered is compared with the
 * record: equal is "unchanged", else its name, village, phone, residence
 * and insured category are updated ("changed").  A new person needs a
 * residence (户口性质); the insured category defaults to rural_resident
 * for rural and urban_non_employed for urban.  The category column is used
 * only when valid_from and department are given (then each row's category,
 * by the pack's Chinese label or its code, is recorded from that day);
 * otherwise it is ignored and the report says so.
 */
#ifndef YIBAO_OPS_IMPORT_H
#define YIBAO_OPS_IMPORT_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>

#include "io/roster.h"
#include "ops/ops.h"

enum import_kind { IMPORT_RESIDENTS, IMPORT_CATEGORIES };

struct import_options {
	enum import_kind kind;
	const char *encoding;		/* NULL: detect; "utf-8", "gb18030" */
	int dry_run;
	const char *category;		/* IMPORT_CATEGORIES: the code */
	const char *valid_from;		/* YYYY-MM-DD */
	const char *valid_to;		/* NULL: open */
	const char *department;
	const char *file_name;		/* for the audit line */
	/* Called every IMPORT_PROGRESS_ROWS rows; NULL for none. */
	void (*progress)(void *ctx, long rows, uint64_t bytes, uint64_t total);
	void *progress_ctx;
	/* Set (by a signal handler) to stop: the import is rolled back. */
	volatile sig_atomic_t *interrupted;
};

#define IMPORT_PROGRESS_ROWS 1000

struct import_problem {
	long line;
	char column[64];	/* the header as the file names it */
	char value[128];	/* as read (after conversion to UTF-8) */
	char reason[512];
};

struct import_report {
	char encoding[16];		/* "UTF-8", "GB18030" */
	int bom;
	long rows;			/* data rows read */
	long added, changed, unchanged;
	int nunknown;			/* columns ignored */
	char unknown[ROSTER_UNKNOWN_MAX][64];
	int category_ignored;		/* residents: category column unused */
	long bad_rows;			/* rows with at least one problem */
	size_t nproblems;
	struct import_problem *problem;	/* in line order */
	int interrupted;
	int written;			/* 1 if committed */
};

/*
 * Import `f` (a seekable file).  OPS_OK: imported (or, dry run, it would
 * be); OPS_INVALID: the file or some rows are refused (err says why,
 * report->problem lists the rows); OPS_FAILED with report->interrupted
 * when stopped.  Nothing is written unless OPS_OK and not a dry run.
 * Free the report with import_report_free.
 */
enum ops_status ops_import(struct ops_session *s, FILE *f,
    const struct import_options *o, struct import_report *r,
    struct ops_error *err);

void import_report_free(struct import_report *r);

#endif
