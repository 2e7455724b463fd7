//! A vCard file's lines, read as the file is: line ends of every kind, folds and
//! quoted-printable soft breaks undone on bytes (so a fold that splits a character joins it
//! again), each line decoded to text by its charset. Linear in the file's size, holding one
//! line at a time.

use std::collections::VecDeque;
use std::io::BufRead;

/// The file's lines with folds undone, each decoded to text, with the line each began on.
pub(super) struct LogicalLines {
    lines: PhysicalLines,
    /// The file's lines passed so far.
    number: u64,
}

impl LogicalLines {
    pub(super) fn new(reader: Box<dyn BufRead>) -> LogicalLines {
        LogicalLines {
            lines: PhysicalLines {
                reader,
                waiting: VecDeque::new(),
                read: 0,
                failed: None,
            },
            number: 0,
        }
    }

    /// The bytes read so far.
    pub(super) fn bytes_read(&self) -> u64 {
        self.lines.read
    }

    /// Why the file stopped being readable before its end, if it did, and the line it got to.
    pub(super) fn failure(&self) -> Option<(u64, &str)> {
        self.lines
            .failed
            .as_deref()
            .map(|why| (self.number + 1, why))
    }
}

impl Iterator for LogicalLines {
    type Item = (u64, String);

    fn next(&mut self) -> Option<(u64, String)> {
        let soft_break = |line: &[u8]| line.ends_with(b"=") && is_quoted_printable(line);
        loop {
            let mut logical = self.lines.next()?;
            self.number += 1;
            let begins = self.number;
            // The lines that continue it: folded (a space or tab first), or after a
            // quoted-printable soft break.
            while let Some(line) = self.lines.peek() {
                let folded = matches!(line.first(), Some(b' ' | b'\t'));
                let broken = soft_break(&logical);
                if line.is_empty() || !(folded || broken) {
                    break;
                }
                if broken {
                    logical.pop(); // the "=" that broke the line
                }
                if logical.len() < LINE_AT_MOST {
                    logical.extend_from_slice(if folded { &line[1..] } else { line });
                }
                self.lines.next();
                self.number += 1;
            }
            if logical.len() >= LINE_AT_MOST && is_binary(&logical) {
                // A photo (or the like) folded over many lines: read past, as one unfolded.
                logical.truncate(head(&logical).len());
                logical.push(b':');
            }
            if !logical.iter().all(u8::is_ascii_whitespace) {
                return Some((begins, decode_line(&logical)));
            }
        }
    }
}

/// The most of one line kept: far past the longest value rolo keeps (a note of 100,000
/// characters), so that a line of tens of megabytes — a photo, or no line ends at all — costs
/// no more than this. A photo, sound or key longer than this is read past: rolo does not keep
/// them, and a cut one could spoil the card.
const LINE_AT_MOST: usize = 1024 * 1024;

/// A file's lines as it is read, a line end at a time; any of LF, CRLF, CR CR LF (iPhone
/// exports) and a lone CR ends one.
struct PhysicalLines {
    reader: Box<dyn BufRead>,
    /// Lines read and not yet taken: one, or two when a lone CR ended an empty line.
    waiting: VecDeque<Vec<u8>>,
    read: u64,
    failed: Option<String>,
}

impl PhysicalLines {
    fn next(&mut self) -> Option<Vec<u8>> {
        if self.waiting.is_empty() {
            self.fill();
        }
        self.waiting.pop_front()
    }

    fn peek(&mut self) -> Option<&[u8]> {
        if self.waiting.is_empty() {
            self.fill();
        }
        self.waiting.front().map(Vec::as_slice)
    }

    /// The first byte not yet read, if there is one.
    fn peek_byte(&mut self) -> Option<u8> {
        match self.reader.fill_buf() {
            Ok(available) => available.first().copied(),
            Err(e) => {
                self.failed = Some(format!("the rest of the file cannot be read: {e}"));
                None
            }
        }
    }

    fn consume(&mut self, n: usize) {
        self.reader.consume(n);
        self.read += n as u64;
    }

    /// Reads the next line, at most `LINE_AT_MOST` of it kept, and its end.
    fn fill(&mut self) {
        let mut line = Vec::new();
        let mut ended_by = None;
        while self.failed.is_none() {
            let available = match self.reader.fill_buf() {
                Ok([]) => break,
                Ok(available) => available,
                Err(e) => {
                    self.failed = Some(format!("the rest of the file cannot be read: {e}"));
                    break;
                }
            };
            let end = available.iter().position(|b| *b == b'\n' || *b == b'\r');
            let used = end.unwrap_or(available.len());
            let room = LINE_AT_MOST.saturating_sub(line.len());
            line.extend_from_slice(&available[..used.min(room)]);
            ended_by = end.map(|at| available[at]);
            self.consume(used + usize::from(end.is_some()));
            if ended_by.is_some() {
                break;
            }
        }
        let mut empty_after = false;
        if ended_by == Some(b'\r') {
            // CR LF and CR CR LF end one line; a second CR alone ends an empty one.
            match self.peek_byte() {
                Some(b'\n') => self.consume(1),
                Some(b'\r') => {
                    self.consume(1);
                    if self.peek_byte() == Some(b'\n') {
                        self.consume(1);
                    } else {
                        empty_after = true;
                    }
                }
                _ => {}
            }
        }
        if line.len() >= LINE_AT_MOST && is_binary(&line) {
            // Kept as the property alone, its value read past.
            line.truncate(head(&line).len());
            line.push(b':');
        }
        if ended_by.is_some() || !line.is_empty() {
            self.waiting.push_back(line);
        }
        if empty_after {
            self.waiting.push_back(Vec::new());
        }
    }
}

/// Whether a property line holds what rolo does not keep: a photo, logo, sound or key.
fn is_binary(line: &[u8]) -> bool {
    let name = head(line).split(|b| *b == b';').next().unwrap_or_default();
    let name = name.rsplit(|b| *b == b'.').next().unwrap_or_default();
    ["PHOTO", "LOGO", "SOUND", "KEY"]
        .iter()
        .any(|kind| name.trim_ascii().eq_ignore_ascii_case(kind.as_bytes()))
}

/// The part of a property line before its value (name and parameters), quotes respected.
fn head(line: &[u8]) -> &[u8] {
    let mut quoted = false;
    for (i, b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

fn is_quoted_printable(line: &[u8]) -> bool {
    head(line)
        .to_ascii_uppercase()
        .windows(16)
        .any(|w| w == b"QUOTED-PRINTABLE")
}

/// One line as text: UTF-8 as it is; otherwise in the charset its `CHARSET` parameter names,
/// or Windows-1252, the usual charset of old exports that name none.
fn decode_line(line: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(line) {
        return text.to_string();
    }
    let head = head(line);
    let upper = head.to_ascii_uppercase();
    let named = upper.windows(8).position(|w| w == b"CHARSET=").map(|at| {
        let value = &head[at + 8..];
        let end = value
            .iter()
            .position(|b| *b == b';' || *b == b':')
            .unwrap_or(value.len());
        value[..end].to_vec()
    });
    let decoder = named
        .as_deref()
        .and_then(mail_parser::decoders::charsets::map::charset_decoder)
        .or_else(|| mail_parser::decoders::charsets::map::charset_decoder(b"windows-1252"));
    match decoder {
        Some(decode) => decode(line),
        None => String::from_utf8_lossy(line).into_owned(),
    }
}
