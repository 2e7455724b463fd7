//! `rolo doctor`: looks the database over without changing a byte of it — the file itself
//! (integrity, references, schema version, counts), who can read it and its side files, and
//! the room left on its disk — and says what it found.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::structure::missing_schema;
pub use super::structure::repair;
use super::{LATEST_VERSION, StoreResult, counts, lock, migrate, open};

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Good,
    /// Worth knowing; nothing is wrong with the data.
    Note,
    /// Something is wrong.
    Problem,
}

/// One thing the doctor looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub verdict: Verdict,
    pub what: &'static str,
    pub detail: String,
}

impl Finding {
    fn new(verdict: Verdict, what: &'static str, detail: impl Into<String>) -> Finding {
        Finding {
            verdict,
            what,
            detail: detail.into(),
        }
    }
}

/// Below this much free space on the database's disk, the doctor warns.
const LOW_SPACE: u64 = 100 * 1024 * 1024;

/// Every check, in the order a person would want to read them.
/// Whether every table, index and trigger this rolo expects is there.
fn structure(conn: &Connection) -> StoreResult<Finding> {
    let missing = missing_schema(conn)?;
    if missing.is_empty() {
        return Ok(Finding::new(
            Verdict::Good,
            "structure",
            "every table, index and trigger this rolo expects is there",
        ));
    }
    let names: Vec<String> = missing
        .iter()
        .map(|m| format!("{} {}", m.kind, m.name))
        .collect();
    Ok(Finding::new(
        Verdict::Problem,
        "structure",
        format!(
            "missing: {} — `rolo doctor --repair` puts them back (after keeping a copy)",
            names.join(", ")
        ),
    ))
}

/// Whether the counts kept beside the tables match them.
fn kept_counts(conn: &Connection) -> StoreResult<Finding> {
    let drifted: Vec<String> = counts::stored_and_actual(conn)?
        .into_iter()
        .filter(|(_, stored, actual)| stored != actual)
        .map(|(name, stored, actual)| format!("{name} says {stored}, holds {actual}"))
        .collect();
    Ok(if drifted.is_empty() {
        Finding::new(Verdict::Good, "counts", "the kept counts match the tables")
    } else {
        Finding::new(Verdict::Problem, "counts", drifted.join("; "))
    })
}

pub fn examine(file: &Path) -> StoreResult<Vec<Finding>> {
    // A file another rolo is setting up is looked at once it is set up: half-migrated, it
    // looked damaged.
    super::setting_up::wait_until_set_up(file)?;
    examine_set_up(file)
}

