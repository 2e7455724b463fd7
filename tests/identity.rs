//! Identity on import, as an invariant: any set of people — told apart by a profile address,
//! an email, or nothing but being listed twice — imports as exactly that many contacts, however
//! their names and organisations repeat and however often a keyed row is repeated; a dry run reports exactly what the import then does;
//! importing the same rows again changes nothing. Also through the real binary: a 30,000-row
//! LinkedIn export of distinct profiles with many repeated names stores 30,000 people.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use proptest::prelude::*;
use rolo::domain::Contact;
use rolo::interop::contacts_import::{ImportOptions, ImportRow, import};
use support::{TempStore, clock};

const NAMES: [&str; 4] = ["Sam Lee", "Ada Lovelace", "Kim Park", "Jo March"];
const ORGS: [&str; 3] = ["Acme", "Globex", ""];

/// Person `i`: a profile address, an email, or both (each unique to them); with `keys` 4,
/// neither — only a name, an organisation and a phone, as many address books hold people.
fn person(i: usize, name: usize, org: usize, keys: u8) -> ImportRow {
    if keys == 4 {
        return ImportRow {
            line: i as u64 + 2,
            name: NAMES[name].into(),
            organization: ORGS[org].into(),
            phone: format!("+1 555 {i:04}"),
            ..ImportRow::default()
        };
    }
    ImportRow {
        line: i as u64 + 2,
        name: NAMES[name].into(),
        organization: ORGS[org].into(),
        linkedin: if keys & 1 == 1 {
            format!("https://www.linkedin.com/in/person-{i}")
        } else {
            String::new()
        },
        email: if keys & 2 == 2 || keys == 0 {
            format!("person{i}@people.example")
        } else {
            String::new()
        },
        ..ImportRow::default()
    }
}

fn run(db: &TempStore, rows: &[ImportRow], dry_run: bool) -> rolo::interop::ImportReport {
    let options = ImportOptions {
        dry_run,
        skip_invalid: false,
    };
    let rows = rows.iter().cloned().map(Ok).collect();
    import(db, rows, options, "a test", &clock()).expect("the rows import")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn distinct_people_arrive_once_each(
        people in proptest::collection::vec((0..4usize, 0..3usize, 0..5u8), 1..40),
        repeats in proptest::collection::vec(any::<prop::sample::Index>(), 0..10),
    ) {
        let mut rows: Vec<ImportRow> = people
            .iter()
            .enumerate()
            .map(|(i, (name, org, keys))| person(i, *name, *org, *keys))
            .collect();
        // A row repeated is one person only when a profile address or email says so: a file
        // may list two namesakes with nothing else to tell them apart.
        let keyed: Vec<usize> = (0..people.len()).filter(|i| people[*i].2 != 4).collect();
        for index in &repeats {
            if !keyed.is_empty() {
                let again = rows[keyed[index.index(keyed.len())]].clone();
                rows.push(again);
            }
        }
        let db = TempStore::new();
        let rehearsed = run(&db, &rows, true);
        prop_assert_eq!(db.count::<Contact>().unwrap(), 0, "a dry run writes nothing");
        let done = run(&db, &rows, false);
        prop_assert_eq!(&rehearsed, &done, "the dry run says what the import does");
        prop_assert_eq!(db.count::<Contact>().unwrap(), people.len() as u64);
        prop_assert_eq!(done.added, people.len() as u64);
        let again = run(&db, &rows, false);
        prop_assert_eq!((again.added, again.updated), (0, 0), "a second import changes nothing");
        prop_assert_eq!(db.count::<Contact>().unwrap(), people.len() as u64);
    }
}

#[test]
fn an_email_learned_in_an_import_is_known_to_the_rest_of_it() {
    let db = TempStore::new();
    let ada = |email: &str, linkedin: &str| ImportRow {
        line: 2,
        name: "Ada Lovelace".into(),
        email: email.into(),
        linkedin: linkedin.into(),
        ..ImportRow::default()
    };
    // The profile first, then the same profile with an email, then the email alone.
    let rows = [
        ada("", "https://www.linkedin.com/in/ada"),
        ada("ada@engines.example", "https://www.linkedin.com/in/ada"),
        ada("ada@engines.example", ""),
    ];
    let report = run(&db, &rows, false);
    assert_eq!((report.added, report.updated), (1, 1));
    let stored = db.all::<Contact>(false).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].email, "ada@engines.example");
}

