//! Every live contact as an address book shows them — with their organisation, who referred
//! them and their tags — read one row at a time, so an export of any size holds one contact
//! in memory, not the network.

use super::record::Record;
use super::{Store, StoreResult};
use crate::domain::Contact;

/// One contact and what is shown beside them.
pub struct ContactOut {
    pub contact: Contact,
    /// The organisation's name, or empty (none, or one in the trash).
    pub organization: String,
    /// The referrer's name, when they are not in the trash.
    pub referrer: Option<String>,
    /// Tag names, in name order.
    pub tags: Vec<String>,
}

/// Tag names are joined with a character no name holds (names are cleaned of control
/// characters as they are stored), then split again.
const TAG_SEPARATOR: char = '\u{1f}';

impl Store {
    /// Calls `each` for every live contact, in the contacts list's order (name, then id), in
    /// one statement.
    pub fn each_contact_out(
        &self,
        mut each: impl FnMut(ContactOut) -> StoreResult<()>,
    ) -> StoreResult<()> {
        let columns: Vec<String> = ["id", "created_at", "updated_at", "deleted_at"]
            .iter()
            .chain(Contact::COLUMNS)
            .map(|column| format!("c.{column}"))
            .collect();
        let own = columns.len();
        let sql = format!(
            "SELECT {}, coalesce(o.name, ''), r.name, \
                    (SELECT group_concat(name, char(31)) FROM \
                        (SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id \
                         WHERE ct.contact_id = c.id AND ct.deleted_at IS NULL \
                           AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE)) \
             FROM contacts c \
             LEFT JOIN organizations o ON o.id = c.organization_id AND o.deleted_at IS NULL \
             LEFT JOIN contacts r ON r.id = c.referred_by AND r.deleted_at IS NULL \
             WHERE c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE, c.id",
            columns.join(", ")
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let tags: Option<String> = row.get(own + 2)?;
            each(ContactOut {
                contact: Contact::from_row(row)?,
                organization: row.get(own)?,
                referrer: row.get(own + 1)?,
                tags: tags
                    .map(|t| t.split(TAG_SEPARATOR).map(str::to_string).collect())
                    .unwrap_or_default(),
            })?;
        }
        Ok(())
    }
}
