//! Contacts as CSV, each cell guarded so that a spreadsheet never runs it as a formula.

use std::collections::HashMap;

use crate::domain::Contact;
use crate::store::{Store, StoreError};

/// A cell that a spreadsheet would read as a formula gets a leading apostrophe.
pub fn guard(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

pub fn export(store: &Store) -> Result<String, StoreError> {
    let organizations: HashMap<_, _> = store.organization_names()?.into_iter().collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "name",
        "title",
        "organization",
        "email",
        "phone",
        "linkedin",
        "location",
        "how_met",
        "referred_by",
        "tags",
        "notes",
    ];
    let to_error = |e: csv::Error| StoreError::Invalid(format!("writing CSV: {e}"));
    writer.write_record(header).map_err(to_error)?;
    let contacts = store.all::<Contact>(false)?;
    let names: HashMap<_, _> = contacts
        .iter()
        .map(|c| (c.meta.id, c.name.clone()))
        .collect();
    for contact in contacts {
        let org = contact
            .organization_id
            .and_then(|o| organizations.get(&o).cloned())
            .unwrap_or_default();
        let tags = store.tags_of(contact.meta.id)?.join(", ");
        let referrer = contact
            .referred_by
            .and_then(|r| names.get(&r).cloned())
            .unwrap_or_default();
        let cells = [
            &contact.name,
            &contact.title,
            &org,
            &contact.email,
            &contact.phone,
            &contact.linkedin,
            &contact.location,
            &contact.how_met,
            &referrer,
            &tags,
            &contact.notes,
        ];
        writer
            .write_record(cells.iter().map(|c| guard(c)))
            .map_err(to_error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| StoreError::Invalid(format!("writing CSV: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
