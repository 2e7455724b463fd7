//! A question list: its questions, to add, edit, reorder and delete.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[
        Context::Questions,
        Context::Records,
        Context::List,
        Context::Global,
    ]
};

use crate::domain::Question;
use crate::domain::rows::QuestionListRow;
use crate::tui::screens::nav::Nav;

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionListView {
    pub list: QuestionListRow,
    pub questions: Vec<Question>,
    pub nav: Nav,
}
