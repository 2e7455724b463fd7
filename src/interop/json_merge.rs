//! Merging rolo's JSON into a database, a record at a time: each record added when new,
//! replaced when the export's copy was changed later, left alone otherwise; then, once every
//! record is in, what needs them all (contacts brought back whole, the trash, one open
//! interview each, references, reminders of an old schema). The same steps serve an export
//! held in memory and one read from a file as it goes (`json_stream`), so a backup of any size
//! is restored with the memory of one record.

use std::collections::HashMap;

use super::json::{ContactTag, MergeReport};
use crate::domain::{
    Contact, Deletable, FollowUp, Id, Interaction, Interview, InterviewQuestion, Meeting,
    Organization, Question, QuestionList, Tag, Timestamp,
};
use crate::store::{Record, StoreError, record};

/// A kind of record an export holds, and how one of them is merged.
pub(super) trait Merged {
    fn merge_into(&self, merging: &mut Merging<'_>) -> Result<(), StoreError>;
}

impl Merged for Contact {
    fn merge_into(&self, merging: &mut Merging<'_>) -> Result<(), StoreError> {
        merging.contact(self)
    }
}

impl Merged for Interview {
    fn merge_into(&self, merging: &mut Merging<'_>) -> Result<(), StoreError> {
        merging.interview(self)
    }
}

impl Merged for ContactTag {
    fn merge_into(&self, merging: &mut Merging<'_>) -> Result<(), StoreError> {
        merging.contact_tag(self)
    }
}

/// Kinds merged as records are, a deleted one of `$trash` listed in the trash.
macro_rules! merged_as_records {
    ($($kind:ty => $trash:expr),* $(,)?) => {$(
        impl Merged for $kind {
            fn merge_into(&self, merging: &mut Merging<'_>) -> Result<(), StoreError> {
                merging.record(self, $trash)
            }
        }
    )*};
}

merged_as_records! {
    Organization => Some(Deletable::Organization),
    Tag => None,
    Meeting => None,
    QuestionList => Some(Deletable::QuestionList),
    Question => Some(Deletable::Question),
    InterviewQuestion => None,
    FollowUp => Some(Deletable::FollowUp),
    Interaction => Some(Deletable::Interaction),
}

/// One merge, inside its transaction.
pub(super) struct Merging<'t> {
    tx: &'t rusqlite::Connection,
    pub(super) report: MergeReport,
    /// The contacts deleted here (usually few), read once.
    deleted_here: HashMap<Id, Timestamp>,
    /// Deleted here, live (and changed since) in the export: (id, deleted here at, changed at).
    revived: Vec<(Id, Timestamp, Timestamp)>,
    /// What arrives deleted, to be listed in the trash once everything is in.
    arrived_deleted: Vec<(Deletable, Id)>,
    /// The interviews merged, and their contacts.
    interviews: Vec<(Id, Id)>,
}

impl<'t> Merging<'t> {
    pub(super) fn begin(tx: &'t rusqlite::Connection) -> Result<Merging<'t>, StoreError> {
        // References (a contact's referrer, an interview's contact) may point at records later
        // in the file: checked at the end, when all are in.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let deleted_here = tx
            .prepare("SELECT id, deleted_at FROM contacts WHERE deleted_at IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(Merging {
            tx,
            report: MergeReport::default(),
            deleted_here,
            revived: Vec::new(),
            arrived_deleted: Vec::new(),
            interviews: Vec::new(),
        })
    }

    /// A contact: held to what every import holds to, and noted when it comes back to life.
    fn contact(&mut self, contact: &Contact) -> Result<(), StoreError> {
        check_contact(contact)?;
        if contact.meta.deleted_at.is_none()
            && let Some(deleted_at) = self.deleted_here.get(&contact.meta.id)
        {
            self.revived
                .push((contact.meta.id, *deleted_at, contact.meta.updated_at));
        }
        self.record(contact, Some(Deletable::Contact))
    }

    fn interview(&mut self, interview: &Interview) -> Result<(), StoreError> {
        self.interviews
            .push((interview.meta.id, interview.contact_id));
        self.record(interview, Some(Deletable::Interview))
    }

    /// Any record; `kind` when a deleted one belongs in the trash.
    fn record<R: Record>(
        &mut self,
        incoming: &R,
        kind: Option<Deletable>,
    ) -> Result<(), StoreError> {
        if let (Some(kind), Some(_)) = (kind, incoming.meta().deleted_at) {
            self.arrived_deleted.push((kind, incoming.meta().id));
        }
        let existing: Option<R> = record::find(self.tx, incoming.meta().id)?;
        match existing {
            None => self.report.added += 1,
            Some(mine) if incoming.meta().updated_at > mine.meta().updated_at => {
                self.report.updated += 1;
            }
            Some(_) => {
                self.report.unchanged += 1;
                return Ok(());
            }
        }
        record::upsert(self.tx, incoming)
    }

