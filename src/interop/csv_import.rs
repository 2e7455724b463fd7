//! Any CSV of contacts: columns are matched to fields by their header names (or by `--map
//! "Column=field"`), and the mapping used is shown.

use super::RowError;
use super::contacts_import::ImportRow;
use super::table;

/// The fields a column can fill.
pub const FIELDS: [&str; 10] = [
    "name",
    "first_name",
    "last_name",
    "organization",
    "title",
    "email",
    "phone",
    "linkedin",
    "location",
    "notes",
];

/// The field a header name means, by the names spreadsheets and other tools use.
fn guess(header: &str) -> Option<&'static str> {
    let h = header.trim().to_lowercase().replace(['_', '-'], " ");
    Some(match h.as_str() {
        "name" | "full name" | "display name" | "contact" => "name",
        "first name" | "given name" | "first" => "first_name",
        "last name" | "surname" | "family name" | "last" => "last_name",
        "organization" | "organisation" | "company" | "org" | "employer" => "organization",
        "title" | "position" | "job title" | "role" => "title",
        "email" | "e mail" | "email address" | "mail" => "email",
        "phone" | "mobile" | "telephone" | "phone number" | "tel" => "phone",
        "linkedin" | "linkedin url" | "profile" | "url" | "profile url" => "linkedin",
        "location" | "city" | "place" => "location",
        "notes" | "note" | "comments" => "notes",
        _ => return None,
    })
}

/// Column index → field, from the header and the user's `--map` entries.
pub fn mapping(
    header: &[String],
    overrides: &[(String, String)],
) -> Result<Vec<(usize, &'static str)>, String> {
    let mut map = Vec::new();
    for (index, name) in header.iter().enumerate() {
        let chosen = match overrides
            .iter()
            .find(|(column, _)| column.eq_ignore_ascii_case(name))
        {
            Some((_, field)) => Some(
                FIELDS
                    .iter()
                    .copied()
                    .find(|f| f.eq_ignore_ascii_case(field))
                    .ok_or_else(|| {
                        format!(
                            "--map {name}={field}: {field:?} is not one of {}",
                            FIELDS.join(", ")
                        )
                    })?,
            ),
            None => guess(name),
        };
        if let Some(field) = chosen {
            map.push((index, field));
        }
    }
    for (column, _) in overrides {
        if !header.iter().any(|h| h.eq_ignore_ascii_case(column)) {
            return Err(format!(
                "--map names a column {column:?} the file does not have"
            ));
        }
    }
    if !map.iter().any(|(_, f)| {
        matches!(
            *f,
            "name" | "first_name" | "last_name" | "organization" | "email"
        )
    }) {
        return Err("no column gives a name, an organisation or an email: name one with --map \"Column=name\"".into());
    }
    Ok(map)
}

/// A CSV read for import: which column fills which field, the header, and the rows.
#[derive(Debug)]
pub struct ParsedCsv {
    pub mapping: Vec<(usize, &'static str)>,
    pub header: Vec<String>,
    pub rows: Vec<Result<ImportRow, RowError>>,
}

/// Parses a CSV with its header on the first line.
pub fn parse(bytes: &[u8], overrides: &[(String, String)]) -> Result<ParsedCsv, String> {
    let table = table::read(bytes, |_| true);
    let map = mapping(&table.header, overrides)?;
    let mut rows: Vec<Result<ImportRow, RowError>> = table.errors.into_iter().map(Err).collect();
    for (line, fields) in table.rows {
        let mut row = ImportRow {
            line,
            ..ImportRow::default()
        };
        let (mut first, mut last) = (String::new(), String::new());
        for (index, field) in &map {
            let value = fields.get(*index).cloned().unwrap_or_default();
            match *field {
                "name" => row.name = value,
                "first_name" => first = value,
                "last_name" => last = value,
                "organization" => row.organization = value,
                "title" => row.title = value,
                "email" => row.email = value,
                "phone" => row.phone = value,
                "linkedin" => row.linkedin = value,
                "location" => row.location = value,
                _ => row.notes = value,
            }
        }
        if row.name.is_empty() {
            row.name = format!("{first} {last}").trim().to_string();
        }
        rows.push(Ok(row));
    }
    Ok(ParsedCsv {
        mapping: map,
        header: table.header,
        rows,
    })
}
