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
#include "core/settle.h"
#include "db/db.h"
#include "i18n.h"
#include "io/out.h"

/* Fictional people of the demonstration county (示范县): valid numbers only. */
static const char *const demo_ids[] = {
	"11010519491231002X",	/* born 1949-12-31, female */
	"440524188001010014",	/* born 1880-01-01, male */
	"130303201001015673",	/* born 2010-01-01, male */
};

/* Two claims a trainer can explain: RULES.md 6, and a large bill of a poor resident. */
static void
show_example(const struct policy *pol, const char *title, struct claim *c)
{
	struct settlement s;
	char a[MONEY_BUFSZ], note[512];

	out_printf("\n  %s\n", title);
	if (settle(pol, c, &s) != SETTLE_OK) {
		out_printf("    %s\n", settle_strerror(s.status));
		return;
	}
	/* Amounts first, right-aligned: no need to measure Hanzi widths. */
	out_printf("    %12s  %s\n", money_format(s.total, a), _("total"));
	out_printf("    %12s  %s\n", money_format(s.range, a),
	    _("policy range (政策范围内)"));
	out_printf("    %12s  %s\n", money_format(s.fund, a),
	    _("basic insurance fund"));
	out_printf("    %12s  %s\n", money_format(s.serious, a),
	    _("serious-illness insurance"));
	out_printf("    %12s  %s\n", money_format(s.assistance, a),
	    _("medical assistance"));
	out_printf("    %12s  %s\n", money_format(s.personal, a),
	    _("paid by the resident"));
	for (int i = 0; i < s.nnotes; i++)
		out_printf("    - %s\n", settle_note_format(&s.note[i], note,
		    sizeof note));
}

static void
show_examples(struct cli *cli)
{
	struct policy *pol = calloc(1, sizeof *pol);
	struct claim c;

	if (pol == NULL || cli_load_policy("demo", pol) != 0) {
		free(pol);
		return;
	}
	out_printf(_("\nPolicy pack %s: %s\n"), pol->id, pol->name);
	out_printf(_("Claims settled as \"yibao trial\" does:\n"));

	memset(&c, 0, sizeof c);
	c.kind = KIND_INPATIENT;
	c.level = 3;
	c.date = cli->today;
	c.total = 2000000;
	c.out_of_list = 100000;
	c.class_b = 300000;
	show_example(pol, _("Inpatient, level-3 hospital in the county, an "
	    "ordinary resident: 20000.00, of which 1000.00 out of the list "
	    "and 3000.00 class B"), &c);

	memset(&c, 0, sizeof c);
	c.kind = KIND_INPATIENT;
	c.level = 3;
	c.date = cli->today;
	c.total = 20000000;
	c.categories = CATSET(CAT_REGISTERED_POOR);
	c.residence = RES_RURAL;
	show_example(pol, _("Inpatient, level-3 hospital in the county, a "
	    "rural resident lifted out of poverty (脱贫人口): 200000.00"), &c);
	free(pol);
}

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
	show_examples(cli);
	out_printf(_("\nThe commands for residents, payments and claims work "
	    "on an office database (see yibao --help); a demonstration county "
	    "filled with them, and the terminal interface, come with the next "
	    "versions.\n"));
	db_close(db);
	db_remove(path);
	rmdir(dir);
	return EXIT_OK;
}
