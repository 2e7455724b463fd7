//! The trash: deleted records, newest first, to restore.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::Trash, Context::List, Context::Global]
};

use crate::domain::rows::TrashRow;
use crate::tui::screens::nav::Nav;

#[derive(Debug, Clone, PartialEq)]
pub struct TrashView {
    pub rows: Vec<TrashRow>,
    pub nav: Nav,
}
