/*
 * import.c: yibao import residents FILE [--encoding E] [--dry-run]
 * [--valid-from D --department NAME [--valid-to D]], and yibao import
 * categories FILE --category CODE --valid-from D [--valid-to D]
 * --department NAME [--encoding E] [--dry-run]: a department's roster in,
 * all or nothing (ops/import.h).
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "i18n.h"
#include "io/json.h"
#include "io/out.h"
#include "ops/import.h"

#define EXIT_INTERRUPTED 130	/* 128 + SIGINT, as the shell says */

static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;	/* the import rolls back at the next row */
}

static int
parse_args(int argc, char **argv, struct import_options *o,
    const char **file, int *json)
{
	static const struct option longopts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "category", required_argument, NULL, 'c' },
		{ "valid-from", required_argument, NULL, 'f' },
		{ "valid-to", required_argument, NULL, 't' },
		{ "department", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(o, 0, sizeof *o);
	if (argc < 2 || (strcmp(argv[1], "residents") != 0 &&
	    strcmp(argv[1], "categories") != 0)) {
		cli_error(_("import: say what to import: yibao import "
		    "residents FILE, or yibao import categories FILE --category "
		    "CODE --valid-from DATE --department NAME"));
		return -1;
	}
	o->kind = strcmp(argv[1], "residents") == 0 ? IMPORT_RESIDENTS :
	    IMPORT_CATEGORIES;
	optind = 0;	/* glibc: start over for this command's words */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': o->encoding = optarg; break;
		case 'n': o->dry_run = 1; break;
		case 'c': o->category = optarg; break;
		case 'f': o->valid_from = optarg; break;
		case 't': o->valid_to = optarg; break;
		case 'd': o->department = optarg; break;
		case 'j': *json = 1; break;
		default:
			cli_error(_("import: unknown or incomplete option %s; "
			    "see yibao --help"), argv[optind - 1]);
			return -1;
		}
	}
	/* Options may come anywhere: the words left are the kind and the file. */
	if (optind != argc - 2) {
		cli_error(_("import: give one file to import"));
		return -1;
	}
	*file = argv[optind + 1];
	if (o->kind == IMPORT_RESIDENTS && o->category != NULL) {
		cli_error(_("import residents: --category is for yibao import "
		    "categories; residents take the category column"));
		return -1;
	}
	return 0;
}

static void
progress(void *ctx, long rows, uint64_t bytes, uint64_t total)
{
	(void)ctx;
	fprintf(stderr, "\r%ld rows, %llu%%", rows, total ?
	    (unsigned long long)(bytes * 100 / total) : 100ULL);
}

static void
print_report(const struct import_options *o, const struct import_report *r)
{
	for (int i = 0; i < r->nunknown; i++)
		out_printf(_("Column \"%s\" is not known: ignored.\n"),
		    r->unknown[i]);
	if (r->category_ignored)
		out_printf(_("The category column is ignored: give --valid-from "
		    "and --department to record it.\n"));
	for (size_t i = 0; i < r->nproblems; i++) {
		const struct import_problem *p = &r->problem[i];

		out_printf(_("line %ld, %s \"%s\": %s\n"), p->line, p->column,
		    p->value, p->reason);
	}
	if (r->nproblems > 0 || r->interrupted || r->encoding[0] == '\0')
		return;
	out_printf(_("Read %ld rows (%s%s): %ld added, %ld changed, %ld "
	    "unchanged.\n"), r->rows, r->encoding, r->bom ? _(" with BOM") :
	    "", r->added, r->changed, r->unchanged);
	if (o->dry_run)
		out_printf(_("Dry run: nothing was written.\n"));
}

