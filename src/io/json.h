/*
 * json.h: a small streaming JSON writer for --json output.  Non-ASCII text
 * is written as \uXXXX escapes, so the output is plain ASCII: valid UTF-8
 * whatever the terminal's encoding (GB18030 included), and safe to pipe.
 */
#ifndef YIBAO_JSON_H
#define YIBAO_JSON_H

#include <stdio.h>

#include "core/money.h"

#define JSON_DEPTH 16

struct json {
	FILE *fp;
	int depth;
	int count[JSON_DEPTH];	/* members written at each level */
};

/* Start writing to fp (stdout for a command's --json). */
void json_init(struct json *j, FILE *fp);

/* `key` is the member name inside an object, NULL inside an array or at the top. */
void json_object_begin(struct json *j, const char *key);
void json_object_end(struct json *j);
void json_array_begin(struct json *j, const char *key);
void json_array_end(struct json *j);
void json_string(struct json *j, const char *key, const char *utf8);	/* NULL -> null */
void json_int(struct json *j, const char *key, long long v);
void json_bool(struct json *j, const char *key, int v);
void json_null(struct json *j, const char *key);
/* Money as a string with two decimals, "1234.50", as the platform writes it. */
void json_money(struct json *j, const char *key, fen_t v);

/* Finish with a newline after the top-level value. */
void json_finish(struct json *j);

#endif
