//! Global search over an FTS5 index (migration 0003): brought up to date when a search opens,
//! then asked with every word as a prefix, best matches first, grouped by kind.

pub use crate::domain::rows::{SearchHit, SearchKind};
use rusqlite::{Connection, OptionalExtension};

use super::{Store, StoreResult};
use crate::domain::Id;

/// The index entry of a source row.
fn entry_rowid(kind: SearchKind, source_rowid: i64) -> i64 {
    source_rowid * 8 + kind.code()
}

/// Words of a query searched for, at most.
const WORDS_SEARCHED: usize = 8;

/// Hits listed per kind, at most.
pub const HITS_PER_KIND: usize = 8;

/// How long the log may grow while the index catches up before it is copied into the file
/// (about 16 MB at 8 KB pages).
const CHECKPOINT_AFTER_PAGES: i64 = 2000;

/// Matches beyond which results are not ranked (see `search`).
const RANKED_AT_MOST: usize = 500;

/// Words of `text` around the first one that starts with a word of `query`, the matching
/// words in brackets: "…the [zephyrine] engines were…".
pub fn snippet(text: &str, query: &str) -> String {
    const AROUND: usize = 5;
    let terms: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let matches = |word: &str| {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        terms.iter().any(|t| word.starts_with(t.as_str()))
    };
    let Some(first) = words.iter().position(|w| matches(w)) else {
        return words
            .iter()
            .take(AROUND * 2)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
    };
    let start = first.saturating_sub(AROUND);
    let end = (first + AROUND + 1).min(words.len());
    let mut shown: Vec<String> = words[start..end]
        .iter()
        .map(|w| {
            if matches(w) {
                format!("[{w}]")
            } else {
                w.to_string()
            }
        })
        .collect();
    if start > 0 {
        shown.insert(0, "…".into());
    }
    if end < words.len() {
        shown.push("…".into());
    }
    shown.join(" ")
}

/// The words typed, each as a prefix, all required: `ada compil` → `"ada"* "compil"*`.
/// Only the first `WORDS_SEARCHED` words are asked: a pasted paragraph is not a search, and each
/// word more is another pass over the index.
fn match_expression(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(WORDS_SEARCHED)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn index_row(
    conn: &Connection,
    kind: SearchKind,
    row: (i64, String, String, bool),
) -> StoreResult<()> {
    let (rowid, title, body, live) = row;
    let entry = entry_rowid(kind, rowid);
    conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?")?
        .execute([entry])?;
    if live {
        conn.prepare_cached("INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)")?
            .execute(rusqlite::params![entry, title, body])?;
    }
    Ok(())
}

/// How the store keeps each kind in the index (the SQL side of a kind).
impl SearchKind {
    pub const ALL: [SearchKind; 5] = [
        SearchKind::Contact,
        SearchKind::Organization,
        SearchKind::Timeline,
        SearchKind::Answer,
        SearchKind::Interview,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            SearchKind::Contact => "Contacts",
            SearchKind::Organization => "Organisations",
            SearchKind::Timeline => "Timeline",
            SearchKind::Answer => "Answers in meetings",
            SearchKind::Interview => "Interviews",
        }
    }

    /// Where its records are, and what of them is searched: (rowid, title, body, live).
    fn source(self) -> (&'static str, &'static str) {
        match self {
            SearchKind::Contact => (
                "contacts",
                "SELECT rowid, name, title || ' ' || email || ' ' || location || ' ' || how_met \
                 || ' ' || notes, deleted_at IS NULL FROM contacts",
            ),
            SearchKind::Organization => (
                "organizations",
                "SELECT rowid, name, website || ' ' || notes, deleted_at IS NULL FROM organizations",
            ),
            // The user's own entries: stage changes and "connected on" lines are written by
            // rolo, say the same words by the hundred thousand, and nobody searches for them.
            SearchKind::Timeline => (
                "interactions",
                "SELECT rowid, summary, body, \
                 deleted_at IS NULL AND kind NOT IN ('stage', 'connected') FROM interactions",
            ),
            SearchKind::Answer => (
                "interview_questions",
                "SELECT rowid, text, answer, deleted_at IS NULL AND answer <> '' \
                 FROM interview_questions",
            ),
            SearchKind::Interview => (
                "interviews",
                "SELECT rowid, objective, key_points || ' ' || eval_skills || ' ' || eval_qualify \
                 || ' ' || eval_enjoy || ' ' || eval_pay || ' ' || eval_organization || ' ' || \
                 eval_field_needs || ' ' || eval_new_ideas, deleted_at IS NULL FROM interviews",
            ),
        }
    }

    /// The record's id, its contact's id and name (if it is about someone other than
    /// itself), from its row: an answer or a timeline entry names whose it is.
    fn ids_sql(self) -> &'static str {
        match self {
            SearchKind::Contact => "SELECT id, id, NULL FROM contacts WHERE rowid = ?",
            SearchKind::Organization => "SELECT id, NULL, NULL FROM organizations WHERE rowid = ?",
            SearchKind::Timeline => {
                "SELECT x.id, x.contact_id, c.name FROM interactions x \
                 JOIN contacts c ON c.id = x.contact_id WHERE x.rowid = ?"
            }
            SearchKind::Answer => {
                "SELECT q.id, i.contact_id, c.name FROM interview_questions q \
                 JOIN interviews i ON i.id = q.interview_id \
                 JOIN contacts c ON c.id = i.contact_id WHERE q.rowid = ?"
            }
            SearchKind::Interview => {
                "SELECT i.id, i.contact_id, c.name FROM interviews i \
                 JOIN contacts c ON c.id = i.contact_id WHERE i.rowid = ?"
            }
        }
    }

    fn code(self) -> i64 {
        self as i64
    }
}

