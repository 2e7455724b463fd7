//! Importing from the app: `I` opens the form, saving shows a preview of what the file would do
//! (rejected rows listed with their lines), and only Enter on the preview writes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::path::Path;

use rolo::domain::Contact;
use rolo::tui::dispatch::{acting, screen_contexts};
use rolo::tui::keys::keymap::Keymap;
use rolo::tui::model::Screen;
use support::tui::Tester;

const CSV: &str = "Name,Company,Email\n\
                   Ada Lovelace,Engines Ltd,ada@engines.example\n\
                   Grace Hopper,Navy,not-an-email\n\
                   Alan Turing,Bletchley,alan@bletchley.example\n";

/// What the open import form's file field holds, and what it says is wrong.
fn file_field(t: &Tester) -> (String, String) {
    let form = t.app.model.form().expect("the form stays open");
    let field = form
        .field(rolo::form::FieldKey::File)
        .expect("a file field");
    let error = field.error.clone().unwrap_or_default();
    (field.input.value().to_string(), error)
}

/// The preview with the temporary folder's path put as a fixed word, for a stable snapshot.
fn screen_without(t: &Tester, dir: &std::path::Path) -> String {
    t.screen().replace(&dir.display().to_string(), "/tmp")
}

#[test]
fn a_file_is_previewed_then_imported_on_enter() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, CSV).unwrap();
    let mut t = Tester::empty(100, 30);

    t.press("I");
    assert!(t.screen().contains("Import a file: contacts, mail"));
    // The file; its kind (CSV) is told from its name and first lines.
    t.type_str(&file.display().to_string());
    t.press("ctrl-s");
    assert!(matches!(
        t.app.model.screen(),
        Some(Screen::ImportPreview(_))
    ));
    insta::assert_snapshot!("import_preview_100x30", screen_without(&t, dir.path()));
    assert_eq!(
        t.app.store.count::<Contact>().unwrap(),
        0,
        "a preview writes nothing"
    );

    // Every key the preview acts on is in its help.
    let keymap = Keymap::default_keys();
    let bound: Vec<_> = keymap
        .bindings(screen_contexts(t.app.model.screen()))
        .into_iter()
        .map(|(_, b)| b.action)
        .collect();
    for action in acting(&t.app.model, &support::clock()) {
        assert!(
            bound.contains(&action),
            "{action:?} has no key on the preview"
        );
    }

    t.press("enter");
    assert!(t.app.model.screen().is_none(), "back home");
    assert!(t.screen().contains("added 2"), "{}", t.screen());
    assert!(t.screen().contains("Ada Lovelace"));
    assert_eq!(t.app.store.count::<Contact>().unwrap(), 2);
}

#[test]
fn esc_on_the_preview_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, CSV).unwrap();
    let mut t = Tester::empty(80, 24);
    t.press("I").type_str(&file.display().to_string());
    t.press("ctrl-s esc");
    assert!(t.app.model.screen().is_none());
    assert_eq!(t.app.store.count::<Contact>().unwrap(), 0);
}

#[test]
fn the_preview_is_read_again_when_the_data_changes_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, CSV).unwrap();
    let mut t = Tester::empty(100, 30);
    t.press("I").type_str(&file.display().to_string());
    t.press("ctrl-s");
    let would_add = |t: &Tester| match t.app.model.screen() {
        Some(Screen::ImportPreview(preview)) => preview.report.added,
        other => panic!("not the preview: {other:?}"),
    };
    assert_eq!(would_add(&t), 2);
    // Ada is added from another process while the preview is shown.
    let other = rolo::store::Store::open(t.app.store.path()).unwrap();
    other
        .add_contact(
            &rolo::store::NewContact {
                name: "Ada Lovelace".into(),
                email: "ada@engines.example".into(),
                ..Default::default()
            },
            support::clock().timestamp(),
        )
        .unwrap();
    t.app.notice_outside_changes();
    t.draw();
    assert_eq!(would_add(&t), 1, "{}", t.screen());
}

#[test]
fn a_missing_file_is_refused_at_its_field_keeping_what_was_typed() {
    let mut t = Tester::empty(80, 24);
    t.press("I").type_str("~/no/such/Connections.csv");
    t.press("ctrl-s");
    let (typed, error) = file_field(&t);
    assert_eq!(typed, "~/no/such/Connections.csv");
    assert!(error.contains("no file or folder"), "{error}");
}

#[test]
fn a_file_that_is_not_of_its_kind_is_refused_at_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "just some notes\n").unwrap();
    let mut t = Tester::empty(80, 24);
    t.press("I").type_str(&file.display().to_string());
    t.press("ctrl-s");
    let (_, error) = file_field(&t);
    assert!(error.contains("no LinkedIn header"), "{error}");
}

#[test]
fn a_file_with_nothing_of_its_kind_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, CSV).unwrap();
    let mut t = Tester::empty(80, 24);
    // vCard chosen for a CSV file: no cards in it.
    t.press("I").type_str(&file.display().to_string());
    t.press("tab right ctrl-s");
    let (_, error) = file_field(&t);
    assert!(error.contains("nothing to import: no cards"), "{error}");
}

