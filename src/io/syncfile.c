/* syncfile.c: seal, read and check the envelope of a night-sync file. */
#include "config.h"

#include "io/syncfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

/* Little-endian, whatever the machine: the file travels between them. */
static void
put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
get64(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static void
put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/*
 * The header (yibao-sync(5)):
 *   0  8  magic "YIBAOSYN"      56  8  seq
 *   8  4  format (1)            64  8  base
 *  12  4  kind                  72  8  payload length
 *  16  4  schema version        80 32  SHA-256 of the payload
 *  20  4  header length (176)  112 64  Ed25519 signature of bytes 0-111
 *  24 16  from (NUL-padded)
 *  40 16  to
 */
#define OFF_FORMAT	8
#define OFF_KIND	12
#define OFF_SCHEMA	16
#define OFF_HLEN	20
#define OFF_FROM	24
#define OFF_TO		40
#define OFF_SEQ		56
#define OFF_BASE	64
#define OFF_LENGTH	72
#define OFF_SHA		80
#define OFF_SIG		112

static int
code_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 16)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
			return 0;
	return 1;
}

int
syncfile_payload_add(struct syncfile_payload *p, int64_t seq,
    const void *data, size_t len)
{
	size_t need = p->len + 16 + len;

	if (need > p->cap) {
		size_t cap = p->cap ? p->cap : 4096;
		unsigned char *b;

		while (cap < need)
			cap *= 2;
		if ((b = realloc(p->buf, cap)) == NULL)
			return -1;
		p->buf = b;
		p->cap = cap;
	}
	syncfile_part_head(p->buf + p->len, seq, len);
	if (len > 0)
		memcpy(p->buf + p->len + 16, data, len);
	p->len = need;
	return 0;
}

void
syncfile_payload_free(struct syncfile_payload *p)
{
	free(p->buf);
	memset(p, 0, sizeof *p);
}

int
syncfile_part_next(const unsigned char *payload, size_t len, size_t *off,
    struct syncfile_part *part)
{
	uint64_t n;

	if (*off == len)
		return 0;
	if (len - *off < 16)
		return -1;
	part->seq = (int64_t)get64(payload + *off);
	n = get64(payload + *off + 8);
	if (n > len - *off - 16 || n > INT_MAX || part->seq < 0)
		return -1;
	part->data = payload + *off + 16;
	part->len = (size_t)n;
	*off += 16 + (size_t)n;
	return 1;
}

static int
hex_decode(const char *hex, unsigned char *out, size_t outlen)
{
	size_t bin = 0;

	if (strlen(hex) != outlen * 2)
		return -1;
	if (sodium_hex2bin(out, outlen, hex, outlen * 2, NULL, &bin, NULL) != 0
	    || bin != outlen)
		return -1;
	return 0;
}

int
syncfile_pk_valid(const char *s)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];

	return s != NULL && hex_decode(s, pk, sizeof pk) == 0;
}

/*
 * The header of a payload of `len` bytes whose SHA-256 is `sha`, signed
 * with the secret key (hex) into b[0..SYNCFILE_HEADER).  0 ok, -1 a bad
 * key or a payload too long.
 */
static int
seal_header(unsigned char *b, const struct syncfile *h, uint64_t len,
    const unsigned char sha[32], const char *sk_hex)
{
	unsigned char sk[crypto_sign_SECRETKEYBYTES];

	if (sodium_init() < 0 || hex_decode(sk_hex, sk, sizeof sk) != 0 ||
	    len > SYNCFILE_MAX)
		return -1;
	memset(b, 0, SYNCFILE_HEADER);
	memcpy(b, SYNCFILE_MAGIC, 8);
	put32(b + OFF_FORMAT, SYNCFILE_FORMAT);
	put32(b + OFF_KIND, (uint32_t)h->kind);
	put32(b + OFF_SCHEMA, (uint32_t)h->schema);
	put32(b + OFF_HLEN, SYNCFILE_HEADER);
	memcpy(b + OFF_FROM, h->from, strnlen(h->from, 16));
	memcpy(b + OFF_TO, h->to, strnlen(h->to, 16));
	put64(b + OFF_SEQ, (uint64_t)h->seq);
	put64(b + OFF_BASE, (uint64_t)h->base);
	put64(b + OFF_LENGTH, len);
	memcpy(b + OFF_SHA, sha, 32);
	crypto_sign_detached(b + OFF_SIG, NULL, b, SYNCFILE_SIGNED, sk);
	sodium_memzero(sk, sizeof sk);
	return 0;
}

