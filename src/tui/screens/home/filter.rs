//! `/` filtering: the focused list narrowed as the user types, fuzzily (the typed characters
//! in order, not necessarily together; case and accents ignored).
//!
//! Built for 100,000 contacts within a keystroke's budget: a plain subsequence test over every
//! candidate (a few nanoseconds each), narrowing the previous matches as the query grows and
//! restoring them on Backspace; only when few enough remain are they ranked by nucleo's score.
//! Above that many, they stay in list order, where ranking would tell the user nothing.

use std::sync::Arc;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::domain::sanitize::fold;
use crate::tui::screens::home::pane::Pane;
use crate::tui::screens::nav::Nav;

/// Matches are ranked by score when there are at most this many.
pub const RANK_LIMIT: usize = 1_000;

/// What a filter searches: each candidate is one or two pieces of text (a name and its
/// organisation), matched as if joined by a space.
pub trait Candidates {
    fn count(&self) -> usize;
    fn parts(&self, index: usize) -> (&str, &str);
}

/// A list of single texts (the small panes).
impl Candidates for [String] {
    fn count(&self) -> usize {
        self.len()
    }

    fn parts(&self, index: usize) -> (&str, &str) {
        (self.get(index).map_or("", String::as_str), "")
    }
}

#[derive(Debug, Clone)]
pub struct Filter {
    pub pane: Pane,
    pub query: String,
    /// Indices of the matching candidates, in the order shown.
    pub matches: Arc<Vec<u32>>,
    pub nav: Nav,
    /// The matches of each shorter query typed on the way here, so Backspace is instant and a
    /// longer query only searches the previous matches.
    /// (Caches, shared by copies of the model until one of them changes them.)
    history: Arc<Vec<(String, Vec<u32>)>>,
    matcher: Arc<Matcher>,
}

/// Two filters are the same when they show the same: the matcher and the history are caches.
impl PartialEq for Filter {
    fn eq(&self, other: &Filter) -> bool {
        self.pane == other.pane
            && self.query == other.query
            && self.nav == other.nav
            && self.matches == other.matches
    }
}

impl Filter {
    pub fn new(pane: Pane) -> Filter {
        Filter {
            pane,
            query: String::new(),
            matches: Arc::default(),
            nav: Nav::default(),
            history: Arc::default(),
            matcher: Arc::new(Matcher::new(Config::DEFAULT)),
        }
    }

    /// Recomputes the matches of the current query.
    pub fn rematch<C: Candidates + ?Sized>(&mut self, candidates: &C) {
        self.nav = Nav::default();
        let query = self.query.clone();
        let needle: Vec<char> = query
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(fold)
            .collect();
        if needle.is_empty() {
            Arc::make_mut(&mut self.history).clear();
            self.matches = Arc::new((0..candidates.count() as u32).collect());
            return;
        }
        while self
            .history
            .last()
            .is_some_and(|(typed, _)| !query.starts_with(typed.as_str()))
        {
            Arc::make_mut(&mut self.history).pop();
        }
        if let Some((typed, matches)) = self.history.last()
            && *typed == query
        {
            self.matches = Arc::new(matches.clone());
            return;
        }
        let keep = |&i: &u32| is_subsequence(&needle, candidates.parts(i as usize));
        let mut found: Vec<u32> = match self.history.last() {
            Some((_, previous)) => previous.iter().copied().filter(keep).collect(),
            None => (0..candidates.count() as u32).filter(keep).collect(),
        };
        if found.len() <= RANK_LIMIT {
            found = self.ranked(found, candidates);
        }
        Arc::make_mut(&mut self.history).push((query, found.clone()));
        self.matches = Arc::new(found);
    }

