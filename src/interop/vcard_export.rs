//! Contacts as vCard 3.0 — the version Google, Apple and Outlook all read — either one file
//! of every card or one card per file. Escaped and folded as RFC 2426 asks, so a name with a
//! comma or a note over many lines comes back as it went out.

use std::io::Write;

use crate::domain::Contact;
use crate::store::{Store, StoreError};

/// One contact, ready to be written.
pub struct Card {
    /// A file name for the card alone: the name made safe, and the start of its id.
    pub file_name: String,
    pub text: String,
}

/// Every live contact as a card, in the contacts list's order, one at a time.
pub fn each_card(
    store: &Store,
    mut each: impl FnMut(Card) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    store.each_contact_out(|out| {
        each(Card {
            file_name: file_name(&out.contact),
            text: card(
                &out.contact,
                &out.organization,
                &out.tags,
                out.referrer.as_deref(),
            ),
        })
    })
}

/// Every card in one file, written as it is made.
pub fn export(store: &Store, mut out: impl Write) -> Result<(), StoreError> {
    each_card(store, |card| {
        out.write_all(card.text.as_bytes())
            .map_err(|e| StoreError::io("cannot write the cards".to_string(), e))
    })
}

/// One contact as a card (its organisation's name, its tags and who referred them given).
/// What vCard has no property for — how the user met them, who referred them — goes in
/// rolo's own `X-ROLO-` properties, which other address books keep and ignore, so a card
/// rolo wrote comes back whole.
pub fn card(contact: &Contact, org: &str, tags: &[String], referrer: Option<&str>) -> String {
    let mut out = String::new();
    // Empty properties are left out, except N, which vCard 3.0 requires.
    let mut line = |property: &str, value: String| {
        // X-ROLO-HOW-MET is written even when empty: its presence says the file knows.
        if !value.is_empty() || property == "N" || property == "X-ROLO-HOW-MET" {
            fold_into(&mut out, &format!("{property}:{value}"));
        }
    };
    line("BEGIN", "VCARD".into());
    line("VERSION", "3.0".into());
    line("UID", format!("urn:uuid:{}", contact.meta.id));
    line("FN", escape(&contact.name));
    let (given, family) = split_name(&contact.name);
    line("N", format!("{};{};;;", escape(family), escape(given)));
    line("ORG", escape(org));
    line("TITLE", escape(&contact.title));
    line("EMAIL;TYPE=INTERNET", escape(&contact.email));
    line("TEL", escape(&contact.phone));
    line("URL", escape(&contact.linkedin));
    if !contact.location.is_empty() {
        line("ADR", format!(";;;{};;;", escape(&contact.location)));
    }
    line("NOTE", escape(&contact.notes));
    let tags: Vec<String> = tags.iter().map(|t| escape(t)).collect();
    line("CATEGORIES", tags.join(","));
    line("X-ROLO-HOW-MET", escape(&contact.how_met));
    line(
        "X-ROLO-REFERRED-BY",
        referrer.map(escape).unwrap_or_default(),
    );
    line("REV", contact.meta.updated_at.to_text());
    line("END", "VCARD".into());
    out
}

/// "Ada King Lovelace" → ("Ada King", "Lovelace"): the last word is taken as the family name.
fn split_name(name: &str) -> (&str, &str) {
    match name.trim().rsplit_once(' ') {
        Some((given, family)) => (given.trim(), family),
        None => ("", name.trim()),
    }
}

/// Backslash, comma and semicolon escaped; line breaks as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line is longer than 75 bytes (a continuation
/// starts with a space), never inside a character, and ended with CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// "Ada Lovelace" → "ada-lovelace-0193a1b2.vcf".
fn file_name(contact: &Contact) -> String {
    let mut slug = String::new();
    for c in contact.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let id = contact.meta.id.to_string();
    format!("{slug}-{}.vcf", &id[id.len() - 8..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        fold_into(&mut out, &format!("NOTE:{}", "é".repeat(60)));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("NOTE:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn separators_are_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(split_name("Ada King Lovelace"), ("Ada King", "Lovelace"));
        assert_eq!(split_name("Cher"), ("", "Cher"));
    }
}
