//! The natural date parser under a fixed clock: Tuesday 24 November 2026, 09:00 (UTC+1).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::NaiveTime;
use rolo::domain::dates::{self, ParsedDate};

fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap()
}

/// Parses and shows the result in local time, "2026-11-27 10:30" (or the date alone).
fn local(input: &str) -> String {
    let clock = support::clock();
    let ParsedDate { at, has_time } =
        dates::parse(input, &clock, nine()).unwrap_or_else(|e| panic!("{input}: {e}"));
    let local = at.0.with_timezone(&clock.offset);
    if has_time {
        local.format("%Y-%m-%d %H:%M").to_string()
    } else {
        local.format("%Y-%m-%d").to_string()
    }
}

#[test]
fn words_for_days() {
    assert_eq!(local("today"), "2026-11-24");
    assert_eq!(local("tomorrow"), "2026-11-25");
    assert_eq!(local("yesterday"), "2026-11-23");
    assert_eq!(local("now"), "2026-11-24 09:00");
}

#[test]
fn times_of_day() {
    assert_eq!(local("tomorrow 3pm"), "2026-11-25 15:00");
    assert_eq!(local("tomorrow at 3pm"), "2026-11-25 15:00");
    assert_eq!(local("tomorrow at 3 pm"), "2026-11-25 15:00");
    assert_eq!(local("today 15:45"), "2026-11-24 15:45");
    assert_eq!(local("3:30pm"), "2026-11-24 15:30");
    assert_eq!(local("12am"), "2026-11-24 00:00");
    assert_eq!(local("noon"), "2026-11-24 12:00");
    assert_eq!(local("fri at 10"), "2026-11-27 10:00");
}

#[test]
fn weekdays_are_never_today() {
    // The fixed clock is a Tuesday.
    assert_eq!(local("fri 10:30"), "2026-11-27 10:30");
    assert_eq!(local("friday"), "2026-11-27");
    assert_eq!(local("next tue"), "2026-12-01");
    assert_eq!(local("tue"), "2026-12-01");
    assert_eq!(local("wed"), "2026-11-25");
    assert_eq!(local("last mon"), "2026-11-23");
    assert_eq!(local("last tue"), "2026-11-17");
}

#[test]
fn relative_amounts() {
    assert_eq!(local("+3d"), "2026-11-27");
    assert_eq!(local("+2w"), "2026-12-08");
    assert_eq!(local("+1mo"), "2026-12-24");
    assert_eq!(local("+4h"), "2026-11-24 13:00");
    assert_eq!(local("in 2 weeks"), "2026-12-08");
    assert_eq!(local("in 3 days"), "2026-11-27");
    assert_eq!(local("in a week"), "2026-12-01");
    assert_eq!(local("in 30 minutes"), "2026-11-24 09:30");
    assert_eq!(local("next week"), "2026-12-01");
}

#[test]
fn calendar_dates_past_and_future() {
    assert_eq!(local("2026-12-01 14:00"), "2026-12-01 14:00");
    assert_eq!(local("2026-12-01"), "2026-12-01");
    assert_eq!(local("2025-03-10"), "2025-03-10");
    assert_eq!(local("12/1"), "2026-12-01");
    assert_eq!(
        local("11/20"),
        "2026-11-20",
        "a few days back stays this year"
    );
    assert_eq!(
        local("1/5"),
        "2027-01-05",
        "January typed in November is next year"
    );
    assert_eq!(local("12/1/2027"), "2027-12-01");
    assert_eq!(local("1 dec"), "2026-12-01");
    assert_eq!(local("dec 1 2:30pm"), "2026-12-01 14:30");
    assert_eq!(local("3 March 2027"), "2027-03-03");
}

#[test]
fn the_instant_is_in_utc() {
    let clock = support::clock();
    let parsed = dates::parse("2026-12-01 14:00", &clock, nine()).unwrap();
    assert_eq!(parsed.at.to_text(), "2026-12-01T13:00:00.000Z");
}

#[test]
fn errors_say_what_to_type() {
    let clock = support::clock();
    for bad in [
        "",
        "blursday",
        "13/45",
        "2026-02-30",
        "+3x",
        "in many days",
        "25:00",
        "13pm",
        "fri at 27",
    ] {
        let err = dates::parse(bad, &clock, nine())
            .expect_err(bad)
            .to_string();
        assert!(!err.is_empty(), "{bad}");
    }
    let err = dates::parse("blursday", &clock, nine())
        .unwrap_err()
        .to_string();
    assert!(err.contains("tomorrow 3pm"), "{err}");
}

#[test]
fn description_says_how_far_away() {
    let clock = support::clock();
    let parsed = dates::parse("fri 10:30", &clock, nine()).unwrap();
    assert_eq!(
        dates::describe(&parsed, &clock),
        "Fri 27 Nov 2026 10:30 · in 3 days"
    );
    let parsed = dates::parse("yesterday", &clock, nine()).unwrap();
    assert_eq!(
        dates::describe(&parsed, &clock),
        "Mon 23 Nov 2026 · yesterday"
    );
}

proptest::proptest! {
    /// Whatever is typed — huge amounts, any unit, any words — an answer or an error, never a
    /// panic; and what is accepted is within a century.
    #[test]
    fn any_typed_date_is_read_or_refused_never_a_crash(
        amount in proptest::prop_oneof![0u64..100, 0u64..u64::MAX],
        unit in proptest::sample::select(&["", "d", "w", "h", "min", "mo", "days", "weeks", "years", "x"][..]),
        shape in 0u8..3,
        words in "[a-z0-9 :/+-]{0,20}",
    ) {
        let clock = support::clock();
        let typed = match shape {
            0 => format!("+{amount}{unit}"),
            1 => format!("in {amount} {unit}"),
            _ => words,
        };
        if let Ok(parsed) = dates::parse(&typed, &clock, nine()) {
            let years = (parsed.at.0 - clock.timestamp().0).num_days().abs() / 365;
            proptest::prop_assert!(years <= 101, "{typed} → {:?}", parsed.at);
        }
    }
}

#[test]
fn a_century_away_is_refused_with_a_reason() {
    let clock = support::clock();
    for typed in [
        "+99999999d",
        "in 5000 weeks 3pm",
        "+2000mo",
        "+99999999999999999999d",
    ] {
        let refused = dates::parse(typed, &clock, nine());
        assert!(refused.is_err(), "{typed} was read as {refused:?}");
    }
    assert!(dates::parse("+36500d", &clock, nine()).is_ok());
}
