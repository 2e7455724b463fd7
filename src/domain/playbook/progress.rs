//! How an interview's progress is said on screen: what it waits for, and for how long.

use crate::domain::Stage;

/// What an open interview at `stage` is waiting for, in a few words.
pub fn owed_next(stage: Stage) -> &'static str {
    match stage {
        Stage::Request => "awaiting their reply",
        Stage::Meet => "the meeting",
        Stage::Evaluate => "write it up",
        Stage::ThankYou => "send the thank-you",
        Stage::Done => "keep in touch",
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
