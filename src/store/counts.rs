//! The live counts (`live_counts`, kept by triggers) outside the triggers: recounted from the
//! tables, and the triggers set aside for the length of a bulk write.

use rusqlite::Connection;

use super::StoreResult;

/// Each live count as the tables would have it: the same rules as the triggers in the schema
/// (live contacts; open interviews — not deleted, no outcome — per stage).
const ACTUAL: &str = "CASE WHEN name = 'contacts' \
        THEN (SELECT count(*) FROM contacts WHERE deleted_at IS NULL) \
        ELSE (SELECT count(*) FROM interviews WHERE deleted_at IS NULL AND outcome IS NULL \
              AND 'open_interviews:' || stage = live_counts.name) END";

/// Sets every live count to what the tables hold now.
pub(crate) fn recount(conn: &Connection) -> StoreResult<()> {
    conn.execute(&format!("UPDATE live_counts SET count = {ACTUAL}"), [])?;
    Ok(())
}

/// Each live count by name, as stored and as the tables would have it (reads only): for
/// `rolo doctor` and the tests that the triggers and `recount` agree.
pub(crate) fn stored_and_actual(conn: &Connection) -> StoreResult<Vec<(String, u64, u64)>> {
    let sql = format!("SELECT name, count, {ACTUAL} FROM live_counts ORDER BY name");
    let rows = conn
        .prepare(&sql)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Runs `work` (inside the caller's transaction) with the count triggers dropped, then puts
/// them back and recounts. A trigger makes SQLite copy every page each row touches into a
/// statement journal; across a 30,000-row import that was a sixth of the time. The schema
/// change is part of the transaction, so a failure or a crash leaves the triggers as they were.
pub(crate) fn without_count_triggers<T>(
    conn: &Connection,
    work: impl FnOnce() -> StoreResult<T>,
) -> StoreResult<T> {
    let triggers: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema \
             WHERE type = 'trigger' AND name GLOB '*_count_*' ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    let value = work()?;
    for (_, sql) in &triggers {
        conn.execute_batch(sql)?;
    }
    recount(conn)?;
    Ok(value)
}
