/*
 * textfile.h: a whole CSV file as UTF-8 text, its encoding detected as a
 * roster's is (UTF-8 with or without a BOM, or GB18030).  For the files
 * worked in one transaction (a file of contributions, of claims), which
 * are read whole before anything is written.
 */
#ifndef YIBAO_IO_TEXTFILE_H
#define YIBAO_IO_TEXTFILE_H

#include <stddef.h>
#include <stdio.h>

/* A batch file is read whole; a million rows are under 200 MiB. */
#define TEXTFILE_MAX ((size_t)512 * 1024 * 1024)

/*
 * The text of `f` as UTF-8 (malloc'd, NUL-terminated, *len bytes) and its
 * encoding's name ("UTF-8", "GB18030") in enc.  NULL after a translated
 * sentence in why: unreadable, too large, UTF-16, neither encoding.
 */
char *textfile_read_utf8(FILE *f, size_t *len, char *enc, size_t encsz,
    char *why, size_t whysz);

#endif
