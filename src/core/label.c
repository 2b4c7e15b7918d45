/* label.c: codes and the words shown for them. */
#include "core/label.h"

#include <stddef.h>
#include <string.h>

#include "i18n.h"

const struct code_label *
code_label_find(const struct code_label *t, const char *code)
{
	for (; code != NULL && t->code != NULL; t++)
		if (strcmp(t->code, code) == 0)
			return t;
	return NULL;
}

const char *
code_label_raw(const struct code_label *t, const char *code)
{
	const struct code_label *c = code_label_find(t, code);

	return c ? c->label : code;
}

const char *
code_label_text(const struct code_label *t, const char *code)
{
	const struct code_label *c = code_label_find(t, code);

	return c ? _(c->label) : code ? code : "";
}
