//! Saving a contact as one unit — the contact, the organisation it names (found or made), the
//! person who referred them, its tags and, for a new one, a line on the timeline — in one
//! transaction. The app's contact form and `rolo add contact` both save through here.

use super::contacts::{one_contact_named, organization_named};
use super::record;
use super::{Store, StoreResult};
use crate::domain::{Contact, Id, Interaction, InteractionKind, Timestamp, sanitize};

/// Where a saved contact works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Workplace {
    /// No organisation.
    None,
    /// One already known, by id.
    Known(Id),
    /// One by name: found (any case) or made.
    Named(String),
}

/// Who referred a saved contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Referrer {
    /// Leave it as the contact says (`contact.referred_by`).
    AsIs,
    /// The one contact by this name (refused when none or several are).
    Named(String),
}

/// A contact to save: new, or as edited since `read_at` (a save over a version saved elsewhere
/// meanwhile is refused, so the editor can bring their form up to date).
#[derive(Debug, Clone)]
pub struct ContactSave {
    pub contact: Contact,
    pub workplace: Workplace,
    pub referrer: Referrer,
    /// The tags to set; `None` leaves them.
    pub tags: Option<Vec<String>>,
    /// For an edit: the version the editor read, if it should be checked.
    pub read_at: Option<Timestamp>,
    pub is_new: bool,
}

impl Store {
    /// Saves `save` in one transaction; the contact's id.
    pub fn save_contact(&self, mut save: ContactSave, now: Timestamp) -> StoreResult<Id> {
        self.write(|tx| {
            let contact = &mut save.contact;
            contact.organization_id = match &save.workplace {
                Workplace::None => None,
                Workplace::Known(id) => Some(*id),
                Workplace::Named(name) => match sanitize::line(name) {
                    name if name.is_empty() => None,
                    name => Some(organization_named(tx, &name, now)?),
                },
            };
            let mut summary = "Added to rolo".to_string();
            if let Referrer::Named(name) = &save.referrer {
                let referrer = one_contact_named(tx, &sanitize::line(name))?;
                summary = format!("Added to rolo, referred by {}", referrer.name);
                contact.referred_by = Some(referrer.meta.id);
            }
            if save.is_new {
                record::insert(tx, contact)?;
                let entry = Interaction::new(contact.meta.id, InteractionKind::Note, &summary, now);
                record::insert(tx, &entry)?;
            } else {
                if let Some(version) = save.read_at {
                    record::ensure_version::<Contact>(tx, contact.meta.id, version)?;
                }
                record::update(tx, contact, now)?;
            }
            if let Some(tags) = &save.tags {
                Store::set_tags(tx, contact.meta.id, tags, now)?;
            }
            Ok(contact.meta.id)
        })
    }
}
