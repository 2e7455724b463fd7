//! Messages from the user's own mail, read where mail clients keep it: an mbox file
//! (Thunderbird, a Gmail takeout, mutt) or a Maildir folder, recursively (mbsync, offlineimap;
//! mutt, neomutt, aerc). Only the headers are read — who, when, the subject — and handed on one
//! message at a time: no body is kept, and a mailbox of any size takes the memory of one
//! message's headers.
//!
//! The headers are parsed by `mail-parser` (encoded words, quoted names, dates in their many
//! forms). An mbox is split into messages here, not by mail-parser's own iterator: that one
//! holds each whole message (a 1 GB attachment in memory) and says nothing of where a message
//! starts, which is what lets a second run start where the first stopped.

use std::io::{BufRead, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use mail_parser::{Address, MessageParser};

use super::RowError;
use super::input::read_line_at_most;
use super::messages::{Message, Party};
use crate::domain::{InteractionKind, Timestamp};

/// How much of an mbox's start is kept to know it again on the next run.
const FINGERPRINTED: u64 = 64 * 1024;

/// A stable 64-bit hash (FNV-1a), as text: the same bytes give the same text in every build.
fn fnv1a(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("fnv1a:{hash:016x}")
}

/// Headers longer than this are cut here (real ones are a few kilobytes; a hostile file's
/// "header" may never end).
const HEADERS_AT_MOST: usize = 256 * 1024;

/// Where a mailbox was read up to: an mbox's bytes (with a fingerprint of them and the lines
/// they hold), or a Maildir file (read once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadTo {
    pub source: String,
    pub read_to: u64,
    pub fingerprint: String,
    pub lines: u64,
}

/// What a source was read up to, for the next run: `None` when it is to be read whole.
pub type Already<'a> = dyn Fn(&str) -> Option<ReadTo> + 'a;

/// What a mailbox holds for the caller: a message, a message that cannot be used (with its
/// place), or a point it has been read up to.
pub enum Found {
    Message(Message),
    Problem(RowError),
    ReadTo(ReadTo),
}

/// Reads `path` (an mbox file, or a Maildir folder and the folders in it), handing each
/// message to `each`. `already` says how far a source was read before (`None`: never).
pub fn read(
    path: &Path,
    already: &Already<'_>,
    each: &mut dyn FnMut(Found) -> ControlFlow<()>,
) -> Result<(), String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if meta.is_dir() {
        read_maildir(path, already, each)
    } else if meta.is_file() {
        read_mbox(path, already, each)
    } else {
        // A pipe or a device may never end: only a file or a folder is read.
        Err(format!(
            "{} is neither a mailbox file nor a Maildir folder",
            path.display()
        ))
    }
}

/// The headers of one message, parsed; why not, when they name no sender or no date.
fn message(headers: &[u8]) -> Result<Message, String> {
    let parsed = MessageParser::default()
        .parse_headers(headers)
        .ok_or("no mail headers")?;
    let at = parsed
        .date()
        .and_then(|d| chrono::DateTime::from_timestamp(d.to_timestamp(), 0))
        .map(Timestamp)
        .ok_or("no date (a Date header rolo can read)")?;
    let from = first_address(parsed.from()).ok_or("no sender (a From header with an address)")?;
    let mut to: Vec<Party> = Vec::new();
    for address in [parsed.to(), parsed.cc()].into_iter().flatten() {
        for addr in address.iter() {
            if let Some(a) = addr.address().and_then(email_party) {
                to.push(a);
            }
        }
    }
    let subject = crate::domain::sanitize::line(parsed.subject().unwrap_or(""));
    let key = match parsed.message_id() {
        Some(id) if !id.trim().is_empty() => format!("<{}>", id.trim()),
        // No Message-ID (some old clients, drafts): the sender, the time and the subject
        // stand for one, the same on every read.
        _ => format!("{}|{}|{}", from.text(), at.to_text(), subject),
    };
    Ok(Message {
        not_a_reply: is_forward(&subject) || is_automatic(&parsed, &subject),
        key,
        at,
        from,
        to,
        subject,
        kind: InteractionKind::Email,
    })
}

