/* idcard.c: yibao idcard NUMBER...: check numbers, one line each. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/idcard.h"
#include "i18n.h"
#include "io/out.h"

/* INPUT<TAB>ok<TAB>NORMALIZED<TAB>YYYY-MM-DD<TAB>M|F, or INPUT<TAB>invalid<TAB>REASON. */
static int
check_one(const char *arg, struct date today)
{
	char *utf8 = in_to_utf8(arg), birth[DATE_BUFSZ];
	struct idcard id;
	enum idcard_err e;

	/* Echo the argument byte for byte, in the terminal's own encoding. */
	fputs(arg, stdout);
	e = utf8 ? idcard_parse(utf8, today, &id) : IDCARD_CHARS;
	free(utf8);
	if (e != IDCARD_OK) {
		out_printf("\tinvalid\t%s\n", idcard_strerror(e));
		return 0;
	}
	out_printf("\tok\t%s\t%s\t%c\n", id.number,
	    date_format(id.birth, birth), id.sex);
	return 1;
}

int
cmd_idcard(struct cli *cli, int argc, char **argv)
{
	/* "--" lets a script pass anything, even text starting with '-'. */
	int dashdash = argc > 1 && strcmp(argv[1], "--") == 0;
	int first = 1 + dashdash, all_valid = 1;

	if (first >= argc) {
		cli_error(_("idcard needs at least one ID number; see "
		    "yibao --help"));
		return EXIT_USAGE;
	}
	for (int i = first; i < argc && !dashdash; i++)
		if (argv[i][0] == '-') {
			cli_error(_("idcard: unknown option %s"), argv[i]);
			return EXIT_USAGE;
		}
	for (int i = first; i < argc; i++)
		all_valid &= check_one(argv[i], cli->today);
	return all_valid ? EXIT_OK : EXIT_INVALID;
}
