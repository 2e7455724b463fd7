//! Two contacts that are one person, made one: everything that pointed at the duplicate —
//! interviews, follow-ups, the timeline, who they referred, their tags — moves to the contact
//! kept, which also takes the details it lacked; the duplicate goes to the trash. What moved
//! and what the kept contact held before are recorded, so the merge can be undone exactly,
//! even after a restart.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::record;
use super::{Store, StoreError, StoreResult};
use crate::domain::{Contact, Id, Interaction, InteractionKind, Timestamp};

/// The columns that point at a contact, by table.
const POINTERS: [(&str, &str); 5] = [
    ("interviews", "contact_id"),
    ("interviews", "redirected_to"),
    ("follow_ups", "contact_id"),
    ("interactions", "contact_id"),
    ("contacts", "referred_by"),
];

/// What undoing a merge needs.
#[derive(Debug, Serialize, Deserialize)]
struct Undo {
    kept_before: Contact,
    /// The kept contact as the merge left it: on undo, a field changed since keeps its new
    /// value (only what the merge changed is taken back). Absent in merges made before.
    #[serde(default)]
    kept_after: Option<Contact>,
    /// (table, column, row id) of every pointer moved from the duplicate to the kept contact.
    moved: Vec<(String, String, Id)>,
    /// Tags the kept contact gained.
    tags_added: Vec<Id>,
    /// The timeline entry that records the merge.
    note: Id,
}

/// A merge, as undo reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub kept: String,
    pub merged: String,
}

impl Store {
    /// Merges `duplicate` into `kept`; says what moved in a sentence.
    pub fn merge_contacts(&self, duplicate: Id, kept: Id, now: Timestamp) -> StoreResult<String> {
        if duplicate == kept {
            return Err(StoreError::Invalid(
                "a contact cannot be merged with itself".into(),
            ));
        }
        self.write(|tx| {
            let mut keep: Contact = live(tx, kept)?;
            let gone: Contact = live(tx, duplicate)?;
            let kept_before = keep.clone();
            let mut moved = Vec::new();
            for (table, column) in POINTERS {
                let mut select = tx.prepare(&format!(
                    "SELECT id FROM {table} WHERE {column} = ?1 AND id <> ?2"
                ))?;
                let ids: Vec<Id> = select
                    .query_map(rusqlite::params![duplicate, kept], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                tx.execute(
                    &format!(
                        "UPDATE {table} SET {column} = ?1, updated_at = ?2 \
                         WHERE {column} = ?3 AND id <> ?1"
                    ),
                    rusqlite::params![kept, now, duplicate],
                )?;
                moved.extend(ids.into_iter().map(|id| (table.to_string(), column.to_string(), id)));
            }
            // Both with an open interview: the person would owe two of every step.
            super::interviews::at_most_one_open(tx, kept, 1, None)?;
            let tags_added = take_tags(tx, duplicate, kept, now)?;
            // Their organisation, when the kept entry has another: said in the notes too.
            let other_organization = match (keep.organization_id, gone.organization_id) {
                (Some(mine), Some(theirs)) if mine != theirs => {
                    Some(record::get::<crate::domain::Organization>(tx, theirs)?.name)
                }
                _ => None,
            };
            fill_gaps(&mut keep, &gone, other_organization.as_deref());
            record::update(tx, &mut keep, now)?;
            let kept_after = Some(keep.clone());
            let summary = format!("Merged with {} (another entry for the same person)", gone.name);
            let note = Interaction::new(kept, InteractionKind::Note, &summary, now);
            record::insert(tx, &note)?;
            let undo = Undo {
                kept_before,
                kept_after,
                moved,
                tags_added,
                note: note.meta.id,
            };
            let moved_count = undo.moved.len();
            tx.execute(
                "UPDATE contacts SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2",
                rusqlite::params![now, duplicate],
            )?;
            tx.execute(
                "INSERT INTO merges (id, kept_id, merged_id, undo, merged_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![
                    Id::new(),
                    kept,
                    duplicate,
                    serde_json::to_string(&undo).map_err(|e| StoreError::Invalid(e.to_string()))?,
                    now
                ],
            )?;
            let moved = match moved_count {
                0 => "nothing else pointed at them".to_string(),
                1 => "1 record moved over".to_string(),
                n => format!("{n} records moved over (interviews, follow-ups, timeline, referrals)"),
            };
            Ok(format!(
                "Merged {} into {}: {moved}. Undo: u in the app, or rolo merge --undo",
                gone.name, keep.name
            ))
        })
    }

