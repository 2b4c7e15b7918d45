/*
 * category.c: yibao category add | end and yibao qualification add | end:
 * hardship categories and chronic-disease qualifications of a resident.
 * Adding checks the code against the office's pack; ending needs a
 * supervisor.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "i18n.h"
#include "io/out.h"
#include "ops/category.h"
#include "ops/resident.h"

enum { O_FROM = 1, O_TO, O_DEPARTMENT, O_DATE, O_REASON };

struct copts {
	const char *cmd;	/* category, qualification */
	const char *sub;	/* add, end */
	const char *v[O_REASON + 1];
	const char *id, *code;
	struct cli_texts texts;
};

static int
usage(const char *cmd)
{
	if (strcmp(cmd, "category") == 0)
		cli_error(_("usage: yibao category add ID CODE --from D [--to D] "
		    "--department NAME | end ID CODE --date D --reason TEXT"));
	else
		cli_error(_("usage: yibao qualification add ID DISEASE --from D "
		    "[--to D] --department NAME | end ID DISEASE --date D "
		    "--reason TEXT"));
	return EXIT_USAGE;
}

static const char *
u8(struct copts *o, const char *in)
{
	return cli_text(&o->texts, in);
}

static int
parse(int argc, char **argv, struct copts *o, unsigned allowed)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "department", required_argument, NULL, O_DEPARTMENT },
		{ "date", required_argument, NULL, O_DATE },
		{ "reason", required_argument, NULL, O_REASON },
		{ NULL, 0, NULL, 0 }
	};
	const char *pos[2];
	int c, npos = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c <= 0 || c > O_REASON || !(allowed & (1u << c))) {
			cli_error(_("%s %s: unknown or incomplete option %s; see "
			    "yibao --help"), o->cmd, o->sub, argv[optind - 1]);
			return -1;
		}
		if ((o->v[c] = u8(o, optarg)) == NULL)
			return -1;
	}
	for (; optind < argc; optind++) {
		if (npos >= 2) {
			cli_error(_("%s %s: unexpected argument %s"), o->cmd,
			    o->sub, argv[optind]);
			return -1;
		}
		if ((pos[npos++] = u8(o, argv[optind])) == NULL)
			return -1;
	}
	if (npos != 2) {
		usage(o->cmd);
		return -1;
	}
	o->id = pos[0];
	o->code = pos[1];
	return 0;
}

static int
do_add(struct cli *cli, struct copts *o, int category)
{
	struct period_input in = { o->id, o->code, o->v[O_FROM], o->v[O_TO],
	    o->v[O_DEPARTMENT] };
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	enum ops_status st;
	int rc;

	if ((rc = cli_session_open(cli, &s, CLI_NEED_POLICY)) != EXIT_OK)
		return rc;
	st = category ? ops_category_add(&s, &in, &e) :
	    ops_qualification_add(&s, &in, &e);
	if (st != OPS_OK || ops_resident_get(&s, o->id, &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	if (in.to != NULL)
		out_printf(_("Recorded %s for %s (%s), valid from %s to %s.\n"),
		    o->code, r.name, r.id_number, in.from, in.to);
	else
		out_printf(_("Recorded %s for %s (%s), valid from %s.\n"),
		    o->code, r.name, r.id_number, in.from);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_end(struct cli *cli, struct copts *o, int category)
{
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	enum ops_status st;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	st = category ? ops_category_end(&s, o->id, o->code, o->v[O_DATE],
	    o->v[O_REASON], &e) : ops_qualification_end(&s, o->id, o->code,
	    o->v[O_DATE], o->v[O_REASON], &e);
	if (st != OPS_OK || ops_resident_get(&s, o->id, &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("%s of %s (%s) ends on %s.\n"), o->code, r.name,
	    r.id_number, o->v[O_DATE]);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
run(struct cli *cli, int argc, char **argv, int category)
{
	struct copts o;
	int rc = EXIT_USAGE, add;

	memset(&o, 0, sizeof o);
	o.cmd = argv[0];
	if (argc < 2 || (strcmp(argv[1], "add") != 0 &&
	    strcmp(argv[1], "end") != 0))
		return usage(argv[0]);
	o.sub = argv[1];
	add = strcmp(argv[1], "add") == 0;
	if (parse(argc - 1, argv + 1, &o, add ? (1u << O_FROM) |
	    (1u << O_TO) | (1u << O_DEPARTMENT) : (1u << O_DATE) |
	    (1u << O_REASON)) == 0)
		rc = add ? do_add(cli, &o, category) :
		    do_end(cli, &o, category);
	cli_texts_free(&o.texts);
	return rc;
}

int
cmd_category(struct cli *cli, int argc, char **argv)
{
	return run(cli, argc, argv, 1);
}

int
cmd_qualification(struct cli *cli, int argc, char **argv)
{
	return run(cli, argc, argv, 0);
}
