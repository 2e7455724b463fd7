//! Forms, pure (a model with a form and the keymap, no store) and through the app: the focus
//! ring, editing, validation that keeps every character, dirty tracking, pickers, dates, and
//! what a save writes.

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use rolo::domain::{Contact, FollowUp, FollowUpKind, Id, Interaction, Organization};
use rolo::form::{Form, forms};
use rolo::tui::effect::Effect;
use rolo::tui::keymap::Keymap;
use rolo::tui::model::Model;
use rolo::tui::update;
use support::clock;
use support::tui::{Tester, key_event};

/// A model with `form` open, as the app has it after opening a form.
fn with_form(form: Form) -> Model {
    let mut model = Model::new(80, 24);
    model.form = Some(form);
    model
}

fn press(model: &mut Model, keys: &str) -> Vec<Effect> {
    let keymap = Keymap::default_keys();
    keys.split(' ')
        .filter(|k| !k.is_empty())
        .flat_map(|k| update::key(model, &keymap, key_event(k), &clock()))
        .collect()
}

fn type_text(model: &mut Model, text: &str) {
    let keymap = Keymap::default_keys();
    for c in text.chars() {
        update::key(
            model,
            &keymap,
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            &clock(),
        );
    }
}

fn values(model: &Model) -> Vec<String> {
    model
        .form
        .as_ref()
        .unwrap()
        .fields
        .iter()
        .map(|f| f.input.value().to_string())
        .collect()
}

#[test]
fn tab_and_shift_tab_go_round_the_fields() {
    let mut model = with_form(forms::question_list(None));
    press(&mut model, "tab");
    assert_eq!(model.form.as_ref().unwrap().focus, 1);
    press(&mut model, "tab");
    assert_eq!(model.form.as_ref().unwrap().focus, 0, "Tab wraps");
    press(&mut model, "backtab");
    assert_eq!(model.form.as_ref().unwrap().focus, 1);
}

#[test]
fn a_refused_save_keeps_every_character_and_names_the_field() {
    let mut model = with_form(forms::contact(None, None, None, &[]));
    press(&mut model, "tab");
    type_text(&mut model, "Analyst");
    press(&mut model, "tab tab");
    type_text(&mut model, "not an email");
    let typed = values(&model);
    let effects = press(&mut model, "ctrl-s");
    assert!(effects.is_empty(), "nothing is saved");
    let form = model.form.as_ref().unwrap();
    assert_eq!(values(&model), typed, "not a character lost");
    assert_eq!(
        form.focus, 0,
        "the cursor goes to the first field with a problem"
    );
    assert_eq!(form.fields[0].error.as_deref(), Some("Name is required"));
    assert_eq!(
        form.fields[3].error.as_deref(),
        Some("that does not look like an email address")
    );
    type_text(&mut model, "Ada");
    assert!(
        model.form.as_ref().unwrap().fields[0].error.is_none(),
        "typing at the field clears its error"
    );
}

#[test]
fn enter_moves_on_and_saves_on_the_last_field_ctrl_s_saves_anywhere() {
    let mut model = with_form(forms::question_list(None));
    type_text(&mut model, "Networking basics");
    assert!(press(&mut model, "enter").is_empty());
    assert_eq!(
        press(&mut model, "enter"),
        [Effect::SaveForm],
        "Enter on the last field saves"
    );
    let mut model = with_form(forms::question_list(None));
    type_text(&mut model, "Anything");
    assert_eq!(press(&mut model, "ctrl-s"), [Effect::SaveForm]);
}

#[test]
fn esc_asks_first_when_something_was_typed() {
    let mut model = with_form(forms::question_list(None));
    press(&mut model, "esc");
    assert!(model.form.is_none(), "an untouched form closes at once");
    let mut model = with_form(forms::question_list(None));
    type_text(&mut model, "Draft");
    press(&mut model, "esc");
    assert!(model.form.as_ref().unwrap().confirming_cancel);
    press(&mut model, "n");
    assert_eq!(values(&model)[0], "Draft", "any key but y keeps editing");
    press(&mut model, "esc y");
    assert!(model.form.is_none());
}

#[test]
fn date_fields_show_what_they_understood() {
    let mut model = with_form(forms::follow_up(
        None,
        Some((Id::new(), "Ada".into())),
        &clock(),
    ));
    press(&mut model, "tab tab ctrl-u");
    type_text(&mut model, "fri 10:30");
    let due = &model.form.as_ref().unwrap().fields[2];
    assert_eq!(
        due.hint.as_deref(),
        Some("Fri 27 Nov 2026 10:30 · in 3 days")
    );
    press(&mut model, "ctrl-u");
    type_text(&mut model, "yesterday");
    assert_eq!(
        model.form.as_ref().unwrap().fields[2].hint.as_deref(),
        Some("Mon 23 Nov 2026 · yesterday")
    );
    press(&mut model, "ctrl-u");
    type_text(&mut model, "blursday");
    press(&mut model, "backtab");
    type_text(&mut model, "Call back");
    press(&mut model, "ctrl-s");
    let form = model.form.as_ref().unwrap();
    assert_eq!(form.focus, 2);
    assert!(
        form.fields[2]
            .error
            .as_deref()
            .unwrap()
            .contains("could not read \"blursday\"")
    );
}

