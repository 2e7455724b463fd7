//! The playbook's stalls, lived through as a user would: the real binary in a pseudo-terminal,
//! the clock set days after the interview was left, the daily review opened. Each ends with
//! the interview moved and its next step on the screen.

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
use rolo::domain::{Channel, Clock, Contact, Id, Interview, NextKind, Outcome};
use rolo::store::{NewRequest, StepInput, Store};
use support::pty::Pty;

/// A database with Ada Lovelace and her interview, taken through `steps` at the test clock.
fn ada_with(dir: &std::path::Path, steps: &[Step]) -> (std::path::PathBuf, Id) {
    let db = dir.join("rolo.db");
    let store = Store::open(&db).unwrap();
    let clock = support::clock();
    let settings = PlaybookSettings::default();
    let ada = Contact::named("Ada Lovelace", clock.timestamp());
    store.insert(&ada).unwrap();
    let request = NewRequest {
        contact_id: ada.meta.id,
        objective: "How engines are programmed".into(),
        channel: Channel::Phone,
        found_via: String::new(),
        minutes_asked: 20,
    };
    let interview = store.start_interview(&request, &clock, &settings).unwrap();
    for step in steps {
        store
            .apply_step(
                interview.meta.id,
                &StepInput::from(step.clone()),
                &clock,
                &settings,
            )
            .unwrap();
    }
    (db, interview.meta.id)
}

/// The test clock moved on by `hours`, as ROLO_NOW.
fn later(hours: i64) -> String {
    let at = support::clock().timestamp().plus(Duration::hours(hours));
    at.0.with_timezone(&support::offset()).to_rfc3339()
}

fn clock_later(hours: i64) -> Clock {
    Clock::fixed(
        support::clock().timestamp().plus(Duration::hours(hours)).0,
        support::offset(),
    )
}

fn review_at(db: &std::path::Path, dir: &std::path::Path, hours: i64) -> Pty {
    let now = later(hours);
    Pty::spawn(
        &["--review"],
        db,
        dir,
        120,
        40,
        &[("ROLO_NOW", now.as_str())],
    )
}

fn interview(db: &std::path::Path, id: Id) -> Interview {
    Store::open(db).unwrap().get(id).unwrap()
}

#[test]
fn a_yes_with_no_meeting_comes_back_and_d_sets_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = ada_with(dir.path(), &[Step::Accepted]);
    // Three days on, nothing was set: the review asks for the meeting.
    let mut pty = review_at(&db, dir.path(), 72);
    pty.wait_for("Ada Lovelace said yes: set the meeting");
    pty.wait_for("1 day late");
    pty.send(b"d");
    pty.wait_for("Set the meeting");
    pty.send(b"tomorrow 3pm");
    pty.send(b"\x13");
    pty.wait_for("Meeting set for tomorrow 15:00");
    // The step is now the meeting, there the day before to prepare.
    pty.wait_for("Meeting with Ada Lovelace tomorrow 15:00");
    pty.quit();
    let store = Store::open(&db).unwrap();
    let next = store.next_step_of(id, &clock_later(72)).unwrap().unwrap();
    assert_eq!(next.step.kind, NextKind::Meeting);
}

#[test]
fn a_meeting_whose_time_passed_asks_whether_it_happened() {
    let dir = tempfile::tempdir().unwrap();
    let starts_at = support::clock().timestamp().plus(Duration::hours(25));
    let (db, id) = ada_with(
        dir.path(),
        &[Step::Accepted, Step::MeetingScheduled { starts_at }],
    );
    // Two weeks on, it was never marked: not "prepare, 13 days late" but "did it happen?".
    let mut pty = review_at(&db, dir.path(), 14 * 24);
    pty.wait_for("Did the meeting with Ada Lovelace happen?");
    assert!(!pty.screen().contains("Prepare"), "{}", pty.screen());
    pty.send(b"d");
    pty.wait_for("▶ The meeting took place");
    pty.send(b"\r");
    pty.wait_for("Met Ada Lovelace");
    // Held: the thank-you is owed, from the meeting's end, and the review shows it.
    pty.wait_for("Send a thank-you to Ada Lovelace");
    pty.quit();
    assert!(interview(&db, id).stage == rolo::domain::Stage::Evaluate);
}

