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

-- migration 2
-- 2: the enrolment ledger: operators, the audit log, residents, households,
-- categories, chronic qualifications and contributions.  Every record that
-- travels in the night sync has a `key` made by its office (site code and a
-- sequence, see key_counter), never a bare autoincrement.  Money is integer
-- fen.  Dates are YYYY-MM-DD, times YYYY-MM-DDTHH:MM:SSZ (UTC).

-- The next number of each kind of key in this office.  Taken inside the
-- write transaction (BEGIN IMMEDIATE), so two clerks never get the same one
-- and a number is never reused, not even after a rollback elsewhere.
CREATE TABLE key_counter (
	kind	TEXT PRIMARY KEY NOT NULL,
	next	INTEGER NOT NULL CHECK (next > 0)
) WITHOUT ROWID;

CREATE TABLE operator (
	login		TEXT PRIMARY KEY NOT NULL CHECK (length(login) BETWEEN 1 AND 32),
	display_name	TEXT NOT NULL,
	role		TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
	password_hash	TEXT NOT NULL,	-- yescrypt, crypt(3)
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	site		TEXT NOT NULL,
	created_at	TEXT NOT NULL
) WITHOUT ROWID;

-- Every write appends here in its own transaction; nothing the program
-- issues can change or remove a line.
CREATE TABLE audit_log (
	seq		INTEGER PRIMARY KEY,	-- local order only
	key		TEXT NOT NULL UNIQUE,
	at		TEXT NOT NULL,
	site		TEXT NOT NULL,
	operator	TEXT NOT NULL,
	action		TEXT NOT NULL,		-- resident.add, payment.pay, ...
	record		TEXT NOT NULL,		-- the key of the record written
	old_values	TEXT,			-- JSON summary, NULL for a new record
	new_values	TEXT,
	policy_id	TEXT,
	policy_hash	TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;

CREATE TABLE resident (
	id_number	TEXT PRIMARY KEY NOT NULL CHECK (length(id_number) = 18),
	id_reversed	TEXT NOT NULL,		-- for search by the last digits
	name		TEXT NOT NULL CHECK (name <> ''),
	initials	TEXT NOT NULL,		-- pinyin initials (first readings)
	sex		TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	birth		TEXT NOT NULL,
	residence	TEXT NOT NULL CHECK (residence IN ('rural', 'urban')),
	insured_category TEXT NOT NULL CHECK (insured_category IN
	    ('rural_resident', 'urban_non_employed', 'student_child',
	     'college_student', 'residence_permit', 'flexible_worker')),
	village		TEXT NOT NULL,
	phone		TEXT NOT NULL DEFAULT '',
	status		TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
	ended_on	TEXT,
	end_reason	TEXT CHECK (end_reason IN ('employment', 'military', 'death', 'moved')),
	site		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	updated_at	TEXT NOT NULL,
	CHECK ((status = 'active') = (ended_on IS NULL AND end_reason IS NULL))
) WITHOUT ROWID;
CREATE INDEX resident_name ON resident (name);
CREATE INDEX resident_initials ON resident (initials);
CREATE INDEX resident_id_reversed ON resident (id_reversed);
CREATE INDEX resident_village ON resident (village);

-- The other initials a name can be read with (多音字: 曾 is céng or zēng,
-- 单 dān or shàn), so that a search by initials is an index range, never a
-- scan.  Kept by the program with the name; the canonical reading is in
-- resident.initials.
CREATE TABLE resident_initials_alt (
	initials	TEXT NOT NULL,
	id_number	TEXT NOT NULL REFERENCES resident (id_number),
	PRIMARY KEY (initials, id_number)
) WITHOUT ROWID;
CREATE INDEX resident_initials_alt_person ON resident_initials_alt (id_number);

CREATE TABLE household (
	key		TEXT PRIMARY KEY NOT NULL,
	number		TEXT NOT NULL UNIQUE,	-- 户号, as the office writes it
	village		TEXT NOT NULL,
	address		TEXT NOT NULL DEFAULT '',
	site		TEXT NOT NULL,
	created_at	TEXT NOT NULL
) WITHOUT ROWID;

-- Membership with history: a move ends one row (left_on) and starts another.
CREATE TABLE household_member (
	key		TEXT PRIMARY KEY NOT NULL,
	household	TEXT NOT NULL REFERENCES household (key),
	id_number	TEXT NOT NULL REFERENCES resident (id_number),
	relation	TEXT NOT NULL CHECK (relation IN ('head', 'spouse', 'child',
	    'parent', 'grandchild', 'grandparent', 'sibling', 'other')),
	joined_on	TEXT NOT NULL,
	left_on		TEXT,
	site		TEXT NOT NULL,
	created_at	TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX household_member_one_household
    ON household_member (id_number) WHERE left_on IS NULL;
CREATE UNIQUE INDEX household_one_head
    ON household_member (household) WHERE left_on IS NULL AND relation = 'head';
CREATE INDEX household_member_household ON household_member (household);

-- Hardship categories (RULES.md 2), valid from / to, and who certified them.
CREATE TABLE person_category (
	key		TEXT PRIMARY KEY NOT NULL,
	id_number	TEXT NOT NULL REFERENCES resident (id_number),
	category	TEXT NOT NULL,
	valid_from	TEXT NOT NULL,
	valid_to	TEXT,			-- NULL: open
	department	TEXT NOT NULL CHECK (department <> ''),
	end_reason	TEXT,
	site		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
) WITHOUT ROWID;
CREATE INDEX person_category_person ON person_category (id_number);

CREATE TABLE chronic_qualification (
	key		TEXT PRIMARY KEY NOT NULL,
	id_number	TEXT NOT NULL REFERENCES resident (id_number),
	disease		TEXT NOT NULL,		-- the pack's disease code
	valid_from	TEXT NOT NULL,
	valid_to	TEXT,
	department	TEXT NOT NULL CHECK (department <> ''),
	end_reason	TEXT,
	site		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
) WITHOUT ROWID;
CREATE INDEX chronic_qualification_person ON chronic_qualification (id_number);

-- Contributions: append-only.  A refund or a reversal is a new line with a
-- negative amount that names the line it cancels.
CREATE TABLE payment (
	key		TEXT PRIMARY KEY NOT NULL,	-- receipt and line: SITE-R00000017-1
	receipt		TEXT NOT NULL,		-- SITE-R00000017, unique in the office
	line		INTEGER NOT NULL CHECK (line > 0),
	kind		TEXT NOT NULL CHECK (kind IN ('payment', 'refund', 'reversal')),
	id_number	TEXT NOT NULL REFERENCES resident (id_number),
	benefit_year	INTEGER NOT NULL,
	standard	INTEGER NOT NULL,	-- fen: P, or P + G for a late payer
	subsidy		INTEGER NOT NULL CHECK (subsidy >= 0),
	subsidy_category TEXT,			-- the category that gave it
	amount		INTEGER NOT NULL,	-- fen the person paid (< 0: paid back)
	late		INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
	benefits_from	TEXT,			-- first day of benefits
	inpatient_only	INTEGER NOT NULL DEFAULT 0 CHECK (inpatient_only IN (0, 1)),
	cancels		TEXT REFERENCES payment (key),
	reason		TEXT,
	paid_on		TEXT NOT NULL,
	at		TEXT NOT NULL,
	operator	TEXT NOT NULL,
	site		TEXT NOT NULL,
	policy_id	TEXT NOT NULL,
	policy_hash	TEXT NOT NULL,
	UNIQUE (receipt, line),
	CHECK ((kind = 'payment') = (cancels IS NULL)),
	CHECK (kind = 'payment' OR (amount <= 0 AND reason IS NOT NULL AND reason <> ''))
) WITHOUT ROWID;
CREATE UNIQUE INDEX payment_cancelled_once ON payment (cancels) WHERE cancels IS NOT NULL;
CREATE INDEX payment_person_year ON payment (id_number, benefit_year);
CREATE INDEX payment_day ON payment (paid_on, operator);
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
BEGIN SELECT RAISE(ABORT, 'payments cannot be changed: record a reversal'); END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
BEGIN SELECT RAISE(ABORT, 'payments cannot be changed: record a reversal'); END;

-- migration 3
-- 3: off-site registrations (异地就医备案) and saved claims with their
-- settlements (一站式结算).  Claims are append-only: a reversal is a new row
-- whose figures are the negatives of the row it reverses, so every
-- year-to-date figure is a plain sum.

CREATE TABLE offsite_registration (
	key		TEXT PRIMARY KEY NOT NULL,
	id_number	TEXT NOT NULL REFERENCES resident (id_number),
	kind		TEXT NOT NULL CHECK (kind IN
	    ('long_term', 'migrant_work', 'referral', 'emergency')),
	scope		TEXT NOT NULL CHECK (scope IN ('county', 'city', 'province')),
	dest_code	TEXT NOT NULL,		-- GB/T 2260 code of the destination
	dest_name	TEXT NOT NULL,
	valid_from	TEXT NOT NULL,
	valid_to	TEXT NOT NULL,
	hospital	TEXT,			-- referral: the receiving hospital
	diagnosis	TEXT,			-- referral
	referral_reason	TEXT,			-- referral
	from_level	INTEGER CHECK (from_level BETWEEN 1 AND 3),	-- referral: the sending hospital
	documents_due	TEXT,			-- migrant work (承诺制): documents due by
	documents_received TEXT,		-- the day they came
	status		TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
	revoked_on	TEXT,
	revoke_reason	TEXT,
	operator	TEXT NOT NULL,
	site		TEXT NOT NULL,
	created_at	TEXT NOT NULL,
	CHECK (valid_to >= valid_from),
	CHECK ((status = 'revoked') = (revoked_on IS NOT NULL AND revoke_reason IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX offsite_registration_person ON offsite_registration (id_number, kind);

-- The texts of the packs claims were settled by, so that a slip can explain
-- a settlement years later even if the pack file changed.
CREATE TABLE policy_text (
	hash		TEXT NOT NULL,		-- policy.text_hash of the whole chain
	position	INTEGER NOT NULL,	-- 0 the pack itself, 1 its parent, ...
	id		TEXT NOT NULL,
	file		TEXT NOT NULL,
	text		TEXT NOT NULL,
	PRIMARY KEY (hash, position)
) WITHOUT ROWID;

CREATE TABLE claim (
	key		TEXT PRIMARY KEY NOT NULL,	-- SITE-S00000001 (结算), the slip's number
	id_number	TEXT NOT NULL REFERENCES resident (id_number),
	kind		TEXT NOT NULL CHECK (kind IN
	    ('inpatient', 'accident', 'outpatient', 'chronic', 'maternity')),
	benefit_year	INTEGER NOT NULL,
	admitted_on	TEXT NOT NULL,		-- the visit date for outpatient care
	discharged_on	TEXT,
	hospital	TEXT NOT NULL,
	level		INTEGER CHECK (level BETWEEN 1 AND 3),
	scope		TEXT NOT NULL CHECK (scope IN ('local', 'county', 'city', 'province')),
	emergency	INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
	registration	TEXT REFERENCES offsite_registration (key),
	disease		TEXT,
	major_disease	INTEGER NOT NULL DEFAULT 0 CHECK (major_disease IN (0, 1)),
	delivery	TEXT CHECK (delivery IN ('normal', 'difficult')),
	babies		INTEGER,
	-- The bill (RULES.md 5.1), fen.
	total		INTEGER NOT NULL,
	out_of_list	INTEGER NOT NULL,
	class_b		INTEGER NOT NULL,
	imported	INTEGER NOT NULL,
	imported_standard INTEGER NOT NULL,
	-- What the engine was given besides the bill: the person on the date
	-- and the year so far, so the settlement can be reproduced exactly.
	categories	TEXT NOT NULL DEFAULT '',	-- comma-separated codes
	residence	TEXT NOT NULL,
	chronic_qualified INTEGER NOT NULL DEFAULT 0,
	ineligible	TEXT,			-- not_paid, waiting, kind, or NULL
	ineligible_until TEXT,
	ytd		TEXT NOT NULL,		-- the nine year-to-date figures, fen, comma-separated
	-- The settlement (RULES.md 5.5), fen and basis points.
	imported_excess	INTEGER NOT NULL,
	imported_selfpay INTEGER NOT NULL,
	class_b_selfpay	INTEGER NOT NULL,
	range		INTEGER NOT NULL,
	deductible	INTEGER NOT NULL,
	ratio		INTEGER NOT NULL,
	penalty		INTEGER NOT NULL,
	fund		INTEGER NOT NULL,
	penalty_part	INTEGER NOT NULL,
	serious_base	INTEGER NOT NULL,
	serious		INTEGER NOT NULL,
	assistance_base	INTEGER NOT NULL,
	assistance	INTEGER NOT NULL,
	personal	INTEGER NOT NULL,
	-- A reversal (冲正) names the claim it cancels and why.
	reverses	TEXT REFERENCES claim (key),
	reason		TEXT,
	settled_on	TEXT NOT NULL,
	at		TEXT NOT NULL,
	operator	TEXT NOT NULL,
	site		TEXT NOT NULL,
	policy_id	TEXT NOT NULL,
	policy_hash	TEXT NOT NULL,
	CHECK (reverses IS NULL OR (reason IS NOT NULL AND reason <> ''))
) WITHOUT ROWID;
CREATE UNIQUE INDEX claim_reversed_once ON claim (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX claim_person_year ON claim (id_number, benefit_year);
CREATE INDEX claim_day ON claim (settled_on);
CREATE TRIGGER claim_no_update BEFORE UPDATE ON claim
BEGIN SELECT RAISE(ABORT, 'settled claims cannot be changed: record a reversal'); END;
CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
BEGIN SELECT RAISE(ABORT, 'settled claims cannot be changed: record a reversal'); END;
CREATE TRIGGER policy_text_no_update BEFORE UPDATE ON policy_text
BEGIN SELECT RAISE(ABORT, 'a stored policy text cannot be changed'); END;
CREATE TRIGGER policy_text_no_delete BEFORE DELETE ON policy_text
BEGIN SELECT RAISE(ABORT, 'a stored policy text cannot be changed'); END;

-- migration 4
-- 4: the night sync (yibao-sync(5)).  The synced tables are those whose
-- rows carry an office-made key or the ID number: resident,
-- resident_initials_alt, household, household_member, person_category,
-- chronic_qualification, payment, offsite_registration, policy_text, claim,
-- and the audit lines (through sync_audit, below).  Local to each database:
-- setting, key_counter, operator (logins and passwords are the office's),
-- audit_log's seq, and the sync_* tables here.

-- Each op's changes to the synced tables, captured at its commit (a session
-- per transaction, see src/db/sync_capture.c).  At a hub a row is also the
-- net change one applied office file made; origin says whose work it is.
CREATE TABLE sync_outbox (
	seq		INTEGER PRIMARY KEY,
	origin		TEXT NOT NULL,		-- office code
	changeset	BLOB NOT NULL
);

-- Audit lines travel keyed by their office-made key, not by the local seq:
-- a line written to audit_log is copied here in the same transaction, the
-- session captures the copy, and the commit empties the table again.  A
-- line arriving here from another office is copied into audit_log.  Empty
-- at rest.
CREATE TABLE sync_audit (
	key		TEXT PRIMARY KEY NOT NULL,
	at		TEXT NOT NULL,
	site		TEXT NOT NULL,
	operator	TEXT NOT NULL,
	action		TEXT NOT NULL,
	record		TEXT NOT NULL,
	old_values	TEXT,
	new_values	TEXT,
	policy_id	TEXT,
	policy_hash	TEXT
) WITHOUT ROWID;
CREATE TRIGGER audit_log_travels AFTER INSERT ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM sync_audit WHERE key = NEW.key)
BEGIN
	INSERT INTO sync_audit VALUES (NEW.key, NEW.at, NEW.site, NEW.operator,
	    NEW.action, NEW.record, NEW.old_values, NEW.new_values,
	    NEW.policy_id, NEW.policy_hash);
END;
CREATE TRIGGER sync_audit_arrives AFTER INSERT ON sync_audit
WHEN NOT EXISTS (SELECT 1 FROM audit_log WHERE key = NEW.key)
BEGIN
	INSERT INTO audit_log (key, at, site, operator, action, record,
	    old_values, new_values, policy_id, policy_hash)
	VALUES (NEW.key, NEW.at, NEW.site, NEW.operator, NEW.action,
	    NEW.record, NEW.old_values, NEW.new_values, NEW.policy_id,
	    NEW.policy_hash);
END;

-- Every sync file this database wrote ('out') or applied ('in'): the
-- hub's ledger of office files and the office's record of both ways.  A
-- file already in the ledger with the same hash is skipped, with another
-- hash refused.
CREATE TABLE sync_ledger (
	direction	TEXT NOT NULL CHECK (direction IN ('in', 'out')),
	site		TEXT NOT NULL,		-- the other side: office or hub
	seq		INTEGER NOT NULL,	-- the file's sequence number
	base		INTEGER NOT NULL,	-- its acknowledged / starting hub sequence
	hash		TEXT NOT NULL,		-- SHA-256 of the changeset part, hex
	outbox_from	INTEGER,		-- the outbox rows it carried (out)
	outbox_upto	INTEGER,
	at		TEXT NOT NULL,
	operator	TEXT NOT NULL,
	PRIMARY KEY (direction, site, seq)
) WITHOUT ROWID;

-- At a hub: the offices it knows, their public keys (Ed25519, hex), the
-- last file applied and the last hub sequence each acknowledged.
CREATE TABLE sync_site (
	code		TEXT PRIMARY KEY NOT NULL,
	public_key	TEXT NOT NULL CHECK (length(public_key) = 64),
	last_seq	INTEGER NOT NULL DEFAULT 0,
	acked		INTEGER NOT NULL DEFAULT 0,
	added_at	TEXT NOT NULL
) WITHOUT ROWID;

-- At a hub: what arrival order decided and a person should review.  kind:
-- same_person (a second registration of an ID number, set aside),
-- overwritten (an edit replaced another office's version, kept here),
-- duplicate (a key already there with other values), missing (a change to
-- a row the hub does not have), constraint (a row the hub's rules refused).
CREATE TABLE sync_quarantine (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('same_person', 'overwritten',
	    'duplicate', 'missing', 'constraint')),
	tbl		TEXT NOT NULL,
	record		TEXT NOT NULL,		-- the row's key (ID number)
	site		TEXT NOT NULL,		-- the office whose file brought it
	file_seq	INTEGER NOT NULL,
	kept		TEXT,			-- JSON: the version now in the table
	other		TEXT,			-- JSON: the version set aside
	at		TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
	resolved_by	TEXT,
	resolved_at	TEXT,
	resolution	TEXT
);
CREATE INDEX sync_quarantine_open ON sync_quarantine (status, id);

-- migration 5
-- 5: household numbers (户号) are each office's own: unique per office
-- (site, number), no longer across the database, so that two offices'
-- households "0001" meet at the hub as two households.  The key stays the
-- global identity.  SQLite cannot drop an inline UNIQUE: the table is
-- rebuilt under its own name.  household_member refers to it; the drop
-- counts its rows as deferred violations and each row put back cancels
-- its own (foreign_keys cannot change inside the migration's transaction,
-- defer_foreign_keys can and ends with it).  No ALTER TABLE RENAME: it
-- would rewrite household_member's REFERENCES to the old name.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE household_v4 AS SELECT * FROM household;
DROP TABLE household;
CREATE TABLE household (
	key		TEXT PRIMARY KEY NOT NULL,
	number		TEXT NOT NULL,		-- 户号, as the office writes it
	village		TEXT NOT NULL,
	address		TEXT NOT NULL DEFAULT '',
	site		TEXT NOT NULL,		-- the office that made it
	created_at	TEXT NOT NULL,
	UNIQUE (site, number)
) WITHOUT ROWID;
INSERT INTO household (key, number, village, address, site, created_at)
SELECT key, number, village, address, site, created_at FROM household_v4;
DROP TABLE household_v4;
-- "No office's household NUMBER; offices A and B have one" needs this.
CREATE INDEX household_number ON household (number);

-- migration 6
-- 6: the enrolment report counts every resident by village and insured
-- category, leaving out the ended.  An index holding all three answers it
-- from the index alone, in order; with the village alone each of a
-- million residents was a random look-up in the table (3.5 s against
-- 1.2 s, bench/README.md).  It replaces the village index, which it
-- contains, so an import writes no more b-trees than before.
DROP INDEX resident_village;
CREATE INDEX resident_village ON resident (village, insured_category, ended_on);
