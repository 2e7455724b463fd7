//! Import and export, with fixtures written here for each format's quirks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines
)]

mod support;

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use proptest::prelude::*;
use rolo::domain::{Contact, Organization};
use rolo::interop::contacts_import::{ImportError, ImportOptions, import};
use rolo::interop::{csv_export, csv_import, json, linkedin};
use rolo::store::Store;
use support::{TempStore, clock, mode_of, rolo};

/// A LinkedIn export as LinkedIn writes it: a BOM, notes before the header, CRLF, quoted
/// commas and quotes, empty emails, both date forms.
const CONNECTIONS: &str = "\u{feff}Notes:\r\n\
\"When exporting your connection data, you may notice that some of the email addresses are missing, because members can choose.\"\r\n\
\r\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n\
Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,\"Engines, Ltd\",Analyst,12 Mar 2024\r\n\
Grace,Hopper,https://www.linkedin.com/in/grace-hopper,grace@navy.example,US Navy,\"Rear \"\"Amazing\"\" Admiral\",7-Feb-22\r\n\
Alan,Turing,https://www.linkedin.com/in/alan-turing/,,,,01 Jun 2023\r\n";

fn options() -> ImportOptions {
    ImportOptions::default()
}

fn import_linkedin(
    db: &Store,
    text: &str,
    options: ImportOptions,
) -> Result<rolo::interop::ImportReport, ImportError> {
    let rows = linkedin::parse(text.as_bytes(), &clock()).unwrap().rows;
    import(db, rows, options, "LinkedIn", &clock())
}

#[test]
fn linkedin_quirks_are_read() {
    let db = TempStore::new();
    let report = import_linkedin(&db, CONNECTIONS, options()).unwrap();
    assert_eq!((report.added, report.updated, report.unchanged), (3, 0, 0));
    let ada = db.contact_named("Ada Lovelace").unwrap();
    let org: Organization = db.get(ada.organization_id.unwrap()).unwrap();
    assert_eq!(org.name, "Engines, Ltd");
    let grace = db.contact_named("Grace Hopper").unwrap();
    assert_eq!(grace.title, "Rear \"Amazing\" Admiral");
    assert_eq!(grace.email, "grace@navy.example");
    let connected = &db.timeline_of(grace.meta.id, 5).unwrap()[0];
    assert_eq!(connected.summary, "Connected on LinkedIn");
    assert_eq!(connected.occurred_at.to_text(), "2022-02-07T11:00:00.000Z");
    assert_eq!(
        db.contact_named("Alan Turing").unwrap().organization_id,
        None
    );
}

#[test]
fn importing_twice_changes_nothing_and_a_newer_export_updates() {
    let db = TempStore::new();
    import_linkedin(&db, CONNECTIONS, options()).unwrap();
    let again = import_linkedin(&db, CONNECTIONS, options()).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(db.count::<Contact>().unwrap(), 3);
    // Ada moved; Alan's profile URL lost its slash (the same profile).
    let newer = CONNECTIONS
        .replace("\"Engines, Ltd\",Analyst", "Difference Co,Chief Analyst")
        .replace("alan-turing/", "alan-turing");
    let report = import_linkedin(&db, &newer, options()).unwrap();
    assert_eq!((report.added, report.updated, report.unchanged), (0, 1, 2));
    let ada = db.contact_named("Ada Lovelace").unwrap();
    assert_eq!(ada.title, "Chief Analyst");
    let moved = &db.timeline_of(ada.meta.id, 5).unwrap()[0];
    assert_eq!(moved.summary, "Moved to Difference Co as Chief Analyst");
    assert_live_counts_true(&db);
}

/// An import sets the count triggers aside and recounts: the counts must come out as the
/// triggers would have kept them, and the triggers must be back.
fn assert_live_counts_true(db: &Store) {
    for (name, stored, actual) in db.live_counts_check().unwrap() {
        assert_eq!(stored, actual, "live count {name}");
    }
    let triggers: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_count_*'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 6, "the count triggers are back");
    let before = db.contacts_total().unwrap();
    db.add_contact(
        &rolo::store::NewContact {
            name: "After the import".into(),
            ..Default::default()
        },
        clock().timestamp(),
    )
    .unwrap();
    assert_eq!(
        db.contacts_total().unwrap(),
        before + 1,
        "and they count again"
    );
}

