//! The path to the first frame and to `rolo today`'s output reads a bounded number of pages,
//! whatever the size of the network: measured as the bytes this process reads from files
//! (`/proc/self/io`), on two demo networks eight times apart. No clock is involved, so a
//! regression (a scan of a table that grows with the network) fails here on any machine.
//!
//! One test in its own binary: the byte counter is the whole process's, so nothing else may
//! read meanwhile.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]
#![cfg(target_os = "linux")]

mod support;

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolo::domain::agenda::TODAY_SHOWN;
use rolo::store::Store;
use rolo::tui::app::App;
use rolo::tui::view::theme::Theme;

/// Bytes read by this process so far.
fn bytes_read() -> u64 {
    let io = std::fs::read_to_string("/proc/self/io").unwrap();
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn read_while(work: impl FnOnce()) -> u64 {
    let before = bytes_read();
    work();
    bytes_read() - before
}

/// A demo network of 2,000 contacts, settled as it is between two runs of the app (the log
/// copied into the file).
fn network(path: &Path) {
    let store = Store::open(path).unwrap();
    rolo::demo::fill(&store, 2_000, &support::clock()).unwrap();
    settle(&store);
}

fn settle(store: &Store) {
    store
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
}

/// The same network grown eightfold by what one screen never shows: people named after
/// everyone else (so they sort last), each with a timeline entry, a follow-up done and one due
/// next year. A path that reads what one screen needs reads the same pages as before; one
/// that scans a table, or an index of all open follow-ups, reads eight times as many.
fn grown(path: &Path) {
    let store = Store::open(path).unwrap();
    store
        .conn()
        .execute_batch(
            "BEGIN;
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 14000)
             INSERT INTO contacts (id, name, title, notes, created_at, updated_at)
             SELECT printf('ffffffff-0000-7000-8000-%012d', i), printf('Zz Later %05d', i),
                    'Engineer', 'Met at a meetup', '2026-01-01T00:00:00.000Z',
                    '2026-01-01T00:00:00.000Z' FROM n;
             INSERT INTO interactions (id, contact_id, kind, summary, occurred_at, created_at,
                                       updated_at)
             SELECT 'fffffffe' || substr(id, 9), id, 'email', 'Wrote to say hello',
                    '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z',
                    '2026-02-01T00:00:00.000Z' FROM contacts WHERE id GLOB 'ffffffff-*';
             INSERT INTO follow_ups (id, contact_id, kind, title, due_at, done_at, created_at,
                                     updated_at)
             SELECT 'fffffffd' || substr(id, 9), id, 'custom', 'Send the article',
                    '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z',
                    '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'
             FROM contacts WHERE id GLOB 'ffffffff-*';
             INSERT INTO follow_ups (id, contact_id, kind, title, due_at, created_at, updated_at)
             SELECT 'fffffffc' || substr(id, 9), id, 'keep_in_touch', 'Check in',
                    '2027-10-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z',
                    '2026-02-01T00:00:00.000Z'
             FROM contacts WHERE id GLOB 'ffffffff-*';
             COMMIT;",
        )
        .unwrap();
    settle(&store);
}

/// What `rolo today` reads: the file opened to read, the agenda, the text.
fn today(path: &Path) -> u64 {
    read_while(|| {
        let (store, why) = Store::open_for_reading(path).unwrap();
        assert!(why.is_none());
        let agenda = store.agenda(&support::clock(), Some(TODAY_SHOWN)).unwrap();
        assert_eq!(agenda.queue.len(), TODAY_SHOWN, "a full screen to print");
        std::hint::black_box(agenda.to_text(&support::clock()));
    })
}

/// What the app reads up to its first frame (at 120x40).
fn first_frame(path: &Path) -> u64 {
    read_while(|| {
        let store = Store::open(path).unwrap();
        let mut app = App::new(store, 120, 40, Some(support::clock()), Theme::new(true));
        app.start();
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        app.draw(&mut terminal).unwrap();
    })
}

#[test]
fn the_first_frame_and_today_read_the_same_at_any_size() {
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("network.db");
    let large = dir.path().join("grown.db");
    network(&small);
    std::fs::copy(&small, &large).unwrap();
    grown(&large);
    let size = |p: &Path| std::fs::metadata(p).unwrap().len();
    // Each measured twice: the first open of a file reads its schema too.
    let measure = |f: fn(&Path) -> u64, p: &Path| (f(p), f(p)).1;
    let (today_small, today_large) = (measure(today, &small), measure(today, &large));
    let (frame_small, frame_large) = (measure(first_frame, &small), measure(first_frame, &large));
    eprintln!(
        "files {} KB and {} KB; today reads {} KB and {} KB; the first frame {} KB and {} KB",
        size(&small) / 1024,
        size(&large) / 1024,
        today_small / 1024,
        today_large / 1024,
        frame_small / 1024,
        frame_large / 1024
    );
    assert!(size(&large) > 2 * size(&small), "the network has grown");
    // A B-tree a level deeper costs a page per lookup: a tenth more is allowed, a scan of
    // what was added (megabytes) is not.
    for (what, small, large) in [
        ("rolo today", today_small, today_large),
        ("the first frame", frame_small, frame_large),
    ] {
        assert!(
            large <= small + small / 10 + 64 * 1024,
            "{what} reads {large} bytes of the grown network against {small} before"
        );
    }
}
