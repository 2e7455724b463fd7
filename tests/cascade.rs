//! Deleting a contact takes everything that is theirs out of every list, count, insight and
//! agenda, and restoring them brings all of it back; calling an interview off cancels its
//! meeting.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::Duration;
use rolo::domain::playbook::Step;
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{Deletable, Interaction, InteractionKind, RecordRef};
use rolo::store::{StepInput, Store};
use support::{TempStore, clock};

/// What the screens and `today` count about everyone, as one value to compare.
fn seen(store: &Store) -> (usize, usize, u64, u64, u64, usize) {
    let clock = clock();
    let week = clock.timestamp().plus(Duration::days(14));
    let insights = store.insights(&clock, chrono::Weekday::Mon).unwrap();
    (
        store
            .meetings_between(clock.timestamp(), week, 100)
            .unwrap()
            .len(),
        store.review_queue(&clock).unwrap().len(),
        insights.requested,
        insights.touches_per_week.iter().sum(),
        store
            .count_owed(clock.start_of(clock.today()), week, 100)
            .unwrap(),
        store.owed_before(week, 100, &clock).unwrap().len(),
    )
}

#[test]
fn a_deleted_contact_takes_all_that_is_theirs_and_a_restore_brings_it_back() {
    let db = TempStore::new();
    let clock = clock();
    let (ada, _) = support::ada_with_a_meeting(&db);
    db.add_follow_up(
        "Ada Lovelace",
        "Send the paper",
        clock.timestamp(),
        clock.timestamp(),
    )
    .unwrap();
    db.insert(&Interaction::new(
        ada.meta.id,
        InteractionKind::Call,
        "Caught up",
        clock.timestamp(),
    ))
    .unwrap();
    let before = seen(&db);
    assert_eq!(before.0, 1, "the meeting is upcoming");
    assert!(
        before.1 >= 2,
        "the meeting step and the follow-up are in today's queue"
    );

    let later = clock.timestamp().plus(Duration::minutes(1));
    db.trash(RecordRef::new(Deletable::Contact, ada.meta.id), later)
        .unwrap();
    assert_eq!(
        seen(&db),
        (0, 0, 0, 0, 0, 0),
        "nothing of hers is left anywhere"
    );
    assert_eq!(
        db.trash_rows(10).unwrap().len(),
        1,
        "the trash lists her alone"
    );

    db.undo_last_delete(later.plus(Duration::minutes(1)))
        .unwrap();
    assert_eq!(seen(&db), before, "all of it comes back together");
}

#[test]
fn calling_an_interview_off_cancels_its_meeting() {
    let db = TempStore::new();
    let clock = clock();
    let settings = PlaybookSettings::default();
    let (_, interview) = support::ada_asked(&db);
    let starts_at = clock.timestamp().plus(Duration::hours(30));
    let step = |s| {
        db.apply_step(interview.meta.id, &StepInput::from(s), &clock, &settings)
            .unwrap()
    };
    step(Step::MeetingScheduled { starts_at });
    step(Step::Cancel);
    let week = clock.timestamp().plus(Duration::days(7));
    assert!(
        db.meetings_between(clock.timestamp(), week, 10)
            .unwrap()
            .is_empty(),
        "no longer upcoming"
    );
    assert_eq!(
        db.meetings_of(interview.meta.id).unwrap()[0].status,
        rolo::domain::MeetingStatus::Cancelled
    );
    assert!(db.review_queue(&clock).unwrap().is_empty());
}

#[test]
fn a_deleted_interview_takes_its_meeting_out_of_the_calendar_export() {
    let db = TempStore::new();
    let clock = clock();
    let (_, interview) = support::ada_with_a_meeting(&db);
    let events = |db: &TempStore| {
        rolo::interop::ics::export(db, clock.timestamp())
            .unwrap()
            .matches("BEGIN:VEVENT")
            .count()
    };
    assert_eq!(events(&db), 1);
    let gone = RecordRef::new(Deletable::Interview, interview.meta.id);
    db.trash(gone, clock.timestamp()).unwrap();
    assert_eq!(events(&db), 0);
    db.untrash(gone, clock.timestamp()).unwrap();
    assert_eq!(events(&db), 1, "restored with its meeting");
}

