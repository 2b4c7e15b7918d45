/*
 * slip.h: the one-statement settlement slip (一单制结算单): 80 columns of
 * plain text, every figure of RULES.md 5.5 with the parameter and pack
 * that produced it, and its encoding for a file or a printer.
 */
#ifndef YIBAO_SLIP_H
#define YIBAO_SLIP_H

#include <stddef.h>

#include "core/policy.h"
#include "ops/claim.h"

#define SLIP_WIDTH 80

/*
 * The slip of a saved claim, UTF-8, lines of at most SLIP_WIDTH display
 * columns, each ending in "\n".  mask_id: show 110105********002X.
 * Returns malloc'd text, NULL when out of memory.  Deterministic: the same
 * view and pack give the same bytes (no clock is read; the times are the
 * view's).  Labels go through gettext.
 */
char *slip_render(const struct claim_view *v, const struct policy *pol,
    int mask_id);

/*
 * Write `len` bytes to `path` whole or not at all: to PATH.tmp, flushed
 * to disk, then renamed over PATH.  0 ok; -1 with errno set (the .tmp
 * file removed).
 */
int slip_write_file(const char *path, const char *data, size_t len);

/*
 * Feed `len` bytes to the shell command `command` (popen).  Returns 0 when
 * it took them and exited 0; else -1 with *status the command's exit
 * status (or 127 / -1 when it could not run at all).
 */
int slip_print(const char *command, const char *data, size_t len,
    int *status);

#endif
