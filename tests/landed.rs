//! "I landed a role": everyone who helped (a meeting held, a referral, an introduction) is
//! listed, and a thank-you and an update are queued for each — once, however often it is done.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{
    Channel, Contact, FollowUp, FollowUpKind, Interview, Meeting, MeetingMode, MeetingStatus, Meta,
};
use rolo::store::Store;
use support::tui::Tester;
use support::{TempStore, clock};

fn known_database() -> TempStore {
    let db = TempStore::new();
    let now = clock().timestamp();
    let add = |name: &str, referred_by| {
        let mut c = Contact::named(name, now);
        c.referred_by = referred_by;
        db.insert(&c).unwrap();
        c.meta.id
    };
    let met = add("Ada Lovelace", None);
    let referrer = add("Bob Referrer", None);
    add("Cy Referred", Some(referrer));
    let pointer = add("Dee Pointer", None);
    add("Eve Stranger", None);
    let interview = Interview::requested(met, "Learn", Channel::Email, now);
    db.insert(&interview).unwrap();
    db.insert(&Meeting {
        meta: Meta::new(now),
        interview_id: interview.meta.id,
        starts_at: now,
        duration_minutes: 30,
        mode: MeetingMode::Video,
        place: String::new(),
        status: MeetingStatus::Held,
        notes: String::new(),
    })
    .unwrap();
    let mut redirected = Interview::requested(pointer, "Ask", Channel::Email, now);
    redirected.redirected_to = Some(referrer);
    db.insert(&redirected).unwrap();
    db
}

fn open_follow_ups(db: &Store) -> Vec<FollowUp> {
    db.all::<FollowUp>(false)
        .unwrap()
        .into_iter()
        .filter(|f| f.done_at.is_none())
        .collect()
}

#[test]
fn everyone_who_helped_is_listed_and_thanked_once() {
    let db = known_database();
    let helpers = db.helpers().unwrap();
    let named: Vec<(&str, String)> = helpers.iter().map(|h| (h.name.as_str(), h.how())).collect();
    assert_eq!(
        named,
        [
            ("Ada Lovelace", "met once".to_string()),
            ("Bob Referrer", "referred someone".to_string()),
            (
                "Dee Pointer",
                "pointed you to someone better placed".to_string()
            ),
        ]
    );
    assert_eq!(
        db.thank_helpers("Analyst at Acme", &[], 30, &clock())
            .unwrap(),
        3
    );
    let queued = open_follow_ups(&db);
    assert_eq!(queued.len(), 6, "a thank-you and an update each");
    let thanks: Vec<&FollowUp> = queued
        .iter()
        .filter(|f| f.kind == FollowUpKind::ThankYou)
        .collect();
    assert_eq!(thanks.len(), 3);
    assert!(thanks.iter().all(|f| f.title.contains("Analyst at Acme")));
    assert!(thanks.iter().all(|f| f.due_at == clock().timestamp()));
    let update = queued
        .iter()
        .find(|f| f.kind == FollowUpKind::KeepInTouch)
        .unwrap();
    assert_eq!(
        update.due_at,
        clock().timestamp().plus(chrono::Duration::days(30))
    );
    // Again, under the same role's name or another's: nothing new.
    assert_eq!(
        db.thank_helpers("Analyst at Acme", &[], 30, &clock())
            .unwrap(),
        0
    );
    assert_eq!(
        db.thank_helpers("Senior Analyst at Acme", &[], 30, &clock())
            .unwrap(),
        0
    );
    assert_eq!(open_follow_ups(&db).len(), 6);
}

/// The app on the known database, at 100x30.
fn known_app() -> Tester {
    let db = known_database();
    let store = Store::open(&db.path()).unwrap();
    Tester::on(
        store,
        100,
        30,
        Some(db),
        rolo::tui::view::theme::Theme::new(true),
    )
}

#[test]
fn from_the_app_the_list_then_the_role_then_the_review() {
    let mut t = known_app();
    t.press("L");
    assert!(t.screen().contains("3 people helped"), "{}", t.screen());
    assert!(
        t.line_with("Dee Pointer")
            .contains("pointed you to someone")
    );
    t.press("enter");
    assert!(t.screen().contains("What did you land?"));
    t.press("ctrl-s");
    let form = t.app.model.form().expect("a role is required");
    assert!(
        form.field(rolo::form::FieldKey::Role)
            .unwrap()
            .error
            .is_some()
    );
    t.type_str("Data Analyst at Juniper");
    t.press("ctrl-s");
    assert!(t.app.model.form().is_none());
    assert!(t.app.model.screen().is_none(), "back home");
    assert!(
        t.screen()
            .contains("Queued a thank-you and an update for 3 people")
    );
    assert_eq!(open_follow_ups(&t.app.store).len(), 6);
    // Also by name in the palette.
    t.press(":").type_str("landed");
    t.press("enter");
    assert!(t.screen().contains("Who helped (3)"));
}

/// Through the real binary: L, Enter, the role, Ctrl-S — and the thank-yous are in the review.
#[test]
fn the_real_binary_thanks_everyone_who_helped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db).args(["demo"]).assert().success();
    let mut pty = support::pty::Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("1 Contacts (61)");
    pty.send(b"L");
    pty.wait_for("people helped along the way");
    pty.send(b"\r");
    pty.wait_for("What did you land?");
    pty.send(b"Data Analyst at Juniper\x13");
    pty.wait_for("Queued a thank-you and an update for 17 people");
    pty.quit();
    let agenda = support::rolo(&db).arg("today").assert().success();
    let text = String::from_utf8_lossy(&agenda.get_output().stdout).into_owned();
    assert!(
        text.contains("share the news: Data Analyst at Juniper"),
        "{text}"
    );
}

#[test]
fn someone_can_be_left_out_before_the_thank_yous_are_queued() {
    let mut t = known_app();
    t.press("L");
    let first = t.line_with("▶");
    t.press("space");
    assert!(t.line_with("▶").contains("left out"), "{}", t.screen());
    assert!(
        t.screen().contains("an update for 2 of them"),
        "{}",
        t.screen()
    );
    // Space again brings them back; a third time leaves them out for good.
    t.press("space");
    assert_eq!(t.line_with("▶"), first);
    t.press("space enter");
    t.type_str("Data Analyst at Juniper").press("ctrl-s");
    assert!(
        t.screen()
            .contains("Queued a thank-you and an update for 2 people"),
        "{}",
        t.screen()
    );
    assert_eq!(open_follow_ups(&t.app.store).len(), 4);
}
