/*
 * encode.h: strict conversion between UTF-8 (inside the program) and the
 * encodings of files and printers (GB18030 above all), through iconv.
 *
 * Strict: a character the target cannot represent, or input that is not
 * valid in its own encoding, is an error that names the character and its
 * byte offset in the input, never a '?' (issue 5: a slip must not print
 * a question mark for a name).  out.h's terminal output is the lenient one.
 *
 * Two levels: encode_to() converts a whole text in memory; an encoder
 * converts a stream in chunks of any size (a character cut between two
 * chunks is carried over), for rosters read and written in either
 * direction.
 */
#ifndef YIBAO_IO_ENCODE_H
#define YIBAO_IO_ENCODE_H

#include <stddef.h>
#include <stdint.h>

enum encode_status {
	ENCODE_OK = 0,
	ENCODE_UNMAPPABLE,	/* valid input the target cannot represent */
	ENCODE_INVALID,		/* the input is not valid in its encoding */
	ENCODE_TRUNCATED,	/* the input ends inside a character */
	ENCODE_CHARSET,		/* iconv does not know the encoding */
	ENCODE_NOMEM
};

struct encode_error {
	enum encode_status status;
	size_t offset;		/* bytes into the whole input (all chunks) */
	uint32_t cp;		/* the character (UNMAPPABLE from UTF-8), else 0 */
	char text[16];		/* it as UTF-8, or its bytes as "\xNN\xNN" */
	char charset[32];	/* the encoding that could not take it (or unknown) */
};

/*
 * Convert `len` bytes of UTF-8 to `charset` ("GB18030", "UTF-8", ...).
 * *out gets a malloc'd buffer of *outlen bytes plus a NUL (free it).
 * Returns 0, or -1 with *e filled and *out NULL.  A charset with "//"
 * (//TRANSLIT, //IGNORE) is refused: it would give up strictness.
 */
int encode_to(const char *charset, const char *utf8, size_t len, char **out,
    size_t *outlen, struct encode_error *e);

/* The reverse: `len` bytes in `charset` to UTF-8, just as strict. */
int encode_from(const char *charset, const char *in, size_t len, char **out,
    size_t *outlen, struct encode_error *e);

/* A translated sentence saying what went wrong and where; returns buf. */
char *encode_strerror(const struct encode_error *e, char *buf, size_t len);

/* ---- streams ------------------------------------------------------------ */

struct encoder;

/* A growing output buffer the encoder appends to; start it zeroed. */
struct encode_buf {
	char *data;
	size_t len, cap;
};

/* NULL with *e filled (ENCODE_CHARSET, ENCODE_NOMEM). */
struct encoder *encoder_open(const char *to, const char *from,
    struct encode_error *e);

/*
 * Convert one chunk, appending to *out.  A character cut at the end of the
 * chunk waits for the next one; `last` says there is none (then a cut
 * character is ENCODE_TRUNCATED).  0 ok, -1 with *e filled; after an error
 * the encoder is spent: close it.
 */
int encoder_feed(struct encoder *enc, const char *in, size_t len, int last,
    struct encode_buf *out, struct encode_error *e);

void encoder_close(struct encoder *enc);

void encode_buf_free(struct encode_buf *b);

#endif
