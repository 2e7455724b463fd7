//! Any CSV of contacts: columns are matched to fields by their header names (or by `--map
//! "Column=field"`), and the mapping used is shown.

use super::RowError;
use super::contacts_import::ImportRow;
use super::table;

/// The fields a column can fill.
pub const FIELDS: [&str; 14] = [
    "name",
    "first_name",
    "middle_name",
    "last_name",
    "organization",
    "title",
    "email",
    "phone",
    "linkedin",
    "location",
    "notes",
    "tags",
    "how_met",
    "referred_by",
];

/// The field a header name means, by the names address books and spreadsheets write: Google
/// ("E-mail 1 - Value", "Organization 1 - Name"), Outlook ("E-mail Address", "Business
/// Phone"), Thunderbird ("Primary Email", "Display Name"), and rolo's own export.
fn guess(header: &str) -> Option<&'static str> {
    let spaced = header.trim().to_lowercase().replace(['_', '-', '.'], " ");
    let h = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match h.as_str() {
        "name" | "full name" | "display name" | "contact" => "name",
        "first name" | "given name" | "first" => "first_name",
        "middle name" | "additional name" => "middle_name",
        "last name" | "surname" | "family name" | "last" => "last_name",
        "organization"
        | "organisation"
        | "company"
        | "org"
        | "employer"
        | "organization 1 name"
        | "organization name" => "organization",
        "title"
        | "position"
        | "job title"
        | "role"
        | "organization 1 title"
        | "organization title" => "title",
        "email" | "e mail" | "email address" | "e mail address" | "mail" | "e mail 1 value"
        | "email 1 value" | "primary email" | "e mail 1 address" | "email 1" | "e mail 2 value"
        | "e mail 2 address" | "secondary email" => "email",
        "phone" | "mobile" | "telephone" | "phone number" | "tel" | "phone 1 value"
        | "mobile phone" | "business phone" | "primary phone" | "home phone" | "work phone"
        | "mobile number" | "cell phone" => "phone",
        "linkedin" | "linkedin url" | "profile" | "url" | "profile url" | "website 1 value"
        | "web page" => "linkedin",
        "location" | "city" | "place" | "address 1 city" | "business city" | "work city" => {
            "location"
        }
        "notes" | "note" | "comments" => "notes",
        "tags" | "labels" | "categories" | "group membership" => "tags",
        "how met" | "how we met" => "how_met",
        "referred by" | "referrer" | "introduced by" => "referred_by",
        _ => return None,
    })
}

fn header_name(header: &[String], index: usize) -> &str {
    header.get(index).map_or("", String::as_str)
}

/// rolo's CSV export puts an apostrophe before a cell a spreadsheet would run as a formula;
/// reading it back takes the apostrophe away again.
fn unguarded(cell: String) -> String {
    let mut chars = cell.chars();
    match (chars.next(), chars.next()) {
        (Some('\''), Some('=' | '+' | '-' | '@')) => cell[1..].to_string(),
        _ => cell,
    }
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
    // Outlook writes both "Title" (Dr., Ms.) and "Job Title": the job is the title.
    let job_title = header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("job title"));
    if let Some(job) = job_title {
        map.retain(|(index, field)| {
            *field != "title"
                || *index == job
                || overrides
                    .iter()
                    .any(|(c, _)| c.eq_ignore_ascii_case(&header[*index]))
        });
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

/// Parses a CSV with its header on the first line, every row at once.
pub fn parse(bytes: &[u8], overrides: &[(String, String)]) -> Result<ParsedCsv, String> {
    let mut reader = open(Box::new(bytes), bytes.len() as u64, overrides)?;
    let rows = reader.by_ref().collect();
    Ok(ParsedCsv {
        mapping: reader.mapping,
        header: reader.table.header,
        rows,
    })
}

/// A CSV's rows as contacts, read one at a time.
pub struct CsvRows<'a> {
    pub mapping: Vec<(usize, &'static str)>,
    table: table::Table<'a>,
}

/// Opens a CSV with its header on the first line: which column fills which field, from the
/// header and `overrides`, or why none can.
pub fn open<'a>(
    file: Box<dyn std::io::BufRead + 'a>,
    size: u64,
    overrides: &[(String, String)],
) -> Result<CsvRows<'a>, String> {
    let table = table::open(file, size, |_| true);
    let mapping = mapping(&table.header, overrides)?;
    Ok(CsvRows { mapping, table })
}

