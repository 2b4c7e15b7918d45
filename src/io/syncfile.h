/*
 * syncfile.h: the envelope of a night-sync file (yibao-sync(5)): who wrote
 * it and for whom, its sequence numbers, the schema version, the length
 * and SHA-256 of the payload and an Ed25519 signature over all of that,
 * then the payload: one or more numbered changesets.  Everything is
 * checked before a byte of the payload is trusted.
 */
#ifndef YIBAO_IO_SYNCFILE_H
#define YIBAO_IO_SYNCFILE_H

#include <stddef.h>
#include <stdint.h>

#define SYNCFILE_MAGIC		"YIBAOSYN"
#define SYNCFILE_FORMAT		1
#define SYNCFILE_HEADER		176	/* bytes before the payload */
#define SYNCFILE_SIGNED		112	/* the bytes the signature covers */
#define SYNCFILE_MAX		((uint64_t)1 << 31)	/* 2 GiB: a changeset's limit */

#define SYNCFILE_PK_HEX		64	/* an Ed25519 public key in hex */
#define SYNCFILE_SK_HEX		128	/* the secret key (seed and public key) */

enum syncfile_kind {
	SYNCFILE_OFFICE = 1,	/* an office's day, for the hub */
	SYNCFILE_HUB = 2	/* the hub's changes, for one office */
};

struct syncfile {
	enum syncfile_kind kind;
	int schema;		/* the writer's schema version */
	char from[17];		/* who signed: office code, or the hub's */
	char to[17];		/* for whom: the hub's code, or the office's */
	int64_t seq;		/* office: the file's number (1, 2, ...);
				   hub: the last hub sequence inside */
	int64_t base;		/* office: the last hub sequence it applied;
				   hub: the sequence the file starts after */
	uint64_t length;	/* payload bytes */
	unsigned char sha256[32];
	unsigned char sig[64];
	const unsigned char *payload;	/* into the buffer parsed */
};

enum syncfile_status {
	SYNCFILE_OK = 0,
	SYNCFILE_NOT_SYNC,	/* no magic: not a sync file at all */
	SYNCFILE_FORMAT_NEW,	/* a newer envelope format */
	SYNCFILE_SHORT,		/* shorter than its header or its length */
	SYNCFILE_LONG,		/* bytes after the payload */
	SYNCFILE_HASH,		/* the payload is not what was signed */
	SYNCFILE_BAD_HEADER,	/* a kind or code that cannot be */
	SYNCFILE_SIGNATURE,	/* not signed by the key given */
	SYNCFILE_IO		/* read or write failed (errno) */
};

/* One numbered changeset of a payload. */
struct syncfile_part {
	int64_t seq;
	const unsigned char *data;
	size_t len;
};

/* A payload being built. */
struct syncfile_payload {
	unsigned char *buf;
	size_t len, cap;
};

int syncfile_payload_add(struct syncfile_payload *p, int64_t seq,
    const void *data, size_t len);
void syncfile_payload_free(struct syncfile_payload *p);

/*
 * Next part at *off of a payload: 1 one read, 0 the end, -1 malformed.
 */
int syncfile_part_next(const unsigned char *payload, size_t len, size_t *off,
    struct syncfile_part *part);

/*
 * Seal h (kind, schema, from, to, seq, base) and `payload` with the secret
 * key (hex) into a new buffer *out of *outlen bytes.  0 ok, -1 bad key or
 * no memory.
 */
int syncfile_seal(const struct syncfile *h, const unsigned char *payload,
    size_t len, const char *sk_hex, unsigned char **out, size_t *outlen);

/*
 * Read the envelope of buf: magic, format, lengths, header fields and the
 * payload's SHA-256 (not the signature, whose key depends on h->from).
 */
enum syncfile_status syncfile_parse(const unsigned char *buf, size_t n,
    struct syncfile *h);

/* The signature over buf's header by the public key (hex). */
enum syncfile_status syncfile_verify(const unsigned char *buf,
    const char *pk_hex);

/* A file whole into memory (at most SYNCFILE_HEADER + SYNCFILE_MAX). */
enum syncfile_status syncfile_read(const char *path, unsigned char **buf,
    size_t *n);

/*
 * Write buf to path through a temporary file beside it, synced to disk and
 * renamed: a cut leaves the old file or none, never half a file.
 */
enum syncfile_status syncfile_write(const char *path, const unsigned char *buf,
    size_t n);

/* One piece of a payload as it is written, in order. */
struct syncfile_piece {
	const void *data;
	size_t len;
};

/* The 16 bytes that open a part: its number and length (yibao-sync(5)). */
void syncfile_part_head(unsigned char out[16], int64_t seq, size_t len);

/*
 * Seal h over the payload made of the n pieces, in order, and write the
 * file to path as syncfile_write does: the same bytes as syncfile_seal
 * and syncfile_write, without a second copy of the payload or of the
 * file in memory (after a large import the night's file is hundreds of
 * megabytes).  Sets h->length and h->sha256.  SYNCFILE_SIGNATURE: a bad
 * key or a payload too long; SYNCFILE_IO: errno says why.
 */
enum syncfile_status syncfile_write_sealed(const char *path,
    struct syncfile *h, const struct syncfile_piece *piece, size_t n,
    const char *sk_hex);

/* A new key pair, in hex.  0 ok. */
int syncfile_keypair(char pk_hex[SYNCFILE_PK_HEX + 1],
    char sk_hex[SYNCFILE_SK_HEX + 1]);

/* 1 if s is a public key written in hex (64 digits). */
int syncfile_pk_valid(const char *s);

/* SHA-256 in hex. */
void syncfile_sha256_hex(const unsigned char *data, size_t len,
    char out[65]);
/* A SHA-256 already computed (h->sha256), in hex. */
void syncfile_hex32(const unsigned char sha[32], char out[65]);

#endif
