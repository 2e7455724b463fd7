//! vCard 2.1, 3.0 and 4.0, as Google, Apple, Outlook and Nextcloud write them: folded lines,
//! escaped characters, quoted-printable text, grouped properties (`item1.EMAIL`), several emails
//! and phones (the first is kept), ORG with units, NOTE, URL, CATEGORIES; photos ignored.

use super::RowError;
use super::contacts_import::ImportRow;

/// Parses one file of cards (or several files' text joined) into rows; `line` is where each
/// card begins.
pub fn parse(bytes: &[u8]) -> Vec<Result<ImportRow, RowError>> {
    let text = String::from_utf8_lossy(bytes);
    let mut rows = Vec::new();
    let mut card: Option<(u64, Vec<(String, String)>)> = None;
    for (line_no, line) in unfold(&text) {
        let Some((name, params, value)) = split(&line) else {
            continue;
        };
        match (name.as_str(), &mut card) {
            ("BEGIN", _) if value.eq_ignore_ascii_case("VCARD") => {
                card = Some((line_no, Vec::new()))
            }
            ("END", Some(_)) if value.eq_ignore_ascii_case("VCARD") => {
                if let Some((start, properties)) = card.take() {
                    rows.push(Ok(row(start, &properties)));
                }
            }
            (_, Some((_, properties))) => properties.push((name, decode(&params, &value))),
            _ => {}
        }
    }
    if let Some((start, _)) = card {
        rows.push(Err(RowError {
            line: start,
            message: "the card never ends (no END:VCARD): the file is cut short".into(),
        }));
    }
    rows
}

/// Joins folded lines (a line starting with a space or tab continues the one before; a
/// quoted-printable line ending in `=` continues on the next). Keeps each line's number.
fn unfold(text: &str) -> Vec<(u64, String)> {
    let mut lines: Vec<(u64, String)> = Vec::new();
    let mut soft_break = false;
    for (index, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let continued = raw.starts_with([' ', '\t']) || soft_break;
        match lines.last_mut() {
            Some((_, last)) if continued && !raw.is_empty() => {
                if soft_break {
                    last.pop(); // the "=" that broke the line
                    last.push_str(raw);
                } else {
                    last.push_str(&raw[1..]);
                }
            }
            _ => lines.push((index as u64 + 1, raw.to_string())),
        }
        let last = lines.last().map(|(_, l)| l.as_str()).unwrap_or("");
        soft_break = last.to_ascii_uppercase().contains("QUOTED-PRINTABLE") && last.ends_with('=');
    }
    lines
}

/// "item1.EMAIL;TYPE=INTERNET:ada@x" → ("EMAIL", ["TYPE=INTERNET"], "ada@x").
fn split(line: &str) -> Option<(String, Vec<String>, String)> {
    let (head, value) = line.split_once(':')?;
    let mut parts = head.split(';');
    let name = parts.next()?;
    let name = name
        .rsplit('.')
        .next()
        .unwrap_or(name)
        .trim()
        .to_ascii_uppercase();
    Some((
        name,
        parts.map(|p| p.to_ascii_uppercase()).collect(),
        value.to_string(),
    ))
}

/// The value with quoted-printable decoded. Backslash escapes stay until the value is split
/// into its parts (an escaped `\;` or `\,` is part of a name, not a separator).
fn decode(params: &[String], value: &str) -> String {
    let quoted = params.iter().any(|p| p.contains("QUOTED-PRINTABLE"));
    if quoted {
        quoted_printable(value)
    } else {
        value.to_string()
    }
}

fn quoted_printable(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let hex = value
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    // Charsets other than UTF-8 are rare in practice; Latin-1 bytes become their characters.
    match String::from_utf8(out.clone()) {
        Ok(text) => text,
        Err(_) => out.into_iter().map(char::from).collect(),
    }
}

/// Splits a value at each `separator` that is not escaped, undoing the escapes in each part.
fn split_escaped(value: &str, separator: Option<char>) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let part = parts.last_mut().expect("never empty");
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => part.push('\n'),
                Some(other) => part.push(other),
                None => {}
            },
            c if Some(c) == separator => parts.push(String::new()),
            c => part.push(c),
        }
    }
    parts
}

fn unescape(value: &str) -> String {
    split_escaped(value, None).concat()
}

/// The first value of a property, escapes undone.
fn first(properties: &[(String, String)], name: &str) -> String {
    unescape(first_raw(properties, name))
}

fn first_raw<'a>(properties: &'a [(String, String)], name: &str) -> &'a str {
    properties
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The non-empty parts of a structured property (N, ORG, ADR, CATEGORIES).
fn parts(properties: &[(String, String)], name: &str, separator: char) -> Vec<String> {
    split_escaped(first_raw(properties, name), Some(separator))
        .into_iter()
        .map(|part| part.trim().to_string())
        .filter(|part| !part.is_empty())
        .collect()
}

fn row(line: u64, properties: &[(String, String)]) -> ImportRow {
    let mut name = first(properties, "FN").trim().to_string();
    if name.is_empty() {
        // N is family;given;additional;prefix;suffix.
        let n = split_escaped(first_raw(properties, "N"), Some(';'));
        name = [n.get(3), n.get(1), n.get(2), n.first(), n.get(4)]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    // ORG is organisation;unit;unit: the organisation, then its units.
    let organization = parts(properties, "ORG", ';').join(", ");
    let linkedin = properties
        .iter()
        .filter(|(n, _)| n == "URL")
        .map(|(_, v)| unescape(v))
        .find(|u| u.contains("linkedin.com"))
        .unwrap_or_default();
    ImportRow {
        line,
        name,
        organization,
        title: first(properties, "TITLE"),
        email: first(properties, "EMAIL").trim().to_string(),
        phone: first(properties, "TEL").trim().to_string(),
        linkedin,
        location: parts(properties, "ADR", ';').join(", "),
        notes: first(properties, "NOTE"),
        tags: parts(properties, "CATEGORIES", ','),
        connected_on: None,
        ..ImportRow::default()
    }
}