impl Store {
    /// Indexes everything added, changed or removed since the last search. Says how many rows
    /// it looked at.
    pub fn sync_search(&self) -> StoreResult<u64> {
        let mut seen = 0;
        loop {
            let (rows, done) = self.sync_search_step(u64::MAX)?;
            seen += rows;
            if done {
                return Ok(seen);
            }
        }
    }

    /// Indexes at most about `budget` rows (one short transaction, for the app's idle time).
    /// Says how many it looked at, and whether the index is now up to date.
    /// A file opened read-only (another app has it) is searched as far as it was indexed.
    pub fn sync_search_step(&self, budget: u64) -> StoreResult<(u64, bool)> {
        if self.is_read_only() || !self.search_behind()? {
            // Up to date: nothing is written (an app opened and closed changes no byte).
            return Ok((0, true));
        }
        // The index can always be rebuilt from the tables, so its steps need not wait for the
        // disk: committed without a sync (WAL stays consistent; a power cut at worst loses
        // the last steps, which are redone). No step checkpoints on its own either: the log is
        // copied into the file once it has grown by `CHECKPOINT_AFTER_PAGES`, and once more
        // when the index has caught up — a catch-up of a whole network costs a few syncs, not
        // two per step.
        self.conn().pragma_update(None, "synchronous", "NORMAL")?;
        self.conn().pragma_update(None, "wal_autocheckpoint", 0)?;
        let step = self.search_step(budget);
        if let Ok((_, done)) = &step {
            // Pages in the log: it starts again from nothing at the first write after a
            // checkpoint has copied it all.
            let logged: i64 = self
                .conn()
                .query_row("PRAGMA wal_checkpoint(NOOP)", [], |r| r.get(1))
                .unwrap_or(0);
            if (*done && logged > 0) || logged >= CHECKPOINT_AFTER_PAGES {
                self.conn()
                    .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
            }
        }
        self.conn()
            .pragma_update(None, "wal_autocheckpoint", 1000)?;
        self.conn().pragma_update(None, "synchronous", "FULL")?;
        step
    }

