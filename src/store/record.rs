//! One generic set of operations (insert, update, get, tombstone, restore, list) for every kind
//! of record, driven by each record's column list, so no table has its own copy of them.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use rusqlite::{Connection, OptionalExtension, Row, ToSql};

use super::{StoreError, StoreResult};
use crate::domain::{Id, Meta, Timestamp, limits, sanitize};

mod impls;

/// A record kind stored in one table with the shared bookkeeping columns (`id`, `created_at`,
/// `updated_at`, `deleted_at`).
pub trait Record: Sized {
    const TABLE: &'static str;
    /// What one is called in messages ("contact").
    const NOUN: &'static str;
    /// The column a text filter searches (a name, a title).
    const LABEL: &'static str;
    /// The other columns, in the order `values` gives them.
    const COLUMNS: &'static [&'static str];
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    /// The other columns' values, by reference, in the order of `COLUMNS`.
    fn values(&self) -> Vec<&dyn ToSql>;
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
}

/// Reads the bookkeeping columns, which every select of a record lists first (see
/// `all_columns`): reading by position, not by name, keeps whole-table reads quick.
pub(crate) fn read_meta(row: &Row<'_>) -> rusqlite::Result<Meta> {
    Ok(Meta {
        id: row.get(0)?,
        created_at: row.get(1)?,
        updated_at: row.get(2)?,
        deleted_at: row.get(3)?,
    })
}

/// Where a record's own columns start in a select: after the four bookkeeping ones.
pub(crate) const FIRST_COLUMN: usize = 4;

fn all_columns<R: Record>() -> String {
    let mut columns = vec!["id", "created_at", "updated_at", "deleted_at"];
    columns.extend_from_slice(R::COLUMNS);
    columns.join(", ")
}

/// A record's own column values, bound once, with no text of any record longer than the
/// longest a form lets anyone type: checked here, on every write of every kind, so a merge or
/// an import can never store what could not be shown, edited, exported and imported again.
/// The values are turned into SQL once, here, and bound as they are (an import binds tens of
/// thousands of rows).
fn bound_values<R: Record>(record: &R) -> StoreResult<Vec<rusqlite::types::ToSqlOutput<'_>>> {
    use rusqlite::types::{ToSqlOutput, Value, ValueRef};
    let mut bound = Vec::with_capacity(R::COLUMNS.len());
    for (column, value) in R::COLUMNS.iter().zip(record.values()) {
        let mut output = value.to_sql()?;
        // Whatever path a text came by (a merge of a hand-edited export included), escape
        // sequences and control characters are never stored.
        let dirty = match &output {
            ToSqlOutput::Borrowed(ValueRef::Text(bytes)) => {
                // Text bound from a String: UTF-8 already, checked on its bytes.
                let text = String::from_utf8_lossy(bytes);
                sanitize::needs_cleaning(&text).then(|| sanitize::multiline(&text))
            }
            ToSqlOutput::Owned(Value::Text(owned)) if sanitize::needs_cleaning(owned) => {
                Some(sanitize::multiline(owned))
            }
            _ => None,
        };
        if let Some(clean) = dirty {
            output = ToSqlOutput::Owned(Value::Text(clean));
        }
        let text: &[u8] = match &output {
            ToSqlOutput::Borrowed(ValueRef::Text(bytes)) => bytes,
            ToSqlOutput::Owned(Value::Text(owned)) => owned.as_bytes(),
            _ => &[],
        };
        if text.len() > limits::TEXT && String::from_utf8_lossy(text).chars().count() > limits::TEXT
        {
            return Err(StoreError::Invalid(format!(
                "the {} of a {} holds more than {} characters; nothing was saved",
                column.replace('_', " "),
                R::NOUN,
                crate::domain::numbers::group(limits::TEXT)
            )));
        }
        bound.push(output);
    }
    Ok(bound)
}

fn meta_values(meta: &Meta) -> Vec<&dyn ToSql> {
    vec![
        &meta.id,
        &meta.created_at,
        &meta.updated_at,
        &meta.deleted_at,
    ]
}

/// The SQL of one statement kind for one table, built once: an import runs the same insert
/// tens of thousands of times.
fn sql_for(
    table: &'static str,
    kind: &'static str,
    build: impl FnOnce() -> String,
) -> &'static str {
    static BUILT: OnceLock<Mutex<HashMap<(&'static str, &'static str), &'static str>>> =
        OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    built
        .entry((table, kind))
        .or_insert_with(|| Box::leak(build().into_boxed_str()))
}

