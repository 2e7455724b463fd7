//! The world moves interviews, through the real binary: a reply found in a Maildir is offered
//! in the review, one choice records it and the nudge is gone; an invitation imported moves the
//! meeting the home screen shows.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::domain::{NextKind, Stage};
use rolo::store::Store;
use support::pty::Pty;
use support::{TempStore, clock, rolo};

const LATER: &str = "2026-11-27T09:00:00+01:00";

fn with_address(db: &Store, mut ada: rolo::domain::Contact) {
    ada.email = "ada@engines.example".into();
    db.update(&mut ada, clock().timestamp()).unwrap();
}

#[test]
fn a_reply_in_the_mailbox_is_answered_in_the_review_with_one_choice() {
    let db = TempStore::new();
    let (ada, interview) = support::ada_asked(&db);
    with_address(&db, ada);
    let mail = tempfile::tempdir().unwrap();
    let cur = mail.path().join("Inbox").join("cur");
    std::fs::create_dir_all(&cur).unwrap();
    std::fs::create_dir_all(mail.path().join("Inbox").join("new")).unwrap();
    std::fs::write(
        cur.join("1764150600.M1P2.laptop:2,S"),
        "Return-Path: <ada@engines.example>\r\n\
         From: Ada Lovelace <ada@engines.example>\r\n\
         To: me@home.example\r\n\
         Subject: Re: Twenty minutes?\r\n\
         Date: Thu, 26 Nov 2026 10:30:00 +0000\r\n\
         Message-ID: <yes.1@engines.example>\r\n\
         In-Reply-To: <ask.1@home.example>\r\n\
         \r\n\
         Gladly. Thursday?\r\n",
    )
    .unwrap();
    rolo(&db.path())
        .env("ROLO_NOW", LATER)
        .args(["import", "mail"])
        .arg(mail.path())
        .assert()
        .success()
        .stdout(contains("Ada Lovelace wrote back on 26 Nov"));

    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(
        &["--review"],
        &db.path(),
        home.path(),
        120,
        40,
        &[("ROLO_NOW", LATER)],
    );
    pty.wait_for("Ada Lovelace wrote back on 26 Nov: accepted, declined, or sent you to someone?");
    pty.send(b"d");
    pty.wait_for("They said yes");
    pty.send(b"\r");
    pty.wait_for("accepted");
    pty.quit();

    let interview = db
        .get::<rolo::domain::Interview>(interview.meta.id)
        .unwrap();
    assert_eq!(interview.stage, Stage::Meet, "accepted");
    let next = db
        .next_step_of(interview.meta.id, &support::clock_at(LATER))
        .unwrap()
        .unwrap();
    assert_eq!(
        next.step.kind,
        NextKind::SetMeeting,
        "no nudge: the meeting to set"
    );
    assert_eq!(
        interview.replied_at.map(|t| t.to_text()),
        Some("2026-11-26T10:30:00.000Z".to_string()),
        "the reply came when the mail did"
    );
}

#[test]
fn an_invitation_moves_the_meeting_on_the_home_screen() {
    let db = TempStore::new();
    let (ada, interview) = support::ada_with_a_meeting(&db);
    with_address(&db, ada);
    let dir = tempfile::tempdir().unwrap();
    let invite = dir.path().join("invite.ics");
    // As a calendar program sends an invitation: a time zone of its own, the organiser and
    // the guests as mailto addresses.
    std::fs::write(
        &invite,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp//Calendar 1.0//EN\r\n\
         METHOD:REQUEST\r\n\
         BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n\
         BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n\
         RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
         BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
         RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
         BEGIN:VEVENT\r\nUID:coffee-ada-1@engines.example\r\nDTSTAMP:20261124T080000Z\r\n\
         DTSTART;TZID=Europe/Berlin:20261127T153000\r\n\
         DTEND;TZID=Europe/Berlin:20261127T160000\r\n\
         SUMMARY:Coffee with Ada\r\nLOCATION:Café Babbage\r\n\
         ORGANIZER;CN=Ada Lovelace:mailto:ada@engines.example\r\n\
         ATTENDEE;CN=Me;PARTSTAT=NEEDS-ACTION:mailto:me@home.example\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    rolo(&db.path())
        .args(["import", "ics"])
        .arg(&invite)
        .assert()
        .success()
        .stdout(contains("The meeting with Ada Lovelace is moved to"));
    // Again: as the calendar says already.
    rolo(&db.path())
        .args(["import", "ics"])
        .arg(&invite)
        .assert()
        .success()
        .stdout(contains("0 meetings, 1 changing nothing"));

    let new_start = chrono::DateTime::parse_from_rfc3339("2026-11-27T15:30:00+01:00").unwrap();
    let shown = clock().when(rolo::domain::Timestamp(
        new_start.with_timezone(&chrono::Utc),
    ));
    let home = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(&[], &db.path(), home.path(), 120, 40, &[]);
    pty.wait_for("Ada Lovelace");
    pty.wait_for(&shown);
    pty.quit();
    let meetings: Vec<rolo::domain::Meeting> = db.all(false).unwrap();
    let live: Vec<_> = meetings
        .iter()
        .filter(|m| m.interview_id == interview.meta.id)
        .collect();
    assert_eq!(live.len(), 1, "moved, not added: {live:?}");
    assert_eq!(live[0].duration_minutes, 30);
    assert_eq!(live[0].place, "Café Babbage");

    // Called off: the meeting is cancelled, and a new time is what the interview owes.
    let cancelled = std::fs::read_to_string(&invite)
        .unwrap()
        .replace("METHOD:REQUEST", "METHOD:CANCEL");
    std::fs::write(&invite, cancelled).unwrap();
    rolo(&db.path())
        .args(["import", "ics"])
        .arg(&invite)
        .assert()
        .success()
        .stdout(contains("is called off"));
    let next = db
        .next_step_of(interview.meta.id, &clock())
        .unwrap()
        .unwrap();
    assert_eq!(next.step.kind, NextKind::SetMeeting);
}