int
syncfile_seal(const struct syncfile *h, const unsigned char *payload,
    size_t len, const char *sk_hex, unsigned char **out, size_t *outlen)
{
	unsigned char sha[32], *b;

	if ((uint64_t)len > SYNCFILE_MAX ||
	    (b = calloc(1, SYNCFILE_HEADER + len + 1)) == NULL)
		return -1;
	crypto_hash_sha256(sha, payload, len);
	if (seal_header(b, h, len, sha, sk_hex) != 0) {
		free(b);
		return -1;
	}
	if (len > 0)
		memcpy(b + SYNCFILE_HEADER, payload, len);
	*out = b;
	*outlen = SYNCFILE_HEADER + len;
	return 0;
}

void
syncfile_part_head(unsigned char out[16], int64_t seq, size_t len)
{
	put64(out, (uint64_t)seq);
	put64(out + 8, (uint64_t)len);
}

enum syncfile_status
syncfile_parse(const unsigned char *buf, size_t n, struct syncfile *h)
{
	unsigned char sha[32];
	uint32_t kind;

	memset(h, 0, sizeof *h);
	if (n < 8 || memcmp(buf, SYNCFILE_MAGIC, 8) != 0)
		return SYNCFILE_NOT_SYNC;
	if (n < SYNCFILE_HEADER)
		return SYNCFILE_SHORT;
	if (get32(buf + OFF_FORMAT) != SYNCFILE_FORMAT)
		return SYNCFILE_FORMAT_NEW;
	if (get32(buf + OFF_HLEN) != SYNCFILE_HEADER)
		return SYNCFILE_BAD_HEADER;
	h->length = get64(buf + OFF_LENGTH);
	/* Length first: SQLite must never see a cut changeset. */
	if (h->length > SYNCFILE_MAX || n - SYNCFILE_HEADER < h->length)
		return SYNCFILE_SHORT;
	if (n - SYNCFILE_HEADER > h->length)
		return SYNCFILE_LONG;
	if (sodium_init() < 0)
		return SYNCFILE_IO;
	crypto_hash_sha256(sha, buf + SYNCFILE_HEADER, (size_t)h->length);
	if (memcmp(sha, buf + OFF_SHA, 32) != 0)
		return SYNCFILE_HASH;
	kind = get32(buf + OFF_KIND);
	h->kind = (enum syncfile_kind)kind;
	h->schema = (int)get32(buf + OFF_SCHEMA);
	memcpy(h->from, buf + OFF_FROM, 16);
	memcpy(h->to, buf + OFF_TO, 16);
	h->seq = (int64_t)get64(buf + OFF_SEQ);
	h->base = (int64_t)get64(buf + OFF_BASE);
	memcpy(h->sha256, buf + OFF_SHA, 32);
	memcpy(h->sig, buf + OFF_SIG, 64);
	h->payload = buf + SYNCFILE_HEADER;
	if ((kind != SYNCFILE_OFFICE && kind != SYNCFILE_HUB) ||
	    !code_ok(h->from) || !code_ok(h->to) || h->seq < 0 ||
	    h->base < 0 || h->schema <= 0)
		return SYNCFILE_BAD_HEADER;
	return SYNCFILE_OK;
}

enum syncfile_status
syncfile_verify(const unsigned char *buf, const char *pk_hex)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];

	if (sodium_init() < 0 || hex_decode(pk_hex, pk, sizeof pk) != 0)
		return SYNCFILE_SIGNATURE;
	return crypto_sign_verify_detached(buf + OFF_SIG, buf, SYNCFILE_SIGNED,
	    pk) == 0 ? SYNCFILE_OK : SYNCFILE_SIGNATURE;
}

