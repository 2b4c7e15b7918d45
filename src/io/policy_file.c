/* policy_file.c: policy packs from files; the parsing is core/policy.c's. */
#include "io/policy_file.h"

#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/yibao"
#endif

static const char suffix[] = ".policy";
#define SUFFIX_LEN (sizeof suffix - 1)

const char *
policy_dir(void)
{
	const char *d = getenv("YIBAO_POLICY_DIR");

	return d != NULL && *d != '\0' ? d : PKGDATADIR "/policy";
}

static int
ends_with_suffix(const char *s)
{
	size_t n = strlen(s);

	return n > SUFFIX_LEN && strcmp(s + n - SUFFIX_LEN, suffix) == 0;
}

int
policy_is_path(const char *arg)
{
	return strchr(arg, '/') != NULL || ends_with_suffix(arg);
}

/*
 * The whole file as a NUL-terminated string, or NULL with errno set
 * (EFBIG when too large, EILSEQ when it holds a NUL byte).
 */
static char *
read_text(const char *path)
{
	FILE *fp;
	char *buf;
	size_t n;
	int e;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if ((buf = malloc(POLICY_FILE_MAX + 1)) == NULL) {
		fclose(fp);
		errno = ENOMEM;
		return NULL;
	}
	n = fread(buf, 1, POLICY_FILE_MAX + 1, fp);
	e = ferror(fp) ? EIO : n > POLICY_FILE_MAX ? EFBIG :
	    memchr(buf, '\0', n) != NULL ? EILSEQ : 0;
	fclose(fp);
	if (e != 0) {
		free(buf);
		errno = e;
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/* The texts of one chain, in the order policy_load() asks for them. */
struct chain {
	char *text[SOURCE_MAX];
	int n;
};

static void
chain_free(struct chain *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->text[i]);
	c->n = 0;
}

/* dir/id.policy into out; 0, or -1 if it does not fit. */
static int
pack_path(char *out, size_t sz, const char *dir, size_t dirlen,
    const char *id)
{
	int n = snprintf(out, sz, "%.*s/%s%s", (int)dirlen, dir, id, suffix);

	return n < 0 || (size_t)n >= sz ? -1 : 0;
}

static char *
try_read(struct chain *c, char *file, size_t sz, const char *dir,
    size_t dirlen, const char *id)
{
	char *text;

	if (pack_path(file, sz, dir, dirlen, id) != 0 ||
	    (text = read_text(file)) == NULL)
		return NULL;
	c->text[c->n++] = text;
	return text;
}

/* policy_fetch_fn: next to the file that extends, then the policy dir. */
static const char *
fetch(void *ctx, const char *id, const char *from_file, char *file,
    size_t filesz)
{
	struct chain *c = ctx;
	const char *slash = strrchr(from_file, '/');
	const char *text;

	if (c->n >= SOURCE_MAX)
		return NULL;
	if (slash != NULL &&
	    (text = try_read(c, file, filesz, from_file,
	    (size_t)(slash - from_file), id)) != NULL)
		return text;
	if (slash == NULL &&
	    (text = try_read(c, file, filesz, ".", 1, id)) != NULL)
		return text;
	return try_read(c, file, filesz, policy_dir(), strlen(policy_dir()),
	    id);
}

static void
hash_chain(struct policy *p, const struct chain *c)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;

	if (sodium_init() < 0) {
		p->text_hash[0] = '\0';
		return;
	}
	crypto_hash_sha256_init(&st);
	for (int i = 0; i < c->n; i++)
		crypto_hash_sha256_update(&st, (const unsigned char *)c->text[i],
		    strlen(c->text[i]));
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(p->text_hash, sizeof p->text_hash, h, sizeof h);
}

static const char *
read_error(int e)
{
	switch (e) {
	case ENOENT:
		return _("no such pack");
	case EFBIG:
		return _("file too large for a pack");
	case EILSEQ:
		return _("not a text file");
	default:
		return strerror(e);
	}
}

int
policy_file_load(const char *arg, struct policy *p,
    struct policy_errors *errs)
{
	struct chain c = { .n = 0 };
	char file[256];
	int by_id = !policy_is_path(arg), rc = 0;

	if (by_id) {
		if (pack_path(file, sizeof file, policy_dir(),
		    strlen(policy_dir()), arg) != 0) {
			policy_error_add(errs, arg, 0, "", "%s",
			    _("no such pack"));
			return -1;
		}
	} else
		snprintf(file, sizeof file, "%s", arg);
	if ((c.text[0] = read_text(file)) == NULL) {
		policy_error_add(errs, file, 0, "", "%s", read_error(errno));
		return -1;
	}
	c.n = 1;
	if (policy_load(p, c.text[0], file, fetch, &c, errs) != 0)
		rc = -2;
	else if (by_id && strcmp(p->id, arg) != 0) {
		policy_error_add(errs, file, 0, "id", _("the file for '%s' has "
		    "the id '%s'"), arg, p->id);
		rc = -2;
	} else
		hash_chain(p, &c);
	chain_free(&c);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
policy_file_list(void)
{
	DIR *d;
	struct dirent *e;
	char **ids = NULL, **grown;
	size_t n = 0, cap = 0, len;

	if ((d = opendir(policy_dir())) == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !ends_with_suffix(e->d_name))
			continue;
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 16;
			if ((grown = realloc(ids, cap * sizeof *ids)) == NULL)
				break;
			ids = grown;
		}
		len = strlen(e->d_name) - SUFFIX_LEN;
		if ((ids[n] = strndup(e->d_name, len)) != NULL)
			n++;
	}
	closedir(d);
	if (ids == NULL && (ids = calloc(1, sizeof *ids)) == NULL)
		return NULL;
	ids[n] = NULL;
	qsort(ids, n, sizeof *ids, cmp_str);
	return ids;
}

void
policy_file_list_free(char **ids)
{
	if (ids == NULL)
		return;
	for (char **i = ids; *i != NULL; i++)
		free(*i);
	free(ids);
}

void
policy_texts_hash(const char *const *texts, int n, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;

	out[0] = '\0';
	if (sodium_init() < 0)
		return;
	crypto_hash_sha256_init(&st);
	for (int i = 0; i < n; i++)
		crypto_hash_sha256_update(&st, (const unsigned char *)texts[i],
		    strlen(texts[i]));
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof h);
}

void
policy_file_texts_free(char *texts[SOURCE_MAX], int n)
{
	for (int i = 0; i < n && i < SOURCE_MAX; i++) {
		free(texts[i]);
		texts[i] = NULL;
	}
}

int
policy_file_texts(const struct policy *p, char *texts[SOURCE_MAX])
{
	char hash[65];
	int n = p->nsources;

	if (n < 1 || n > SOURCE_MAX)
		return -1;
	for (int i = 0; i < n; i++)
		if ((texts[i] = read_text(p->sources[i].file)) == NULL) {
			policy_file_texts_free(texts, i);
			return -1;
		}
	policy_texts_hash((const char *const *)texts, n, hash);
	if (strcmp(hash, p->text_hash) != 0) {
		policy_file_texts_free(texts, n);
		return -2;
	}
	return 0;
}
