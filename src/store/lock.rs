//! One app writing to a file at a time: the app holds advisory locks while it runs, and a
//! second app that finds one held is offered the file read-only. The locks follow the file's
//! identity, not the path typed: one beside the file's real path (`..`, `./` and symlinks all
//! lead to it, whoever opens it), and one named by its device and inode in the user's state
//! folder (so a hard link, a second name for the same file, is caught too). The operating
//! system lets a lock go when the process ends, however it ends (even killed), so a crash
//! never leaves a stale lock behind. Command-line writes (`rolo add`, `rolo import`) do not
//! take them: SQLite's own locking keeps them safe beside the app, and the app shows what
//! they wrote.

use std::fs::File;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::{StoreError, StoreResult, path};

/// Held while the app is open on a file.
#[derive(Debug)]
pub struct AppLock {
    _files: Vec<File>,
}

/// `rolo.db` → `<the real path of rolo.db>.lock`.
pub fn lock_path(database: &Path) -> PathBuf {
    let real = std::fs::canonicalize(database).unwrap_or_else(|_| database.to_path_buf());
    let mut name = real.into_os_string();
    name.push(".lock");
    PathBuf::from(name)
}

/// The lock named by the file's device and inode, shared by every name the file has.
fn identity_lock_path(database: &Path) -> Option<PathBuf> {
    let meta = std::fs::metadata(database).ok()?;
    let folder = path::state_folder("locks")?;
    Some(folder.join(format!("{:x}-{}.lock", meta.dev(), meta.ino())))
}

/// Run by root (`sudo rolo`) on someone's file, a lock made now would be root's, and that
/// person could never open the file again: it is given to whoever owns the database, as SQLite
/// does with its own side files.
fn give_to_owner_of(lock: &File, database: &Path) {
    use std::os::fd::AsRawFd;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    if let Ok(owner) = std::fs::metadata(database) {
        // SAFETY: the descriptor is open for as long as `lock` lives; a failure leaves the
        // lock root's, which is only a nuisance.
        unsafe {
            libc::fchown(lock.as_raw_fd(), owner.uid(), owner.gid());
        }
    }
}

/// Takes the app's locks for `database` (creating the file, empty, if it is new, so that it
/// has an identity), or `None` when another app holds them.
pub fn try_lock(database: &Path) -> StoreResult<Option<AppLock>> {
    if !database.exists() {
        path::create_private_file(database, false)?;
    }
    let mut held = Vec::new();
    let beside = lock_path(database);
    let by_identity = identity_lock_path(database);
    for (lock, required) in std::iter::once((beside, true)).chain(by_identity.map(|l| (l, false))) {
        let opened = path::create_private_file(&lock, false).and_then(|()| {
            File::options()
                .write(true)
                .open(&lock)
                .map_err(|e| StoreError::io(format!("cannot open {}", lock.display()), e))
        });
        // The lock by identity is a second guard, in the user's own folder: one that cannot
        // be made there (a folder root made under `sudo -E`) is done without.
        let file = match opened {
            Ok(file) => file,
            Err(_) if !required => continue,
            Err(e) => return Err(e),
        };
        give_to_owner_of(&file, database);
        match file.try_lock() {
            Ok(()) => held.push(file),
            Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(StoreError::io(format!("cannot lock {}", lock.display()), e));
            }
        }
    }
    Ok(Some(AppLock { _files: held }))
}