    /// When the newest merge not undone was made.
    pub fn last_merge_at(&self) -> StoreResult<Option<Timestamp>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT merged_at FROM merges WHERE undone_at IS NULL ORDER BY merged_at DESC, rowid DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Undoes the newest merge: everything moved goes back, the kept contact is as it was, and
    /// the duplicate is back.
    pub fn undo_last_merge(&self, now: Timestamp) -> StoreResult<Option<Merged>> {
        self.write(|tx| {
            let found: Option<(Id, Id, Id, String)> = tx
                .query_row(
                    "SELECT id, kept_id, merged_id, undo FROM merges WHERE undone_at IS NULL \
                     ORDER BY merged_at DESC, rowid DESC LIMIT 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let Some((merge, kept, duplicate, undo)) = found else {
                return Ok(None);
            };
            let undo: Undo = serde_json::from_str(&undo)
                .map_err(|e| StoreError::Invalid(format!("the merge cannot be undone: {e}")))?;
            // Deleted since, the kept contact took what the merge brought into the trash with
            // them: they come back first, and the merge is undone after.
            let kept_now: Contact = record::get(tx, kept)?;
            if kept_now.meta.deleted_at.is_some() {
                return Err(StoreError::Invalid(format!(
                    "{} is in the trash since the merge: restore them first (T), then undo it",
                    kept_now.name
                )));
            }
            // The duplicate first: what moves back to it arrives under someone live (the
            // schema keeps whatever arrives under a deleted contact deleted with them).
            tx.execute(
                "UPDATE contacts SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2",
                rusqlite::params![now, duplicate],
            )?;
            for (table, column, id) in &undo.moved {
                let known = POINTERS.iter().any(|(t, c)| t == table && c == column);
                if known {
                    tx.execute(
                        &format!("UPDATE {table} SET {column} = ?1, updated_at = ?2 WHERE id = ?3"),
                        rusqlite::params![duplicate, now, id],
                    )?;
                }
            }
            for tag in &undo.tags_added {
                tx.execute(
                    "DELETE FROM contact_tags WHERE contact_id = ?1 AND tag_id = ?2",
                    rusqlite::params![kept, tag],
                )?;
            }
            tx.execute(
                "UPDATE interactions SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2",
                rusqlite::params![now, undo.note],
            )?;
            let now_kept: Contact = record::get(tx, kept)?;
            let mut before = match &undo.kept_after {
                Some(after) => taken_back(&undo.kept_before, after, &now_kept)?,
                None => undo.kept_before.clone(),
            };
            record::update(tx, &mut before, now)?;
            tx.execute(
                "UPDATE merges SET undone_at = ?1 WHERE id = ?2",
                rusqlite::params![now, merge],
            )?;
            let merged: Contact = record::get(tx, duplicate)?;
            Ok(Some(Merged {
                kept: before.name,
                merged: merged.name,
            }))
        })
    }
}

fn live(conn: &Connection, id: Id) -> StoreResult<Contact> {
    let contact: Contact = record::get(conn, id)?;
    if contact.meta.deleted_at.is_some() {
        return Err(StoreError::Invalid(format!(
            "{} is in the trash",
            contact.name
        )));
    }
    Ok(contact)
}

