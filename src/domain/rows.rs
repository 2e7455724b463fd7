//! What the screens and the command line show, a row each: read by the store, shown by the
//! screens. Kept here, apart from both, so neither reaches into the other for its shapes.

use super::{
    FollowUpKind, Id, InteractionKind, InterviewQuestion, MeetingMode, MeetingStatus, RecordRef,
    Stage, Timestamp,
};

/// A contact as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContactRow {
    pub id: Id,
    pub name: String,
    pub title: String,
    pub organization: String,
}

/// An open follow-up with the name of whom it concerns.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FollowUpRow {
    /// The follow-up's id; for an interview's next step, the interview's.
    pub id: Id,
    /// Set when the row is an interview's next step (derived, not a record of its own).
    pub step: Option<crate::domain::NextKind>,
    pub kind: FollowUpKind,
    pub title: String,
    pub due_at: Timestamp,
    pub contact_id: Option<Id>,
    pub contact_name: Option<String>,
    pub interview_id: Option<Id>,
}

/// A meeting with its interviewee and the interview's objective.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MeetingRow {
    pub id: Id,
    pub interview_id: Id,
    pub contact_id: Id,
    pub contact_name: String,
    pub objective: String,
    pub starts_at: Timestamp,
    pub duration_minutes: u32,
    pub mode: MeetingMode,
    pub place: String,
    pub status: MeetingStatus,
    pub stage: Stage,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuestionListRow {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub questions: u64,
}

/// An open interview as a card on the pipeline board.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InterviewCard {
    pub interview_id: Id,
    pub contact_id: Id,
    pub contact_name: String,
    pub objective: String,
    pub updated_at: Timestamp,
    /// What it owes next and when (none when it owes nothing).
    pub next: Option<Owed>,
}

/// An interview's next step, as a list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Owed {
    pub kind: crate::domain::NextKind,
    pub due_at: Timestamp,
}

/// Someone who helped, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Helper {
    pub id: Id,
    pub name: String,
    /// Meetings held with them.
    pub meetings: u64,
    /// People they referred.
    pub referrals: u64,
    /// Times they pointed to someone else.
    pub redirects: u64,
}

impl Helper {
    /// "met twice · referred 3 people".
    pub fn how(&self) -> String {
        let mut parts = Vec::new();
        match self.meetings {
            0 => {}
            1 => parts.push("met once".to_string()),
            n => parts.push(format!("met {n} times")),
        }
        match self.referrals {
            0 => {}
            1 => parts.push("referred someone".to_string()),
            n => parts.push(format!("referred {n} people")),
        }
        if self.redirects > 0 {
            parts.push("pointed you to someone better placed".to_string());
        }
        parts.join(" · ")
    }
}

/// What a search finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchKind {
    Contact,
    Organization,
    Timeline,
    Answer,
    Interview,
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: Id,
    /// The contact to open for it (none for an organisation).
    pub contact: Option<Id>,
    /// Whose it is, for a hit that is not a contact itself (an answer, a timeline entry).
    pub whose: Option<String>,
    pub title: String,
    /// Where the words matched, marked with [ ].
    pub snippet: String,
}

/// What the review shows beside an item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewContext {
    pub organization: Option<String>,
    /// The interview's stage and objective.
    pub interview: Option<(Stage, String)>,
    /// The last touch: when, how, and what was said.
    pub last_touch: Option<(Timestamp, InteractionKind, String)>,
    /// A message for the step owed was drafted and kept: it is ready to send.
    pub draft_kept: bool,
}

/// A question a contact answered in an earlier interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierAnswer {
    pub question_id: Option<Id>,
    pub text: String,
    pub answer: String,
    pub answered_at: crate::domain::Timestamp,
}

impl EarlierAnswer {
    /// Whether `question` is this one asked again: the same question from the bank, or the
    /// same words.
    pub fn is_for(&self, question: &InterviewQuestion) -> bool {
        match (self.question_id, question.question_id) {
            (Some(mine), Some(theirs)) => mine == theirs,
            _ => self.text.trim().eq_ignore_ascii_case(question.text.trim()),
        }
    }
}

/// One deleted record, as the trash lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashRow {
    pub record: RecordRef,
    pub noun: &'static str,
    pub label: String,
    pub deleted_at: Timestamp,
}

/// One interview's next step, with who it concerns: a row of the review, `rolo today`, the
/// home pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow {
    pub interview_id: Id,
    pub contact_id: Id,
    pub contact_name: String,
    pub stage: crate::domain::Stage,
    pub objective: String,
    pub step: crate::domain::playbook::NextStep,
    pub title: String,
}

/// An organisation as its list shows it: how many people there, interviews with them, met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationRow {
    pub id: Id,
    pub name: String,
    pub website: String,
    pub contacts: u64,
    pub interviews: u64,
    pub met: u64,
}

/// The people of one organisation, and the interviews with them (newest first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganizationPeople {
    pub contacts: Vec<ContactRow>,
    /// (whose, their name, the objective, its stage).
    pub interviews: Vec<(Id, String, String, crate::domain::Stage)>,
}
