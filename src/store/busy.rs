//! Waiting for another process's write instead of failing. SQLite lets one writer in at a
//! time; a save that meets a long import used to fail with "database is locked" after five
//! seconds. Now it waits — in small, growing sleeps — for as long as a large import can take,
//! and once the wait has lasted a moment it says so (on stderr from the command line, in the
//! footer in the app), so a pause is never silent.

use std::cell::Cell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long a write waits for another before it gives up and says so.
pub const PATIENCE: Duration = Duration::from_secs(120);
/// How long a wait lasts before it is shown.
const SHOW_AFTER: Duration = Duration::from_millis(500);

static NOTICE: OnceLock<fn(bool)> = OnceLock::new();

thread_local! {
    static WAITING_SINCE: Cell<Option<Instant>> = const { Cell::new(None) };
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Sets what shows a wait: called with `true` once a wait has lasted a moment, and with
/// `false` when the next statement runs after it. Set once, by the command line or the app.
pub fn show_waits_with(notice: fn(bool)) {
    let _ = NOTICE.set(notice);
}

/// The command line's way: a line on stderr.
pub fn notice_on_stderr(waiting: bool) {
    if waiting {
        eprintln!("rolo: waiting for another rolo to finish writing (an import?)…");
    }
}

/// SQLite's busy handler: `attempt` counts the calls for this one statement, from 0.
pub(super) fn wait_for_writer(attempt: i32) -> bool {
    let now = Instant::now();
    let since = WAITING_SINCE.with(|cell| {
        let since = match cell.get() {
            Some(since) if attempt > 0 => since,
            _ => now,
        };
        cell.set(Some(since));
        since
    });
    let waited = now.duration_since(since);
    if waited >= PATIENCE {
        return false;
    }
    if waited >= SHOW_AFTER && !SHOWN.with(Cell::get) {
        SHOWN.with(|shown| shown.set(true));
        if let Some(notice) = NOTICE.get() {
            notice(true);
        }
    }
    let step = 1u64 << attempt.clamp(0, 7); // 1 ms, doubling up to 128 ms
    std::thread::sleep(Duration::from_millis(step.min(100)));
    true
}

/// Called once a write has gone through: a wait that was shown is over.
pub(super) fn done_waiting() {
    if SHOWN.with(|shown| shown.replace(false))
        && let Some(notice) = NOTICE.get()
    {
        notice(false);
    }
}
