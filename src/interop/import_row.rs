//! One contact as an imported file describes it, and the checks every row passes whatever
//! file it came from: fields cleaned, a name found, one-line fields no longer than a line, a
//! problem said with the file (in a folder) and the line.

use super::RowError;
use crate::domain::email::looks_like_email;
use crate::domain::{Timestamp, limits, sanitize};

/// One contact as a file describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportRow {
    pub line: u64,
    pub name: String,
    pub organization: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub location: String,
    pub notes: String,
    /// How the user met them, when the file has such a column (rolo's own export), even if
    /// empty; `None`: where they came from is said instead.
    pub how_met: Option<String>,
    /// Who referred them, by name (rolo's own exports say): linked once everyone is in.
    pub referred_by: Option<String>,
    pub tags: Vec<String>,
    /// Values the file held that could not be used (a malformed email), each with the line it is
    /// on and why: the person is imported without them, and the report lists them.
    pub left_out: Vec<(u64, String)>,
    /// The file the row came from, when an import reads several (a folder of cards): named in
    /// every problem reported about the row.
    pub file: String,
    /// When the connection was made, for the timeline.
    pub connected_on: Option<Timestamp>,
}

impl ImportRow {
    /// Cleans every field and says what is wrong with the row, if anything.
    pub fn checked(mut self) -> Result<ImportRow, RowError> {
        for field in [
            &mut self.name,
            &mut self.organization,
            &mut self.title,
            &mut self.email,
            &mut self.phone,
            &mut self.linkedin,
            &mut self.location,
        ] {
            sanitize::line_in_place(field);
        }
        for text in [&mut self.how_met, &mut self.referred_by]
            .into_iter()
            .flatten()
        {
            sanitize::line_in_place(text);
        }
        self.notes = sanitize::multiline(&self.notes);
        // A tag is a label: its words, one space apart.
        for tag in &mut self.tags {
            *tag = sanitize::line(tag)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
        }
        self.tags.retain(|t| !t.is_empty());
        let fail = |message: String| {
            Err(RowError {
                line: self.line,
                message: in_file(&self.file, &message),
            })
        };
        if self.name.is_empty() {
            // A card with no name but an organisation or an email is still someone.
            match (self.organization.is_empty(), self.email.is_empty()) {
                (false, _) => self.name = self.organization.clone(),
                (true, false) => self.name = self.email.clone(),
                (true, true) => {
                    return fail("no name, organisation or email: nothing to call them by".into());
                }
            }
        }
        // As mail programs write an address: "<ada@x.org>", "mailto:ada@x.org".
        let bare = match self.email.get(..7) {
            Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &self.email[7..],
            _ => &self.email,
        };
        let bare = bare.trim_start_matches('<').trim_end_matches('>');
        if bare.len() != self.email.len() {
            self.email = bare.trim().to_string();
        }
        if !self.email.is_empty() && !looks_like_email(&self.email) {
            return fail(format!("{:?} is not an email address", self.email));
        }
        let lengths = limits::ContactLines {
            name: &self.name,
            organization: &self.organization,
            title: &self.title,
            email: &self.email,
            phone: &self.phone,
            linkedin: &self.linkedin,
            location: &self.location,
            how_met: self.how_met.as_deref().unwrap_or(""),
        }
        .check()
        .and_then(|()| limits::check("notes", &self.notes, limits::TEXT))
        .and_then(|()| {
            let tags: Vec<(&str, &str)> = self.tags.iter().map(|t| ("tag", t.as_str())).collect();
            limits::check_lines(&tags)
        });
        if let Err(message) = lengths {
            return fail(message);
        }
        Ok(self)
    }
}

/// "cards/ada.vcf: …" for a row of one file among several; the message alone otherwise.
pub fn in_file(file: &str, message: &str) -> String {
    if file.is_empty() {
        message.to_string()
    } else {
        format!("{file}: {message}")
    }
}
