-- What the user's mail, LinkedIn messages and calendar say, kept as facts: never a step taken.
-- A message from them after the request was sent makes the request's next step "they wrote
-- back: accepted, declined, or sent you to someone?" (the nudge stops); a message to them
-- within two days after the meeting makes the thank-you's "was that the thank-you?". The user
-- answers in the review; nothing moves without them.
ALTER TABLE interviews ADD COLUMN heard_back_at TEXT;
ALTER TABLE interviews ADD COLUMN mailed_at TEXT;

-- Each message taken in, by its Message-ID (or LinkedIn's conversation, sender and time) and
-- the contact it was with: reading the same mailbox again adds nothing.
CREATE TABLE messages_seen (
    message_key     TEXT NOT NULL,
    contact_id      TEXT NOT NULL,
    interaction_id  TEXT NOT NULL,
    seen_at         TEXT NOT NULL,
    PRIMARY KEY (message_key, contact_id)
) WITHOUT ROWID;

-- Where a mailbox was read up to: a Maildir message file by its unique name (read once), an
-- mbox by its path, with the bytes read, a fingerprint of them and the lines they hold (a file
-- rewritten or cut shorter since is read again from the start; one grown is read from where
-- it stopped).
CREATE TABLE mailbox_read (
    source      TEXT PRIMARY KEY NOT NULL,
    read_to     INTEGER NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    lines       INTEGER NOT NULL DEFAULT 0,
    -- Who rolo knew then (how many contacts, the latest change): once that changes, the
    -- mailbox is read whole again, so mail from someone added since is found.
    people      TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- A message already on the timeline (a database restored from a JSON export, which does not
-- carry messages_seen) is found by its person, time and words without reading the others.
CREATE INDEX interactions_of_messages ON interactions (contact_id, occurred_at, summary)
    WHERE kind IN ('email', 'message');

-- Each calendar event taken in, by its UID: its SEQUENCE and DTSTAMP, so an older version of
-- it (an invitation read again after the move) never undoes a newer one.
CREATE TABLE invitations_seen (
    uid       TEXT PRIMARY KEY NOT NULL,
    sequence  INTEGER NOT NULL,
    stamp     TEXT NOT NULL
) WITHOUT ROWID;
