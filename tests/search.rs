//! Global search: the index follows what is added, changed and deleted (brought up to date
//! when a search opens), every word is a prefix, accents are ignored, results come grouped by
//! kind and Enter opens the record — in the app and through the real binary.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::{
    Channel, Contact, Interaction, InteractionKind, Interview, InterviewQuestion, Meta,
};
use rolo::store::Store;
use rolo::store::search::SearchKind;
use support::pty::Pty;
use support::tui::Tester;
use support::{TempStore, clock};

/// A contact whose meeting answer holds a word nothing else does.
fn answered(db: &Store, name: &str, answer: &str) -> Contact {
    let now = clock().timestamp();
    let contact = Contact::named(name, now);
    db.insert(&contact).unwrap();
    let interview = Interview::requested(contact.meta.id, "Learn", Channel::Email, now);
    db.insert(&interview).unwrap();
    db.insert(&InterviewQuestion {
        meta: Meta::new(now),
        interview_id: interview.meta.id,
        question_id: None,
        position: 0,
        text: "What surprised you most?".into(),
        asked: true,
        answer: answer.into(),
    })
    .unwrap();
    contact
}

fn kinds_found(db: &Store, query: &str) -> Vec<(SearchKind, String)> {
    db.search(query)
        .unwrap()
        .into_iter()
        .map(|h| (h.kind, h.title))
        .collect()
}

#[test]
fn the_index_follows_additions_changes_and_deletions() {
    let db = TempStore::new();
    let ada = answered(
        &db,
        "Ada Lovelace",
        "The zephyrine engines were a revelation",
    );
    db.sync_search().unwrap();
    assert_eq!(
        kinds_found(&db, "zephyr"),
        [(SearchKind::Answer, "What surprised you most?".to_string())]
    );
    let hit = &db.search("zephyr").unwrap()[0];
    assert_eq!(hit.contact, Some(ada.meta.id));
    assert!(hit.snippet.contains("[zephyrine]"), "{}", hit.snippet);
    assert_eq!(
        kinds_found(&db, "lovel")[0].0,
        SearchKind::Contact,
        "a prefix finds"
    );
    assert!(
        kinds_found(&db, "lovelace ada").len() == 1,
        "every word must match"
    );

    // A change is found once the index catches up; the old words are gone.
    let mut renamed: Contact = db.get(ada.meta.id).unwrap();
    renamed.name = "Ada Byron".into();
    renamed.notes = "Met at the café on the quay".into();
    db.update(&mut renamed, clock().timestamp()).unwrap();
    db.sync_search().unwrap();
    assert!(kinds_found(&db, "lovelace").is_empty());
    assert_eq!(kinds_found(&db, "byron")[0].1, "Ada Byron");
    assert_eq!(kinds_found(&db, "cafe").len(), 1, "accents are ignored");

    // A timeline entry, then the contact deleted: nothing of theirs is found.
    let note = Interaction::new(
        ada.meta.id,
        InteractionKind::Note,
        "Sent the quarterly digest",
        clock().timestamp(),
    );
    db.insert(&note).unwrap();
    db.sync_search().unwrap();
    assert_eq!(kinds_found(&db, "quarter")[0].0, SearchKind::Timeline);
    db.trash(
        rolo::domain::RecordRef::new(rolo::domain::Deletable::Contact, ada.meta.id),
        clock().timestamp(),
    )
    .unwrap();
    db.sync_search().unwrap();
    assert!(
        kinds_found(&db, "byron").is_empty(),
        "a deleted contact is not found"
    );
}

#[test]
fn results_come_grouped_by_kind() {
    let db = TempStore::new();
    rolo::demo::fill(&db.store, 60, &clock()).unwrap();
    db.sync_search().unwrap();
    let hits = db.search("data").unwrap();
    assert!(!hits.is_empty());
    let kinds: Vec<SearchKind> = hits.iter().map(|h| h.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "grouped in the order of SearchKind::ALL");
    assert!(
        SearchKind::ALL
            .iter()
            .all(|k| kinds.iter().filter(|x| *x == k).count() <= 8)
    );
    assert!(
        db.search("  \"( ").unwrap().is_empty(),
        "punctuation alone finds nothing, safely"
    );
    // Nothing to do the second time.
    assert_eq!(db.sync_search().unwrap(), 0);
}

