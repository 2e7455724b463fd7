//! The database's structure against what this rolo's migrations make: which tables, indexes,
//! triggers and views are missing or in another shape (for `rolo doctor`), and putting them
//! back (`rolo doctor --repair`).

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{LATEST_VERSION, StoreResult, migrate, open};

/// A schema object this rolo expects, as the migrations create it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaObject {
    pub kind: String,
    pub name: String,
    sql: String,
}

/// What the migrations create, read from a fresh database in memory.
fn expected_schema() -> StoreResult<Vec<SchemaObject>> {
    let fresh = Connection::open_in_memory()?;
    migrate::migrate(&fresh, Path::new(":memory:"))?;
    schema_of(&fresh)
}

fn schema_of(conn: &Connection) -> StoreResult<Vec<SchemaObject>> {
    let mut statement = conn.prepare(
        "SELECT type, name, sql FROM sqlite_master \
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )?;
    let objects = statement
        .query_map([], |row| {
            Ok(SchemaObject {
                kind: row.get(0)?,
                name: row.get(1)?,
                sql: row.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(objects)
}

/// The tables, indexes, triggers and views the file lacks, or holds in another shape than this
/// rolo makes them (an index of the same name on other columns).
pub fn missing_schema(conn: &Connection) -> StoreResult<Vec<SchemaObject>> {
    let squeeze = |sql: &str| sql.split_whitespace().collect::<Vec<_>>().join(" ");
    let present: std::collections::HashMap<(String, String), String> = schema_of(conn)?
        .into_iter()
        .map(|o| ((o.kind, o.name), squeeze(&o.sql)))
        .collect();
    Ok(expected_schema()?
        .into_iter()
        .filter(|o| match present.get(&(o.kind.clone(), o.name.clone())) {
            None => true,
            // A table's text changes with every ALTER; only its presence is checked.
            Some(_) if o.kind == "table" => false,
            Some(sql) => *sql != squeeze(&o.sql),
        })
        .collect())
}

/// `rolo doctor --repair`: keeps a copy of the file as it is, then puts back what the schema
/// lacks and rebuilds every index. Says what it did; the file's check afterwards decides
/// whether it is writable again.
pub fn repair(file: &Path) -> StoreResult<Vec<String>> {
    super::setting_up::wait_until_set_up(file)?;
    // What is not rolo's, or from a newer rolo, is not touched.
    open::probe(file)?;
    let mut done = Vec::new();
    let conn = Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != LATEST_VERSION {
        return Err(super::StoreError::Invalid(format!(
            "{} is of an older schema ({version}); open it with rolo once to bring it up to date \
             (a copy is kept first), then repair it if it still needs it",
            file.display()
        )));
    }
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    let copy = {
        let mut name = file.as_os_str().to_owned();
        name.push(format!(
            ".before-repair-{}.bak",
            chrono::Utc::now().format("%Y%m%dT%H%M%S")
        ));
        std::path::PathBuf::from(name)
    };
    super::safe_write::write_atomically(&copy, |_, temporary| {
        conn.backup(
            rusqlite::MAIN_DB,
            temporary,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .map_err(|e| super::StoreError::context("keeping a copy before repairing", e))
    })?;
    done.push(format!("kept a copy as {}", copy.display()));
    let missing = missing_schema(&conn)?;
    let tx = conn.unchecked_transaction()?;
    for object in &missing {
        // One of the same name in another shape goes first (only an index or trigger: a table
        // holds data and is never dropped here).
        if matches!(object.kind.as_str(), "index" | "trigger") {
            tx.execute_batch(&format!(
                "DROP {} IF EXISTS \"{}\";",
                object.kind, object.name
            ))?;
        }
        tx.execute_batch(&object.sql)?;
        done.push(format!("put back {} {}", object.kind, object.name));
    }
    tx.execute_batch("REINDEX;").map_err(|e| {
        super::StoreError::context(
            "the damage is in the data itself, which --repair cannot mend; restore your newest \
             backup (the copy kept above is the file as it was)",
            e,
        )
    })?;
    tx.commit()?;
    done.push("rebuilt every index".into());
    Ok(done)
}
