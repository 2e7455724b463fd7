//! The interview playbook: request → meet → evaluate → thank-you → done, with the terminal
//! outcomes declined, no reply, redirected and cancelled.
//!
//! `plan` decides, for one step on one interview, what changes: the interview's new state, a
//! follow-up for someone a redirect points to, and the timeline entry. What is owed next is not
//! planned: `next` derives it from the state. No I/O; the store applies a plan in one
//! transaction.

use chrono::Duration;

mod next;
mod progress;
mod rules;

pub use next::{NextStep, next_step, pending};
pub use progress::{age, owed_words, when_owed};
pub use rules::{Refused, allowed_steps, check};

use super::settings::PlaybookSettings;
use super::{Clock, InteractionKind, Interview, NextKind, Outcome, ReplyStatus, Stage, Timestamp};

/// One thing that happened to an interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The request went out (a new interview).
    Requested,
    /// A nudge was sent because no reply came.
    NudgeSent,
    /// They said yes.
    Accepted,
    /// They said no.
    Declined,
    /// They pointed to someone else, who becomes a contact referred by this one.
    Redirected { to_name: String },
    /// No reply came, even after the nudges.
    NoReply,
    /// A meeting was set (or moved).
    MeetingScheduled { starts_at: Timestamp },
    /// The meeting took place.
    MeetingHeld { ends_at: Timestamp },
    /// They did not turn up, or it fell through; it needs rescheduling.
    MeetingMissed,
    /// The evaluation was written.
    Evaluated,
    /// The write-up is skipped on purpose.
    SkipWriteUp,
    /// The thank-you went out.
    ThankYouSent,
    /// The progress update after the thank-you went out: the interview is finished.
    ProgressSent,
    /// What their mail said was no answer to the request (an auto-reply, "back next week"):
    /// the request waits on, and the nudges with it.
    NotAnAnswer,
    /// The user called it off.
    Cancel,
    /// Undo the last stage change (or reopen a closed interview).
    MoveBack,
}

impl Step {
    pub fn name(&self) -> &'static str {
        match self {
            Step::Requested => "send the request",
            Step::NudgeSent => "log a nudge",
            Step::Accepted => "mark the request accepted",
            Step::Declined => "mark the request declined",
            Step::Redirected { .. } => "mark the request redirected",
            Step::NoReply => "mark the request unanswered",
            Step::MeetingScheduled { .. } => "schedule the meeting",
            Step::MeetingHeld { .. } => "mark the meeting held",
            Step::MeetingMissed => "mark the meeting missed",
            Step::Evaluated => "record the evaluation",
            Step::SkipWriteUp => "skip the write-up",
            Step::NotAnAnswer => "set aside a message that was no answer",
            Step::ThankYouSent => "mark the thank-you sent",
            Step::ProgressSent => "mark the progress update sent",
            Step::Cancel => "cancel the interview",
            Step::MoveBack => "move the interview back",
        }
    }
}

impl Step {
    /// Whether taking this step answers the step `owed` (so a snooze of it ends).
    pub fn answers(&self, owed: NextKind) -> bool {
        match self {
            Step::NudgeSent => owed == NextKind::Nudge,
            Step::Accepted
            | Step::Declined
            | Step::Redirected { .. }
            | Step::NoReply
            | Step::Cancel => true,
            Step::MeetingScheduled { .. } => matches!(
                owed,
                NextKind::SetMeeting | NextKind::Meeting | NextKind::DidItHappen
            ),
            Step::MeetingHeld { .. } | Step::MeetingMissed => owed == NextKind::DidItHappen,
            Step::Evaluated | Step::SkipWriteUp => owed == NextKind::WriteUp,
            Step::NotAnAnswer => owed == NextKind::Reply,
            Step::ThankYouSent => {
                matches!(owed, NextKind::ThankYou | NextKind::ThankYouMailed)
            }
            Step::ProgressSent => owed == NextKind::ProgressUpdate,
            Step::Requested | Step::MoveBack => false,
        }
    }
}

/// A follow-up for the person a redirect points to (a record: reaching out is the user's own
/// step, with no interview yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub to_name: String,
    pub title: String,
    pub due_at: Timestamp,
}

/// Everything one step changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The interview after the step.
    pub after: Interview,
    pub redirect: Option<Redirect>,
    pub timeline_kind: InteractionKind,
    pub timeline_summary: String,
}

