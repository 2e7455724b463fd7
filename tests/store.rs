//! The store on temporary databases: round trips, tombstones, quick capture. Lists, counts
//! and keyset pages are in store_lists.rs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

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