pub fn insert<R: Record>(conn: &Connection, record: &R) -> StoreResult<()> {
    Inserter::<R>::new(conn)?.insert(record)
}

/// Inserts many records of one kind through one prepared statement (an import's thousands of
/// rows skip the statement cache's lookup each time).
pub struct Inserter<'conn, R: Record> {
    statement: rusqlite::CachedStatement<'conn>,
    kind: std::marker::PhantomData<R>,
}

impl<'conn, R: Record> Inserter<'conn, R> {
    pub fn new(conn: &'conn Connection) -> StoreResult<Self> {
        let sql = sql_for(R::TABLE, "insert", || {
            let placeholders = vec!["?"; R::COLUMNS.len() + 4].join(", ");
            format!(
                "INSERT INTO {} ({}) VALUES ({placeholders})",
                R::TABLE,
                all_columns::<R>()
            )
        });
        Ok(Inserter {
            statement: conn.prepare_cached(sql)?,
            kind: std::marker::PhantomData,
        })
    }

    pub fn insert(&mut self, record: &R) -> StoreResult<()> {
        let own = bound_values(record)?;
        let mut values = meta_values(record.meta());
        values.extend(own.iter().map(|v| v as &dyn ToSql));
        self.statement
            .execute(rusqlite::params_from_iter(values))
            .map_err(|e| StoreError::context(format!("saving the {}", R::NOUN), e))?;
        Ok(())
    }
}

/// Inserts, or overwrites every column of the stored copy (for merges and imports). An
/// upsert rather than INSERT OR REPLACE, so that update triggers (the live counts) see it.
pub fn upsert<R: Record>(conn: &Connection, record: &R) -> StoreResult<()> {
    let own = bound_values(record)?;
    let sql = sql_for(R::TABLE, "upsert", || {
        let placeholders = vec!["?"; R::COLUMNS.len() + 4].join(", ");
        let assignments: Vec<String> = ["created_at", "updated_at", "deleted_at"]
            .iter()
            .chain(R::COLUMNS)
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({placeholders}) ON CONFLICT (id) DO UPDATE SET {}",
            R::TABLE,
            all_columns::<R>(),
            assignments.join(", ")
        )
    });
    let mut values = meta_values(record.meta());
    values.extend(own.iter().map(|v| v as &dyn ToSql));
    conn.prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

pub fn update<R: Record>(conn: &Connection, record: &mut R, now: Timestamp) -> StoreResult<()> {
    // Every save moves `updated_at` on, even two in the same millisecond or under a fixed
    // clock: it is the version an open form checks before it saves (`ensure_version`).
    let stamp = match stored_version::<R>(conn, record.meta().id)? {
        Some(stored) if stored >= now => stored.plus(chrono::Duration::milliseconds(1)),
        _ => now,
    };
    // Checked (and refused) before the record itself is touched.
    let own = bound_values(&*record)?;
    let sql = sql_for(R::TABLE, "update", || {
        let assignments: Vec<String> = R::COLUMNS.iter().map(|c| format!("{c} = ?")).collect();
        format!(
            "UPDATE {} SET updated_at = ?, deleted_at = ?, {} WHERE id = ?",
            R::TABLE,
            assignments.join(", ")
        )
    });
    let meta = record.meta();
    let mut values: Vec<&dyn ToSql> = vec![&stamp, &meta.deleted_at];
    values.extend(own.iter().map(|v| v as &dyn ToSql));
    values.push(&meta.id);
    let changed = conn
        .prepare_cached(sql)?
        .execute(rusqlite::params_from_iter(values))
        .map_err(|e| StoreError::context(format!("saving the {}", R::NOUN), e))?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: R::NOUN,
            id: meta.id.to_string(),
        });
    }
    drop(own);
    record.meta_mut().updated_at = stamp;
    Ok(())
}

