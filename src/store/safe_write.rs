//! Writing a file the user names (a backup, an export) without ever harming what is there:
//! the new content goes to a private temporary file beside the destination, is synced, and is
//! renamed over it, and the folder is synced so the rename itself survives a power cut. A
//! failure at any point (disk full, killed) leaves the old file exactly as it was and no
//! partial file behind. A destination that is the database or one of SQLite's side files —
//! however the path is spelled: `..`, a symlink, a hard link — is refused before anything is
//! opened for writing.

use std::fs::{self, File};
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

use super::{StoreError, StoreResult, leftovers, path};

/// The files that belong to the database at `database`: the file, SQLite's side files, and
/// the app's lock.
fn database_files(database: &Path) -> Vec<PathBuf> {
    let mut bases = vec![database.to_path_buf()];
    if let Ok(real) = fs::canonicalize(database) {
        bases.push(real);
    }
    let mut files = Vec::new();
    for base in bases {
        for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
            let mut name = base.as_os_str().to_owned();
            name.push(suffix);
            files.push(PathBuf::from(name));
        }
    }
    files
}

/// `path` with its folder resolved (symlinks, `..`), for comparing paths that may not exist.
fn normalized(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = path.parent().unwrap_or(Path::new(""));
    // Folder by folder, each that exists resolved (symlinks and all); one that does not yet
    // is taken as written, and a `..` after it leads back out, as it will once the export
    // has made the folder: `nosuch/../rolo.db` is `rolo.db`.
    let mut resolved = std::env::current_dir().ok()?;
    for part in parent.components() {
        match part {
            Component::RootDir | Component::Prefix(_) => resolved = PathBuf::from(part.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(folder) => {
                resolved.push(folder);
                if let Ok(real) = fs::canonicalize(&resolved) {
                    resolved = real;
                }
            }
        }
    }
    Some(resolved.join(name))
}

fn same_identity(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Refuses `destination` when writing it would touch the database at `database`.
pub fn refuse_database(destination: &Path, database: &Path) -> StoreResult<()> {
    if is_database(destination, database) {
        return Err(StoreError::Invalid(format!(
            "{} is the database itself (or one of its side files); nothing was written. \
             Name another file, for example {}",
            destination.display(),
            suggestion(database).display()
        )));
    }
    Ok(())
}

/// Whether `path` is the database at `database` or one of its side files: the same file,
/// another name for it, or a symlink to it (even one pointing at a side file not there yet).
pub fn is_database(path: &Path, database: &Path) -> bool {
    // Where the path leads once its missing folders are made (`nosuch/../b.db` is `b.db`),
    // and what is there: another name for the database, a symlink to it.
    let resolved = normalized(path);
    let path_meta = resolved.as_deref().and_then(|p| fs::metadata(p).ok());
    let names = [
        resolved.clone(),
        resolved.and_then(|p| normalized(&through_symlinks(&p))),
    ];
    database_files(database).iter().any(|file| {
        let same_file = matches!(
            (&path_meta, fs::metadata(file)),
            (Some(given), Ok(meta)) if same_identity(given, &meta)
        );
        let file_name = normalized(file);
        same_file || (file_name.is_some() && names.contains(&file_name))
    })
}

/// A sensible backup name beside the database.
fn suggestion(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".backup");
    PathBuf::from(name)
}

/// Writes `destination` through a temporary file beside it. `fill` gets the open temporary
/// file and its path (SQLite's backup writes through the path); whatever it leaves there
/// replaces `destination` only once it is all on disk. A symlink is written through: the file
/// it points at is replaced, and the link stays. A destination that is not a regular file (a
/// pipe, a device) is refused: use `write_export` for what may stream.
pub fn write_atomically<T>(
    destination: &Path,
    fill: impl FnOnce(&mut File, &Path) -> StoreResult<T>,
) -> StoreResult<T> {
    if fs::metadata(destination).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return Err(StoreError::Invalid(format!(
            "{} is not a regular file (a pipe or a device); a backup needs a file",
            destination.display()
        )));
    }
    let target = through_symlinks(destination);
    write_through_temporary(&target, fill).map_err(|e| e.explained_for(&target))
}

