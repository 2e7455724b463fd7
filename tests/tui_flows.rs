//! The app driven key by key (no terminal): focus, zoom, movement at scale, opening and going
//! back, filtering, help, the mouse, colour off, and refreshing when another process writes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use crossterm::event::MouseEventKind;
use rolo::domain::Contact;
use rolo::store::{Page, Store};
use rolo::tui::data::effect::Effect;
use rolo::tui::model::{Pane, Screen, Section};
use rolo::tui::view::theme::Theme;
use support::tui::Tester;

#[test]
fn focus_moves_with_tab_shift_tab_and_numbers() {
    let mut t = Tester::demo(120, 40);
    assert_eq!(t.app.model.focus(), Pane::Contacts);
    t.press("tab");
    assert_eq!(t.app.model.focus(), Pane::Meetings);
    t.press("tab tab tab");
    assert_eq!(t.app.model.focus(), Pane::Contacts, "Tab wraps around");
    t.press("backtab");
    assert_eq!(t.app.model.focus(), Pane::QuestionLists);
    for (key, pane) in [
        ("1", Pane::Contacts),
        ("2", Pane::Meetings),
        ("3", Pane::FollowUps),
        ("4", Pane::QuestionLists),
    ] {
        t.press(key);
        assert_eq!(t.app.model.focus(), pane);
    }
}

#[test]
fn a_pane_zooms_and_comes_back_with_its_selection() {
    let mut t = Tester::demo(120, 40);
    t.press("3 j j z");
    assert!(t.screen().contains("3 Follow-ups"));
    assert!(
        !t.screen().contains("1 Contacts"),
        "zoomed: only the follow-ups pane shows"
    );
    assert_eq!(t.app.model.home.follow_ups.nav.selected, 2);
    t.press("esc");
    assert!(t.screen().contains("1 Contacts") && t.screen().contains("3 Follow-ups"));
    assert_eq!(
        t.app.model.home.follow_ups.nav.selected, 2,
        "the selection is kept per pane"
    );
}

#[test]
fn selections_are_kept_per_pane() {
    let mut t = Tester::demo(120, 40);
    t.press("j j j 2 j 1");
    assert_eq!(t.app.model.home.contacts.nav.selected, 3);
    assert_eq!(t.app.model.home.meetings.nav.selected, 1);
}

/// At a few thousand contacts only a window is loaded, and every key leaves the selected row
/// loaded and in name order.
#[test]
fn movement_through_a_large_list_loads_only_a_window() {
    let mut t = Tester::with_contacts(100, 30, 3_000);
    let total = t.app.model.home.contacts.total;
    assert_eq!(total as u64, t.app.store.count::<Contact>().unwrap());
    assert!(total > 3_000, "the demo's redirects add contacts");
    assert!(
        t.app.model.home.contacts.rows.len() < 500,
        "only a window is loaded"
    );
    let names = |t: &Tester| {
        t.app
            .model
            .home
            .contacts
            .rows
            .iter()
            .map(|r| r.name.to_lowercase())
            .collect::<Vec<_>>()
    };
    t.press("G");
    let pane = &t.app.model.home.contacts;
    assert_eq!(pane.nav.selected, total - 1);
    let last = t
        .app
        .store
        .contacts_page(Page {
            offset: total as u64 - 1,
            limit: 1,
        })
        .unwrap();
    assert_eq!(pane.selected().unwrap().name, last[0].name);
    assert!(t.screen().contains(&last[0].name));
    t.press("g");
    assert_eq!(t.app.model.home.contacts.nav.selected, 0);
    for _ in 0..40 {
        t.press("pagedown");
        let pane = &t.app.model.home.contacts;
        assert!(
            pane.selected().is_some(),
            "the selected row is loaded at {}",
            pane.nav.selected
        );
        let loaded = names(&t);
        assert!(
            loaded.windows(2).all(|w| w[0] <= w[1]),
            "rows stay in name order"
        );
    }
    let expected = t
        .app
        .store
        .contacts_page(Page {
            offset: t.app.model.home.contacts.nav.selected as u64,
            limit: 1,
        })
        .unwrap();
    assert_eq!(
        t.app.model.home.contacts.selected().unwrap().id,
        expected[0].id
    );
    for _ in 0..40 {
        t.press("k pageup");
        assert!(t.app.model.home.contacts.selected().is_some());
    }
    let expected = t
        .app
        .store
        .contacts_page(Page {
            offset: t.app.model.home.contacts.nav.selected as u64,
            limit: 1,
        })
        .unwrap();
    assert_eq!(
        t.app.model.home.contacts.selected().unwrap().id,
        expected[0].id
    );
}

