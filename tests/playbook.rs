//! The playbook as pure domain code, under a fixed clock: which steps are allowed, why one is
//! refused, what each plans. (As the store applies it: `playbook_store.rs`.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::Duration;
use rolo::domain::playbook::{self, Step, allowed_steps, check, next_step};
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{
    Channel, InteractionKind, Interview, Meeting, MeetingMode, MeetingStatus, Meta, NextKind,
    Outcome, ReplyStatus, Stage, Timestamp,
};
use support::clock;

fn interview_at(stage: Stage, outcome: Option<Outcome>) -> Interview {
    let now = clock().timestamp();
    let mut interview = Interview::requested(rolo::domain::Id::new(), "Learn", Channel::Email, now);
    interview.stage = stage;
    interview.outcome = outcome;
    interview
}

fn t(hours_from_now: i64) -> Timestamp {
    clock().timestamp().plus(Duration::hours(hours_from_now))
}

fn step_names(steps: &[Step]) -> Vec<&'static str> {
    steps.iter().map(Step::name).collect()
}

#[test]
fn allowed_steps_at_every_stage() {
    let at = |stage| step_names(&allowed_steps(&interview_at(stage, None)));
    assert_eq!(
        at(Stage::Request),
        [
            "log a nudge",
            "mark the request accepted",
            "mark the request declined",
            "mark the request redirected",
            "mark the request unanswered",
            "schedule the meeting",
            "cancel the interview"
        ]
    );
    assert_eq!(
        at(Stage::Meet),
        [
            "schedule the meeting",
            "mark the meeting held",
            "mark the meeting missed",
            "cancel the interview",
            "move the interview back"
        ]
    );
    assert_eq!(
        at(Stage::Evaluate),
        [
            "record the evaluation",
            "skip the write-up",
            "mark the thank-you sent",
            "cancel the interview",
            "move the interview back"
        ]
    );
    assert_eq!(
        at(Stage::ThankYou),
        [
            "record the evaluation",
            "mark the thank-you sent",
            "cancel the interview",
            "move the interview back"
        ]
    );
    assert_eq!(
        at(Stage::Done),
        [
            "record the evaluation",
            "mark the progress update sent",
            "move the interview back"
        ]
    );
    for outcome in Outcome::ALL {
        let closed = interview_at(Stage::Request, Some(*outcome));
        assert_eq!(
            step_names(&allowed_steps(&closed)),
            ["move the interview back"],
            "{outcome:?}"
        );
    }
}

#[test]
fn refusals_say_why() {
    let request = interview_at(Stage::Request, None);
    let err = check(&request, &Step::MeetingHeld { ends_at: t(0) })
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "cannot mark the meeting held: this interview is at the request stage; schedule a meeting first"
    );
    let err = check(&request, &Step::MoveBack).unwrap_err().to_string();
    assert!(err.contains("no earlier stage"), "{err}");
    let declined = interview_at(Stage::Request, Some(Outcome::Declined));
    let err = check(&declined, &Step::Accepted).unwrap_err().to_string();
    assert!(
        err.contains("closed (declined); move it back to reopen it"),
        "{err}"
    );
    let done = interview_at(Stage::Done, None);
    assert!(check(&done, &Step::Cancel).is_err());
    assert!(check(&done, &Step::Requested).is_err());
}

fn meeting(interview: &Interview, starts_at: Timestamp, status: MeetingStatus) -> Meeting {
    Meeting {
        meta: Meta::new(starts_at),
        interview_id: interview.meta.id,
        starts_at,
        duration_minutes: 60,
        mode: MeetingMode::Video,
        place: String::new(),
        status,
        notes: String::new(),
    }
}

/// The interview after `step`, taken at the fixed clock.
fn take(interview: &Interview, step: Step) -> Interview {
    playbook::plan(
        interview,
        &step,
        "Ada",
        &clock(),
        &PlaybookSettings::default(),
    )
    .unwrap()
    .after
}

fn next(
    interview: &Interview,
    meeting: Option<&Meeting>,
    at: Timestamp,
) -> Option<(NextKind, Timestamp)> {
    next_step(interview, meeting, &PlaybookSettings::default(), at).map(|s| (s.kind, s.due_at))
}