/// As `write_atomically` for an export, which may also stream: to a pipe (`-o >(gzip > x)`)
/// or a device it is written straight, as it is made.
pub fn write_export<T>(
    destination: &Path,
    fill: impl FnOnce(&mut File) -> StoreResult<T>,
) -> StoreResult<T> {
    if fs::metadata(destination).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut stream = fs::OpenOptions::new()
            .write(true)
            .open(destination)
            .map_err(|e| StoreError::io(format!("cannot write {}", destination.display()), e))?;
        return fill(&mut stream).map_err(|e| e.explained_for(destination));
    }
    write_atomically(destination, |file, _| fill(file))
}

/// The file a path names, through any symlinks (to where a dangling one points).
fn through_symlinks(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A bounded walk: a loop of links ends here and is written as the last name reached.
    for _ in 0..40 {
        let Ok(link) = fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(parent) if link.is_relative() => parent.join(link),
            _ => link,
        };
    }
    current
}

fn write_through_temporary<T>(
    destination: &Path,
    fill: impl FnOnce(&mut File, &Path) -> StoreResult<T>,
) -> StoreResult<T> {
    if destination.is_dir() {
        return Err(StoreError::Invalid(format!(
            "{} is a folder; name a file in it",
            destination.display()
        )));
    }
    path::create_parent(destination)?;
    let folder = match destination.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot =
        |e: io::Error| StoreError::io(format!("cannot write {}", destination.display()), e);
    // tempfile creates it 0600 and removes it on drop, so an early return leaves nothing.
    leftovers::remove_abandoned_in(&folder, remove_side_files);
    let mut temporary = tempfile::Builder::new()
        .prefix(leftovers::PREFIX)
        .suffix(leftovers::SUFFIX)
        .tempfile_in(&folder)
        .map_err(cannot)?;
    leftovers::hold(temporary.as_file());
    let temporary_path = temporary.path().to_path_buf();
    let _in_flight = InFlight::register(&temporary_path);
    let value = fill(temporary.as_file_mut(), &temporary_path);
    remove_side_files(&temporary_path);
    let value = value?;
    // SQLite's backup wrote through its own handle: sync what is on disk under the name.
    File::open(&temporary_path)
        .and_then(|f| f.sync_all())
        .map_err(cannot)?;
    temporary.as_file().sync_all().map_err(cannot)?;
    temporary
        .persist(destination)
        .map_err(|e| cannot(e.error))?;
    // The rename is only durable once the folder's entry is on disk.
    File::open(&folder)
        .and_then(|f| f.sync_all())
        .map_err(cannot)?;
    Ok(value)
}

/// SQLite leaves a journal beside a file it was writing when the write failed; a partial
/// file's journal is of no use to anyone.
fn remove_side_files(file: &Path) {
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        let _ = fs::remove_file(PathBuf::from(name));
    }
}

/// The temporary files being written right now, so that a signal that ends the command line
/// (Ctrl-C, SIGTERM, a closed terminal) can remove them on the way out.
static IN_FLIGHT: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

struct InFlight(PathBuf);

impl InFlight {
    fn register(path: &Path) -> InFlight {
        if let Ok(mut files) = IN_FLIGHT.lock() {
            files.push(path.to_path_buf());
        }
        InFlight(path.to_path_buf())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut files) = IN_FLIGHT.lock() {
            files.retain(|f| f != &self.0);
        }
    }
}

/// Removes every temporary file still being written (called as the process is told to stop).
pub fn remove_in_flight() {
    if let Ok(files) = IN_FLIGHT.lock() {
        for file in files.iter() {
            let _ = fs::remove_file(file);
            remove_side_files(file);
        }
    }
}
