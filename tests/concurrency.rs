//! Several processes on one file: the app open while `rolo add` and `rolo import` write from
//! other shells (nothing lost, no "database is locked" for anyone, the app shows the new
//! records); a second app on the same file is offered it read-only; files rolo cannot write
//! are refused with a message, untouched.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::process::Command;

use rolo::store::{Store, StoreError, lock};
use support::pty::Pty;

#[test]
fn the_app_lock_is_held_once_and_let_go_on_drop() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let first = lock::try_lock(&db).unwrap();
    assert!(first.is_some());
    assert!(
        lock::try_lock(&db).unwrap().is_none(),
        "a second app finds it held"
    );
    drop(first);
    assert!(
        lock::try_lock(&db).unwrap().is_some(),
        "free again once the first closes"
    );
    assert_eq!(support::mode_of(&lock::lock_path(&db)), 0o600);
}

/// However the second app names the file — through a symlink, with `..`, by a hard link — it
/// finds the first app's lock.
#[test]
fn the_app_lock_follows_the_file_not_the_path_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let first = lock::try_lock(&db).unwrap();
    assert!(first.is_some());
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let hard = dir.path().join("hard.db");
    std::fs::hard_link(&db, &hard).unwrap();
    std::fs::create_dir(dir.path().join("inner")).unwrap();
    for other in [
        link,
        hard,
        dir.path().join("inner").join("..").join("rolo.db"),
        dir.path().join(".").join("rolo.db"),
    ] {
        assert!(
            lock::try_lock(&other).unwrap().is_none(),
            "{} took a second lock",
            other.display()
        );
    }
}

#[test]
fn a_read_only_store_reads_and_refuses_every_write() {
    let db = support::TempStore::new();
    rolo::demo::fill(&db.store, 12, &support::clock()).unwrap();
    let looking = Store::open_read_only(&db.path(), rolo::store::HELD_BY_ANOTHER_APP).unwrap();
    assert_eq!(
        looking.contacts_total().unwrap(),
        db.store.contacts_total().unwrap()
    );
    let refused = looking.add_contact(
        &rolo::store::NewContact {
            name: "Nope".into(),
            ..Default::default()
        },
        support::clock().timestamp(),
    );
    assert!(
        matches!(refused, Err(StoreError::ReadOnly { .. })),
        "{refused:?}"
    );
}

#[test]
fn a_file_rolo_cannot_write_is_refused_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let db = support::TempStore::new();
    let path = db.path();
    drop(db.store);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    // Root writes through permissions: then the file is made immutable, which stops root too.
    let writable = || std::fs::OpenOptions::new().write(true).open(&path).is_ok();
    let immutable = writable()
        && Command::new("chattr")
            .arg("+i")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
    assert!(
        !writable(),
        "could not make a file this test cannot write (no chattr here?)"
    );
    let before = std::fs::read(&path).unwrap();
    let refused = Store::open(&path);
    // What only reads still reads it, saying why it is read-only.
    let read = Store::open_for_reading(&path)
        .map(|(store, why)| (store.contacts_total().is_ok(), why.is_some()))
        .map_err(|e| e.to_string());
    let untouched = std::fs::read(&path).unwrap() == before;
    if immutable {
        let _ = Command::new("chattr").arg("-i").arg(&path).status();
    }
    assert_eq!(read, Ok((true, true)), "an unwritable file is still read");
    let Err(error) = refused else {
        panic!("an unwritable file was opened");
    };
    assert!(matches!(error, StoreError::NotWritable { .. }), "{error}");
    assert!(
        error.to_string().contains("cannot be written to"),
        "{error}"
    );
    assert!(untouched, "the file was changed");
}

#[test]
fn writers_in_other_processes_lose_nothing_while_the_app_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db)
        .args(["demo", "--contacts", "30"])
        .assert()
        .success();
    let before = Store::open(&db).unwrap().contacts_total().unwrap();
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for(&format!("1 Contacts ({before})"));

    // Two imports and eight quick adds, all at once, from other processes.
    let mut children = Vec::new();
    for batch in 0..2 {
        let file = dir.path().join(format!("batch{batch}.csv"));
        let mut text = String::from("Name,Company\n");
        for i in 0..200 {
            text.push_str(&format!("Batch{batch} Person{i},Concurrent Co\n"));
        }
        std::fs::write(&file, text).unwrap();
        let mut import = Command::new(env!("CARGO_BIN_EXE_rolo"));
        import
            .env("ROLO_DB", &db)
            .args(["import", "csv"])
            .arg(&file);
        children.push(import.output_async());
    }
    for i in 0..8 {
        let mut add = Command::new(env!("CARGO_BIN_EXE_rolo"));
        add.env("ROLO_DB", &db)
            .args(["add", "contact", "--name", &format!("Quick Add {i}")]);
        children.push(add.output_async());
    }
    for child in children {
        let output = child.join().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
    }
    let after = before + 2 * 200 + 8;
    assert_eq!(Store::open(&db).unwrap().contacts_total().unwrap(), after);
    pty.wait_for(&format!("1 Contacts ({after})"));
    assert!(!pty.screen().contains("locked"));

    // A second app on the same file, named through a symlink, is offered it read-only.
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let mut second = Pty::spawn(&[], &link, dir.path(), 100, 30, &[]);
    second.wait_for("Open it read-only here");
    second.send(b"y\r");
    second.wait_for("read-only");
    second.send(b"a");
    second.wait_for("another rolo has this file open");
    second.quit();
    pty.quit();
}

