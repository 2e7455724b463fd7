-- Every open interview's next step is derived by the playbook from the interview's own state;
-- it is no longer a follow-up record that can be closed while the interview stays put.
--
-- What the derivation needs that was not kept:
ALTER TABLE interviews ADD COLUMN nudged_at TEXT;            -- the last nudge
ALTER TABLE interviews ADD COLUMN write_up_skipped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE interviews ADD COLUMN progress_sent_at TEXT;     -- the progress update: the end
ALTER TABLE interviews ADD COLUMN snoozed_step TEXT;         -- which step a snooze moved
ALTER TABLE interviews ADD COLUMN snoozed_until TEXT;

-- The derived step's due time and the time it enters the daily review, kept beside the state
-- they are derived from so that the review and the home pane read them through an index. They
-- are empty for an interview that owes nothing, is deleted, or whose contact is.
-- Never written by hand: rolo recomputes them, in the same transaction, for every interview
-- whose state or meetings a write touched (the triggers below list them in `steps_stale`).
ALTER TABLE interviews ADD COLUMN next_due_at TEXT;
ALTER TABLE interviews ADD COLUMN next_shows_at TEXT;
CREATE INDEX interviews_by_next_due ON interviews (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX interviews_by_next_shown ON interviews (next_shows_at)
    WHERE next_shows_at IS NOT NULL;

-- (The triggers test for a row rather than INSERT OR IGNORE: a trigger's conflict clause gives
-- way to the statement's that fired it, and an upsert's would fail on a second listing.)
CREATE TABLE steps_stale (interview_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
-- Which settings the kept due times were computed with (recomputed when they change).
CREATE TABLE steps_settings (fingerprint TEXT NOT NULL);

CREATE TRIGGER interviews_step_stale_insert AFTER INSERT ON interviews BEGIN
    INSERT INTO steps_stale SELECT NEW.id WHERE NOT EXISTS
        (SELECT 1 FROM steps_stale WHERE interview_id = NEW.id);
END;
CREATE TRIGGER interviews_step_stale_update AFTER UPDATE OF
    contact_id, stage, outcome, requested_at, reply_status, replied_at, nudges_sent, nudged_at,
    evaluated_at, write_up_skipped, thanked_at, progress_sent_at, snoozed_step, snoozed_until,
    deleted_at ON interviews BEGIN
    INSERT INTO steps_stale SELECT NEW.id WHERE NOT EXISTS
        (SELECT 1 FROM steps_stale WHERE interview_id = NEW.id);
END;
CREATE TRIGGER meetings_step_stale_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO steps_stale SELECT NEW.interview_id WHERE NOT EXISTS
        (SELECT 1 FROM steps_stale WHERE interview_id = NEW.interview_id);
END;
CREATE TRIGGER meetings_step_stale_update AFTER UPDATE ON meetings BEGIN
    INSERT INTO steps_stale SELECT NEW.interview_id WHERE NOT EXISTS
        (SELECT 1 FROM steps_stale WHERE interview_id = NEW.interview_id);
    INSERT INTO steps_stale SELECT OLD.interview_id WHERE NOT EXISTS
        (SELECT 1 FROM steps_stale WHERE interview_id = OLD.interview_id);
END;
-- A contact deleted (or restored) takes their interviews' steps with them (or back).
CREATE TRIGGER contacts_step_stale AFTER UPDATE OF deleted_at ON contacts BEGIN
    INSERT INTO steps_stale SELECT i.id FROM interviews i WHERE i.contact_id = NEW.id
        AND NOT EXISTS (SELECT 1 FROM steps_stale s WHERE s.interview_id = i.id);
END;
CREATE TRIGGER meetings_step_stale_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO steps_stale SELECT OLD.interview_id WHERE NOT EXISTS
        (SELECT 1 FROM steps_stale WHERE interview_id = OLD.interview_id);
END;

-- Everything is computed on the first write after this migration (rolo does one at start).
INSERT INTO steps_stale SELECT id FROM interviews;
