/*
 * payment.h: the payment table (append-only: payments, refunds, reversals)
 * and what paying needs to read about a person.
 */
#ifndef YIBAO_DB_PAYMENT_H
#define YIBAO_DB_PAYMENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/policy.h"
#include "db/db.h"

/* One line of the payment table, as stored. */
struct db_payment {
	char key[48];
	char receipt[40];
	int line;
	char kind[12];			/* payment, refund, reversal */
	char id_number[19];
	int benefit_year;
	int64_t standard;		/* fen */
	int64_t subsidy;
	char subsidy_category[32];	/* "" = none */
	int64_t amount;
	int late;
	char benefits_from[11];		/* "" = none */
	int inpatient_only;
	char cancels[48];		/* "" = none */
	char reason[128];		/* "" = none */
	char paid_on[11];
	char at[24];
	char operator_login[33];
	char site[17];
	char policy_id[64];
	char policy_hash[65];
	char name[97];			/* read only: the resident's name */
};

/* What a payment needs to know of a person. */
struct db_pay_person {
	char id_number[19];
	char name[97];
	char birth[11];
	char residence[8];
	char village[97];
	char status[8];			/* active, ended */
	char ended_on[11];
	char end_reason[12];
	char household[48];		/* the current household's key, "" none */
	char household_number[48];
	char household_site[17];	/* the office whose number it is */
};

/* 0 found, 1 no such resident, -1 error. */
int db_payment_person(struct db *db, const char *id_number,
    struct db_pay_person *out);


/* 0 written, 1 refused by a constraint (a line cancelled twice), -1 error. */
int db_payment_insert(struct db *db, const struct db_payment *p);

/* 0 found, 1 absent, -1 error. */
int db_payment_get(struct db *db, const char *key, struct db_payment *out);

/*
 * Lines as a newly allocated array (free() it), in key order:
 * a receipt's lines, or every line of a person (all years, so refunds and
 * reversals made later are there too).  0 ok, -1 error.
 */
int db_payment_by_receipt(struct db *db, const char *receipt,
    struct db_payment **out, size_t *n);
int db_payment_by_person(struct db *db, const char *id_number,
    struct db_payment **out, size_t *n);

/* The line cancelling `key`: 0 found (into *out), 1 none, -1 error. */
int db_payment_canceller(struct db *db, const char *key,
    struct db_payment *out);

#endif