fn first_address(address: Option<&Address<'_>>) -> Option<Party> {
    address?
        .iter()
        .find_map(|a| a.address().and_then(email_party))
}

fn email_party(address: &str) -> Option<Party> {
    let address = address.trim().to_lowercase();
    address.contains('@').then_some(Party::Email(address))
}

/// Sent by a machine, not the person: an out-of-office or vacation answer (RFC 3834's
/// Auto-Submitted, the older X-Autoreply and Precedence headers, the subjects mail programs
/// give them).
fn is_automatic(parsed: &mail_parser::Message<'_>, subject: &str) -> bool {
    let header = |name: &str| {
        parsed
            .header_raw(name)
            .map(|v| v.trim().to_lowercase())
            .unwrap_or_default()
    };
    let auto_submitted = header("Auto-Submitted");
    let precedence = header("Precedence");
    let lower = subject.trim_start().to_lowercase();
    (!auto_submitted.is_empty() && auto_submitted != "no")
        || !header("X-Autoreply").is_empty()
        || !header("X-Autorespond").is_empty()
        || matches!(precedence.as_str(), "auto_reply" | "bulk" | "junk" | "list")
        || [
            "automatic reply",
            "auto:",
            "out of office",
            "autoreply",
            "auto-reply",
            "abwesend",
            "abwesenheitsnotiz",
            "automatische antwort",
            "réponse automatique",
            "absence",
            "respuesta automática",
            "fuera de la oficina",
            "risposta automatica",
            "fuori sede",
            "automatisch antwoord",
            "afwezig",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "Fwd: …", "Fw: …", "WG: …", "TR: …": something passed on, not an answer.
fn is_forward(subject: &str) -> bool {
    let lower = subject.trim_start().to_lowercase();
    ["fwd:", "fw:", "wg:", "tr:", "[fwd:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A Maildir's messages: every file in a `cur` or `new` folder under `root`. A file's unique
/// name (before the `:2,` flags, which change as it is read) is remembered, so it is read once.
fn read_maildir(
    root: &Path,
    already: &Already<'_>,
    each: &mut dyn FnMut(Found) -> ControlFlow<()>,
) -> Result<(), String> {
    let mut folders = vec![root.to_path_buf()];
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        let holds_mail = matches!(
            folder.file_name().and_then(|n| n.to_str()),
            Some("cur" | "new")
        );
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                folders.push(entry.path());
            } else if kind.is_file() && holds_mail {
                files.push(entry.path());
            }
        }
    }
    if files.is_empty() {
        return Err(format!(
            "{} holds no Maildir messages (files in cur/ or new/ folders)",
            root.display()
        ));
    }
    files.sort();
    for file in files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let source = format!("maildir:{}", name.split(':').next().unwrap_or(name));
        if already(&source).is_some() {
            continue;
        }
        let place = file.display().to_string();
        let found = match headers_of_file(&file) {
            Ok(headers) => match message(&headers) {
                Ok(message) => Found::Message(message),
                Err(why) => problem(&place, 1, why),
            },
            Err(e) => problem(&place, 1, format!("cannot read it ({e})")),
        };
        if each(found).is_break() {
            return Ok(());
        }
        let read = Found::ReadTo(ReadTo {
            source,
            read_to: 1,
            fingerprint: String::new(),
            lines: 0,
        });
        if each(read).is_break() {
            return Ok(());
        }
    }
    Ok(())
}

fn problem(place: &str, line: u64, why: impl std::fmt::Display) -> Found {
    Found::Problem(RowError {
        line,
        message: format!("{place}: {why}; left out"),
    })
}

/// A file's headers: up to the first empty line, at most `HEADERS_AT_MOST` bytes.
fn headers_of_file(file: &Path) -> std::io::Result<Vec<u8>> {
    let mut reader = std::io::BufReader::new(std::fs::File::open(file)?);
    let mut headers = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = (&mut reader)
            .take(HEADERS_AT_MOST as u64)
            .read_until(b'\n', &mut line)?;
        if n == 0 || line == b"\n" || line == b"\r\n" || headers.len() >= HEADERS_AT_MOST {
            return Ok(headers);
        }
        headers.extend_from_slice(&line);
    }
}

