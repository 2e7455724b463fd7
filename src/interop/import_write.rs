//! Writing an import's rows, one at a time, inside its transaction: who each row is (by the
//! rules of `identity`, never taking two people for one), a new contact or an update, the
//! organisations named, and who referred whom once every row is in.

use super::identity::{FastMap, Identity, Keys, Known};
use super::import_row::{ImportRow, in_file};
use super::{ImportReport, RowError};
use crate::domain::{Contact, Id, Interaction, InteractionKind, Organization, Timestamp};
use crate::store::{StoreError, organization_named, record, tag_contact};

/// One import's writing, inside its transaction.
pub(super) struct Taking<'t> {
    tx: &'t rusqlite::Connection,
    known: Known,
    /// Organisations by name (any case), made once for the whole import.
    organizations: FastMap<String, Id>,
    /// Who referred whom, by name: linked once every row is in.
    referrals: Vec<Referral>,
    contacts: record::Inserter<'t, Contact>,
    interactions: record::Inserter<'t, Interaction>,
    /// Where the rows came from, for the timeline ("LinkedIn").
    source: &'t str,
    now: Timestamp,
}

impl<'t> Taking<'t> {
    pub(super) fn new(
        tx: &'t rusqlite::Connection,
        source: &'t str,
        now: Timestamp,
    ) -> Result<Taking<'t>, StoreError> {
        Ok(Taking {
            known: known_contacts(tx)?,
            organizations: FastMap::default(),
            referrals: Vec::new(),
            contacts: record::Inserter::new(tx)?,
            interactions: record::Inserter::new(tx)?,
            tx,
            source,
            now,
        })
    }

    /// Writes one checked row: a contact added or brought up to date, said in `report`.
    pub(super) fn take(
        &mut self,
        row: &ImportRow,
        report: &mut ImportReport,
    ) -> Result<(), StoreError> {
        let org_id = self.organization_of(row)?;
        let keys = keys_of_row(row);
        let identity = self.known.identify(&keys);
        if let Some(referrer) = row.referred_by.as_ref().filter(|r| !r.is_empty()) {
            // A new contact's id is filled in once it is made, below.
            let id = match &identity {
                Identity::Known(id) => Some(*id),
                Identity::New { .. } => None,
            };
            self.referrals.push(Referral {
                contact: id,
                referrer: referrer.clone(),
                line: row.line,
                file: row.file.clone(),
            });
        }
        match identity {
            Identity::Known(id) => {
                // An email or profile address that is someone else's stays theirs.
                let mut row = row.clone();
                if keys
                    .email
                    .as_deref()
                    .is_some_and(|e| self.known.email_taken_by_other(e, id))
                {
                    row.email.clear();
                }
                if keys
                    .profile
                    .as_deref()
                    .is_some_and(|p| self.known.profile_taken_by_other(p, id))
                {
                    row.linkedin.clear();
                }
                if apply_update(self.tx, id, &row, org_id, self.now)? {
                    report.updated += 1;
                } else {
                    report.unchanged += 1;
                }
                self.known.remember(id, keys_of_row(&row));
                self.known.claim(id);
            }
            Identity::New { looks_like } => {
                let contact = new_contact(row, org_id, self.source, self.now);
                self.contacts.insert(&contact)?;
                if row.referred_by.as_ref().is_some_and(|r| !r.is_empty())
                    && let Some(Referral {
                        contact: pending @ None,
                        ..
                    }) = self.referrals.last_mut()
                {
                    *pending = Some(contact.meta.id);
                }
                let (at, summary) = match row.connected_on {
                    Some(at) => (at, format!("Connected on {}", self.source)),
                    None => (self.now, format!("Imported from {}", self.source)),
                };
                self.interactions.insert(&Interaction::new(
                    contact.meta.id,
                    InteractionKind::Connected,
                    &summary,
                    at,
                ))?;
                for tag in &row.tags {
                    tag_contact(self.tx, contact.meta.id, tag, self.now)?;
                }
                if looks_like.is_some() && report.possible_duplicates.len() >= super::LISTED_AT_MOST
                {
                    report.possible_duplicates_unlisted += 1;
                } else if let Some((twin, why)) = looks_like {
                    let twin: Contact = record::get(self.tx, twin)?;
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
                self.known.remember(contact.meta.id, keys);
                self.known.claim(contact.meta.id);
                report.added += 1;
            }
        }
        Ok(())
    }

    /// The organisation a row names, made once per name (any case) for the whole import.
    fn organization_of(&mut self, row: &ImportRow) -> Result<Option<Id>, StoreError> {
        if row.organization.is_empty() {
            return Ok(None);
        }
        let key = row.organization.to_lowercase();
        if let Some(id) = self.organizations.get(&key) {
            return Ok(Some(*id));
        }
        let id = organization_named(self.tx, &row.organization, self.now)?;
        self.organizations.insert(key, id);
        Ok(Some(id))
    }

    /// Links each contact to who referred them (see `link_referrers`); a referrer who cannot
    /// be told is said in `report`, never dropped in silence.
    pub(super) fn link_referrers(&self, report: &mut ImportReport) -> Result<(), StoreError> {
        link_referrers(self.tx, &self.referrals, self.now, report)
    }
}

