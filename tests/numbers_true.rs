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
use rolo::domain::insights::week_starts;
use rolo::domain::playbook::Step;
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{
    Channel, Clock, Contact, Deletable, Id, Interaction, InteractionKind, Organization, RecordRef,
    Timestamp,
};
use rolo::store::write_up::WriteUp;
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
    WriteUp(usize),
    Touch(usize, u8),
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
        2 => (0usize..8).prop_map(Op::WriteUp),
        2 => (0usize..5, 0u8..6).prop_map(|(c, k)| Op::Touch(c, k)),
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

/// The rest of the insights screen, recomputed from the tables: requests and replies by channel,
/// referrals gained through meetings held, meetings held and touches logged in the weeks shown,
/// organisations covered and the contacts listed under them.
#[derive(Debug, PartialEq)]
struct Rest {
    by_channel: Vec<(String, u64, u64)>,
    referrals: u64,
    meetings: u64,
    touches: u64,
    covered: u64,
    organization_contacts: u64,
}

fn rest_by_sql(store: &Store, clock: &Clock) -> Rest {
    let mut by_channel: Vec<(String, u64, u64)> = store
        .conn()
        .prepare(
            "SELECT i.channel, count(*), \
                    sum(i.reply_status IN ('accepted', 'declined', 'redirected')) \
             FROM interviews i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL AND i.requested_at IS NOT NULL \
             GROUP BY i.channel",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|row| {
            let (code, requested, replied) = row.unwrap();
            let channel: Channel = code.parse().unwrap();
            (channel.label().to_string(), requested, replied)
        })
        .collect();
    by_channel.sort();
    let since = clock.at_local(
        week_starts(clock, chrono::Weekday::Mon)[0],
        chrono::NaiveTime::MIN,
    );
    // A referral: a live contact added as suggested by a live person after an interview with
    // them was asked for, in which a meeting was held.
    let referrals = count(
        store,
        "SELECT count(*) FROM contacts c JOIN contacts p ON p.id = c.referred_by \
         WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL AND c.referred_by IN ( \
           SELECT i.contact_id FROM interviews i JOIN meetings m ON m.interview_id = i.id \
           WHERE i.deleted_at IS NULL AND m.deleted_at IS NULL AND m.status = 'held' \
             AND i.requested_at <= c.created_at)",
        &[],
    );
    let meetings = count(
        store,
        "SELECT count(*) FROM meetings m JOIN interviews i ON i.id = m.interview_id \
         JOIN contacts c ON c.id = i.contact_id \
         WHERE m.status = 'held' AND m.deleted_at IS NULL AND i.deleted_at IS NULL \
           AND c.deleted_at IS NULL AND m.starts_at >= ?1",
        &[&since],
    );
    let touches = count(
        store,
        "SELECT count(*) FROM interactions x JOIN contacts c ON c.id = x.contact_id \
         WHERE x.deleted_at IS NULL AND c.deleted_at IS NULL AND x.occurred_at >= ?1 \
           AND x.kind IN ('email', 'call', 'message', 'meeting', 'thank_you')",
        &[&since],
    );
    let live_with_organization = "FROM contacts c JOIN organizations o ON o.id = c.organization_id \
         WHERE c.deleted_at IS NULL AND o.deleted_at IS NULL";
    Rest {
        by_channel,
        referrals,
        meetings,
        touches,
        covered: count(
            store,
            &format!("SELECT count(DISTINCT o.id) {live_with_organization}"),
            &[],
        ),
        organization_contacts: count(
            store,
            &format!("SELECT count(*) {live_with_organization}"),
            &[],
        ),
    }
}

fn rest_as_shown(store: &Store, clock: &Clock) -> Rest {
    let insights = store.insights(clock, chrono::Weekday::Mon).unwrap();
    let mut by_channel: Vec<(String, u64, u64)> = insights
        .by_channel
        .iter()
        .filter(|stats| stats.requested > 0)
        .map(|stats| (stats.label.clone(), stats.requested, stats.replied))
        .collect();
    by_channel.sort();
    Rest {
        by_channel,
        referrals: insights.referrals,
        meetings: insights.meetings_per_week.iter().sum(),
        touches: insights.touches_per_week.iter().sum(),
        covered: insights.organizations_covered,
        organization_contacts: insights.organizations.iter().map(|o| o.contacts).sum(),
    }
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
        let organizations: Vec<Organization> = ["Analytical Engines", "Harvard Computation Lab"]
            .iter()
            .map(|name| Organization { meta: rolo::domain::Meta::new(now), name: (*name).into(), website: String::new(), notes: String::new() })
            .collect();
        for organization in &organizations {
            db.insert(organization).unwrap();
        }
        let contacts: Vec<Id> = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Mary Somerville", "Emmy Noether"]
            .iter()
            .enumerate()
            .map(|(n, name)| {
                let mut contact = Contact::named(name, now);
                contact.organization_id = organizations.get(n % 3).map(|o| o.meta.id);
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
                        channel: [Channel::Email, Channel::LinkedIn, Channel::Phone][*c % 3],
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
                Op::WriteUp(i) if !interviews.is_empty() => {
                    let write_up = WriteUp { referrals: vec!["Katherine Johnson".into()], ..WriteUp::default() };
                    let _ = db.write_up(interviews[i % interviews.len()], &write_up, &clock, &settings);
                }
                Op::WriteUp(_) => {}
                Op::Touch(c, kind) => {
                    let kind = [InteractionKind::Email, InteractionKind::Call, InteractionKind::Message, InteractionKind::Meeting, InteractionKind::ThankYou, InteractionKind::Note][usize::from(*kind)];
                    let touch = Interaction::new(contacts[c % contacts.len()], kind, "Talked", now.minus(Duration::days(3)));
                    let _ = db.log_touch(&touch, 90);
                }
                Op::Jump(hours) => now = now.plus(Duration::hours(*hours)),
            }
            now = now.plus(Duration::seconds(1));
            let clock = Clock::fixed(now.0, support::offset());
            prop_assert_eq!(as_shown(&db, &clock), by_sql(&db, &clock), "after {:?}", op);
            prop_assert_eq!(rest_as_shown(&db, &clock), rest_by_sql(&db, &clock), "after {:?}", op);
        }
    }
}
