//! The real binary in a pseudo-terminal, on a temporary database filled by `rolo demo`:
//! open, move between panes, open a contact and go back, filter, open help, quit — and the
//! terminal is restored however rolo ends.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use support::pty::Pty;

struct Session {
    pty: Pty,
    _dir: tempfile::TempDir,
}

/// `rolo demo`, then `rolo` on that database, waiting for its first frame.
fn start(cols: u16, rows: u16, extra_env: &[(&str, &str)]) -> Session {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db).args(["demo"]).assert().success();
    let pty = Pty::spawn(&[], &db, dir.path(), cols, rows, extra_env);
    pty.wait_for("1 Contacts (61)");
    Session { pty, _dir: dir }
}

#[test]
fn a_user_moves_around_and_quits() {
    let mut s = start(120, 40, &[]);
    let pty = &mut s.pty;
    pty.wait_for("Upcoming meetings");
    pty.wait_for("Follow-ups");
    pty.wait_for("Question lists");
    pty.wait_for("overdue");
    assert_ne!(
        pty.mouse_mode(),
        vt100::MouseProtocolMode::None,
        "the mouse is on by default"
    );

    // Focus moves between panes; 4 then Enter opens the first question list.
    pty.send(b"\t");
    pty.send(b"4");
    pty.send(b"\r");
    pty.wait_for("What does your role involve");
    pty.send(b"\x1b");
    pty.wait_for("1 Contacts (61)");

    // Open a contact and come back with the selection where it was.
    pty.send(b"1");
    pty.send(b"j");
    pty.send(b"j");
    pty.send(b"\r");
    pty.wait_for("Timeline (");
    pty.wait_for("Amara Okafor");
    pty.send(b"\x1b");
    pty.wait_for("1 Contacts (61)");
    assert!(
        pty.screen().lines().any(|l| l.contains("▶ Amara Okafor")),
        "{}",
        pty.screen()
    );

    // Filter the contacts.
    pty.send(b"/");
    pty.send(b"okafor");
    pty.wait_for("1 Contacts (2 of 61)");
    pty.send(b"\x1b");
    pty.wait_for("1 Contacts (61)");

    // Help, then close it.
    pty.send(b"?");
    pty.wait_for("Keys — Home");
    pty.wait_for("Focus the next pane");
    pty.send(b"\x1b");

    // The pipeline.
    pty.send(b"P");
    pty.wait_for("Thank-you (");
    pty.send(b"\x1b");

    pty.quit();
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut s = start(80, 24, &[]);
    s.pty.send(b"\x03");
    assert!(s.pty.wait_exit());
    s.pty.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = start(80, 24, &[]);
    let pid = s.pty.pid();
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(s.pty.wait_exit(), "a SIGTERM ends rolo cleanly");
    s.pty.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_says_where_the_report_is() {
    let mut s = start(80, 24, &[("ROLO_DEBUG_PANIC_ON_KEY", "!")]);
    s.pty.send(b"!");
    assert!(!s.pty.wait_exit(), "a panic is a failure");
    s.pty.assert_restored();
    s.pty.wait_for("the report is in");
    let state = s._dir.path().join("state").join("rolo");
    let reports: Vec<_> = std::fs::read_dir(&state)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().contains("crash-"))
        .collect();
    assert_eq!(reports.len(), 1, "one crash report in {}", state.display());
    assert_eq!(
        support::mode_of(&reports[0]),
        0o600,
        "the report is private"
    );
    assert_eq!(support::mode_of(&state), 0o700);
}

#[test]
fn mouse_capture_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let mut pty = Pty::spawn(&["--no-mouse"], &db, dir.path(), 80, 24, &[]);
    pty.wait_for("No contacts yet — press a");
    assert_eq!(pty.mouse_mode(), vt100::MouseProtocolMode::None);
    pty.quit();
}

#[test]
fn a_contact_added_from_another_shell_appears_while_rolo_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db).args(["demo"]).assert().success();
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("1 Contacts (61)");
    support::rolo(&db)
        .args([
            "add",
            "contact",
            "--name",
            "Aaron Aardvark",
            "--org",
            "Zoo Trust",
        ])
        .assert()
        .success();
    pty.wait_for("1 Contacts (62)");
    pty.wait_for("Aaron Aardvark · Zoo Trust");
    pty.quit();
}