impl CsvRows<'_> {
    pub fn header(&self) -> &[String] {
        &self.table.header
    }

    /// Rows so far with nothing in any field.
    pub fn blank(&self) -> u64 {
        self.table.blank
    }

    /// The contact one row of the file describes.
    fn row(&self, line: u64, mut fields: Vec<String>) -> ImportRow {
        let header = &self.table.header;
        let mut row = ImportRow {
            line,
            ..ImportRow::default()
        };
        let mut extra: Vec<String> = Vec::new();
        if self.mapping.iter().any(|(_, field)| *field == "how_met") {
            row.how_met = Some(String::new());
        }
        let (mut first, mut middle, mut last) = (String::new(), String::new(), String::new());
        for (index, field) in &self.mapping {
            // Each column fills one field: its text is taken, not copied.
            let value = unguarded(
                fields
                    .get_mut(*index)
                    .map(std::mem::take)
                    .unwrap_or_default(),
            );
            if value.trim().is_empty() {
                continue;
            }
            // Google Contacts writes several values in one cell: "a ::: b".
            let (value, others) = match value.split_once(" ::: ") {
                Some((first_value, rest)) if *field != "tags" => {
                    (first_value.to_string(), Some(rest.to_string()))
                }
                _ => (value, None),
            };
            if let Some(others) = others {
                extra.push(format!("{}: {}", header_name(header, *index), others));
            }
            // Several columns for one field (a mobile and a business phone): the first with
            // something in it.
            let slot = match *field {
                "name" => &mut row.name,
                "first_name" => &mut first,
                "middle_name" => &mut middle,
                "last_name" => &mut last,
                "organization" => &mut row.organization,
                "title" => &mut row.title,
                "email" => &mut row.email,
                "phone" => &mut row.phone,
                "linkedin" => &mut row.linkedin,
                "location" => &mut row.location,
                "how_met" => row.how_met.get_or_insert_with(String::new),
                "referred_by" => row.referred_by.get_or_insert_with(String::new),
                "tags" => {
                    row.tags.extend(
                        value
                            .split(" ::: ")
                            .flat_map(|t| t.split([',', ';']))
                            .map(|t| t.trim().trim_start_matches("* ").trim().to_string())
                            .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("mycontacts")),
                    );
                    continue;
                }
                _ => &mut row.notes,
            };
            if slot.is_empty() {
                *slot = value;
            } else if *slot != value && matches!(*field, "email" | "phone" | "linkedin") {
                // A second email or phone has nowhere of its own: kept in the notes.
                extra.push(format!("{}: {value}", header_name(header, *index)));
            }
        }
        if !extra.is_empty() {
            if !row.notes.is_empty() {
                row.notes.push('\n');
            }
            row.notes.push_str(&extra.join("\n"));
        }
        if row.name.is_empty() {
            row.name = [first, middle, last]
                .iter()
                .filter(|part| !part.trim().is_empty())
                .map(|part| part.trim())
                .collect::<Vec<_>>()
                .join(" ");
        }
        row
    }
}

impl Iterator for CsvRows<'_> {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        Some(match self.table.next()? {
            Ok((line, fields)) => Ok(self.row(line, fields)),
            Err(problem) => Err(problem),
        })
    }
}

impl super::contacts_import::RowSource for CsvRows<'_> {
    fn expected(&self) -> u64 {
        self.table.expected()
    }

    fn failure(&self) -> Option<String> {
        self.table.failure()
    }
}
