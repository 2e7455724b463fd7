//! Keys and help: the default keymap reads, and every action a screen accepts has a key in
//! that screen's help.

mod support;

use rolo::tui::action::Action;
use rolo::tui::keymap::Keymap;
use rolo::tui::ui::theme::Theme;
use rolo::tui::update::{accepted, screen_contexts};
use support::tui::Tester;

#[test]
fn help_lists_every_action_each_screen_accepts() {
    let keymap = Keymap::default_keys();
    let mut t = Tester::demo(120, 40);
    let screens = ["", "enter", "P", "4 enter", "P l m", "T"];
    for keys in screens {
        t.press("H").press(keys);
        let bound: Vec<Action> = keymap
            .bindings(screen_contexts(t.app.model.screen()))
            .into_iter()
            .map(|(_, b)| b.action)
            .collect();
        for action in &accepted(&t.app.model) {
            assert!(
                bound.contains(action),
                "{action:?} is accepted after {keys:?} but has no key in its help"
            );
        }
        t.press("?");
        let (lines, _) = rolo::tui::ui::help::lines(
            &keymap,
            screen_contexts(t.app.model.screen()),
            Theme::new(false),
        );
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for (keys, binding) in keymap.bindings(screen_contexts(t.app.model.screen())) {
            assert!(
                text.iter()
                    .any(|l| l.contains(&binding.desc) && l.contains(&keys[0].label()))
            );
        }
        assert!(t.screen().contains("Keys —"), "help opens with ?");
        t.press("esc");
        assert!(!t.app.model.help);
    }
}

#[test]
fn the_default_keymap_parses_and_keys_read_back() {
    let keymap = Keymap::default_keys();
    assert!(
        !keymap
            .bindings(&[rolo::tui::keymap::Context::Global])
            .is_empty()
    );
    assert!(
        Keymap::parse("[nowhere]\n\"x\" = { action = \"quit\", desc = \"d\" }")
            .unwrap_err()
            .contains("[nowhere]")
    );
    assert!(Keymap::parse("[global]\n\"x\" = { action = \"fly\", desc = \"d\" }").is_err());
    assert!(rolo::tui::keymap::Key::parse("ctrl-").is_err());
    assert_eq!(
        rolo::tui::keymap::Key::parse("ctrl-p").unwrap().label(),
        "Ctrl-p"
    );
    assert_eq!(
        rolo::tui::keymap::Key::parse("backtab").unwrap().label(),
        "Shift-Tab"
    );
}
