/*
 * report.c: yibao report day [--date D] [--operator NAME] [--json], the
 * end-of-day cash per operator; yibao report enrolment --year Y [--json],
 * insured and uninsured residents, subsidies and the fiscal subsidy due.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "i18n.h"
#include "io/json.h"
#include "io/out.h"
#include "ops/report.h"


struct report_args {
	struct date date;
	const char *login;
	int year;
	int json;
};

static const char *
num(long long v)
{
	static char buf[8][24];
	static int next;
	char *b = buf[next++ % 8];

	snprintf(b, 24, "%lld", v);
	return b;
}

/*
 * A date or a year that is not one is invalid input (EXIT_INVALID), like
 * any other bad value; an unknown option is a wrong command line.
 */
#define BAD_VALUE (-2)

/* 0, -1 (the command line is wrong) or BAD_VALUE. */
static int
parse_args(int argc, char **argv, const char *allowed, struct report_args *a)
{
	static const struct option longopts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "operator", required_argument, NULL, 'o' },
		{ "year", required_argument, NULL, 'y' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	enum date_err e;
	char *end;
	long v;
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
		if (c == '?' || c == ':' || strchr(allowed, c) == NULL) {
			cli_error(_("report %s: unknown or incomplete option "
			    "%s; see yibao --help"), argv[0],
			    argv[optind - 1]);
			return -1;
		}
		switch (c) {
		case 'd':
			if ((e = date_parse(optarg, &a->date)) != DATE_OK) {
				cli_error(_("report: %s: %s"), optarg,
				    date_strerror(e));
				return BAD_VALUE;
			}
			break;
		case 'o': a->login = optarg; break;
		case 'y':
			v = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    v < DATE_MIN_YEAR || v > DATE_MAX_YEAR) {
				cli_error(_("report: %s is not a year, such as "
				    "2021"), optarg);
				return BAD_VALUE;
			}
			a->year = (int)v;
			break;
		case 'j': a->json = 1; break;
		}
	}
	if (optind < argc) {
		cli_error(_("report %s: unexpected argument %s; see yibao "
		    "--help"), argv[0], argv[optind]);
		return -1;
	}
	return 0;
}

/* ---- day -------------------------------------------------------------- */

static void
print_day_block(const char *title, const struct day_row *r)
{
	const char *label[DAY_KINDS] = {
		_("Payments"), _("Refunds"), _("Reversals")
	};

	out_printf("%s\n", title);
	for (int k = 0; k < DAY_KINDS; k++)
		cli_row("  %s  %s  %s", cli_pad(label[k], 12, 0),
		    cli_pad(num(r->count[k]), 5, 1), cli_pad(cli_money(r->sum[k]), 12, 1));
	cli_row("  %s  %s  %s", cli_pad(_("Net cash"), 12, 0), cli_pad("", 5, 0),
	    cli_pad(cli_money(r->net), 12, 1));
}

static void
print_day(const struct day_report *r)
{
	char d[DATE_BUFSZ], title[300];

	out_printf(_("Day report %s, office %s\n"), date_format(r->date, d),
	    r->site);
	for (size_t i = 0; i < r->n; i++) {
		const struct day_row *o = &r->rows[i];

		if (strcmp(o->name, o->login) != 0)
			snprintf(title, sizeof title, "%s (%s)", o->login,
			    o->name);
		else
			snprintf(title, sizeof title, "%s", o->login);
		out_printf("\n");
		print_day_block(title, o);
	}
	out_printf("\n");
	print_day_block(_("Total"), &r->total);
}

static void
json_day_row(struct json *j, const char *key, const struct day_row *r)
{
	static const char *const kinds[DAY_KINDS] = {
		"payments", "refunds", "reversals"
	};

	json_object_begin(j, key);
	if (r->login[0] != '\0') {
		json_string(j, "operator", r->login);
		json_string(j, "name", r->name);
	}
	for (int k = 0; k < DAY_KINDS; k++) {
		json_object_begin(j, kinds[k]);
		json_int(j, "count", r->count[k]);
		json_money(j, "amount", r->sum[k]);
		json_object_end(j);
	}
	json_money(j, "net", r->net);
	json_object_end(j);
}

static void
json_day(const struct day_report *r)
{
	struct json j;
	char d[DATE_BUFSZ];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "date", date_format(r->date, d));
	json_string(&j, "office", r->site);
	json_array_begin(&j, "operators");
	for (size_t i = 0; i < r->n; i++)
		json_day_row(&j, NULL, &r->rows[i]);
	json_array_end(&j);
	json_day_row(&j, "total", &r->total);
	json_object_end(&j);
	json_finish(&j);
}

