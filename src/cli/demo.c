/*
 * demo.c: yibao --demo: the demonstration county (ops/demo.c) in a
 * throw-away database for trainers, removed when the program ends, so a
 * demonstration never touches an office's file.  With --db FILE it goes
 * into that new file instead, which is kept (tests, a prepared lesson).
 * On a terminal the interface opens on it; otherwise it says what it made.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/settle.h"
#include "db/db.h"
#include "i18n.h"
#include "io/out.h"
#include "ops/demo.h"
#include "tui/tui.h"

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

/* What the county holds, and who may log in. */
static void
show_summary(const struct demo_summary *d)
{
	out_printf(_("%d townships, %d villages, %d households, %d "
	    "residents\n"), d->townships, d->villages, d->households,
	    d->residents);
	out_printf(_("%d hardship categories and %d chronic qualifications "
	    "recorded\n"), d->categories, d->qualifications);
	out_printf(_("Contributions for %d: %d residents paid in the period, "
	    "%d paid late, %d not paid; %d receipts, %d reversed\n"), d->year,
	    d->paid, d->late, d->unpaid, d->receipts, d->reversals);
	out_printf(_("%d off-site registrations, %d claims settled\n"),
	    d->registrations, d->claims);
	out_printf(_("\nOperators (login / password):\n"));
	for (const struct demo_operator *o = demo_operators; o->login; o++)
		out_printf("  %-6s %-6s %s (%s)\n", o->login, o->password,
		    o->name, role_label(o->role));
}

/*
 * The county lives on DEMO_TODAY unless YIBAO_TODAY says otherwise; set
 * for the whole process, so the interface shows the same day.
 */
static int
demo_today(struct cli *cli)
{
	const char *env = getenv("YIBAO_TODAY");

	if (env == NULL || *env == '\0')
		setenv("YIBAO_TODAY", DEMO_TODAY, 1);
	return cli_today(&cli->today);
}

/*
 * On a terminal, the interface on the county (with the operators shown on
 * the login screen): 1 and its exit status in *rc.  0 without a terminal.
 */
static int
open_interface(struct cli *cli, const char *path, int *rc)
{
	const char *env = getenv("YIBAO_ASCII");
	struct tui_options opt;
	char note[1024];
	size_t n;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return 0;
	n = (size_t)snprintf(note, sizeof note, "%s", _("Demonstration "
	    "county (示范县): log in as"));
	for (const struct demo_operator *o = demo_operators; o->login &&
	    n < sizeof note; o++)
		n += (size_t)snprintf(note + n, sizeof note - n, _("  %s "
		    "password %s (%s)"), o->login, o->password,
		    role_label(o->role));
	memset(&opt, 0, sizeof opt);
	opt.db_path = path;
	opt.today = cli->today;
	opt.login = cli->operator_login;
	opt.ascii = env != NULL && strcmp(env, "1") == 0;
	opt.login_note = note;
	*rc = tui_main(&opt);
	return 1;
}

/*
 * Make the county in `path`.  0 made; else an exit status, the message
 * said.
 */
static int
make_county(struct cli *cli, const char *path, struct demo_summary *sum)
{
	struct ops_session s;
	struct ops_error oe;
	char err[512];

	memset(&s, 0, sizeof s);
	cli_session_clock(&s, cli);
	if (db_open(path, DB_CREATE, &s.db, err, sizeof err) != DB_OK) {
		cli_error("%s", err);
		return EXIT_INVALID;
	}
	if (ops_demo_fill(&s, sum, &oe) != OPS_OK) {
		cli_error("%s", oe.msg);
		db_close(s.db);
		return cli_exit_status(oe.status);
	}
	db_close(s.db);
	return EXIT_OK;
}

int
cmd_demo(struct cli *cli, int argc, char **argv)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096] = "", path[4200];
	struct demo_summary sum;
	int rc, keep = cli->db_path != NULL;

	(void)argc;
	(void)argv;
	if (demo_today(cli) != 0)
		return EXIT_USAGE;
	if (keep) {
		if (access(cli->db_path, F_OK) == 0) {
			cli_error(_("%s exists: the demonstration goes only "
			    "into a new file"), cli->db_path);
			return EXIT_INVALID;
		}
		snprintf(path, sizeof path, "%s", cli->db_path);
	} else {
		snprintf(dir, sizeof dir, "%s/yibao-demo-XXXXXX",
		    tmp && *tmp ? tmp : "/tmp");
		if (mkdtemp(dir) == NULL) {
			cli_error(_("cannot make a folder for the "
			    "demonstration in %s"), tmp && *tmp ? tmp : "/tmp");
			return EXIT_INVALID;
		}
		snprintf(path, sizeof path, "%s/demo.db", dir);
	}
	if ((rc = make_county(cli, path, &sum)) != EXIT_OK) {
		db_remove(path);
		goto out;
	}
	if (open_interface(cli, path, &rc))
		goto out;
	out_printf(_("yibao %s: demonstration county (示范县)\n"), VERSION);
	if (keep)
		out_printf(_("Database: %s (kept)\n\n"), path);
	else
		out_printf(_("Database: %s (throw-away, removed on exit)\n\n"),
		    path);
	show_summary(&sum);
	show_examples(cli);
out:
	if (!keep) {
		db_remove(path);
		rmdir(dir);
	}
	return rc;
}