#[test]
fn opening_a_contact_and_going_back_keeps_the_selection() {
    let mut t = Tester::demo(120, 40);
    t.press("j j j");
    let name = t.app.model.home.contacts.selected().unwrap().name.clone();
    t.press("enter");
    assert!(
        t.screen().lines().next().unwrap().contains(&name),
        "the header names the contact"
    );
    assert!(t.screen().contains("Timeline"));
    t.press("esc");
    assert!(t.app.model.stack.is_empty());
    assert_eq!(t.app.model.home.contacts.nav.selected, 3);
}

#[test]
fn a_referral_link_opens_the_other_contact() {
    let mut t = Tester::demo(120, 40);
    let referred: Contact = t
        .app
        .store
        .all::<Contact>(false)
        .unwrap()
        .into_iter()
        .find(|c| c.referred_by.is_some())
        .unwrap();
    let referrer: Contact = t.app.store.get(referred.referred_by.unwrap()).unwrap();
    t.app
        .run_effects(vec![Effect::OpenContact(referred.meta.id)]);
    t.draw();
    assert!(t.line_with("referred by").contains(&referrer.name));
    t.press("enter");
    let Some(Screen::Contact(detail)) = t.app.model.screen() else {
        panic!("a contact screen")
    };
    assert_eq!(detail.contact.meta.id, referrer.meta.id);
    assert!(t.screen().contains(&format!("referred {}", referred.name)));
    t.press("esc");
    let Some(Screen::Contact(detail)) = t.app.model.screen() else {
        panic!("back to the first contact")
    };
    assert_eq!(detail.contact.meta.id, referred.meta.id);
}

#[test]
fn tab_moves_between_the_contact_sections() {
    let mut t = Tester::demo(120, 40);
    t.press("enter tab");
    let Some(Screen::Contact(detail)) = t.app.model.screen() else {
        panic!()
    };
    assert_eq!(detail.section, Section::Interviews);
    t.press("tab tab j");
    let Some(Screen::Contact(detail)) = t.app.model.screen() else {
        panic!()
    };
    assert_eq!(detail.section, Section::Timeline);
    assert_eq!(detail.nav(Section::Timeline).selected, 1);
}

#[test]
fn the_pipeline_moves_between_columns_and_opens_an_interview_and_its_contact() {
    let mut t = Tester::demo(120, 40);
    t.press("P");
    assert!(t.screen().contains("Request (") && t.screen().contains("Done ("));
    t.press("l l");
    let Some(Screen::Pipeline(board)) = t.app.model.screen() else {
        panic!()
    };
    assert_eq!(board.column, 2);
    let card = board.columns[2].cards[0].clone();
    // Enter: the interview whole; o: its contact.
    t.press("enter");
    let Some(Screen::Interview(view)) = t.app.model.screen() else {
        panic!("{}", t.screen())
    };
    assert_eq!(view.interview.meta.id, card.interview_id);
    t.press("o");
    let Some(Screen::Contact(detail)) = t.app.model.screen() else {
        panic!()
    };
    assert_eq!(detail.contact.meta.id, card.contact_id);
    t.press("esc esc esc");
    assert!(t.app.model.stack.is_empty());
}

#[test]
fn a_question_list_opens_to_its_questions() {
    let mut t = Tester::demo(120, 40);
    t.press("4 j enter");
    assert!(t.screen().contains("Changing careers (6)"));
    assert!(t.screen().contains("1. Which of the experience I bring"));
}

