//! The budgets of DESIGN.md, measured: `cargo bench` (or `cargo bench -- 30000` for one size).
//!
//! Each size's database is made once by the demo generator (30,000 contacts come with 10,000
//! interviews, 50,000 follow-ups and 105,000 timeline entries) and kept in
//! `target/bench-data/`. Every figure is the time of the real code path — the store, the
//! update, the effects and a full draw into a 120x40 buffer — repeated, with the median and the
//! 99th percentile reported beside the budget. Writing the frame to a real terminal is measured
//! from outside by the tmux harness in `shared/bench/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolo::domain::Clock;
use rolo::store::Store;
use rolo::tui::app::App;
use rolo::tui::data::effect::Effect;
use rolo::tui::view::theme::Theme;

const SIZES: [u64; 3] = [1_000, 30_000, 100_000];
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn clock() -> Clock {
    let at = DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").unwrap();
    Clock::fixed(at.with_timezone(&Utc), *at.offset())
}

/// The demo database of `contacts` contacts, made on first use.
fn database(contacts: u64) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(format!("demo-{contacts}.db"));
    if !path.exists() {
        let building = folder.join(format!("demo-{contacts}.db.building"));
        let _ = std::fs::remove_file(&building);
        eprintln!("making the {contacts}-contact database (once)…");
        let store = Store::open(&building).unwrap();
        rolo::demo::fill(&store, contacts, &clock()).unwrap();
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
        drop(store);
        std::fs::rename(&building, &path).unwrap();
    }
    path
}

struct Figures {
    samples: Vec<Duration>,
}

impl Figures {
    fn percentile(&mut self, p: f64) -> Duration {
        self.samples.sort();
        let index = ((self.samples.len() as f64 - 1.0) * p).round() as usize;
        self.samples[index]
    }
}

fn measure(runs: usize, mut work: impl FnMut()) -> Figures {
    work(); // warm the page cache and the statement cache once
    let samples = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    Figures { samples }
}

