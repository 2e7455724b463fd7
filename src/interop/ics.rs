//! iCalendar: meetings as events (with the contact and the objective), open follow-ups as
//! to-dos with their due times — for any calendar app.

use crate::domain::{Contact, FollowUp, Interview, Meeting, MeetingStatus, Timestamp};
use crate::store::{Store, StoreError, record};

/// Text escaped as RFC 5545 asks: backslash, semicolon, comma, line breaks.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
        .replace('\r', "")
}

/// A UTC time as iCalendar writes it: 20261124T090000Z.
fn stamp(at: Timestamp) -> String {
    at.0.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Lines longer than 75 octets are folded: CRLF and a space, never inside a character.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The calendar as text (for tests and small uses; `write` streams it).
pub fn export(store: &Store, now: Timestamp) -> Result<String, StoreError> {
    let mut out = Vec::new();
    write(store, now, &mut out)?;
    String::from_utf8(out).map_err(|e| StoreError::Invalid(format!("the calendar: {e}")))
}

/// Writes the calendar to `out` as it is read: meetings as events, open follow-ups as to-dos,
/// one record at a time (the 100,000-contact database's were all held at once: 72 MB), from
/// one snapshot of the database.
pub fn write(
    store: &Store,
    now: Timestamp,
    out: &mut dyn std::io::Write,
) -> Result<(), StoreError> {
    let _as_of_now = store.reading_as_of_now()?;
    let mut folded = String::new();
    let mut put = |lines: &[&str]| -> Result<(), String> {
        folded.clear();
        for line in lines {
            fold(line, &mut folded);
        }
        out.write_all(folded.as_bytes())
            .map_err(|e| format!("cannot write the calendar: {e}"))
    };
    let stamped = format!("DTSTAMP:{}", stamp(now));
    put(&[
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//rolo//informational interviews//EN",
        "CALSCALE:GREGORIAN",
    ])
    .map_err(StoreError::Invalid)?;
    record::for_each::<Meeting>(store.conn(), false, |meeting| {
        if meeting.status == MeetingStatus::Cancelled {
            return Ok(());
        }
        let interview: Interview = store.get(meeting.interview_id).map_err(|e| e.to_string())?;
        let contact: Contact = store.get(interview.contact_id).map_err(|e| e.to_string())?;
        let mut lines = vec![
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@rolo", meeting.meta.id),
            stamped.clone(),
            format!("DTSTART:{}", stamp(meeting.starts_at)),
            format!("DTEND:{}", stamp(meeting.ends_at())),
            format!(
                "SUMMARY:{}",
                escape(&format!("Informational interview with {}", contact.name))
            ),
            format!("DESCRIPTION:{}", escape(&interview.objective)),
        ];
        if !meeting.place.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&meeting.place)));
        }
        if meeting.status == MeetingStatus::Held {
            lines.push("STATUS:CONFIRMED".into());
        }
        lines.push("END:VEVENT".into());
        put(&lines.iter().map(String::as_str).collect::<Vec<_>>())
    })?;
    record::for_each::<FollowUp>(store.conn(), false, |follow_up| {
        if !follow_up.is_open() {
            return Ok(());
        }
        put(&[
            "BEGIN:VTODO",
            &format!("UID:{}@rolo", follow_up.meta.id),
            &stamped,
            &format!("DUE:{}", stamp(follow_up.due_at)),
            &format!("SUMMARY:{}", escape(&follow_up.title)),
            "STATUS:NEEDS-ACTION",
            "END:VTODO",
        ])
    })?;
    put(&["END:VCALENDAR"]).map_err(StoreError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        fold(&"x".repeat(80), &mut out);
        assert_eq!(out, format!("{}\r\n {}\r\n", "x".repeat(75), "x".repeat(5)));
    }
}
