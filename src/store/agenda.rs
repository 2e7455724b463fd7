//! `rolo today`: the review's queue, read the same way the review reads it.

use super::{Store, StoreResult};
use crate::domain::Clock;
use crate::domain::agenda::Agenda;

impl Store {
    pub fn agenda(&self, clock: &Clock) -> StoreResult<Agenda> {
        Ok(Agenda {
            date: clock.today(),
            total: self.queue_total(clock)?,
            queue: self.review_queue(clock)?,
        })
    }
}

impl Store {
    /// How many things today's review holds, all of them — counted through the indexes the
    /// queue is read by (open follow-ups by due time, interviews by when their step shows),
    /// not by reading them.
    pub fn queue_total(&self, clock: &Clock) -> StoreResult<u64> {
        let tonight = clock.end_of_today();
        let follow_ups: u64 = self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM follow_ups WHERE done_at IS NULL AND deleted_at IS NULL \
             AND due_at < ?",
            )?
            .query_row([tonight], |r| r.get(0))?;
        let steps: u64 = self
            .conn()
            .prepare_cached("SELECT count(*) FROM interviews WHERE next_shows_at < ?")?
            .query_row([tonight], |r| r.get(0))?;
        Ok(follow_ups + steps)
    }
}
