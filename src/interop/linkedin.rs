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

/// Parses an export.
pub fn parse(bytes: &[u8], clock: &Clock) -> Result<Parsed, String> {
    let is_header = |fields: &[String]| {
        let has = |name: &str| fields.iter().any(|f| f.eq_ignore_ascii_case(name));
        has("First Name") && has("Last Name")
    };
    let table = table::read(bytes, is_header);
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
    let (first, last) = (column("First Name"), column("Last Name"));
    let (url, email, company, position, connected) = (
        column("URL"),
        column("Email Address"),
        column("Company"),
        column("Position"),
        column("Connected On"),
    );
    let mut rows: Vec<Result<ImportRow, RowError>> =
        Vec::with_capacity(table.rows.len() + table.errors.len());
    rows.extend(table.errors.into_iter().map(Err));
    let mut blank = table.blank;
    for (line, fields) in table.rows {
        let someone = [first, last, url, email, company]
            .into_iter()
            .flatten()
            .any(|i| fields.get(i).is_some_and(|f| !f.trim().is_empty()));
        if !someone {
            blank += 1;
            continue;
        }
        let get = |index: Option<usize>| {
            index
                .and_then(|i| fields.get(i))
                .cloned()
                .unwrap_or_default()
        };
        if fields.len() < table.header.len().saturating_sub(1) {
            rows.push(Err(RowError {
                line,
                message: format!(
                    "{} fields where the header has {}",
                    fields.len(),
                    table.header.len()
                ),
            }));
            continue;
        }
        let connected_on = get(connected);
        let connected_on = if connected_on.is_empty() {
            None
        } else {
            match connection_date(&connected_on) {
                Some(day) => Some(clock.at_local(
                    day,
                    chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default(),
                )),
                None => {
                    rows.push(Err(RowError {
                        line,
                        message: format!("{connected_on:?} is not a date (like 12 Mar 2024)"),
                    }));
                    continue;
                }
            }
        };
        let name = format!("{} {}", get(first), get(last)).trim().to_string();
        rows.push(Ok(ImportRow {
            line,
            name,
            organization: get(company),
            title: get(position),
            email: get(email),
            linkedin: get(url),
            connected_on,
            ..ImportRow::default()
        }));
    }
    Ok(Parsed { rows, blank })
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
