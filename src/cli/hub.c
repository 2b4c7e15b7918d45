/*
 * hub.c: yibao hub init | add-site | sites | apply | export | conflicts |
 * resolve: the centre's side of the night sync (yibao-sync(5)).  init and
 * add-site are an administrator's; the rest a supervisor's.
 */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "i18n.h"
#include "io/out.h"
#include "ops/hub.h"

static int
usage(void)
{
	cli_error(_("usage: yibao hub init | add-site CODE KEY | sites | apply "
	    "FILE... | export --site CODE -o FILE [--from N] | conflicts "
	    "[--all] | resolve N --keep centre|office [--note TEXT]"));
	return EXIT_USAGE;
}

static int
do_init(struct cli *cli, int argc)
{
	struct ops_session s;
	struct ops_error e;
	char pk[SYNCFILE_PK_HEX + 1];
	int rc, created;

	if (argc != 1)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_hub_init(&s, &created, pk, &e) != OPS_OK)
		return cli_fail(&s, &e);
	if (created)
		out_printf(_("This database is now the centre %s.\n"), s.site);
	else
		out_printf(_("This database is the centre %s already; nothing "
		    "was changed.\n"), s.site);
	out_printf(_("Each office learns the centre's key with:\n"
	    "  yibao sync trust-hub %s %s\n"), s.site, pk);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_add_site(struct cli *cli, int argc, char **argv)
{
	struct ops_session s;
	struct ops_error e;
	int rc, replaced;

	if (argc != 3)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_hub_add_site(&s, argv[1], argv[2], &replaced, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(replaced ? _("Office %s now signs with the new key.\n") :
	    _("Office %s is known to the centre.\n"), argv[1]);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
print_site(void *ctx, const struct db_site *site)
{
	(void)ctx;
	out_printf(_("%s  files applied: %" PRId64 ", acknowledged up to %"
	    PRId64 ", key %.16s...\n"), site->code, site->last_seq,
	    site->acked, site->public_key);
	return 0;
}

static int
do_sites(struct cli *cli, int argc)
{
	struct ops_session s;
	struct ops_error e;
	int rc;

	if (argc != 1)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_hub_sites(&s, print_site, NULL, &e) != OPS_OK)
		return cli_fail(&s, &e);
	cli_session_close(&s);
	return EXIT_OK;
}

/* Each file in its own transaction: one refused does not stop the rest. */
static int
do_apply(struct cli *cli, int argc, char **argv)
{
	struct ops_session s;
	struct ops_error e;
	struct hub_apply_result r;
	int rc, status = EXIT_OK;

	if (argc < 2)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	for (int i = 1; i < argc; i++) {
		if (ops_hub_apply(&s, argv[i], &r, &e) != OPS_OK) {
			cli_error("%s", e.msg);
			if (e.status == OPS_DENIED || e.status == OPS_AUTH) {
				cli_session_close(&s);
				return EXIT_DENIED;
			}
			status = EXIT_INVALID;
		} else if (r.skipped)
			out_printf(_("%s: office %s's file %" PRId64 " was "
			    "applied already: skipped, nothing changed.\n"),
			    argv[i], r.site, r.seq);
		else
			out_printf(_("Applied %s: office %s's file %" PRId64
			    ", %ld rows, %ld set aside for review (yibao hub "
			    "conflicts).\n"), argv[i], r.site, r.seq,
			    r.changes, r.conflicts);
	}
	cli_session_close(&s);
	return status;
}

static int
do_export(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct ops_session s;
	struct ops_error e;
	struct hub_export_result r;
	const char *site = NULL, *path = NULL;
	int64_t from = -1;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		if (c == 's')
			site = optarg;
		else if (c == 'o')
			path = optarg;
		else if (c == 'f' && (from = cli_count(optarg)) >= 0)
			continue;
		else {
			cli_error(_("hub export: unknown or incomplete option "
			    "%s; see yibao --help"), argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (site == NULL || path == NULL || optind != argc)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_hub_export(&s, site, from, path, &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Wrote %s for office %s: the centre's changes %" PRId64
	    " to %" PRId64 " (%d entries, %zu bytes).\n"), path, site,
	    r.base + 1, r.seq, r.parts, r.bytes);
	cli_session_close(&s);
	return EXIT_OK;
}

static const char *
kind_label(const char *kind, const char *tbl)
{
	if (strcmp(kind, "constraint") == 0 &&
	    strcmp(tbl, "household_member") == 0)
		return _("in households at two offices");
	if (strcmp(kind, "same_person") == 0)
		return _("same person registered twice");
	if (strcmp(kind, "overwritten") == 0)
		return _("edit overwritten");
	if (strcmp(kind, "duplicate") == 0)
		return _("same key, other values");
	if (strcmp(kind, "missing") == 0)
		return _("change to a missing row");
	return _("refused by a rule of the database");
}

static int
print_entry(void *ctx, const struct db_quarantine *q)
{
	int *n = ctx;

	(*n)++;
	out_printf(_("#%" PRId64 "  %s  %s %s  (office %s, file %" PRId64
	    ", %s)%s\n"), q->id, kind_label(q->kind, q->tbl), q->tbl, q->record,
	    q->site, q->file_seq, q->at, strcmp(q->status, "open") == 0 ? "" :
	    _("  resolved"));
	if (q->kept != NULL)
		out_printf(_("    in the table: %s\n"), q->kept);
	if (q->other != NULL)
		out_printf(_("    set aside:    %s\n"), q->other);
	if (q->resolution != NULL)
		out_printf(_("    resolved by %s at %s: %s\n"), q->resolved_by,
		    q->resolved_at, q->resolution);
	return 0;
}

static int
do_conflicts(struct cli *cli, int argc, char **argv)
{
	struct ops_session s;
	struct ops_error e;
	int rc, all = 0, n = 0;

	if (argc == 2 && strcmp(argv[1], "--all") == 0)
		all = 1;
	else if (argc != 1)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_hub_conflicts(&s, all, print_entry, &n, &e) != OPS_OK)
		return cli_fail(&s, &e);
	if (n == 0)
		out_printf(all ? _("The quarantine list is empty.\n") :
		    _("Nothing waits for review.\n"));
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_resolve(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keep", required_argument, NULL, 'k' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct ops_session s;
	struct ops_error e;
	struct cli_texts t = { 0 };
	const char *keep = NULL, *note = NULL;
	enum hub_keep k;
	int64_t id;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'k')
			keep = optarg;
		else if (c == 'n' && (note = cli_text(&t, optarg)) != NULL)
			continue;
		else {
			if (c != 'n')
				cli_error(_("hub resolve: unknown or incomplete "
				    "option %s; see yibao --help"),
				    argv[optind - 1]);
			cli_texts_free(&t);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 || keep == NULL ||
	    (id = cli_count(argv[optind])) <= 0 ||
	    (strcmp(keep, "centre") != 0 && strcmp(keep, "office") != 0)) {
		cli_texts_free(&t);
		return usage();
	}
	k = strcmp(keep, "office") == 0 ? HUB_KEEP_OTHER : HUB_KEEP_HUB;
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK) {
		cli_texts_free(&t);
		return rc;
	}
	if (ops_hub_resolve(&s, id, k, note, &e) != OPS_OK) {
		cli_texts_free(&t);
		return cli_fail(&s, &e);
	}
	out_printf(k == HUB_KEEP_OTHER ? _("Entry %" PRId64 " closed: the "
	    "version set aside is now the record, and travels to every "
	    "office.\n") : _("Entry %" PRId64 " closed: the record stays as "
	    "it is.\n"), id);
	cli_texts_free(&t);
	cli_session_close(&s);
	return EXIT_OK;
}

int
cmd_hub(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return usage();
	argc--;
	argv++;
	if (strcmp(argv[0], "init") == 0)
		return do_init(cli, argc);
	if (strcmp(argv[0], "add-site") == 0)
		return do_add_site(cli, argc, argv);
	if (strcmp(argv[0], "sites") == 0)
		return do_sites(cli, argc);
	if (strcmp(argv[0], "apply") == 0)
		return do_apply(cli, argc, argv);
	if (strcmp(argv[0], "export") == 0)
		return do_export(cli, argc, argv);
	if (strcmp(argv[0], "conflicts") == 0)
		return do_conflicts(cli, argc, argv);
	if (strcmp(argv[0], "resolve") == 0)
		return do_resolve(cli, argc, argv);
	return usage();
}
