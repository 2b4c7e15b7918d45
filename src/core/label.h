/*
 * label.h: tables of the codes the database stores and the words people
 * read for them (rural -> 农村), shared by every op that shows a code.
 */
#ifndef YIBAO_LABEL_H
#define YIBAO_LABEL_H

struct code_label {
	const char *code;
	const char *label;	/* N_("English") for gettext, or fixed text */
};

/* The entry of `code` in a table ended by { NULL, NULL }; NULL if absent. */
const struct code_label *code_label_find(const struct code_label *t,
    const char *code);

/* The label as written in the table, or the code itself when unknown. */
const char *code_label_raw(const struct code_label *t, const char *code);

/* The label through gettext, or the code itself ("" for NULL) when unknown. */
const char *code_label_text(const struct code_label *t, const char *code);

#endif
