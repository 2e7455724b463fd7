//! Global search over an FTS5 index (migration 0003): brought up to date when a search opens,
//! then asked with every word as a prefix, best matches first, grouped by kind.

pub use crate::domain::rows::{SearchHit, SearchKind};
use rusqlite::OptionalExtension;

use super::{Store, StoreResult};
use crate::domain::Id;

/// The index entry of a source row.
pub(super) fn entry_rowid(kind: SearchKind, source_rowid: i64) -> i64 {
    source_rowid * 8 + kind.code()
}

/// Words of a query searched for, at most.
const WORDS_SEARCHED: usize = 8;

/// Hits listed per kind, at most.
pub const HITS_PER_KIND: usize = 8;

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
    pub(super) fn source(self) -> (&'static str, &'static str) {
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
