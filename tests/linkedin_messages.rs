//! `rolo import linkedin-messages messages.csv`: LinkedIn's messages file as its data export
//! writes it (a byte-order mark, quoted multi-line CONTENT, "UTC" dates), matched to contacts by
//! profile address however it is written; each message once, a reply offered in the review.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use rolo::domain::{Interaction, InteractionKind, NextKind};
use support::{TempStore, clock, rolo};

const MESSAGES: &str = "\u{feff}CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n\
2-abc==,,Me Myself,https://www.linkedin.com/in/me-myself,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,2026-11-24 09:10:00 UTC,,\"Hello Ada,\nwould you have twenty minutes?\",INBOX\n\
2-abc==,,Ada Lovelace,https://www.linkedin.com/in/Ada-Lovelace/,Me Myself,https://www.linkedin.com/in/me-myself,2026-11-25 17:45:03 UTC,,\"Happy to, \"\"Thursday\"\"?\",INBOX\n\
2-xyz==,,Someone Else,https://www.linkedin.com/in/someone,Me Myself,https://www.linkedin.com/in/me-myself,2026-11-25 18:00:00 UTC,,Hi,INBOX\n\
2-bad==,,Ada Lovelace,https://www.linkedin.com/in/ada-lovelace,Me Myself,https://www.linkedin.com/in/me-myself,yesterday,,Hi,INBOX\n";

#[test]
fn linkedin_messages_are_matched_by_profile_and_taken_in_once() {
    let db = TempStore::new();
    let (mut ada, interview) = support::ada_asked(&db);
    ada.linkedin = "linkedin.com/in/ada-lovelace".into();
    db.update(&mut ada, clock().timestamp()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("messages.csv");
    std::fs::write(&file, MESSAGES).unwrap();
    rolo(&db.path())
        .env("ROLO_NOW", "2026-11-26T09:00:00+01:00")
        .args(["import", "linkedin-messages"])
        .arg(&file)
        .assert()
        .success()
        .stderr(contains("line 6: ").and(contains("cannot be read")))
        .stdout(contains("Ada Lovelace wrote back on 25 Nov"))
        .stdout(contains(
            "added 2 messages to the timeline, 0 already there, 1 with nobody",
        ));
    rolo(&db.path())
        .env("ROLO_NOW", "2026-11-26T09:00:00+01:00")
        .args(["import", "linkedin-messages"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(
            "added 0 messages to the timeline, 2 already there",
        ));
    let entries: Vec<Interaction> = db
        .all::<Interaction>(false)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == InteractionKind::Message)
        .collect();
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(
        entries
            .iter()
            .all(|e| !e.summary.contains("twenty minutes")),
        "no text kept"
    );
    let next = db
        .next_step_of(
            interview.meta.id,
            &support::clock_at("2026-11-26T09:00:00+01:00"),
        )
        .unwrap()
        .unwrap();
    assert_eq!(next.step.kind, NextKind::Reply);
}

#[test]
fn a_file_that_is_not_linkedins_messages_is_refused_whole() {
    let db = TempStore::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Connections.csv");
    std::fs::write(&file, "First Name,Last Name,URL\nAda,Lovelace,x\n").unwrap();
    rolo(&db.path())
        .args(["import", "linkedin-messages"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(contains("is not LinkedIn's messages.csv"));
}

#[test]
fn a_profile_address_is_one_profile_however_it_is_written() {
    use rolo::interop::identity::profile_key;
    let key = profile_key("https://www.linkedin.com/in/ada-lovelace");
    for written in [
        "https://de.linkedin.com/in/ada-lovelace/",
        "http://linkedin.com/in/Ada-Lovelace",
        "https://www.linkedin.com/in/ada-lovelace?trk=public_profile",
        "www.linkedin.com/in/ada-lovelace#about",
    ] {
        assert_eq!(profile_key(written), key, "{written}");
    }
    assert_ne!(profile_key("https://www.linkedin.com/in/ada-king"), key);
}