#[test]
fn what_arrives_for_someone_deleted_goes_with_them() {
    let db = TempStore::new();
    let clock = clock();
    let (ada, interview) = support::ada_with_a_meeting(&db);
    let before = seen(&db);
    // The interview deleted on its own first, then Ada.
    let alone = RecordRef::new(Deletable::Interview, interview.meta.id);
    db.trash(alone, clock.timestamp()).unwrap();
    let later = clock.timestamp().plus(Duration::minutes(1));
    let her = RecordRef::new(Deletable::Contact, ada.meta.id);
    db.trash(her, later).unwrap();
    // A second rolo that had her open logs a call after she was deleted.
    db.insert(&Interaction::new(
        ada.meta.id,
        InteractionKind::Call,
        "Caught up",
        later.plus(Duration::minutes(1)),
    ))
    .unwrap();
    assert_eq!(
        seen(&db),
        (0, 0, 0, 0, 0, 0),
        "the late call is hers, deleted"
    );
    let refused = db.untrash(alone, later).unwrap_err().to_string();
    assert!(refused.contains("restore them first"), "{refused}");
    db.untrash(her, later.plus(Duration::minutes(2))).unwrap();
    assert_eq!(
        (seen(&db).0, seen(&db).3),
        (0, before.3 + 1),
        "the late call comes back with her, the interview deleted on its own does not"
    );
    db.untrash(alone, later.plus(Duration::minutes(3))).unwrap();
    let mut now = seen(&db);
    now.3 -= 1;
    assert_eq!(now, before, "and then it does, with its meeting");
}

#[test]
fn an_older_database_puts_right_what_a_deletion_left_live() {
    let db = TempStore::new();
    let clock = clock();
    let (ada, _) = support::ada_with_a_meeting(&db);
    let before = seen(&db);
    let path = db.path();
    // Deleted as version 5 deleted contacts before it took their things along.
    let version_6: Vec<String> = db
        .conn()
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_with_their_%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(version_6.len(), 8);
    for trigger in version_6 {
        db.conn()
            .execute_batch(&format!("DROP TRIGGER {trigger}"))
            .unwrap();
    }
    db.conn()
        .execute_batch(&format!(
            "UPDATE contacts SET deleted_at = '2026-03-02T09:00:00.000Z' WHERE id = '{id}';
             INSERT INTO trash (table_name, record_id, deleted_at)
                 VALUES ('contacts', '{id}', '2026-03-02T09:00:00.000Z');
             ALTER TABLE interviews DROP COLUMN draft;
             ALTER TABLE interviews DROP COLUMN draft_for;
             ALTER TABLE interviews DROP COLUMN heard_back_at;
             ALTER TABLE interviews DROP COLUMN mailed_at;
             DROP TABLE messages_seen;
             DROP TABLE mailbox_read;
             DROP TABLE invitations_seen;
             DROP INDEX interactions_of_messages;
             PRAGMA user_version = 5;",
            id = ada.meta.id
        ))
        .unwrap();
    let TempStore { store, dir } = db;
    drop(store);
    let reopened = TempStore {
        store: Store::open(&path).unwrap(),
        dir,
    };
    assert_eq!(seen(&reopened), (0, 0, 0, 0, 0, 0), "put right on open");
    reopened
        .untrash(
            RecordRef::new(Deletable::Contact, ada.meta.id),
            clock.timestamp(),
        )
        .unwrap();
    assert_eq!(seen(&reopened), before, "and all of it comes back with her");
}

#[test]
fn moving_back_from_the_meeting_to_the_request_takes_the_meeting_off() {
    let db = TempStore::new();
    let clock = clock();
    let settings = PlaybookSettings::default();
    let (_, interview) = support::ada_with_a_meeting(&db);
    let week = clock.timestamp().plus(Duration::days(7));
    assert_eq!(
        db.meetings_between(clock.timestamp(), week, 10)
            .unwrap()
            .len(),
        1
    );
    db.apply_step(
        interview.meta.id,
        &StepInput::from(Step::MoveBack),
        &clock,
        &settings,
    )
    .unwrap();
    assert!(
        db.meetings_between(clock.timestamp(), week, 10)
            .unwrap()
            .is_empty(),
        "no longer upcoming"
    );
    let events = rolo::interop::ics::export(&db, clock.timestamp()).unwrap();
    assert!(!events.contains("BEGIN:VEVENT"), "{events}");
}

#[test]
fn an_interview_deleted_on_its_own_stays_in_the_trash_even_at_the_same_moment() {
    let db = TempStore::new();
    let clock = clock();
    let (ada, interview) = support::ada_with_a_meeting(&db);
    // A frozen clock (a script, ROLO_NOW): both deleted at the very same time.
    let at = clock.timestamp();
    let alone = RecordRef::new(Deletable::Interview, interview.meta.id);
    db.trash(alone, at).unwrap();
    let her = RecordRef::new(Deletable::Contact, ada.meta.id);
    db.trash(her, at).unwrap();
    db.untrash(her, at).unwrap();
    assert_eq!(seen(&db).0, 0, "her meeting stays away with its interview");
    assert_eq!(
        db.trash_rows(10).unwrap().len(),
        1,
        "the interview is still in the trash"
    );
}
