//! A message the user exchanged with someone, from their mail or LinkedIn: who, when, what
//! about — never what it said. `store::messages` takes each in (a timeline entry, and what it
//! tells an open interview); `interop::mail` and `linkedin_messages` read them.

use crate::domain::{InteractionKind, Timestamp};

/// Someone on a message: an email address (lowercased) or a LinkedIn profile (as
/// `identity::profile_key` writes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Party {
    Email(String),
    Profile(String),
}

impl Party {
    pub fn text(&self) -> &str {
        match self {
            Party::Email(s) | Party::Profile(s) => s,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The same on every read of the same message: its Message-ID, or what stands for one.
    pub key: String,
    pub at: Timestamp,
    pub from: Party,
    /// To and Cc.
    pub to: Vec<Party>,
    pub subject: String,
    /// Passed on ("Fwd: …") or sent by a machine (an out-of-office answer): kept on the
    /// timeline, but it is no reply.
    pub not_a_reply: bool,
    /// Email, or a LinkedIn message.
    pub kind: InteractionKind,
}