#[test]
fn filtering_narrows_opens_and_clears() {
    let mut t = Tester::demo(120, 40);
    t.press("/").type_str("okafor");
    let filter = t.app.model.filter.as_ref().unwrap();
    assert_eq!(filter.matches.len(), 2, "{}", t.screen());
    assert!(t.screen().contains("1 Contacts (2 of 61)"));
    t.type_str("zz");
    assert!(t.screen().contains("Nothing matches"));
    t.press("backspace backspace enter j");
    assert_eq!(
        t.app.model.filter.as_ref().unwrap().nav.selected,
        1,
        "after Enter, keys move in the matches"
    );
    let selected = t.app.model.filter.as_ref().unwrap().selected().unwrap();
    let chosen = t
        .app
        .model
        .contact_index
        .as_ref()
        .unwrap()
        .name(selected)
        .to_string();
    t.press("enter");
    assert!(t.screen().lines().next().unwrap().contains(&chosen));
    t.press("esc esc");
    assert!(t.app.model.filter.is_none(), "Esc clears the filter");
    assert!(t.screen().contains("1 Contacts (61)"));
}

#[test]
fn the_other_panes_filter_too() {
    let mut t = Tester::demo(120, 40);
    t.press("3 /").type_str("thank");
    let filter = t.app.model.filter.as_ref().unwrap();
    assert_eq!(filter.pane, Pane::FollowUps);
    assert!(!filter.matches.is_empty());
    for index in filter.matches.iter() {
        assert!(
            t.app.model.home.follow_ups.rows[*index as usize]
                .title
                .to_lowercase()
                .contains("thank")
        );
    }
}

#[test]
fn the_mouse_focuses_selects_opens_and_scrolls() {
    let mut t = Tester::demo(120, 40);
    // Row 3 of the screen is the third row of the meetings pane (header, border, rows).
    t.click(80, 4);
    assert_eq!(t.app.model.focus(), Pane::Meetings);
    assert_eq!(t.app.model.home.meetings.nav.selected, 2);
    t.click(80, 4);
    assert!(
        matches!(t.app.model.screen(), Some(Screen::Contact(_))),
        "a second click opens"
    );
    t.press("esc");
    t.mouse(MouseEventKind::ScrollDown, 10, 10);
    assert_eq!(
        t.app.model.focus(),
        Pane::Meetings,
        "the wheel does not move focus"
    );
    assert_eq!(t.app.model.home.contacts.nav.top, 3);
    assert!(t.app.model.home.contacts.nav.selected >= 3);
}

#[test]
fn without_colour_the_selection_is_still_visible() {
    let db = support::TempStore::new();
    rolo::demo::fill(&db.store, 60, &support::clock()).unwrap();
    let store = Store::open(&db.path()).unwrap();
    let t = Tester::on(store, 80, 24, Some(db), Theme::new(false));
    let buffer = t.terminal.backend().buffer();
    let selected_row = (0..24)
        .find(|y| buffer[(1, *y)].symbol() == "▶")
        .expect("a selection marker");
    let cell = &buffer[(3, selected_row)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::BOLD));
    assert!(
        !cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "reverse video is reset under NO_COLOR"
    );
    for y in 0..24 {
        for x in 0..80 {
            assert_eq!(
                buffer[(x, y)].fg,
                ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
        }
    }
}

#[test]
fn a_resize_keeps_the_selection_on_screen() {
    let mut t = Tester::demo(120, 40);
    t.press("j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j");
    t.resize(80, 24);
    let name = t.app.model.home.contacts.selected().unwrap().name.clone();
    assert!(t.screen().contains(&name));
}

#[test]
fn another_process_adding_a_contact_refreshes_the_screen() {
    let mut t = Tester::demo(120, 40);
    let before = t.app.model.home.contacts.total;
    let other = Store::open(t.app.store.path()).unwrap();
    other
        .insert(&Contact::named(
            "Aaron Aardvark",
            support::clock().timestamp(),
        ))
        .unwrap();
    t.app.notice_outside_changes();
    t.draw();
    assert_eq!(t.app.model.home.contacts.total, before + 1);
    assert!(t.screen().contains("Aaron Aardvark"));
}

#[test]
fn an_empty_database_says_what_to_do() {
    let t = Tester::empty(120, 40);
    assert!(t.screen().contains("No contacts yet — press a to add one"));
    assert!(t.screen().contains("No meetings in the next two weeks"));
}

#[test]
fn a_file_only_read_refuses_a_delete_before_asking() {
    let mut t = Tester::demo(100, 30);
    t.app.store.refuse_writes("another rolo has the file open");
    t.app.model.read_only = true;
    t.press("d");
    assert!(t.app.model.confirm().is_none(), "no question asked");
    assert!(
        t.screen().contains("another rolo has the file open"),
        "{}",
        t.screen()
    );
}
