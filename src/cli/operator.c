/*
 * operator.c: yibao operator add LOGIN --role ROLE [--name NAME]
 * [--password-file FILE] | list [--json] | passwd LOGIN [--password-file
 * FILE] | disable LOGIN.  The acting operator logs in as for every command
 * (--operator or YIBAO_OPERATOR, YIBAO_PASSWORD_FILE or the terminal); the
 * new password comes from --password-file or is asked twice on the
 * terminal, never from YIBAO_PASSWORD_FILE, which is the acting operator's.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/text.h"
#include "i18n.h"
#include "io/json.h"
#include "io/out.h"
#include "ops/operator.h"

#define PW_MAX 256

struct op_args {
	const char *login, *role, *name, *password_file;
	int json;
};

static int
usage(void)
{
	cli_error(_("usage: yibao operator add LOGIN --role ROLE [--name NAME] "
	    "[--password-file FILE] | list [--json] | passwd LOGIN "
	    "[--password-file FILE] | disable LOGIN"));
	return EXIT_USAGE;
}

/*
 * The words after `operator SUB`: options anywhere, at most one LOGIN.
 * `allowed` lists the option letters SUB takes.
 */
static int
parse_args(int argc, char **argv, const char *allowed, int want_login,
    struct op_args *a)
{
	static const struct option longopts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "password-file", required_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;	/* glibc: start over for this command's words */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "-", longopts, NULL)) != -1) {
		if (c == 1 && want_login && a->login == NULL) {
			a->login = optarg;
			continue;
		}
		if (c == 1) {
			cli_error(_("operator %s: unexpected argument %s; see "
			    "yibao --help"), argv[0], optarg);
			return -1;
		}
		if (c == '?' || c == ':' || strchr(allowed, c) == NULL) {
			cli_error(_("operator %s: unknown or incomplete option "
			    "%s; see yibao --help"), argv[0], argv[optind - 1]);
			return -1;
		}
		switch (c) {
		case 'r': a->role = optarg; break;
		case 'n': a->name = optarg; break;
		case 'p': a->password_file = optarg; break;
		case 'j': a->json = 1; break;
		}
	}
	if (want_login && a->login == NULL) {
		cli_error(_("operator %s needs a LOGIN; see yibao --help"),
		    argv[0]);
		return -1;
	}
	return 0;
}

