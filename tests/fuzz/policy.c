/*
 * policy.c (fuzz target): the policy-pack loader (core/policy_load.h) as
 * `yibao policy check` runs it, with the chain of `extends`.  The input is
 * one or more pack texts separated by a line "#=====" (a comment, so each
 * part is a pack on its own): the first is loaded, the others are the
 * packs it may extend, found by their [pack] id as io/policy_file.c finds
 * files.  A pack that loads is then walked as `yibao policy show` does.
 *
 * Invariants: a refusal names at least one error, each with its message;
 * a loaded pack's id is the one its text declares.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/policy_load.h"
#include "fuzz.h"

#define PARTS_MAX 8
#define SEPARATOR "\n#=====\n"

struct parts {
	int n;
	char *text[PARTS_MAX];
	char id[PARTS_MAX][64];
};

static const char *
fetch(void *ctx, const char *id, const char *from, char *file, size_t sz)
{
	struct parts *p = ctx;

	(void)from;
	for (int i = 1; i < p->n; i++)
		if (strcmp(p->id[i], id) == 0) {
			snprintf(file, sz, "part%d.policy", i);
			return p->text[i];
		}
	return NULL;
}

static void
emit(void *ctx, const char *section, const char *key, const char *value,
    const struct param *where)
{
	size_t *n = ctx;

	(void)where;
	FUZZ_ASSERT(section != NULL);
	*n += strlen(section) + (key ? strlen(key) : 0) +
	    (value ? strlen(value) : 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parts parts = { 0 };
	struct policy_errors errs;
	struct policy *pol;
	char *all = fuzz_string(data, size), *at = all, *sep, ext[64];
	size_t walked = 0;
	int rc;

	while (parts.n < PARTS_MAX) {
		parts.text[parts.n] = at;
		if ((sep = strstr(at, SEPARATOR)) == NULL) {
			parts.n++;
			break;
		}
		sep[1] = '\0';		/* the part ends with its newline */
		at = sep + strlen(SEPARATOR);
		parts.n++;
	}
	for (int i = 0; i < parts.n; i++)
		policy_peek(parts.text[i], parts.id[i], ext);
	if ((pol = calloc(1, sizeof *pol)) == NULL)
		abort();
	memset(&errs, 0, sizeof errs);
	rc = policy_load(pol, parts.text[0], "part0.policy", fetch, &parts,
	    &errs);
	FUZZ_ASSERT(rc == 0 || rc == -1);
	if (rc != 0) {
		FUZZ_ASSERT(errs.n > 0);
		for (int i = 0; i < errs.n; i++)
			FUZZ_ASSERT(errs.e[i].msg[0] != '\0');
	} else {
		FUZZ_ASSERT(errs.n == 0);
		FUZZ_ASSERT(strcmp(pol->id, parts.id[0]) == 0);
		policy_walk(pol, emit, &walked);
	}
	free(pol);
	free(all);
	return 0;
}
