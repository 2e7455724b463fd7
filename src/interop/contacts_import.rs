//! Bringing contacts in, from any source: each row is checked first; contacts rolo already has
//! are recognised by the rules of `identity` (never taking two people for one) and updated; everything is written in one transaction, or nothing is.

use std::ops::ControlFlow;

use super::identity::{FastMap, Identity, Keys, Known};
use super::{ImportReport, RowError};
use crate::domain::{
    Clock, Contact, Id, Interaction, InteractionKind, Organization, Timestamp, limits, sanitize,
};
use crate::store::{Store, StoreError, looks_like_email, organization_named, record, tag_contact};

/// One contact as a file describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRow {
    pub line: u64,
    pub name: String,
    pub organization: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub location: String,
    pub notes: String,
    /// How the user met them, when the file has such a column (rolo's own export), even if
    /// empty; `None`: where they came from is said instead.
    pub how_met: Option<String>,
    /// Who referred them, by name (rolo's own exports say): linked once everyone is in.
    pub referred_by: Option<String>,
    pub tags: Vec<String>,
    /// Values the file held that could not be used (a malformed email), each with the line it is
    /// on and why: the person is imported without them, and the report lists them.
    pub left_out: Vec<(u64, String)>,
    /// The file the row came from, when an import reads several (a folder of cards): named in
    /// every problem reported about the row.
    pub file: String,
    /// When the connection was made, for the timeline.
    pub connected_on: Option<Timestamp>,
}

impl ImportRow {
    /// Cleans every field and says what is wrong with the row, if anything.
    pub fn checked(mut self) -> Result<ImportRow, RowError> {
        for field in [
            &mut self.name,
            &mut self.organization,
            &mut self.title,
            &mut self.email,
            &mut self.phone,
            &mut self.linkedin,
            &mut self.location,
        ] {
            sanitize::line_in_place(field);
        }
        for text in [&mut self.how_met, &mut self.referred_by]
            .into_iter()
            .flatten()
        {
            sanitize::line_in_place(text);
        }
        self.notes = sanitize::multiline(&self.notes);
        // A tag is a label: its words, one space apart.
        for tag in &mut self.tags {
            *tag = sanitize::line(tag)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
        }
        self.tags.retain(|t| !t.is_empty());
        let fail = |message: String| {
            Err(RowError {
                line: self.line,
                message: in_file(&self.file, &message),
            })
        };
        if self.name.is_empty() {
            // A card with no name but an organisation or an email is still someone.
            match (self.organization.is_empty(), self.email.is_empty()) {
                (false, _) => self.name = self.organization.clone(),
                (true, false) => self.name = self.email.clone(),
                (true, true) => {
                    return fail("no name, organisation or email: nothing to call them by".into());
                }
            }
        }
        if !self.email.is_empty() && !looks_like_email(&self.email) {
            return fail(format!("{:?} is not an email address", self.email));
        }
        let lengths = limits::ContactLines {
            name: &self.name,
            organization: &self.organization,
            title: &self.title,
            email: &self.email,
            phone: &self.phone,
            linkedin: &self.linkedin,
            location: &self.location,
            how_met: self.how_met.as_deref().unwrap_or(""),
        }
        .check()
        .and_then(|()| limits::check("notes", &self.notes, limits::TEXT))
        .and_then(|()| {
            let tags: Vec<(&str, &str)> = self.tags.iter().map(|t| ("tag", t.as_str())).collect();
            limits::check_lines(&tags)
        });
        if let Err(message) = lengths {
            return fail(message);
        }
        Ok(self)
    }
}

/// "cards/ada.vcf: …" for a row of one file among several; the message alone otherwise.
pub fn in_file(file: &str, message: &str) -> String {
    if file.is_empty() {
        message.to_string()
    } else {
        format!("{file}: {message}")
    }
}

/// How an import runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    pub dry_run: bool,
    pub skip_invalid: bool,
}

