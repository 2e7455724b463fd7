//! Contacts as CSV, each cell guarded so that a spreadsheet never runs it as a formula.

use std::io::Write;

use crate::store::{Store, StoreError};

/// A cell that a spreadsheet would read as a formula gets a leading apostrophe.
pub fn guard(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Every live contact as a CSV row, written as it is read (the network is never held whole).
pub fn export(store: &Store, out: impl Write) -> Result<(), StoreError> {
    let mut writer = csv::Writer::from_writer(out);
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
    store.each_contact_out(|out| {
        let contact = &out.contact;
        let referrer = out.referrer.unwrap_or_default();
        let tags = out.tags.join(", ");
        let cells = [
            &contact.name,
            &contact.title,
            &out.organization,
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
            .map_err(to_error)
    })?;
    writer
        .flush()
        .map_err(|e| StoreError::io("cannot write the CSV".to_string(), e))
}
