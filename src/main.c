/*
 * main.c: parse the command line, set up the locale and hand over to a
 * sub-command (cli/) or, later, to the terminal interface (tui/).
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "db/db.h"
#include "db/sync.h"
#include "i18n.h"
#include "io/out.h"

static const struct {
	const char *name;
	cli_command_fn *fn;
} commands[] = {
	{ "category", cmd_category },
	{ "claim", cmd_claim },
	{ "coverage", cmd_coverage },
	{ "export", cmd_export },
	{ "household", cmd_household },
	{ "hub", cmd_hub },
	{ "idcard", cmd_idcard },
	{ "import", cmd_import },
	{ "init", cmd_init },
	{ "offsite", cmd_offsite },
	{ "operator", cmd_operator },
	{ "pay", cmd_pay },
	{ "policy", cmd_policy },
	{ "qualification", cmd_qualification },
	{ "refund", cmd_refund },
	{ "report", cmd_report },
	{ "resident", cmd_resident },
	{ "reverse", cmd_reverse },
	{ "sync", cmd_sync },
	{ "trial", cmd_trial },
};

/* Messages inside are UTF-8; io/out.c converts them for the terminal. */
static void
setup_locale(void)
{
	const char *dir = getenv("YIBAO_LOCALEDIR");

	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	out_init();
}

static int
run_command(struct cli *cli, int argc, char **argv)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			return commands[i].fn(cli, argc, argv);
	cli_error(_("unknown command \"%s\"; see yibao --help"), argv[0]);
	return EXIT_USAGE;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "operator", required_argument, NULL, 'o' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli cli = { 0 };
	char pathbuf[4096];
	int c, demo = 0;

	/* Before any other use of SQLite: a table skipped is an error. */
	db_sync_log_install();
	setup_locale();
	opterr = 0;	/* our own message, translated */
	/* '+': options after the command belong to the command. */
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			cli.db_path = optarg;
			break;
		case 'D':
			demo = 1;
			break;
		case 'o':
			cli.operator_login = optarg;
			break;
		case 'h':
			cli_print_help();
			return EXIT_OK;
		case 'V':
			out_printf("yibao %s\n", VERSION);
			return EXIT_OK;
		default:
			cli_error(_("unknown or incomplete option %s; see "
			    "yibao --help"), argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (cli.db_path == NULL &&
	    (cli.db_path = db_default_path(pathbuf, sizeof pathbuf)) == NULL) {
		cli_error(_("no database given and no home folder: use --db "
		    "FILE"));
		return EXIT_USAGE;
	}
	if (cli_today(&cli.today) != 0)
		return EXIT_USAGE;
	if (demo)
		return cmd_demo(&cli, argc - optind, argv + optind);
	if (optind >= argc) {
		cli_error(_("no command given; see yibao --help (the terminal "
		    "interface is not built yet)"));
		return EXIT_USAGE;
	}
	return run_command(&cli, argc - optind, argv + optind);
}