/// An mbox: messages start at lines beginning "From " after an empty line (or at the top).
/// Each message's headers are kept until its first empty line; its body is passed over line by
/// line, never held. The place a message starts is a line number, for the problems.
fn read_mbox(
    file: &Path,
    already: &Already<'_>,
    each: &mut dyn FnMut(Found) -> ControlFlow<()>,
) -> Result<(), String> {
    let unreadable = |e: std::io::Error| format!("cannot read {}: {e}", file.display());
    let opened = std::fs::File::open(file).map_err(unreadable)?;
    let size = opened.metadata().map_err(unreadable)?.len();
    let mut reader = std::io::BufReader::with_capacity(64 * 1024, opened);
    let source = format!(
        "mbox:{}",
        std::fs::canonicalize(file)
            .unwrap_or_else(|_| file.to_path_buf())
            .display()
    );
    // The file's start, to know it again: what was read of it is fingerprinted (up to
    // `FINGERPRINTED` bytes), so a mailbox rewritten rather than grown is read whole again.
    let mut start = Vec::new();
    (&mut std::fs::File::open(file).map_err(unreadable)?)
        .take(FINGERPRINTED)
        .read_to_end(&mut start)
        .map_err(unreadable)?;
    let fingerprint = |upto: u64| fnv1a(&start[..start.len().min(upto as usize)]);
    let mut first = Vec::new();
    read_line_at_most(&mut reader, &mut first).map_err(unreadable)?;
    if !first.starts_with(b"From ") {
        return Err(format!(
            "{} is not an mbox (it does not begin with a \"From \" line) nor a Maildir folder",
            file.display()
        ));
    }
    // Read before: the same file grown since (what was read unchanged) is read from where the
    // last run stopped; any other is read whole again (nothing is added twice).
    let mut offset = first.len() as u64;
    let mut line_number = 1u64;
    // Where the last run stopped is the start of a message ("From " after an empty line).
    let mut previous_empty = false;
    if let Some(seen) = already(&source)
        && seen.fingerprint == fingerprint(seen.read_to)
        && seen.read_to <= size
        && seen.read_to > offset
    {
        let skipped = std::io::copy(
            &mut (&mut reader).take(seen.read_to - offset),
            &mut std::io::sink(),
        )
        .map_err(unreadable)?;
        offset += skipped;
        line_number = seen.lines;
        previous_empty = true;
    }
    // Where the message being read starts: its "From " line's byte and line.
    let (mut message_offset, mut message_line) = (0, 1);
    let mut headers: Vec<u8> = Vec::new();
    let mut in_headers = true;
    let mut line = Vec::new();
    let finish =
        |headers: &mut Vec<u8>, at_line: u64, each: &mut dyn FnMut(Found) -> ControlFlow<()>| {
            let found = match message(headers) {
                Ok(message) => Found::Message(message),
                Err(why) => problem(&file.display().to_string(), at_line, why),
            };
            headers.clear();
            each(found)
        };
    loop {
        line.clear();
        let n = read_line_at_most(&mut reader, &mut line).map_err(unreadable)?;
        let starts_next = n == 0 || (previous_empty && line.starts_with(b"From "));
        if starts_next {
            if !headers.is_empty() && finish(&mut headers, message_line, each).is_break() {
                return Ok(());
            }
            if n == 0 {
                // The next run starts at the last message, taken again (nothing is added
                // twice): a mail program may have been writing it as this one read.
                let read = Found::ReadTo(ReadTo {
                    source: source.clone(),
                    read_to: message_offset.max(first.len() as u64),
                    fingerprint: fingerprint(message_offset.max(first.len() as u64)),
                    lines: message_line.saturating_sub(1).max(1),
                });
                let _ = each(read);
                return Ok(());
            }
            in_headers = true;
            message_offset = offset;
            line_number += 1;
            message_line = line_number;
            offset += n as u64;
            previous_empty = false;
            continue;
        }
        offset += n as u64;
        line_number += 1;
        let empty = line == b"\n" || line == b"\r\n";
        if in_headers {
            if empty {
                in_headers = false;
            } else if headers.len() < HEADERS_AT_MOST {
                headers.extend_from_slice(&line);
            }
        }
        previous_empty = empty;
    }
}
