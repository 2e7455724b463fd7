//! The trash: deleted records, newest first, to restore.

pub mod draw;
pub mod update;

use crate::store::TrashRow;
use crate::tui::screens::nav::Nav;

#[derive(Debug, Clone, PartialEq)]
pub struct TrashView {
    pub rows: Vec<TrashRow>,
    pub nav: Nav,
}
