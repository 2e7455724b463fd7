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

use std::io::BufRead;

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

/// What is kept of a calendar around its events (time zones, METHOD), and of one event, at
/// most: a hostile file's "event" may never end.
const PART_AT_MOST: usize = 1024 * 1024;

/// The most a calendar file is read, as for every import.
const READ_AT_MOST: u64 = super::input::MAX_IMPORT_BYTES;

/// The events in `reader` (one calendar or several) that `wanted` keeps, in the file's order.
/// The file is read a line at a time and each event parsed on its own, with its calendar's
/// time zones and method: the memory of one event and of those kept, not of the file.
pub fn read(
    reader: impl BufRead,
    wanted: &dyn Fn(&Invitation) -> bool,
) -> Result<Vec<Invitation>, String> {
    let mut reader = reader.take(READ_AT_MOST + 1);
    let mut invitations = Vec::new();
    let (mut around, mut event) = (String::new(), String::new());
    let (mut in_calendar, mut in_event, mut calendars) = (false, false, 0);
    let mut any_event = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = super::input::read_line_at_most(&mut reader, &mut line)
            .map_err(|e| format!("cannot read it ({e})"))?;
        if n == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let name = text.trim_end().to_ascii_uppercase();
        match name.as_str() {
            "BEGIN:VCALENDAR" => {
                (in_calendar, in_event) = (true, false);
                calendars += 1;
                around.clear();
            }
            "END:VCALENDAR" => in_calendar = false,
            "BEGIN:VEVENT" if in_calendar => {
                in_event = true;
                event.clear();
                event.push_str(&text);
            }
            "END:VEVENT" if in_event => {
                in_event = false;
                event.push_str(&text);
                let one = format!("BEGIN:VCALENDAR\r\n{around}{event}END:VCALENDAR\r\n");
                if let Ok(calendar) = ICalendar::parse(&one) {
                    invitations.extend(events_of(&calendar).into_iter().filter(|i| wanted(i)));
                    any_event = true;
                }
            }
            _ if in_event && event.len() < PART_AT_MOST => event.push_str(&text),
            _ if in_calendar && !in_event && around.len() < PART_AT_MOST => around.push_str(&text),
            _ => {}
        }
    }
    if reader.limit() == 0 {
        return Err(format!(
            "it is larger than the {} an import reads",
            crate::store::disk::human_bytes(READ_AT_MOST)
        ));
    }
    if calendars == 0 {
        return Err("it is not an iCalendar file (no BEGIN:VCALENDAR)".into());
    }
    if !any_event {
        return Err("no events (BEGIN:VEVENT … END:VEVENT) rolo can read in it".into());
    }
    Ok(invitations)
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
