//! `rolo import` and `rolo export`.

use std::io::Write;
use std::path::Path;

use color_eyre::eyre::{Result, bail, eyre};

use super::args::{ExportFormat, ImportFormat};
use crate::domain::Clock;
use crate::interop::contacts_import::{self, ImportError, ImportOptions};
use crate::interop::{RowError, csv_export, csv_import, ics, json, linkedin, vcard, vcard_export};
use crate::store::{Store, path};

pub fn import(
    store: &Store,
    clock: &Clock,
    format: ImportFormat,
    file: &Path,
    options: ImportOptions,
    map: &[(String, String)],
) -> Result<()> {
    let read = || std::fs::read(file).map_err(|e| eyre!("cannot read {}: {e}", file.display()));
    let (rows, source) = match format {
        ImportFormat::Json => return import_json(store, &read()?, options.dry_run),
        ImportFormat::Linkedin => (
            linkedin::parse(&read()?, clock).map_err(|e| eyre!("{}: {e}", file.display()))?,
            "LinkedIn",
        ),
        ImportFormat::Vcard => (read_cards(file)?, "a vCard import"),
        ImportFormat::Csv => {
            let parsed =
                csv_import::parse(&read()?, map).map_err(|e| eyre!("{}: {e}", file.display()))?;
            let shown: Vec<String> = parsed
                .mapping
                .iter()
                .map(|(i, field)| format!("{} → {field}", parsed.header[*i]))
                .collect();
            eprintln!("Columns: {}", shown.join(", "));
            (parsed.rows, "a CSV import")
        }
    };
    match contacts_import::import(store, rows, options, source, clock) {
        Ok(report) => {
            print_rejected(&report.skipped);
            println!("{}: {}", file.display(), report.summary(options.dry_run));
            if options.dry_run {
                println!("Nothing was written (--dry-run).");
            }
            Ok(())
        }
        Err(ImportError::Invalid(errors)) => {
            print_rejected(&errors);
            bail!(
                "{} row(s) of {} are invalid, so nothing was imported: fix them, or add --skip-invalid to import the others",
                errors.len(),
                file.display()
            )
        }
        Err(ImportError::Store(e)) => Err(e.into()),
    }
}

/// The cards of a .vcf file, or of every .vcf file in a folder (problems named with their file).
fn read_cards(file: &Path) -> Result<Vec<Result<contacts_import::ImportRow, RowError>>> {
    if !file.is_dir() {
        let bytes =
            std::fs::read(file).map_err(|e| eyre!("cannot read {}: {e}", file.display()))?;
        return Ok(vcard::parse(&bytes));
    }
    let mut files: Vec<_> = std::fs::read_dir(file)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("vcf")))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    for card in files {
        let bytes =
            std::fs::read(&card).map_err(|e| eyre!("cannot read {}: {e}", card.display()))?;
        let name = card
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        rows.extend(vcard::parse(&bytes).into_iter().map(|row| {
            row.map_err(|e| RowError {
                line: e.line,
                message: format!("{name}: {}", e.message),
            })
        }));
    }
    Ok(rows)
}

fn print_rejected(errors: &[RowError]) {
    for error in errors {
        eprintln!("  {error}");
    }
}

fn import_json(store: &Store, bytes: &[u8], dry_run: bool) -> Result<()> {
    let export = json::parse(bytes).map_err(|e| eyre!(e))?;
    let report = json::merge(store, &export, dry_run)?;
    let verb = if dry_run { "would be" } else { "were" };
    println!(
        "{} records {verb} added, {} updated, {} already up to date",
        report.added, report.updated, report.unchanged
    );
    Ok(())
}

pub fn export(
    store: &Store,
    clock: &Clock,
    format: ExportFormat,
    output: Option<&Path>,
) -> Result<()> {
    let Some(file) = output else {
        return write_export(store, clock, format, std::io::stdout().lock());
    };
    if matches!(format, ExportFormat::Vcard) && is_folder(file) {
        return export_cards(store, file);
    }
    path::create_private_file(file, true)?;
    let writer =
        std::fs::File::create(file).map_err(|e| eyre!("cannot write {}: {e}", file.display()))?;
    write_export(store, clock, format, writer)?;
    path::make_private(file)?;
    eprintln!("Wrote {}", file.display());
    Ok(())
}

/// Writes one export to `out`. JSON is streamed, so the whole database is never one string.
fn write_export(
    store: &Store,
    clock: &Clock,
    format: ExportFormat,
    mut out: impl Write,
) -> Result<()> {
    let text = match format {
        ExportFormat::Json => return Ok(json::write(store, out)?),
        ExportFormat::Csv => csv_export::export(store)?,
        ExportFormat::Ics => ics::export(store, clock.timestamp())?,
        ExportFormat::Vcard => vcard_export::export(store)?,
    };
    out.write_all(text.as_bytes())?;
    Ok(out.flush()?)
}

/// A folder that exists, or a path written with a trailing slash.
fn is_folder(output: &Path) -> bool {
    output.is_dir() || output.as_os_str().to_string_lossy().ends_with('/')
}

/// One card per contact in `folder` (created, private, if it is not there).
fn export_cards(store: &Store, folder: &Path) -> Result<()> {
    let cards = vcard_export::cards(store)?;
    for card in &cards {
        write_private(&folder.join(&card.file_name), &card.text)?;
    }
    eprintln!("Wrote {} cards to {}", cards.len(), folder.display());
    Ok(())
}

/// Writes a file readable by its owner only, from its first byte.
fn write_private(file: &Path, text: &str) -> Result<()> {
    path::create_private_file(file, true)?;
    std::fs::write(file, text).map_err(|e| eyre!("cannot write {}: {e}", file.display()))?;
    path::make_private(file)?;
    Ok(())
}
