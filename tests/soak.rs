//! A minute of everything at once, through the real binary: the app open on the file, four
//! shells adding contacts, backups and an import in a loop. Nothing is lost (every confirmed
//! add and import is there at the end), nobody sees "locked", every backup is whole, and the
//! app shows the final count. `ROLO_SOAK_SECONDS` makes it longer (or shorter).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rolo::domain::Contact;
use rolo::store::Store;
use support::pty::Pty;

fn rolo(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolo"))
        .env("ROLO_DB", db)
        .args(args)
        .output()
        .expect("rolo runs")
}

fn assert_clean(output: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{what}: {stderr}");
    assert!(!stderr.contains("locked"), "{what}: {stderr}");
}

#[test]
fn a_minute_of_writers_backups_and_imports_beside_the_app_loses_nothing() {
    let seconds: u64 = std::env::var("ROLO_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    assert_clean(&rolo(&db, &["demo"]), "demo");
    let start = Store::open(&db).unwrap().count::<Contact>().unwrap();
    let mut app = Pty::spawn(&[], &db, dir.path(), 120, 40, &[]);
    app.wait_for(&format!("1 Contacts ({start})"));

    let stop = Arc::new(AtomicBool::new(false));
    let mut workers = Vec::new();
    for writer in 0..4 {
        let (db, stop) = (db.clone(), Arc::clone(&stop));
        workers.push(std::thread::spawn(move || {
            let mut added = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let name = format!("Soak Writer{writer} Number{added}");
                assert_clean(&rolo(&db, &["add", "contact", "--name", &name]), &name);
                added += 1;
            }
            added
        }));
    }
    {
        let (db, stop, folder) = (db.clone(), Arc::clone(&stop), dir.path().to_path_buf());
        workers.push(std::thread::spawn(move || {
            let mut imported = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let file = folder.join("batch.csv");
                let mut text = String::from("Name,Company,Email\n");
                for i in 0..100 {
                    text.push_str(&format!(
                        "Soak Import{imported} Person{i},Soak Co,import{imported}.p{i}@soak.example\n"
                    ));
                }
                std::fs::write(&file, text).unwrap();
                assert_clean(
                    &rolo(&db, &["import", "csv", file.to_str().unwrap()]),
                    "import",
                );
                imported += 1;
            }
            imported * 100
        }));
    }
    let backups = {
        let (db, stop, folder) = (db.clone(), Arc::clone(&stop), dir.path().to_path_buf());
        std::thread::spawn(move || {
            let mut made = 0;
            while !stop.load(Ordering::Relaxed) {
                let file = folder.join("soak.backup");
                assert_clean(&rolo(&db, &["backup", file.to_str().unwrap()]), "backup");
                made += 1;
                std::thread::sleep(Duration::from_millis(200));
            }
            made
        })
    };

    // Meanwhile the user moves around in the app.
    let until = std::time::Instant::now() + Duration::from_secs(seconds);
    while std::time::Instant::now() < until {
        for key in [b"j", b"j", b"k", b"\t", b"\t", b"\t", b"\t"] {
            app.send(key);
        }
        assert!(!app.screen().contains("locked"), "{}", app.screen());
    }
    stop.store(true, Ordering::Relaxed);
    let confirmed: u64 = workers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(backups.join().unwrap() > 0);

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let end = store.count::<Contact>().unwrap();
    assert_eq!(end, start + confirmed, "every confirmed write is there");
    app.wait_for(&format!(
        "1 Contacts ({})",
        rolo::domain::numbers::group(end as usize)
    ));
    assert!(!app.screen().contains("locked"));
    app.quit();

    let backup = Store::open(&dir.path().join("soak.backup")).unwrap();
    assert_eq!(backup.integrity_check().unwrap(), "ok");
    assert!(backup.count::<Contact>().unwrap() >= start);
}
