/*
 * breakdown.c: a settlement as the JSON object of yibao trial and yibao
 * claim settle, with the national medical-insurance platform's field names.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/settle.h"
#include "io/out.h"

/* `s` (UTF-8) as a JSON string: quotes, backslash and control characters escaped. */
static void
json_string(const char *s)
{
	size_t n = strlen(s);
	char *buf = malloc(n * 6 + 3), *p = buf;

	if (buf == NULL)
		return;
	*p++ = '"';
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		switch (*c) {
		case '"':	*p++ = '\\'; *p++ = '"'; break;
		case '\\':	*p++ = '\\'; *p++ = '\\'; break;
		case '\b':	*p++ = '\\'; *p++ = 'b'; break;
		case '\f':	*p++ = '\\'; *p++ = 'f'; break;
		case '\n':	*p++ = '\\'; *p++ = 'n'; break;
		case '\r':	*p++ = '\\'; *p++ = 'r'; break;
		case '\t':	*p++ = '\\'; *p++ = 't'; break;
		default:
			if (*c < 0x20 || *c == 0x7f)
				p += sprintf(p, "\\u%04x", *c);
			else
				*p++ = (char)*c;
		}
	}
	*p++ = '"';
	*p = '\0';
	out_printf("%s", buf);
	free(buf);
}

static void
json_money(const char *key, fen_t v)
{
	char buf[MONEY_BUFSZ];

	out_printf("  \"%s\": \"%s\",\n", key, money_format(v, buf));
}

void
cli_print_breakdown(const char *claim_key, const struct settlement *s)
{
	char buf[MONEY_BUFSZ], note[512];

	out_printf("{\n");
	if (claim_key != NULL) {
		out_printf("  \"claim\": ");
		if (claim_key[0] != '\0')
			json_string(claim_key);
		else
			out_printf("null");	/* a dry run saves nothing */
		out_printf(",\n");
	}
	json_money("medfee_sumamt", s->total);
	json_money("fulamt_ownpay_amt", s->out_of_list);
	json_money("overlmt_selfpay", s->imported_excess);
	json_money("preselfpay_amt", s->imported_selfpay + s->class_b_selfpay);
	json_money("inscp_scp_amt", s->range);
	json_money("act_pay_dedc", s->deductible);
	out_printf("  \"hifp_ratio\": \"%s\",\n", percent_format(s->ratio, buf));
	json_money("hifp_pay", s->fund);
	json_money("hifmi_pay", s->serious);
	json_money("maf_pay", s->assistance);
	json_money("fund_pay_sumamt", s->fund + s->serious + s->assistance);
	json_money("psn_part_amt", s->personal);
	out_printf("  \"policy\": ");
	json_string(s->policy_id);
	out_printf(",\n  \"notes\": [");
	for (int i = 0; i < s->nnotes; i++) {
		out_printf("%s\n    ", i ? "," : "");
		json_string(settle_note_format(&s->note[i], note, sizeof note));
	}
	out_printf("%s]\n}\n", s->nnotes ? "\n  " : "");
}
