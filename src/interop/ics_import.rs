//! Calendar invitations and events (`.ics`), read with calcard (the iCalendar parser the vCard
//! import uses): for each event, when it starts and ends (time zones resolved by calcard), who
//! organises it and who is invited, and whether it is called off (METHOD:CANCEL or
//! STATUS:CANCELLED). `store::invitations` moves the meetings they concern.

use calcard::common::timezone::Tz;
use calcard::icalendar::{
    ICalendar, ICalendarComponentType, ICalendarMethod, ICalendarParameterName,
    ICalendarParameterValue, ICalendarParticipationStatus, ICalendarProperty, ICalendarStatus,
    ICalendarValue,
};

use crate::domain::Timestamp;

/// Occurrences of one event read, at most: a repeating invitation is its first.
const OCCURRENCES_AT_MOST: usize = 10_000;

/// One event of an invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub uid: String,
    /// Its version (SEQUENCE, then DTSTAMP): a later one replaces an earlier.
    pub sequence: i64,
    pub stamp: String,
    pub starts_at: Timestamp,
    /// Its length, when it says (DTEND or DURATION).
    pub minutes: Option<u32>,
    /// Organizer and attendees, as lowercased email addresses, each once, with whether they
    /// declined it (PARTSTAT=DECLINED).
    pub people: Vec<(String, bool)>,
    pub place: String,
    pub cancelled: bool,
    /// A whole day (DTSTART;VALUE=DATE): no meeting's time.
    pub all_day: bool,
}

/// Every event in `text` (one calendar or several), in the file's order.
pub fn parse(text: &str) -> Result<Vec<Invitation>, String> {
    let mut invitations = Vec::new();
    let mut rest = text;
    // A file may hold several calendars one after the other (a mail client's saved invites).
    while let Some(start) = find_ci(rest, "BEGIN:VCALENDAR") {
        let from = &rest[start..];
        let end = find_ci(from, "END:VCALENDAR").map_or(from.len(), |e| e + "END:VCALENDAR".len());
        let calendar = ICalendar::parse(&from[..end])
            .map_err(|_| "it is not an iCalendar file rolo can read".to_string())?;
        invitations.extend(events_of(&calendar));
        rest = &from[end..];
    }
    if invitations.is_empty() {
        return Err("no events (BEGIN:VEVENT … END:VEVENT) in it".into());
    }
    Ok(invitations)
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn events_of(calendar: &ICalendar) -> Vec<Invitation> {
    let cancelled_all = calendar.components.iter().any(|c| {
        c.component_type == ICalendarComponentType::VCalendar
            && c.property(&ICalendarProperty::Method)
                .and_then(|e| e.values.first())
                .is_some_and(|v| matches!(v, ICalendarValue::Method(ICalendarMethod::Cancel)))
    });
    let expanded = calendar.expand_dates(Tz::UTC, OCCURRENCES_AT_MOST);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for event in expanded.events {
        // The first occurrence of each event only.
        if !seen.insert(event.comp_id) {
            continue;
        }
        let Some(component) = calendar.components.get(event.comp_id as usize) else {
            continue;
        };
        if component.component_type != ICalendarComponentType::VEvent {
            continue;
        }
        let Some(event) = event.try_into_date_time() else {
            continue;
        };
        let Some(starts_at) = chrono::DateTime::from_timestamp(event.start.timestamp(), 0) else {
            continue;
        };
        let says_length = component.has_property(&ICalendarProperty::Dtend)
            || component.has_property(&ICalendarProperty::Duration);
        let length = (event.end.timestamp() - event.start.timestamp()) / 60;
        let minutes = (says_length && length > 0 && length <= 24 * 60)
            .then(|| u32::try_from(length).ok())
            .flatten();
        let all_day = component
            .property(&ICalendarProperty::Dtstart)
            .and_then(|e| e.values.first())
            .is_some_and(|v| matches!(v, ICalendarValue::PartialDateTime(d) if d.hour.is_none()));
        let text = |property: ICalendarProperty| {
            component
                .property(&property)
                .and_then(|e| e.values.first())
                .and_then(ICalendarValue::as_text)
                .map(crate::domain::sanitize::line)
                .unwrap_or_default()
        };
        let mut people: Vec<(String, bool)> = Vec::new();
        for property in [ICalendarProperty::Organizer, ICalendarProperty::Attendee] {
            for entry in component.properties(&property) {
                if let Some(address) = entry.values.first().and_then(ICalendarValue::as_text) {
                    let address = address.trim();
                    let address = address
                        .get(..7)
                        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
                        .map_or(address, |_| &address[7..])
                        .to_lowercase();
                    let declined = entry.params.iter().any(|p| {
                        p.name == ICalendarParameterName::Partstat
                            && matches!(
                                p.value,
                                ICalendarParameterValue::Partstat(
                                    ICalendarParticipationStatus::Declined
                                )
                            )
                    });
                    // The organiser is often a guest too: one person, declined if either says.
                    match people.iter_mut().find(|(a, _)| *a == address) {
                        Some((_, was)) => *was |= declined,
                        None if address.contains('@') => people.push((address, declined)),
                        None => {}
                    }
                }
            }
        }
        let number = |property: ICalendarProperty| {
            component
                .property(&property)
                .and_then(|e| e.values.first())
                .and_then(|v| match v {
                    ICalendarValue::Integer(n) => Some(*n),
                    _ => None,
                })
        };
        let cancelled = cancelled_all
            || component
                .property(&ICalendarProperty::Status)
                .and_then(|e| e.values.first())
                .is_some_and(|v| matches!(v, ICalendarValue::Status(ICalendarStatus::Cancelled)));
        let stamp = component
            .property(&ICalendarProperty::Dtstamp)
            .and_then(|e| e.values.first())
            .and_then(|v| match v {
                ICalendarValue::PartialDateTime(d) => d.to_timestamp(),
                _ => None,
            })
            .map(|t| format!("{t:020}"))
            .unwrap_or_default();
        out.push(Invitation {
            uid: text(ICalendarProperty::Uid),
            sequence: number(ICalendarProperty::Sequence).unwrap_or(0),
            stamp,
            starts_at: Timestamp(starts_at),
            minutes,
            people,
            place: text(ICalendarProperty::Location),
            cancelled,
            all_day,
        });
    }
    out
}
