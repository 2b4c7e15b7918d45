/*
 * resident.c: yibao resident add | show | find | edit | end | reopen.
 * Arguments arrive in the terminal's encoding and are converted to UTF-8;
 * lists are aligned in display columns (a Hanzi is two); --json gives the
 * same data for scripts.  ID numbers in lists are masked for clerks.
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

static const char *
u8(struct cli_texts *a, const char *in, int *bad)
{
	const char *u;

	if (in == NULL)
		return NULL;
	if ((u = cli_text(a, in)) == NULL)
		*bad = 1;
	return u;
}

/* Aligned tables: measure every row, then print. */
#define TCOLS 7
#define TROWS 72

struct table {
	int ncols, nrows;
	const char *cell[TROWS + 1][TCOLS];	/* row 0: headings */
};

static void
table_print(struct table *t, const char *indent)
{
	int w[TCOLS] = { 0 };
	char pad[512], line[2048];
	size_t n;

	for (int r = 0; r <= t->nrows; r++)
		for (int c = 0; c < t->ncols; c++) {
			int x = text_width(t->cell[r][c] ? t->cell[r][c] : "");

			if (x > w[c])
				w[c] = x;
		}
	for (int r = 0; r <= t->nrows; r++) {
		n = (size_t)snprintf(line, sizeof line, "%s", indent);
		for (int c = 0; c < t->ncols && n < sizeof line; c++)
			n += (size_t)snprintf(line + n, sizeof line - n,
			    "%s  ", text_pad(t->cell[r][c] ? t->cell[r][c] :
			    "", w[c], 0, pad, sizeof pad));
		/* An empty last cell leaves no trailing spaces. */
		n = strlen(line);
		while (n > 0 && line[n - 1] == ' ')
			line[--n] = '\0';
		out_printf("%s\n", line);
	}
}

/* Label: value lines, the labels padded to one width. */
static void
field_lines(const char *const *labels, const char *const *values, int n)
{
	int w = 0;
	char pad[256];

	for (int i = 0; i < n; i++)
		if (text_width(labels[i]) > w)
			w = text_width(labels[i]);
	for (int i = 0; i < n; i++)
		out_printf("%s  %s\n", text_pad(labels[i], w, 0, pad,
		    sizeof pad), values[i]);
}

static int
usage(void)
{
	cli_error(_("usage: yibao resident add ID --name N --residence "
	    "rural|urban --insured CAT --village V [--phone P] | show ID "
	    "[--json] | find QUERY [--json] | edit ID [--name N] [--residence "
	    "R] [--insured C] [--village V] [--phone P] | end ID --date D "
	    "--reason R | reopen ID --reason TEXT"));
	return EXIT_USAGE;
}

/* Options of every resident sub-command; which are allowed is checked after. */
struct ropts {
	const char *name, *residence, *insured, *village, *phone, *sex,
	    *birth, *date, *reason;
	int json;
	const char *pos[2];
	int npos;
};

enum {
	O_NAME = 1, O_RESIDENCE, O_INSURED, O_VILLAGE, O_PHONE, O_SEX,
	O_BIRTH, O_DATE, O_REASON, O_JSON
};

static int
parse(int argc, char **argv, struct ropts *o, struct cli_texts *a,
    unsigned allowed)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, O_NAME },
		{ "residence", required_argument, NULL, O_RESIDENCE },
		{ "insured", required_argument, NULL, O_INSURED },
		{ "village", required_argument, NULL, O_VILLAGE },
		{ "phone", required_argument, NULL, O_PHONE },
		{ "sex", required_argument, NULL, O_SEX },
		{ "birth", required_argument, NULL, O_BIRTH },
		{ "date", required_argument, NULL, O_DATE },
		{ "reason", required_argument, NULL, O_REASON },
		{ "json", no_argument, NULL, O_JSON },
		{ NULL, 0, NULL, 0 }
	};
	const char **slot[O_JSON] = { NULL, &o->name, &o->residence,
	    &o->insured, &o->village, &o->phone, &o->sex, &o->birth,
	    &o->date, &o->reason };
	int c, bad = 0;

	memset(o, 0, sizeof *o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c <= 0 || c > O_JSON || !(allowed & (1u << c))) {
			cli_error(_("resident %s: unknown or incomplete option "
			    "%s; see yibao --help"), argv[0], argv[optind - 1]);
			return -1;
		}
		if (c == O_JSON)
			o->json = 1;
		else
			*slot[c] = u8(a, optarg, &bad);
	}
	for (; optind < argc; optind++) {
		if (o->npos >= 1) {
			cli_error(_("resident %s: unexpected argument %s"),
			    argv[0], argv[optind]);
			return -1;
		}
		o->pos[o->npos++] = u8(a, argv[optind], &bad);
	}
	if (bad)
		return -1;
	if (o->npos != 1) {
		cli_error(_("resident %s: give one ID number%s"), argv[0],
		    strcmp(argv[0], "find") == 0 ? _(", name or initials") :
		    "");
		return -1;
	}
	return 0;
}

