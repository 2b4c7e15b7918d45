/*
 * sync.h: the office's side of the night sync (yibao-sync(5)): its key
 * pair, the hub it trusts, writing the day's changes to a file and
 * applying the hub's file.  Export and apply hold the write lock (BEGIN
 * IMMEDIATE) from start to end, so nothing slips between the two.
 */
#ifndef YIBAO_OPS_SYNC_H
#define YIBAO_OPS_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "io/syncfile.h"
#include "ops/ops.h"

/*
 * Make the database's key pair unless it has one; inside the caller's
 * transaction (yibao init).  *created = 1 when made now.
 */
enum ops_status ops_sync_key_ensure(struct ops_session *s, int *created,
    struct ops_error *err);

/* The public key (hex); OPS_NOT_FOUND before yibao init made one. */
enum ops_status ops_sync_public_key(struct ops_session *s,
    char pk[SYNCFILE_PK_HEX + 1], struct ops_error *err);

/* Learn the hub's code and public key (administrator). */
enum ops_status ops_sync_trust_hub(struct ops_session *s, const char *code,
    const char *pk, struct ops_error *err);

struct sync_status {
	int is_hub;
	char hub[17];			/* "" until trust-hub */
	int64_t sent;			/* files written */
	int64_t pending;		/* captured changes not yet in a file */
	int64_t hub_applied;		/* the last hub sequence applied */
	char public_key[SYNCFILE_PK_HEX + 1];
};
enum ops_status ops_sync_status(struct ops_session *s, struct sync_status *out,
    struct ops_error *err);

struct sync_export_result {
	int64_t seq;		/* the file's number */
	int64_t base;		/* the hub sequence acknowledged */
	long changes;		/* rows in the changeset */
	size_t bytes;		/* of the file */
};

/*
 * Write the changes made since the last file to `path` (supervisor).
 * again > 0 writes file number `again` once more, byte for byte, for a
 * file lost on the way; nothing else changes then.
 */
enum ops_status ops_sync_export(struct ops_session *s, const char *path,
    int64_t again, struct sync_export_result *res, struct ops_error *err);

struct sync_apply_result {
	int skipped;		/* applied before: nothing done */
	char from[17];		/* who signed it */
	int64_t seq, base;
	long changes, conflicts, omitted;
};

/* Apply the hub's file (supervisor), whole or not at all. */
enum ops_status ops_sync_apply(struct ops_session *s, const char *path,
    struct sync_apply_result *res, struct ops_error *err);

/*
 * Shared with the hub: read `path` whole and check its envelope (length,
 * SHA-256, header) with a sentence for each way it can be wrong.  On
 * OPS_OK *buf (free it) holds the file and h its header; the signature is
 * the caller's to check (sync_file_verify), its key depends on h->from.
 */
enum ops_status sync_file_read(const char *path, unsigned char **buf,
    size_t *n, struct syncfile *h, struct ops_error *err);
enum ops_status sync_file_verify(const char *path, const unsigned char *buf,
    const char *pk, struct ops_error *err);
/*
 * Seal h over the pieces of a payload with the secret key sk (hex) and
 * write the file to path (syncfile_write_sealed), with a sentence if not.
 */
enum ops_status sync_file_write(const char *path, struct syncfile *h,
    const struct syncfile_piece *piece, size_t n, const char *sk,
    struct ops_error *err);
/* A file from a newer program (a schema this one does not know) is refused. */
enum ops_status sync_file_schema_check(const char *path,
    const struct syncfile *h, struct ops_error *err);

/* The database's role: 1 a hub (yibao hub init), 0 an office. */
int sync_is_hub(struct ops_session *s);

/* int64 settings of the sync ("sync.*"), 0 when absent. */
int sync_setting_int(struct ops_session *s, const char *key, int64_t *out);
int sync_setting_set_int(struct ops_session *s, const char *key, int64_t v);

/* The canonical dump of the synced tables, line by line (tests). */
typedef void sync_dump_fn(void *ctx, const char *line);
enum ops_status ops_sync_dump(struct ops_session *s, sync_dump_fn *fn,
    void *ctx, struct ops_error *err);

#endif
