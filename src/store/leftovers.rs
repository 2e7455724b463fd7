//! Temporary files left by a backup or export that was killed outright (`kill -9`, a power
//! cut), when nothing could take them away. Each writer holds a lock on its own temporary file
//! for as long as it writes, and the system lets go of it however the process ends: the next
//! backup or export into the same folder takes away those no one holds and no one has touched
//! for a minute (a writer that has only just made its file has not locked it yet).

use std::collections::HashSet;
use std::fs::{self, File};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// How long a temporary file must have gone untouched before it is taken for abandoned.
const UNTOUCHED_FOR: Duration = Duration::from_secs(60);

/// The name every temporary file of ours has: `.rolo-XXXXXX.partial`.
pub const PREFIX: &str = ".rolo-";
pub const SUFFIX: &str = ".partial";

/// Holds `file` for as long as it is open: it is being written.
pub fn hold(file: &File) {
    // SAFETY: flock only reads the descriptor, which is open for the call. A failure (a file
    // system without locks) leaves the file unheld, and a minute's grace still guards it.
    unsafe {
        libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB);
    }
}

/// Whether someone holds `file` (it is being written).
fn held(file: &File) -> bool {
    // SAFETY: as in `hold`; a lock taken here is let go when `file` is dropped.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) != 0 }
}

/// Takes away the abandoned temporary files in `folder`, once per folder per run (a folder of
/// cards is written a card at a time, and is looked over before the first).
pub fn remove_abandoned_in(folder: &Path, and_side_files: impl Fn(&Path)) {
    static LOOKED_OVER: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);
    if let Ok(mut looked) = LOOKED_OVER.lock()
        && !looked
            .get_or_insert_with(HashSet::new)
            .insert(folder.to_path_buf())
    {
        return;
    }
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(PREFIX) && name.ends_with(SUFFIX)) {
            continue;
        }
        let untouched = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|age| age > UNTOUCHED_FOR);
        let path = entry.path();
        if untouched && File::open(&path).is_ok_and(|file| !held(&file)) {
            let _ = fs::remove_file(&path);
            and_side_files(&path);
        }
    }
}
