/*
 * policy.h: a region's policy, resolved from a pack and what it extends
 * (RULES.md, man/yibao-policy.5).  Every value records whether the pack set
 * it and where, so a figure on a slip can be traced to a line of a file.
 *
 * This is plain data: core/policy.c fills it from pack text, core/settle.c
 * reads it.  No I/O here.
 */
#ifndef YIBAO_POLICY_H
#define YIBAO_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/money.h"

/* Canonical category codes of RULES.md 2, in that order. */
enum category {
	CAT_REGISTERED_POOR,
	CAT_EXTREME_POVERTY,
	CAT_MIN_LIVING,
	CAT_SEVERE_DISABILITY,
	CAT_MODERATE_DISABILITY,
	CAT_LOW_INCOME,
	CAT_ORPHAN,
	CAT_PRIORITY_CARE,
	CAT_CADRE_WIDOW,
	CAT_ELDERLY_LOW_INCOME,
	CAT_COUNT
};
typedef uint32_t catset_t;	/* bit (1u << enum category) */
#define CATSET(c) ((catset_t)1u << (c))

enum residence { RES_ANY = 0, RES_RURAL, RES_URBAN };

enum claim_kind {
	KIND_INPATIENT,
	KIND_ACCIDENT,
	KIND_OUTPATIENT,	/* general outpatient pooling, 普通门诊统筹 */
	KIND_CHRONIC,		/* 门诊慢特病 */
	KIND_MATERNITY,
	KIND_COUNT
};

/* Where care was given, relative to the person's home county (RULES.md 5.2). */
enum scope { SCOPE_LOCAL, SCOPE_COUNTY, SCOPE_CITY, SCOPE_PROVINCE, SCOPE_COUNT };

#define LEVEL_COUNT 4		/* hospital levels 1..3; index 0 unused */

/*
 * One value of a pack.  `set` is false when no pack in the chain gives it;
 * then `v` is 0 and must not be used as if it were a rule.  `src` indexes
 * policy.sources (the file that set it), `line` is its line there.
 * Units depend on the field: fen, basis points, days or a count.
 */
struct param {
	int64_t v;
	bool set;
	bool illustrative;	/* marked illustrative in the pack (demo values no seed gives) */
	int16_t src;
	int32_t line;
};

enum subsidy_kind { SUBSIDY_NONE = 0, SUBSIDY_FULL, SUBSIDY_PERCENT, SUBSIDY_FIXED };

struct subsidy_rule {
	enum subsidy_kind kind;
	struct param amount;	/* bp for PERCENT, fen for FIXED */
	struct param min_age;	/* years; unset = any age */
};

enum late_rule {
	LATE_UNSET = 0,
	LATE_FULL_WITH_WAIT,	/* 004: pay P + G, benefits after waiting_days */
	LATE_SPECIAL_INPATIENT	/* 001: listed special cases only, P + G, inpatient only */
};

/* A fiscal subsidy split by level of government for one kind of county. */
enum gov_level { GOV_CENTRAL, GOV_PROVINCIAL, GOV_CITY, GOV_COUNTY, GOV_COUNT };
enum split_mode { SPLIT_AMOUNT, SPLIT_RATIO };
#define SPLIT_MAX 4
struct fiscal_split {
	char county_type[32];	/* e.g. "general", "western", "mountain", "plain" */
	char label[64];		/* 一般县, 西部政策县, 山区县, 川区县 */
	enum split_mode mode;
	struct param share[GOV_COUNT];	/* fen (AMOUNT) or a weight (RATIO) */
	struct param line;		/* where the split is declared */
};

/* Basic insurance for one claim kind (RULES.md 5.2). */
struct benefit {
	bool defined;			/* the pack has a section for this kind */
	struct param deductible_level[LEVEL_COUNT];
	struct param deductible_scope[SCOPE_COUNT];	/* overrides the level */
	struct param ratio_level[LEVEL_COUNT];
	struct param ratio_scope[SCOPE_COUNT];		/* overrides the level */
	struct param deductible;	/* outpatient: per year; a single value */
	struct param ratio;		/* outpatient, chronic: a single value */
	struct param penalty_scope[SCOPE_COUNT];	/* bp cut without registration */
	struct param cap;		/* annual; for accident its own cap */
	struct param from;		/* days since epoch: first day this benefit
					 * applies (000: outpatient from 2021-01-01);
					 * unset = the whole benefit year */
};

