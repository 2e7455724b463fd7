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

    #[error("read-only: another rolo has this file open (close it to make changes here)")]
    ReadOnly,

    #[error(
        "{path} cannot be written to (its permissions, or a read-only disk).\n\
         It has not been changed. Make it writable (chmod u+w), or copy it and pass --db with the copy."
    )]
    NotWritable { path: PathBuf },

    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },

    #[error("{context}: {source}")]
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    pub fn context(context: impl Into<String>, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            context: context.into(),
            source,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> StoreError {
        StoreError::Io {
            context: context.into(),
            source,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> Self {
        StoreError::Sqlite {
            context: "database error".into(),
            source,
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
