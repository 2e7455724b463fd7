//! The command line: the TUI by default, and the script commands beside it.

mod app_args;
mod args;
mod commands;
mod docs;
mod piped;
mod transfer;

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use color_eyre::eyre::{Result, WrapErr, eyre};

pub use args::{AddCommand, Cli, Command};

use crate::domain::Clock;
use crate::domain::settings::Settings;
use crate::store::{Store, path};

/// Parses the command line and runs what it asks for.
pub fn run() -> Result<()> {
    let cli = app_args::app_only(std::env::args_os().skip(1)).unwrap_or_else(Cli::parse);
    // The app's own flags mean nothing to a command: said, rather than silently ignored.
    if let Some(command) = &cli.command {
        let app_flags = [
            (cli.demo, "--demo"),
            (cli.review, "--review"),
            (cli.no_mouse, "--no-mouse"),
        ];
        if let Some((_, flag)) = app_flags.iter().find(|(set, _)| *set) {
            let name = format!("{command:?}").to_lowercase();
            let name = name
                .split(['(', ' ', '{'])
                .next()
                .unwrap_or_default()
                .to_string();
            color_eyre::eyre::bail!(
                "{flag} is for opening the app; it does nothing with `rolo {name}` (leave it out, \
                 or run `rolo {flag}` on its own)"
            );
        }
        // Nor does a database mean anything to what only prints or edits the config.
        let no_database = match command {
            Command::Man { .. } => Some("man"),
            Command::Completions { .. } => Some("completions"),
            Command::Config(_) => Some("config"),
            _ => None,
        };
        if let (Some(name), Some(_)) = (no_database, &cli.db) {
            color_eyre::eyre::bail!(
                "--db names a database; `rolo {name}` uses none (leave --db out)"
            );
        }
    }
    let clock = clock_from_env()?;
    if cli.command.is_some() {
        clean_up_when_stopped();
        crate::store::busy::show_waits_with(crate::store::busy::notice_on_stderr);
    }
    // Every command runs on the same settings as the app; what is wrong in the file is said on
    // stderr (the app says it in its footer), and the command carries on with the defaults.
    let settings = match &cli.command {
        None | Some(Command::Config(_) | Command::Completions { .. } | Command::Man { .. }) => None,
        Some(_) => Some(settings_warning_on_stderr()),
    };
    let settings = settings.unwrap_or_default();
    match &cli.command {
        None => commands::open_tui(&cli, &clock),
        Some(Command::Today { json, limit, all }) => {
            let shown = (!*all).then_some(*limit);
            commands::today(&open_to_read(&cli, &settings)?, &clock, *json, shown)
        }
        // A follow-up is for someone already there: no database is made for it.
        Some(Command::Add(add @ AddCommand::FollowUp(_))) => {
            commands::add(&open_existing(&cli, &settings)?, &clock, add)
        }
        Some(Command::Add(add)) => commands::add(&open_store(&cli, &settings)?, &clock, add),
        Some(Command::Merge {
            duplicate,
            into,
            undo,
        }) => commands::merge(
            &open_existing(&cli, &settings)?,
            &clock,
            duplicate,
            into,
            *undo,
        ),
        Some(Command::Backup { file }) => commands::backup(&open_to_read(&cli, &settings)?, file),
        Some(Command::Import {
            format,
            file,
            dry_run,
            skip_invalid,
            map,
        }) => {
            let options = crate::interop::contacts_import::ImportOptions {
                dry_run: *dry_run,
                skip_invalid: *skip_invalid,
            };
            if !map.is_empty() && !matches!(format, args::ImportFormat::Csv) {
                color_eyre::eyre::bail!(
                    "--map names the columns of a CSV file; a {} file has its own \
                     (leave --map out, or import it as csv)",
                    format!("{format:?}").to_lowercase()
                );
            }
            // A dry run changes nothing, so it does not make a database either: before there
            // is one, it runs against an empty one of its own, thrown away after.
            let scratch = tempfile::tempdir()?;
            let store = if *dry_run && !database_path(&cli)?.exists() {
                let mut store = Store::open(&scratch.path().join("dry-run.db"))?;
                store.use_playbook(&settings.playbook)?;
                store
            } else {
                open_store(&cli, &settings)?
            };
            transfer::import(&store, &clock, *format, file, options, map)
        }
        Some(Command::Export { format, output }) => transfer::export(
            &open_to_read(&cli, &settings)?,
            &clock,
            *format,
            output.as_deref(),
        ),
        Some(Command::Config(command)) => commands::config(command),
        Some(Command::Doctor { repair }) => {
            let file = database_path(&cli)?;
            must_exist(&file)?;
            commands::doctor(&file, *repair)
        }
        Some(Command::Demo { contacts }) => {
            commands::demo(&open_store(&cli, &settings)?, &clock, *contacts, &settings)
        }
        Some(Command::Completions { shell }) => docs::completions(*shell),
        Some(Command::Man { folder }) => docs::man(folder.as_deref()),
    }
}