enum syncfile_status
syncfile_read(const char *path, unsigned char **out, size_t *n)
{
	struct stat sb;
	unsigned char *b;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return SYNCFILE_IO;
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return SYNCFILE_IO;
	}
	if (!S_ISREG(sb.st_mode) ||
	    (uint64_t)sb.st_size > SYNCFILE_HEADER + SYNCFILE_MAX) {
		close(fd);
		errno = S_ISREG(sb.st_mode) ? EFBIG : EINVAL;
		return SYNCFILE_IO;
	}
	if ((b = malloc((size_t)sb.st_size + 1)) == NULL) {
		close(fd);
		return SYNCFILE_IO;
	}
	while (got < (size_t)sb.st_size) {
		ssize_t r = read(fd, b + got, (size_t)sb.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*out = b;
	*n = got;
	return SYNCFILE_OK;
}

/* "PATH.part", opened for writing (0600: the file holds personal data). */
static int
open_part(const char *path, char **tmp)
{
	size_t len = strlen(path);
	int fd;

	if ((*tmp = malloc(len + 8)) == NULL)
		return -1;
	snprintf(*tmp, len + 8, "%s.part", path);
	if ((fd = open(*tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0) {
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

static int
write_all(int fd, const void *data, size_t n)
{
	const unsigned char *b = data;
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(fd, b + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	return 0;
}

/*
 * ok: sync fd to disk and rename tmp to path; else (or if that fails)
 * remove tmp.  Frees tmp, keeps errno.
 */
static enum syncfile_status
close_part(int fd, char *tmp, const char *path, int ok)
{
	int saved;

	if (ok && fsync(fd) == 0) {
		if (close(fd) == 0 && rename(tmp, path) == 0) {
			free(tmp);
			return SYNCFILE_OK;
		}
	} else {
		saved = errno;
		close(fd);
		errno = saved;
	}
	saved = errno;
	unlink(tmp);
	free(tmp);
	errno = saved;
	return SYNCFILE_IO;
}

enum syncfile_status
syncfile_write(const char *path, const unsigned char *buf, size_t n)
{
	char *tmp;
	int fd;

	if ((fd = open_part(path, &tmp)) < 0)
		return SYNCFILE_IO;
	return close_part(fd, tmp, path, write_all(fd, buf, n) == 0);
}

enum syncfile_status
syncfile_write_sealed(const char *path, struct syncfile *h,
    const struct syncfile_piece *piece, size_t n, const char *sk_hex)
{
	crypto_hash_sha256_state st;
	unsigned char head[SYNCFILE_HEADER];
	uint64_t len = 0;
	char *tmp;
	int fd, ok = 1;

	if (sodium_init() < 0)
		return SYNCFILE_SIGNATURE;
	crypto_hash_sha256_init(&st);
	for (size_t i = 0; i < n; i++) {
		crypto_hash_sha256_update(&st, piece[i].data, piece[i].len);
		len += piece[i].len;
	}
	crypto_hash_sha256_final(&st, h->sha256);
	h->length = len;
	if (seal_header(head, h, len, h->sha256, sk_hex) != 0)
		return SYNCFILE_SIGNATURE;
	if ((fd = open_part(path, &tmp)) < 0)
		return SYNCFILE_IO;
	ok = write_all(fd, head, sizeof head) == 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = write_all(fd, piece[i].data, piece[i].len) == 0;
	return close_part(fd, tmp, path, ok);
}

int
syncfile_keypair(char pk_hex[SYNCFILE_PK_HEX + 1],
    char sk_hex[SYNCFILE_SK_HEX + 1])
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char sk[crypto_sign_SECRETKEYBYTES];

	if (sodium_init() < 0 || crypto_sign_keypair(pk, sk) != 0)
		return -1;
	sodium_bin2hex(pk_hex, SYNCFILE_PK_HEX + 1, pk, sizeof pk);
	sodium_bin2hex(sk_hex, SYNCFILE_SK_HEX + 1, sk, sizeof sk);
	sodium_memzero(sk, sizeof sk);
	return 0;
}

void
syncfile_sha256_hex(const unsigned char *data, size_t len, char out[65])
{
	unsigned char sha[32];

	crypto_hash_sha256(sha, data, len);
	syncfile_hex32(sha, out);
}

void
syncfile_hex32(const unsigned char sha[32], char out[65])
{
	sodium_bin2hex(out, 65, sha, 32);
}
