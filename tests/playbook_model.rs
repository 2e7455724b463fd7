//! The promise that no interview is ever stuck, as an invariant under random use: random
//! sequences of what a user does (start, reply, schedule, move, hold, miss, write up, thank,
//! send the update, snooze, undo, delete, restore, a JSON round trip) with the clock jumping
//! forward at random. After every operation:
//!
//! - every open interview has exactly one next step, and a finished one none;
//! - the step kept for the review's index is the step the state derives (no drift);
//! - the step is in today's queue (and `rolo today`'s) exactly once when its time has come, and
//!   nothing of a finished or deleted interview is;
//! - the playbook never leaves a reminder record that could be closed on its own;
//! - a refused step changes nothing;
//! - no one has two open interviews, whatever route (a start, a move back, an undo, a restore).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use chrono::Duration;
use proptest::prelude::*;
use rolo::domain::playbook::{Step, pending};
use rolo::domain::review::ItemKind;
use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{
    Channel, Clock, Contact, Deletable, FollowUp, Id, Interview, Meeting, RecordRef, Timestamp,
};
use rolo::interop::json;
use rolo::store::snapshot::InterviewSnapshot;
use rolo::store::{NewRequest, StepInput, Store};
use support::TempStore;

#[derive(Debug, Clone)]
enum Op {
    Start(usize),
    Take(usize, StepKind),
    Snooze(usize, i64),
    Undo,
    Delete(usize),
    Restore,
    RoundTrip,
    Jump(i64),
}

#[derive(Debug, Clone, Copy)]
enum StepKind {
    Nudge,
    Accept,
    Decline,
    NoReply,
    /// A meeting this many hours from now (negative: it already happened).
    Schedule(i64),
    Hold,
    Miss,
    WriteUp,
    SkipWriteUp,
    Thank,
    Progress,
    Cancel,
    MoveBack,
    Redirect,
}

fn step_kind() -> impl Strategy<Value = StepKind> {
    prop_oneof![
        1 => Just(StepKind::Nudge),
        3 => Just(StepKind::Accept),
        1 => Just(StepKind::Decline),
        1 => Just(StepKind::NoReply),
        3 => (-30i64..200).prop_map(StepKind::Schedule),
        3 => Just(StepKind::Hold),
        1 => Just(StepKind::Miss),
        2 => Just(StepKind::WriteUp),
        1 => Just(StepKind::SkipWriteUp),
        2 => Just(StepKind::Thank),
        1 => Just(StepKind::Progress),
        1 => Just(StepKind::Cancel),
        1 => Just(StepKind::MoveBack),
        1 => Just(StepKind::Redirect),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0usize..4).prop_map(Op::Start),
        10 => (0usize..6, step_kind()).prop_map(|(i, s)| Op::Take(i, s)),
        2 => (0usize..6, 1i64..10).prop_map(|(i, d)| Op::Snooze(i, d)),
        2 => Just(Op::Undo),
        1 => (0usize..6).prop_map(Op::Delete),
        1 => Just(Op::Restore),
        1 => Just(Op::RoundTrip),
        4 => (1i64..400).prop_map(Op::Jump),
    ]
}

struct World {
    db: TempStore,
    contacts: Vec<Id>,
    interviews: Vec<Id>,
    now: Timestamp,
    undo: Option<InterviewSnapshot>,
}

impl World {
    fn new() -> World {
        let db = TempStore::new();
        let now = support::clock().timestamp();
        let contacts = [
            "Ada Lovelace",
            "Grace Hopper",
            "Alan Turing",
            "Mary Somerville",
        ]
        .iter()
        .map(|name| {
            let contact = Contact::named(name, now);
            db.insert(&contact).unwrap();
            contact.meta.id
        })
        .collect();
        World {
            db,
            contacts,
            interviews: Vec::new(),
            now,
            undo: None,
        }
    }

    fn clock(&self) -> Clock {
        Clock::fixed(self.now.0, support::offset())
    }

