/*
 * hub.h: the county or city centre's side of the night sync
 * (yibao-sync(5)).  A hub is an ordinary yibao database marked by yibao
 * hub init; it knows each office's public key, applies each office's file
 * whole with a ledger entry, keeps what each application changed in a
 * numbered log (sync_outbox) and writes each office what it has not
 * acknowledged.  Conflicts are decided by arrival order and listed for a
 * supervisor.
 */
#ifndef YIBAO_OPS_HUB_H
#define YIBAO_OPS_HUB_H

#include <stdint.h>

#include "db/sync.h"
#include "io/syncfile.h"
#include "ops/ops.h"

/* Make this database a hub (administrator); *created when new. */
enum ops_status ops_hub_init(struct ops_session *s, int *created,
    char pk[SYNCFILE_PK_HEX + 1], struct ops_error *err);

/* Add an office, or replace its key (administrator). *replaced. */
enum ops_status ops_hub_add_site(struct ops_session *s, const char *code,
    const char *pk, int *replaced, struct ops_error *err);

struct hub_apply_result {
	int skipped;		/* this very file was applied before */
	char site[17];
	int64_t seq;		/* the office's file number */
	long changes, conflicts, omitted;
	int64_t hub_seq;	/* the log entry it made (0: no change) */
};

/* Apply one office file (supervisor). */
enum ops_status ops_hub_apply(struct ops_session *s, const char *path,
    struct hub_apply_result *res, struct ops_error *err);

struct hub_export_result {
	int64_t base, seq;	/* the file covers (base, seq] */
	int parts;		/* log entries in it */
	size_t bytes;
};

/*
 * Write for office `site` every log entry after `from` that is not its own
 * work; from < 0: after what the office last acknowledged (supervisor).
 */
enum ops_status ops_hub_export(struct ops_session *s, const char *site,
    int64_t from, const char *path, struct hub_export_result *res,
    struct ops_error *err);

/* The quarantine list (supervisor): open entries, or all. */
enum ops_status ops_hub_conflicts(struct ops_session *s, int all,
    db_quarantine_fn *fn, void *ctx, struct ops_error *err);

/* The offices the hub knows (supervisor). */
enum ops_status ops_hub_sites(struct ops_session *s, db_site_fn *fn,
    void *ctx, struct ops_error *err);

enum hub_keep { HUB_KEEP_HUB, HUB_KEEP_OTHER };

/*
 * Close quarantine entry `id` (supervisor), audited: keep the version in
 * the table, or take the one set aside (a resident's details: name,
 * residence, insured category, village, phone), which then travels to
 * every office like any edit.
 */
enum ops_status ops_hub_resolve(struct ops_session *s, int64_t id,
    enum hub_keep keep, const char *note, struct ops_error *err);

#endif
