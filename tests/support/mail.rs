//! Mailboxes as mail programs write them, and the one person they are about: Ada, asked for a
//! conversation by email (for the mail import's tests).

use std::path::Path;

use rolo::domain::{Contact, Interaction, Interview, NextKind};
use rolo::store::Store;

use super::{TempStore, clock};

/// When the mailboxes are read: after every message in them.
pub const IMPORTED_AT: &str = "2026-11-28T09:00:00+01:00";

/// Ada, with her address, asked for a conversation at the fixed clock (24 Nov, 09:00).
pub fn ada_asked_by_mail(db: &Store) -> (Contact, Interview) {
    let (mut ada, interview) = super::ada_asked(db);
    ada.email = "ada@engines.example".into();
    db.update(&mut ada, clock().timestamp()).unwrap();
    (ada, interview)
}

/// The interview accepted and its meeting set at `starts_at`.
pub fn set_meeting(db: &Store, interview: &Interview, starts_at: rolo::domain::Timestamp) {
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
pub fn met(
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
pub fn app_on(db: &TempStore) -> super::tui::Tester {
    let store = Store::open(&db.path()).unwrap();
    super::tui::Tester::on(
        store,
        120,
        40,
        None,
        rolo::tui::view::theme::Theme::new(true),
    )
}

/// One message as mail programs store it (CRLF or LF; headers, a blank line, a body).
pub fn message(from: &str, to: &str, date: &str, subject: &str, id: &str) -> String {
    format!(
        "From: {from}\nTo: {to}\nSubject: {subject}\nDate: {date}\nMessage-ID: <{id}>\n\
         MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nHello,\n\nFrom the body, \
         which rolo never keeps: a line starting with From.\n\n>From an escaped line\n"
    )
}

pub fn mbox(messages: &[String]) -> String {
    messages
        .iter()
        .map(|m| format!("From MAILER-DAEMON Thu Nov 26 10:00:00 2026\n{m}\n"))
        .collect()
}

pub fn maildir(root: &Path, messages: &[(&str, String)]) {
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

pub fn entries_of(db: &Path, contact: rolo::domain::Id) -> Vec<Interaction> {
    let store = Store::open(db).unwrap();
    store
        .all::<Interaction>(false)
        .unwrap()
        .into_iter()
        .filter(|i| i.contact_id == contact && i.summary.starts_with("Email "))
        .collect()
}

pub fn step_of(db: &Path, interview: rolo::domain::Id, now: &str) -> Option<NextKind> {
    let store = Store::open(db).unwrap();
    store
        .next_step_of(interview, &super::clock_at(now))
        .unwrap()
        .map(|row| row.step.kind)
}
