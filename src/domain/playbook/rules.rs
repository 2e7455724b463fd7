//! Which step may follow which: the playbook's rules, and the reason when a step is refused.

use super::Step;
use crate::domain::{Interview, Stage, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot {step}: {reason}")]
pub struct Refused {
    pub step: &'static str,
    pub reason: String,
}

/// Every step that may be taken from the interview's current state (for menus and tests).
pub fn allowed_steps(interview: &Interview) -> Vec<Step> {
    let probe_time = Timestamp(chrono::DateTime::UNIX_EPOCH);
    let candidates = [
        Step::NudgeSent,
        Step::Accepted,
        Step::Declined,
        Step::Redirected {
            to_name: String::new(),
        },
        Step::NoReply,
        Step::MeetingScheduled {
            starts_at: probe_time,
        },
        Step::MeetingHeld {
            ends_at: probe_time,
        },
        Step::MeetingMissed,
        Step::Evaluated,
        Step::SkipWriteUp,
        Step::NotAnAnswer,
        Step::ThankYouSent,
        Step::ProgressSent,
        Step::Cancel,
        Step::MoveBack,
    ];
    candidates
        .into_iter()
        .filter(|step| check(interview, step).is_ok())
        .collect()
}

/// Whether `step` may be taken now, and if not, why.
pub fn check(interview: &Interview, step: &Step) -> Result<(), Refused> {
    let refuse = |reason: String| {
        Err(Refused {
            step: step.name(),
            reason,
        })
    };
    if interview.progress_sent_at.is_some() && interview.outcome.is_none() {
        return match step {
            Step::MoveBack => Ok(()),
            _ => refuse("this interview is finished (the progress update went out); move it back to reopen it".into()),
        };
    }
    if let Some(outcome) = interview.outcome {
        return match step {
            Step::MoveBack => Ok(()),
            _ => refuse(format!(
                "this interview is closed ({}); move it back to reopen it",
                outcome.label().to_lowercase()
            )),
        };
    }
    let stage = interview.stage;
    let at = |wanted: &[Stage], hint: &str| {
        if wanted.contains(&stage) {
            Ok(())
        } else {
            refuse(format!(
                "this interview is at the {} stage; {hint}",
                stage.label().to_lowercase()
            ))
        }
    };
    match step {
        Step::Requested => refuse("the request has already been made".into()),
        Step::NudgeSent
        | Step::Accepted
        | Step::Declined
        | Step::Redirected { .. }
        | Step::NoReply => at(
            &[Stage::Request],
            "replies and nudges belong to the request stage",
        ),
        Step::MeetingScheduled { .. } => at(
            &[Stage::Request, Stage::Meet],
            "a meeting is set before it is held",
        ),
        Step::MeetingHeld { .. } | Step::MeetingMissed => {
            at(&[Stage::Meet], "schedule a meeting first")
        }
        Step::Evaluated => at(
            &[Stage::Evaluate, Stage::ThankYou, Stage::Done],
            "hold the meeting first",
        ),
        Step::NotAnAnswer if interview.heard_back_at.is_none() => {
            refuse("no message from them is waiting for an answer".into())
        }
        Step::NotAnAnswer => at(&[Stage::Request], "it answers a message about the request"),
        Step::SkipWriteUp if interview.is_written_up() => refuse("it is written up already".into()),
        Step::SkipWriteUp => at(&[Stage::Evaluate], "hold the meeting first"),
        Step::ThankYouSent if interview.thanked_at.is_some() => {
            refuse("the thank-you went out already".into())
        }
        Step::ThankYouSent => at(
            &[Stage::Evaluate, Stage::ThankYou],
            "a thank-you follows a meeting",
        ),
        Step::ProgressSent => at(
            &[Stage::Done],
            "the progress update follows the thank-you and the write-up",
        ),
        Step::Cancel => at(
            &[
                Stage::Request,
                Stage::Meet,
                Stage::Evaluate,
                Stage::ThankYou,
            ],
            "a finished interview cannot be cancelled",
        ),
        Step::MoveBack => at(
            &[Stage::Meet, Stage::Evaluate, Stage::ThankYou, Stage::Done],
            "there is no earlier stage",
        ),
    }
}
