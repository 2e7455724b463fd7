//! The command line, through the real binary, on temporary databases and the fixed clock.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::Duration;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use rolo::domain::playbook::Step;
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{Channel, Contact, FollowUp, FollowUpKind};
use rolo::store::{MeetingDetails, NewRequest, StepInput};
use support::{TempStore, clock, mode_of, rolo};

/// A small known database: one overdue follow-up, one due today, one next week, a meeting today
/// and an evaluation owed.
fn known_database() -> TempStore {
    let db = TempStore::new();
    let clock = clock();
    let now = clock.timestamp();
    let settings = PlaybookSettings::default();
    let ada = Contact::named("Ada Lovelace", now);
    let grace = Contact::named("Grace Hopper", now);
    db.insert(&ada).unwrap();
    db.insert(&grace).unwrap();
    for (title, days) in [
        ("Send Ada the paper", -2),
        ("Call Ada back", 0),
        ("Ask Ada for an intro", 7),
    ] {
        let mut f = FollowUp::new(
            FollowUpKind::Custom,
            title,
            now.plus(Duration::days(days)),
            now,
        );
        f.contact_id = Some(ada.meta.id);
        db.insert(&f).unwrap();
    }
    let request = |contact: &Contact| NewRequest {
        contact_id: contact.meta.id,
        objective: "Learn about compilers".into(),
        channel: Channel::Email,
        found_via: String::new(),
        minutes_asked: 20,
    };
    // Grace: a meeting today at 14:00 local.
    let meeting = db
        .start_interview(&request(&grace), &clock, &settings)
        .unwrap();
    let at = now.plus(Duration::hours(5));
    let details = MeetingDetails {
        duration_minutes: 30,
        mode: rolo::domain::MeetingMode::Video,
        place: "Video call".into(),
    };
    let input = StepInput {
        step: Step::MeetingScheduled { starts_at: at },
        meeting: Some(details),
    };
    db.apply_step(meeting.meta.id, &input, &clock, &settings)
        .unwrap();
    // Ada: met, evaluation owed; the thank-you is due tomorrow.
    let met = db
        .start_interview(&request(&ada), &clock, &settings)
        .unwrap();
    db.apply_step(
        met.meta.id,
        &StepInput::from(Step::Accepted),
        &clock,
        &settings,
    )
    .unwrap();
    let held = Step::MeetingHeld { ends_at: now };
    let input = StepInput {
        step: Step::MeetingScheduled {
            starts_at: now.minus(Duration::hours(1)),
        },
        meeting: None,
    };
    db.apply_step(met.meta.id, &input, &clock, &settings)
        .unwrap();
    db.apply_step(met.meta.id, &StepInput::from(held), &clock, &settings)
        .unwrap();
    db
}

#[test]
fn today_prints_the_agenda_for_people() {
    let db = known_database();
    let output = rolo(&db.path())
        .arg("today")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let expected = "\
rolo · Tuesday 24 November 2026 · 4 to review

  1. @ Meeting with Grace Hopper today 14:00
        a meeting today
  2. - Send a thank-you to Ada Lovelace · due tomorrow 08:30
        a thank-you is owed within a day
  3. ! Send Ada the paper · Ada Lovelace
        2 days late · a reminder you set
  4. - Call Ada back · Ada Lovelace · due today 09:00
        a reminder you set

Review them one at a time with: rolo --review
";
    assert_eq!(text, expected);
}