#[test]
fn choices_cycle_and_notes_take_several_lines() {
    let mut model = with_form(forms::touch(Id::new(), &clock()));
    press(&mut model, "right right");
    assert_eq!(values(&model)[0], "Message");
    press(&mut model, "left");
    assert_eq!(values(&model)[0], "Call");
    press(&mut model, "tab tab tab");
    type_text(&mut model, "first");
    press(&mut model, "enter");
    type_text(&mut model, "second");
    assert_eq!(values(&model)[3], "first\nsecond");
}

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
    assert!(t.app.model.form.is_none(), "{}", t.screen());
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
    let form = t.app.model.form.as_ref().expect("the form stays open");
    assert_eq!(form.duplicate.as_ref().unwrap().id, amara.meta.id);
    assert!(
        t.screen()
            .contains(&format!("{} has the same email", amara.name)),
        "{}",
        t.screen()
    );
    t.press("ctrl-o");
    assert!(t.app.model.form.is_none());
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
        .press("tab tab")
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

/// Keys a user might press in a form, printable and not.
fn any_key() -> impl Strategy<Value = KeyEvent> {
    let named = prop_oneof![
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Enter),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Esc),
    ];
    prop_oneof![
        4 => any::<char>().prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        2 => named.prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE)),
        1 => prop_oneof![Just('s'), Just('u'), Just('w'), Just('k'), Just('a'), Just('e'), Just('o')]
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        1 => prop_oneof![Just(KeyCode::Left), Just(KeyCode::Right), Just(KeyCode::Backspace)]
            .prop_map(|code| KeyEvent::new(code, KeyModifiers::ALT)),
    ]
}

fn every_form() -> Vec<Form> {
    let clock = clock();
    vec![
        forms::contact(None, None, None, &[]),
        forms::organization(None),
        forms::follow_up(None, None, &clock),
        forms::question_list(None),
        forms::question((Id::new(), "Mine".into()), None),
        forms::touch(Id::new(), &clock),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic(keys in proptest::collection::vec(any_key(), 0..60)) {
        let keymap = Keymap::default_keys();
        for form in every_form() {
            let mut model = with_form(form);
            model.organizations = vec![(Id::new(), "Acme".into()), (Id::new(), "Zenith".into())];
            for key in &keys {
                update::key(&mut model, &keymap, *key, &clock());
                if model.form.is_none() {
                    break;
                }
            }
        }
    }

    #[test]
    fn a_refused_save_never_loses_typed_text(
        texts in proptest::collection::vec("[ -~]{0,12}", 1..6),
    ) {
        let keymap = Keymap::default_keys();
        for form in every_form() {
            let mut model = with_form(form);
            // Type into the fields after the first; leave the first (required) empty.
            for text in &texts {
                update::key(&mut model, &keymap, key_event("tab"), &clock());
                for c in text.chars() {
                    update::key(&mut model, &keymap, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &clock());
                }
            }
            update::key(&mut model, &keymap, key_event("backtab"), &clock());
            update::key(&mut model, &keymap, key_event("ctrl-u"), &clock());
            let before = values(&model);
            let required_first = model.form.as_ref().unwrap().fields[0].check == rolo::form::Check::Required;
            let effects = update::key(&mut model, &keymap, key_event("ctrl-s"), &clock());
            if required_first && !model.form.as_ref().unwrap().fields[0].input.value().is_empty() {
                continue;
            }
            prop_assert!(model.form.is_some());
            prop_assert_eq!(values(&model), before);
            if required_first {
                prop_assert!(effects.is_empty());
            }
        }
    }
}

#[test]
fn a_touch_is_logged_in_the_past_never_the_future() {
    let mut t = Tester::demo(120, 40);
    let contact = t.app.model.home.contacts.selected().unwrap().clone();
    t.press("enter t tab ctrl-u")
        .type_str("last fri 4pm")
        .press("tab")
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
        .press("tab")
        .type_str("Not yet")
        .press("ctrl-s");
    let form = t.app.model.form.as_ref().expect("refused, still open");
    assert_eq!(form.focused().key, "when");
    assert!(
        form.focused()
            .error
            .as_deref()
            .unwrap()
            .contains("a time that has passed")
    );
    assert_eq!(form.text("summary"), "Not yet", "what was typed is kept");
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
