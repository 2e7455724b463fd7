//! Deleting as tombstones, and the trash: what was deleted, newest first, any of it restorable —
//! so undo works across restarts.

pub use crate::domain::rows::TrashRow;
use rusqlite::OptionalExtension;

use super::record::Record;
use super::{Store, StoreError, StoreResult};
use crate::domain::{
    Contact, Deletable, FollowUp, Id, Interaction, Interview, Organization, Question, QuestionList,
    RecordRef, Timestamp,
};

/// Where a kind of record is kept: (table, noun, label column).
fn table_of(kind: Deletable) -> (&'static str, &'static str, &'static str) {
    match kind {
        Deletable::Contact => (Contact::TABLE, Contact::NOUN, Contact::LABEL),
        Deletable::Organization => (Organization::TABLE, Organization::NOUN, Organization::LABEL),
        Deletable::FollowUp => (FollowUp::TABLE, FollowUp::NOUN, FollowUp::LABEL),
        Deletable::QuestionList => (QuestionList::TABLE, QuestionList::NOUN, QuestionList::LABEL),
        Deletable::Question => (Question::TABLE, Question::NOUN, Question::LABEL),
        Deletable::Interaction => (Interaction::TABLE, Interaction::NOUN, Interaction::LABEL),
        Deletable::Interview => (Interview::TABLE, Interview::NOUN, Interview::LABEL),
    }
}

/// What goes with a contact when it is deleted, and comes back with it: the rows of each table
/// that `which` selects for the contact ?2. They take the contact's tombstone time, so that a
/// restore brings back exactly those (and not what was deleted on its own before).
const WITH_A_CONTACT: [(&str, &str); 4] = [
    ("follow_ups", "contact_id = ?2 AND done_at IS NULL"),
    ("interactions", "contact_id = ?2"),
    (
        "meetings",
        "interview_id IN (SELECT id FROM interviews WHERE contact_id = ?2)",
    ),
    ("interviews", "contact_id = ?2"),
];

/// What goes with an interview: its meetings and its open follow-ups (?2 = the interview).
const WITH_AN_INTERVIEW: [(&str, &str); 2] = [
    ("meetings", "interview_id = ?2"),
    ("follow_ups", "interview_id = ?2 AND done_at IS NULL"),
];

/// What a deleted record of `table` takes with it.
fn goes_with(table: &str) -> &'static [(&'static str, &'static str)] {
    match table {
        "contacts" => &WITH_A_CONTACT,
        "interviews" => &WITH_AN_INTERVIEW,
        _ => &[],
    }
}

/// What went with the record `id` of `table` when it was deleted at `deleted_at`, back with
/// it — parents before their own (interviews before their meetings), so that nothing comes
/// back under a row still deleted. What was deleted on its own (in the trash itself) stays
/// there, even when it went at the same moment (a frozen clock, a script).
pub(crate) fn bring_back_theirs(
    tx: &rusqlite::Connection,
    table: &str,
    id: Id,
    deleted_at: Timestamp,
    now: Timestamp,
) -> StoreResult<()> {
    for (theirs, which) in goes_with(table).iter().rev() {
        tx.execute(
            &format!(
                "UPDATE {theirs} SET deleted_at = NULL, updated_at = ?1 \
                 WHERE {which} AND deleted_at = ?3 AND NOT EXISTS (SELECT 1 FROM trash \
                   WHERE trash.table_name = '{theirs}' AND trash.record_id = {theirs}.id)"
            ),
            rusqlite::params![now, id, deleted_at],
        )?;
    }
    Ok(())
}

/// A record that arrived deleted (from an export) is put in the trash, to be restored like
/// anything deleted here — unless it went with its contact or interview, which brings it back.
pub(crate) fn list_in_trash(tx: &rusqlite::Connection, kind: Deletable, id: Id) -> StoreResult<()> {
    let (table, _, _) = table_of(kind);
    let went_with_another = match kind {
        Deletable::Interview | Deletable::Interaction => {
            "EXISTS (SELECT 1 FROM contacts c WHERE c.id = t.contact_id \
               AND c.deleted_at = t.deleted_at)"
        }
        Deletable::FollowUp => {
            "(EXISTS (SELECT 1 FROM contacts c WHERE c.id = t.contact_id \
               AND c.deleted_at = t.deleted_at) \
             OR EXISTS (SELECT 1 FROM interviews i WHERE i.id = t.interview_id \
               AND i.deleted_at = t.deleted_at))"
        }
        _ => "0",
    };
    tx.execute(
        &format!(
            "INSERT INTO trash (table_name, record_id, deleted_at) \
             SELECT '{table}', t.id, t.deleted_at FROM {table} t \
             WHERE t.id = ?1 AND t.deleted_at IS NOT NULL AND NOT {went_with_another} \
               AND NOT EXISTS (SELECT 1 FROM trash WHERE table_name = '{table}' AND record_id = t.id)"
        ),
        [id],
    )?;
    Ok(())
}

/// The kind whose table is `table` (as the trash table records it).
fn kind_in(table: &str) -> Option<Deletable> {
    Deletable::ALL.into_iter().find(|k| table_of(*k).0 == table)
}

