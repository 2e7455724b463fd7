//! Every contact an import knows, by each key a row can be recognised by, and the rules of
//! `identity` applied to them: who a row is.

use hashbrown::HashTable;

use super::{Identity, Keys};
use crate::domain::Id;
use crate::interop::fingerprint::{Print, Prints};

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
