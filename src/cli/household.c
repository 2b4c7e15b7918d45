/*
 * household.c: yibao household create | add | move | head | show.
 * Members' ID numbers are masked for clerks; --json gives the same data.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/idcard.h"
#include "core/text.h"
#include "i18n.h"
#include "io/json.h"
#include "io/out.h"
#include "ops/household.h"
#include "ops/resident.h"

static int
usage(void)
{
	cli_error(_("usage: yibao household create NUMBER --village V --head "
	    "ID | add NUMBER ID --relation R | move ID --to NUMBER --relation "
	    "R | head NUMBER ID [--former R] | show NUMBER [--history] "
	    "[--json]"));
	return EXIT_USAGE;
}

enum { O_VILLAGE = 1, O_HEAD, O_RELATION, O_TO, O_FORMER, O_HISTORY, O_JSON };

struct hopts {
	const char *village, *head, *relation, *to, *former;
	int history, json;
	const char *pos[2];
	int npos;
	struct cli_texts texts;
};

static void
hopts_free(struct hopts *o)
{
	cli_texts_free(&o->texts);
}

/* An argument in UTF-8, kept for hopts_free; NULL if not convertible. */
static const char *
u8(struct hopts *o, const char *in)
{
	return cli_text(&o->texts, in);
}

static int
parse(int argc, char **argv, struct hopts *o, unsigned allowed, int npos)
{
	static const struct option longopts[] = {
		{ "village", required_argument, NULL, O_VILLAGE },
		{ "head", required_argument, NULL, O_HEAD },
		{ "relation", required_argument, NULL, O_RELATION },
		{ "to", required_argument, NULL, O_TO },
		{ "former", required_argument, NULL, O_FORMER },
		{ "history", no_argument, NULL, O_HISTORY },
		{ "json", no_argument, NULL, O_JSON },
		{ NULL, 0, NULL, 0 }
	};
	const char **slot[O_HISTORY] = { NULL, &o->village, &o->head,
	    &o->relation, &o->to, &o->former };
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c <= 0 || c > O_JSON || !(allowed & (1u << c))) {
			cli_error(_("household %s: unknown or incomplete option "
			    "%s; see yibao --help"), argv[0], argv[optind - 1]);
			return -1;
		}
		if (c == O_HISTORY)
			o->history = 1;
		else if (c == O_JSON)
			o->json = 1;
		else if ((*slot[c] = u8(o, optarg)) == NULL)
			return -1;
	}
	for (; optind < argc; optind++) {
		if (o->npos >= npos) {
			cli_error(_("household %s: unexpected argument %s"),
			    argv[0], argv[optind]);
			return -1;
		}
		if ((o->pos[o->npos++] = u8(o, argv[optind])) == NULL)
			return -1;
	}
	if (o->npos != npos) {
		usage();
		return -1;
	}
	return 0;
}

#define BIT(x) (1u << (x))

/* The resident's name, for a confirmation. */
static const char *
name_of(struct ops_session *s, const char *id, struct db_resident *r)
{
	struct ops_error e;

	return ops_resident_get(s, id, r, &e) == OPS_OK ? r->name : id;
}

static int
do_create(struct cli *cli, struct hopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_household_create(&s, o->pos[0], o->village, o->head, &e) !=
	    OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Created household %s in %s; head: %s.\n"), o->pos[0],
	    o->village, name_of(&s, o->head, &r));
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_add(struct cli *cli, struct hopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_household_add(&s, o->pos[0], o->pos[1], o->relation, &e) !=
	    OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Added %s to household %s as %s.\n"),
	    name_of(&s, o->pos[1], &r), o->pos[0],
	    household_relation_label(o->relation));
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_move(struct cli *cli, struct hopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_household_move(&s, o->pos[0], o->to, o->relation, &e) !=
	    OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Moved %s to household %s as %s.\n"),
	    name_of(&s, o->pos[0], &r), o->to,
	    household_relation_label(o->relation));
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_head(struct cli *cli, struct hopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_household_set_head(&s, o->pos[0], o->pos[1], o->former, &e) !=
	    OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("%s is now the head of household %s.\n"),
	    name_of(&s, o->pos[1], &r), o->pos[0]);
	cli_session_close(&s);
	return EXIT_OK;
}

