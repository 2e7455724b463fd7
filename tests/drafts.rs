//! Drafts as a new user meets them: Tab goes from placeholder to placeholder, a draft can be
//! kept to send later (the review shows it ready, w and d reopen it), and the request asks
//! for the minutes asked for.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::Contact;
use rolo::store::Store;
use rolo::tui::view::theme::Theme;
use support::tui::Tester;
use support::{TempStore, clock};

#[test]
fn tab_goes_from_placeholder_to_placeholder_in_a_draft() {
    let mut t = Tester::demo(120, 40);
    // The pipeline's Done column owes progress updates; w drafts one for the first card.
    t.press("P l l l l w");
    let draft = t
        .app
        .model
        .form()
        .expect("a draft")
        .text(rolo::form::FieldKey::Note);
    assert!(draft.contains("{action_taken}"), "{draft}");
    t.press("tab");
    assert!(
        t.screen().contains("In its place: action taken"),
        "{}",
        t.screen()
    );
    t.type_str("I started a course in data analysis");
    let draft = t.app.model.form().unwrap().text(rolo::form::FieldKey::Note);
    assert!(
        draft.contains("since we spoke: I started a course in data analysis."),
        "{draft}"
    );
    // None left: Tab moves on to how it is sent.
    t.press("tab");
    assert_eq!(
        t.app.model.form().unwrap().focused().key,
        rolo::form::FieldKey::Channel
    );
}

#[test]
fn a_draft_is_kept_to_send_later_and_the_review_shows_it_ready() {
    let mut t = Tester::demo(120, 40);
    t.press("R");
    let mut moves = 0;
    while !t.screen().contains("Send a thank-you to") {
        t.press("space");
        moves += 1;
        assert!(moves < 30, "no thank-you in the review:\n{}", t.screen());
    }
    let who = t.line_with("Send a thank-you to").trim().to_string();
    // d drafts it; a word is added at the start; Ctrl-L keeps it, unsent.
    t.press("d").type_str("PS ").press("ctrl-l");
    assert!(t.screen().contains("Draft kept"), "{}", t.screen());
    assert!(t.app.model.form().is_none());
    // Still owed, and now ready to send.
    while !t.screen().contains(&who) {
        t.press("space");
    }
    assert!(
        t.line_with("Draft").contains("kept, ready to send"),
        "{}",
        t.screen()
    );
    // d brings it back as it was left; Ctrl-S marks it sent, and it is gone from the queue.
    t.press("d");
    let draft = t.app.model.form().unwrap().text(rolo::form::FieldKey::Note);
    assert!(draft.starts_with("PS Hello"), "{draft}");
    t.press("ctrl-s");
    assert!(!t.screen().contains(&who), "{}", t.screen());
    assert!(
        t.app
            .store
            .all::<rolo::domain::Interview>(false)
            .unwrap()
            .iter()
            .all(|i| i.draft.is_empty()),
        "sent, the kept draft is done with"
    );
}

#[test]
fn a_request_asks_for_the_minutes_asked_for() {
    let mut t = Tester::empty(120, 40);
    t.app
        .store
        .insert(&Contact::named("Ada Lovelace", clock().timestamp()))
        .unwrap();
    t.press("ctrl-r enter i")
        .type_str("How engines are programmed")
        .press("tab tab tab ctrl-u")
        .type_str("30")
        .press("ctrl-s w");
    let draft = t
        .app
        .model
        .form()
        .expect("the request draft")
        .text(rolo::form::FieldKey::Note);
    assert!(draft.contains("Would you have 30 minutes"), "{draft}");
}

#[test]
fn w_opens_a_kept_nudge_where_the_request_would_be_drafted() {
    let db = TempStore::new();
    let (_, interview) = support::ada_asked(&db);
    db.keep_draft(
        interview.meta.id,
        rolo::domain::NextKind::Nudge,
        "Hello Ada, a gentle nudge",
        &clock(),
    )
    .unwrap();
    let store = Store::open(&db.path()).unwrap();
    let mut t = Tester::on(store, 120, 40, Some(db), Theme::new(true));
    // The pipeline's Request column: w on her card, whose nudge is not due yet.
    t.press("P w");
    let form = t.app.model.form().expect("a draft");
    assert_eq!(
        form.text(rolo::form::FieldKey::Note),
        "Hello Ada, a gentle nudge"
    );
}
