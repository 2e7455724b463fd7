-- rolo schema, version 1.
-- Every record: a UUID (v7, as text) primary key, created_at/updated_at, and a tombstone
-- deleted_at (NULL while alive). Timestamps are UTC text "YYYY-MM-DDTHH:MM:SS.mmmZ", which sorts
-- the same as time. Enumerations are checked here so that no other writer can store a value
-- the app cannot read back.

CREATE TABLE organizations (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    website     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX organizations_by_name ON organizations (name COLLATE NOCASE) WHERE deleted_at IS NULL;
-- Lets a list join an organisation's name by id from the index alone.
CREATE INDEX organizations_names ON organizations (id, name);

CREATE TABLE contacts (
    id                  TEXT PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL,
    title               TEXT NOT NULL DEFAULT '',
    organization_id     TEXT REFERENCES organizations (id),
    email               TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    linkedin            TEXT NOT NULL DEFAULT '',
    location            TEXT NOT NULL DEFAULT '',
    how_met             TEXT NOT NULL DEFAULT '',
    referred_by         TEXT REFERENCES contacts (id),
    keep_in_touch_days  INTEGER CHECK (keep_in_touch_days IS NULL OR keep_in_touch_days > 0),
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
-- (name, id) so that the contact list pages by keyset in either direction without sorting;
-- organization_id and title so that a page of the list, and the filter's index, are read from
-- this index alone, without touching the table.
CREATE INDEX contacts_by_name ON contacts (name COLLATE NOCASE, id, organization_id, title)
    WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_email ON contacts (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX contacts_by_linkedin ON contacts (linkedin) WHERE linkedin <> '';
CREATE INDEX contacts_by_referrer ON contacts (referred_by) WHERE referred_by IS NOT NULL;
CREATE INDEX contacts_by_organization ON contacts (organization_id);

CREATE TABLE tags (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE UNIQUE INDEX tags_by_name ON tags (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE contact_tags (
    contact_id  TEXT NOT NULL REFERENCES contacts (id),
    tag_id      TEXT NOT NULL REFERENCES tags (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    PRIMARY KEY (contact_id, tag_id)
);
CREATE INDEX contact_tags_by_tag ON contact_tags (tag_id);

-- One engagement with one contact, walked through the playbook.
CREATE TABLE interviews (
    id                      TEXT PRIMARY KEY NOT NULL,
    contact_id              TEXT NOT NULL REFERENCES contacts (id),
    stage                   TEXT NOT NULL DEFAULT 'request'
        CHECK (stage IN ('request', 'meet', 'evaluate', 'thank_you', 'done')),
    outcome                 TEXT
        CHECK (outcome IS NULL OR outcome IN ('declined', 'no_reply', 'cancelled', 'redirected')),
    objective               TEXT NOT NULL DEFAULT '',
    -- request
    found_via               TEXT NOT NULL DEFAULT '',
    channel                 TEXT NOT NULL DEFAULT 'email'
        CHECK (channel IN ('email', 'phone', 'linkedin', 'in_person', 'referral_intro', 'other')),
    requested_at            TEXT,
    minutes_asked           INTEGER NOT NULL DEFAULT 20 CHECK (minutes_asked > 0),
    reply_status            TEXT NOT NULL DEFAULT 'awaiting'
        CHECK (reply_status IN ('awaiting', 'accepted', 'declined', 'no_reply', 'redirected')),
    replied_at              TEXT,
    redirected_to           TEXT REFERENCES contacts (id),
    nudges_sent             INTEGER NOT NULL DEFAULT 0,
    -- evaluate
    key_points              TEXT NOT NULL DEFAULT '',
    eval_skills             TEXT NOT NULL DEFAULT '',
    eval_qualify            TEXT NOT NULL DEFAULT '',
    eval_enjoy              TEXT NOT NULL DEFAULT '',
    eval_pay                TEXT NOT NULL DEFAULT '',
    eval_organization       TEXT NOT NULL DEFAULT '',
    eval_field_needs        TEXT NOT NULL DEFAULT '',
    eval_new_ideas          TEXT NOT NULL DEFAULT '',
    offered_reference       INTEGER NOT NULL DEFAULT 0,
    offered_resume_review   INTEGER NOT NULL DEFAULT 0,
    may_contact_again       INTEGER NOT NULL DEFAULT 1,
    evaluated_at            TEXT,
    -- thank-you
    thanked_at              TEXT,
    thank_you_channel       TEXT NOT NULL DEFAULT '',
    thank_you_text          TEXT NOT NULL DEFAULT '',
    closed_at               TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    deleted_at              TEXT
);
CREATE INDEX interviews_by_contact ON interviews (contact_id);
-- The pipeline board: open interviews per stage, most recently moved first, counted from the
-- index alone.
CREATE INDEX interviews_open_by_stage ON interviews (stage, updated_at)
    WHERE deleted_at IS NULL AND outcome IS NULL;

CREATE TABLE meetings (
    id                  TEXT PRIMARY KEY NOT NULL,
    interview_id        TEXT NOT NULL REFERENCES interviews (id),
    starts_at           TEXT NOT NULL,
    duration_minutes    INTEGER NOT NULL DEFAULT 30 CHECK (duration_minutes > 0),
    mode                TEXT NOT NULL DEFAULT 'video'
        CHECK (mode IN ('in_person', 'phone', 'video')),
    place               TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'held', 'no_show', 'rescheduled', 'cancelled')),
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
CREATE INDEX meetings_by_start ON meetings (starts_at) WHERE deleted_at IS NULL;
CREATE INDEX meetings_by_interview ON meetings (interview_id);

CREATE TABLE question_lists (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);

CREATE TABLE questions (
    id          TEXT PRIMARY KEY NOT NULL,
    list_id     TEXT NOT NULL REFERENCES question_lists (id),
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX questions_by_list ON questions (list_id, position);

-- The questions of one interview. The text is copied in so that editing the bank later never
-- rewrites what was asked.
CREATE TABLE interview_questions (
    id              TEXT PRIMARY KEY NOT NULL,
    interview_id    TEXT NOT NULL REFERENCES interviews (id),
    question_id     TEXT REFERENCES questions (id),
    position        INTEGER NOT NULL,
    text            TEXT NOT NULL,
    asked           INTEGER NOT NULL DEFAULT 0,
    answer          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX interview_questions_by_interview ON interview_questions (interview_id, position);

CREATE TABLE follow_ups (
    id              TEXT PRIMARY KEY NOT NULL,
    contact_id      TEXT REFERENCES contacts (id),
    interview_id    TEXT REFERENCES interviews (id),
    kind            TEXT NOT NULL
        CHECK (kind IN ('thank_you', 'nudge', 'prepare', 'action_item', 'keep_in_touch', 'custom')),
    title           TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '',
    due_at          TEXT NOT NULL,
    done_at         TEXT,
    snoozed_count   INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
-- What the home pane, the review and `rolo today` ask: open follow-ups in due order.
-- (due_at, id) gives the list's full order, so a LIMIT stops early instead of sorting them all.
CREATE INDEX follow_ups_open_by_due ON follow_ups (due_at, id) WHERE done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX follow_ups_by_contact ON follow_ups (contact_id);
CREATE INDEX follow_ups_by_interview ON follow_ups (interview_id);

-- The timeline: every touch and every stage change.
CREATE TABLE interactions (
    id              TEXT PRIMARY KEY NOT NULL,
    contact_id      TEXT NOT NULL REFERENCES contacts (id),
    interview_id    TEXT REFERENCES interviews (id),
    kind            TEXT NOT NULL
        CHECK (kind IN ('email', 'call', 'message', 'meeting', 'note', 'thank_you', 'stage', 'connected')),
    summary         TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT '',
    occurred_at     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX interactions_by_contact ON interactions (contact_id, occurred_at);
CREATE INDEX interactions_by_interview ON interactions (interview_id);

-- Live record counts, kept by triggers, so that "how many contacts" costs one row read at any
-- size (a count(*) would scan the whole index at every start).
CREATE TABLE live_counts (
    name    TEXT PRIMARY KEY NOT NULL,
    count   INTEGER NOT NULL
);
INSERT INTO live_counts (name, count) VALUES ('contacts', 0);

CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL
BEGIN
    UPDATE live_counts SET count = count + 1 WHERE name = 'contacts';
END;
CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE live_counts SET count = count - 1 WHERE name = 'contacts';
END;
CREATE TRIGGER contacts_count_tombstone AFTER UPDATE OF deleted_at ON contacts
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    UPDATE live_counts SET count = count + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END)
    WHERE name = 'contacts';
END;

-- Open interviews (no outcome, not deleted) per stage, for the pipeline board's column counts.
INSERT INTO live_counts (name, count) VALUES
    ('open_interviews:request', 0), ('open_interviews:meet', 0), ('open_interviews:evaluate', 0),
    ('open_interviews:thank_you', 0), ('open_interviews:done', 0);

CREATE TRIGGER interviews_count_insert AFTER INSERT ON interviews
    WHEN NEW.deleted_at IS NULL AND NEW.outcome IS NULL
BEGIN
    UPDATE live_counts SET count = count + 1 WHERE name = 'open_interviews:' || NEW.stage;
END;
CREATE TRIGGER interviews_count_delete AFTER DELETE ON interviews
    WHEN OLD.deleted_at IS NULL AND OLD.outcome IS NULL
BEGIN
    UPDATE live_counts SET count = count - 1 WHERE name = 'open_interviews:' || OLD.stage;
END;
CREATE TRIGGER interviews_count_update AFTER UPDATE OF stage, outcome, deleted_at ON interviews
BEGIN
    UPDATE live_counts SET count = count - 1
    WHERE name = 'open_interviews:' || OLD.stage AND OLD.deleted_at IS NULL AND OLD.outcome IS NULL;
    UPDATE live_counts SET count = count + 1
    WHERE name = 'open_interviews:' || NEW.stage AND NEW.deleted_at IS NULL AND NEW.outcome IS NULL;
END;

-- What the user deleted by hand, newest first: the trash and `u` (undo) read this, so that
-- follow-ups the playbook withdrew on its own never show up there.
CREATE TABLE trash (
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    deleted_at  TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id)
);
CREATE INDEX trash_by_time ON trash (deleted_at);
