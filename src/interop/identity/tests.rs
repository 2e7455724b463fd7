//! The identity rules, case by case.

use super::*;

fn keys(profile: &str, email: &str, name: &str, org: &str) -> Keys {
    Keys::of(profile, email, name, org)
}

#[test]
fn different_profiles_are_different_people_whatever_their_names() {
    let mut known = Known::default();
    let ada = Id::new();
    known.remember(
        ada,
        keys("linkedin.com/in/ada-1", "", "Ada Lovelace", "Engines"),
    );
    assert_eq!(
        known.identify(&keys(
            "linkedin.com/in/ada-2",
            "",
            "Ada Lovelace",
            "Engines"
        )),
        Identity::New { looks_like: None }
    );
    assert_eq!(
        known.identify(&keys("", "", "Ada Lovelace", "Engines")),
        Identity::New {
            looks_like: Some((ada, "the same name and organisation"))
        }
    );
    assert_eq!(
        known.identify(&keys("https://www.linkedin.com/in/Ada-1/", "", "A. L.", "")),
        Identity::Known(ada)
    );
}

#[test]
fn a_shared_email_with_another_name_is_another_person() {
    let mut known = Known::default();
    let ada = Id::new();
    known.remember(ada, keys("", "family@home.example", "Ada Lovelace", ""));
    assert!(matches!(
        known.identify(&keys("", "family@home.example", "Byron Lovelace", "")),
        Identity::New { looks_like: Some((id, "the same email")) } if id == ada
    ));
    assert_eq!(
        known.identify(&keys("", "FAMILY@home.example", "ada lovelace", "")),
        Identity::Known(ada)
    );
    assert_eq!(
        known.identify(&keys("", "family@home.example", "", "")),
        Identity::Known(ada)
    );
}

#[test]
fn name_and_organisation_recognise_one_unclaimed_contact_without_keys() {
    let mut known = Known::default();
    let (a, b) = (Id::new(), Id::new());
    known.remember(a, keys("", "", "Sam Lee", "Acme").with_phone("111"));
    assert_eq!(
        known.identify(&keys("", "", "Sam Lee", "Acme")),
        Identity::Known(a)
    );
    // Given to a row of this import: another row of the same file is someone else.
    known.claim(a);
    assert!(matches!(
        known.identify(&keys("", "", "Sam Lee", "Acme")),
        Identity::New {
            looks_like: Some(_)
        }
    ));
    // The next import: each row finds its own, by phone where they differ.
    let mut next = Known::default();
    next.remember(a, keys("", "", "Sam Lee", "Acme").with_phone("111"));
    next.remember(b, keys("", "", "Sam Lee", "Acme").with_phone("+1 555 0100"));
    assert_eq!(
        next.identify(&keys("", "", "Sam Lee", "Acme").with_phone("+1 (555) 0100")),
        Identity::Known(b)
    );
    // With a profile address or an email, a row is never taken for a keyless namesake.
    assert!(matches!(
        next.identify(&keys("", "sam@acme.example", "Sam Lee", "Acme")),
        Identity::New { .. }
    ));
}

#[test]
fn several_namesakes_are_told_apart_by_title_or_not_at_all() {
    let mut known = Known::default();
    let (dev, qa) = (Id::new(), Id::new());
    let john = |title: &str| keys("", "", "John Doe", "Acme").with_title(title);
    known.remember(dev, john("Dev"));
    known.remember(qa, john("QA"));
    // Neither is a CTO: which one the row means is not known, so it is someone new.
    assert_eq!(
        known.identify(&john("CTO")),
        Identity::New {
            looks_like: Some((dev, "the same name and organisation"))
        }
    );
    assert_eq!(known.identify(&john("qa")), Identity::Known(qa));
    // A phone neither has, or nothing at all: someone new too.
    let new = |known: &Known, row: &Keys| matches!(known.identify(row), Identity::New { .. });
    assert!(new(
        &known,
        &keys("", "", "John Doe", "Acme").with_phone("+1 555 0199")
    ));
    assert!(new(&known, &keys("", "", "John Doe", "Acme")));
    // Once added, the same row finds the contact it made, whatever its namesakes.
    let nothing = Id::new();
    known.remember(nothing, keys("", "", "John Doe", "Acme"));
    assert_eq!(
        known.identify(&keys("", "", "John Doe", "Acme")),
        Identity::Known(nothing)
    );
    // Two alike in all the row says (one person listed twice): either is them.
    let mut twice = Known::default();
    let (a, b) = (Id::new(), Id::new());
    twice.remember(a, keys("", "", "Sam Lee", "Beta"));
    twice.remember(b, keys("", "", "Sam Lee", "Beta"));
    assert_eq!(
        twice.identify(&keys("", "", "Sam Lee", "Beta")),
        Identity::Known(a)
    );
    twice.claim(a);
    assert_eq!(
        twice.identify(&keys("", "", "Sam Lee", "Beta")),
        Identity::Known(b)
    );
}

#[test]
fn a_profiles_pages_and_doubled_spaces_are_the_same_person() {
    assert_eq!(
        profile_key("https://www.linkedin.com/in/zed/details/experience/"),
        profile_key("linkedin.com/in/zed")
    );
    assert_eq!(
        profile_key("https://linkedin.com/in/zed?trk=x"),
        "linkedin.com/in/zed"
    );
    assert_eq!(
        profile_key("linkedin.com/mwlite/in/zed"),
        "linkedin.com/in/zed"
    );
    assert_eq!(
        profile_key("https://www.linkedin.com/in/eve%2Dell%2D12345/"),
        profile_key("linkedin.com/in/eve-ell-12345")
    );
    assert_eq!(
        profile_key("linkedin.com/in/Jos%C3%A9"),
        "linkedin.com/in/josé"
    );
    // Not a profile: kept as written.
    assert_eq!(
        profile_key("https://www.linkedin.com/company/acme/"),
        "linkedin.com/company/acme"
    );
    assert_eq!(
        keys("", "", "Dan  Dee", " Acme\tInc "),
        keys("", "", "Dan Dee", "Acme Inc")
    );
    assert_ne!(keys("", "", "Dan Dee", ""), keys("", "", "DanDee", ""));
}
