//! vCard import: cards as the usual address books write them, and a folder of cards.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::interop::contacts_import::{ImportOptions, import};
use support::{TempStore, clock, rolo};

fn options() -> ImportOptions {
    ImportOptions::default()
}

/// Cards as Google (3.0), Apple (3.0, grouped), Outlook (2.1, quoted-printable) and Nextcloud
/// (4.0) write them; a card with only an organisation; a photo; a card cut short.
const CARDS: &str = "BEGIN:VCARD\r\n\
VERSION:3.0\r\n\
FN:Ada Lovelace\r\n\
N:Lovelace;Ada;;;\r\n\
ORG:Engines Ltd;Research\r\n\
TITLE:Analyst\r\n\
item1.EMAIL;TYPE=INTERNET:ada@engines.example\r\n\
item2.EMAIL;TYPE=INTERNET:second@engines.example\r\n\
TEL;TYPE=CELL:+44 20 1234\r\n\
URL:https://www.linkedin.com/in/ada\r\n\
NOTE:Met at the meetup\\, loved the talk\\nFollow up in spring\r\n\
CATEGORIES:mentors,engines\r\n\
PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n \
 aGVsbG8gd29ybGQ=\r\n\
END:VCARD\r\n\
BEGIN:VCARD\r\n\
VERSION:2.1\r\n\
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n\
NOTE;ENCODING=QUOTED-PRINTABLE:A long note that was=\r\n\
 folded\r\n\
END:VCARD\r\n\
BEGIN:VCARD\r\n\
VERSION:4.0\r\n\
ORG:Only An Organisation\r\n\
END:VCARD\r\n\
BEGIN:VCARD\r\n\
VERSION:4.0\r\n\
FN:Cut Short\r\n";

#[test]
fn vcards_from_every_usual_source() {
    let rows = rolo::interop::vcard::parse(CARDS.as_bytes());
    assert_eq!(rows.len(), 4);
    let ada = rows[0].clone().unwrap();
    assert_eq!(
        (
            ada.name.as_str(),
            ada.organization.as_str(),
            ada.title.as_str()
        ),
        ("Ada Lovelace", "Engines Ltd, Research", "Analyst")
    );
    assert_eq!(ada.email, "ada@engines.example", "the first email");
    assert_eq!(ada.linkedin, "https://www.linkedin.com/in/ada");
    assert_eq!(
        ada.notes,
        "Met at the meetup, loved the talk\nFollow up in spring\nOther emails: second@engines.example",
        "the second email is kept in the notes"
    );
    assert_eq!(ada.tags, ["mentors", "engines"]);
    let jurgen = rows[1].clone().unwrap();
    assert_eq!(jurgen.name, "Jürgen Müller");
    assert_eq!(jurgen.notes, "A long note that wasfolded");
    assert_eq!(
        rows[2].clone().unwrap().organization,
        "Only An Organisation"
    );
    // A card the file cuts short (no END:VCARD) still brings its person.
    assert_eq!(rows[3].clone().unwrap().name, "Cut Short");

    let db = TempStore::new();
    let skipping = ImportOptions {
        skip_invalid: true,
        ..options()
    };
    let report = import(&db, rows, skipping, "vCard", &clock()).unwrap();
    assert_eq!((report.added, report.skipped.len()), (4, 0));
    let ada = db.contact_named("Ada Lovelace").unwrap();
    assert_eq!(db.tags_of(ada.meta.id).unwrap(), ["engines", "mentors"]);
    assert!(
        db.contact_named("Only An Organisation").is_ok(),
        "a card with only an organisation is still a contact"
    );
}

#[test]
fn a_folder_of_cards_is_imported_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let cards = dir.path().join("cards");
    std::fs::create_dir(&cards).unwrap();
    std::fs::write(
        cards.join("a.vcf"),
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nORG:Navy\r\nEND:VCARD\r\n",
    )
    .unwrap();
    std::fs::write(
        cards.join("b.vcf"),
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alan Turing\r\nEND:VCARD\r\n",
    )
    .unwrap();
    std::fs::write(cards.join("cut.vcard"), "BEGIN:VCARD\r\nFN:Cut Short\r\n").unwrap();
    // Line 3 of this one has no name, organisation or email; line 1 of it is fine.
    std::fs::write(
        cards.join("two.vcf"),
        "BEGIN:VCARD\nFN:Kept\nEND:VCARD\nBEGIN:VCARD\nNOTE:nobody\nEND:VCARD\n",
    )
    .unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db)
        .args(["import", "vcard"])
        .arg(&cards)
        .assert()
        .failure()
        .stderr(contains("line 4: two.vcf: no name, organisation or email"));
    rolo(&db)
        .args(["import", "vcard", "--skip-invalid"])
        .arg(&cards)
        .assert()
        .success()
        .stdout(contains("added 4"));
}

