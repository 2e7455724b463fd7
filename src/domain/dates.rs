//! Dates typed the way people say them: `today`, `tomorrow 3pm`, `fri 10:30`, `next tue`, `+3d`,
//! `in 2 weeks`, `2026-12-01 14:00`, `12/1`, `1 dec`. One parser serves the forms and the
//! command line.
//!
//! Rules, so that the result is never a surprise:
//! - a weekday (`fri`, `next fri`) is the next such day after today, never today itself;
//!   `last fri` is the most recent one before today;
//! - a month and day without a year (`12/1`, `1 dec`) is the nearest such date, within six months
//!   either way, so `1/5` typed in November is next January;
//! - with no time given the caller's default time of day applies (`has_time` says which);
//! - `+3d`, `in 2 weeks` count calendar days from today; `+4h`, `in 30 minutes` count from now.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveTime, Weekday};

use super::{Clock, Timestamp};

/// A parsed date: the instant, and whether the user gave a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    pub at: Timestamp,
    pub has_time: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DateError(pub String);

const EXAMPLES: &str = "try today, tomorrow 3pm, fri 10:30, +3d, in 2 weeks or 2026-12-01 14:00";

/// Parses `input` relative to `clock`; `default_time` is used when no time of day is given.
pub fn parse(input: &str, clock: &Clock, default_time: NaiveTime) -> Result<ParsedDate, DateError> {
    let text = input.trim().to_lowercase().replace(',', " ");
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while let Some(first) = words.first() {
        if matches!(*first, "on" | "at" | "due" | "by") {
            words.remove(0);
        } else {
            break;
        }
    }
    if words.is_empty() {
        return Err(DateError(format!("a date is required: {EXAMPLES}")));
    }
    if words == ["now"] {
        return Ok(ParsedDate {
            at: clock.timestamp(),
            has_time: true,
        });
    }
    if let Some(parsed) = relative(&words, clock, default_time)? {
        return Ok(parsed);
    }
    let (date_words, time) = split_time(&words)?;
    let day = match date_words.as_slice() {
        [] => clock.today(),
        words => calendar_day(words, clock.today()).ok_or_else(|| {
            DateError(format!(
                "could not read {:?} as a date: {EXAMPLES}",
                input.trim()
            ))
        })?,
    };
    // As for the relative forms: a century either way is as far as a date here goes ("0-1-1"
    // is a slip, and before the timestamps' own range).
    if (day - clock.today()).num_days().abs() > 36_525 {
        return Err(DateError(format!(
            "{:?} is more than a hundred years away",
            input.trim()
        )));
    }
    Ok(ParsedDate {
        at: clock.at_local(day, time.unwrap_or(default_time)),
        has_time: time.is_some(),
    })
}

/// Shows a parsed date with how far away it is: "Tue 01 Dec 2026 14:00 · in 7 days".
pub fn describe(parsed: &ParsedDate, clock: &Clock) -> String {
    let shown = if parsed.has_time {
        format!(
            "{} {}",
            clock.show_date(parsed.at),
            parsed.at.0.with_timezone(&clock.offset).format("%H:%M")
        )
    } else {
        clock.show_date(parsed.at)
    };
    format!(
        "{shown} · {}",
        distance(clock.today(), clock.local_date_of(parsed.at))
    )
}

/// "today", "tomorrow", "in 3 days", "2 days ago".
pub fn distance(today: NaiveDate, day: NaiveDate) -> String {
    match (day - today).num_days() {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// `+3d`, `+2w`, `+4h`, `+1mo`, `in 2 weeks`, `in 30 minutes`, `next week`.
fn relative(
    words: &[&str],
    clock: &Clock,
    default_time: NaiveTime,
) -> Result<Option<ParsedDate>, DateError> {
    let (amount, unit) = match words {
        [one] if one.starts_with('+') => {
            let body = &one[1..];
            let split = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            let (digits, unit) = body.split_at(split);
            (digits.to_string(), if unit.is_empty() { "d" } else { unit })
        }
        ["in", "a" | "an", unit] => ("1".to_string(), *unit),
        ["in", n, unit] => (n.to_string(), *unit),
        ["next", "week"] => ("7".to_string(), "d"),
        ["next", "month"] => ("1".to_string(), "month"),
        _ => return Ok(None),
    };
    let amount: u32 = amount.parse().map_err(|_| {
        DateError(format!(
            "{:?} is not a number of days: {EXAMPLES}",
            words.join(" ")
        ))
    })?;
    let whole_days = |days: i64| ParsedDate {
        at: clock.at_local(clock.today() + Duration::days(days), default_time),
        has_time: false,
    };
    let from_now = |d: Duration| ParsedDate {
        at: clock.timestamp().plus(d),
        has_time: true,
    };
    let n = i64::from(amount);
    // A century either way is as far as anyone plans a follow-up; further is a slip (and
    // past what a date can hold).
    let most = match unit.trim_end_matches('s') {
        "d" | "day" => 36_525,
        "w" | "wk" | "week" => 5_218,
        "h" | "hr" | "hour" => 876_600,
        "min" | "minute" => 52_596_000,
        "mo" | "month" => 1_200,
        _ => i64::MAX,
    };
    if n > most {
        return Err(DateError(format!(
            "{:?} is more than a hundred years away",
            words.join(" ")
        )));
    }
    Ok(Some(match unit.trim_end_matches('s') {
        "d" | "day" => whole_days(n),
        "w" | "wk" | "week" => whole_days(7 * n),
        "h" | "hr" | "hour" => from_now(Duration::hours(n)),
        "min" | "minute" => from_now(Duration::minutes(n)),
        "mo" | "month" => {
            let day = clock
                .today()
                .checked_add_months(Months::new(amount))
                .ok_or_else(|| DateError("that is too far in the future".into()))?;
            ParsedDate {
                at: clock.at_local(day, default_time),
                has_time: false,
            }
        }
        other => {
            return Err(DateError(format!(
                "unknown unit {other:?}: use d (days), w (weeks), h (hours), mo (months)"
            )));
        }
    }))
}

/// Takes a time of day off the end of the words, if there is one.
fn split_time<'a>(words: &[&'a str]) -> Result<(Vec<&'a str>, Option<NaiveTime>), DateError> {
    let n = words.len();
    // "3 pm", "10:30 am"
    if n >= 2 && matches!(words[n - 1], "am" | "pm") {
        let joined = format!("{}{}", words[n - 2], words[n - 1]);
        let time = time_of_day(&joined).ok_or_else(|| {
            DateError(format!(
                "could not read {joined:?} as a time: try 3pm or 15:00"
            ))
        })?;
        return Ok((strip_at(&words[..n - 2]), Some(time)));
    }
    // "at 10": a bare hour only counts after "at".
    if n >= 2
        && words[n - 2] == "at"
        && let Ok(hour) = words[n - 1].parse::<u32>()
    {
        let time = NaiveTime::from_hms_opt(hour, 0, 0)
            .ok_or_else(|| DateError(format!("{hour} is not an hour of the day")))?;
        return Ok((words[..n - 2].to_vec(), Some(time)));
    }
    if let Some(time) = time_of_day(words[n - 1]) {
        return Ok((strip_at(&words[..n - 1]), Some(time)));
    }
    Ok((words.to_vec(), None))
}

