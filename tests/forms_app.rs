//! Forms through the app: pickers that pick and create, saving, the lookalike warning,
//! editing, deleting with undo and the trash, and what each form writes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{Contact, FollowUp, FollowUpKind, Interaction, Organization};
use support::tui::Tester;

/// Through the app: pickers, saving, the duplicate warning, deleting and undoing.
#[test]
fn adding_a_contact_with_a_new_organisation_and_a_referrer() {
    let mut t = Tester::demo(120, 40);
    t.press("a")
        .type_str("Zed Example")
        .press("tab tab")
        .type_str("Acme Robotics");
    assert!(t.screen().contains("new — will be created"));
    t.press("tab")
        .type_str("zed@acme.example")
        .press("tab tab tab tab tab")
        .type_str("amara ok");
    assert!(t.screen().contains("Amara Okafor"));
    t.press("enter tab")
        .type_str("alumni, design")
        .press("ctrl-s");
    assert!(t.app.model.form().is_none(), "{}", t.screen());
    assert!(t.screen().contains("Saved Zed Example"));
    let zed = t.app.store.contact_named("Zed Example").unwrap();
    assert_eq!(zed.email, "zed@acme.example");
    let org: Organization = t.app.store.get(zed.organization_id.unwrap()).unwrap();
    assert_eq!(org.name, "Acme Robotics");
    let referrer: Contact = t.app.store.get(zed.referred_by.unwrap()).unwrap();
    assert_eq!(referrer.name, "Amara Okafor");
    assert_eq!(
        t.app.store.tags_of(zed.meta.id).unwrap(),
        ["alumni", "design"]
    );
    assert!(
        t.app
            .store
            .timeline_of(zed.meta.id, 5)
            .unwrap()
            .iter()
            .any(|e| e.summary == "Added to rolo")
    );
}

#[test]
fn an_existing_organisation_is_picked_not_duplicated() {
    let mut t = Tester::demo(120, 40);
    let before = t.app.store.count::<Organization>().unwrap();
    t.press("a")
        .type_str("Yara")
        .press("tab tab")
        .type_str("meridian bank")
        .press("ctrl-s");
    let yara = t.app.store.contact_named("Yara").unwrap();
    let org: Organization = t.app.store.get(yara.organization_id.unwrap()).unwrap();
    assert_eq!(org.name, "Meridian Bank", "typing a name exactly picks it");
    assert_eq!(t.app.store.count::<Organization>().unwrap(), before);
}

#[test]
fn a_lookalike_contact_is_held_back_until_confirmed() {
    let mut t = Tester::demo(120, 40);
    let contacts: Vec<Contact> = t.app.store.all(false).unwrap();
    let amara = contacts.into_iter().find(|c| !c.email.is_empty()).unwrap();
    t.press("a")
        .type_str("Someone Else")
        .press("tab tab tab")
        .type_str(&amara.email)
        .press("ctrl-s");
    let form = t.app.model.form().expect("the form stays open");
    assert_eq!(form.duplicate.as_ref().unwrap().id, amara.meta.id);
    assert!(
        t.screen()
            .contains(&format!("{} has the same email", amara.name)),
        "{}",
        t.screen()
    );
    t.press("ctrl-o");
    assert!(t.app.model.form().is_none());
    assert!(
        t.screen().lines().next().unwrap().contains(&amara.name),
        "Ctrl-O opens the existing one"
    );
    t.press("esc a")
        .type_str("Someone Else")
        .press("tab tab tab")
        .type_str(&amara.email)
        .press("ctrl-s ctrl-s");
    assert!(
        t.app.store.contact_named("Someone Else").is_ok(),
        "a second save goes ahead"
    );
}

#[test]
fn editing_a_contact_changes_it_in_place() {
    let mut t = Tester::demo(120, 40);
    let first = t.app.model.home.contacts.selected().unwrap().clone();
    t.press("e");
    assert!(t.screen().contains("Edit contact"));
    t.press("tab ctrl-u")
        .type_str("Chief Listener")
        .press("ctrl-s");
    let contact: Contact = t.app.store.get(first.id).unwrap();
    assert_eq!(contact.title, "Chief Listener");
    assert!(t.screen().contains("Chief Listener"));
}

#[test]
fn delete_asks_then_undo_brings_it_back_with_its_follow_ups() {
    let mut t = Tester::demo(120, 40);
    let total = t.app.model.home.contacts.total;
    let first = t.app.model.home.contacts.selected().unwrap().clone();
    let open_before = t.app.store.open_follow_ups_of(first.id).unwrap().len();
    t.press("d");
    assert!(
        t.screen()
            .contains(&format!("Delete contact \"{}\"?", first.name))
    );
    t.press("n");
    assert_eq!(t.app.model.home.contacts.total, total, "n keeps it");
    t.press("d y");
    assert_eq!(t.app.model.home.contacts.total, total - 1);
    assert!(!t.screen().contains(&first.name));
    assert!(t.app.store.open_follow_ups_of(first.id).unwrap().is_empty());
    t.press("u");
    assert_eq!(t.app.model.home.contacts.total, total);
    assert!(
        t.screen()
            .contains(&format!("Restored contact \"{}\"", first.name))
    );
    assert_eq!(
        t.app.store.open_follow_ups_of(first.id).unwrap().len(),
        open_before
    );
}

#[test]
fn the_trash_lists_deletes_and_restores_any() {
    let mut t = Tester::demo(120, 40);
    let first = t.app.model.home.contacts.selected().unwrap().clone();
    t.press("d y 3 d y T");
    assert!(t.screen().contains("Trash (2)"), "{}", t.screen());
    assert!(t.screen().contains(&first.name));
    t.press("j enter");
    assert!(t.screen().contains("Trash (1)"));
    assert!(t.app.store.contact_named(&first.name).is_ok());
}

