/*
 * sync.c: yibao sync key | trust-hub | export | apply | status | dump: the
 * office's side of the night sync (yibao-sync(5)).  Export and apply are a
 * supervisor's; trust-hub an administrator's.
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
#include "ops/sync.h"

static int
usage(void)
{
	cli_error(_("usage: yibao sync key | trust-hub CODE KEY | export -o "
	    "FILE [--again N] | apply FILE | status | dump"));
	return EXIT_USAGE;
}

static int
do_key(struct cli *cli)
{
	struct ops_session s;
	struct ops_error e;
	char pk[SYNCFILE_PK_HEX + 1];
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_sync_public_key(&s, pk, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf("%s %s\n", s.site, pk);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_trust(struct cli *cli, int argc, char **argv)
{
	struct ops_session s;
	struct ops_error e;
	int rc;

	if (argc != 3)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_sync_trust_hub(&s, argv[1], argv[2], &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("This office now exchanges files with the centre %s.\n"),
	    argv[1]);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_export(struct cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "again", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct ops_session s;
	struct ops_error e;
	struct sync_export_result r;
	const char *path = NULL;
	int64_t again = 0;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		if (c == 'o')
			path = optarg;
		else if (c == 'a' && (again = cli_count(optarg)) > 0)
			continue;
		else {
			cli_error(_("sync export: unknown or incomplete option "
			    "%s; see yibao --help"), argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (path == NULL || optind != argc)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_sync_export(&s, path, again, &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Wrote %s: file %" PRId64 " of office %s, %ld changes, "
	    "%zu bytes; it acknowledges the centre's changes up to %" PRId64
	    ".\n"), path, r.seq, s.site, r.changes, r.bytes, r.base);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_apply(struct cli *cli, int argc, char **argv)
{
	struct ops_session s;
	struct ops_error e;
	struct sync_apply_result r;
	int rc;

	if (argc != 2)
		return usage();
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_sync_apply(&s, argv[1], &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	if (r.skipped)
		out_printf(_("%s was applied already (the centre's changes up "
		    "to %" PRId64 "): skipped, nothing changed.\n"), argv[1],
		    r.seq);
	else
		out_printf(_("Applied %s: the centre's changes %" PRId64 " to %"
		    PRId64 ", %ld rows; %ld of this office's rows replaced by "
		    "the centre's version, %ld not applicable.\n"), argv[1],
		    r.base + 1, r.seq, r.changes, r.conflicts, r.omitted);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_status(struct cli *cli)
{
	struct ops_session s;
	struct ops_error e;
	struct sync_status st;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_sync_status(&s, &st, &e) != OPS_OK)
		return cli_fail(&s, &e);
	if (st.is_hub)
		out_printf(_("This database is the centre %s.\n"), s.site);
	else
		out_printf(_("Office %s; centre: %s.\n"), s.site,
		    st.hub[0] ? st.hub : _("not set (yibao sync trust-hub)"));
	out_printf(_("Public key: %s\n"), st.public_key[0] ? st.public_key :
	    _("none (yibao init)"));
	if (!st.is_hub)
		out_printf(_("Files written: %" PRId64 "; changes waiting for "
		    "the next file: %" PRId64 "; the centre's changes applied: "
		    "up to %" PRId64 ".\n"), st.sent, st.pending,
		    st.hub_applied);
	cli_session_close(&s);
	return EXIT_OK;
}

static void
dump_line(void *ctx, const char *line)
{
	(void)ctx;
	fputs(line, stdout);	/* bytes as stored: a dump is compared */
	fputc('\n', stdout);
}

static int
do_dump(struct cli *cli)
{
	struct ops_session s;
	struct ops_error e;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_sync_dump(&s, dump_line, NULL, &e) != OPS_OK)
		return cli_fail(&s, &e);
	cli_session_close(&s);
	return EXIT_OK;
}

int
cmd_sync(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return usage();
	argc--;
	argv++;
	if (strcmp(argv[0], "key") == 0 && argc == 1)
		return do_key(cli);
	if (strcmp(argv[0], "trust-hub") == 0)
		return do_trust(cli, argc, argv);
	if (strcmp(argv[0], "export") == 0)
		return do_export(cli, argc, argv);
	if (strcmp(argv[0], "apply") == 0)
		return do_apply(cli, argc, argv);
	if (strcmp(argv[0], "status") == 0 && argc == 1)
		return do_status(cli);
	if (strcmp(argv[0], "dump") == 0 && argc == 1)
		return do_dump(cli);
	return usage();
}