/* The same report for a program to read. */
static void
print_json(const struct import_options *o, const struct import_report *r,
    enum ops_status st, const char *error)
{
	struct json j;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "file", o->file_name);
	json_string(&j, "encoding", r->encoding[0] ? r->encoding : NULL);
	json_bool(&j, "bom", r->bom);
	json_int(&j, "rows", r->rows);
	json_int(&j, "added", r->added);
	json_int(&j, "changed", r->changed);
	json_int(&j, "unchanged", r->unchanged);
	json_bool(&j, "dry_run", o->dry_run);
	json_bool(&j, "written", r->written);
	json_array_begin(&j, "unknown_columns");
	for (int i = 0; i < r->nunknown; i++)
		json_string(&j, NULL, r->unknown[i]);
	json_array_end(&j);
	json_bool(&j, "category_ignored", r->category_ignored);
	json_int(&j, "bad_rows", r->bad_rows);
	json_array_begin(&j, "problems");
	for (size_t i = 0; i < r->nproblems; i++) {
		const struct import_problem *p = &r->problem[i];

		json_object_begin(&j, NULL);
		json_int(&j, "line", p->line);
		json_string(&j, "column", p->column);
		json_string(&j, "value", p->value);
		json_string(&j, "reason", p->reason);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_string(&j, "error", st == OPS_OK ? NULL : error);
	json_object_end(&j);
	json_finish(&j);
}

/*
 * The file to read, seekable: ops_import reads it twice (the encoding is
 * decided over the whole file first), so standard input ("-") or a pipe is
 * copied to an unnamed temporary file as it arrives.  NULL on failure,
 * said on stderr.
 */
static FILE *
open_input(const char *file)
{
	FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	FILE *tmp;
	char buf[65536];
	size_t n;

	if (f == NULL) {
		cli_error(_("cannot open %s: %m"), file);
		return NULL;
	}
	if (fseek(f, 0, SEEK_SET) == 0)
		return f;
	if ((tmp = tmpfile()) == NULL) {
		cli_error(_("cannot make a temporary copy of %s: %m"), file);
		goto fail;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (fwrite(buf, 1, n, tmp) != n) {
			cli_error(_("cannot make a temporary copy of %s: %m"),
			    file);
			fclose(tmp);
			goto fail;
		}
	if (ferror(f) || fflush(tmp) != 0 || fseek(tmp, 0, SEEK_SET) != 0) {
		cli_error(_("%s could not be read"), file);
		fclose(tmp);
		goto fail;
	}
	if (f != stdin)
		fclose(f);
	return tmp;
fail:
	if (f != stdin)
		fclose(f);
	return NULL;
}

int
cmd_import(struct cli *cli, int argc, char **argv)
{
	struct import_options o;
	struct import_report r;
	struct ops_session s;
	struct ops_error e;
	struct sigaction sa, old;
	enum ops_status st;
	const char *file;
	FILE *f;
	int rc, json = 0;

	if (parse_args(argc, argv, &o, &file, &json) != 0)
		return EXIT_USAGE;
	if ((f = open_input(file)) == NULL)
		return EXIT_INVALID;
	rc = cli_session_open(cli, &s, o.kind == IMPORT_CATEGORIES ||
	    o.valid_from != NULL ? CLI_NEED_POLICY : 0);
	if (rc != EXIT_OK) {
		if (f != stdin)
			fclose(f);
		return rc;
	}
	o.file_name = strcmp(file, "-") == 0 ? _("standard input") : file;
	o.interrupted = &interrupted;
	if (isatty(STDERR_FILENO))
		o.progress = progress;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	st = ops_import(&s, f, &o, &r, &e);
	sigaction(SIGINT, &old, NULL);
	if (f != stdin)
		fclose(f);
	if (o.progress != NULL && r.rows >= IMPORT_PROGRESS_ROWS)
		fputc('\n', stderr);
	if (json)
		print_json(&o, &r, st, e.msg);
	else
		print_report(&o, &r);
	import_report_free(&r);
	cli_session_close(&s);
	if (r.interrupted) {
		cli_error("%s", e.msg);
		return EXIT_INTERRUPTED;
	}
	if (st != OPS_OK) {
		cli_error("%s", e.msg);
		return cli_exit_status(st);
	}
	return EXIT_OK;
}
