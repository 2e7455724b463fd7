//! vCards in the shapes real address books write, one fixture per quirk, each imported through
//! the real binary and checked field by field: encodings (byte-order marks, UTF-16, charsets),
//! line ends, folds, cards that lose people in weaker readers, vCard 4 addresses, preferences,
//! base64 text, and a value that is bad costing only that value.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::str::contains;
use rolo::domain::Contact;
use support::{TempStore, rolo};

/// Imports `bytes` as a .vcf file; the command's output.
fn import(db: &TempStore, bytes: &[u8]) -> assert_cmd::assert::Assert {
    let file = db.dir.path().join("cards.vcf");
    std::fs::write(&file, bytes).unwrap();
    rolo(&db.path())
        .args(["import", "vcard"])
        .arg(&file)
        .assert()
}

fn people(db: &TempStore) -> Vec<Contact> {
    let mut all = db.all::<Contact>(false).unwrap();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    all
}

fn names(db: &TempStore) -> Vec<String> {
    people(db).into_iter().map(|c| c.name).collect()
}

const TWO: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@engines.example\r\nEND:VCARD\r\n\
                   BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n";

#[test]
fn a_byte_order_mark_loses_nobody() {
    let db = TempStore::new();
    import(&db, &[b"\xef\xbb\xbf", TWO.as_bytes()].concat()).success();
    assert_eq!(names(&db), ["Ada Lovelace", "Grace Hopper"]);
    assert_eq!(people(&db)[0].email, "ada@engines.example");
}

