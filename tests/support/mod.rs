//! The shared test harness: a fixed clock, a temporary database, and the real binary.
#![allow(dead_code)] // each test file uses its own part of the harness

pub mod mail;
pub mod pty;
pub mod tui;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use rolo::domain::Clock;
use rolo::store::Store;

/// Tuesday 24 November 2026, 09:00 in UTC+01:00: the clock every test runs on.
pub const NOW: &str = "2026-11-24T09:00:00+01:00";

pub fn clock() -> Clock {
    clock_at(NOW)
}

pub fn clock_at(rfc3339: &str) -> Clock {
    let at = DateTime::parse_from_rfc3339(rfc3339).expect("test times are RFC 3339");
    Clock::fixed(at.with_timezone(&Utc), *at.offset())
}

pub fn offset() -> FixedOffset {
    *DateTime::parse_from_rfc3339(NOW).unwrap().offset()
}

/// A store on a fresh file in its own temporary folder (removed when dropped).
pub struct TempStore {
    pub store: Store,
    pub dir: tempfile::TempDir,
}

impl TempStore {
    pub fn new() -> TempStore {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = Store::open(&dir.path().join("rolo.db")).expect("a new database opens");
        TempStore { store, dir }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("rolo.db")
    }
}

impl std::ops::Deref for TempStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

/// The real `rolo` binary, on the given database, with the fixed clock.
pub fn rolo(db: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("rolo").expect("the rolo binary is built");
    cmd.env("ROLO_DB", db)
        .env("ROLO_NOW", NOW)
        .env_remove("NO_COLOR");
    cmd
}

/// `rolo today --json --all` on `db` at the time `now` (RFC 3339): the queue, in order.
pub fn today_queue(db: &Path, now: &str) -> Vec<serde_json::Value> {
    let output = rolo(db)
        .env("ROLO_NOW", now)
        .args(["today", "--json", "--all"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&output).expect("rolo today's JSON");
    json["queue"].as_array().cloned().unwrap_or_default()
}

pub fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("the file exists")
        .permissions()
        .mode()
        & 0o777
}

/// Makes a named pipe (a FIFO) at `path`: a file that never ends if read.
pub fn fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Ada Lovelace, asked for an informational interview at the fixed clock (its request logged).
pub fn ada_asked(db: &Store) -> (rolo::domain::Contact, rolo::domain::Interview) {
    let clock = clock();
    let ada = rolo::domain::Contact::named("Ada Lovelace", clock.timestamp());
    db.insert(&ada).expect("Ada is added");
    let request = rolo::store::NewRequest {
        contact_id: ada.meta.id,
        objective: "How engines are programmed".into(),
        channel: rolo::domain::Channel::Email,
        found_via: String::new(),
        minutes_asked: 20,
    };
    let interview = db
        .start_interview(&request, &clock, &Default::default())
        .expect("the request is logged");
    (ada, interview)
}

/// Ada, asked, with her meeting set 30 hours from the fixed clock.
pub fn ada_with_a_meeting(db: &Store) -> (rolo::domain::Contact, rolo::domain::Interview) {
    let (ada, interview) = ada_asked(db);
    let starts_at = clock().timestamp().plus(chrono::Duration::hours(30));
    db.apply_step(
        interview.meta.id,
        &rolo::store::StepInput::from(rolo::domain::playbook::Step::MeetingScheduled { starts_at }),
        &clock(),
        &Default::default(),
    )
    .expect("the meeting is set");
    (ada, interview)
}