    /// Orders matches best first by nucleo's score (ties keep list order).
    fn ranked<C: Candidates + ?Sized>(&mut self, found: Vec<u32>, candidates: &C) -> Vec<u32> {
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        let (mut buffer, mut text) = (Vec::new(), String::new());
        let matcher = Arc::make_mut(&mut self.matcher);
        let mut scored: Vec<(u32, u32)> = found
            .into_iter()
            .filter_map(|i| {
                let (a, b) = candidates.parts(i as usize);
                text.clear();
                text.push_str(a);
                if !b.is_empty() {
                    text.push(' ');
                    text.push_str(b);
                }
                let score = pattern.score(Utf32Str::new(&text, &mut buffer), matcher)?;
                Some((score, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// Forgets remembered matches (the candidates changed).
    pub fn reset(&mut self) {
        self.history = Arc::default();
    }

    /// The candidate index of the selected match.
    pub fn selected(&self) -> Option<usize> {
        self.matches.get(self.nav.selected).map(|i| *i as usize)
    }
}

/// Whether the needle's characters appear in order in `a`, then `b`. Works on bytes, decoding
/// only non-ASCII characters, since this runs over every contact on a keystroke.
fn is_subsequence(needle: &[char], (a, b): (&str, &str)) -> bool {
    if needle.is_empty() {
        return true;
    }
    let mut position = 0;
    for text in [a, b] {
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            let c = if byte.is_ascii() {
                i += 1;
                byte.to_ascii_lowercase() as char
            } else {
                let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' ');
                i += c.len_utf8();
                fold(c)
            };
            if needle.get(position) == Some(&c) {
                position += 1;
                if position == needle.len() {
                    return true;
                }
            }
        }
    }
    false
}

/// Finds which characters of a text a query matches, for highlighting; made once per list
/// drawn, since a matcher is costly to make.
pub struct Highlighter {
    pattern: Pattern,
    matcher: Matcher,
    buffer: Vec<char>,
}

impl Highlighter {
    /// `None` when there is nothing to highlight.
    pub fn new(query: &str) -> Option<Highlighter> {
        (!query.trim().is_empty()).then(|| Highlighter {
            pattern: Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart),
            matcher: Matcher::new(Config::DEFAULT),
            buffer: Vec::new(),
        })
    }

    /// The character positions of `text` the query matches, in order.
    pub fn positions(&mut self, text: &str) -> Vec<usize> {
        let mut indices = Vec::new();
        self.pattern.indices(
            Utf32Str::new(text, &mut self.buffer),
            &mut self.matcher,
            &mut indices,
        );
        indices.sort_unstable();
        indices.dedup();
        indices.into_iter().map(|i| i as usize).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn best_matches_first_narrowing_and_backspace() {
        let names = names(&[
            "Grace Hopper",
            "Ada Lovelace",
            "Alan Turing",
            "Adele Goldberg",
        ]);
        let mut filter = Filter::new(Pane::Contacts);
        filter.query = "ad".into();
        filter.rematch(names.as_slice());
        assert_eq!(
            filter.matches[0], 1,
            "Ada before Adele: {:?}",
            filter.matches
        );
        assert!(filter.matches.contains(&3) && !filter.matches.contains(&2));
        filter.query = "adg".into();
        filter.rematch(names.as_slice());
        assert_eq!(*filter.matches, [3], "narrowed from the previous matches");
        filter.query = "ad".into();
        filter.rematch(names.as_slice());
        assert_eq!(
            filter.matches.len(),
            2,
            "Backspace brings the wider matches back"
        );
        filter.query = "zz".into();
        filter.rematch(names.as_slice());
        assert!(filter.matches.is_empty());
        filter.query = String::new();
        filter.rematch(names.as_slice());
        assert_eq!(
            *filter.matches,
            [0, 1, 2, 3],
            "an empty query shows everything in order"
        );
    }

    #[test]
    fn case_accents_and_spaces_are_ignored() {
        let names = names(&["Chloé Moreau", "CHLOE SMITH", "Zoë"]);
        let mut filter = Filter::new(Pane::Contacts);
        filter.query = "chloe".into();
        filter.rematch(names.as_slice());
        assert_eq!(filter.matches.len(), 2);
        filter.query = "zoe".into();
        filter.rematch(names.as_slice());
        assert_eq!(*filter.matches, [2]);
        filter.query = "chl mor".into();
        filter.rematch(names.as_slice());
        assert_eq!(*filter.matches, [0]);
    }

    #[test]
    fn large_match_sets_keep_list_order() {
        let many: Vec<String> = (0..RANK_LIMIT + 10)
            .map(|i| format!("Person {i:05}"))
            .collect();
        let mut filter = Filter::new(Pane::Contacts);
        filter.query = "p".into();
        filter.rematch(many.as_slice());
        assert_eq!(filter.matches.len(), RANK_LIMIT + 10);
        assert!(filter.matches.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn positions_for_highlighting() {
        assert_eq!(
            Highlighter::new("gh").unwrap().positions("Grace Hopper"),
            [0, 6]
        );
        assert!(Highlighter::new(" ").is_none());
    }
}
