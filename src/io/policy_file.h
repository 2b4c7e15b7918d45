/*
 * policy_file.h: find and read policy packs (man/yibao-policy.5).  A pack is
 * named by id (looked up in the policy directory) or by a path (anything
 * with a '/' or ending in .policy).  A parent named by `extends` is looked
 * up next to the file that names it, then in the policy directory.
 */
#ifndef YIBAO_POLICY_FILE_H
#define YIBAO_POLICY_FILE_H

#include "core/policy_load.h"

#define POLICY_FILE_MAX (1024 * 1024)	/* a pack is a few kilobytes */

/* $YIBAO_POLICY_DIR if set and not empty, else PKGDATADIR "/policy". */
const char *policy_dir(void);

/* 1 if `arg` names a file rather than an id. */
int policy_is_path(const char *arg);

/*
 * Load the pack `arg` (id or path) and what it extends into *p, and fill
 * p->text_hash (SHA-256 of the chain's texts, in chain order).
 * 0 ok; -1 no such pack or unreadable; -2 the pack is invalid.  Either
 * failure leaves the reasons in *errs.
 */
int policy_file_load(const char *arg, struct policy *p,
    struct policy_errors *errs);

/*
 * The ids of the packs in policy_dir(), sorted, as a NULL-terminated
 * array; NULL if the directory cannot be read.  Free with
 * policy_file_list_free().
 */
char **policy_file_list(void);
void policy_file_list_free(char **ids);

/*
 * The texts of a loaded pack's chain, read again from p->sources[i].file
 * and checked against p->text_hash, so that what a caller keeps (a claim
 * stores them) is what was loaded.  0 ok: texts[0..p->nsources-1] are
 * malloc'd, free them with policy_file_texts_free; -1 a file cannot be
 * read; -2 a file changed since the pack was loaded.
 */
int policy_file_texts(const struct policy *p, char *texts[SOURCE_MAX]);
void policy_file_texts_free(char *texts[SOURCE_MAX], int n);

/* SHA-256 hex of texts[0..n-1] in order, as policy_file_load hashes a chain. */
void policy_texts_hash(const char *const *texts, int n, char out[65]);

#endif
