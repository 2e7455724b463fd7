//! `rolo doctor` through the binary: a healthy file, one others can read, a damaged one, one
//! that is not a database, and an older schema — each said plainly, none of them changed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use predicates::str::contains;
use support::rolo;

fn demo_database(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("rolo.db");
    rolo(&db)
        .args(["demo", "--contacts", "40"])
        .assert()
        .success();
    db
}

#[test]
fn a_healthy_file_passes_every_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    let output = rolo(&db).arg("doctor").assert().success();
    let text = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    for check in [
        "integrity",
        "references",
        "counts",
        "privacy",
        "disk",
        "schema",
    ] {
        let line = text.lines().find(|l| l.contains(check)).unwrap_or_default();
        assert!(line.starts_with("ok"), "{check}: {text}");
    }
}

#[test]
fn a_file_others_can_read_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    rolo(&db)
        .arg("doctor")
        .assert()
        .failure()
        .stdout(contains("PROBLEM  privacy"))
        .stdout(contains("is 644"));
}

#[test]
fn a_damaged_file_is_named_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(dir.path());
    // Scribble over a quarter, the middle and three quarters of the file, as a failing disk
    // might (one place alone may be a free page).
    let mut bytes = std::fs::read(&db).unwrap();
    for at in [bytes.len() / 4, bytes.len() / 2, bytes.len() * 3 / 4] {
        for byte in &mut bytes[at..at + 3000] {
            *byte = 0x5a;
        }
    }
    std::fs::write(&db, &bytes).unwrap();
    rolo(&db)
        .arg("doctor")
        .assert()
        .failure()
        .stdout(contains("PROBLEM  integrity"))
        .stdout(contains("restore the newest backup"));
    assert!(
        std::fs::read(&db).unwrap() == bytes,
        "the doctor changed nothing"
    );
}

#[test]
fn what_is_not_a_database_or_is_older_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("notes.db");
    std::fs::write(&junk, "a shopping list, not a database\n").unwrap();
    rolo(&junk)
        .arg("doctor")
        .assert()
        .failure()
        .stdout(contains("is not an SQLite database"));

    let old = dir.path().join("old.db");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.db");
    std::fs::copy(fixture, &old).unwrap();
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o600)).unwrap();
    rolo(&old).arg("doctor").assert().success().stdout(contains(
        "note     schema      version 1; the next open brings it to",
    ));
}
