//! Everything about one interview on one screen: the request, the reply, the meetings, every
//! question with its whole answer, the write-up, the thank-you's words, its timeline, and the
//! step it owes next. Read-only: its keys reach the forms and screens that change it.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::Interview, Context::List, Context::Global]
};

use crate::domain::rows::StepRow;
use crate::domain::{Interaction, Interview, InterviewQuestion, Meeting};

/// One interview, whole.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewView {
    pub interview: Interview,
    pub contact_name: String,
    pub organization: Option<String>,
    /// Its meetings, in time order.
    pub meetings: Vec<Meeting>,
    pub questions: Vec<InterviewQuestion>,
    /// Its timeline entries, newest first.
    pub timeline: Vec<Interaction>,
    /// What it owes next (none when it owes nothing).
    pub next: Option<StepRow>,
    /// Lines scrolled past.
    pub scroll: usize,
}
