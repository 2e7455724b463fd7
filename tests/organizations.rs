//! Organisations on their own: listed with what each holds, added, edited, deleted (u brings
//! one back), two entries merged into one, its people opened — from the key, the palette and
//! a contact's screen.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{Contact, Organization};
use rolo::tui::model::Screen;
use support::tui::Tester;

fn organizations(t: &Tester) -> Vec<String> {
    match t.app.model.screen() {
        Some(Screen::Organizations(view)) => view.rows.iter().map(|o| o.name.clone()).collect(),
        other => panic!("not the organisations: {other:?}"),
    }
}

#[test]
fn an_organisation_is_added_edited_deleted_and_restored_on_its_own() {
    let mut t = Tester::empty(100, 30);
    t.press("O");
    assert!(
        t.screen().contains("No organisations yet"),
        "{}",
        t.screen()
    );
    // With none, each key that needs one says so.
    for key in ["e", "d", "M", "o", "tab"] {
        t.press(key);
        assert!(
            t.screen().contains("No organisations yet: a adds one"),
            "{key}: {}",
            t.screen()
        );
    }
    t.press("a").type_str("Analytical Engines");
    t.press("tab")
        .type_str("javascript:alert(1)")
        .press("ctrl-s");
    assert!(
        t.screen().contains("a web address looks like"),
        "a website is checked: {}",
        t.screen()
    );
    t.press("ctrl-u")
        .type_str("engines.example")
        .press("ctrl-s");
    assert_eq!(organizations(&t), ["Analytical Engines"]);
    assert!(
        t.screen().contains("engines.example (o opens it)"),
        "{}",
        t.screen()
    );
    t.press("e")
        .press("ctrl-u")
        .type_str("Analytical Engines Ltd")
        .press("ctrl-s");
    assert_eq!(organizations(&t), ["Analytical Engines Ltd"]);
    t.press("d y");
    assert!(organizations(&t).is_empty());
    t.press("u");
    assert_eq!(
        organizations(&t),
        ["Analytical Engines Ltd"],
        "u brings it back"
    );
    // It survives a restart.
    let organizations_now: Vec<Organization> = t.app.store.all(false).unwrap();
    assert_eq!(organizations_now.len(), 1);
}

#[test]
fn two_entries_for_one_organisation_are_merged_and_its_people_opened() {
    let mut t = Tester::demo(120, 30);
    let now = support::clock().timestamp();
    // A second entry for Bluefin Analytics, with someone at it.
    let twin = Organization {
        meta: rolo::domain::Meta::new(now),
        name: "Bluefin Analytics Ltd".into(),
        website: String::new(),
        notes: "Their London office".into(),
    };
    t.app.store.insert(&twin).unwrap();
    let mut ada = Contact::named("Ada Lovelace", now);
    ada.organization_id = Some(twin.meta.id);
    t.app.store.insert(&ada).unwrap();
    t.press("O");
    assert_eq!(organizations(&t)[0], "Bluefin Analytics");
    assert!(
        t.line_with("▶ Bluefin Analytics").contains("7 people"),
        "{}",
        t.screen()
    );
    t.press("M").type_str("Ltd").press("enter ctrl-s");
    assert!(
        t.screen().contains("Merged: 1 person moved over"),
        "{}",
        t.screen()
    );
    assert!(!organizations(&t).contains(&"Bluefin Analytics Ltd".to_string()));
    assert!(
        t.line_with("▶ Bluefin Analytics").contains("8 people"),
        "{}",
        t.screen()
    );
    let kept: Organization = t
        .app
        .store
        .all::<Organization>(false)
        .unwrap()
        .into_iter()
        .find(|o| o.name == "Bluefin Analytics")
        .unwrap();
    assert!(kept.notes.contains("Their London office"));
    // Tab to its people, Enter opens one; Esc comes back to the list.
    t.press("tab enter");
    assert!(matches!(t.app.model.screen(), Some(Screen::Contact(_))));
    t.press("esc");
    assert!(matches!(
        t.app.model.screen(),
        Some(Screen::Organizations(_))
    ));
}

#[test]
fn from_a_contact_the_organisations_open_at_theirs_and_the_palette_names_them() {
    let mut t = Tester::demo(120, 30);
    // Maya Mensah works at Oakridge University, the last of the list.
    t.press("/").type_str("Maya Mensah").press("enter enter O");
    let selected = match t.app.model.screen() {
        Some(Screen::Organizations(view)) => view.selected().unwrap().name.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(selected, "Oakridge University");
    assert!(
        t.screen().contains("▶ Oakridge University"),
        "{}",
        t.screen()
    );
    t.press("H : ").type_str("organisations").press("enter");
    assert!(matches!(
        t.app.model.screen(),
        Some(Screen::Organizations(_))
    ));
}
