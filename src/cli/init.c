/* init.c: yibao init: create the office database, or check it is current. */
#include "config.h"

#include <string.h>

#include "cli/cli.h"
#include "db/db.h"
#include "i18n.h"
#include "io/out.h"

int
cmd_init(struct cli *cli, int argc, char **argv)
{
	struct db *db;
	char err[512];

	(void)argv;
	if (argc > 1) {
		cli_error(_("init takes no arguments; see yibao --help"));
		return EXIT_USAGE;
	}
	if (db_open(cli->db_path, DB_CREATE, &db, err, sizeof err) != DB_OK) {
		cli_error("%s", err);
		return EXIT_INVALID;
	}
	if (db->created)
		out_printf(_("Created the database %s (schema version %d).\n"),
		    cli->db_path, db->version);
	else if (db->migrated_from != db->version)
		out_printf(_("Updated the database %s from schema version %d "
		    "to %d.\n"), cli->db_path, db->migrated_from, db->version);
	else
		out_printf(_("The database %s is ready (schema version %d); "
		    "nothing was changed.\n"), cli->db_path, db->version);
	db_close(db);
	return EXIT_OK;
}
