//! How an interview's progress is said on screen: what it owes next, and for how long it has
//! been as it is.

use crate::domain::{Clock, NextKind, Timestamp};

/// An interview's next step, in a few words with its time: "thank-you due today",
/// "nudge 3 days late", "meeting Tue 01 Dec".
pub fn owed_words(kind: NextKind, due_at: Timestamp, clock: &Clock) -> String {
    format!(
        "{} {}",
        kind.label().to_lowercase(),
        when_owed(kind, due_at, clock)
    )
}

/// When a step is owed, as said beside it: "due tomorrow", "3 days late", a meeting's day.
pub fn when_owed(kind: NextKind, due_at: Timestamp, clock: &Clock) -> String {
    let late = (clock.today() - clock.local_date_of(due_at)).num_days();
    match (kind, late) {
        (NextKind::Meeting, _) => clock.day(due_at),
        (_, 1) => "1 day late".into(),
        (_, d) if d > 1 => format!("{d} days late"),
        _ => format!("due {}", clock.day(due_at)),
    }
}

/// How long something has been as it is: "today", "3d", "5w".
pub fn age(days: i64) -> String {
    match days {
        d if d < 1 => "today".into(),
        d if d < 28 => format!("{d}d"),
        d => format!("{}w", d / 7),
    }
}
