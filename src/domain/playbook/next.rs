//! An interview's next step, derived from the interview's own state — stage, reply, its latest
//! meeting and that meeting's time, nudges sent, write-up, thank-you, a snooze — and the
//! settings. There is no reminder record to close while the interview stays put: the step is
//! what the state says is owed, and it changes only when the state does.
//!
//! | state                                  | step            | due                          |
//! | -------------------------------------- | --------------- | ---------------------------- |
//! | a message from them after the request  | they wrote back | when it came                 |
//! | awaiting a reply, fewer than M nudges  | nudge           | last touch + N days          |
//! | awaiting a reply, M nudges sent        | close as no reply? | last nudge + N days       |
//! | accepted, no meeting ahead             | set the meeting | reply (or miss) + D days     |
//! | a meeting set                          | the meeting     | its start (shown a day before) |
//! | a meeting over and not marked          | did it happen?  | its end                      |
//! | held, a message to them within 2 days  | was it the thank-you? | when it went           |
//! | held, no thank-you                     | thank-you       | end + 24 h                   |
//! | held and thanked, not written up       | write-up        | end + 24 h                   |
//! | thanked and written up                 | progress update | thanked + 30 days            |
//! | declined, no reply, cancelled, redirected, update sent | nothing | —               |
//!
//! The "last touch" is the request or the last nudge, so a late nudge does not make the next
//! one due the day after. A snooze moves the due time of the step it was made on only.

use chrono::Duration;

use crate::domain::settings::PlaybookSettings;
use crate::domain::{Clock, Interview, Meeting, MeetingStatus, NextKind, Stage, Timestamp};

/// What an interview owes next, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextStep {
    pub kind: NextKind,
    /// When it is owed (a meeting: its start; "did it happen?": its end).
    pub due_at: Timestamp,
    /// When it enters the daily review: a meeting the day before, to prepare; a yes, the
    /// thank-you and the write-up at once (they are owed within days); the rest when due.
    pub shows_at: Timestamp,
    /// The meeting it concerns, for the meeting steps.
    pub meeting: Option<(Timestamp, Timestamp)>,
    /// Nudges sent so far (for the words of the nudge steps).
    pub nudges_sent: u32,
    /// A meeting fell through, so the meeting to set is a new time.
    pub after_a_miss: bool,
    /// The message the step is about (their reply, or what may have been the thank-you).
    pub noticed_at: Option<Timestamp>,
}

/// The step as of no particular time: a meeting not yet marked is "the meeting" (what is
/// stored for the review to find it by); `as_of` turns it into "did it happen?" once it ends.
/// `meeting` is the interview's latest live meeting (by start), if it has one.
pub fn pending(
    interview: &Interview,
    meeting: Option<&Meeting>,
    settings: &PlaybookSettings,
) -> Option<NextStep> {
    if interview.is_finished() {
        return None;
    }
    let days = |n: u32| Duration::days(i64::from(n));
    let created = interview.meta.created_at;
    let asked = interview.requested_at.unwrap_or(created);
    let step = |kind, due_at: Timestamp| NextStep {
        kind,
        due_at,
        shows_at: due_at,
        meeting: None,
        nudges_sent: interview.nudges_sent,
        after_a_miss: false,
        noticed_at: None,
    };
    let mut next = match interview.stage {
        // They wrote back (their mail or LinkedIn said so): what they said is asked, and no
        // nudge is owed meanwhile.
        // In the review from when it came; owed (late) a day after.
        Stage::Request if interview.heard_back_at.is_some_and(|at| at >= asked) => {
            let came = interview.heard_back_at.unwrap_or(asked);
            NextStep {
                noticed_at: interview.heard_back_at,
                shows_at: came,
                ..step(NextKind::Reply, came.plus(days(1)))
            }
        }
        Stage::Request => {
            let last = interview.nudged_at.unwrap_or(asked).max(asked);
            let kind = if interview.nudges_sent < settings.max_nudges {
                NextKind::Nudge
            } else {
                NextKind::CloseNoReply
            };
            step(kind, last.plus(days(settings.nudge_after_days)))
        }
        Stage::Meet => match meeting {
            Some(m) if m.status == MeetingStatus::Scheduled => {
                let shows_at = if settings.prepare_day_before {
                    m.starts_at.minus(days(1))
                } else {
                    m.starts_at
                };
                if interview.snoozed_step == Some(NextKind::DidItHappen)
                    && let Some(until) = interview.snoozed_until
                {
                    return Some(NextStep {
                        meeting: Some((m.starts_at, m.ends_at())),
                        ..step(NextKind::DidItHappen, until)
                    });
                }
                NextStep {
                    shows_at,
                    meeting: Some((m.starts_at, m.ends_at())),
                    ..step(NextKind::Meeting, m.starts_at)
                }
            }
            _ => {
                let replied = interview.replied_at.unwrap_or(asked).max(asked);
                let missed = meeting
                    .filter(|m| m.status != MeetingStatus::Scheduled)
                    .map(Meeting::ends_at);
                let since = missed.map_or(replied, |end| end.max(replied));
                NextStep {
                    after_a_miss: missed.is_some(),
                    shows_at: since,
                    ..step(
                        NextKind::SetMeeting,
                        since.plus(days(settings.set_meeting_days)),
                    )
                }
            }
        },
        Stage::Evaluate | Stage::ThankYou | Stage::Done => {
            let met = meeting
                .filter(|m| m.status == MeetingStatus::Held)
                .map(Meeting::ends_at)
                .or(interview.replied_at)
                .unwrap_or(asked);
            let owed_by = met.plus(Duration::hours(i64::from(settings.thank_you_hours)));
            // Owed within a day of the meeting: in the review from the meeting's end.
            let from_the_end = |kind| NextStep {
                shows_at: met,
                ..step(kind, owed_by)
            };
            // A message to them within two days of the meeting may have been the thank-you.
            let mailed = interview
                .mailed_at
                .filter(|at| *at >= met && *at <= met.plus(Duration::hours(48)));
            match interview.thanked_at {
                None if mailed.is_some() => NextStep {
                    noticed_at: mailed,
                    ..from_the_end(NextKind::ThankYouMailed)
                },
                None => from_the_end(NextKind::ThankYou),
                Some(_) if !interview.is_written_up() => from_the_end(NextKind::WriteUp),
                Some(thanked) => step(
                    NextKind::ProgressUpdate,
                    thanked.plus(days(settings.keep_in_touch_days)),
                ),
            }
        }
    };
    if let (Some(kind), Some(until)) = (interview.snoozed_step, interview.snoozed_until)
        && kind == next.kind
    {
        next.due_at = until;
        next.shows_at = until;
    }
    Some(next)
}

