//! Who a row is: recognising a person rolo already has without ever taking two people for one.
//!
//! - A LinkedIn profile address identifies a person: rows with different profile addresses are
//!   different people, whatever their names.
//! - An email identifies a person too — unless the names plainly differ (a shared family or
//!   team address), or the contact holding it has another profile address.
//! - Name and organisation are only a guess: they recognise someone only when the row has no
//!   profile address or email, the one contact with that name and organisation has neither
//!   either, and there is exactly one such contact. Otherwise the row is a new contact, and the
//!   contact it looks like is reported, for the user to merge if they are one person.
//!
//! What an import learns (a new person, an email or profile address added to someone) is known
//! to the rest of the same import.

use std::collections::HashMap;

use super::text_map::TextMap;
use crate::domain::Id;

/// A hash map keyed by text we made ourselves: a quicker hash than the default, which guards
/// against keys chosen by an attacker (an import of 30,000 rows hashes each key twice).
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// "https://www.linkedin.com/in/ada/", "linkedin.com/in/Ada", "https://de.linkedin.com/in/ada"
/// and "…/in/ada?trk=abc" are one profile.
pub fn profile_key(url: &str) -> String {
    let lower = url.trim().to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    // A country's own address (de.linkedin.com, uk.linkedin.com) is the same profile.
    let rest = match rest.split_once('.') {
        Some((host, after)) if after.starts_with("linkedin.com") && host.len() <= 3 => after,
        _ => rest,
    };
    rest.trim_end_matches('/').to_string()
}

/// The keys a row (or a stored contact) is recognised by, each normalised once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pub profile: Option<String>,
    pub email: Option<String>,
    /// The name and the organisation, lowercased, in one string ("ada lovelace\u{1f}engines"):
    /// one allocation, and a lookup needs no copy.
    name_and_org: String,
    name_len: usize,
    /// The phone, digits and a leading + only: what tells two keyless namesakes apart.
    phone: Option<String>,
}

impl Keys {
    pub fn of(linkedin: &str, email: &str, name: &str, organization: &str) -> Keys {
        let (name, organization) = (name.trim(), organization.trim());
        let mut name_and_org = String::with_capacity(name.len() + organization.len() + 1);
        push_lowercase(&mut name_and_org, name);
        let name_len = name_and_org.len();
        name_and_org.push('\u{1f}');
        push_lowercase(&mut name_and_org, organization);
        Keys {
            profile: (!linkedin.trim().is_empty()).then(|| profile_key(linkedin)),
            email: (!email.trim().is_empty()).then(|| email.trim().to_lowercase()),
            name_and_org,
            name_len,
            phone: None,
        }
    }

    /// The same keys with a phone number (compared by its digits).
    pub fn with_phone(mut self, phone: &str) -> Keys {
        let digits: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        self.phone = (!digits.is_empty()).then_some(digits);
        self
    }

    /// The name, lowercased.
    pub fn name(&self) -> &str {
        &self.name_and_org[..self.name_len]
    }
}

/// Appends `text` lowercased: in place for ASCII, the common case.
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Who a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// A contact rolo has.
    Known(Id),
    /// Someone new; `looks_like` is a contact that may be the same person, and why.
    New {
        looks_like: Option<(Id, &'static str)>,
    },
}

/// A contact holding an email, with what tells a shared email's holders apart.
#[derive(Debug, Clone)]
struct EmailHolder {
    id: Id,
    /// Their lowercased name.
    name: Box<str>,
    has_profile: bool,
}

/// The contacts holding one email: nearly always one, kept without a list of its own (a
/// list each cost 100,000 allocations of room for four).
#[derive(Debug, Clone)]
enum Holders {
    One(EmailHolder),
    More(Vec<EmailHolder>),
}

impl Holders {
    fn all(&self) -> &[EmailHolder] {
        match self {
            Holders::One(holder) => std::slice::from_ref(holder),
            Holders::More(holders) => holders,
        }
    }

    fn add(&mut self, holder: EmailHolder) {
        match self {
            Holders::One(first) => *self = Holders::More(vec![first.clone(), holder]),
            Holders::More(holders) => holders.push(holder),
        }
    }
}

/// The contacts with one name and organisation: the first (for the report), and those with
/// neither profile address nor email, with their phone (what tells namesakes apart).
#[derive(Debug, Clone, Default)]
struct Namesakes {
    first: Option<(Id, bool)>,
    keyless: Vec<(Id, Box<str>)>,
}

