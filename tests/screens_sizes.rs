//! Help, every dialog and the contact screen at four terminal sizes, from one too small to use
//! to a wide one: boxes size to the terminal, wrap their text and never cut it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use support::tui::Tester;

const SIZES: [(u16, u16); 4] = [(40, 12), (80, 24), (120, 40), (250, 70)];

/// Each view by name, and the keys that open it from home on the demo data (a word after ' is
/// typed).
const VIEWS: [(&str, &str); 9] = [
    ("help", "?"),
    ("contact", "/ 'Dmitri enter enter"),
    ("contact_card", "/ 'Dmitri enter enter v"),
    ("form", "a"),
    ("form_discard", "a x esc"),
    ("confirm", "d"),
    ("step_menu", "P l n"),
    ("palette", ":"),
    ("timeline_entry", "/ 'Dmitri enter enter tab tab tab enter"),
];

#[test]
fn every_box_at_every_size() {
    for (name, keys) in VIEWS {
        for (width, height) in SIZES {
            let mut t = Tester::demo(width, height);
            for key in keys.split(' ') {
                match key.strip_prefix('\'') {
                    Some(text) => t.type_str(text),
                    None => t.press(key),
                };
            }
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), t.screen());
        }
    }
}

#[test]
fn a_terminal_too_small_says_so_and_a_bigger_one_goes_on() {
    let mut t = Tester::demo(40, 12);
    assert!(t.screen().contains("Terminal too small"), "{}", t.screen());
    // Behind the notice nothing acts: a delete typed blind changes nothing.
    let before = t.app.store.count::<rolo::domain::Contact>().unwrap();
    t.press("d y");
    assert_eq!(
        t.app.store.count::<rolo::domain::Contact>().unwrap(),
        before
    );
    t.resize(80, 24);
    assert!(t.screen().contains("Contacts"), "{}", t.screen());
    assert!(!t.app.model.quit);
    t.resize(40, 12).press("q");
    assert!(t.app.model.quit, "q quits even then");
}

#[test]
fn long_help_scrolls_to_its_last_key() {
    let mut t = Tester::demo(80, 24);
    t.press("?");
    assert!(t.screen().contains("more below"), "{}", t.screen());
    t.press("G");
    assert!(t.screen().contains("Show the trash"), "{}", t.screen());
    assert!(!t.screen().contains("more below"));
}

/// A contact pane taller than one read of the list is filled on the first frame, after a jump
/// to the end and back: no row is left a placeholder (at 65 rows and more, one read fell
/// short and the rest showed "…" until a key was pressed).
#[test]
fn a_tall_contact_pane_is_filled_from_the_first_frame() {
    let placeholders = |t: &Tester| {
        t.screen()
            .lines()
            .filter(|line| line.starts_with("│  …") || line.starts_with("│▶ …"))
            .count()
    };
    for height in [66, 130, 300] {
        let mut t = Tester::with_contacts(120, height, 700);
        assert_eq!(placeholders(&t), 0, "{}", t.screen());
        t.press("G");
        assert_eq!(placeholders(&t), 0, "{}", t.screen());
        t.press("g");
        assert_eq!(placeholders(&t), 0, "{}", t.screen());
    }
}
