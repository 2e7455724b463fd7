//! rolo's own JSON: every table, tombstones included — the lossless backup, and the format two
//! machines exchange. Importing merges by id, the newer `updated_at` winning, so importing the
//! same export twice changes nothing.

use serde::{Deserialize, Serialize};

use crate::domain::{
    Contact, Deletable, FollowUp, Id, Interaction, Interview, InterviewQuestion, Meeting,
    Organization, Question, QuestionList, Tag, Timestamp,
};
use crate::store::{Record, Store, StoreError, record};

/// A contact's tag, as the join table holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactTag {
    pub contact_id: Id,
    pub tag_id: Id,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// Always "rolo".
    pub format: String,
    /// The schema version of the rolo that wrote it.
    pub version: i64,
    pub organizations: Vec<Organization>,
    pub contacts: Vec<Contact>,
    pub tags: Vec<Tag>,
    pub contact_tags: Vec<ContactTag>,
    pub interviews: Vec<Interview>,
    pub meetings: Vec<Meeting>,
    pub question_lists: Vec<QuestionList>,
    pub questions: Vec<Question>,
    pub interview_questions: Vec<InterviewQuestion>,
    pub follow_ups: Vec<FollowUp>,
    pub interactions: Vec<Interaction>,
}

/// Every contact's tags, as the join table holds them.
fn contact_tags(store: &Store) -> Result<Vec<ContactTag>, StoreError> {
    let mut stmt = store.conn().prepare(
        "SELECT contact_id, tag_id, created_at, updated_at, deleted_at FROM contact_tags ORDER BY created_at, contact_id",
    )?;
    let links = stmt
        .query_map([], |r| {
            Ok(ContactTag {
                contact_id: r.get(0)?,
                tag_id: r.get(1)?,
                created_at: r.get(2)?,
                updated_at: r.get(3)?,
                deleted_at: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(links)
}

/// The whole database as one value (for merging and for tests; `write` streams the same).
pub fn export(store: &Store) -> Result<Export, StoreError> {
    let contact_tags = contact_tags(store)?;
    Ok(Export {
        format: "rolo".into(),
        version: crate::store::LATEST_VERSION,
        organizations: store.all(true)?,
        contacts: store.all(true)?,
        tags: store.all(true)?,
        contact_tags,
        interviews: store.all(true)?,
        meetings: store.all(true)?,
        question_lists: store.all(true)?,
        questions: store.all(true)?,
        interview_questions: store.all(true)?,
        follow_ups: store.all(true)?,
        interactions: store.all(true)?,
    })
}

/// How a merge went, record by record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// Reads an export, refusing what is not one with a message that says why.
pub fn parse(bytes: &[u8]) -> Result<Export, String> {
    let export: Export = serde_json::from_slice(bytes).map_err(|e| {
        format!(
            "not a rolo export (line {}, column {}): {e}",
            e.line(),
            e.column()
        )
    })?;
    if export.format != "rolo" {
        return Err(format!("\"format\" is {:?}, not \"rolo\"", export.format));
    }
    if export.version > crate::store::LATEST_VERSION {
        return Err(format!(
            "written by a newer rolo (schema {}; this one knows up to {}): update rolo to import it",
            export.version,
            crate::store::LATEST_VERSION
        ));
    }
    Ok(export)
}

/// Merges an export in one transaction: each record added when new, replaced when the export's
/// copy was changed later, left alone otherwise. With `dry_run`, only counts.
pub fn merge(store: &Store, export: &Export, dry_run: bool) -> Result<MergeReport, StoreError> {
    let mut report = MergeReport::default();
    let run = |tx: &rusqlite::Connection, report: &mut MergeReport| -> Result<(), StoreError> {
        // References (a contact's referrer, an interview's contact) may point at records later
        // in the file: checked at commit, when all are in.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        for contact in &export.contacts {
            check_contact(contact)?;
        }
        // Deleted here, live (and changed since) in the export: they come back whole, with
        // what went to the trash with them — never a person without their timeline.
        // (The contacts deleted here are read once — usually few — not looked up one by one.)
        let deleted_here: std::collections::HashMap<Id, Timestamp> = tx
            .prepare("SELECT id, deleted_at FROM contacts WHERE deleted_at IS NOT NULL")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let revived: Vec<(Id, Timestamp, Timestamp)> = export
            .contacts
            .iter()
            .filter(|c| c.meta.deleted_at.is_none())
            .filter_map(|c| {
                let deleted_at = deleted_here.get(&c.meta.id)?;
                Some((c.meta.id, *deleted_at, c.meta.updated_at))
            })
            .collect();
        merge_all(tx, &export.organizations, report)?;
        merge_all(tx, &export.contacts, report)?;
        merge_all(tx, &export.tags, report)?;
        merge_all(tx, &export.interviews, report)?;
        merge_all(tx, &export.meetings, report)?;
        merge_all(tx, &export.question_lists, report)?;
        merge_all(tx, &export.questions, report)?;
        merge_all(tx, &export.interview_questions, report)?;
        merge_all(tx, &export.follow_ups, report)?;
        merge_all(tx, &export.interactions, report)?;
        for link in &export.contact_tags {
            merge_contact_tag(tx, link, report)?;
        }
        for (id, deleted_at, at) in revived {
            let live: bool = tx.query_row(
                "SELECT deleted_at IS NULL FROM contacts WHERE id = ?",
                [id],
                |r| r.get(0),
            )?;
            if live {
                crate::store::bring_back_theirs(tx, "contacts", id, deleted_at, at)?;
                tx.execute(
                    "DELETE FROM trash WHERE table_name = 'contacts' AND record_id = ?",
                    [id],
                )?;
            }
        }
        // What arrives deleted is in the trash, restorable as if deleted here (a restored
        // backup keeps its trash).
        list_deleted(tx, Deletable::Contact, &export.contacts)?;
        list_deleted(tx, Deletable::Organization, &export.organizations)?;
        list_deleted(tx, Deletable::Interview, &export.interviews)?;
        list_deleted(tx, Deletable::FollowUp, &export.follow_ups)?;
        list_deleted(tx, Deletable::Interaction, &export.interactions)?;
        list_deleted(tx, Deletable::QuestionList, &export.question_lists)?;
        list_deleted(tx, Deletable::Question, &export.questions)?;
        // No one is left with two open interviews (two of every step owed).
        let mut contacts: Vec<Id> = export.interviews.iter().map(|i| i.contact_id).collect();
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
        if export.version < crate::store::DERIVED_STEPS_VERSION {
            let ids: Vec<Id> = export.interviews.iter().map(|i| i.meta.id).collect();
            crate::store::take_in_old_reminders(tx, store.playbook(), &ids)?;
        }
        Ok(())
    };
    // A dry run follows the real run's path exactly, checks included, and is rolled back.
    if dry_run {
        store.rehearse(|tx| run(tx, &mut report))?;
    } else {
        store.bulk_write(|tx| run(tx, &mut report))?;
    }
    Ok(report)
}

/// A contact in an export holds to what the form and every other import hold to: a name, and
/// one-line fields no longer than a line may be.
fn check_contact(contact: &crate::domain::Contact) -> Result<(), StoreError> {
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

fn list_deleted<R: Record>(
    tx: &rusqlite::Connection,
    kind: Deletable,
    records: &[R],
) -> Result<(), StoreError> {
    for deleted in records.iter().filter(|r| r.meta().deleted_at.is_some()) {
        crate::store::list_in_trash(tx, kind, deleted.meta().id)?;
    }
    Ok(())
}

fn merge_all<R: Record>(
    tx: &rusqlite::Connection,
    records: &[R],
    report: &mut MergeReport,
) -> Result<(), StoreError> {
    for incoming in records {
        let existing: Option<R> = record::find(tx, incoming.meta().id)?;
        match existing {
            None => report.added += 1,
            Some(mine) if incoming.meta().updated_at > mine.meta().updated_at => {
                report.updated += 1
            }
            Some(_) => {
                report.unchanged += 1;
                continue;
            }
        }
        record::upsert(tx, incoming)?;
    }
    Ok(())
}

fn merge_contact_tag(
    tx: &rusqlite::Connection,
    link: &ContactTag,
    report: &mut MergeReport,
) -> Result<(), StoreError> {
    let mine: Option<Timestamp> = rusqlite::OptionalExtension::optional(tx.query_row(
        "SELECT updated_at FROM contact_tags WHERE contact_id = ? AND tag_id = ?",
        rusqlite::params![link.contact_id, link.tag_id],
        |r| r.get(0),
    ))?;
    match mine {
        None => report.added += 1,
        Some(at) if link.updated_at > at => report.updated += 1,
        Some(_) => {
            report.unchanged += 1;
            return Ok(());
        }
    }
    tx.execute(
        "INSERT INTO contact_tags (contact_id, tag_id, created_at, updated_at, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (contact_id, tag_id) DO UPDATE SET created_at = ?3, updated_at = ?4, deleted_at = ?5",
        rusqlite::params![link.contact_id, link.tag_id, link.created_at, link.updated_at, link.deleted_at],
    )?;
    Ok(())
}

/// Writes the export as JSON to `out`, as `rolo export json` does: the same text as serialising
/// `export(store)`, but each table streamed from the database as it is read, so a database of
/// 100,000 contacts is never held in memory twice (records, then text) and never copied as
/// its text grows.
pub fn write(store: &Store, out: impl std::io::Write) -> Result<(), StoreError> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let stream = Stream { store };
    serde_json::to_writer(&mut out, &stream)
        .map_err(|e| StoreError::Invalid(format!("writing JSON: {e}")))?;
    std::io::Write::write_all(&mut out, b"\n")
        .and_then(|()| std::io::Write::flush(&mut out))
        .map_err(|e| StoreError::Invalid(format!("writing JSON: {e}")))
}

/// The export's fields, in `Export`'s order, each table read as it is written.
struct Stream<'a> {
    store: &'a Store,
}

impl Serialize for Stream<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let store = self.store;
        let mut fields = serializer.serialize_struct("Export", 13)?;
        fields.serialize_field("format", "rolo")?;
        fields.serialize_field("version", &crate::store::LATEST_VERSION)?;
        fields.serialize_field("organizations", &Table::<Organization>::new(store))?;
        fields.serialize_field("contacts", &Table::<Contact>::new(store))?;
        fields.serialize_field("tags", &Table::<Tag>::new(store))?;
        let contact_tags = contact_tags(store).map_err(serde::ser::Error::custom)?;
        fields.serialize_field("contact_tags", &contact_tags)?;
        fields.serialize_field("interviews", &Table::<Interview>::new(store))?;
        fields.serialize_field("meetings", &Table::<Meeting>::new(store))?;
        fields.serialize_field("question_lists", &Table::<QuestionList>::new(store))?;
        fields.serialize_field("questions", &Table::<Question>::new(store))?;
        fields.serialize_field(
            "interview_questions",
            &Table::<InterviewQuestion>::new(store),
        )?;
        fields.serialize_field("follow_ups", &Table::<FollowUp>::new(store))?;
        fields.serialize_field("interactions", &Table::<Interaction>::new(store))?;
        fields.end()
    }
}

/// Every record of one kind, tombstones included, serialised as a list while it is read.
struct Table<'a, R> {
    store: &'a Store,
    kind: std::marker::PhantomData<R>,
}

impl<'a, R> Table<'a, R> {
    fn new(store: &'a Store) -> Self {
        Table {
            store,
            kind: std::marker::PhantomData,
        }
    }
}

impl<R: Record + Serialize> Serialize for Table<'_, R> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut list = serializer.serialize_seq(None)?;
        record::for_each::<R>(self.store.conn(), true, |record| {
            list.serialize_element(&record).map_err(|e| e.to_string())
        })
        .map_err(S::Error::custom)?;
        list.end()
    }
}
