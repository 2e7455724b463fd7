//! iCalendar: meetings as events (with the contact and the objective), open follow-ups as
//! to-dos with their due times — for any calendar app.

use crate::domain::{Contact, FollowUp, Interview, Meeting, MeetingStatus, Timestamp};
use crate::store::{Store, StoreError};

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

pub fn export(store: &Store, now: Timestamp) -> Result<String, StoreError> {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//rolo//informational interviews//EN".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    for meeting in store.all::<Meeting>(false)? {
        if meeting.status == MeetingStatus::Cancelled {
            continue;
        }
        let interview: Interview = store.get(meeting.interview_id)?;
        let contact: Contact = store.get(interview.contact_id)?;
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{}@rolo", meeting.meta.id),
            format!("DTSTAMP:{}", stamp(now)),
            format!("DTSTART:{}", stamp(meeting.starts_at)),
            format!("DTEND:{}", stamp(meeting.ends_at())),
            format!(
                "SUMMARY:{}",
                escape(&format!("Informational interview with {}", contact.name))
            ),
            format!("DESCRIPTION:{}", escape(&interview.objective)),
        ]);
        if !meeting.place.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&meeting.place)));
        }
        if meeting.status == MeetingStatus::Held {
            lines.push("STATUS:CONFIRMED".into());
        }
        lines.push("END:VEVENT".into());
    }
    for follow_up in store
        .all::<FollowUp>(false)?
        .into_iter()
        .filter(FollowUp::is_open)
    {
        lines.extend([
            "BEGIN:VTODO".into(),
            format!("UID:{}@rolo", follow_up.meta.id),
            format!("DTSTAMP:{}", stamp(now)),
            format!("DUE:{}", stamp(follow_up.due_at)),
            format!("SUMMARY:{}", escape(&follow_up.title)),
            "STATUS:NEEDS-ACTION".into(),
            "END:VTODO".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    Ok(out)
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
