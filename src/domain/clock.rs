//! Time as the domain sees it: a UTC instant plus the user's local offset, passed in by the
//! caller so that "overdue", "today" and "this week" are testable under a fixed clock.

use std::fmt;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A UTC instant, stored as fixed-width text ("2026-11-24T09:30:00.000Z") so that text order
/// is time order in SQL and in exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    /// Our fixed format, written by hand into a stack buffer: every record carries several
    /// timestamps, and formatting them through `format!` was a third of a whole-database export.
    pub fn to_text(self) -> String {
        self.text().as_str().to_string()
    }

    /// The fixed-width text without an allocation (for serialising and binding).
    pub fn text(self) -> TimestampText {
        use chrono::{Datelike, Timelike};
        // One conversion to the naive UTC time: each accessor on a `DateTime` converts again.
        let t = self.0.naive_utc();
        let mut bytes = *b"0000-00-00T00:00:00.000Z";
        let mut put = |at: usize, width: usize, mut value: u32| {
            for i in (at..at + width).rev() {
                bytes[i] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(0, 4, t.year().clamp(0, 9999) as u32);
        put(5, 2, t.month());
        put(8, 2, t.day());
        put(11, 2, t.hour());
        put(14, 2, t.minute());
        put(17, 2, t.second());
        put(20, 3, (t.nanosecond() / 1_000_000).min(999));
        TimestampText(bytes)
    }

    /// Reads our own format quickly, and any RFC 3339 time (as other tools write in exports).
    pub fn parse(text: &str) -> Option<Timestamp> {
        Timestamp::parse_own(text).or_else(|| {
            DateTime::parse_from_rfc3339(text.trim())
                .ok()
                .map(|t| Timestamp(t.with_timezone(&Utc)))
        })
    }

    /// "2026-11-24T09:30:00.000Z", exactly.
    fn parse_own(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        if b.len() != 24
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'.'
            || b[23] != b'Z'
        {
            return None;
        }
        let number = |from: usize, to: usize| -> Option<u32> {
            b[from..to].iter().try_fold(0u32, |n, d| {
                d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
            })
        };
        let day = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)?;
        let time = NaiveTime::from_hms_milli_opt(
            number(11, 13)?,
            number(14, 16)?,
            number(17, 19)?,
            number(20, 23)?,
        )?;
        Some(Timestamp(day.and_time(time).and_utc()))
    }

    pub fn plus(self, duration: Duration) -> Timestamp {
        Timestamp(self.0 + duration)
    }

    pub fn minus(self, duration: Duration) -> Timestamp {
        Timestamp(self.0 - duration)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

/// A timestamp's text, held on the stack.
#[derive(Debug, Clone, Copy)]
pub struct TimestampText([u8; 24]);

impl TimestampText {
    pub fn as_str(&self) -> &str {
        // Only ASCII digits and separators are ever written.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text().as_str())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a timestamp: {text:?}")))
    }
}

/// "Now", and where the user is: day boundaries are taken in `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

impl Clock {
    /// The machine's clock and time zone.
    pub fn system() -> Clock {
        let local = chrono::Local::now();
        Clock {
            now: local.with_timezone(&Utc),
            offset: *local.offset(),
        }
    }

    /// A fixed clock, for tests and for `ROLO_NOW`.
    pub fn fixed(now: DateTime<Utc>, offset: FixedOffset) -> Clock {
        Clock { now, offset }
    }

    pub fn timestamp(&self) -> Timestamp {
        Timestamp(self.now)
    }

    pub fn local_now(&self) -> DateTime<FixedOffset> {
        self.now.with_timezone(&self.offset)
    }

    pub fn today(&self) -> NaiveDate {
        self.local_now().date_naive()
    }

    /// The UTC instant at which a local calendar day starts.
    pub fn start_of(&self, day: NaiveDate) -> Timestamp {
        self.at_local(day, NaiveTime::MIN)
    }

    /// A local date and time as a UTC instant.
    pub fn at_local(&self, day: NaiveDate, time: NaiveTime) -> Timestamp {
        // A fixed offset has no gaps or folds: the time minus the offset is the instant.
        let utc = day.and_time(time)
            - chrono::Duration::seconds(i64::from(self.offset.local_minus_utc()));
        Timestamp(utc.and_utc())
    }

    /// The start of tomorrow: everything due before it is due today or overdue.
    pub fn end_of_today(&self) -> Timestamp {
        self.start_of(self.today() + Duration::days(1))
    }

    /// The end of the coming week (seven days after today ends).
    pub fn end_of_week(&self) -> Timestamp {
        self.start_of(self.today() + Duration::days(8))
    }

    /// A timestamp shown in the user's zone, e.g. "Tue 24 Nov 09:30".
    pub fn show(&self, at: Timestamp) -> String {
        at.0.with_timezone(&self.offset)
            .format("%a %d %b %H:%M")
            .to_string()
    }

    pub fn show_date(&self, at: Timestamp) -> String {
        at.0.with_timezone(&self.offset)
            .format("%a %d %b %Y")
            .to_string()
    }

    pub fn local_date_of(&self, at: Timestamp) -> NaiveDate {
        at.0.with_timezone(&self.offset).date_naive()
    }
}

impl Clock {
    /// A time said the short way: "today 11:00", "tomorrow 09:30", "Thu 26 Nov 10:00",
    /// "12 Mar 2025" for anything more than a year away.
    pub fn when(&self, at: Timestamp) -> String {
        let local = at.0.with_timezone(&self.offset);
        let days = (local.date_naive() - self.today()).num_days();
        let time = local.format("%H:%M");
        match days {
            0 => format!("today {time}"),
            1 => format!("tomorrow {time}"),
            -1 => format!("yesterday {time}"),
            d if d.abs() < 180 => format!("{} {time}", local.format("%a %d %b")),
            _ => local.format("%d %b %Y").to_string(),
        }
    }

    /// A date said the short way, with no time: "today", "Thu 26 Nov", "12 Mar 2025".
    pub fn day(&self, at: Timestamp) -> String {
        let local = at.0.with_timezone(&self.offset);
        match (local.date_naive() - self.today()).num_days() {
            0 => "today".into(),
            1 => "tomorrow".into(),
            -1 => "yesterday".into(),
            d if d.abs() < 180 => local.format("%a %d %b").to_string(),
            _ => local.format("%d %b %Y").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_back_what_they_write() {
        let at = Timestamp::parse("2026-11-24T09:30:05.123Z").unwrap();
        assert_eq!(at.to_text(), "2026-11-24T09:30:05.123Z");
        let other = Timestamp::parse("2026-11-24T10:30:05+01:00").unwrap();
        assert_eq!(other.to_text(), "2026-11-24T09:30:05.000Z");
        assert!(Timestamp::parse("2026-13-24T09:30:05.123Z").is_none());
        assert!(Timestamp::parse("not a time").is_none());
    }
}