    fn interview(&self, i: usize) -> Option<Id> {
        (!self.interviews.is_empty()).then(|| self.interviews[i % self.interviews.len()])
    }

    fn apply(&mut self, op: &Op) {
        let clock = self.clock();
        let settings = PlaybookSettings::default();
        match op {
            Op::Start(c) => {
                let request = NewRequest {
                    contact_id: self.contacts[c % self.contacts.len()],
                    objective: "Learn how the work is done".into(),
                    channel: Channel::Email,
                    found_via: String::new(),
                    minutes_asked: 20,
                };
                if let Ok(started) = self.db.start_interview(&request, &clock, &settings) {
                    self.interviews.push(started.meta.id);
                }
            }
            Op::Take(i, kind) => {
                let Some(id) = self.interview(*i) else { return };
                let before: Interview = self.db.get(id).unwrap();
                let snapshot = self.db.snapshot(id, "a step").unwrap();
                let taken = self.take(id, *kind, &clock, &settings);
                if taken.is_ok() {
                    self.undo = Some(snapshot);
                } else {
                    let after: Interview = self.db.get(id).unwrap();
                    assert_eq!(after, before, "a refused {kind:?} changed nothing");
                }
            }
            Op::Snooze(i, days) => {
                let Some(id) = self.interview(*i) else { return };
                let snapshot = self.db.snapshot(id, "the snooze").unwrap();
                let until = self.now.plus(Duration::days(*days));
                if self.db.snooze_step(id, until, &clock).is_ok() {
                    self.undo = Some(snapshot);
                    let step = self.db.next_step_of(id, &clock).unwrap().unwrap();
                    assert_eq!(step.step.due_at, until, "the snooze moved the step");
                }
            }
            Op::Undo => {
                if let Some(snapshot) = self.undo.take() {
                    if let Err(refused) = self.db.restore_snapshot(&snapshot, &clock) {
                        let why = refused.to_string();
                        assert!(why.contains("two open interviews"), "{why}");
                        return;
                    }
                    let back: Interview = self.db.get(snapshot.interview.meta.id).unwrap();
                    let mut expected = snapshot.interview.clone();
                    expected.meta.updated_at = back.meta.updated_at;
                    assert_eq!(back, expected, "undo restores the interview exactly");
                }
            }
            Op::Delete(i) => {
                let Some(id) = self.interview(*i) else { return };
                let _ = self
                    .db
                    .trash(RecordRef::new(Deletable::Interview, id), self.now);
            }
            Op::Restore => {
                if let Err(refused) = self.db.undo_last_delete(self.now) {
                    let why = refused.to_string();
                    assert!(why.contains("two open interviews"), "{why}");
                }
            }
            Op::RoundTrip => self.round_trip(),
            Op::Jump(hours) => self.now = self.now.plus(Duration::hours(*hours)),
        }
    }

    fn take(
        &self,
        id: Id,
        kind: StepKind,
        clock: &Clock,
        settings: &PlaybookSettings,
    ) -> Result<(), rolo::store::StoreError> {
        use rolo::store::sent::Sent;
        let step = |s: Step| {
            self.db
                .apply_step(id, &StepInput::from(s), clock, settings)
                .map(drop)
        };
        match kind {
            StepKind::Nudge => self.db.message_sent(id, &Sent::Nudge, clock, settings),
            StepKind::Accept => step(Step::Accepted),
            StepKind::Decline => step(Step::Declined),
            StepKind::NoReply => step(Step::NoReply),
            StepKind::Schedule(hours) => step(Step::MeetingScheduled {
                starts_at: self.now.plus(Duration::hours(hours)),
            }),
            StepKind::Hold => step(Step::MeetingHeld { ends_at: self.now }),
            StepKind::Miss => step(Step::MeetingMissed),
            StepKind::WriteUp => {
                let write_up = rolo::store::write_up::WriteUp::default();
                let interview: Interview = self.db.get(id)?;
                rolo::domain::playbook::check(&interview, &Step::Evaluated)
                    .map_err(|e| rolo::store::StoreError::Invalid(e.to_string()))?;
                self.db.write_up(id, &write_up, clock, settings).map(|_| ())
            }
            StepKind::SkipWriteUp => step(Step::SkipWriteUp),
            StepKind::Thank => self.db.message_sent(
                id,
                &Sent::ThankYou {
                    text: "Thank you".into(),
                    channel: "Email".into(),
                },
                clock,
                settings,
            ),
            StepKind::Progress => self
                .db
                .message_sent(id, &Sent::ProgressUpdate, clock, settings),
            StepKind::Cancel => step(Step::Cancel),
            StepKind::MoveBack => step(Step::MoveBack),
            StepKind::Redirect => step(Step::Redirected {
                to_name: "Someone Else".into(),
            }),
        }
    }

