//! The config file: the defaults when there is none, settings and colours read, a patched key,
//! a key bound twice, bad entries and a broken file — each reported with its line, rolo
//! carrying on. And `rolo config path|edit` through the binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::tui::view::theme::Colors;

use predicates::str::contains;
use rolo::config::{Config, parse};
use rolo::tui::keys::action::Action;
use rolo::tui::keys::keymap::{Context, Key, Keymap};

#[test]
fn no_file_or_an_empty_one_is_the_defaults() {
    let (config, warnings) = parse("");
    assert!(warnings.is_empty());
    assert_eq!(config, Config::default());
    assert_eq!(config.settings.playbook.nudge_after_days, 7);
    assert_eq!(config.settings.week_start, chrono::Weekday::Mon);
    // The starter file rolo writes reads without a word, and changes nothing.
    let (starter, warnings) = parse(rolo::config::STARTER);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(starter, Config::default());
}

#[test]
fn settings_and_colours_are_read() {
    let (config, warnings) = parse(
        "[playbook]\nnudge_after_days = 5\nmax_nudges = 1\nthank_you_hours = 12\n\
         [calendar]\nweek_start = \"sunday\"\n[theme]\naccent = \"#5f87af\"\noverdue = \"lightred\"\n",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let playbook = &config.settings.playbook;
    assert_eq!(
        (
            playbook.nudge_after_days,
            playbook.max_nudges,
            playbook.thank_you_hours
        ),
        (5, 1, 12)
    );
    assert_eq!(
        playbook.keep_in_touch_days, 30,
        "what the file leaves out keeps its default"
    );
    assert_eq!(config.settings.week_start, chrono::Weekday::Sun);
    let (colors, warnings) = Colors::default().patched(&config.colors);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(colors.accent, ratatui::style::Color::Rgb(0x5f, 0x87, 0xaf));
    assert_eq!(colors.overdue, ratatui::style::Color::LightRed);
}

#[test]
fn a_patched_key_works_quietly_and_a_hidden_global_key_is_reported() {
    // Rebinding a key of the list on purpose says nothing; taking q from the list is said.
    let text =
        "[keys.list]\n\"ctrl-n\" = \"move_down\"\n\"ctrl-d\" = \"quit\"\n\"q\" = \"first\"\n";
    let (config, warnings) = parse(text);
    assert!(warnings.is_empty());
    let (keymap, warnings) = Keymap::default_keys().patched(&config.keys);
    let list = [Context::List, Context::Global];
    assert_eq!(
        keymap.action(&list, Key::parse("ctrl-n").unwrap()),
        Some(Action::MoveDown)
    );
    assert_eq!(
        keymap.action(&list, Key::parse("ctrl-d").unwrap()),
        Some(Action::Quit)
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, Some(4));
    assert!(
        warnings[0]
            .message
            .contains("hides its global meaning there (quit)"),
        "{}",
        warnings[0]
    );
    // The defaults elsewhere are untouched.
    assert_eq!(
        keymap.action(&list, Key::parse("j").unwrap()),
        Some(Action::MoveDown)
    );
}

#[test]
fn bad_entries_are_reported_by_line_and_left_out() {
    let text = "[calendar]\nweek_start = \"someday\"\n\n[theme]\naccent = \"sparkly\"\nglow = \"red\"\n\
                [keys.list]\n\"j\" = \"fly_away\"\n[keys.nowhere]\n\"x\" = \"quit\"\n";
    let (config, warnings) = parse(text);
    let (_, key_warnings) = Keymap::default_keys().patched(&config.keys);
    let (colors, color_warnings) = Colors::default().patched(&config.colors);
    let lines: Vec<Option<usize>> = warnings
        .iter()
        .chain(&color_warnings)
        .chain(&key_warnings)
        .map(|w| w.line)
        .collect();
    assert_eq!(
        lines,
        [Some(2), Some(5), Some(6), Some(8), Some(10)],
        "{warnings:?} {key_warnings:?}"
    );
    assert_eq!(config.settings.week_start, chrono::Weekday::Mon);
    assert_eq!(colors, Colors::default());
}

#[test]
fn a_broken_file_names_its_line_and_rolo_carries_on_with_the_defaults() {
    // Each wrong setting is reported and left at its default; the good ones apply.
    let (config, warnings) = parse(
        "[playbook]\nnudge_after_days = 5\nmax_nudges = \"two\"\nbogus = 1\nthank_you_hours = -3\n",
    );
    assert_eq!(config.settings.playbook.nudge_after_days, 5);
    assert_eq!(config.settings.playbook.max_nudges, 2);
    assert_eq!(config.settings.playbook.thank_you_hours, 24);
    let lines: Vec<Option<usize>> = warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(3), Some(4), Some(5)], "{warnings:?}");
    assert!(
        warnings[0]
            .to_string()
            .contains("max_nudges should be a whole number (0 or more); the default (2) is used"),
        "{}",
        warnings[0]
    );
    // A section or setting rolo does not know is reported with its line; the rest applies.
    let (config, warnings) =
        parse("[bogus]\nx = 1\n[calendar]\nweek_start = \"sunday\"\nfoo = 2\n");
    assert_eq!(config.settings.week_start, chrono::Weekday::Sun);
    let lines: Vec<Option<usize>> = warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(1), Some(5)], "{warnings:?}");
    // A line TOML cannot read is left out, said with its line; the rest of the file still
    // applies, and a later slip is reported too.
    let (config, warnings) = parse(
        "[playbook]\nthis line is broken\nnudge_after_days = 5\nmax_nudges = 1\n\
         max_nudges = 3\nthank_you_within_hours = \"unclosed\n",
    );
    assert_eq!(config.settings.playbook.nudge_after_days, 5, "{warnings:?}");
    assert_eq!(config.settings.playbook.max_nudges, 1, "{warnings:?}");
    let lines: Vec<Option<usize>> = warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(2), Some(5), Some(6)], "{warnings:?}");
    assert!(
        warnings
            .iter()
            .all(|w| w.to_string().contains("the line is left out")),
        "{warnings:?}"
    );
    // A section header broken: its line; what was under it is then unknown, and said.
    let (config, warnings) = parse("[playbook\nnudge_after_days = 5\n");
    assert_eq!(warnings[0].line, Some(1));
    assert_eq!(config, Config::default());
    assert!(warnings[0].to_string().contains("the line is left out"));
}

