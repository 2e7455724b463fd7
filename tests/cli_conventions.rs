//! The command line behaving as the tools users know: --version with the commit, --help with
//! examples, completions and the man page, `-` for standard input and output, the app's flags
//! refused with a command.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use support::rolo;

#[test]
fn version_help_and_completions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db)
        .arg("--version")
        .assert()
        .success()
        .stdout(contains("rolo 0.1.0 (").and(contains(", 20")));
    rolo(&db)
        .args(["today", "--help"])
        .assert()
        .success()
        .stdout(contains("Examples:").and(contains("rolo today --json")));
    rolo(&db)
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("today").and(contains("--db")));
    rolo(&db)
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(contains("_rolo()"));
    assert!(!db.exists(), "help and completions never create a database");
}

#[test]
fn dash_is_standard_input_and_output_and_app_flags_go_with_no_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db)
        .args(["import", "csv", "-"])
        .write_stdin("Name,Email\nAda Lovelace,ada@example.com\n")
        .assert()
        .success()
        .stdout(contains("standard input: added 1"));
    let out = rolo(&db)
        .args(["export", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("Ada Lovelace"));
    assert!(!dir.path().join("-").exists(), "no file named -");
    rolo(&db)
        .args(["--demo", "today"])
        .assert()
        .failure()
        .stderr(contains("--demo is for opening the app"));
}

#[test]
fn the_man_page_is_made_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    rolo(&dir.path().join("rolo.db"))
        .arg("man")
        .assert()
        .success()
        .stdout(contains(".TH rolo 1").and(contains("today")));
    // With a folder: every page the main one refers to is there.
    let pages = dir.path().join("man").join("man1");
    rolo(&dir.path().join("rolo.db"))
        .arg("man")
        .arg(&pages)
        .assert()
        .success();
    let main = std::fs::read_to_string(pages.join("rolo.1")).unwrap();
    for page in ["rolo-today", "rolo-import", "rolo-add"] {
        assert!(
            main.contains(&page.replace('-', "\\-")),
            "{page} is referred to"
        );
        assert!(
            pages.join(format!("{page}.1")).exists(),
            "{page}.1 is written"
        );
    }
}

#[test]
fn commands_that_need_no_database_or_only_an_existing_one_make_none() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("no").join("such.db");
    for args in [
        vec!["merge", "--undo"],
        vec!["merge", "Ada", "--into", "Grace"],
        vec!["doctor", "--repair"],
        vec![
            "add",
            "follow-up",
            "--contact",
            "Ada",
            "--due",
            "today",
            "--title",
            "Call",
        ],
    ] {
        rolo(&typo)
            .args(&args)
            .assert()
            .failure()
            .stderr(contains("there is no database at"));
    }
    // A dry run before there is a database says what an import would do, and makes none.
    rolo(&typo)
        .args(["import", "csv", "-", "--dry-run"])
        .write_stdin("Name\nAda Lovelace\n")
        .assert()
        .success()
        .stdout(contains("would add 1"));
    assert!(!typo.parent().unwrap().exists(), "no file, no folder");
    // Flags that mean nothing for a command are refused, not ignored.
    for args in [
        vec!["man", "--db", "x.db"],
        vec!["completions", "bash", "--db", "x.db"],
        vec!["config", "path", "--db", "x.db"],
    ] {
        rolo(&typo)
            .args(&args)
            .assert()
            .failure()
            .stderr(contains("--db names a database"));
    }
    rolo(&typo)
        .args(["today", "--db", "-"])
        .assert()
        .failure()
        .stderr(contains("--db - names no database"));
    rolo(&typo)
        .args(["import", "json", "f.json", "--map", "a=name"])
        .assert()
        .failure()
        .stderr(contains("--map names the columns of a CSV file"));
}

#[test]
fn a_backup_goes_to_standard_output_and_demo_keeps_to_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db)
        .args(["demo", "--contacts", "12"])
        .assert()
        .success();
    rolo(&db)
        .args(["demo"])
        .assert()
        .failure()
        .stderr(contains("already holds").and(contains("rolo --demo")));
    let copy = rolo(&db)
        .args(["backup", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        copy.starts_with(b"SQLite format 3\0"),
        "a database on stdout"
    );
    let restored = dir.path().join("restored.db");
    std::fs::write(&restored, copy).unwrap();
    rolo(&restored)
        .args(["today"])
        .assert()
        .success()
        .stdout(contains("to review"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn fish_completes_formats_where_a_format_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    rolo(&dir.path().join("rolo.db"))
        .args(["completions", "fish"])
        .assert()
        .success()
        .stdout(
            contains("__fish_rolo_using_subcommand import").and(contains(
                "\"linkedin csv json vcard mail linkedin-messages ics\"",
            )),
        );
}

#[test]
fn today_says_how_many_there_are_when_it_lists_only_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    {
        let store = rolo::store::Store::open(&db).unwrap();
        let now = support::clock().timestamp();
        store
            .insert(&rolo::domain::Contact::named("Ada Lovelace", now))
            .unwrap();
        for n in 0..450 {
            store
                .add_follow_up(
                    "Ada Lovelace",
                    &format!("Thing {n}"),
                    now.minus(chrono::Duration::days(1)),
                    now,
                )
                .unwrap();
        }
    }
    let out = rolo(&db).args(["today", "--json"]).assert().success();
    let agenda: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(agenda["total"], 450);
    let listed = agenda["queue"].as_array().unwrap().len();
    assert!(listed < 450, "the queue lists the first");
    rolo(&db)
        .arg("today")
        .assert()
        .success()
        .stdout(contains("450 to review").and(contains(format!("and {} more", 450 - listed))));
    // One screen unless told: `--limit N` lists N, `--all` what the review holds.
    assert_eq!(listed, rolo::domain::agenda::TODAY_SHOWN);
    let count = |args: &[&str]| {
        let out = rolo(&db).args(args).assert().success();
        let agenda: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        agenda["queue"].as_array().unwrap().len()
    };
    assert_eq!(count(&["today", "--json", "--limit", "3"]), 3);
    assert_eq!(count(&["today", "--json", "--all"]), 200);
    rolo(&db)
        .args(["today", "--all", "--limit", "3"])
        .assert()
        .failure();
}
