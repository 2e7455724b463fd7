//! Every number true: after random adds, steps, call-offs, deletes and restores (of contacts and
//! of interviews), the insights' funnel, the header's counts and today's queue agree with the
//! same figures recomputed from the tables with plain SQL — where everything of a deleted
//! contact or interview is out of every count.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::Duration;
use proptest::prelude::*;
use rolo::domain::playbook::Step;
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{Channel, Clock, Contact, Deletable, Id, RecordRef, Timestamp};
use rolo::store::{NewRequest, StepInput, Store};
use support::TempStore;

#[derive(Debug, Clone)]
enum Op {
    Start(usize),
    Step(usize, u8),
    DeleteContact(usize),
    DeleteInterview(usize),
    Restore,
    FollowUp(usize, i64),
    Jump(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..5).prop_map(Op::Start),
        8 => (0usize..8, 0u8..7).prop_map(|(i, s)| Op::Step(i, s)),
        1 => (0usize..5).prop_map(Op::DeleteContact),
        1 => (0usize..8).prop_map(Op::DeleteInterview),
        2 => Just(Op::Restore),
        2 => (0usize..5, -5i64..5).prop_map(|(c, d)| Op::FollowUp(c, d)),
        2 => (1i64..200).prop_map(Op::Jump),
    ]
}

fn count(store: &Store, sql: &str, params: &[&dyn rusqlite::ToSql]) -> u64 {
    store.conn().query_row(sql, params, |r| r.get(0)).unwrap()
}

/// The funnel and the counts, recomputed from the tables.
fn by_sql(store: &Store, clock: &Clock) -> (u64, u64, u64, u64, u64, u64, u64) {
    let live = "FROM interviews i JOIN contacts c ON c.id = i.contact_id \
                WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL AND i.requested_at IS NOT NULL";
    let requested = count(store, &format!("SELECT count(*) {live}"), &[]);
    let replied = count(
        store,
        &format!(
            "SELECT count(*) {live} AND i.reply_status IN ('accepted', 'declined', 'redirected')"
        ),
        &[],
    );
    let met = count(
        store,
        &format!(
            "SELECT count(*) {live} AND EXISTS (SELECT 1 FROM meetings m WHERE \
             m.interview_id = i.id AND m.status = 'held' AND m.deleted_at IS NULL)"
        ),
        &[],
    );
    let thanked = count(
        store,
        &format!("SELECT count(*) {live} AND i.thanked_at IS NOT NULL"),
        &[],
    );
    let start: Timestamp = clock.start_of(clock.today());
    let tonight = clock.end_of_today();
    // Owed: open follow-ups of live contacts (or of no contact), and the steps of live
    // interviews of live contacts.
    let follow_ups = |from: &Timestamp, to: &Timestamp| {
        count(
            store,
            "SELECT count(*) FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id \
             WHERE f.done_at IS NULL AND f.deleted_at IS NULL AND c.deleted_at IS NULL \
               AND f.due_at >= ?1 AND f.due_at < ?2",
            &[from, to],
        )
    };
    let steps = |column: &str, from: &Timestamp, to: &Timestamp| {
        count(
            store,
            &format!(
                "SELECT count(*) FROM interviews i JOIN contacts c ON c.id = i.contact_id \
                 WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL AND i.outcome IS NULL \
                   AND i.progress_sent_at IS NULL AND i.{column} >= ?1 AND i.{column} < ?2"
            ),
            &[from, to],
        )
    };
    let long_ago = Timestamp(chrono::DateTime::UNIX_EPOCH);
    let overdue = follow_ups(&long_ago, &start) + steps("next_due_at", &long_ago, &start);
    let due_today = follow_ups(&start, &tonight) + steps("next_due_at", &start, &tonight);
    let queue = follow_ups(&long_ago, &tonight) + steps("next_shows_at", &long_ago, &tonight);
    (requested, replied, met, thanked, overdue, due_today, queue)
}

/// The same figures as rolo shows them.
fn as_shown(store: &Store, clock: &Clock) -> (u64, u64, u64, u64, u64, u64, u64) {
    let insights = store.insights(clock, chrono::Weekday::Mon).unwrap();
    let start = clock.start_of(clock.today());
    let long_ago = Timestamp(chrono::DateTime::UNIX_EPOCH);
    (
        insights.requested,
        insights.replied,
        insights.met,
        insights.thanked,
        store.count_owed(long_ago, start, 100_000).unwrap(),
        store
            .count_owed(start, clock.end_of_today(), 100_000)
            .unwrap(),
        store.review_queue(clock).unwrap().len() as u64,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_agrees_with_the_tables(ops in proptest::collection::vec(op(), 1..40)) {
        let db = TempStore::new();
        let settings = PlaybookSettings::default();
        let mut now = support::clock().timestamp();
        let contacts: Vec<Id> = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Mary Somerville", "Emmy Noether"]
            .iter()
            .map(|name| {
                let contact = Contact::named(name, now);
                db.insert(&contact).unwrap();
                contact.meta.id
            })
            .collect();
        let mut interviews: Vec<Id> = Vec::new();
        for op in &ops {
            let clock = Clock::fixed(now.0, support::offset());
            match op {
                Op::Start(c) => {
                    let request = NewRequest {
                        contact_id: contacts[c % contacts.len()],
                        objective: "Learn how the work is done".into(),
                        channel: Channel::Email,
                        found_via: String::new(),
                        minutes_asked: 20,
                    };
                    if let Ok(started) = db.start_interview(&request, &clock, &settings) {
                        interviews.push(started.meta.id);
                    }
                }
                Op::Step(i, kind) if !interviews.is_empty() => {
                    let id = interviews[i % interviews.len()];
                    let step = match kind {
                        0 => Step::Accepted,
                        1 => Step::MeetingScheduled { starts_at: now.minus(Duration::hours(2)) },
                        2 => Step::MeetingHeld { ends_at: now },
                        3 => Step::ThankYouSent,
                        4 => Step::Cancel,
                        5 => Step::Declined,
                        _ => Step::MoveBack,
                    };
                    let _ = db.apply_step(id, &StepInput::from(step), &clock, &settings);
                }
                Op::Step(..) => {}
                Op::DeleteContact(c) => {
                    let _ = db.trash(RecordRef::new(Deletable::Contact, contacts[c % contacts.len()]), now);
                }
                Op::DeleteInterview(i) if !interviews.is_empty() => {
                    let _ = db.trash(RecordRef::new(Deletable::Interview, interviews[i % interviews.len()]), now);
                }
                Op::DeleteInterview(_) => {}
                Op::Restore => {
                    let _ = db.undo_last_delete(now);
                }
                Op::FollowUp(c, days) => {
                    let store: &Store = &db;
                    let name: Contact = store.get(contacts[c % contacts.len()]).unwrap();
                    let _ = db.add_follow_up(&name.name, "Check in", now.plus(Duration::days(*days)), now);
                }
                Op::Jump(hours) => now = now.plus(Duration::hours(*hours)),
            }
            now = now.plus(Duration::seconds(1));
            let clock = Clock::fixed(now.0, support::offset());
            prop_assert_eq!(as_shown(&db, &clock), by_sql(&db, &clock), "after {:?}", op);
        }
    }
}
