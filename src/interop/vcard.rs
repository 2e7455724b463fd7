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

/// The value as text: quoted-printable decoded, escapes undone.
fn decode(params: &[String], value: &str) -> String {
    let quoted = params.iter().any(|p| p.contains("QUOTED-PRINTABLE"));
    let text = if quoted {
        quoted_printable(value)
    } else {
        value.to_string()
    };
    unescape(&text)
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

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The first value of a property.
fn first<'a>(properties: &'a [(String, String)], name: &str) -> &'a str {
    properties
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

fn row(line: u64, properties: &[(String, String)]) -> ImportRow {
    let mut name = first(properties, "FN").trim().to_string();
    if name.is_empty() {
        // N is family;given;additional;prefix;suffix.
        let n: Vec<&str> = first(properties, "N").split(';').collect();
        name = [n.get(3), n.get(1), n.get(2), n.first(), n.get(4)]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    // ORG is organisation;unit;unit: the organisation, then its units.
    let organization = first(properties, "ORG")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let urls: Vec<&str> = properties
        .iter()
        .filter(|(n, _)| n == "URL")
        .map(|(_, v)| v.as_str())
        .collect();
    let linkedin = urls
        .iter()
        .find(|u| u.contains("linkedin.com"))
        .copied()
        .unwrap_or("");
    let tags = first(properties, "CATEGORIES")
        .split(',')
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    ImportRow {
        line,
        name,
        organization,
        title: first(properties, "TITLE").to_string(),
        email: first(properties, "EMAIL").trim().to_string(),
        phone: first(properties, "TEL").trim().to_string(),
        linkedin: linkedin.to_string(),
        location: first(properties, "ADR")
            .split(';')
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        notes: first(properties, "NOTE").to_string(),
        tags,
        connected_on: None,
    }
}