#[test]
fn each_state_derives_its_one_next_step_with_the_time_the_playbook_gives() {
    let request = take(&interview_at(Stage::Request, None), Step::Requested);
    assert_eq!(
        next(&request, None, t(0)),
        Some((NextKind::Nudge, t(7 * 24))),
        "a nudge 7 days after asking"
    );
    let nudged = take(&request, Step::NudgeSent);
    assert_eq!(
        next(&nudged, None, t(0)),
        Some((NextKind::Nudge, t(7 * 24))),
        "the second nudge 7 days after the first"
    );
    let twice = take(&nudged, Step::NudgeSent);
    assert_eq!(twice.nudges_sent, 2);
    assert_eq!(
        next(&twice, None, t(0)),
        Some((NextKind::CloseNoReply, t(7 * 24))),
        "after the last nudge: close it as no reply?"
    );

    let accepted = take(&request, Step::Accepted);
    assert_eq!(
        (accepted.stage, accepted.reply_status),
        (Stage::Meet, ReplyStatus::Accepted)
    );
    assert_eq!(
        next(&accepted, None, t(0)),
        Some((NextKind::SetMeeting, t(2 * 24))),
        "a yes with no meeting: set it within two days"
    );

    let set = take(&accepted, Step::MeetingScheduled { starts_at: t(72) });
    let ahead = meeting(&set, t(72), MeetingStatus::Scheduled);
    let step = next_step(&set, Some(&ahead), &PlaybookSettings::default(), t(0)).unwrap();
    assert_eq!(
        (step.kind, step.due_at, step.shows_at),
        (NextKind::Meeting, t(72), t(48))
    );
    assert_eq!(
        next(&set, Some(&ahead), t(74)),
        Some((NextKind::DidItHappen, t(73))),
        "a meeting over and not marked asks whether it happened, from its end"
    );
    let missed = meeting(&set, t(72), MeetingStatus::NoShow);
    assert_eq!(
        next(&take(&set, Step::MeetingMissed), Some(&missed), t(74)),
        Some((NextKind::SetMeeting, t(73 + 48))),
        "a missed meeting: find a new time"
    );

    let held = take(&set, Step::MeetingHeld { ends_at: t(73) });
    let met = meeting(&held, t(72), MeetingStatus::Held);
    assert_eq!(held.stage, Stage::Evaluate);
    assert_eq!(
        next(&held, Some(&met), t(74)),
        Some((NextKind::ThankYou, t(73 + 24))),
        "the thank-you 24 hours after the meeting ends"
    );
    // Either order: the thank-you first, then the write-up is owed ...
    let thanked = take(&held, Step::ThankYouSent);
    assert_eq!(thanked.stage, Stage::Evaluate);
    assert_eq!(
        next(&thanked, Some(&met), t(74)),
        Some((NextKind::WriteUp, t(73 + 24)))
    );
    // ... or the write-up first, then the thank-you.
    let written = take(&held, Step::Evaluated);
    assert_eq!(written.stage, Stage::ThankYou);
    assert_eq!(
        next(&written, Some(&met), t(74)).map(|s| s.0),
        Some(NextKind::ThankYou)
    );
    // Both: done, and the progress update owed 30 days after the thank-you.
    let both = take(&thanked, Step::Evaluated);
    assert_eq!(both.stage, Stage::Done);
    let thanked_at = both.thanked_at.unwrap();
    assert_eq!(
        next(&both, Some(&met), t(74)),
        Some((
            NextKind::ProgressUpdate,
            thanked_at.plus(Duration::days(30))
        ))
    );
    let skipped = take(&thanked, Step::SkipWriteUp);
    assert_eq!(
        skipped.stage,
        Stage::Done,
        "a write-up skipped on purpose is not owed"
    );
    let finished = take(&both, Step::ProgressSent);
    assert_eq!(
        next(&finished, Some(&met), t(74)),
        None,
        "the update sent: nothing owed"
    );

    for closing in [Step::Declined, Step::NoReply, Step::Cancel] {
        assert_eq!(
            next(&take(&request, closing.clone()), None, t(0)),
            None,
            "{closing:?}"
        );
    }
    let redirected = playbook::plan(
        &request,
        &Step::Redirected {
            to_name: "Bo".into(),
        },
        "Ada",
        &clock(),
        &PlaybookSettings::default(),
    )
    .unwrap();
    assert_eq!(redirected.after.outcome, Some(Outcome::Redirected));
    assert!(redirected.redirect.unwrap().title.contains("Bo"));
}

