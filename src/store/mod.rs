//! The store owns the SQLite connection: it opens the file safely, sets the pragmas, migrates,
//! and offers typed operations. Every write is one IMMEDIATE transaction. Nothing here draws.

mod agenda;
pub mod busy;
pub mod contact_save;
mod contacts;
mod counts;
pub mod disk;
pub mod doctor;
pub mod error;
pub mod export_rows;
pub mod health;
mod insights;
pub mod interviews;
mod invitations;
mod landed;
mod leftovers;
mod lists;
pub mod lock;
mod merge;
pub mod messages;
mod migrate;
mod open;
pub mod organizations;
pub mod path;
pub mod playbook;
pub(crate) mod record;
pub mod review;
pub mod safe_write;
pub mod search;
mod search_index;
mod seed;
pub mod sent;
pub mod setting_up;
pub mod snapshot;
mod sql_types;
pub mod steps;
mod steps_legacy;
mod steps_store;
mod structure;
mod trash;
pub mod write_up;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction};

pub use contacts::{NewContact, organization_named, tag_contact};
pub use error::{StoreError, StoreResult};
pub use interviews::NewRequest;
pub use landed::Helper;
pub use lists::{ContactRow, FollowUpRow, InterviewCard, MeetingRow, Page, QuestionListRow};
pub use merge::Merged;
pub use migrate::{LATEST_VERSION, copy_path as migrate_copy_path};
pub use playbook::{MeetingDetails, StepInput};
pub use record::{Record, upsert};
pub use seed::SEEDED_AT;
pub use steps_store::{DERIVED_STEPS_VERSION, at_most_one_open_interview, take_in_old_reminders};
pub use trash::TrashRow;
pub(crate) use trash::{bring_back_theirs, list_in_trash};

use crate::domain::Timestamp;

/// An open rolo database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened to look only, and why (another app has the file, it is damaged, it cannot be
    /// written): every write is refused with this.
    read_only: Option<String>,
    /// The playbook's numbers: every write derives the touched interviews' steps with them.
    playbook: crate::domain::settings::PlaybookSettings,
}

/// The page cache of one large write, in KiB (negative `cache_size` is KiB). 8 MiB holds the
/// pages a large import keeps going back to (the indexes' inner pages); 32 MiB made a
/// 100,000-row import no quicker (2.4 s either way) and 25 MB heavier.
const BULK_CACHE_KIB: i64 = 8 * 1024;

/// Why a store was opened to look only.
pub const HELD_BY_ANOTHER_APP: &str =
    "another rolo has this file open (close it to make changes here)";

/// Why a damaged file is only read.
pub const DAMAGED: &str = "the file is damaged (what it shows may be incomplete): quit and run `rolo doctor`, or restore a backup";

