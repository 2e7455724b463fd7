//! The menu of an interview's next steps: what the playbook allows from where it stands, the
//! natural next step first. A step that needs details opens its form; one that closes the
//! interview asks first.

use crate::domain::drafts::Template;
use crate::domain::playbook::{Step, allowed_steps};
use crate::domain::{Id, Interview, Timestamp};

use crate::tui::data::effect::{Effect, FormRequest};
use crate::tui::screens::nav::Nav;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepChoice {
    Accept,
    Schedule,
    Nudge,
    Held,
    Evaluate,
    ThankYou,
    Redirect,
    Decline,
    NoReply,
    Missed,
    MoveBack,
    Cancel,
}

impl StepChoice {
    /// In the order the menu lists them: what usually comes next first.
    const ORDER: [StepChoice; 12] = [
        StepChoice::Accept,
        StepChoice::Schedule,
        StepChoice::Nudge,
        StepChoice::Held,
        StepChoice::Evaluate,
        StepChoice::ThankYou,
        StepChoice::Redirect,
        StepChoice::Decline,
        StepChoice::NoReply,
        StepChoice::Missed,
        StepChoice::MoveBack,
        StepChoice::Cancel,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StepChoice::Accept => "They said yes",
            StepChoice::Schedule => "Set (or move) the meeting…",
            StepChoice::Nudge => "Write and send a nudge…",
            StepChoice::Held => "The meeting took place",
            StepChoice::Evaluate => "Write up the conversation…",
            StepChoice::ThankYou => "Send the thank-you…",
            StepChoice::Redirect => "They suggested someone else…",
            StepChoice::Decline => "They said no",
            StepChoice::NoReply => "No reply — close it",
            StepChoice::Missed => "The meeting did not happen",
            StepChoice::MoveBack => "Move back a stage",
            StepChoice::Cancel => "Call it off",
        }
    }

    /// The playbook step this choice stands for (with placeholder details where the form or
    /// the app fills them in).
    fn step(self) -> Step {
        let any_time = Timestamp(chrono::DateTime::UNIX_EPOCH);
        match self {
            StepChoice::Accept => Step::Accepted,
            StepChoice::Schedule => Step::MeetingScheduled {
                starts_at: any_time,
            },
            StepChoice::Nudge => Step::NudgeSent,
            StepChoice::Held => Step::MeetingHeld { ends_at: any_time },
            StepChoice::Evaluate => Step::Evaluated,
            StepChoice::ThankYou => Step::ThankYouSent,
            StepChoice::Redirect => Step::Redirected {
                to_name: String::new(),
            },
            StepChoice::Decline => Step::Declined,
            StepChoice::NoReply => Step::NoReply,
            StepChoice::Missed => Step::MeetingMissed,
            StepChoice::MoveBack => Step::MoveBack,
            StepChoice::Cancel => Step::Cancel,
        }
    }

    /// What choosing it does: a form, a question, or the step at once.
    pub fn effect(self, interview: Id) -> Chosen {
        let form = |request| Chosen::Now(Effect::OpenForm(request));
        let take = Effect::TakeStep {
            interview,
            step: self.step(),
        };
        match self {
            StepChoice::Schedule => form(FormRequest::Schedule(interview)),
            StepChoice::Evaluate => form(FormRequest::Evaluation(interview)),
            StepChoice::ThankYou => form(FormRequest::Draft(interview, Template::ThankYou)),
            StepChoice::Nudge => form(FormRequest::Draft(interview, Template::Nudge)),
            StepChoice::Redirect => form(FormRequest::Redirect(interview)),
            StepChoice::Accept | StepChoice::Held => Chosen::Now(take),
            StepChoice::Decline
            | StepChoice::NoReply
            | StepChoice::Missed
            | StepChoice::MoveBack
            | StepChoice::Cancel => Chosen::AskFirst(take),
        }
    }
}

/// What a choice leads to.
pub enum Chosen {
    Now(Effect),
    AskFirst(Effect),
}

#[derive(Debug, Clone, PartialEq)]
pub struct StepMenu {
    pub interview: Id,
    /// "Ada Lovelace — Meet".
    pub title: String,
    pub choices: Vec<StepChoice>,
    pub nav: Nav,
}

impl StepMenu {
    pub fn for_interview(interview: &Interview, name: &str) -> StepMenu {
        let allowed = allowed_steps(interview);
        let allows = |choice: StepChoice| {
            let wanted = std::mem::discriminant(&choice.step());
            allowed.iter().any(|s| std::mem::discriminant(s) == wanted)
        };
        let state = match interview.outcome {
            Some(outcome) => outcome.label(),
            None => interview.stage.label(),
        };
        StepMenu {
            interview: interview.meta.id,
            title: format!("{name} — {state}"),
            choices: StepChoice::ORDER
                .into_iter()
                .filter(|c| allows(*c))
                .collect(),
            nav: Nav::default(),
        }
    }
}
