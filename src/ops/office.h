/* office.h: setting up an office: its code and its first administrator. */
#ifndef YIBAO_OPS_OFFICE_H
#define YIBAO_OPS_OFFICE_H

#include "ops/ops.h"

/* What ops_office_init changed. */
struct office_init_result {
	int site_set;		/* the code was recorded now */
	int admin_created;	/* the first administrator was created now */
	int key_created;	/* the signing key of the night sync, made now */
};

/*
 * Record the office code (once: a different code later is refused, since
 * every key carries it) and, when the office has no operator yet, create
 * the first administrator.  s->db must be open; s->now set.  One
 * transaction, audited.  `site` or `admin_login` may be NULL.
 */
enum ops_status ops_office_init(struct ops_session *s, const char *site,
    const char *admin_login, const char *admin_name, const char *password,
    struct office_init_result *res, struct ops_error *err);

/* The words of ops_office_init alone, before any file is touched. */
enum ops_status ops_office_check(const char *site, const char *admin_login,
    struct ops_error *err);

/* 1 if `code` is a valid office code: 1-16 of A-Z, a-z, 0-9. */
int office_code_valid(const char *code);

/* A login: 1-32 of a-z, 0-9, '.', '_', '-', starting with a letter. */
int operator_login_valid(const char *login);

#endif
