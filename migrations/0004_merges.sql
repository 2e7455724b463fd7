-- Two contacts found to be one person are merged: what moved, and what the kept contact held
-- before, are recorded so that the merge can be undone (like a delete, across restarts).
CREATE TABLE merges (
    id          TEXT PRIMARY KEY NOT NULL,
    kept_id     TEXT NOT NULL REFERENCES contacts (id),
    merged_id   TEXT NOT NULL REFERENCES contacts (id),
    -- JSON: the kept contact as it was, the rows moved, the tags and timeline entry added.
    undo        TEXT NOT NULL,
    merged_at   TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX merges_latest ON merges (merged_at) WHERE undone_at IS NULL;
