//! Through the real binary in a terminal: a screen is fresh when it is shown again, and keys
//! the screen shows act (the cases found by trying the app: a step taken in meeting mode left
//! the contact screen at the old stage until Ctrl-R; a, e, d, w did nothing on the pipeline;
//! Ctrl-E did nothing on a one-line field).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use support::pty::Pty;

#[test]
fn a_step_in_meeting_mode_shows_on_the_contact_screen_and_pipeline_keys_act() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db)
        .args(["add", "contact", "--name", "Ada Lovelace"])
        .assert()
        .success();
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("Ada Lovelace");
    pty.send(b"\r");
    pty.wait_for("Timeline (");
    pty.send(b"i");
    pty.wait_for("New interview request");
    pty.send(b"How engines are programmed");
    // Ctrl-E on a one-line field says why it does not open the editor.
    pty.send(b"\x05");
    pty.wait_for("is one line: Ctrl-E opens $EDITOR on a notes field");
    pty.send(b"\x13");
    pty.wait_for("Request logged");
    pty.choose_step("They said yes");
    pty.wait_for("Ada Lovelace accepted");
    pty.wait_for("Meet ");

    // Meeting mode over the contact screen: the meeting took place.
    pty.send(b"m");
    pty.wait_for("Meeting with Ada Lovelace");
    pty.choose_step("The meeting took place");
    pty.wait_for("Met Ada Lovelace");
    // Back on the contact screen, its interview is at the new stage without a reload.
    pty.send(b"\x1b");
    pty.wait_for("Timeline (");
    pty.wait_for("Evaluate");
    assert!(
        !pty.screen().contains("Meet       "),
        "the old stage is still shown:\n{}",
        pty.screen()
    );

    // The pipeline: its help has no keys that do nothing there, and w drafts for the card.
    pty.send(b"P");
    pty.wait_for("Pipeline");
    pty.send(b"?");
    pty.wait_for("Keys — Pipeline");
    let help = pty.screen();
    assert!(!help.contains("Add one") && !help.contains("Delete (asks first)"));
    assert!(help.contains("Draft a message"), "{help}");
    pty.send(b"\x1b");
    // On an empty column w says so; on Ada's card (Evaluate, two columns on) it drafts.
    pty.send(b"w");
    pty.wait_for("No interview here");
    pty.send(b"ll");
    pty.send(b"w");
    pty.wait_for("thank-you");
    pty.send(b"\x1b");
    pty.quit();
}
