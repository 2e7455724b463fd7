//! The full-screen app, in the Elm shape of ARCHITECTURE.md: the keymap turns a key into an
//! `Action` once (`dispatch::translate`, with the contexts of the `Mode` open), `dispatch`
//! updates the model purely and returns `Effect`s, `app` carries them out against the store and
//! folds the results back (`data`), and `view` draws the model. `src/tui/README.md` maps the
//! modules; only `app` and `data` touch the database.

// An index into a list is a panic waiting for a list shorter than expected: here, `get`.
#![warn(clippy::indexing_slicing)]

pub mod app;
pub mod data;
pub mod dispatch;
pub mod keys;
pub mod mode;
pub mod model;
pub mod overlays;
pub mod screens;
pub mod view;

use color_eyre::eyre::Result;

use crate::domain::Clock;
use crate::store::Store;

/// How the app is to open: what the command line asked for, and nothing of its parsing.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Whether the mouse is taken (clicks and the wheel).
    pub mouse: bool,
    /// Open on the daily review rather than home.
    pub review: bool,
    /// A notice in the footer from the first frame (why the file is read-only).
    pub notice: Option<String>,
}

/// Opens the app on `store` until the user quits.
pub fn run(store: Store, options: &Options, clock: &Clock) -> Result<()> {
    let guard = app::terminal::TerminalGuard::take(options.mouse)?;
    let size = guard.terminal.size()?;
    let app = ready(store, (size.width, size.height), options, clock);
    run_ready(guard, app)
}

/// As `run`, with the terminal taken on another thread while this one opens the database and
/// reads the first frame's rows (`open`, which ends with `ready`). Opening is the longer of the
/// two, so it keeps the thread that is already running: a new thread waited from a tenth of a
/// millisecond to two for the other core. A file that cannot be opened ends the app with the
/// terminal given back first.
pub fn run_opened(open: impl FnOnce() -> Result<app::App>, options: &Options) -> Result<()> {
    let mouse = options.mouse;
    let taking = std::thread::spawn(move || app::terminal::TerminalGuard::take(mouse));
    let opened = open();
    let guard = taking
        .join()
        .map_err(|_| color_eyre::eyre::eyre!("taking the terminal failed unexpectedly"))??;
    run_ready(guard, opened?)
}

/// The app on `store` made ready for its first frame on a terminal of `size` (columns, rows):
/// the config applied, home's rows and the first screenful of contacts read. Nothing here
/// touches the terminal, so it can run while the terminal is being taken.
pub fn ready(
    store: Store,
    (width, height): (u16, u16),
    options: &Options,
    clock: &Clock,
) -> app::App {
    let fixed_clock = std::env::var_os("ROLO_NOW").is_some().then_some(*clock);
    let mut app = app::App::new(
        store,
        width,
        height,
        fixed_clock,
        view::theme::Theme::from_env(),
    );
    let (config, mut warnings) = crate::config::load();
    warnings.extend(app.configure(&config));
    app.warn(&warnings);
    if let Some(kept) = app::terminal::interrupted_edits().first() {
        app.model.status = Some(format!(
            "Notes you were editing when rolo last closed are kept in {}",
            crate::domain::sanitize::shown(kept)
        ));
    }
    if let Some(notice) = &options.notice {
        app.model.status = Some(crate::domain::sanitize::line(notice));
    }
    app.start();
    if options.review {
        app.run_effects(vec![data::effect::Effect::OpenReview]);
    }
    app
}

/// Runs the ready app on the terminal until the user quits.
fn run_ready(mut guard: app::terminal::TerminalGuard, mut app: app::App) -> Result<()> {
    crate::store::busy::show_waits_with(app::terminal::show_wait);
    // The terminal may have been resized while the app was made ready for the size it had.
    let size = guard.terminal.size()?;
    if (size.width, size.height) != (app.model.width, app.model.height) {
        app.handle(crossterm::event::Event::Resize(size.width, size.height));
    }
    app.run(&mut guard)
}