/// The same through the real binary in a terminal, then the contacts after a restart.
#[test]
fn the_real_binary_previews_then_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let file = dir.path().join("people.csv");
    std::fs::write(&file, CSV).unwrap();
    let mut pty = support::pty::Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("No contacts yet");
    pty.send(b"I");
    pty.wait_for("Import a file: contacts, mail");
    pty.send(file.display().to_string().as_bytes()); // its kind is told from it

    pty.send(b"\x13"); // Ctrl-S
    pty.wait_for("Would add 2");
    pty.wait_for("\"not-an-email\" is not an email address");
    pty.send(b"\r");
    pty.wait_for("added 2");
    pty.wait_for("1 Contacts (2)");
    pty.quit();
    let mut pty = support::pty::Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("Alan Turing");
    pty.quit();
}

/// A LinkedIn export of `rows` different people, in the export's own shape.
fn linkedin_export(rows: usize) -> String {
    let mut text = String::from(
        "Notes:\n\"When exporting your connection data, you may notice...\"\n\n\
         First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    );
    for i in 0..rows {
        text.push_str(&format!(
            "Person,Number{i},https://www.linkedin.com/in/person-{i},,Firm {},Analyst,08 Jan 2024\n",
            i % 50
        ));
    }
    text
}

#[test]
fn an_import_cancelled_as_it_runs_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Connections.csv");
    std::fs::write(&file, linkedin_export(2_500)).unwrap();
    let mut t = Tester::empty(100, 30);
    t.press("I").type_str(&file.display().to_string());
    t.press("ctrl-s");
    assert!(t.screen().contains("Would add 2,500"), "{}", t.screen());
    t.press_interrupting("enter");
    assert!(
        t.screen().contains("Import cancelled; nothing was changed"),
        "{}",
        t.screen()
    );
    assert_eq!(t.app.store.count::<Contact>().unwrap(), 0);
}

#[test]
fn a_preview_stopped_as_it_reads_keeps_the_form_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Connections.csv");
    std::fs::write(&file, linkedin_export(2_500)).unwrap();
    let mut t = Tester::empty(100, 30);
    t.press("I").type_str(&file.display().to_string());
    t.press_interrupting("ctrl-s");
    let (value, error) = file_field(&t);
    assert_eq!(value, file.display().to_string(), "what was typed is kept");
    assert!(error.contains("the preview was stopped"), "{error}");
    assert!(!t.screen().contains("Esc cancels"), "{}", t.screen());
    assert_eq!(t.app.store.count::<Contact>().unwrap(), 0);
    // Saved again, the preview comes.
    t.press("ctrl-s");
    assert!(t.screen().contains("Would add 2,500"), "{}", t.screen());
}

#[test]
fn devices_and_pipes_are_refused_at_the_file_field() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    support::fifo(&fifo);
    for path in [Path::new("/dev/zero"), Path::new("/dev/urandom"), &fifo] {
        let mut t = Tester::empty(100, 30);
        t.press("I").type_str(&path.display().to_string());
        t.press("ctrl-s");
        let (_, error) = file_field(&t);
        assert!(error.contains("not a regular file"), "{path:?}: {error}");
    }
}

/// Esc while a large import runs, through the real binary: it stops, and after a restart
/// there is nobody.
#[test]
fn esc_cancels_a_running_import_in_the_real_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let file = dir.path().join("Connections.csv");
    std::fs::write(&file, linkedin_export(30_000)).unwrap();
    let mut pty = support::pty::Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("No contacts yet");
    pty.send(b"I");
    pty.send(file.display().to_string().as_bytes());
    pty.send(b"\x13"); // Ctrl-S: the preview
    pty.wait_for("Would add 30,000");
    pty.send(b"\r\x1b"); // Enter imports; Esc at once cancels it
    pty.wait_for("Import cancelled; nothing was changed");
    pty.wait_for("No contacts yet");
    pty.quit();
    let count = rolo::store::Store::open(&db)
        .unwrap()
        .count::<Contact>()
        .unwrap();
    assert_eq!(count, 0);
}

/// Mail from the import form: told from the folder, previewed with what the review will ask,
/// taken in on Enter.
#[test]
fn a_maildir_is_previewed_with_what_the_review_will_ask() {
    let mut t = Tester::empty(120, 40);
    let (mut ada, _) = support::ada_asked(&t.app.store);
    ada.email = "ada@engines.example".into();
    t.app
        .store
        .update(&mut ada, support::clock().timestamp())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cur = dir.path().join("Mail").join("cur");
    std::fs::create_dir_all(&cur).unwrap();
    std::fs::write(
        cur.join("1764150600.M1P2.laptop:2,S"),
        "From: Ada Lovelace <ada@engines.example>\nTo: me@home.example\n\
         Subject: Re: Twenty minutes?\nDate: Tue, 24 Nov 2026 10:30:00 +0000\n\
         Message-ID: <yes.2@engines.example>\n\nGladly.\n",
    )
    .unwrap();
    t.press("I");
    t.type_str(&dir.path().join("Mail").display().to_string());
    t.press("ctrl-s");
    assert!(
        matches!(t.app.model.screen(), Some(Screen::ImportPreview(_))),
        "{}",
        t.screen()
    );
    let screen = t.screen();
    assert!(
        screen.contains("mail (mbox file or Maildir folder)"),
        "{screen}"
    );
    assert!(
        screen.contains("would add 1 message to the timeline"),
        "{screen}"
    );
    assert!(
        screen.contains("Ada Lovelace wrote back on 24 Nov"),
        "{screen}"
    );
    t.press("enter");
    assert!(t.screen().contains("added 1 message"), "{}", t.screen());
}
