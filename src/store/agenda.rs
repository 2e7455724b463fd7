//! Reads the daily agenda: a handful of indexed queries, bounded in size, so `rolo today` stays
//! quick whatever the size of the network.

use super::{Store, StoreResult};
use crate::domain::agenda::{Agenda, AgendaFollowUp, AgendaMeeting, Owed};
use crate::domain::{Clock, Id};

/// The most items of each kind the agenda lists; a longer backlog is for the review screen.
const AGENDA_LIMIT: u64 = 200;

impl Store {
    pub fn agenda(&self, clock: &Clock) -> StoreResult<Agenda> {
        let follow_ups = self
            .open_follow_ups_before(clock.end_of_today(), AGENDA_LIMIT)?
            .into_iter()
            .map(|f| AgendaFollowUp {
                id: f.id,
                kind: f.kind,
                title: f.title,
                contact: f.contact_name,
                due_at: f.due_at,
                days_overdue: 0,
            })
            .collect();
        let meetings = self
            .meetings_between(
                clock.start_of(clock.today()),
                clock.end_of_today(),
                AGENDA_LIMIT,
            )?
            .into_iter()
            .map(|m| AgendaMeeting {
                id: m.id,
                contact: m.contact_name,
                objective: m.objective,
                starts_at: m.starts_at,
                duration_minutes: m.duration_minutes,
                mode: m.mode,
                place: m.place,
            })
            .collect();
        Ok(Agenda::build(
            clock,
            follow_ups,
            meetings,
            self.evaluations_owed()?,
        ))
    }

    /// Interviews whose meeting was held but whose evaluation is not written.
    fn evaluations_owed(&self) -> StoreResult<Vec<Owed>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.id, c.name FROM interviews i JOIN contacts c ON c.id = i.contact_id \
             WHERE i.stage = 'evaluate' AND i.outcome IS NULL AND i.evaluated_at IS NULL \
               AND i.deleted_at IS NULL ORDER BY i.updated_at LIMIT ?",
        )?;
        let rows = stmt.query_map([AGENDA_LIMIT], |row| {
            Ok(Owed {
                interview_id: row.get::<_, Id>(0)?,
                contact: row.get(1)?,
                what: "Write up the conversation".into(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
