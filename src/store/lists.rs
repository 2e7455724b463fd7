//! The reads behind the screens and `rolo today`: each returns only the rows asked for (a page),
//! joined with the names the screen shows, through an index.

pub use crate::domain::rows::{
    ContactRow, FollowUpRow, InterviewCard, MeetingRow, QuestionListRow,
};
use rusqlite::{Connection, Row};

use super::StoreResult;
use crate::domain::{Id, Stage, Timestamp};

/// A window into a long list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: u64,
    pub limit: u64,
}

impl Page {
    pub fn first(limit: u64) -> Page {
        Page { offset: 0, limit }
    }
}

fn contact_row(row: &Row<'_>) -> rusqlite::Result<ContactRow> {
    Ok(ContactRow {
        id: row.get(0)?,
        name: row.get(1)?,
        title: row.get(2)?,
        organization: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
    })
}

fn follow_up_row(row: &Row<'_>) -> rusqlite::Result<FollowUpRow> {
    Ok(FollowUpRow {
        id: row.get(0)?,
        step: None,
        kind: row.get(1)?,
        title: row.get(2)?,
        due_at: row.get(3)?,
        contact_id: row.get(4)?,
        contact_name: row.get(5)?,
        interview_id: row.get(6)?,
    })
}

fn meeting_row(row: &Row<'_>) -> rusqlite::Result<MeetingRow> {
    Ok(MeetingRow {
        id: row.get(0)?,
        interview_id: row.get(1)?,
        contact_id: row.get(2)?,
        contact_name: row.get(3)?,
        objective: row.get(4)?,
        starts_at: row.get(5)?,
        duration_minutes: row.get(6)?,
        mode: row.get(7)?,
        place: row.get(8)?,
        status: row.get(9)?,
        stage: row.get(10)?,
    })
}

/// Keyset conditions on (name, id) for ?3 = name, ?4 = id. Written as a range on the name plus
/// a tie-break, because SQLite does not seek an index for a row-value comparison with a
/// collation: `(name, id) > (?, ?)` scanned the list from the start.
const AFTER: &str = "c.name COLLATE NOCASE >= ?3 AND (c.name COLLATE NOCASE > ?3 OR c.id > ?4)";
const BEFORE: &str = "c.name COLLATE NOCASE <= ?3 AND (c.name COLLATE NOCASE < ?3 OR c.id < ?4)";

const CONTACT_SELECT: &str = "SELECT c.id, c.name, c.title, o.name FROM contacts c \
     LEFT JOIN organizations o ON o.id = c.organization_id AND o.deleted_at IS NULL";

impl super::Store {
    /// Live contacts in name order, one page of them. Pages far down the list are read from
    /// the end, so no read skips more than half the list.
    pub fn contacts_page(&self, page: Page) -> StoreResult<Vec<ContactRow>> {
        self.contacts_at(page, self.contacts_total()?)
    }

    /// How many live contacts there are, from the count the triggers keep.
    pub fn contacts_total(&self) -> StoreResult<u64> {
        Ok(self
            .conn()
            .prepare_cached("SELECT count FROM live_counts WHERE name = 'contacts'")?
            .query_row([], |r| r.get(0))?)
    }

    /// As `contacts_page`, when the caller already knows how many contacts there are.
    pub fn contacts_at(&self, page: Page, total: u64) -> StoreResult<Vec<ContactRow>> {
        let from_end = page.offset > total / 2;
        if !from_end {
            return self.contact_rows("1", "ASC", &[&page.limit, &page.offset]);
        }
        let end = (page.offset + page.limit).min(total);
        let limit = end.saturating_sub(page.offset);
        let skip = total - end;
        let mut rows = self.contact_rows("1", "DESC", &[&limit, &skip])?;
        rows.reverse();
        Ok(rows)
    }

    /// The `limit` contacts after `row` in name order.
    pub fn contacts_after(&self, row: &ContactRow, limit: u64) -> StoreResult<Vec<ContactRow>> {
        self.contact_rows(AFTER, "ASC", &[&limit, &0u64, &row.name, &row.id])
    }

    /// The `limit` contacts before `row`, in name order.
    pub fn contacts_before(&self, row: &ContactRow, limit: u64) -> StoreResult<Vec<ContactRow>> {
        let mut rows = self.contact_rows(BEFORE, "DESC", &[&limit, &0u64, &row.name, &row.id])?;
        rows.reverse();
        Ok(rows)
    }

