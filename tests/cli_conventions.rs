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
}

#[test]
fn fish_completes_formats_where_a_format_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    rolo(&dir.path().join("rolo.db"))
        .args(["completions", "fish"])
        .assert()
        .success()
        .stdout(
            contains("__fish_rolo_using_subcommand import")
                .and(contains("\"linkedin csv json vcard\"")),
        );
}