#[test]
fn config_path_and_edit_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rolo").join("config.toml");
    support::rolo(&dir.path().join("rolo.db"))
        .env("ROLO_CONFIG", &file)
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(contains(file.display().to_string()));
    // `true` as the editor: the starter is written, read back, and found well.
    support::rolo(&dir.path().join("rolo.db"))
        .env("ROLO_CONFIG", &file)
        .env("EDITOR", "true")
        .env_remove("VISUAL")
        .args(["config", "edit"])
        .assert()
        .success()
        .stderr(contains("Wrote a starter file"))
        .stderr(contains("reads well"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        rolo::config::STARTER
    );
    assert_eq!(support::mode_of(&file), 0o600);
    std::fs::write(&file, "[keys.list]\n\"j\" = \"fly\"\n").unwrap();
    support::rolo(&dir.path().join("rolo.db"))
        .env("ROLO_CONFIG", &file)
        .env("EDITOR", "true")
        .env_remove("VISUAL")
        .args(["config", "edit"])
        .assert()
        .success()
        .stderr(contains("config line 2"));
}

#[test]
fn every_command_says_what_is_wrong_in_the_config_and_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let db = dir.path().join("rolo.db");
    std::fs::write(&file, "[playbook]\nnudge_after_days = \"soon\"\n").unwrap();
    support::rolo(&db)
        .env("ROLO_CONFIG", &file)
        .args(["add", "contact", "--name", "Ada Lovelace"])
        .assert()
        .success()
        .stderr(contains("config line 2"));
    support::rolo(&db)
        .env("ROLO_CONFIG", &file)
        .args(["today"])
        .assert()
        .success()
        .stderr(contains("config line 2"))
        .stderr(contains("the default (7) is used"));
    // The app's own parts (colours, keys) are reported by every command too.
    std::fs::write(
        &file,
        "[theme]\naccent = \"#zzz\"\n[keys.list]\n\"j\" = \"fly\"\n",
    )
    .unwrap();
    support::rolo(&db)
        .env("ROLO_CONFIG", &file)
        .args(["today"])
        .assert()
        .success()
        .stderr(contains("config line 2"))
        .stderr(contains("config line 4"));
    // A good file: nothing said.
    std::fs::write(&file, "[playbook]\nnudge_after_days = 5\n").unwrap();
    support::rolo(&db)
        .env("ROLO_CONFIG", &file)
        .args(["today"])
        .assert()
        .success()
        .stderr(predicates::str::is_empty());
}

