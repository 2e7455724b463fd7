//! The playbook as the store applies it, under a fixed clock: every step one transaction with
//! its follow-ups, its timeline entry and its meeting.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::Duration;
use rolo::domain::playbook::Step;
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{
    Channel, Contact, FollowUp, FollowUpKind, Interaction, Interview, Meeting, MeetingMode,
    MeetingStatus, NextKind, Outcome, Stage, Timestamp,
};
use rolo::store::{MeetingDetails, NewRequest, StepInput};
use support::{TempStore, clock};

fn t(hours_from_now: i64) -> Timestamp {
    clock().timestamp().plus(Duration::hours(hours_from_now))
}

/// The whole playbook through the store: every step is one transaction with its follow-ups
/// and its timeline entry.
#[test]
fn the_store_walks_an_interview_from_request_to_done() {
    let db = TempStore::new();
    let settings = PlaybookSettings::default();
    let clock = clock();
    let contact = Contact::named("Ada Lovelace", clock.timestamp());
    db.insert(&contact).unwrap();
    let request = NewRequest {
        contact_id: contact.meta.id,
        objective: "Learn about analytical engines".into(),
        channel: Channel::Email,
        found_via: "Alumni list".into(),
        minutes_asked: 20,
    };
    let interview = db.start_interview(&request, &clock, &settings).unwrap();
    let next = |db: &TempStore, clock: &rolo::domain::Clock| -> Option<(NextKind, Timestamp)> {
        db.next_step_of(interview.meta.id, clock)
            .unwrap()
            .map(|row| (row.step.kind, row.step.due_at))
    };
    assert_eq!(next(&db, &clock), Some((NextKind::Nudge, t(7 * 24))));
    assert!(
        db.open_follow_ups_of(contact.meta.id).unwrap().is_empty(),
        "the playbook's steps are not follow-up records"
    );

    let id = interview.meta.id;
    let step = |s: Step| {
        db.apply_step(id, &StepInput::from(s), &clock, &settings)
            .unwrap()
    };
    step(Step::Accepted);
    assert_eq!(
        next(&db, &clock),
        Some((NextKind::SetMeeting, t(48))),
        "a yes: set the meeting within two days"
    );

    let input = StepInput {
        step: Step::MeetingScheduled { starts_at: t(48) },
        meeting: Some(MeetingDetails {
            duration_minutes: 25,
            mode: MeetingMode::Phone,
            place: "Call".into(),
        }),
    };
    db.apply_step(id, &input, &clock, &settings).unwrap();
    let meetings: Vec<Meeting> = db.meetings_of(id).unwrap();
    assert_eq!(meetings.len(), 1);
    assert_eq!(
        (meetings[0].duration_minutes, meetings[0].mode),
        (25, MeetingMode::Phone)
    );
    assert_eq!(next(&db, &clock), Some((NextKind::Meeting, t(48))));

    // Rescheduling moves the meeting (and so its step); it does not add a second.
    let moved = StepInput {
        step: Step::MeetingScheduled { starts_at: t(72) },
        meeting: input.meeting.clone(),
    };
    db.apply_step(id, &moved, &clock, &settings).unwrap();
    assert_eq!(db.meetings_of(id).unwrap().len(), 1);
    assert_eq!(next(&db, &clock), Some((NextKind::Meeting, t(72))));

    // Before the meeting starts it cannot have taken place: refused, nothing changed.
    let held = StepInput::from(Step::MeetingHeld { ends_at: t(72) });
    let refused = db.apply_step(id, &held, &clock, &settings).unwrap_err();
    assert!(
        refused.to_string().contains("has not started yet"),
        "{refused}"
    );
    assert_eq!(
        db.meetings_of(id).unwrap()[0].status,
        MeetingStatus::Scheduled
    );
    // Once it has, it is.
    let after = rolo::domain::Clock::fixed(t(73).0, support::offset());
    db.apply_step(id, &held, &after, &settings).unwrap();
    assert_eq!(db.meetings_of(id).unwrap()[0].status, MeetingStatus::Held);
    assert_eq!(
        next(&db, &after),
        Some((NextKind::ThankYou, t(96).plus(Duration::minutes(25)))),
        "24 hours after the 25-minute meeting ends"
    );

    step(Step::Evaluated);
    let done = step(Step::ThankYouSent);
    assert_eq!(done.stage, Stage::Done);
    assert!(done.thanked_at.is_some() && done.evaluated_at.is_some() && done.closed_at.is_some());
    assert_eq!(
        next(&db, &clock),
        Some((NextKind::ProgressUpdate, t(30 * 24)))
    );
    assert!(db.all::<FollowUp>(false).unwrap().is_empty());

    let timeline: Vec<String> = db
        .timeline_of(contact.meta.id, 20)
        .unwrap()
        .into_iter()
        .map(|e| e.summary)
        .collect();
    assert_eq!(timeline.len(), 7, "{timeline:#?}");
    assert!(
        timeline
            .iter()
            .any(|s| s == "Sent a thank-you to Ada Lovelace")
    );

    // A refused step changes nothing.
    let before = db.all::<Interaction>(true).unwrap().len();
    let err = db
        .apply_step(id, &StepInput::from(Step::Accepted), &clock, &settings)
        .unwrap_err();
    assert!(err.to_string().contains("done stage"), "{err}");
    assert_eq!(db.all::<Interaction>(true).unwrap().len(), before);
}

