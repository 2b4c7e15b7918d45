/*
 * policy_pack.h: the packs an administrator may choose from (what `yibao
 * policy list` prints), and the running session taking the office's pack
 * again after `policy use`, so the interface need not be restarted.
 */
#ifndef YIBAO_OPS_POLICY_PACK_H
#define YIBAO_OPS_POLICY_PACK_H

#include "ops/ops.h"

struct policy_pack_info {
	char id[64];
	char name[128];
	int year;		/* benefit_year */
	int illustrative;	/* a demonstration pack */
	int loadable;		/* 0: error says why it cannot be used */
	char error[400];
};

/* Every pack of the policy directory, by id; free(*out) afterwards. */
enum ops_status ops_policy_packs(struct policy_pack_info **out, int *n,
    struct ops_error *err);

/*
 * Load the pack the office's settings name now and make it s->policy,
 * freeing the one held before; on failure s->policy stays as it was.
 */
enum ops_status ops_session_policy_reload(struct ops_session *s,
    struct ops_error *err);

#endif
