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

use std::io::{BufRead, Read};

use super::lines::LogicalLines;

/// One card's text, unfolded, one property per line, and the line of the file it begins on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardText {
    pub line: u64,
    pub text: String,
    /// The file's line each line of `text` begins on, in order.
    pub lines: Vec<u64>,
    /// The file ended inside it (no END:VCARD): it may have been cut short.
    pub cut: bool,
}

impl CardText {
    fn new(line: u64) -> CardText {
        CardText {
            line,
            text: "BEGIN:VCARD\r\n".into(),
            lines: vec![line],
            cut: false,
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
    /// The BEGIN lines of a file held whole.
    expected: Option<u64>,
    given: u64,
}

impl Cards {
    /// The cards of a file held whole (its BEGIN lines counted for the progress bar).
    pub fn new(bytes: Vec<u8>) -> Cards {
        let (mut bytes, start) = decoded(bytes);
        let expected = bytes
            .split(|b| *b == b'\n' || *b == b'\r')
            .filter(|line| {
                let line = line.trim_ascii_start();
                line.len() >= 11 && line[..11].eq_ignore_ascii_case(b"BEGIN:VCARD")
            })
            .count() as u64;
        bytes.drain(..start);
        Cards::from_lines(
            LogicalLines::new(Box::new(std::io::Cursor::new(bytes))),
            Some(expected),
        )
    }

    /// The cards of a file read as they come, never held whole.
    /// UTF-16 (rare, and no line of it reads as text before it is decoded) is decoded whole.
    pub fn read(mut reader: Box<dyn BufRead>) -> std::io::Result<Cards> {
        let start = reader.fill_buf()?;
        let utf16 = matches!(
            start,
            [0xff, 0xfe, ..] | [0xfe, 0xff, ..] | [_, 0, ..] | [0, _, ..]
        );
        if utf16 {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes)?;
            return Ok(Cards::new(bytes));
        }
        if start.starts_with(b"\xef\xbb\xbf") {
            reader.consume(3);
        }
        Ok(Cards::from_lines(LogicalLines::new(reader), None))
    }

    fn from_lines(lines: LogicalLines, expected: Option<u64>) -> Cards {
        Cards {
            lines,
            current: None,
            agent: None,
            after_agent: false,
            held: Vec::new(),
            ready: std::collections::VecDeque::new(),
            ended: false,
            expected,
            given: 0,
        }
    }

    /// How many cards the file seems to hold, for a progress bar: its BEGIN lines when it was
    /// held whole, else the cards so far in the share of it read so far.
    pub fn expected(&self, size: u64) -> u64 {
        match self.expected {
            Some(counted) => counted,
            None => {
                let read = self.lines.bytes_read().max(1);
                (self.given * size / read).max(self.given)
            }
        }
    }

    /// Why the file stopped being readable before its end, if it did, and the line it got to.
    pub fn failure(&self) -> Option<(u64, &str)> {
        self.lines.failure()
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
                self.given += 1;
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
                        self.finish(CardText { cut: true, ..card });
                    }
                    self.ready.extend(self.held.drain(..));
                    self.ready.extend(
                        self.agent
                            .take()
                            .map(|agent| close(CardText { cut: true, ..agent })),
                    );
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
