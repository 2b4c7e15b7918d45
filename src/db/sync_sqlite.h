/*
 * sync_sqlite.h: sqlite3.h with the session extension declared.  Debian's
 * libsqlite3 is built with it; the header declares it only under these two
 * macros.  Include this before anything that includes <sqlite3.h>.
 */
#ifndef YIBAO_DB_SYNC_SQLITE_H
#define YIBAO_DB_SYNC_SQLITE_H

#ifdef SQLITE3_H
#error "db/sync_sqlite.h must come before any other include of sqlite3.h"
#endif
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#endif