#[test]
fn a_referrer_who_cannot_be_told_is_said_not_dropped() {
    let db = TempStore::new();
    let row = |line: u64, name: &str, email: &str, referrer: Option<&str>| ImportRow {
        line,
        name: name.into(),
        email: email.into(),
        referred_by: referrer.map(Into::into),
        ..ImportRow::default()
    };
    let report = run(
        &db,
        &[
            row(2, "Hiro Castillo", "hiro1@x.example", None),
            row(3, "Hiro Castillo", "hiro2@x.example", None),
            row(4, "Ada Lovelace", "ada@x.example", Some("Hiro Castillo")),
            row(5, "Kim Park", "kim@x.example", Some("Nobody Known")),
            row(6, "Jo March", "jo@x.example", Some("Ada Lovelace")),
        ],
        false,
    );
    let said: Vec<(u64, &str)> = report
        .values_left_out
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].0 == 4 && said[0].1.contains("several contacts have that name"));
    assert!(said[1].0 == 5 && said[1].1.contains("no contact has that name"));
    // The one that can be told is linked.
    let jo = db.contacts_called("Jo March").unwrap().remove(0);
    let ada = db.contacts_called("Ada Lovelace").unwrap().remove(0);
    assert_eq!(jo.referred_by, Some(ada.meta.id));
}

#[test]
fn lookalikes_past_a_thousand_are_counted_not_listed() {
    let db = TempStore::new();
    let rows: Vec<ImportRow> = (0..1_200)
        .map(|i| ImportRow {
            line: i + 2,
            name: format!("Person {i}"),
            email: "team@shared.example".into(),
            ..ImportRow::default()
        })
        .collect();
    let report = run(&db, &rows, false);
    assert_eq!(report.added, 1_200);
    // Every row after the first shares the email with someone of another name.
    assert_eq!(report.possible_duplicates_total(), 1_199);
    assert_eq!(
        report.possible_duplicates.len(),
        rolo::interop::LISTED_AT_MOST
    );
    assert!(
        report
            .summary(false)
            .contains("1199 may already be in rolo (the first 1000 listed)"),
        "{}",
        report.summary(false)
    );
}

#[test]
fn a_shared_email_keeps_two_people_and_says_so() {
    let db = TempStore::new();
    let row = |name: &str| ImportRow {
        line: 2,
        name: name.into(),
        email: "family@home.example".into(),
        ..ImportRow::default()
    };
    let report = run(&db, &[row("Ada Lovelace"), row("Byron Lovelace")], false);
    assert_eq!(report.added, 2);
    assert_eq!(report.possible_duplicates.len(), 1);
    assert!(
        report.possible_duplicates[0]
            .message
            .contains("with the same email as Ada Lovelace"),
        "{:?}",
        report.possible_duplicates
    );
    let names: Vec<String> = db
        .all::<Contact>(false)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(names.contains(&"Byron Lovelace".to_string()), "{names:?}");
}

/// A LinkedIn export the way LinkedIn writes it: notes before the header, 30,000 distinct
/// profiles with a handful of names and companies. All arrive; the dry run says so too; a
/// repeated row is one person.
#[test]
fn thirty_thousand_distinct_profiles_are_thirty_thousand_people() {
    let db = TempStore::new();
    let file = db.dir.path().join("Connections.csv");
    let mut text = String::from(
        "Notes:\n\"When exporting your connection data, you may notice that some of the email \
         addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,\
         Connected On\n",
    );
    for i in 0..30_000 {
        let (first, last) = (["Sam", "Ada", "Kim"][i % 3], ["Lee", "Park"][i % 2]);
        let company = ["Acme", "Globex", "Initech", "Umbrella"][i % 4];
        text.push_str(&format!(
            "{first},{last},https://www.linkedin.com/in/p-{i},,{company},Analyst,08 Jan 2024\n"
        ));
    }
    text.push_str("Sam,Lee,https://www.linkedin.com/in/p-0,,Acme,Analyst,08 Jan 2024\n");
    std::fs::write(&file, text).unwrap();
    support::rolo(&db.path())
        .args(["import", "linkedin", "--dry-run"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("would add 30000, would update 0, 1 unchanged"));
    support::rolo(&db.path())
        .args(["import", "linkedin"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("added 30000, updated 0, 1 unchanged"));
    assert_eq!(db.count::<Contact>().unwrap(), 30_000);
}
