/*
 * trial.c: yibao trial --policy ID|FILE KEY=VALUE...: settle one claim
 * without a database (试算) and print one JSON object with the national
 * platform's settlement field names.  Exit 0 settled, 2 bad input or
 * unknown pack, 3 the pack lacks a parameter the claim needs; on 2 and 3
 * nothing goes to stdout.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/policy.h"
#include "core/policy_load.h"
#include "core/settle.h"
#include "i18n.h"
#include "io/out.h"
#include "io/policy_file.h"



enum vtype {
	V_KIND, V_LEVEL, V_SCOPE, V_BOOL, V_MONEY, V_DATE, V_CATEGORIES,
	V_RESIDENCE, V_DISEASE, V_DELIVERY, V_BABIES
};

/* The keys of issue 3, each into its field of struct claim. */
static const struct key {
	const char *name;
	enum vtype type;
	size_t off;
} keys[] = {
	{ "kind", V_KIND, offsetof(struct claim, kind) },
	{ "level", V_LEVEL, offsetof(struct claim, level) },
	{ "scope", V_SCOPE, offsetof(struct claim, scope) },
	{ "registered", V_BOOL, offsetof(struct claim, registered) },
	{ "emergency", V_BOOL, offsetof(struct claim, emergency) },
	{ "total", V_MONEY, offsetof(struct claim, total) },
	{ "out_of_list", V_MONEY, offsetof(struct claim, out_of_list) },
	{ "class_b", V_MONEY, offsetof(struct claim, class_b) },
	{ "imported", V_MONEY, offsetof(struct claim, imported) },
	{ "imported_standard", V_MONEY,
	    offsetof(struct claim, imported_standard) },
	{ "date", V_DATE, offsetof(struct claim, date) },
	{ "birth", V_DATE, offsetof(struct claim, birth) },
	{ "categories", V_CATEGORIES, offsetof(struct claim, categories) },
	{ "residence", V_RESIDENCE, offsetof(struct claim, residence) },
	{ "disease", V_DISEASE, offsetof(struct claim, disease) },
	{ "chronic_qualified", V_BOOL,
	    offsetof(struct claim, chronic_qualified) },
	{ "major_disease", V_BOOL, offsetof(struct claim, major_disease) },
	{ "delivery", V_DELIVERY, offsetof(struct claim, delivery) },
	{ "babies", V_BABIES, offsetof(struct claim, babies) },
	{ "ytd_inpatient_fund", V_MONEY,
	    offsetof(struct claim, ytd_inpatient_fund) },
	{ "ytd_accident_fund", V_MONEY,
	    offsetof(struct claim, ytd_accident_fund) },
	{ "ytd_outpatient_range", V_MONEY,
	    offsetof(struct claim, ytd_outpatient_range) },
	{ "ytd_outpatient_fund", V_MONEY,
	    offsetof(struct claim, ytd_outpatient_fund) },
	{ "ytd_chronic_fund", V_MONEY,
	    offsetof(struct claim, ytd_chronic_fund) },
	{ "ytd_serious_base", V_MONEY,
	    offsetof(struct claim, ytd_serious_base) },
	{ "ytd_serious_paid", V_MONEY,
	    offsetof(struct claim, ytd_serious_paid) },
	{ "ytd_assistance_base", V_MONEY,
	    offsetof(struct claim, ytd_assistance_base) },
	{ "ytd_assistance_paid", V_MONEY,
	    offsetof(struct claim, ytd_assistance_paid) },
};
#define NKEYS (sizeof keys / sizeof keys[0])

/* ---- values ------------------------------------------------------------- */

static int
parse_bool(const char *key, const char *v, bool *out)
{
	if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0) {
		*out = v[0] == 'y';
		return 0;
	}
	cli_error(_("trial: %s must be yes or no, not \"%s\""), key, v);
	return -1;
}

