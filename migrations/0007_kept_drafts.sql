-- A message drafted for an interview's step can be kept, to copy and send later: the review
-- shows it ready, and opening the draft again brings it back as it was left. Marking the
-- message sent clears it. `draft_for` is the step it was written for; once the interview owes
-- another, the draft is for a step no longer owed, and is not offered.
ALTER TABLE interviews ADD COLUMN draft TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN draft_for TEXT;
