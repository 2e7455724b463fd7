//! The messages file of LinkedIn's data export (`messages.csv`): one row per message, with the
//! sender's and the recipients' profile addresses, which is how people are matched (names on
//! LinkedIn are not unique). The message's text (CONTENT) is never read into rolo.

use std::ops::ControlFlow;
use std::path::Path;

use super::RowError;
use super::identity::profile_key;
use super::mail::Found;
use super::messages::{Message, Party};
use crate::domain::{InteractionKind, Timestamp};

/// The columns read, by their header names in LinkedIn's export (any case, any order).
const CONVERSATION: &str = "conversation id";
const SENDER: &str = "sender profile url";
const RECIPIENTS: &str = "recipient profile urls";
const DATE: &str = "date";
const SUBJECT: &str = "subject";
const TITLE: &str = "conversation title";

/// Reads `file` row by row (never whole), handing each message on.
pub fn read(file: &Path, each: &mut dyn FnMut(Found) -> ControlFlow<()>) -> Result<(), String> {
    let opened =
        std::fs::File::open(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(opened));
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("{}: {e}", file.display()))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name);
    let (Some(sender), Some(recipients), Some(date)) =
        (column(SENDER), column(RECIPIENTS), column(DATE))
    else {
        return Err(format!(
            "{} is not LinkedIn's messages.csv: it needs the columns SENDER PROFILE URL, \
             RECIPIENT PROFILE URLS and DATE",
            file.display()
        ));
    };
    let (conversation, subject, title) = (column(CONVERSATION), column(SUBJECT), column(TITLE));
    let mut record = csv::StringRecord::new();
    loop {
        let read = reader.read_record(&mut record);
        // The line the row starts on (a quoted CONTENT may run over several).
        let line = record.position().map_or(0, csv::Position::line);
        match read {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, csv::Position::line);
                let found = Found::Problem(RowError {
                    line,
                    message: format!("{}: {e}; left out", file.display()),
                });
                if each(found).is_break() {
                    return Ok(());
                }
                continue;
            }
        }
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let found = match message(
            cell(Some(sender)),
            cell(Some(recipients)),
            cell(Some(date)),
            cell(conversation),
            if cell(subject).is_empty() {
                cell(title)
            } else {
                cell(subject)
            },
        ) {
            Ok(message) => Found::Message(message),
            Err(why) => Found::Problem(RowError {
                line,
                message: format!("{}: {why}; left out", file.display()),
            }),
        };
        if each(found).is_break() {
            return Ok(());
        }
    }
}

fn message(
    sender: &str,
    recipients: &str,
    date: &str,
    conversation: &str,
    subject: &str,
) -> Result<Message, String> {
    if sender.is_empty() {
        return Err("no SENDER PROFILE URL".into());
    }
    let at = parse_date(date).ok_or_else(|| format!("the date {date:?} cannot be read"))?;
    let from = Party::Profile(profile_key(sender));
    let to = recipients
        .split([' ', ',', ';'])
        .filter(|url| !url.trim().is_empty())
        .map(|url| Party::Profile(profile_key(url)))
        .collect();
    Ok(Message {
        key: format!(
            "linkedin:{conversation}|{}|{}",
            at.to_text(),
            profile_key(sender)
        ),
        at,
        from,
        to,
        subject: crate::domain::sanitize::line(subject),
        not_a_reply: false,
        kind: InteractionKind::Message,
    })
}

/// "2024-03-05 14:22:10 UTC" (LinkedIn's form), with or without the zone; RFC 3339 too.
fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(Timestamp(at.with_timezone(&chrono::Utc)));
    }
    let bare = text.trim_end_matches("UTC").trim();
    chrono::NaiveDateTime::parse_from_str(bare, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(bare, "%Y-%m-%d %H:%M"))
        .ok()
        .map(|naive| Timestamp(naive.and_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_dates_read_with_or_without_their_zone() {
        assert!(parse_date("2024-03-05 14:22:10 UTC").is_some());
        assert!(parse_date("2024-03-05 14:22:10").is_some());
        assert!(parse_date("2024-03-05T14:22:10Z").is_some());
        assert!(parse_date("5 March").is_none());
    }
}
