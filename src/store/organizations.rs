//! Organisations on their own: the list with what each holds, the people and interviews of
//! one, and making two entries for one organisation one.

use super::{Store, StoreError, StoreResult, record};
pub use crate::domain::rows::{ContactRow, OrganizationPeople, OrganizationRow};
use crate::domain::{Id, Organization, Timestamp};

/// The most organisations the list reads (the title says how many there are in all).
pub const ORGANIZATIONS_LISTED: u64 = 2_000;

impl Store {
    /// Live organisations by name, with their live contacts, interviews and people met.
    pub fn organizations_list(&self) -> StoreResult<Vec<OrganizationRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT o.id, o.name, o.website, \
                 (SELECT count(*) FROM contacts c WHERE c.organization_id = o.id \
                    AND c.deleted_at IS NULL), \
                 (SELECT count(*) FROM interviews i JOIN contacts c ON c.id = i.contact_id \
                    WHERE c.organization_id = o.id AND c.deleted_at IS NULL \
                      AND i.deleted_at IS NULL), \
                 (SELECT count(DISTINCT c.id) FROM contacts c \
                    JOIN interviews i ON i.contact_id = c.id \
                    JOIN meetings m ON m.interview_id = i.id \
                    WHERE c.organization_id = o.id AND c.deleted_at IS NULL \
                      AND i.deleted_at IS NULL AND m.deleted_at IS NULL AND m.status = 'held') \
             FROM organizations o WHERE o.deleted_at IS NULL \
             ORDER BY o.name COLLATE NOCASE, o.id LIMIT ?",
        )?;
        let rows = stmt.query_map([ORGANIZATIONS_LISTED], |r| {
            Ok(OrganizationRow {
                id: r.get(0)?,
                name: r.get(1)?,
                website: r.get(2)?,
                contacts: r.get(3)?,
                interviews: r.get(4)?,
                met: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many live organisations there are.
    pub fn organizations_total(&self) -> StoreResult<u64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM organizations WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?)
    }

    /// The live people of one organisation, by name, and the interviews with them.
    pub fn organization_people(&self, organization: Id) -> StoreResult<OrganizationPeople> {
        let contacts = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, c.title, o.name FROM contacts c \
                 JOIN organizations o ON o.id = c.organization_id \
                 WHERE c.organization_id = ? AND c.deleted_at IS NULL \
                 ORDER BY c.name COLLATE NOCASE, c.id",
            )?
            .query_map([organization], |r| {
                Ok(ContactRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    title: r.get(2)?,
                    organization: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let interviews = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, i.objective, i.stage FROM interviews i \
                 JOIN contacts c ON c.id = i.contact_id \
                 WHERE c.organization_id = ? AND c.deleted_at IS NULL AND i.deleted_at IS NULL \
                 ORDER BY i.created_at DESC",
            )?
            .query_map([organization], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
        Ok(OrganizationPeople {
            contacts,
            interviews,
        })
    }

    /// Makes `duplicate` one with `kept` (two entries for one organisation): its people move
    /// to `kept`, which takes the website and notes it lacks, and `duplicate` goes to the trash
    /// (restoring it brings the entry back; its people stay where they now are). Returns how
    /// many people moved.
    pub fn merge_organizations(&self, duplicate: Id, kept: Id, now: Timestamp) -> StoreResult<u64> {
        if duplicate == kept {
            return Err(StoreError::Invalid(
                "an organisation cannot be merged into itself".into(),
            ));
        }
        self.write(|tx| {
            let gone: Organization = record::get(tx, duplicate)?;
            let mut keep: Organization = record::get(tx, kept)?;
            if gone.meta.deleted_at.is_some() || keep.meta.deleted_at.is_some() {
                return Err(StoreError::Invalid(
                    "one of the two is in the trash: restore it first".into(),
                ));
            }
            let moved = tx.execute(
                "UPDATE contacts SET organization_id = ?1, updated_at = ?2 \
                 WHERE organization_id = ?3",
                rusqlite::params![kept, now, duplicate],
            )?;
            if keep.website.trim().is_empty() {
                keep.website.clone_from(&gone.website);
            }
            if !gone.notes.trim().is_empty() && !keep.notes.contains(&gone.notes) {
                keep.notes = [keep.notes.as_str(), gone.notes.as_str()]
                    .iter()
                    .filter(|n| !n.trim().is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            record::update(tx, &mut keep, now)?;
            // Into the trash in the same transaction, as a delete puts it there.
            tx.execute(
                "UPDATE organizations SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2",
                rusqlite::params![now, duplicate],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO trash (table_name, record_id, deleted_at) \
                 VALUES ('organizations', ?1, ?2)",
                rusqlite::params![duplicate, now],
            )?;
            Ok(moved as u64)
        })
    }
}