impl Store {
    /// Deletes a record as a tombstone. A contact takes with it everything that is theirs: open
    /// follow-ups, timeline, interviews and their meetings (see `WITH_A_CONTACT`), so that no
    /// list, count, insight, agenda or export shows what belongs to someone deleted.
    pub fn trash(&self, record: RecordRef, now: Timestamp) -> StoreResult<()> {
        self.tombstone(record, now, true)
    }

    /// Takes back what an action added (a touch logged in the review, then undone): gone as a
    /// delete is, but not listed in the trash — it was never deleted, so `u` elsewhere must not
    /// bring it back.
    pub fn retract(&self, record: RecordRef, now: Timestamp) -> StoreResult<()> {
        self.tombstone(record, now, false)
    }

    fn tombstone(&self, record: RecordRef, now: Timestamp, listed: bool) -> StoreResult<()> {
        let (table, noun, _) = table_of(record.kind);
        let id = record.id;
        self.write(|tx| {
            let changed = tx.execute(
                &format!("UPDATE {table} SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"),
                rusqlite::params![now, id],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound { what: noun, id: id.to_string() });
            }
            for (theirs, which) in goes_with(table) {
                tx.execute(
                    &format!(
                        "UPDATE {theirs} SET deleted_at = ?1, updated_at = ?1 \
                         WHERE {which} AND deleted_at IS NULL"
                    ),
                    rusqlite::params![now, id],
                )?;
            }
            if listed {
                tx.execute(
                    "INSERT OR REPLACE INTO trash (table_name, record_id, deleted_at) VALUES (?1, ?2, ?3)",
                    rusqlite::params![table, id, now],
                )?;
            }
            Ok(())
        })
    }

    /// Brings a tombstoned record back (a contact with the follow-ups deleted along with it).
    pub fn untrash(&self, record: RecordRef, now: Timestamp) -> StoreResult<()> {
        let (table, noun, _) = table_of(record.kind);
        let id = record.id;
        self.write(|tx| {
            let deleted_at: Option<Timestamp> = tx
                .query_row(
                    &format!("SELECT deleted_at FROM {table} WHERE id = ?"),
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    what: noun,
                    id: id.to_string(),
                })?;
            tx.execute(
                "DELETE FROM trash WHERE table_name = ?1 AND record_id = ?2",
                rusqlite::params![table, id],
            )?;
            let Some(deleted_at) = deleted_at else {
                return Ok(());
            };
            tx.execute(
                &format!("UPDATE {table} SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2"),
                rusqlite::params![now, id],
            )?;
            bring_back_theirs(tx, table, id, deleted_at, now)?;
            // Something of a deleted contact (or interview) stays with them: the schema's
            // triggers keep it deleted, and it comes back when they do.
            let still_deleted: bool = tx.query_row(
                &format!("SELECT deleted_at IS NOT NULL FROM {table} WHERE id = ?"),
                [id],
                |r| r.get(0),
            )?;
            if still_deleted {
                return Err(StoreError::Invalid(format!(
                    "this {noun} belongs to someone in the trash: restore them first, then this"
                )));
            }
            // An interview comes back only if it leaves its contact one open interview.
            if table == Interview::TABLE {
                let interview: Interview = super::record::get(tx, id)?;
                super::interviews::at_most_one_open(tx, interview.contact_id, 1, Some(id))?;
            }
            Ok(())
        })
    }

    /// What the user deleted, newest first (the follow-ups that went with a contact come back
    /// with it and are not listed on their own).
    pub fn trash_rows(&self, limit: u64) -> StoreResult<Vec<TrashRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT table_name, record_id, deleted_at FROM trash ORDER BY deleted_at DESC, rowid DESC LIMIT ?",
        )?;
        let entries = stmt
            .query_map([limit], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Id>(1)?,
                    r.get::<_, Timestamp>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = Vec::with_capacity(entries.len());
        for (table, id, deleted_at) in entries {
            let Some(kind) = kind_in(&table) else {
                continue;
            };
            let (table, noun, label) = table_of(kind);
            let sql =
                format!("SELECT {label} FROM {table} WHERE id = ? AND deleted_at IS NOT NULL");
            let found: Option<String> = self
                .conn()
                .prepare_cached(&sql)?
                .query_row([id], |r| r.get(0))
                .optional()?;
            if let Some(label) = found {
                rows.push(TrashRow {
                    record: RecordRef::new(kind, id),
                    noun,
                    label,
                    deleted_at,
                });
            }
        }
        Ok(rows)
    }

    /// Restores the most recently deleted record, if any; says what came back.
    /// Undoes the newest of the last delete and the last merge, saying what came back.
    pub fn undo_last(&self, now: Timestamp) -> StoreResult<Option<String>> {
        let deleted = self.trash_rows(1)?.into_iter().next().map(|r| r.deleted_at);
        let merged = self.last_merge_at()?;
        if merged.is_some() && merged >= deleted {
            return Ok(self.undo_last_merge(now)?.map(|m| {
                format!(
                    "Merge undone: {} and {} are two contacts again",
                    m.kept, m.merged
                )
            }));
        }
        Ok(self
            .undo_last_delete(now)?
            .map(|row| format!("Restored {} \"{}\"", row.noun, row.label)))
    }

    pub fn undo_last_delete(&self, now: Timestamp) -> StoreResult<Option<TrashRow>> {
        let Some(last) = self.trash_rows(1)?.into_iter().next() else {
            return Ok(None);
        };
        self.untrash(last.record, now)?;
        Ok(Some(last))
    }
}
