//! Hostile input through the whole app (store, effects, screens), not just one form: random
//! key sequences and resizes from every screen never panic; text with control characters and
//! escape sequences is never drawn raw; fields of megabytes neither freeze nor hide what is typed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use proptest::prelude::*;
use rolo::domain::Contact;
use support::tui::{Tester, key_event};

/// Every key the keymap uses and then some, minus the two that leave the test's process
/// (the editor and the clipboard write to the real terminal).
const KEYS: &[&str] = &[
    "j",
    "k",
    "g",
    "G",
    "enter",
    "esc",
    "tab",
    "backtab",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "a",
    "e",
    "d",
    "D",
    "u",
    "T",
    "P",
    "H",
    "R",
    "I",
    "i",
    "n",
    "m",
    "t",
    "w",
    "O",
    "z",
    "/",
    "?",
    "1",
    "2",
    "3",
    "4",
    "y",
    "s",
    "r",
    "o",
    "space",
    "backspace",
    "delete",
    "ctrl-s",
    "ctrl-u",
    "ctrl-w",
    "ctrl-k",
    "ctrl-o",
    "ctrl-r",
    "x",
    "K",
    "J",
    "L",
    "h",
    "l",
    "7",
    "f1",
    "F",
    "S",
    ":",
    "ctrl-p",
    "ctrl-f",
];

#[derive(Debug, Clone)]
enum Input {
    Key(&'static str),
    Text(String),
    Resize(u16, u16),
    Wheel(bool, u16, u16),
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        8 => proptest::sample::select(KEYS).prop_map(Input::Key),
        1 => "\\PC{0,6}|\u{1b}\\[2J|\u{7}|\u{9b}31m".prop_map(Input::Text),
        1 => (20u16..140, 6u16..50).prop_map(|(w, h)| Input::Resize(w, h)),
        1 => (any::<bool>(), 0u16..120, 0u16..40).prop_map(|(down, x, y)| Input::Wheel(down, x, y)),
    ]
}

/// No cell holds a control character or the start of an escape sequence.
fn assert_nothing_raw(t: &Tester) {
    let buffer = t.terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "a control character was drawn: {:?}\n{}",
            cell.symbol(),
            t.screen()
        );
    }
}

proptest! {
    // 40 sequences in CI; ROLO_HOSTILE_CASES=5000 for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("ROLO_HOSTILE_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(40),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_input_on_every_screen_never_panics(
        start in proptest::sample::select(&["", "enter", "P", "4 enter", "P l m", "T", "R", "I", "F", "S", "L", ":"][..]),
        inputs in proptest::collection::vec(input(), 0..60),
    ) {
        let mut t = Tester::demo(100, 30);
        t.press(start);
        for input in inputs {
            match input {
                Input::Key(key) => {
                    t.app.handle(Event::Key(key_event(key)));
                }
                Input::Text(text) => {
                    for c in text.chars() {
                        t.app.handle(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
                    }
                    t.app.handle(Event::Paste(text));
                }
                Input::Resize(w, h) => {
                    t.resize(w, h);
                }
                Input::Wheel(down, column, row) => {
                    let kind = if down { MouseEventKind::ScrollDown } else { MouseEventKind::ScrollUp };
                    t.app.handle(Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }));
                }
            }
            if t.app.model.quit {
                break;
            }
            t.draw();
            assert_nothing_raw(&t);
        }
    }
}

#[test]
fn escape_sequences_in_stored_text_are_never_drawn_raw() {
    let mut t = Tester::empty(100, 30);
    let now = support::clock().timestamp();
    let mut c = Contact::named("Aaa \u{1b}[2J\u{1b}]0;pwned\u{7} Evil", now);
    c.title = "Head \u{9b}31m of \u{8}\u{8}Things".into();
    c.notes = "line one\u{1b}[31m red\r\nline two".into();
    t.app.store.insert(&c).unwrap();
    t.press("ctrl-r");
    assert_nothing_raw(&t);
    t.press("enter");
    assert!(t.screen().contains("Evil"));
    assert_nothing_raw(&t);
    t.press("e");
    assert_nothing_raw(&t);
}

#[test]
fn fields_as_long_as_rolo_holds_draw_and_what_is_typed_is_seen() {
    use rolo::domain::limits::{ONE_LINE, TEXT};
    let mut t = Tester::empty(100, 30);
    let now = support::clock().timestamp();
    let mut c = Contact::named("Aaa Huge", now);
    c.title = "t".repeat(10_000_000);
    assert!(
        t.app.store.insert(&c).is_err(),
        "ten million characters are more than any field holds"
    );
    c.title = "t".repeat(ONE_LINE - 3);
    c.notes = format!("{}\nsecond line", "n".repeat(TEXT - 20));
    t.app.store.insert(&c).unwrap();
    t.press("ctrl-r enter");
    assert!(t.line_with("Notes").contains("nnnn"), "{}", t.screen());
    // Edit: the end of the longest title, with what is typed after it, in view.
    t.press("e");
    while t
        .app
        .model
        .form()
        .is_some_and(|f| f.focused().key != "title")
    {
        t.press("tab");
    }
    t.press("end").type_str("XYZW");
    assert!(t.line_with("Title").contains("tttXYZ"), "{}", t.screen());
    assert_eq!(
        t.app
            .model
            .form()
            .unwrap()
            .field(rolo::form::FieldKey::Title)
            .unwrap()
            .input
            .value()
            .len(),
        ONE_LINE,
        "typing stops at the limit"
    );
}
