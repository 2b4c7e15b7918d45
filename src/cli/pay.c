/*
 * pay.c: yibao pay ID... [--year Y] [--date D] [--late-case CASE
 * [--employee-ended-on D]] [--json]; yibao pay --batch FILE [--dry-run]
 * [--json]; yibao refund RECEIPT-LINE --reason
 * employment|military|death [--json]; yibao reverse RECEIPT[-LINE]
 * --reason TEXT [--json]; yibao coverage ID [--year Y] [--json].
 * Receipts and lists are aligned in display columns; --json gives the
 * same data.  ID numbers are masked unless the operator is a supervisor or
 * an administrator.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/idcard.h"
#include "core/text.h"
#include "i18n.h"
#include "io/json.h"
#include "io/out.h"
#include "ops/pay_batch.h"
#include "ops/payment.h"


/* ---- shared ----------------------------------------------------------- */

struct pay_args {
	int year;
	struct date date;
	enum late_case late_case;
	struct date employee_ended_on;
	const char *reason;
	const char *batch;		/* --batch FILE */
	int dry_run;
	int nopts;			/* options other than --json, --dry-run */
	int json;
	int nargs;
	char **args;
};

/*
 * A date or a year that is not one is invalid input (EXIT_INVALID), like
 * any other bad value; an unknown option is a wrong command line.
 */
#define BAD_VALUE (-2)

static int
parse_year(const char *cmd, const char *text, int *year)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (*text == '\0' || *end != '\0' || v < DATE_MIN_YEAR ||
	    v > DATE_MAX_YEAR) {
		cli_error(_("%s: %s is not a year, such as 2021"), cmd, text);
		return BAD_VALUE;
	}
	*year = (int)v;
	return 0;
}

static int
parse_day(const char *cmd, const char *text, struct date *d)
{
	enum date_err e = date_parse(text, d);

	if (e != DATE_OK) {
		cli_error(_("%s: %s: %s"), cmd, text, date_strerror(e));
		return BAD_VALUE;
	}
	return 0;
}

/* The options every command of this file knows; `allowed` lists them.
 * 0, -1 (the command line is wrong) or BAD_VALUE. */
static int
parse_args(int argc, char **argv, const char *allowed, struct pay_args *a)
{
	static const struct option longopts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "date", required_argument, NULL, 'd' },
		{ "late-case", required_argument, NULL, 'l' },
		{ "employee-ended-on", required_argument, NULL, 'e' },
		{ "reason", required_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ "batch", required_argument, NULL, 'B' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;	/* glibc: start over; options may follow the IDs */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == '?' || c == ':' || strchr(allowed, c) == NULL) {
			cli_error(_("%s: unknown or incomplete option %s; see "
			    "yibao --help"), argv[0], argv[optind - 1]);
			return -1;
		}
		if (c != 'j' && c != 'n' && c != 'B')
			a->nopts++;
		switch (c) {
		case 'y':
			if (parse_year(argv[0], optarg, &a->year) != 0)
				return BAD_VALUE;
			break;
		case 'd':
			if (parse_day(argv[0], optarg, &a->date) != 0)
				return BAD_VALUE;
			break;
		case 'l':
			if (late_case_from_code(optarg, &a->late_case) != 0) {
				cli_error(_("%s: the late case is graduate, "
				    "released or employee_ended, not %s"),
				    argv[0], optarg);
				return -1;
			}
			break;
		case 'e':
			if (parse_day(argv[0], optarg,
			    &a->employee_ended_on) != 0)
				return BAD_VALUE;
			break;
		case 'r': a->reason = optarg; break;
		case 'j': a->json = 1; break;
		case 'B': a->batch = optarg; break;
		case 'n': a->dry_run = 1; break;
		}
	}
	a->nargs = argc - optind;
	a->args = argv + optind;
	return 0;
}

/* An argument in the terminal's encoding as UTF-8, or NULL with a message. */
static char *
arg_utf8(const char *cmd, const char *arg)
{
	char *u = in_to_utf8(arg);

	if (u == NULL)
		cli_error(_("%s: %s cannot be read in this terminal's "
		    "encoding"), cmd, arg);
	return u;
}

/* ---- pay -------------------------------------------------------------- */

static const char *
exempt_code(enum contrib_exempt e)
{
	static const char *const codes[] = {
		NULL, "newborn", "left_employee", "category"
	};

	return (unsigned)e <= EXEMPT_CATEGORY ? codes[e] : NULL;
}

