-- Global search: one FTS5 index over what a person may remember a word of — contacts,
-- organisations, the timeline, answers given in meetings, interviews. Each entry's rowid is
-- its source row's rowid times 8 plus the kind (see src/store/search.rs), so an entry is found
-- and replaced without a scan.
--
-- The index is brought up to date when a search opens, not on every write, so that an import
-- of 30,000 contacts costs what it did: new rows are found by rowid (search_state remembers
-- how far each table was indexed), changed and deleted ones by the triggers below, which note
-- them in search_dirty.
-- Prefixes of two and three letters are indexed too: the first letters typed match many
-- words, and without them each keystroke would gather every word they begin.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- Segments are merged a little at every indexing step instead (src/store/search.rs).
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);

CREATE TABLE search_state (
    table_name  TEXT PRIMARY KEY NOT NULL,
    last_rowid  INTEGER NOT NULL
);
INSERT INTO search_state (table_name, last_rowid) VALUES
    ('contacts', 0), ('organizations', 0), ('interactions', 0), ('interview_questions', 0),
    ('interviews', 0);

-- Rows changed or removed since they were indexed. The triggers test before inserting rather
-- than say OR IGNORE: inside an upsert, the outer statement's conflict rule would win.
CREATE TABLE search_dirty (
    table_name    TEXT NOT NULL,
    source_rowid  INTEGER NOT NULL,
    PRIMARY KEY (table_name, source_rowid)
) WITHOUT ROWID;

CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'contacts', NEW.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'contacts' AND source_rowid = NEW.rowid);
END;
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'contacts', OLD.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'contacts' AND source_rowid = OLD.rowid);
END;
CREATE TRIGGER organizations_search_update AFTER UPDATE ON organizations
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'organizations', NEW.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'organizations' AND source_rowid = NEW.rowid);
END;
CREATE TRIGGER organizations_search_delete AFTER DELETE ON organizations
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'organizations', OLD.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'organizations' AND source_rowid = OLD.rowid);
END;
CREATE TRIGGER interactions_search_update AFTER UPDATE ON interactions
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'interactions', NEW.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'interactions' AND source_rowid = NEW.rowid);
END;
CREATE TRIGGER interactions_search_delete AFTER DELETE ON interactions
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'interactions', OLD.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'interactions' AND source_rowid = OLD.rowid);
END;
CREATE TRIGGER interview_questions_search_update AFTER UPDATE ON interview_questions
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'interview_questions', NEW.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'interview_questions' AND source_rowid = NEW.rowid);
END;
CREATE TRIGGER interview_questions_search_delete AFTER DELETE ON interview_questions
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'interview_questions', OLD.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'interview_questions' AND source_rowid = OLD.rowid);
END;
CREATE TRIGGER interviews_search_update AFTER UPDATE ON interviews
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'interviews', NEW.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'interviews' AND source_rowid = NEW.rowid);
END;
CREATE TRIGGER interviews_search_delete AFTER DELETE ON interviews
BEGIN
    INSERT INTO search_dirty (table_name, source_rowid)
    SELECT 'interviews', OLD.rowid WHERE NOT EXISTS (
        SELECT 1 FROM search_dirty WHERE table_name = 'interviews' AND source_rowid = OLD.rowid);
END;
