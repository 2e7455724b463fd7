//! What can go wrong with the database, each saying what to do about it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path} was written by a newer rolo (schema version {found}; this rolo knows up to {supported}).\n\
         It has not been changed. Update rolo to open it, or pass --db to use another file."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "{path} is an SQLite database, but not one of rolo's (it already holds other tables).\n\
         It has not been changed. Pass --db with a new file name to start a rolo database."
    )]
    NotRolo { path: PathBuf },

    #[error(
        "{path} is not an SQLite database (or it is damaged or encrypted).\n\
         It has not been changed. Pass --db to choose another file, or restore it from a backup."
    )]
    NotADatabase { path: PathBuf },

    #[error("{0}")]
    Invalid(String),

    #[error("read-only: {why}")]
    ReadOnly { why: String },

    #[error(
        "{path} is damaged ({why}), so rolo opens it read-only and writes nothing to it.\n\
         Run `rolo doctor` to see what is wrong; restore your newest backup (made with \
         `rolo backup`), or try `rolo doctor --repair`, which keeps a copy first."
    )]
    Damaged { path: PathBuf, why: String },

    #[error(
        "{path} cannot be written to (its permissions, or a read-only disk).\n\
         It has not been changed. Make it writable (chmod u+w), or copy it and pass --db with the copy."
    )]
    NotWritable { path: PathBuf },

    #[error("the {what} was changed elsewhere while it was edited; nothing was saved")]
    ChangedMeanwhile { what: &'static str },

    #[error(
        "{path} has {names} names (hard links). SQLite keeps its log of recent changes beside \
         the name it is opened by, so writing through two names would lose changes; rolo opens \
         it read-only.\nKeep one name: remove the other links (ls -i shows them), or copy the \
         file and pass --db with the copy."
    )]
    HardLinked { path: PathBuf, names: u64 },

    #[error("cancelled; nothing was changed")]
    Cancelled,

    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },

    #[error(
        "the disk holding {path} is full{free}; nothing was saved.\n\
         Free some space and try again.",
        free = free_text(*free)
    )]
    DiskFull { path: PathBuf, free: Option<u64> },

    // The cause is explained in the message itself, so it is not also chained as a source.
    #[error("{context}: {}", explain_sqlite(cause))]
    Sqlite {
        context: String,
        cause: rusqlite::Error,
    },

    #[error("{context}: {}", explain_io(cause))]
    Io {
        context: String,
        cause: std::io::Error,
    },
}

fn free_text(free: Option<u64>) -> String {
    match free {
        Some(bytes) => format!(" ({} free)", super::disk::human_bytes(bytes)),
        None => String::new(),
    }
}

/// SQLite's message, with its cause and the remedy where the code tells them.
fn explain_sqlite(error: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as Code;
    let Some(code) = error.sqlite_error_code() else {
        return error.to_string();
    };
    match code {
        Code::DiskFull => {
            "the disk is full; nothing was saved. Free some space and try again".into()
        }
        Code::ReadOnly => "the file or its folder is read-only, so nothing could be saved. \
             Make both writable (chmod u+w), or copy the file elsewhere and pass --db with the copy"
            .into(),
        Code::CannotOpen => "it cannot be opened: check that its folder exists, that it is not a \
             folder itself, and that you may read and write both the file and its folder"
            .into(),
        Code::NotADatabase => "it is not an SQLite database (or it is encrypted); nothing was \
             changed. Pass --db with another file"
            .into(),
        Code::DatabaseCorrupt => "the file is damaged. Run `rolo doctor` to see what is wrong, \
             and restore your latest backup (`rolo backup` makes one)"
            .into(),
        Code::DatabaseBusy | Code::DatabaseLocked => format!(
            "another program kept the database busy for over {} seconds (a large import, or a \
             program that stopped mid-write); nothing was saved. Try again when it has \
             finished, or close it",
            super::busy::PATIENCE.as_secs()
        ),
        Code::PermissionDenied => "permission denied: check who owns the file, its -wal and -shm \
             files and its folder (ls -l), and that you may write them"
            .into(),
        Code::SystemIoFailure => format!(
            "the disk refused a read or write ({error}): it may be full, removed, read-only or \
             failing; nothing was saved. Check it (df -h) and try again"
        ),
        _ => error.to_string(),
    }
}

pub fn explain_io(error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(libc::ENOSPC) | Some(libc::EDQUOT) => {
            "the disk is full; nothing was written. Free some space and try again".into()
        }
        Some(libc::EFBIG) => {
            "the file grew larger than this system allows; nothing was written".into()
        }
        Some(libc::EROFS) => "the disk is read-only; nothing was written".into(),
        Some(libc::EACCES) | Some(libc::EPERM) => {
            "permission denied: check who owns the file and its folder (ls -l)".into()
        }
        Some(libc::EISDIR) => "it is a folder; name a file".into(),
        _ => error.to_string(),
    }
}

impl StoreError {
    /// Whether the disk ran out of room (SQLite's "full", or a write refused as too large).
    pub fn is_disk_full(&self) -> bool {
        match self {
            StoreError::DiskFull { .. } => true,
            StoreError::Sqlite { cause: source, .. } => {
                source.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
            }
            StoreError::Io { cause: source, .. } => {
                matches!(
                    source.raw_os_error(),
                    Some(libc::ENOSPC) | Some(libc::EDQUOT)
                )
            }
            _ => false,
        }
    }

    /// Whether SQLite found the file damaged.
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Sqlite { cause, .. }
            if cause.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt))
    }

    /// The same error, as "the disk holding `path` is full" with what is free, when it is that.
    pub fn explained_for(self, path: &std::path::Path) -> StoreError {
        if self.is_disk_full() {
            StoreError::DiskFull {
                path: path.to_path_buf(),
                free: super::disk::free_space(path),
            }
        } else {
            self
        }
    }

    pub fn context(context: impl Into<String>, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            context: context.into(),
            cause: source,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> StoreError {
        StoreError::Io {
            context: context.into(),
            cause: source,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> Self {
        StoreError::Sqlite {
            context: "database error".into(),
            cause: source,
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
