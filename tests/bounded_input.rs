//! Input is bounded: an import reads only regular files, up to a stated size, and says so
//! plainly otherwise — a device that never ends, a pipe nobody writes to, or a huge file are
//! refused at once (a hang fails the test through its timeout), for every format.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::time::Duration;

use predicates::str::contains;
use support::{TempStore, rolo};

const FORMATS: [&str; 4] = ["linkedin", "csv", "vcard", "json"];

#[test]
fn devices_and_pipes_are_refused_by_every_import() {
    let db = TempStore::new();
    let fifo = db.dir.path().join("pipe.vcf");
    support::fifo(&fifo);
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
    for format in FORMATS.iter().filter(|f| **f != "json") {
        rolo(&db.path())
            .args(["import", format])
            .arg(&huge)
            .timeout(Duration::from_secs(10))
            .assert()
            .failure()
            .stderr(contains("is larger than the 64.0 MB an import reads"));
    }
    // A backup is merged as it is read: only one past any backup's size is refused unread.
    file.set_len(rolo::interop::input::MAX_BACKUP_BYTES + 1)
        .unwrap();
    rolo(&db.path())
        .args(["import", "json"])
        .arg(&huge)
        .timeout(Duration::from_secs(10))
        .assert()
        .failure()
        .stderr(contains("is larger than the 1.0 GB an import reads"));
}

#[test]
fn the_limit_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, "Name\nAda\n").unwrap();
    assert!(rolo::interop::input::open_streamed_at_most(&file, 9).is_ok());
    let Err(error) = rolo::interop::input::open_streamed_at_most(&file, 8) else {
        panic!("a file a byte over the limit was opened");
    };
    assert!(error.contains("is larger than"), "{error}");
}

/// A 1 MB paste lands cut to the field's limit, saying so at the field; what is saved
/// exports and imports again whole, in every format.
#[test]
fn a_huge_paste_is_cut_to_the_field_and_survives_a_round_trip() {
    use crossterm::event::Event;
    use rolo::domain::Contact;
    use rolo::domain::limits::{ONE_LINE, TEXT};

    let mut t = support::tui::Tester::empty(100, 30);
    t.press("a");
    t.app.handle(Event::Paste("n".repeat(1_000_000)));
    t.draw();
    let form = t.app.model.form().expect("the form is open");
    assert_eq!(
        form.field(rolo::form::FieldKey::Name)
            .unwrap()
            .input
            .value()
            .len(),
        ONE_LINE
    );
    let error = form
        .field(rolo::form::FieldKey::Name)
        .unwrap()
        .error
        .clone()
        .unwrap_or_default();
    assert!(error.contains("cut to 1,000 characters"), "{error}");
    // To the notes, the last field.
    t.press("backtab");
    t.app.handle(Event::Paste("line\n".repeat(200_000)));
    t.press("ctrl-s");
    assert!(t.app.model.form().is_none(), "saved: {}", t.screen());
    let saved = t.app.store.all::<Contact>(false).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name.chars().count(), ONE_LINE);
    assert!(saved[0].notes.chars().count() <= TEXT);

    let out = tempfile::tempdir().unwrap();
    let source = t.app.store.path().to_path_buf();
    for (format, file) in [("csv", "c.csv"), ("vcard", "c.vcf"), ("json", "c.json")] {
        let file = out.path().join(file);
        rolo(&source)
            .args(["export", format, "-o"])
            .arg(&file)
            .assert()
            .success();
        let fresh = TempStore::new();
        rolo(&fresh.path())
            .args(["import", format])
            .arg(&file)
            .assert()
            .success();
        let back = fresh.all::<Contact>(false).unwrap();
        assert_eq!(back.len(), 1, "{format}");
        assert_eq!(back[0].name, saved[0].name, "{format}");
    }
}

/// `rolo add` and the JSON merge keep to the same limits as the form, and say which.
#[test]
fn the_command_line_and_the_merge_refuse_what_the_form_would_not_hold() {
    let db = TempStore::new();
    rolo(&db.path())
        .args(["add", "contact", "--name"])
        .arg("n".repeat(1_001))
        .assert()
        .failure()
        .stderr(contains("the name is longer than 1,000 characters"));
    let mut ada = rolo::domain::Contact::named("Ada", support::clock().timestamp());
    ada.notes = "x".repeat(100_001);
    let refused = db.insert(&ada).unwrap_err().to_string();
    assert!(
        refused.contains("holds more than 100,000 characters"),
        "{refused}"
    );
}

