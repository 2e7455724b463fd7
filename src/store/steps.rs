//! The interviews' next steps, as the playbook derives them (`domain::playbook::next`), kept
//! beside the interviews so that the review, `rolo today` and the home pane read them through an
//! index instead of deriving every interview's step on every read.
//!
//! `next_due_at` and `next_shows_at` are never set by hand. Triggers list every interview whose
//! state or meetings a statement touched in `steps_stale`; every write transaction ends by
//! deriving those interviews' steps again (`refresh_stale`), so the kept times cannot drift
//! from the state they come from. The settings they were derived with are kept too: other
//! settings (a changed config file) derive them all again.

use rusqlite::{Connection, OptionalExtension};

use super::{StoreResult, record};
use crate::domain::playbook::{next_step, pending};
use crate::domain::settings::PlaybookSettings;
use crate::domain::{Clock, Id, Interview, Meeting, Timestamp};

/// The interview's latest live meeting (by start): the one its step is about.
pub(crate) fn latest_meeting(conn: &Connection, interview: Id) -> StoreResult<Option<Meeting>> {
    Ok(record::select::<Meeting>(
        conn,
        "interview_id = ? AND deleted_at IS NULL ORDER BY starts_at DESC, created_at DESC LIMIT 1",
        &[&interview],
    )?
    .into_iter()
    .next())
}

/// Derives again the step of every interview listed as stale, and empties the list.
pub(crate) fn refresh_stale(conn: &Connection, settings: &PlaybookSettings) -> StoreResult<()> {
    let stale: Vec<Id> = conn
        .prepare_cached("SELECT interview_id FROM steps_stale")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if stale.is_empty() {
        return Ok(());
    }
    let mut keep = conn.prepare_cached(
        "UPDATE interviews SET next_due_at = ?2, next_shows_at = ?3 WHERE id = ?1",
    )?;
    for id in stale {
        let Some(interview) = record::find::<Interview>(conn, id)? else {
            continue;
        };
        let meeting = latest_meeting(conn, id)?;
        // A deleted contact's interviews owe nothing while they are deleted.
        let contact_live: bool = conn
            .prepare_cached("SELECT deleted_at IS NULL FROM contacts WHERE id = ?")?
            .query_row([interview.contact_id], |r| r.get(0))
            .optional()?
            .unwrap_or(false);
        let step = pending(&interview, meeting.as_ref(), settings).filter(|_| contact_live);
        keep.execute(rusqlite::params![
            id,
            step.map(|s| s.due_at),
            step.map(|s| s.shows_at)
        ])?;
    }
    conn.execute("DELETE FROM steps_stale", [])?;
    Ok(())
}

/// Whether the settings differ from those the kept steps were derived with.
pub(crate) fn settings_differ(conn: &Connection, settings: &PlaybookSettings) -> StoreResult<bool> {
    let kept: Option<String> = conn
        .query_row("SELECT fingerprint FROM steps_settings", [], |r| r.get(0))
        .optional()?;
    Ok(kept.as_deref() != Some(fingerprint(settings).as_str()))
}

fn fingerprint(settings: &PlaybookSettings) -> String {
    format!("{settings:?}")
}

/// Records `settings` as those the kept steps are derived with, and lists every interview as
/// stale (in the caller's write, which derives them all again before it commits).
pub(crate) fn derive_all_with(conn: &Connection, settings: &PlaybookSettings) -> StoreResult<()> {
    conn.execute("DELETE FROM steps_settings", [])?;
    conn.execute(
        "INSERT INTO steps_settings VALUES (?)",
        [fingerprint(settings)],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO steps_stale SELECT id FROM interviews",
        [],
    )?;
    Ok(())
}

/// Whether any interview's kept step is waiting to be derived again.
pub(crate) fn any_stale(conn: &Connection) -> StoreResult<bool> {
    Ok(
        conn.query_row("SELECT EXISTS (SELECT 1 FROM steps_stale)", [], |r| {
            r.get(0)
        })?,
    )
}

pub use crate::domain::rows::StepRow;

/// Which kept time a read selects by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// When the step enters the daily review.
    Shown,
    /// When it is owed.
    Due,
}

