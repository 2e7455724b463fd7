//! From the bytes of a .vcf file to the text of each card, before calcard reads the card:
//! what real address books write and a vCard parser is not given to mend.
//!
//! - The encoding: a UTF-8 or UTF-16 byte-order mark, UTF-16 without one (Apple Address Book,
//!   Entourage), and lines in another charset, decoded by their `CHARSET` parameter or, when
//!   they name none and are not UTF-8, as Windows-1252 (which Outlook wrote).
//! - Line ends: LF, CRLF, CR alone and CR CR LF (iPhone exports) all end one line, so the line
//!   numbers reported are the file's own whichever it uses.
//! - Folding, undone on bytes before decoding, so a fold that splits a character joins it again;
//!   quoted-printable soft breaks (`=` at the end of a line) too.
//! - Cards that lose people: `BEGIN:VCARD ` with trailing space, a card with no `END:VCARD`
//!   (the next BEGIN, or the end of the file, ends it), and a vCard 2.1 AGENT card nested in
//!   another (taken out as a card of its own — the agent is a person too — so the card around
//!   it is read whole).
//!
//! Each step is one pass over the input: linear in the file's size.

/// One card's text, unfolded, one property per line, and the line of the file it begins on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardText {
    pub line: u64,
    pub text: String,
    /// The file's line each line of `text` begins on, in order.
    pub lines: Vec<u64>,
}

impl CardText {
    fn new(line: u64) -> CardText {
        CardText {
            line,
            text: "BEGIN:VCARD\r\n".into(),
            lines: vec![line],
        }
    }

    fn push(&mut self, number: u64, line: &str) {
        self.text.push_str(line);
        self.text.push_str("\r\n");
        self.lines.push(number);
    }

    /// The file's line of the first property line holding `value`, else the card's first.
    pub fn line_of(&self, value: &str) -> u64 {
        self.text
            .split("\r\n")
            .zip(&self.lines)
            .find(|(line, _)| line.contains(value))
            .map_or(self.line, |(_, number)| *number)
    }
}

/// The cards of a file, one at a time, in the order they begin: a file of 100,000 cards is
/// never held as 100,000 texts.
pub struct Cards {
    lines: LogicalLines,
    current: Option<CardText>,
    /// An AGENT's card, being read out of the card around it.
    agent: Option<CardText>,
    after_agent: bool,
    /// Agents' cards, finished, waiting for the card around them (which begins first).
    held: Vec<CardText>,
    ready: std::collections::VecDeque<CardText>,
    ended: bool,
    expected: u64,
}

impl Cards {
    pub fn new(bytes: Vec<u8>) -> Cards {
        let (bytes, start) = decoded(bytes);
        let expected = bytes
            .split(|b| *b == b'\n' || *b == b'\r')
            .filter(|line| {
                let line = line.trim_ascii_start();
                line.len() >= 11 && line[..11].eq_ignore_ascii_case(b"BEGIN:VCARD")
            })
            .count() as u64;
        Cards {
            lines: LogicalLines {
                bytes,
                at: start,
                number: 0,
            },
            current: None,
            agent: None,
            after_agent: false,
            held: Vec::new(),
            ready: std::collections::VecDeque::new(),
            ended: false,
            expected,
        }
    }

    /// How many cards the file seems to hold (its BEGIN lines), for a progress bar.
    pub fn expected(&self) -> u64 {
        self.expected
    }

    /// A card ends: it is given, then the agents' cards read out of it.
    fn finish(&mut self, card: CardText) {
        self.ready.push_back(close(card));
        self.ready.extend(self.held.drain(..));
    }