#[test]
fn a_snooze_moves_only_the_step_it_was_made_on() {
    let request = take(&interview_at(Stage::Request, None), Step::Requested);
    let mut snoozed = request.clone();
    snoozed.snoozed_step = Some(NextKind::Nudge);
    snoozed.snoozed_until = Some(t(10 * 24));
    assert_eq!(
        next(&snoozed, None, t(0)),
        Some((NextKind::Nudge, t(10 * 24)))
    );
    let nudged = take(&snoozed, Step::NudgeSent);
    assert_eq!(
        nudged.snoozed_step, None,
        "a step taken moves past the snooze"
    );
    // Another step leaves the snooze to the step it was made on.
    let held = take(
        &take(&request, Step::Accepted),
        Step::MeetingHeld { ends_at: t(0) },
    );
    let mut thanks_later = held.clone();
    thanks_later.snoozed_step = Some(NextKind::ThankYou);
    thanks_later.snoozed_until = Some(t(72));
    let skipped = take(&thanks_later, Step::SkipWriteUp);
    assert_eq!(
        next(&skipped, None, t(0)),
        Some((NextKind::ThankYou, t(72)))
    );
    let thanked = take(&skipped, Step::ThankYouSent);
    assert_eq!(
        thanked.snoozed_step, None,
        "the thank-you sent ends its snooze"
    );
    let mut stale = take(&request, Step::Accepted);
    stale.snoozed_step = Some(NextKind::Nudge);
    stale.snoozed_until = Some(t(99 * 24));
    assert_eq!(
        next(&stale, None, t(0)),
        Some((NextKind::SetMeeting, t(48))),
        "a snooze of another step is not this one's"
    );
}

#[test]
fn a_request_shows_on_the_timeline_as_the_way_it_was_made() {
    let mut asked = interview_at(Stage::Request, None);
    for (channel, kind) in [
        (Channel::Email, InteractionKind::Email),
        (Channel::Phone, InteractionKind::Call),
        (Channel::LinkedIn, InteractionKind::Message),
        (Channel::InPerson, InteractionKind::Note),
    ] {
        asked.channel = channel;
        let planned = playbook::plan(
            &asked,
            &Step::Requested,
            "Ada",
            &clock(),
            &PlaybookSettings::default(),
        )
        .unwrap();
        assert_eq!(planned.timeline_kind, kind, "{channel:?}");
        assert!(
            planned
                .timeline_summary
                .contains(&channel.label().to_lowercase())
        );
    }
}

#[test]
fn settings_change_the_numbers() {
    let settings = PlaybookSettings {
        nudge_after_days: 3,
        thank_you_hours: 12,
        keep_in_touch_days: 60,
        set_meeting_days: 5,
        ..Default::default()
    };
    let at = |interview: &Interview, meeting: Option<&Meeting>| {
        next_step(interview, meeting, &settings, t(0)).map(|s| s.due_at)
    };
    let request = take(&interview_at(Stage::Request, None), Step::Requested);
    assert_eq!(at(&request, None), Some(t(72)));
    assert_eq!(at(&take(&request, Step::Accepted), None), Some(t(5 * 24)));
    let held = take(
        &interview_at(Stage::Meet, None),
        Step::MeetingHeld { ends_at: t(0) },
    );
    let met = meeting(&held, t(-1), MeetingStatus::Held);
    assert_eq!(at(&held, Some(&met)), Some(t(12)));
}

#[test]
fn moving_back_undoes_what_the_step_into_the_stage_recorded() {
    let evaluate = take(
        &interview_at(Stage::Meet, None),
        Step::MeetingHeld { ends_at: t(0) },
    );
    let thanked = take(&evaluate, Step::ThankYouSent);
    let back = take(&thanked, Step::MoveBack);
    assert_eq!((back.stage, back.thanked_at), (Stage::Meet, None));
    let done = take(&thanked, Step::Evaluated);
    let back = take(&done, Step::MoveBack);
    assert_eq!(
        (back.stage, back.thanked_at.is_none()),
        (Stage::ThankYou, true)
    );
    let declined = interview_at(Stage::Request, Some(Outcome::Declined));
    let reopened = take(&declined, Step::MoveBack);
    assert_eq!(
        (reopened.stage, reopened.outcome, reopened.reply_status),
        (Stage::Request, None, ReplyStatus::Awaiting)
    );
}
