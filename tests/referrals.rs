//! Referrals carried through: someone suggested in a write-up is asked with who suggested
//! them filled in, and asking them closes "Reach out to"; a write-up names each person once,
//! knows who is known however written, and places "Name, Organisation" there.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use rolo::domain::settings::PlaybookSettings;
use rolo::domain::{Contact, FollowUp};
use rolo::store::Store;
use rolo::store::write_up::WriteUp;
use rolo::tui::view::theme::Theme;
use support::tui::Tester;
use support::{TempStore, clock};

/// Ada, interviewed, suggested Grace Hopper in her write-up.
fn ada_suggested_grace() -> (TempStore, Contact) {
    let db = TempStore::new();
    let clock = clock();
    let settings = PlaybookSettings::default();
    let (_, interview) = support::ada_asked(&db);
    let write_up = WriteUp {
        referrals: vec!["Grace Hopper".into()],
        ..WriteUp::default()
    };
    db.write_up(interview.meta.id, &write_up, &clock, &settings)
        .unwrap();
    let grace = db.contacts_called("Grace Hopper").unwrap().remove(0);
    (db, grace)
}

fn open_follow_ups(store: &Store, contact: &Contact) -> Vec<String> {
    store
        .all::<FollowUp>(false)
        .unwrap()
        .into_iter()
        .filter(|f| f.contact_id == Some(contact.meta.id) && f.done_at.is_none())
        .map(|f| f.title)
        .collect()
}

#[test]
fn asking_someone_suggested_names_who_suggested_them_and_closes_the_reach_out() {
    let (db, grace) = ada_suggested_grace();
    assert_eq!(
        open_follow_ups(&db, &grace),
        ["Reach out to Grace Hopper (suggested by Ada Lovelace)"]
    );
    let store = Store::open(&db.path()).unwrap();
    let mut t = Tester::on(store, 100, 30, Some(db), Theme::new(true));
    t.press("/").type_str("Grace").press("enter enter i");
    let form = t.screen();
    assert!(
        t.line_with("Found them through").contains("Ada Lovelace"),
        "{form}"
    );
    t.type_str("How compilers came to be").press("ctrl-s");
    assert!(
        open_follow_ups(&t.app.store, &grace).is_empty(),
        "the reach-out is done once the request is sent"
    );
}

#[test]
fn a_write_up_names_each_suggested_person_once_and_knows_who_is_known() {
    let (db, grace) = ada_suggested_grace();
    let clock = clock();
    let settings = PlaybookSettings::default();
    let ada = db.contacts_called("Ada Lovelace").unwrap().remove(0);
    let chloe = Contact::named("Chloé Sato", clock.timestamp());
    db.insert(&chloe).unwrap();
    let interview = db.interviews_of(ada.meta.id).unwrap().remove(0);
    let write_up = WriteUp {
        referrals: vec![
            "chloe  SATO".into(),
            "Dana New".into(),
            "Dana New".into(),
            "ada lovelace".into(),
            "Grace Hopper".into(),
        ],
        ..WriteUp::default()
    };
    let (people, _) = db
        .write_up(interview.meta.id, &write_up, &clock, &settings)
        .unwrap();
    assert_eq!(
        people, 3,
        "Chloé, Dana and Grace, each once; never Ada herself"
    );
    let names: Vec<String> = db
        .all::<Contact>(false)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    for (name, times) in [
        ("Chloé Sato", 1),
        ("Dana New", 1),
        ("Ada Lovelace", 1),
        ("Grace Hopper", 1),
    ] {
        assert_eq!(
            names.iter().filter(|n| *n == name).count(),
            times,
            "{name}: {names:?}"
        );
    }
    assert_eq!(open_follow_ups(&db, &chloe).len(), 1);
    assert_eq!(
        open_follow_ups(&db, &grace).len(),
        1,
        "already queued to reach out to: once"
    );
}

#[test]
fn a_referral_written_with_their_organisation_is_placed_there() {
    let db = TempStore::new();
    let clock = clock();
    let (_, interview) = support::ada_asked(&db);
    let write_up = WriteUp {
        referrals: vec!["Charles Babbage, Analytical Society".into()],
        ..WriteUp::default()
    };
    db.write_up(
        interview.meta.id,
        &write_up,
        &clock,
        &PlaybookSettings::default(),
    )
    .unwrap();
    let charles = db.contacts_called("Charles Babbage").unwrap().remove(0);
    let society: rolo::domain::Organization = db.get(charles.organization_id.unwrap()).unwrap();
    assert_eq!(society.name, "Analytical Society");
    assert_eq!(
        open_follow_ups(&db, &charles),
        ["Reach out to Charles Babbage (suggested by Ada Lovelace)"]
    );
}