/// Refuses, inside the caller's transaction, to go on when the record's `updated_at` is no
/// longer `version`: someone else saved it since it was read, and a save would undo their change.
pub fn ensure_version<R: Record>(conn: &Connection, id: Id, version: Timestamp) -> StoreResult<()> {
    match stored_version::<R>(conn, id)? {
        None => Err(StoreError::NotFound {
            what: R::NOUN,
            id: id.to_string(),
        }),
        Some(stored) if stored != version => Err(StoreError::ChangedMeanwhile { what: R::NOUN }),
        Some(_) => Ok(()),
    }
}

/// The stored `updated_at` of a record, if there is one.
fn stored_version<R: Record>(conn: &Connection, id: Id) -> StoreResult<Option<Timestamp>> {
    let sql = sql_for(R::TABLE, "version", || {
        format!("SELECT updated_at FROM {} WHERE id = ?", R::TABLE)
    });
    Ok(conn
        .prepare_cached(sql)?
        .query_row([id], |row| row.get(0))
        .optional()?)
}

pub fn find<R: Record>(conn: &Connection, id: Id) -> StoreResult<Option<R>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE id = ?",
        all_columns::<R>(),
        R::TABLE
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], |row| R::from_row(row))
        .optional()?)
}

pub fn get<R: Record>(conn: &Connection, id: Id) -> StoreResult<R> {
    find(conn, id)?.ok_or_else(|| StoreError::NotFound {
        what: R::NOUN,
        id: id.to_string(),
    })
}

pub fn set_deleted<R: Record>(
    conn: &Connection,
    id: Id,
    deleted_at: Option<Timestamp>,
    now: Timestamp,
) -> StoreResult<()> {
    let sql = format!(
        "UPDATE {} SET deleted_at = ?, updated_at = ? WHERE id = ?",
        R::TABLE
    );
    let changed = conn
        .prepare_cached(&sql)?
        .execute(rusqlite::params![deleted_at, now, id])?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: R::NOUN,
            id: id.to_string(),
        });
    }
    Ok(())
}

fn all_sql<R: Record>(include_deleted: bool) -> String {
    let filter = if include_deleted {
        ""
    } else {
        "WHERE deleted_at IS NULL"
    };
    format!(
        // Table order (the order records were stored in): no sort, and an export imported
        // elsewhere keeps it.
        "SELECT {} FROM {} {filter} ORDER BY rowid",
        all_columns::<R>(),
        R::TABLE
    )
}

pub fn all<R: Record>(conn: &Connection, include_deleted: bool) -> StoreResult<Vec<R>> {
    let mut stmt = conn.prepare_cached(&all_sql::<R>(include_deleted))?;
    let rows = stmt.query_map([], |row| R::from_row(row))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Calls `each` with every record of a kind in table order, one at a time, without holding
/// them all (an export streams them out). Stops at the first error `each` returns.
pub fn for_each<R: Record>(
    conn: &Connection,
    include_deleted: bool,
    mut each: impl FnMut(R) -> Result<(), String>,
) -> StoreResult<()> {
    let mut stmt = conn.prepare_cached(&all_sql::<R>(include_deleted))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        each(R::from_row(row)?).map_err(StoreError::Invalid)?;
    }
    Ok(())
}

pub fn count<R: Record>(conn: &Connection) -> StoreResult<u64> {
    let sql = format!("SELECT count(*) FROM {} WHERE deleted_at IS NULL", R::TABLE);
    Ok(conn.prepare_cached(&sql)?.query_row([], |row| row.get(0))?)
}

/// One page of a kind's records in creation order, optionally only those whose label contains
/// `text` (any case) and optionally with tombstones.
pub fn list<R: Record>(
    conn: &Connection,
    text: Option<&str>,
    include_deleted: bool,
    page: super::Page,
) -> StoreResult<Vec<R>> {
    let deleted = if include_deleted {
        "1"
    } else {
        "deleted_at IS NULL"
    };
    let clause = format!(
        "{deleted} AND (?1 IS NULL OR instr(lower({}), lower(?1)) > 0) ORDER BY created_at, id LIMIT ?2 OFFSET ?3",
        R::LABEL
    );
    select(conn, &clause, &[&text, &page.limit, &page.offset])
}

/// Records of a kind matching a WHERE clause, in the given order.
pub fn select<R: Record>(
    conn: &Connection,
    clause: &str,
    params: &[&dyn ToSql],
) -> StoreResult<Vec<R>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE {clause}",
        all_columns::<R>(),
        R::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params, |row| R::from_row(row))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
