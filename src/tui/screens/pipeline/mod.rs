//! The pipeline board: a column per stage, a card per open interview.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::Pipeline, Context::List, Context::Global]
};

use crate::domain::Stage;
use crate::tui::screens::nav::Nav;

/// An interview as a card on the pipeline board.
pub type Card = crate::domain::rows::InterviewCard;

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub stage: Stage,
    /// Open interviews at this stage; `cards` holds the most recently moved of them.
    pub total: u64,
    pub cards: Vec<Card>,
    pub nav: Nav,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub columns: Vec<Column>,
    pub column: usize,
    /// Cards asked for per column.
    pub limit: usize,
}

impl Pipeline {
    /// The card selected in the column in focus.
    pub fn selected(&self) -> Option<&Card> {
        let column = self.columns.get(self.column)?;
        column.cards.get(column.nav.selected)
    }
}
