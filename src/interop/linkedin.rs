//! LinkedIn's `Connections.csv`: a few lines of notes, then the header (First Name, Last Name,
//! URL, Email Address, Company, Position, Connected On), then a row per connection. Older
//! exports have no URL column and date a connection `1/8/18, 6:14 PM`. A member who hides
//! their profile is written as a row with nothing in it: left out, and counted.

use chrono::NaiveDate;

use super::RowError;
use super::contacts_import::ImportRow;
use super::table;
use crate::domain::Clock;

/// What an export holds: rows to import (or the reason each bad row is bad), and how many rows
/// were blank (members who hide their profile).
pub struct Parsed {
    pub rows: Vec<Result<ImportRow, RowError>>,
    pub blank: u64,
}

/// Parses an export, every row at once.
pub fn parse(bytes: &[u8], clock: &Clock) -> Result<Parsed, String> {
    let mut reader = open(Box::new(bytes), bytes.len() as u64, clock)?;
    let rows = reader.by_ref().collect();
    Ok(Parsed {
        rows,
        blank: reader.blank(),
    })
}

/// An export's connections, read one at a time.
pub struct Connections<'a> {
    table: table::Table<'a>,
    clock: &'a Clock,
    first: Option<usize>,
    last: Option<usize>,
    url: Option<usize>,
    email: Option<usize>,
    company: Option<usize>,
    position: Option<usize>,
    connected: Option<usize>,
    /// Rows with fields but no one in them (members who hide their profile).
    hidden: u64,
}

/// Opens an export: its header found under LinkedIn's notes, or why it is not one.
pub fn open<'a>(
    file: Box<dyn std::io::BufRead + 'a>,
    size: u64,
    clock: &'a Clock,
) -> Result<Connections<'a>, String> {
    let is_header = |fields: &[String]| {
        let has = |name: &str| fields.iter().any(|f| f.eq_ignore_ascii_case(name));
        has("First Name") && has("Last Name")
    };
    let table = table::open(file, size, is_header);
    if !is_header(&table.header) {
        return Err(
            "no LinkedIn header found (a line with First Name, Last Name, URL, …): \
                    is this the Connections.csv of a LinkedIn data export?"
                .into(),
        );
    }
    let column = |name: &str| {
        table
            .header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    };
    Ok(Connections {
        first: column("First Name"),
        last: column("Last Name"),
        url: column("URL"),
        email: column("Email Address"),
        company: column("Company"),
        position: column("Position"),
        connected: column("Connected On"),
        table,
        clock,
        hidden: 0,
    })
}

impl Connections<'_> {
    /// Rows so far with no one in them.
    pub fn blank(&self) -> u64 {
        self.table.blank + self.hidden
    }

    /// The connection on one row, why it cannot be read, or `None` for a hidden member.
    fn row(&self, line: u64, mut fields: Vec<String>) -> Option<Result<ImportRow, RowError>> {
        let someone = [self.first, self.last, self.url, self.email, self.company]
            .into_iter()
            .flatten()
            .any(|i| fields.get(i).is_some_and(|f| !f.trim().is_empty()));
        if !someone {
            return None;
        }
        let width = self.table.header.len();
        if fields.len() < width.saturating_sub(1) {
            return Some(Err(RowError {
                line,
                message: format!("{} fields where the header has {width}", fields.len()),
            }));
        }
        // Each column fills one field: its text is taken, not copied.
        let mut take = |index: Option<usize>| {
            index
                .and_then(|i| fields.get_mut(i))
                .map(std::mem::take)
                .unwrap_or_default()
        };
        let connected_on = take(self.connected);
        let connected_on = if connected_on.is_empty() {
            None
        } else {
            match connection_date(&connected_on) {
                Some(day) => Some(self.clock.at_local(
                    day,
                    chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
                )),
                None => {
                    return Some(Err(RowError {
                        line,
                        message: format!("{connected_on:?} is not a date (like 12 Mar 2024)"),
                    }));
                }
            }
        };
        let name = format!("{} {}", take(self.first), take(self.last))
            .trim()
            .to_string();
        Some(Ok(ImportRow {
            line,
            name,
            organization: take(self.company),
            title: take(self.position),
            email: take(self.email),
            linkedin: take(self.url),
            connected_on,
            ..ImportRow::default()
        }))
    }
}

impl Iterator for Connections<'_> {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (line, fields) = match self.table.next()? {
                Ok(line) => line,
                Err(problem) => return Some(Err(problem)),
            };
            match self.row(line, fields) {
                Some(row) => return Some(row),
                None => self.hidden += 1,
            }
        }
    }
}

impl super::contacts_import::RowSource for Connections<'_> {
    fn expected(&self) -> u64 {
        self.table.expected()
    }

    fn failure(&self) -> Option<String> {
        self.table.failure()
    }
}

/// "12 Mar 2024", "7-Feb-22", ISO dates, and the older exports' "1/8/18, 6:14 PM" (month
/// first, as LinkedIn wrote them).
fn connection_date(text: &str) -> Option<NaiveDate> {
    let day = text.split(',').next().unwrap_or(text).trim();
    [
        "%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%Y-%m-%d", "%d %B %Y", "%m/%d/%y", "%m/%d/%Y",
    ]
    .iter()
    .find_map(|format| NaiveDate::parse_from_str(day, format).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_date_forms() {
        assert_eq!(
            connection_date("12 Mar 2024"),
            NaiveDate::from_ymd_opt(2024, 3, 12)
        );
        assert_eq!(
            connection_date("7-Feb-22"),
            NaiveDate::from_ymd_opt(2022, 2, 7)
        );
        assert_eq!(
            connection_date("1/8/18, 6:14 PM"),
            NaiveDate::from_ymd_opt(2018, 1, 8)
        );
        assert_eq!(connection_date("yesterday"), None);
    }
}