static const char *
exempt_label(const struct ops_session *s, const struct contribution *c)
{
	switch (c->exempt) {
	case EXEMPT_NEWBORN:
		return _("a newborn");
	case EXEMPT_LEFT_EMPLOYEE:
		return _("employee insurance ended");
	case EXEMPT_CATEGORY:
		return pay_category_label(s, c->exempt_category);
	case EXEMPT_NONE:
		break;
	}
	return "";
}

/* The line under a member paid outside the period, "" when none. */
static void
member_note(const struct ops_session *s, const struct contribution *c,
    char *buf, size_t bufsz)
{
	char d[DATE_BUFSZ];

	date_format(c->benefits_from, d);
	buf[0] = '\0';
	if (c->late && c->inpatient_only)
		snprintf(buf, bufsz, _("paid late, standard %s + fiscal part "
		    "%s; inpatient benefits only, from %s"), cli_money(c->personal),
		    cli_money(c->fiscal), d);
	else if (c->late)
		snprintf(buf, bufsz, _("paid late, standard %s + fiscal part "
		    "%s; benefits from %s after a %d-day wait"),
		    cli_money(c->personal), cli_money(c->fiscal), d, c->waiting_days);
	else if (c->outside_period)
		snprintf(buf, bufsz, _("paid after the period, no waiting "
		    "period (%s); benefits from %s"), exempt_label(s, c), d);
}

static void
print_receipt(const struct ops_session *s, const struct pay_receipt *r)
{
	char d[DATE_BUFSZ], idb[19], note[300];

	out_printf(_("Receipt %s\n"), r->receipt);
	if (r->household_number[0] != '\0')
		out_printf(_("Office %s, household %s, paid on %s\n"), r->site,
		    r->household_number, date_format(r->paid_on, d));
	else
		out_printf(_("Office %s, paid on %s\n"), r->site,
		    date_format(r->paid_on, d));
	out_printf(_("Contributions for %d, policy pack %s\n\n"), r->year,
	    r->policy_id);
	cli_row("%s  %s  %s  %s  %s  %s", cli_pad(_("Name"), 10, 0),
	    cli_pad(_("ID number"), 18, 0), cli_pad(_("Standard"), 9, 1),
	    cli_pad(_("Subsidy"), 9, 1), cli_pad(_("Due"), 9, 1),
	    _("Subsidy category"));
	for (int i = 0; i < r->n; i++) {
		const struct pay_member *m = &r->m[i];

		cli_row("%s  %s  %s  %s  %s  %s", cli_pad(m->name, 10, 0),
		    cli_pad(cli_shown_id(s, m->id_number, idb), 18, 0),
		    cli_pad(cli_money(m->c.standard), 9, 1),
		    cli_pad(cli_money(m->c.subsidy), 9, 1), cli_pad(cli_money(m->c.due), 9, 1),
		    pay_category_label(s, m->c.subsidy_category));
		member_note(s, &m->c, note, sizeof note);
		if (note[0] != '\0')
			out_printf("  %s\n", note);
	}
	cli_row("%s  %s  %s  %s", cli_pad(_("Total"), 30, 0),
	    cli_pad(cli_money(r->total_standard), 9, 1),
	    cli_pad(cli_money(r->total_subsidy), 9, 1), cli_pad(cli_money(r->total), 9, 1));
}

static void
json_receipt(const struct ops_session *s, const struct pay_receipt *r)
{
	struct json j;
	char d[DATE_BUFSZ], idb[19];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "receipt", r->receipt);
	json_string(&j, "office", r->site);
	json_string(&j, "household", r->household_number[0] ?
	    r->household_number : NULL);
	json_string(&j, "paid_on", date_format(r->paid_on, d));
	json_int(&j, "year", r->year);
	json_string(&j, "policy", r->policy_id);
	json_array_begin(&j, "lines");
	for (int i = 0; i < r->n; i++) {
		const struct pay_member *m = &r->m[i];
		int cat = m->c.subsidy_category;

		json_object_begin(&j, NULL);
		json_string(&j, "key", m->key);
		json_int(&j, "line", m->line);
		json_string(&j, "id_number", cli_shown_id(s, m->id_number, idb));
		json_string(&j, "name", m->name);
		json_money(&j, "standard", m->c.standard);
		json_money(&j, "subsidy", m->c.subsidy);
		json_string(&j, "subsidy_category", cat >= 0 ?
		    category_code((enum category)cat) : NULL);
		json_string(&j, "subsidy_label", cat >= 0 ?
		    pay_category_label(s, cat) : NULL);
		json_money(&j, "due", m->c.due);
		json_bool(&j, "outside_period", m->c.outside_period);
		json_bool(&j, "late", m->c.late);
		json_string(&j, "exempt", exempt_code(m->c.exempt));
		json_int(&j, "waiting_days", m->c.waiting_days);
		json_string(&j, "benefits_from",
		    date_format(m->c.benefits_from, d));
		json_bool(&j, "inpatient_only", m->c.inpatient_only);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_money(&j, "total_standard", r->total_standard);
	json_money(&j, "total_subsidy", r->total_subsidy);
	json_money(&j, "total", r->total);
	json_object_end(&j);
	json_finish(&j);
}