    /// Takes one line into the card it belongs to: from BEGIN:VCARD to END:VCARD, or to the
    /// next BEGIN or the end of the file when the END is missing; a card nested after AGENT is
    /// read out as a card of its own.
    fn take(&mut self, number: u64, line: &str) {
        let is = |what: &str| {
            line.trim().split_once(':').is_some_and(|(name, value)| {
                name.trim().eq_ignore_ascii_case(what) && value.trim().eq_ignore_ascii_case("VCARD")
            })
        };
        if let Some(card) = self.agent.as_mut() {
            if is("END") {
                self.held.extend(self.agent.take().map(close));
            } else if !is("BEGIN") {
                card.push(number, line);
            }
            return;
        }
        if is("BEGIN") {
            if self.current.is_some() && self.after_agent {
                self.agent = Some(CardText::new(number));
                self.after_agent = false;
                return;
            }
            if let Some(card) = self.current.take() {
                self.finish(card);
            }
            self.current = Some(CardText::new(number));
        } else if is("END") {
            if let Some(card) = self.current.take() {
                self.finish(card);
            }
        } else if let Some(card) = self.current.as_mut() {
            card.push(number, line);
        }
        self.after_agent = line.split_once(':').is_some_and(|(name, value)| {
            let name = name.rsplit('.').next().unwrap_or(name);
            name.split(';')
                .next()
                .is_some_and(|n| n.trim().eq_ignore_ascii_case("AGENT"))
                && value.trim().is_empty()
        });
    }
}

impl Iterator for Cards {
    type Item = CardText;

    fn next(&mut self) -> Option<CardText> {
        loop {
            if let Some(card) = self.ready.pop_front() {
                return Some(card);
            }
            if self.ended {
                return None;
            }
            match self.lines.next() {
                Some((number, line)) => self.take(number, &line),
                None => {
                    self.ended = true;
                    if let Some(card) = self.current.take() {
                        self.finish(card);
                    }
                    self.ready.extend(self.held.drain(..));
                    self.ready.extend(self.agent.take().map(close));
                }
            }
        }
    }
}

/// The file as UTF-8-or-other bytes, and where they begin: UTF-16 turned into UTF-8,
/// byte-order marks passed over.
fn decoded(bytes: Vec<u8>) -> (Vec<u8>, usize) {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        return (bytes, 3);
    }
    let utf16 = match bytes.as_slice() {
        [0xff, 0xfe, rest @ ..] => Some((rest, false)),
        [0xfe, 0xff, rest @ ..] => Some((rest, true)),
        // No mark, but "B\0E\0G\0…" or "\0B\0E\0G…": UTF-16 all the same.
        [b, 0, ..] if b.is_ascii() && *b != 0 => Some((bytes.as_slice(), false)),
        [0, b, ..] if b.is_ascii() && *b != 0 => Some((bytes.as_slice(), true)),
        _ => None,
    };
    match utf16 {
        Some((rest, big_endian)) => {
            let units = rest.chunks_exact(2).map(|pair| {
                if big_endian {
                    u16::from_be_bytes([pair[0], pair[1]])
                } else {
                    u16::from_le_bytes([pair[0], pair[1]])
                }
            });
            let text: String = char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
            (text.into_bytes(), start)
        }
        None => (bytes, 0),
    }
}

/// The file's lines with folds undone, each decoded to text, with the line each began on.
struct LogicalLines {
    bytes: Vec<u8>,
    at: usize,
    /// The file's lines passed so far.
    number: u64,
}

impl Iterator for LogicalLines {
    type Item = (u64, String);

    fn next(&mut self) -> Option<(u64, String)> {
        let soft_break = |line: &[u8]| line.ends_with(b"=") && is_quoted_printable(line);
        loop {
            if self.at >= self.bytes.len() {
                return None;
            }
            let (line, used) = next_line(&self.bytes[self.at..]);
            let mut logical = line.to_vec();
            self.at += used;
            self.number += 1;
            let begins = self.number;
            // The lines that continue it: folded (a space or tab first), or after a
            // quoted-printable soft break.
            while self.at < self.bytes.len() {
                let (line, used) = next_line(&self.bytes[self.at..]);
                let folded = matches!(line.first(), Some(b' ' | b'\t'));
                let broken = soft_break(&logical);
                if line.is_empty() || !(folded || broken) {
                    break;
                }
                if broken {
                    logical.pop(); // the "=" that broke the line
                }
                logical.extend_from_slice(if folded { &line[1..] } else { line });
                self.at += used;
                self.number += 1;
            }
            if !logical.iter().all(u8::is_ascii_whitespace) {
                return Some((begins, decode_line(&logical)));
            }
        }
    }
}