/// A command stopped by a signal (Ctrl-C, SIGTERM, a closed terminal) leaves no partial
/// backup or export behind. SQLite rolls back whatever transaction was open by itself. The app
/// handles these signals in its own loop instead.
fn clean_up_when_stopped() {
    let Ok(mut signals) =
        signal_hook::iterator::Signals::new(crate::tui::app::terminal::STOPPING_SIGNALS)
    else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            crate::store::safe_write::remove_in_flight();
            // Said, so that a stopped import is never taken for one that finished: its
            // transaction was not committed, and an export's file was not put in place.
            // (Not eprintln!, which panics when standard error has gone with the terminal.)
            let _ = writeln!(
                std::io::stderr(),
                "\nrolo: stopped; nothing unfinished was written"
            );
            std::process::exit(128 + signal);
        }
    });
}

pub(crate) use crate::domain::sanitize::shown;

/// The config file's settings; each thing wrong in it said on stderr, with its line — the
/// app's colours and keys too, so that a command says all the app would.
fn settings_warning_on_stderr() -> crate::domain::settings::Settings {
    let (config, warnings) = crate::config::load();
    let warnings = every_warning(&config, warnings);
    if !warnings.is_empty() {
        let file = crate::config::path().map(|p| shown(&p)).unwrap_or_default();
        for warning in &warnings {
            eprintln!("rolo: {file}: {warning}");
        }
    }
    config.settings
}

/// The database the command line names (`--db`, `ROLO_DB`, or the platform default).
pub fn database_path(cli: &Cli) -> Result<PathBuf> {
    // A database is a file rolo opens again and again: `-` (standard input or output) is not one.
    if cli.db.as_deref() == Some(std::path::Path::new("-")) {
        return Err(eyre!(
            "--db - names no database: give a file (or leave --db out for your own)"
        ));
    }
    let file = path::resolve(cli.db.as_deref())?;
    // A pipe, a device or a socket is no file to keep a database in: opening a pipe waited
    // for a writer for ever, and /dev/null was given a lock file beside it in /dev.
    if let Ok(meta) = std::fs::metadata(&file)
        && !meta.is_file()
        && !meta.is_dir()
    {
        return Err(eyre!(
            "{} is not a regular file (a pipe, a device or a socket): name the database file, \
             or leave --db out for your own",
            file.display()
        ));
    }
    Ok(file)
}

pub fn open_store(cli: &Cli, settings: &Settings) -> Result<Store> {
    let file = database_path(cli)?;
    let mut store = Store::open(&file)
        .wrap_err_with(|| format!("cannot open the database {}", file.display()))?;
    store.use_playbook(&settings.playbook)?;
    Ok(store)
}

/// A command that reads, or changes only what is already there (a merge, a dry run, a repair),
/// must not create: a mistyped --db would otherwise make an empty database (and its folders)
/// and report that nothing is due.
pub fn must_exist(file: &std::path::Path) -> Result<()> {
    if file.exists() {
        return Ok(());
    }
    Err(eyre!(
        "there is no database at {} — check the path, or open rolo (or `rolo add`) to start one",
        shown(file)
    ))
}

/// The database, for a command that changes what is already in it.
pub fn open_existing(cli: &Cli, settings: &Settings) -> Result<Store> {
    must_exist(&database_path(cli)?)?;
    open_store(cli, settings)
}

/// The database, for a command that only reads it: a file that cannot be written (damaged,
/// read-only, on a read-only disk) is still read, with a line on stderr saying why.
pub fn open_to_read(cli: &Cli, settings: &Settings) -> Result<Store> {
    let file = database_path(cli)?;
    must_exist(&file)?;
    let (mut store, why) = Store::open_for_reading(&file)
        .wrap_err_with(|| format!("cannot open the database {}", shown(&file)))?;
    store.use_playbook(&settings.playbook)?;
    if let Some(why) = why {
        eprintln!(
            "rolo: reading only: {}",
            crate::domain::sanitize::line(&why.to_string())
        );
    }
    Ok(store)
}

/// `ROLO_NOW` (an RFC 3339 time such as `2026-11-24T09:00:00+01:00`) fixes the clock and the
/// time zone, for tests and for trying out what a later day would look like.
fn clock_from_env() -> Result<Clock> {
    match std::env::var("ROLO_NOW") {
        Ok(text) if !text.is_empty() => {
            let at = chrono::DateTime::parse_from_rfc3339(&text)
                .map_err(|e| eyre!("ROLO_NOW={text:?} is not an RFC 3339 time ({e}); unset it or use 2026-11-24T09:00:00+01:00"))?;
            Ok(Clock::fixed(at.with_timezone(&chrono::Utc), *at.offset()))
        }
        _ => Ok(Clock::system()),
    }
}

/// Everything wrong in the file, as every command and the app would say it: its settings,
/// its colours and its keys, in the order of their lines.
pub(crate) fn every_warning(
    config: &crate::config::Config,
    mut warnings: Vec<crate::config::Warning>,
) -> Vec<crate::config::Warning> {
    warnings.extend(
        crate::tui::view::theme::Colors::default()
            .patched(&config.colors)
            .1,
    );
    warnings.extend(
        crate::tui::keys::keymap::Keymap::default_keys()
            .patched(&config.keys)
            .1,
    );
    warnings.sort_by_key(|w| w.line);
    warnings
}