static int
report_day(struct cli *cli, int argc, char **argv)
{
	struct report_args a;
	struct day_report r;
	struct ops_session s;
	struct ops_error oe;
	int rc;

	if ((rc = parse_args(argc, argv, "doj", &a)) != 0)
		return rc == BAD_VALUE ? EXIT_INVALID : EXIT_USAGE;
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_report_day(&s, a.date.y ? a.date : s.today, a.login, &r,
	    &oe) != OPS_OK) {
		cli_error("%s", oe.msg);
		rc = cli_exit_status(oe.status);
	} else {
		if (a.json)
			json_day(&r);
		else
			print_day(&r);
		day_report_free(&r);
	}
	cli_session_close(&s);
	return rc;
}

/* ---- enrolment ------------------------------------------------------- */

static const char *
insured_label(const char *code)
{
	static const struct {
		const char *code, *label;
	} t[] = {
		{ "rural_resident", N_("rural resident") },
		{ "urban_non_employed", N_("urban non-employed") },
		{ "student_child", N_("student or child") },
		{ "college_student", N_("college student") },
		{ "residence_permit", N_("residence-permit holder") },
		{ "flexible_worker", N_("flexible worker") },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(code, t[i].code) == 0)
			return _(t[i].label);
	return code;
}

static const char *const gov_codes[GOV_COUNT] = {
	"central", "provincial", "city", "county"
};

static const char *
gov_label(int l)
{
	switch (l) {
	case GOV_CENTRAL: return _("central");
	case GOV_PROVINCIAL: return _("provincial");
	case GOV_CITY: return _("city");
	default: return _("county");
	}
}

static void
print_enrolment(const struct enrol_report *r)
{
	out_printf(_("Enrolment %d, office %s, policy pack %s\n\n"), r->year,
	    r->site, r->policy_id);
	cli_row("%s  %s  %s  %s  %s", cli_pad(_("Village"), 12, 0),
	    cli_pad(_("Insured category"), 20, 0), cli_pad(_("Residents"), 9, 1),
	    cli_pad(_("Insured"), 9, 1), cli_pad(_("Uninsured"), 9, 1));
	for (size_t i = 0; i < r->nrows; i++)
		cli_row("%s  %s  %s  %s  %s", cli_pad(r->rows[i].village, 12,
		    0), cli_pad(insured_label(r->rows[i].insured_category), 20, 0),
		    cli_pad(num(r->rows[i].residents), 9, 1),
		    cli_pad(num(r->rows[i].insured), 9, 1),
		    cli_pad(num(r->rows[i].uninsured), 9, 1));
	out_printf("%s  %s  %s  %s\n\n", cli_pad(_("Total"), 34, 0),
	    cli_pad(num(r->total.residents), 9, 1),
	    cli_pad(num(r->total.insured), 9, 1),
	    cli_pad(num(r->total.uninsured), 9, 1));

	cli_row("%s  %s  %s", cli_pad(_("Subsidy category"), 34, 0),
	    cli_pad(_("Persons"), 9, 1), cli_pad(_("Amount"), 12, 1));
	for (size_t i = 0; i < r->nsub; i++)
		cli_row("%s  %s  %s", cli_pad(r->sub[i].label, 34, 0),
		    cli_pad(num(r->sub[i].persons), 9, 1),
		    cli_pad(cli_money(r->sub[i].amount), 12, 1));
	out_printf("%s  %s  %s\n\n", cli_pad(_("Total"), 34, 0),
	    cli_pad(num(r->sub_persons), 9, 1), cli_pad(cli_money(r->sub_total), 12, 1));

	if (!r->fiscal_set) {
		out_printf(_("Fiscal subsidy: the policy pack does not give "
		    "contribution.fiscal\n"));
		return;
	}
	out_printf(_("Fiscal subsidy: %s x %d insured who paid in the period "
	    "= %s\n"), cli_money(r->fiscal), r->fiscal_persons,
	    cli_money(r->fiscal_total));
	for (int i = 0; i < r->nsplits; i++) {
		const struct enrol_split *sp = &r->split[i];

		out_printf("\n%s  %s  %s\n", cli_pad(sp->label, 20, 0),
		    cli_pad(_("Per person"), 12, 1), cli_pad(_("Total"), 14, 1));
		for (int l = 0; l < GOV_COUNT; l++)
			if (sp->per_person[l] >= 0)
				cli_row("  %s  %s  %s",
				    cli_pad(gov_label(l), 18, 0),
				    cli_pad(cli_money(sp->per_person[l]), 12, 1),
				    cli_pad(cli_money(sp->total[l]), 14, 1));
		cli_row("  %s  %s  %s", cli_pad(_("Total"), 18, 0),
		    cli_pad(cli_money(sp->per_person_sum), 12, 1),
		    cli_pad(cli_money(sp->total_sum), 14, 1));
	}
}