#[test]
fn today_prints_json_for_scripts() {
    let db = known_database();
    let output = rolo(&db.path())
        .args(["today", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(json["date"], "2026-11-24");
    let queue = json["queue"].as_array().unwrap();
    assert_eq!(queue.len(), 4);
    assert_eq!(queue[0]["type"], "step");
    assert_eq!(queue[0]["step"], "meeting");
    assert_eq!(queue[0]["meeting_at"], "2026-11-24T13:00:00.000Z");
    assert_eq!(queue[0]["contact"], "Grace Hopper");
    assert_eq!(queue[0]["due_at"], "2026-11-24T13:00:00.000Z");
    assert_eq!(queue[2]["title"], "Send Ada the paper");
    assert_eq!(queue[2]["type"], "follow_up");
    assert_eq!(queue[2]["kind"], "custom");
    assert_eq!(queue[2]["days_overdue"], 2);
    assert_eq!(queue[2]["reason"], "2 days late · a reminder you set");
    assert_eq!(queue[1]["type"], "step");
    assert_eq!(queue[1]["step"], "thank_you");
    assert_eq!(queue[1]["due_at"], "2026-11-25T07:30:00.000Z");
}

#[test]
fn today_on_a_new_database_says_nothing_is_due() {
    let db = TempStore::new();
    rolo(&db.path())
        .arg("today")
        .assert()
        .success()
        .stdout(contains("Nothing due today"));
}

/// Reading never creates: a mistyped --db is an error, and no file or folder appears.
#[test]
fn commands_that_read_refuse_a_database_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("no").join("such.db");
    for args in [
        vec!["today"],
        vec!["export", "json"],
        vec!["backup", "/dev/null/x"],
    ] {
        rolo(&typo)
            .args(&args)
            .assert()
            .failure()
            .stderr(contains("there is no database at"));
    }
    assert!(!dir.path().join("no").exists());
    rolo(dir.path())
        .args(["add", "contact", "--name", "Ada"])
        .assert()
        .failure()
        .stderr(contains("is a folder"));
}

#[test]
fn add_contact_and_follow_up_then_see_it_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db)
        .args([
            "add",
            "contact",
            "--name",
            "Ada Lovelace",
            "--org",
            "Engines",
            "--email",
            "ada@engines.example",
        ])
        .assert()
        .success()
        .stdout(contains("Added Ada Lovelace"));
    rolo(&db)
        .args(["add", "contact", "--name", "Bob", "--referred-by", "ada"])
        .assert()
        .success();
    rolo(&db)
        .args([
            "add",
            "follow-up",
            "--contact",
            "Ada Lovelace",
            "--due",
            "today 5pm",
            "--title",
            "Send the draft",
        ])
        .assert()
        .success()
        .stdout(contains("due Tue 24 Nov 2026 17:00 · today"));
    rolo(&db)
        .arg("today")
        .assert()
        .success()
        .stdout(contains("Send the draft · Ada Lovelace"));
    // --db after the subcommand works too.
    rolo(std::path::Path::new("/nonexistent/elsewhere.db"))
        .args(["today", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(contains("Send the draft"));
}

#[test]
fn bad_input_gets_a_clear_error_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db)
        .args(["add", "contact", "--name", "Ada"])
        .assert()
        .success();
    rolo(&db)
        .args([
            "add",
            "follow-up",
            "--contact",
            "Ada",
            "--due",
            "blursday",
            "--title",
            "x",
        ])
        .assert()
        .failure()
        .stderr(contains(
            "--due \"blursday\": could not read \"blursday\" as a date: try today, tomorrow 3pm",
        ));
    rolo(&db)
        .args([
            "add",
            "follow-up",
            "--contact",
            "Nobody",
            "--due",
            "tomorrow",
            "--title",
            "x",
        ])
        .assert()
        .failure()
        .stderr(contains("no contact is called \"Nobody\""));
    rolo(&db)
        .args(["add", "contact", "--name", "X", "--email", "not-an-email"])
        .assert()
        .failure()
        .stderr(contains("does not look like an email address"));
    rolo(&db)
        .args(["add", "contact"])
        .assert()
        .code(2)
        .stderr(contains("--name"));
    rolo(&db)
        .args(["--frobnicate"])
        .assert()
        .code(2)
        .stderr(contains("unexpected argument"));
    rolo(&db).args(["demo", "--contacts", "0"]).assert().code(2);
}

#[test]
fn a_database_that_is_not_rolos_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "not a database at all, just words ".repeat(100)).unwrap();
    rolo(&file)
        .arg("today")
        .assert()
        .failure()
        .stderr(contains("is not an SQLite database").and(contains("It has not been changed")));
}

#[test]
fn backup_writes_a_private_consistent_copy() {
    let db = known_database();
    let copy = db.dir.path().join("backup.db");
    rolo(&db.path())
        .arg("backup")
        .arg(&copy)
        .assert()
        .success()
        .stdout(contains("Backed up"));
    assert_eq!(mode_of(&copy), 0o600);
    let restored = rolo::store::Store::open(&copy).unwrap();
    assert_eq!(restored.count::<Contact>().unwrap(), 2);
    rolo(&db.path())
        .arg("backup")
        .arg(db.path())
        .assert()
        .failure()
        .stderr(contains("another file"));
}

#[test]
fn demo_fills_the_database_with_every_stage() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let output = rolo(&db)
        .args(["demo", "--contacts", "90"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let store = rolo::store::Store::open(&db).unwrap();
    // The count it says is the count in the file (the playbook adds the people some
    // interviews are redirected to).
    let said = String::from_utf8(output).unwrap();
    let held = store.contacts_total().unwrap();
    assert!(held >= 90, "{held}");
    assert!(said.contains(&format!("Added {held} contacts")), "{said}");
    let interviews: Vec<rolo::domain::Interview> = store.all(false).unwrap();
    for stage in rolo::domain::Stage::ALL {
        assert!(
            interviews
                .iter()
                .any(|i| i.stage == *stage && i.outcome.is_none()),
            "an open interview at {stage}"
        );
    }
    assert!(
        interviews.iter().any(|i| i.outcome.is_some()),
        "some closed without a meeting"
    );
    let contacts: Vec<Contact> = store.all(false).unwrap();
    assert!(
        contacts.iter().any(|c| c.referred_by.is_some()),
        "referral chains"
    );
    let agenda = store.agenda(&clock(), None).unwrap();
    use rolo::domain::review::ItemKind;
    assert!(agenda.queue.iter().any(|i| i.days_overdue > 0));
    assert!(agenda.queue.iter().any(|i| matches!(
        i.item,
        ItemKind::Step {
            step: rolo::domain::NextKind::Meeting,
            ..
        }
    ) && i.today));
    let answered: Vec<rolo::domain::InterviewQuestion> = store.all(false).unwrap();
    assert!(answered.iter().any(|q| q.asked && !q.answer.is_empty()));
    assert_eq!(store.integrity_check().unwrap(), "ok");
}
