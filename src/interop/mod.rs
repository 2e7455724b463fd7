//! Getting contacts in and everything out: LinkedIn's export, any CSV, rolo's own JSON (a
//! lossless backup that merges), CSV and iCalendar exports. Every import is checked whole
//! before anything is written, and written in one transaction.

pub mod contacts_import;
pub mod csv_export;
pub mod csv_import;
pub mod files;
mod fingerprint;
pub mod guess;
pub mod ics;
pub mod ics_import;
pub mod identity;
pub mod import_row;
mod import_write;
pub mod input;
pub mod json;
mod json_merge;
pub mod json_stream;
pub mod linkedin;
pub mod linkedin_messages;
pub mod mail;
pub mod messages;
pub mod table;
pub mod vcard;
pub mod vcard_export;
pub mod write_behind;

/// A problem with one row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub message: String,
}

impl RowError {
    /// A line of what an import changed or left, for its report: of no line of a file.
    pub fn notice(message: String) -> RowError {
        RowError { line: 0, message }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            // Not a line of a file (a message of a mailbox read in parts, a calendar event).
            f.write_str(&self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

/// What an import did (or, on a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Rows left out because they were invalid (with --skip-invalid).
    pub skipped: Vec<RowError>,
    /// Rows added as new contacts that look like one rolo has: for the user to merge. The
    /// first `LISTED_AT_MOST` are listed; those past them are only counted.
    pub possible_duplicates: Vec<RowError>,
    pub possible_duplicates_unlisted: u64,
    /// Rows with nothing in them (LinkedIn's members who hide their profile), left out.
    pub blank: u64,
    /// Values that could not be used (a malformed email), left out of people imported.
    pub values_left_out: Vec<RowError>,
    /// What messages or invitations told open interviews, a line each (line 0: no line of a
    /// file), for the review.
    pub notices: Vec<RowError>,
}

/// How many possible duplicates an import lists, at most. A file of 100,000 rows like the
/// people already in rolo would otherwise hold 100,000 notes in memory (30 MB of them with
/// long names), to print a list nobody reads to its end; the rest are counted.
pub const LISTED_AT_MOST: usize = 1_000;

impl ImportReport {
    /// How many rows were added though they look like someone rolo has.
    pub fn possible_duplicates_total(&self) -> u64 {
        self.possible_duplicates.len() as u64 + self.possible_duplicates_unlisted
    }

    /// What taking in messages did: entries added, messages already taken in, messages with
    /// nobody rolo knows (`blank`), messages that could not be read.
    pub fn messages_summary(&self, dry_run: bool) -> String {
        let mut text = format!(
            "{} {} to the timeline, {} already there, {} with nobody rolo knows",
            if dry_run { "would add" } else { "added" },
            crate::domain::numbers::count(self.added as i64, "message"),
            self.unchanged,
            self.blank
        );
        if !self.skipped.is_empty() {
            text.push_str(&format!(
                ", {} could not be read (listed)",
                self.skipped.len()
            ));
        }
        text
    }

    /// What taking in calendar invitations did: meetings set, moved or called off; events
    /// already as rolo has them; events with nobody rolo has an open interview with.
    pub fn invitations_summary(&self, dry_run: bool) -> String {
        format!(
            "{} {}, {} changing nothing (already so, or left as said), {} with nobody rolo is \
             meeting",
            if dry_run {
                "would set, move or call off"
            } else {
                "set, moved or called off"
            },
            crate::domain::numbers::count(self.updated as i64, "meeting"),
            self.unchanged,
            self.blank
        )
    }

    pub fn summary(&self, dry_run: bool) -> String {
        let verb = if dry_run { "would add" } else { "added" };
        let mut text = format!(
            "{verb} {}, {} {}, {} unchanged",
            self.added,
            if dry_run { "would update" } else { "updated" },
            self.updated,
            self.unchanged
        );
        if !self.skipped.is_empty() {
            text.push_str(&format!(", {} skipped", self.skipped.len()));
        }
        if self.blank > 0 {
            // LinkedIn writes one for each member who hides their profile.
            text.push_str(&format!(", {} blank rows left out", self.blank));
        }
        if !self.values_left_out.is_empty() {
            text.push_str(&format!(
                ", {} values left out (listed)",
                self.values_left_out.len()
            ));
        }
        if !self.possible_duplicates.is_empty() {
            let listed = match self.possible_duplicates_unlisted {
                0 => "listed".to_string(),
                _ => format!("the first {} listed", self.possible_duplicates.len()),
            };
            text.push_str(&format!(
                ", {} may already be in rolo ({listed})",
                self.possible_duplicates_total()
            ));
        }
        text
    }
}