fn examine_set_up(file: &Path) -> StoreResult<Vec<Finding>> {
    use Verdict::*;
    let mut found = Vec::new();
    let Ok(metadata) = std::fs::metadata(file) else {
        found.push(Finding::new(
            Problem,
            "file",
            format!(
                "there is no database at {} yet (rolo creates it on first use)",
                file.display()
            ),
        ));
        return Ok(found);
    };
    found.push(Finding::new(
        Good,
        "file",
        format!(
            "{} ({})",
            file.display(),
            super::disk::human_bytes(metadata.len())
        ),
    ));
    let names = std::os::unix::fs::MetadataExt::nlink(&metadata);
    if names > 1 {
        found.push(Finding::new(
            Problem,
            "names",
            format!(
                "the file has {names} names (hard links): writing through two of them would lose \
                 changes, so rolo only reads it — remove the other links (find / -samefile {})",
                file.display()
            ),
        ));
    }
    // Refuses, untouched, what is not a rolo database or is from a newer rolo.
    if let Err(refused) = open::probe(file) {
        if refused.is_damage() {
            super::health::note_damage(file, &refused.to_string());
            found.push(Finding::new(
                Problem,
                "integrity",
                "damaged: SQLite cannot read its list of tables — restore the newest backup \
                 (rolo backup makes them)",
            ));
        } else {
            found.push(Finding::new(Problem, "database", refused.to_string()));
        }
        return Ok(found);
    }
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;

    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    found.push(if version == LATEST_VERSION {
        Finding::new(Good, "schema", format!("version {version}, the newest"))
    } else {
        Finding::new(
            Note,
            "schema",
            format!(
                "version {version}; the next open brings it to {LATEST_VERSION}, keeping a copy \
                 as {}",
                migrate::copy_path(file, version).display()
            ),
        )
    });

    // A damaged file can fail the check itself: that is a finding too, not the doctor's end.
    let integrity: Result<Vec<String>, rusqlite::Error> = conn
        .prepare("PRAGMA integrity_check(20)")
        .and_then(|mut check| check.query_map([], |r| r.get(0))?.collect());
    let integrity = integrity.unwrap_or_else(|e| vec![e.to_string()]);
    if integrity != ["ok"] {
        super::health::note_damage(file, &format!("integrity check: {}", integrity.join("; ")));
        found.push(Finding::new(
            Problem,
            "integrity",
            format!(
                "damaged: {} — restore the newest backup (rolo backup makes them)",
                integrity.join("; ")
            ),
        ));
        found.extend(modes(file));
        found.push(free_space(file));
        return Ok(found);
    }
    found.push(Finding::new(
        Good,
        "integrity",
        "every page and index checks out",
    ));
    if let Some(problem) = super::health::header_problem(file) {
        found.push(Finding::new(Problem, "header", problem));
    } else {
        // Checks out: a note of earlier damage (a restored file) no longer holds it read-only.
        super::health::clear_damage(file);
    }
    if version == LATEST_VERSION {
        found.push(structure(&conn)?);
    }

    let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    found.push(if broken == 0 {
        Finding::new(
            Good,
            "references",
            "every link points at a record that exists",
        )
    } else {
        Finding::new(
            Problem,
            "references",
            format!("{broken} links point at nothing"),
        )
    });

    if version == LATEST_VERSION {
        found.push(kept_counts(&conn)?);
    }

    found.extend(modes(file));
    found.push(free_space(file));
    Ok(found)
}

/// The folder, the file and each side file: readable by their owner only.
fn modes(file: &Path) -> Vec<Finding> {
    let mut paths = vec![file.to_path_buf()];
    for suffix in ["-wal", "-shm"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        paths.push(name.into());
    }
    paths.push(lock::lock_path(file));
    let mut open_to_others = Vec::new();
    let mut unwritable = Vec::new();
    for path in paths.iter().filter(|p| p.exists()) {
        let mode = std::fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o777);
        if mode & 0o077 != 0 {
            open_to_others.push(format!("{} is {mode:o}", path.display()));
        }
        if mode & 0o600 != 0o600 {
            unwritable.push(format!("{} is {mode:o}", path.display()));
        }
    }
    let mut found = Vec::new();
    if !unwritable.is_empty() {
        found.push(Finding::new(
            Verdict::Problem,
            "access",
            format!(
                "{}: saves will fail until you may read and write them — chmod 600 them",
                unwritable.join(", ")
            ),
        ));
    }
    found.push(if open_to_others.is_empty() {
        Finding::new(
            Verdict::Good,
            "privacy",
            "the database and its side files are yours alone (600)",
        )
    } else {
        Finding::new(
            Verdict::Problem,
            "privacy",
            format!(
                "others can read: {} — chmod 600 them",
                open_to_others.join(", ")
            ),
        )
    });
    if let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        let mode = std::fs::metadata(folder).map_or(0, |m| m.permissions().mode() & 0o777);
        if mode & 0o077 != 0 {
            found.push(Finding::new(
                Verdict::Note,
                "folder",
                format!(
                    "{} is {mode:o}: others can see the file names in it (rolo makes its own folders 700)",
                    folder.display()
                ),
            ));
        }
    }
    found
}

fn free_space(file: &Path) -> Finding {
    let folder = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match super::disk::free_space(folder) {
        Some(free) if free < LOW_SPACE => Finding::new(
            Verdict::Problem,
            "disk",
            format!(
                "only {} free: saves will fail when it runs out",
                super::disk::human_bytes(free)
            ),
        ),
        Some(free) => Finding::new(
            Verdict::Good,
            "disk",
            format!("{} free", super::disk::human_bytes(free)),
        ),
        None => Finding::new(
            Verdict::Note,
            "disk",
            "could not tell how much space is free",
        ),
    }
}
