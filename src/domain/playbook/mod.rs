//! The interview playbook: request → meet → evaluate → thank-you → done, with the terminal
//! outcomes declined, no reply, redirected and cancelled.
//!
//! `plan` decides, for one step on one interview, what changes: the stage and outcome, the
//! follow-ups to open, close (done) or withdraw (no longer owed), and the timeline entry. It does
//! no I/O; the store applies a plan in one transaction.

use chrono::Duration;

mod progress;
mod rules;

pub use progress::{age, owed_next};
pub use rules::{Refused, allowed_steps, check};

use super::settings::PlaybookSettings;
use super::{
    Clock, FollowUpKind, InteractionKind, Interview, Outcome, ReplyStatus, Stage, Timestamp,
};

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
    /// The thank-you went out.
    ThankYouSent,
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
            Step::ThankYouSent => "mark the thank-you sent",
            Step::Cancel => "cancel the interview",
            Step::MoveBack => "move the interview back",
        }
    }
}

/// A follow-up the plan creates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFollowUp {
    pub kind: FollowUpKind,
    pub title: String,
    pub due_at: Timestamp,
    /// True when it concerns the contact a redirect creates, not the interviewee.
    pub for_redirect: bool,
}

/// Everything one step changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub stage: Stage,
    pub outcome: Option<Outcome>,
    pub reply_status: ReplyStatus,
    pub nudges_sent: u32,
    pub open: Vec<PlannedFollowUp>,
    /// Kinds of this interview's open follow-ups that the step fulfils (marked done).
    pub close: Vec<FollowUpKind>,
    /// Kinds of this interview's open follow-ups that are no longer owed (tombstoned).
    pub withdraw: Vec<FollowUpKind>,
    pub timeline_kind: InteractionKind,
    pub timeline_summary: String,
}

