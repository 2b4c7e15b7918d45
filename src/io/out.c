/* out.c: UTF-8 inside, the locale's encoding outside. */
#include "io/out.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *codeset = "UTF-8";
static int need_conversion;

void
out_init(void)
{
	codeset = nl_langinfo(CODESET);
	need_conversion = strcasecmp(codeset, "UTF-8") != 0 &&
	    strcasecmp(codeset, "utf8") != 0;
}

const char *
out_codeset(void)
{
	return codeset;
}

/*
 * Convert `len` bytes with iconv; characters the target cannot show (Hanzi
 * in the C locale) become '?', never a cut line.  Returns malloc'd text.
 */
static char *
convert(const char *from, const char *to, const char *in, size_t len,
    int strict)
{
	iconv_t cd;
	size_t cap = len * 4 + 16, left_in = len, left_out = cap;
	char *out, *src = (char *)in, *dst;

	if ((cd = iconv_open(to, from)) == (iconv_t)-1)
		return NULL;
	if ((out = malloc(cap + 1)) == NULL) {
		iconv_close(cd);
		return NULL;
	}
	dst = out;
	while (left_in > 0) {
		if (iconv(cd, &src, &left_in, &dst, &left_out) != (size_t)-1)
			continue;
		if (strict || errno == E2BIG || left_out == 0) {
			free(out);
			iconv_close(cd);
			return NULL;
		}
		/* EILSEQ or EINVAL: skip one byte, show '?'. */
		*dst++ = '?';
		left_out--;
		src++;
		left_in--;
	}
	iconv(cd, NULL, NULL, &dst, &left_out);	/* flush shift state */
	*dst = '\0';
	iconv_close(cd);
	return out;
}

void
out_vfprintf(FILE *fp, const char *fmt, va_list ap)
{
	char small[512], *text = small, *conv;
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) {
		if ((text = malloc((size_t)n + 1)) == NULL)
			return;
		vsnprintf(text, (size_t)n + 1, fmt, ap);
	}
	if (need_conversion &&
	    (conv = convert("UTF-8", codeset, text, (size_t)n, 0)) != NULL) {
		fputs(conv, fp);
		free(conv);
	} else
		fwrite(text, 1, (size_t)n, fp);
	if (text != small)
		free(text);
}

void
out_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vfprintf(stdout, fmt, ap);
	va_end(ap);
}

void
err_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	out_vfprintf(stderr, fmt, ap);
	va_end(ap);
}

char *
in_to_utf8(const char *text)
{
	if (!need_conversion)
		return strdup(text);
	return convert(codeset, "UTF-8", text, strlen(text), 1);
}