/* ---- pay --batch ------------------------------------------------------ */

static void
print_batch(const struct pay_batch_report *r, int dry_run)
{
	cli_row("%s  %s  %s  %s  %s  %s  %s", cli_pad(_("Receipt"), 16, 0),
	    cli_pad(_("Line"), 5, 1), cli_pad(_("Household"), 20, 0),
	    cli_pad(_("Persons"), 7, 1), cli_pad(_("Standard"), 10, 1),
	    cli_pad(_("Subsidy"), 10, 1), cli_pad(_("Due"), 10, 1));
	for (size_t i = 0; i < r->nreceipts; i++) {
		const struct pay_batch_receipt *c = &r->receipt[i];
		char line[24], n[16];

		snprintf(line, sizeof line, "%ld", c->line);
		snprintf(n, sizeof n, "%d", c->n);
		cli_row("%s  %s  %s  %s  %s  %s  %s",
		    cli_pad(c->receipt[0] ? c->receipt : "-", 16, 0),
		    cli_pad(line, 5, 1),
		    cli_pad(c->household[0] ? c->household : "-", 20, 0),
		    cli_pad(n, 7, 1), cli_pad(cli_money(c->total_standard), 10, 1),
		    cli_pad(cli_money(c->total_subsidy), 10, 1),
		    cli_pad(cli_money(c->total), 10, 1));
	}
	{
		char n[24];

		snprintf(n, sizeof n, "%zu", r->npersons);
		cli_row("%s  %s  %s  %s  %s", cli_pad(_("Total"), 45, 0),
		    cli_pad(n, 7, 1), cli_pad(cli_money(r->total_standard), 10, 1),
		    cli_pad(cli_money(r->total_subsidy), 10, 1),
		    cli_pad(cli_money(r->total), 10, 1));
	}
	out_printf(dry_run ? _("Dry run: %zu receipts for %zu persons would "
	    "be paid (%s); nothing was written.\n") : _("Paid %zu receipts "
	    "for %zu persons (%s).\n"), r->nreceipts, r->npersons,
	    r->encoding);
}

