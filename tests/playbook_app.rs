//! The playbook through the app, under the fixed clock: the step menu, the forms each step
//! needs, drafts, and what each leaves in the database.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{Contact, FollowUpKind, Interview, Stage};
use rolo::store::NewContact;
use rolo::tui::data::effect::Effect;
use support::clock;
use support::tui::Tester;

/// An app on an empty database with one contact (and whoever referred them), on their screen.
fn with_contact(name: &str, referred_by: Option<&str>) -> (Tester, Contact) {
    let mut t = Tester::empty(120, 40);
    let now = clock().timestamp();
    if let Some(referrer) = referred_by {
        t.app
            .store
            .add_contact(
                &NewContact {
                    name: referrer.into(),
                    ..Default::default()
                },
                now,
            )
            .unwrap();
    }
    let new = NewContact {
        name: name.into(),
        organization: "Engines".into(),
        referred_by: referred_by.map(String::from),
        ..Default::default()
    };
    let contact = t.app.store.add_contact(&new, now).unwrap();
    t.press("ctrl-r");
    t.app
        .run_effects(vec![Effect::OpenContact(contact.meta.id)]);
    t.draw();
    (t, contact)
}

fn interview_of(t: &Tester, contact: &Contact) -> Interview {
    t.app
        .store
        .interviews_of(contact.meta.id)
        .unwrap()
        .remove(0)
}

fn open_titles(t: &Tester, contact: &Contact) -> Vec<(FollowUpKind, String)> {
    t.app
        .store
        .open_follow_ups_of(contact.meta.id)
        .unwrap()
        .into_iter()
        .map(|f| (f.kind, f.title))
        .collect()
}

/// i, an objective, save: a request with its nudge due a week later.
fn request(t: &mut Tester) {
    t.press("i")
        .type_str("Learn how engines are programmed")
        .press("ctrl-s");
}

#[test]
fn nudges_stop_at_the_limit_and_suggest_no_reply() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    assert_eq!(
        open_titles(&t, &ada),
        [(
            FollowUpKind::Nudge,
            "Nudge Ada Lovelace if there is still no reply".into()
        )]
    );
    // The menu's nudge opens the nudge draft; saving marks it sent.
    t.press("n j j enter");
    assert!(t.screen().contains("A nudge"), "{}", t.screen());
    assert!(t.screen().contains("Hello Ada,"));
    t.press("ctrl-s");
    assert_eq!(interview_of(&t, &ada).nudges_sent, 1);
    assert_eq!(
        open_titles(&t, &ada)[0].0,
        FollowUpKind::Nudge,
        "a second nudge is scheduled"
    );
    t.press("n j j enter ctrl-s");
    assert_eq!(interview_of(&t, &ada).nudges_sent, 2);
    let open = open_titles(&t, &ada);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].0, FollowUpKind::Custom);
    assert!(open[0].1.contains("mark as no reply?"));
}

#[test]
fn closing_steps_ask_first() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    t.press("n");
    let menu = t.app.model.step_menu().unwrap();
    let no_reply = menu
        .choices
        .iter()
        .position(|c| c.label().starts_with("No reply"))
        .unwrap();
    for _ in 0..no_reply {
        t.press("j");
    }
    t.press("enter");
    assert!(t.screen().contains("No reply — close it?"));
    t.press("n");
    assert_eq!(interview_of(&t, &ada).outcome, None, "n keeps it open");
    t.press("n");
    for _ in 0..no_reply {
        t.press("j");
    }
    t.press("enter y");
    assert_eq!(
        interview_of(&t, &ada).outcome,
        Some(rolo::domain::Outcome::NoReply)
    );
    assert!(open_titles(&t, &ada).is_empty(), "its nudge is withdrawn");
}

#[test]
fn a_redirect_adds_the_suggested_person() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    t.press("n");
    let menu = t.app.model.step_menu().unwrap();
    let redirect = menu
        .choices
        .iter()
        .position(|c| c.label().starts_with("They suggested"))
        .unwrap();
    for _ in 0..redirect {
        t.press("j");
    }
    t.press("enter").type_str("Charles Babbage").press("ctrl-s");
    let charles = t.app.store.contact_named("Charles Babbage").unwrap();
    assert_eq!(charles.referred_by, Some(ada.meta.id));
    assert!(t.screen().contains("referred Charles Babbage"));
}

