//! `rolo import mail`: an mbox or a Maildir of the user's own mail, written here in the shapes
//! mail programs write (mutt's mbox, mbsync's Maildir with flags in the names, encoded and
//! quoted headers, a reply in a thread, a message passed on), through the real binary.
//! Promises: each message with someone rolo knows is one timeline entry however often it is
//! read (a Maildir's flags changed, an mbox grown or rewritten, a backup restored); a reply to
//! a request is offered in the review and the nudge stops; `me` says what went out. The
//! thank-you and the review's side are in `mail_review.rs`, what is left out in
//! `mail_left_out.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::domain::NextKind;
use support::mail::{IMPORTED_AT, ada_asked_by_mail, entries_of, maildir, mbox, message, step_of};
use support::{TempStore, rolo};

#[test]
fn a_reply_in_a_maildir_is_offered_once_and_the_nudge_stops() {
    let db = TempStore::new();
    let (ada, interview) = ada_asked_by_mail(&db);
    let path = db.path();
    let mail = tempfile::tempdir().unwrap();
    maildir(
        mail.path(),
        &[
            // Before the request: on the timeline, but no reply to it.
            (
                "1700000000.M1P1.host:2,S",
                message(
                    "Ada Lovelace <ada@engines.example>",
                    "me@home.example",
                    "Mon, 16 Nov 2026 10:00:00 +0000",
                    "Old news",
                    "old@engines.example",
                ),
            ),
            // Passed on: not a reply.
            (
                "1700000001.M2P1.host:2,S",
                message(
                    "ada@engines.example",
                    "me@home.example",
                    "Wed, 25 Nov 2026 08:00:00 +0000",
                    "Fwd: a newsletter",
                    "fwd@engines.example",
                ),
            ),
            // The reply, its name encoded as mail programs write it.
            (
                "1700000002.M3P1.host:2,RS",
                message(
                    "=?UTF-8?Q?Ada_Lovelace?= <ADA@Engines.Example>",
                    "\"Me, Myself\" <me@home.example>",
                    "Thu, 26 Nov 2026 10:30:00 +0000",
                    "Re: =?UTF-8?B?Q29mZmVlIGFuZCBlbmdpbmVz?=",
                    "reply@engines.example",
                ),
            ),
            // With nobody rolo knows.
            (
                "1700000003.M4P1.host:2,S",
                message(
                    "news@shop.example",
                    "me@home.example",
                    "Thu, 26 Nov 2026 11:00:00 +0000",
                    "Sale",
                    "sale@shop.example",
                ),
            ),
        ],
    );
    // Before: a week after the request, a nudge is owed.
    assert_eq!(
        step_of(&path, interview.meta.id, "2026-12-02T09:00:00+01:00"),
        Some(NextKind::Nudge)
    );
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(mail.path())
        .assert()
        .success()
        .stdout(contains("Ada Lovelace wrote back on 26 Nov"))
        .stdout(contains(
            "added 3 messages to the timeline, 0 already there, 1 with nobody",
        ));
    let entries = entries_of(&path, ada.meta.id);
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert!(
        entries
            .iter()
            .any(|e| e.summary == "Email from Ada Lovelace: Re: Coffee and engines"),
        "{entries:?}"
    );
    assert!(
        entries.iter().all(|e| e.body.is_empty()),
        "no body is stored"
    );
    // The nudge is gone: the review asks what she said.
    assert_eq!(
        step_of(&path, interview.meta.id, "2026-12-02T09:00:00+01:00"),
        Some(NextKind::Reply)
    );
    let queue = support::today_queue(&path, "2026-11-27T09:00:00+01:00");
    assert!(
        queue.iter().any(|i| i["title"]
            .as_str()
            .unwrap()
            .contains("Ada Lovelace wrote back on 26 Nov: accepted, declined")),
        "{queue:?}"
    );
    // Read again, and with the flags changed as a mail program does: nothing more.
    let cur = mail.path().join("INBOX/cur");
    std::fs::rename(
        cur.join("1700000002.M3P1.host:2,RS"),
        cur.join("1700000002.M3P1.host:2,RSF"),
    )
    .unwrap();
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(mail.path())
        .assert()
        .success()
        .stdout(contains("added 0 messages"));
    assert_eq!(entries_of(&path, ada.meta.id).len(), 3);
}

