//! Schema migrations: numbered SQL files in `migrations/`, applied in order, each in its own
//! transaction, with `PRAGMA user_version` recording where a file stands. A small runner over
//! `user_version` rather than a crate, so that rusqlite can stay current (rusqlite_migration
//! pins an older rusqlite).

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{StoreError, StoreResult, path};

/// Marks a file as rolo's ("rolo" in ASCII), so that other SQLite files are told apart.
pub const APPLICATION_ID: i32 = 0x726f_6c6f;

/// Every migration, in order. Released files are never edited: a change is a new file.
const MIGRATIONS: &[(i64, &str)] = &[(1, include_str!("../../migrations/0001_initial.sql"))];

pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Brings the file to the latest schema. Says whether anything was applied.
pub(super) fn migrate(conn: &Connection, file: &Path) -> StoreResult<bool> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == LATEST_VERSION {
        return Ok(false);
    }
    if version > LATEST_VERSION {
        return Err(StoreError::NewerSchema {
            path: file.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    if version > 0 {
        keep_copy(conn, file, version)?;
    }
    for (number, sql) in MIGRATIONS.iter().filter(|(n, _)| *n > version) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)
            .map_err(|e| StoreError::context(format!("applying migration {number}"), e))?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", number)?;
        tx.commit()?;
    }
    Ok(true)
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
    path::create_private_file(&target, true)?;
    conn.backup(
        rusqlite::MAIN_DB,
        &target,
        None::<fn(rusqlite::backup::Progress)>,
    )
    .map_err(|e| {
        StoreError::context(
            format!("keeping a copy at {} before migrating", target.display()),
            e,
        )
    })?;
    path::make_private(&target)
}