#[test]
fn utf16_files_as_apple_and_entourage_write_them() {
    for big_endian in [false, true] {
        let db = TempStore::new();
        let text = TWO.replace("Grace Hopper", "Zoë Ångström");
        let mut bytes = if big_endian {
            vec![0xfe, 0xff]
        } else {
            vec![0xff, 0xfe]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        import(&db, &bytes).success().stdout(contains("added 2"));
        assert_eq!(names(&db), ["Ada Lovelace", "Zoë Ångström"]);
    }
}

#[test]
fn every_kind_of_line_end() {
    for end in ["\r", "\r\r\n", "\n"] {
        let db = TempStore::new();
        import(&db, TWO.replace("\r\n", end).as_bytes())
            .success()
            .stdout(contains("added 2"));
        assert_eq!(people(&db)[0].email, "ada@engines.example", "{end:?}");
    }
}

#[test]
fn charsets_the_cards_name() {
    let db = TempStore::new();
    let mut bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen\r\n\
        FN;CHARSET=ISO-8859-1:J\xfcrgen M\xfcller\r\nEND:VCARD\r\n"
        .to_vec();
    bytes.extend_from_slice(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:Se=E1n O=92Brien\r\nEND:VCARD\r\n",
    );
    bytes.extend_from_slice(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:\x8e\x52\x93\x63\x91\xbe\x98\x59\r\nEND:VCARD\r\n");
    bytes.extend_from_slice(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Chlo\xe9 Dubois\r\nEND:VCARD\r\n");
    import(&db, &bytes).success().stdout(contains("added 4"));
    assert_eq!(
        names(&db),
        ["Chloé Dubois", "Jürgen Müller", "Seán O’Brien", "山田太郎"]
    );
}

#[test]
fn a_fold_that_splits_a_character() {
    let db = TempStore::new();
    import(
        &db,
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jos\xc3\r\n \xa9 Garc\xc3\xad\r\n a\r\nEND:VCARD\r\n",
    )
    .success();
    assert_eq!(names(&db), ["José García"]);
}

#[test]
fn cards_weaker_readers_lose() {
    let db = TempStore::new();
    let text = "BEGIN:VCARD \r\nVERSION:2.1\r\nFN:Trailing Space\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Has An Agent\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n\
                FN:Their Assistant\r\nEND:VCARD\r\nEMAIL:boss@firm.example\r\nEND:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No End\r\n\
                BEGIN:VCARD\r\nVERSION:3.0\r\nFN:After No End\r\nEND:VCARD\r\n";
    import(&db, text.as_bytes())
        .success()
        .stdout(contains("added 5"));
    assert_eq!(
        names(&db),
        [
            "After No End",
            "Has An Agent",
            "No End",
            "Their Assistant",
            "Trailing Space"
        ],
        "the agent is a person of their own"
    );
    assert_eq!(
        db.contact_named("Has An Agent").unwrap().email,
        "boss@firm.example"
    );
}

#[test]
fn parameters_addresses_preferences_and_encodings() {
    let db = TempStore::new();
    let text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\n\
                EMAIL;TYPE=home:home@ada.example\r\n\
                EMAIL;PREF=1;LABEL=\"Work: main\":mailto:ada@engines.example\r\n\
                TEL;VALUE=uri;TYPE=cell:tel:+44-20-7946-0000\r\n\
                CATEGORIES:mentors,engines\r\nCATEGORIES:london\r\n\
                END:VCARD\r\n\
                BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=BASE64;CHARSET=UTF-8:R3JhY2UgSG9wcGVy\r\n\
                EMAIL;HOME:home@navy.example\r\nEMAIL;WORK;PREF:grace@navy.example\r\nEND:VCARD\r\n";
    import(&db, text.as_bytes()).success();
    let ada = db.contact_named("Ada Lovelace").unwrap();
    assert_eq!(
        ada.email, "ada@engines.example",
        "the preferred one, without mailto:"
    );
    assert_eq!(ada.phone, "+44-20-7946-0000", "without tel:");
    let mut tags = db.tags_of(ada.meta.id).unwrap();
    tags.sort();
    assert_eq!(
        tags,
        ["engines", "london", "mentors"],
        "every CATEGORIES line"
    );
    let grace = db.contact_named("Grace Hopper").unwrap();
    assert_eq!(grace.email, "grace@navy.example");
    assert!(
        grace.notes.contains("Other emails: home@navy.example"),
        "the card's other email is kept: {:?}",
        grace.notes
    );
}

#[test]
fn a_malformed_email_costs_the_email_not_the_person() {
    let db = TempStore::new();
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alan Turing\r\nORG:Bletchley Park\r\n\
                EMAIL:alan at bletchley\r\nEND:VCARD\r\n";
    import(&db, text.as_bytes())
        .success()
        .stdout(contains("added 1"))
        .stdout(contains("1 values left out"))
        .stderr(contains(
            "line 5: Alan Turing: \"alan at bletchley\" is not an email address",
        ));
    let alan = db.contact_named("Alan Turing").unwrap();
    assert_eq!(alan.email, "");
}

#[test]
fn a_card_with_a_large_photo_is_read() {
    let db = TempStore::new();
    let mut text = String::from(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photographed\r\nPHOTO;ENCODING=b;TYPE=JPEG:",
    );
    let photo = "QUJD".repeat(1_000_000); // 4 MB of base64
    for (i, chunk) in photo.as_bytes().chunks(74).enumerate() {
        if i > 0 {
            text.push_str("\r\n ");
        }
        text.push_str(std::str::from_utf8(chunk).unwrap());
    }
    text.push_str("\r\nEMAIL:photo@x.example\r\nEND:VCARD\r\n");
    import(&db, text.as_bytes()).success();
    assert_eq!(
        db.contact_named("Photographed").unwrap().email,
        "photo@x.example"
    );
}

#[test]
fn rejected_cards_name_their_true_line_with_lf_or_crlf() {
    for end in ["\n", "\r\n"] {
        let db = TempStore::new();
        let text = [
            "BEGIN:VCARD",
            "FN:Fine",
            "END:VCARD",
            "",
            "BEGIN:VCARD",
            "NOTE:nobody",
            "END:VCARD",
        ]
        .join(end);
        import(&db, text.as_bytes())
            .failure()
            .stderr(contains("line 5: no name, organisation or email"));
    }
}

#[test]
fn apples_social_profile_is_the_linkedin_address() {
    let db = TempStore::new();
    import(
        &db,
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed Quinn\r\n\
          X-SOCIALPROFILE;type=linkedin;x-user=zed:http://www.linkedin.com/in/zed\r\n\
          END:VCARD\r\n",
    )
    .success();
    let stored = people(&db);
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].linkedin, "http://www.linkedin.com/in/zed");
    // The same profile reached through the mobile site is the same person.
    import(
        &db,
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed Q.\r\n\
          URL:https://linkedin.com/mwlite/in/ZED/\r\nEND:VCARD\r\n",
    )
    .success();
    assert_eq!(people(&db).len(), 1);
}
