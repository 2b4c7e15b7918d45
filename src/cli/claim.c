/*
 * claim.c: yibao claim settle ID --kind K --admitted D ... --total A
 * [--dry-run]; claim settle --batch FILE [--dry-run]; claim show KEY [--json]; claim list ID [--year Y] [--json];
 * claim reverse KEY --reason TEXT; claim slip ... (cli/slip.c).
 *
 * settle prints one JSON object with the national platform's field names,
 * the same keys as yibao trial, and "claim": the saved claim's key (null
 * for --dry-run).  Exit 0 settled, 1 bad input, 2 bad command line, 3 the
 * pack lacks a parameter the claim needs, 4 not allowed.
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
#include "ops/claim.h"
#include "ops/claim_batch.h"


/* ---- shared -------------------------------------------------------------- */

static int
max_int(int a, int b)
{
	return a > b ? a : b;
}

/* ---- settle: the command line -------------------------------------------- */

struct settle_args {
	struct claim_request req;
	char *hospital;			/* UTF-8, malloc'd */
	char *disease;
	const char *batch;		/* --batch FILE */
	int nopts;			/* options other than --dry-run */
	int dry_run;
	int have_kind, have_admitted, have_total;
};

static int
bad_value(const char *what, const char *v, const char *why)
{
	cli_error(_("claim settle: %s %s: %s"), what, v, why);
	return -1;
}

static int
parse_money(const char *opt, const char *v, fen_t *out)
{
	enum money_err e = money_parse(v, 0, out);

	return e == MONEY_OK ? 0 : bad_value(opt, v, money_strerror(e));
}

static int
parse_day(const char *opt, const char *v, struct date *out)
{
	enum date_err e = date_parse(v, out);

	return e == DATE_OK ? 0 : bad_value(opt, v, date_strerror(e));
}

static int
parse_small(const char *opt, const char *v, int lo, int hi, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (v[0] >= '0' && v[0] <= '9' && *end == '\0' && n >= lo && n <= hi) {
		*out = (int)n;
		return 0;
	}
	cli_error(_("claim settle: %s must be a whole number from %d to %d, "
	    "not \"%s\""), opt, lo, hi, v);
	return -1;
}

static int
parse_utf8(const char *opt, const char *v, char **out)
{
	free(*out);
	if ((*out = in_to_utf8(v)) == NULL) {
		cli_error(_("claim settle: %s is not valid text in the "
		    "terminal's encoding"), opt);
		return -1;
	}
	return 0;
}

/* One option's value into the request; -1 after a message. */
static int
settle_value(int c, const char *v, struct settle_args *a)
{
	struct claim_request *r = &a->req;

	switch (c) {
	case 'k':
		a->have_kind = 1;
		if (claim_kind_from_code(v, &r->kind) == 0)
			return 0;
		return bad_value("--kind", v, _("the kind is inpatient, "
		    "accident, outpatient, chronic or maternity"));
	case 'a':
		a->have_admitted = 1;
		return parse_day("--admitted", v, &r->admitted_on);
	case 'd':
		return parse_day("--discharged", v, &r->discharged_on);
	case 'H':
		return parse_utf8("--hospital", v, &a->hospital);
	case 'l':
		return parse_small("--level", v, 1, 3, &r->level);
	case 's':
		if (scope_from_code(v, &r->scope) == 0)
			return 0;
		return bad_value("--scope", v, _("the scope is local, county, "
		    "city or province"));
	case 'e': r->emergency = true; return 0;
	case 'D':
		return parse_utf8("--disease", v, &a->disease);
	case 'y':
		if (strcmp(v, "normal") == 0 || strcmp(v, "difficult") == 0) {
			r->delivery = v[0] == 'n' ? DELIVERY_NORMAL :
			    DELIVERY_DIFFICULT;
			return 0;
		}
		return bad_value("--delivery", v, _("the delivery is normal or "
		    "difficult"));
	case 'b':
		return parse_small("--babies", v, 1, SETTLE_BABIES_MAX,
		    &r->babies);
	case 'm': r->major_disease = true; return 0;
	case 't':
		a->have_total = 1;
		return parse_money("--total", v, &r->total);
	case 'o': return parse_money("--out-of-list", v, &r->out_of_list);
	case 'c': return parse_money("--class-b", v, &r->class_b);
	case 'i': return parse_money("--imported", v, &r->imported);
	case 'I':
		return parse_money("--imported-standard", v,
		    &r->imported_standard);
	case 'n': a->dry_run = 1; return 0;
	}
	return -1;
}

