//! What mail tells the review, through the import and the app: a message to them after the
//! meeting is offered as the thank-you (also when it was read in before the meeting was marked
//! held) and `d` records it when it went; a message taken for a reply that was none is set
//! aside and the nudge comes back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::domain::{Interview, NextKind};
use support::mail::{
    IMPORTED_AT, ada_asked_by_mail, app_on, mbox, message, met, set_meeting, step_of,
};
use support::{TempStore, clock, rolo};

#[test]
fn a_message_after_the_meeting_is_offered_as_the_thank_you() {
    let db = TempStore::new();
    let (ada, interview) = ada_asked_by_mail(&db);
    // Met on the 26th at 10:00 (an hour, the default), marked held.
    let starts_at = clock().timestamp().plus(chrono::Duration::hours(49));
    met(
        &db,
        &interview,
        starts_at,
        &support::clock_at("2026-11-26T12:00:00+01:00"),
    );
    let path = db.path();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sent.mbox");
    std::fs::write(
        &file,
        mbox(&[message(
            "me@home.example",
            "ada@engines.example",
            "Thu, 26 Nov 2026 18:00:00 +0100",
            "Thank you for today",
            "thanks@home.example",
        )]),
    )
    .unwrap();
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("may have been the thank-you"));
    assert_eq!(
        step_of(&path, interview.meta.id, "2026-11-27T09:00:00+01:00"),
        Some(NextKind::ThankYouMailed)
    );
    let _ = ada;
}

/// In the review, `d` on "was that the thank-you?" records it, sent when the mail went.
#[test]
fn d_in_the_review_takes_the_mail_as_the_thank_you() {
    let db = TempStore::new();
    let (_, interview) = ada_asked_by_mail(&db);
    let starts_at = clock().timestamp().minus(chrono::Duration::hours(4));
    met(&db, &interview, starts_at, &clock());
    let mailed = clock().timestamp().minus(chrono::Duration::hours(1));
    let mut held: Interview = db.get(interview.meta.id).unwrap();
    held.mailed_at = Some(mailed);
    db.update(&mut held, mailed).unwrap();
    let mut t = app_on(&db);
    t.press("R");
    assert!(
        t.screen()
            .contains("You wrote to Ada Lovelace on 24 Nov: was that the thank-you?"),
        "{}",
        t.screen()
    );
    t.press("d");
    let thanked: Interview = t.app.store.get(interview.meta.id).unwrap();
    assert_eq!(thanked.thanked_at, Some(mailed), "sent when the mail went");
}

/// A message taken for a reply that was none ("back next week") is set aside from the review:
/// the request waits on, and its nudge comes back.
#[test]
fn a_message_that_was_no_answer_is_set_aside_and_the_nudge_returns() {
    let db = TempStore::new();
    let (_, interview) = ada_asked_by_mail(&db);
    let mut asked: Interview = db.get(interview.meta.id).unwrap();
    asked.heard_back_at = Some(clock().timestamp().plus(chrono::Duration::minutes(1)));
    db.update(&mut asked, clock().timestamp()).unwrap();
    let mut t = app_on(&db);
    t.press("R d");
    assert!(
        t.screen().contains("That was no answer: keep waiting"),
        "{}",
        t.screen()
    );
    t.press("j j j enter");
    let waiting: Interview = t.app.store.get(interview.meta.id).unwrap();
    assert_eq!(waiting.heard_back_at, None);
    assert_eq!(waiting.stage, rolo::domain::Stage::Request);
    assert_eq!(
        step_of(&db.path(), interview.meta.id, "2026-12-02T09:00:00+01:00"),
        Some(NextKind::Nudge)
    );
}

/// Mail read in before the meeting is marked held (a cron import, then the morning's review):
/// once it is marked held, the review asks whether that mail was the thank-you.
#[test]
fn a_thank_you_read_in_before_the_meeting_is_marked_held_is_offered_after() {
    let db = TempStore::new();
    let (_, interview) = ada_asked_by_mail(&db);
    let starts_at = clock().timestamp().minus(chrono::Duration::hours(6));
    set_meeting(&db, &interview, starts_at);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sent");
    std::fs::write(
        &file,
        mbox(&[message(
            "me@home.example",
            "ada@engines.example",
            "Tue, 24 Nov 2026 07:00:00 +0000",
            "Thank you",
            "ty@home.example",
        )]),
    )
    .unwrap();
    rolo(&db.path())
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("once the meeting is marked held"));
    db.apply_step(
        interview.meta.id,
        &rolo::domain::playbook::Step::MeetingHeld {
            ends_at: starts_at.plus(chrono::Duration::minutes(30)),
        }
        .into(),
        &clock(),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(
        step_of(&db.path(), interview.meta.id, support::NOW),
        Some(NextKind::ThankYouMailed)
    );
}