/* "registered_poor,min_living"; an empty list is no category. */
static int
parse_categories(const char *v, catset_t *out)
{
	char *copy = strdup(v), *save = NULL;
	enum category c;
	int rc = 0;

	if (copy == NULL)
		return -1;
	*out = 0;
	for (char *t = strtok_r(copy, ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		if (category_from_code(t, &c) != 0) {
			cli_error(_("trial: unknown category \"%s\" (codes such "
			    "as registered_poor, min_living; see yibao(1))"), t);
			rc = -1;
			break;
		}
		*out |= CATSET(c);
	}
	free(copy);
	return rc;
}

static int
parse_small(const char *key, const char *v, int lo, int hi, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (v[0] >= '0' && v[0] <= '9' && *end == '\0' && n >= lo && n <= hi) {
		*out = (int)n;
		return 0;
	}
	cli_error(_("trial: %s must be a whole number from %d to %d, not "
	    "\"%s\""), key, lo, hi, v);
	return -1;
}

static int
parse_enum(const char *v, const char *const *names, int n, int *out)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0) {
			*out = i;
			return 0;
		}
	return -1;
}

static int
set_value(const struct key *k, const char *v, struct claim *c)
{
	static const char *const residences[] = { "", "rural", "urban" };
	static const char *const deliveries[] = { "", "normal", "difficult" };
	char *field = (char *)c + k->off;
	enum money_err me;
	enum date_err de;
	int i;

	switch (k->type) {
	case V_KIND:
		if (claim_kind_from_code(v, (enum claim_kind *)field) == 0)
			return 0;
		cli_error(_("trial: kind must be inpatient, accident, "
		    "outpatient, chronic or maternity, not \"%s\""), v);
		return -1;
	case V_LEVEL:
		return parse_small(k->name, v, 1, 3, (int *)field);
	case V_SCOPE:
		if (scope_from_code(v, (enum scope *)field) == 0)
			return 0;
		cli_error(_("trial: scope must be local, county, city or "
		    "province, not \"%s\""), v);
		return -1;
	case V_BOOL:
		return parse_bool(k->name, v, (bool *)field);
	case V_MONEY:
		if ((me = money_parse(v, 0, (fen_t *)field)) == MONEY_OK)
			return 0;
		cli_error(_("trial: %s=%s: %s"), k->name, v, money_strerror(me));
		return -1;
	case V_DATE:
		if ((de = date_parse(v, (struct date *)field)) == DATE_OK)
			return 0;
		cli_error(_("trial: %s=%s: %s"), k->name, v, date_strerror(de));
		return -1;
	case V_CATEGORIES:
		return parse_categories(v, (catset_t *)field);
	case V_RESIDENCE:
		if (parse_enum(v, residences + 1, 2, &i) == 0) {
			*(enum residence *)field = (enum residence)(i + 1);
			return 0;
		}
		cli_error(_("trial: residence must be rural or urban, not "
		    "\"%s\""), v);
		return -1;
	case V_DISEASE:
		if (v[0] != '\0' && strlen(v) < DISEASE_CODE_MAX) {
			memcpy(field, v, strlen(v) + 1);
			return 0;
		}
		cli_error(_("trial: disease must be a code of the policy pack, "
		    "such as those \"yibao policy show\" lists"));
		return -1;
	case V_DELIVERY:
		if (parse_enum(v, deliveries + 1, 2, &i) == 0) {
			*(enum delivery *)field = (enum delivery)(i + 1);
			return 0;
		}
		cli_error(_("trial: delivery must be normal or difficult, not "
		    "\"%s\""), v);
		return -1;
	case V_BABIES:
		return parse_small(k->name, v, 1, SETTLE_BABIES_MAX, (int *)field);
	}
	return -1;
}

/*
 * A value that is not one of its key (a date, an amount, a level...) is
 * invalid input (EXIT_INVALID), as in claim settle; an unknown key or a
 * missing one is a wrong command line.
 */
#define BAD_VALUE (-2)

