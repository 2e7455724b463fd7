//! Every way the app can end gives the terminal back, through the real binary in a
//! pseudo-terminal: each catchable signal that would end the process, and no terminal at all.
//! Notes open in `$EDITOR` when the terminal goes away are kept and offered on the next start.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use support::pty::Pty;

fn start(dir: &tempfile::TempDir, env: &[(&str, &str)]) -> Pty {
    let pty = Pty::spawn(&[], &dir.path().join("rolo.db"), dir.path(), 80, 24, env);
    pty.wait_for("No contacts yet");
    pty
}

#[test]
fn every_ending_signal_restores_the_terminal() {
    for signal in ["TERM", "HUP", "INT", "QUIT", "USR1", "USR2", "ALRM"] {
        let dir = tempfile::tempdir().unwrap();
        let mut pty = start(&dir, &[]);
        std::process::Command::new("kill")
            .args([format!("-{signal}"), pty.pid().to_string()])
            .status()
            .unwrap();
        pty.wait_exit();
        pty.assert_restored();
    }
}

#[test]
fn without_a_terminal_the_app_says_so_and_writes_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let assert = support::rolo(&dir.path().join("rolo.db"))
        .assert()
        .failure()
        .code(1)
        .stderr(contains("needs a terminal"));
    assert!(assert.get_output().stdout.is_empty());
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
}

#[test]
fn notes_being_edited_when_the_terminal_closes_are_offered_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    // An editor that writes the notes, then the terminal goes away under it (rolo is hung up).
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'Met Ada at the meetup; ask about LLVM\\n' > \"$1\"\nkill -HUP $PPID\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut pty = start(&dir, &[("EDITOR", editor.to_str().unwrap())]);
    pty.send(b"a");
    pty.wait_for("New contact");
    pty.send(b"Ada");
    for _ in 0..11 {
        pty.send(b"\t");
    }
    pty.send(b"\x05"); // Ctrl-E: the notes in $EDITOR
    pty.wait_exit();
    pty.assert_restored();

    // Wide enough for the whole message with its path.
    let mut pty = Pty::spawn(&[], &dir.path().join("rolo.db"), dir.path(), 200, 24, &[]);
    pty.wait_for("Notes you were editing when rolo last closed");
    let recovered = dir.path().join("state/rolo/recovered");
    let kept: Vec<String> = std::fs::read_dir(&recovered)
        .unwrap()
        .map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap())
        .collect();
    // The notes as the editor left them, and the form they were for (its name typed).
    assert!(
        kept.contains(&"Met Ada at the meetup; ask about LLVM\n".to_string()),
        "{kept:?}"
    );
    assert!(kept.iter().any(|k| k.contains("Name: Ada")), "{kept:?}");
    pty.quit();
}

/// Ctrl-Z (or SIGTSTP from the shell) gives the terminal back while rolo is stopped; SIGCONT
/// (the shell's `fg`) brings the app back, drawn afresh.
#[test]
fn ctrl_z_steps_aside_and_the_app_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(&dir, &[]);
    for stop in ["ctrl-z", "TSTP"] {
        if stop == "ctrl-z" {
            pty.send(b"\x1a");
        } else {
            std::process::Command::new("kill")
                .args(["-TSTP", &pty.pid().to_string()])
                .status()
                .unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(400));
        pty.assert_restored();
        std::process::Command::new("kill")
            .args(["-CONT", &pty.pid().to_string()])
            .status()
            .unwrap();
        pty.wait_for("No contacts yet");
        assert_eq!(
            pty.mouse_mode(),
            vt100::MouseProtocolMode::AnyMotion,
            "the mouse is taken again ({stop})"
        );
    }
    pty.quit();
}

/// Text typed in a form (a draft, a new contact) when the terminal closes is kept, and offered
/// on the next start as interrupted notes are.
#[test]
fn a_form_with_something_typed_when_the_terminal_closes_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = start(&dir, &[]);
    pty.send(b"a");
    pty.wait_for("New contact");
    pty.send(b"Hedy Lamarr");
    pty.wait_for("Hedy Lamarr");
    let pid = pty.pid();
    std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    pty.wait_exit();
    pty.assert_restored();
    let mut pty = Pty::spawn(&[], &dir.path().join("rolo.db"), dir.path(), 200, 24, &[]);
    pty.wait_for("Notes you were editing when rolo last closed");
    let recovered = dir.path().join("state/rolo/recovered");
    let files: Vec<_> = std::fs::read_dir(&recovered).unwrap().collect();
    assert_eq!(files.len(), 1);
    let kept = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
    assert!(
        kept.starts_with("New contact (rolo was closed while it was open)"),
        "{kept}"
    );
    assert!(kept.contains("Name: Hedy Lamarr"), "{kept}");
    pty.quit();
}

/// The terminal closed while hang-ups are ignored (`nohup`, a shell's `trap '' HUP`): no signal
/// reaches rolo, and its reads end at once with nothing. It must end as a hang-up would, not
/// spin on those reads holding the database's lock.
#[test]
fn a_terminal_gone_without_a_hang_up_ends_the_app() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    // An ignored signal stays ignored across exec.
    let mut command = CommandBuilder::new("sh");
    command.args(["-c", r#"trap '' HUP; exec "$0" --db "$1""#]);
    command.arg(env!("CARGO_BIN_EXE_rolo"));
    command.arg(&db);
    command.env("HOME", dir.path());
    command.env("XDG_STATE_HOME", dir.path().join("state"));
    command.env("XDG_CONFIG_HOME", dir.path().join("config"));
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    // Read until the first frame is drawn (reads block until rolo writes).
    let mut seen = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("No contacts yet") {
        let n = reader.read(&mut buffer).unwrap();
        assert!(n > 0, "rolo ended before its first frame");
        seen.extend_from_slice(&buffer[..n]);
    }
    // Every handle on the terminal's other side closed: the terminal is gone.
    drop((reader, writer, pair.master));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("rolo kept running after its terminal was gone");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?} after {:?}", start.elapsed());
    // Its lock went with it: the file opens again.
    support::rolo(&db).arg("today").assert().success();
}

/// The file is opened while the terminal is being taken on another thread: a file that cannot
/// be opened ends the app with the terminal given back first, and says why on the screen the
/// user returns to.
#[test]
fn a_file_the_app_cannot_open_is_named_after_the_terminal_is_given_back() {
    let dir = tempfile::tempdir().unwrap();
    let not_ours = dir.path().join("notes.db");
    std::fs::write(&not_ours, "shopping: eggs, milk\n".repeat(200)).unwrap();
    let before = std::fs::read(&not_ours).unwrap();
    let mut pty = Pty::spawn(&[], &not_ours, dir.path(), 80, 24, &[]);
    assert!(
        !pty.wait_exit(),
        "rolo fails on a file that is not a database"
    );
    pty.assert_restored();
    let screen = pty.screen();
    assert!(screen.contains("is not an SQLite database"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
    assert_eq!(
        std::fs::read(&not_ours).unwrap(),
        before,
        "not a byte written"
    );
}