static void
json_batch(const struct ops_session *s, const struct pay_batch_report *r,
    int dry_run)
{
	struct json j;
	char d[DATE_BUFSZ], idb[19];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_bool(&j, "dry_run", dry_run);
	json_string(&j, "encoding", r->encoding);
	json_array_begin(&j, "receipts");
	for (size_t i = 0; i < r->nreceipts; i++) {
		const struct pay_batch_receipt *c = &r->receipt[i];

		json_object_begin(&j, NULL);
		json_string(&j, "receipt", c->receipt[0] ? c->receipt : NULL);
		json_int(&j, "line", (int)c->line);
		json_string(&j, "household", c->household[0] ? c->household :
		    NULL);
		json_string(&j, "paid_on", date_format(c->paid_on, d));
		json_int(&j, "year", c->year);
		json_array_begin(&j, "lines");
		for (int k = 0; k < c->n; k++) {
			const struct pay_batch_person *p =
			    &r->person[c->first + (size_t)k];
			int cat = p->subsidy_category;

			json_object_begin(&j, NULL);
			json_string(&j, "key", p->key[0] ? p->key : NULL);
			json_int(&j, "line", (int)p->line);
			json_string(&j, "id_number", cli_shown_id(s,
			    p->id_number, idb));
			json_string(&j, "name", p->name);
			json_money(&j, "standard", p->standard);
			json_money(&j, "subsidy", p->subsidy);
			json_string(&j, "subsidy_category", cat >= 0 ?
			    category_code((enum category)cat) : NULL);
			json_money(&j, "due", p->due);
			json_object_end(&j);
		}
		json_array_end(&j);
		json_money(&j, "total_standard", c->total_standard);
		json_money(&j, "total_subsidy", c->total_subsidy);
		json_money(&j, "total", c->total);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_int(&j, "persons", (int)r->npersons);
	json_money(&j, "total_standard", r->total_standard);
	json_money(&j, "total_subsidy", r->total_subsidy);
	json_money(&j, "total", r->total);
	json_object_end(&j);
	json_finish(&j);
}

static int
pay_batch(struct cli *cli, const struct pay_args *a)
{
	struct pay_batch_report r;
	struct ops_session s;
	struct ops_error err;
	FILE *f;
	int rc;

	if (a->nopts > 0 || a->nargs > 0) {
		cli_error("%s", _("pay --batch FILE takes the persons, years "
		    "and dates from the file: give no ID number and no other "
		    "option but --dry-run and --json"));
		return EXIT_USAGE;
	}
	if ((f = fopen(a->batch, "rb")) == NULL) {
		cli_error(_("cannot open %s: %m"), a->batch);
		return EXIT_INVALID;
	}
	if ((rc = cli_session_open(cli, &s, CLI_NEED_POLICY)) != EXIT_OK) {
		fclose(f);
		return rc;
	}
	if (ops_pay_batch(&s, f, a->dry_run, &r, &err) == OPS_OK) {
		if (a->json)
			json_batch(&s, &r, a->dry_run);
		else
			print_batch(&r, a->dry_run);
	} else {
		for (size_t i = 0; i < r.nproblems; i++)
			out_printf(_("line %ld: %s\n"), r.problem[i].line,
			    r.problem[i].reason);
		cli_error("%s", err.msg);
		rc = cli_exit_status(err.status);
	}
	pay_batch_report_free(&r);
	fclose(f);
	cli_session_close(&s);
	return rc;
}

int
cmd_pay(struct cli *cli, int argc, char **argv)
{
	struct pay_args a;
	struct pay_request req;
	struct pay_receipt *r;
	struct ops_session s;
	struct ops_error oe;
	char *ids[PAY_MEMBERS_MAX] = { NULL };
	int rc;

	if ((rc = parse_args(argc, argv, "ydlejBn", &a)) != 0)
		return rc == BAD_VALUE ? EXIT_INVALID : EXIT_USAGE;
	if (a.batch != NULL)
		return pay_batch(cli, &a);
	if (a.dry_run) {
		cli_error("%s", _("pay: --dry-run goes with --batch FILE"));
		return EXIT_USAGE;
	}
	if (a.nargs < 1) {
		cli_error(_("pay: whom for? give one ID number, or several "
		    "of one household"));
		return EXIT_USAGE;
	}
	if (a.nargs > PAY_MEMBERS_MAX) {
		cli_error(_("pay: at most %d people on one receipt"),
		    PAY_MEMBERS_MAX);
		return EXIT_USAGE;
	}
	if ((a.employee_ended_on.y != 0) !=
	    (a.late_case == LATE_CASE_EMPLOYEE_ENDED)) {
		cli_error(_("pay: --employee-ended-on goes with --late-case "
		    "employee_ended, and that case needs it"));
		return EXIT_USAGE;
	}
	memset(&req, 0, sizeof req);
	req.year = a.year;
	req.date = a.date;
	req.late_case = a.late_case;
	req.employee_ended_on = a.employee_ended_on;
	for (int i = 0; i < a.nargs; i++) {
		if ((ids[i] = arg_utf8(argv[0], a.args[i])) == NULL) {
			rc = EXIT_INVALID;
			goto out;
		}
		req.ids[req.nids++] = ids[i];
	}
	if ((rc = cli_session_open(cli, &s, CLI_NEED_POLICY)) != EXIT_OK)
		goto out;
	if ((r = calloc(1, sizeof *r)) == NULL ||
	    ops_pay(&s, &req, r, &oe) != OPS_OK) {
		cli_error("%s", r ? oe.msg : _("out of memory"));
		rc = r ? cli_exit_status(oe.status) : EXIT_INVALID;
	} else if (a.json)
		json_receipt(&s, r);
	else
		print_receipt(&s, r);
	free(r);
	cli_session_close(&s);
out:
	for (int i = 0; i < a.nargs; i++)
		free(ids[i]);
	return rc;
}

/* ---- refund and reverse ---------------------------------------------- */

static void
print_cancel(const struct ops_session *s, const struct cancel_result *r)
{
	char d[DATE_BUFSZ], idb[19];
	int refund = strcmp(r->kind, "refund") == 0;

	out_printf(refund ? _("Refund %s, office %s, on %s\n") :
	    _("Reversal %s, office %s, on %s\n"), r->receipt, s->site,
	    date_format(r->on, d));
	out_printf(_("Reason: %s\n\n"), refund ?
	    refund_reason_label(r->reason) : r->reason);
	cli_row("%s  %s  %s  %s", cli_pad(_("Name"), 10, 0),
	    cli_pad(_("ID number"), 18, 0), cli_pad(_("Amount"), 9, 1),
	    _("Cancels"));
	for (int i = 0; i < r->n; i++)
		cli_row("%s  %s  %s  %s", cli_pad(r->l[i].name, 10, 0),
		    cli_pad(cli_shown_id(s, r->l[i].id_number, idb), 18, 0),
		    cli_pad(cli_money(r->l[i].amount), 9, 1), r->l[i].cancels);
	cli_row("%s  %s", cli_pad(_("Total"), 30, 0),
	    cli_pad(cli_money(r->total), 9, 1));
}

static void
json_cancel(const struct ops_session *s, const struct cancel_result *r)
{
	struct json j;
	char d[DATE_BUFSZ], idb[19];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "receipt", r->receipt);
	json_string(&j, "kind", r->kind);
	json_string(&j, "office", s->site);
	json_string(&j, "on", date_format(r->on, d));
	json_string(&j, "reason", r->reason);
	json_array_begin(&j, "lines");
	for (int i = 0; i < r->n; i++) {
		json_object_begin(&j, NULL);
		json_string(&j, "key", r->l[i].key);
		json_string(&j, "cancels", r->l[i].cancels);
		json_string(&j, "id_number", cli_shown_id(s, r->l[i].id_number,
		    idb));
		json_string(&j, "name", r->l[i].name);
		json_int(&j, "year", r->l[i].benefit_year);
		json_money(&j, "amount", r->l[i].amount);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_money(&j, "total", r->total);
	json_object_end(&j);
	json_finish(&j);
}

typedef enum ops_status cancel_fn(struct ops_session *, const char *,
    const char *, struct cancel_result *, struct ops_error *);

static int
run_cancel(struct cli *cli, int argc, char **argv, cancel_fn *fn)
{
	struct pay_args a;
	struct cancel_result *r;
	struct ops_session s;
	struct ops_error oe;
	char *reason;
	int rc;

	if (parse_args(argc, argv, "rj", &a) != 0)
		return EXIT_USAGE;
	if (a.nargs != 1 || a.reason == NULL) {
		cli_error(fn == ops_refund ? _("refund: give one RECEIPT-LINE "
		    "and --reason employment, military or death") :
		    _("reverse: give one RECEIPT or RECEIPT-LINE and --reason "
		    "TEXT"));
		return EXIT_USAGE;
	}
	if (fn == ops_refund && !refund_reason_valid(a.reason)) {
		cli_error(_("refund: the reason is employment, military or "
		    "death, not %s"), a.reason);
		return EXIT_USAGE;
	}
	if ((reason = arg_utf8(argv[0], a.reason)) == NULL)
		return EXIT_INVALID;
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK) {
		free(reason);
		return rc;
	}
	if ((r = calloc(1, sizeof *r)) == NULL ||
	    fn(&s, a.args[0], reason, r, &oe) != OPS_OK) {
		cli_error("%s", r ? oe.msg : _("out of memory"));
		rc = r ? cli_exit_status(oe.status) : EXIT_INVALID;
	} else if (a.json)
		json_cancel(&s, r);
	else
		print_cancel(&s, r);
	free(r);
	free(reason);
	cli_session_close(&s);
	return rc;
}