#[test]
fn follow_ups_and_touches_are_added_from_the_contact_screen() {
    let mut t = Tester::demo(120, 40);
    let contact = t.app.model.home.contacts.selected().unwrap().clone();
    t.press("enter tab tab a");
    assert!(t.screen().contains("New follow-up"));
    t.press("tab")
        .type_str("Send the article")
        .press("tab ctrl-u")
        .type_str("next tue 3pm")
        .press("ctrl-s");
    let added: Vec<FollowUp> = t.app.store.open_follow_ups_of(contact.id).unwrap();
    let mine = added
        .iter()
        .find(|f| f.title == "Send the article")
        .expect("saved");
    assert_eq!(mine.kind, FollowUpKind::Custom);
    assert_eq!(mine.due_at.to_text(), "2026-12-01T14:00:00.000Z");
    assert!(
        t.screen().contains("Send the article"),
        "the contact screen shows it at once"
    );
    t.press("t right")
        .press("tab tab ctrl-u")
        .type_str("Talked about the team")
        .press("ctrl-s");
    let timeline: Vec<Interaction> = t.app.store.timeline_of(contact.id, 20).unwrap();
    assert!(
        timeline.iter().any(|e| e.summary == "Talked about the team"
            && e.kind == rolo::domain::InteractionKind::Call)
    );
}

#[test]
fn control_characters_never_reach_the_store() {
    let mut t = Tester::demo(120, 40);
    t.press("4 a")
        .type_str("Evil\u{1b}[31m list\u{7}")
        .press("ctrl-s");
    let lists = t.app.store.question_lists().unwrap();
    assert!(lists.iter().any(|l| l.name == "Evil list"), "{lists:?}");
}

#[test]
fn a_touch_is_logged_in_the_past_never_the_future() {
    let mut t = Tester::demo(120, 40);
    let contact = t.app.model.home.contacts.selected().unwrap().clone();
    t.press("enter t tab ctrl-u")
        .type_str("last fri 4pm")
        .press("tab ctrl-u")
        .type_str("Coffee chat")
        .press("ctrl-s");
    let entry = t
        .app
        .store
        .timeline_of(contact.id, 50)
        .unwrap()
        .into_iter()
        .find(|e| e.summary == "Coffee chat")
        .unwrap();
    assert_eq!(
        entry.occurred_at.to_text(),
        "2026-11-20T15:00:00.000Z",
        "last Friday, 16:00 local"
    );
    t.press("t tab ctrl-u")
        .type_str("tomorrow")
        .press("tab ctrl-u")
        .type_str("Not yet")
        .press("ctrl-s");
    let form = t.app.model.form().expect("refused, still open");
    assert_eq!(form.focused().key, "when");
    assert!(
        form.focused()
            .error
            .as_deref()
            .unwrap()
            .contains("a time that has passed")
    );
    assert_eq!(
        form.text(rolo::form::FieldKey::Summary),
        "Not yet",
        "what was typed is kept"
    );
}

#[test]
fn a_question_is_added_to_its_list_and_can_move_to_another() {
    let mut t = Tester::demo(120, 40);
    t.press("4 enter a")
        .type_str("What surprised you most in your first year?")
        .press("ctrl-s");
    let lists = t.app.store.question_lists().unwrap();
    let first = lists
        .iter()
        .find(|l| l.name == "A first conversation")
        .unwrap();
    let questions = t.app.store.questions_of_list(first.id).unwrap();
    assert_eq!(
        questions.last().unwrap().text,
        "What surprised you most in your first year?"
    );
    assert!(t.screen().contains("10. What surprised you most"));
    t.press("G e tab ctrl-u")
        .type_str("chang")
        .press("down enter ctrl-s");
    let careers = lists.iter().find(|l| l.name == "Changing careers").unwrap();
    let moved = t.app.store.questions_of_list(careers.id).unwrap();
    assert_eq!(
        moved.last().unwrap().text,
        "What surprised you most in your first year?",
        "{}",
        t.screen()
    );
    assert_eq!(t.app.store.questions_of_list(first.id).unwrap().len(), 9);
}

#[test]
fn a_follow_up_is_marked_done_from_a_list_and_u_brings_it_back() {
    let mut t = support::tui::Tester::demo(120, 40);
    // Home's Follow-ups pane: the first row that is a follow-up of its own (not a step).
    t.press("3");
    let row = t
        .app
        .model
        .home
        .follow_ups
        .rows
        .iter()
        .position(|r| r.step.is_none())
        .unwrap();
    for _ in 0..row {
        t.press("j");
    }
    let id = t.app.model.home.follow_ups.rows[row].id;
    t.press("x");
    assert!(t.screen().contains("u brings it back"), "{}", t.screen());
    let done: rolo::domain::FollowUp = t.app.store.get(id).unwrap();
    assert!(done.done_at.is_some());
    t.press("u");
    let back: rolo::domain::FollowUp = t.app.store.get(id).unwrap();
    assert!(back.done_at.is_none(), "{}", t.screen());
}

#[test]
fn y_copies_the_selection() {
    let mut t = support::tui::Tester::demo(120, 40);
    let keymap = rolo::tui::keys::keymap::Keymap::default_keys();
    let effects = rolo::tui::dispatch::key(
        &mut t.app.model,
        &keymap,
        support::tui::key_event("y"),
        &support::clock(),
    );
    let name = t.app.model.home.contacts.row_at(0).unwrap().name.clone();
    assert!(
        matches!(&effects[..], [rolo::tui::data::effect::Effect::CopyToClipboard(text)] if text.starts_with(&name)),
        "{effects:?}"
    );
}
