//! Bringing contacts in, from any source: rows are read one at a time (`RowSource`) and each is
//! checked (`import_row`) and written as it comes (`import_write`); contacts rolo already has
//! are recognised by the rules of `identity` (never taking two people for one) and updated;
//! everything is written in one transaction, or nothing is.

use std::ops::ControlFlow;

pub use super::import_row::{ImportRow, in_file};

use super::import_write::Taking;
use super::{ImportReport, RowError};
use crate::domain::{Clock, sanitize};
use crate::store::{Store, StoreError};

/// How an import runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    pub dry_run: bool,
    pub skip_invalid: bool,
}

/// An import that wrote nothing because rows were invalid.
#[derive(Debug)]
pub enum ImportError {
    Invalid(Vec<RowError>),
    /// The file held no rows at all.
    Empty,
    /// The file could not be read to its end: why.
    Unreadable(String),
    Store(StoreError),
}

/// Rows to import, read one at a time (a file of 100,000 is never held whole), and how many
/// there seem to be, for a progress bar.
pub trait RowSource: Iterator<Item = Result<ImportRow, RowError>> {
    /// The rows there seem to be in all: what has been read and what is left, as far as can
    /// be told before the end.
    fn expected(&self) -> u64;

    /// Why the source could not be read to its end (a read error, a file that grew past its
    /// bound): then nothing of it is imported, whatever was read.
    fn failure(&self) -> Option<String> {
        None
    }
}

/// Rows already read, as a source.
struct Listed {
    rows: std::vec::IntoIter<Result<ImportRow, RowError>>,
    count: u64,
}

impl Iterator for Listed {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.rows.next()
    }
}

impl RowSource for Listed {
    fn expected(&self) -> u64 {
        self.count
    }
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

/// Imports checked rows. Invalid rows stop the import (nothing written) unless
/// `skip_invalid`; `dry_run` reports without writing. `source` names where they came from on
/// the timeline ("LinkedIn").
pub fn import(
    store: &Store,
    rows: Vec<Result<ImportRow, RowError>>,
    options: ImportOptions,
    source: &str,
    clock: &Clock,
) -> Result<ImportReport, ImportError> {
    let mut rows = Listed {
        count: rows.len() as u64,
        rows: rows.into_iter(),
    };
    import_with_progress(store, &mut rows, options, source, clock, &mut |_, _| {
        ControlFlow::Continue(())
    })
}

/// As `import`, reading `rows` as it writes them and telling `progress` (rows done, rows in
/// all) every so often; when it answers `Break` the import stops and nothing is written
/// (`StoreError::Cancelled`). One transaction: an invalid row (unless `skip_invalid`), an
/// error or a stop leaves the database as it was.
pub fn import_with_progress(
    store: &Store,
    rows: &mut dyn RowSource,
    options: ImportOptions,
    source: &str,
    clock: &Clock,
    progress: &mut dyn FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    let mut invalid: Vec<RowError> = Vec::new();
    let mut read = 0u64;
    let mut stopped = false;
    let mut unreadable = None;
    let now = clock.timestamp();
    let mut write = |tx: &rusqlite::Connection| -> Result<(), StoreError> {
        let mut taking = Taking::new(tx, source, now)?;
        while let Some(row) = rows.next() {
            if read.is_multiple_of(1_000) && progress(read, rows.expected().max(read)).is_break() {
                stopped = true;
                return Err(StoreError::Cancelled);
            }
            read += 1;
            let row = match row.and_then(ImportRow::checked) {
                Ok(row) => row,
                Err(error) => {
                    invalid.push(error);
                    continue;
                }
            };
            // Nothing more will be written: the rest is read for its problems alone.
            if !invalid.is_empty() && !options.skip_invalid {
                continue;
            }
            for (line, why) in &row.left_out {
                report.values_left_out.push(RowError {
                    line: *line,
                    message: in_file(&row.file, &format!("{}: {}", row.name, sanitize::line(why))),
                });
            }
            taking.take(&row, &mut report)?;
        }
        if let Some(why) = rows.failure() {
            unreadable = Some(why);
            return Err(StoreError::Cancelled);
        }
        if !invalid.is_empty() && !options.skip_invalid {
            // Rolled back: the invalid rows are the answer.
            return Err(StoreError::Cancelled);
        }
        taking.link_referrers(&mut report)?;
        let _ = progress(read, read);
        Ok(())
    };
    // A dry run is the import itself, rolled back: its report is the real run's, row for row.
    let written = if options.dry_run {
        store.rehearse(|tx| write(tx))
    } else {
        store.bulk_write(|tx| write(tx))
    };
    if let Some(why) = unreadable {
        return Err(ImportError::Unreadable(why));
    }
    invalid.sort_by_key(|e| e.line);
    if !invalid.is_empty() && !options.skip_invalid && !stopped {
        return Err(ImportError::Invalid(invalid));
    }
    written?;
    if read == 0 {
        return Err(ImportError::Empty);
    }
    report.skipped = invalid;
    Ok(report)
}
