/*
 * textfile.c: a whole file as UTF-8 (see textfile.h).  The same reading
 * and the same sentences as the claims file's, so a clerk meets one
 * wording for one problem.
 */
#include "config.h"

#include "io/textfile.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "io/detect.h"
#include "io/encode.h"

static char *
slurp(FILE *f, size_t *len, char *why, size_t whysz)
{
	char *buf = NULL, *q;
	size_t n = 0, cap = 0, got;

	do {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 1 << 20;
			if (cap > TEXTFILE_MAX ||
			    (q = realloc(buf, cap + 1)) == NULL) {
				free(buf);
				snprintf(why, whysz, "%s", _("the file is too "
				    "large for one batch: split it"));
				return NULL;
			}
			buf = q;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		free(buf);
		snprintf(why, whysz, "%s", _("the file could not be read"));
		return NULL;
	}
	*len = n;
	return buf;
}

char *
textfile_read_utf8(FILE *f, size_t *len, char *enc, size_t encsz, char *why,
    size_t whysz)
{
	struct detect_result dr;
	struct encode_error ee;
	char *buf, *out;
	size_t n, outlen;

	if ((buf = slurp(f, &n, why, whysz)) == NULL)
		return NULL;
	detect_buffer(buf, n, NULL, &dr);
	if (dr.enc == DETECT_UTF16 || dr.enc == DETECT_INVALID) {
		free(buf);
		if (dr.enc == DETECT_UTF16)
			snprintf(why, whysz, "%s", _("the file is UTF-16: save "
			    "it as CSV (UTF-8) again"));
		else
			snprintf(why, whysz, _("line %ld is neither UTF-8 nor "
			    "GB18030: save the file as CSV again"),
			    (long)dr.bad_line);
		return NULL;
	}
	snprintf(enc, encsz, "%s", detect_name(dr.enc));
	if (dr.enc == DETECT_UTF8) {
		memmove(buf, buf + dr.bom, n - dr.bom);
		*len = n - dr.bom;
		buf[*len] = '\0';
		return buf;
	}
	if (encode_from("GB18030", buf + dr.bom, n - dr.bom, &out, &outlen,
	    &ee) != 0) {
		free(buf);
		encode_strerror(&ee, why, whysz);
		return NULL;
	}
	free(buf);
	*len = outlen;
	return out;
}
