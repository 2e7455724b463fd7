//! Imports read their rows as they write them: a source is never read to its end before the
//! first contact is written (so a file of 100,000 rows is never held whole), and still an
//! import is one transaction — N distinct people in, N contacts; an invalid row anywhere, and
//! nothing at all, with every invalid row named; a folder's unreadable or empty file named
//! with its file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;

use rolo::domain::Contact;
use rolo::interop::RowError;
use rolo::interop::contacts_import::{
    ImportError, ImportOptions, ImportRow, RowSource, import_with_progress,
};
use rolo::interop::files::{self, FileImportError, Format};
use support::{TempStore, clock};

/// People made as they are asked for, each checking that the import has said how far it got
/// within the last thousand rows: proof that rows are written while the source is read.
struct Generated {
    made: u64,
    all: u64,
    /// The rows the import last said it had done.
    reported: Rc<Cell<u64>>,
    /// Rows that are wrong (an email that is none), by number.
    broken: Vec<u64>,
}

impl Iterator for Generated {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.made == self.all {
            return None;
        }
        assert!(
            self.made <= self.reported.get() + 1_000,
            "row {} asked for while the import had said only {}: the source is read ahead",
            self.made,
            self.reported.get()
        );
        self.made += 1;
        let i = self.made;
        // A broken row's email is no email.
        let email = if self.broken.contains(&i) {
            format!("person {i} at example")
        } else {
            format!("person{i}@example.org")
        };
        Some(Ok(ImportRow {
            line: i + 1,
            name: format!("Person {i}"),
            email,
            organization: format!("Company {}", i % 97),
            ..ImportRow::default()
        }))
    }
}

impl RowSource for Generated {
    fn expected(&self) -> u64 {
        self.all
    }
}

fn run(
    store: &TempStore,
    all: u64,
    broken: Vec<u64>,
    options: ImportOptions,
) -> Result<rolo::interop::ImportReport, ImportError> {
    let reported = Rc::new(Cell::new(0));
    let mut source = Generated {
        made: 0,
        all,
        reported: reported.clone(),
        broken,
    };
    import_with_progress(
        store,
        &mut source,
        options,
        "a test",
        &clock(),
        &mut |done, expected| {
            assert_eq!(expected, all);
            reported.set(done);
            ControlFlow::Continue(())
        },
    )
}

#[test]
fn rows_are_written_as_they_are_read_and_n_people_make_n_contacts() {
    let store = TempStore::new();
    let report = run(&store, 5_000, Vec::new(), ImportOptions::default()).unwrap();
    assert_eq!(report.added, 5_000);
    assert_eq!(store.count::<Contact>().unwrap(), 5_000);
    // Read again, every one is known.
    let again = run(&store, 5_000, Vec::new(), ImportOptions::default()).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 5_000));
    assert_eq!(store.count::<Contact>().unwrap(), 5_000);
}

#[test]
fn an_invalid_row_anywhere_writes_nothing_and_every_one_is_named() {
    let store = TempStore::new();
    match run(&store, 3_000, vec![7, 2_999], ImportOptions::default()) {
        Err(ImportError::Invalid(errors)) => {
            let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
            assert_eq!(lines, [8, 3_000], "{errors:?}");
        }
        other => panic!("expected the invalid rows, got {other:?}"),
    }
    assert_eq!(
        store.count::<Contact>().unwrap(),
        0,
        "nothing half-imported"
    );
    let options = ImportOptions {
        skip_invalid: true,
        ..ImportOptions::default()
    };
    let report = run(&store, 3_000, vec![7, 2_999], options).unwrap();
    assert_eq!((report.added, report.skipped.len()), (2_998, 2));
    assert_eq!(store.count::<Contact>().unwrap(), 2_998);
}

