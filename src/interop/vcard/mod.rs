//! vCard 2.1, 3.0 and 4.0 as real address books write them. `text` turns the file's bytes into
//! each card's text (encodings, line ends, folds, cards missing their END or nesting an AGENT);
//! calcard (Stalwart's vCard and iCalendar parser) reads each card — parameters, quoting,
//! escapes, quoted-printable and base64 values in their charsets; here the card becomes a
//! contact. A value that cannot be used (a malformed email) costs that value, reported, not
//! the person.

mod folder;
mod lines;
mod text;

pub use folder::Folder;

use calcard::vcard::{VCard, VCardEntry, VCardParameterName, VCardProperty, VCardValue};
use calcard::{Entry, Parser};

use super::RowError;
use super::contacts_import::ImportRow;
use crate::domain::email::looks_like_email;

/// Every card of a file: a contact to import, or why the card could not be read.
pub fn parse(bytes: &[u8]) -> Vec<Result<ImportRow, RowError>> {
    read(bytes.to_vec()).collect()
}

/// The cards of a file held whole, as contacts one at a time: read as a file is, so that what
/// is tested on bytes is what an import of a file does.
pub fn read(bytes: Vec<u8>) -> Contacts {
    let size = bytes.len() as u64;
    // Reading from memory cannot fail; were it to, there would be no cards.
    let cards = text::Cards::read(Box::new(std::io::Cursor::new(bytes)))
        .unwrap_or_else(|_| text::Cards::new(Vec::new()));
    Contacts { size, cards }
}

/// The cards of a .vcf file as contacts, read as the file is (a file of 100,000 cards is
/// never held whole), or why it cannot be read.
pub fn open(file: &std::path::Path) -> Result<Contacts, String> {
    let (reader, size) = crate::interop::input::open_streamed(file)?;
    let cards = text::Cards::read(Box::new(reader))
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    Ok(Contacts { size, cards })
}

/// A file's cards, read as contacts one at a time.
pub struct Contacts {
    cards: text::Cards,
    /// The file's length in bytes.
    size: u64,
}

impl super::contacts_import::RowSource for Contacts {
    /// How many cards the file seems to hold.
    fn expected(&self) -> u64 {
        self.cards.expected(self.size)
    }

    fn failure(&self) -> Option<String> {
        self.cards
            .failure()
            .map(|(line, why)| format!("line {line}: {why}"))
    }
}

impl Iterator for Contacts {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let card = self.cards.next()?;
        Some(match Parser::new(&card.text).entry() {
            Entry::VCard(parsed) => {
                let mut row = row(&card, &parsed);
                if card.cut {
                    // Taken, not lost; but said, for a file still being written.
                    row.left_out.push((
                        card.line,
                        "the file ends inside this card (no END:VCARD): was it cut short?".into(),
                    ));
                }
                Ok(row)
            }
            _ => Err(RowError {
                line: card.line,
                message: "this card cannot be read as a vCard".into(),
            }),
        })
    }
}

/// The texts of a property's values: a structured value's parts in order.
fn texts(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .flat_map(|value| match value {
            VCardValue::Component(parts) => parts.clone(),
            other => other.as_text().map(str::to_string).into_iter().collect(),
        })
        .collect()
}

/// How much a value is preferred: `PREF=1` most, then `TYPE=PREF`, then in file order.
fn preference(entry: &VCardEntry) -> u32 {
    entry
        .params
        .iter()
        .find_map(|param| match param.name {
            // PREF=1 (vCard 4), or a bare PREF (vCard 2.1: EMAIL;WORK;PREF:…).
            VCardParameterName::Pref => match param.value.as_integer() {
                Some(calcard::common::IanaType::Iana(n)) => Some(n),
                _ => Some(1),
            },
            VCardParameterName::Type => param
                .value
                .as_text()
                .filter(|t| t.eq_ignore_ascii_case("pref"))
                .map(|_| 1),
            _ => None,
        })
        .unwrap_or(u32::MAX)
}

/// A property's values, most preferred first, as one text each.
fn ranked<'a>(card: &'a VCard, property: &VCardProperty) -> Vec<(&'a VCardEntry, String)> {
    let mut found: Vec<(&VCardEntry, String)> = card
        .entries
        .iter()
        .filter(|e| &e.name == property)
        .map(|e| (e, texts(e).join(" ")))
        .filter(|(_, text)| !text.trim().is_empty())
        .collect();
    found.sort_by_key(|(e, _)| preference(e));
    found
}