    fn contact_tag(&mut self, link: &ContactTag) -> Result<(), StoreError> {
        let mine: Option<Timestamp> = rusqlite::OptionalExtension::optional(self.tx.query_row(
            "SELECT updated_at FROM contact_tags WHERE contact_id = ? AND tag_id = ?",
            rusqlite::params![link.contact_id, link.tag_id],
            |r| r.get(0),
        ))?;
        match mine {
            None => self.report.added += 1,
            Some(at) if link.updated_at > at => self.report.updated += 1,
            Some(_) => {
                self.report.unchanged += 1;
                return Ok(());
            }
        }
        self.tx.execute(
            "INSERT INTO contact_tags (contact_id, tag_id, created_at, updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (contact_id, tag_id) DO UPDATE SET created_at = ?3, updated_at = ?4, deleted_at = ?5",
            rusqlite::params![link.contact_id, link.tag_id, link.created_at, link.updated_at, link.deleted_at],
        )?;
        Ok(())
    }

    /// What needs every record in: `version` is the schema the export was written with.
    pub(super) fn finish(
        mut self,
        store: &crate::store::Store,
        version: i64,
    ) -> Result<MergeReport, StoreError> {
        let tx = self.tx;
        // Deleted here, live (and changed since) in the export: they come back whole, with
        // what went to the trash with them — never a person without their timeline.
        for (id, deleted_at, at) in &self.revived {
            let live: bool = tx.query_row(
                "SELECT deleted_at IS NULL FROM contacts WHERE id = ?",
                [id],
                |r| r.get(0),
            )?;
            if live {
                crate::store::bring_back_theirs(tx, "contacts", *id, *deleted_at, *at)?;
                tx.execute(
                    "DELETE FROM trash WHERE table_name = 'contacts' AND record_id = ?",
                    [id],
                )?;
            }
        }
        // What arrives deleted is in the trash, restorable as if deleted here (a restored
        // backup keeps its trash): people first, then what may have gone with them.
        self.arrived_deleted
            .sort_by_key(|(kind, _)| trash_order(*kind));
        for (kind, id) in &self.arrived_deleted {
            crate::store::list_in_trash(tx, *kind, *id)?;
        }
        // No one is left with two open interviews (two of every step owed).
        let mut contacts: Vec<Id> = self.interviews.iter().map(|(_, c)| *c).collect();
        contacts.sort();
        contacts.dedup();
        for contact in contacts {
            crate::store::at_most_one_open_interview(tx, contact)?;
        }
        // References are checked here, not only at the commit, so a dry run finds them too.
        let broken: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
            [],
            |r| r.get(0),
        ))?;
        if let Some(table) = broken {
            return Err(StoreError::Invalid(format!(
                "the export's {table} point at records it does not hold; nothing was imported"
            )));
        }
        if version < crate::store::DERIVED_STEPS_VERSION {
            let ids: Vec<Id> = self.interviews.iter().map(|(id, _)| *id).collect();
            crate::store::take_in_old_reminders(tx, store.playbook(), &ids)?;
        }
        Ok(self.report)
    }
}

/// The order the trash is filled in: a person before what went with them.
fn trash_order(kind: Deletable) -> u8 {
    match kind {
        Deletable::Contact => 0,
        Deletable::Organization => 1,
        Deletable::Interview => 2,
        Deletable::FollowUp => 3,
        Deletable::Interaction => 4,
        Deletable::QuestionList => 5,
        Deletable::Question => 6,
    }
}

/// A contact in an export holds to what the form and every other import hold to: a name, and
/// one-line fields no longer than a line may be.
fn check_contact(contact: &Contact) -> Result<(), StoreError> {
    let refuse = |why: String| {
        Err(StoreError::Invalid(format!(
            "the contact {} ({:?}) in the export: {why}; nothing was imported",
            contact.meta.id,
            crate::domain::sanitize::line(&contact.name.chars().take(40).collect::<String>())
        )))
    };
    if crate::domain::sanitize::line(&contact.name).is_empty() {
        return refuse("it has no name".into());
    }
    let lines = crate::domain::limits::ContactLines {
        name: &contact.name,
        organization: "",
        title: &contact.title,
        email: &contact.email,
        phone: &contact.phone,
        linkedin: &contact.linkedin,
        location: &contact.location,
        how_met: &contact.how_met,
    }
    .check();
    match lines {
        Ok(()) => Ok(()),
        Err(why) => refuse(why),
    }
}
