/*
 * init.c: yibao init [--site CODE] [--admin LOGIN [--admin-name NAME]
 * [--password-file FILE]]: create the office database, record the office
 * code and create the first administrator.  Running it again with the same
 * words changes nothing.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/db.h"
#include "i18n.h"
#include "io/out.h"
#include "ops/office.h"

struct init_args {
	const char *site, *admin, *admin_name, *password_file;
};

static int
parse_args(int argc, char **argv, struct init_args *a)
{
	static const struct option longopts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "admin", required_argument, NULL, 'a' },
		{ "admin-name", required_argument, NULL, 'n' },
		{ "password-file", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;	/* glibc: start over for this command's words */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (c) {
		case 's': a->site = optarg; break;
		case 'a': a->admin = optarg; break;
		case 'n': a->admin_name = optarg; break;
		case 'p': a->password_file = optarg; break;
		default:
			cli_error(_("init: unknown or incomplete option %s; see "
			    "yibao --help"), argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		cli_error(_("init: unexpected argument %s; see yibao --help"),
		    argv[optind]);
		return -1;
	}
	return 0;
}

/* The first administrator's password: a file, or asked twice. */
static int
admin_password(const struct init_args *a, char *buf, size_t bufsz)
{
	char again[256];

	if (a->password_file != NULL) {
		FILE *fp = fopen(a->password_file, "r");

		if (fp == NULL) {
			cli_error(_("cannot read the password file %s"),
			    a->password_file);
			return -1;
		}
		if (fgets(buf, (int)bufsz, fp) == NULL)
			buf[0] = '\0';
		fclose(fp);
		buf[strcspn(buf, "\r\n")] = '\0';
		return 0;
	}
	if (cli_password(a->admin, buf, bufsz) != 0)
		return -1;
	if (getenv("YIBAO_PASSWORD_FILE") != NULL)
		return 0;
	if (cli_password(a->admin, again, sizeof again) != 0 ||
	    strcmp(buf, again) != 0) {
		cli_error(_("the two passwords differ; nothing was changed"));
		return -1;
	}
	return 0;
}

int
cmd_init(struct cli *cli, int argc, char **argv)
{
	struct init_args a;
	struct ops_session s;
	struct office_init_result res;
	struct ops_error oe;
	char err[512], password[256] = "";
	int changed;

	if (parse_args(argc, argv, &a) != 0)
		return EXIT_USAGE;
	/* Refuse bad words before any file is made. */
	memset(&s, 0, sizeof s);
	if (ops_office_check(a.site, a.admin, &oe) != OPS_OK) {
		cli_error("%s", oe.msg);
		return cli_exit_status(oe.status);
	}
	if (a.admin != NULL && admin_password(&a, password, sizeof password)
	    != 0)
		return EXIT_INVALID;
	if (a.admin != NULL && password[0] == '\0') {
		cli_error(_("the administrator needs a password"));
		return EXIT_INVALID;
	}
	if (db_open(cli->db_path, DB_CREATE, &s.db, err, sizeof err) != DB_OK) {
		explicit_bzero(password, sizeof password);
		cli_error("%s", err);
		return EXIT_INVALID;
	}
	cli_session_clock(&s, cli);
	if (ops_office_init(&s, a.site, a.admin, a.admin_name, password, &res,
	    &oe) != OPS_OK) {
		int created = s.db->created;

		explicit_bzero(password, sizeof password);
		cli_error("%s", oe.msg);
		db_close(s.db);
		if (created)	/* a refused first init leaves no file */
			db_remove(cli->db_path);
		return cli_exit_status(oe.status);
	}
	explicit_bzero(password, sizeof password);
	changed = s.db->created || s.db->migrated_from != s.db->version;
	if (s.db->created)
		out_printf(_("Created the database %s (schema version %d).\n"),
		    cli->db_path, s.db->version);
	else if (s.db->migrated_from != s.db->version)
		out_printf(_("Updated the database %s from schema version %d "
		    "to %d.\n"), cli->db_path, s.db->migrated_from,
		    s.db->version);
	if (res.site_set)
		out_printf(_("The office code is %s.\n"), a.site);
	if (res.admin_created)
		out_printf(_("Created the administrator %s.\n"), a.admin);
	else if (a.admin != NULL)
		out_printf(_("The office already has operators: --admin was not "
		    "used (see yibao operator add).\n"));
	if (res.key_created)
		out_printf(_("Made the office's signing key for the night sync "
		    "(see yibao sync key).\n"));
	if (!changed && !res.site_set && !res.admin_created && !res.key_created)
		out_printf(_("The database %s is ready (schema version %d); "
		    "nothing was changed.\n"), cli->db_path, s.db->version);
	db_close(s.db);
	return EXIT_OK;
}
