/*
 * test_columns.c: a batch file's header matched to its columns
 * (io/columns.c), as the claims file and the payment list use it.  The
 * tables below copy the shapes of theirs (a claims file: English names,
 * visit and major as other names; a payment list: Chinese other names,
 * a space as '_'); the wanted indexes were counted by hand.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/columns.h"
#include "io/csv.h"
#include "io/textfile.h"

/* ---- the tables --------------------------------------------------------- */

enum { C_ID, C_KIND, C_ADMITTED, C_HOSPITAL, C_MAJOR, C_TOTAL,
    C_OUT_OF_LIST, C_N };

static const char *const claim_names[C_N] = {
	"id", "kind", "admitted", "hospital", "major_disease", "total",
	"out_of_list"
};
static const char *const claim_aliases[C_N][COLUMN_ALIASES_MAX] = {
	[C_ADMITTED] = { "visit", NULL },
	[C_MAJOR] = { "major", NULL },
};
/* Not in the table's order: the first missing is the first here. */
static const int claim_need[] = {
	C_ID, C_KIND, C_TOTAL, C_ADMITTED, C_HOSPITAL, -1
};
static const struct column_table claims = {
	C_N, claim_names, claim_aliases, claim_need, 0
};

enum { P_ID, P_NAME, P_YEAR, P_DATE, P_N };

static const char *const pay_names[P_N] = { "id", "name", "year", "date" };
static const char *const pay_aliases[P_N][COLUMN_ALIASES_MAX] = {
	[P_ID] = { "id_number", "身份证号码", "身份证号", NULL },
	[P_NAME] = { "姓名", NULL },
	[P_YEAR] = { "缴费年度", "年度", NULL },
	[P_DATE] = { "paid_on", "缴费日期", NULL },
};
static const int pay_need[] = { P_ID, -1 };
static const struct column_table payments = {
	P_N, pay_names, pay_aliases, pay_need, COLUMNS_SPACE_IS_UNDERSCORE
};

/* No other names, nothing required. */
static const struct column_table bare = {
	P_N, pay_names, NULL, NULL, 0
};

/* ---- a record ----------------------------------------------------------- */

/* A record from "a,b,c": its own copy, since matching trims in place. */
struct rec {
	char text[512];
	char *field[16];
	struct csv_record r;
};

static const struct csv_record *
rec(struct rec *w, const char *line)
{
	char *p;

	snprintf(w->text, sizeof w->text, "%s", line);
	w->r = (struct csv_record){ .line = 1, .n = 0, .field = w->field };
	p = w->text;
	for (;;) {
		w->field[w->r.n++] = p;
		if ((p = strchr(p, ',')) == NULL)
			break;
		*p++ = '\0';
	}
	return &w->r;
}

static enum columns_status
match(struct columns *cs, int which, const char *header, int *at)
{
	struct rec w;

	*at = -99;
	return columns_match(cs, which == 'c' ? &claims : which == 'p' ?
	    &payments : &bare, rec(&w, header), at);
}

/* ---- the cases ---------------------------------------------------------- */

static const struct {
	int which;			/* 'c' claims, 'p' payments, 'b' bare */
	const char *header;
	enum columns_status want;
	int at;				/* -99: not set */
	int col[8];			/* field of each column when OK */
} cases[] = {
	/* The names themselves, in any order. */
	{ 'c', "id,kind,admitted,hospital,total", COLUMNS_OK, -99,
	    { 0, 1, 2, 3, -1, 4, -1 } },
	{ 'c', "total,hospital,admitted,kind,id,out_of_list", COLUMNS_OK, -99,
	    { 4, 3, 2, 1, -1, 0, 5 } },
	/* Upper case, and '-' for '_'. */
	{ 'c', "ID,Kind,ADMITTED,Hospital,Total,Out-Of-List", COLUMNS_OK,
	    -99, { 0, 1, 2, 3, -1, 4, 5 } },
	/* The other names: visit is admitted, major is major_disease. */
	{ 'c', "id,kind,Visit,hospital,total,MAJOR", COLUMNS_OK, -99,
	    { 0, 1, 2, 3, 5, 4, -1 } },
	/* Spaces, tabs and U+3000 around a name are not part of it. */
	{ 'c', " id ,\tkind,admitted\t,\xE3\x80\x80hospital\xE3\x80\x80,total",
	    COLUMNS_OK, -99, { 0, 1, 2, 3, -1, 4, -1 } },
	/* A space inside is not '_' in a claims file ... */
	{ 'c', "id,kind,admitted,hospital,total,out of list",
	    COLUMNS_UNKNOWN, 5, { 0 } },
	/* ... but is in a payment list. */
	{ 'p', "id,Paid On", COLUMNS_OK, -99, { 0, -1, -1, 1 } },
	{ 'p', "ID Number,paid-on", COLUMNS_OK, -99, { 0, -1, -1, 1 } },
	/* Chinese other names. */
	{ 'p', "姓名,身份证号码,缴费年度,缴费日期", COLUMNS_OK, -99,
	    { 1, 0, 2, 3 } },
	{ 'p', " 年度 ,身份证号", COLUMNS_OK, -99, { 1, -1, 0, -1 } },
	/* An unknown column, the first from the left. */
	{ 'c', "id,ward,kind,bed", COLUMNS_UNKNOWN, 1, { 0 } },
	{ 'p', "身份证号码,金额", COLUMNS_UNKNOWN, 1, { 0 } },
	/* A name's beginning, or a name and more, is another name. */
	{ 'c', "id,admit", COLUMNS_UNKNOWN, 1, { 0 } },
	{ 'c', "totals", COLUMNS_UNKNOWN, 0, { 0 } },
	{ 'c', "id,"
	    "admitted_and_then_a_very_long_tail_that_no_column_has_at_all_xxxx",
	    COLUMNS_UNKNOWN, 1, { 0 } },
	{ 'c', "", COLUMNS_UNKNOWN, 0, { 0 } },
	/* Unknown before twice: the left-most problem is said. */
	{ 'c', "id,ward,id", COLUMNS_UNKNOWN, 1, { 0 } },
	/* A column twice, by the same name or by another. */
	{ 'c', "id,kind,ID", COLUMNS_TWICE, C_ID, { 0 } },
	{ 'c', "id,visit,kind,admitted", COLUMNS_TWICE, C_ADMITTED, { 0 } },
	{ 'p', "身份证号码,id_number", COLUMNS_TWICE, P_ID, { 0 } },
	/* Twice before missing. */
	{ 'c', "id,id", COLUMNS_TWICE, C_ID, { 0 } },
	/* Missing: the first in the required list's order. */
	{ 'c', "id,kind,hospital", COLUMNS_MISSING, C_TOTAL, { 0 } },
	{ 'c', "id,kind,hospital,total", COLUMNS_MISSING, C_ADMITTED, { 0 } },
	{ 'c', "total,hospital,admitted,id", COLUMNS_MISSING, C_KIND, { 0 } },
	{ 'c', "id,kind,admitted,total,major", COLUMNS_MISSING, C_HOSPITAL,
	    { 0 } },
	{ 'p', "姓名,年度", COLUMNS_MISSING, P_ID, { 0 } },
	/* No other names and nothing required. */
	{ 'b', "name", COLUMNS_OK, -99, { -1, 0, -1, -1 } },
	{ 'b', "姓名", COLUMNS_UNKNOWN, 0, { 0 } },
};

