/*
 * offsite.c: yibao offsite file | list | revoke | receive | overdue:
 * off-site medical registrations (异地就医备案) and the migrant workers'
 * promised documents.  ID numbers are masked for clerks; --json gives the
 * same data.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/idcard.h"
#include "core/text.h"
#include "i18n.h"
#include "io/json.h"
#include "io/out.h"
#include "ops/offsite.h"
#include "ops/resident.h"

static int
usage(void)
{
	cli_error(_("usage: yibao offsite file ID --kind K --scope S "
	    "--dest-code C --dest-name N --from D --to D [--hospital H "
	    "--diagnosis X --reason R [--from-level L]] [--documents-due D] | "
	    "list ID [--all] [--json] | revoke KEY --reason TEXT | receive KEY "
	    "[--date D] | overdue [--json]"));
	return EXIT_USAGE;
}

enum {
	O_KIND = 1, O_SCOPE, O_DEST_CODE, O_DEST_NAME, O_FROM, O_TO,
	O_HOSPITAL, O_DIAGNOSIS, O_REASON, O_FROM_LEVEL, O_DOCUMENTS_DUE,
	O_DATE, O_ALL, O_JSON
};

#define BIT(x) (1u << (x))

struct oopts {
	const char *sub;
	const char *v[O_DATE + 1];	/* options with a value */
	int all, json;
	const char *pos;		/* the one positional: ID or KEY */
	struct cli_texts texts;
};

static void
oopts_free(struct oopts *o)
{
	cli_texts_free(&o->texts);
}

/* An argument in UTF-8, kept for oopts_free; NULL if not convertible. */
static const char *
u8(struct oopts *o, const char *in)
{
	return cli_text(&o->texts, in);
}

static int
parse(int argc, char **argv, struct oopts *o, unsigned allowed, int npos)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, O_KIND },
		{ "scope", required_argument, NULL, O_SCOPE },
		{ "dest-code", required_argument, NULL, O_DEST_CODE },
		{ "dest-name", required_argument, NULL, O_DEST_NAME },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "hospital", required_argument, NULL, O_HOSPITAL },
		{ "diagnosis", required_argument, NULL, O_DIAGNOSIS },
		{ "reason", required_argument, NULL, O_REASON },
		{ "from-level", required_argument, NULL, O_FROM_LEVEL },
		{ "documents-due", required_argument, NULL, O_DOCUMENTS_DUE },
		{ "date", required_argument, NULL, O_DATE },
		{ "all", no_argument, NULL, O_ALL },
		{ "json", no_argument, NULL, O_JSON },
		{ NULL, 0, NULL, 0 }
	};
	int c, n = 0;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c <= 0 || c > O_JSON || !(allowed & BIT(c))) {
			cli_error(_("offsite %s: unknown or incomplete option "
			    "%s; see yibao --help"), o->sub, argv[optind - 1]);
			return -1;
		}
		if (c == O_ALL)
			o->all = 1;
		else if (c == O_JSON)
			o->json = 1;
		else if ((o->v[c] = u8(o, optarg)) == NULL)
			return -1;
	}
	for (; optind < argc; optind++, n++) {
		if (n >= npos) {
			cli_error(_("offsite %s: unexpected argument %s"),
			    o->sub, argv[optind]);
			return -1;
		}
		if ((o->pos = u8(o, argv[optind])) == NULL)
			return -1;
	}
	if (n != npos) {
		usage();
		return -1;
	}
	return 0;
}

static int
do_file(struct cli *cli, struct oopts *o)
{
	struct offsite_input in = { o->pos, o->v[O_KIND], o->v[O_SCOPE],
	    o->v[O_DEST_CODE], o->v[O_DEST_NAME], o->v[O_FROM], o->v[O_TO],
	    o->v[O_HOSPITAL], o->v[O_DIAGNOSIS], o->v[O_REASON],
	    o->v[O_FROM_LEVEL], o->v[O_DOCUMENTS_DUE] };
	struct ops_session s;
	struct ops_error e;
	struct db_offsite r;
	struct db_resident p;
	char key[40], idb[19];
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_offsite_file(&s, &in, key, sizeof key, &e) != OPS_OK ||
	    ops_offsite_get(&s, key, &r, &e) != OPS_OK ||
	    ops_resident_get(&s, r.id_number, &p, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Filed %s: %s for %s (%s).\n"), r.key,
	    offsite_kind_label(r.kind), p.name, cli_shown_id(&s, p.id_number, idb));
	out_printf(_("Destination %s (%s), scope: %s, valid %s to %s.\n"),
	    r.dest_name, r.dest_code, offsite_scope_label(r.scope),
	    r.valid_from, r.valid_to);
	if (strcmp(r.kind, "referral") == 0)
		out_printf(_("Referred to %s, diagnosis %s.\n"), r.hospital,
		    r.diagnosis);
	if (r.documents_due[0])
		out_printf(_("Documents due by %s.\n"), r.documents_due);
	cli_session_close(&s);
	return EXIT_OK;
}

