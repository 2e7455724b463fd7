//! The command palette: `:` or Ctrl-P, typed names narrow it, Enter runs the action, Esc closes;
//! it offers what the current screen takes, each with its key. Also through the real binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::tui::dispatch::acting;
use rolo::tui::model::Screen;
use support::pty::Pty;
use support::tui::Tester;

#[test]
fn typing_insights_and_enter_opens_the_insights() {
    let mut t = Tester::demo(100, 30);
    t.press(":");
    assert!(t.screen().contains("Commands"));
    t.type_str("insights");
    let best = t.app.model.palette().and_then(|p| p.selected().cloned());
    assert_eq!(best.map(|e| e.name), Some("insights".to_string()));
    assert!(t.line_with("▶ insights").contains("S"), "{}", t.screen());
    t.press("enter");
    assert!(matches!(t.app.model.screen(), Some(Screen::Insights(_))));
    assert!(t.app.model.palette().is_none());
}

#[test]
fn quit_by_name_quits_and_esc_only_closes() {
    let mut t = Tester::demo(100, 30);
    t.press("ctrl-p").type_str("qui");
    t.press("esc");
    assert!(t.app.model.palette().is_none() && !t.app.model.quit);
    t.press(":").type_str("quit");
    t.press("enter");
    assert!(t.app.model.quit);
    // A key typed as the command (vim's :q) runs what that key does.
    let mut t = Tester::demo(100, 30);
    t.press(":").type_str("q").press("enter");
    assert!(t.app.model.quit, ":q quits");
    let mut t = Tester::demo(100, 30);
    t.press(":").type_str("?").press("enter");
    assert!(t.screen().contains("Keys"), ":? is help: {}", t.screen());
}

#[test]
fn it_offers_what_the_screen_takes_with_each_key() {
    let mut t = Tester::demo(100, 30);
    t.press("enter");
    let takes = acting(&t.app.model, &support::clock());
    t.press(":");
    let palette = t.app.model.palette().cloned().expect("open");
    assert!(palette.entries.iter().all(|e| takes.contains(&e.action)));
    let touch = palette
        .entries
        .iter()
        .find(|e| e.name == "log a touch")
        .unwrap();
    assert_eq!(touch.keys, "t");
    // Nothing by a name that is not there; Backspace brings them back.
    t.type_str("zzzz");
    assert!(t.screen().contains("No action by that name here"));
    t.press("backspace backspace backspace backspace");
    assert_eq!(
        t.app.model.palette().unwrap().matches.len(),
        palette.entries.len()
    );
}

#[test]
fn the_real_binary_goes_from_the_palette_to_the_insights() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db).args(["demo"]).assert().success();
    let mut pty = Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("1 Contacts (61)");
    pty.send(b":");
    pty.wait_for("Commands");
    pty.send(b"insights");
    pty.wait_for("▶ insights");
    pty.send(b"\r");
    pty.wait_for("Funnel");
    pty.wait_for("Organisations: 10 covered");
    pty.quit();
}
