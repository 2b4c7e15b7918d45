/*
 * demo.h: the demonstration county (示范县) of yibao --demo, filled into a
 * fresh database through the ops only, the same way every run: the demo
 * pack, two townships with three villages each, about two hundred
 * residents in seventy-two households (names with rare characters: 䶮 𠇔 〇),
 * every hardship category of the pack, paid and unpaid people, late payers
 * in their waiting period, a reversal, off-site registrations and claims,
 * and one operator of each role.
 *
 * The county lives in the pack's benefit year (2021): the fill needs a
 * business date from DEMO_EARLIEST to the end of that year, and
 * yibao --demo uses DEMO_TODAY unless YIBAO_TODAY says otherwise.
 */
#ifndef YIBAO_OPS_DEMO_H
#define YIBAO_OPS_DEMO_H

#include "ops/ops.h"

#define DEMO_SITE	"620799"	/* a county code no real county has */
#define DEMO_PACK	"demo"
#define DEMO_TODAY	"2021-06-01"
#define DEMO_EARLIEST	"2021-03-01"	/* claims of the year need some days */

/* The operators, shown on the login screen in demo mode. */
struct demo_operator {
	const char *login;
	const char *name;		/* UTF-8 */
	enum role role;
	const char *password;
};

/* NULL-terminated (login NULL): the clerk, the supervisor, the administrator. */
extern const struct demo_operator demo_operators[];

/* What the fill made, for a trainer to read. */
struct demo_summary {
	int townships, villages;
	int residents, households;
	int categories, qualifications;	/* periods recorded */
	int paid;			/* residents paid for the year in time */
	int late;			/* paid late, some still waiting */
	int unpaid;			/* residents with nothing paid */
	int receipts;
	int reversals;
	int registrations;		/* off-site */
	int claims;
	int year;			/* the benefit year */
};

/*
 * Fill the database open in s->db, which must be new (no office code
 * yet).  s->today and s->now must be set; s->today within the pack's
 * benefit year, on or after DEMO_EARLIEST.  Loads the demo pack itself
 * and leaves the session logged out with s->policy as it was.  Each step
 * is an op with its own transaction and audit line; on failure, err says
 * which step failed and the file is to be thrown away.
 */
enum ops_status ops_demo_fill(struct ops_session *s, struct demo_summary *out,
    struct ops_error *err);

#endif