/// The keys a stored contact is recognised by.
fn keys_of_row(row: &ImportRow) -> Keys {
    Keys::of(&row.linkedin, &row.email, &row.name, &row.organization)
        .with_phone(&row.phone)
        .with_title(&row.title)
}

/// Every contact rolo has, as the identity rules see them: their keys read a row at a time,
/// never the contacts themselves (100,000 of them with their notes would be held at once).
fn known_contacts(tx: &rusqlite::Connection) -> Result<Known, StoreError> {
    // Room for them all at once: a table grown by doubling holds both sizes as it moves.
    let stored: usize = tx.query_row("SELECT count(*) FROM contacts", [], |row| row.get(0))?;
    let mut known = Known::with_capacity(stored);
    let mut stmt = tx.prepare(
        "SELECT c.id, c.linkedin, c.email, c.name, coalesce(o.name, ''), c.phone, c.title \
         FROM contacts c LEFT JOIN organizations o \
           ON o.id = c.organization_id AND o.deleted_at IS NULL \
         WHERE c.deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text = |at: usize| row.get_ref(at).map(|v| v.as_str().unwrap_or_default());
        let keys = Keys::of(text(1)?, text(2)?, text(3)?, text(4)?)
            .with_phone(text(5)?)
            .with_title(text(6)?);
        known.remember(row.get(0)?, keys);
    }
    Ok(known)
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

/// Links each contact to who referred them, by name, where exactly one contact has that name
/// and they have no referrer yet.
fn link_referrers(
    tx: &rusqlite::Connection,
    referrals: &[Referral],
    now: Timestamp,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    let mut find = tx.prepare_cached(
        "SELECT id FROM contacts WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL \
         AND id <> ?2 LIMIT 2",
    )?;
    let mut link = tx.prepare_cached(
        "UPDATE contacts SET referred_by = ?1, updated_at = ?2 WHERE id = ?3 AND referred_by IS NULL",
    )?;
    for referral in referrals {
        let Some(contact) = referral.contact else {
            continue;
        };
        let found: Vec<Id> = find
            .query_map(rusqlite::params![referral.referrer, contact], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let why = match found.as_slice() {
            [referrer] => {
                link.execute(rusqlite::params![referrer, now, contact])?;
                continue;
            }
            [] => "no contact has that name",
            _ => "several contacts have that name",
        };
        report.values_left_out.push(RowError {
            line: referral.line,
            message: in_file(
                &referral.file,
                &format!(
                    "referred by {:?}: {why}, so the referral was not linked (set it on the \
                     contact, e in the app)",
                    referral.referrer
                ),
            ),
        });
    }
    Ok(())
}

/// A row's "referred by", kept until every row is in.
struct Referral {
    /// The contact referred (a new one's id is filled in once it is made).
    contact: Option<Id>,
    referrer: String,
    line: u64,
    file: String,
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
