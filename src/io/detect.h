/*
 * detect.h: which encoding a roster file is in (issue 6, "Encodings").
 *
 * A byte-order mark first: UTF-8 (EF BB BF) or GB18030 (84 31 95 33);
 * UTF-16 (FF FE, FE FF) is refused.  Otherwise the whole file is checked:
 * strictly valid UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF) is UTF-8; else strictly valid GB18030 is GB18030, a lone 0x80
 * byte counting as the euro sign as Windows (code page 936) writes it;
 * else the file is refused, naming the line and byte offset of the first
 * byte that fits neither.  Never per field.  A forced encoding
 * (--encoding) is checked the same way.
 *
 * The detector is fed the file in chunks (memory stays flat); the GB18030
 * filter then turns each lone 0x80 into A2 E3, the GB18030 euro sign,
 * because glibc's iconv refuses a lone 0x80 (checked with glibc 2.36).
 */
#ifndef YIBAO_IO_DETECT_H
#define YIBAO_IO_DETECT_H

#include <stddef.h>
#include <stdint.h>

enum detect_enc {
	DETECT_UTF8,
	DETECT_GB18030,
	DETECT_UTF16,		/* refused: save the file as CSV */
	DETECT_INVALID		/* neither: bad_* say where */
};

/* One validator's progress: a character may be cut between chunks. */
struct detect_scan {
	int need;		/* bytes still expected in this character */
	int pos;		/* bytes of it seen */
	unsigned char first[4];
	int bad;		/* a bad byte was seen */
	uint64_t bad_offset;	/* of the character's first byte, from 0 */
	long bad_line;		/* from 1 */
};

struct detect {
	unsigned char head[4];	/* the first bytes, for the mark */
	size_t nhead;
	uint64_t offset;	/* bytes fed */
	long line;
	struct detect_scan u8, gb;
};

struct detect_result {
	enum detect_enc enc;
	size_t bom;		/* bytes of byte-order mark to skip */
	uint64_t bad_offset;	/* DETECT_INVALID: byte offset from 0 */
	long bad_line;		/* and its line, from 1 */
};

void detect_init(struct detect *d);
void detect_feed(struct detect *d, const void *data, size_t len);

/*
 * The verdict.  `force`: NULL to detect, else "utf-8" or "gb18030" (any
 * case, "utf8", "gbk" too) to check the file as that encoding only.
 * Returns 0, or -1 when `force` names an unknown encoding.
 */
int detect_finish(struct detect *d, const char *force,
    struct detect_result *out);

/* The same over a buffer, for tests. */
int detect_buffer(const void *data, size_t len, const char *force,
    struct detect_result *out);

/* "UTF-8", "GB18030": the names iconv and messages use. */
const char *detect_name(enum detect_enc e);

/* GB18030 euro filter: a lone 0x80 becomes A2 E3.  Start it zeroed. */
struct gb_euro {
	int need;		/* bytes still to pass of the character */
	int lead;		/* 1: after a lead byte, length unknown */
};

/*
 * Filter `len` valid GB18030 bytes into out (room for 2 * len bytes);
 * returns the bytes written.
 */
size_t gb_euro_filter(struct gb_euro *g, const char *in, size_t len,
    char *out);

#endif
