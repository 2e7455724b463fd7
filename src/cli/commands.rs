//! What each script command does. Output for people goes to stdout; errors come back to
//! `main`, which prints them to stderr with a non-zero exit.

use std::io::Write;
use std::path::Path;

use chrono::NaiveTime;
use color_eyre::eyre::{Result, WrapErr, bail};

use super::args::{AddCommand, Cli, ConfigCommand};
use super::shown;
use crate::domain::dates;
use crate::domain::{Clock, sanitize};
use crate::store::{NewContact, Store};

/// Follow-ups typed without a time are due at the start of the working day.
pub const DEFAULT_DUE_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a valid time"),
};

pub fn today(store: &Store, clock: &Clock, json: bool, shown: Option<usize>) -> Result<()> {
    let agenda = store.agenda(clock, shown)?;
    let mut out = super::piped::stdout();
    if json {
        serde_json::to_writer_pretty(&mut out, &agenda)?;
        writeln!(out)?;
    } else {
        // Stored text is clean; cleaned again here all the same, as everything printed is.
        out.write_all(sanitize::multiline(&agenda.to_text(clock)).as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn add(store: &Store, clock: &Clock, command: &AddCommand) -> Result<()> {
    let now = clock.timestamp();
    match command {
        AddCommand::Contact(args) => {
            let new = NewContact {
                name: args.name.clone(),
                organization: args.org.clone().unwrap_or_default(),
                title: args.title.clone().unwrap_or_default(),
                email: args.email.clone().unwrap_or_default(),
                phone: args.phone.clone().unwrap_or_default(),
                linkedin: args.linkedin.clone().unwrap_or_default(),
                referred_by: args.referred_by.clone(),
            };
            let contact = store.add_contact(&new, now)?;
            println!("Added {} ({})", contact.name, contact.meta.id);
            let twin = store.find_duplicate(
                Some(contact.meta.id),
                &contact.name,
                &new.organization,
                &contact.email,
                &contact.linkedin,
            )?;
            if let Some((twin, why)) = twin {
                eprintln!(
                    "rolo: note: {} has {why}; if they are one person, merge them: rolo merge {} --into {}",
                    twin.name, contact.meta.id, twin.meta.id
                );
            }
        }
        AddCommand::FollowUp(args) => {
            let due = dates::parse(&args.due, clock, DEFAULT_DUE_TIME)
                .wrap_err_with(|| format!("--due {:?}", sanitize::line(&args.due)))?;
            let follow_up = store.add_follow_up(&args.contact, &args.title, due.at, now)?;
            println!(
                "Added follow-up \"{}\", due {}",
                follow_up.title,
                dates::describe(&due, clock)
            );
        }
    }
    Ok(())
}

pub fn backup(store: &Store, file: &Path) -> Result<()> {
    if file == Path::new("-") {
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            bail!(
                "a backup is a database file, not text for a terminal: `rolo backup - > copy.db`, \
                 or give a file"
            );
        }
        // To standard output: the copy is made whole in a private temporary file first (a
        // backup is a database, written page by page), then streamed; the note goes to stderr.
        let folder = tempfile::tempdir()?;
        let copy = folder.path().join("backup.db");
        store.backup_to(&copy)?;
        let mut out = super::piped::stdout();
        std::io::copy(&mut std::fs::File::open(&copy)?, &mut out)?;
        out.flush()?;
        eprintln!("Backed up {} to standard output", shown(store.path()));
        return Ok(());
    }
    store.backup_to(file)?;
    println!("Backed up {} to {}", shown(store.path()), shown(file));
    Ok(())
}

/// `rolo merge DUPLICATE --into KEPT`, or `rolo merge --undo`.
pub fn merge(
    store: &Store,
    clock: &Clock,
    duplicate: &Option<String>,
    into: &Option<String>,
    undo: bool,
) -> Result<()> {
    let now = clock.timestamp();
    if undo {
        match store.undo_last_merge(now)? {
            Some(m) => println!(
                "Merge undone: {} and {} are two contacts again",
                m.kept, m.merged
            ),
            None => println!("No merge to undo"),
        }
        return Ok(());
    }
    let (Some(duplicate), Some(into)) = (duplicate, into) else {
        bail!("name the duplicate and the contact to keep: rolo merge DUPLICATE --into KEPT");
    };
    let find = |who: &str| -> Result<crate::domain::Contact> {
        if let Ok(id) = who.parse::<crate::domain::Id>() {
            return Ok(store.get(id)?);
        }
        let mut namesakes = store.contacts_called(who)?;
        match namesakes.len() {
            0 => bail!("no contact is called {:?}", sanitize::line(who)),
            1 => Ok(namesakes.remove(0)),
            _ => {
                let listed: Vec<String> = namesakes
                    .iter()
                    .map(|c| {
                        let detail = [&c.email, &c.linkedin, &c.title]
                            .into_iter()
                            .find(|d| !d.is_empty())
                            .cloned()
                            .unwrap_or_default();
                        format!("  {}  {} {}", c.meta.id, c.name, detail)
                    })
                    .collect();
                bail!(
                    "{} contacts are called {:?}; name one by its id:\n{}",
                    namesakes.len(),
                    sanitize::line(who),
                    sanitize::multiline(&listed.join("\n"))
                )
            }
        }
    };
    let (gone, kept) = (find(duplicate)?, find(into)?);
    println!("{}", store.merge_contacts(gone.meta.id, kept.meta.id, now)?);
    Ok(())
}

pub fn demo(
    store: &Store,
    clock: &Clock,
    contacts: u64,
    settings: &crate::domain::settings::Settings,
) -> Result<()> {
    let before = store.contacts_total()?;
    // Sample people mixed into someone's own would be theirs to pick out again, one by one.
    if before > 0 {
        bail!(
            "{} already holds {}: the sample data goes into a database of its own — \
             `rolo --demo` opens a throwaway one, or give a new file with --db",
            shown(store.path()),
            crate::domain::numbers::count(i64::try_from(before).unwrap_or(i64::MAX), "contact")
        );
    }
    let summary = crate::demo::fill_with(store, contacts, clock, &settings.playbook)?;
    // Counted in the file: the playbook adds the people some interviews are redirected to.
    let added = store.contacts_total()?.saturating_sub(before);
    let count = |n: u64, noun: &str| {
        crate::domain::numbers::count(i64::try_from(n).unwrap_or(i64::MAX), noun)
    };
    println!(
        "Added {} at {} and {} to {}",
        count(added, "contact"),
        count(summary.organizations, "organisation"),
        count(summary.interviews, "interview"),
        shown(store.path())
    );
    Ok(())
}

/// Opens the full-screen app: on the user's database, or on a throw-away demo one.
pub fn open_tui(cli: &Cli, clock: &Clock) -> Result<()> {
    require_terminal()?;
    let options = crate::tui::Options {
        mouse: !cli.no_mouse,
        review: cli.review,
        notice: None,
    };
    let with_notice = |notice: Option<String>| crate::tui::Options {
        notice,
        ..options.clone()
    };
    if cli.demo {
        let folder = tempfile::Builder::new().prefix("rolo-demo-").tempdir()?;
        let mut store = Store::open(&folder.path().join("demo.db"))?;
        // Walked on the config's playbook, as the app will run (it says what is wrong in it).
        let playbook = crate::config::load().0.settings.playbook;
        store.use_playbook(&playbook)?;
        crate::demo::fill_with(&store, crate::demo::DEFAULT_CONTACTS, clock, &playbook)?;
        return crate::tui::run(store, &options, clock);
    }
    let file = super::database_path(cli)?;
    // Held until the app closes: a second app on this file is offered it read-only.
    let _lock = match crate::store::lock::try_lock(&file) {
        Ok(Some(lock)) => Some(lock),
        // No lock can be made (a read-only disk or folder): nothing can be written there
        // either, so the file is opened to read, saying why.
        Err(refused) if file.exists() => {
            let why = format!("no lock could be made beside it ({refused})");
            let store = Store::open_read_only(&file, &why)
                .wrap_err_with(|| format!("cannot open {}", shown(&file)))?;
            let notice = Some(format!("Read-only: {}", sanitize::line(&why)));
            return crate::tui::run(store, &with_notice(notice), clock);
        }
        Err(refused) => return Err(refused.into()),
        Ok(None) => {
            if !ask_read_only(&file)? {
                bail!(
                    "{} is open in another rolo; close that one first, or answer y to look read-only",
                    shown(&file)
                );
            }
            let store = Store::open_read_only(&file, crate::store::HELD_BY_ANOTHER_APP)
                .wrap_err_with(|| format!("cannot open {}", shown(&file)))?;
            return crate::tui::run(store, &options, clock);
        }
    };
    // The file is opened and the first frame's rows read while the terminal is taken on
    // another thread. The app reads as many rows as the terminal shows, so its size is asked
    // for now; a resize meanwhile is taken in before the first frame.
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    crate::tui::run_opened(
        || {
            let (store, why) = Store::open_for_reading(&file)
                .wrap_err_with(|| format!("cannot open the database {}", shown(&file)))?;
            // A file that cannot be written opens read-only, the reason and the remedy in the
            // footer.
            let notice = why
                .and(store.read_only_reason())
                .map(|why| format!("Read-only: {why}"));
            Ok(crate::tui::ready(store, size, &with_notice(notice), clock))
        },
        &options,
    )
}

/// The app draws on a terminal and reads keys from it: without one (cron, `ssh host rolo`, a
/// redirect) it says so before anything is drawn, and nothing reaches standard output.
fn require_terminal() -> Result<()> {
    use std::io::IsTerminal;
    let missing = match (
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
    ) {
        (true, true) => return Ok(()),
        (false, _) => "standard input is not a terminal",
        (true, false) => "standard output is not a terminal",
    };
    bail!(
        "the app needs a terminal ({missing}). From a script use `rolo today`, `rolo add` or \
         `rolo export`; over ssh use `ssh -t`"
    )
}

/// Asks, before the screen is taken over, whether to open a file another app holds read-only.
fn ask_read_only(file: &Path) -> Result<bool> {
    use std::io::{BufRead, IsTerminal};
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    print!(
        "Another rolo is open on {}.\nOpen it read-only here (you can look, not change)? [y/N] ",
        shown(file)
    );
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// `rolo doctor`: every finding on a line; a non-zero exit when something is wrong.
pub fn doctor(file: &Path, repair: bool) -> Result<()> {
    use crate::store::doctor::{Verdict, examine};
    if repair {
        for line in crate::store::doctor::repair(file)? {
            println!("repair   {}", sanitize::line(&line));
        }
    }
    let findings = examine(file)?;
    for finding in &findings {
        let mark = match finding.verdict {
            Verdict::Good => "ok     ",
            Verdict::Note => "note   ",
            Verdict::Problem => "PROBLEM",
        };
        println!(
            "{mark}  {:<11} {}",
            finding.what,
            sanitize::line(&finding.detail)
        );
    }
    let problems = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Problem)
        .count();
    if problems > 0 {
        bail!("{problems} problem(s) found; the database was not changed");
    }
    Ok(())
}

/// `rolo config path` and `rolo config edit`.
pub fn config(command: &ConfigCommand) -> Result<()> {
    let Some(file) = crate::config::path() else {
        bail!("cannot find your config folder (no home folder?); set ROLO_CONFIG to a file");
    };
    match command {
        ConfigCommand::Path => println!("{}", shown(&file)),
        ConfigCommand::Edit => {
            if !file.exists() {
                crate::store::path::create_private_file(&file, false)?;
                std::fs::write(&file, crate::config::STARTER)?;
                eprintln!("Wrote a starter file at {}", shown(&file));
            }
            let editor = crate::config::editor();
            let mut words = editor.split_whitespace();
            let program = words.next().unwrap_or("vi");
            let status = std::process::Command::new(program)
                .args(words)
                .arg(&file)
                .status()
                .wrap_err_with(|| format!("cannot run the editor {editor:?}"))?;
            if !status.success() {
                bail!("the editor {editor:?} did not finish cleanly");
            }
            let text = std::fs::read_to_string(&file)?;
            let (config, warnings) = crate::config::parse(&text);
            let warnings = super::every_warning(&config, warnings);
            for warning in &warnings {
                eprintln!("  {}", sanitize::line(&warning.to_string()));
            }
            if warnings.is_empty() {
                eprintln!("{} reads well", shown(&file));
            }
        }
    }
    Ok(())
}