/// A hand-edited export merged back: escape sequences never reach the database (or `rolo
/// today`), and a contact with no name or an over-long one is refused, saying which.
#[test]
fn a_json_merge_holds_to_the_same_rules_as_every_other_import() {
    let db = TempStore::new();
    rolo(&db.path())
        .args(["demo", "--contacts", "12"])
        .assert()
        .success();
    let file = db.dir.path().join("export.json");
    rolo(&db.path())
        .args(["export", "json", "-o"])
        .arg(&file)
        .assert()
        .success();
    let original = std::fs::read_to_string(&file).unwrap();
    let mut export: serde_json::Value = serde_json::from_str(&original).unwrap();
    let contact = &mut export["contacts"][0];
    contact["name"] = "Evil \u{1b}]0;OWNED\u{7}Name".into();
    contact["meta"]["updated_at"] = "2027-01-01T00:00:00.000Z".into();
    std::fs::write(&file, export.to_string()).unwrap();
    rolo(&db.path())
        .args(["import", "json"])
        .arg(&file)
        .assert()
        .success();
    let names: Vec<String> = db
        .all::<rolo::domain::Contact>(false)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(names.contains(&"Evil Name".to_string()), "{names:?}");
    let today = rolo(&db.path()).arg("today").assert().success();
    assert!(!today.get_output().stdout.contains(&0x1b));

    for (name, why) in [
        ("", "it has no name"),
        (&*"n".repeat(1_001), "longer than 1,000"),
    ] {
        let mut export: serde_json::Value = serde_json::from_str(&original).unwrap();
        export["contacts"][1]["name"] = name.into();
        export["contacts"][1]["meta"]["updated_at"] = "2027-01-01T00:00:00.000Z".into();
        std::fs::write(&file, export.to_string()).unwrap();
        rolo(&db.path())
            .args(["import", "json"])
            .arg(&file)
            .assert()
            .failure()
            .stderr(contains(why))
            .stderr(contains("nothing was imported"));
    }
}

/// A paste goes where typing goes: into the filter as if typed, cleaned to one line; on a
/// list, where letters are commands, it does nothing.
#[test]
fn a_paste_into_the_filter_is_typed_in() {
    use crossterm::event::Event;
    let mut t = support::tui::Tester::demo(100, 30);
    t.app.handle(Event::Paste("q".into()));
    t.draw();
    assert!(!t.app.model.quit, "a paste is never a command");
    t.press("/");
    t.app.handle(Event::Paste("oka\u{1b}]0;x\u{7}for\n".into()));
    t.draw();
    assert!(t.screen().contains("Contacts (2 of 61)"), "{}", t.screen());
}

/// The same through the real binary: a bracketed paste into the filter narrows the list; on the
/// list itself a pasted "q" does not quit.
#[test]
fn a_bracketed_paste_reaches_the_filter_in_the_real_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db).arg("demo").assert().success();
    let mut pty = support::pty::Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    pty.wait_for("1 Contacts (61)");
    pty.send(b"\x1b[200~q\x1b[201~");
    pty.send(b"/");
    pty.send(b"\x1b[200~okafor\x1b[201~");
    pty.wait_for("1 Contacts (2 of 61)");
    pty.send(b"\x1b");
    pty.quit();
}

/// A paste is taken in once, in proportion to its length: into the search, one search for the
/// whole line (not one per character); into the filter, the whole line matched once.
#[test]
fn a_paste_costs_one_search_not_one_per_character() {
    let mut t = support::tui::Tester::demo(100, 30);
    t.press("F");
    let effects = rolo::tui::dispatch::paste(
        &mut t.app.model,
        &"data meetup ".repeat(10_000),
        &support::clock(),
    );
    assert_eq!(effects.len(), 1, "{effects:?}");
    assert!(
        matches!(&effects[0], rolo::tui::data::effect::Effect::Search(q) if q.chars().count() <= rolo::domain::limits::ONE_LINE),
        "{effects:?}"
    );
    t.press("esc /");
    rolo::tui::dispatch::paste(&mut t.app.model, "okafor", &support::clock());
    t.draw();
    assert!(t.screen().contains("Contacts (2 of 61)"), "{}", t.screen());
}
