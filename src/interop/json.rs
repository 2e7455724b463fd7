//! rolo's own JSON: every table, tombstones included — the lossless backup, and the format two
//! machines exchange. Importing merges by id, the newer `updated_at` winning, so importing the
//! same export twice changes nothing (`json_merge`; `json_stream` reads a file as it merges).

use serde::{Deserialize, Serialize};

use super::json_merge::{Merged, Merging};
use crate::domain::{
    Contact, FollowUp, Id, Interaction, Interview, InterviewQuestion, Meeting, Organization,
    Question, QuestionList, Tag, Timestamp,
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
    let export: Export = serde_json::from_slice(bytes).map_err(|e| not_an_export(&e))?;
    check_format(&export.format)?;
    check_version(export.version)?;
    Ok(export)
}

/// Where and why a text stops being an export.
pub(super) fn not_an_export(e: &serde_json::Error) -> String {
    format!(
        "not a rolo export (line {}, column {}): {e}",
        e.line(),
        e.column()
    )
}

pub(super) fn check_format(format: &str) -> Result<(), String> {
    if format == "rolo" {
        Ok(())
    } else {
        Err(format!("\"format\" is {format:?}, not \"rolo\""))
    }
}

/// An export from a newer rolo is not read: its records may mean what this one cannot know.
pub(super) fn check_version(version: i64) -> Result<(), String> {
    if version > crate::store::LATEST_VERSION {
        return Err(format!(
            "written by a newer rolo (schema {version}; this one knows up to {}): update rolo \
             to import it",
            crate::store::LATEST_VERSION
        ));
    }
    Ok(())
}

/// Merges an export in one transaction: each record added when new, replaced when the export's
/// copy was changed later, left alone otherwise. With `dry_run`, only counts.
pub fn merge(store: &Store, export: &Export, dry_run: bool) -> Result<MergeReport, StoreError> {
    let run = |tx: &rusqlite::Connection| -> Result<MergeReport, StoreError> {
        let mut merging = Merging::begin(tx)?;
        // In the order of the file's own fields.
        each(&mut merging, &export.organizations)?;
        each(&mut merging, &export.contacts)?;
        each(&mut merging, &export.tags)?;
        each(&mut merging, &export.contact_tags)?;
        each(&mut merging, &export.interviews)?;
        each(&mut merging, &export.meetings)?;
        each(&mut merging, &export.question_lists)?;
        each(&mut merging, &export.questions)?;
        each(&mut merging, &export.interview_questions)?;
        each(&mut merging, &export.follow_ups)?;
        each(&mut merging, &export.interactions)?;
        merging.finish(store, export.version)
    };
    // A dry run follows the real run's path exactly, checks included, and is rolled back.
    if dry_run {
        store.rehearse(|tx| run(tx))
    } else {
        store.bulk_write(|tx| run(tx))
    }
}

fn each<R: Merged>(merging: &mut Merging<'_>, records: &[R]) -> Result<(), StoreError> {
    records.iter().try_for_each(|r| r.merge_into(merging))
}

/// Writes the export as JSON to `out`, as `rolo export json` does: the same text as serialising
/// `export(store)`, but each table streamed from the database as it is read, so a database of
/// 100,000 contacts is never held in memory twice (records, then text) and never copied as
/// its text grows. Serde writes a few bytes at a time: `out` should gather them (a `Vec`, a
/// `BufWriter`, or `write_behind`, which the command line uses to write on the other core).
pub fn write(store: &Store, mut out: impl std::io::Write) -> Result<(), StoreError> {
    // Every table read in one snapshot: a contact added while the export runs must not have its
    // follow-up in the file without it (such a file cannot be restored).
    let _as_of_now = store.reading_as_of_now()?;
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
