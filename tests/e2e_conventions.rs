//! Through the real binary in a terminal, the keys users of terminal tools expect: `x` marks a
//! follow-up done from a list and `u` brings it back; `o` hands a contact's link to the system's
//! opener; `y` copies through the terminal (OSC 52); h / l move between home's panes; Ctrl-C
//! in a form with something typed asks before dropping it; `:q` quits.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::os::unix::fs::PermissionsExt;

use support::pty::Pty;

/// A stand-in for `xdg-open` that writes down what it was asked to open.
fn fake_opener(dir: &std::path::Path) -> (String, std::path::PathBuf) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let opened = dir.join("opened");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
            opened.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    (path, opened)
}

fn wait_for_file(path: &std::path::Path) -> String {
    for _ in 0..100 {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("{} was never written", path.display());
}

#[test]
fn list_keys_open_copy_panes_cancel_and_quit_as_terminal_users_expect() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db)
        .args([
            "add",
            "contact",
            "--name",
            "Ada Lovelace",
            "--linkedin",
            "linkedin.com/in/ada-lovelace",
        ])
        .assert()
        .success();
    support::rolo(&db)
        .args([
            "add",
            "follow-up",
            "--contact",
            "Ada",
            "--due",
            "today",
            "--title",
            "Send the paper",
        ])
        .assert()
        .success();
    let (path, opened) = fake_opener(dir.path());
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[("PATH", &path)]);
    pty.wait_for("Send the paper");

    // o on the contacts list opens her LinkedIn page (made a whole web address).
    pty.send(b"o");
    pty.wait_for("Opened https://linkedin.com/in/ada-lovelace");
    assert_eq!(
        wait_for_file(&opened).trim(),
        "https://linkedin.com/in/ada-lovelace"
    );

    // y copies the selection through the terminal.
    pty.send(b"y");
    pty.wait_for("Copied");
    assert!(
        pty.raw_text().contains("\u{1b}]52;c;"),
        "no OSC 52 sequence was written"
    );

    // l moves to the next pane, h back; x on the follow-up marks it done, u brings it back.
    pty.send(b"ll");
    pty.send(b"x");
    pty.wait_for("Done: Send the paper");
    pty.wait_for("0 due today");
    pty.send(b"u");
    pty.wait_for("is open again");
    pty.wait_for("1 due today");
    // And on her own screen.
    pty.send(b"hh");
    pty.send(b"\r");
    pty.wait_for("Timeline (");
    pty.send(b"o");
    pty.wait_for("Opened https://");
    for _ in 0..100 {
        if wait_for_file(&opened).lines().count() == 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(wait_for_file(&opened).lines().count(), 2);
    pty.send(b"\x1b");

    // Ctrl-C in a form with something typed asks first; n keeps the form and the text.
    pty.send(b"a");
    pty.wait_for("New contact");
    pty.send(b"Grace Hopper");
    pty.send(b"\x03");
    pty.wait_for("Discard");
    pty.send(b"n");
    pty.wait_for("Grace Hopper");
    pty.send(b"\x03");
    pty.wait_for("Discard");
    pty.send(b"y");
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(!pty.screen().contains("New contact"), "{}", pty.screen());

    // :q quits, as in vim, and leaves the terminal as it was.
    pty.send(b":");
    pty.send(b"q");
    pty.send(b"\r");
    assert!(pty.wait_exit(), "rolo exited with a failure");
    pty.assert_restored();
}
