//! `rolo import` and `rolo export`.

use std::io::Write;
use std::path::Path;

use color_eyre::eyre::{Result, bail, eyre};

use super::args::{ExportFormat, ImportFormat};
use super::shown;
use crate::domain::Clock;
use crate::domain::sanitize;
use crate::interop::contacts_import::ImportOptions;
use crate::interop::files::{self, FileImportError, Format};
use crate::interop::write_behind::write_behind;
use crate::interop::{RowError, csv_export, ics, json, vcard_export};
use crate::store::{Store, StoreError, safe_write};

pub fn import(
    store: &Store,
    clock: &Clock,
    format: ImportFormat,
    file: &Path,
    options: ImportOptions,
    map: &[(String, String)],
) -> Result<()> {
    let format = match format {
        ImportFormat::Linkedin => Format::Linkedin,
        ImportFormat::Csv => Format::Csv,
        ImportFormat::Vcard => Format::Vcard,
        ImportFormat::Json => Format::Json,
        ImportFormat::Mail => Format::Mail,
        ImportFormat::LinkedinMessages => Format::LinkedinMessages,
        ImportFormat::Ics => Format::Ics,
    };
    let mut bar = ProgressBar::new();
    let outcome = files::import(
        store,
        clock,
        format,
        file,
        options,
        map,
        &mut |done, all| {
            bar.show(done, all);
            std::ops::ControlFlow::Continue(())
        },
    );
    bar.clear();
    match outcome {
        Ok(done) => {
            if let Some(columns) = &done.columns {
                eprintln!("Columns: {columns}");
            }
            print_rejected(&done.report.skipped);
            print_rejected(&done.report.values_left_out);
            print_rejected(&done.report.possible_duplicates);
            for notice in &done.report.notices {
                println!("  {}", sanitize::line(&notice.message));
            }
            println!(
                "{}: {}",
                shown(file),
                format.summary(&done.report, options.dry_run)
            );
            if options.dry_run {
                println!("Nothing was written (--dry-run).");
            }
            Ok(())
        }
        Err(FileImportError::Invalid(errors)) => {
            print_rejected(&errors);
            bail!(
                "{} row(s) of {} are invalid, so nothing was imported: fix them, or add --skip-invalid to import the others",
                errors.len(),
                shown(file)
            )
        }
        Err(FileImportError::Store(e)) => Err(e.into()),
        Err(unreadable) => Err(eyre!("{unreadable}")),
    }
}

fn print_rejected(errors: &[RowError]) {
    for error in errors {
        eprintln!("  {}", sanitize::line(&error.to_string()));
    }
}

/// A progress bar on standard error, drawn only on a terminal and only once an import has
/// taken longer than a moment.
struct ProgressBar {
    started: std::time::Instant,
    drawn: bool,
    on_terminal: bool,
}

impl ProgressBar {
    const WIDTH: usize = 30;

    fn new() -> ProgressBar {
        ProgressBar {
            started: std::time::Instant::now(),
            drawn: false,
            on_terminal: std::io::IsTerminal::is_terminal(&std::io::stderr()),
        }
    }

    fn show(&mut self, done: u64, all: u64) {
        if !self.on_terminal || all == 0 || self.started.elapsed().as_millis() < 250 {
            return;
        }
        eprint!(
            "\r{}",
            files::progress_text("Importing", done, all, Self::WIDTH)
        );
        self.drawn = true;
    }

    fn clear(&self) {
        if self.drawn {
            eprint!("\r\x1b[2K");
        }
    }
}

pub fn export(
    store: &Store,
    clock: &Clock,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<()> {
    // No file, or `-`: standard output.
    let Some(file) = output.filter(|f| *f != Path::new("-")) else {
        return write_export(store, clock, format, super::piped::stdout());
    };
    // Refused before anything is made, a folder of cards named like the database included.
    safe_write::refuse_database(file, store.path())?;
    if matches!(format, ExportFormat::Vcard) && is_folder(file) {
        return export_cards(store, file);
    }
    safe_write::write_export(file, |out| {
        write_export(store, clock, format, out).map_err(|e| {
            // A full disk deep in a writer is said as one (with what is free), not as an OS code.
            let io = e.chain().find_map(|c| c.downcast_ref::<std::io::Error>());
            match io.and_then(std::io::Error::raw_os_error) {
                Some(code) => StoreError::io(
                    format!("cannot write {}", file.display()),
                    std::io::Error::from_raw_os_error(code),
                ),
                None => StoreError::Invalid(format!("cannot write {}: {e}", file.display())),
            }
        })
    })?;
    eprintln!("Wrote {}", shown(file));
    Ok(())
}

/// Writes one export to `out`, streamed as it is read (contacts, their cards, the JSON), so the
/// whole network is never one string.
fn write_export(
    store: &Store,
    clock: &Clock,
    format: ExportFormat,
    out: impl Write + Send,
) -> Result<()> {
    // Written on the other core while the next bytes are made (see `write_behind`).
    write_behind(out, |out| -> Result<()> {
        match format {
            ExportFormat::Json => json::write(store, &mut *out)?,
            ExportFormat::Csv => csv_export::export(store, &mut *out)?,
            ExportFormat::Ics => ics::write(store, clock.timestamp(), &mut *out)?,
            ExportFormat::Vcard => vcard_export::export(store, &mut *out)?,
        }
        Ok(())
    })
}

/// A folder that exists, or a path written with a trailing slash.
fn is_folder(output: &Path) -> bool {
    output.is_dir() || output.as_os_str().to_string_lossy().ends_with('/')
}

/// One card per contact in `folder` (created, private, if it is not there), each written whole
/// or not at all.
fn export_cards(store: &Store, folder: &Path) -> Result<()> {
    let total = store.contacts_total()?;
    let mut written = 0;
    vcard_export::each_card(store, |card| {
        let file = folder.join(&card.file_name);
        safe_write::refuse_database(&file, store.path())?;
        safe_write::write_atomically(&file, |temporary, _| {
            temporary
                .write_all(card.text.as_bytes())
                .map_err(|e| StoreError::io(format!("cannot write {}", file.display()), e))
        })?;
        written += 1;
        Ok(())
    })
    .map_err(|e| {
        // The card's own error ends "nothing was saved", true of that card only: here the
        // count says what was.
        let why = e.to_string().replace("; nothing was saved", "");
        eyre!(
            "{written} of {total} cards are in {}, each whole; the next could not be written: \
             {why}\nRun the export again once it can finish (it writes over the cards there)",
            shown(folder)
        )
    })?;
    eprintln!("Wrote {written} cards to {}", shown(folder));
    Ok(())
}
