//! Keys and help: the default keymap reads, and every action a screen accepts has a key in
//! that screen's help.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::tui::dispatch::screen_contexts;
use rolo::tui::keys::keymap::Keymap;
use support::tui::Tester;

#[test]
fn help_lists_every_key_of_each_screen_with_what_it_does() {
    let keymap = Keymap::default_keys();
    // Tall enough for the longest help (a contact's) to show whole.
    let mut t = Tester::demo(120, 60);
    let screens = ["", "enter", "P", "4 enter", "P l m", "T"];
    for keys in screens {
        t.press("H").press(keys);
        t.press("?");
        let text = t.screen();
        for (keys, binding) in keymap.bindings(screen_contexts(t.app.model.screen())) {
            let first_words: String = binding.desc.chars().take(20).collect();
            assert!(
                text.contains(&keys[0].label()) && text.contains(&first_words),
                "{first_words:?} is missing from help:\n{text}"
            );
        }
        assert!(t.screen().contains("Keys —"), "help opens with ?");
        t.press("esc");
        assert!(!t.app.model.help());
    }
}

/// A config file's `[keys.CONTEXT] "KEY" = "ACTION"` line.
fn patch(context: &str, key: &str, action: &str) -> rolo::config::KeyPatch {
    rolo::config::KeyPatch {
        context: context.into(),
        key: key.into(),
        action: action.into(),
        line: 1,
    }
}

/// build.rs compiles assets/keymap.toml into a table so that no start reads TOML: that table
/// must make the very keymap the file read as TOML makes, order and words included.
#[test]
fn the_compiled_default_keys_are_the_keymap_file() {
    let from_file = Keymap::parse(include_str!("../assets/keymap.toml")).unwrap();
    assert_eq!(
        format!("{:?}", Keymap::default_keys()),
        format!("{from_file:?}")
    );
    assert!(format!("{from_file:?}").contains("The daily review"));
}

#[test]
fn the_default_keymap_parses_and_keys_read_back() {
    let keymap = Keymap::default_keys();
    assert!(
        !keymap
            .bindings(&[rolo::tui::keys::keymap::Context::Global])
            .is_empty()
    );
    assert!(
        Keymap::parse("[nowhere]\n\"x\" = { action = \"quit\", desc = \"d\" }")
            .unwrap_err()
            .contains("[nowhere]")
    );
    assert!(Keymap::parse("[global]\n\"x\" = { action = \"fly\", desc = \"d\" }").is_err());
    assert!(rolo::tui::keys::keymap::Key::parse("ctrl-").is_err());
    assert_eq!(
        rolo::tui::keys::keymap::Key::parse("ctrl-p")
            .unwrap()
            .label(),
        "Ctrl-p"
    );
    assert_eq!(
        rolo::tui::keys::keymap::Key::parse("backtab")
            .unwrap()
            .label(),
        "Shift-Tab"
    );
}

/// A key the config adds for an action in a screen's own context leaves the action's footer
/// hint as it was: home's footer still says "R review" with W bound to the review there.
#[test]
fn a_key_added_by_the_config_keeps_the_actions_footer_hint() {
    let (keymap, warnings) = Keymap::default_keys().patched(&[patch("home", "W", "open_review")]);
    assert!(warnings.is_empty(), "{warnings:?}");
    let home = screen_contexts(None);
    let footer = keymap.footer(home);
    assert!(
        footer.contains(&("W/R".to_string(), "review".to_string())),
        "{footer:?}"
    );
    // R given to the pipeline: the review is still in the footer, under W.
    let (keymap, _) = Keymap::default_keys().patched(&[
        patch("home", "W", "daily_review"),
        patch("home", "R", "pipeline"),
    ]);
    let footer = keymap.footer(home);
    assert!(
        footer.contains(&("W".to_string(), "review".to_string())),
        "{footer:?}"
    );
    assert_eq!(
        keymap.action(home, rolo::tui::keys::keymap::Key::parse("W").unwrap()),
        Some(rolo::tui::keys::action::Action::OpenReview)
    );
}

/// The config names an action as the palette shows it (with _ for spaces) or by its own name;
/// a name that is neither says which are near (the message pointed at a file not shipped).
#[test]
fn the_config_names_actions_as_the_palette_shows_them() {
    use rolo::tui::keys::action::Action;
    assert_eq!(
        Action::from_config_name("daily_review"),
        Ok(Action::OpenReview)
    );
    assert_eq!(
        Action::from_config_name("Daily review"),
        Ok(Action::OpenReview)
    );
    assert_eq!(
        Action::from_config_name("pipeline"),
        Ok(Action::OpenPipeline)
    );
    assert_eq!(
        Action::from_config_name("open_pipeline"),
        Ok(Action::OpenPipeline)
    );
    let far = Action::from_config_name("fly").unwrap_err();
    assert!(far.contains("command palette"), "{far}");
    let near = Action::from_config_name("insight_board").unwrap_err();
    assert!(near.contains("open_insights"), "{near}");
    let (_, warnings) = Keymap::default_keys().patched(&[patch("global", "W", "daily_review")]);
    assert!(warnings.is_empty(), "{warnings:?}");
    let (_, warnings) = Keymap::default_keys().patched(&[patch("global", "W", "fly")]);
    assert_eq!(warnings.len(), 1);
}

/// A config cannot take Ctrl-C: it is the way out every screen keeps (with q and Ctrl-C both
/// bound to something else, only a signal ended rolo), and the warning says so.
#[test]
fn a_config_cannot_take_away_every_way_to_quit() {
    let ctrl_c = rolo::tui::keys::keymap::Key::parse("ctrl-c").unwrap();
    for context in ["global", "home", "list"] {
        let (keymap, warnings) = Keymap::default_keys().patched(&[
            patch(context, "q", "open_pipeline"),
            patch(context, "Ctrl-C", "open_pipeline"),
        ]);
        assert_eq!(
            keymap.action(screen_contexts(None), ctrl_c),
            Some(rolo::tui::keys::action::Action::Quit),
            "[keys.{context}]"
        );
        assert!(
            warnings.iter().any(|w| w.message.contains("ctrl-c quits")),
            "{warnings:?}"
        );
    }
}

/// Where text is typed (forms, the filter, meeting mode's answers, the palette) a plain key is
/// a letter: a config cannot bind one there (it was swallowed while typing). Help's own
/// spelling of a key, Shift-Tab, is read.
#[test]
fn a_config_cannot_bind_a_letter_where_text_is_typed() {
    for context in ["form", "filter", "typing", "palette"] {
        let (keymap, warnings) =
            Keymap::default_keys().patched(&[patch(context, "W", "daily_review")]);
        assert!(
            warnings.iter().any(|w| w.message.contains("typed text")),
            "[keys.{context}]: {warnings:?}"
        );
        let context = serde_json::from_value(serde_json::json!(context)).unwrap();
        assert_ne!(
            keymap.action(
                &[context],
                rolo::tui::keys::keymap::Key::parse("W").unwrap()
            ),
            Some(rolo::tui::keys::action::Action::OpenReview)
        );
    }
    let (_, warnings) = Keymap::default_keys().patched(&[patch("form", "alt-w", "daily_review")]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        rolo::tui::keys::keymap::Key::parse("shift-tab").unwrap(),
        rolo::tui::keys::keymap::Key::parse("backtab").unwrap()
    );
}
