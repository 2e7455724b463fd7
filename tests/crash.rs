//! Crash safety: the real binary, writing through its real code paths, is killed with SIGKILL
//! at random moments, round after round. After every kill the database must pass
//! `integrity_check` and `foreign_key_check`, hold every write that was confirmed (the command
//! exited successfully), and hold no half of any write: an import of 300 rows is all there or
//! not at all, and a contact is never there without its organisation.
//!
//! Bounded in CI (40 rounds); `ROLO_CRASH_ROUNDS=2000 cargo test --release --test crash --
//! --nocapture` runs longer and prints the figures.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rusqlite::Connection;

const IMPORT_ROWS: usize = 300;

/// A small deterministic generator: the same rounds every run unless ROLO_CRASH_SEED is set.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below.max(1)
    }
}

fn rolo_command(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rolo"));
    command
        .env("ROLO_DB", db)
        .env("ROLO_NOW", support::NOW)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// One write: a contact added, or a file of contacts imported.
enum Write {
    Contact(String),
    Import(String),
}

fn start(write: &Write, db: &Path, folder: &Path) -> std::process::Child {
    let mut command = rolo_command(db);
    match write {
        Write::Contact(name) => {
            command.args(["add", "contact", "--name", name, "--org", "Kill Corp"]);
        }
        Write::Import(batch) => {
            let file = folder.join(format!("{batch}.csv"));
            let mut text = String::from("Name,Company,Email\n");
            for i in 0..IMPORT_ROWS {
                text.push_str(&format!(
                    "{batch} person {i},Batch Co,{batch}-{i}@example.com\n"
                ));
            }
            std::fs::write(&file, text).unwrap();
            command.args(["import", "csv"]).arg(&file);
        }
    }
    command.spawn().expect("rolo starts")
}

/// Everything the database must show after a kill.
fn check(db: &Path, confirmed: &[Write], round: usize) {
    let conn = Connection::open(db).expect("the database opens after a kill");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "round {round}");
    let broken_links: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken_links, 0, "round {round}: references to nothing");
    let count = |sql: &str, arg: &str| -> i64 { conn.query_row(sql, [arg], |r| r.get(0)).unwrap() };
    for write in confirmed {
        match write {
            Write::Contact(name) => assert_eq!(
                count(
                    "SELECT count(*) FROM contacts c JOIN organizations o ON o.id = c.organization_id \
                     WHERE c.name = ? AND o.name = 'Kill Corp'",
                    name
                ),
                1,
                "round {round}: confirmed contact {name} is missing"
            ),
            Write::Import(batch) => assert_eq!(
                count(
                    "SELECT count(*) FROM contacts WHERE name LIKE ? || ' person %'",
                    batch
                ),
                IMPORT_ROWS as i64,
                "round {round}: confirmed import {batch} is not all there"
            ),
        }
    }
    // No half writes, confirmed or not.
    let orphans = count(
        "SELECT count(*) FROM contacts WHERE name LIKE ? AND organization_id IS NULL",
        "Crash contact %",
    );
    assert_eq!(
        orphans, 0,
        "round {round}: a contact without its organisation"
    );
    let mut batches = conn
        .prepare(
            "SELECT substr(name, 1, instr(name, ' person ') - 1) AS batch, count(*) \
             FROM contacts WHERE name LIKE 'batch%' GROUP BY batch",
        )
        .unwrap();
    let sizes: Vec<(String, i64)> = batches
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (batch, size) in sizes {
        assert_eq!(
            size, IMPORT_ROWS as i64,
            "round {round}: {batch} half imported"
        );
    }
    let (stored, actual): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count FROM live_counts WHERE name = 'contacts'), \
                    (SELECT count(*) FROM contacts WHERE deleted_at IS NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, actual, "round {round}: the contact count drifted");
}

#[test]
fn confirmed_writes_survive_sigkill_and_nothing_is_half_written() {
    let rounds: usize = std::env::var("ROLO_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(40);
    let seed: u64 = std::env::var("ROLO_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_cafe);
    let mut dice = Dice(seed | 1);
    let folder = tempfile::tempdir().unwrap();
    let db = folder.path().join("rolo.db");
    // The file exists before the first kill, as it would for a user.
    drop(rolo::store::Store::open(&db).unwrap());

    let mut confirmed = Vec::new();
    let (mut killed, mut finished) = (0, 0);
    for round in 0..rounds {
        let write = if dice.roll(3) == 0 {
            Write::Import(format!("batch{round}"))
        } else {
            Write::Contact(format!("Crash contact {round}"))
        };
        let mut child = start(&write, &db, folder.path());
        // Most kills land while the process runs (a few milliseconds to tens); some land after.
        std::thread::sleep(Duration::from_micros(dice.roll(12_000)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            finished += 1;
            confirmed.push(write);
        } else {
            killed += 1;
        }
        check(&db, &confirmed, round);
    }
    println!(
        "{rounds} rounds (seed {seed}): {killed} killed mid-way, {finished} finished; \
         {} confirmed writes all found, no half writes",
        confirmed.len()
    );
}