int
cmd_refund(struct cli *cli, int argc, char **argv)
{
	return run_cancel(cli, argc, argv, ops_refund);
}

int
cmd_reverse(struct cli *cli, int argc, char **argv)
{
	return run_cancel(cli, argc, argv, ops_reverse);
}

/* ---- coverage --------------------------------------------------------- */

static const char *const cover_codes[] = {
	"insured", "waiting", "not_paid", "refunded", "reversed"
};

static void
cover_status(const struct coverage *c, char *buf, size_t bufsz)
{
	char d[DATE_BUFSZ];

	switch (c->status) {
	case COVER_INSURED:
		snprintf(buf, bufsz, "%s", _("insured"));
		break;
	case COVER_WAITING:
		snprintf(buf, bufsz, _("insured, waiting until %s"),
		    date_format(c->waiting_until, d));
		break;
	case COVER_NOT_PAID:
		snprintf(buf, bufsz, "%s", _("not insured: not paid"));
		break;
	case COVER_REFUNDED:
		snprintf(buf, bufsz, _("not insured: refunded (%s)"),
		    refund_reason_label(c->reason));
		break;
	case COVER_REVERSED:
		snprintf(buf, bufsz, _("not insured: payment reversed (%s)"),
		    c->reason);
		break;
	}
}

