//! Stable record identifiers: UUID v7 (time-ordered), stored and exported as hyphenated text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub Uuid);

impl Id {
    /// A new, time-ordered identifier.
    pub fn new() -> Self {
        Id(Uuid::now_v7())
    }

    /// A fixed identifier for seeded records, written in the asset files.
    #[expect(
        clippy::expect_used,
        reason = "the ids are in assets compiled in, and a test reads every one"
    )]
    pub fn from_static(text: &str) -> Self {
        Id(Uuid::parse_str(text).expect("seeded ids in assets are valid UUIDs"))
    }
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl FromStr for Id {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Id)
    }
}
