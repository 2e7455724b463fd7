//! Merging two contacts that are one person: everything that pointed at the duplicate moves to
//! the contact kept (interviews, follow-ups, timeline, referrals, tags), the kept contact takes
//! the details it lacked, the duplicate goes to the trash — and undo puts every piece back, in
//! the store, through `rolo merge`, and from the contact screen's `M`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::domain::{Contact, FollowUp, Interaction, Interview};
use rolo::store::Store;
use support::{TempStore, clock, rolo};

/// Who points at whom: every interview, follow-up, timeline entry and referral, by contact.
fn pointers(store: &Store) -> Vec<(String, String)> {
    let mut all = Vec::new();
    for interview in store.all::<Interview>(true).unwrap() {
        all.push((
            interview.meta.id.to_string(),
            interview.contact_id.to_string(),
        ));
    }
    for f in store.all::<FollowUp>(true).unwrap() {
        all.push((f.meta.id.to_string(), format!("{:?}", f.contact_id)));
    }
    for i in store.all::<Interaction>(true).unwrap() {
        if i.meta.deleted_at.is_none() {
            all.push((i.meta.id.to_string(), i.contact_id.to_string()));
        }
    }
    for c in store.all::<Contact>(true).unwrap() {
        all.push((c.meta.id.to_string(), format!("{:?}", c.referred_by)));
    }
    all.sort();
    all
}

/// The demo, plus a second entry for one of its people with an email and a tag.
fn with_a_duplicate() -> (TempStore, Contact, Contact) {
    let db = TempStore::new();
    rolo::demo::fill(&db, rolo::demo::DEFAULT_CONTACTS, &clock()).unwrap();
    let mut kept = db
        .all::<Contact>(false)
        .unwrap()
        .into_iter()
        .find(|c| !db.interviews_of(c.meta.id).unwrap().is_empty())
        .expect("someone with an interview");
    kept.location.clear();
    db.update(&mut kept, clock().timestamp()).unwrap();
    let mut twin = Contact::named(&kept.name, clock().timestamp());
    twin.phone = "+44 20 7946 0000".into();
    twin.location = "Lisbon".into();
    twin.notes = "Met again at the conference".into();
    db.insert(&twin).unwrap();
    db.tag_contact(twin.meta.id, "conference", clock().timestamp())
        .unwrap();
    (db, kept, twin)
}

#[test]
fn a_merge_moves_everything_and_undo_puts_it_all_back() {
    let (db, kept, twin) = with_a_duplicate();
    // The duplicate has its own timeline too: it moves with the rest.
    db.insert(&Interaction::new(
        twin.meta.id,
        rolo::domain::InteractionKind::Call,
        "Called about the conference",
        clock().timestamp(),
    ))
    .unwrap();
    let before = pointers(&db);
    let live_before = db.count::<Contact>().unwrap();

    db.merge_contacts(twin.meta.id, kept.meta.id, clock().timestamp())
        .unwrap();
    let merged: Contact = db.get(kept.meta.id).unwrap();
    assert_eq!(merged.location, "Lisbon", "the detail it lacked");
    assert_eq!(merged.phone, kept.phone, "a detail it had stays");
    assert!(merged.notes.contains("Met again at the conference"));
    assert!(
        db.tags_of(kept.meta.id)
            .unwrap()
            .contains(&"conference".to_string())
    );
    assert_eq!(db.count::<Contact>().unwrap(), live_before - 1);
    let gone: Contact = db.get(twin.meta.id).unwrap();
    assert!(gone.meta.deleted_at.is_some());
    let calls: Vec<Interaction> = db
        .all::<Interaction>(false)
        .unwrap()
        .into_iter()
        .filter(|i| i.summary == "Called about the conference")
        .collect();
    assert_eq!(calls[0].contact_id, kept.meta.id);

    db.undo_last(clock().timestamp()).unwrap();
    assert_eq!(pointers(&db), before, "every pointer back where it was");
    let restored: Contact = db.get(kept.meta.id).unwrap();
    assert_eq!(
        (restored.location.as_str(), restored.notes.as_str()),
        ("", kept.notes.as_str())
    );
    assert!(
        !db.tags_of(kept.meta.id)
            .unwrap()
            .contains(&"conference".to_string())
    );
    assert_eq!(db.count::<Contact>().unwrap(), live_before);
}

