//! Databases and exports from before schema 5 kept the playbook's reminders as follow-up
//! records (a nudge, prepare, thank-you or keep-in-touch follow-up of an interview, and two
//! kinds of custom one: "No reply from … mark as no reply?" and "Find a new time with …").
//! The next step is now derived from the interview, so each such open record is taken in:
//! tombstoned (it would repeat the derived step), its due time kept as a snooze of the step
//! it stood for when it differs. Nothing owed is lost, and nothing is owed twice.
//!
//! A finished interview (thanked, at "done") of that time owed nothing unless its
//! keep-in-touch reminder was still open: without one, its progress update is taken as done.

use rusqlite::Connection;

use super::{StoreResult, record, steps};
use crate::domain::playbook::pending;
use crate::domain::settings::PlaybookSettings;
use crate::domain::{FollowUp, FollowUpKind, Id, Interview, NextKind, Timestamp};

/// Which finished interviews to take as having had their progress update.
pub(crate) enum Finished<'a> {
    /// Every one (a database migrated from before schema 5).
    All,
    /// These (the interviews of an export from before schema 5).
    These(&'a [Id]),
}

/// The step an old reminder stood for, if it was one of the playbook's.
fn stood_for(follow_up: &FollowUp) -> Option<NextKind> {
    match follow_up.kind {
        FollowUpKind::Nudge => Some(NextKind::Nudge),
        FollowUpKind::Prepare => Some(NextKind::Meeting),
        FollowUpKind::ThankYou => Some(NextKind::ThankYou),
        FollowUpKind::KeepInTouch => Some(NextKind::ProgressUpdate),
        FollowUpKind::Custom if follow_up.title.starts_with("No reply from ") => {
            Some(NextKind::CloseNoReply)
        }
        FollowUpKind::Custom if follow_up.title.starts_with("Find a new time with ") => {
            Some(NextKind::SetMeeting)
        }
        FollowUpKind::Custom | FollowUpKind::ActionItem => None,
    }
}

/// Takes the old reminders in (see the module's comment), in the caller's transaction.
pub(crate) fn take_in(
    conn: &Connection,
    settings: &PlaybookSettings,
    finished: &Finished<'_>,
    now: Timestamp,
) -> StoreResult<()> {
    let open: Vec<FollowUp> = record::select(
        conn,
        "interview_id IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL \
         AND kind IN ('nudge', 'prepare', 'thank_you', 'keep_in_touch', 'custom')",
        &[],
    )?;
    let reminded: std::collections::HashSet<Id> = open
        .iter()
        .filter(|f| f.kind == FollowUpKind::KeepInTouch)
        .filter_map(|f| f.interview_id)
        .collect();
    let done: Vec<Interview> = record::select(
        conn,
        "stage = 'done' AND outcome IS NULL AND progress_sent_at IS NULL AND deleted_at IS NULL",
        &[],
    )?;
    for mut interview in done {
        let in_scope = match finished {
            Finished::All => true,
            Finished::These(ids) => ids.contains(&interview.meta.id),
        };
        if in_scope && !reminded.contains(&interview.meta.id) {
            interview.progress_sent_at = Some(
                interview
                    .thanked_at
                    .or(interview.closed_at)
                    .unwrap_or(interview.meta.updated_at),
            );
            record::update(conn, &mut interview, now)?;
        }
    }
    for mut follow_up in open {
        let (Some(kind), Some(interview_id)) = (stood_for(&follow_up), follow_up.interview_id)
        else {
            continue;
        };
        follow_up.meta.deleted_at = Some(now);
        record::update(conn, &mut follow_up, now)?;
        let Some(mut interview) = record::find::<Interview>(conn, interview_id)? else {
            continue;
        };
        let meeting = steps::latest_meeting(conn, interview_id)?;
        let derived = pending(&interview, meeting.as_ref(), settings);
        // A meeting keeps its own time; any other step keeps the reminder's, if it moved.
        if let Some(step) = derived
            && step.kind == kind
            && kind != NextKind::Meeting
            && step.due_at != follow_up.due_at
        {
            interview.snoozed_step = Some(kind);
            interview.snoozed_until = Some(follow_up.due_at);
            record::update(conn, &mut interview, now)?;
        }
    }
    Ok(())
}