    /// The database exported to JSON and imported into a fresh one: each interview owes the
    /// same step in both.
    fn round_trip(&self) {
        let export = json::export(&self.db).unwrap();
        let other = TempStore::new();
        json::merge(&other, &export, false).unwrap();
        let clock = self.clock();
        for id in &self.interviews {
            let here = self.db.next_step_of(*id, &clock).unwrap().map(|r| r.step);
            let there = other.next_step_of(*id, &clock).unwrap().map(|r| r.step);
            assert_eq!(here, there, "the step survives an export and an import");
        }
    }

    /// Every invariant of the module's comment, at the world's time.
    fn check(&self) {
        let clock = self.clock();
        let store: &Store = &self.db;
        for contact in &self.contacts {
            let open = store
                .interviews_of(*contact)
                .unwrap()
                .into_iter()
                .filter(Interview::is_open)
                .count();
            assert!(open <= 1, "two open interviews with one person");
        }
        let settings = PlaybookSettings::default();
        let queue = store.review_queue(&clock).unwrap();
        assert_eq!(
            store.agenda(&clock, None).unwrap().queue,
            queue,
            "rolo today is the review"
        );
        for id in &self.interviews {
            let interview: Interview = store.get(*id).unwrap();
            let meeting = latest_meeting(store, *id);
            let derived = pending(&interview, meeting.as_ref(), &settings);
            let kept: (Option<Timestamp>, Option<Timestamp>) = store
                .conn()
                .query_row(
                    "SELECT next_due_at, next_shows_at FROM interviews WHERE id = ?",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!(
                kept,
                (derived.map(|s| s.due_at), derived.map(|s| s.shows_at)),
                "the kept step is the derived one: {interview:?}"
            );
            let now_step = store.next_step_of(*id, &clock).unwrap();
            assert_eq!(
                now_step.is_some(),
                !interview.is_finished(),
                "one step for an open interview, none for a finished one: {interview:?}"
            );
            let in_queue = queue
                .iter()
                .filter(|i| matches!(i.item, ItemKind::Step { interview, .. } if interview == *id))
                .count();
            let due = derived.is_some_and(|s| s.shows_at < clock.end_of_today());
            assert_eq!(
                in_queue,
                usize::from(due),
                "in today's queue once its time has come, and only then: {interview:?} {derived:?}"
            );
        }
        let reminders: Vec<FollowUp> = store
            .all::<FollowUp>(false)
            .unwrap()
            .into_iter()
            .filter(|f| f.is_open() && f.interview_id.is_some())
            .filter(|f| f.kind != rolo::domain::FollowUpKind::ActionItem)
            .collect();
        assert!(
            reminders.is_empty(),
            "no playbook reminder records: {reminders:?}"
        );
    }
}

fn latest_meeting(store: &Store, interview: Id) -> Option<Meeting> {
    let mut meetings: Vec<Meeting> = store
        .meetings_of(interview)
        .unwrap()
        .into_iter()
        .filter(|m| m.meta.deleted_at.is_none())
        .collect();
    meetings.sort_by_key(|m| (m.starts_at, m.meta.created_at));
    meetings.pop()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_interview_is_ever_stuck(ops in proptest::collection::vec(op(), 1..40)) {
        let mut world = World::new();
        for op in &ops {
            world.apply(op);
            world.check();
        }
    }
}