#[test]
fn one_bad_row_imports_nothing_and_every_problem_has_its_line() {
    let db = TempStore::new();
    let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                Ada,Lovelace,u1,ada@x.example,,,\n\
                Bad,Email,u2,not-an-email,,,\n\
                ,,,,,,\n\
                No,Date,u3,,,,the 5th\n\
                Short,Row\n";
    let Err(ImportError::Invalid(errors)) = import_linkedin(&db, text, options()) else {
        panic!("refused")
    };
    let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 5, 6], "{errors:?}");
    assert!(errors[0].message.contains("not an email"));
    assert!(errors[1].message.contains("not a date"));
    assert!(errors[2].message.contains("fields where the header has"));
    assert_eq!(db.count::<Contact>().unwrap(), 0, "nothing half-imported");
    let skipping = ImportOptions {
        skip_invalid: true,
        ..options()
    };
    let report = import_linkedin(&db, text, skipping).unwrap();
    assert_eq!((report.added, report.skipped.len()), (1, 3));
}

#[test]
fn a_dry_run_writes_nothing() {
    let db = TempStore::new();
    let report = import_linkedin(
        &db,
        CONNECTIONS,
        ImportOptions {
            dry_run: true,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(report.added, 3);
    assert_eq!(db.count::<Contact>().unwrap(), 0);
    assert_eq!(db.count::<Organization>().unwrap(), 0);
}

#[test]
fn hostile_text_is_cleaned_and_bad_bytes_are_row_errors() {
    let db = TempStore::new();
    let mut bytes = b"name,email\nEvil\x1b[31m Name\x07,\nBroken,".to_vec();
    bytes.extend_from_slice(b"\xff\xfe@x.example\n");
    let rows = csv_import::parse(&bytes, &[]).unwrap().rows;
    let Err(ImportError::Invalid(errors)) = import(&db, rows.clone(), options(), "CSV", &clock())
    else {
        panic!()
    };
    assert_eq!(errors[0].line, 3);
    assert!(errors[0].message.contains("UTF-8"));
    import(
        &db,
        rows,
        ImportOptions {
            skip_invalid: true,
            ..options()
        },
        "CSV",
        &clock(),
    )
    .unwrap();
    assert!(db.contact_named("Evil Name").is_ok());
}

#[test]
fn a_generic_csv_is_mapped_by_its_header_or_by_hand() {
    let text = "Given Name,Surname,Employer,E-mail,Mobile,Remarks\nAda,Lovelace,Engines,ada@e.example,+44 1,met at a talk\n";
    let parsed = csv_import::parse(text.as_bytes(), &[]).unwrap();
    let (map, header, rows) = (parsed.mapping, parsed.header, parsed.rows);
    let fields: Vec<&str> = map.iter().map(|(_, f)| *f).collect();
    assert_eq!(
        fields,
        ["first_name", "last_name", "organization", "email", "phone"]
    );
    assert_eq!(header.len(), 6);
    let row = rows[0].clone().unwrap();
    assert_eq!(
        (row.name.as_str(), row.organization.as_str()),
        ("Ada Lovelace", "Engines")
    );
    let mapped = [("Remarks".to_string(), "notes".to_string())];
    let rows = csv_import::parse(text.as_bytes(), &mapped).unwrap().rows;
    assert_eq!(rows[0].clone().unwrap().notes, "met at a talk");
    assert!(
        csv_import::parse(b"Colour,Size\nred,9\n", &[])
            .unwrap_err()
            .contains("--map")
    );
    assert!(csv_import::parse(text.as_bytes(), &[("Nope".into(), "name".into())]).is_err());
}

#[test]
fn json_round_trips_and_merges_without_duplicates() {
    let source = TempStore::new();
    rolo::demo::fill(&source.store, 40, &clock()).unwrap();
    let grace = source.contact_named("Aiko Kowalski").unwrap();
    source
        .trash(
            rolo::domain::RecordRef::new(rolo::domain::Deletable::Contact, grace.meta.id),
            clock().timestamp(),
        )
        .unwrap();
    let exported = json::export(&source).unwrap();
    let mut streamed = Vec::new();
    json::write(&source, &mut streamed).unwrap();
    let whole = serde_json::to_string(&exported).unwrap() + "\n";
    assert!(
        streamed == whole.as_bytes(),
        "the streamed export is the same text"
    );
    let target = TempStore::new();
    let first = json::merge(&target, &exported, false).unwrap();
    assert!(first.added > 0);
    let second = json::merge(&target, &exported, false).unwrap();
    assert_eq!(
        (second.added, second.updated),
        (0, 0),
        "importing twice changes nothing"
    );
    assert_eq!(
        json::export(&target).unwrap(),
        exported,
        "export → import → export is the same data"
    );
    // A later change wins; an older one does not.
    let mut changed = exported.clone();
    changed.contacts[0].title = "Changed later".into();
    changed.contacts[0].meta.updated_at = clock().timestamp().plus(chrono::Duration::hours(1));
    changed.contacts[1].title = "Changed earlier".into();
    changed.contacts[1].meta.updated_at = clock().timestamp().minus(chrono::Duration::days(3000));
    let report = json::merge(&target, &changed, false).unwrap();
    assert_eq!(report.updated, 1);
    let first_contact: Contact = target.get(changed.contacts[0].meta.id).unwrap();
    assert_eq!(first_contact.title, "Changed later");
    assert_eq!(
        target.contacts_total().unwrap(),
        source.contacts_total().unwrap(),
        "counts follow the merge"
    );
    assert_live_counts_true(&target);
    assert!(json::parse(b"{\"format\":\"other\"}").is_err());
    assert!(json::parse(b"[1,2").unwrap_err().contains("line 1"));
}

#[test]
fn csv_export_guards_formulas() {
    assert_eq!(csv_export::guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(csv_export::guard("+1 555"), "'+1 555");
    assert_eq!(csv_export::guard("@sum"), "'@sum");
    assert_eq!(csv_export::guard("Ada"), "Ada");
    let db = TempStore::new();
    db.add_contact(
        &rolo::store::NewContact {
            name: "=cmd|' /C calc'!A0".into(),
            ..Default::default()
        },
        clock().timestamp(),
    )
    .unwrap();
    let mut bytes = Vec::new();
    csv_export::export(&db, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("'=cmd|' /C calc'!A0"), "{text}");
}

#[test]
fn the_command_line_imports_and_exports_privately() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rolo.db");
    let file = dir.path().join("Connections.csv");
    std::fs::write(&file, CONNECTIONS).unwrap();
    rolo(&db)
        .args(["import", "linkedin"])
        .arg(&file)
        .arg("--dry-run")
        .assert()
        .success()
        .stdout(contains("would add 3"));
    rolo(&db)
        .args(["import", "linkedin"])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("added 3"));
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,u,bad,,,\n",
    )
    .unwrap();
    rolo(&db)
        .args(["import", "linkedin"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(
            contains("line 2: \"bad\" is not an email address")
                .and(contains("nothing was imported")),
        );
    for (format, marker) in [
        ("json", "\"format\":\"rolo\""),
        ("csv", "name,title"),
        ("ics", "BEGIN:VCALENDAR"),
    ] {
        let out = dir.path().join(format!("out.{format}"));
        rolo(&db)
            .args(["export", format, "-o"])
            .arg(&out)
            .assert()
            .success();
        assert_eq!(mode_of(&out), 0o600, "{format}");
        assert!(
            std::fs::read_to_string(&out).unwrap().contains(marker),
            "{format}"
        );
    }
    let other = dir.path().join("other.db");
    rolo(&other)
        .args(["import", "json"])
        .arg(dir.path().join("out.json"))
        .assert()
        .success()
        .stdout(contains("added"));
    rolo(&other)
        .args(["import", "json"])
        .arg(dir.path().join("out.json"))
        .assert()
        .success()
        .stdout(contains("added 0, updated 0"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Any bytes: the parsers answer with rows or errors, never a panic.
    #[test]
    fn parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = linkedin::parse(&bytes, &clock());
        let _ = csv_import::parse(&bytes, &[]);
        let _ = json::parse(&bytes);
        let _ = rolo::interop::vcard::parse(&bytes);
    }

    /// CSV-ish text with quotes, commas and line breaks in odd places.
    #[test]
    fn csv_shaped_input_never_panics(text in "[a-z,\"\\n\\r@. ]{0,200}") {
        let with_header = format!("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n{text}");
        let _ = linkedin::parse(with_header.as_bytes(), &clock());
        let _ = csv_import::parse(format!("name,email\n{text}").as_bytes(), &[]);
    }
}
