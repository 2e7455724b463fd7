//! Deleting as tombstones, and the trash: what was deleted, newest first, any of it restorable —
//! so undo works across restarts.

use rusqlite::OptionalExtension;

use super::record::Record;
use super::{Store, StoreError, StoreResult};
use crate::domain::{
    Contact, FollowUp, Id, Interaction, Organization, Question, QuestionList, Timestamp,
};

/// One deleted record, as the trash lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashRow {
    pub table: &'static str,
    pub noun: &'static str,
    pub id: Id,
    pub label: String,
    pub deleted_at: Timestamp,
}

/// The kinds a user deletes by hand: (table, noun, label column).
const TRASHABLE: [(&str, &str, &str); 6] = [
    (Contact::TABLE, Contact::NOUN, Contact::LABEL),
    (Organization::TABLE, Organization::NOUN, Organization::LABEL),
    (FollowUp::TABLE, FollowUp::NOUN, FollowUp::LABEL),
    (QuestionList::TABLE, QuestionList::NOUN, QuestionList::LABEL),
    (Question::TABLE, Question::NOUN, Question::LABEL),
    (Interaction::TABLE, Interaction::NOUN, Interaction::LABEL),
];

fn kind_of(table: &str) -> StoreResult<(&'static str, &'static str, &'static str)> {
    TRASHABLE
        .iter()
        .copied()
        .find(|(t, _, _)| *t == table)
        .ok_or_else(|| {
            StoreError::Invalid(format!("{table} records are not restored from the trash"))
        })
}

impl Store {
    /// Deletes a record as a tombstone. A contact takes its open follow-ups with it (stamped
    /// with the same time, so that restoring the contact brings exactly those back).
    pub fn trash(&self, table: &str, id: Id, now: Timestamp) -> StoreResult<()> {
        let (table, noun, _) = kind_of(table)?;
        self.write(|tx| {
            let changed = tx.execute(
                &format!("UPDATE {table} SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"),
                rusqlite::params![now, id],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound { what: noun, id: id.to_string() });
            }
            if table == Contact::TABLE {
                tx.execute(
                    "UPDATE follow_ups SET deleted_at = ?1, updated_at = ?1 \
                     WHERE contact_id = ?2 AND deleted_at IS NULL AND done_at IS NULL",
                    rusqlite::params![now, id],
                )?;
            }
            Ok(())
        })
    }

    /// Brings a tombstoned record back (a contact with the follow-ups deleted along with it).
    pub fn untrash(&self, table: &str, id: Id, now: Timestamp) -> StoreResult<()> {
        let (table, noun, _) = kind_of(table)?;
        self.write(|tx| {
            let deleted_at: Option<Timestamp> = tx
                .query_row(&format!("SELECT deleted_at FROM {table} WHERE id = ?"), [id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| StoreError::NotFound { what: noun, id: id.to_string() })?;
            let Some(deleted_at) = deleted_at else { return Ok(()) };
            tx.execute(
                &format!("UPDATE {table} SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2"),
                rusqlite::params![now, id],
            )?;
            if table == Contact::TABLE {
                tx.execute(
                    "UPDATE follow_ups SET deleted_at = NULL, updated_at = ?1 WHERE contact_id = ?2 AND deleted_at = ?3",
                    rusqlite::params![now, id, deleted_at],
                )?;
            }
            Ok(())
        })
    }

    /// Deleted records, newest first. Follow-ups that went with a contact are listed under it.
    pub fn trash_rows(&self, limit: u64) -> StoreResult<Vec<TrashRow>> {
        let mut rows = Vec::new();
        for (table, noun, label) in TRASHABLE {
            let cascaded = if table == FollowUp::TABLE {
                "AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = t.contact_id AND c.deleted_at = t.deleted_at)"
            } else {
                ""
            };
            let sql = format!(
                "SELECT t.id, t.{label}, t.deleted_at FROM {table} t WHERE t.deleted_at IS NOT NULL {cascaded} \
                 ORDER BY t.deleted_at DESC LIMIT ?"
            );
            let mut stmt = self.conn().prepare_cached(&sql)?;
            let found = stmt.query_map([limit], |r| {
                Ok(TrashRow {
                    table,
                    noun,
                    id: r.get(0)?,
                    label: r.get(1)?,
                    deleted_at: r.get(2)?,
                })
            })?;
            for row in found {
                rows.push(row?);
            }
        }
        rows.sort_by_key(|row| std::cmp::Reverse(row.deleted_at));
        rows.truncate(limit as usize);
        Ok(rows)
    }

    /// Restores the most recently deleted record, if any; says what came back.
    pub fn undo_last_delete(&self, now: Timestamp) -> StoreResult<Option<TrashRow>> {
        let Some(last) = self.trash_rows(1)?.into_iter().next() else {
            return Ok(None);
        };
        self.untrash(last.table, last.id, now)?;
        Ok(Some(last))
    }
}
