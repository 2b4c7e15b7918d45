/*
 * exchange.c: data exchange on screen.  Import a department's roster
 * (residents, or the holders of a hardship category): the file is first
 * read as a dry run (ops_import with dry_run), and the preview shows what
 * would be added, changed and left, and every bad row with its line,
 * column, value and reason, before anything is written; F2 there imports
 * for real, and only a clean file can be.  Export a list as CSV
 * (ops_export) in any of yibao export's encodings and, for settlements,
 * with the national field names, written as FILE.tmp and renamed when
 * whole.  Both show a progress box, and Esc stops them with nothing
 * written.  The menu also opens the night sync and a file of claims
 * settled at once (sync.c, claimbatch.c) and of contributions paid at
 * once (paybatch.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "io/csv_write.h"
#include "ops/category.h"
#include "ops/export.h"
#include "ops/import.h"
#include "ops/payment.h"
#include "tui/admin.h"
#include "tui/progress.h"
#include "tui/reports.h"
#include "tui/screens.h"

#define PATH_MAX_LEN 1024

/* ---- import: the form ------------------------------------------------ */

enum { I_FILE, I_FROM, I_DEPT, I_COUNT };		/* residents */
enum { C_FILE, C_CAT, C_FROM, C_TO, C_DEPT, C_COUNT };	/* a category */

struct import_form {
	enum import_kind kind;
	struct tui_form *form;
	int n;
	struct scr_choice c[CAT_COUNT];
};

