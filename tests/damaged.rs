//! A damaged database is never written, through the real binary: `rolo add` refuses it with
//! what to do, the app opens it read-only saying so, and what only reads (today, export,
//! backup) still works. The doctor names a missing index, and `--repair` puts it back after
//! keeping a copy. Side files left unwritable are made writable again; SQLite's special names
//! are not taken for files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::path::Path;

use predicates::str::contains;
use support::{TempStore, rolo};

/// The demo in a file no connection of the test holds open.
fn closed_demo() -> TempStore {
    let db = TempStore::new();
    let TempStore { store, dir } = db;
    drop(store);
    let db = TempStore {
        store: rolo::store::Store::open(&dir.path().join("spare.db")).unwrap(),
        dir,
    };
    rolo(&db.path()).args(["demo"]).assert().success();
    db
}

/// A filled database whose header's free-list pointer has been scribbled over.
fn scribbled() -> TempStore {
    let db = TempStore::new();
    rolo(&db.path()).args(["demo"]).assert().success();
    let mut bytes = std::fs::read(db.path()).unwrap();
    bytes[32..36].copy_from_slice(&0x7fff_ff00u32.to_be_bytes());
    std::fs::write(db.path(), bytes).unwrap();
    db
}

#[test]
fn a_damaged_file_is_never_written_and_still_read() {
    let db = scribbled();
    let before = std::fs::read(db.path()).unwrap();
    rolo(&db.path())
        .args(["add", "contact", "--name", "Not Written"])
        .assert()
        .failure()
        .stderr(contains("is damaged"))
        .stderr(contains("rolo doctor"));
    rolo(&db.path())
        .args(["import", "json"])
        .arg(db.dir.path().join("nothing.json"))
        .assert()
        .failure();
    rolo(&db.path())
        .arg("today")
        .assert()
        .success()
        .stdout(contains("to review"))
        .stderr(contains("reading only"));
    let out = db.dir.path().join("rescue.json");
    rolo(&db.path())
        .args(["export", "json", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Nadia Costa")
    );
    rolo(&db.path())
        .arg("doctor")
        .assert()
        .failure()
        .stdout(contains("PROBLEM"));
    assert_eq!(
        std::fs::read(db.path()).unwrap(),
        before,
        "not a byte written"
    );
}

#[test]
fn the_app_opens_a_damaged_file_read_only_and_says_what_to_do() {
    let db = scribbled();
    let before = std::fs::read(db.path()).unwrap();
    let mut pty = support::pty::Pty::spawn(&[], &db.path(), db.dir.path(), 120, 30, &[]);
    pty.wait_for("read-only");
    pty.wait_for("the file is damaged");
    pty.wait_for("quit and run `rolo doctor`");
    pty.wait_for("Nadia Costa");
    pty.send(b"a");
    pty.wait_for("Read-only: the file is damaged");
    pty.quit();
    assert_eq!(std::fs::read(db.path()).unwrap(), before);
}

#[test]
fn doctor_names_a_missing_index_and_repair_puts_it_back() {
    let db = TempStore::new();
    rolo(&db.path()).args(["demo"]).assert().success();
    db.conn()
        .execute_batch("DROP INDEX organizations_by_name;")
        .unwrap();
    rolo(&db.path())
        .arg("doctor")
        .assert()
        .failure()
        .stdout(contains("missing: index organizations_by_name"));
    rolo(&db.path())
        .args(["doctor", "--repair"])
        .assert()
        .success()
        .stdout(contains("kept a copy as"))
        .stdout(contains("put back index organizations_by_name"))
        .stdout(contains(
            "every table, index and trigger this rolo expects is there",
        ));
    let copies = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("before-repair")
        })
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn an_unwritable_side_file_left_by_a_read_only_look_is_made_writable_again() {
    use std::os::unix::fs::PermissionsExt;
    let db = TempStore::new();
    let path = db.path();
    drop(db.store);
    let shm = Path::new(&format!("{}-shm", path.display())).to_path_buf();
    std::fs::write(&shm, []).unwrap();
    std::fs::set_permissions(&shm, std::fs::Permissions::from_mode(0o400)).unwrap();
    let reopened = rolo::store::Store::open(&path).unwrap();
    assert_eq!(
        support::mode_of(&shm),
        0o600,
        "made writable before SQLite uses it"
    );
    reopened
        .add_contact(
            &rolo::store::NewContact {
                name: "Ada".into(),
                ..Default::default()
            },
            support::clock().timestamp(),
        )
        .unwrap();
    drop(reopened);

    // The doctor names a side file the owner cannot write, with the fix.
    let lock = rolo::store::lock::lock_path(&path);
    std::fs::write(&lock, []).unwrap();
    std::fs::set_permissions(&lock, std::fs::Permissions::from_mode(0o400)).unwrap();
    rolo(&path)
        .arg("doctor")
        .assert()
        .failure()
        .stdout(contains(".lock is 400: saves will fail"))
        .stdout(contains("chmod 600"));
}

#[test]
fn sqlite_special_names_are_not_taken_for_files() {
    let dir = tempfile::tempdir().unwrap();
    for name in [":memory:", "file:x.db?mode=memory", "FILE:rolo.db"] {
        support::rolo(Path::new(name))
            .current_dir(dir.path())
            .args(["add", "contact", "--name", "Ada"])
            .assert()
            .failure()
            .stderr(contains("is not a file path"));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_damaged_file_is_not_backed_up_over_a_good_backup() {
    // No connection of the test's own: the file on disk holds everything.
    let db = closed_demo();
    let backup = db.dir.path().join("good.backup");
    rolo(&db.path())
        .arg("backup")
        .arg(&backup)
        .assert()
        .success();
    let good = std::fs::read(&backup).unwrap();
    // Garbage over a whole page in the middle of the data: the header is still fine.
    let mut bytes = std::fs::read(db.path()).unwrap();
    let page = 8192 * (bytes.len() / 8192 / 2);
    for (i, byte) in bytes[page..page + 8192].iter_mut().enumerate() {
        *byte = (i * 7 + 13) as u8;
    }
    std::fs::write(db.path(), &bytes).unwrap();
    rolo(&db.path())
        .arg("backup")
        .arg(&backup)
        .assert()
        .failure()
        .stderr(contains("damaged"))
        .stderr(contains("the backup was not written"));
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        good,
        "yesterday's backup is as it was"
    );
    // Found damaged once: from now on the file is opened read-only.
    rolo(&db.path())
        .args(["add", "contact", "--name", "Not Written"])
        .assert()
        .failure()
        .stderr(contains("is damaged"));
}

/// SQLite keeps its log beside the name a file is opened by: two names (hard links) would each
/// keep their own, and writes through one would be lost to the other. rolo only reads such a
/// file, and says why.
#[test]
fn a_file_with_two_names_is_only_read() {
    let db = closed_demo();
    let other = db.dir.path().join("other-name.db");
    std::fs::hard_link(db.path(), &other).unwrap();
    for name in [db.path(), other.clone()] {
        rolo(&name)
            .args(["add", "contact", "--name", "Through A Link"])
            .assert()
            .failure()
            .stderr(contains("has 2 names (hard links)"));
        rolo(&name)
            .arg("today")
            .assert()
            .success()
            .stderr(contains("reading only"));
    }
    rolo(&other)
        .arg("doctor")
        .assert()
        .failure()
        .stdout(contains("the file has 2 names"));
    let mut pty = support::pty::Pty::spawn(&[], &other, db.dir.path(), 120, 30, &[]);
    pty.wait_for("read-only");
    pty.wait_for("several names");
    pty.quit();
}