#[test]
fn the_thank_you_done_in_the_review_moves_the_interview_on() {
    let dir = tempfile::tempdir().unwrap();
    let starts_at = support::clock().timestamp().minus(Duration::hours(2));
    let (db, id) = ada_with(
        dir.path(),
        &[
            Step::Accepted,
            Step::MeetingScheduled { starts_at },
            Step::MeetingHeld {
                ends_at: support::clock().timestamp(),
            },
        ],
    );
    let mut pty = review_at(&db, dir.path(), 3);
    pty.wait_for("Send a thank-you to Ada Lovelace");
    // d drafts it (whole without a write-up to recall); nothing typed, Esc closes it at once.
    pty.send(b"d");
    pty.wait_for("The thank-you");
    assert!(!pty.screen().contains("{key_point}"), "{}", pty.screen());
    pty.send(b"\x1b");
    pty.wait_for("d drafts the thank-you");
    // Written up first (e), the thank-you reads whole, and marking it sent moves it.
    pty.send(b"e");
    pty.wait_for("Key points");
    pty.send(b"Documentation is the machine's voice.");
    pty.send(b"\x13");
    pty.wait_for("Written up");
    pty.wait_for("Send a thank-you to Ada Lovelace");
    pty.send(b"d");
    pty.wait_for("has stayed with me:");
    pty.wait_for("Documentation is the machine's voice.");
    pty.send(b"\x13");
    pty.wait_for("Thank-you sent");
    pty.wait_for("Review done.");
    // u takes back exactly that, and says so.
    pty.send(b"u");
    pty.wait_for("Undone: Thank-you sent — the interview is as it was");
    pty.wait_for("Send a thank-you to Ada Lovelace");
    pty.send(b"d");
    pty.wait_for("The thank-you");
    pty.send(b"\x13");
    pty.wait_for("Thank-you sent");
    pty.quit();
    let store = Store::open(&db).unwrap();
    let next = store.next_step_of(id, &clock_later(3)).unwrap().unwrap();
    assert_eq!(
        next.step.kind,
        NextKind::ProgressUpdate,
        "thanked and written up: the progress update is owed"
    );
}

#[test]
fn an_unanswered_request_is_closed_with_one_key() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = ada_with(dir.path(), &[]);
    // The two nudges went out on time.
    {
        let store = Store::open(&db).unwrap();
        for day in [7, 14] {
            store
                .apply_step(
                    id,
                    &StepInput::from(Step::NudgeSent),
                    &clock_later(day * 24),
                    &PlaybookSettings::default(),
                )
                .unwrap();
        }
        let entries = store.timeline_of(interview(&db, id).contact_id, 5).unwrap();
        assert!(
            entries
                .iter()
                .all(|e| e.kind == rolo::domain::InteractionKind::Call),
            "a phone request and its nudges are calls: {entries:?}"
        );
    }
    let mut pty = review_at(&db, dir.path(), 22 * 24);
    pty.wait_for("No reply from Ada Lovelace after 2 nudges: close it as no reply?");
    pty.send(b"x");
    pty.wait_for("No reply from Ada Lovelace; closed");
    pty.wait_for("Review done.");
    pty.quit();
    assert_eq!(interview(&db, id).outcome, Some(Outcome::NoReply));
}

#[test]
fn a_meeting_not_yet_started_cannot_be_marked_held() {
    let dir = tempfile::tempdir().unwrap();
    let starts_at = support::clock().timestamp().plus(Duration::hours(24));
    let (db, id) = ada_with(
        dir.path(),
        &[Step::Accepted, Step::MeetingScheduled { starts_at }],
    );
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("Ada Lovelace");
    pty.send(b"\r");
    pty.wait_for("Timeline (");
    pty.choose_step("The meeting took place");
    pty.wait_for("it has not started yet");
    pty.quit();
    assert_eq!(interview(&db, id).stage, rolo::domain::Stage::Meet);
}
