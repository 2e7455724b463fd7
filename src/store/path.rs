//! Where the database lives, and creating files and folders private to their owner before
//! SQLite (or anyone else) writes into them.

use std::fs::{self, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use super::{StoreError, StoreResult};

/// The environment variable that names the database when `--db` is not given.
pub const DB_ENV: &str = "ROLO_DB";

/// `--db`, then `ROLO_DB`, then the platform data folder (`$XDG_DATA_HOME/rolo/rolo.db`).
pub fn resolve(flag: Option<&Path>) -> StoreResult<PathBuf> {
    if let Some(path) = flag {
        return plain(path);
    }
    if let Some(path) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return plain(Path::new(&path));
    }
    let strategy = etcetera::choose_base_strategy().map_err(|e| {
        StoreError::Invalid(format!(
            "cannot find your home folder ({e}); pass --db PATH or set {DB_ENV}"
        ))
    })?;
    Ok(strategy.data_dir().join("rolo").join("rolo.db"))
}

/// A database is a file: SQLite's special names (`:memory:`, `file:…` URIs such as
/// `file:x?mode=memory`) would store nothing, or somewhere unexpected, and are refused.
fn plain(path: &Path) -> StoreResult<PathBuf> {
    let text = path.to_string_lossy();
    let special = text.is_empty()
        || text.starts_with(':')
        || text
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("file:"));
    if special {
        return Err(StoreError::Invalid(format!(
            "{:?} is not a file path: rolo keeps its data in a file, so give a path such as \
             ~/notes/rolo.db (or ./{} for a file of that name here)",
            crate::domain::sanitize::line(&text),
            crate::domain::sanitize::line(&text)
        )));
    }
    Ok(path.to_path_buf())
}

/// The config folder (`$XDG_CONFIG_HOME/rolo`).
pub fn config_dir() -> Option<PathBuf> {
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("rolo"))
}

/// rolo's own folder for what it keeps between runs (`$XDG_STATE_HOME/rolo/<leaf>`), created
/// private when missing.
pub fn state_folder(leaf: &str) -> Option<PathBuf> {
    let folder = state_path(leaf);
    create_parent(&folder.join("x")).ok()?;
    Some(folder)
}

/// Where `state_folder` is, without creating it.
pub fn state_path(leaf: &str) -> PathBuf {
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.state_dir().unwrap_or_else(|| s.cache_dir()).join("rolo"))
        .unwrap_or_else(|| std::env::temp_dir().join("rolo"))
        .join(leaf)
}

/// A path as a person types it: "~/Downloads/x.csv" is in their home folder.
pub fn expand_home(typed: &str) -> PathBuf {
    match typed.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME")
            .map(|home| PathBuf::from(home).join(rest))
            .unwrap_or_else(|| PathBuf::from(typed)),
        None => PathBuf::from(typed),
    }
}

/// Creates the missing folders above `path`, each readable by its owner only. Folders that
/// already exist are left as they are: they are the user's.
pub fn create_parent(path: &Path) -> StoreResult<()> {
    let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if parent.exists() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(parent)
        .map_err(|e| StoreError::io(format!("cannot create the folder {}", parent.display()), e))
}

/// Creates `path` with mode 0600 (truncating it when `truncate`), or leaves an existing file be
/// when not.
pub fn create_private_file(path: &Path, truncate: bool) -> StoreResult<()> {
    create_parent(path)?;
    let mut options = OpenOptions::new();
    options.write(true).mode(0o600);
    if truncate {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if !truncate && e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::io(
            format!("cannot create {}", path.display()),
            e,
        )),
    }
}

/// Sets an existing file to 0600.
pub fn make_private(path: &Path) -> StoreResult<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))
        .map_err(|e| StoreError::io(format!("cannot restrict access to {}", path.display()), e))
}
