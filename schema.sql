-- schema.sql: the one source of yibao's database schema.
--
-- The file is a sequence of numbered migrations.  A line "-- migration N"
-- starts migration N; each runs once, in its own transaction, and sets
-- PRAGMA user_version to N in that same transaction.  Never edit a
-- migration that has shipped: add the next one.  Built into the binary
-- (src/db/schema.inc is generated from this file).

-- migration 1
-- 1: the office's settings.  application_id marks the file as yibao's
-- ('YBA0'), so another program's database is refused, not altered.
PRAGMA application_id = 1497514288;

CREATE TABLE setting (
	key	TEXT PRIMARY KEY NOT NULL,
	value	TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO setting (key, value)
VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
