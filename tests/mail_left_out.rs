//! What a mail import leaves out, refuses, or takes later: a file that is not a mailbox, a
//! device that never ends, a body line of megabytes, a message with no date or dated in the
//! future, an out-of-office answer (no reply), a message cut off while a mail program wrote it,
//! and mail from someone added only afterwards.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::domain::NextKind;
use support::mail::{IMPORTED_AT, ada_asked_by_mail, entries_of, mbox, message};
use support::{TempStore, clock, rolo};

#[test]
fn a_mailbox_that_cannot_be_read_changes_nothing_and_bad_messages_are_named() {
    let db = TempStore::new();
    ada_asked_by_mail(&db);
    let path = db.path();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken");
    std::fs::write(&file, "Not a mailbox at all\n").unwrap();
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(contains("is not an mbox"));
    // A message with no date is left out, by its line; the others are taken in.
    let text = format!(
        "From x\nFrom: ada@engines.example\nSubject: no date\n\nbody\n\n{}",
        mbox(&[message(
            "ada@engines.example",
            "me@home.example",
            "Thu, 26 Nov 2026 10:30:00 +0000",
            "Re: coffee",
            "ok@engines.example",
        )])
    );
    std::fs::write(&file, text).unwrap();
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stderr(contains("line 1: "))
        .stderr(contains("no date"))
        .stdout(contains("added 1 message"));
}

/// Hostile mailboxes: a device that never ends is refused at once; a message whose body is one
/// line of many megabytes is read past (the memory of a line, not of the file); garbage
/// headers are named and left out.
#[test]
fn hostile_mailboxes_are_refused_or_read_past() {
    let db = TempStore::new();
    let (ada, _) = ada_asked_by_mail(&db);
    rolo(&db.path())
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .failure()
        .stderr(contains("neither a mailbox file nor a Maildir folder"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.mbox");
    let mut text = String::from("From x\nFrom: \u{0}\u{1b}[31m\nSubject: =?x?Q?broken\n\n");
    text.push_str(&"A".repeat(20 * 1024 * 1024));
    text.push_str("\n\n");
    text.push_str(&mbox(&[message(
        "ada@engines.example",
        "me@home.example",
        "Thu, 26 Nov 2026 10:30:00 +0000",
        "Re: coffee",
        "after-the-huge-one@engines.example",
    )]));
    std::fs::write(&file, text).unwrap();
    rolo(&db.path())
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success()
        .stderr(contains("line 1: "))
        .stdout(contains("added 1 message"));
    assert_eq!(entries_of(&db.path(), ada.meta.id).len(), 1);
}

/// Mail read before rolo knew the person is found once they are added (the mailbox is read
/// whole again when the people change); a message cut off while a mail program wrote it is
/// taken when it is whole; an out-of-office answer is no reply; a date in the future is left
/// out.
#[test]
fn what_could_not_be_taken_yet_is_taken_later() {
    let db = TempStore::new();
    let (_, interview) = ada_asked_by_mail(&db);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("box");
    let from_pat = message(
        "pat@new.example",
        "me@home.example",
        "Tue, 24 Nov 2026 10:00:00 +0000",
        "Hello from Pat",
        "pat@new.example",
    );
    let away = message(
        "ada@engines.example",
        "me@home.example",
        "Tue, 24 Nov 2026 08:30:00 +0000",
        "Automatic reply: Twenty minutes?",
        "ooo@engines.example",
    )
    .replace("MIME-Version", "Auto-Submitted: auto-replied\nMIME-Version");
    let future = message(
        "ada@engines.example",
        "me@home.example",
        "Wed, 1 Jan 2099 10:00:00 +0000",
        "From the future",
        "future@engines.example",
    );
    let whole = message(
        "ada@engines.example",
        "me@home.example",
        "Tue, 24 Nov 2026 09:30:00 +0000",
        "Re: Twenty minutes?",
        "real@engines.example",
    );
    let cut = whole[..whole.find("Date:").unwrap() + 8].to_string();
    let start = mbox(&[from_pat, away, future]);
    std::fs::write(&file, format!("{start}From x\n{cut}")).unwrap();
    rolo(&db.path())
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stderr(contains("in the future; left out"))
        .stderr(contains("line 47: "))
        .stdout(contains(
            "added 1 message to the timeline, 0 already there, 1 with nobody",
        ));
    assert_eq!(
        db.next_step_of(interview.meta.id, &clock())
            .unwrap()
            .unwrap()
            .step
            .kind,
        NextKind::Nudge,
        "an out-of-office answer is no reply"
    );
    // The mail program finishes writing; Pat is added: both are found.
    std::fs::write(&file, format!("{start}From x\n{whole}")).unwrap();
    rolo(&db.path())
        .args([
            "add",
            "contact",
            "--name",
            "Pat New",
            "--email",
            "pat@new.example",
        ])
        .assert()
        .success();
    rolo(&db.path())
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Ada Lovelace wrote back on 24 Nov"))
        .stdout(contains(
            "added 2 messages to the timeline, 1 already there",
        ));
}
