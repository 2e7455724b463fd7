//! The facts the insights screen counts, read in a handful of queries.

use crate::domain::drafts::REQUEST_SENT;
use crate::domain::insights::{Facts, Insights, InterviewFacts, OrganizationDepth, week_starts};
use crate::domain::{Clock, Timestamp};

use super::{Store, StoreResult};

/// Organisations listed by depth (the rest are counted, not listed).
const ORGANIZATIONS_SHOWN: usize = 50;

/// A contact "met": one of their interviews has a meeting marked held.
const MET: &str = "EXISTS (SELECT 1 FROM meetings m JOIN interviews i ON i.id = m.interview_id \
     WHERE i.contact_id = c.id AND m.status = 'held' AND m.deleted_at IS NULL \
     AND i.deleted_at IS NULL)";

impl Store {
    /// The insights as of `clock`, weeks starting on `first_day`.
    pub fn insights(&self, clock: &Clock, first_day: chrono::Weekday) -> StoreResult<Insights> {
        let conn = self.conn();
        let interviews: Vec<InterviewFacts> = conn
            .prepare_cached(
                "SELECT i.channel, i.requested_at, \
                        i.reply_status IN ('accepted', 'declined', 'redirected'), i.replied_at, \
                        EXISTS (SELECT 1 FROM meetings m WHERE m.interview_id = i.id \
                                AND m.status = 'held' AND m.deleted_at IS NULL), \
                        i.thanked_at IS NOT NULL, \
                        EXISTS (SELECT 1 FROM interactions x WHERE x.interview_id = i.id \
                                AND (x.summary = ?1 OR (x.summary LIKE 'Asked %' AND x.body != '')) \
                                AND x.deleted_at IS NULL) \
                 FROM interviews i WHERE i.deleted_at IS NULL",
            )?
            .query_map([REQUEST_SENT], |r| {
                Ok(InterviewFacts {
                    channel: r.get(0)?,
                    requested_at: r.get(1)?,
                    replied: r.get(2)?,
                    replied_at: r.get(3)?,
                    met: r.get(4)?,
                    thanked: r.get(5)?,
                    drafted: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        // Referrals obtained through meetings: people someone suggested in an interview that
        // was held — added as referred by them after that interview was asked for (not every
        // contact who came with a referrer, such as an import's introductions or someone
        // known before; a meeting is often logged after the fact, so not its time).
        let referrals: u64 = conn.query_row(
            "SELECT count(*) FROM contacts c WHERE c.referred_by IS NOT NULL \
               AND c.deleted_at IS NULL AND EXISTS ( \
                 SELECT 1 FROM interviews i JOIN meetings m ON m.interview_id = i.id \
                 WHERE i.contact_id = c.referred_by AND i.deleted_at IS NULL \
                   AND m.deleted_at IS NULL AND m.status = 'held' \
                   AND i.requested_at <= c.created_at)",
            [],
            |r| r.get(0),
        )?;
        let since = clock.at_local(week_starts(clock, first_day)[0], chrono::NaiveTime::MIN);
        let times = |sql: &str| -> StoreResult<Vec<Timestamp>> {
            Ok(conn
                .prepare_cached(sql)?
                .query_map([since], |r| r.get(0))?
                .collect::<Result<_, _>>()?)
        };
        let meetings_held = times(
            "SELECT starts_at FROM meetings \
             WHERE status = 'held' AND deleted_at IS NULL AND starts_at >= ?",
        )?;
        let touches = times(
            "SELECT occurred_at FROM interactions WHERE deleted_at IS NULL AND occurred_at >= ? \
             AND kind IN ('email', 'call', 'message', 'meeting', 'thank_you')",
        )?;
        let organizations: Vec<OrganizationDepth> = conn
            .prepare_cached(&format!(
                "SELECT o.name, count(*) AS contacts, sum({MET}) AS met \
                 FROM contacts c JOIN organizations o ON o.id = c.organization_id \
                 WHERE c.deleted_at IS NULL AND o.deleted_at IS NULL \
                 GROUP BY o.id ORDER BY met DESC, contacts DESC, o.name LIMIT ?"
            ))?
            .query_map([ORGANIZATIONS_SHOWN], |r| {
                Ok(OrganizationDepth {
                    name: r.get(0)?,
                    contacts: r.get(1)?,
                    met: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let covered: u64 = conn.query_row(
            "SELECT count(DISTINCT organization_id) FROM contacts \
             WHERE organization_id IS NOT NULL AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        let facts = Facts {
            interviews,
            referrals,
            meetings_held,
            touches,
            organizations,
            organizations_covered: covered,
        };
        Ok(Insights::compute(facts, clock, first_day))
    }
}
