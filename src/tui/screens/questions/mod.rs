//! A question list: its questions, to add, edit, reorder and delete.

pub mod draw;
pub mod update;

use crate::domain::Question;
use crate::store::QuestionListRow;
use crate::tui::screens::nav::Nav;

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionListView {
    pub list: QuestionListRow,
    pub questions: Vec<Question>,
    pub nav: Nav,
}
