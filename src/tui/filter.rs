//! `/` filtering: fuzzy matching of the focused list as the user types, best matches first,
//! with the matched characters known for highlighting.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::model::Pane;
use super::nav::Nav;

#[derive(Debug, Clone)]
pub struct Filter {
    pub pane: Pane,
    pub query: String,
    /// While true, typed characters go into the query; Enter stops editing and keeps the filter.
    pub editing: bool,
    /// Indices of matching candidates, best first.
    pub matches: Vec<usize>,
    pub nav: Nav,
    /// The query `matches` was computed for, so a longer query only narrows those.
    matched_query: String,
    matcher: Matcher,
}

impl Filter {
    pub fn new(pane: Pane) -> Filter {
        Filter {
            pane,
            query: String::new(),
            editing: true,
            matches: Vec::new(),
            nav: Nav::default(),
            matched_query: String::new(),
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// Recomputes the matches for the current query over `candidates` (indexed as given).
    /// When the query only grew, only the previous matches are rescored.
    pub fn rematch(&mut self, candidates: &[&str]) {
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        let narrowing =
            !self.matched_query.is_empty() && self.query.starts_with(&self.matched_query);
        let pool: Vec<usize> = if narrowing {
            std::mem::take(&mut self.matches)
        } else {
            (0..candidates.len()).collect()
        };
        let mut buffer = Vec::new();
        let mut scored: Vec<(u32, usize)> = pool
            .into_iter()
            .filter_map(|i| {
                let text = candidates.get(i)?;
                let score = pattern.score(Utf32Str::new(text, &mut buffer), &mut self.matcher)?;
                Some((score, i))
            })
            .collect();
        if !self.query.is_empty() {
            scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        }
        self.matches = scored.into_iter().map(|(_, i)| i).collect();
        self.matched_query = self.query.clone();
        self.nav = Nav::default();
    }

    /// Forgets the previous matches, so the next `rematch` scores every candidate (after the
    /// candidates changed, or the query got shorter).
    pub fn reset(&mut self) {
        self.matched_query.clear();
    }
}

/// The character positions of `text` that the query matches, for highlighting.
pub fn matched_positions(query: &str, text: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    let mut indices = Vec::new();
    pattern.indices(Utf32Str::new(text, &mut buffer), &mut matcher, &mut indices);
    indices.sort_unstable();
    indices.dedup();
    indices.into_iter().map(|i| i as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_matches_first_and_narrowing_keeps_them() {
        let names = [
            "Grace Hopper",
            "Ada Lovelace",
            "Alan Turing",
            "Adele Goldberg",
        ];
        let mut filter = Filter::new(Pane::Contacts);
        filter.query = "ad".into();
        filter.rematch(&names);
        assert_eq!(
            filter.matches[0], 1,
            "Ada before Adele: {:?}",
            filter.matches
        );
        assert!(filter.matches.contains(&3));
        assert!(!filter.matches.contains(&2));
        filter.query = "adg".into();
        filter.rematch(&names);
        assert_eq!(filter.matches, [3], "narrowed from the previous matches");
        filter.query = "zz".into();
        filter.reset();
        filter.rematch(&names);
        assert!(filter.matches.is_empty());
    }

    #[test]
    fn positions_for_highlighting() {
        assert_eq!(matched_positions("gh", "Grace Hopper"), [0, 6]);
        assert!(matched_positions("", "x").is_empty());
    }
}
