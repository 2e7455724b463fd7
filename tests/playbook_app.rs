//! The playbook through the app, under the fixed clock: the step menu, the forms each step
//! needs, drafts, and what each leaves in the database.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{Contact, FollowUpKind, Interview, NextKind, Stage};
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

/// The interview's next step now, as the playbook derives it.
fn next_of(t: &Tester, contact: &Contact) -> Option<NextKind> {
    let interview = interview_of(t, contact);
    t.app
        .store
        .next_step_of(interview.meta.id, &clock())
        .unwrap()
        .map(|row| row.step.kind)
}

/// Opens the step menu (n) and chooses the entry whose label starts with `label`.
fn choose(t: &mut Tester, label: &str) {
    t.press("n");
    let menu = t.app.model.step_menu().expect("the step menu is open");
    let at = menu
        .choices
        .iter()
        .position(|c| c.label().starts_with(label))
        .unwrap_or_else(|| panic!("no {label:?} in {:?}", menu.choices));
    for _ in 0..at {
        t.press("j");
    }
    t.press("enter");
}

/// i, an objective, save: a request with its nudge due a week later.
fn request(t: &mut Tester) {
    t.press("i")
        .type_str("Learn how engines are programmed")
        .press("ctrl-s");
}

/// A request, a yes and a meeting set for `when`.
fn meeting_set(t: &mut Tester, when: &str) {
    request(t);
    choose(t, "They said yes");
    choose(t, "Set (or move)");
    t.type_str(when).press("ctrl-s");
}

#[test]
fn nudges_stop_at_the_limit_and_suggest_no_reply() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    assert_eq!(next_of(&t, &ada), Some(NextKind::Nudge));
    assert!(open_titles(&t, &ada).is_empty(), "no reminder records");
    // The menu leads with the nudge: its draft; saving marks it sent.
    t.press("n enter");
    assert!(t.screen().contains("A nudge"), "{}", t.screen());
    assert!(t.screen().contains("Hello Ada,"));
    t.press("ctrl-s");
    assert_eq!(interview_of(&t, &ada).nudges_sent, 1);
    assert_eq!(next_of(&t, &ada), Some(NextKind::Nudge), "a second nudge");
    t.press("n enter ctrl-s");
    assert_eq!(interview_of(&t, &ada).nudges_sent, 2);
    assert_eq!(next_of(&t, &ada), Some(NextKind::CloseNoReply));
    // The menu now leads with closing it, then waiting longer.
    t.press("n");
    let menu = t.app.model.step_menu().unwrap();
    assert!(menu.choices[0].label().starts_with("No reply"));
    assert!(menu.choices[1].label().starts_with("Still waiting"));
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
    assert_eq!(next_of(&t, &ada), None, "closed: nothing owed");
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
    meeting_set(&mut t, "tomorrow 3pm");
    assert_eq!(next_of(&t, &ada), Some(NextKind::Meeting));
    choose(&mut t, "The meeting took place");
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
    meeting_set(&mut t, "today 8am");
    assert_eq!(interview_of(&t, &ada).stage, Stage::Meet);
    assert_eq!(next_of(&t, &ada), Some(NextKind::DidItHappen));
    // Once its time has passed, the menu asks whether it happened first.
    t.press("n");
    let first = t.app.model.step_menu().unwrap().choices[0].label();
    assert_eq!(first, "The meeting took place");
    t.press("enter");
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
    assert_eq!(next_of(&t, &ada), Some(NextKind::ThankYou));
}

#[test]
fn a_thank_you_before_the_write_up_reads_whole_and_a_hole_is_not_sent() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    meeting_set(&mut t, "today 8am");
    choose(&mut t, "The meeting took place");
    // No write-up yet: the draft leaves out the sentence recalling a key point.
    choose(&mut t, "Send the thank-you");
    assert!(
        t.screen().contains("Thank you for taking the time"),
        "{}",
        t.screen()
    );
    assert!(!t.screen().contains("{key_point}"), "{}", t.screen());
    // A placeholder typed in (or left in a template of one's own) is not sent.
    t.type_str(" {key_point}").press("ctrl-s");
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
    assert!(matches!(&effects[..], [Effect::CopyToClipboard(text)] if text.contains("Hello Ada,")));
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
fn a_progress_update_is_drafted_once_done_and_sending_it_finishes_the_interview() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    meeting_set(&mut t, "today 8am");
    choose(&mut t, "The meeting took place");
    choose(&mut t, "Write up");
    t.type_str("Patience. Poetry.").press("ctrl-s");
    assert_eq!(next_of(&t, &ada), Some(NextKind::ThankYou));
    choose(&mut t, "Send the thank-you");
    t.press("ctrl-s");
    assert_eq!(interview_of(&t, &ada).stage, Stage::Done);
    assert_eq!(next_of(&t, &ada), Some(NextKind::ProgressUpdate));
    t.press("w");
    assert!(t.screen().contains("A progress update"), "{}", t.screen());
    assert!(t.screen().contains("{action_taken}"));
    t.press("ctrl-s");
    assert!(
        t.app.model.form().is_some(),
        "refused while {{action_taken}} is unfilled"
    );
    t.press("esc y");
    choose(&mut t, "Send the progress update");
    t.app
        .model
        .form_mut()
        .unwrap()
        .focused_mut()
        .input
        .set("Hello Ada, I applied: thank you again.");
    t.press("ctrl-s");
    assert!(
        interview_of(&t, &ada).progress_sent_at.is_some(),
        "{}",
        t.screen()
    );
    assert_eq!(next_of(&t, &ada), None, "finished: nothing owed");
}

#[test]
fn an_interview_is_deleted_like_any_record_and_comes_back_with_u() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    // The Interviews section: d asks, y deletes; nothing is owed any more.
    t.press("tab d");
    assert!(t.screen().contains("Delete"), "{}", t.screen());
    t.press("y");
    assert!(t.app.store.interviews_of(ada.meta.id).unwrap().is_empty());
    let queue = t.app.store.review_queue(&clock()).unwrap();
    assert!(queue.is_empty(), "a deleted interview owes nothing");
    // It is in the trash, and u brings it back, owing its step again.
    t.press("u");
    assert_eq!(next_of(&t, &ada), Some(NextKind::Nudge));
    // A second request while it is open is refused at once, pointing at it.
    t.press("i");
    assert!(
        t.screen().contains("already have an open interview"),
        "{}",
        t.screen()
    );
}

#[test]
fn a_drafted_request_keeps_its_words_on_the_entry_that_logged_it() {
    let (mut t, ada) = with_contact("Ada Lovelace", None);
    request(&mut t);
    t.press("w");
    assert!(t.screen().contains("The request"), "{}", t.screen());
    let draft = t.app.model.form().unwrap().text(rolo::form::FieldKey::Note);
    assert!(
        draft.contains("what I hope to learn: Learn how engines are programmed."),
        "the objective reads in the sentence, as typed: {draft}"
    );
    assert!(
        draft.contains("your work at Engines is close"),
        "the organisation: {draft}"
    );
    t.press("ctrl-s");
    let timeline = t.app.store.timeline_of(ada.meta.id, 10).unwrap();
    let requests: Vec<_> = timeline
        .iter()
        .filter(|e| e.summary.starts_with("Asked") || e.summary == "Sent the request")
        .collect();
    assert_eq!(requests.len(), 1, "logged once: {timeline:#?}");
    assert!(requests[0].body.contains("Hello Ada,"));
}
