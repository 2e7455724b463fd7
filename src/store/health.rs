//! Telling a damaged database before writing to it. A full integrity check reads every page,
//! too slow for every start at 100,000 contacts, so two cheap signs are checked on each open:
//! the file's header (read in one 100-byte read: its free-list and size fields must agree with
//! each other), and a note left beside the file when SQLite itself reported damage or
//! `rolo doctor` found it. Either one opens the file read-only, with what to do, until
//! `rolo doctor --repair` (or a restored backup) clears it.

use std::io::Read;
use std::path::{Path, PathBuf};

/// `rolo.db` → `rolo.db.damaged`: the note that the file was found damaged, and how.
pub fn note_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".damaged");
    PathBuf::from(name)
}

/// Why the file at `database` must not be written to, if it must not.
pub fn damage(database: &Path) -> Option<String> {
    if let Ok(noted) = std::fs::read_to_string(note_path(database)) {
        return Some(crate::domain::sanitize::line(&noted));
    }
    header_problem(database)
}

/// Leaves the note that the file is damaged (best effort: the disk may be the trouble).
pub fn note_damage(database: &Path, why: &str) {
    let note = note_path(database);
    if super::path::create_private_file(&note, true).is_ok() {
        let _ = std::fs::write(&note, why);
    }
}

/// Takes the note away, once the file checks out again.
pub fn clear_damage(database: &Path) {
    let _ = std::fs::remove_file(note_path(database));
}

/// What is inconsistent in the SQLite header, if anything. An empty or missing file has no
/// header yet and is fine; a file that is not SQLite at all is for `open::probe` to refuse.
pub fn header_problem(database: &Path) -> Option<String> {
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(database).ok()?;
    if file.read_exact(&mut header).is_err() || !header.starts_with(b"SQLite format 3\0") {
        return None;
    }
    let word = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u32::from(n),
    };
    if page_size < 512 || !page_size.is_power_of_two() {
        return Some(format!(
            "its header gives an impossible page size ({page_size})"
        ));
    }
    // The page count is only to be trusted when the header says it is current.
    let pages = word(28);
    let pages_current = word(24) == word(92) && pages > 0;
    let (first_free, free_pages) = (word(32), word(36));
    if pages_current && first_free > pages {
        return Some(format!(
            "its list of free pages starts at page {first_free}, past its last page ({pages})"
        ));
    }
    if pages_current && free_pages >= pages {
        return Some(format!(
            "it counts {free_pages} free pages of {pages} in all"
        ));
    }
    if (first_free == 0) != (free_pages == 0) {
        return Some("its free-page count and list disagree".into());
    }
    None
}