/* A table: rows of `ncols` cells, aligned in display columns. */
#define MAXCOLS 8

static void
print_table(const char **cell, int nrows, int ncols)
{
	int w[MAXCOLS] = { 0 };
	char pad[512];

	for (int r = 0; r < nrows; r++)
		for (int c = 0; c < ncols; c++)
			if (text_width(cell[r * ncols + c]) > w[c])
				w[c] = text_width(cell[r * ncols + c]);
	for (int r = 0; r < nrows; r++) {
		for (int c = 0; c < ncols - 1; c++)
			out_printf("%s  ", text_pad(cell[r * ncols + c], w[c],
			    0, pad, sizeof pad));
		out_printf("%s\n", cell[r * ncols + ncols - 1]);
	}
}

/* Text of the computed cells of one registration. */
struct list_cells {
	char dest[160];
	char docs[64];
};

static void
documents_cell(const struct db_offsite *r, struct date today, char *buf,
    size_t n)
{
	char day[DATE_BUFSZ];

	if (r->documents_received[0])
		snprintf(buf, n, _("received %s"), r->documents_received);
	else if (!r->documents_due[0])
		snprintf(buf, n, "-");
	else if (strcmp(r->documents_due, date_format(today, day)) < 0)
		snprintf(buf, n, _("overdue (due %s)"), r->documents_due);
	else
		snprintf(buf, n, _("due %s"), r->documents_due);
}

/* Referral details and revocations, after the table. */
static void
list_notes(const struct offsite_rows *rows)
{
	for (int i = 0; i < rows->n; i++) {
		const struct db_offsite *r = &rows->r[i];

		if (strcmp(r->kind, "referral") == 0 && r->from_level > 0)
			out_printf(_("%s: referred to %s, diagnosis %s, "
			    "reason: %s; sent by a level %d hospital.\n"),
			    r->key, r->hospital, r->diagnosis,
			    r->referral_reason, r->from_level);
		else if (strcmp(r->kind, "referral") == 0)
			out_printf(_("%s: referred to %s, diagnosis %s, "
			    "reason: %s.\n"), r->key, r->hospital,
			    r->diagnosis, r->referral_reason);
		if (strcmp(r->status, "revoked") == 0)
			out_printf(_("%s: revoked on %s: %s.\n"), r->key,
			    r->revoked_on, r->revoke_reason);
	}
}

static int
list_text(const struct ops_session *s, const struct db_resident *p,
    const struct offsite_rows *rows, int all)
{
	enum { NC = 8 };
	const char **cell;
	struct list_cells *lc;
	char idb[19];

	if (rows->n == 0) {
		out_printf(all ? _("%s (%s) has no off-site registration.\n") :
		    _("%s (%s) has no current off-site registration.\n"),
		    p->name, cli_shown_id(s, p->id_number, idb));
		return EXIT_OK;
	}
	cell = calloc((size_t)(rows->n + 1) * NC, sizeof *cell);
	lc = calloc((size_t)rows->n, sizeof *lc);
	if (cell == NULL || lc == NULL) {
		free(cell);
		free(lc);
		cli_error(_("out of memory"));
		return EXIT_INVALID;
	}
	out_printf(_("Off-site registrations of %s (%s)\n"), p->name,
	    cli_shown_id(s, p->id_number, idb));
	cell[0] = _("Key");
	cell[1] = _("Kind");
	cell[2] = _("Scope");
	cell[3] = _("Destination");
	cell[4] = _("From");
	cell[5] = _("To");
	cell[6] = _("Status");
	cell[7] = _("Documents");
	for (int i = 0; i < rows->n; i++) {
		const struct db_offsite *r = &rows->r[i];
		const char **row = cell + (i + 1) * NC;

		snprintf(lc[i].dest, sizeof lc[i].dest, "%s %s", r->dest_name,
		    r->dest_code);
		documents_cell(r, s->today, lc[i].docs, sizeof lc[i].docs);
		row[0] = r->key;
		row[1] = offsite_kind_label(r->kind);
		row[2] = offsite_scope_label(r->scope);
		row[3] = lc[i].dest;
		row[4] = r->valid_from;
		row[5] = r->valid_to;
		row[6] = offsite_status_label(offsite_status(r, s->today));
		row[7] = lc[i].docs;
	}
	print_table(cell, rows->n + 1, NC);
	list_notes(rows);
	free(cell);
	free(lc);
	return EXIT_OK;
}

