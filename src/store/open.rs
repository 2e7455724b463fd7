//! Opening a file safely: a read-only look first, so that a file that is not ours, or is from a
//! newer rolo, is refused without a single byte of it changing.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::migrate::{APPLICATION_ID, LATEST_VERSION};
use super::{StoreError, StoreResult, path};

pub(super) fn open_checked(file: &Path) -> StoreResult<Connection> {
    let is_new = !file.exists();
    if is_new {
        path::create_private_file(file, false)?;
    } else {
        probe(file)?;
        // SQLite would open an unwritable file read-only without a word and fail at the first
        // save; say so now, before anything is typed.
        let writable = std::fs::OpenOptions::new().write(true).open(file).is_ok();
        if !writable {
            return Err(StoreError::NotWritable {
                path: file.to_path_buf(),
            });
        }
        side_files_writable(file)?;
    }
    // No SQLITE_OPEN_URI: a path is a path, never "file:…?mode=memory".
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::context(format!("cannot open {}", file.display()), e))?;
    configure(conn, file)
}

/// Sets the pragmas DESIGN.md asks for: a saved record survives a power cut, two processes can
/// share the file, and every write transaction takes its lock up front.
fn configure(mut conn: Connection, file: &Path) -> StoreResult<Connection> {
    let context = |e| StoreError::context(format!("cannot set up {}", file.display()), e);
    // Waits for another writer as long as a large import can take, showing the wait.
    conn.busy_handler(Some(super::busy::wait_for_writer))
        .map_err(context)?;
    // 8 KiB pages for a new file (an existing one keeps its own): shallower trees, and a
    // 30,000-row import writes a tenth faster than with 4 KiB. Only takes effect before the
    // first table and before WAL mode.
    conn.pragma_update(None, "page_size", 8192)
        .map_err(context)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(context)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(context)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(context)?;
    // Statement journals (one per insert that fires a trigger) in memory, not in a temporary
    // file: a 30,000-row import spent a third of its time writing them.
    conn.pragma_update(None, "temp_store", "MEMORY")
        .map_err(context)?;
    conn.set_prepared_statement_cache_capacity(64);
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    Ok(conn)
}

/// SQLite's `-wal` and `-shm` beside `file`.
pub(super) fn side_files(file: &Path) -> [std::path::PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        name.into()
    })
}

/// The side files must be writable too, or every save fails once the file is open. One left
/// unwritable by an earlier read-only look (SQLite gives a new `-shm` the database's own mode,
/// so a file made 0400 leaves a 0400 `-shm`) is ours: it is made 0600 again. One owned by
/// someone else is named, with the command that fixes it.
fn side_files_writable(file: &Path) -> StoreResult<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    for side in side_files(file) {
        let Ok(meta) = std::fs::metadata(&side) else {
            continue;
        };
        // SAFETY: geteuid has no preconditions and cannot fail.
        let mine = meta.uid() == unsafe { libc::geteuid() };
        let owner_rw = meta.permissions().mode() & 0o600 == 0o600;
        let fixed = mine && (owner_rw || path::make_private(&side).is_ok());
        if !fixed && std::fs::OpenOptions::new().write(true).open(&side).is_err() {
            return Err(StoreError::Invalid(format!(
                "{side} cannot be written, so nothing could be saved. It belongs with the \
                 database: make it yours and writable (chown $USER {side}; chmod 600 {side}), \
                 or remove it when no rolo is running",
                side = side.display()
            )));
        }
    }
    Ok(())
}

/// An existing rolo file of the current schema, opened to read only. A file nobody can write
/// (its mode, or a read-only disk) with no pending changes in its `-wal` is opened immutable, so
/// a look leaves no side file behind; otherwise SQLite reads the `-wal` too.
pub(super) fn open_read_only(file: &Path) -> StoreResult<Connection> {
    super::setting_up::wait_until_set_up(file)?;
    probe(file)?;
    let conn = reader(file)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != LATEST_VERSION {
        return Err(StoreError::Invalid(format!(
            "{} needs updating to this rolo's schema, which takes a writable open: close the \
             other rolo first",
            file.display()
        )));
    }
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// A file's application id and schema version, read from its first 100 bytes — the database
/// header SQLite keeps them in — when nothing waits in its `-wal` (else the header in the file
/// may be older than the database): no connection, no shared-memory file made and written.
fn header_fields(file: &Path) -> Option<(i32, i64)> {
    use std::io::Read;
    let [wal, _] = side_files(file);
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return None;
    }
    let mut header = [0u8; 100];
    std::fs::File::open(file)
        .ok()?
        .read_exact(&mut header)
        .ok()?;
    if &header[..16] != b"SQLite format 3\0" {
        return None;
    }
    let field = |at: usize| {
        header
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(i32::from_be_bytes)
    };
    Some((field(68)?, i64::from(field(60)?)))
}

/// Reads the header fields through a read-only connection and refuses what we must not touch.
pub(super) fn probe(file: &Path) -> StoreResult<()> {
    let not_a_database = || StoreError::NotADatabase {
        path: file.to_path_buf(),
    };
    // The common case, one of ours at a version this rolo knows, told from the header alone.
    if let Some((APPLICATION_ID, version)) = header_fields(file)
        && version <= LATEST_VERSION
    {
        return Ok(());
    }
    let conn = reader(file)?;
    let read = || -> rusqlite::Result<(i32, i64, i64)> {
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        Ok((app, version, tables))
    };
    let (app, version, tables) = read().map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => not_a_database(),
        _ => StoreError::context(format!("cannot read {}", file.display()), e),
    })?;
    if app == APPLICATION_ID {
        if version > LATEST_VERSION {
            return Err(StoreError::NewerSchema {
                path: file.to_path_buf(),
                found: version,
                supported: LATEST_VERSION,
            });
        }
        return Ok(());
    }
    if app == 0 && version == 0 && tables == 0 {
        return Ok(()); // an empty file: ours to set up
    }
    Err(StoreError::NotRolo {
        path: file.to_path_buf(),
    })
}

/// A read-only connection, immutable when nobody can write the file and its `-wal` holds
/// nothing (see `open_read_only`).
fn reader(file: &Path) -> StoreResult<Connection> {
    let [wal, _] = side_files(file);
    let nobody_writes = std::fs::OpenOptions::new().write(true).open(file).is_err();
    let wal_empty = std::fs::metadata(&wal).map_or(true, |m| m.len() == 0);
    let immutable = || {
        Connection::open_with_flags(
            immutable_uri(file)?,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|e| StoreError::context(format!("cannot open {}", file.display()), e))
    };
    if nobody_writes && wal_empty {
        return immutable();
    }
    let shared = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| {
        // Opening is lazy: a first read shows whether the shared-memory file could be made.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(conn)
    });
    match shared {
        Ok(conn) => Ok(conn),
        // No shared-memory file can be made for this name (a second name of the file, a
        // folder that cannot be written): with nothing pending in the log, a still copy reads.
        Err(_) if wal_empty => immutable(),
        Err(e) => Err(StoreError::context(
            format!("cannot open {}", file.display()),
            e,
        )),
    }
}

/// `file:/the/path?immutable=1`, every byte of the path that is not plainly safe escaped.
fn immutable_uri(file: &Path) -> StoreResult<String> {
    use std::os::unix::ffi::OsStrExt;
    let absolute = std::fs::canonicalize(file)
        .map_err(|e| StoreError::io(format!("cannot open {}", file.display()), e))?;
    let mut uri = String::from("file:");
    for &byte in absolute.as_os_str().as_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}
