/* money.h: amounts in integer fen, percentages in basis points (RULES.md 1). */
#ifndef YIBAO_MONEY_H
#define YIBAO_MONEY_H

#include <stdint.h>

typedef int64_t fen_t;		/* 1 yuan = 100 fen; never a double */
typedef int32_t bp_t;		/* basis points: 1 % = 100, 100 % = 10000 */

/*
 * The largest amount the program accepts: 999,999,999,999.99 yuan.  Kept far
 * below INT64_MAX so that amount * 10000 (a share in basis points) and sums
 * of many amounts can never overflow.
 */
#define MONEY_MAX	((fen_t)99999999999999LL)
#define BP_MAX		((bp_t)10000)

/* Room for "-999999999999.99" and the terminating NUL. */
#define MONEY_BUFSZ	24

enum money_err {
	MONEY_OK = 0,
	MONEY_EMPTY,		/* nothing given */
	MONEY_GARBAGE,		/* not a number */
	MONEY_DECIMALS,		/* more than two decimals */
	MONEY_SIGN,		/* a sign where none is allowed */
	MONEY_OVERFLOW,		/* above MONEY_MAX */
	PERCENT_ABOVE_100	/* a percentage above 100 */
};

/* "1234.50", "1234.5", "1234", ".5" -> fen.  A leading '-' only if allow_negative. */
enum money_err money_parse(const char *text, int allow_negative, fen_t *out);

/* fen -> "1234.50" (two decimals always, '-' when negative); returns buf. */
char *money_format(fen_t amount, char buf[MONEY_BUFSZ]);

/* round(amount * bp / 10000), half away from zero (half up for amounts >= 0). */
fen_t money_share(fen_t amount, bp_t bp);

/* "85", "62.5", "0.25" -> basis points; at most two decimals, 0..100. */
enum money_err percent_parse(const char *text, bp_t *out);

/* bp -> "85", "62.5", "0.25" (no trailing zeros); returns buf. */
char *percent_format(bp_t bp, char buf[MONEY_BUFSZ]);

/* A sentence a clerk understands, translated. */
const char *money_strerror(enum money_err err);

#endif
