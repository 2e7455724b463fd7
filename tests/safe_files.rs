//! Backups and exports never harm what they write over, through the real binary: a destination
//! that is the database however it is spelled is refused with the file byte-for-byte intact; a
//! write that fails part-way (the file-size limit standing in for a full disk, which needs no
//! root) leaves the previous file exactly as it was and nothing partial beside it; file names
//! are printed cleaned of escape sequences.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use predicates::str::contains;
use support::{TempStore, rolo};

fn digest(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("the file is there")
}

/// A database with enough in it that a backup or export is larger than a few blocks.
fn filled() -> TempStore {
    let db = TempStore::new();
    rolo(&db.path())
        .args(["demo", "--contacts", "400"])
        .assert()
        .success();
    db
}

/// Every spelling of the database's own path, and its side files.
fn spellings_of_the_database(db: &TempStore) -> Vec<PathBuf> {
    let folder = db.dir.path();
    let link = folder.join("link.db");
    std::os::unix::fs::symlink(db.path(), &link).unwrap();
    let hard = folder.join("hard.db");
    std::fs::hard_link(db.path(), &hard).unwrap();
    let inner = folder.join("inner");
    std::fs::create_dir(&inner).unwrap();
    // A link to a side file that does not exist yet: writing through it would make a journal.
    let dangling = folder.join("dangling.bak");
    std::os::unix::fs::symlink(folder.join("rolo.db-journal"), &dangling).unwrap();
    // Through folders that do not exist: once made, `..` leads back to the database.
    let through_missing = folder.join("missing").join("..").join("rolo.db");
    let link_through_missing = folder.join("through.csv");
    std::os::unix::fs::symlink("missing/more/../../rolo.db", &link_through_missing).unwrap();
    // Other names for it, reached through a folder that does not exist.
    let hard_through_missing = folder.join("gone").join("..").join("hard.db");
    let link_through_missing_folder = folder.join("gone").join("..").join("link.db");
    vec![
        dangling,
        through_missing,
        link_through_missing,
        hard_through_missing,
        link_through_missing_folder,
        db.path(),
        folder.join(".").join("rolo.db"),
        inner.join("..").join("rolo.db"),
        link,
        hard,
        folder.join("rolo.db-wal"),
        folder.join("rolo.db-shm"),
        folder.join("rolo.db.lock"),
    ]
}

#[test]
fn a_backup_or_export_onto_the_database_is_refused_and_changes_nothing() {
    let db = filled();
    let before = digest(&db.path());
    for target in spellings_of_the_database(&db) {
        for args in [
            vec!["backup".to_string()],
            vec!["export".into(), "json".into(), "-o".into()],
            vec!["export".into(), "csv".into(), "-o".into()],
        ] {
            rolo(&db.path())
                .args(&args)
                .arg(&target)
                .assert()
                .failure()
                .stderr(contains("is the database itself"));
            assert_eq!(
                digest(&db.path()),
                before,
                "{args:?} {} changed the database",
                target.display()
            );
        }
    }
    rolo(&db.path())
        .args(["today"])
        .assert()
        .success()
        .stdout(contains("to review"));
}

/// `rolo` with a file-size limit of `blocks` × 512 bytes: a write past it fails like a full disk.
fn rolo_with_small_disk(db: &Path, blocks: u32) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_rolo"))
        .env("ROLO_DB", db)
        .env("ROLO_NOW", support::NOW);
    command
}