/// What a card carries of a contact, to compare two databases by.
fn card_view(db: &rolo::store::Store) -> Vec<Vec<String>> {
    use rolo::domain::{Contact, Organization};
    let mut view: Vec<Vec<String>> = db
        .all::<Contact>(false)
        .unwrap()
        .into_iter()
        .map(|c| {
            let org = c
                .organization_id
                .map(|o| db.get::<Organization>(o).unwrap().name)
                .unwrap_or_default();
            let mut tags = db.tags_of(c.meta.id).unwrap();
            tags.sort();
            vec![
                c.name,
                org,
                c.title,
                c.email,
                c.phone,
                c.linkedin,
                c.location,
                c.notes,
                tags.join("|"),
            ]
        })
        .collect();
    view.sort();
    view
}

#[test]
fn exported_cards_come_back_as_they_went_out() {
    use rolo::domain::Contact;
    let source = TempStore::new();
    rolo::demo::fill(&source.store, 25, &clock()).unwrap();
    // The awkward cases: separators in every field, a long note over several lines, accents.
    let mut awkward: Contact = source.all::<Contact>(false).unwrap().remove(0);
    awkward.name = "Zoë d'Arcy, Jr.".into();
    awkward.title = "Head; Research \\ Design".into();
    awkward.location = "Lyon, France".into();
    awkward.notes = format!("First line, with a comma\nSecond; line\n{}", "é".repeat(90));
    source.update(&mut awkward, clock().timestamp()).unwrap();
    source
        .write(|tx| {
            rolo::store::Store::set_tags(
                tx,
                awkward.meta.id,
                &["mentors".into(), "café crowd".into()],
                clock().timestamp(),
            )
        })
        .unwrap();

    let mut bytes = Vec::new();
    rolo::interop::vcard_export::export(&source, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.split("\r\n").all(|line| line.len() <= 75));
    let target = TempStore::new();
    let rows = rolo::interop::vcard::parse(text.as_bytes());
    import(&target, rows, options(), "a vCard import", &clock()).unwrap();
    assert_eq!(card_view(&target), card_view(&source));

    // And again: nothing new, nothing changed.
    let rows = rolo::interop::vcard::parse(text.as_bytes());
    let again = import(&target, rows, options(), "a vCard import", &clock()).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
}

#[test]
fn the_command_line_writes_one_file_or_a_folder_of_cards() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    rolo(&db)
        .args(["demo", "--contacts", "12"])
        .assert()
        .success();
    let folder = dir.path().join("cards/");
    rolo(&db)
        .args(["export", "vcard", "-o"])
        .arg(&folder)
        .assert()
        .success()
        .stderr(contains("Wrote 12 cards"));
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert_eq!(files.len(), 12);
    for file in files {
        let mode = support::mode_of(&file.unwrap().path());
        assert_eq!(mode, 0o600);
    }
    assert_eq!(support::mode_of(&folder), 0o700);
    rolo(&db)
        .args(["export", "vcard"])
        .assert()
        .success()
        .stdout(contains("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
}

mod properties {
    use proptest::prelude::*;
    use rolo::domain::Contact;
    use rolo::interop::{vcard, vcard_export};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Whatever the fields hold — separators, backslashes, accents, line breaks in the
        /// notes — a card written by rolo reads back as the same fields.
        #[test]
        fn a_written_card_reads_back_the_same(
            name in "[A-Za-zé][A-Za-zé ,;\\\\.'-]{0,30}[A-Za-zé]",
            org in "[A-Za-z0-9é ,;\\\\.&-]{0,30}",
            title in "[A-Za-z0-9é ,;\\\\.:/-]{0,40}",
            notes in "[A-Za-z0-9é ,;\\\\.:\\n-]{0,120}",
            tags in proptest::collection::vec("[a-z][a-z ;\\\\-]{0,10}[a-z]", 0..4),
        ) {
            let mut contact = Contact::named(&name, rolo::domain::Timestamp::parse("2026-11-24T09:00:00.000Z").unwrap());
            contact.title = title.clone();
            contact.notes = notes.clone();
            let text = vcard_export::card(&contact, &org, &tags, None);
            prop_assert!(text.split("\r\n").all(|line| line.len() <= 75));
            let rows = vcard::parse(text.as_bytes());
            prop_assert_eq!(rows.len(), 1);
            let row = rows.into_iter().next().unwrap().unwrap();
            prop_assert_eq!(row.name, name);
            // ORG's parts are joined with ", " and trimmed; a plain organisation comes back whole.
            if !org.contains(';') {
                prop_assert_eq!(row.organization, org.trim().to_string());
            }
            prop_assert_eq!(row.title.trim(), title.trim());
            // As it is stored: blank notes are no notes.
            let stored = |text: &str| rolo::domain::sanitize::multiline(text);
            prop_assert_eq!(stored(&row.notes), stored(&notes));
            // A tag is a label: runs of spaces in it count as one (calcard folds them after an
            // escape in a list value, and rolo stores tags that way).
            let words = |t: &String| t.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(
                row.tags.iter().map(words).collect::<Vec<_>>(),
                tags.iter().map(words).collect::<Vec<_>>()
            );
        }

        #[test]
        fn card_shaped_input_never_panics(text in "(BEGIN:VCARD\r\n|END:VCARD\r\n|FN[;:=a-z]{0,8}:[a-zé\\\\,;=]{0,12}\r\n| [a-z=]{0,6}\r\n|ORG:[a-z;\\\\]{0,8}\r\n){0,12}") {
            let _ = vcard::parse(text.as_bytes());
        }
    }
}