/// An import that wrote nothing because rows were invalid.
#[derive(Debug)]
pub enum ImportError {
    Invalid(Vec<RowError>),
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

/// The keys a stored contact is recognised by.
fn keys_of_row(row: &ImportRow) -> Keys {
    Keys::of(&row.linkedin, &row.email, &row.name, &row.organization).with_phone(&row.phone)
}

/// Every contact rolo has, as the identity rules see them.
fn known_contacts(store: &Store) -> Result<Known, StoreError> {
    let organizations: FastMap<Id, String> = store.organization_names()?.into_iter().collect();
    let mut known = Known::default();
    for contact in store.all::<Contact>(false)? {
        let org = contact
            .organization_id
            .and_then(|o| organizations.get(&o))
            .map_or("", String::as_str);
        let keys = Keys::of(&contact.linkedin, &contact.email, &contact.name, org)
            .with_phone(&contact.phone);
        known.remember(contact.meta.id, keys);
    }
    Ok(known)
}

/// Imports checked rows. Invalid rows stop the import (nothing written) unless
/// `skip_invalid`; `dry_run` reports without writing. `source` names where they came from on
/// the timeline ("LinkedIn").
pub fn import(
    store: &Store,
    rows: Vec<Result<ImportRow, RowError>>,
    options: ImportOptions,
    source: &str,
    clock: &Clock,
) -> Result<ImportReport, ImportError> {
    import_with_progress(store, rows, options, source, clock, &mut |_, _| {
        ControlFlow::Continue(())
    })
}

/// As `import`, telling `progress` (rows done, rows in all) every so often as it writes; when
/// it answers `Break` the import stops and nothing is written (`StoreError::Cancelled`).
pub fn import_with_progress(
    store: &Store,
    rows: Vec<Result<ImportRow, RowError>>,
    options: ImportOptions,
    source: &str,
    clock: &Clock,
    progress: &mut dyn FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<ImportReport, ImportError> {
    // Sized once: a growing vector of 30,000 rows is copied (and its pages faulted in) again
    // at every doubling.
    let mut valid = Vec::with_capacity(rows.len());
    let mut invalid = Vec::new();
    for row in rows {
        match row.and_then(ImportRow::checked) {
            Ok(row) => valid.push(row),
            Err(error) => invalid.push(error),
        }
    }
    invalid.sort_by_key(|e| e.line);
    if !invalid.is_empty() && !options.skip_invalid {
        return Err(ImportError::Invalid(invalid));
    }
    let mut report = ImportReport {
        skipped: invalid,
        ..ImportReport::default()
    };
    for row in &valid {
        for (line, why) in &row.left_out {
            report.values_left_out.push(RowError {
                line: *line,
                message: in_file(&row.file, &format!("{}: {}", row.name, sanitize::line(why))),
            });
        }
    }
    let mut known = known_contacts(store)?;
    let now = clock.timestamp();
    let mut write = |tx: &rusqlite::Connection| -> Result<(), StoreError> {
        let mut organizations: FastMap<String, Id> = FastMap::default();
        // (contact, the name of who referred them): linked once every row is in.
        let mut referrals: Vec<(Option<Id>, String)> = Vec::new();
        let mut contacts = record::Inserter::<Contact>::new(tx)?;
        let mut interactions = record::Inserter::<Interaction>::new(tx)?;
        let total = valid.len() as u64;
        for (done, row) in valid.iter().enumerate() {
            if done % 1_000 == 0 && progress(done as u64, total).is_break() {
                return Err(StoreError::Cancelled);
            }
            let org_id = if row.organization.is_empty() {
                None
            } else {
                let key = row.organization.to_lowercase();
                match organizations.get(&key) {
                    Some(id) => Some(*id),
                    None => {
                        let id = organization_named(tx, &row.organization, now)?;
                        organizations.insert(key, id);
                        Some(id)
                    }
                }
            };
            let keys = keys_of_row(row);
            let identity = known.identify(&keys);
            if let Some(referrer) = row.referred_by.as_ref().filter(|r| !r.is_empty()) {
                // A new contact's id is filled in once it is made, below.
                let id = match &identity {
                    Identity::Known(id) => Some(*id),
                    Identity::New { .. } => None,
                };
                referrals.push((id, referrer.clone()));
            }
            match identity {
                Identity::Known(id) => {
                    // An email or profile address that is someone else's stays theirs.
                    let mut row = row.clone();
                    if keys
                        .email
                        .as_deref()
                        .is_some_and(|e| known.email_taken_by_other(e, id))
                    {
                        row.email.clear();
                    }
                    if keys
                        .profile
                        .as_deref()
                        .is_some_and(|p| known.profile_taken_by_other(p, id))
                    {
                        row.linkedin.clear();
                    }
                    if apply_update(tx, id, &row, org_id, now)? {
                        report.updated += 1;
                    } else {
                        report.unchanged += 1;
                    }
                    known.remember(id, keys_of_row(&row));
                    known.claim(id);
                }
                Identity::New { looks_like } => {
                    let mut contact = Contact::named(&row.name, now);
                    contact.title = row.title.clone();
                    contact.organization_id = org_id;
                    contact.email = row.email.clone();
                    contact.phone = row.phone.clone();
                    contact.linkedin = row.linkedin.clone();
                    contact.location = row.location.clone();
                    contact.notes = row.notes.clone();
                    // The file's own "how we met" (even empty) when it has one; else its source.
                    contact.how_met = row.how_met.clone().unwrap_or_else(|| source.to_string());
                    contacts.insert(&contact)?;
                    if row.referred_by.as_ref().is_some_and(|r| !r.is_empty())
                        && let Some((pending @ None, _)) = referrals.last_mut()
                    {
                        *pending = Some(contact.meta.id);
                    }
                    let (at, summary) = match row.connected_on {
                        Some(at) => (at, format!("Connected on {source}")),
                        None => (now, format!("Imported from {source}")),
                    };
                    interactions.insert(&Interaction::new(
                        contact.meta.id,
                        InteractionKind::Connected,
                        &summary,
                        at,
                    ))?;
                    for tag in &row.tags {
                        tag_contact(tx, contact.meta.id, tag, now)?;
                    }
                    if let Some((twin, why)) = looks_like {
                        let twin: Contact = record::get(tx, twin)?;
                        report.possible_duplicates.push(RowError {
                            line: row.line,
                            message: in_file(
                                &row.file,
                                &format!(
                                    "{} was added, with {why} as {} already in rolo; if they \
                                     are one person, merge them (rolo merge)",
                                    contact.name, twin.name
                                ),
                            ),
                        });
                    }
                    known.remember(contact.meta.id, keys);
                    known.claim(contact.meta.id);
                    report.added += 1;
                }
            }
        }
        link_referrers(tx, &referrals, now)?;
        let _ = progress(total, total);
        Ok(())
    };
    // A dry run is the import itself, rolled back: its report is the real run's, row for row.
    if options.dry_run {
        store.rehearse(|tx| write(tx))?;
    } else {
        store.bulk_write(|tx| write(tx))?;
    }
    Ok(report)
}

/// Links each contact to who referred them, by name, where exactly one contact has that name
/// and they have no referrer yet.
fn link_referrers(
    tx: &rusqlite::Connection,
    referrals: &[(Option<Id>, String)],
    now: Timestamp,
) -> Result<(), StoreError> {
    let mut find = tx.prepare_cached(
        "SELECT id FROM contacts WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL \
         AND id <> ?2 LIMIT 2",
    )?;
    let mut link = tx.prepare_cached(
        "UPDATE contacts SET referred_by = ?1, updated_at = ?2 WHERE id = ?3 AND referred_by IS NULL",
    )?;
    for (contact, name) in referrals {
        let Some(contact) = contact else { continue };
        let found: Vec<Id> = find
            .query_map(rusqlite::params![name, contact], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if let [referrer] = found.as_slice() {
            link.execute(rusqlite::params![referrer, now, contact])?;
        }
    }
    Ok(())
}

/// Brings a known contact up to date with a row: a new title or organisation (noted on the
/// timeline as a move), and details it did not have. Says whether anything changed.
fn apply_update(
    tx: &rusqlite::Connection,
    id: Id,
    row: &ImportRow,
    org_id: Option<Id>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let mut contact: Contact = record::get(tx, id)?;
    let old_org = match contact.organization_id {
        Some(org) => record::get::<Organization>(tx, org)?.name,
        None => String::new(),
    };
    let moved_org =
        !row.organization.is_empty() && !row.organization.eq_ignore_ascii_case(&old_org);
    let new_title = !row.title.is_empty() && row.title != contact.title;
    let mut changed = moved_org || new_title;
    for (mine, theirs) in [
        (&mut contact.email, &row.email),
        (&mut contact.phone, &row.phone),
        (&mut contact.linkedin, &row.linkedin),
        (&mut contact.location, &row.location),
    ] {
        if mine.is_empty() && !theirs.is_empty() {
            *mine = theirs.clone();
            changed = true;
        }
    }
    if !changed {
        return Ok(false);
    }
    if new_title {
        contact.title = row.title.clone();
    }
    if moved_org {
        contact.organization_id = org_id;
    }
    if moved_org || new_title {
        let place = if row.organization.is_empty() {
            old_org
        } else {
            row.organization.clone()
        };
        let summary = match (new_title, row.title.is_empty()) {
            (true, false) => format!("Moved to {place} as {}", row.title),
            _ => format!("Moved to {place}"),
        };
        record::insert(
            tx,
            &Interaction::new(id, InteractionKind::Note, &summary, now),
        )?;
    }
    record::update(tx, &mut contact, now)?;
    Ok(true)
}