    /// The next `limit` contacts after `after` in name order, as (id, name, organisation id),
    /// read from the name index alone: what the filter's index is built from.
    pub fn contact_names_after(
        &self,
        after: Option<&(String, Id)>,
        limit: u64,
    ) -> StoreResult<Vec<(Id, String, Option<Id>)>> {
        // Two statements rather than one with "?1 IS NULL OR …", which would stop SQLite from
        // starting the scan at the cursor.
        let (condition, params): (&str, Vec<&dyn rusqlite::ToSql>) = match after {
            Some((name, id)) => (
                "AND name COLLATE NOCASE >= ?2 AND (name COLLATE NOCASE > ?2 OR id > ?3)",
                vec![&limit, name, id],
            ),
            None => ("", vec![&limit]),
        };
        let sql = format!(
            "SELECT id, name, organization_id FROM contacts INDEXED BY contacts_by_name \
             WHERE deleted_at IS NULL {condition} ORDER BY name COLLATE NOCASE, id LIMIT ?1"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params.as_slice(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every live organisation's id and name.
    pub fn organization_names(&self) -> StoreResult<Vec<(Id, String)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, name FROM organizations WHERE deleted_at IS NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn contact_rows(
        &self,
        condition: &str,
        direction: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> StoreResult<Vec<ContactRow>> {
        let sql = format!(
            "{CONTACT_SELECT} WHERE c.deleted_at IS NULL AND {condition} \
             ORDER BY c.name COLLATE NOCASE {direction}, c.id {direction} LIMIT ?1 OFFSET ?2"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params, contact_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The open interviews at `stage`, most recently moved first, and how many there are.
    pub fn open_interviews_at(
        &self,
        stage: Stage,
        limit: u64,
    ) -> StoreResult<(u64, Vec<InterviewCard>)> {
        let total = self
            .conn()
            .prepare_cached("SELECT count FROM live_counts WHERE name = 'open_interviews:' || ?")?
            .query_row([stage], |r| r.get(0))?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.id, i.contact_id, c.name, i.objective, i.updated_at \
             FROM interviews i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.stage = ? AND i.outcome IS NULL AND i.deleted_at IS NULL \
             ORDER BY i.updated_at DESC LIMIT ?",
        )?;
        let rows = stmt.query_map(rusqlite::params![stage, limit], |row| {
            Ok(InterviewCard {
                interview_id: row.get(0)?,
                contact_id: row.get(1)?,
                contact_name: row.get(2)?,
                objective: row.get(3)?,
                updated_at: row.get(4)?,
                next: None,
            })
        })?;
        Ok((total, rows.collect::<Result<_, _>>()?))
    }

    /// Open follow-ups due before `before`, soonest (most overdue) first.
    pub fn open_follow_ups_before(
        &self,
        before: Timestamp,
        limit: u64,
    ) -> StoreResult<Vec<FollowUpRow>> {
        open_follow_ups_before(self.conn(), before, limit)
    }

    /// How many open follow-ups fall due in `[from, to)`, counting no further than `cap`, so
    /// that a header's count costs the same however large the backlog is.
    pub fn count_open_follow_ups(
        &self,
        from: Timestamp,
        to: Timestamp,
        cap: u64,
    ) -> StoreResult<u64> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM follow_ups \
                 WHERE done_at IS NULL AND deleted_at IS NULL AND due_at >= ? AND due_at < ? LIMIT ?)",
            )?
            .query_row(rusqlite::params![from, to, cap], |r| r.get(0))?)
    }

    /// Scheduled meetings starting in `[from, to)`, in time order.
    pub fn meetings_between(
        &self,
        from: Timestamp,
        to: Timestamp,
        limit: u64,
    ) -> StoreResult<Vec<MeetingRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT m.id, m.interview_id, i.contact_id, c.name, i.objective, m.starts_at, \
                    m.duration_minutes, m.mode, m.place, m.status, i.stage \
             FROM meetings m JOIN interviews i ON i.id = m.interview_id \
             JOIN contacts c ON c.id = i.contact_id \
             WHERE m.deleted_at IS NULL AND m.starts_at >= ? AND m.starts_at < ? \
               AND m.status = 'scheduled' AND i.deleted_at IS NULL \
             ORDER BY m.starts_at LIMIT ?",
        )?;
        let rows = stmt.query_map(rusqlite::params![from, to, limit], meeting_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many meetings `meetings_between` finds without a limit.
    pub fn count_meetings_between(&self, from: Timestamp, to: Timestamp) -> StoreResult<u64> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM meetings m JOIN interviews i ON i.id = m.interview_id \
                 WHERE m.deleted_at IS NULL AND m.starts_at >= ? AND m.starts_at < ? \
                   AND m.status = 'scheduled' AND i.deleted_at IS NULL",
            )?
            .query_row(rusqlite::params![from, to], |r| r.get(0))?)
    }

    /// Every live question list with how many questions it holds.
    pub fn question_lists(&self) -> StoreResult<Vec<QuestionListRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT l.id, l.name, l.description, \
                    (SELECT count(*) FROM questions q WHERE q.list_id = l.id AND q.deleted_at IS NULL) \
             FROM question_lists l WHERE l.deleted_at IS NULL ORDER BY l.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(QuestionListRow {
                id: row.get(0)?,
                name: row.get(1)?,
                description: row.get(2)?,
                questions: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

pub(super) fn open_follow_ups_before(
    conn: &Connection,
    before: Timestamp,
    limit: u64,
) -> StoreResult<Vec<FollowUpRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.kind, f.title, f.due_at, f.contact_id, c.name, f.interview_id \
         FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id \
         WHERE f.done_at IS NULL AND f.deleted_at IS NULL AND f.due_at < ? \
         ORDER BY f.due_at, f.id LIMIT ?",
    )?;
    let rows = stmt.query_map(rusqlite::params![before, limit], follow_up_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
