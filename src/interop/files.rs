//! An import from a file on disk, whatever its format: the one path the command line and the
//! app's import screen both take, so a preview in the app says what `rolo import` would do.

use std::ops::ControlFlow;
use std::path::Path;

use super::contacts_import::{self, ImportError, ImportOptions, RowSource};
use super::{ImportReport, RowError, csv_import, linkedin, vcard};
use crate::domain::Clock;
use crate::store::{Store, StoreError};

/// The kinds of file rolo imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Linkedin,
    Csv,
    Vcard,
    Json,
    /// An mbox file or a Maildir folder: messages with the people rolo knows.
    Mail,
    /// LinkedIn's messages.csv.
    LinkedinMessages,
    /// Calendar invitations and events (.ics).
    Ics,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Linkedin,
        Format::Csv,
        Format::Vcard,
        Format::Json,
        Format::Mail,
        Format::LinkedinMessages,
        Format::Ics,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Format::Linkedin => "LinkedIn Connections.csv",
            Format::Csv => "CSV with a header",
            Format::Vcard => "vCard (.vcf file or folder)",
            Format::Json => "rolo JSON export (merge)",
            Format::Mail => "mail (mbox file or Maildir folder)",
            Format::LinkedinMessages => "LinkedIn messages.csv",
            Format::Ics => "calendar invitations (.ics)",
        }
    }

    /// Whether it brings news of people rolo has (messages, meetings), not people.
    pub fn is_news(self) -> bool {
        matches!(self, Format::Mail | Format::LinkedinMessages | Format::Ics)
    }

    /// What an import of this kind did (or would do), in a line.
    pub fn summary(self, report: &ImportReport, dry_run: bool) -> String {
        match self {
            Format::Mail | Format::LinkedinMessages => report.messages_summary(dry_run),
            Format::Ics => report.invitations_summary(dry_run),
            _ => report.summary(dry_run),
        }
    }
}

/// Why a file imported nothing.
#[derive(Debug)]
pub enum FileImportError {
    /// The file could not be read, or is not of the format at all.
    Unreadable(String),
    /// Some rows are invalid, and invalid rows were not to be skipped: every one, by line.
    Invalid(Vec<RowError>),
    Store(StoreError),
}

impl std::fmt::Display for FileImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileImportError::Unreadable(message) => f.write_str(message),
            FileImportError::Invalid(errors) => write!(
                f,
                "{} row(s) are invalid, so nothing was imported: fix them, or import the others \
                 and skip these",
                errors.len()
            ),
            FileImportError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl From<StoreError> for FileImportError {
    fn from(e: StoreError) -> Self {
        FileImportError::Store(e)
    }
}

/// What an import of a file did (or would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileImport {
    pub report: ImportReport,
    /// For a CSV: which column filled which field ("Company → organization, …").
    pub columns: Option<String>,
}