/// The duplicate's live tags, given to the kept contact; the ones it did not have are returned.
fn take_tags(conn: &Connection, from: Id, to: Id, now: Timestamp) -> StoreResult<Vec<Id>> {
    let mut select = conn.prepare(
        "SELECT tag_id FROM contact_tags WHERE contact_id = ?1 AND deleted_at IS NULL \
         AND tag_id NOT IN (SELECT tag_id FROM contact_tags WHERE contact_id = ?2)",
    )?;
    let tags: Vec<Id> = select
        .query_map(rusqlite::params![from, to], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for tag in &tags {
        conn.execute(
            "INSERT INTO contact_tags (contact_id, tag_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            rusqlite::params![to, tag, now],
        )?;
    }
    Ok(tags)
}

/// The kept contact takes each detail it lacks from the duplicate; notes are joined, and a
/// detail of the duplicate's that differs from the kept one's is written into the notes, so
/// nothing either entry held is lost.
fn fill_gaps(keep: &mut Contact, gone: &Contact, other_organization: Option<&str>) {
    let mut differing: Vec<String> = other_organization
        .map(|name| format!("organisation {name}"))
        .into_iter()
        .collect();
    for (label, mine, theirs) in [
        ("title", &keep.title, &gone.title),
        ("email", &keep.email, &gone.email),
        ("phone", &keep.phone, &gone.phone),
        ("LinkedIn", &keep.linkedin, &gone.linkedin),
        ("location", &keep.location, &gone.location),
    ] {
        if !mine.is_empty() && !theirs.is_empty() && !mine.eq_ignore_ascii_case(theirs) {
            differing.push(format!("{label} {theirs}"));
        }
    }
    for (mine, theirs) in [
        (&mut keep.title, &gone.title),
        (&mut keep.email, &gone.email),
        (&mut keep.phone, &gone.phone),
        (&mut keep.linkedin, &gone.linkedin),
        (&mut keep.location, &gone.location),
        (&mut keep.how_met, &gone.how_met),
    ] {
        if mine.is_empty() {
            mine.clone_from(theirs);
        }
    }
    keep.organization_id = keep.organization_id.or(gone.organization_id);
    keep.referred_by = keep
        .referred_by
        .or(gone.referred_by)
        .filter(|r| *r != keep.meta.id && *r != gone.meta.id);
    keep.keep_in_touch_days = keep.keep_in_touch_days.or(gone.keep_in_touch_days);
    let mut added = Vec::new();
    if !differing.is_empty() {
        added.push(format!(
            "Also (from a merged entry): {}",
            differing.join("; ")
        ));
    }
    if !gone.notes.is_empty() && !keep.notes.contains(&gone.notes) {
        added.push(gone.notes.clone());
    }
    for text in added {
        keep.notes = if keep.notes.is_empty() {
            text
        } else {
            format!("{}\n\n{text}", keep.notes)
        };
    }
}

/// The kept contact with what the merge changed taken back: each field that still holds what
/// the merge put there returns to what it was before; a field edited since keeps its edit.
fn taken_back(before: &Contact, after: &Contact, now: &Contact) -> StoreResult<Contact> {
    let as_fields = |c: &Contact| match serde_json::to_value(c) {
        Ok(serde_json::Value::Object(fields)) => Ok(fields),
        _ => Err(StoreError::Invalid(
            "the merge cannot be undone: a contact did not read".into(),
        )),
    };
    let (before, after, mut now_fields) = (as_fields(before)?, as_fields(after)?, as_fields(now)?);
    for (name, value) in &mut now_fields {
        if name == "meta" {
            continue;
        }
        if after.get(name) == Some(value)
            && let Some(old) = before.get(name)
        {
            value.clone_from(old);
        }
    }
    serde_json::from_value(serde_json::Value::Object(now_fields))
        .map_err(|e| StoreError::Invalid(format!("the merge cannot be undone: {e}")))
}