    /// Whether anything was added, changed or removed since the index was last brought up to
    /// date — read through each table's last rowid and the dirty list, a few pages at any size.
    fn search_behind(&self) -> StoreResult<bool> {
        let dirty: bool =
            self.conn()
                .query_row("SELECT EXISTS (SELECT 1 FROM search_dirty)", [], |r| {
                    r.get(0)
                })?;
        if dirty {
            return Ok(true);
        }
        for kind in SearchKind::ALL {
            let (table, _) = kind.source();
            let behind: bool = self.conn().query_row(
                &format!(
                    "SELECT coalesce((SELECT max(rowid) FROM {table}), 0) > \
                     (SELECT last_rowid FROM search_state WHERE table_name = ?)"
                ),
                [table],
                |r| r.get(0),
            )?;
            if behind {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn search_step(&self, budget: u64) -> StoreResult<(u64, bool)> {
        self.write(|tx| {
            let mut seen = 0;
            for kind in SearchKind::ALL {
                let (table, select) = kind.source();
                let last: i64 = tx.query_row(
                    "SELECT last_rowid FROM search_state WHERE table_name = ?",
                    [table],
                    |r| r.get(0),
                )?;
                let read =
                    |r: &rusqlite::Row<'_>| -> rusqlite::Result<(i64, String, String, bool)> {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    };
                let room = budget.saturating_sub(seen).min(i64::MAX as u64) as i64;
                let new: Vec<(i64, String, String, bool)> = tx
                    .prepare(&format!("{select} WHERE rowid > ? ORDER BY rowid LIMIT ?"))?
                    .query_map(rusqlite::params![last, room], read)?
                    .collect::<Result<_, _>>()?;
                let newest = new.last().map_or(last, |row| row.0);
                seen += new.len() as u64;
                for row in new {
                    index_row(tx, kind, row)?;
                }
                // Changed rows up to where this table is indexed (later ones come as new).
                let dirty: Vec<i64> = tx
                    .prepare(
                        "SELECT source_rowid FROM search_dirty \
                         WHERE table_name = ? AND source_rowid <= ?",
                    )?
                    .query_map(rusqlite::params![table, newest], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for rowid in &dirty {
                    seen += 1;
                    let row = tx
                        .prepare_cached(&format!("{select} WHERE rowid = ?"))?
                        .query_row([rowid], read)
                        .optional()?;
                    match row {
                        Some(row) => index_row(tx, kind, row)?,
                        // Deleted outright: its entry goes.
                        None => {
                            tx.prepare_cached("DELETE FROM search_index WHERE rowid = ?")?
                                .execute([entry_rowid(kind, *rowid)])?;
                        }
                    }
                }
                tx.execute(
                    "DELETE FROM search_dirty WHERE table_name = ? AND source_rowid <= ?",
                    rusqlite::params![table, newest],
                )?;
                tx.execute(
                    "UPDATE search_state SET last_rowid = ? WHERE table_name = ?",
                    rusqlite::params![newest, table],
                )?;
                if seen >= budget {
                    break;
                }
            }
            // FTS5 merges its segments as it goes; here a bounded amount each step (automatic
            // merging is off, see migration 0003), so no step takes on a large merge.
            tx.execute(
                "INSERT INTO search_index (search_index, rank) VALUES ('merge', 16)",
                [],
            )?;
            Ok((seen, seen < budget))
        })
    }

    /// The best matches for `query` (every word a prefix), at most `HITS_PER_KIND` of each kind,
    /// grouped in the order of `SearchKind::ALL`.
    pub fn search(&self, query: &str) -> StoreResult<Vec<SearchHit>> {
        let Some(expression) = match_expression(query) else {
            return Ok(Vec::new());
        };
        let conn = self.conn();
        // Ranking costs a score for every match: for a word that matches thousands (the first
        // letters of a common name) the first matches are shown unranked, until more is typed.
        let matches: usize = conn
            .prepare_cached(
                "SELECT count(*) FROM \
                 (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
            )?
            .query_row(rusqlite::params![expression, RANKED_AT_MOST], |r| r.get(0))?;
        let order = if matches < RANKED_AT_MOST {
            "ORDER BY rank"
        } else {
            ""
        };
        let found: Vec<(i64, String)> = conn
            .prepare_cached(&format!(
                "SELECT rowid, title FROM search_index WHERE search_index MATCH ? {order} LIMIT 200"
            ))?
            .query_map([&expression], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut hits: Vec<SearchHit> = Vec::new();
        for (entry, title) in found {
            let Some(kind) = SearchKind::ALL.get((entry % 8) as usize).copied() else {
                continue;
            };
            if hits.iter().filter(|h| h.kind == kind).count() >= HITS_PER_KIND {
                continue;
            }
            let ids: Option<(Id, Option<Id>, Option<String>)> = conn
                .prepare_cached(kind.ids_sql())?
                .query_row([entry / 8], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            if let Some((id, contact, whose)) = ids {
                // Only for what is shown, by rowid: FTS5's snippet() would run the match again.
                let body: String = conn
                    .prepare_cached("SELECT body FROM search_index WHERE rowid = ?")?
                    .query_row([entry], |r| r.get(0))?;
                let snippet = snippet(&body, query);
                hits.push(SearchHit {
                    kind,
                    id,
                    contact,
                    whose,
                    title,
                    snippet,
                });
            }
        }
        hits.sort_by_key(|h| h.kind); // stable: best first within each kind
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_a_prefix_and_punctuation_is_dropped() {
        assert_eq!(
            match_expression("ada compil"),
            Some("\"ada\"* \"compil\"*".into())
        );
        assert_eq!(
            match_expression("  \"OR\" (x) "),
            Some("\"OR\"* \"x\"*".into())
        );
        assert_eq!(match_expression(" -*- "), None);
    }
}