/// What taking `step` changes. `name` is the interviewee's name, used in titles and the timeline.
#[expect(
    clippy::too_many_lines,
    reason = "the playbook's table, one short arm per step, read best together"
)]
pub fn plan(
    interview: &Interview,
    step: &Step,
    name: &str,
    clock: &Clock,
    settings: &PlaybookSettings,
) -> Result<Plan, Refused> {
    if *step != Step::Requested {
        check(interview, step)?;
    }
    let now = clock.timestamp();
    let days = |n: u32| Duration::days(i64::from(n));
    let follow_up = |kind, title: String, due_at| PlannedFollowUp {
        kind,
        title,
        due_at,
        for_redirect: false,
    };
    let nudge = |after: Timestamp| {
        follow_up(
            FollowUpKind::Nudge,
            format!("Nudge {name} if there is still no reply"),
            after.plus(days(settings.nudge_after_days)),
        )
    };
    let mut plan = Plan {
        stage: interview.stage,
        outcome: interview.outcome,
        reply_status: interview.reply_status,
        nudges_sent: interview.nudges_sent,
        open: Vec::new(),
        close: Vec::new(),
        withdraw: Vec::new(),
        timeline_kind: InteractionKind::Stage,
        timeline_summary: String::new(),
    };
    match step {
        Step::Requested => {
            let asked = interview.requested_at.unwrap_or(now);
            plan.stage = Stage::Request;
            plan.reply_status = ReplyStatus::Awaiting;
            plan.open.push(nudge(asked));
            plan.timeline_kind = interview.channel.touch();
            plan.timeline_summary = format!(
                "Asked {name} for {} minutes ({})",
                interview.minutes_asked,
                interview.channel.label().to_lowercase()
            );
        }
        Step::NudgeSent => {
            plan.nudges_sent += 1;
            plan.close.push(FollowUpKind::Nudge);
            if plan.nudges_sent < settings.max_nudges {
                plan.open.push(nudge(now));
            } else {
                plan.open.push(follow_up(
                    FollowUpKind::Custom,
                    format!(
                        "No reply from {name} after {} nudges: mark as no reply?",
                        plan.nudges_sent
                    ),
                    now.plus(days(settings.nudge_after_days)),
                ));
            }
            plan.timeline_kind = InteractionKind::Email;
            plan.timeline_summary = format!("Nudged {name} (nudge {})", plan.nudges_sent);
        }
        Step::Accepted => {
            plan.stage = Stage::Meet;
            plan.reply_status = ReplyStatus::Accepted;
            plan.close.push(FollowUpKind::Nudge);
            plan.withdraw.push(FollowUpKind::Custom);
            plan.timeline_summary = format!("{name} accepted; next, set the meeting");
        }
        Step::Declined => {
            plan.outcome = Some(Outcome::Declined);
            plan.reply_status = ReplyStatus::Declined;
            plan.withdraw
                .extend([FollowUpKind::Nudge, FollowUpKind::Custom]);
            plan.timeline_summary = format!("{name} declined");
        }
        Step::Redirected { to_name } => {
            plan.outcome = Some(Outcome::Redirected);
            plan.reply_status = ReplyStatus::Redirected;
            plan.withdraw
                .extend([FollowUpKind::Nudge, FollowUpKind::Custom]);
            plan.open.push(PlannedFollowUp {
                kind: FollowUpKind::ActionItem,
                title: format!("Reach out to {to_name} (suggested by {name})"),
                due_at: now.plus(days(1)),
                for_redirect: true,
            });
            plan.timeline_summary = format!("{name} suggested talking to {to_name} instead");
        }
        Step::NoReply => {
            plan.outcome = Some(Outcome::NoReply);
            plan.reply_status = ReplyStatus::NoReply;
            plan.withdraw
                .extend([FollowUpKind::Nudge, FollowUpKind::Custom]);
            plan.timeline_summary = format!("No reply from {name}; closed");
        }
        Step::MeetingScheduled { starts_at } => {
            if interview.stage == Stage::Request {
                plan.reply_status = ReplyStatus::Accepted;
                plan.close.push(FollowUpKind::Nudge);
                plan.withdraw.push(FollowUpKind::Custom);
            }
            plan.stage = Stage::Meet;
            plan.withdraw.push(FollowUpKind::Prepare);
            let day_before = starts_at.minus(days(1));
            if settings.prepare_day_before && *starts_at > now {
                plan.open.push(follow_up(
                    FollowUpKind::Prepare,
                    format!("Prepare for the meeting with {name}"),
                    day_before.max(now),
                ));
            }
            plan.timeline_summary =
                format!("Meeting with {name} set for {}", clock.show(*starts_at));
        }
        Step::MeetingHeld { ends_at } => {
            plan.stage = Stage::Evaluate;
            plan.close.push(FollowUpKind::Prepare);
            plan.withdraw.push(FollowUpKind::Custom);
            plan.open.push(follow_up(
                FollowUpKind::ThankYou,
                format!("Send a thank-you to {name}"),
                ends_at.plus(Duration::hours(i64::from(settings.thank_you_hours))),
            ));
            plan.timeline_kind = InteractionKind::Meeting;
            plan.timeline_summary = format!("Met {name}");
        }
        Step::MeetingMissed => {
            plan.withdraw.push(FollowUpKind::Prepare);
            plan.open.push(follow_up(
                FollowUpKind::Custom,
                format!("Find a new time with {name}"),
                now.plus(days(1)),
            ));
            plan.timeline_kind = InteractionKind::Note;
            plan.timeline_summary = format!("The meeting with {name} did not happen");
        }
        Step::Evaluated => {
            if interview.stage == Stage::Evaluate {
                plan.stage = Stage::ThankYou;
            }
            plan.timeline_kind = InteractionKind::Note;
            plan.timeline_summary = format!("Wrote up the conversation with {name}");
        }
        Step::ThankYouSent => {
            plan.stage = Stage::Done;
            plan.close.push(FollowUpKind::ThankYou);
            plan.open.push(follow_up(
                FollowUpKind::KeepInTouch,
                format!("Send {name} a progress update"),
                now.plus(days(settings.keep_in_touch_days)),
            ));
            plan.timeline_kind = InteractionKind::ThankYou;
            plan.timeline_summary = format!("Sent a thank-you to {name}");
        }
        Step::Cancel => {
            plan.outcome = Some(Outcome::Cancelled);
            plan.withdraw.extend([
                FollowUpKind::Nudge,
                FollowUpKind::Prepare,
                FollowUpKind::ThankYou,
                FollowUpKind::Custom,
            ]);
            plan.timeline_summary = format!("Called off the interview with {name}");
        }
        Step::MoveBack => move_back(interview, &mut plan, name, now, settings),
    }
    Ok(plan)
}

/// Reopens a closed interview at its stage, or steps one stage back and withdraws what the
/// forward step had made owed.
fn move_back(
    interview: &Interview,
    plan: &mut Plan,
    name: &str,
    now: Timestamp,
    settings: &PlaybookSettings,
) {
    if let Some(outcome) = interview.outcome {
        plan.outcome = None;
        if interview.stage == Stage::Request {
            plan.reply_status = ReplyStatus::Awaiting;
        }
        plan.timeline_summary = format!(
            "Reopened the interview with {name} (was {})",
            outcome.label().to_lowercase()
        );
        return;
    }
    // check() refuses to move back from the first stage; were it asked, it stays there.
    let back_to = interview.stage.previous().unwrap_or(interview.stage);
    plan.stage = back_to;
    match interview.stage {
        Stage::Meet => {
            plan.reply_status = ReplyStatus::Awaiting;
            plan.withdraw.push(FollowUpKind::Prepare);
            plan.open.push(PlannedFollowUp {
                kind: FollowUpKind::Nudge,
                title: format!("Nudge {name} if there is still no reply"),
                due_at: now.plus(Duration::days(i64::from(settings.nudge_after_days))),
                for_redirect: false,
            });
        }
        Stage::Evaluate => plan.withdraw.push(FollowUpKind::ThankYou),
        Stage::Done => {
            plan.withdraw.push(FollowUpKind::KeepInTouch);
            plan.open.push(PlannedFollowUp {
                kind: FollowUpKind::ThankYou,
                title: format!("Send a thank-you to {name}"),
                due_at: now,
                for_redirect: false,
            });
        }
        Stage::ThankYou | Stage::Request => {}
    }
    plan.timeline_summary = format!(
        "Moved the interview with {name} back to {}",
        back_to.label()
    );
}