/* EXIT_OK, EXIT_USAGE (the command line) or EXIT_INVALID (a value). */
static int
settle_args(int argc, char **argv, struct settle_args *a)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "admitted", required_argument, NULL, 'a' },
		{ "visit", required_argument, NULL, 'a' },
		{ "discharged", required_argument, NULL, 'd' },
		{ "hospital", required_argument, NULL, 'H' },
		{ "level", required_argument, NULL, 'l' },
		{ "scope", required_argument, NULL, 's' },
		{ "emergency", no_argument, NULL, 'e' },
		{ "disease", required_argument, NULL, 'D' },
		{ "delivery", required_argument, NULL, 'y' },
		{ "babies", required_argument, NULL, 'b' },
		{ "major-disease", no_argument, NULL, 'm' },
		{ "total", required_argument, NULL, 't' },
		{ "out-of-list", required_argument, NULL, 'o' },
		{ "class-b", required_argument, NULL, 'c' },
		{ "imported", required_argument, NULL, 'i' },
		{ "imported-standard", required_argument, NULL, 'I' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "batch", required_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 0;	/* glibc: start over; options may follow the ID */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == '?' || c == ':') {
			cli_error(_("claim settle: unknown or incomplete option "
			    "%s; see yibao --help"), argv[optind - 1]);
			return EXIT_USAGE;
		}
		if (c == 'B') {
			a->batch = optarg;
			continue;
		}
		if (c != 'n')
			a->nopts++;
		if (settle_value(c, optarg, a) != 0)
			return EXIT_INVALID;
	}
	if (a->batch != NULL) {
		if (a->nopts > 0 || argc - optind != 0) {
			cli_error("%s", _("claim settle --batch FILE takes the "
			    "claims from the file: give no ID number and no "
			    "other option but --dry-run"));
			return EXIT_USAGE;
		}
		return EXIT_OK;
	}
	if (argc - optind != 1) {
		cli_error("%s", _("claim settle needs one ID number: yibao "
		    "claim settle ID --kind KIND --admitted DATE --hospital "
		    "NAME --total AMOUNT ..."));
		return EXIT_USAGE;
	}
	if (!a->have_kind || !a->have_admitted || !a->have_total ||
	    a->hospital == NULL) {
		cli_error("%s", _("claim settle needs at least --kind, "
		    "--admitted (the visit date for outpatient care), "
		    "--hospital and --total; see yibao --help"));
		return EXIT_USAGE;
	}
	a->req.id = argv[optind];
	a->req.hospital = a->hospital;
	a->req.disease = a->disease;
	return EXIT_OK;
}

/* ---- settle --batch ------------------------------------------------------ */