#[test]
fn a_folder_names_its_unreadable_and_empty_files_and_imports_the_rest_only_when_asked() {
    let store = TempStore::new();
    let folder = tempfile::tempdir().unwrap();
    let card = |name: &str| format!("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEND:VCARD\r\n");
    std::fs::write(folder.path().join("a.vcf"), card("Ada Lovelace")).unwrap();
    // A pipe named like a card is not read; a file with no card in it is said; a folder
    // named like one is passed over.
    support::fifo(&folder.path().join("b.vcf"));
    std::fs::create_dir(folder.path().join("e.vcf")).unwrap();
    std::fs::write(folder.path().join("c.vcf"), "just some notes\n").unwrap();
    std::fs::write(folder.path().join("d.vcf"), card("Grace Hopper")).unwrap();
    let import = |skip_invalid| {
        files::import(
            &store,
            &clock(),
            Format::Vcard,
            folder.path(),
            ImportOptions {
                skip_invalid,
                ..ImportOptions::default()
            },
            &[],
            &mut |_, _| ControlFlow::Continue(()),
        )
    };
    match import(false) {
        Err(FileImportError::Invalid(errors)) => {
            let said: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
            assert_eq!(said.len(), 2, "{said:?}");
            assert!(said.iter().any(|m| m.contains("b.vcf")), "{said:?}");
            assert!(
                said.iter()
                    .any(|m| m.starts_with("c.vcf") && m.contains("no cards")),
                "{said:?}"
            );
        }
        other => panic!("expected the two files named, got {other:?}"),
    }
    assert_eq!(store.count::<Contact>().unwrap(), 0);
    let done = import(true).unwrap();
    assert_eq!((done.report.added, done.report.skipped.len()), (2, 2));
}

#[test]
fn a_csv_read_as_it_goes_names_the_true_line_far_into_the_file() {
    // CRLF line ends and notes over two lines, past many of the reader's buffers.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    let broken = [1, 29_999, 60_000];
    let mut text = String::from("name,email,notes\r\n");
    for i in 1..=60_000 {
        let email = if broken.contains(&i) {
            format!("bad{i}")
        } else {
            format!("p{i}@example.org")
        };
        let note = if i % 7 == 0 { "\"two\r\nlines\"" } else { "n" };
        text.push_str(&format!("P {i},{email},{note}\r\n"));
    }
    std::fs::write(&file, text).unwrap();
    let line_of = |i: u64| 1 + i + (i - 1) / 7;
    let store = TempStore::new();
    match files::import(
        &store,
        &clock(),
        Format::Csv,
        &file,
        ImportOptions::default(),
        &[],
        &mut |_, _| ControlFlow::Continue(()),
    ) {
        Err(FileImportError::Invalid(errors)) => {
            let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
            assert_eq!(lines, broken.map(line_of), "{errors:?}");
        }
        other => panic!("expected the three rows named, got {other:?}"),
    }
    assert_eq!(store.count::<Contact>().unwrap(), 0);
}

/// Rows that stop halfway, the rest of the source unreadable.
struct CutShort(Generated);

impl Iterator for CutShort {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }
}

impl RowSource for CutShort {
    fn expected(&self) -> u64 {
        self.0.all * 2
    }

    fn failure(&self) -> Option<String> {
        (self.0.made == self.0.all).then(|| "it grew past its bound".to_string())
    }
}

#[test]
fn a_source_that_cannot_be_read_to_its_end_imports_nothing_even_skipping_invalid_rows() {
    let store = TempStore::new();
    let reported = Rc::new(Cell::new(0));
    let mut source = CutShort(Generated {
        made: 0,
        all: 2_000,
        reported: reported.clone(),
        broken: Vec::new(),
    });
    let options = ImportOptions {
        skip_invalid: true,
        ..ImportOptions::default()
    };
    let outcome = import_with_progress(
        &store,
        &mut source,
        options,
        "a test",
        &clock(),
        &mut |done, _| {
            reported.set(done);
            ControlFlow::Continue(())
        },
    );
    assert!(
        matches!(&outcome, Err(ImportError::Unreadable(why)) if why.contains("grew past")),
        "{outcome:?}"
    );
    assert_eq!(store.count::<Contact>().unwrap(), 0, "no prefix imported");
}
