//! Files in the shapes real programs write, each checked field by field: LinkedIn's current
//! and older exports (with the blank rows it writes for members who hide their profile), and
//! the CSVs of Google Contacts, Outlook and Thunderbird; rolo's own CSV export reads back
//! whole. The fixtures are written here, in those programs' shapes.

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

fn import(db: &TempStore, format: &str, name: &str, text: &str) -> assert_cmd::assert::Assert {
    let file = db.dir.path().join(name);
    std::fs::write(&file, text).unwrap();
    rolo(&db.path())
        .args(["import", format])
        .arg(&file)
        .assert()
}

fn contact(db: &TempStore, name: &str) -> Contact {
    db.contact_named(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn linkedin_blank_rows_are_left_out_and_counted() {
    let db = TempStore::new();
    import(
        &db,
        "linkedin",
        "Connections.csv",
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n\
         First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines Ltd,Analyst,08 Jan 2024\n\
         ,,,,,,08 Jan 2024\n\
         Grace,Hopper,https://www.linkedin.com/in/grace,grace@navy.example,US Navy,Rear Admiral,12 Mar 2023\n\
         ,,,,,,\n",
    )
    .success()
    .stdout(contains("added 2"))
    .stdout(contains("2 blank rows left out"));
    assert_eq!(db.count::<Contact>().unwrap(), 2);
    assert_eq!(contact(&db, "Grace Hopper").email, "grace@navy.example");
}

#[test]
fn the_older_linkedin_layout_is_read() {
    let db = TempStore::new();
    import(
        &db,
        "linkedin",
        "Connections.csv",
        "First Name,Last Name,Email Address,Company,Position,Connected On\r\n\
         Ada,Lovelace,ada@engines.example,Engines Ltd,Analyst,\"1/8/18, 6:14 PM\"\r\n\
         Alan,Turing,,Bletchley Park,Cryptanalyst,\"12/24/17, 9:02 AM\"\r\n",
    )
    .success()
    .stdout(contains("added 2"));
    let ada = contact(&db, "Ada Lovelace");
    assert_eq!(ada.email, "ada@engines.example");
    assert_eq!(ada.title, "Analyst");
    let timeline = db.conn().query_row(
        "SELECT occurred_at FROM interactions WHERE contact_id = ? AND summary LIKE 'Connected%'",
        [ada.meta.id],
        |r| r.get::<_, String>(0),
    );
    assert!(
        timeline.unwrap().starts_with("2018-01-08"),
        "the connection date is kept"
    );
}

#[test]
fn google_outlook_and_thunderbird_csvs_keep_their_emails() {
    let db = TempStore::new();
    import(
        &db,
        "csv",
        "google.csv",
        "Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n\
         Ada Lovelace,Ada,Lovelace,* myContacts ::: Mentors,* Work,ada@engines.example,Mobile,+44 20 7946 0000,Engines Ltd,Analyst\n",
    )
    .success()
    .stderr(contains("E-mail 1 - Value → email"));
    let ada = contact(&db, "Ada Lovelace");
    assert_eq!(
        (ada.email.as_str(), ada.phone.as_str(), ada.title.as_str()),
        ("ada@engines.example", "+44 20 7946 0000", "Analyst")
    );
    import(
        &db,
        "csv",
        "outlook.csv",
        "First Name,Middle Name,Last Name,Company,Job Title,Business Phone,Mobile Phone,E-mail Address,Notes\n\
         Grace,,Hopper,US Navy,Rear Admiral,,+1 555 0100,grace@navy.example,Met at the museum\n",
    )
    .success();
    let grace = contact(&db, "Grace Hopper");
    assert_eq!(
        (
            grace.email.as_str(),
            grace.phone.as_str(),
            grace.notes.as_str()
        ),
        ("grace@navy.example", "+1 555 0100", "Met at the museum")
    );
    import(
        &db,
        "csv",
        "thunderbird.csv",
        "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Work Phone,Mobile Number,Job Title,Organization\n\
         Alan,Turing,Alan Turing,,alan@bletchley.example,,01908 640404,,Cryptanalyst,Bletchley Park\n",
    )
    .success();
    let alan = contact(&db, "Alan Turing");
    assert_eq!(
        (alan.email.as_str(), alan.phone.as_str()),
        ("alan@bletchley.example", "01908 640404")
    );
}

/// rolo's CSV export, read back into an empty database: every field, tags and a phone that
/// the spreadsheet guard marked included.
#[test]
fn rolos_own_csv_reads_back_whole() {
    let db = TempStore::new();
    let now = support::clock().timestamp();
    let mut ada = Contact::named("Ada Lovelace", now);
    ada.title = "Analyst".into();
    ada.email = "ada@engines.example".into();
    ada.phone = "+44 20 7946 0000".into();
    ada.linkedin = "https://www.linkedin.com/in/ada".into();
    ada.location = "London".into();
    ada.how_met = "A talk on engines".into();
    ada.notes = "Two lines\nof notes, with a comma".into();
    db.insert(&ada).unwrap();
    db.write(|tx| {
        rolo::store::tag_contact(tx, ada.meta.id, "mentor", now)?;
        rolo::store::tag_contact(tx, ada.meta.id, "engines", now)
    })
    .unwrap();
    let file = db.dir.path().join("out.csv");
    rolo(&db.path())
        .args(["export", "csv", "-o"])
        .arg(&file)
        .assert()
        .success();
    let fresh = TempStore::new();
    rolo(&fresh.path())
        .args(["import", "csv"])
        .arg(&file)
        .assert()
        .success();
    let back = contact(&fresh, "Ada Lovelace");
    for (field, got, want) in [
        ("title", &back.title, &ada.title),
        ("email", &back.email, &ada.email),
        ("phone", &back.phone, &ada.phone),
        ("linkedin", &back.linkedin, &ada.linkedin),
        ("location", &back.location, &ada.location),
        ("how met", &back.how_met, &ada.how_met),
        ("notes", &back.notes, &ada.notes),
    ] {
        assert_eq!(got, want, "{field}");
    }
    let mut tags = fresh.tags_of(back.meta.id).unwrap();
    tags.sort();
    assert_eq!(tags, ["engines", "mentor"]);
}

/// A rejected row is reported at its true line whether the file ends lines with LF or CRLF,
/// after a LinkedIn preamble too.
#[test]
fn rejected_rows_name_their_true_line_with_lf_or_crlf() {
    for end in ["\n", "\r\n"] {
        let db = TempStore::new();
        let csv = ["Name,E-mail 1 - Value", "Ada,ada@x.example", "Bad,bad@@"].join(end) + end;
        import(&db, "csv", "people.csv", &csv)
            .failure()
            .stderr(contains("line 3: \"bad@@\" is not an email address"));
        let linkedin = [
            "Notes:",
            "\"Some emails are missing.\"",
            "",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,08 Jan 2024",
            "Bad,Date,https://www.linkedin.com/in/bad,,Engines,Analyst,99 Foo 2022",
        ]
        .join(end);
        import(&db, "linkedin", "Connections.csv", &linkedin)
            .failure()
            .stderr(contains("line 6: \"99 Foo 2022\" is not a date"));
    }
}

/// Google's several values in one cell (`a ::: b`) and its groups; Outlook's honorific
/// "Title" beside "Job Title", and its middle names. Nothing the row held is lost.
#[test]
fn google_and_outlook_in_their_real_shapes() {
    let db = TempStore::new();
    import(
        &db,
        "csv",
        "google.csv",
        "Name,Given Name,Family Name,Nickname,Group Membership,E-mail 1 - Value,E-mail 2 - Value,Website 1 - Value\n\
         ,Tom,Nguyen,Tommy,* myContacts ::: Mentors ::: Data,tom@work.example ::: tom@home.example,tom@old.example,https://www.linkedin.com/in/tomn\n",
    )
    .success();
    let tom = contact(&db, "Tom Nguyen");
    assert_eq!(tom.email, "tom@work.example");
    assert_eq!(tom.linkedin, "https://www.linkedin.com/in/tomn");
    assert!(tom.notes.contains("tom@home.example"), "{:?}", tom.notes);
    assert!(tom.notes.contains("tom@old.example"), "{:?}", tom.notes);
    let mut tags = db.tags_of(tom.meta.id).unwrap();
    tags.sort();
    assert_eq!(tags, ["Data", "Mentors"]);
    import(
        &db,
        "csv",
        "outlook.csv",
        "Title,First Name,Middle Name,Last Name,Company,Job Title,E-mail Address\n\
         Dr.,Laura,J.,Kim,Helix Labs,Program Manager,laura@helix.example\n",
    )
    .success();
    let laura = contact(&db, "Laura J. Kim");
    assert_eq!(laura.title, "Program Manager");
}

/// Each contact as every export carries it: its fields, organisation, tags and referrer by name.
fn everyone(db: &rolo::store::Store) -> Vec<Vec<String>> {
    use rolo::domain::Organization;
    let contacts = db.all::<Contact>(false).unwrap();
    let name_of = |id: Option<rolo::domain::Id>| {
        id.and_then(|id| contacts.iter().find(|c| c.meta.id == id))
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let mut rows: Vec<Vec<String>> = contacts
        .iter()
        .map(|c| {
            let org = c
                .organization_id
                .map(|o| db.get::<Organization>(o).unwrap().name)
                .unwrap_or_default();
            let mut tags = db.tags_of(c.meta.id).unwrap();
            tags.sort();
            vec![
                c.name.clone(),
                c.title.clone(),
                org,
                c.email.clone(),
                c.phone.clone(),
                c.linkedin.clone(),
                c.location.clone(),
                c.how_met.clone(),
                c.notes.clone(),
                tags.join("|"),
                name_of(c.referred_by),
            ]
        })
        .collect();
    rows.sort();
    rows
}

/// The demo's people (referrals, tags, notes over lines, every field) exported as JSON, CSV and
/// vCard, each read back into an empty database: the same people, field for field.
#[test]
fn every_export_reads_back_whole_into_an_empty_database() {
    let source = TempStore::new();
    rolo(&source.path()).arg("demo").assert().success();
    let expected = everyone(&source);
    assert!(
        expected.iter().any(|c| !c[10].is_empty()),
        "some were referred"
    );
    for (format, file) in [
        ("json", "all.json"),
        ("csv", "all.csv"),
        ("vcard", "all.vcf"),
    ] {
        let file = source.dir.path().join(file);
        rolo(&source.path())
            .args(["export", format, "-o"])
            .arg(&file)
            .assert()
            .success();
        let fresh = TempStore::new();
        rolo(&fresh.path())
            .args(["import", format])
            .arg(&file)
            .assert()
            .success();
        let back = everyone(&fresh);
        assert_eq!(back.len(), expected.len(), "{format}");
        for (got, want) in back.iter().zip(&expected) {
            assert_eq!(got, want, "{format}");
        }
    }
}
