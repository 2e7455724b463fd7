//! One open interview per person, by every route an interview can come in: restored from the
//! trash, moved by a merge, imported from JSON (a dry run too). (Starting, moving back and
//! undoing are held by the random walk in `playbook_model.rs`.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{Channel, Contact, Deletable, Id, Interview, RecordRef};
use rolo::interop::json;
use rolo::store::NewRequest;
use support::TempStore;

/// However an interview comes in — restored from the trash, moved by a merge, imported — no
/// one is left with two open interviews.
#[test]
fn no_one_has_two_open_interviews_by_any_route() {
    let db = TempStore::new();
    let clock = support::clock();
    let now = clock.timestamp();
    let settings = PlaybookSettings::default();
    let request = |contact| NewRequest {
        contact_id: contact,
        objective: "Learn how the work is done".into(),
        channel: Channel::Email,
        found_via: String::new(),
        minutes_asked: 20,
    };
    let [ada, grace] = ["Ada Lovelace", "Grace Hopper"].map(|name| {
        let contact = Contact::named(name, now);
        db.insert(&contact).unwrap();
        contact.meta.id
    });
    let first = db
        .start_interview(&request(ada), &clock, &settings)
        .unwrap();
    // Deleted, a new one started, the old one restored: refused, the trash keeps it.
    let gone = RecordRef::new(Deletable::Interview, first.meta.id);
    db.trash(gone, now).unwrap();
    let mut second = request(ada);
    second.objective = "A second conversation".into();
    db.start_interview(&second, &clock, &settings).unwrap();
    let err = db.untrash(gone, now).unwrap_err().to_string();
    assert!(err.contains("would have two open interviews"), "{err}");
    assert!(
        err.contains("A second conversation"),
        "names the open one: {err}"
    );
    // Two contacts, one person, each asked: the merge is refused.
    db.start_interview(&request(grace), &clock, &settings)
        .unwrap();
    let err = db.merge_contacts(grace, ada, now).unwrap_err().to_string();
    assert!(err.contains("would have two open interviews"), "{err}");
    // An export that holds two open interviews with one person imports nothing.
    let mut export = json::export(&db).unwrap();
    let open = export
        .interviews
        .iter()
        .find(|i| i.meta.deleted_at.is_none() && i.outcome.is_none())
        .unwrap();
    let mut twin = open.clone();
    twin.meta.id = Id::new();
    export.interviews.push(twin);
    let fresh = TempStore::new();
    let err = json::merge(&fresh, &export, true).unwrap_err().to_string();
    assert!(
        err.contains("would have two open interviews"),
        "a dry run says so too: {err}"
    );
    let err = json::merge(&fresh, &export, false).unwrap_err().to_string();
    assert!(err.contains("would have two open interviews"), "{err}");
    assert!(
        fresh.all::<Interview>(true).unwrap().is_empty(),
        "nothing half-imported"
    );
}
