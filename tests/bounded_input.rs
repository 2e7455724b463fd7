//! Input is bounded: an import reads only regular files, up to a stated size, and says so
//! plainly otherwise — a device that never ends, a pipe nobody writes to, or a huge file are
//! refused at once (a hang fails the test through its timeout), for every format.

mod support;

use std::time::Duration;

use predicates::str::contains;
use support::{TempStore, rolo};

const FORMATS: [&str; 4] = ["linkedin", "csv", "vcard", "json"];

#[test]
fn devices_and_pipes_are_refused_by_every_import() {
    let db = TempStore::new();
    let fifo = db.dir.path().join("pipe.vcf");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for format in FORMATS {
        for source in [
            std::path::Path::new("/dev/zero"),
            std::path::Path::new("/dev/urandom"),
            &fifo,
        ] {
            rolo(&db.path())
                .args(["import", format])
                .arg(source)
                .timeout(Duration::from_secs(10))
                .assert()
                .failure()
                .stderr(contains("is not a regular file"));
        }
    }
}

#[test]
fn a_file_over_the_limit_is_refused_without_being_read() {
    let db = TempStore::new();
    let huge = db.dir.path().join("huge.csv");
    // Sparse: takes no room on disk.
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(rolo::interop::input::MAX_IMPORT_BYTES + 1)
        .unwrap();
    for format in FORMATS {
        rolo(&db.path())
            .args(["import", format])
            .arg(&huge)
            .timeout(Duration::from_secs(10))
            .assert()
            .failure()
            .stderr(contains("is larger than the 256.0 MB an import reads"));
    }
}

#[test]
fn the_limit_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, "Name\nAda\n").unwrap();
    assert!(rolo::interop::input::read_at_most(&file, 9).is_ok());
    let error = rolo::interop::input::read_at_most(&file, 8).unwrap_err();
    assert!(error.contains("is larger than"), "{error}");
}
