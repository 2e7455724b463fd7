//! The store's lists and counts on temporary databases: name order, keyset pages that walk
//! the whole list, paged text search of any record, and the counts the triggers keep.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{Channel, Contact, Interview, Organization, QuestionList, Timestamp};
use rolo::store::{NewContact, Page};
use support::{TempStore, clock};

fn now() -> Timestamp {
    clock().timestamp()
}

#[test]
fn contacts_page_in_name_order_with_organisations() {
    let db = TempStore::new();
    for name in ["carol", "Bob", "alice", "Dave"] {
        db.add_contact(
            &NewContact {
                name: name.into(),
                organization: "Acme".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    }
    let page = db
        .contacts_page(Page {
            offset: 1,
            limit: 2,
        })
        .unwrap();
    let names: Vec<&str> = page.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Bob", "carol"]);
    assert_eq!(page[0].organization, "Acme");
    assert_eq!(
        db.count::<Organization>().unwrap(),
        1,
        "one organisation, found by name"
    );
}

#[test]
fn the_live_contact_count_follows_inserts_tombstones_restores_and_upserts() {
    let db = TempStore::new();
    let ada = Contact::named("Ada", now());
    db.insert(&ada).unwrap();
    db.insert(&Contact::named("Bob", now())).unwrap();
    assert_eq!(db.contacts_total().unwrap(), 2);
    db.delete::<Contact>(ada.meta.id, now()).unwrap();
    assert_eq!(db.contacts_total().unwrap(), 1);
    db.restore::<Contact>(ada.meta.id, now()).unwrap();
    assert_eq!(db.contacts_total().unwrap(), 2);
    let mut renamed = ada.clone();
    renamed.name = "Ada L.".into();
    db.write(|tx| rolo::store::upsert(tx, &renamed)).unwrap();
    assert_eq!(
        db.contacts_total().unwrap(),
        2,
        "an upsert of a live contact does not count it twice"
    );
    assert_eq!(db.contacts_total().unwrap(), db.count::<Contact>().unwrap());
}

#[test]
fn open_interview_counts_per_stage_follow_the_playbook() {
    use rolo::domain::playbook::Step;
    use rolo::domain::settings::PlaybookSettings;
    use rolo::store::{NewRequest, StepInput};
    let db = TempStore::new();
    let settings = PlaybookSettings::default();
    let ada = Contact::named("Ada", now());
    db.insert(&ada).unwrap();
    let request = NewRequest {
        contact_id: ada.meta.id,
        objective: "x".into(),
        channel: Channel::Email,
        found_via: String::new(),
        minutes_asked: 20,
    };
    let counts = |db: &TempStore| -> Vec<u64> {
        rolo::domain::Stage::ALL
            .iter()
            .map(|s| db.open_interviews_at(*s, 0).unwrap().0)
            .collect()
    };
    let grace = Contact::named("Grace", now());
    db.insert(&grace).unwrap();
    let first = db.start_interview(&request, &clock(), &settings).unwrap();
    let second = db
        .start_interview(
            &NewRequest {
                contact_id: grace.meta.id,
                ..request.clone()
            },
            &clock(),
            &settings,
        )
        .unwrap();
    // One open interview per person: a second request for Ada is refused.
    let refused = db
        .start_interview(&request, &clock(), &settings)
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("already has an open interview"),
        "{refused}"
    );
    assert_eq!(counts(&db), [2, 0, 0, 0, 0]);
    db.apply_step(
        first.meta.id,
        &StepInput::from(Step::Accepted),
        &clock(),
        &settings,
    )
    .unwrap();
    assert_eq!(counts(&db), [1, 1, 0, 0, 0]);
    db.apply_step(
        second.meta.id,
        &StepInput::from(Step::Declined),
        &clock(),
        &settings,
    )
    .unwrap();
    assert_eq!(
        counts(&db),
        [0, 1, 0, 0, 0],
        "a closed interview is not open"
    );
    db.delete::<Interview>(first.meta.id, now()).unwrap();
    assert_eq!(counts(&db), [0, 0, 0, 0, 0]);
    db.restore::<Interview>(first.meta.id, now()).unwrap();
    assert_eq!(counts(&db), [0, 1, 0, 0, 0]);
}

#[test]
fn keyset_pages_walk_the_whole_list_in_order() {
    let db = TempStore::new();
    for i in 0..50 {
        // Duplicate names make the id tie-break matter.
        db.insert(&Contact::named(&format!("Person {}", i % 7), now()))
            .unwrap();
    }
    let all = db.contacts_page(Page::first(100)).unwrap();
    let mut walked = db.contacts_page(Page::first(5)).unwrap();
    while let Some(last) = walked.last().cloned() {
        let next = db.contacts_after(&last, 5).unwrap();
        if next.is_empty() {
            break;
        }
        walked.extend(next);
    }
    assert_eq!(walked, all);
    let tail = db.contacts_before(&all[20], 6).unwrap();
    assert_eq!(tail, all[14..20].to_vec());
}

#[test]
fn any_record_lists_by_page_and_text() {
    let db = TempStore::new();
    for name in [
        "Ada Lovelace",
        "Grace Hopper",
        "Adele Goldberg",
        "Alan Turing",
    ] {
        db.insert(&Contact::named(name, now())).unwrap();
    }
    let names = |found: Vec<Contact>| found.into_iter().map(|c| c.name).collect::<Vec<_>>();
    assert_eq!(
        names(db.list(None, false, Page::first(2)).unwrap()),
        ["Ada Lovelace", "Grace Hopper"]
    );
    assert_eq!(
        names(
            db.list(
                None,
                false,
                Page {
                    offset: 2,
                    limit: 5
                }
            )
            .unwrap()
        ),
        ["Adele Goldberg", "Alan Turing"]
    );
    assert_eq!(
        names(db.list(Some("ADE"), false, Page::first(10)).unwrap()),
        ["Adele Goldberg"]
    );
    let grace = db
        .list::<Contact>(Some("grace"), false, Page::first(1))
        .unwrap()
        .remove(0);
    db.delete::<Contact>(grace.meta.id, now()).unwrap();
    assert!(
        db.list::<Contact>(Some("grace"), false, Page::first(10))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        db.list::<Contact>(Some("grace"), true, Page::first(10))
            .unwrap()
            .len(),
        1,
        "tombstones on request"
    );
    let lists = db
        .list::<QuestionList>(Some("career"), false, Page::first(10))
        .unwrap();
    assert_eq!(lists[0].name, "Changing careers");
}