static void
print_batch(const struct ops_session *s, const struct claim_batch_report *r,
    int dry_run)
{
	const char *h[] = {
		_("Claim"), _("ID number"), _("Total"), _("Fund"),
		_("Serious"), _("Assistance"), _("Personal")
	};
	char idb[19];

	cli_row("%s  %s  %s  %s  %s  %s  %s", cli_pad(h[0], 16, 0),
	    cli_pad(h[1], 18, 0), cli_pad(h[2], 12, 1), cli_pad(h[3], 12, 1),
	    cli_pad(h[4], 12, 1), cli_pad(h[5], 12, 1), cli_pad(h[6], 12, 1));
	for (size_t i = 0; i < r->nclaims; i++) {
		const struct claim_batch_row *w = &r->claim[i];

		cli_row("%s  %s  %s  %s  %s  %s  %s",
		    cli_pad(w->key[0] ? w->key : "-", 16, 0),
		    cli_pad(cli_shown_id(s, w->id_number, idb), 18, 0),
		    cli_pad(cli_money(w->total), 12, 1),
		    cli_pad(cli_money(w->fund), 12, 1),
		    cli_pad(cli_money(w->serious), 12, 1),
		    cli_pad(cli_money(w->assistance), 12, 1),
		    cli_pad(cli_money(w->personal), 12, 1));
	}
	cli_row("%s  %s  %s  %s  %s  %s", cli_pad(_("Total"), 36, 0),
	    cli_pad(cli_money(r->total), 12, 1),
	    cli_pad(cli_money(r->fund), 12, 1),
	    cli_pad(cli_money(r->serious), 12, 1),
	    cli_pad(cli_money(r->assistance), 12, 1),
	    cli_pad(cli_money(r->personal), 12, 1));
	out_printf(dry_run ? _("Dry run: %zu claims would be settled (%s); "
	    "nothing was written.\n") : _("Settled %zu claims (%s).\n"),
	    r->nclaims, r->encoding);
}

static int
claim_batch(struct cli *cli, const struct settle_args *a)
{
	struct claim_batch_report r;
	struct ops_session s;
	struct ops_error err;
	FILE *f;
	int rc;

	if ((f = fopen(a->batch, "rb")) == NULL) {
		cli_error(_("cannot open %s: %m"), a->batch);
		return EXIT_INVALID;
	}
	if ((rc = cli_session_open(cli, &s, CLI_NEED_POLICY)) != EXIT_OK) {
		fclose(f);
		return rc;
	}
	if (ops_claim_batch(&s, f, a->dry_run, &r, &err) == OPS_OK)
		print_batch(&s, &r, a->dry_run);
	else {
		for (size_t i = 0; i < r.nproblems; i++)
			out_printf(_("line %ld: %s\n"), r.problem[i].line,
			    r.problem[i].reason);
		cli_error("%s", err.msg);
		rc = cli_exit_status(err.status);
	}
	claim_batch_report_free(&r);
	fclose(f);
	cli_session_close(&s);
	return rc;
}

/* ---- settle: the output, with yibao trial's keys ------------------------- */

static int
claim_settle(struct cli *cli, int argc, char **argv)
{
	struct settle_args a;
	struct claim_result *res;
	struct ops_session s;
	struct ops_error err;
	int rc;

	memset(&a, 0, sizeof a);
	a.req.scope = SCOPE_LOCAL;
	if ((rc = settle_args(argc, argv, &a)) != EXIT_OK)
		goto out;
	if (a.batch != NULL) {
		rc = claim_batch(cli, &a);
		goto out;
	}
	if ((res = calloc(1, sizeof *res)) == NULL) {
		rc = EXIT_INVALID;
		goto out;
	}
	if ((rc = cli_session_open(cli, &s, CLI_NEED_POLICY)) != EXIT_OK) {
		free(res);
		goto out;
	}
	if (ops_claim_settle(&s, &a.req, a.dry_run, res, &err) == OPS_OK)
		cli_print_breakdown(res->key, &res->settlement);
	else if (res->settlement.status == SETTLE_MISSING_PARAM) {
		cli_error("%s", err.msg);
		rc = EXIT_MISSING;
	} else {
		cli_error("%s", err.msg);
		rc = cli_exit_status(err.status);
	}
	free(res);
	cli_session_close(&s);
out:
	free(a.hospital);
	free(a.disease);
	return rc;
}

/* ---- show ---------------------------------------------------------------- */

