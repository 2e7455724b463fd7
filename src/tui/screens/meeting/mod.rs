//! Meeting mode: one interview's questions, ticked and answered while talking.

pub mod draw;
pub mod update;

/// The keymap contexts it listens in, most specific first.
pub const CONTEXTS: &[crate::tui::keys::keymap::Context] = {
    use crate::tui::keys::keymap::Context;
    &[Context::Meeting, Context::List, Context::Global]
};

use crate::domain::{Id, InterviewQuestion, Timestamp};
use crate::tui::screens::nav::Nav;

/// Meeting mode: one interview's questions, to tick and answer while talking.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingView {
    pub interview: Id,
    pub contact_name: String,
    /// The meeting's length as set (else the minutes asked for): what the timer counts to.
    pub minutes_asked: u32,
    /// When meeting mode opened: the timer runs from here.
    pub opened_at: Timestamp,
    pub questions: Vec<InterviewQuestion>,
    pub nav: Nav,
    /// What this contact answered in earlier interviews: such questions are marked.
    pub earlier: Vec<crate::domain::rows::EarlierAnswer>,
}

impl MeetingView {
    /// The earlier answer to a question, if this contact gave one.
    pub fn answered_before(
        &self,
        question: &InterviewQuestion,
    ) -> Option<&crate::domain::rows::EarlierAnswer> {
        self.earlier.iter().find(|e| e.is_for(question))
    }
}
