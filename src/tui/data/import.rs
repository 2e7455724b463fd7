//! Importing from the app against the store: the dry run the preview shows, and the import
//! itself once Enter confirms it — the same import `rolo import` runs.

use crate::domain::Clock;
use crate::form::{FieldKey, Form};
use crate::interop::contacts_import::ImportOptions;
use crate::interop::files::{self, FileImportError, Format};
use crate::store::Store;
use crate::tui::data::saved::Saved;
use crate::tui::screens::import::ImportPreview;
use crate::tui::screens::nav::Nav;

/// Saving the import form: a dry run of the import, as a preview (or the reason it cannot run,
/// at the file field).
pub fn preview(
    store: &Store,
    form: &Form,
    clock: &Clock,
    progress: &mut dyn FnMut(u64, u64) -> std::ops::ControlFlow<()>,
) -> Saved {
    let format = form
        .chosen(FieldKey::Format, &Format::ALL)
        .unwrap_or(Format::Linkedin);
    let file = crate::store::path::expand_home(&form.text(FieldKey::File));
    if !file.exists() {
        return Saved::refused(
            FieldKey::File,
            format!("there is no file or folder at {}", file.display()),
        );
    }
    match dry_run(store, format, &file, clock, progress) {
        Ok(preview) => Saved::ImportPreview(Box::new(preview)),
        Err(FileImportError::Store(crate::store::StoreError::Cancelled)) => Saved::refused(
            FieldKey::File,
            "the preview was stopped (Esc); nothing was imported",
        ),
        Err(error) => Saved::refused(FieldKey::File, error.to_string()),
    }
}

/// What importing `file` would do now: the preview's content (read again when the data
/// changes while it is shown, so it never promises what is no longer true).
pub fn dry_run(
    store: &Store,
    format: Format,
    file: &std::path::Path,
    clock: &Clock,
    progress: &mut dyn FnMut(u64, u64) -> std::ops::ControlFlow<()>,
) -> Result<ImportPreview, FileImportError> {
    // Invalid rows are counted in the preview (skipped), so it can list them all at once.
    let options = ImportOptions {
        dry_run: true,
        skip_invalid: true,
    };
    let done = files::import(store, clock, format, file, options, &[], progress)?;
    Ok(ImportPreview {
        format,
        file: file.to_path_buf(),
        report: done.report,
        columns: done.columns,
        nav: Nav::default(),
    })
}

/// Carries out a previewed import, valid rows only, telling `progress` (rows done, rows in
/// all) as it goes. The message for the footer.
pub fn run(
    store: &Store,
    format: Format,
    file: &std::path::Path,
    clock: &Clock,
    progress: &mut dyn FnMut(u64, u64) -> std::ops::ControlFlow<()>,
) -> String {
    let options = ImportOptions {
        dry_run: false,
        skip_invalid: true,
    };
    match files::import(store, clock, format, file, options, &[], progress) {
        Ok(done) => format!(
            "Imported {}: {}",
            file.display(),
            format.summary(&done.report, false)
        ),
        Err(FileImportError::Store(crate::store::StoreError::Cancelled)) => {
            "Import cancelled; nothing was changed".to_string()
        }
        Err(FileImportError::Invalid(errors)) => {
            format!("Nothing imported: {} invalid rows", errors.len())
        }
        Err(error) => format!("Nothing imported: {error}"),
    }
}
