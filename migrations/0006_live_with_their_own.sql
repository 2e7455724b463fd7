-- What belongs to someone deleted is deleted with them, whatever route it came by.
--
-- Deleting a contact tombstones their interviews, meetings, timeline and open follow-ups in the
-- same transaction, with the contact's own deletion time (so that restoring the contact brings
-- back exactly those). Three routes could still leave a live row under a deleted one: a database
-- written before that rule, an older export imported, and a write from a second rolo that read
-- the contact just before it was deleted. The first is put right here, once; the triggers close
-- the other two: a row that arrives, or comes back, live under a deleted contact or interview
-- takes that one's deletion time, and so comes back with it.

UPDATE interviews SET deleted_at = (SELECT c.deleted_at FROM contacts c WHERE c.id = interviews.contact_id)
WHERE deleted_at IS NULL
  AND (SELECT c.deleted_at FROM contacts c WHERE c.id = interviews.contact_id) IS NOT NULL;
UPDATE meetings SET deleted_at = (SELECT i.deleted_at FROM interviews i WHERE i.id = meetings.interview_id)
WHERE deleted_at IS NULL
  AND (SELECT i.deleted_at FROM interviews i WHERE i.id = meetings.interview_id) IS NOT NULL;
UPDATE interactions SET deleted_at = (SELECT c.deleted_at FROM contacts c WHERE c.id = interactions.contact_id)
WHERE deleted_at IS NULL
  AND (SELECT c.deleted_at FROM contacts c WHERE c.id = interactions.contact_id) IS NOT NULL;
UPDATE follow_ups SET deleted_at = coalesce(
        (SELECT c.deleted_at FROM contacts c WHERE c.id = follow_ups.contact_id),
        (SELECT i.deleted_at FROM interviews i WHERE i.id = follow_ups.interview_id))
WHERE deleted_at IS NULL AND done_at IS NULL
  AND coalesce(
        (SELECT c.deleted_at FROM contacts c WHERE c.id = follow_ups.contact_id),
        (SELECT i.deleted_at FROM interviews i WHERE i.id = follow_ups.interview_id)) IS NOT NULL;

CREATE TRIGGER interviews_with_their_contact_insert AFTER INSERT ON interviews
WHEN NEW.deleted_at IS NULL
 AND (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id) IS NOT NULL BEGIN
    UPDATE interviews SET deleted_at = (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER interviews_with_their_contact_update AFTER UPDATE OF deleted_at, contact_id ON interviews
WHEN NEW.deleted_at IS NULL
 AND (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id) IS NOT NULL BEGIN
    UPDATE interviews SET deleted_at = (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER meetings_with_their_interview_insert AFTER INSERT ON meetings
WHEN NEW.deleted_at IS NULL
 AND (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id) IS NOT NULL BEGIN
    UPDATE meetings SET deleted_at = (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER meetings_with_their_interview_update AFTER UPDATE OF deleted_at, interview_id ON meetings
WHEN NEW.deleted_at IS NULL
 AND (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id) IS NOT NULL BEGIN
    UPDATE meetings SET deleted_at = (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER interactions_with_their_contact_insert AFTER INSERT ON interactions
WHEN NEW.deleted_at IS NULL
 AND (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id) IS NOT NULL BEGIN
    UPDATE interactions SET deleted_at = (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER interactions_with_their_contact_update AFTER UPDATE OF deleted_at, contact_id ON interactions
WHEN NEW.deleted_at IS NULL
 AND (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id) IS NOT NULL BEGIN
    UPDATE interactions SET deleted_at = (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER follow_ups_with_their_own_insert AFTER INSERT ON follow_ups
WHEN NEW.deleted_at IS NULL AND NEW.done_at IS NULL
 AND coalesce((SELECT deleted_at FROM contacts WHERE id = NEW.contact_id),
              (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id)) IS NOT NULL BEGIN
    UPDATE follow_ups SET deleted_at = coalesce(
            (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id),
            (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id))
    WHERE id = NEW.id;
END;
CREATE TRIGGER follow_ups_with_their_own_update AFTER UPDATE OF deleted_at, done_at, contact_id, interview_id ON follow_ups
WHEN NEW.deleted_at IS NULL AND NEW.done_at IS NULL
 AND coalesce((SELECT deleted_at FROM contacts WHERE id = NEW.contact_id),
              (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id)) IS NOT NULL BEGIN
    UPDATE follow_ups SET deleted_at = coalesce(
            (SELECT deleted_at FROM contacts WHERE id = NEW.contact_id),
            (SELECT deleted_at FROM interviews WHERE id = NEW.interview_id))
    WHERE id = NEW.id;
END;