/// Every contact, by each key a row can be recognised by. No map by contact: 30,000 rows
/// would make 30,000 more entries for what these few fields carry.
#[derive(Default)]
pub struct Known {
    by_profile: TextMap<Id>,
    by_email: TextMap<Holders>,
    by_name_and_org: TextMap<Namesakes>,
    /// Contacts this import has already given to a row (found by name, or added): a second
    /// row of the same file is never taken for them by name alone, since one file does not
    /// list one person twice without a profile address or email to say so.
    claimed: std::collections::HashSet<Id, foldhash::fast::RandomState>,
}

impl Known {
    /// Adds (or brings up to date) what is known of contact `id`. A profile address already
    /// held by another contact stays theirs.
    pub fn remember(&mut self, id: Id, keys: Keys) {
        let has_profile = match &keys.profile {
            Some(profile) => {
                let (holder, new) = self.by_profile.get_or_insert_with(profile, || id);
                new || *holder == id
            }
            None => false,
        };
        let has_email = keys.email.is_some();
        if let Some(email) = &keys.email {
            let holder = || EmailHolder {
                id,
                name: keys.name_and_org[..keys.name_len].into(),
                has_profile,
            };
            let (holders, new) = self
                .by_email
                .get_or_insert_with(email, || Holders::One(holder()));
            if !new && !holders.all().iter().any(|h| h.id == id) {
                holders.add(holder());
            }
        }
        let (namesakes, _) = self
            .by_name_and_org
            .get_or_insert_with(&keys.name_and_org, Namesakes::default);
        if namesakes.first.is_none() {
            namesakes.first = Some((id, has_profile));
        }
        let listed = namesakes.keyless.iter().position(|(k, _)| *k == id);
        match (has_profile || has_email, listed) {
            (false, None) => namesakes
                .keyless
                .push((id, keys.phone.unwrap_or_default().into())),
            (true, Some(at)) => {
                namesakes.keyless.remove(at);
            }
            _ => {}
        }
    }

    /// Marks `id` as given to a row of this import.
    pub fn claim(&mut self, id: Id) {
        self.claimed.insert(id);
    }

    /// Whether `email` belongs to contacts of which `id` is not one.
    pub fn email_taken_by_other(&self, email: &str, id: Id) -> bool {
        self.by_email
            .get(email)
            .is_some_and(|holders| !holders.all().iter().any(|h| h.id == id))
    }

    /// Whether `profile` belongs to a contact other than `id`.
    pub fn profile_taken_by_other(&self, profile: &str, id: Id) -> bool {
        self.by_profile
            .get(profile)
            .is_some_and(|holder| *holder != id)
    }

    pub fn identify(&self, keys: &Keys) -> Identity {
        if let Some(id) = keys.profile.as_ref().and_then(|p| self.by_profile.get(p)) {
            return Identity::Known(*id);
        }
        if let Some(holders) = keys.email.as_ref().and_then(|e| self.by_email.get(e)) {
            let holders = holders.all();
            let same = holders.iter().find(|holder| {
                let other_profile = keys.profile.is_some() && holder.has_profile;
                !other_profile && names_agree(&holder.name, keys.name(), keys.email.as_deref())
            });
            return match (same, holders.first()) {
                (Some(holder), _) => Identity::Known(holder.id),
                (None, first) => Identity::New {
                    looks_like: first.map(|h| (h.id, "the same email")),
                },
            };
        }
        let Some(namesakes) = self.by_name_and_org.get(&keys.name_and_org) else {
            return Identity::New { looks_like: None };
        };
        if keys.profile.is_none() && keys.email.is_none() {
            let free: Vec<&(Id, Box<str>)> = namesakes
                .keyless
                .iter()
                .filter(|(id, _)| !self.claimed.contains(id))
                .collect();
            let phone = keys.phone.as_deref().unwrap_or("");
            let agrees = |known: &str| known.is_empty() || phone.is_empty() || known == phone;
            // The one whose phone agrees, or the only one there is.
            let found = free
                .iter()
                .find(|(_, known)| !phone.is_empty() && **known == *phone)
                .or_else(|| match free.as_slice() {
                    [only] => Some(only),
                    _ => free.iter().find(|(_, known)| agrees(known)),
                });
            if let Some((id, _)) = found {
                return Identity::Known(*id);
            }
        }
        // Two different profile addresses are two people: not worth a word. Otherwise the
        // namesake may be this person, entered another way.
        let looks_like = namesakes.first.and_then(|(first, first_has_profile)| {
            (keys.profile.is_none() || !first_has_profile)
                .then_some((first, "the same name and organisation"))
        });
        Identity::New { looks_like }
    }
}

/// Two names that may be one person's: the same, or one of them missing or only the email.
fn names_agree(known: &str, row: &str, email: Option<&str>) -> bool {
    let stands_in = |name: &str| name.is_empty() || Some(name) == email;
    known == row || stands_in(known) || stands_in(row)
}

#[cfg(test)]
mod tests {
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
}