fn entries(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_failed_backup_or_export_leaves_the_previous_file_as_it_was() {
    let db = filled();
    let out = tempfile::tempdir().unwrap();
    let backup = out.path().join("rolo.backup");
    let export = out.path().join("people.json");
    let cards = out.path().join("people.vcf");
    rolo(&db.path())
        .arg("backup")
        .arg(&backup)
        .assert()
        .success();
    for (file, format) in [(&export, "json"), (&cards, "vcard")] {
        rolo(&db.path())
            .args(["export", format, "-o"])
            .arg(file)
            .assert()
            .success();
    }
    let before: Vec<Vec<u8>> = [&backup, &export, &cards].map(|f| digest(f)).into();
    let listing = entries(out.path());

    for args in [
        vec!["backup".to_string(), backup.display().to_string()],
        vec![
            "export".into(),
            "json".into(),
            "-o".into(),
            export.display().to_string(),
        ],
        vec![
            "export".into(),
            "vcard".into(),
            "-o".into(),
            cards.display().to_string(),
        ],
        vec![
            "export".into(),
            "csv".into(),
            "-o".into(),
            out.path().join("new.csv").display().to_string(),
        ],
    ] {
        let status = rolo_with_small_disk(&db.path(), 16)
            .args(&args)
            .output()
            .unwrap();
        assert!(!status.status.success(), "{args:?} cannot fit in 8 KB");
        let after: Vec<Vec<u8>> = [&backup, &export, &cards].map(|f| digest(f)).into();
        assert!(after == before, "{args:?} harmed a previous file");
        assert_eq!(
            entries(out.path()),
            listing,
            "{args:?} left something behind"
        );
    }
}

#[test]
fn a_backup_is_a_whole_private_database_and_replaces_the_old_one() {
    let db = filled();
    let out = tempfile::tempdir().unwrap();
    let backup = out.path().join("rolo.backup");
    std::fs::write(&backup, "yesterday's backup").unwrap();
    rolo(&db.path())
        .arg("backup")
        .arg(&backup)
        .assert()
        .success();
    assert_eq!(support::mode_of(&backup), 0o600);
    assert_eq!(entries(out.path()), ["rolo.backup"]);
    let copy = rolo::store::Store::open(&backup).unwrap();
    assert_eq!(copy.integrity_check().unwrap(), "ok");
    assert_eq!(
        copy.count::<rolo::domain::Contact>().unwrap(),
        db.count::<rolo::domain::Contact>().unwrap()
    );
}

#[test]
fn file_names_are_printed_without_their_escape_sequences() {
    let db = filled();
    let out = tempfile::tempdir().unwrap();
    let hostile = out
        .path()
        .join("x\u{1b}]0;owned\u{7}\u{1b}]52;c;aGk=\u{7}.json");
    let backup = out.path().join("\u{1b}[2Jb.db");
    let runs: [(&[&str], &std::path::Path); 4] = [
        (&["export", "json", "-o"], &hostile),
        (&["import", "json"], &hostile),
        (&["import", "json", "--dry-run"], &hostile),
        (&["backup"], &backup),
    ];
    for (args, file) in runs {
        let assert = rolo(&db.path()).args(args).arg(file).assert().success();
        for stream in [&assert.get_output().stdout, &assert.get_output().stderr] {
            assert!(
                !stream.contains(&0x1b) && !stream.contains(&0x07),
                "{args:?}: an escape reached the terminal: {}",
                String::from_utf8_lossy(stream)
            );
        }
    }
}

#[test]
fn an_export_writes_through_a_symlink_and_streams_into_a_pipe() {
    let db = filled();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("synced").join("people.json");
    std::fs::create_dir(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "old").unwrap();
    let link = out.path().join("people.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    rolo(&db.path())
        .args(["export", "json", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("\"contacts\"")
    );
    // A backup through the link replaces the file it points at too.
    rolo(&db.path()).arg("backup").arg(&link).assert().success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let fifo = out.path().join("pipe");
    support::fifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    rolo(&db.path())
        .args(["export", "csv", "-o"])
        .arg(&fifo)
        .assert()
        .success();
    let streamed = String::from_utf8(reader.join().unwrap()).unwrap();
    assert!(
        streamed.starts_with("name,title,organization"),
        "{streamed:.60}"
    );
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the pipe is still a pipe"
    );
    rolo(&db.path())
        .arg("backup")
        .arg(&fifo)
        .assert()
        .failure()
        .stderr(contains("a backup needs a file"));
}

#[test]
fn the_database_is_not_imported_into_itself_however_it_is_spelled() {
    let db = filled();
    let path = db.path();
    let before = digest(&path);
    let link = db.dir.path().join("people.vcf");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let dotted = db.dir.path().join(".").join(path.file_name().unwrap());
    for (format, file) in [("csv", &path), ("vcard", &link), ("json", &dotted)] {
        rolo(&path)
            .args(["import", format])
            .arg(file)
            .assert()
            .failure()
            .stderr(contains("is the database rolo is using"));
    }
    assert_eq!(digest(&path), before, "the database is as it was");
}

#[test]
fn a_partial_file_left_by_a_killed_export_is_taken_away_by_the_next() {
    use std::os::fd::AsRawFd;
    let db = filled();
    let folder = db.dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let partial = |name: &str, old: bool| {
        let path = folder.join(format!(".rolo-{name}.partial"));
        let file = std::fs::File::create(&path).unwrap();
        if old {
            file.set_modified(an_hour_ago).unwrap();
        }
        (path, file)
    };
    let (abandoned, _) = partial("abandoned", true);
    let (fresh, _) = partial("fresh", false);
    // Another export still writing it: it holds its file, however old the file looks.
    let (written, writing) = partial("written", true);
    // SAFETY: the descriptor is open for the call.
    assert_eq!(
        unsafe { libc::flock(writing.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) },
        0
    );
    rolo(&db.path())
        .args(["export", "csv", "-o"])
        .arg(folder.join("people.csv"))
        .assert()
        .success();
    assert!(
        !abandoned.exists(),
        "the abandoned partial file is still there"
    );
    assert!(
        fresh.exists() && written.exists(),
        "a file in use was taken away"
    );
    drop(writing);
}

/// A pipe is no file to keep a database in: every command says so at once (it waited for a
/// writer for ever), and nothing is made beside it.
#[test]
fn a_pipe_named_as_the_database_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("fifo.db");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    for args in [
        &["today"][..],
        &["doctor"],
        &["add", "contact", "--name", "Ada"],
    ] {
        rolo(&pipe)
            .args(args)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .failure()
            .stderr(contains("is not a regular file"));
    }
    let beside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(beside.len(), 1, "nothing made beside the pipe");
}
