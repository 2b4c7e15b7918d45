/*
 * text.h: display columns of UTF-8 text, for aligned lists on a terminal:
 * a Hanzi takes two columns, a combining mark none (DESIGN.md: field widths
 * count display columns, never bytes).  Independent of the locale.
 */
#ifndef YIBAO_TEXT_H
#define YIBAO_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* What text_decode gives for a byte that starts no valid character. */
#define TEXT_INVALID 0x110000u

/*
 * Decode the character at utf8 (not at its end): returns its length in
 * bytes, 1 with *cp = TEXT_INVALID for an invalid byte.
 */
int text_decode(const char *utf8, uint32_t *cp);

/* Encode a code point as UTF-8 (surrogates and beyond U+10FFFF as U+FFFD);
 * returns the length, 1 to 4. */
int text_encode(uint32_t cp, char out[4]);

/* Columns of one code point: 0, 1 or 2. */
int text_cp_width(uint32_t cp);

/* Columns of a UTF-8 string; an invalid byte counts as one column. */
int text_width(const char *utf8);

/*
 * Copy `utf8` into out, cut to at most `cols` columns (never inside a
 * character) and padded with spaces to exactly `cols`; with right != 0 the
 * padding goes first.  Returns out.
 */
char *text_pad(const char *utf8, int cols, int right, char *out,
    size_t outsz);

#endif
