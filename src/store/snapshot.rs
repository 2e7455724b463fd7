//! An interview as it stood before a step, so that the step can be undone exactly: the
//! interview and its meetings put back, and what the step added (timeline entries, follow-ups,
//! a meeting, the contact a redirect or a referral made) tombstoned.
//!
//! What was added is told by SQLite's row numbers: a row inserted after the snapshot has a
//! larger one than any row there was when it was taken. That covers every way a step adds
//! rows (a plan, a write-up, a draft sent) without each having to list them.

use rusqlite::Connection;

use super::{Store, StoreResult, record};
use crate::domain::{Clock, Contact, Id, Interview, Meeting, Timestamp};

/// An interview before a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewSnapshot {
    pub interview: Interview,
    pub meetings: Vec<Meeting>,
    /// The largest row number of each table a step adds to, when it was taken.
    marks: [i64; 4],
    /// What undoing it says: "marked the meeting held".
    pub what: String,
}

const ADDED_TO: [&str; 4] = ["follow_ups", "interactions", "contacts", "meetings"];

fn last_row(conn: &Connection, table: &str) -> StoreResult<i64> {
    Ok(conn.query_row(
        &format!("SELECT coalesce(max(rowid), 0) FROM {table}"),
        [],
        |r| r.get(0),
    )?)
}

impl Store {
    /// The interview as it stands, to undo what is done to it next (`what` names it).
    pub fn snapshot(&self, interview: Id, what: &str) -> StoreResult<InterviewSnapshot> {
        let conn = self.conn();
        let mut marks = [0; 4];
        for (mark, table) in marks.iter_mut().zip(ADDED_TO) {
            *mark = last_row(conn, table)?;
        }
        Ok(InterviewSnapshot {
            interview: record::get(conn, interview)?,
            meetings: record::select(conn, "interview_id = ?", &[&interview])?,
            marks,
            what: what.to_string(),
        })
    }

    /// Puts the interview back as the snapshot holds it, in one transaction.
    pub fn restore_snapshot(&self, before: &InterviewSnapshot, clock: &Clock) -> StoreResult<()> {
        let now = clock.timestamp();
        self.write(|tx| {
            let id = before.interview.meta.id;
            let person: Contact = record::get(tx, before.interview.contact_id)?;
            // Contacts the step made: those referred by the interviewee, added since.
            let made: Vec<Id> = tx
                .prepare("SELECT id FROM contacts WHERE rowid > ?1 AND referred_by = ?2")?
                .query_map(rusqlite::params![before.marks[2], person.meta.id], |r| {
                    r.get(0)
                })?
                .collect::<Result<_, _>>()?;
            for contact in &made {
                tombstone(tx, "contacts", "id = ?1", contact, 0, now)?;
            }
            let mut concerned = made.clone();
            concerned.push(person.meta.id);
            concerned.extend(person.referred_by);
            // Timeline entries and follow-ups the step added, about the interview or the people
            // it concerns.
            for (table, after) in [
                ("follow_ups", before.marks[0]),
                ("interactions", before.marks[1]),
            ] {
                for contact in &concerned {
                    tombstone(tx, table, "contact_id = ?1", contact, after, now)?;
                }
                tombstone(tx, table, "interview_id = ?1", &id, after, now)?;
            }
            tombstone(
                tx,
                "meetings",
                "interview_id = ?1",
                &id,
                before.marks[3],
                now,
            )?;
            for meeting in &before.meetings {
                let mut meeting = meeting.clone();
                record::update(tx, &mut meeting, now)?;
            }
            let mut interview = before.interview.clone();
            record::update(tx, &mut interview, now)?;
            // Undone into an open interview while another was started meanwhile: refused.
            super::interviews::at_most_one_open(
                tx,
                interview.contact_id,
                1,
                Some(interview.meta.id),
            )
        })
    }
}

/// Tombstones the live rows of `table` added after row `after` that match `which` (?1 = `id`).
fn tombstone(
    tx: &Connection,
    table: &str,
    which: &str,
    id: &Id,
    after: i64,
    now: Timestamp,
) -> StoreResult<()> {
    tx.execute(
        &format!(
            "UPDATE {table} SET deleted_at = ?2, updated_at = ?2 \
             WHERE {which} AND rowid > ?3 AND deleted_at IS NULL"
        ),
        rusqlite::params![id, now, after],
    )?;
    Ok(())
}
