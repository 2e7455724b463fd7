//! What kind of file a path holds, from its name and its first bytes — so the import form can
//! choose for the user — and completing a path typed in a form, as a shell's Tab does.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::files::Format;

/// How much of a file is read to tell its kind: LinkedIn's notes above the header fit.
const FIRST_BYTES: u64 = 8 * 1024;

/// The kind of `path`: a folder is vCards; otherwise the extension, checked against (or, with
/// none, replaced by) what the file starts with. `None` when nothing says.
pub fn format_of(path: &Path) -> Option<Format> {
    if path.is_dir() {
        // A Maildir (cur/ and new/ in it, or in a folder in it) is mail; else vCards.
        let maildir = |p: &Path| p.join("cur").is_dir() || p.join("new").is_dir();
        let holds_maildir = maildir(path)
            || std::fs::read_dir(path)
                .map(|entries| entries.flatten().take(200).any(|e| maildir(&e.path())))
                .unwrap_or(false);
        return Some(if holds_maildir {
            Format::Mail
        } else {
            Format::Vcard
        });
    }
    // Only a plain file is looked into: a pipe or a device could block or never end.
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(FIRST_BYTES)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed
        .get(..11)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCARD"))
    {
        return Some(Format::Vcard);
    }
    if trimmed.starts_with('{') {
        return Some(Format::Json);
    }
    if text.starts_with("From ") {
        return Some(Format::Mail);
    }
    if trimmed
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Some(Format::Ics);
    }
    let first_line = text.lines().next().unwrap_or_default().to_lowercase();
    if first_line.contains("sender profile url") {
        return Some(Format::LinkedinMessages);
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let linkedin = text.lines().take(20).any(|line| {
        let line = line.to_lowercase();
        line.contains("first name") && line.contains("last name") && line.contains("connected on")
    });
    // No extension: a first line with commas and no spaces around them reads as a header.
    let header_like = text
        .lines()
        .next()
        .is_some_and(|line| line.contains(',') && !line.contains(", "));
    match extension.as_str() {
        _ if linkedin => Some(Format::Linkedin),
        "" if header_like => Some(Format::Csv),
        "csv" | "tsv" => Some(Format::Csv),
        "vcf" | "vcard" => Some(Format::Vcard),
        "json" => Some(Format::Json),
        "mbox" => Some(Format::Mail),
        "ics" | "ical" => Some(Format::Ics),
        _ => None,
    }
}

/// A typed path completed as far as it goes: the common start of every entry it could be
/// (a folder gets its `/`), and those entries' names when there is more than one.
#[derive(Debug, PartialEq, Eq)]
pub struct Completed {
    pub text: String,
    pub choices: Vec<String>,
}

/// Completes `typed` (which may start with `~/`) against the file system. `None` when no entry
/// starts so.
pub fn complete(typed: &str) -> Option<Completed> {
    let (folder_typed, start) = match typed.rfind('/') {
        Some(at) => (&typed[..=at], &typed[at + 1..]),
        None => ("", typed),
    };
    let folder: PathBuf = if folder_typed.is_empty() {
        PathBuf::from(".")
    } else {
        crate::store::path::expand_home(folder_typed)
    };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Hidden entries only when asked for with a dot.
            let wanted =
                name.starts_with(start) && (start.starts_with('.') || !name.starts_with('.'));
            wanted.then(|| (name, entry.path().is_dir()))
        })
        .collect();
    names.sort();
    let first = names.first()?;
    let mut common = first.0.clone();
    for (name, _) in &names[1..] {
        let shared = common
            .char_indices()
            .zip(name.chars())
            .find(|((_, a), b)| a != b)
            .map_or(common.len().min(name.len()), |((at, _), _)| at);
        common.truncate(shared);
    }
    let mut text = format!("{folder_typed}{common}");
    if names.len() == 1 && first.1 {
        text.push('/');
    }
    let choices = if names.len() > 1 {
        names
            .iter()
            .map(|(name, dir)| {
                if *dir {
                    format!("{name}/")
                } else {
                    name.clone()
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(Completed { text, choices })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn kinds_from_names_and_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let linkedin = write(
            "Connections.csv",
            "Notes:\n\"When exporting…\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
        );
        assert_eq!(format_of(&linkedin), Some(Format::Linkedin));
        assert_eq!(
            format_of(&write("people.csv", "name,email\n")),
            Some(Format::Csv)
        );
        assert_eq!(
            format_of(&write("export", "{\"version\": 6}")),
            Some(Format::Json)
        );
        assert_eq!(
            format_of(&write(
                "contacts.txt",
                "\u{feff}begin:vcard\r\nVERSION:3.0\r\n"
            )),
            Some(Format::Vcard)
        );
        assert_eq!(format_of(&write("notes.md", "# hello")), None);
        assert_eq!(format_of(dir.path()), Some(Format::Vcard));
    }

    #[test]
    fn completes_as_far_as_the_entries_agree() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Connections.csv"), "").unwrap();
        std::fs::write(dir.path().join("Contacts.vcf"), "").unwrap();
        std::fs::create_dir(dir.path().join("cards")).unwrap();
        let at = |rest: &str| format!("{}/{rest}", dir.path().display());
        let both = complete(&at("Con")).unwrap();
        assert_eq!(both.text, at("Con"));
        assert_eq!(both.choices, ["Connections.csv", "Contacts.vcf"]);
        assert_eq!(complete(&at("Conn")).unwrap().text, at("Connections.csv"));
        assert_eq!(complete(&at("ca")).unwrap().text, at("cards/"));
        assert_eq!(complete(&at("zz")), None);
    }
}