/* One KEY=VALUE (UTF-8) into the claim; seen[] refuses a key given twice. */
static int
parse_pair(const char *arg, struct claim *c, bool seen[NKEYS])
{
	const char *eq = strchr(arg, '=');
	size_t n = eq != NULL ? (size_t)(eq - arg) : 0;

	if (eq == NULL || n == 0) {
		cli_error(_("trial: expected KEY=VALUE, not \"%s\""), arg);
		return -1;
	}
	for (size_t i = 0; i < NKEYS; i++) {
		if (strlen(keys[i].name) != n || strncmp(arg, keys[i].name, n))
			continue;
		if (seen[i]) {
			cli_error(_("trial: %s is given twice"), keys[i].name);
			return -1;
		}
		seen[i] = true;
		return set_value(&keys[i], eq + 1, c) != 0 ? BAD_VALUE : 0;
	}
	cli_error(_("trial: unknown key \"%.*s\"; see yibao(1) for the keys"),
	    (int)n, arg);
	return -1;
}

static bool
given(const bool seen[NKEYS], const char *name)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return seen[i];
	return false;
}

/* ---- the command line --------------------------------------------------- */

/*
 * --policy X or --policy=X, then KEY=VALUE pairs; after a message, -1 (the
 * command line) or BAD_VALUE.
 */
static int
parse_args(int argc, char **argv, const char **pack, struct claim *c)
{
	bool seen[NKEYS] = { false };
	char *utf8;
	int rc;

	*pack = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--policy") == 0 && i + 1 < argc) {
			*pack = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--policy=", 9) == 0) {
			*pack = argv[i] + 9;
			continue;
		}
		if (argv[i][0] == '-') {
			cli_error(_("trial: unknown or incomplete option %s; "
			    "see yibao --help"), argv[i]);
			return -1;
		}
		if ((utf8 = in_to_utf8(argv[i])) == NULL) {
			cli_error(_("trial: an argument is not valid text in "
			    "the terminal's encoding"));
			return -1;
		}
		rc = parse_pair(utf8, c, seen);
		free(utf8);
		if (rc != 0)
			return rc;
	}
	if (*pack == NULL || **pack == '\0') {
		cli_error(_("trial needs --policy ID or --policy FILE; see "
		    "yibao --help"));
		return -1;
	}
	if (!given(seen, "kind") || !given(seen, "total")) {
		cli_error(_("trial needs at least kind=KIND and total=AMOUNT "
		    "(yuan); see yibao --help"));
		return -1;
	}
	return 0;
}


/* ---- the command -------------------------------------------------------- */

static int
settle_and_print(const struct policy *pol, const struct claim *c)
{
	struct settlement *s = calloc(1, sizeof *s);
	enum settle_status st;
	int rc = EXIT_OK;

	if (s == NULL)
		return EXIT_USAGE;
	st = settle(pol, c, s);
	if (st == SETTLE_OK)
		cli_print_breakdown(NULL, s);
	else if (st == SETTLE_MISSING_PARAM) {
		cli_error(_("trial: the policy pack %s does not give %s, which "
		    "this claim needs; add it to the pack (see "
		    "yibao-policy(5))"), pol->id, s->missing);
		rc = EXIT_MISSING;
	} else {
		/* The bill refused, as claim settle refuses it. */
		cli_error(_("trial: %s"), settle_strerror(st));
		rc = EXIT_INVALID;
	}
	free(s);
	return rc;
}

int
cmd_trial(struct cli *cli, int argc, char **argv)
{
	struct claim c = { .scope = SCOPE_LOCAL, .babies = 1 };
	struct policy *pol;
	const char *pack;
	int rc;

	c.date = cli->today;	/* a trial is for today unless date= says */
	if ((rc = parse_args(argc, argv, &pack, &c)) != 0)
		return rc == BAD_VALUE ? EXIT_INVALID : EXIT_USAGE;
	if ((pol = calloc(1, sizeof *pol)) == NULL)
		return EXIT_USAGE;
	if (cli_load_policy(pack, pol) != 0)
		rc = EXIT_USAGE;
	else
		rc = settle_and_print(pol, &c);
	free(pol);
	return rc;
}
