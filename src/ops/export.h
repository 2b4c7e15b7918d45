/*
 * export.h: yibao export: the office's lists as rows of text ready for a
 * CSV file (Chinese labels, amounts with two decimals), streamed to a
 * callback, and one audit line saying what left the office.
 *
 * Personal data (PIPL): every operator may export, but full ID numbers and
 * telephone numbers only go to a supervisor or an administrator; a clerk's
 * export has them masked (110105********002X, 138****5678), as on screen.
 */
#ifndef YIBAO_OPS_EXPORT_H
#define YIBAO_OPS_EXPORT_H

#include <stddef.h>

#include "ops/ops.h"

enum export_kind {
	EXPORT_RESIDENTS, EXPORT_PAYMENTS, EXPORT_SETTLEMENTS,
	EXPORT_REGISTRATIONS, EXPORT_KINDS
};

struct export_opts {
	enum export_kind kind;
	int year;			/* 0: all years */
	const char *village;		/* NULL: all villages */
	int national;			/* settlements: national field names */
	const char *target;		/* for the audit line: "gb18030 FILE" */
};

/* A field an ID-like number: written so Excel keeps it as text. */
#define EXPORT_TEXT_NUMBER 1

/*
 * Called with the header row first (record NULL), then each row; `record`
 * names the row for an error (its key or shown ID number and name), and
 * flags[i] has EXPORT_TEXT_NUMBER for a long digit string Excel would turn
 * into a number.  Return OPS_OK to go on, else fill err and return its status.
 */
typedef enum ops_status export_row_fn(void *arg, const char *const *fields,
    const int *flags, size_t n, const char *record, struct ops_error *err);

/* "residents" -> EXPORT_RESIDENTS; 0 ok, -1 unknown. */
int export_kind_from_code(const char *code, enum export_kind *out);
const char *export_kind_code(enum export_kind k);

/* Whether this session's export holds full ID and telephone numbers. */
int ops_export_full_ids(const struct ops_session *s);

/* The office's pack id (setting 'policy') for the category labels: 0, or -1 none. */
int ops_export_pack(struct ops_session *s, char *buf, size_t bufsz);

/*
 * Stream the rows of o->kind, in one read snapshot, then append one audit
 * line export.KIND naming the filters, the target and the number of rows
 * (*rows, header excluded).  A failure of fn stops the export with its
 * status and nothing is audited.
 */
enum ops_status ops_export(struct ops_session *s, const struct export_opts *o,
    export_row_fn *fn, void *arg, unsigned long *rows, struct ops_error *err);

#endif
