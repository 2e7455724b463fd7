//! The database file: creating, migrating and re-opening it, refusing what is not ours
//! untouched, two writers at once, and file modes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::fs;

use rolo::domain::{Contact, Id, Question, Timestamp};
use rolo::store::{Store, StoreError};
use support::{TempStore, clock, mode_of};

fn now() -> Timestamp {
    clock().timestamp()
}

#[test]
fn a_new_file_is_migrated_seeded_and_reopens() {
    let db = TempStore::new();
    let lists = db.question_lists().unwrap();
    assert_eq!(lists.len(), 3);
    assert!(lists.iter().all(|l| l.questions >= 5));
    let path = db.path();
    drop(db.store);
    let again = Store::open(&path).unwrap();
    assert_eq!(
        again.question_lists().unwrap().len(),
        3,
        "seeding never duplicates"
    );
    let version: i64 = again
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, rolo::store::LATEST_VERSION);
    let journal: String = again
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    let fk: i64 = again
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let sync: i64 = again
        .conn()
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    assert_eq!(again.integrity_check().unwrap(), "ok");
}

#[test]
fn the_seeded_bank_has_the_same_ids_everywhere() {
    let (a, b) = (TempStore::new(), TempStore::new());
    let ids = |db: &TempStore| -> Vec<(Id, Timestamp)> {
        db.all::<Question>(true)
            .unwrap()
            .into_iter()
            .map(|q| (q.meta.id, q.meta.created_at))
            .collect()
    };
    assert_eq!(ids(&a), ids(&b));
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rolo.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("Update rolo"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before, "not a byte changed");
    assert!(!dir.path().join("rolo.db-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let text = b"These are my notes, not a database. ".repeat(200);
    fs::write(&path, &text).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), text);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotRolo { .. }), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn two_connections_writing_at_once_lose_nothing() {
    let db = TempStore::new();
    let path = db.path();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = Store::open(&path).unwrap();
                for i in 0..100 {
                    store
                        .insert(&Contact::named(&format!("Writer {w} contact {i}"), now()))
                        .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    assert_eq!(db.count::<Contact>().unwrap(), 200);
}

#[test]
fn another_connections_write_changes_the_data_version() {
    let db = TempStore::new();
    let before = db.data_version().unwrap();
    let other = Store::open(&db.path()).unwrap();
    other
        .insert(&Contact::named("From elsewhere", now()))
        .unwrap();
    assert_ne!(db.data_version().unwrap(), before);
}

#[test]
fn files_are_private_to_their_owner() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("deeper").join("rolo.db");
    let store = Store::open(&path).unwrap();
    store.insert(&Contact::named("Ada", now())).unwrap();
    assert_eq!(mode_of(&path), 0o600);
    assert_eq!(mode_of(path.parent().unwrap()), 0o700);
    assert_eq!(mode_of(&dir.path().join("new")), 0o700);
    assert_eq!(mode_of(&path.with_file_name("rolo.db-wal")), 0o600);
    assert_eq!(mode_of(&path.with_file_name("rolo.db-shm")), 0o600);
    let backup = dir.path().join("copy.db");
    store.backup_to(&backup).unwrap();
    assert_eq!(mode_of(&backup), 0o600);
    let copy = Store::open(&backup).unwrap();
    assert_eq!(copy.count::<Contact>().unwrap(), 1);
}

/// rolo never talks to the network: no networking crate is built in, and no source file opens
/// a socket. (Everything it knows stays in the one file.)
#[test]
fn nothing_in_rolo_reaches_the_network() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    for crate_name in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "tokio",
        "native-tls",
        "rustls",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{crate_name}\"")),
            "{crate_name} is in Cargo.lock"
        );
    }
    let mut sources = vec![root.join("src")];
    while let Some(folder) = sources.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                for socket in ["std::net", "TcpStream", "UdpSocket", "TcpListener"] {
                    assert!(!text.contains(socket), "{} uses {socket}", path.display());
                }
            }
        }
    }
}