static int
check_file(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *path = tui_form_get(f, idx);

	(void)t;
	if (path[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("the name of the file"));
		return -1;
	}
	if (access(path, R_OK) != 0) {
		snprintf(msg, msgsz, _("cannot open %s: %s"), path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

static int
check_date(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct import_form *im = f->ctx;
	const char *s = tui_form_get(f, idx);
	struct date d;

	(void)t;
	/* Empty: residents without categories; a category roster's end. */
	if (s[0] == '\0' && (im->kind == IMPORT_RESIDENTS || idx == C_TO))
		return 0;
	if (date_parse(s, &d) != DATE_OK) {
		snprintf(msg, msgsz, "%s", _("a date as YYYY-MM-DD"));
		return -1;
	}
	return 0;
}

static int
check_dept(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct import_form *im = f->ctx;
	const char *from = tui_form_get(f, im->kind == IMPORT_RESIDENTS ?
	    I_FROM : C_FROM);
	int has_from = from[0] != '\0';

	(void)t;
	if (tui_form_get(f, idx)[0] == '\0' && (has_from ||
	    im->kind == IMPORT_CATEGORIES)) {
		snprintf(msg, msgsz, "%s", _("the department that certified "
		    "the categories"));
		return -1;
	}
	return 0;
}

static int
check_cat(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	struct import_form *im = f->ctx;

	(void)t;
	if (scr_choose(im->c, im->n, tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, _("type a number from 1 to %d"), im->n);
		return -1;
	}
	return 0;
}

static const struct tui_form_field resident_fields[I_COUNT] = {
	{ N_("File"), 40, 200, 0, check_file,
	    N_("The roster: CSV, GB18030 or UTF-8") },
	{ N_("Valid from"), 12, 10, TUI_FIELD_DATE, check_date,
	    N_("Empty, or the first day of the category column") },
	{ N_("Department"), 24, 60, 0, check_dept,
	    N_("Who certified the categories; Enter reads the file") },
};

static const struct tui_form_field category_fields[C_COUNT] = {
	{ N_("File"), 40, 200, 0, check_file,
	    N_("The roster: CSV, GB18030 or UTF-8") },
	{ N_("Category"), 3, 2, TUI_FIELD_DIGITS, check_cat,
	    N_("The number of one of the categories shown below") },
	{ N_("Valid from"), 12, 10, TUI_FIELD_DATE, check_date,
	    N_("The first day it counts: YYYY-MM-DD") },
	{ N_("Valid to"), 12, 10, TUI_FIELD_DATE, check_date,
	    N_("The last day it counts; empty: open") },
	{ N_("Department"), 24, 60, 0, check_dept,
	    N_("Who certified it; Enter reads the file") },
};

/* ---- import: the preview --------------------------------------------- */

struct preview {
	enum import_kind kind;
	char file[PATH_MAX_LEN];
	char category[40], from[16], to[16], dept[128];
	struct scr_page page;
	int clean;			/* the dry run found nothing wrong */
	int done;			/* imported */
};

static void
import_progress(void *ctx, long rows, uint64_t bytes, uint64_t total)
{
	progress_update(ctx, rows, bytes, total);
}

/* Run ops_import over the file; dry or real.  The report in *r. */
static enum ops_status
run_import(struct tui *t, struct preview *pv, int dry,
    struct import_report *r, struct ops_error *err)
{
	struct import_options o;
	struct tui_progress p;
	enum ops_status st;
	FILE *f;

	memset(&o, 0, sizeof o);
	memset(r, 0, sizeof *r);
	if ((f = fopen(pv->file, "rb")) == NULL)
		return ops_fail(err, OPS_INVALID, _("cannot open %s: %s"),
		    pv->file, strerror(errno));
	o.kind = pv->kind;
	o.dry_run = dry;
	o.category = pv->kind == IMPORT_CATEGORIES ? pv->category : NULL;
	o.valid_from = pv->from[0] ? pv->from : NULL;
	o.valid_to = pv->to[0] ? pv->to : NULL;
	o.department = pv->dept[0] ? pv->dept : NULL;
	o.file_name = pv->file;
	o.progress = import_progress;
	o.progress_ctx = &p;
	progress_begin(&p, t, dry ? _("Reading the roster") :
	    _("Importing the roster"));
	o.interrupted = &p.stop;
	st = ops_import(&t->s, f, &o, r, err);
	fclose(f);
	return st;
}

static void
show_report(struct tui *t, struct preview *pv, enum ops_status st,
    const struct import_report *r, const char *errmsg)
{
	struct scr_page *pg = &pv->page;

	(void)t;
	scr_page_clear(pg);
	scr_page_add(pg, TUI_A_BOLD, _("Roster %s"), pv->file);
	if (r->encoding[0] != '\0')
		scr_page_add(pg, 0, _("Read %ld rows (%s%s)."), r->rows,
		    r->encoding, r->bom ? _(" with BOM") : "");
	for (int i = 0; i < r->nunknown; i++)
		scr_page_add(pg, 0, _("Column \"%s\" is not known: ignored."),
		    r->unknown[i]);
	if (r->category_ignored)
		scr_page_add(pg, 0, "%s", _("The category column is ignored: "
		    "give the first day and the department to record it."));
	scr_page_add(pg, 0, "%s", "");
	if (r->interrupted) {
		scr_page_add(pg, TUI_A_ERROR, "! %s", _("Stopped: nothing was "
		    "written."));
		return;
	}
	if (r->nproblems > 0) {
		scr_page_add(pg, TUI_A_ERROR, _("! %ld bad rows: nothing can be "
		    "written.  Correct the file and import it again."),
		    r->bad_rows);
		for (size_t i = 0; i < r->nproblems; i++) {
			const struct import_problem *p = &r->problem[i];

			scr_page_add(pg, 0, _("line %ld, %s \"%s\": %s"),
			    p->line, p->column, p->value, p->reason);
		}
		return;
	}
	if (st != OPS_OK) {
		scr_page_add(pg, TUI_A_ERROR, "! %s", errmsg);
		return;
	}
	scr_page_add(pg, TUI_A_BOLD, pv->done ? _("Imported: %ld added, %ld "
	    "changed, %ld unchanged.") : _("It would add %ld, change %ld and "
	    "leave %ld unchanged."), r->added, r->changed, r->unchanged);
	scr_page_add(pg, 0, "%s", pv->done ? _("The roster is in the "
	    "database; the audit log names the file.") : _("Nothing is "
	    "written yet: F2 imports it."));
}

static void
preview_draw(struct tui *t, void *state)
{
	struct preview *pv = state;

	scr_page_draw(t, &pv->page, 0, tui_body_rows(t));
	tui_cursor(t, -1, -1);
}

static int
preview_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct preview *pv = state;
	struct import_report r;
	struct ops_error err;
	enum ops_status st;

	switch (k->code) {
	case TUI_KEY_F(2):
		if (pv->done) {
			tui_error(t, "%s", _("This roster is imported already."));
			return TUI_HANDLED;
		}
		if (!pv->clean) {
			tui_error(t, "%s", _("A roster with bad rows cannot be "
			    "imported: nothing was written."));
			return TUI_HANDLED;
		}
		st = run_import(t, pv, 0, &r, &err);
		pv->done = st == OPS_OK && r.written;
		show_report(t, pv, st, &r, err.msg);
		if (pv->done)
			tui_status(t, _("Imported %s."), pv->file);
		else
			tui_error(t, "%s", r.interrupted ? _("Stopped: nothing "
			    "was written.") : err.msg);
		pv->clean = 0;
		import_report_free(&r);
		return TUI_HANDLED;
	case TUI_KEY_F(4):
		scr_page_print(t, &pv->page, _("The import preview"));
		return TUI_HANDLED;
	default:
		return scr_page_key(&pv->page, tui_body_rows(t), k);
	}
}

static void
preview_free(void *state)
{
	struct preview *pv = state;

	scr_page_free(&pv->page);
	free(pv);
}

static const struct tui_keyhelp preview_keys[] = {
	{ "F2", N_("Import") },
	{ "F4", N_("Print") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen preview_screen = {
	N_("Import preview"),
	N_("What the roster would do, read in full but not written: the "
	    "encoding found, the rows read, how many persons would be added, "
	    "changed (name, village, telephone, residence or insured "
	    "category differ) or left as they are, and every bad row with "
	    "its line, column, value and reason.  One bad row and nothing is "
	    "written: correct the file and read it again.  F2 imports a clean "
	    "roster, all in one transaction; Esc during the work stops it "
	    "with nothing written.  F4 prints this page."),
	preview_draw, preview_key, preview_free, preview_keys
};

/* ---- import: the form screen ----------------------------------------- */

static void
import_draw(struct tui *t, void *state)
{
	struct import_form *im = state;
	int y = 3, rows = tui_body_rows(t);

	tui_print(t, 1, 1, 0, TUI_A_BOLD, im->kind == IMPORT_RESIDENTS ?
	    _("Import a roster of residents") :
	    _("Import the holders of a hardship category"));
	if (im->kind == IMPORT_CATEGORIES)
		for (int i = 0; i < im->n && y + im->form->n + 1 + i < rows;
		    i++)
			tui_printf(t, y + im->form->n + 1 + i, 3, 0,
			    TUI_A_NORMAL, "%2d  %s", i + 1, im->c[i].label);
	tui_form_draw(t, im->form, y, 1);
}

static void
import_start(struct tui *t, struct import_form *im)
{
	struct preview *pv = calloc(1, sizeof *pv);
	struct import_report r;
	struct ops_error err;
	enum ops_status st;
	const char *code;
	struct tui_form *f = im->form;

	if (pv == NULL)
		return;
	pv->kind = im->kind;
	tui_form_get_buf(f, 0, pv->file, sizeof pv->file);
	if (im->kind == IMPORT_RESIDENTS) {
		tui_form_get_buf(f, I_FROM, pv->from, sizeof pv->from);
		tui_form_get_buf(f, I_DEPT, pv->dept, sizeof pv->dept);
	} else {
		code = scr_choose(im->c, im->n, tui_form_get(f, C_CAT));
		snprintf(pv->category, sizeof pv->category, "%s",
		    code ? code : "");
		tui_form_get_buf(f, C_FROM, pv->from, sizeof pv->from);
		tui_form_get_buf(f, C_TO, pv->to, sizeof pv->to);
		tui_form_get_buf(f, C_DEPT, pv->dept, sizeof pv->dept);
	}
	st = run_import(t, pv, 1, &r, &err);
	pv->clean = st == OPS_OK && r.nproblems == 0 && !r.interrupted;
	show_report(t, pv, st, &r, err.msg);
	import_report_free(&r);
	if (tui_push(t, &preview_screen, pv) != 0)
		preview_free(pv);
}

static int
import_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct import_form *im = state;
	int r = tui_form_screen_key(t, im->form, k);

	if (r == TUI_FORM_SAVE) {
		import_start(t, im);
		return TUI_HANDLED;
	}
	return r;
}

static void
import_free(void *state)
{
	struct import_form *im = state;

	tui_form_free(im->form);
	free(im);
}

static const struct tui_keyhelp import_keys[] = {
	{ "F2", N_("Read") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen import_screen = {
	N_("Import a roster"),
	N_("A department's roster as a CSV file (GB18030 or UTF-8, found by "
	    "itself), with a header row naming its columns (身份证号, 姓名, "
	    "...).  F2 or Enter on the last field reads the whole file "
	    "without writing and shows what it would change and every bad "
	    "row; only then can it be imported.  For a residents roster, a "
	    "first day and a department make its category column count; a "
	    "category roster records the chosen category from that day for "
	    "every person in it.  Importing the same file again changes "
	    "nothing."),
	import_draw, import_key, import_free, import_keys
};

static void
open_import(struct tui *t, enum import_kind kind)
{
	struct import_form *im = calloc(1, sizeof *im);
	const struct policy *pol = t->s.policy;
	char today[DATE_BUFSZ];

	if (im == NULL)
		return;
	im->kind = kind;
	im->form = kind == IMPORT_RESIDENTS ? tui_form_new(resident_fields,
	    I_COUNT, im) : tui_form_new(category_fields, C_COUNT, im);
	if (im->form == NULL) {
		free(im);
		return;
	}
	im->form->label_cols = SCR_LABEL_COLS;
	for (int c = 0; pol != NULL && c < CAT_COUNT; c++)
		if (pol->categories & CATSET(c)) {
			im->c[im->n].code = category_code((enum category)c);
			im->c[im->n].label = pay_category_label(&t->s, c);
			im->n++;
		}
	if (kind == IMPORT_CATEGORIES)
		tui_form_set(im->form, C_FROM, date_format(t->s.today, today));
	tui_push(t, &import_screen, im);
}

static void open_import_residents(struct tui *t)
{
	open_import(t, IMPORT_RESIDENTS);
}

static void open_import_categories(struct tui *t)
{
	open_import(t, IMPORT_CATEGORIES);
}

/* ---- export ----------------------------------------------------------- */

enum { E_LIST, E_YEAR, E_VILLAGE, E_FILE, E_ENC, E_HEAD, E_COUNT };

#define MAXF 32
#define CELL 300

/* As yibao export --encoding names them; the charset is the code's start. */
static const struct scr_choice encodings[] = {
	{ "gb18030", NULL }, { "utf-8", NULL }, { "utf-8-bom", NULL }
};
#define NENC 3

static const struct scr_choice lists[] = {
	{ "residents", NULL }, { "payments", NULL }, { "settlements", NULL },
	{ "registrations", NULL }
};

struct export_form {
	struct tui_form *form;
};

/* The rows' way to the file, with the progress box and its Esc. */
struct sink {
	struct csv_writer *w;
	const char *charset;
	struct tui_progress p;
	unsigned long rows;
	char cell[MAXF][CELL];
	const char *f[MAXF];
};

static int
check_list(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (scr_choose(lists, 4, tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, "%s", _("1 residents, 2 payments, 3 "
		    "settlements or 4 registrations"));
		return -1;
	}
	return 0;
}

static int
check_year(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *s = tui_form_get(f, idx);
	long y = atol(s);

	(void)t;
	if (s[0] != '\0' && (strlen(s) != 4 || y < DATE_MIN_YEAR ||
	    y > DATE_MAX_YEAR)) {
		snprintf(msg, msgsz, "%s", _("a year such as 2021, or empty "
		    "for all years"));
		return -1;
	}
	return 0;
}

static int
check_out(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (tui_form_get(f, idx)[0] == '\0') {
		snprintf(msg, msgsz, "%s", _("the name of the file to write"));
		return -1;
	}
	return 0;
}

static int
check_enc(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	(void)t;
	if (scr_choose(encodings, NENC, tui_form_get(f, idx)) == NULL) {
		snprintf(msg, msgsz, "%s", _("1 GB18030 (Excel on Windows), 2 "
		    "UTF-8 or 3 UTF-8 with a BOM"));
		return -1;
	}
	return 0;
}

static int
check_head(struct tui *t, struct tui_form *f, int idx, char *msg,
    size_t msgsz)
{
	const char *s = tui_form_get(f, idx);
	const char *list = scr_choose(lists, 4, tui_form_get(f, E_LIST));

	(void)t;
	if (strcmp(s, "1") != 0 && strcmp(s, "2") != 0) {
		snprintf(msg, msgsz, "%s", _("1 Chinese or 2 national field "
		    "names"));
		return -1;
	}
	if (s[0] == '2' && (list == NULL || strcmp(list, "settlements") != 0)) {
		snprintf(msg, msgsz, "%s", _("national field names are only "
		    "for settlements (list 3)"));
		return -1;
	}
	return 0;
}

static const struct tui_form_field export_fields[E_COUNT] = {
	{ N_("List"), 3, 1, TUI_FIELD_DIGITS, check_list,
	    N_("1 residents 2 payments 3 settlements 4 registrations") },
	{ N_("Year"), 6, 4, TUI_FIELD_DIGITS, check_year,
	    N_("Only this year; empty: all years") },
	{ N_("Village"), 24, 60, 0, NULL,
	    N_("Only this village; empty: all") },
	{ N_("File"), 40, 200, 0, check_out,
	    N_("Where to write the CSV file") },
	{ N_("Encoding"), 3, 1, TUI_FIELD_DIGITS, check_enc,
	    N_("1 GB18030 (Excel on Windows), 2 UTF-8, 3 UTF-8 with a BOM") },
	{ N_("Field names"), 3, 1, TUI_FIELD_DIGITS, check_head,
	    N_("1 Chinese; 2 national (settlements only); Enter writes") },
};

static enum ops_status
write_row(void *arg, const char *const *fields, const int *flags, size_t n,
    const char *record, struct ops_error *err)
{
	struct sink *k = arg;
	struct encode_error e;
	enum csv_write_status st;

	if (n > MAXF)
		n = MAXF;
	for (size_t i = 0; i < n; i++) {
		k->f[i] = fields[i];
		/* A tab after an ID number keeps it text in Excel (export.c). */
		if ((flags[i] & EXPORT_TEXT_NUMBER) && fields[i][0] != '\0') {
			snprintf(k->cell[i], CELL, "%s\t", fields[i]);
			k->f[i] = k->cell[i];
		}
	}
	if ((st = csv_writer_row(k->w, k->f, n, &e)) != CSV_WRITE_OK) {
		if (st == CSV_WRITE_IO)
			return ops_fail(err, OPS_FAILED, _("the export could "
			    "not be written: %s"), strerror(errno));
		return ops_fail(err, OPS_INVALID, _("%s holds a character "
		    "%s cannot hold: nothing was exported; choose UTF-8"),
		    record ? record : _("the header"), k->charset);
	}
	if (++k->rows % 200 == 0 &&
	    progress_update(&k->p, (long)k->rows, 0, 0))
		return ops_fail(err, OPS_FAILED, "%s", _("Stopped: nothing "
		    "was written."));
	return OPS_OK;
}

/* FILE.tmp, its owner's only (personal data), renamed when whole. */
static void
export_run(struct tui *t, struct export_form *ef)
{
	struct tui_form *f = ef->form;
	struct export_opts o;
	struct ops_error err;
	struct encode_error e;
	enum ops_status st;
	unsigned long rows = 0;
	char path[PATH_MAX_LEN], tmp[PATH_MAX_LEN + 8], village[128],
	    target[PATH_MAX_LEN + 32];
	const char *enc;
	struct sink *k = calloc(1, sizeof *k);
	FILE *fp = NULL;
	int fd;

	if (k == NULL)
		return;
	memset(&o, 0, sizeof o);
	export_kind_from_code(scr_choose(lists, 4, tui_form_get(f, E_LIST)),
	    &o.kind);
	o.year = atoi(tui_form_get(f, E_YEAR));
	tui_form_get_buf(f, E_VILLAGE, village, sizeof village);
	o.village = village[0] ? village : NULL;
	tui_form_get_buf(f, E_FILE, path, sizeof path);
	enc = scr_choose(encodings, NENC, tui_form_get(f, E_ENC));
	k->charset = strcmp(enc, "gb18030") == 0 ? "GB18030" : "UTF-8";
	o.national = tui_form_get(f, E_HEAD)[0] == '2';
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	/* The audit line names the target as yibao export does. */
	snprintf(target, sizeof target, "%s %s", enc, path);
	o.target = target;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		if (fd >= 0)
			close(fd);
		tui_error(t, _("%s cannot be written: %s"), path,
		    strerror(errno));
		free(k);
		return;
	}
	progress_begin(&k->p, t, _("Exporting"));
	if ((k->w = csv_writer_open(fp, k->charset, strcmp(enc, "utf-8-bom")
	    == 0, &e)) == NULL)
		st = ops_fail(&err, OPS_FAILED, "%s", _("out of memory"));
	else
		st = ops_export(&t->s, &o, write_row, k, &rows, &err);
	if (k->w != NULL && csv_writer_close(k->w) != CSV_WRITE_OK &&
	    st == OPS_OK)
		st = ops_fail(&err, OPS_FAILED, _("the export could not be "
		    "written: %s"), strerror(errno));
	if (fclose(fp) != 0 && st == OPS_OK)
		st = ops_fail(&err, OPS_FAILED, _("the export could not be "
		    "written: %s"), strerror(errno));
	if (st == OPS_OK && rename(tmp, path) != 0)
		st = ops_fail(&err, OPS_FAILED, _("%s cannot be written: %s"),
		    path, strerror(errno));
	if (st != OPS_OK) {
		unlink(tmp);
		tui_error(t, "%s", err.msg);
	} else {
		tui_status(t, _("%lu rows written to %s (%s), ID numbers %s."),
		    rows, path, enc, ops_export_full_ids(&t->s) ?
		    _("in full") : _("masked"));
		tui_pop(t);
	}
	free(k);
}

static void
export_draw(struct tui *t, void *state)
{
	struct export_form *ef = state;

	tui_print(t, 1, 1, 0, TUI_A_BOLD, _("Export a list as a CSV file"));
	tui_form_draw(t, ef->form, 3, 1);
}

static int
export_key(struct tui *t, void *state, const struct tui_key *k)
{
	struct export_form *ef = state;
	int r = tui_form_screen_key(t, ef->form, k);

	if (r == TUI_FORM_SAVE) {
		export_run(t, ef);
		return TUI_HANDLED;
	}
	return r;
}

static void
export_free(void *state)
{
	struct export_form *ef = state;

	tui_form_free(ef->form);
	free(ef);
}

static const struct tui_keyhelp export_keys[] = {
	{ "F2", N_("Write") },
	{ "Tab", N_("Next field") },
	{ "F1", N_("Help") },
	{ "Esc", N_("Back") },
	{ NULL, NULL }
};

static const struct tui_screen export_screen = {
	N_("Export a list"),
	N_("The office's residents, payments, settlements or off-site "
	    "registrations as a CSV file with Chinese headers, for one year "
	    "and one village or all, in GB18030 (what Excel on Chinese "
	    "Windows opens), UTF-8, or UTF-8 with a byte-order mark (what "
	    "Excel opens when a name has a character GB18030 lacks), as "
	    "yibao export writes it.  Settlements can carry the national "
	    "platform's field names instead of the Chinese headers.  ID "
	    "numbers are in full for a supervisor, masked for a clerk.  The "
	    "file is written whole or not at all; Esc during the work stops "
	    "it.  The audit log records what left the office."),
	export_draw, export_key, export_free, export_keys
};

static void
open_export(struct tui *t)
{
	struct export_form *ef = calloc(1, sizeof *ef);
	char year[8];

	if (ef == NULL || (ef->form = tui_form_new(export_fields, E_COUNT,
	    ef)) == NULL) {
		free(ef);
		return;
	}
	ef->form->label_cols = SCR_LABEL_COLS;
	snprintf(year, sizeof year, "%d", t->s.today.y);
	tui_form_set(ef->form, E_LIST, "1");
	tui_form_set(ef->form, E_YEAR, year);
	tui_form_set(ef->form, E_FILE, "export.csv");
	tui_form_set(ef->form, E_ENC, "1");
	tui_form_set(ef->form, E_HEAD, "1");
	tui_push(t, &export_screen, ef);
}

static const struct tui_menu_item exchange_items[] = {
	{ N_("Import a roster of residents"), open_import_residents },
	{ N_("Import the holders of a hardship category"),
	  open_import_categories },
	{ N_("Export a list"), open_export },
	{ N_("Settle a file of claims"), tui_open_claim_batch },
	{ N_("Pay a file of contributions"), tui_open_pay_batch },
	{ N_("Night sync: the centre's file, tonight's file"),
	  tui_open_sync },
};

void
tui_open_exchange(struct tui *t)
{
	tui_menu_open(t, N_("Data exchange"), exchange_items,
	    (int)(sizeof exchange_items / sizeof exchange_items[0]));
}
