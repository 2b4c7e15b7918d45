/*
 * household.h: households (户): create one with its head, add members,
 * move a member to another household (the old row ends, history is kept),
 * change the head, and list the members.
 *
 * A person is in at most one household at a time.  The head cannot be
 * moved out while other members remain: first make another member the
 * head (ops_household_set_head), then move the former head.
 *
 * A household number (户号) is the office's own: unique in the office, not
 * across the county, so at a hub, or at an office that received other
 * offices' households in the night sync, several share "0001".  Where these
 * functions take a number, "0001" is this office's (the session's site)
 * and "A/0001" is office A's; a household is created in this office only.
 */
#ifndef YIBAO_OPS_HOUSEHOLD_H
#define YIBAO_OPS_HOUSEHOLD_H

#include "db/household.h"
#include "ops/ops.h"

/* Create household `number` in `village` with `head_id` as its head. */
enum ops_status ops_household_create(struct ops_session *s,
    const char *number, const char *village, const char *head_id,
    struct ops_error *err);

/* Add a resident who is in no household; relation is not "head". */
enum ops_status ops_household_add(struct ops_session *s, const char *number,
    const char *id, const char *relation, struct ops_error *err);

/*
 * Move a member to household `to_number` with `relation` (not "head"): the
 * current row ends today (left_on) and a new one starts today.
 */
enum ops_status ops_household_move(struct ops_session *s, const char *id,
    const char *to_number, const char *relation, struct ops_error *err);

/*
 * Make member `id` the head of household `number`; the former head stays a
 * member with relation `former_relation`.  Both old rows end today and
 * new ones start, so the history shows who was head when.
 */
enum ops_status ops_household_set_head(struct ops_session *s,
    const char *number, const char *id, const char *former_relation,
    struct ops_error *err);

/*
 * The same three inside a transaction the caller opened and commits (no
 * role check, no commit, no rollback): for imports of many rows.
 */
enum ops_status ops_household_create_in_tx(struct ops_session *s,
    const char *number, const char *village, const char *head_id,
    struct ops_error *err);
enum ops_status ops_household_add_in_tx(struct ops_session *s,
    const char *number, const char *id, const char *relation,
    struct ops_error *err);
enum ops_status ops_household_move_in_tx(struct ops_session *s,
    const char *id, const char *to_number, const char *relation,
    struct ops_error *err);

/*
 * The hub's merge of a person put in households at two offices (yibao hub
 * resolve --keep office): move `id` into the household whose key is
 * `household_key` as `relation`, as its head too when it has none now (its
 * head's membership was the one set aside).  In the caller's transaction.
 */
enum ops_status ops_household_rejoin_in_tx(struct ops_session *s,
    const char *id, const char *household_key, const char *relation,
    struct ops_error *err);

#define HOUSEHOLD_VIEW_MAX 64

struct household_view {
	struct db_household h;
	int n;
	int truncated;
	struct db_member m[HOUSEHOLD_VIEW_MAX];	/* head first */
};

/* The household and its members (with history != 0, also former rows). */
enum ops_status ops_household_view(struct ops_session *s, const char *number,
    int history, struct household_view *out, struct ops_error *err);

/*
 * How a clerk names a household: its number if it is this office's,
 * else OFFICE/NUMBER.  Returns buf.
 */
#define HOUSEHOLD_NAME_MAX 64
const char *household_name(const struct ops_session *s, const char *site,
    const char *number, char *buf, size_t bufsz);

/* 1 if `code` is a relation to the head the schema knows. */
int household_relation_valid(const char *code);
/* The translated label of a relation code (the code if unknown). */
const char *household_relation_label(const char *code);

#endif
