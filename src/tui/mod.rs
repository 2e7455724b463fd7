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
    run_on(guard, store, options, clock)
}

/// The database being opened on another thread, and why it is to be read only (if it is).
pub type Opening = std::thread::JoinHandle<Result<(Store, Option<String>)>>;

/// As `run`, with the database opened on another thread while this one takes the terminal:
/// each took about a millisecond on the path to the first frame, one after the other. A file
/// that cannot be opened ends the app with the terminal given back first.
pub fn run_opening(opening: Opening, options: &Options, clock: &Clock) -> Result<()> {
    let guard = app::terminal::TerminalGuard::take(options.mouse)?;
    let (store, read_only) = opening
        .join()
        .map_err(|_| color_eyre::eyre::eyre!("opening the database failed unexpectedly"))??;
    let options = Options {
        notice: read_only.or_else(|| options.notice.clone()),
        ..options.clone()
    };
    run_on(guard, store, &options, clock)
}

fn run_on(
    mut guard: app::terminal::TerminalGuard,
    store: Store,
    options: &Options,
    clock: &Clock,
) -> Result<()> {
    let fixed_clock = std::env::var_os("ROLO_NOW").is_some().then_some(*clock);
    crate::store::busy::show_waits_with(app::terminal::show_wait);
    let size = guard.terminal.size()?;
    let mut app = app::App::new(
        store,
        size.width,
        size.height,
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
    app.run(&mut guard, options.review)
}
