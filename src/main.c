/*
 * main.c: parse the command line, set up the locale and hand over to a
 * sub-command (cli/) or, with none, to the terminal interface (tui/).
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/db.h"
#include "db/sync.h"
#include "i18n.h"
#include "io/out.h"
#include "tui/tui.h"

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

/* No command: the clerk's interface, which needs a terminal both ways. */
static int
run_interface(struct cli *cli, int ascii)
{
	const char *env = getenv("YIBAO_ASCII");
	struct tui_options opt = { 0 };

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(_("no command given, and the terminal interface needs "
		    "a terminal; see yibao --help"));
		return EXIT_USAGE;
	}
	opt.db_path = cli->db_path;
	opt.today = cli->today;
	opt.login = cli->operator_login != NULL ? cli->operator_login :
	    getenv("YIBAO_OPERATOR");
	opt.ascii = ascii || (env != NULL && strcmp(env, "1") == 0);
	return tui_main(&opt);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ascii", no_argument, NULL, 'a' },
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "operator", required_argument, NULL, 'o' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli cli = { 0 };
	const char *given_db;
	char pathbuf[4096];
	int c, demo = 0, ascii = 0;

	/* Before any other use of SQLite: a table skipped is an error. */
	db_sync_log_install();
	setup_locale();
	opterr = 0;	/* our own message, translated */
	/* '+': options after the command belong to the command. */
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			ascii = 1;
			break;
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
	given_db = cli.db_path;	/* the demo goes only into a file named */
	if (cli.db_path == NULL &&
	    (cli.db_path = db_default_path(pathbuf, sizeof pathbuf)) == NULL) {
		cli_error(_("no database given and no home folder: use --db "
		    "FILE"));
		return EXIT_USAGE;
	}
	if (cli_today(&cli.today) != 0)
		return EXIT_USAGE;
	if (demo) {
		cli.db_path = given_db;
		if (ascii)	/* for the interface the demo opens */
			setenv("YIBAO_ASCII", "1", 1);
		return cmd_demo(&cli, argc - optind, argv + optind);
	}
	if (optind >= argc)
		return run_interface(&cli, ascii);
	return run_command(&cli, argc - optind, argv + optind);
}