static const char *
opt(const char *v)
{
	return v[0] ? v : NULL;
}

/* The members of one registration, shared by list and overdue. */
static void
json_registration(struct json *j, const struct db_offsite *r,
    struct date today)
{
	json_string(j, "key", r->key);
	json_string(j, "kind", r->kind);
	json_string(j, "scope", r->scope);
	json_string(j, "dest_code", r->dest_code);
	json_string(j, "dest_name", r->dest_name);
	json_string(j, "valid_from", r->valid_from);
	json_string(j, "valid_to", r->valid_to);
	json_string(j, "status", offsite_status(r, today));
	json_string(j, "hospital", opt(r->hospital));
	json_string(j, "diagnosis", opt(r->diagnosis));
	json_string(j, "referral_reason", opt(r->referral_reason));
	if (r->from_level > 0)
		json_int(j, "from_level", r->from_level);
	else
		json_null(j, "from_level");
	json_string(j, "documents_due", opt(r->documents_due));
	json_string(j, "documents_received", opt(r->documents_received));
	json_string(j, "revoked_on", opt(r->revoked_on));
	json_string(j, "revoke_reason", opt(r->revoke_reason));
	json_string(j, "operator", r->operator_login);
}

static void
list_json(const struct ops_session *s, const struct db_resident *p,
    const struct offsite_rows *rows)
{
	struct json j;
	char idb[19];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "id_number", cli_shown_id(s, p->id_number, idb));
	json_string(&j, "name", p->name);
	json_array_begin(&j, "registrations");
	for (int i = 0; i < rows->n; i++) {
		json_object_begin(&j, NULL);
		json_registration(&j, &rows->r[i], s->today);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
do_list(struct cli *cli, struct oopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct offsite_rows rows;
	struct db_resident p;
	char id[19];
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_offsite_list(&s, o->pos, o->all, id, &rows, &e) != OPS_OK)
		return cli_fail(&s, &e);
	if (ops_resident_get(&s, id, &p, &e) != OPS_OK) {
		offsite_rows_free(&rows);
		return cli_fail(&s, &e);
	}
	if (o->json)
		list_json(&s, &p, &rows);
	else
		rc = list_text(&s, &p, &rows, o->all);
	offsite_rows_free(&rows);
	cli_session_close(&s);
	return rc;
}

static int
do_revoke(struct cli *cli, struct oopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_offsite r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_offsite_revoke(&s, o->pos, o->v[O_REASON], &e) != OPS_OK ||
	    ops_offsite_get(&s, o->pos, &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("Revoked %s on %s: %s.\n"), r.key, r.revoked_on,
	    r.revoke_reason);
	cli_session_close(&s);
	return EXIT_OK;
}

static int
do_receive(struct cli *cli, struct oopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct db_offsite r;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_offsite_receive(&s, o->pos, o->v[O_DATE], &e) != OPS_OK ||
	    ops_offsite_get(&s, o->pos, &r, &e) != OPS_OK)
		return cli_fail(&s, &e);
	out_printf(_("The documents of %s were received on %s.\n"), r.key,
	    r.documents_received);
	cli_session_close(&s);
	return EXIT_OK;
}

/* Whole days from `due` to today. */
static long
days_late(const struct db_offsite *r, struct date today)
{
	struct date due;

	if (date_parse(r->documents_due, &due) != DATE_OK)
		return 0;
	return (long)date_to_days(today) - (long)date_to_days(due);
}

struct overdue_cells {
	char id[19];
	char dest[160];
	char days[32];
};

