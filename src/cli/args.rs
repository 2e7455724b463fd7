//! The command line's shape, as DESIGN.md names it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueHint};
use clap_complete::Shell;

#[derive(Debug, Parser)]
#[command(
    name = "rolo",
    version = concat!(
        env!("CARGO_PKG_VERSION"),
        " (",
        env!("ROLO_COMMIT"),
        ", ",
        env!("ROLO_COMMIT_DATE"),
        ")"
    ),
    about = "Keep your informational interviews moving: contacts, meetings, questions and every follow-up.",
    after_help = "With no command, rolo opens the full-screen app on your database.\n\
                  The database is --db PATH, else $ROLO_DB, else $XDG_DATA_HOME/rolo/rolo.db.\n\n\
                  Examples:\n  rolo                  open the app (the keys are under ?)\n  \
                  rolo --demo           try it on sample data, thrown away on quit\n  \
                  rolo today            the agenda, for a terminal or a cron mail\n  \
                  rolo import linkedin ~/Downloads/Connections.csv"
)]
pub struct Cli {
    /// The database file to use (created on first use).
    #[arg(long, global = true, value_name = "PATH", value_hint = ValueHint::FilePath)]
    pub db: Option<PathBuf>,

    /// Open the app on a throw-away database filled with sample data.
    #[arg(long)]
    pub demo: bool,

    /// Open straight into the daily review.
    #[arg(long)]
    pub review: bool,

    /// Leave the mouse to the terminal (for selecting text).
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the daily agenda: overdue, due today, today's meetings, what is owed.
    #[command(after_help = "Examples:\n  rolo today\n  rolo today --json | jq '.queue[].title'")]
    Today {
        /// Print JSON for scripts instead of text.
        #[arg(long)]
        json: bool,
        /// How many of the most pressing to list (the count says how many there are in all).
        #[arg(long, value_name = "N", default_value_t = crate::domain::agenda::TODAY_SHOWN)]
        limit: usize,
        /// List everything the review holds today, not one screen of it.
        #[arg(long, conflicts_with = "limit")]
        all: bool,
    },
    /// Quick capture without opening the app.
    #[command(
        subcommand,
        after_help = "Examples:\n  rolo add contact --name \"Nina Park\" --org Bluefin\n  \
                      rolo add follow-up --contact Nina --due fri --title \"Send the article\""
    )]
    Add(AddCommand),
    /// Bring contacts in: LinkedIn's Connections.csv, any CSV, vCards, or rolo's own JSON (a
    /// merge).
    #[command(
        after_help = "Examples:\n  rolo import linkedin ~/Downloads/Connections.csv --dry-run\n  \
                            rolo import csv people.csv --map \"Full name=name\"\n  \
                            rolo import vcard ~/contacts/\n  \
                            cat backup.json | rolo import json -"
    )]
    Import {
        format: ImportFormat,
        file: PathBuf,
        /// Show what would be added, updated and skipped; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the valid rows and report the others (by default one bad row stops it all).
        #[arg(long)]
        skip_invalid: bool,
        /// For csv: which field a column fills, as "Column=field" (repeatable).
        #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = parse_mapping, value_hint = ValueHint::Other)]
        map: Vec<(String, String)>,
    },
    /// Write everything out: json (the full backup), csv or vcard (contacts), ics (calendar).
    #[command(after_help = "Examples:\n  rolo export json -o backup.json\n  \
                            rolo export ics -o ~/calendar/rolo.ics\n  \
                            rolo export vcard -o cards/\n  rolo export csv -o - | head")]
    Export {
        format: ExportFormat,
        /// Write to FILE (readable by you only) instead of standard output. For vcard, a
        /// folder (one that exists, or a name ending in /) gets one card per contact.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Make two contacts that are one person one: DUPLICATE's interviews, follow-ups, timeline,
    /// referrals and tags move to the contact kept, which takes the details it lacks (and keeps
    /// those that differ in its notes); the duplicate is retired, and comes back with `--undo`
    /// (or u in the app), which undoes the last merge. Each is a name or an id (an import
    /// lists the ids of likely duplicates).
    #[command(
        after_help = "Examples:\n  rolo merge \"N. Park\" --into \"Nina Park\"\n  rolo merge --undo"
    )]
    Merge {
        /// The contact to merge away (a name, or an id).
        #[arg(required_unless_present = "undo", value_hint = ValueHint::Other)]
        duplicate: Option<String>,
        /// The contact to keep (a name, or an id).
        #[arg(long, value_name = "CONTACT", required_unless_present = "undo", value_hint = ValueHint::Other)]
        into: Option<String>,
        /// Undo the last merge instead.
        #[arg(long, conflicts_with_all = ["duplicate", "into"])]
        undo: bool,
    },
    /// Write a consistent copy of the database to FILE (readable by you only).
    #[command(after_help = "Example:\n  rolo backup ~/backups/rolo-$(date +%F).db")]
    Backup {
        /// Where to write the copy.
        file: PathBuf,
    },
    /// The config file: where it is, or edit it (a commented starter is written first).
    #[command(
        subcommand,
        after_help = "Examples:\n  rolo config edit\n  cat \"$(rolo config path)\""
    )]
    Config(ConfigCommand),
    /// Look the database over (integrity, schema, counts, privacy, free space) without
    /// changing it, and say what was found.
    #[command(after_help = "Examples:\n  rolo doctor\n  rolo doctor --repair")]
    Doctor {
        /// Put back missing indexes and triggers and rebuild the indexes, after keeping a copy.
        #[arg(long)]
        repair: bool,
    },
    /// Fill a new database with realistic sample data (one that holds contacts is refused).
    #[command(after_help = "Example:\n  rolo --db /tmp/try.db demo --contacts 500")]
    Demo {
        /// How many people to create (interviews redirected to someone add that person too).
        #[arg(long, default_value_t = crate::demo::DEFAULT_CONTACTS, value_parser = clap::value_parser!(u64).range(1..=1_000_000), value_hint = ValueHint::Other)]
        contacts: u64,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  rolo completions bash > ~/.local/share/bash-completion/completions/rolo\n  \
                            rolo completions fish > ~/.config/fish/completions/rolo.fish"
    )]
    Completions { shell: Shell },
    /// Print the manual page (roff), generated from these commands; with FOLDER, write there
    /// a page for rolo and one for each command (rolo-today.1, rolo-import.1, …).
    #[command(
        after_help = "Examples:\n  rolo man ~/.local/share/man/man1 && man rolo\n  rolo man | man -l -"
    )]
    Man {
        /// Where to write every page (created if missing).
        folder: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ImportFormat {
    /// LinkedIn's Connections.csv (from "Get a copy of your data").
    Linkedin,
    /// Any CSV with a header; columns are matched by name, or with --map.
    Csv,
    /// rolo's own export: merged by id, the newer change winning.
    Json,
    /// vCard 2.1, 3.0 or 4.0: one .vcf file, or a folder of them.
    Vcard,
    /// Mail with the people you know (an mbox file, or a Maildir folder read recursively):
    /// each message a timeline entry — date, direction, subject; never the text.
    Mail,
    /// LinkedIn's messages.csv (from "Get a copy of your data"), matched by profile address.
    LinkedinMessages,
    /// Calendar invitations or events (.ics): sets, moves or calls off the meetings they name.
    Ics,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// Everything, tombstones included: the lossless backup and merge format.
    Json,
    /// Contacts, for a spreadsheet.
    Csv,
    /// Meetings as events and open follow-ups as to-dos.
    Ics,
    /// Contacts as vCard 3.0 cards.
    Vcard,
}

fn parse_mapping(text: &str) -> Result<(String, String), String> {
    let (column, field) = text
        .split_once('=')
        .ok_or("expected COLUMN=FIELD, like \"Company=organization\"")?;
    Ok((column.trim().to_string(), field.trim().to_string()))
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where the config file is (it may not exist yet).
    #[command(after_help = "Example:\n  rolo config path")]
    Path,
    /// Open it in $VISUAL or $EDITOR, writing a commented starter file first if there is
    /// none; then say what is wrong in it, if anything.
    #[command(after_help = "Examples:\n  rolo config edit\n  EDITOR=nano rolo config edit")]
    Edit,
}

#[derive(Debug, Subcommand)]
pub enum AddCommand {
    /// Add a contact.
    #[command(
        after_help = "Example:\n  rolo add contact --name \"Nina Park\" --org \"Bluefin\" \
                            --email nina@example.com --referred-by \"Ada Lovelace\""
    )]
    Contact(ContactArgs),
    /// Add a follow-up for a contact.
    #[command(
        name = "follow-up",
        after_help = "Examples:\n  rolo add follow-up --contact \"Nina Park\" --due \"fri 10am\" \
                      --title \"Send the article\"\n  \
                      rolo add follow-up --contact Nina --due +3d --title \"Ask about the team\""
    )]
    FollowUp(FollowUpArgs),
}