#[test]
fn in_the_app_typing_searches_and_enter_opens_the_contact() {
    let db = TempStore::new();
    answered(
        &db,
        "Grace Hopper",
        "Compilers are just translators with opinions",
    );
    let store = Store::open(&db.path()).unwrap();
    let mut t = Tester::on(
        store,
        100,
        30,
        Some(db),
        rolo::tui::view::theme::Theme::new(true),
    );
    t.press("F").type_str("opinion");
    assert!(t.screen().contains("Answers in meetings"), "{}", t.screen());
    assert!(t.screen().contains("[opinions]"));
    t.press("enter");
    assert!(t.screen().contains("rolo · Grace Hopper"), "{}", t.screen());
    t.press("esc");
    assert!(
        t.screen().contains("› opinion"),
        "back to the search as it was"
    );
    t.press("esc");
    assert!(t.app.model.screen().is_none());
}

#[test]
fn the_real_binary_finds_a_contact_by_a_word_in_a_meeting_answer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    support::rolo(&db).args(["demo"]).assert().success();
    {
        let store = Store::open(&db).unwrap();
        answered(&store, "Zora Quill", "We mostly argue about heliotropes");
    }
    let mut pty = Pty::spawn(&[], &db, dir.path(), 100, 30, &[]);
    pty.wait_for("1 Contacts (62)");
    pty.send(b"F");
    pty.wait_for("Search contacts");
    pty.send(b"heliotrop");
    pty.wait_for("[heliotropes]");
    pty.send(b"\r");
    pty.wait_for("rolo · Zora Quill");
    pty.quit();
}

#[test]
fn a_file_open_read_only_is_searched_as_far_as_it_was_indexed() {
    let db = TempStore::new();
    answered(&db, "Ada Lovelace", "Analytical engines");
    db.sync_search().unwrap();
    answered(&db, "Bob Later", "Written after the index");
    let looking = Store::open_read_only(&db.path(), rolo::store::HELD_BY_ANOTHER_APP).unwrap();
    assert_eq!(
        looking.sync_search().unwrap(),
        0,
        "nothing written, no error"
    );
    assert_eq!(kinds_found(&looking, "analytic").len(), 1);
    assert!(kinds_found(&looking, "later").is_empty());
}

/// Pages in the write-ahead log: what has been written since the file was last settled.
fn logged_pages(db: &Store) -> i64 {
    db.conn()
        .query_row("PRAGMA wal_checkpoint(NOOP)", [], |r| r.get(1))
        .unwrap()
}

#[test]
fn an_index_up_to_date_writes_nothing() {
    let db = TempStore::new();
    for n in 0..300 {
        answered(&db, &format!("Person {n}"), "Analytical engines");
    }
    // Caught up a step at a time, as the app does while idle.
    let mut steps = 0;
    while !db.sync_search_step(100).unwrap().1 {
        steps += 1;
        assert!(steps < 100, "the index catches up");
    }
    assert!(steps >= 3, "several steps, to prove the point");
    db.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    assert_eq!(logged_pages(&db), 0);
    // Up to date: the idle step, and a search, write not one page.
    assert_eq!(db.sync_search_step(100).unwrap(), (0, true));
    db.sync_search().unwrap();
    assert_eq!(
        kinds_found(&db, "analytic").len(),
        8,
        "found, a kind's worth"
    );
    assert_eq!(
        logged_pages(&db),
        0,
        "nothing written while nothing changed"
    );
    // A change is indexed again (and so written).
    answered(&db, "Zed Newer", "Steam looms");
    assert!(db.sync_search_step(100).unwrap().1);
    assert_eq!(kinds_found(&db, "looms").len(), 1);
}