struct view_args {
	int json;
	int year;
	const char *reason;
	int nargs;
	char **args;
};

/* --json, --year, --reason as `allowed` says; EXIT_OK or EXIT_USAGE. */
static int
view_args(int argc, char **argv, const char *allowed, struct view_args *a)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "year", required_argument, NULL, 'y' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	long y;
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == '?' || c == ':' || strchr(allowed, c) == NULL) {
			cli_error(_("claim %s: unknown or incomplete option %s; "
			    "see yibao --help"), argv[0], argv[optind - 1]);
			return EXIT_USAGE;
		}
		switch (c) {
		case 'j': a->json = 1; break;
		case 'r': a->reason = optarg; break;
		case 'y':
			y = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
				cli_error(_("claim %s: %s is not a year, such "
				    "as 2021"), argv[0], optarg);
				return EXIT_USAGE;
			}
			a->year = (int)y;
			break;
		}
	}
	a->nargs = argc - optind;
	a->args = argv + optind;
	return EXIT_OK;
}

/* Figures of the view as stored: a reversal's are negative. */
static fen_t
sgn(const struct claim_view *v, fen_t x)
{
	return v->reverses[0] != '\0' ? -x : x;
}

#define LABEL_COLS 34

static void __attribute__((format(printf, 2, 3)))
field(const char *label, const char *fmt, ...)
{
	char buf[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	cli_row("%s%s", cli_pad(label, LABEL_COLS, 0), buf);
}

static void
amount(const char *label, fen_t v)
{
	cli_row("%s%s", cli_pad(label, LABEL_COLS, 0), cli_pad(cli_money(v), 12, 1));
}

static void
print_view_head(const struct ops_session *s, const struct claim_view *v)
{
	const struct claim *c = &v->claim;
	char idb[19], d1[DATE_BUFSZ], d2[DATE_BUFSZ];

	out_printf(_("Claim %s\n"), v->key);
	field(_("Resident"), "%s  %s", v->name,
	    cli_shown_id(s, v->id_number, idb));
	field(_("Kind of care"), "%s", claim_kind_label(claim_kind_code(c->kind)));
	if (c->disease[0] != '\0')
		field(_("Disease"), "%s", c->disease);
	if (v->discharged_on.y != 0)
		field(_("Admitted - discharged"), "%s - %s",
		    date_format(v->admitted_on, d1),
		    date_format(v->discharged_on, d2));
	else
		field(_("Date of care"), "%s", date_format(v->admitted_on, d1));
	field(_("Benefit year"), "%d", v->benefit_year);
	field(_("Hospital"), "%s", v->hospital);
	if (c->level != 0)
		field(_("Hospital level"), "%d", c->level);
	field(_("Scope"), "%s%s", scope_code(c->scope), c->emergency ?
	    _(", emergency") : "");
	if (v->registration[0] != '\0')
		field(_("Off-site registration"), "%s", v->registration);
	field(_("Policy pack"), "%s", v->policy_id);
	field(_("Settled"), _("%s by %s (%s), office %s"),
	    date_format(v->settled_on, d1), v->operator_name,
	    v->operator_login, v->site);
	if (v->reverses[0] != '\0')
		field(_("Reverses"), "%s: %s", v->reverses, v->reason);
	if (v->reversed_by[0] != '\0')
		field(_("Reversed by"), "%s: %s", v->reversed_by, v->reason);
}

static void
print_view(const struct ops_session *s, const struct claim_view *v)
{
	const struct settlement *t = &v->settlement;
	char buf[MONEY_BUFSZ], note[512];

	print_view_head(s, v);
	out_printf("\n");
	amount(_("Total (T)"), sgn(v, t->total));
	amount(_("Out-of-list (O)"), sgn(v, t->out_of_list));
	amount(_("Imported excess (E)"), sgn(v, t->imported_excess));
	amount(_("Imported first self-pay (F)"), sgn(v, t->imported_selfpay));
	amount(_("Class B first self-pay (P_B)"), sgn(v, t->class_b_selfpay));
	amount(_("Policy range (R)"), sgn(v, t->range));
	amount(_("Deductible (D)"), sgn(v, t->deductible));
	cli_row("%s%s%%", cli_pad(_("Ratio (r)"), LABEL_COLS, 0),
	    cli_pad(percent_format(t->ratio, buf), 11, 1));
	amount(_("Basic insurance fund"), sgn(v, t->fund));
	amount(_("Serious-illness insurance"), sgn(v, t->serious));
	amount(_("Medical assistance"), sgn(v, t->assistance));
	amount(_("Paid by the person"), sgn(v, t->personal));
	if (t->nnotes > 0)
		out_printf("\n%s\n", _("Notes:"));
	for (int i = 0; i < t->nnotes; i++)
		out_printf("  %s\n", settle_note_format(&t->note[i], note,
		    sizeof note));
}

static void
json_view(const struct ops_session *s, const struct claim_view *v)
{
	const struct claim *c = &v->claim;
	const struct settlement *t = &v->settlement;
	struct json j;
	char idb[19], d[DATE_BUFSZ], buf[MONEY_BUFSZ], note[512];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "claim", v->key);
	json_string(&j, "id_number", cli_shown_id(s, v->id_number, idb));
	json_string(&j, "name", v->name);
	json_string(&j, "kind", claim_kind_code(c->kind));
	json_int(&j, "benefit_year", v->benefit_year);
	json_string(&j, "admitted_on", date_format(v->admitted_on, d));
	json_string(&j, "discharged_on", v->discharged_on.y ?
	    date_format(v->discharged_on, d) : NULL);
	json_string(&j, "hospital", v->hospital);
	if (c->level != 0)
		json_int(&j, "level", c->level);
	else
		json_null(&j, "level");
	json_string(&j, "scope", scope_code(c->scope));
	json_bool(&j, "emergency", c->emergency);
	json_string(&j, "registration", v->registration[0] ?
	    v->registration : NULL);
	json_string(&j, "disease", c->disease[0] ? c->disease : NULL);
	json_bool(&j, "eligible", t->eligible);
	json_money(&j, "medfee_sumamt", sgn(v, t->total));
	json_money(&j, "fulamt_ownpay_amt", sgn(v, t->out_of_list));
	json_money(&j, "overlmt_selfpay", sgn(v, t->imported_excess));
	json_money(&j, "preselfpay_amt",
	    sgn(v, t->imported_selfpay + t->class_b_selfpay));
	json_money(&j, "inscp_scp_amt", sgn(v, t->range));
	json_money(&j, "act_pay_dedc", sgn(v, t->deductible));
	json_string(&j, "hifp_ratio", percent_format(t->ratio, buf));
	json_money(&j, "hifp_pay", sgn(v, t->fund));
	json_money(&j, "hifmi_pay", sgn(v, t->serious));
	json_money(&j, "maf_pay", sgn(v, t->assistance));
	json_money(&j, "fund_pay_sumamt",
	    sgn(v, t->fund + t->serious + t->assistance));
	json_money(&j, "psn_part_amt", sgn(v, t->personal));
	json_string(&j, "policy", v->policy_id);
	json_string(&j, "policy_hash", v->policy_hash);
	json_string(&j, "settled_on", date_format(v->settled_on, d));
	json_string(&j, "at", v->at);
	json_string(&j, "operator", v->operator_login);
	json_string(&j, "office", v->site);
	json_string(&j, "reverses", v->reverses[0] ? v->reverses : NULL);
	json_string(&j, "reversed_by", v->reversed_by[0] ? v->reversed_by :
	    NULL);
	json_string(&j, "reason", v->reason[0] ? v->reason : NULL);
	json_array_begin(&j, "notes");
	for (int i = 0; i < t->nnotes; i++)
		json_string(&j, NULL, settle_note_format(&t->note[i], note,
		    sizeof note));
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
claim_show(struct cli *cli, int argc, char **argv)
{
	struct view_args a;
	struct ops_session s;
	struct ops_error err;
	struct claim_view *v;
	struct policy *pol = NULL;
	int rc;

	if ((rc = view_args(argc, argv, "j", &a)) != EXIT_OK)
		return rc;
	if (a.nargs != 1) {
		cli_error("%s", _("claim show needs one claim number, such as "
		    "370402-S00000001"));
		return EXIT_USAGE;
	}
	if ((v = calloc(1, sizeof *v)) == NULL)
		return EXIT_INVALID;
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK) {
		free(v);
		return rc;
	}
	if (ops_claim_view(&s, a.args[0], v, &pol, &err) != OPS_OK) {
		cli_error("%s", err.msg);
		rc = cli_exit_status(err.status);
	} else if (a.json)
		json_view(&s, v);
	else
		print_view(&s, v);
	free(pol);
	free(v);
	cli_session_close(&s);
	return rc;
}

