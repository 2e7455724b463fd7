//! A JSON backup is merged as it is read, so a backup of any size is restored with the memory
//! of one record: restored, it is the database it was taken from, byte for byte when exported
//! again; read twice, it changes nothing; cut short, out of order, or from a newer rolo, it
//! writes nothing at all.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::ops::ControlFlow;
use std::path::Path;

use rolo::domain::{Contact, Deletable, RecordRef};
use rolo::interop::contacts_import::ImportOptions;
use rolo::interop::files::{self, FileImport, FileImportError, Format};
use rolo::interop::json;
use support::{TempStore, clock};

fn import_json(store: &TempStore, file: &Path) -> Result<FileImport, FileImportError> {
    files::import(
        store,
        &clock(),
        Format::Json,
        file,
        ImportOptions::default(),
        &[],
        &mut |_, _| ControlFlow::Continue(()),
    )
}

fn exported(store: &TempStore) -> Vec<u8> {
    let mut text = Vec::new();
    json::write(store, &mut text).unwrap();
    text
}

/// A demo network with someone in the trash, written to a backup file.
fn backup() -> (TempStore, tempfile::TempDir, std::path::PathBuf) {
    let source = TempStore::new();
    rolo::demo::fill(&source, 60, &clock()).unwrap();
    let someone = source.all::<Contact>(false).unwrap()[3].meta.id;
    let at = clock().timestamp();
    source
        .trash(RecordRef::new(Deletable::Contact, someone), at)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.json");
    std::fs::write(&file, exported(&source)).unwrap();
    (source, dir, file)
}

#[test]
fn a_backup_read_as_it_goes_restores_the_database_exactly_and_twice_changes_nothing() {
    let (source, _dir, file) = backup();
    let restored = TempStore::new();
    let first = import_json(&restored, &file).unwrap();
    assert!(first.report.added > 400, "{:?}", first.report);
    assert_eq!(exported(&restored), exported(&source));
    let again = import_json(&restored, &file).unwrap();
    assert_eq!((again.report.added, again.report.updated), (0, 0));
    assert_eq!(exported(&restored), exported(&source));
}

#[test]
fn a_backup_cut_short_or_from_a_newer_rolo_writes_nothing() {
    let (_source, dir, file) = backup();
    let whole = std::fs::read_to_string(&file).unwrap();
    let restored = TempStore::new();
    // Cut in the middle of the timeline: every contact was read and merged before the end.
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, &whole[..whole.len() * 9 / 10]).unwrap();
    match import_json(&restored, &cut) {
        Err(FileImportError::Unreadable(why)) => {
            assert!(why.contains("not a rolo export (line"), "{why}");
        }
        other => panic!("expected the cut to be said, got {other:?}"),
    }
    assert_eq!(
        restored.count::<Contact>().unwrap(),
        0,
        "nothing half-imported"
    );
    // The version said after the records it would have refused.
    let newer = whole.replacen("\"version\":", "\"was\":", 1);
    let newer = format!(
        "{}, \"version\": 999}}\n",
        newer.trim_end().trim_end_matches('}')
    );
    let newer_file = dir.path().join("newer.json");
    std::fs::write(&newer_file, newer).unwrap();
    match import_json(&restored, &newer_file) {
        Err(FileImportError::Unreadable(why)) => {
            assert!(why.contains("written by a newer rolo"), "{why}");
        }
        other => panic!("expected a newer rolo to be said, got {other:?}"),
    }
    assert_eq!(restored.count::<Contact>().unwrap(), 0);
    // Not ours at all.
    let other = dir.path().join("other.json");
    std::fs::write(&other, "{\"contacts\": []}").unwrap();
    assert!(import_json(&restored, &other).is_err());
}
