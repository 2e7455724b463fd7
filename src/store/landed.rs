//! "I landed a role": everyone who helped along the way — by meeting, by referring others, by
//! pointing to someone better placed — and a thank-you and an update queued for each.

use super::{Store, StoreResult, record};
pub use crate::domain::rows::Helper;
use crate::domain::{Clock, FollowUp, FollowUpKind, drafts::first_name};

impl Store {
    /// Everyone who helped, those who helped most first.
    pub fn helpers(&self) -> StoreResult<Vec<Helper>> {
        let mut stmt = self.conn().prepare_cached(
            "WITH helped(id) AS ( \
                 SELECT i.contact_id FROM interviews i JOIN meetings m ON m.interview_id = i.id \
                 WHERE m.status = 'held' AND m.deleted_at IS NULL AND i.deleted_at IS NULL \
                 UNION SELECT referred_by FROM contacts \
                 WHERE referred_by IS NOT NULL AND deleted_at IS NULL \
                 UNION SELECT contact_id FROM interviews \
                 WHERE redirected_to IS NOT NULL AND deleted_at IS NULL) \
             SELECT c.id, c.name, \
                 (SELECT count(*) FROM interviews i JOIN meetings m ON m.interview_id = i.id \
                  WHERE i.contact_id = c.id AND m.status = 'held' AND m.deleted_at IS NULL \
                  AND i.deleted_at IS NULL) AS meetings, \
                 (SELECT count(*) FROM contacts r WHERE r.referred_by = c.id \
                  AND r.deleted_at IS NULL) AS referrals, \
                 (SELECT count(*) FROM interviews i WHERE i.contact_id = c.id \
                  AND i.redirected_to IS NOT NULL AND i.deleted_at IS NULL) AS redirects \
             FROM helped h JOIN contacts c ON c.id = h.id WHERE c.deleted_at IS NULL \
             ORDER BY meetings + referrals + redirects DESC, c.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Helper {
                id: r.get(0)?,
                name: r.get(1)?,
                meetings: r.get(2)?,
                referrals: r.get(3)?,
                redirects: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Queues, for each helper, a thank-you due now that shares the news, and an update
    /// `update_after_days` later on how it is going — in one transaction. A helper who already
    /// has these open is left alone, so doing it twice queues nothing new. Says for how many
    /// people something was queued.
    pub fn thank_helpers(
        &self,
        role: &str,
        left_out: &[crate::domain::Id],
        update_after_days: u32,
        clock: &Clock,
    ) -> StoreResult<u64> {
        let helpers: Vec<_> = self
            .helpers()?
            .into_iter()
            .filter(|h| !left_out.contains(&h.id))
            .collect();
        let now = clock.timestamp();
        let role = crate::domain::sanitize::line(role);
        self.write(|tx| {
            let mut queued = 0;
            for helper in &helpers {
                let first = first_name(&helper.name);
                // (kind, what makes one the same whatever the role is called, title, due)
                let thanks = format!("Thank {first} for the help, and share the news");
                let update = format!("Tell {first} how the new role is going");
                let items = [
                    (
                        FollowUpKind::ThankYou,
                        thanks.clone(),
                        format!("{thanks}: {role}"),
                        now,
                    ),
                    (
                        FollowUpKind::KeepInTouch,
                        update.clone(),
                        update,
                        now.plus(chrono::Duration::days(i64::from(update_after_days))),
                    ),
                ];
                let mut added = false;
                for (kind, same, title, due) in items {
                    // Open already, under this role's name or another's: not queued twice.
                    let open: i64 = tx.query_row(
                        "SELECT count(*) FROM follow_ups WHERE contact_id = ?1 \
                         AND substr(title, 1, length(?2)) = ?2 \
                         AND done_at IS NULL AND deleted_at IS NULL",
                        rusqlite::params![helper.id, same],
                        |r| r.get(0),
                    )?;
                    if open == 0 {
                        let mut follow_up = FollowUp::new(kind, &title, due, now);
                        follow_up.contact_id = Some(helper.id);
                        record::insert(tx, &follow_up)?;
                        added = true;
                    }
                }
                queued += u64::from(added);
            }
            Ok(queued)
        })
    }
}