/* ---- list ---------------------------------------------------------------- */

static const char *
row_note(const struct claim_row *r, char *buf, size_t bufsz)
{
	if (r->reverses[0] != '\0')
		snprintf(buf, bufsz, _("reverses %s"), r->reverses);
	else if (r->reversed_by[0] != '\0')
		snprintf(buf, bufsz, _("reversed by %s"), r->reversed_by);
	else if (!r->eligible)
		snprintf(buf, bufsz, "%s", _("not eligible"));
	else
		buf[0] = '\0';
	return buf;
}

/* "used of cap, left" or "used" when the pack gives no cap. */
static void
used_line(const char *label, int cols, const struct claim_used *u)
{
	if (u->cap < 0) {
		cli_row("  %s%s", cli_pad(label, cols, 0), cli_pad(cli_money(u->used), 10, 1));
		return;
	}
	cli_row(_("  %s%s of %s, %s left"), cli_pad(label, cols, 0),
	    cli_pad(cli_money(u->used), 10, 1), cli_money(u->cap),
	    cli_money(u->cap > u->used ? u->cap - u->used : 0));
}

static void
print_list(const struct ops_session *s, const struct claim_list *l)
{
	const char *h[] = {
		_("Claim"), _("Date"), _("Kind"), _("Total"), _("Fund"),
		_("Serious"), _("Assistance"), _("Personal"), _("Note")
	};
	char idb[19], d[DATE_BUFSZ], note[80];
	int wk = text_width(h[2]), wl;

	for (int i = 0; i < l->n; i++)
		wk = max_int(wk, text_width(claim_kind_label(l->r[i].kind)));
	out_printf(_("%s  %s, benefit year %d\n\n"), l->name,
	    cli_shown_id(s, l->id_number, idb), l->year);
	if (l->n == 0) {
		out_printf("%s\n", _("No claims this year."));
		return;
	}
	cli_row("%s  %s  %s  %s  %s  %s  %s  %s  %s", cli_pad(h[0], 16, 0),
	    cli_pad(h[1], 10, 0), cli_pad(h[2], wk, 0), cli_pad(h[3], 10, 1),
	    cli_pad(h[4], 10, 1), cli_pad(h[5], 10, 1), cli_pad(h[6], 10, 1),
	    cli_pad(h[7], 10, 1), h[8]);
	for (int i = 0; i < l->n; i++) {
		const struct claim_row *r = &l->r[i];

		cli_row("%s  %s  %s  %s  %s  %s  %s  %s  %s", cli_pad(r->key, 16, 0),
		    cli_pad(date_format(r->admitted_on, d), 10, 0),
		    cli_pad(claim_kind_label(r->kind), wk, 0),
		    cli_pad(cli_money(r->total), 10, 1), cli_pad(cli_money(r->fund), 10, 1),
		    cli_pad(cli_money(r->serious), 10, 1),
		    cli_pad(cli_money(r->assistance), 10, 1),
		    cli_pad(cli_money(r->personal), 10, 1),
		    row_note(r, note, sizeof note));
	}
	cli_row("%s  %s  %s  %s  %s  %s", cli_pad(_("Total"), 30 + wk, 0),
	    cli_pad(cli_money(l->total), 10, 1), cli_pad(cli_money(l->fund), 10, 1),
	    cli_pad(cli_money(l->serious), 10, 1), cli_pad(cli_money(l->assistance), 10, 1),
	    cli_pad(cli_money(l->personal), 10, 1));

	if (l->policy_id[0] != '\0')
		out_printf(_("\nThe year so far, against the caps of policy "
		    "pack %s:\n"), l->policy_id);
	else
		out_printf("\n%s\n", _("The year so far (the office's policy "
		    "pack is for another year: no caps shown):"));
	wl = max_int(text_width(_("Inpatient fund (accident included)")),
	    text_width(_("Serious-illness insurance paid")));
	for (int i = 0; i < l->nchronic; i++)
		wl = max_int(wl, text_width(l->chronic[i].label) + 2);
	wl = max_int(wl, text_width(_("Medical assistance paid"))) + 2;
	used_line(_("Inpatient fund (accident included)"), wl, &l->inpatient);
	used_line(_("Accident fund"), wl, &l->accident);
	used_line(_("General outpatient fund"), wl, &l->outpatient);
	for (int i = 0; i < l->nchronic; i++) {
		char lab[140];

		snprintf(lab, sizeof lab, _("Chronic: %s"), l->chronic[i].label);
		used_line(lab, wl, &l->chronic[i]);
	}
	cli_row("  %s%s", cli_pad(_("Serious-illness insurance paid"), wl, 0),
	    cli_pad(cli_money(l->serious_paid), 10, 1));
	cli_row("  %s%s", cli_pad(_("Medical assistance paid"), wl, 0),
	    cli_pad(cli_money(l->assistance_paid), 10, 1));
}

