//! Importing from the app: the form names a file, a dry run shows what would happen (the rows
//! that would be added, updated or skipped, each rejected row with its line and why), and only
//! Enter on that preview writes — the same import `rolo import` runs.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::Import, Context::List, Context::Global]
};

use std::path::PathBuf;

use crate::interop::ImportReport;
use crate::interop::files::Format;
use crate::tui::screens::nav::Nav;

/// What importing a file would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    pub format: Format,
    pub file: PathBuf,
    pub report: ImportReport,
    /// For a CSV: which column fills which field.
    pub columns: Option<String>,
    /// The selection in the list of rejected rows.
    pub nav: Nav,
}

impl ImportPreview {
    /// The rows to look at before importing: each rejected row, then each row that would be
    /// added though it looks like someone rolo has — with what kind of note it is.
    pub fn notes(&self) -> Vec<(&'static str, &crate::interop::RowError)> {
        let told = self.report.notices.iter().map(|e| ("review", e));
        let rejected = self.report.skipped.iter().map(|e| ("", e));
        let twins = self
            .report
            .possible_duplicates
            .iter()
            .map(|e| ("similar", e));
        told.chain(rejected).chain(twins).collect()
    }
}
