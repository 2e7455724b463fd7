//! The full-screen app, in the Elm shape of ARCHITECTURE.md:
//! keymap → `Action` → pure `update` → `Effect`s carried out by `App` against the store →
//! results folded back into the `Model` → `ui` draws the model.
//!
//! `update` and `ui` never touch the database; `app` and `load` are the only parts that do.

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

use crate::cli::Cli;
use crate::domain::Clock;
use crate::store::Store;

/// Opens the app on `store` until the user quits.
pub fn run(store: Store, cli: &Cli, clock: &Clock) -> Result<()> {
    run_with_notice(store, cli, clock, None)
}

/// As `run`, with a notice in the footer from the first frame (why the file is read-only).
pub fn run_with_notice(
    store: Store,
    cli: &Cli,
    clock: &Clock,
    notice: Option<String>,
) -> Result<()> {
    let fixed_clock = std::env::var_os("ROLO_NOW").is_some().then_some(*clock);
    let mut guard = app::terminal::TerminalGuard::take(!cli.no_mouse)?;
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
            crate::cli::shown(kept)
        ));
    }
    if let Some(notice) = notice {
        app.model.status = Some(crate::domain::sanitize::line(&notice));
    }
    app.run(&mut guard, cli.review)
}
