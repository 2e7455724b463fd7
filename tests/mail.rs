//! `rolo import mail`: an mbox or a Maildir of the user's own mail, written here in the shapes
//! mail programs write (mutt's mbox, mbsync's Maildir with flags in the names, encoded and
//! quoted headers, a reply in a thread, a message passed on), through the real binary.
//! Promises: each message with someone rolo knows is one timeline entry however often it is
//! read; a reply to a request is offered in the review and the nudge stops; a message to them
//! within two days of the meeting is offered as the thank-you; nothing moves without the user.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::path::Path;

use predicates::str::contains;
use rolo::domain::{Contact, Interaction, Interview, NextKind};
use rolo::store::Store;
use support::{TempStore, clock, rolo};

/// When the mailboxes are read: after every message in them.
const IMPORTED_AT: &str = "2026-11-28T09:00:00+01:00";

/// Ada, with her address, asked for a conversation at the fixed clock (24 Nov, 09:00).
fn ada_asked_by_mail(db: &Store) -> (Contact, Interview) {
    let (mut ada, interview) = support::ada_asked(db);
    ada.email = "ada@engines.example".into();
    db.update(&mut ada, clock().timestamp()).unwrap();
    (ada, interview)
}

/// The interview accepted and its meeting set at `starts_at`.
fn set_meeting(db: &Store, interview: &Interview, starts_at: rolo::domain::Timestamp) {
    for step in [
        rolo::domain::playbook::Step::Accepted,
        rolo::domain::playbook::Step::MeetingScheduled { starts_at },
    ] {
        db.apply_step(
            interview.meta.id,
            &step.into(),
            &clock(),
            &Default::default(),
        )
        .unwrap();
    }
}

/// The interview accepted, its meeting set at `starts_at` (an hour), and marked held as of
/// `as_of`.
fn met(
    db: &Store,
    interview: &Interview,
    starts_at: rolo::domain::Timestamp,
    as_of: &rolo::domain::Clock,
) {
    set_meeting(db, interview, starts_at);
    db.apply_step(
        interview.meta.id,
        &rolo::domain::playbook::Step::MeetingHeld {
            ends_at: starts_at.plus(chrono::Duration::hours(1)),
        }
        .into(),
        as_of,
        &Default::default(),
    )
    .unwrap();
}

/// The app on `db`'s file, at the fixed clock.
fn app_on(db: &TempStore) -> support::tui::Tester {
    let store = Store::open(&db.path()).unwrap();
    support::tui::Tester::on(
        store,
        120,
        40,
        None,
        rolo::tui::view::theme::Theme::new(true),
    )
}

/// One message as mail programs store it (CRLF or LF; headers, a blank line, a body).
fn message(from: &str, to: &str, date: &str, subject: &str, id: &str) -> String {
    format!(
        "From: {from}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: <{id}>\n\
         MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nHello,\n\nFrom the body, \
         which rolo never keeps: a line starting with From.\n\n>From an escaped line\n"
    )
}

fn mbox(messages: &[String]) -> String {
    messages
        .iter()
        .map(|m| format!("From MAILER-DAEMON Thu Nov 26 10:00:00 2026\n{m}\n"))
        .collect()
}

fn maildir(root: &Path, messages: &[(&str, String)]) {
    for folder in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(root.join("INBOX").join(folder)).unwrap();
    }
    for (name, text) in messages {
        std::fs::write(
            root.join("INBOX").join("cur").join(name),
            text.replace('\n', "\r\n"),
        )
        .unwrap();
    }
}

fn entries_of(db: &Path, contact: rolo::domain::Id) -> Vec<Interaction> {
    let store = Store::open(db).unwrap();
    store
        .all::<Interaction>(false)
        .unwrap()
        .into_iter()
        .filter(|i| i.contact_id == contact && i.summary.starts_with("Email "))
        .collect()
}

fn step_of(db: &Path, interview: rolo::domain::Id, now: &str) -> Option<NextKind> {
    let store = Store::open(db).unwrap();
    store
        .next_step_of(interview, &support::clock_at(now))
        .unwrap()
        .map(|row| row.step.kind)
}

#[test]
fn a_reply_in_a_maildir_is_offered_once_and_the_nudge_stops() {
    let db = TempStore::new();
    let (ada, interview) = ada_asked_by_mail(&db);
    let path = db.path();
    let _kept = &db;
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
    let _kept = &db;
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
    let _kept = &db;
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

#[test]
fn a_mailbox_that_cannot_be_read_changes_nothing_and_bad_messages_are_named() {
    let db = TempStore::new();
    ada_asked_by_mail(&db);
    let path = db.path();
    let _kept = &db;
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