/// Runs a command on its own thread, so several run at once.
trait OutputAsync {
    fn output_async(self) -> std::thread::JoinHandle<std::process::Output>;
}

impl OutputAsync for Command {
    fn output_async(mut self) -> std::thread::JoinHandle<std::process::Output> {
        std::thread::spawn(move || self.output().expect("rolo runs"))
    }
}

/// A write that meets another process's long transaction waits for it (saying so) instead of
/// failing after a few seconds.
#[test]
fn a_write_waits_for_a_long_transaction_and_says_so() {
    let db = support::TempStore::new();
    let holder = rusqlite::Connection::open(db.path()).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut add = Command::new(env!("CARGO_BIN_EXE_rolo"));
    add.env("ROLO_DB", db.path())
        .args(["add", "contact", "--name", "Patient Person"]);
    let add = add.output_async();
    // Longer than the five seconds after which a write used to fail.
    std::thread::sleep(std::time::Duration::from_secs(6));
    holder.execute_batch("COMMIT").unwrap();
    let output = add.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("waiting for another rolo to finish writing"),
        "{stderr}"
    );
    assert!(db.contact_named("Patient Person").is_ok());
}

/// In the app a save that meets another process's transaction shows that it waits, keeps what
/// was typed, and saves once the other is done.
#[test]
fn the_app_shows_a_save_waiting_and_then_saves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let mut pty = Pty::spawn(&[], &db, dir.path(), 120, 30, &[]);
    pty.wait_for("No contacts yet");
    pty.send(b"a");
    pty.wait_for("New contact");
    pty.send(b"Patient Person");
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    pty.send(b"\x13"); // Ctrl-S
    pty.wait_for("Waiting for another rolo to finish writing");
    holder.execute_batch("COMMIT").unwrap();
    pty.wait_for("Saved Patient Person");
    assert!(
        !pty.screen().contains("your change is kept"),
        "the notice is drawn over once the wait is done: {}",
        pty.screen()
    );
    pty.quit();
}

/// Invariant: however many rolos start on a new file at once, each one's write is kept and the
/// file ends at the current schema. Two commands at once on a new file used to race through its
/// set-up: one failed ("table organizations already exists"), or the file was left at an old
/// version under newer tables, unopenable for good.
#[test]
fn rolos_starting_together_on_a_new_file_all_write_and_leave_it_current() {
    for round in 0..12 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rolo.db");
        let started: Vec<_> = ["Ada", "Grace", "Edsger"]
            .iter()
            .map(|name| {
                let mut command = Command::new(env!("CARGO_BIN_EXE_rolo"));
                command
                    .env("ROLO_DB", &db)
                    .env("ROLO_NOW", support::NOW)
                    .env("HOME", dir.path())
                    .args(["add", "contact", "--name", name])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped());
                command.spawn().unwrap()
            })
            .collect();
        for child in started {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let store = Store::open(&db).unwrap();
        assert_eq!(store.contacts_total().unwrap(), 3, "round {round}");
        let version: i64 = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, rolo::store::LATEST_VERSION, "round {round}");
    }
}

/// Invariant: `rolo doctor` run while another rolo sets a new file up finds nothing wrong and
/// marks nothing damaged (it read a half-migrated file and marked it damaged for good).
#[test]
fn doctor_beside_a_file_being_set_up_marks_nothing_damaged() {
    let run = |db: &std::path::Path, home: &std::path::Path, args: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rolo"));
        command
            .env("ROLO_DB", db)
            .env("ROLO_NOW", support::NOW)
            .env("HOME", home)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        command.spawn().unwrap()
    };
    for round in 0..30 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rolo.db");
        let adding = run(&db, dir.path(), &["add", "contact", "--name", "Ada"]);
        std::thread::sleep(std::time::Duration::from_millis(round % 15));
        let doctor = run(&db, dir.path(), &["doctor"])
            .wait_with_output()
            .unwrap();
        assert!(adding.wait_with_output().unwrap().status.success());
        let said = String::from_utf8_lossy(&doctor.stdout).into_owned();
        assert!(!said.contains("damaged"), "round {round}: {said}");
        let mut marker = db.clone().into_os_string();
        marker.push(".damaged");
        assert!(
            !std::path::Path::new(&marker).exists(),
            "round {round}: {said}"
        );
        assert_eq!(Store::open(&db).unwrap().contacts_total().unwrap(), 1);
    }
}
