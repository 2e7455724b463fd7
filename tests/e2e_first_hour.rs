//! A new user's first hour, through the real binary in a terminal: from an empty database to a
//! first thank-you sent — adding the person, asking them, setting the meeting, marking it
//! held, drafting and sending the thank-you — with no dead end, and the keys it takes counted
//! (to be kept or lowered), then everything still there after a restart.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use support::pty::Pty;

/// The pseudo-terminal, with every key pressed counted (typed text is not: it is the user's
/// own words, whatever the tool).
struct Walk {
    pty: Pty,
    keys: usize,
}

impl Walk {
    fn key(&mut self, bytes: &[u8], then: &str) {
        self.keys += 1;
        self.pty.send(bytes);
        if !then.is_empty() {
            self.pty.wait_for(then);
        }
    }

    fn text(&mut self, words: &str) {
        self.pty.send(words.as_bytes());
    }
}

/// The keys the walk takes today; a change that needs more is a step back for new users.
const KEYS_AT_MOST: usize = 15;

#[test]
fn from_an_empty_database_to_a_first_thank_you() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let mut walk = Walk {
        pty: Pty::spawn(&[], &db, dir.path(), 100, 30, &[]),
        keys: 0,
    };
    walk.pty.wait_for("No contacts yet — press a to add one");
    // Someone to ask.
    walk.key(b"a", "New contact");
    walk.text("Ada Lovelace");
    walk.key(b"\x13", "Saved Ada Lovelace");
    walk.key(b"\r", "Timeline (");
    // The request.
    walk.key(b"i", "New interview request");
    walk.text("How engines are programmed");
    walk.key(b"\x13", "Request logged");
    // They said yes, and the meeting is set — this morning, so it can be marked held.
    walk.key(b"n", "Set (or move) the meeting");
    walk.key(b"j", "");
    walk.key(b"j", "▶ Set (or move) the meeting");
    walk.key(b"\r", "Set the meeting");
    walk.text("today 8am");
    walk.key(b"\x13", "Meeting set for today 08:00");
    // It happened.
    walk.key(b"n", "▶ The meeting took place");
    walk.key(b"\r", "Met Ada Lovelace");
    // The thank-you, drafted and sent.
    walk.key(b"w", "The thank-you");
    walk.pty.wait_for("Hello Ada,");
    walk.key(b"\x13", "Thank-you sent");
    assert!(
        walk.keys <= KEYS_AT_MOST,
        "the first thank-you took {} keys (at most {KEYS_AT_MOST})",
        walk.keys
    );
    walk.pty.quit();
    // All of it after a restart: the interview is at the write-up, the thank-you behind it.
    let mut pty = Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("Ada Lovelace");
    pty.send(b"\r");
    pty.wait_for("Timeline (");
    pty.wait_for("Thank-you");
    pty.quit();
}