#define BIT(x) (1u << (x))

static int
do_add(struct cli *cli, struct ropts *o)
{
	struct resident_input in = { o->pos[0], o->name, o->residence,
	    o->insured, o->village, o->phone, o->sex, o->birth };
	struct ops_session s;
	struct ops_error e;
	char id[19];
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_resident_add(&s, &in, id, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Registered %s (%s).\n"), o->name, id);
	cli_session_close(&s);
	return EXIT_OK;
}

static const char *
status_text(const struct db_resident *r, char *buf, size_t n)
{
	if (strcmp(r->status, "active") == 0)
		return resident_status_label(r->status);
	snprintf(buf, n, _("ended on %s (%s)"), r->ended_on,
	    resident_end_reason_label(r->end_reason));
	return buf;
}

static void
show_text_periods(const char *title, const struct db_period *p, int n)
{
	struct table t;

	out_printf("\n%s\n", title);
	if (n == 0) {
		out_printf("  %s\n", _("none"));
		return;
	}
	memset(&t, 0, sizeof t);
	t.ncols = 5;
	t.cell[0][0] = _("Code");
	t.cell[0][1] = _("From");
	t.cell[0][2] = _("To");
	t.cell[0][3] = _("Certified by");
	t.cell[0][4] = _("Ended because");
	for (int i = 0; i < n && i < TROWS; i++) {
		t.cell[i + 1][0] = p[i].code;
		t.cell[i + 1][1] = p[i].valid_from;
		t.cell[i + 1][2] = p[i].valid_to[0] ? p[i].valid_to : "-";
		t.cell[i + 1][3] = p[i].department;
		t.cell[i + 1][4] = p[i].end_reason;
		t.nrows++;
	}
	table_print(&t, "  ");
}

static void
show_text(const struct ops_session *s, const struct resident_view *v)
{
	const struct db_resident *r = &v->r;
	const char *labels[10], *values[10];
	char status[128], hh[256], masked[TROWS][19],
	    name[HOUSEHOLD_NAME_MAX];
	struct table t;

	labels[0] = _("ID number");	values[0] = r->id_number;
	labels[1] = _("Name");		values[1] = r->name;
	labels[2] = _("Sex");		values[2] = resident_sex_label(r->sex);
	labels[3] = _("Born");		values[3] = r->birth;
	labels[4] = _("Residence");
	values[4] = resident_residence_label(r->residence);
	labels[5] = _("Insured as");
	values[5] = resident_insured_label(r->insured_category);
	labels[6] = _("Village");	values[6] = r->village;
	labels[7] = _("Phone");		values[7] = r->phone[0] ? r->phone : "-";
	labels[8] = _("Status");
	values[8] = status_text(r, status, sizeof status);
	labels[9] = _("Household");
	if (v->in_household)
		snprintf(hh, sizeof hh, _("%s, %s, since %s"),
		    household_name(s, v->member.household_site,
		    v->member.household_number, name, sizeof name),
		    household_relation_label(v->member.relation),
		    v->member.joined_on);
	else
		snprintf(hh, sizeof hh, "%s", _("none"));
	values[9] = hh;
	field_lines(labels, values, 10);
	if (v->in_household) {
		out_printf("\n%s\n", _("Members of the household:"));
		memset(&t, 0, sizeof t);
		t.ncols = 4;
		t.cell[0][0] = _("ID number");
		t.cell[0][1] = _("Name");
		t.cell[0][2] = _("Relation");
		t.cell[0][3] = _("Since");
		for (int i = 0; i < v->nmembers && i < TROWS; i++) {
			const struct db_member *m = &v->members[i];

			if (s->role >= ROLE_SUPERVISOR)
				memcpy(masked[i], m->id_number, 19);
			else
				idcard_mask(m->id_number, masked[i]);
			t.cell[i + 1][0] = masked[i];
			t.cell[i + 1][1] = m->name;
			t.cell[i + 1][2] = household_relation_label(m->relation);
			t.cell[i + 1][3] = m->joined_on;
			t.nrows++;
		}
		table_print(&t, "  ");
	}
	show_text_periods(_("Hardship categories:"), v->categories,
	    v->ncategories);
	show_text_periods(_("Chronic-disease qualifications:"),
	    v->qualifications, v->nqualifications);
}

static void
json_periods(struct json *j, const char *key, const char *code_key,
    const struct db_period *p, int n)
{
	json_array_begin(j, key);
	for (int i = 0; i < n; i++) {
		json_object_begin(j, NULL);
		json_string(j, code_key, p[i].code);
		json_string(j, "valid_from", p[i].valid_from);
		json_string(j, "valid_to", p[i].valid_to[0] ? p[i].valid_to :
		    NULL);
		json_string(j, "department", p[i].department);
		json_string(j, "end_reason", p[i].end_reason[0] ?
		    p[i].end_reason : NULL);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
show_json(const struct ops_session *s, const struct resident_view *v)
{
	const struct db_resident *r = &v->r;
	struct json j;
	char masked[19];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "id_number", r->id_number);
	json_string(&j, "name", r->name);
	json_string(&j, "sex", r->sex);
	json_string(&j, "birth", r->birth);
	json_string(&j, "residence", r->residence);
	json_string(&j, "insured_category", r->insured_category);
	json_string(&j, "village", r->village);
	json_string(&j, "phone", r->phone);
	json_string(&j, "status", r->status);
	json_string(&j, "ended_on", r->ended_on[0] ? r->ended_on : NULL);
	json_string(&j, "end_reason", r->end_reason[0] ? r->end_reason : NULL);
	if (!v->in_household)
		json_null(&j, "household");
	else {
		json_object_begin(&j, "household");
		json_string(&j, "number", v->member.household_number);
		json_string(&j, "site", v->member.household_site);
		json_string(&j, "relation", v->member.relation);
		json_string(&j, "joined_on", v->member.joined_on);
		json_array_begin(&j, "members");
		for (int i = 0; i < v->nmembers; i++) {
			const struct db_member *m = &v->members[i];

			if (s->role >= ROLE_SUPERVISOR)
				memcpy(masked, m->id_number, 19);
			else
				idcard_mask(m->id_number, masked);
			json_object_begin(&j, NULL);
			json_string(&j, "id_number", masked);
			json_string(&j, "name", m->name);
			json_string(&j, "relation", m->relation);
			json_string(&j, "joined_on", m->joined_on);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_periods(&j, "categories", "category", v->categories,
	    v->ncategories);
	json_periods(&j, "qualifications", "disease", v->qualifications,
	    v->nqualifications);
	json_object_end(&j);
	json_finish(&j);
}

static int
do_show(struct cli *cli, struct ropts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct resident_view *v;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if ((v = malloc(sizeof *v)) == NULL) {
		cli_session_close(&s);
		return EXIT_INVALID;
	}
	if (ops_resident_view(&s, o->pos[0], v, &e) != OPS_OK) {
		free(v);
		return cli_fail(&s, &e);
	}
	if (o->json)
		show_json(&s, v);
	else
		show_text(&s, v);
	free(v);
	cli_session_close(&s);
	return EXIT_OK;
}

static const char *const kind_codes[] = { "id", "suffix", "initials", "name" };

static void
find_text(const struct resident_found *f)
{
	struct table t;

	if (f->n == 0) {
		out_printf("%s\n", _("No resident found."));
		return;
	}
	memset(&t, 0, sizeof t);
	t.ncols = 6;
	t.cell[0][0] = _("ID number");
	t.cell[0][1] = _("Name");
	t.cell[0][2] = _("Sex");
	t.cell[0][3] = _("Born");
	t.cell[0][4] = _("Village");
	t.cell[0][5] = _("Status");
	for (int i = 0; i < f->n; i++) {
		const struct resident_hit *h = &f->hit[i];

		t.cell[i + 1][0] = h->shown;
		t.cell[i + 1][1] = h->name;
		t.cell[i + 1][2] = resident_sex_label(h->sex);
		t.cell[i + 1][3] = h->birth;
		t.cell[i + 1][4] = h->village;
		t.cell[i + 1][5] = resident_status_label(h->status);
		t.nrows++;
	}
	table_print(&t, "");
	if (f->more)
		out_printf(_("More than %d found: type more of the number or "
		    "the name.\n"), RESIDENT_FIND_MAX);
}

static void
find_json(const char *query, const struct resident_found *f)
{
	struct json j;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "query", query);
	json_string(&j, "search", kind_codes[f->kind]);
	json_bool(&j, "more", f->more);
	json_array_begin(&j, "residents");
	for (int i = 0; i < f->n; i++) {
		const struct resident_hit *h = &f->hit[i];

		json_object_begin(&j, NULL);
		json_string(&j, "id_number", h->shown);
		json_string(&j, "name", h->name);
		json_string(&j, "sex", h->sex);
		json_string(&j, "birth", h->birth);
		json_string(&j, "village", h->village);
		json_string(&j, "status", h->status);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
do_find(struct cli *cli, struct ropts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct resident_found *f;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if ((f = malloc(sizeof *f)) == NULL) {
		cli_session_close(&s);
		return EXIT_INVALID;
	}
	if (ops_resident_find(&s, o->pos[0], f, &e) != OPS_OK) {
		free(f);
		return cli_fail(&s, &e);
	}
	if (o->json)
		find_json(o->pos[0], f);
	else
		find_text(f);
	free(f);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_edit(struct cli *cli, struct ropts *o)
{
	struct resident_change c = { o->name, o->residence, o->insured,
	    o->village, o->phone };
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_resident_edit(&s, o->pos[0], &c, &e) != OPS_OK ||
	    ops_resident_get(&s, o->pos[0], &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Saved %s (%s).\n"), r.name, r.id_number);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_end(struct cli *cli, struct ropts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_resident_end(&s, o->pos[0], o->date, o->reason, &e) !=
	    OPS_OK || ops_resident_get(&s, o->pos[0], &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("The coverage of %s (%s) ended on %s: %s.\n"), r.name,
	    r.id_number, r.ended_on, resident_end_reason_label(r.end_reason));
	if (strcmp(r.end_reason, "moved") != 0)
		out_printf("%s\n", _("A contribution paid in advance for the "
		    "coming year is refunded with yibao refund."));
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_reopen(struct cli *cli, struct ropts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_resident r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_resident_reopen(&s, o->pos[0], o->reason, &e) != OPS_OK ||
	    ops_resident_get(&s, o->pos[0], &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("The coverage of %s (%s) is active again.\n"), r.name,
	    r.id_number);
	cli_session_close(&s);
	return EXIT_OK;
}

int
cmd_resident(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		unsigned allowed;
		int (*fn)(struct cli *, struct ropts *);
	} subs[] = {
		{ "add", BIT(O_NAME) | BIT(O_RESIDENCE) | BIT(O_INSURED) |
		    BIT(O_VILLAGE) | BIT(O_PHONE) | BIT(O_SEX) | BIT(O_BIRTH),
		    do_add },
		{ "show", BIT(O_JSON), do_show },
		{ "find", BIT(O_JSON), do_find },
		{ "edit", BIT(O_NAME) | BIT(O_RESIDENCE) | BIT(O_INSURED) |
		    BIT(O_VILLAGE) | BIT(O_PHONE), do_edit },
		{ "end", BIT(O_DATE) | BIT(O_REASON), do_end },
		{ "reopen", BIT(O_REASON), do_reopen },
	};
	struct ropts o;
	struct cli_texts a = { { NULL }, 0 };
	int rc = EXIT_USAGE;

	if (argc < 2)
		return usage();
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		if (parse(argc - 1, argv + 1, &o, &a, subs[i].allowed) == 0)
			rc = subs[i].fn(cli, &o);
		cli_texts_free(&a);
		return rc;
	}
	return usage();
}
