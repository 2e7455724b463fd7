//! The store on temporary databases: round trips, tombstones, lists, counts and keyset pages.

mod support;

use rolo::domain::{
    Channel, Contact, Evaluation, FollowUp, FollowUpKind, Id, Interaction, InteractionKind,
    Interview, InterviewQuestion, Meeting, MeetingMode, MeetingStatus, Meta, Organization,
    Question, QuestionList, Tag, Timestamp,
};
use rolo::store::{NewContact, Page, Record, Store, StoreError};
use support::{TempStore, clock};

fn now() -> Timestamp {
    clock().timestamp()
}

/// Inserts, reads back equal, updates, reads back the change.
fn round_trip<R: Record + Clone + PartialEq + std::fmt::Debug>(
    db: &Store,
    record: R,
    change: impl Fn(&mut R),
) {
    db.insert(&record).unwrap();
    let id = record.meta().id;
    assert_eq!(
        db.get::<R>(id).unwrap(),
        record,
        "{} reads back as saved",
        R::NOUN
    );
    let mut changed = record.clone();
    change(&mut changed);
    let later = now().plus(chrono::Duration::minutes(5));
    db.update(&mut changed, later).unwrap();
    let read: R = db.get(id).unwrap();
    assert_eq!(read, changed, "{} reads back as changed", R::NOUN);
    assert_eq!(read.meta().updated_at, later);
    assert_ne!(read, record);
}

#[test]
fn every_record_round_trips() {
    let db = TempStore::new();
    let org = Organization {
        meta: Meta::new(now()),
        name: "Analytical Engines".into(),
        website: "https://ae.example".into(),
        notes: "n".into(),
    };
    round_trip(&db, org.clone(), |o| o.name = "AE Ltd".into());
    let mut contact = Contact::named("Ada Lovelace", now());
    contact.organization_id = Some(org.meta.id);
    contact.keep_in_touch_days = Some(45);
    contact.email = "ada@ae.example".into();
    round_trip(&db, contact.clone(), |c| c.title = "Analyst".into());
    round_trip(
        &db,
        Tag {
            meta: Meta::new(now()),
            name: "mentors".into(),
        },
        |t| t.name = "mentor".into(),
    );
    let mut interview =
        Interview::requested(contact.meta.id, "Learn", Channel::ReferralIntro, now());
    interview.evaluation = Evaluation {
        key_points: "k".into(),
        pay: "p".into(),
        offered_reference: true,
        ..Evaluation::default()
    };
    round_trip(&db, interview.clone(), |i| {
        i.evaluation.new_ideas = "n".into()
    });
    let meeting = Meeting {
        meta: Meta::new(now()),
        interview_id: interview.meta.id,
        starts_at: now(),
        duration_minutes: 20,
        mode: MeetingMode::InPerson,
        place: "Café".into(),
        status: MeetingStatus::Scheduled,
        notes: String::new(),
    };
    round_trip(&db, meeting, |m| m.status = MeetingStatus::Held);
    let list = QuestionList {
        meta: Meta::new(now()),
        name: "Mine".into(),
        description: String::new(),
    };
    round_trip(&db, list.clone(), |l| l.description = "d".into());
    let question = Question {
        meta: Meta::new(now()),
        list_id: list.meta.id,
        position: 0,
        text: "Why?".into(),
    };
    round_trip(&db, question.clone(), |q| q.position = 3);
    let asked = InterviewQuestion {
        meta: Meta::new(now()),
        interview_id: interview.meta.id,
        question_id: Some(question.meta.id),
        position: 0,
        text: "Why?".into(),
        asked: false,
        answer: String::new(),
    };
    round_trip(&db, asked, |q| {
        q.asked = true;
        q.answer = "Because".into()
    });
    let mut follow_up = FollowUp::new(FollowUpKind::Custom, "Call", now(), now());
    follow_up.contact_id = Some(contact.meta.id);
    round_trip(&db, follow_up, |f| f.done_at = Some(now()));
    round_trip(
        &db,
        Interaction::new(contact.meta.id, InteractionKind::Call, "Talked", now()),
        |i| i.body = "b".into(),
    );
}

#[test]
fn delete_is_a_tombstone_that_restore_undoes() {
    let db = TempStore::new();
    let contact = Contact::named("Ada", now());
    db.insert(&contact).unwrap();
    assert_eq!(db.count::<Contact>().unwrap(), 1);
    db.delete::<Contact>(contact.meta.id, now()).unwrap();
    assert_eq!(db.count::<Contact>().unwrap(), 0);
    assert!(db.contacts_page(Page::first(10)).unwrap().is_empty());
    let tomb: Contact = db.get(contact.meta.id).unwrap();
    assert_eq!(tomb.meta.deleted_at, Some(now()));
    assert_eq!(
        db.all::<Contact>(true).unwrap().len(),
        1,
        "the tombstone is kept for undo and merges"
    );
    db.restore::<Contact>(contact.meta.id, now()).unwrap();
    assert_eq!(db.contacts_page(Page::first(10)).unwrap()[0].name, "Ada");
    let err = db.delete::<Contact>(Id::new(), now()).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                what: "contact",
                ..
            }
        ),
        "{err}"
    );
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
fn quick_capture_validates_and_cleans() {
    let db = TempStore::new();
    let err = db
        .add_contact(
            &NewContact {
                name: " \u{1b}[31m ".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap_err();
    assert_eq!(err.to_string(), "a name is required");
    let err = db
        .add_contact(
            &NewContact {
                name: "A".into(),
                email: "nope".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("does not look like an email"),
        "{err}"
    );
    let ada = db
        .add_contact(
            &NewContact {
                name: "Ada\u{1b}[2J Lovelace".into(),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!(ada.name, "Ada Lovelace");
    let bob = db
        .add_contact(
            &NewContact {
                name: "Bob".into(),
                referred_by: Some("ada lovelace".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
    assert_eq!(bob.referred_by, Some(ada.meta.id));
    let err = db.add_contact(
        &NewContact {
            name: "C".into(),
            referred_by: Some("Nobody".into()),
            ..Default::default()
        },
        now(),
    );
    assert!(
        err.unwrap_err()
            .to_string()
            .contains("no contact is called \"Nobody\"")
    );
    assert_eq!(
        db.count::<Contact>().unwrap(),
        2,
        "a refused contact is not half-saved"
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
    let first = db.start_interview(&request, &clock(), &settings).unwrap();
    let second = db.start_interview(&request, &clock(), &settings).unwrap();
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
