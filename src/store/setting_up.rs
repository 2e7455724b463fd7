//! One rolo at a time sets a file up. Making a new file, turning its write-ahead log on and
//! bringing it to the current schema each take SQLite locks of their own, and between them
//! another process starting on the same file saw it half done: two commands run at once on a
//! new file failed with "table organizations already exists", opened it read-only for a reason
//! that was not true, or left it at an old version under newer tables, unopenable for good. So
//! the whole set-up is done holding an exclusive `flock` on the file itself. SQLite locks with
//! `fcntl`, which Linux keeps apart from `flock`, so this lock never meets SQLite's own.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::Path;

use super::{StoreError, StoreResult, busy, path};

/// Held while the file is set up; let go when dropped.
pub(super) struct SettingUp {
    _file: Option<File>,
}

/// Makes the file when it is missing (readable by its owner only), then waits while another
/// rolo sets it up — as long as a write waits for another, said after a moment.
pub(super) fn hold(database: &Path) -> StoreResult<SettingUp> {
    if !database.exists() {
        path::create_private_file(database, false)?;
    }
    locked(database, libc::LOCK_EX)
}

/// Waits while another rolo sets the file up, for what only reads it (a look, `doctor`): a
/// file half set up is several schema versions in a row, each one committed, and `doctor`
/// reading one of them took it for damaged and said so for good.
pub fn wait_until_set_up(database: &Path) -> StoreResult<()> {
    locked(database, libc::LOCK_SH).map(drop)
}

fn locked(database: &Path, how: libc::c_int) -> StoreResult<SettingUp> {
    // A file that cannot be read is refused by the opening that follows, with its reason.
    let Ok(file) = File::open(database) else {
        return Ok(SettingUp { _file: None });
    };
    let mut attempt = 0;
    loop {
        // SAFETY: flock on a descriptor this function owns; it has no memory effects.
        if unsafe { libc::flock(file.as_raw_fd(), how | libc::LOCK_NB) } == 0 {
            busy::done_waiting();
            return Ok(SettingUp { _file: Some(file) });
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::WouldBlock {
            // A file system without flock: set up as before, without it.
            return Ok(SettingUp { _file: None });
        }
        if !busy::wait_for_writer(attempt) {
            return Err(StoreError::Invalid(format!(
                "another rolo has been setting {} up for over two minutes; try again when it \
                 is done",
                database.display()
            )));
        }
        attempt = attempt.saturating_add(1);
    }
}