static void
json_enrolment(const struct enrol_report *r)
{
	struct json j;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_int(&j, "year", r->year);
	json_string(&j, "office", r->site);
	json_string(&j, "policy", r->policy_id);
	json_array_begin(&j, "villages");
	for (size_t i = 0; i < r->nrows; i++) {
		json_object_begin(&j, NULL);
		json_string(&j, "village", r->rows[i].village);
		json_string(&j, "insured_category",
		    r->rows[i].insured_category);
		json_int(&j, "residents", r->rows[i].residents);
		json_int(&j, "insured", r->rows[i].insured);
		json_int(&j, "uninsured", r->rows[i].uninsured);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_begin(&j, "total");
	json_int(&j, "residents", r->total.residents);
	json_int(&j, "insured", r->total.insured);
	json_int(&j, "uninsured", r->total.uninsured);
	json_object_end(&j);
	json_array_begin(&j, "subsidies");
	for (size_t i = 0; i < r->nsub; i++) {
		json_object_begin(&j, NULL);
		json_string(&j, "category", r->sub[i].category);
		json_string(&j, "label", r->sub[i].label);
		json_int(&j, "persons", r->sub[i].persons);
		json_money(&j, "amount", r->sub[i].amount);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_begin(&j, "subsidy_total");
	json_int(&j, "persons", r->sub_persons);
	json_money(&j, "amount", r->sub_total);
	json_object_end(&j);
	json_object_begin(&j, "fiscal");
	json_int(&j, "persons", r->fiscal_persons);
	if (r->fiscal_set) {
		json_money(&j, "per_person", r->fiscal);
		json_money(&j, "total", r->fiscal_total);
	} else {
		json_null(&j, "per_person");
		json_null(&j, "total");
		json_string(&j, "missing", "contribution.fiscal");
	}
	json_array_begin(&j, "splits");
	for (int i = 0; i < r->nsplits; i++) {
		const struct enrol_split *sp = &r->split[i];

		json_object_begin(&j, NULL);
		json_string(&j, "county_type", sp->county_type);
		json_string(&j, "label", sp->label);
		json_string(&j, "mode", sp->mode == SPLIT_RATIO ? "ratio" :
		    "amount");
		for (int l = 0; l < GOV_COUNT; l++) {
			if (sp->per_person[l] < 0)
				continue;
			json_object_begin(&j, gov_codes[l]);
			json_money(&j, "per_person", sp->per_person[l]);
			json_money(&j, "total", sp->total[l]);
			json_object_end(&j);
		}
		json_money(&j, "per_person", sp->per_person_sum);
		json_money(&j, "total", sp->total_sum);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
report_enrolment(struct cli *cli, int argc, char **argv)
{
	struct report_args a;
	struct enrol_report r;
	struct ops_session s;
	struct ops_error oe;
	int rc;

	if ((rc = parse_args(argc, argv, "yj", &a)) != 0)
		return rc == BAD_VALUE ? EXIT_INVALID : EXIT_USAGE;
	if (a.year == 0) {
		cli_error(_("report enrolment: which year? give --year Y"));
		return EXIT_USAGE;
	}
	if ((rc = cli_session_open(cli, &s, CLI_NEED_POLICY)) != EXIT_OK)
		return rc;
	if (ops_report_enrolment(&s, a.year, &r, &oe) != OPS_OK) {
		cli_error("%s", oe.msg);
		rc = cli_exit_status(oe.status);
	} else {
		if (a.json)
			json_enrolment(&r);
		else
			print_enrolment(&r);
		enrol_report_free(&r);
	}
	cli_session_close(&s);
	return rc;
}

int
cmd_report(struct cli *cli, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "day") == 0)
		return report_day(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "enrolment") == 0)
		return report_enrolment(cli, argc - 1, argv + 1);
	cli_error(_("report: say which: report day [--date D] [--operator "
	    "NAME], or report enrolment --year Y"));
	return EXIT_USAGE;
}
