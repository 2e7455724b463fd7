//! One app writing to a file at a time: the app holds an advisory lock on `<file>.lock` while
//! it runs. A second app finds it held and is offered the file read-only. The operating system
//! lets the lock go when the process ends, however it ends (even killed), so a crash never
//! leaves a stale lock behind. Command-line writes (`rolo add`, `rolo import`) do not take it:
//! SQLite's own locking keeps them safe beside the app, and the app shows what they wrote.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::{StoreError, StoreResult, path};

/// Held while the app is open on a file.
#[derive(Debug)]
pub struct AppLock {
    _file: File,
}

/// `rolo.db` → `rolo.db.lock`.
pub fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the app lock for `database`, or `None` when another app holds it.
pub fn try_lock(database: &Path) -> StoreResult<Option<AppLock>> {
    let lock = lock_path(database);
    path::create_private_file(&lock, false)?;
    let file = File::options()
        .write(true)
        .open(&lock)
        .map_err(|e| StoreError::io(format!("cannot open {}", lock.display()), e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(AppLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(StoreError::io(format!("cannot lock {}", lock.display()), e))
        }
    }
}
