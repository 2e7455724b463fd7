//! The daily review's reads: the queue (bounded), and the context of one item at a time.

pub use crate::domain::rows::ReviewContext;
use chrono::Duration;
use rusqlite::OptionalExtension;

use super::{Store, StoreResult, steps};
use crate::domain::review::{ItemKind, ReviewItem, order};
use crate::domain::{Clock, FollowUp, FollowUpKind, Id, NextKind, Timestamp};

/// The most items one review holds; a longer backlog is reviewed a day at a time.
pub const QUEUE_LIMIT: u64 = 200;

/// How far back in a contact's timeline the last touch is looked for (past notes and stages).
const LAST_TOUCH_AMONG: u64 = 50;

impl Store {
    /// Today's queue: every interview's next step that has come up by tonight (a meeting the
    /// day before), and the open follow-ups due by tonight; scored and ordered (see
    /// `domain::review`).
    pub fn review_queue(&self, clock: &Clock) -> StoreResult<Vec<ReviewItem>> {
        self.review_queue_among(clock, QUEUE_LIMIT)
    }

    /// The queue, weighing the `among` longest waiting follow-ups and as many steps.
    pub(crate) fn review_queue_among(
        &self,
        clock: &Clock,
        among: u64,
    ) -> StoreResult<Vec<ReviewItem>> {
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
        let rows = stmt.query_map(rusqlite::params![clock.end_of_today(), among], |r| {
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
                today: false,
                score: 0,
                reason: String::new(),
            })
        })?;
        for row in rows {
            items.push(row?);
        }
        let steps = steps::steps_before(
            self.conn(),
            steps::By::Shown,
            clock.end_of_today(),
            among,
            clock,
            self.playbook(),
        )?;
        items.extend(steps.into_iter().map(|row| step_item(row, clock)));
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
                    "SELECT o.name FROM contacts c JOIN organizations o ON o.id = c.organization_id \
                     WHERE c.id = ? AND o.deleted_at IS NULL",
                )?
                .query_row([contact], |r| r.get(0))
                .optional()?;
        }
        let interview = match &item.item {
            ItemKind::FollowUp { id, .. } => self.get::<FollowUp>(*id)?.interview_id,
            ItemKind::Step { interview, .. } => Some(*interview),
        };
        // The last touch with them: of the interview the item is about, or of none (a call
        // about anything) — never another interview's, which says nothing of this one.
        let timeline = match (interview, item.contact_id) {
            (_, Some(contact)) => self.timeline_of(contact, LAST_TOUCH_AMONG)?,
            (Some(id), None) => self.timeline_of_interview(id)?,
            (None, None) => Vec::new(),
        };
        let last = timeline.into_iter().find(|e| {
            e.kind.is_touch()
                && (interview.is_none() || e.interview_id.is_none_or(|i| Some(i) == interview))
        });
        context.last_touch = last.map(|e| (e.occurred_at, e.kind, e.summary));
        if let Some(id) = interview {
            let interview: crate::domain::Interview = self.get(id)?;
            // A kept draft is ready when it is for the step this item is.
            if let ItemKind::Step { step, .. } = &item.item {
                use crate::domain::drafts::Template;
                context.draft_kept = !interview.draft.trim().is_empty()
                    && Template::for_step(*step).is_some()
                    && interview.draft_for.and_then(Template::for_step)
                        == Template::for_step(*step);
            }
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

/// A step as the review shows it.
pub(crate) fn step_item(row: steps::StepRow, clock: &Clock) -> ReviewItem {
    let today = clock.today();
    let late = (today - clock.local_date_of(row.step.due_at))
        .num_days()
        .max(0);
    let meeting_at = row.step.meeting.map(|(start, _)| start);
    ReviewItem {
        item: ItemKind::Step {
            interview: row.interview_id,
            step: row.step.kind,
            meeting_at,
        },
        title: row.title,
        contact_id: Some(row.contact_id),
        contact: Some(row.contact_name),
        interview_id: Some(row.interview_id),
        due_at: row.step.due_at,
        days_overdue: if row.step.kind == NextKind::Meeting {
            0
        } else {
            late
        },
        stage: Some(row.stage),
        days_since_touch: None,
        today: meeting_at.is_some_and(|at| clock.local_date_of(at) == today),
        score: 0,
        reason: String::new(),
    }
}

/// What kind of follow-up a review item is, if it is one.
pub fn follow_up_kind(item: &ReviewItem) -> Option<(Id, FollowUpKind)> {
    match item.item {
        ItemKind::FollowUp { id, kind } => Some((id, kind)),
        _ => None,
    }
}
