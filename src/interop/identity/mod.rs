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

mod known;
#[cfg(test)]
mod tests;

pub use known::Known;
