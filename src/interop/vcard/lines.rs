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
                chunk: Vec::new(),
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
                logical.extend_from_slice(if folded { &line[1..] } else { line });
                self.lines.next();
                self.number += 1;
            }
            if !logical.iter().all(u8::is_ascii_whitespace) {
                return Some((begins, decode_line(&logical)));
            }
        }
    }
}

/// A file's lines as it is read, a line end at a time; any of LF, CRLF, CR CR LF (iPhone
/// exports) and a lone CR ends one.
struct PhysicalLines {
    reader: Box<dyn BufRead>,
    /// The lines of the last piece read, not yet taken.
    waiting: VecDeque<Vec<u8>>,
    chunk: Vec<u8>,
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

    /// Reads up to the next LF, and splits what came at each line end in it.
    fn fill(&mut self) {
        self.chunk.clear();
        match self.reader.read_until(b'\n', &mut self.chunk) {
            Ok(0) => return,
            Ok(n) => self.read += n as u64,
            Err(e) => {
                self.failed = Some(format!("the rest of the file cannot be read: {e}"));
                return;
            }
        }
        let mut body = self.chunk.as_slice();
        if let Some(before) = body.strip_suffix(b"\n") {
            // CR CR LF and CR LF end one line; a lone LF too.
            body = before
                .strip_suffix(b"\r\r")
                .or_else(|| before.strip_suffix(b"\r"))
                .unwrap_or(before);
        } else if let Some(before) = body.strip_suffix(b"\r") {
            // The file's last line, ended by a CR alone.
            body = before;
        }
        // What is left of a CR ends a line of its own.
        self.waiting
            .extend(body.split(|b| *b == b'\r').map(<[u8]>::to_vec));
    }
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
