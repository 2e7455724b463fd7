-- Most timeline entries and follow-ups belong to no interview (an import's "connected on",
-- a keep-in-touch reminder): their interview indexes now leave those rows out, so each such
-- write updates one index fewer. Lookups by an interview (`interview_id = ?`) still use them.
DROP INDEX interactions_by_interview;
CREATE INDEX interactions_by_interview ON interactions (interview_id)
    WHERE interview_id IS NOT NULL;
DROP INDEX follow_ups_by_interview;
CREATE INDEX follow_ups_by_interview ON follow_ups (interview_id)
    WHERE interview_id IS NOT NULL;