#[test]
fn the_demo_walks_its_interviews_on_the_configs_playbook() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[playbook]\nnudge_after_days = 11\n").unwrap();
    // The nudges' due times, by the demo made with or without the file (the same dice both times).
    let nudges_due = |config: &std::path::Path, name: &str| {
        let db = dir.path().join(name);
        support::rolo(&db)
            .env("ROLO_CONFIG", config)
            .args(["demo", "--contacts", "60"])
            .assert()
            .success();
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut statement = conn
            .prepare(
                "SELECT next_due_at FROM interviews WHERE stage = 'request' \
                 AND outcome IS NULL ORDER BY next_due_at",
            )
            .unwrap();
        statement
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    };
    let default = nudges_due(&dir.path().join("none.toml"), "default.db");
    let configured = nudges_due(&file, "configured.db");
    assert!(!default.is_empty(), "the demo has nudges");
    assert_eq!(default.len(), configured.len());
    assert_ne!(default, configured, "the nudges fall later with 11 days");
}

#[test]
fn the_app_runs_on_the_config() {
    let mut t = support::tui::Tester::demo(100, 30);
    let (config, _) =
        parse("[keys.home]\n\"x\" = \"open_insights\"\n[calendar]\nweek_start = \"sunday\"\n");
    let warnings = t.app.configure(&config);
    assert!(warnings.is_empty());
    t.press("x");
    let Some(rolo::tui::model::Screen::Insights(insights)) = t.app.model.screen() else {
        panic!("x opens the insights now");
    };
    use chrono::Datelike;
    assert_eq!(insights.weeks[0].weekday(), chrono::Weekday::Sun);
    let (broken, warnings) = parse("[theme\n");
    t.app.configure(&broken);
    t.app.warn(&warnings);
    t.draw();
    assert!(t.screen().contains("config line 1"), "{}", t.screen());
}

#[test]
fn a_templates_folder_overrides_what_it_holds() {
    use rolo::domain::drafts::Template;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("request.txt"),
        "Hi {first_name}, my own words.\n",
    )
    .unwrap();
    let folder = dir.path().display().to_string();
    let (config, warnings) = parse(&format!("[templates]\nfolder = {folder:?}\n"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let templates = config.settings.templates.as_deref();
    assert_eq!(
        Template::Request.text_in(templates),
        "Hi {first_name}, my own words."
    );
    assert_eq!(
        Template::Nudge.text_in(templates),
        Template::Nudge.text(),
        "not there: rolo's"
    );
    let (_, warnings) = parse("[templates]\nfolder = \"/no/such/folder\"\n");
    assert_eq!(warnings[0].line, Some(2));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// Whatever the file holds, reading it never panics: the worst is the defaults and a warning.
    #[test]
    fn any_text_reads_without_a_panic(text in "(\\[[a-z.]{0,12}\\]\n|[a-zé_\"]{0,10} = [\"a-z0-9#é]{0,10}\n|\\PC{0,20}\n){0,8}") {
        let (config, _) = parse(&text);
        let _ = Keymap::default_keys().patched(&config.keys);
    }
}

/// The real binary reads the config file at start: a patched key works, and a mistake is
/// said in the footer with its line.
#[test]
fn the_real_binary_starts_on_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db).args(["demo"]).assert().success();
    // The pty's XDG_CONFIG_HOME is HOME/config.
    let folder = dir.path().join("config").join("rolo");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("config.toml"),
        "[keys.home]\n\"x\" = \"open_insights\"\n[theme]\naccent = \"sparkly\"\n",
    )
    .unwrap();
    let mut pty = support::pty::Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("config line 4: \"sparkly\" is not a colour");
    pty.send(b"x");
    pty.wait_for("Funnel");
    pty.quit();
}

#[test]
fn me_names_the_users_own_addresses() {
    let (config, warnings) = parse("me = [\"You@Example.org\", \"work@corp.example\"]\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.settings.me, ["you@example.org", "work@corp.example"]);
    let (config, _) = parse("me = \"one@example.org\"\n");
    assert_eq!(config.settings.me, ["one@example.org"]);
    let (config, warnings) = parse("me = [3, \"ok@example.org\"]\n[playbook]\nmax_nudges = 3\n");
    assert_eq!(
        config.settings.me,
        ["ok@example.org"],
        "the rest still applies"
    );
    assert_eq!(config.settings.playbook.max_nudges, 3);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].to_string().contains("email addresses"),
        "{warnings:?}"
    );
}
