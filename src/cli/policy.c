/*
 * policy.c: yibao policy list | show ID|FILE | check FILE | use ID
 * (man/yibao-policy.5 describes the packs themselves).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/policy_load.h"
#include "i18n.h"
#include "io/out.h"
#include "io/policy_file.h"
#include "ops/operator.h"


static int
usage(void)
{
	cli_error(_("usage: yibao policy list | show ID|FILE | check FILE"));
	return EXIT_USAGE;
}

/* FILE:LINE: KEY: message, leaving out what the error does not have. */
static void
print_error(void (*pr)(const char *, ...), const char *prefix,
    const struct policy_error *e)
{
	char line[16] = "";

	if (e->line > 0)
		snprintf(line, sizeof line, ":%d", (int)e->line);
	pr("%s%s%s: %s%s%s\n", prefix, e->file, line, e->key,
	    e->key[0] != '\0' ? ": " : "", e->msg);
}

static void
print_errors(void (*pr)(const char *, ...), const char *prefix,
    const struct policy_errors *errs)
{
	for (int i = 0; i < errs->n; i++)
		print_error(pr, prefix, &errs->e[i]);
	if (errs->more > 0)
		pr(_("%s... and %d more errors\n"), prefix, errs->more);
}

/* Load or say why not (on stderr); *p is large, so the caller allocates. */
static int
load(const char *arg, struct policy *p)
{
	struct policy_errors errs = { 0 };

	if (policy_file_load(arg, p, &errs) == 0)
		return 0;
	print_errors(err_printf, "yibao: ", &errs);
	return -1;
}

static int
list(void)
{
	char **ids = policy_file_list();
	struct policy *p;
	int rc = EXIT_OK;

	if (ids == NULL) {
		cli_error(_("cannot read the policy directory %s"),
		    policy_dir());
		return EXIT_INVALID;
	}
	if ((p = malloc(sizeof *p)) == NULL) {
		policy_file_list_free(ids);
		return EXIT_INVALID;
	}
	for (char **id = ids; *id != NULL; id++) {
		if (load(*id, p) != 0) {
			rc = EXIT_INVALID;
			continue;
		}
		out_printf("%s\t%s\t%d\t%s\n", p->id, p->name,
		    (int)p->benefit_year.v, p->seed[0] ? p->seed : "-");
	}
	free(p);
	policy_file_list_free(ids);
	return rc;
}

struct show {
	const struct policy *p;
	char section[64];	/* the last header printed */
	int started;
};

/* key = value [!illustrative]  # file:line */
static void
emit(void *ctx, const char *section, const char *key, const char *value,
    const struct param *where)
{
	struct show *s = ctx;

	if (!s->started || strcmp(s->section, section) != 0) {
		out_printf("\n[%s]\n", section);
		snprintf(s->section, sizeof s->section, "%s", section);
		s->started = 1;
	}
	if (key == NULL)
		return;
	out_printf("%s = %s", key, value);
	if (where != NULL && where->illustrative)
		out_printf(" !illustrative");
	if (where != NULL && where->src >= 0 && where->src < s->p->nsources)
		out_printf("  # %s:%d", s->p->sources[where->src].file,
		    (int)where->line);
	out_printf("\n");
}

static int
show(const char *arg)
{
	struct policy *p = malloc(sizeof *p);
	struct show s = { .p = p };

	if (p == NULL || load(arg, p) != 0) {
		free(p);
		return EXIT_INVALID;
	}
	out_printf("# %s: %s\n", p->id, p->name);
	if (p->illustrative)
		out_printf("# %s\n", _("a demonstration pack: its numbers "
		    "marked !illustrative are not from any document"));
	for (int i = 0; i < p->nsources; i++)
		out_printf("# %s %s (%s)\n", i == 0 ? _("file:") :
		    _("extends:"), p->sources[i].id, p->sources[i].file);
	out_printf("# sha256: %s\n", p->text_hash);
	policy_walk(p, emit, &s);
	free(p);
	return EXIT_OK;
}

static int
check(const char *arg)
{
	struct policy *p = malloc(sizeof *p);
	struct policy_errors errs = { 0 };
	int rc;

	if (p == NULL)
		return EXIT_INVALID;
	rc = policy_file_load(arg, p, &errs);
	free(p);
	if (rc == 0) {
		out_printf(_("%s: ok\n"), arg);
		return EXIT_OK;
	}
	print_errors(out_printf, "", &errs);
	return EXIT_INVALID;
}

/* The office's pack from now on: an administrator's choice, audited. */
static int
use(struct cli *cli, const char *id)
{
	struct ops_session s;
	struct policy_use_result res;
	struct ops_error oe;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_policy_use(&s, id, &res, &oe) != OPS_OK) {
		cli_error("%s", oe.msg);
		rc = cli_exit_status(oe.status);
	} else if (res.changed)
		out_printf(_("The office now uses the policy pack %s (%s).\n"),
		    res.id, res.name);
	else
		out_printf(_("The office already uses the policy pack %s; "
		    "nothing was changed.\n"), res.id);
	cli_session_close(&s);
	return rc;
}

int
cmd_policy(struct cli *cli, int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "use") == 0)
		return use(cli, argv[2]);
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return list();
	if (argc == 3 && strcmp(argv[1], "show") == 0)
		return show(argv[2]);
	if (argc == 3 && strcmp(argv[1], "check") == 0)
		return check(argv[2]);
	return usage();
}
