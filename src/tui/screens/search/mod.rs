//! The search over everything: contacts, organisations, the timeline, answers, interviews.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::Search]
};

use crate::tui::screens::nav::Nav;

/// The global search: what is typed, and what it found (grouped by kind).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchView {
    pub query: String,
    pub hits: Vec<crate::domain::rows::SearchHit>,
    pub nav: Nav,
}