static void
test_header_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct columns cs;
		int at, n = cases[i].which == 'c' ? C_N : P_N;
		enum columns_status st;

		st = match(&cs, cases[i].which, cases[i].header, &at);
		if (st != cases[i].want || at != cases[i].at)
			fail_msg("\"%s\": status %d at %d, want %d at %d",
			    cases[i].header, st, at, cases[i].want,
			    cases[i].at);
		if (st != COLUMNS_OK)
			continue;
		for (int c = 0; c < n; c++)
			if (cs.col[c] != cases[i].col[c])
				fail_msg("\"%s\": column %d in field %d, "
				    "want %d", cases[i].header, c, cs.col[c],
				    cases[i].col[c]);
	}
}

/* The unknown field is left trimmed, so a message quotes it without. */
static void
test_unknown_trimmed(void **state)
{
	struct columns cs;
	struct rec w;
	const struct csv_record *r = rec(&w, "id,  ward\t");
	int at;

	(void)state;
	assert_int_equal(columns_match(&cs, &claims, r, &at),
	    COLUMNS_UNKNOWN);
	assert_int_equal(at, 1);
	assert_string_equal(r->field[at], "ward");
}

/* A row's values: trimmed, "" when the column or the field is absent. */
static void
test_get(void **state)
{
	struct columns cs;
	struct rec h, w;
	int at;

	(void)state;
	assert_int_equal(columns_match(&cs, &claims,
	    rec(&h, "kind,id,admitted,hospital,total,major"), &at),
	    COLUMNS_OK);
	rec(&w, " inpatient ,110101199003070016,2024-03-01");
	assert_string_equal(columns_get(&cs, &w.r, C_ID),
	    "110101199003070016");
	assert_string_equal(columns_get(&cs, &w.r, C_KIND), "inpatient");
	assert_string_equal(columns_get(&cs, &w.r, C_ADMITTED), "2024-03-01");
	/* Fields 3 to 5 are beyond this short row. */
	assert_string_equal(columns_get(&cs, &w.r, C_HOSPITAL), "");
	assert_string_equal(columns_get(&cs, &w.r, C_MAJOR), "");
	/* No column out_of_list in the header. */
	assert_string_equal(columns_get(&cs, &w.r, C_OUT_OF_LIST), "");
	assert_string_equal(columns_get(&cs, &w.r, C_N), "");
	assert_string_equal(columns_get(&cs, &w.r, -1), "");
}

/* A BOM is the file reader's: a UTF-8 file with one still matches. */
static int
first_record(void *ctx, const struct csv_record *r)
{
	struct columns *cs = ctx;
	int at = -99;

	assert_int_equal(columns_match(cs, &payments, r, &at), COLUMNS_OK);
	assert_int_equal(at, -99);
	return 1;
}

static void
test_bom(void **state)
{
	static const char file[] = "\xEF\xBB\xBF身份证号码,姓名\r\n"
	    "110101199003070016,张三\r\n";
	struct columns cs;
	struct csv *p;
	FILE *f;
	char enc[16], why[256], *text;
	size_t len;

	(void)state;
	assert_non_null(f = tmpfile());
	assert_int_equal(fwrite(file, 1, sizeof file - 1, f), sizeof file - 1);
	rewind(f);
	text = textfile_read_utf8(f, &len, enc, sizeof enc, why, sizeof why);
	fclose(f);
	assert_non_null(text);
	assert_string_equal(enc, "UTF-8");
	assert_non_null(p = csv_new(0));
	assert_int_equal(csv_feed(p, text, len, 1, first_record, &cs), 1);
	csv_free(p);
	free(text);
	assert_int_equal(cs.col[P_ID], 0);
	assert_int_equal(cs.col[P_NAME], 1);
	assert_int_equal(cs.col[P_YEAR], -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_cases),
		cmocka_unit_test(test_unknown_trimmed),
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_bom),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
