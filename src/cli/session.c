/*
 * session.c: open the database and log the operator in for a sub-command.
 * The operator comes from --operator or YIBAO_OPERATOR; the password from
 * the file named by YIBAO_PASSWORD_FILE (scripts), or is asked for on the
 * terminal without echo.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "db/tx.h"
#include "i18n.h"
#include "io/out.h"
#include "ops/ops.h"

/* The first line of a file, without its newline. */
static int
read_password_file(const char *path, char *buf, size_t bufsz)
{
	FILE *fp = fopen(path, "r");
	size_t n;

	if (fp == NULL) {
		cli_error(_("cannot read the password file %s"), path);
		return -1;
	}
	if (fgets(buf, (int)bufsz, fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return 0;
}

/* Ask on the terminal, echo off, as login(1) does. */
static int
ask_password(const char *prompt, char *buf, size_t bufsz)
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

int
cli_password(const char *login, char *buf, size_t bufsz)
{
	const char *file = getenv("YIBAO_PASSWORD_FILE");
	char prompt[256];

	if (file != NULL && *file != '\0')
		return read_password_file(file, buf, bufsz);
	if (!isatty(STDIN_FILENO)) {
		cli_error(_("no password: set YIBAO_PASSWORD_FILE, or run yibao "
		    "from a terminal"));
		return -1;
	}
	snprintf(prompt, sizeof prompt, _("Password for %s: "), login);
	return ask_password(prompt, buf, bufsz);
}

void
cli_session_clock(struct ops_session *s, const struct cli *cli)
{
	time_t t = time(NULL);
	struct tm tm;

	s->today = cli->today;
	gmtime_r(&t, &tm);
	strftime(s->now, sizeof s->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
cli_exit_status(enum ops_status st)
{
	switch (st) {
	case OPS_OK:
		return EXIT_OK;
	case OPS_DENIED:
	case OPS_AUTH:
		return EXIT_DENIED;
	default:
		return EXIT_INVALID;
	}
}

int
cli_session_open(struct cli *cli, struct ops_session *s, int flags)
{
	char err[512], password[256], pack[128];
	const char *login = cli->operator_login;
	struct ops_error oe;
	struct policy *pol;

	memset(s, 0, sizeof *s);
	cli_session_clock(s, cli);
	if (db_open(cli->db_path, 0, &s->db, err, sizeof err) != DB_OK) {
		cli_error("%s", err);
		return EXIT_INVALID;
	}
	if (db_setting_get(s->db, "site", s->site, sizeof s->site) != 0) {
		cli_error(_("this database has no office code: run yibao init "
		    "--site CODE"));
		goto fail;
	}
	if (login == NULL || *login == '\0')
		login = getenv("YIBAO_OPERATOR");
	if (login == NULL || *login == '\0') {
		cli_error(_("who is working? give --operator NAME or set "
		    "YIBAO_OPERATOR"));
		cli_session_close(s);
		return EXIT_USAGE;
	}
	if (cli_password(login, password, sizeof password) != 0)
		goto fail;
	if (ops_login(s, login, password, &oe) != OPS_OK) {
		explicit_bzero(password, sizeof password);
		cli_error("%s", oe.msg);
		cli_session_close(s);
		return cli_exit_status(oe.status);
	}
	explicit_bzero(password, sizeof password);
	if (!(flags & CLI_NEED_POLICY))
		return EXIT_OK;
	if (cli->policy != NULL)
		snprintf(pack, sizeof pack, "%s", cli->policy);
	else if (db_setting_get(s->db, "policy", pack, sizeof pack) != 0) {
		cli_error(_("this office has no policy pack: an administrator "
		    "chooses one with yibao policy use ID"));
		goto fail;
	}
	if ((pol = calloc(1, sizeof *pol)) == NULL ||
	    cli_load_policy(pack, pol) != 0) {
		free(pol);
		goto fail;
	}
	s->policy = pol;
	return EXIT_OK;
fail:
	cli_session_close(s);
	return EXIT_INVALID;
}

void
cli_session_close(struct ops_session *s)
{
	free((struct policy *)s->policy);
	s->policy = NULL;
	db_close(s->db);
	s->db = NULL;
}

int
cli_fail(struct ops_session *s, const struct ops_error *e)
{
	cli_error("%s", e->msg);
	cli_session_close(s);
	return cli_exit_status(e->status);
}
