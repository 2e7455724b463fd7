//! A JSON export carries deletions as they are: restored into another database, what was in
//! the trash is in its trash, restorable with what went with it; and someone deleted here but
//! changed since elsewhere comes back whole, never without their follow-ups and timeline.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::Duration;
use rolo::domain::{Contact, Deletable, FollowUp, Interaction, InteractionKind, RecordRef};
use rolo::interop::json;
use rolo::store::Store;
use support::{TempStore, clock};

/// Xena, with a follow-up and a call on her timeline.
fn xena(db: &Store) -> Contact {
    let now = clock().timestamp();
    let xena = Contact::named("Xena Warrior", now);
    db.insert(&xena).unwrap();
    db.add_follow_up(
        "Xena Warrior",
        "Send the notes",
        now.plus(Duration::days(2)),
        now,
    )
    .unwrap();
    db.insert(&Interaction::new(
        xena.meta.id,
        InteractionKind::Call,
        "Caught up",
        now,
    ))
    .unwrap();
    xena
}

fn live_follow_ups(db: &Store) -> usize {
    db.all::<FollowUp>(false).unwrap().len()
}

#[test]
fn a_restored_backup_keeps_its_trash_restorable_whole() {
    let here = TempStore::new();
    let person = xena(&here);
    here.trash(
        RecordRef::new(Deletable::Contact, person.meta.id),
        clock().timestamp().plus(Duration::minutes(1)),
    )
    .unwrap();
    let backup = json::export(&here).unwrap();
    let restored = TempStore::new();
    json::merge(&restored, &backup, false).unwrap();
    let trash = restored.trash_rows(10).unwrap();
    assert_eq!(
        trash.len(),
        1,
        "she alone, not her follow-up and call: {trash:?}"
    );
    assert_eq!(trash[0].label, "Xena Warrior");
    restored
        .untrash(
            trash[0].record,
            clock().timestamp().plus(Duration::minutes(2)),
        )
        .unwrap();
    assert_eq!(
        live_follow_ups(&restored),
        1,
        "her follow-up comes back with her"
    );
}

#[test]
fn someone_deleted_here_but_changed_elsewhere_comes_back_whole() {
    let here = TempStore::new();
    let person = xena(&here);
    // The other device: a copy taken before the deletion, where she is then edited.
    let there = TempStore::new();
    json::merge(&there, &json::export(&here).unwrap(), false).unwrap();
    here.trash(
        RecordRef::new(Deletable::Contact, person.meta.id),
        clock().timestamp().plus(Duration::minutes(1)),
    )
    .unwrap();
    let mut edited: Contact = there.get(person.meta.id).unwrap();
    edited.title = "Captain".into();
    there
        .update(&mut edited, clock().timestamp().plus(Duration::minutes(5)))
        .unwrap();
    json::merge(&here, &json::export(&there).unwrap(), false).unwrap();
    let back: Contact = here.get(person.meta.id).unwrap();
    assert!(back.meta.deleted_at.is_none());
    assert_eq!(back.title, "Captain");
    assert_eq!(live_follow_ups(&here), 1, "her follow-up is live with her");
    assert_eq!(
        here.timeline_of(person.meta.id, 10).unwrap().len(),
        1,
        "her call too"
    );
    assert!(
        here.trash_rows(10).unwrap().is_empty(),
        "and she is out of the trash"
    );
}