static void
json_used(struct json *j, const char *key, const struct claim_used *u)
{
	json_object_begin(j, key);
	if (u->code[0] != '\0') {
		json_string(j, "disease", u->code);
		json_string(j, "label", u->label);
	}
	json_money(j, "used", u->used);
	if (u->cap >= 0) {
		json_money(j, "cap", u->cap);
		json_money(j, "left", u->cap > u->used ? u->cap - u->used : 0);
	} else {
		json_null(j, "cap");
		json_null(j, "left");
	}
	json_object_end(j);
}

static void
json_list(const struct ops_session *s, const struct claim_list *l)
{
	struct json j;
	char idb[19], d[DATE_BUFSZ];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "id_number", cli_shown_id(s, l->id_number, idb));
	json_string(&j, "name", l->name);
	json_int(&j, "year", l->year);
	json_string(&j, "policy", l->policy_id[0] ? l->policy_id : NULL);
	json_array_begin(&j, "claims");
	for (int i = 0; i < l->n; i++) {
		const struct claim_row *r = &l->r[i];

		json_object_begin(&j, NULL);
		json_string(&j, "claim", r->key);
		json_string(&j, "admitted_on", date_format(r->admitted_on, d));
		json_string(&j, "kind", r->kind);
		json_string(&j, "disease", r->disease[0] ? r->disease : NULL);
		json_string(&j, "hospital", r->hospital);
		json_bool(&j, "eligible", r->eligible);
		json_money(&j, "medfee_sumamt", r->total);
		json_money(&j, "hifp_pay", r->fund);
		json_money(&j, "hifmi_pay", r->serious);
		json_money(&j, "maf_pay", r->assistance);
		json_money(&j, "psn_part_amt", r->personal);
		json_string(&j, "reverses", r->reverses[0] ? r->reverses :
		    NULL);
		json_string(&j, "reversed_by", r->reversed_by[0] ?
		    r->reversed_by : NULL);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_begin(&j, "totals");
	json_money(&j, "medfee_sumamt", l->total);
	json_money(&j, "hifp_pay", l->fund);
	json_money(&j, "hifmi_pay", l->serious);
	json_money(&j, "maf_pay", l->assistance);
	json_money(&j, "psn_part_amt", l->personal);
	json_object_end(&j);
	json_object_begin(&j, "caps");
	json_used(&j, "inpatient", &l->inpatient);
	json_used(&j, "accident", &l->accident);
	json_used(&j, "outpatient", &l->outpatient);
	json_array_begin(&j, "chronic");
	for (int i = 0; i < l->nchronic; i++)
		json_used(&j, NULL, &l->chronic[i]);
	json_array_end(&j);
	json_money(&j, "serious_paid", l->serious_paid);
	json_money(&j, "assistance_paid", l->assistance_paid);
	json_object_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
claim_list(struct cli *cli, int argc, char **argv)
{
	struct view_args a;
	struct ops_session s;
	struct ops_error err;
	struct claim_list *l;
	int rc;

	if ((rc = view_args(argc, argv, "jy", &a)) != EXIT_OK)
		return rc;
	if (a.nargs != 1) {
		cli_error("%s", _("claim list needs one ID number"));
		return EXIT_USAGE;
	}
	if ((l = calloc(1, sizeof *l)) == NULL)
		return EXIT_INVALID;
	/* The office's pack gives the caps. */
	if ((rc = cli_session_open(cli, &s, CLI_NEED_POLICY)) != EXIT_OK) {
		free(l);
		return rc;
	}
	if (ops_claim_list(&s, a.args[0], a.year, l, &err) != OPS_OK) {
		cli_error("%s", err.msg);
		rc = cli_exit_status(err.status);
	} else if (a.json)
		json_list(&s, l);
	else
		print_list(&s, l);
	claim_list_free(l);
	free(l);
	cli_session_close(&s);
	return rc;
}

/* ---- reverse ------------------------------------------------------------- */

static int
claim_reverse(struct cli *cli, int argc, char **argv)
{
	struct view_args a;
	struct ops_session s;
	struct ops_error err;
	char key[40], *reason;
	int rc;

	if ((rc = view_args(argc, argv, "r", &a)) != EXIT_OK)
		return rc;
	if (a.nargs != 1 || a.reason == NULL) {
		cli_error("%s", _("claim reverse needs one claim number and "
		    "--reason TEXT"));
		return EXIT_USAGE;
	}
	if ((reason = in_to_utf8(a.reason)) == NULL) {
		cli_error("%s", _("claim reverse: the reason is not valid text "
		    "in the terminal's encoding"));
		return EXIT_INVALID;
	}
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK) {
		free(reason);
		return rc;
	}
	if (ops_claim_reverse(&s, a.args[0], reason, key, sizeof key, &err) !=
	    OPS_OK) {
		cli_error("%s", err.msg);
		rc = cli_exit_status(err.status);
	} else
		out_printf(_("Claim %s reversed by %s.\n"), a.args[0], key);
	free(reason);
	cli_session_close(&s);
	return rc;
}

/* ---- the command --------------------------------------------------------- */

int
cmd_claim(struct cli *cli, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "settle") == 0)
		return claim_settle(cli, argc - 1, argv + 1);
	if (strcmp(sub, "show") == 0)
		return claim_show(cli, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return claim_list(cli, argc - 1, argv + 1);
	if (strcmp(sub, "reverse") == 0)
		return claim_reverse(cli, argc - 1, argv + 1);
	if (strcmp(sub, "slip") == 0)
		return claim_slip(cli, argc - 1, argv + 1);
	cli_error("%s", _("claim: say settle, show, list, reverse or slip; see "
	    "yibao --help"));
	return EXIT_USAGE;
}
