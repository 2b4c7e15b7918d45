/*
 * settle.h: settle one claim by a policy (RULES.md 4 and 5): the bill split,
 * basic insurance, serious-illness insurance, medical assistance and what
 * the person pays, with notes and the parameter behind every figure.
 *
 * Pure computation: no I/O, no allocation.  The caller (ops/ or cli/trial)
 * decides eligibility and gathers the year-to-date figures from its records.
 */
#ifndef YIBAO_SETTLE_H
#define YIBAO_SETTLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/money.h"
#include "core/policy.h"

enum delivery { DELIVERY_NONE = 0, DELIVERY_NORMAL, DELIVERY_DIFFICULT };

/* Why a claim is not eligible (RULES.md 4); decided by the caller. */
enum ineligible {
	ELIGIBLE = 0,
	INELIGIBLE_NOT_PAID,		/* no net payment for the benefit year */
	INELIGIBLE_WAITING,		/* inside a waiting period (until = its last day) */
	INELIGIBLE_KIND,		/* this kind of care is not allowed (001 late payers) */
	INELIGIBLE_OTHER
};

#define SETTLE_BABIES_MAX 20
#define DISEASE_CODE_MAX 32

struct claim {
	enum claim_kind kind;
	int level;			/* 1..3; 0 = not given */
	enum scope scope;
	bool registered;		/* off-site registration or referral valid for the scope */
	bool emergency;

	/* The bill, fen (RULES.md 5.1). */
	fen_t total;			/* T */
	fen_t out_of_list;		/* O */
	fen_t class_b;			/* B */
	fen_t imported;			/* M */
	fen_t imported_standard;	/* S, 0 = no domestic equivalent */

	struct date date;
	struct date birth;
	catset_t categories;		/* valid on `date` (the caller checks validity) */
	enum residence residence;	/* RES_ANY = not known */
	char disease[DISEASE_CODE_MAX];	/* chronic: the pack's disease code */
	bool chronic_qualified;		/* chronic: qualified for `disease`; outpatient: for any */
	bool major_disease;		/* 003's 20 种大病 column */
	enum delivery delivery;		/* maternity */
	int babies;			/* maternity; 0 is read as 1 */

	/* What the year already holds, fen, before this claim. */
	fen_t ytd_inpatient_fund;	/* inpatient and accident together */
	fen_t ytd_accident_fund;
	fen_t ytd_outpatient_range;	/* general outpatient policy-range costs */
	fen_t ytd_outpatient_fund;
	fen_t ytd_chronic_fund;		/* for this disease */
	fen_t ytd_serious_base;
	fen_t ytd_serious_paid;
	fen_t ytd_assistance_base;
	fen_t ytd_assistance_paid;

	/* Eligibility (RULES.md 4). */
	enum ineligible ineligible;
	struct date ineligible_until;	/* INELIGIBLE_WAITING: last day of the wait */
	char ineligible_text[96];	/* INELIGIBLE_OTHER: the caller's reason, translated */
};

enum settle_status {
	SETTLE_OK = 0,
	SETTLE_MISSING_PARAM,		/* settlement.missing names it */
	SETTLE_BAD_AMOUNT,		/* an amount negative or above MONEY_MAX */
	SETTLE_OVER_TOTAL,		/* O + B + M > T */
	SETTLE_BAD_KIND,
	SETTLE_BAD_SCOPE,
	SETTLE_BAD_LEVEL,		/* not 1..3 */
	SETTLE_NEED_LEVEL,		/* inpatient or accident without a level */
	SETTLE_NEED_DISEASE,		/* chronic without a disease */
	SETTLE_NEED_DELIVERY,		/* maternity without normal/difficult */
	SETTLE_BAD_BABIES,		/* maternity: not 1..SETTLE_BABIES_MAX */
	SETTLE_BAD_YTD			/* year-to-date figures that cannot be */
};

/* What a note says; the sentence is settle_note_format()'s. */
enum note_kind {
	NOTE_NOT_ELIGIBLE,		/* which = enum ineligible; date; text */
	NOTE_PENALTY,			/* bp = points cut; which = scope */
	NOTE_PENALTY_WAIVED,		/* which = 0 registered, 1 emergency; which2 = scope */
	NOTE_DEDUCTIBLE_OVER_RANGE,	/* a = deductible, b = range */
	NOTE_OUTPATIENT_DEDUCTIBLE,	/* a = yearly deductible, b = left before this claim */
	NOTE_CAP_REACHED,		/* which = enum settle_cap; a = cap, b = left before */
	NOTE_CHRONIC_EXCLUDED,		/* general outpatient refused to the chronic-qualified */
	NOTE_DISEASE_NOT_LISTED,	/* text = code */
	NOTE_NOT_QUALIFIED,		/* text = code */
	NOTE_QUOTA_OVER_RANGE,		/* a = quota, b = range */
	NOTE_NO_SERIOUS,		/* the pack has no serious-illness section */
	NOTE_SERIOUS_GROUP,		/* text = group label */
	NOTE_SERIOUS_PENALTY_PART,	/* a = penalty part kept out of the base */
	NOTE_SERIOUS_BELOW_DEDUCTIBLE,	/* a = deductible, b = cumulative base after */
	NOTE_NO_ASSISTANCE,		/* the pack has no assistance section */
	NOTE_ASSIST_GROUP,		/* text = group label */
	NOTE_ASSIST_NO_GROUP,		/* no assistance group for this person */
	NOTE_NOT_STARTED,		/* the benefit starts later: date = its first day */
	NOTE_ILLUSTRATIVE		/* a value used is illustrative, not from a document */
};