#[test]
fn the_command_line_names_namesakes_by_id_and_undoes() {
    let (db, kept, twin) = with_a_duplicate();
    rolo(&db.path())
        .args(["merge", &kept.name, "--into", &kept.name])
        .assert()
        .failure()
        .stderr(contains("2 contacts are called"))
        .stderr(contains(twin.meta.id.to_string()));
    rolo(&db.path())
        .args([
            "merge",
            &twin.meta.id.to_string(),
            "--into",
            &kept.meta.id.to_string(),
        ])
        .assert()
        .success()
        .stdout(contains(format!("Merged {} into {}", twin.name, kept.name)));
    assert!(
        db.get::<Contact>(twin.meta.id)
            .unwrap()
            .meta
            .deleted_at
            .is_some()
    );
    rolo(&db.path())
        .args(["merge", "--undo"])
        .assert()
        .success()
        .stdout(contains("are two contacts again"));
    assert!(
        db.get::<Contact>(twin.meta.id)
            .unwrap()
            .meta
            .deleted_at
            .is_none()
    );
}

#[test]
fn m_on_a_contact_merges_the_one_picked_and_u_undoes_it() {
    let (db, kept, twin) = with_a_duplicate();
    let store = Store::open(&db.path()).unwrap();
    let mut t = support::tui::Tester::on(
        store,
        100,
        30,
        None,
        rolo::tui::view::theme::Theme::new(true),
    );
    t.app
        .run_effects(vec![rolo::tui::data::effect::Effect::OpenContact(
            kept.meta.id,
        )]);
    t.press("M");
    assert!(
        t.screen().contains("Merge a duplicate into this contact"),
        "{}",
        t.screen()
    );
    let first_word = kept.name.split(' ').next().unwrap().to_string();
    t.type_str(&first_word);
    let offered: Vec<_> = t
        .app
        .model
        .form()
        .unwrap()
        .field(rolo::form::FieldKey::Duplicate)
        .unwrap()
        .suggestions
        .clone();
    assert!(
        offered.iter().all(|(id, _)| *id != kept.meta.id),
        "a contact is not offered as their own duplicate"
    );
    assert!(offered.iter().any(|(id, _)| *id == twin.meta.id));
    let position = offered
        .iter()
        .position(|(id, _)| *id == twin.meta.id)
        .unwrap();
    for _ in 0..position {
        t.press("down");
    }
    t.press("enter ctrl-s");
    assert!(t.screen().contains("Merged"), "{}", t.screen());
    assert!(
        t.app
            .store
            .get::<Contact>(twin.meta.id)
            .unwrap()
            .meta
            .deleted_at
            .is_some()
    );
    t.press("u");
    assert!(
        t.screen().contains("are two contacts again"),
        "{}",
        t.screen()
    );
    assert!(
        t.app
            .store
            .get::<Contact>(twin.meta.id)
            .unwrap()
            .meta
            .deleted_at
            .is_none()
    );
}

#[test]
fn undoing_a_merge_takes_back_what_it_changed_and_keeps_what_was_edited_since() {
    let (db, kept, twin) = with_a_duplicate();
    let now = clock().timestamp();
    db.merge_contacts(twin.meta.id, kept.meta.id, now).unwrap();
    // Edited after the merge: a new title, and notes of their own.
    let mut edited: Contact = db.get(kept.meta.id).unwrap();
    edited.title = "Director of Engineering".into();
    edited.notes = "IMPORTANT: prefers calls".into();
    db.update(&mut edited, now.plus(chrono::Duration::minutes(1)))
        .unwrap();
    db.undo_last(now.plus(chrono::Duration::minutes(2)))
        .unwrap();
    let after: Contact = db.get(kept.meta.id).unwrap();
    assert_eq!(
        after.title, "Director of Engineering",
        "an edit since stays"
    );
    assert_eq!(
        after.notes, "IMPORTANT: prefers calls",
        "an edit since stays"
    );
    assert_eq!(after.location, "", "what the merge filled in is taken back");
    assert_eq!(after.phone, kept.phone);
}
