//! `rolo today`: the review's queue, read the same way the review reads it.

use super::{Store, StoreResult};
use crate::domain::Clock;
use crate::domain::agenda::Agenda;

impl Store {
    pub fn agenda(&self, clock: &Clock) -> StoreResult<Agenda> {
        Ok(Agenda {
            date: clock.today(),
            queue: self.review_queue(clock)?,
        })
    }
}
