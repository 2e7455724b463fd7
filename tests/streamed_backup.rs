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

/// Adds, through another connection (as another process would), a contact and a follow-up
/// for them the moment the export reaches the interviews: after contacts were written.
struct WritesMidway<'a> {
    text: Vec<u8>,
    other: &'a rolo::store::Store,
    done: bool,
}

impl std::io::Write for WritesMidway<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.text.extend_from_slice(bytes);
        if !self.done && bytes == b"interviews" {
            self.done = true;
            let now = clock().timestamp();
            let name = rolo::store::NewContact {
                name: "Later Person".into(),
                ..Default::default()
            };
            self.other.add_contact(&name, now).unwrap();
            self.other
                .add_follow_up("Later Person", "Say thanks", now, now)
                .unwrap();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_backup_is_one_moment_whatever_is_written_while_it_runs() {
    let source = TempStore::new();
    rolo::demo::fill(&source, 20, &clock()).unwrap();
    let other = rolo::store::Store::open(&source.path()).unwrap();
    let mut out = WritesMidway {
        text: Vec::new(),
        other: &other,
        done: false,
    };
    json::write(&source, &mut out).unwrap();
    assert!(out.done, "the export never reached the interviews");
    let text = String::from_utf8(out.text).unwrap();
    assert!(
        !text.contains("Later Person") && !text.contains("Say thanks"),
        "what was written during the export is in it, in part or whole"
    );
    // The file restores, and what came later is in the database for the next backup.
    let file = source.dir.path().join("backup.json");
    std::fs::write(&file, &text).unwrap();
    let restored = TempStore::new();
    import_json(&restored, &file).unwrap();
    assert!(
        String::from_utf8(exported(&source))
            .unwrap()
            .contains("Say thanks")
    );
}
