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
use rolo::domain::playbook::{self, Step, allowed_steps, check};
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{
    Channel, FollowUpKind, InteractionKind, Interview, Outcome, ReplyStatus, Stage, Timestamp,
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
        ["record the evaluation", "move the interview back"]
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

#[test]
fn each_step_plans_its_follow_ups_with_due_times() {
    let settings = PlaybookSettings::default();
    let clock = clock();
    let plan = |interview: &Interview, step: Step| {
        playbook::plan(interview, &step, "Ada", &clock, &settings).unwrap()
    };

    let request = interview_at(Stage::Request, None);
    let requested = plan(&request, Step::Requested);
    assert_eq!(requested.open[0].kind, FollowUpKind::Nudge);
    assert_eq!(
        requested.open[0].due_at,
        t(7 * 24),
        "a nudge 7 days after asking"
    );

    let nudged = plan(&request, Step::NudgeSent);
    assert_eq!(nudged.nudges_sent, 1);
    assert_eq!(nudged.close, [FollowUpKind::Nudge]);
    assert_eq!(
        nudged.open[0].kind,
        FollowUpKind::Nudge,
        "a second nudge while under the maximum"
    );
    let mut twice = request.clone();
    twice.nudges_sent = 1;
    let last = plan(&twice, Step::NudgeSent);
    assert_eq!(last.open[0].kind, FollowUpKind::Custom);
    assert!(
        last.open[0].title.contains("mark as no reply?"),
        "{}",
        last.open[0].title
    );

    let accepted = plan(&request, Step::Accepted);
    assert_eq!(
        (accepted.stage, accepted.reply_status),
        (Stage::Meet, ReplyStatus::Accepted)
    );
    assert_eq!(accepted.close, [FollowUpKind::Nudge]);

    let meet = interview_at(Stage::Meet, None);
    let scheduled = plan(&meet, Step::MeetingScheduled { starts_at: t(72) });
    assert_eq!(scheduled.open[0].kind, FollowUpKind::Prepare);
    assert_eq!(scheduled.open[0].due_at, t(48), "prepare the day before");
    let soon = plan(&meet, Step::MeetingScheduled { starts_at: t(3) });
    assert_eq!(
        soon.open[0].due_at,
        t(0),
        "a meeting within a day: prepare now"
    );

    let held = plan(&meet, Step::MeetingHeld { ends_at: t(-1) });
    assert_eq!(held.stage, Stage::Evaluate);
    assert_eq!(held.open[0].kind, FollowUpKind::ThankYou);
    assert_eq!(
        held.open[0].due_at,
        t(23),
        "the thank-you is due 24 hours after the meeting ends"
    );
    assert_eq!(held.close, [FollowUpKind::Prepare]);

    let thank_you = interview_at(Stage::ThankYou, None);
    let sent = plan(&thank_you, Step::ThankYouSent);
    assert_eq!(sent.stage, Stage::Done);
    assert_eq!(sent.close, [FollowUpKind::ThankYou]);
    assert_eq!(sent.open[0].kind, FollowUpKind::KeepInTouch);
    assert_eq!(
        sent.open[0].due_at,
        t(30 * 24),
        "keep in touch 30 days later"
    );

    let redirected = plan(
        &request,
        Step::Redirected {
            to_name: "Bo".into(),
        },
    );
    assert_eq!(redirected.outcome, Some(Outcome::Redirected));
    assert!(redirected.open[0].for_redirect);

    let cancelled = plan(&meet, Step::Cancel);
    assert_eq!(cancelled.outcome, Some(Outcome::Cancelled));
    assert!(cancelled.withdraw.contains(&FollowUpKind::Prepare));
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
        ..Default::default()
    };
    let clock = clock();
    let request = interview_at(Stage::Request, None);
    let plan = playbook::plan(&request, &Step::Requested, "Ada", &clock, &settings).unwrap();
    assert_eq!(plan.open[0].due_at, t(72));
    let meet = interview_at(Stage::Meet, None);
    let plan = playbook::plan(
        &meet,
        &Step::MeetingHeld { ends_at: t(0) },
        "Ada",
        &clock,
        &settings,
    )
    .unwrap();
    assert_eq!(plan.open[0].due_at, t(12));
}

#[test]
fn moving_back_withdraws_what_the_step_made_owed() {
    let settings = PlaybookSettings::default();
    let clock = clock();
    let evaluate = interview_at(Stage::Evaluate, None);
    let back = playbook::plan(&evaluate, &Step::MoveBack, "Ada", &clock, &settings).unwrap();
    assert_eq!(back.stage, Stage::Meet);
    assert_eq!(back.withdraw, [FollowUpKind::ThankYou]);
    let declined = interview_at(Stage::Request, Some(Outcome::Declined));
    let reopened = playbook::plan(&declined, &Step::MoveBack, "Ada", &clock, &settings).unwrap();
    assert_eq!(
        (reopened.stage, reopened.outcome, reopened.reply_status),
        (Stage::Request, None, ReplyStatus::Awaiting)
    );
}
