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

use hashbrown::HashTable;

use super::fingerprint::{Print, Prints};
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
    // On LinkedIn, a profile is its id after /in/, however it is reached: a page of it
    // (…/in/ada/details/experience/), the mobile site (linkedin.com/mwlite/in/ada), or its id
    // percent-encoded as browsers copy it (/in/jos%C3%A9 is /in/josé).
    if let Some(path) = rest.strip_prefix("linkedin.com/")
        && let Some(at) = path
            .find("in/")
            .filter(|at| *at == 0 || path[..*at].ends_with('/'))
    {
        let id = path[at + "in/".len()..]
            .split('/')
            .next()
            .unwrap_or_default();
        if !id.is_empty() {
            let id = percent_encoding::percent_decode_str(id).decode_utf8_lossy();
            return format!("linkedin.com/in/{}", id.to_lowercase());
        }
    }
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
    /// The phone, digits and a leading + only, and the title, lowercased: what tells two
    /// keyless namesakes apart.
    phone: Option<String>,
    title: Option<String>,
}

impl Keys {
    pub fn of(linkedin: &str, email: &str, name: &str, organization: &str) -> Keys {
        // "Dan  Dee" is "Dan Dee": spaces typed twice tell no one apart.
        let (name, organization) = (squeezed(name), squeezed(organization));
        let (name, organization) = (name.as_ref(), organization.as_ref());
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
            title: None,
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

    /// The same keys with a job title (compared in any case).
    pub fn with_title(mut self, title: &str) -> Keys {
        let title = title.trim();
        self.title = (!title.is_empty()).then(|| title.to_lowercase());
        self
    }

    /// The name, lowercased.
    pub fn name(&self) -> &str {
        &self.name_and_org[..self.name_len]
    }
}

/// `text` trimmed, each run of whitespace inside it one space (a copy only when needed).
fn squeezed(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.trim();
    let mut previous_space = false;
    let runs = text.chars().any(|c| {
        let run = c.is_whitespace() && (previous_space || c != ' ');
        previous_space = c.is_whitespace();
        run
    });
    if runs {
        text.split_whitespace().collect::<Vec<_>>().join(" ").into()
    } else {
        text.into()
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

/// A profile address, and the contact holding it (their place in `Known::ids`).
#[derive(Debug, Clone, Copy)]
struct ProfileHolder {
    profile: Print,
    contact: u32,
}

/// An email and one contact holding it, with what tells a shared email's holders apart. An
/// email held by two contacts (a family's, a team's) is in the table twice.
#[derive(Debug, Clone, Copy)]
struct EmailHolder {
    email: Print,
    contact: u32,
    /// Their lowercased name's short print.
    name: u64,
    has_profile: bool,
}

/// A name and organisation, and one contact with them.
#[derive(Debug, Clone, Copy)]
struct Namesake {
    name_and_org: Print,
    contact: u32,
    /// The short prints of their phone's digits and of their title: what tells keyless
    /// namesakes apart.
    phone: u64,
    title: u64,
    /// Whether they hold a profile address or an email (then a row without either is never
    /// taken for them).
    keyed: bool,
    has_profile: bool,
}

/// Every contact, by each key a row can be recognised by, as fingerprints (see
/// `fingerprint`): about 140 bytes a contact, whatever the length of their names.
#[derive(Default)]
pub struct Known {
    prints: Prints,
    /// Each contact remembered, in the order they were first: the tables hold places here.
    /// The earliest of several candidates is the one named in a report.
    ids: Vec<Id>,
    /// Whether this import has already given the contact to a row: a second row of the same
    /// file is never taken for them by name alone, since one file does not list one person
    /// twice without a profile address or email to say so.
    claimed: Vec<bool>,
    by_id: HashTable<u32>,
    by_profile: HashTable<ProfileHolder>,
    by_email: HashTable<EmailHolder>,
    by_name_and_org: HashTable<Namesake>,
}

impl Known {
    /// Room for `contacts` contacts, so that remembering what is stored grows nothing.
    pub fn with_capacity(contacts: usize) -> Known {
        Known {
            ids: Vec::with_capacity(contacts),
            claimed: Vec::with_capacity(contacts),
            by_id: HashTable::with_capacity(contacts),
            by_profile: HashTable::with_capacity(contacts),
            by_email: HashTable::with_capacity(contacts),
            by_name_and_org: HashTable::with_capacity(contacts),
            ..Known::default()
        }
    }

    /// The place of contact `id`, given one if they are new.
    fn place_of(&mut self, id: Id) -> u32 {
        let Known {
            prints,
            ids,
            claimed,
            by_id,
            ..
        } = self;
        let hash = prints.hash_of(id);
        if let Some(at) = by_id.find(hash, |at| ids[*at as usize] == id) {
            return *at;
        }
        // Four billion contacts would need 64 GB for their ids alone: never reached.
        let at = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        ids.push(id);
        claimed.push(false);
        by_id.insert_unique(hash, at, |at| prints.hash_of(ids[*at as usize]));
        at
    }

    /// Adds (or brings up to date) what is known of contact `id`. A profile address already
    /// held by another contact stays theirs.
    pub fn remember(&mut self, id: Id, keys: Keys) {
        let contact = self.place_of(id);
        let has_profile = match &keys.profile {
            Some(profile) => {
                let profile = self.prints.of(profile);
                match self
                    .by_profile
                    .find(profile.hash(), |h| h.profile == profile)
                {
                    Some(holder) => holder.contact == contact,
                    None => {
                        let holder = ProfileHolder { profile, contact };
                        self.by_profile
                            .insert_unique(profile.hash(), holder, |h| h.profile.hash());
                        true
                    }
                }
            }
            None => false,
        };
        if let Some(email) = &keys.email {
            let email = self.prints.of(email);
            let held = self
                .by_email
                .iter_hash(email.hash())
                .any(|h| h.email == email && h.contact == contact);
            if !held {
                let holder = EmailHolder {
                    email,
                    contact,
                    name: self.prints.short(keys.name()),
                    has_profile,
                };
                self.by_email
                    .insert_unique(email.hash(), holder, |h| h.email.hash());
            }
        }
        let keyed = has_profile || keys.email.is_some();
        let name_and_org = self.prints.of(&keys.name_and_org);
        let phone = self.prints.short(keys.phone.as_deref().unwrap_or(""));
        let title = self.prints.short(keys.title.as_deref().unwrap_or(""));
        match self.by_name_and_org.find_mut(name_and_org.hash(), |n| {
            n.name_and_org == name_and_org && n.contact == contact
        }) {
            Some(namesake) if keyed => namesake.keyed = true,
            // Keyless again: what tells them apart is their phone now.
            Some(namesake) if namesake.keyed => {
                namesake.keyed = false;
                namesake.phone = phone;
                namesake.title = title;
            }
            Some(_) => {}
            None => {
                let namesake = Namesake {
                    name_and_org,
                    contact,
                    phone,
                    title,
                    keyed,
                    has_profile,
                };
                self.by_name_and_org
                    .insert_unique(name_and_org.hash(), namesake, |n| n.name_and_org.hash());
            }
        }
    }

    /// Marks `id` as given to a row of this import.
    pub fn claim(&mut self, id: Id) {
        let at = self.place_of(id);
        self.claimed[at as usize] = true;
    }

    /// The place of `id`, if remembered.
    fn find_place(&self, id: Id) -> Option<u32> {
        self.by_id
            .find(self.prints.hash_of(id), |at| self.ids[*at as usize] == id)
            .copied()
    }

    /// The holders of `email`.
    fn holders_of(&self, email: &str) -> impl Iterator<Item = &EmailHolder> + Clone {
        let email = self.prints.of(email);
        self.by_email
            .iter_hash(email.hash())
            .filter(move |h| h.email == email)
    }

    /// Whether `email` belongs to contacts of which `id` is not one.
    pub fn email_taken_by_other(&self, email: &str, id: Id) -> bool {
        let mut holders = self.holders_of(email).peekable();
        let at = self.find_place(id);
        holders.peek().is_some() && !holders.any(|h| Some(h.contact) == at)
    }

    /// Whether `profile` belongs to a contact other than `id`.
    pub fn profile_taken_by_other(&self, profile: &str, id: Id) -> bool {
        self.profile_holder(profile)
            .is_some_and(|holder| self.ids[holder as usize] != id)
    }

    fn profile_holder(&self, profile: &str) -> Option<u32> {
        let profile = self.prints.of(profile);
        self.by_profile
            .find(profile.hash(), |h| h.profile == profile)
            .map(|h| h.contact)
    }

    pub fn identify(&self, keys: &Keys) -> Identity {
        let id = |at: u32| self.ids[at as usize];
        if let Some(holder) = keys.profile.as_ref().and_then(|p| self.profile_holder(p)) {
            return Identity::Known(id(holder));
        }
        if let Some(email) = keys.email.as_deref() {
            // The earliest remembered of those who fit (and of all, for the report).
            let holders = self.holders_of(email);
            if let Some(first) = holders.clone().min_by_key(|h| h.contact) {
                let agree = NameAgreement::new(&self.prints, keys.name(), email);
                let same = holders
                    .filter(|holder| {
                        let other_profile = keys.profile.is_some() && holder.has_profile;
                        !other_profile && agree.with(holder.name)
                    })
                    .min_by_key(|h| h.contact);
                return match same {
                    Some(holder) => Identity::Known(id(holder.contact)),
                    None => Identity::New {
                        looks_like: Some((id(first.contact), "the same email")),
                    },
                };
            }
        }
        let name_and_org = self.prints.of(&keys.name_and_org);
        let namesakes = self
            .by_name_and_org
            .iter_hash(name_and_org.hash())
            .filter(|n| n.name_and_org == name_and_org);
        let Some(first) = namesakes.clone().min_by_key(|n| n.contact).copied() else {
            return Identity::New { looks_like: None };
        };
        if keys.profile.is_none() && keys.email.is_none() {
            // Those a keyless row may be, earliest first.
            let mut free: Vec<&Namesake> = namesakes
                .filter(|n| !n.keyed && !self.claimed[n.contact as usize])
                .collect();
            free.sort_unstable_by_key(|n| n.contact);
            let none = self.prints.short("");
            let phone = self.prints.short(keys.phone.as_deref().unwrap_or(""));
            let title = self.prints.short(keys.title.as_deref().unwrap_or(""));
            let agree = |known: u64, row: u64| known == none || row == none || known == row;
            let same = |known: u64, row: u64| row != none && known == row;
            // The one with the row's phone; else the only one there is; else one alike in all
            // the row says (the contact an earlier import of this row made, or one of several
            // alike); else the only one the row's title or phone points to, with nothing
            // against it. Otherwise it is not known who the row is: it is someone new, and the
            // namesake is named for the user to merge.
            let found = free
                .iter()
                .find(|n| same(n.phone, phone))
                .or_else(|| match free.as_slice() {
                    [only] => Some(only),
                    _ => free.iter().find(|n| n.phone == phone && n.title == title),
                })
                .or_else(|| {
                    let mut pointed = free.iter().filter(|n| {
                        (same(n.phone, phone) || same(n.title, title))
                            && agree(n.phone, phone)
                            && agree(n.title, title)
                    });
                    let first = pointed.next()?;
                    pointed.next().is_none().then_some(first)
                });
            if let Some(namesake) = found {
                return Identity::Known(id(namesake.contact));
            }
        }
        // Two different profile addresses are two people: not worth a word. Otherwise the
        // namesake may be this person, entered another way.
        let looks_like = (keys.profile.is_none() || !first.has_profile)
            .then_some((id(first.contact), "the same name and organisation"));
        Identity::New { looks_like }
    }
}

/// Whether a holder's name and a row's may be one person's: the same, or one of them missing
/// or only the email.
struct NameAgreement {
    row: u64,
    row_stands_in: bool,
    none: u64,
    email: u64,
}

impl NameAgreement {
    fn new(prints: &Prints, row: &str, email: &str) -> NameAgreement {
        NameAgreement {
            row: prints.short(row),
            row_stands_in: row.is_empty() || row == email,
            none: prints.short(""),
            email: prints.short(email),
        }
    }

    fn with(&self, known: u64) -> bool {
        known == self.row || known == self.none || known == self.email || self.row_stands_in
    }
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
