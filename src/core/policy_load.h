/*
 * policy_load.h: turn policy-pack text into a struct policy
 * (man/yibao-policy.5).  The text is in memory: core/ reads no files.  A pack
 * that extends another gets its parent's text through a callback the caller
 * supplies (io/policy_file.c reads files; tests may hand over strings).
 */
#ifndef YIBAO_POLICY_LOAD_H
#define YIBAO_POLICY_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "core/policy.h"

/* One refusal: `FILE:LINE: KEY: message`.  line 0 / key "" when none. */
#define POLICY_ERR_MAX 32
struct policy_error {
	char file[256];
	int32_t line;
	char key[64];
	char msg[256];		/* translated, UTF-8 */
};

struct policy_errors {
	int n;			/* kept in e[] */
	int more;		/* found after e[] was full: counted, not kept */
	struct policy_error e[POLICY_ERR_MAX];
};

/*
 * Give the text of the pack `id`, which `from_file` extends.  Write the file
 * name to show in messages into `file` (at most filesz bytes, NUL included).
 * Return NULL when there is no such pack.  The text must stay valid until
 * policy_load() returns; the callback owns it.
 */
typedef const char *(*policy_fetch_fn)(void *ctx, const char *id,
    const char *from_file, char *file, size_t filesz);

/*
 * Resolve `text` (named `file` in messages) and the chain it extends into
 * *p, then validate the whole.  `fetch` may be NULL when nothing is
 * extended.  Returns 0, or -1 with every error found in *errs (and *p not to
 * be used).  p->text_hash is left empty: whoever has the bytes fills it.
 */
int policy_load(struct policy *p, const char *text, const char *file,
    policy_fetch_fn fetch, void *ctx, struct policy_errors *errs);

/* Append one error; fmt is printf-like (already translated). */
void policy_error_add(struct policy_errors *errs, const char *file,
    int32_t line, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* The [pack] id and extends of a text, without loading it ("" if none). */
void policy_peek(const char *text, char id[64], char extends[64]);

/*
 * Every resolved value of *p in pack syntax, in file order, for
 * `yibao policy show`: emit(ctx, section, key, value, where).  `where` is
 * the parameter (for its source and illustrative mark), or NULL for text
 * values (labels, names, category lists), which carry no line.  A call
 * with key NULL says the section exists even if nothing follows ([serious]
 * with no flags, a claim kind defined without values).
 */
typedef void (*policy_emit_fn)(void *ctx, const char *section,
    const char *key, const char *value, const struct param *where);
void policy_walk(const struct policy *p, policy_emit_fn emit, void *ctx);

#endif