/// What taking `step` changes. `name` is the interviewee's name, used in the timeline.
pub fn plan(
    interview: &Interview,
    step: &Step,
    name: &str,
    clock: &Clock,
    _settings: &PlaybookSettings,
) -> Result<Plan, Refused> {
    if *step != Step::Requested {
        check(interview, step)?;
    }
    let now = clock.timestamp();
    let mut after = interview.clone();
    // A snooze belongs to the step it was made on: taking that step (or moving back) ends it;
    // another step leaves it for when that step is owed.
    if interview
        .snoozed_step
        .is_some_and(|kind| step.answers(kind) || *step == Step::MoveBack)
    {
        after.snoozed_step = None;
        after.snoozed_until = None;
    }
    let mut redirect = None;
    let mut kind = InteractionKind::Stage;
    let summary = match step {
        Step::Requested => {
            after.stage = Stage::Request;
            after.reply_status = ReplyStatus::Awaiting;
            after.requested_at = Some(interview.requested_at.unwrap_or(now));
            kind = interview.channel.touch();
            format!(
                "Asked {name} for {} minutes ({})",
                interview.minutes_asked,
                interview.channel.label().to_lowercase()
            )
        }
        Step::NudgeSent => {
            after.nudges_sent += 1;
            after.nudged_at = Some(now);
            kind = interview.channel.touch();
            format!("Nudged {name} (nudge {})", after.nudges_sent)
        }
        Step::Accepted => {
            after.stage = Stage::Meet;
            reply(&mut after, ReplyStatus::Accepted, now);
            format!("{name} accepted; next, set the meeting")
        }
        Step::Declined => {
            close(&mut after, Outcome::Declined);
            reply(&mut after, ReplyStatus::Declined, now);
            format!("{name} declined")
        }
        Step::Redirected { to_name } => {
            close(&mut after, Outcome::Redirected);
            reply(&mut after, ReplyStatus::Redirected, now);
            redirect = Some(Redirect {
                to_name: to_name.clone(),
                title: format!("Reach out to {to_name} (suggested by {name})"),
                due_at: now.plus(Duration::days(1)),
            });
            format!("{name} suggested talking to {to_name} instead")
        }
        Step::NoReply => {
            close(&mut after, Outcome::NoReply);
            reply(&mut after, ReplyStatus::NoReply, now);
            format!("No reply from {name}; closed")
        }
        Step::MeetingScheduled { starts_at } => {
            if interview.stage == Stage::Request {
                reply(&mut after, ReplyStatus::Accepted, now);
            }
            after.stage = Stage::Meet;
            format!("Meeting with {name} set for {}", clock.show(*starts_at))
        }
        Step::MeetingHeld { .. } => {
            after.stage = Stage::Evaluate;
            kind = InteractionKind::Meeting;
            format!("Met {name}")
        }
        Step::MeetingMissed => {
            kind = InteractionKind::Note;
            format!("The meeting with {name} did not happen")
        }
        Step::NotAnAnswer => {
            after.heard_back_at = None;
            kind = InteractionKind::Note;
            format!("{name}'s message was no answer to the request; still waiting")
        }
        Step::Evaluated | Step::SkipWriteUp => {
            if *step == Step::Evaluated {
                after.evaluated_at = Some(now);
            } else {
                after.write_up_skipped = true;
            }
            after.stage = held_stage(&after);
            kind = InteractionKind::Note;
            if *step == Step::Evaluated {
                format!("Wrote up the conversation with {name}")
            } else {
                format!("Skipped the write-up of the conversation with {name}")
            }
        }
        Step::ThankYouSent => {
            // The message noticed in their mail was the thank-you: sent when it was.
            after.thanked_at = Some(after.mailed_at.filter(|at| *at <= now).unwrap_or(now));
            after.stage = held_stage(&after);
            kind = InteractionKind::ThankYou;
            format!("Sent a thank-you to {name}")
        }
        Step::ProgressSent => {
            after.progress_sent_at = Some(now);
            kind = InteractionKind::Email;
            format!("Sent {name} a progress update")
        }
        Step::Cancel => {
            close(&mut after, Outcome::Cancelled);
            format!("Called off the interview with {name}")
        }
        Step::MoveBack => move_back(interview, &mut after, name),
    };
    after.closed_at = (!after.is_open()).then_some(now);
    Ok(Plan {
        after,
        redirect,
        timeline_kind: kind,
        timeline_summary: summary,
    })
}

fn reply(after: &mut Interview, status: ReplyStatus, now: Timestamp) {
    after.reply_status = status;
    // A reply noticed in their mail came when it came; it is answered now.
    let came = after.heard_back_at.filter(|at| *at <= now).unwrap_or(now);
    after.replied_at = (status != ReplyStatus::Awaiting).then_some(came);
    after.heard_back_at = None;
}

fn close(after: &mut Interview, outcome: Outcome) {
    after.outcome = Some(outcome);
}

/// After the meeting, the write-up and the thank-you may come in either order: the stage says
/// which is still owed (evaluate: the write-up; thank-you: the thank-you), and done when both
/// are.
fn held_stage(interview: &Interview) -> Stage {
    match (interview.is_written_up(), interview.thanked_at.is_some()) {
        (true, true) => Stage::Done,
        (true, false) => Stage::ThankYou,
        (false, _) => Stage::Evaluate,
    }
}

/// Reopens a closed or finished interview, or steps one stage back, undoing what the step
/// into this stage recorded.
fn move_back(interview: &Interview, after: &mut Interview, name: &str) -> String {
    if let Some(outcome) = interview.outcome {
        after.outcome = None;
        if interview.stage == Stage::Request {
            after.reply_status = ReplyStatus::Awaiting;
            after.replied_at = None;
        }
        return format!(
            "Reopened the interview with {name} (was {})",
            outcome.label().to_lowercase()
        );
    }
    if interview.progress_sent_at.is_some() {
        after.progress_sent_at = None;
        return format!("Reopened the interview with {name}: the progress update is owed again");
    }
    match interview.stage {
        Stage::Done => after.thanked_at = None,
        Stage::ThankYou => {
            after.evaluated_at = None;
            after.write_up_skipped = false;
        }
        Stage::Evaluate => {
            after.thanked_at = None;
            after.stage = Stage::Meet;
        }
        Stage::Meet => {
            after.stage = Stage::Request;
            after.reply_status = ReplyStatus::Awaiting;
            after.replied_at = None;
        }
        // check() refuses to move back from the first stage.
        Stage::Request => {}
    }
    if matches!(interview.stage, Stage::Done | Stage::ThankYou) {
        after.stage = held_stage(after);
    }
    format!(
        "Moved the interview with {name} back to {}",
        after.stage.label()
    )
}
