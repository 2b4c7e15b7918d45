/*
 * demo.c: yibao --demo: a throw-away database for trainers.  It is removed
 * when the program ends, so a demonstration never touches an office's file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/idcard.h"
#include "db/db.h"
#include "i18n.h"
#include "io/out.h"

/* Fictional people of the demonstration county (示范县): valid numbers only. */
static const char *const demo_ids[] = {
	"11010519491231002X",	/* born 1949-12-31, female */
	"440524188001010014",	/* born 1880-01-01, male */
	"130303201001015673",	/* born 2010-01-01, male */
};

int
cmd_demo(struct cli *cli, int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200], err[512], birth[DATE_BUFSZ];
	struct idcard id;
	struct db *db;

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/yibao-demo-XXXXXX",
	    tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		cli_error(_("cannot make a folder for the demonstration in "
		    "%s"), tmp && *tmp ? tmp : "/tmp");
		return EXIT_INVALID;
	}
	snprintf(path, sizeof path, "%s/demo.db", dir);
	if (db_open(path, DB_CREATE, &db, err, sizeof err) != DB_OK) {
		cli_error("%s", err);
		rmdir(dir);
		return EXIT_INVALID;
	}
	out_printf(_("yibao %s: demonstration county (示范县)\n"), VERSION);
	out_printf(_("Database: %s (schema version %d; throw-away, removed "
	    "on exit)\n\n"), path, db->version);
	out_printf(_("Identity numbers of fictional residents, checked as "
	    "\"yibao idcard\" does:\n"));
	for (size_t i = 0; i < sizeof demo_ids / sizeof demo_ids[0]; i++) {
		if (idcard_parse(demo_ids[i], cli->today, &id) != IDCARD_OK)
			continue;
		out_printf("  %s  %s  %s\n", id.number,
		    date_format(id.birth, birth),
		    id.sex == 'M' ? _("male") : _("female"));
	}
	out_printf(_("\nResidents, payments and claims of the demonstration "
	    "county, and the terminal interface, come with the next "
	    "versions.\n"));
	db_close(db);
	db_remove(path);
	rmdir(dir);
	return EXIT_OK;
}
