//! The menu of an interview's next steps: what the playbook allows from where it stands, the
//! answers to the step it owes first (once a meeting's time has passed: held, missed, moved).
//! A step that needs details opens its form; one that closes the interview asks first.

use crate::domain::drafts::Template;
use crate::domain::playbook::{Step, allowed_steps};
use crate::domain::{Id, Interview, NextKind, Timestamp};

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
    SkipWriteUp,
    Progress,
    /// Keep waiting for a reply: the step asks again after the playbook's wait.
    KeepWaiting,
    /// The message noticed was no answer: the request waits on.
    NotAnAnswer,
    MoveBack,
    Cancel,
}

impl StepChoice {
    /// In the order the menu lists them: what usually comes next first.
    const ORDER: [StepChoice; 16] = [
        StepChoice::Accept,
        StepChoice::Schedule,
        StepChoice::Nudge,
        StepChoice::Held,
        StepChoice::Evaluate,
        StepChoice::ThankYou,
        StepChoice::Progress,
        StepChoice::Redirect,
        StepChoice::Decline,
        StepChoice::NoReply,
        StepChoice::KeepWaiting,
        StepChoice::NotAnAnswer,
        StepChoice::Missed,
        StepChoice::SkipWriteUp,
        StepChoice::MoveBack,
        StepChoice::Cancel,
    ];

    /// The choices that answer the step an interview owes, first in the menu.
    fn answering(next: NextKind) -> &'static [StepChoice] {
        match next {
            NextKind::Nudge => &[StepChoice::Nudge, StepChoice::Accept],
            NextKind::CloseNoReply => &[StepChoice::NoReply, StepChoice::KeepWaiting],
            NextKind::Reply => &[
                StepChoice::Accept,
                StepChoice::Decline,
                StepChoice::Redirect,
                StepChoice::NotAnAnswer,
            ],
            NextKind::SetMeeting => &[StepChoice::Schedule],
            NextKind::Meeting => &[StepChoice::Schedule],
            NextKind::DidItHappen => &[StepChoice::Held, StepChoice::Missed, StepChoice::Schedule],
            NextKind::ThankYou => &[StepChoice::ThankYou, StepChoice::Evaluate],
            NextKind::ThankYouMailed => &[StepChoice::ThankYou, StepChoice::Evaluate],
            NextKind::WriteUp => &[StepChoice::Evaluate, StepChoice::SkipWriteUp],
            NextKind::ProgressUpdate => &[StepChoice::Progress],
        }
    }

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
            StepChoice::SkipWriteUp => "Skip the write-up",
            StepChoice::Progress => "Send the progress update…",
            StepChoice::KeepWaiting => "Still waiting: ask again later",
            StepChoice::NotAnAnswer => "That was no answer: keep waiting",
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
            StepChoice::SkipWriteUp => Step::SkipWriteUp,
            StepChoice::Progress => Step::ProgressSent,
            // Waiting longer is allowed whenever a nudge is.
            StepChoice::KeepWaiting => Step::NudgeSent,
            StepChoice::NotAnAnswer => Step::NotAnAnswer,
            StepChoice::MoveBack => Step::MoveBack,
            StepChoice::Cancel => Step::Cancel,
        }
    }

    /// What choosing it does: a form, a question, or the step at once.
    pub fn effect(self, interview: Id, wait_days: i64) -> Chosen {
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
            StepChoice::Progress => form(FormRequest::Draft(interview, Template::ProgressUpdate)),
            StepChoice::KeepWaiting => Chosen::Now(Effect::ReviewSnoozeStep {
                interview,
                days: wait_days,
            }),
            StepChoice::Redirect => form(FormRequest::Redirect(interview)),
            StepChoice::Accept | StepChoice::Held | StepChoice::NotAnAnswer => Chosen::Now(take),
            StepChoice::Decline
            | StepChoice::NoReply
            | StepChoice::Missed
            | StepChoice::SkipWriteUp
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
    /// Days "still waiting" waits (the playbook's wait before a nudge).
    pub wait_days: i64,
}

impl StepMenu {
    /// `next`: the step the interview owes now, whose answers come first.
    pub fn for_interview(
        interview: &Interview,
        name: &str,
        next: Option<NextKind>,
        wait_days: i64,
    ) -> StepMenu {
        let allowed = allowed_steps(interview);
        let allows = |choice: StepChoice| {
            let wanted = std::mem::discriminant(&choice.step());
            allowed.iter().any(|s| std::mem::discriminant(s) == wanted)
        };
        let state = match interview.outcome {
            Some(outcome) => outcome.label(),
            None => interview.stage.label(),
        };
        let first = next.map_or(&[][..], StepChoice::answering);
        let rest = StepChoice::ORDER.into_iter().filter(|c| !first.contains(c));
        let title = match next {
            Some(next) => format!("{name} — {state} · now: {}", next.label().to_lowercase()),
            None => format!("{name} — {state}"),
        };
        StepMenu {
            interview: interview.meta.id,
            title,
            choices: first
                .iter()
                .copied()
                .chain(rest)
                .filter(|c| allows(*c))
                .collect(),
            nav: Nav::default(),
            wait_days,
        }
    }
}
