//! Keeping the search index (migration 0003) up to date: new rows found by rowid, changed and
//! removed ones by the triggers' dirty list; caught up in small steps while the app is idle,
//! without a sync per step, and not written at all while nothing has changed.

use rusqlite::{Connection, OptionalExtension};

use super::search::{SearchKind, entry_rowid};
use super::{Store, StoreResult};

/// How long the log may grow while the index catches up before it is copied into the file
/// (about 16 MB at 8 KB pages).
const CHECKPOINT_AFTER_PAGES: i64 = 2000;

/// Puts one source row in the index as it is now (or takes it out, when it is gone or not to
/// be searched).
fn index_row(
    conn: &Connection,
    kind: SearchKind,
    row: (i64, String, String, bool),
) -> StoreResult<()> {
    let (rowid, title, body, live) = row;
    let entry = entry_rowid(kind, rowid);
    conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?")?
        .execute([entry])?;
    if live {
        conn.prepare_cached("INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)")?
            .execute(rusqlite::params![entry, title, body])?;
    }
    Ok(())
}

impl Store {
    /// Indexes everything added, changed or removed since the last search. Says how many rows
    /// it looked at.
    pub fn sync_search(&self) -> StoreResult<u64> {
        let mut seen = 0;
        loop {
            let (rows, done) = self.sync_search_step(u64::MAX)?;
            seen += rows;
            if done {
                return Ok(seen);
            }
        }
    }

    /// Indexes at most about `budget` rows (one short transaction, for the app's idle time).
    /// Says how many it looked at, and whether the index is now up to date.
    /// A file opened read-only (another app has it) is searched as far as it was indexed.
    pub fn sync_search_step(&self, budget: u64) -> StoreResult<(u64, bool)> {
        if self.is_read_only() || !self.search_behind()? {
            // Up to date: nothing is written (an app opened and closed changes no byte).
            return Ok((0, true));
        }
        // The index can always be rebuilt from the tables, so its steps need not wait for the
        // disk: committed without a sync (WAL stays consistent; a power cut at worst loses
        // the last steps, which are redone). No step checkpoints on its own either: the log is
        // copied into the file once it has grown by `CHECKPOINT_AFTER_PAGES`, and once more
        // when the index has caught up — a catch-up of a whole network costs a few syncs, not
        // two per step.
        self.conn().pragma_update(None, "synchronous", "NORMAL")?;
        self.conn().pragma_update(None, "wal_autocheckpoint", 0)?;
        let step = self.search_step(budget);
        if let Ok((_, done)) = &step {
            // Pages in the log: it starts again from nothing at the first write after a
            // checkpoint has copied it all.
            let logged: i64 = self
                .conn()
                .query_row("PRAGMA wal_checkpoint(NOOP)", [], |r| r.get(1))
                .unwrap_or(0);
            if (*done && logged > 0) || logged >= CHECKPOINT_AFTER_PAGES {
                self.conn()
                    .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
            }
        }
        self.conn()
            .pragma_update(None, "wal_autocheckpoint", 1000)?;
        self.conn().pragma_update(None, "synchronous", "FULL")?;
        step
    }

    /// Whether anything was added, changed or removed since the index was last brought up to
    /// date — read through each table's last rowid and the dirty list, a few pages at any size.
    fn search_behind(&self) -> StoreResult<bool> {
        let dirty: bool =
            self.conn()
                .query_row("SELECT EXISTS (SELECT 1 FROM search_dirty)", [], |r| {
                    r.get(0)
                })?;
        if dirty {
            return Ok(true);
        }
        for kind in SearchKind::ALL {
            let (table, _) = kind.source();
            let behind: bool = self.conn().query_row(
                &format!(
                    "SELECT coalesce((SELECT max(rowid) FROM {table}), 0) > \
                     (SELECT last_rowid FROM search_state WHERE table_name = ?)"
                ),
                [table],
                |r| r.get(0),
            )?;
            if behind {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn search_step(&self, budget: u64) -> StoreResult<(u64, bool)> {
        self.write(|tx| {
            let mut seen = 0;
            for kind in SearchKind::ALL {
                let (table, select) = kind.source();
                let last: i64 = tx.query_row(
                    "SELECT last_rowid FROM search_state WHERE table_name = ?",
                    [table],
                    |r| r.get(0),
                )?;
                let read =
                    |r: &rusqlite::Row<'_>| -> rusqlite::Result<(i64, String, String, bool)> {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                    };
                let room = budget.saturating_sub(seen).min(i64::MAX as u64) as i64;
                let new: Vec<(i64, String, String, bool)> = tx
                    .prepare(&format!("{select} WHERE rowid > ? ORDER BY rowid LIMIT ?"))?
                    .query_map(rusqlite::params![last, room], read)?
                    .collect::<Result<_, _>>()?;
                let newest = new.last().map_or(last, |row| row.0);
                seen += new.len() as u64;
                for row in new {
                    index_row(tx, kind, row)?;
                }
                // Changed rows up to where this table is indexed (later ones come as new).
                let dirty: Vec<i64> = tx
                    .prepare(
                        "SELECT source_rowid FROM search_dirty \
                         WHERE table_name = ? AND source_rowid <= ?",
                    )?
                    .query_map(rusqlite::params![table, newest], |r| r.get(0))?
                    .collect::<Result<_, _>>()?;
                for rowid in &dirty {
                    seen += 1;
                    let row = tx
                        .prepare_cached(&format!("{select} WHERE rowid = ?"))?
                        .query_row([rowid], read)
                        .optional()?;
                    match row {
                        Some(row) => index_row(tx, kind, row)?,
                        // Deleted outright: its entry goes.
                        None => {
                            tx.prepare_cached("DELETE FROM search_index WHERE rowid = ?")?
                                .execute([entry_rowid(kind, *rowid)])?;
                        }
                    }
                }
                tx.execute(
                    "DELETE FROM search_dirty WHERE table_name = ? AND source_rowid <= ?",
                    rusqlite::params![table, newest],
                )?;
                tx.execute(
                    "UPDATE search_state SET last_rowid = ? WHERE table_name = ?",
                    rusqlite::params![newest, table],
                )?;
                if seen >= budget {
                    break;
                }
            }
            // FTS5 merges its segments as it goes; here a bounded amount each step (automatic
            // merging is off, see migration 0003), so no step takes on a large merge.
            tx.execute(
                "INSERT INTO search_index (search_index, rank) VALUES ('merge', 16)",
                [],
            )?;
            Ok((seen, seen < budget))
        })
    }
}
