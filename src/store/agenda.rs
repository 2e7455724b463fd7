//! `rolo today`: the review's queue, read the same way the review reads it.

use super::review::QUEUE_LIMIT;
use super::{Store, StoreResult};
use crate::domain::agenda::Agenda;
use crate::domain::numbers::COUNT_CAP;
use crate::domain::{Clock, Timestamp};

impl Store {
    /// Today's queue for `rolo today`: with `shown`, its most pressing `shown` items, chosen
    /// from a few times as many of the longest waiting (so printing one screen of them reads
    /// a bounded number of pages at any size); without, everything the review holds.
    pub fn agenda(&self, clock: &Clock, shown: Option<usize>) -> StoreResult<Agenda> {
        let queue = match shown {
            Some(shown) => {
                let among =
                    (shown as u64 * CANDIDATES_PER_SHOWN).clamp(MIN_CANDIDATES, QUEUE_LIMIT);
                let mut queue = self.review_queue_among(clock, among)?;
                queue.truncate(shown);
                queue
            }
            None => self.review_queue(clock)?,
        };
        Ok(Agenda {
            date: clock.today(),
            total: self.queue_total(clock)?,
            queue,
        })
    }
}

/// How many of the longest waiting of each kind (follow-ups, interviews' steps) are weighed
/// for each item `rolo today` prints, and at least.
const CANDIDATES_PER_SHOWN: u64 = 2;
const MIN_CANDIDATES: u64 = 20;

impl Store {
    /// How many things today's review holds — counted up to `COUNT_CAP` ("1,000+"), through
    /// the indexes the queue is read by (open follow-ups by due time, interviews by when their
    /// step shows), so that the count reads a bounded number of pages however many are due.
    pub fn queue_total(&self, clock: &Clock) -> StoreResult<u64> {
        let tonight = clock.end_of_today();
        let long_ago = Timestamp(chrono::DateTime::UNIX_EPOCH);
        let follow_ups = self.count_open_follow_ups(long_ago, tonight, COUNT_CAP)?;
        let steps: u64 = self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM interviews WHERE next_shows_at < ? LIMIT ?)",
            )?
            .query_row(rusqlite::params![tonight, COUNT_CAP], |r| r.get(0))?;
        Ok((follow_ups + steps).min(COUNT_CAP))
    }
}