static void
cover_row(const char *label, const char *value)
{
	cli_row("%s  %s", cli_pad(label, 14, 0), value);
}

static void
print_coverage(const struct ops_session *s, const struct coverage_report *r)
{
	const struct coverage *c = &r->cov;
	char buf[300], d[DATE_BUFSZ], d2[DATE_BUFSZ], idb[19];

	cover_row(_("Name"), r->name);
	cover_row(_("ID number"), cli_shown_id(s, r->id_number, idb));
	snprintf(buf, sizeof buf, "%d", c->year);
	cover_row(_("Year"), buf);
	cover_status(c, buf, sizeof buf);
	cover_row(_("Status"), buf);
	if (c->payment[0] == '\0')
		return;
	if (c->insured) {
		cover_row(_("Benefits from"), date_format(c->benefits_from,
		    d));
		cover_row(_("Care"), c->inpatient_only ?
		    _("inpatient only") : _("all kinds"));
	}
	snprintf(buf, sizeof buf, _("%s on %s"), c->payment,
	    date_format(c->paid_on, d));
	cover_row(_("Payment"), buf);
	if (c->cancelled_by[0] != '\0') {
		snprintf(buf, sizeof buf, _("%s on %s"), c->cancelled_by,
		    date_format(c->cancelled_on, d2));
		cover_row(_("Cancelled by"), buf);
	}
}

static void
json_coverage(const struct ops_session *s, const struct coverage_report *r)
{
	const struct coverage *c = &r->cov;
	struct json j;
	char d[DATE_BUFSZ], idb[19];
	int has = c->payment[0] != '\0', cancelled = c->cancelled_by[0] != 0;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "id_number", cli_shown_id(s, r->id_number, idb));
	json_string(&j, "name", r->name);
	json_int(&j, "year", c->year);
	json_string(&j, "status", cover_codes[c->status]);
	json_bool(&j, "insured", c->insured);
	json_string(&j, "benefits_from", c->insured ?
	    date_format(c->benefits_from, d) : NULL);
	json_string(&j, "waiting_until", c->status == COVER_WAITING ?
	    date_format(c->waiting_until, d) : NULL);
	if (c->insured)
		json_bool(&j, "inpatient_only", c->inpatient_only);
	else
		json_null(&j, "inpatient_only");
	json_string(&j, "payment", has ? c->payment : NULL);
	json_string(&j, "paid_on", has ? date_format(c->paid_on, d) : NULL);
	json_string(&j, "cancelled_by", cancelled ? c->cancelled_by : NULL);
	json_string(&j, "cancelled_on", cancelled ?
	    date_format(c->cancelled_on, d) : NULL);
	json_string(&j, "reason", cancelled ? c->reason : NULL);
	json_object_end(&j);
	json_finish(&j);
}

int
cmd_coverage(struct cli *cli, int argc, char **argv)
{
	struct pay_args a;
	struct coverage_report r;
	struct ops_session s;
	struct ops_error oe;
	char *id;
	int rc;

	if ((rc = parse_args(argc, argv, "yj", &a)) != 0)
		return rc == BAD_VALUE ? EXIT_INVALID : EXIT_USAGE;
	if (a.nargs != 1) {
		cli_error(_("coverage: give one ID number"));
		return EXIT_USAGE;
	}
	if ((id = arg_utf8(argv[0], a.args[0])) == NULL)
		return EXIT_INVALID;
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK) {
		free(id);
		return rc;
	}
	if (ops_coverage(&s, id, a.year, &r, &oe) != OPS_OK) {
		cli_error("%s", oe.msg);
		rc = cli_exit_status(oe.status);
	} else if (a.json)
		json_coverage(&s, &r);
	else
		print_coverage(&s, &r);
	free(id);
	cli_session_close(&s);
	return rc;
}
