//! `rolo import ics`: invitations in the shapes calendar programs send, against the promise
//! that only the latest version of an event moves a meeting, and only an event that is the
//! conversation itself: not one from before the request, not a gathering, not a whole day; a
//! guest declining calls it off.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::domain::{Meeting, MeetingStatus, NextKind, Stage};
use support::{TempStore, clock, rolo};

/// One calendar holding `events`, as a calendar program writes it (CRLF, UTC times).
fn calendar(method: &str, events: &[String]) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Calendar//EN\r\nMETHOD:{method}\r\n{}END:VCALENDAR\r\n",
        events.concat()
    )
}

fn event(uid: &str, sequence: u32, start: &str, end: Option<&str>, people: &[&str]) -> String {
    let mut text = format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:{sequence}\r\nDTSTAMP:2026112{sequence}T080000Z\r\nDTSTART:{start}\r\n"
    );
    if let Some(end) = end {
        text.push_str(&format!("DTEND:{end}\r\n"));
    }
    for (i, person) in people.iter().enumerate() {
        let role = if i == 0 { "ORGANIZER" } else { "ATTENDEE" };
        text.push_str(&format!("{role}:mailto:{person}\r\n"));
    }
    text.push_str("SUMMARY:Coffee\r\nEND:VEVENT\r\n");
    text
}

fn asked_ada(db: &TempStore) -> rolo::domain::Interview {
    let (mut ada, interview) = support::ada_asked(db);
    ada.email = "ada@engines.example".into();
    db.update(&mut ada, clock().timestamp()).unwrap();
    interview
}

fn import(db: &TempStore, dir: &std::path::Path, text: &str) -> assert_cmd::assert::Assert {
    let file = dir.join("invite.ics");
    std::fs::write(&file, text).unwrap();
    rolo(&db.path())
        .args(["import", "ics"])
        .arg(&file)
        .assert()
        .success()
}

fn scheduled(db: &TempStore) -> Vec<Meeting> {
    db.all::<Meeting>(false)
        .unwrap()
        .into_iter()
        .filter(|m| m.status == MeetingStatus::Scheduled)
        .collect()
}

#[test]
fn an_invitation_answers_the_request_and_only_its_latest_version_counts() {
    let db = TempStore::new();
    let interview = asked_ada(&db);
    let dir = tempfile::tempdir().unwrap();
    let people = ["ada@engines.example", "me@home.example"];
    let first = event("c1", 0, "20261127T140000Z", None, &people);
    let moved = event(
        "c1",
        1,
        "20261128T140000Z",
        Some("20261128T150000Z"),
        &people,
    );
    import(
        &db,
        dir.path(),
        &calendar("REQUEST", std::slice::from_ref(&first)),
    )
    .stdout(contains("set for"));
    let interview_now: rolo::domain::Interview = db.get(interview.meta.id).unwrap();
    assert_eq!(
        interview_now.stage,
        Stage::Meet,
        "the invitation was their yes"
    );
    assert_eq!(
        scheduled(&db)[0].duration_minutes,
        30,
        "no end: the default length"
    );
    import(
        &db,
        dir.path(),
        &calendar("REQUEST", std::slice::from_ref(&moved)),
    )
    .stdout(contains("moved to"));
    // The first version read again changes nothing; both in one file, the later wins.
    import(
        &db,
        dir.path(),
        &calendar("REQUEST", std::slice::from_ref(&first)),
    )
    .stdout(contains("0 meetings, 1 changing nothing"));
    import(
        &db,
        dir.path(),
        &calendar("REQUEST", &[moved.clone(), first]),
    )
    .stdout(contains("0 meetings, 1 changing nothing"));
    let meetings = scheduled(&db);
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].starts_at.to_text(), "2026-11-28T14:00:00.000Z");
    assert_eq!(meetings[0].duration_minutes, 60);
    // Her declining (a reply to the invitation) calls it off.
    let declined = event(
        "c1",
        2,
        "20261128T140000Z",
        Some("20261128T150000Z"),
        &people,
    )
    .replace(
        "ORGANIZER:mailto:ada@engines.example",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:ada@engines.example",
    );
    import(&db, dir.path(), &calendar("REPLY", &[declined])).stdout(contains("called off"));
    assert!(scheduled(&db).is_empty());
    let next = db
        .next_step_of(interview.meta.id, &clock())
        .unwrap()
        .unwrap();
    assert_eq!(next.step.kind, NextKind::SetMeeting, "a new time to find");
}

#[test]
fn events_that_are_not_the_conversation_are_left() {
    let db = TempStore::new();
    let interview = asked_ada(&db);
    let dir = tempfile::tempdir().unwrap();
    // A conference last year with her among many; a whole day; a declined first answer.
    let old = event(
        "conf-2025",
        0,
        "20250310T090000Z",
        None,
        &["ada@engines.example", "x@a.example"],
    );
    let crowd = event(
        "meetup",
        0,
        "20261201T170000Z",
        Some("20261201T190000Z"),
        &[
            "host@meetup.example",
            "ada@engines.example",
            "b@b.example",
            "c@c.example",
        ],
    );
    let whole_day =
        "BEGIN:VEVENT\r\nUID:day\r\nDTSTAMP:20261124T080000Z\r\nDTSTART;VALUE=DATE:20261202\r\n\
                     ORGANIZER:mailto:ada@engines.example\r\nEND:VEVENT\r\n"
            .to_string();
    import(
        &db,
        dir.path(),
        &calendar("PUBLISH", &[old, crowd, whole_day]),
    )
    .stdout(contains("from before the request"))
    .stdout(contains("a gathering of many"))
    .stdout(contains("a whole day"))
    .stdout(contains("set, moved or called off 0 meetings"));
    let untouched: rolo::domain::Interview = db.get(interview.meta.id).unwrap();
    assert_eq!(untouched.stage, Stage::Request, "no yes was read into them");
    assert!(scheduled(&db).is_empty());
    // Years away: named and left out.
    let far = event("far", 0, "99991231T100000Z", None, &["ada@engines.example"]);
    import(&db, dir.path(), &calendar("REQUEST", &[far])).stderr(contains("years away"));
}

#[test]
fn declining_it_yourself_calls_it_off() {
    let db = TempStore::new();
    let interview = asked_ada(&db);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "me = [\"me@home.example\"]\n").unwrap();
    let mine_declined = event(
        "d1",
        0,
        "20261127T140000Z",
        Some("20261127T143000Z"),
        &["ada@engines.example"],
    )
    .replace(
        "END:VEVENT",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:me@home.example\r\nEND:VEVENT",
    );
    let file = dir.path().join("invite.ics");
    std::fs::write(&file, calendar("REPLY", &[mine_declined])).unwrap();
    rolo(&db.path())
        .env("ROLO_CONFIG", &config)
        .args(["import", "ics"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("set, moved or called off 0 meetings"));
    let untouched: rolo::domain::Interview = db.get(interview.meta.id).unwrap();
    assert_eq!(untouched.stage, Stage::Request, "no yes read into it");
    assert!(scheduled(&db).is_empty());
}
