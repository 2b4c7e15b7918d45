/*
 * export.c: yibao export residents|payments|settlements|registrations
 * [--year Y] [--village V] [--encoding gb18030|utf-8|utf-8-bom]
 * [--headers chinese|national] [-o FILE]: a CSV file Excel on Chinese
 * Windows opens by double-click with every character intact.
 *
 * GB18030 by default (what Excel reads a double-clicked CSV as there).
 * ID, household and telephone numbers end with a tab: Excel then keeps the
 * cell as text (no 3.70402E+17, no lost leading zero, no last digits
 * turned to 000), the tab is invisible, it is not a formula (="..." would
 * be one, and would reach other programs as ="..."), and every importer,
 * ours included, trims it.  A file is written as FILE.tmp and renamed, so a
 * failed export never leaves half a list under the real name.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "i18n.h"
#include "io/csv_write.h"
#include "io/out.h"
#include "ops/export.h"

#define MAXF 32
#define CELL 300

struct export_args {
	struct export_opts o;
	const char *encoding;
	const char *output;
	char *village;			/* UTF-8 */
};

struct sink {
	struct csv_writer *w;
	const char *charset;
	char cell[MAXF][CELL];
	const char *f[MAXF];
};

static void
usage(void)
{
	cli_error(_("usage: yibao export residents|payments|settlements|"
	    "registrations [--year Y] [--village V] [--encoding gb18030|utf-8|"
	    "utf-8-bom] [--headers chinese|national] [-o FILE]"));
}

/*
 * A year that is not one is invalid input (EXIT_INVALID), like any other
 * bad value; an unknown option is a wrong command line.
 */
#define BAD_VALUE (-2)

static int
parse_year(const char *v, int *out)
{
	char *end;
	long y = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || y < DATE_MIN_YEAR ||
	    y > DATE_MAX_YEAR) {
		cli_error(_("export: %s is not a year, such as 2021"), v);
		return BAD_VALUE;
	}
	*out = (int)y;
	return 0;
}

static int
parse_option(int c, struct export_args *a)
{
	switch (c) {
	case 'y':
		return parse_year(optarg, &a->o.year);
	case 'v':
		free(a->village);
		if ((a->village = in_to_utf8(optarg)) == NULL ||
		    a->village[0] == '\0') {
			cli_error(_("export: the village is empty or not valid "
			    "text in this terminal's encoding"));
			return -1;
		}
		a->o.village = a->village;
		return 0;
	case 'e':
		if (strcmp(optarg, "gb18030") && strcmp(optarg, "utf-8") &&
		    strcmp(optarg, "utf-8-bom")) {
			cli_error(_("export: the encoding must be gb18030, "
			    "utf-8 or utf-8-bom, not \"%s\""), optarg);
			return -1;
		}
		a->encoding = optarg;
		return 0;
	case 'h':
		if (strcmp(optarg, "chinese") && strcmp(optarg, "national")) {
			cli_error(_("export: the headers must be chinese or "
			    "national, not \"%s\""), optarg);
			return -1;
		}
		a->o.national = optarg[0] == 'n';
		return 0;
	case 'o':
		if (optarg[0] == '\0') {
			cli_error(_("export: -o needs a file name"));
			return -1;
		}
		a->output = optarg;
		return 0;
	}
	return -1;
}

static int
parse_args(int argc, char **argv, struct export_args *a)
{
	static const struct option longopts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "village", required_argument, NULL, 'v' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "headers", required_argument, NULL, 'h' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	memset(a, 0, sizeof *a);
	a->encoding = "gb18030";
	if (argc < 2 || export_kind_from_code(argv[1], &a->o.kind) != 0) {
		usage();
		return -1;
	}
	optind = 2;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:o:", longopts, NULL)) != -1) {
		if (c == '?' || c == ':') {
			cli_error(_("export: unknown or incomplete option %s; "
			    "see yibao --help"), argv[optind - 1]);
			return -1;
		}
		if ((rc = parse_option(c, a)) != 0)
			return rc;
	}
	if (optind < argc) {
		cli_error(_("export: unexpected argument %s"), argv[optind]);
		return -1;
	}
	if (a->o.national && a->o.kind != EXPORT_SETTLEMENTS) {
		cli_error(_("export: --headers national is only for "
		    "settlements"));
		return -1;
	}
	return 0;
}