/// The first non-empty part list of a structured property (N, ORG, ADR).
fn parts(card: &VCard, property: &VCardProperty) -> Vec<String> {
    card.entries
        .iter()
        .filter(|e| &e.name == property)
        .map(|e| {
            texts(e)
                .into_iter()
                .map(|p| p.trim().to_string())
                .collect::<Vec<_>>()
        })
        .find(|parts| parts.iter().any(|p| !p.is_empty()))
        .unwrap_or_default()
}

/// vCard 4 writes `tel:` and `mailto:` addresses.
fn without_scheme<'a>(value: &'a str, scheme: &str) -> &'a str {
    match value.get(..scheme.len()) {
        Some(prefix) if prefix.eq_ignore_ascii_case(scheme) => value[scheme.len()..].trim(),
        _ => value.trim(),
    }
}

fn row(text: &text::CardText, card: &VCard) -> ImportRow {
    let mut row = ImportRow {
        line: text.line,
        ..ImportRow::default()
    };
    row.name = first(card, &VCardProperty::Fn).trim().to_string();
    if row.name.is_empty() {
        // N is family;given;additional;prefix;suffix.
        let n = parts(card, &VCardProperty::N);
        row.name = [n.get(3), n.get(1), n.get(2), n.first(), n.get(4)]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
    }
    // ORG is organisation;unit;unit: the organisation, then its units.
    row.organization = parts(card, &VCardProperty::Org)
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    row.title = first(card, &VCardProperty::Title);
    row.notes = first(card, &VCardProperty::Note);
    row.location = parts(card, &VCardProperty::Adr)
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let phones: Vec<String> = ranked(card, &VCardProperty::Tel)
        .into_iter()
        .map(|(_, tel)| without_scheme(&tel, "tel:").to_string())
        .collect();
    row.phone = phones.first().cloned().unwrap_or_default();
    let emails: Vec<String> = ranked(card, &VCardProperty::Email)
        .into_iter()
        .map(|(_, email)| without_scheme(&email, "mailto:").to_string())
        .collect();
    match emails.iter().find(|e| looks_like_email(e)) {
        Some(email) => row.email = email.clone(),
        None => {
            if let Some(bad) = emails.first() {
                row.left_out.push((
                    text.line_of(bad),
                    format!("{bad:?} is not an email address; left out"),
                ));
            }
        }
    }
    // A contact holds one email and one phone; the card's others are kept in the notes, so
    // nothing the card held is lost.
    let other_emails: Vec<&String> = emails
        .iter()
        .filter(|e| **e != row.email && looks_like_email(e))
        .collect();
    let other_phones: Vec<&String> = phones.iter().skip(1).collect();
    for (label, others) in [
        ("Other emails", other_emails),
        ("Other phones", other_phones),
    ] {
        if !others.is_empty() {
            let joined: Vec<&str> = others.iter().map(|s| s.as_str()).collect();
            let line = format!("{label}: {}", joined.join(", "));
            if !row.notes.is_empty() {
                row.notes.push('\n');
            }
            row.notes.push_str(&line);
        }
    }
    // A URL, or the social profile Apple's address book writes (X-SOCIALPROFILE;TYPE=linkedin).
    let social = |name: &VCardProperty| matches!(name, VCardProperty::Other(n) if n.eq_ignore_ascii_case("X-SOCIALPROFILE"));
    row.linkedin = card
        .entries
        .iter()
        .filter(|e| e.name == VCardProperty::Url || social(&e.name))
        .flat_map(texts)
        .find(|url| url.to_ascii_lowercase().contains("linkedin.com/"))
        .unwrap_or_default();
    // Every CATEGORIES line, every value in it.
    row.tags = card
        .entries
        .iter()
        .filter(|e| e.name == VCardProperty::Categories)
        .flat_map(texts)
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    // rolo's own properties, on cards rolo wrote.
    let own = |name: &str| {
        card.entries
            .iter()
            .find(|e| matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case(name)))
            .map(|e| texts(e).join(" "))
    };
    row.how_met = own("X-ROLO-HOW-MET");
    row.referred_by = own("X-ROLO-REFERRED-BY").filter(|r| !r.trim().is_empty());
    row
}

fn first(card: &VCard, property: &VCardProperty) -> String {
    ranked(card, property)
        .into_iter()
        .map(|(_, text)| text)
        .next()
        .unwrap_or_default()
}