#[test]
fn an_mbox_is_read_once_and_then_from_where_it_stopped() {
    let db = TempStore::new();
    let (ada, _) = ada_asked_by_mail(&db);
    let path = db.path();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Sent");
    let first = mbox(&[message(
        "me@home.example",
        "Ada Lovelace <ada@engines.example>",
        "Tue, 24 Nov 2026 09:05:00 +0000",
        "Twenty minutes of your time?",
        "ask@home.example",
    )]);
    std::fs::write(&file, &first).unwrap();
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("added 1 message to the timeline"));
    // The mailbox grows, as a mail program appends: only the new message is read.
    let second = mbox(&[message(
        "Ada <ada@engines.example>",
        "me@home.example",
        "Wed, 25 Nov 2026 16:00:00 -0500",
        "Re: Twenty minutes of your time?",
        "yes@engines.example",
    )]);
    std::fs::write(&file, format!("{first}{second}")).unwrap();
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("added 1 message to the timeline, 0 already there"));
    let entries = entries_of(&path, ada.meta.id);
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(
        entries
            .iter()
            .any(|e| e.summary.starts_with("Email to Ada Lovelace"))
    );
    // A dry run writes nothing; a rewritten file is read whole again, adding nothing twice.
    std::fs::write(&file, format!("{second}{first}")).unwrap();
    rolo(&path)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail", "--dry-run"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(
            "would add 0 messages to the timeline, 2 already there",
        ));
}

/// With `me` set, only a message from one of the user's addresses went out: one from a
/// stranger that copies a contact is nobody's to log.
#[test]
fn me_in_the_config_says_which_messages_went_out() {
    let db = TempStore::new();
    let (ada, _) = ada_asked_by_mail(&db);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "me = [\"Me@Home.example\"]\n").unwrap();
    let file = dir.path().join("box");
    std::fs::write(
        &file,
        mbox(&[
            message(
                "Me <me@home.example>",
                "ada@engines.example",
                "Tue, 24 Nov 2026 09:05:00 +0000",
                "Twenty minutes?",
                "mine@home.example",
            ),
            message(
                "list@news.example",
                "ada@engines.example, me@home.example",
                "Tue, 24 Nov 2026 10:00:00 +0000",
                "Weekly digest",
                "digest@news.example",
            ),
        ]),
    )
    .unwrap();
    rolo(&db.path())
        .env("ROLO_CONFIG", &config)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(
            "added 1 message to the timeline, 0 already there, 1 with nobody",
        ));
    let entries = entries_of(&db.path(), ada.meta.id);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].summary, "Email to Ada Lovelace: Twenty minutes?");
}

/// A database restored from its JSON export (which carries the timeline, not what was read)
/// adds nothing twice when the same mailbox is read again.
#[test]
fn a_restored_backup_reads_the_same_mailbox_without_doubles() {
    let db = TempStore::new();
    let (ada, _) = ada_asked_by_mail(&db);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("box");
    std::fs::write(
        &file,
        mbox(&[message(
            "ada@engines.example",
            "me@home.example",
            "Thu, 26 Nov 2026 10:30:00 +0000",
            "Re: coffee",
            "r@engines.example",
        )]),
    )
    .unwrap();
    rolo(&db.path())
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success();
    let export = dir.path().join("backup.json");
    rolo(&db.path())
        .args(["export", "json", "-o"])
        .arg(&export)
        .assert()
        .success();
    let fresh = dir.path().join("restored.db");
    rolo(&fresh)
        .args(["import", "json"])
        .arg(&export)
        .assert()
        .success();
    rolo(&fresh)
        .env("ROLO_NOW", IMPORTED_AT)
        .args(["import", "mail"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains(
            "added 0 messages to the timeline, 1 already there",
        ));
    assert_eq!(entries_of(&fresh, ada.meta.id).len(), 1);
}