impl NextStep {
    /// The step as it stands at `now`: a meeting whose end has passed asks whether it
    /// happened, from its end.
    pub fn as_of(self, now: Timestamp) -> NextStep {
        match (self.kind, self.meeting) {
            (NextKind::Meeting, Some((_, ends_at))) if now >= ends_at => NextStep {
                kind: NextKind::DidItHappen,
                due_at: ends_at,
                shows_at: ends_at,
                ..self
            },
            _ => self,
        }
    }

    /// What to do, in a line: "Send a thank-you to Nina Park".
    pub fn title(&self, name: &str, clock: &Clock) -> String {
        let at = |t: Option<(Timestamp, Timestamp)>| {
            t.map(|(start, _)| clock.when(start)).unwrap_or_default()
        };
        match self.kind {
            NextKind::Nudge if self.nudges_sent == 0 => {
                format!("Nudge {name}: no reply to the request yet")
            }
            NextKind::Nudge => format!("Nudge {name} again: still no reply"),
            NextKind::CloseNoReply => format!(
                "No reply from {name} after {} nudge{}: close it as no reply?",
                self.nudges_sent,
                if self.nudges_sent == 1 { "" } else { "s" }
            ),
            NextKind::SetMeeting if self.after_a_miss => format!("Find a new time with {name}"),
            NextKind::SetMeeting => format!("{name} said yes: set the meeting"),
            NextKind::Meeting => format!("Meeting with {name} {}", at(self.meeting)),
            NextKind::DidItHappen => {
                format!(
                    "Did the meeting with {name} happen? (set for {})",
                    at(self.meeting)
                )
            }
            NextKind::Reply => format!(
                "{name} wrote back on {}: accepted, declined, or sent you to someone?",
                self.noticed_on(clock)
            ),
            NextKind::ThankYou => format!("Send a thank-you to {name}"),
            NextKind::ThankYouMailed => format!(
                "You wrote to {name} on {}: was that the thank-you?",
                self.noticed_on(clock)
            ),
            NextKind::WriteUp => format!("Write up the conversation with {name}"),
            NextKind::ProgressUpdate => format!("Send {name} a progress update"),
        }
    }

    /// The day of the message the step is about: "3 Dec".
    fn noticed_on(&self, clock: &Clock) -> String {
        self.noticed_at
            .map(|at| clock.local_date_of(at).format("%-d %b").to_string())
            .unwrap_or_default()
    }

    /// What `d` in the review does with it, in a few words.
    pub fn action(&self) -> &'static str {
        match self.kind {
            NextKind::Nudge => "d drafts the nudge; marking it sent logs it",
            NextKind::CloseNoReply => "d asks: close as no reply, or keep waiting",
            NextKind::SetMeeting => "d opens the meeting form",
            NextKind::Meeting => "d opens meeting mode, with the questions",
            NextKind::DidItHappen => "d asks: held, missed, or moved",
            NextKind::Reply => "d asks: accepted, declined, or sent you to someone",
            NextKind::ThankYou => "d drafts the thank-you; marking it sent records it",
            NextKind::ThankYouMailed => "d records it as the thank-you; w drafts one instead",
            NextKind::WriteUp => "d opens the write-up (or skip it from the step menu)",
            NextKind::ProgressUpdate => "d drafts the update; marking it sent finishes it",
        }
    }
}

/// The step of an interview at `clock`'s time.
pub fn next_step(
    interview: &Interview,
    meeting: Option<&Meeting>,
    settings: &PlaybookSettings,
    now: Timestamp,
) -> Option<NextStep> {
    pending(interview, meeting, settings).map(|step| step.as_of(now))
}