#define DISEASE_MAX 64
struct chronic_disease {
	char code[32];
	char name[96];
	struct param cap;		/* per disease per year, fen */
};

#define SEGMENT_MAX 8
struct segment {
	struct param upper;		/* fen on the cumulative base; unset = no upper bound */
	struct param ratio;		/* bp */
	struct param ratio_major;	/* bp, 003's major-disease column; unset = same as ratio */
};

#define GROUP_MAX 8
struct serious_group {
	char name[32];
	char label[96];
	catset_t categories;		/* 0 for the ordinary group */
	enum residence residence;	/* condition on the person's residence */
	struct param deductible;
	int nseg;
	struct segment seg[SEGMENT_MAX];
	struct param cap;		/* annual, fen */
	bool no_cap;			/* the pack says explicitly: no cap */
};

struct assistance_group {
	char name[32];
	char label[96];
	catset_t categories;		/* 0 for everyone else, where given */
	enum residence residence;
	struct param deductible;	/* annual */
	struct param ratio;
	struct param cap;		/* annual */
};

#define SOURCE_MAX 8			/* depth of an extends chain */
struct policy_source {
	char id[64];
	char file[256];
};

struct policy {
	char id[64];
	char name[128];			/* 示范县 2021 ... */
	char region[128];
	char document[256];		/* document number and title */
	char seed[64];			/* file name in shared/seeds, or "" */
	bool illustrative;		/* a demonstration pack: slips say so */
	struct param benefit_year;

	int nsources;			/* sources[0] is the pack itself, then its parents */
	struct policy_source sources[SOURCE_MAX];
	char text_hash[65];		/* SHA-256 hex of the pack texts, in chain order (filled by io/) */

	/* Categories this pack recognizes, and the label it gives each. */
	catset_t categories;
	char category_label[CAT_COUNT][96];

	/* Contributions (RULES.md 3). */
	struct param contribution_year;	/* the benefit year P and the subsidies are
					 * for, when the document sets them a year
					 * ahead (002, 003); unset = benefit_year */
	struct param personal;		/* P, fen */
	struct param fiscal;		/* G, fen */
	int nsplits;
	struct fiscal_split split[SPLIT_MAX];
	struct param period_start;	/* concentrated payment period, days since epoch */
	struct param period_end;
	struct subsidy_rule subsidy[CAT_COUNT];
	enum late_rule late;
	struct param late_line;		/* where `late` was set */
	struct param waiting_days;
	struct param exempt_newborn;		/* 1 = exempt (under one year old) */
	struct param exempt_left_employee_days;	/* days after employee insurance ended */
	catset_t exempt_categories;		/* e.g. registered_poor */
	struct param serious_funding;		/* 004: 90 yuan per person to serious illness */

	/* Basic insurance by claim kind. */
	struct benefit kind[KIND_COUNT];
	struct param inpatient_cap;	/* shared by inpatient and accident */
	struct param outpatient_excludes_chronic;	/* 000: 1 = no general outpatient for the qualified */
	int ndiseases;
	struct chronic_disease disease[DISEASE_MAX];
	struct param maternity_normal;
	struct param maternity_difficult;
	struct param maternity_extra_baby;
	struct param class_b_selfpay;	/* bp, first self-pay of class B */
	struct param imported_selfpay;	/* bp, first self-pay of imported material without a domestic standard */

	/* Serious-illness insurance (RULES.md 5.3). */
	bool serious_defined;
	struct param serious_excludes_penalty;	/* 002: 1 = penalty part not in the base */
	struct param serious_includes_chronic;	/* 1 = chronic outpatient claims count too */
	int ngroups;
	struct serious_group group[GROUP_MAX];	/* first match wins; the ordinary group has categories 0 */

	/* Medical assistance (RULES.md 5.4). */
	bool assistance_defined;
	int nassist;
	struct assistance_group assist[GROUP_MAX];
};

/* Category codes <-> enum. */
const char *category_code(enum category c);
int category_from_code(const char *code, enum category *out);	/* 0 ok, -1 unknown */

const char *claim_kind_code(enum claim_kind k);
int claim_kind_from_code(const char *code, enum claim_kind *out);
const char *scope_code(enum scope s);
int scope_from_code(const char *code, enum scope *out);

#endif