/// Imports `file`. `map` is the CSV's column mapping chosen by hand (empty: guessed from the
/// header); `progress` hears (rows done, rows in all) as contacts are written.
pub fn import(
    store: &Store,
    clock: &Clock,
    format: Format,
    file: &Path,
    options: ImportOptions,
    map: &[(String, String)],
    progress: &mut dyn FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<FileImport, FileImportError> {
    let open_streamed =
        |file: &Path| super::input::open_streamed(file).map_err(FileImportError::Unreadable);
    let in_file = |e: String| FileImportError::Unreadable(format!("{}: {e}", file.display()));
    if crate::store::safe_write::is_database(file, store.path()) {
        return Err(FileImportError::Unreadable(format!(
            "{} is the database rolo is using (or one of its side files), not a file to import \
             into it: name the export you mean",
            file.display()
        )));
    }
    let mut import = |rows: &mut dyn RowSource, source: &str| {
        contacts_import::import_with_progress(store, rows, options, source, clock, progress)
    };
    let (imported, blank, columns) = match format {
        Format::Mail | Format::LinkedinMessages | Format::Ics => {
            let me = crate::config::load().0.settings.me;
            let report = news(store, clock, format, file, options.dry_run, &me, progress)?;
            return Ok(FileImport {
                report,
                columns: None,
            });
        }
        Format::Json => {
            let (reader, _) =
                super::input::open_streamed_at_most(file, super::input::MAX_BACKUP_BYTES)
                    .map_err(FileImportError::Unreadable)?;
            let merged = match super::json_stream::merge(store, reader, options.dry_run) {
                Ok(merged) => merged,
                // What is wrong with the file is said with its name.
                Err(StoreError::Invalid(why)) => return Err(in_file(why)),
                Err(e) => return Err(e.into()),
            };
            let report = ImportReport {
                added: merged.added,
                updated: merged.updated,
                unchanged: merged.unchanged,
                ..ImportReport::default()
            };
            return Ok(FileImport {
                report,
                columns: None,
            });
        }
        Format::Linkedin => {
            let (file, size) = open_streamed(file)?;
            let mut rows = linkedin::open(file, size, clock).map_err(in_file)?;
            let imported = import(&mut rows, "LinkedIn");
            (imported, rows.blank(), None)
        }
        Format::Vcard if file.is_dir() => {
            let mut rows =
                vcard::Folder::open(file, store.path()).map_err(FileImportError::Unreadable)?;
            (import(&mut rows, "a vCard import"), 0, None)
        }
        Format::Vcard => {
            let mut rows = vcard::open(file).map_err(FileImportError::Unreadable)?;
            (import(&mut rows, "a vCard import"), 0, None)
        }
        Format::Csv => {
            let (file, size) = open_streamed(file)?;
            let mut rows = csv_import::open(file, size, map).map_err(in_file)?;
            let header = rows.header();
            let shown: Vec<String> = rows
                .mapping
                .iter()
                .map(|(i, field)| format!("{} → {field}", header[*i]))
                .collect();
            let imported = import(&mut rows, "a CSV import");
            (imported, rows.blank(), Some(shown.join(", ")))
        }
    };
    match imported {
        Ok(report) => Ok(FileImport {
            report: ImportReport { blank, ..report },
            columns,
        }),
        Err(ImportError::Empty) => {
            let nothing = match format {
                Format::Vcard => "no cards (BEGIN:VCARD … END:VCARD) in it",
                _ => "no rows under its header",
            };
            Err(in_file(format!("nothing to import: {nothing}")))
        }
        Err(ImportError::Unreadable(why)) => Err(in_file(format!(
            "cannot be read to its end: {why}; nothing was imported"
        ))),
        Err(ImportError::Invalid(errors)) => Err(FileImportError::Invalid(errors)),
        Err(ImportError::Store(e)) => Err(FileImportError::Store(e)),
    }
}

/// Takes in a mailbox, LinkedIn's messages or calendar invitations (`me`: the user's own
/// addresses), in one transaction.
pub fn news(
    store: &Store,
    clock: &Clock,
    format: Format,
    file: &Path,
    dry_run: bool,
    me: &[String],
    progress: &mut dyn FnMut(u64, u64) -> ControlFlow<()>,
) -> Result<ImportReport, FileImportError> {
    use crate::store::messages::MessagesError;
    if file == Path::new("-") && format != Format::Ics {
        return Err(FileImportError::Unreadable(
            "mail and LinkedIn's messages are read from their file or folder (where a second run \
             starts from where the first stopped), not from standard input: name it"
                .into(),
        ));
    }
    let taken = match format {
        Format::Mail => {
            store.take_in_messages(me, dry_run, clock, progress, &mut |already, each| {
                super::mail::read(file, already, each)
            })
        }
        Format::LinkedinMessages => {
            store.take_in_messages(me, dry_run, clock, progress, &mut |_, each| {
                super::linkedin_messages::read(file, each)
            })
        }
        _ => {
            let in_file =
                |e: String| FileImportError::Unreadable(format!("{}: {e}", file.display()));
            // Only the events with someone rolo knows are kept while the file is read.
            let known = store.contact_emails()?;
            let wanted = |event: &super::ics_import::Invitation| {
                event
                    .people
                    .iter()
                    .any(|(address, _)| known.contains(address))
            };
            let events = if file == Path::new("-") {
                super::ics_import::read(std::io::stdin().lock(), &wanted)
            } else {
                let opened =
                    super::input::open_regular(file).map_err(FileImportError::Unreadable)?;
                super::ics_import::read(std::io::BufReader::new(opened), &wanted)
            }
            .map_err(in_file)?;
            return Ok(store.take_in_invitations(&events, me, dry_run, clock)?);
        }
    };
    match taken {
        Ok(report) => Ok(report),
        Err(MessagesError::Unreadable(why)) => Err(FileImportError::Unreadable(why)),
        Err(MessagesError::Store(e)) => Err(FileImportError::Store(e)),
    }
}

/// "Importing ▕██████      ▏ 12000 / 30000" (`doing`: "Importing"): a bar `width` cells wide.
pub fn progress_text(doing: &str, done: u64, all: u64, width: usize) -> String {
    // How many there are is not known before the end (messages of a mailbox): the count.
    if all == 0 {
        return format!("Reading… {done} read");
    }
    let filled = (done.min(all) as usize * width) / (all.max(1) as usize);
    format!(
        "{doing} ▕{}{}▏ {done} / {all}",
        "█".repeat(filled),
        " ".repeat(width - filled)
    )
}