enum settle_cap {
	CAP_INPATIENT,			/* shared by inpatient and accident */
	CAP_ACCIDENT,
	CAP_OUTPATIENT,
	CAP_CHRONIC,
	CAP_SERIOUS,
	CAP_ASSISTANCE
};

struct settle_note {
	enum note_kind kind;
	int which, which2;
	fen_t a, b;
	bp_t bp;
	struct date date;
	char text[96];
};

/* The figures that come from a parameter (RULES.md: every figure traceable). */
enum settle_figure {
	FIG_CLASS_B_SELFPAY,		/* b of P_B */
	FIG_IMPORTED_SELFPAY,		/* f of F */
	FIG_DEDUCTIBLE,			/* per admission, or per year for outpatient */
	FIG_RATIO,
	FIG_PENALTY,
	FIG_CAP,			/* the kind's cap (inpatient cap for accident too) */
	FIG_ACCIDENT_CAP,
	FIG_QUOTA,			/* maternity: normal or difficult */
	FIG_EXTRA_BABY,
	FIG_SERIOUS_DEDUCTIBLE,
	FIG_SERIOUS_CAP,
	FIG_ASSIST_DEDUCTIBLE,
	FIG_ASSIST_RATIO,
	FIG_ASSIST_CAP,
	FIG_COUNT
};

/*
 * One parameter used: its name in pack syntax, section.key as in the
 * missing-parameter message ("inpatient.ratio.level3"), and a copy of the value with its source:
 * policy.sources[p.src].file, line p.line.  name[0] == 0: not used.
 */
struct settle_trace {
	char name[64];
	struct param p;
};

/* The part of the serious-illness base that fell in one segment. */
struct settle_segment {
	fen_t from, to;			/* (from, to] on the cumulative base */
	bp_t ratio;			/* the column used */
	fen_t pay;			/* unrounded share is kept in the sum; this one rounded, for show */
	struct param p;
};

#define SETTLE_NOTES_MAX 16

struct settlement {
	enum settle_status status;
	char missing[64];		/* SETTLE_MISSING_PARAM: section.key in pack
					 * syntax, "inpatient.deductible.level2" */
	char policy_id[64];
	enum claim_kind kind;
	bool eligible;

	/* 5.1 the bill */
	fen_t total;			/* T */
	fen_t out_of_list;		/* O */
	fen_t imported_excess;		/* E */
	fen_t imported_selfpay;		/* F */
	fen_t class_b_base;		/* B' */
	fen_t class_b_selfpay;		/* P_B */
	fen_t range;			/* R */

	/* 5.2 basic insurance */
	fen_t deductible;		/* D applied to this claim */
	bp_t ratio;			/* r applied (after the penalty); 0 for a quota */
	bp_t penalty;			/* points cut, 0 if none */
	fen_t fund;

	/* 5.3 serious illness */
	fen_t penalty_part;		/* kept out of the base (002) */
	fen_t serious_base;		/* b */
	fen_t serious_c0, serious_c1;
	int serious_group;		/* index in policy.group, -1 none */
	int nseg;
	struct settle_segment seg[SEGMENT_MAX];
	fen_t serious;

	/* 5.4 assistance */
	fen_t assistance_base;
	int assist_group;		/* index in policy.assist, -1 none */
	fen_t assistance;

	/* 5.5 */
	fen_t personal;

	int nnotes;
	struct settle_note note[SETTLE_NOTES_MAX];
	struct settle_trace trace[FIG_COUNT];
};

/*
 * Settle claim `c` by `pol` into `out` (always fully written).  SETTLE_OK
 * also for an ineligible claim (every payment 0, a note says why).
 */
enum settle_status settle(const struct policy *pol, const struct claim *c,
    struct settlement *out);

/* A sentence for a status other than SETTLE_OK (translated). */
const char *settle_strerror(enum settle_status st);

/* The note as a translated sentence; returns buf. */
char *settle_note_format(const struct settle_note *n, char *buf, size_t len);

#endif
