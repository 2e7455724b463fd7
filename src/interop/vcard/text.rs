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

/// The cards in a file, in order.
pub fn cards(bytes: &[u8]) -> Vec<CardText> {
    let lines = logical_lines(&decoded_bytes(bytes));
    split_cards(lines)
}

/// The file as UTF-8-or-other bytes: UTF-16 turned into UTF-8, byte-order marks dropped.
fn decoded_bytes(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return rest.into();
    }
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some((rest, false)),
        [0xfe, 0xff, rest @ ..] => Some((rest, true)),
        // No mark, but "B\0E\0G\0…" or "\0B\0E\0G…": UTF-16 all the same.
        [b, 0, ..] if b.is_ascii() && *b != 0 => Some((bytes, false)),
        [0, b, ..] if b.is_ascii() && *b != 0 => Some((bytes, true)),
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
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
            text.into_bytes().into()
        }
        None => bytes.into(),
    }
}

/// The file's lines with folds undone, each decoded to text, with the line each began on.
fn logical_lines(bytes: &[u8]) -> Vec<(u64, String)> {
    let mut lines: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut number = 0u64;
    let mut soft_break = false;
    let mut rest = bytes;
    while !rest.is_empty() {
        let (line, after) = next_line(rest);
        rest = after;
        number += 1;
        let folded = matches!(line.first(), Some(b' ' | b'\t'));
        match lines.last_mut() {
            Some((_, last)) if (folded || soft_break) && !line.is_empty() => {
                if soft_break {
                    last.pop(); // the "=" that broke the line
                    last.extend_from_slice(if folded { &line[1..] } else { line });
                } else {
                    last.extend_from_slice(&line[1..]);
                }
            }
            _ => lines.push((number, line.to_vec())),
        }
        soft_break = lines
            .last()
            .is_some_and(|(_, l)| l.ends_with(b"=") && is_quoted_printable(l));
    }
    lines
        .into_iter()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(n, line)| (n, decode_line(&line)))
        .collect()
}

/// The next line and what follows it; any of LF, CRLF, CR CR LF and a lone CR ends a line.
fn next_line(bytes: &[u8]) -> (&[u8], &[u8]) {
    match bytes.iter().position(|b| *b == b'\n' || *b == b'\r') {
        None => (bytes, &[]),
        Some(end) => {
            let after = &bytes[end..];
            let skip = if after.starts_with(b"\r\r\n") {
                3
            } else if after.starts_with(b"\r\n") {
                2
            } else {
                1
            };
            (&bytes[..end], &after[skip..])
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

/// The lines grouped into cards: each from BEGIN:VCARD to END:VCARD, or to the next BEGIN or the
/// end of the file when the END is missing; a card nested after AGENT is left out.
fn split_cards(lines: Vec<(u64, String)>) -> Vec<CardText> {
    let is = |line: &str, what: &str| {
        line.trim().split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case(what) && value.trim().eq_ignore_ascii_case("VCARD")
        })
    };
    let mut cards = Vec::new();
    let mut current: Option<CardText> = None;
    // An AGENT's card, being read out of the card around it.
    let mut agent: Option<CardText> = None;
    let mut after_agent = false;
    for (number, line) in lines {
        if let Some(card) = agent.as_mut() {
            if is(&line, "END") {
                cards.extend(agent.take().map(close));
            } else if !is(&line, "BEGIN") {
                card.push(number, &line);
            }
            continue;
        }
        if is(&line, "BEGIN") {
            if current.is_some() && after_agent {
                agent = Some(CardText::new(number));
                after_agent = false;
                continue;
            }
            if let Some(card) = current.take() {
                cards.push(close(card));
            }
            current = Some(CardText::new(number));
        } else if is(&line, "END") {
            if let Some(card) = current.take() {
                cards.push(close(card));
            }
        } else if let Some(card) = current.as_mut() {
            card.push(number, &line);
        }
        after_agent = line.split_once(':').is_some_and(|(name, value)| {
            let name = name.rsplit('.').next().unwrap_or(name);
            name.split(';')
                .next()
                .is_some_and(|n| n.trim().eq_ignore_ascii_case("AGENT"))
                && value.trim().is_empty()
        });
    }
    cards.extend(agent.map(close));
    if let Some(card) = current {
        cards.push(close(card));
    }
    cards.sort_by_key(|card| card.line);
    cards
}

fn close(mut card: CardText) -> CardText {
    card.text.push_str("END:VCARD\r\n");
    card
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(bytes: &[u8]) -> Vec<(u64, String)> {
        cards(bytes).into_iter().map(|c| (c.line, c.text)).collect()
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