static void
show_text(const struct ops_session *s, const struct household_view *v,
    int history)
{
	int ncols = history ? 5 : 4, w[5] = { 0 };
	const char *cell[HOUSEHOLD_VIEW_MAX + 1][5];
	char masked[HOUSEHOLD_VIEW_MAX][19], pad[512], name[HOUSEHOLD_NAME_MAX];

	/* Another office's household by the name that finds it: A/0001. */
	out_printf(_("Household %s, %s\n"), household_name(s, v->h.site,
	    v->h.number, name, sizeof name), v->h.village);
	cell[0][0] = _("ID number");
	cell[0][1] = _("Name");
	cell[0][2] = _("Relation");
	cell[0][3] = _("Joined");
	cell[0][4] = _("Left");
	for (int i = 0; i < v->n; i++) {
		const struct db_member *m = &v->m[i];

		if (s->role >= ROLE_SUPERVISOR)
			memcpy(masked[i], m->id_number, 19);
		else
			idcard_mask(m->id_number, masked[i]);
		cell[i + 1][0] = masked[i];
		cell[i + 1][1] = m->name;
		cell[i + 1][2] = household_relation_label(m->relation);
		cell[i + 1][3] = m->joined_on;
		cell[i + 1][4] = m->left_on[0] ? m->left_on : "-";
	}
	for (int r = 0; r <= v->n; r++)
		for (int c = 0; c < ncols; c++)
			if (text_width(cell[r][c]) > w[c])
				w[c] = text_width(cell[r][c]);
	for (int r = 0; r <= v->n; r++) {
		out_printf("  ");
		for (int c = 0; c < ncols - 1; c++)
			out_printf("%s  ", text_pad(cell[r][c], w[c], 0, pad,
			    sizeof pad));
		out_printf("%s\n", cell[r][ncols - 1]);
	}
}

static void
show_json(const struct ops_session *s, const struct household_view *v)
{
	struct json j;
	char masked[19];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "number", v->h.number);
	json_string(&j, "site", v->h.site);
	json_string(&j, "village", v->h.village);
	json_array_begin(&j, "members");
	for (int i = 0; i < v->n; i++) {
		const struct db_member *m = &v->m[i];

		if (s->role >= ROLE_SUPERVISOR)
			memcpy(masked, m->id_number, 19);
		else
			idcard_mask(m->id_number, masked);
		json_object_begin(&j, NULL);
		json_string(&j, "id_number", masked);
		json_string(&j, "name", m->name);
		json_string(&j, "relation", m->relation);
		json_string(&j, "joined_on", m->joined_on);
		json_string(&j, "left_on", m->left_on[0] ? m->left_on : NULL);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
do_show(struct cli *cli, struct hopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct household_view *v;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if ((v = malloc(sizeof *v)) == NULL) {
		cli_session_close(&s);
		return EXIT_INVALID;
	}
	if (ops_household_view(&s, o->pos[0], o->history, v, &e) != OPS_OK) {
		free(v);
		return cli_fail(&s, &e);
	}
	if (o->json)
		show_json(&s, v);
	else
		show_text(&s, v, o->history);
	free(v);
	cli_session_close(&s);
	return EXIT_OK;
}

int
cmd_household(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		unsigned allowed;
		int npos;
		int (*fn)(struct cli *, struct hopts *);
	} subs[] = {
		{ "create", BIT(O_VILLAGE) | BIT(O_HEAD), 1, do_create },
		{ "add", BIT(O_RELATION), 2, do_add },
		{ "move", BIT(O_TO) | BIT(O_RELATION), 1, do_move },
		{ "head", BIT(O_FORMER), 2, do_head },
		{ "show", BIT(O_HISTORY) | BIT(O_JSON), 1, do_show },
	};
	struct hopts o;
	int rc = EXIT_USAGE;

	if (argc < 2)
		return usage();
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		memset(&o, 0, sizeof o);
		if (parse(argc - 1, argv + 1, &o, subs[i].allowed,
		    subs[i].npos) == 0)
			rc = subs[i].fn(cli, &o);
		hopts_free(&o);
		return rc;
	}
	return usage();
}
