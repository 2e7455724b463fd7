//! An edit never overwrites what it did not change: a form open while another process saves
//! the same record keeps that process's changes to other fields, and where both changed one
//! field the user sees the other value and chooses. In the app, and through the real binary
//! with `rolo import` writing from another shell.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{Contact, FollowUp, FollowUpKind};
use rolo::store::Store;
use support::tui::Tester;

/// Ada, with a title and no email or phone; the app open on her edit form.
fn editing_ada() -> (Tester, Contact) {
    let mut t = Tester::empty(100, 30);
    let mut ada = Contact::named("Ada Lovelace", support::clock().timestamp());
    ada.title = "Engineer".into();
    ada.linkedin = "https://www.linkedin.com/in/ada".into();
    t.app.store.insert(&ada).unwrap();
    t.press("ctrl-r enter e");
    assert!(t.screen().contains("Edit contact"), "{}", t.screen());
    (t, ada)
}

fn focus(t: &mut Tester, key: &str) {
    for _ in 0..20 {
        if t.app.model.form().unwrap().focused().key == key {
            return;
        }
        t.press("tab");
    }
    panic!("no field {key}");
}

/// Another process's connection, saving the contact as it is now with `change` made.
fn saved_elsewhere(t: &Tester, id: rolo::domain::Id, change: impl FnOnce(&mut Contact)) {
    let other = Store::open(t.app.store.path()).unwrap();
    let mut contact: Contact = other.get(id).unwrap();
    change(&mut contact);
    other
        .update(&mut contact, support::clock().timestamp())
        .unwrap();
}

#[test]
fn a_change_elsewhere_to_other_fields_is_kept_with_ours() {
    let (mut t, ada) = editing_ada();
    focus(&mut t, "phone");
    t.type_str("+44 20 7946 0000");
    saved_elsewhere(&t, ada.meta.id, |c| {
        c.title = "CTO".into();
        c.email = "ada@engines.example".into();
    });
    t.press("ctrl-s");
    assert!(t.app.model.form().is_none(), "saved: {}", t.screen());
    let stored: Contact = t.app.store.get(ada.meta.id).unwrap();
    assert_eq!(stored.phone, "+44 20 7946 0000", "ours");
    assert_eq!(stored.title, "CTO", "theirs");
    assert_eq!(stored.email, "ada@engines.example", "theirs");
}

#[test]
fn both_changing_one_field_shows_theirs_and_the_user_chooses() {
    let (mut t, ada) = editing_ada();
    focus(&mut t, "title");
    t.press("ctrl-u").type_str("Chief Engineer");
    saved_elsewhere(&t, ada.meta.id, |c| c.title = "CTO".into());
    t.press("ctrl-s");
    let form = t.app.model.form().expect("not saved: the user chooses");
    let error = form
        .field(rolo::form::FieldKey::Title)
        .unwrap()
        .error
        .clone()
        .unwrap_or_default();
    assert!(error.contains("Ctrl-T takes “CTO”"), "{error}");
    assert_eq!(
        form.field(rolo::form::FieldKey::Title)
            .unwrap()
            .input
            .value(),
        "Chief Engineer"
    );
    assert!(t.screen().contains("Ctrl-T takes “CTO”"), "{}", t.screen());
    let stored: Contact = t.app.store.get(ada.meta.id).unwrap();
    assert_eq!(stored.title, "CTO", "nothing saved yet");

    // Ctrl-S again: ours, knowingly.
    t.press("ctrl-s");
    assert!(t.app.model.form().is_none());
    let stored: Contact = t.app.store.get(ada.meta.id).unwrap();
    assert_eq!(stored.title, "Chief Engineer");
}

#[test]
fn ctrl_t_takes_the_value_saved_elsewhere() {
    let (mut t, ada) = editing_ada();
    focus(&mut t, "title");
    t.press("ctrl-u").type_str("Chief Engineer");
    focus(&mut t, "phone");
    t.type_str("555");
    saved_elsewhere(&t, ada.meta.id, |c| c.title = "CTO".into());
    t.press("ctrl-s");
    assert_eq!(
        t.app.model.form().unwrap().focused().key,
        "title",
        "the conflict is focused"
    );
    t.press("ctrl-t ctrl-s");
    assert!(t.app.model.form().is_none());
    let stored: Contact = t.app.store.get(ada.meta.id).unwrap();
    assert_eq!(stored.title, "CTO");
    assert_eq!(stored.phone, "555");
}

#[test]
fn the_same_holds_for_a_follow_up() {
    let mut t = Tester::empty(100, 30);
    let now = support::clock().timestamp();
    let mut f = FollowUp::new(
        FollowUpKind::Custom,
        "Send Ada the paper",
        now.plus(chrono::Duration::days(1)),
        now,
    );
    f.notes = "the one on engines".into();
    let ada = Contact::named("Ada Lovelace", now);
    t.app.store.insert(&ada).unwrap();
    f.contact_id = Some(ada.meta.id);
    t.app.store.insert(&f).unwrap();
    t.press("ctrl-r 3 e");
    assert!(t.screen().contains("Edit follow-up"), "{}", t.screen());
    focus(&mut t, "title");
    t.press("ctrl-u").type_str("Send Ada both papers");
    let other = Store::open(t.app.store.path()).unwrap();
    let mut theirs: FollowUp = other.get(f.meta.id).unwrap();
    theirs.notes = "engines and looms".into();
    other.update(&mut theirs, now).unwrap();
    t.press("ctrl-s");
    assert!(t.app.model.form().is_none(), "{}", t.screen());
    let stored: FollowUp = t.app.store.get(f.meta.id).unwrap();
    assert_eq!(stored.title, "Send Ada both papers");
    assert_eq!(stored.notes, "engines and looms");
}

/// Through the real binary: the app edits Ada's phone while `rolo import` in another shell
/// gives her a new title and an email; after the save, and after a restart, all three are there.
#[test]
fn an_import_meanwhile_and_the_apps_edit_both_survive() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db)
        .args([
            "add",
            "contact",
            "--name",
            "Ada Lovelace",
            "--title",
            "Engineer",
            "--linkedin",
            "https://www.linkedin.com/in/ada",
        ])
        .assert()
        .success();
    let mut pty = support::pty::Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("Ada Lovelace");
    pty.send(b"\r");
    pty.wait_for("Timeline");
    pty.send(b"e");
    pty.wait_for("Edit contact");
    pty.send(b"\t\t\t\t"); // name, title, organisation, email → phone
    pty.send(b"555 0100");

    let csv = dir.path().join("update.csv");
    std::fs::write(
        &csv,
        "Name,Title,Email,LinkedIn\nAda Lovelace,CTO,ada@engines.example,https://www.linkedin.com/in/ada\n",
    )
    .unwrap();
    support::rolo(&db)
        .args(["import", "csv"])
        .arg(&csv)
        .assert()
        .success();

    pty.send(b"\x13"); // Ctrl-S
    pty.wait_for("Saved Ada Lovelace");
    pty.quit();
    let ada = Store::open(&db)
        .unwrap()
        .contact_named("Ada Lovelace")
        .unwrap();
    assert_eq!(ada.phone, "555 0100");
    assert_eq!(ada.title, "CTO");
    assert_eq!(ada.email, "ada@engines.example");
}
