//! Schema migrations: numbered SQL files in `migrations/`, applied in order, each in its own
//! transaction, with `PRAGMA user_version` recording where a file stands. A small runner over
//! `user_version` rather than a crate, so that rusqlite can stay current (rusqlite_migration
//! pins an older rusqlite).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

use super::{StoreError, StoreResult};

/// Marks a file as rolo's ("rolo" in ASCII), so that other SQLite files are told apart.
pub const APPLICATION_ID: i32 = 0x726f_6c6f;

/// Every migration, in order. Released files are never edited: a change is a new file.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../../migrations/0001_initial.sql")),
    (
        2,
        include_str!("../../migrations/0002_partial_interview_indexes.sql"),
    ),
    (3, include_str!("../../migrations/0003_search.sql")),
    (4, include_str!("../../migrations/0004_merges.sql")),
    (5, include_str!("../../migrations/0005_derived_steps.sql")),
    (
        6,
        include_str!("../../migrations/0006_live_with_their_own.sql"),
    ),
    (7, include_str!("../../migrations/0007_kept_drafts.sql")),
    (8, include_str!("../../migrations/0008_the_world_moves.sql")),
];

pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Brings the file to the latest schema. Says whether anything was applied.
pub(super) fn migrate(conn: &Connection, file: &Path) -> StoreResult<bool> {
    migrate_with(conn, file, MIGRATIONS)
}

fn migrate_with(conn: &Connection, file: &Path, migrations: &[(i64, &str)]) -> StoreResult<bool> {
    let latest = migrations[migrations.len() - 1].0;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == latest {
        return Ok(false);
    }
    if version > latest {
        return Err(StoreError::NewerSchema {
            path: file.to_path_buf(),
            found: version,
            supported: latest,
        });
    }
    if version > 0 {
        keep_copy(conn, file, version)?;
    }
    let mut applied = false;
    loop {
        // Where the file stands is read again with the write lock held: another process may
        // have migrated it meanwhile. Read once before, two rolos starting on a new file both
        // applied the first migration, and one that then found the second (which can run
        // twice) set the version back under tables it no longer knew, for good.
        let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let Some((number, sql)) = migrations.iter().find(|(n, _)| *n > version) else {
            tx.commit()?;
            return Ok(applied);
        };
        tx.execute_batch(sql)
            .map_err(|e| StoreError::context(format!("applying migration {number}"), e))?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", number)?;
        tx.commit()?;
        applied = true;
    }
}

/// The name of the copy kept before migrating from `version`.
pub fn copy_path(file: &Path, version: i64) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!("{name}.v{version}.bak"))
}

/// Copies the file aside (through the backup API, so the WAL is included), readable by its
/// owner only, before any migration touches it.
fn keep_copy(conn: &Connection, file: &Path, version: i64) -> StoreResult<()> {
    let target = copy_path(file, version);
    super::safe_write::write_atomically(&target, |_, temporary| {
        conn.backup(
            rusqlite::MAIN_DB,
            temporary,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .map_err(|e| {
            StoreError::context(
                format!("keeping a copy at {} before migrating", target.display()),
                e,
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    const V1: (i64, &str) = (
        1,
        "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada');",
    );
    const V2: (i64, &str) = (2, "CREATE TABLE places (name TEXT);");
    const BROKEN: (i64, &str) = (3, "CREATE TABLE half (x); THIS IS NOT SQL;");

    fn version(conn: &Connection) -> i64 {
        conn.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn an_older_file_is_copied_aside_before_migrating() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rolo.db");
        let conn = Connection::open(&file).unwrap();
        assert!(migrate_with(&conn, &file, &[V1]).unwrap());
        assert!(
            !copy_path(&file, 0).exists(),
            "a new file has nothing to keep"
        );

        assert!(migrate_with(&conn, &file, &[V1, V2]).unwrap());
        assert_eq!(version(&conn), 2);
        let copy = copy_path(&file, 1);
        assert_eq!(
            std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let kept = Connection::open(&copy).unwrap();
        assert_eq!(version(&kept), 1);
        let tables: i64 = kept
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'places'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0, "the copy is the file as it was before");
        assert!(
            !migrate_with(&conn, &file, &[V1, V2]).unwrap(),
            "nothing left to apply"
        );
    }

    #[test]
    fn a_failed_migration_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rolo.db");
        let conn = Connection::open(&file).unwrap();
        migrate_with(&conn, &file, &[V1, V2]).unwrap();
        let err = migrate_with(&conn, &file, &[V1, V2, BROKEN]).unwrap_err();
        assert!(err.to_string().contains("applying migration 3"), "{err}");
        assert_eq!(version(&conn), 2);
        let half: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'half'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            half, 0,
            "the broken migration's first statement was rolled back"
        );
        let ada: String = conn
            .query_row("SELECT name FROM people", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ada, "Ada");
    }

    #[test]
    fn the_real_migrations_apply_to_an_empty_file() {
        let conn = Connection::open_in_memory().unwrap();
        assert!(migrate(&conn, Path::new(":memory:")).unwrap());
        assert_eq!(version(&conn), LATEST_VERSION);
    }
}