static int
overdue_text(const struct ops_session *s, const struct offsite_rows *rows)
{
	enum { NC = 6 };
	const char **cell;
	struct overdue_cells *oc;

	if (rows->n == 0) {
		out_printf(_("No migrant-work documents are overdue.\n"));
		return EXIT_OK;
	}
	cell = calloc((size_t)(rows->n + 1) * NC, sizeof *cell);
	oc = calloc((size_t)rows->n, sizeof *oc);
	if (cell == NULL || oc == NULL) {
		free(cell);
		free(oc);
		cli_error(_("out of memory"));
		return EXIT_INVALID;
	}
	cell[0] = _("Key");
	cell[1] = _("ID number");
	cell[2] = _("Name");
	cell[3] = _("Phone");
	cell[4] = _("Destination");
	cell[5] = _("Documents due");
	for (int i = 0; i < rows->n; i++) {
		const struct db_offsite *r = &rows->r[i];
		const char **row = cell + (i + 1) * NC;

		snprintf(oc[i].dest, sizeof oc[i].dest, "%s %s", r->dest_name,
		    r->dest_code);
		snprintf(oc[i].days, sizeof oc[i].days, "%s (%ld)",
		    r->documents_due, days_late(r, s->today));
		row[0] = r->key;
		row[1] = cli_shown_id(s, r->id_number, oc[i].id);
		row[2] = r->name;
		row[3] = r->phone[0] ? r->phone : "-";
		row[4] = oc[i].dest;
		row[5] = oc[i].days;
	}
	out_printf(_("Migrant workers' documents overdue (days late in "
	    "brackets):\n"));
	print_table(cell, rows->n + 1, NC);
	free(cell);
	free(oc);
	return EXIT_OK;
}

static void
overdue_json(const struct ops_session *s, const struct offsite_rows *rows)
{
	struct json j;
	char day[DATE_BUFSZ], idb[19];

	json_init(&j, stdout);
	json_object_begin(&j, NULL);
	json_string(&j, "today", date_format(s->today, day));
	json_array_begin(&j, "overdue");
	for (int i = 0; i < rows->n; i++) {
		const struct db_offsite *r = &rows->r[i];

		json_object_begin(&j, NULL);
		json_string(&j, "id_number", cli_shown_id(s, r->id_number, idb));
		json_string(&j, "name", r->name);
		json_string(&j, "phone", opt(r->phone));
		json_int(&j, "days_late", days_late(r, s->today));
		json_registration(&j, r, s->today);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	json_finish(&j);
}

static int
do_overdue(struct cli *cli, struct oopts *o)
{
	struct ops_session s;
	struct ops_error e;
	struct offsite_rows rows;
	int rc;

	if ((rc = cli_session_open(cli, &s, 0)) != EXIT_OK)
		return rc;
	if (ops_offsite_overdue(&s, &rows, &e) != OPS_OK)
		return cli_fail(&s, &e);
	if (o->json)
		overdue_json(&s, &rows);
	else
		rc = overdue_text(&s, &rows);
	offsite_rows_free(&rows);
	cli_session_close(&s);
	return rc;
}

int
cmd_offsite(struct cli *cli, int argc, char **argv)
{
	static const struct {
		const char *name;
		unsigned allowed;
		int npos;
		int (*fn)(struct cli *, struct oopts *);
	} subs[] = {
		{ "file", BIT(O_KIND) | BIT(O_SCOPE) | BIT(O_DEST_CODE) |
		    BIT(O_DEST_NAME) | BIT(O_FROM) | BIT(O_TO) |
		    BIT(O_HOSPITAL) | BIT(O_DIAGNOSIS) | BIT(O_REASON) |
		    BIT(O_FROM_LEVEL) | BIT(O_DOCUMENTS_DUE), 1, do_file },
		{ "list", BIT(O_ALL) | BIT(O_JSON), 1, do_list },
		{ "revoke", BIT(O_REASON), 1, do_revoke },
		{ "receive", BIT(O_DATE), 1, do_receive },
		{ "overdue", BIT(O_JSON), 0, do_overdue },
	};
	struct oopts o;
	int rc = EXIT_USAGE;

	if (argc < 2)
		return usage();
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		memset(&o, 0, sizeof o);
		o.sub = subs[i].name;
		if (parse(argc - 1, argv + 1, &o, subs[i].allowed,
		    subs[i].npos) == 0)
			rc = subs[i].fn(cli, &o);
		oopts_free(&o);
		return rc;
	}
	return usage();
}