#[derive(Debug, Args)]
pub struct ContactArgs {
    #[arg(long, value_hint = ValueHint::Other)]
    pub name: String,
    /// Organisation (created if rolo does not know it yet).
    #[arg(long, value_hint = ValueHint::Other)]
    pub org: Option<String>,
    #[arg(long, value_hint = ValueHint::Other)]
    pub title: Option<String>,
    #[arg(long, value_hint = ValueHint::Other)]
    pub email: Option<String>,
    #[arg(long, value_hint = ValueHint::Other)]
    pub phone: Option<String>,
    /// LinkedIn profile address.
    #[arg(long, value_hint = ValueHint::Other)]
    pub linkedin: Option<String>,
    /// The name of the contact who referred them.
    #[arg(long, value_name = "NAME", value_hint = ValueHint::Other)]
    pub referred_by: Option<String>,
}

#[derive(Debug, Args)]
pub struct FollowUpArgs {
    /// The contact's name (the whole name, or a unique part of it).
    #[arg(long, value_name = "NAME", value_hint = ValueHint::Other)]
    pub contact: String,
    /// When: tomorrow, fri 10:30, +3d, in 2 weeks, 2026-12-01 14:00 …
    #[arg(long, value_name = "DATE", value_hint = ValueHint::Other)]
    pub due: String,
    /// What to do.
    #[arg(long, value_name = "TEXT", value_hint = ValueHint::Other)]
    pub title: String,
}