/// The steps of live interviews of live contacts whose kept time (`by`) is before `before`,
/// soonest first, at most `limit`: each derived again at the clock's time.
pub(crate) fn steps_before(
    conn: &Connection,
    by: By,
    before: Timestamp,
    limit: u64,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<Vec<StepRow>> {
    let column = match by {
        By::Shown => "next_shows_at",
        By::Due => "next_due_at",
    };
    let sql = format!(
        "SELECT i.id, c.name FROM interviews i JOIN contacts c ON c.id = i.contact_id \
         WHERE i.{column} < ? ORDER BY i.{column}, i.rowid LIMIT ?"
    );
    let found: Vec<(Id, String)> = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params![before, limit], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<_, _>>()?;
    steps_of(conn, &found, clock, settings)
}

/// The steps of the interviews `found` (id, contact's name), in that order, those that owe one:
/// the interviews and their meetings read in two statements, whatever their number.
pub(crate) fn steps_of(
    conn: &Connection,
    found: &[(Id, String)],
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<Vec<StepRow>> {
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = found.iter().map(|(id, _)| id.to_string()).collect();
    let ids = serde_json::to_string(&ids).unwrap_or_default();
    let interviews: std::collections::HashMap<Id, Interview> =
        record::select::<Interview>(conn, "id IN (SELECT value FROM json_each(?1))", &[&ids])?
            .into_iter()
            .map(|i| (i.meta.id, i))
            .collect();
    let mut latest: std::collections::HashMap<Id, Meeting> = std::collections::HashMap::new();
    let meetings: Vec<Meeting> = record::select(
        conn,
        "interview_id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NULL",
        &[&ids],
    )?;
    for meeting in meetings {
        let later = latest.get(&meeting.interview_id).is_none_or(|kept| {
            (meeting.starts_at, meeting.meta.created_at) > (kept.starts_at, kept.meta.created_at)
        });
        if later {
            latest.insert(meeting.interview_id, meeting);
        }
    }
    let mut rows = Vec::with_capacity(found.len());
    for (id, name) in found {
        let Some(interview) = interviews.get(id) else {
            continue;
        };
        let meeting = latest.get(id);
        if let Some(step) = next_step(interview, meeting, settings, clock.timestamp()) {
            rows.push(StepRow {
                interview_id: *id,
                contact_id: interview.contact_id,
                contact_name: name.clone(),
                stage: interview.stage,
                title: step.title(name, clock),
                objective: interview.objective.clone(),
                step,
            });
        }
    }
    Ok(rows)
}

/// One interview's step now, if it owes one.
pub(crate) fn step_row(
    conn: &Connection,
    id: Id,
    name: &str,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> StoreResult<Option<StepRow>> {
    let interview: Interview = record::get(conn, id)?;
    let meeting = latest_meeting(conn, id)?;
    let Some(step) = next_step(&interview, meeting.as_ref(), settings, clock.timestamp()) else {
        return Ok(None);
    };
    Ok(Some(StepRow {
        interview_id: id,
        contact_id: interview.contact_id,
        contact_name: name.to_string(),
        stage: interview.stage,
        title: step.title(name, clock),
        objective: interview.objective,
        step,
    }))
}

/// How many live interviews' steps fall due in `[from, to)`, counting no further than `cap`.
pub(crate) fn count_due(
    conn: &Connection,
    from: Timestamp,
    to: Timestamp,
    cap: u64,
) -> StoreResult<u64> {
    Ok(conn
        .prepare_cached(
            // Read from the index alone: the kept time is empty for a deleted interview or
            // contact.
            "SELECT count(*) FROM (SELECT 1 FROM interviews \
             WHERE next_due_at >= ? AND next_due_at < ? LIMIT ?)",
        )?
        .query_row(rusqlite::params![from, to, cap], |r| r.get(0))?)
}

impl super::Store {
    /// What is owed before `before`, soonest first: the open follow-ups and the interviews'
    /// next steps, merged, at most `limit` (the home pane).
    pub fn owed_before(
        &self,
        before: Timestamp,
        limit: u64,
        clock: &Clock,
    ) -> StoreResult<Vec<crate::domain::rows::FollowUpRow>> {
        let mut rows = self.open_follow_ups_before(before, limit)?;
        let steps = steps_before(self.conn(), By::Due, before, limit, clock, self.playbook())?;
        rows.extend(steps.into_iter().map(|s| crate::domain::rows::FollowUpRow {
            id: s.interview_id,
            step: Some(s.step.kind),
            kind: s.step.kind.follow_up_kind(),
            title: s.title,
            due_at: s.step.due_at,
            contact_id: Some(s.contact_id),
            contact_name: Some(s.contact_name),
            interview_id: Some(s.interview_id),
        }));
        rows.sort_by_key(|r| r.due_at);
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(rows)
    }

    /// How many follow-ups and steps fall due in `[from, to)`, counting each no further than
    /// `cap` (a header's count costs the same however large the backlog is).
    pub fn count_owed(&self, from: Timestamp, to: Timestamp, cap: u64) -> StoreResult<u64> {
        Ok(self.count_open_follow_ups(from, to, cap)? + count_due(self.conn(), from, to, cap)?)
    }

    /// What each of `interviews` (id, contact's name) owes next, by id (those owing nothing
    /// are left out), read in two statements.
    pub fn owed_by_each(
        &self,
        interviews: &[(Id, String)],
        clock: &Clock,
    ) -> StoreResult<std::collections::HashMap<Id, crate::domain::rows::Owed>> {
        Ok(steps_of(self.conn(), interviews, clock, self.playbook())?
            .into_iter()
            .map(|row| {
                let owed = crate::domain::rows::Owed {
                    kind: row.step.kind,
                    due_at: row.step.due_at,
                };
                (row.interview_id, owed)
            })
            .collect())
    }

    /// What one interview owes next, and when (none when it owes nothing).
    pub fn owed_by(
        &self,
        interview: Id,
        clock: &Clock,
    ) -> StoreResult<Option<crate::domain::rows::Owed>> {
        Ok(self
            .next_step_of(interview, clock)?
            .map(|row| crate::domain::rows::Owed {
                kind: row.step.kind,
                due_at: row.step.due_at,
            }))
    }

    /// One interview's next step now, with its contact's name (none when it owes nothing).
    pub fn next_step_of(&self, interview: Id, clock: &Clock) -> StoreResult<Option<StepRow>> {
        let found: Interview = record::get(self.conn(), interview)?;
        let contact: crate::domain::Contact = record::get(self.conn(), found.contact_id)?;
        step_row(
            self.conn(),
            interview,
            &contact.name,
            clock,
            self.playbook(),
        )
    }

    /// Moves the interview's next step to `until` (the step it owes now; a later step is not
    /// moved). A meeting keeps its own time.
    pub fn snooze_step(&self, interview: Id, until: Timestamp, clock: &Clock) -> StoreResult<()> {
        self.write(|tx| {
            let mut found: Interview = record::get(tx, interview)?;
            let meeting = latest_meeting(tx, interview)?;
            let step = next_step(&found, meeting.as_ref(), self.playbook(), clock.timestamp());
            match step {
                None => Err(super::StoreError::Invalid(
                    "this interview owes nothing: there is no step to snooze".into(),
                )),
                Some(step) if step.kind == crate::domain::NextKind::Meeting => {
                    Err(super::StoreError::Invalid(
                        "a meeting keeps its time: move the meeting instead".into(),
                    ))
                }
                Some(step) => {
                    found.snoozed_step = Some(step.kind);
                    found.snoozed_until = Some(until);
                    record::update(tx, &mut found, clock.timestamp())
                }
            }
        })
    }

    /// The time `days` whole days from today, at the step's time of day (as a follow-up's
    /// snooze is).
    pub fn step_snooze_until(
        &self,
        interview: Id,
        days: i64,
        clock: &Clock,
    ) -> StoreResult<Timestamp> {
        let due = self
            .next_step_of(interview, clock)?
            .map_or(clock.timestamp(), |row| row.step.due_at);
        let time = due.0.with_timezone(&clock.offset).time();
        Ok(clock.at_local(clock.today() + chrono::Duration::days(days), time))
    }
}