fn strip_at<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut words = words.to_vec();
    if words.last() == Some(&"at") {
        words.pop();
    }
    words
}

/// `15:00`, `9:30`, `3pm`, `3:30pm`, `noon`, `midnight`.
fn time_of_day(word: &str) -> Option<NaiveTime> {
    match word {
        "noon" | "midday" => return NaiveTime::from_hms_opt(12, 0, 0),
        "midnight" => return NaiveTime::from_hms_opt(0, 0, 0),
        _ => {}
    }
    let (body, meridiem) = if let Some(b) = word.strip_suffix("am") {
        (b, Some(false))
    } else if let Some(b) = word.strip_suffix("pm") {
        (b, Some(true))
    } else {
        (word, None)
    };
    let (hour, minute) = match body.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None if meridiem.is_some() => (body.parse::<u32>().ok()?, 0),
        _ => return None,
    };
    let hour = match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            (hour % 12) + if pm { 12 } else { 0 }
        }
        None => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, 0)
}

fn calendar_day(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    match words {
        ["today"] => Some(today),
        ["tomorrow" | "tmrw" | "tmr"] => Some(today + Duration::days(1)),
        ["yesterday"] => Some(today - Duration::days(1)),
        [day] | ["next" | "this", day] if weekday(day).is_some() => {
            let wanted = weekday(day)?;
            (1..=7)
                .map(|n| today + Duration::days(n))
                .find(|d| d.weekday() == wanted)
        }
        ["last", day] => {
            let wanted = weekday(day)?;
            (1..=7)
                .map(|n| today - Duration::days(n))
                .find(|d| d.weekday() == wanted)
        }
        [one] => numeric_date(one, today),
        [a, b] => month_and_day(a, b, None, today),
        [a, b, year] => month_and_day(a, b, Some(year.parse().ok()?), today),
        _ => None,
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    let days = [
        (Weekday::Mon, "monday"),
        (Weekday::Tue, "tuesday"),
        (Weekday::Wed, "wednesday"),
        (Weekday::Thu, "thursday"),
        (Weekday::Fri, "friday"),
        (Weekday::Sat, "saturday"),
        (Weekday::Sun, "sunday"),
    ];
    days.iter()
        .find(|(_, full)| word.len() >= 3 && full.starts_with(word))
        .map(|(day, _)| *day)
        .or(match word {
            "tues" => Some(Weekday::Tue),
            "thur" | "thurs" => Some(Weekday::Thu),
            _ => None,
        })
}

fn month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| word.len() >= 3 && m.starts_with(word))
        .or_else(|| (word == "sept").then_some(8))
        .map(|i| i as u32 + 1)
}

/// `2026-12-01`, `12/1`, `12/1/2026`, `12/1/26`.
fn numeric_date(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d") {
        return Some(date);
    }
    let parts: Vec<&str> = word.split('/').collect();
    match parts.as_slice() {
        [m, d] => nearest(m.parse().ok()?, d.parse().ok()?, today),
        [m, d, y] => {
            let year: i32 = y.parse().ok()?;
            let year = if y.len() == 2 { 2000 + year } else { year };
            NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

/// `1 dec`, `dec 1`, optionally followed by a year.
fn month_and_day(a: &str, b: &str, year: Option<i32>, today: NaiveDate) -> Option<NaiveDate> {
    let number = |w: &str| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
    };
    let (m, d) = match (month(a), month(b)) {
        (Some(m), None) => (m, number(b)?),
        (None, Some(m)) => (m, number(a)?),
        _ => return None,
    };
    match year {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d),
        None => nearest(m, d, today),
    }
}

/// The date with this month and day that lies nearest to today (at most six months away).
fn nearest(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let year = today.year();
    [year - 1, year, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - today).num_days().abs())
}
