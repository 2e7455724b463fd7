//! Interviews left in every state, imported from JSON through the real binary: `rolo today`
//! then owes one step for each open one, and nothing for the finished ones — from an export of
//! this rolo, and from one written before the steps were derived (whose reminder follow-ups
//! are taken in, not repeated).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// (contact, step) of each playbook step in the queue, sorted.
fn steps(queue: &[serde_json::Value]) -> Vec<(String, String)> {
    let mut steps: Vec<(String, String)> = queue
        .iter()
        .filter(|i| i["type"] == "step")
        .map(|i| {
            (
                i["contact"].as_str().unwrap().to_string(),
                i["step"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    steps.sort();
    steps
}

fn import(db: &Path, file: &Path) {
    support::rolo(db)
        .args(["import", "json"])
        .arg(file)
        .assert()
        .success();
}

fn owed(steps: &[(&str, &str)]) -> Vec<(String, String)> {
    steps
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn every_open_interview_imported_owes_one_step_and_the_finished_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    import(&db, &fixture("interviews-in-every-state.json"));
    let queue = support::today_queue(&db, support::NOW);
    assert_eq!(
        steps(&queue),
        owed(&[
            ("Nina Park", "nudge"),
            ("Omar Haddad", "set_meeting"),
            ("Priya Raman", "did_it_happen"),
            ("Quinn Foster", "thank_you"),
            ("Rosa Lind", "progress_update"),
        ]),
        "a month awaiting, a yes with no meeting, a meeting never marked, held without \
         thank-you or write-up, thanked and written up; declined and finished owe nothing"
    );
    // The follow-up the user wrote is there too, once.
    assert_eq!(queue.iter().filter(|i| i["type"] == "follow_up").count(), 1);
    // Importing the same file again changes nothing.
    import(&db, &fixture("interviews-in-every-state.json"));
    assert_eq!(support::today_queue(&db, support::NOW), queue);
}

#[test]
fn an_export_from_before_derived_steps_is_taken_in_without_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    import(&db, &fixture("interviews-in-every-state-v4.json"));
    let queue = support::today_queue(&db, support::NOW);
    assert_eq!(
        steps(&queue),
        owed(&[
            ("Nina Park", "nudge"),
            ("Omar Haddad", "set_meeting"),
            ("Priya Raman", "did_it_happen"),
            ("Quinn Foster", "thank_you"),
        ]),
        "Rosa's update kept its snooze to the 28th; Tara's keep-in-touch was done"
    );
    let follow_ups: Vec<&str> = queue
        .iter()
        .filter(|i| i["type"] == "follow_up")
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        follow_ups,
        ["Send Nina the article"],
        "the old reminders are not owed twice"
    );
    // On the 28th, Rosa's progress update is owed, as her old reminder said.
    let later = support::today_queue(&db, "2026-11-28T12:00:00+01:00");
    assert!(
        steps(&later).contains(&("Rosa Lind".into(), "progress_update".into())),
        "{later:#?}"
    );
    assert!(!steps(&later).iter().any(|(who, _)| who == "Tara Voss"));
    // Importing the same old file again changes nothing.
    import(&db, &fixture("interviews-in-every-state-v4.json"));
    assert_eq!(support::today_queue(&db, support::NOW), queue);
}
