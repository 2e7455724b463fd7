//! Bringing contacts in, from any source: each row is checked first (`import_row`); contacts
//! rolo already has are recognised by the rules of `identity` (never taking two people for one)
//! and updated; everything is written in one transaction, or nothing is.

use std::ops::ControlFlow;

pub use super::import_row::{ImportRow, in_file};

use super::identity::{FastMap, Identity, Keys, Known};
use super::{ImportReport, RowError};
use crate::domain::{
    Clock, Contact, Id, Interaction, InteractionKind, Organization, Timestamp, sanitize,
};
use crate::store::{Store, StoreError, organization_named, record, tag_contact};

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

/// The rows that pass their checks, and the refusals of the others in line order.
fn checked(rows: Vec<Result<ImportRow, RowError>>) -> (Vec<ImportRow>, Vec<RowError>) {
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
    (valid, invalid)
}

/// The organisation a row names, made once per name (any case) for the whole import.
fn organization_of(
    tx: &rusqlite::Connection,
    row: &ImportRow,
    made: &mut FastMap<String, Id>,
    now: Timestamp,
) -> Result<Option<Id>, StoreError> {
    if row.organization.is_empty() {
        return Ok(None);
    }
    let key = row.organization.to_lowercase();
    if let Some(id) = made.get(&key) {
        return Ok(Some(*id));
    }
    let id = organization_named(tx, &row.organization, now)?;
    made.insert(key, id);
    Ok(Some(id))
}

/// A contact made from a row of the file.
fn new_contact(row: &ImportRow, organization: Option<Id>, source: &str, now: Timestamp) -> Contact {
    let mut contact = Contact::named(&row.name, now);
    contact.title = row.title.clone();
    contact.organization_id = organization;
    contact.email = row.email.clone();
    contact.phone = row.phone.clone();
    contact.linkedin = row.linkedin.clone();
    contact.location = row.location.clone();
    contact.notes = row.notes.clone();
    // The file's own "how we met" (even empty) when it has one; else its source.
    contact.how_met = row.how_met.clone().unwrap_or_else(|| source.to_string());
    contact
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
    let (valid, invalid) = checked(rows);
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
            let org_id = organization_of(tx, row, &mut organizations, now)?;
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
                    let contact = new_contact(row, org_id, source, now);
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
        let summary = match (new_title, row.title.is_empty(), place.trim().is_empty()) {
            (true, false, false) => format!("Moved to {place} as {}", row.title),
            (true, false, true) => format!("Now {}", row.title),
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
