/* cli.h: sub-commands for scripts, batch work and the night sync. */
#ifndef YIBAO_CLI_H
#define YIBAO_CLI_H

#include "core/date.h"
#include "core/policy.h"
#include "core/settle.h"
#include "ops/ops.h"

#include <stddef.h>
#include <stdint.h>

/* Exit statuses every sub-command shares. */
#define EXIT_OK		0
#define EXIT_INVALID	1	/* the input was read, and something in it is wrong */
#define EXIT_USAGE	2	/* the command line itself is wrong */
#define EXIT_MISSING	3	/* trial: the pack lacks a parameter */
#define EXIT_DENIED	4	/* not logged in, or the role does not allow it */

/* What main() parsed before the sub-command. */
struct cli {
	const char *db_path;	/* --db, YIBAO_DB or the default */
	const char *operator_login;	/* --operator, else YIBAO_OPERATOR */
	const char *policy;	/* a command's --policy: not the office's pack */
	struct date today;	/* the clock, or YIBAO_TODAY for tests and training */
};

typedef int cli_command_fn(struct cli *cli, int argc, char **argv);

cli_command_fn cmd_init;
cli_command_fn cmd_idcard;
cli_command_fn cmd_demo;
cli_command_fn cmd_policy;
cli_command_fn cmd_trial;
cli_command_fn cmd_operator;
cli_command_fn cmd_resident;
cli_command_fn cmd_household;
cli_command_fn cmd_category;
cli_command_fn cmd_qualification;
cli_command_fn cmd_pay;
cli_command_fn cmd_refund;
cli_command_fn cmd_reverse;
cli_command_fn cmd_coverage;
cli_command_fn cmd_report;
cli_command_fn cmd_offsite;
cli_command_fn cmd_claim;
cli_command_fn cmd_import;
cli_command_fn cmd_export;
cli_command_fn cmd_sync;
cli_command_fn cmd_hub;
/* yibao claim slip ...: argv[0] is "slip" (called by cmd_claim). */
cli_command_fn claim_slip;

/* "yibao: <message>\n" on stderr, the message through gettext already. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Today from YIBAO_TODAY (YYYY-MM-DD) or the local clock; -1 if unusable. */
int cli_today(struct date *out);

/*
 * Load a pack by id or file (io/policy_file), saying every error on stderr
 * as FILE:LINE: KEY: message.  0 loaded, -1 not.
 */
int cli_load_policy(const char *id_or_file, struct policy *pol);

/* cli_session_open flags */
#define CLI_NEED_POLICY 1	/* load the office's pack (or --policy) */

/*
 * Open the database and log the operator in; with CLI_NEED_POLICY also load
 * the pack.  Says what is wrong on stderr; returns an exit status (0 ok).
 */
int cli_session_open(struct cli *cli, struct ops_session *s, int flags);
void cli_session_close(struct ops_session *s);

/* Set s->today and s->now (UTC) from the clock and YIBAO_TODAY. */
void cli_session_clock(struct ops_session *s, const struct cli *cli);

/* The password of `login`: YIBAO_PASSWORD_FILE, or asked on the terminal. */
int cli_password(const char *login, char *buf, size_t bufsz);

/* The exit status for an op's result: 0, 1 (invalid), 4 (denied). */
int cli_exit_status(enum ops_status st);

/* An op failed: say its message, close the session, the exit status. */
int cli_fail(struct ops_session *s, const struct ops_error *e);

/* A whole number (0 or more) from the command line; -1 when it is not one. */
int64_t cli_count(const char *arg);

/*
 * A settlement as one JSON object with the platform's field names (trial's
 * output).  claim_key NULL: no "claim" member; "": "claim": null (a dry
 * run); else the saved claim's key first.
 */
void cli_print_breakdown(const char *claim_key, const struct settlement *s);

/*
 * Command-line words converted from the terminal's encoding to UTF-8, kept
 * until cli_texts_free: options point into it while a command runs.
 */
#define CLI_TEXTS_MAX 24
struct cli_texts {
	char *s[CLI_TEXTS_MAX];
	int n;
};

/* `arg` in UTF-8, or NULL with a message when it is not valid text. */
const char *cli_text(struct cli_texts *t, const char *arg);
void cli_texts_free(struct cli_texts *t);

/* Lists and receipts on the terminal. */

/* The ID number as this operator may see it: masked below supervisor. */
const char *cli_shown_id(const struct ops_session *s, const char *id,
    char buf[19]);

/* One line of a table, printf-like, without the padding that would end it. */
void cli_row(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * text_pad (display columns) and money_format into rotating buffers, so
 * several fit in one printf: each result lives for the next 12 calls.
 */
const char *cli_pad(const char *text, int cols, int right);
const char *cli_money(fen_t v);

/* The program's usage text, translated. */
void cli_print_help(void);

#endif