/// The next line and how many bytes it takes with its end; any of LF, CRLF, CR CR LF and a
/// lone CR ends a line.
fn next_line(bytes: &[u8]) -> (&[u8], usize) {
    match bytes.iter().position(|b| *b == b'\n' || *b == b'\r') {
        None => (bytes, bytes.len()),
        Some(end) => {
            let after = &bytes[end..];
            let skip = if after.starts_with(b"\r\r\n") {
                3
            } else if after.starts_with(b"\r\n") {
                2
            } else {
                1
            };
            (&bytes[..end], end + skip)
        }
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

fn close(mut card: CardText) -> CardText {
    card.text.push_str("END:VCARD\r\n");
    card
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(bytes: &[u8]) -> Vec<(u64, String)> {
        Cards::new(bytes.to_vec())
            .map(|c| (c.line, c.text))
            .collect()
    }

    #[test]
    fn every_line_end_counts_one_line() {
        for end in ["\n", "\r\n", "\r", "\r\r\n"] {
            let file = [
                "BEGIN:VCARD",
                "FN:Ada",
                "END:VCARD",
                "BEGIN:VCARD",
                "FN:Grace",
                "END:VCARD",
            ]
            .join(end);
            let found = texts(file.as_bytes());
            assert_eq!(found.len(), 2, "{end:?}");
            assert_eq!(found[1].0, 4, "{end:?}: the second card starts on line 4");
        }
    }

    #[test]
    fn a_fold_inside_a_character_joins_it_again() {
        let file = b"BEGIN:VCARD\r\nFN:Ad\xc3\r\n \xa9le\r\nEND:VCARD\r\n";
        assert!(texts(file)[0].1.contains("FN:Adéle"));
    }

    #[test]
    fn utf16_with_and_without_a_mark() {
        let text = "BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&[0xff, 0xfe][..], &le].concat(),
            [&[0xfe, 0xff][..], &be].concat(),
            le,
            be,
        ] {
            assert!(texts(&bytes)[0].1.contains("FN:Zoë"), "{:?}", &bytes[..4]);
        }
    }

    #[test]
    fn charsets_by_name_or_windows_1252() {
        let latin =
            b"BEGIN:VCARD\r\nFN;CHARSET=ISO-8859-1:M\xfcller\r\nNOTE:O\x92Brien\r\nEND:VCARD\r\n";
        let text = &texts(latin)[0].1;
        assert!(text.contains("Müller"), "{text}");
        assert!(text.contains("O’Brien"), "{text}");
        let japanese =
            b"BEGIN:VCARD\r\nFN;CHARSET=SHIFT_JIS:\x83\x65\x83\x58\x83\x67\r\nEND:VCARD\r\n";
        assert!(texts(japanese)[0].1.contains("テスト"));
    }

    #[test]
    fn missing_ends_and_agents_lose_nobody() {
        let file = "BEGIN:VCARD \r\nFN:Ada\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Secretary\r\nEND:VCARD\r\n\
                    EMAIL:ada@x.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Grace\r\nBEGIN:VCARD\r\nFN:Alan\r\n";
        let found = texts(file.as_bytes());
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found[0].1.contains("EMAIL:ada@x.example") && !found[0].1.contains("Secretary"));
        assert!(
            found[1].1.contains("FN:Secretary"),
            "the agent is a card of their own"
        );
        assert!(found[2].1.contains("FN:Grace"));
        assert_eq!(found[3].0, 11);
    }
}