/* The first line of `path`, without its newline. */
static int
read_file_password(const char *path, char *buf, size_t bufsz)
{
	FILE *fp = fopen(path, "r");

	if (fp == NULL) {
		cli_error(_("cannot read the password file %s"), path);
		return -1;
	}
	if (fgets(buf, (int)bufsz, fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* Ask on the terminal with echo off (session.c does the same for logins). */
static int
ask_tty(const char *prompt, char *buf, size_t bufsz)
{
	struct termios old, quiet;
	FILE *tty = fopen("/dev/tty", "r+");
	int ok;

	if (tty == NULL)
		return -1;
	fputs(prompt, tty);
	fflush(tty);
	tcgetattr(fileno(tty), &old);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	ok = fgets(buf, (int)bufsz, tty) != NULL;
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	if (!ok)
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* The new password of `login`: --password-file, or typed twice. */
static int
new_password(const struct op_args *a, const char *login, char *buf,
    size_t bufsz)
{
	char again[PW_MAX], prompt[256];
	int rc = 0;

	if (a->password_file != NULL)
		return read_file_password(a->password_file, buf, bufsz);
	if (!isatty(STDIN_FILENO)) {
		cli_error(_("no new password for %s: give --password-file FILE, "
		    "or run yibao from a terminal"), login);
		return -1;
	}
	snprintf(prompt, sizeof prompt, _("New password for %s: "), login);
	if (ask_tty(prompt, buf, bufsz) != 0)
		return -1;
	snprintf(prompt, sizeof prompt, _("The new password for %s again: "),
	    login);
	if (ask_tty(prompt, again, sizeof again) != 0 || strcmp(buf, again)
	    != 0) {
		cli_error(_("the two passwords differ; nothing was changed"));
		rc = -1;
	}
	explicit_bzero(again, sizeof again);
	return rc;
}

/* Say what went wrong with an op, and give its exit status. */
static int
failed(const struct ops_error *oe)
{
	cli_error("%s", oe->msg);
	return cli_exit_status(oe->status);
}

static int
do_add(struct ops_session *s, const struct op_args *a)
{
	char password[PW_MAX] = "", *name = NULL;
	struct ops_error oe;
	int rc = EXIT_OK;

	if (ops_require(s, ROLE_ADMIN, &oe) != OPS_OK)
		return failed(&oe);
	if (a->name != NULL && (name = in_to_utf8(a->name)) == NULL) {
		cli_error(_("the name is not valid text in the terminal's "
		    "encoding"));
		return EXIT_INVALID;
	}
	if (new_password(a, a->login, password, sizeof password) != 0)
		rc = EXIT_INVALID;
	else if (ops_operator_add(s, a->login, name, a->role, password, &oe)
	    != OPS_OK)
		rc = failed(&oe);
	else
		out_printf(_("Added the operator %s (%s) with the role %s.\n"),
		    a->login, name && *name ? name : a->login,
		    role_label(role_from_code(a->role)));
	explicit_bzero(password, sizeof password);
	free(name);
	return rc;
}

static void
list_json(const struct operator_info *v, int n)
{
	struct json j;

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_array_begin(&j, "operators");
	for (int i = 0; i < n; i++) {
		json_object_begin(&j, NULL);
		json_string(&j, "login", v[i].login);
		json_string(&j, "name", v[i].display_name);
		json_string(&j, "role", role_code(v[i].role));
		json_bool(&j, "active", v[i].active);
		json_string(&j, "site", v[i].site);
		json_string(&j, "created_at", v[i].created_at);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

#define NCOL 5

/* One line of cells, each padded to its column; the last one not. */
static void
print_row(const char *const cell[NCOL], const int width[NCOL])
{
	char buf[512];

	for (int c = 0; c < NCOL - 1; c++)
		out_printf("%s  ", text_pad(cell[c], width[c], 0, buf,
		    sizeof buf));
	out_printf("%s\n", cell[NCOL - 1]);
}

static void
list_text(const struct operator_info *v, int n)
{
	const char *head[NCOL] = { _("login"), _("name"), _("role"),
	    _("active"), _("created") };
	const char *cell[NCOL];
	char created[11];
	int width[NCOL];

	for (int c = 0; c < NCOL; c++)
		width[c] = text_width(head[c]);
	for (int i = 0; i < n; i++) {
		const char *row[NCOL - 1] = { v[i].login, v[i].display_name,
		    role_label(v[i].role), v[i].active ? _("yes") : _("no") };

		for (int c = 0; c < NCOL - 1; c++)
			if (text_width(row[c]) > width[c])
				width[c] = text_width(row[c]);
	}
	print_row(head, width);
	for (int i = 0; i < n; i++) {
		/* The day is enough here; --json gives the time. */
		snprintf(created, sizeof created, "%s", v[i].created_at);
		cell[0] = v[i].login;
		cell[1] = v[i].display_name;
		cell[2] = role_label(v[i].role);
		cell[3] = v[i].active ? _("yes") : _("no");
		cell[4] = created;
		print_row(cell, width);
	}
}

static int
do_list(struct ops_session *s, const struct op_args *a)
{
	struct operator_info *v;
	struct ops_error oe;
	int n;

	if (ops_operator_list(s, &v, &n, &oe) != OPS_OK)
		return failed(&oe);
	if (a->json)
		list_json(v, n);
	else
		list_text(v, n);
	free(v);
	return EXIT_OK;
}

/*
 * The current password, when changing one's own without being an
 * administrator: the one logged in with (YIBAO_PASSWORD_FILE), or typed.
 */
static int
current_password(const char *login, char *buf, size_t bufsz)
{
	const char *file = getenv("YIBAO_PASSWORD_FILE");
	char prompt[256];

	if (file != NULL && *file != '\0')
		return cli_password(login, buf, bufsz);
	snprintf(prompt, sizeof prompt, _("Current password for %s: "), login);
	return ask_tty(prompt, buf, bufsz);
}

static int
do_passwd(struct ops_session *s, const struct op_args *a)
{
	char old[PW_MAX] = "", password[PW_MAX] = "";
	struct ops_error oe;
	int rc = EXIT_OK;

	if (ops_operator_may_passwd(s, a->login, &oe) != OPS_OK)
		return failed(&oe);
	if (s->role != ROLE_ADMIN && current_password(s->login, old,
	    sizeof old) != 0)
		rc = EXIT_INVALID;
	else if (new_password(a, a->login, password, sizeof password) != 0)
		rc = EXIT_INVALID;
	else if (ops_operator_passwd(s, a->login, s->role == ROLE_ADMIN ?
	    NULL : old, password, &oe) != OPS_OK)
		rc = failed(&oe);
	else
		out_printf(_("The password of %s is changed.\n"), a->login);
	explicit_bzero(old, sizeof old);
	explicit_bzero(password, sizeof password);
	return rc;
}

static int
do_disable(struct ops_session *s, const struct op_args *a)
{
	struct ops_error oe;

	if (ops_operator_disable(s, a->login, &oe) != OPS_OK)
		return failed(&oe);
	out_printf(_("The operator %s is disabled and can no longer log "
	    "in.\n"), a->login);
	return EXIT_OK;
}

static const struct sub {
	const char *name;
	const char *options;	/* option letters it takes */
	int want_login;
	int (*run)(struct ops_session *s, const struct op_args *a);
} subs[] = {
	{ "add", "rnp", 1, do_add },
	{ "list", "j", 0, do_list },
	{ "passwd", "p", 1, do_passwd },
	{ "disable", "", 1, do_disable },
};

int
cmd_operator(struct cli *cli, int argc, char **argv)
{
	const struct sub *sub = NULL;
	struct ops_session s;
	struct op_args a;
	int rc;

	for (size_t i = 0; argc >= 2 && i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			sub = &subs[i];
	if (sub == NULL)
		return usage();
	if (parse_args(argc - 1, argv + 1, sub->options, sub->want_login, &a)
	    != 0)
		return EXIT_USAGE;
	if (sub->run == do_add && a.role == NULL) {
		cli_error(_("operator add needs --role clerk, supervisor or "
		    "admin"));
		return EXIT_USAGE;
	}
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	rc = sub->run(&s, &a);
	cli_session_close(&s);
	return rc;
}
