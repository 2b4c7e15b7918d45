/*
 * session.h: a session for a program that stays open all day (the
 * terminal interface): the database, the office and its policy pack, with
 * nobody logged in yet (ops_login does that).  The interface calls these
 * instead of db/.
 */
#ifndef YIBAO_OPS_SESSION_H
#define YIBAO_OPS_SESSION_H

#include "ops/ops.h"

/*
 * Open the office's database at `path` (never creating it), read the
 * office code and load the office's pack (s->policy stays NULL when the
 * office has chosen none yet).  On failure nothing stays open and err says
 * why, naming the file: OPS_NOT_FOUND no database there (run yibao init),
 * OPS_INVALID not set up or a bad pack, OPS_FAILED the file is unusable.
 */
enum ops_status ops_session_open(struct ops_session *s, const char *path,
    struct date today, struct ops_error *err);

/* Set s->now (UTC) from the clock: before each op of a long session. */
void ops_session_clock(struct ops_session *s);

/* Log out (forget who) but keep the database open. */
void ops_session_logout(struct ops_session *s);

void ops_session_close(struct ops_session *s);

#endif