/* ---- rows --------------------------------------------------------------- */

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
		if ((flags[i] & EXPORT_TEXT_NUMBER) && fields[i][0] != '\0') {
			snprintf(k->cell[i], CELL, "%s\t", fields[i]);
			k->f[i] = k->cell[i];
		}
	}
	if ((st = csv_writer_row(k->w, k->f, n, &e)) == CSV_WRITE_OK)
		return OPS_OK;
	if (st == CSV_WRITE_IO)
		return ops_fail(err, OPS_FAILED, _("the export could not be "
		    "written: %s"), strerror(errno));
	if (e.status == ENCODE_UNMAPPABLE)
		return ops_fail(err, OPS_INVALID, _("%s holds the character "
		    "%s (U+%04X), which %s cannot hold: nothing was exported; "
		    "export with --encoding utf-8-bom instead"),
		    record ? record : _("the header"), e.text, (unsigned)e.cp,
		    k->charset);
	return ops_fail(err, OPS_INVALID, _("%s holds text that is not valid "
	    "(byte %zu of its row): nothing was exported"),
	    record ? record : _("the header"), e.offset);
}

/* ---- the file ----------------------------------------------------------- */

/* FILE.tmp, readable by its owner only: it holds personal data. */
static FILE *
open_tmp(const char *tmp)
{
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *fp;

	if (fd < 0)
		return NULL;
	if ((fp = fdopen(fd, "wb")) == NULL)
		close(fd);
	return fp;
}

static void
say_done(const struct export_args *a, const struct ops_session *s,
    unsigned long rows)
{
	char filters[256] = "";

	if (a->o.year != 0)
		snprintf(filters, sizeof filters, _(", year %d"), a->o.year);
	if (a->o.village != NULL)
		snprintf(filters + strlen(filters), sizeof filters -
		    strlen(filters), _(", village %s"), a->o.village);
	err_printf(_("Wrote %s: %lu %s rows%s, %s, %s headers, ID numbers "
	    "%s.\n"), a->output, rows, export_kind_code(a->o.kind), filters,
	    a->encoding, a->o.national ? _("national") : _("Chinese"),
	    ops_export_full_ids(s) ? _("in full") : _("masked"));
}

static int
run_export(struct export_args *a, struct ops_session *s)
{
	struct sink *k = calloc(1, sizeof *k);
	struct ops_error err;
	struct encode_error e;
	enum ops_status st;
	unsigned long rows;
	char *tmp = NULL, target[512];
	FILE *fp = stdout;
	int bom = strcmp(a->encoding, "utf-8-bom") == 0;

	if (k == NULL)
		return EXIT_INVALID;
	k->charset = strcmp(a->encoding, "gb18030") == 0 ? "GB18030" : "UTF-8";
	if (a->output != NULL) {
		if ((tmp = malloc(strlen(a->output) + 5)) == NULL) {
			free(k);
			return EXIT_INVALID;
		}
		sprintf(tmp, "%s.tmp", a->output);
		if ((fp = open_tmp(tmp)) == NULL) {
			cli_error(_("export: %s cannot be written: %s"), tmp,
			    strerror(errno));
			free(tmp);
			free(k);
			return EXIT_INVALID;
		}
	}
	snprintf(target, sizeof target, "%s %s", a->encoding,
	    a->output ? a->output : "-");
	a->o.target = target;
	if ((k->w = csv_writer_open(fp, k->charset, bom, &e)) == NULL)
		st = ops_fail(&err, OPS_FAILED, "%s", _("out of memory"));
	else
		st = ops_export(s, &a->o, write_row, k, &rows, &err);
	if (csv_writer_close(k->w) != CSV_WRITE_OK && st == OPS_OK)
		st = ops_fail(&err, OPS_FAILED, _("the export could not be "
		    "written: %s"), strerror(errno));
	if (a->output != NULL) {
		if (fclose(fp) != 0 && st == OPS_OK)
			st = ops_fail(&err, OPS_FAILED, _("the export could "
			    "not be written: %s"), strerror(errno));
		if (st == OPS_OK && rename(tmp, a->output) != 0)
			st = ops_fail(&err, OPS_FAILED, _("%s could not be "
			    "renamed to %s: %s"), tmp, a->output,
			    strerror(errno));
		if (st != OPS_OK)
			unlink(tmp);
		else
			say_done(a, s, rows);
	}
	if (st != OPS_OK)
		cli_error("%s", err.msg);
	free(tmp);
	free(k);
	return st == OPS_OK ? EXIT_OK : st == OPS_FAILED ? EXIT_INVALID :
	    cli_exit_status(st);
}

int
cmd_export(struct cli *cli, int argc, char **argv)
{
	struct export_args a;
	struct ops_session s;
	struct policy *pol;
	char pack[128];
	int rc;

	if ((rc = parse_args(argc, argv, &a)) != 0) {
		free(a.village);
		return rc == BAD_VALUE ? EXIT_INVALID : EXIT_USAGE;
	}
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK) {
		free(a.village);
		return rc;
	}
	/* The pack's category labels, as the departments know them. */
	if (ops_export_pack(&s, pack, sizeof pack) == 0 &&
	    (pol = calloc(1, sizeof *pol)) != NULL) {
		if (cli_load_policy(pack, pol) == 0)
			s.policy = pol;
		else
			free(pol);
	}
	rc = run_export(&a, &s);
	cli_session_close(&s);
	free(a.village);
	return rc;
}
