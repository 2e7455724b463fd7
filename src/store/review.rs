//! The daily review's reads: the queue (bounded), and the context of one item at a time.

pub use crate::domain::rows::ReviewContext;
use chrono::Duration;
use rusqlite::OptionalExtension;

use super::{Store, StoreResult};
use crate::domain::review::{ItemKind, ReviewItem, order};
use crate::domain::{Clock, FollowUp, FollowUpKind, Id, Stage, Timestamp};

/// The most items one review holds; a longer backlog is reviewed a day at a time.
pub const QUEUE_LIMIT: u64 = 200;

impl Store {
    /// Today's queue: open follow-ups due by tonight, today's meetings, write-ups owed; scored
    /// and ordered (see `domain::review`).
    pub fn review_queue(&self, clock: &Clock) -> StoreResult<Vec<ReviewItem>> {
        let today = clock.today();
        let days_since = |at: Timestamp| (today - clock.local_date_of(at)).num_days();
        let mut items = Vec::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT f.id, f.kind, f.title, f.due_at, f.contact_id, c.name, i.stage, \
                    (SELECT max(x.occurred_at) FROM interactions x \
                     WHERE x.contact_id = f.contact_id AND x.deleted_at IS NULL), f.interview_id \
             FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id \
             LEFT JOIN interviews i ON i.id = f.interview_id \
             WHERE f.done_at IS NULL AND f.deleted_at IS NULL AND f.due_at < ? \
             ORDER BY f.due_at, f.id LIMIT ?",
        )?;
        let rows = stmt.query_map(rusqlite::params![clock.end_of_today(), QUEUE_LIMIT], |r| {
            let due_at: Timestamp = r.get(3)?;
            let last: Option<Timestamp> = r.get(7)?;
            Ok(ReviewItem {
                item: ItemKind::FollowUp {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                },
                title: r.get(2)?,
                contact_id: r.get(4)?,
                contact: r.get(5)?,
                interview_id: r.get(8)?,
                due_at,
                days_overdue: days_since(due_at).max(0),
                stage: r.get(6)?,
                days_since_touch: last.map(days_since),
                score: 0,
                reason: String::new(),
            })
        })?;
        for row in rows {
            items.push(row?);
        }
        for meeting in
            self.meetings_between(clock.start_of(today), clock.end_of_today(), QUEUE_LIMIT)?
        {
            items.push(ReviewItem {
                item: ItemKind::Meeting {
                    id: meeting.id,
                    interview: meeting.interview_id,
                },
                title: format!(
                    "Meeting at {}: {}",
                    clock.when(meeting.starts_at),
                    meeting.objective
                ),
                contact_id: Some(meeting.contact_id),
                contact: Some(meeting.contact_name),
                interview_id: Some(meeting.interview_id),
                due_at: meeting.starts_at,
                days_overdue: 0,
                stage: Some(meeting.stage),
                days_since_touch: None,
                score: 0,
                reason: String::new(),
            });
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.id, i.contact_id, c.name, i.updated_at FROM interviews i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.stage = 'evaluate' AND i.outcome IS NULL AND i.evaluated_at IS NULL AND i.deleted_at IS NULL \
             ORDER BY i.updated_at LIMIT ?",
        )?;
        let owed = stmt.query_map([QUEUE_LIMIT], |r| {
            let since: Timestamp = r.get(3)?;
            Ok(ReviewItem {
                item: ItemKind::WriteUp {
                    interview: r.get(0)?,
                },
                title: "Write up the conversation".into(),
                contact_id: r.get(1)?,
                contact: r.get(2)?,
                interview_id: r.get(0)?,
                due_at: since,
                days_overdue: days_since(since).max(0),
                stage: Some(Stage::Evaluate),
                days_since_touch: None,
                score: 0,
                reason: String::new(),
            })
        })?;
        for row in owed {
            items.push(row?);
        }
        order(&mut items);
        Ok(items)
    }

    /// The contact's organisation, the interview, and the last touch, for one item.
    pub fn review_context(&self, item: &ReviewItem) -> StoreResult<ReviewContext> {
        let mut context = ReviewContext::default();
        if let Some(contact) = item.contact_id {
            context.organization = self
                .conn()
                .prepare_cached(
                    "SELECT o.name FROM contacts c JOIN organizations o ON o.id = c.organization_id WHERE c.id = ?",
                )?
                .query_row([contact], |r| r.get(0))
                .optional()?;
            context.last_touch = self
                .timeline_of(contact, 1)?
                .into_iter()
                .next()
                .map(|e| (e.occurred_at, e.kind, e.summary));
        }
        let interview = match &item.item {
            ItemKind::FollowUp { id, .. } => self.get::<FollowUp>(*id)?.interview_id,
            ItemKind::Meeting { interview, .. } | ItemKind::WriteUp { interview } => {
                Some(*interview)
            }
        };
        if let Some(id) = interview {
            let interview: crate::domain::Interview = self.get(id)?;
            context.interview = Some((interview.stage, interview.objective));
        }
        Ok(context)
    }

    /// Marks a follow-up done; returns it as it was, for undo.
    pub fn complete_follow_up(&self, id: Id, now: Timestamp) -> StoreResult<FollowUp> {
        let before: FollowUp = self.get(id)?;
        let mut done = before.clone();
        done.done_at = Some(now);
        self.update(&mut done, now)?;
        Ok(before)
    }

    /// Moves a follow-up's due time to `until`; returns it as it was, for undo.
    pub fn snooze_follow_up(
        &self,
        id: Id,
        until: Timestamp,
        now: Timestamp,
    ) -> StoreResult<FollowUp> {
        let before: FollowUp = self.get(id)?;
        let mut snoozed = before.clone();
        snoozed.due_at = until;
        snoozed.snoozed_count += 1;
        self.update(&mut snoozed, now)?;
        Ok(before)
    }

    /// Puts a follow-up back as it was (undo), stamped as changed now.
    pub fn put_back(&self, mut before: FollowUp, now: Timestamp) -> StoreResult<()> {
        self.update(&mut before, now)
    }

    /// Snooze lengths are whole days from today, at the follow-up's time of day.
    pub fn snooze_until(&self, id: Id, days: i64, clock: &Clock) -> StoreResult<Timestamp> {
        let follow_up: FollowUp = self.get(id)?;
        let time = follow_up.due_at.0.with_timezone(&clock.offset).time();
        Ok(clock.at_local(clock.today() + Duration::days(days), time))
    }
}

/// What kind of follow-up a review item is, if it is one.
pub fn follow_up_kind(item: &ReviewItem) -> Option<(Id, FollowUpKind)> {
    match item.item {
        ItemKind::FollowUp { id, kind } => Some((id, kind)),
        _ => None,
    }
}
