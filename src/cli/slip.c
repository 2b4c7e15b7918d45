/*
 * slip.c: yibao claim slip KEY [--encoding gb18030|utf-8] [-o FILE |
 * --print]: the one-statement slip (一单制结算单) of a saved claim.
 *
 * Where it goes decides its default encoding: a file or a printer gets
 * GB18030 (what office dot-matrix printers in China take), standard output
 * gets the terminal's encoding (the locale's).  Conversion is strict: a
 * character the encoding cannot represent is an error, never a '?'.  A
 * file is written whole or not at all; the printer is the command in
 * YIBAO_PRINT_COMMAND, else lp.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "i18n.h"
#include "io/encode.h"
#include "io/out.h"
#include "io/slip.h"
#include "ops/claim.h"

#define DEFAULT_PRINT_COMMAND "lp"
#define PRINTER_ENCODING "GB18030"

struct slip_args {
	const char *key;
	const char *encoding;	/* NULL: by destination */
	const char *output;	/* -o FILE */
	int print;
};

static int
parse_args(int argc, char **argv, struct slip_args *a)
{
	static const struct option longopts[] = {
		{ "encoding", required_argument, NULL, 'e' },
		{ "output", required_argument, NULL, 'o' },
		{ "print", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;	/* glibc: start over; options may follow the key */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': a->encoding = optarg; break;
		case 'o': a->output = optarg; break;
		case 'p': a->print = 1; break;
		default:
			cli_error(_("claim slip: unknown or incomplete option "
			    "%s; see yibao --help"), argv[optind - 1]);
			return -1;
		}
	}
	if (optind + 1 != argc) {
		cli_error(_("claim slip needs exactly one claim number, such "
		    "as 370402-S00000001; see yibao --help"));
		return -1;
	}
	a->key = argv[optind];
	if (a->output != NULL && a->print) {
		cli_error(_("claim slip: give -o FILE or --print, not both"));
		return -1;
	}
	if (a->output != NULL && a->output[0] == '\0') {
		cli_error(_("claim slip: -o needs a file name"));
		return -1;
	}
	return 0;
}

/* The iconv name of --encoding: gb18030 or utf-8 (either case). */
static const char *
charset_of(const struct slip_args *a)
{
	const char *e = a->encoding;

	if (e == NULL)
		return a->output != NULL || a->print ? PRINTER_ENCODING
		    : out_codeset();
	if (strcasecmp(e, "gb18030") == 0)
		return "GB18030";
	if (strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0)
		return "UTF-8";
	cli_error(_("claim slip: --encoding must be gb18030 or utf-8, not "
	    "\"%s\""), e);
	return NULL;
}

static int
to_stdout(const char *data, size_t len)
{
	if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
		cli_error(_("claim slip: cannot write to standard output: %s"),
		    strerror(errno));
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static int
to_printer(const char *data, size_t len)
{
	const char *cmd = getenv("YIBAO_PRINT_COMMAND");
	int status;

	if (cmd == NULL || cmd[0] == '\0')
		cmd = DEFAULT_PRINT_COMMAND;
	if (slip_print(cmd, data, len, &status) == 0)
		return EXIT_OK;
	if (status == -1)
		cli_error(_("claim slip: cannot run the print command \"%s\": "
		    "%s"), cmd, strerror(errno));
	else
		cli_error(_("claim slip: the print command \"%s\" failed with "
		    "status %d; check the printer, or set YIBAO_PRINT_COMMAND"),
		    cmd, status);
	return EXIT_INVALID;
}

/* Encode the slip and send it where the words say. */
static int
deliver(const struct slip_args *a, const char *charset, const char *text)
{
	struct encode_error e;
	char *data, msg[256];
	size_t len;
	int rc;

	if (encode_to(charset, text, strlen(text), &data, &len, &e) != 0) {
		cli_error(_("claim slip: %s; nothing was written (choose "
		    "another encoding with --encoding)"),
		    encode_strerror(&e, msg, sizeof msg));
		return EXIT_INVALID;
	}
	if (a->output != NULL) {
		rc = EXIT_OK;
		if (slip_write_file(a->output, data, len) != 0) {
			cli_error(_("claim slip: cannot write %s: %s"),
			    a->output, strerror(errno));
			rc = EXIT_INVALID;
		}
	} else if (a->print)
		rc = to_printer(data, len);
	else
		rc = to_stdout(data, len);
	free(data);
	return rc;
}

int
claim_slip(struct cli *cli, int argc, char **argv)
{
	struct slip_args a;
	struct ops_session s;
	struct ops_error err;
	struct claim_view *v;
	struct policy *pol = NULL;
	const char *charset;
	char *text;
	int rc;

	if (parse_args(argc, argv, &a) != 0 ||
	    (charset = charset_of(&a)) == NULL)
		return EXIT_USAGE;
	if ((v = calloc(1, sizeof *v)) == NULL)
		return EXIT_INVALID;
	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK) {
		free(v);
		return rc;
	}
	if (ops_claim_view(&s, a.key, v, &pol, &err) != OPS_OK) {
		cli_error("%s", err.msg);
		rc = cli_exit_status(err.status);
		goto out;
	}
	/* The slip leaves the office: the ID number is masked (issue 5). */
	if ((text = slip_render(v, pol, 1)) == NULL) {
		cli_error("%s", _("out of memory"));
		rc = EXIT_INVALID;
		goto out;
	}
	rc = deliver(&a, charset, text);
	free(text);
out:
	free(pol);
	free(v);
	cli_session_close(&s);
	return rc;
}