impl Store {
    /// Opens (creating if needed) the database at `path`, refusing files that are not rolo's or
    /// are from a newer rolo. Migrates an older file after keeping a copy of it aside.
    pub fn open(path: &Path) -> StoreResult<Store> {
        if path.is_dir() {
            return Err(StoreError::Invalid(format!(
                "{} is a folder; name the database file, for example {}",
                path.display(),
                path.join("rolo.db").display()
            )));
        }
        if let Ok(meta) = std::fs::metadata(path)
            && std::os::unix::fs::MetadataExt::nlink(&meta) > 1
        {
            return Err(StoreError::HardLinked {
                path: path.to_path_buf(),
                names: std::os::unix::fs::MetadataExt::nlink(&meta),
            });
        }
        if let Some(why) = health::damage(path) {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                why,
            });
        }
        // Held until the file is at the current schema and its derived steps are up to date.
        let _setting_up = setting_up::hold(path)?;
        let conn = open::open_checked(path)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            read_only: None,
            playbook: Default::default(),
        };
        let before: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if migrate::migrate(&store.conn, path)? {
            seed::seed_question_bank(&store.conn)?;
            store.take_in_reminders_of_schema(before)?;
        }
        // Only what waits to be derived: the settings are compared in `use_playbook`, once the
        // config's are known (comparing the defaults here would derive everything twice on
        // every start for anyone whose config changes a number).
        store.derive_stale()?;
        Ok(store)
    }

    /// Opens an existing file to look at only, for the reason `why`: nothing is migrated or
    /// written, and every write is refused with `StoreError::ReadOnly`.
    pub fn open_read_only(path: &Path, why: &str) -> StoreResult<Store> {
        let conn = open::open_read_only(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: Some(why.to_string()),
            playbook: Default::default(),
        })
    }

    /// Opens `path` to write if it can be; to read only when it cannot be written (a damaged
    /// file, an unwritable file or disk), with the refusal that says why and what to do.
    pub fn open_for_reading(path: &Path) -> StoreResult<(Store, Option<StoreError>)> {
        match Store::open(path) {
            Ok(store) => Ok((store, None)),
            Err(refused) => {
                let why = match &refused {
                    StoreError::Damaged { .. } => DAMAGED,
                    StoreError::HardLinked { .. } => {
                        "the file has several names (hard links): keep one (rolo doctor says more)"
                    }
                    StoreError::NotWritable { .. } => {
                        "the file or its disk cannot be written (chmod u+w it, or copy it)"
                    }
                    // What is not ours, or from a newer rolo, is not read either.
                    StoreError::NotRolo { .. }
                    | StoreError::NotADatabase { .. }
                    | StoreError::NewerSchema { .. }
                    | StoreError::Invalid(_) => return Err(refused),
                    // The disk full, the folder unwritable: what can be read is still read.
                    _ => "it cannot be written just now (its disk or folder): read only",
                };
                match Store::open_read_only(path, why) {
                    Ok(store) => Ok((store, Some(refused))),
                    Err(_) => Err(refused),
                }
            }
        }
    }

    /// From now on every write is refused, saying `why` (damage found while reading).
    pub fn refuse_writes(&mut self, why: &str) {
        self.read_only = Some(why.to_string());
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Why writes are refused, when they are.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Reads made while the guard lives all see the database as it was at the first of them,
    /// whatever other processes write meanwhile (an export of several tables). A deferred read
    /// transaction: it keeps no writer out, and is rolled back when dropped.
    pub fn reading_as_of_now(&self) -> StoreResult<rusqlite::Transaction<'_>> {
        Ok(rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Deferred,
        )?)
    }

    /// Runs `work` in one IMMEDIATE transaction: all of it is saved, or none of it.
    pub fn write<T>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly { why: why.clone() });
        }
        let attempt = || -> StoreResult<T> {
            let tx = self.conn.unchecked_transaction()?;
            let value = work(&tx)?;
            steps::refresh_stale(&tx, &self.playbook)?;
            tx.commit()?;
            Ok(value)
        };
        let outcome = attempt();
        busy::done_waiting();
        outcome.map_err(|e| {
            if e.is_damage() {
                health::note_damage(&self.path, &e.to_string());
            }
            e.explained_for(&self.path)
        })
    }

    /// As `write`, for one large transaction (an import, a merge, the demo): the page cache is
    /// allowed to grow meanwhile (to `BULK_CACHE_KIB`: what a large import spills to the log
    /// before its commit rather than holding every page it changed), and the live counts are
    /// recounted once
    /// at the end rather than kept row by row.
    pub fn bulk_write<T>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        let result = self.write(|tx| counts::without_count_triggers(tx, || work(tx)));
        self.conn.pragma_update(None, "cache_size", -2_000)?;
        result
    }

    /// As `bulk_write`, but rolled back at the end whatever happens: what the work would do,
    /// found by doing it (a dry run that follows the real run's path exactly).
    pub fn rehearse<T>(
        &self,
        work: impl FnOnce(&Transaction<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        if let Some(why) = &self.read_only {
            return Err(StoreError::ReadOnly { why: why.clone() });
        }
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        let result = (|| {
            let tx = self.conn.unchecked_transaction()?;
            let value = counts::without_count_triggers(&tx, || work(&tx))?;
            tx.rollback()?;
            Ok(value)
        })();
        busy::done_waiting();
        self.conn.pragma_update(None, "cache_size", -2_000)?;
        result
    }

    /// Each live count as stored and as the tables would have it (name, stored, actual).
    pub fn live_counts_check(&self) -> StoreResult<Vec<(String, u64, u64)>> {
        counts::stored_and_actual(&self.conn)
    }

    /// A number that changes whenever another connection commits to the file, so a screen can
    /// tell when to refresh without reading anything else.
    pub fn data_version(&self) -> StoreResult<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }

    /// A consistent copy of the database through SQLite's online backup, readable by its owner
    /// only. Written beside `target` and renamed over it, so a failed backup leaves the previous
    /// one as it was; `target` may not be the database or one of its side files.
    pub fn backup_to(&self, target: &Path) -> StoreResult<()> {
        safe_write::refuse_database(target, &self.path)?;
        // A damaged file is not copied over what may be the last good backup.
        let check = self.quick_check()?;
        if check != "ok" {
            health::note_damage(&self.path, &format!("quick check: {check}"));
            return Err(StoreError::Damaged {
                path: self.path.clone(),
                why: format!(
                    "{check}; the backup was not written, so {} is as it was",
                    target.display()
                ),
            });
        }
        safe_write::write_atomically(target, |_, temporary| {
            self.conn
                .backup(
                    rusqlite::MAIN_DB,
                    temporary,
                    None::<fn(rusqlite::backup::Progress)>,
                )
                .map_err(|e| StoreError::context(format!("backing up to {}", target.display()), e))
        })
    }

    /// `PRAGMA quick_check`: "ok", or the first problems found (a read of every page, without
    /// the index cross-checks).
    pub fn quick_check(&self) -> StoreResult<String> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check(5)")?;
        let lines: Result<Vec<String>, _> = stmt.query_map([], |row| row.get(0))?.collect();
        Ok(match lines {
            Ok(lines) => lines.join("; "),
            Err(e) => e.to_string(),
        })
    }

    /// `PRAGMA integrity_check`: "ok", or the problems found.
    pub fn integrity_check(&self) -> StoreResult<String> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(lines.join("\n"))
    }

    /// Inserts a record.
    pub fn insert<R: Record>(&self, record: &R) -> StoreResult<()> {
        self.write(|tx| record::insert(tx, record))
    }

    /// Saves a changed record, stamping `updated_at`.
    pub fn update<R: Record>(&self, record: &mut R, now: Timestamp) -> StoreResult<()> {
        self.write(|tx| record::update(tx, record, now))
    }

    /// Saves a record an editor read at `read_at` (refused when it was saved elsewhere since,
    /// so the editor can catch up), or inserts a new one.
    pub fn save_edited<R: Record>(
        &self,
        record: &mut R,
        read_at: Option<Timestamp>,
        is_new: bool,
        now: Timestamp,
    ) -> StoreResult<()> {
        self.write(|tx| {
            if is_new {
                return record::insert(tx, record);
            }
            if let Some(version) = read_at {
                record::ensure_version::<R>(tx, record.meta().id, version)?;
            }
            record::update(tx, record, now)
        })
    }

    /// Reads one record, tombstoned or not.
    pub fn get<R: Record>(&self, id: crate::domain::Id) -> StoreResult<R> {
        record::get(&self.conn, id)
    }

    /// Deletes as a tombstone, so that it can be restored.
    pub fn delete<R: Record>(&self, id: crate::domain::Id, now: Timestamp) -> StoreResult<()> {
        self.write(|tx| record::set_deleted::<R>(tx, id, Some(now), now))
    }

    /// Brings a tombstoned record back.
    pub fn restore<R: Record>(&self, id: crate::domain::Id, now: Timestamp) -> StoreResult<()> {
        self.write(|tx| record::set_deleted::<R>(tx, id, None, now))
    }

    /// One page of a kind's records in creation order, those whose label (name, title, text)
    /// contains `text` when given, with tombstones when asked.
    pub fn list<R: Record>(
        &self,
        text: Option<&str>,
        include_deleted: bool,
        page: Page,
    ) -> StoreResult<Vec<R>> {
        record::list(&self.conn, text, include_deleted, page)
    }

    /// Every record of a kind, in the order they were stored (for export and tests).
    pub fn all<R: Record>(&self, include_deleted: bool) -> StoreResult<Vec<R>> {
        record::all(&self.conn, include_deleted)
    }

    /// How many live records of a kind there are.
    pub fn count<R: Record>(&self) -> StoreResult<u64> {
        record::count::<R>(&self.conn)
    }
}