#[test]
fn a_meeting_that_has_not_started_cannot_be_marked_held() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    t.press("n enter n enter")
        .type_str("tomorrow 3pm")
        .press("ctrl-s");
    t.press("n j enter");
    assert_eq!(interview_of(&t, &ada).stage, Stage::Meet, "{}", t.screen());
    assert!(
        t.screen().contains("has not started yet"),
        "the footer says why: {}",
        t.screen()
    );
}

#[test]
fn the_introducer_is_thanked_when_the_meeting_is_held() {
    let (mut t, ada) = with_contact("Ada Lovelace", Some("Mary Somerville"));
    request(&mut t);
    t.press("n enter n enter")
        .type_str("today 8am")
        .press("ctrl-s");
    assert_eq!(interview_of(&t, &ada).stage, Stage::Meet);
    t.press("n j enter");
    assert_eq!(interview_of(&t, &ada).stage, Stage::Evaluate);
    let mary = t.app.store.contact_named("Mary Somerville").unwrap();
    let theirs: Vec<String> = t
        .app
        .store
        .open_follow_ups_of(mary.meta.id)
        .unwrap()
        .into_iter()
        .map(|f| f.title)
        .collect();
    assert_eq!(
        theirs,
        ["Thank Mary Somerville for the introduction to Ada Lovelace, and say how it went"]
    );
    assert!(
        open_titles(&t, &ada)
            .iter()
            .any(|(kind, _)| *kind == FollowUpKind::ThankYou)
    );
}

#[test]
fn a_thank_you_with_a_hole_is_not_sent() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    t.press("n enter n enter")
        .type_str("today 8am")
        .press("ctrl-s");
    t.press("n j enter");
    // No write-up, so the draft has no key point to recall.
    t.press("n j enter");
    assert!(t.screen().contains("{key_point}"));
    t.press("ctrl-s");
    let form = t.app.model.form().expect("refused");
    assert_eq!(
        form.focused().error.as_deref(),
        Some("fill in {key_point} before marking it sent")
    );
    assert_eq!(interview_of(&t, &ada).stage, Stage::Evaluate);
    // Ctrl-Y copies the draft.
    let keymap = rolo::tui::keys::keymap::Keymap::default_keys();
    let effects = rolo::tui::dispatch::key(
        &mut t.app.model,
        &keymap,
        support::tui::key_event("ctrl-y"),
        &clock(),
    );
    assert!(
        matches!(&effects[..], [Effect::CopyToClipboard(text)] if text.starts_with("Hello Ada,"))
    );
}

#[test]
fn a_touch_moves_keep_in_touch_on() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    let now = clock().timestamp();
    let mut keep =
        rolo::domain::FollowUp::new(FollowUpKind::KeepInTouch, "Check in with Ada", now, now);
    keep.contact_id = Some(ada.meta.id);
    t.app.store.insert(&keep).unwrap();
    t.press("t tab tab").type_str("Coffee").press("ctrl-s");
    let moved: rolo::domain::FollowUp = t.app.store.get(keep.meta.id).unwrap();
    assert_eq!(
        moved.due_at,
        now.plus(chrono::Duration::days(30)),
        "30 days after the touch"
    );
}

#[test]
fn a_progress_update_is_drafted_once_done() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    t.press("n enter n enter")
        .type_str("today 8am")
        .press("ctrl-s");
    t.press("n j enter n enter")
        .type_str("Patience. Poetry.")
        .press("ctrl-s");
    t.press("n j enter ctrl-s");
    assert_eq!(interview_of(&t, &ada).stage, Stage::Done);
    t.press("w");
    assert!(t.screen().contains("A progress update"), "{}", t.screen());
    assert!(t.screen().contains("{action_taken}"));
    t.press("ctrl-s");
    assert!(
        t.app.model.form().is_some(),
        "refused while {{action_taken}} is unfilled"
    );
}