fn report(what: &str, contacts: u64, mut figures: Figures, budget: Duration, by_p99: bool) {
    let median = figures.percentile(0.5);
    let p99 = figures.percentile(0.99);
    let judged = if by_p99 { p99 } else { median };
    let verdict = if judged <= budget { "ok" } else { "OVER" };
    println!(
        "| {what:<34} | {contacts:>7} | {:>9.3} | {:>9.3} | {:>7} {} | {verdict:<4} |",
        ms(median),
        ms(p99),
        format!("{:.0}", ms(budget)),
        if by_p99 { "p99" } else { "med" },
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

struct Session {
    app: App,
    terminal: Terminal<TestBackend>,
}

impl Session {
    fn open(path: &Path) -> Session {
        let store = Store::open(path).unwrap();
        let mut app = App::new(store, WIDTH, HEIGHT, Some(clock()), Theme::new(true));
        app.start();
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        app.draw(&mut terminal).unwrap();
        Session { app, terminal }
    }

    /// Runs the idle work of one kind (the filter's index, the search's) to its end; returns
    /// the longest single step, which is how long a key pressed meanwhile could wait.
    fn idle_while(&mut self, kind: fn(&Effect) -> bool) -> Vec<Duration> {
        let mut steps = Vec::new();
        while let Some(effect) = rolo::tui::dispatch::idle(&self.app.model).filter(kind) {
            let start = Instant::now();
            self.app.run_effects(vec![effect]);
            steps.push(start.elapsed());
        }
        steps
    }

    fn idle(&mut self) -> Duration {
        let steps = self.idle_while(|e| matches!(e, Effect::LoadContactIndex { .. }));
        steps.into_iter().max().unwrap_or_default()
    }

    fn press(&mut self, event: Event) {
        self.app.handle(event);
        self.app.draw(&mut self.terminal).unwrap();
    }
}

fn bench_size(contacts: u64) {
    let path = database(contacts);
    let ms = Duration::from_millis;

    report(
        "open + first frame of home",
        contacts,
        measure(30, || drop(Session::open(&path))),
        ms(15),
        false,
    );

    let mut s = Session::open(&path);
    report(
        "j (move down, contacts)",
        contacts,
        measure(500, || s.press(key(KeyCode::Char('j')))),
        ms(5),
        true,
    );
    report(
        "PageDown (contacts)",
        contacts,
        measure(300, || s.press(key(KeyCode::PageDown))),
        ms(5),
        true,
    );
    report(
        "G / g (last and first contact)",
        contacts,
        measure(100, || {
            s.press(key(KeyCode::Char('G')));
            s.press(key(KeyCode::Char('g')));
        }),
        ms(10),
        true,
    );
    report(
        "Tab (switch pane)",
        contacts,
        measure(400, || s.press(key(KeyCode::Tab))),
        ms(5),
        true,
    );
    s.press(key(KeyCode::Char('1')));
    report(
        "Enter on a contact (open detail)",
        contacts,
        measure(200, || {
            s.press(key(KeyCode::Enter));
            s.app.handle(key(KeyCode::Esc));
        }),
        ms(5),
        true,
    );
    report(
        "P (open the pipeline board)",
        contacts,
        measure(100, || {
            s.press(key(KeyCode::Char('P')));
            s.app.handle(key(KeyCode::Esc));
        }),
        ms(5),
        true,
    );

    let mut whole = Vec::new();
    let mut steps = Vec::new();
    for _ in 0..5 {
        let mut fresh = Session::open(&path);
        let start = Instant::now();
        steps.push(fresh.idle());
        whole.push(start.elapsed());
    }
    report(
        "filter index, one idle step (max)",
        contacts,
        Figures { samples: steps },
        ms(5),
        true,
    );
    report(
        "filter index, built in the background",
        contacts,
        Figures { samples: whole },
        ms(1000),
        false,
    );
    s.idle();
    s.press(key(KeyCode::Char('/')));
    let (mut first, mut narrowing, mut widening) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..40 {
        let timed = |s: &mut Session, code: KeyCode, into: &mut Vec<Duration>| {
            let start = Instant::now();
            s.press(key(code));
            into.push(start.elapsed());
        };
        timed(&mut s, KeyCode::Char('a'), &mut first);
        for c in "na k".chars() {
            timed(&mut s, KeyCode::Char(c), &mut narrowing);
        }
        for _ in 0..5 {
            timed(&mut s, KeyCode::Backspace, &mut widening);
        }
    }
    report(
        "filter: first letter (all contacts)",
        contacts,
        Figures { samples: first },
        ms(8),
        true,
    );
    report(
        "filter: each further letter",
        contacts,
        Figures { samples: narrowing },
        ms(8),
        true,
    );
    report(
        "filter: Backspace",
        contacts,
        Figures { samples: widening },
        ms(8),
        true,
    );

    // Pasting: what is pasted is cleaned and taken in once, so a 100 KB paste costs in
    // proportion to its length (into the filter, a line, cut to a line's length; into a
    // form's notes, whole up to the field's limit).
    let pasted: String = "Met at the data meetup, asked about ".repeat(100_000 / 36);
    let mut p = Session::open(&path);
    p.idle();
    report(
        "paste 100 KB into the filter",
        contacts,
        measure(20, || {
            p.press(key(KeyCode::Char('/')));
            p.press(Event::Paste(pasted.clone()));
            p.press(key(KeyCode::Esc));
        }),
        ms(50),
        true,
    );
    report(
        "paste 100 KB into the search",
        contacts,
        measure(20, || {
            p.press(key(KeyCode::Char('F')));
            p.press(Event::Paste(pasted.clone()));
            p.press(key(KeyCode::Esc));
        }),
        ms(50),
        true,
    );
    report(
        "paste 100 KB into a form (then Esc, discarded)",
        contacts,
        measure(20, || {
            p.press(key(KeyCode::Char('a')));
            p.press(Event::Paste(pasted.clone()));
            p.press(key(KeyCode::Esc));
            p.press(key(KeyCode::Char('y')));
        }),
        ms(50),
        true,
    );
    drop(p);

    // The palette tries every action on a copy of the model as it opens: with a filter over
    // every contact kept, the largest model there is.
    s.press(key(KeyCode::Char('a')));
    s.press(key(KeyCode::Enter));
    report(
        "open the palette (every action tried)",
        contacts,
        measure(100, || {
            s.press(key(KeyCode::Char(':')));
            s.press(key(KeyCode::Esc));
        }),
        ms(5),
        true,
    );

    let store = Store::open(&path).unwrap();
    report(
        "rolo today (agenda, in process)",
        contacts,
        measure(50, || {
            let agenda = store
                .agenda(&clock(), Some(rolo::domain::agenda::TODAY_SHOWN))
                .unwrap();
            std::hint::black_box(agenda.to_text(&clock()));
        }),
        ms(15),
        false,
    );

    // Global search: the index catches up while the app is idle (the first time after an
    // import), in small steps; then each keystroke asks it. On a copy: the catch-up writes.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("search.db");
    store.backup_to(&copy).unwrap();
    let mut session = Session::open(&copy);
    session.idle();
    let start = Instant::now();
    let steps = session.idle_while(|e| matches!(e, Effect::IndexSearch));
    let whole = start.elapsed();
    report(
        "search index, each idle step",
        contacts,
        Figures { samples: steps },
        ms(5),
        true,
    );
    report(
        "search index, caught up in the background",
        contacts,
        Figures {
            samples: vec![whole],
        },
        ms(10_000),
        false,
    );
    let searching = Store::open(&copy).unwrap();
    let words = [
        "an", "ana", "anal", "da", "dat", "data", "me", "mee", "meet", "lee",
    ];
    let mut samples = Vec::new();
    for _ in 0..10 {
        for word in words {
            let start = Instant::now();
            std::hint::black_box(searching.search(word).unwrap());
            samples.push(start.elapsed());
        }
    }
    report(
        "search: each keystroke",
        contacts,
        Figures { samples },
        ms(8),
        true,
    );
}

/// A LinkedIn export of `rows` connections, as LinkedIn writes it: every row a different
/// profile, names and companies repeating as they do in a real network (so the identity rules
/// are exercised: namesakes at one company are still different people).
fn linkedin_csv(rows: u64) -> String {
    let mut text = String::from("Notes:\r\n\"Some emails are missing.\"\r\n\r\n");
    text.push_str("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");
    for i in 0..rows {
        let email = if i % 5 == 0 {
            format!("person{i}@example.com")
        } else {
            String::new()
        };
        text.push_str(&format!(
            "Person,Number {},https://www.linkedin.com/in/person-{i},{email},\"Company {}, Inc\",Analyst,{} Mar 2024\r\n",
            i % 2_000,
            i % 400,
            1 + i % 28
        ));
    }
    text
}

fn bench_transfer(contacts: u64) {
    let ms = Duration::from_millis;
    if contacts == 30_000 {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("Connections.csv");
        std::fs::write(&csv, linkedin_csv(30_000)).unwrap();
        let mut samples = Vec::new();
        for run in 0..5 {
            let store = Store::open(&dir.path().join(format!("import{run}.db"))).unwrap();
            let start = Instant::now();
            // The path `rolo import linkedin FILE` takes: the file read as it goes.
            let done = rolo::interop::files::import(
                &store,
                &clock(),
                rolo::interop::files::Format::Linkedin,
                &csv,
                rolo::interop::contacts_import::ImportOptions::default(),
                &[],
                &mut |_, _| std::ops::ControlFlow::Continue(()),
            )
            .unwrap();
            samples.push(start.elapsed());
            assert_eq!(done.report.added, 30_000);
        }
        report(
            "import 30,000-row LinkedIn CSV",
            contacts,
            Figures { samples },
            ms(500),
            false,
        );
    }
    let store = Store::open(&database(contacts)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A new name each run: emptying the last run's 300 MB would be timed too.
    let mut run = 0;
    report(
        "JSON export of the whole database",
        contacts,
        // Into a new file on the other core, as `rolo export json -o FILE` writes it (the
        // command line then syncs it to the disk: about 0.15 s more for 300 MB here).
        measure(5, || {
            run += 1;
            let file = std::fs::File::create(dir.path().join(format!("export{run}.json")));
            let file = file.unwrap();
            rolo::interop::write_behind::write_behind(file, |out| {
                rolo::interop::json::write(&store, out).map_err(std::io::Error::other)
            })
            .unwrap();
        }),
        if contacts >= 100_000 {
            ms(1_000)
        } else {
            ms(500)
        },
        false,
    );
}

fn main() {
    let wanted: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes: Vec<u64> = if wanted.is_empty() {
        SIZES.to_vec()
    } else {
        wanted
    };
    println!(
        "| {:<34} | {:>7} | {:>9} | {:>9} | {:>11} | {:<4} |",
        "what", "contacts", "median ms", "p99 ms", "budget ms", ""
    );
    println!("|{}|", "-".repeat(96));
    // `cargo bench -- 30000 transfer` runs only the import and export figures.
    let transfer_only = std::env::args().any(|a| a == "transfer");
    for contacts in sizes {
        if !transfer_only {
            bench_size(contacts);
        }
        bench_transfer(contacts);
    }
}