#[test]
fn a_redirect_creates_the_referred_contact() {
    let db = TempStore::new();
    let settings = PlaybookSettings::default();
    let clock = clock();
    let contact = Contact::named("Grace Hopper", clock.timestamp());
    db.insert(&contact).unwrap();
    let request = NewRequest {
        contact_id: contact.meta.id,
        objective: "Compilers".into(),
        channel: Channel::LinkedIn,
        found_via: String::new(),
        minutes_asked: 20,
    };
    let interview = db.start_interview(&request, &clock, &settings).unwrap();
    let step = StepInput::from(Step::Redirected {
        to_name: "Jean Sammet".into(),
    });
    let closed = db
        .apply_step(interview.meta.id, &step, &clock, &settings)
        .unwrap();
    assert_eq!(closed.outcome, Some(Outcome::Redirected));
    let referrals = db.referrals_of(contact.meta.id).unwrap();
    assert_eq!(referrals.len(), 1);
    assert_eq!(referrals[0].name, "Jean Sammet");
    assert_eq!(closed.redirected_to, Some(referrals[0].meta.id));
    let theirs = db.open_follow_ups_of(referrals[0].meta.id).unwrap();
    assert_eq!(theirs[0].kind, FollowUpKind::ActionItem);
    assert!(
        db.open_follow_ups_of(contact.meta.id).unwrap().is_empty(),
        "nothing owed by the closed interview"
    );

    // An empty name is refused, and nothing of the step is kept.
    let other = db.start_interview(&request, &clock, &settings).unwrap();
    let err = db.apply_step(
        other.meta.id,
        &StepInput::from(Step::Redirected {
            to_name: "  ".into(),
        }),
        &clock,
        &settings,
    );
    assert!(err.is_err());
    let still: Interview = db.get(other.meta.id).unwrap();
    assert_eq!(still.outcome, None);
}

/// The steps kept with the config's numbers stay as they are when the file is opened again:
/// start-up derives nothing again unless the settings change.
#[test]
fn opening_again_keeps_the_steps_derived_with_the_configs_numbers() {
    let db = TempStore::new();
    let path = db.path();
    let clock = clock();
    let custom = PlaybookSettings {
        nudge_after_days: 11,
        ..Default::default()
    };
    let mut store = rolo::store::Store::open(&path).unwrap();
    store.use_playbook(&custom).unwrap();
    let contact = Contact::named("Ada Lovelace", clock.timestamp());
    store.insert(&contact).unwrap();
    let request = NewRequest {
        contact_id: contact.meta.id,
        objective: "Engines".into(),
        channel: Channel::Email,
        found_via: String::new(),
        minutes_asked: 20,
    };
    store.start_interview(&request, &clock, &custom).unwrap();
    drop(store);
    let kept = |store: &rolo::store::Store| -> String {
        store
            .conn()
            .query_row("SELECT next_due_at FROM interviews", [], |r| r.get(0))
            .unwrap()
    };
    let mut again = rolo::store::Store::open(&path).unwrap();
    assert_eq!(
        kept(&again),
        t(11 * 24).to_text(),
        "not derived again with the defaults"
    );
    again.use_playbook(&custom).unwrap();
    assert_eq!(kept(&again), t(11 * 24).to_text());
    again.use_playbook(&PlaybookSettings::default()).unwrap();
    assert_eq!(
        kept(&again),
        t(7 * 24).to_text(),
        "other settings derive them again"
    );
}
