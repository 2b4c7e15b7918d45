/* cli.c: what every sub-command shares. */
#include "config.h"

#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/idcard.h"
#include "core/policy_load.h"
#include "core/text.h"
#include "i18n.h"
#include "io/out.h"
#include "io/policy_file.h"

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	err_printf("yibao: ");
	va_start(ap, fmt);
	out_vfprintf(stderr, fmt, ap);
	va_end(ap);
	err_printf("\n");
}

int
cli_today(struct date *out)
{
	const char *env = getenv("YIBAO_TODAY");
	time_t now;
	struct tm tm;

	if (env != NULL && *env != '\0') {
		if (date_parse(env, out) != DATE_OK) {
			cli_error(_("YIBAO_TODAY is not a date (YYYY-MM-DD): "
			    "%s"), env);
			return -1;
		}
		return 0;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return -1;
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	return 0;
}

void
cli_print_help(void)
{
	out_printf(_("Usage: yibao [OPTION]... [COMMAND [ARG]...]\n"
	    "Urban-rural resident basic medical insurance: the service "
	    "window.\n"
	    "With no command, on a terminal, yibao opens the clerk's "
	    "interface.\n"
	    "\n"
	    "Options:\n"
	    "  --db FILE      use the database FILE (default: $YIBAO_DB, or\n"
	    "                 $XDG_DATA_HOME/yibao/yibao.db)\n"
	    "  --operator NAME  who is working (default: $YIBAO_OPERATOR); the\n"
	    "                 password: $YIBAO_PASSWORD_FILE or the terminal\n"
	    "  --demo         open the demonstration county in a throw-away "
	    "database\n"
	    "                 (with --db FILE: made in the new FILE, and kept)\n"
	    "  --ascii        the interface's frames in ASCII (also "
	    "YIBAO_ASCII=1)\n"
	    "  -h, --help     show this help and exit\n"
	    "  -V, --version  show the version and exit\n"
	    "\n"
	    "Commands:\n"
	    "  init                create the office database (again: no "
	    "change)\n"
	    "                      (--site CODE --admin LOGIN: the office and "
	    "its admin)\n"
	    "  idcard NUMBER...    check and normalize resident ID numbers\n"
	    "  operator add|list|passwd|disable\n"
	    "                      operators and their roles (admin)\n"
	    "  resident add|show|find|edit|end|reopen\n"
	    "                      residents; find by ID, name or pinyin "
	    "initials\n"
	    "  household create|add|move|head|show\n"
	    "                      households and their members\n"
	    "  category add|end    hardship categories (ending: supervisor)\n"
	    "  qualification add|end\n"
	    "                      chronic-disease qualifications\n"
	    "  pay ID...           take the year's contributions, one "
	    "receipt\n"
	    "  pay --batch FILE    pay a collector's list of households, all "
	    "or nothing\n"
	    "  refund RECEIPT-LINE pay back a contribution made in advance\n"
	    "  reverse RECEIPT[-LINE]\n"
	    "                      cancel a mistaken payment (supervisor)\n"
	    "  coverage ID         whether a person is insured, and from "
	    "when\n"
	    "  report day|enrolment\n"
	    "                      the day's cash; enrolment and subsidies\n"
	    "  offsite file|list|revoke|receive|overdue\n"
	    "                      off-site medical registrations (异地就医备案)\n"
	    "  claim settle|show|list|reverse|slip\n"
	    "                      settle a claim for good; its statement slip\n"
	    "  claim settle --batch FILE\n"
	    "                      settle a file of claims, all or nothing\n"
	    "  import residents|categories FILE|-\n"
	    "                      read a roster (CSV, GB18030 or UTF-8), all "
	    "or nothing\n"
	    "  export residents|payments|settlements|registrations\n"
	    "                      write CSV for Excel (GB18030 by default)\n"
	    "  policy list         the policy packs that can be loaded\n"
	    "  policy show ID|FILE every value of a pack, with its source line\n"
	    "  policy check FILE   validate a pack\n"
	    "  policy use ID       the office's pack (admin)\n"
	    "  trial --policy ID|FILE KEY=VALUE...\n"
	    "                      settle one claim as a trial (试算), as JSON\n"
	    "  sync export -o FILE | apply FILE | key | status | trust-hub CODE "
	    "KEY\n"
	    "                      the office's night sync (supervisor; "
	    "trust-hub: admin)\n"
	    "  hub init | add-site CODE KEY | sites | apply FILE... |\n"
	    "      export --site CODE -o FILE | conflicts | resolve N\n"
	    "                      the centre's side of the night sync "
	    "(yibao-sync(5))\n"
	    "\n"
	    "Exit status: 0 done, 1 invalid input, 2 wrong command line,\n"
	    "3 the pack lacks a parameter (trial), 4 not logged in or not "
	    "allowed.\n"
	    "See yibao(1).\n"));
}

int
cli_load_policy(const char *id_or_file, struct policy *pol)
{
	struct policy_errors *errs = calloc(1, sizeof *errs);
	int rc;

	if (errs == NULL)
		return -1;
	rc = policy_file_load(id_or_file, pol, errs);
	for (int i = 0; rc != 0 && i < errs->n; i++) {
		const struct policy_error *e = &errs->e[i];

		if (e->line > 0)
			cli_error("%s:%d: %s%s%s", e->file, (int)e->line,
			    e->key, e->key[0] ? ": " : "", e->msg);
		else
			cli_error("%s: %s%s%s", e->file, e->key,
			    e->key[0] ? ": " : "", e->msg);
	}
	if (rc != 0 && errs->n == 0)
		cli_error(_("cannot load the policy pack %s"), id_or_file);
	free(errs);
	return rc != 0 ? -1 : 0;
}

const char *
cli_text(struct cli_texts *t, const char *arg)
{
	char *u = t->n < CLI_TEXTS_MAX ? in_to_utf8(arg) : NULL;

	if (u == NULL) {
		cli_error(_("\"%s\" is not valid text in this terminal's "
		    "encoding"), arg);
		return NULL;
	}
	return t->s[t->n++] = u;
}

void
cli_texts_free(struct cli_texts *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->s[i]);
	t->n = 0;
}

const char *
cli_shown_id(const struct ops_session *s, const char *id, char buf[19])
{
	if (s->role >= ROLE_SUPERVISOR || strlen(id) != IDCARD_LEN)
		return id;
	idcard_mask(id, buf);
	return buf;
}

void
cli_row(const char *fmt, ...)
{
	char buf[1024];
	size_t n;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	out_printf("%s\n", buf);
}

#define ROTATE 12
#define PAD_MAX 400

const char *
cli_pad(const char *text, int cols, int right)
{
	static char buf[ROTATE][PAD_MAX];
	static int next;

	return text_pad(text, cols, right, buf[next++ % ROTATE], PAD_MAX);
}

const char *
cli_money(fen_t v)
{
	static char buf[ROTATE][MONEY_BUFSZ];
	static int next;

	return money_format(v, buf[next++ % ROTATE]);
}

int64_t
cli_count(const char *arg)
{
	char *end;
	long long v;

	if (arg == NULL || *arg < '0' || *arg > '9')
		return -1;
	errno = 0;
	v = strtoll(arg, &end, 10);
	return *end == '\0' && errno == 0 ? (int64_t)v : -1;
}
