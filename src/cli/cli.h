/* cli.h: sub-commands for scripts, batch work and the night sync. */
#ifndef YIBAO_CLI_H
#define YIBAO_CLI_H

#include "core/date.h"
#include "core/policy.h"

/* Exit statuses every sub-command shares. */
#define EXIT_OK		0
#define EXIT_INVALID	1	/* the input was read, and something in it is wrong */
#define EXIT_USAGE	2	/* the command line itself is wrong */

/* What main() parsed before the sub-command. */
struct cli {
	const char *db_path;	/* --db, YIBAO_DB or the default */
	struct date today;	/* the clock, or YIBAO_TODAY for tests and training */
};

typedef int cli_command_fn(struct cli *cli, int argc, char **argv);

cli_command_fn cmd_init;
cli_command_fn cmd_idcard;
cli_command_fn cmd_demo;
cli_command_fn cmd_policy;
cli_command_fn cmd_trial;

/* "yibao: <message>\n" on stderr, the message through gettext already. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Today from YIBAO_TODAY (YYYY-MM-DD) or the local clock; -1 if unusable. */
int cli_today(struct date *out);

/*
 * Load a pack by id or file (io/policy_file), saying every error on stderr
 * as FILE:LINE: KEY: message.  0 loaded, -1 not.
 */
int cli_load_policy(const char *id_or_file, struct policy *pol);

/* The program's usage text, translated. */
void cli_print_help(void);

#endif
