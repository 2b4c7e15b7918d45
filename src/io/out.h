/*
 * out.h: text to the terminal or a pipe.  Inside, everything is UTF-8
 * (gettext is bound to UTF-8 too); here it becomes the locale's encoding,
 * GB18030 in a zh_CN.GB18030 locale, so a clerk's terminal shows Hanzi.
 */
#ifndef YIBAO_OUT_H
#define YIBAO_OUT_H

#include <stdarg.h>
#include <stdio.h>

/* Once, after setlocale(): pick the conversion for the locale. */
void out_init(void);

/* printf to stdout / stderr, the format and arguments in UTF-8. */
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void err_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_vfprintf(FILE *fp, const char *fmt, va_list ap);

/*
 * Text from the outside (a command-line argument) in the locale's encoding,
 * as newly allocated UTF-8.  NULL when it is not valid in that encoding.
 */
char *in_to_utf8(const char *text);

/* The locale's encoding, as nl_langinfo(CODESET) names it. */
const char *out_codeset(void);

#endif
