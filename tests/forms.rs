//! Forms, pure: a model with a form and the keymap, no store. The focus ring, editing,
//! validation that keeps every character, dirty tracking, dates, choices and notes, and
//! random keys into every form.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use rolo::domain::Id;
use rolo::form::{Form, forms};
use rolo::tui::data::effect::Effect;
use rolo::tui::dispatch as update;
use rolo::tui::keys::keymap::Keymap;
use rolo::tui::model::Model;
use support::clock;
use support::tui::key_event;

/// A model with `form` open, as the app has it after opening a form.
fn with_form(form: Form) -> Model {
    let mut model = Model::new(80, 24);
    model.mode = rolo::tui::model::Mode::Form(Box::new(form));
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
        .form()
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
    assert_eq!(model.form().unwrap().focus, 1);
    press(&mut model, "tab");
    assert_eq!(model.form().unwrap().focus, 0, "Tab wraps");
    press(&mut model, "backtab");
    assert_eq!(model.form().unwrap().focus, 1);
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
    let form = model.form().unwrap();
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
        model.form().unwrap().fields[0].error.is_none(),
        "typing at the field clears its error"
    );
}

#[test]
fn enter_moves_on_and_saves_on_the_last_field_ctrl_s_saves_anywhere() {
    let mut model = with_form(forms::question_list(None));
    type_text(&mut model, "Networking basics");
    assert!(press(&mut model, "enter").is_empty());
    let saved = |effects: Vec<Effect>| match effects.as_slice() {
        [Effect::SaveForm(form)] => form.text(rolo::form::FieldKey::Name),
        other => panic!("not saved: {other:?}"),
    };
    assert_eq!(
        saved(press(&mut model, "enter")),
        "Networking basics",
        "Enter on the last field saves the form as typed"
    );
    let mut model = with_form(forms::question_list(None));
    type_text(&mut model, "Anything");
    assert_eq!(saved(press(&mut model, "ctrl-s")), "Anything");
}

#[test]
fn esc_asks_first_when_something_was_typed() {
    let mut model = with_form(forms::question_list(None));
    press(&mut model, "esc");
    assert!(model.form().is_none(), "an untouched form closes at once");
    let mut model = with_form(forms::question_list(None));
    type_text(&mut model, "Draft");
    press(&mut model, "esc");
    assert!(model.form().unwrap().confirming_cancel);
    press(&mut model, "n");
    assert_eq!(values(&model)[0], "Draft", "any key but y keeps editing");
    press(&mut model, "esc y");
    assert!(model.form().is_none());
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
    let due = &model.form().unwrap().fields[2];
    assert_eq!(
        due.hint.as_deref(),
        Some("Fri 27 Nov 2026 10:30 · in 3 days")
    );
    press(&mut model, "ctrl-u");
    type_text(&mut model, "yesterday");
    assert_eq!(
        model.form().unwrap().fields[2].hint.as_deref(),
        Some("Mon 23 Nov 2026 · yesterday")
    );
    press(&mut model, "ctrl-u");
    type_text(&mut model, "blursday");
    press(&mut model, "backtab");
    type_text(&mut model, "Call back");
    press(&mut model, "ctrl-s");
    let form = model.form().unwrap();
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
    let mut model = with_form(forms::touch(Id::new(), "Ada Lovelace", None, &clock()));
    assert_eq!(
        values(&model)[2],
        "Emailed Ada Lovelace",
        "the summary is offered"
    );
    press(&mut model, "right right");
    assert_eq!(values(&model)[0], "Message");
    press(&mut model, "left");
    assert_eq!(values(&model)[0], "Call");
    assert_eq!(
        values(&model)[2],
        "Called Ada Lovelace",
        "and follows the kind"
    );
    // A typed letter moves to the choice it starts; one that starts none says so, visibly.
    press(&mut model, "m");
    assert_eq!(values(&model)[0], "Message");
    press(&mut model, "m");
    assert_eq!(values(&model)[0], "Meeting");
    assert_eq!(values(&model)[2], "Met Ada Lovelace");
    press(&mut model, "z");
    assert_eq!(values(&model)[0], "Meeting");
    assert!(
        model
            .form()
            .unwrap()
            .message
            .as_deref()
            .unwrap()
            .contains("first letter"),
        "{:?}",
        model.form().unwrap().message
    );
    // A summary the user wrote stays as written when the kind changes.
    press(&mut model, "tab tab ctrl-u");
    type_text(&mut model, "Lunch near the office");
    press(&mut model, "backtab backtab e");
    assert_eq!(values(&model)[0], "Email");
    assert_eq!(values(&model)[2], "Lunch near the office");
    press(&mut model, "tab tab tab");
    type_text(&mut model, "first");
    press(&mut model, "enter");
    type_text(&mut model, "second");
    assert_eq!(values(&model)[3], "first\nsecond");
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
        forms::touch(Id::new(), "Ada Lovelace", None, &clock),
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
                if model.form().is_none() {
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
            let required_first = model.form().unwrap().fields[0].check == rolo::form::Check::Required;
            let effects = update::key(&mut model, &keymap, key_event("ctrl-s"), &clock());
            if required_first && !model.form().unwrap().fields[0].input.value().is_empty() {
                continue;
            }
            prop_assert!(model.form().is_some());
            prop_assert_eq!(values(&model), before);
            if required_first {
                prop_assert!(effects.is_empty());
            }
        }
    }
}
