//! Every released schema version, as a real file written by that version of rolo, migrates to
//! the newest with all of its data; the old file is kept aside; the live counts stay true.
//!
//! `tests/fixtures/schema-vN.db` is `rolo demo --contacts 60` written by schema N, and
//! `schema-vN.json` is what `rolo export json` gave for it then. When a migration is added, a
//! fixture of the schema before it is added here too.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use std::fs;
use std::path::Path;

use rolo::interop::json;
use rolo::store::{LATEST_VERSION, Store};

const RELEASED: &[i64] = &[1, 3];

/// A copy of a fixture in a temporary folder: the committed file is never opened for writing.
fn copy_of(version: i64, dir: &Path) -> std::path::PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let target = dir.join("rolo.db");
    fs::copy(fixtures.join(format!("schema-v{version}.db")), &target).unwrap();
    target
}

fn expected_export(version: i64) -> json::Export {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = fs::read(fixtures.join(format!("schema-v{version}.json"))).unwrap();
    json::parse(&text).unwrap()
}

#[test]
fn every_released_schema_migrates_with_all_its_data() {
    for &version in RELEASED {
        let dir = tempfile::tempdir().unwrap();
        let file = copy_of(version, dir.path());

        let store = Store::open(&file).unwrap();
        let version_now: i64 = store
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version_now, LATEST_VERSION);

        let mut expected = expected_export(version);
        expected.version = LATEST_VERSION;
        let mut migrated = json::export(&store).unwrap();
        took_in_the_playbooks_reminders(version, &store, &expected, &mut migrated);
        assert_eq!(migrated, expected, "schema {version}: data changed");

        // The copy kept aside is the file as it was: the old schema, every contact.
        let kept = rolo::store::migrate_copy_path(&file, version);
        let old = rusqlite::Connection::open_with_flags(
            &kept,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let (kept_version, kept_contacts): (i64, usize) = old
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), count(*) FROM contacts",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(kept_version, version);
        assert_eq!(kept_contacts, expected.contacts.len());

        let integrity: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
        for (name, stored, actual) in store.live_counts_check().unwrap() {
            assert_eq!(stored, actual, "schema {version}: live count {name}");
        }
    }
}

/// Schema 5 derives each interview's next step instead of keeping the playbook's reminders as
/// follow-ups: each open reminder is tombstoned, its interview owes the step it stood for, and a
/// finished interview whose keep-in-touch reminder was closed owes nothing more. Checks that,
/// then puts those changes back in `migrated` so that the rest is compared as it was.
fn took_in_the_playbooks_reminders(
    version: i64,
    store: &Store,
    expected: &json::Export,
    migrated: &mut json::Export,
) {
    use rolo::domain::FollowUpKind;
    let clock = support::clock();
    let was: std::collections::HashMap<_, _> =
        expected.follow_ups.iter().map(|f| (f.meta.id, f)).collect();
    let mut taken_in = 0;
    for follow_up in &mut migrated.follow_ups {
        let before = was[&follow_up.meta.id];
        if follow_up == before {
            continue;
        }
        let reminder = matches!(
            before.kind,
            FollowUpKind::Nudge
                | FollowUpKind::Prepare
                | FollowUpKind::ThankYou
                | FollowUpKind::KeepInTouch
                | FollowUpKind::Custom
        ) && before.interview_id.is_some()
            && before.is_open();
        assert!(reminder, "schema {version}: {before:?} changed");
        assert!(follow_up.meta.deleted_at.is_some());
        let interview = before.interview_id.unwrap();
        assert!(
            store.next_step_of(interview, &clock).unwrap().is_some(),
            "schema {version}: the interview of {:?} owes its step",
            before.title
        );
        taken_in += 1;
        *follow_up = before.clone();
    }
    assert!(taken_in > 0, "schema {version}: the demo had reminders");
    let was: std::collections::HashMap<_, _> =
        expected.interviews.iter().map(|i| (i.meta.id, i)).collect();
    for interview in &mut migrated.interviews {
        let before = was[&interview.meta.id];
        let owes = store
            .next_step_of(interview.meta.id, &clock)
            .unwrap()
            .is_some();
        assert_eq!(
            owes,
            !interview.is_finished(),
            "schema {version}: every open interview owes one step, a finished one none"
        );
        if interview.progress_sent_at.is_some() {
            assert_eq!(before.stage, rolo::domain::Stage::Done, "{before:?}");
        }
        interview.progress_sent_at = None;
        interview.snoozed_step = None;
        interview.snoozed_until = None;
        interview.meta.updated_at = before.meta.updated_at;
    }
}

#[test]
fn a_migrated_file_reopens_without_migrating_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = copy_of(1, dir.path());
    drop(Store::open(&file).unwrap());
    let kept = rolo::store::migrate_copy_path(&file, 1);
    fs::remove_file(&kept).unwrap();
    let store = Store::open(&file).unwrap();
    assert!(!kept.exists(), "no second copy: nothing to migrate");
    assert!(store.contacts_total().unwrap() > 0);
}

#[test]
fn the_interview_indexes_leave_out_rows_without_an_interview() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&copy_of(1, dir.path())).unwrap();
    let plan: Vec<String> = store
        .conn()
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM interactions WHERE interview_id = ?")
        .unwrap()
        .query_map(["x"], |r| r.get(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        plan.iter()
            .any(|step| step.contains("interactions_by_interview")),
        "{plan:?}"
    );
}
