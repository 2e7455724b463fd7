//! Strings from users and files are cleaned before they are stored or drawn: terminal escape
//! sequences and control characters would otherwise move the cursor, change colours or worse
//! when the text is shown.

/// One line of text: escape sequences and every control character removed, ends trimmed.
pub fn line(input: &str) -> String {
    clean(input, false).trim().to_string()
}

/// As `line`, in place, and without a copy when the text is already clean (an import cleans
/// hundreds of thousands of fields, nearly all of them clean).
pub fn line_in_place(text: &mut String) {
    let clean_already =
        !needs_cleaning(text) && !text.contains(['\n', '\t']) && text.trim().len() == text.len();
    if !clean_already {
        *text = line(text);
    }
}

/// Multi-line text: as `line`, but line breaks (and tabs) are kept and `\r\n` becomes `\n`.
pub fn multiline(input: &str) -> String {
    clean(input, true).trim_end().to_string()
}

/// Whether `multiline` would change more than trailing space: an escape, a control character
/// other than a line break or tab, or a bidirectional override.
pub fn needs_cleaning(input: &str) -> bool {
    // On bytes, since it runs over every text every import stores: C0 controls and DEL are
    // single bytes, C1 controls are C2 80–9F, the bidirectional overrides E2 80 AA–AE and
    // E2 81 A6–A9.
    let bytes = input.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => false,
        0..0x20 | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xe2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(0x80), Some(n)) => (0xaa..=0xae).contains(n),
            (Some(0x81), Some(n)) => (0xa6..=0xa9).contains(n),
            _ => false,
        },
        _ => false,
    })
}

fn clean(input: &str, keep_breaks: bool) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // CSI as a single C1 character: skip its parameters and final byte too.
            '\u{9b}' => skip_until_final(&mut chars),
            '\r' if keep_breaks => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' if keep_breaks => out.push(c),
            '\t' => out.push(' '),
            '\n' => out.push(' '),
            c if c.is_control() => {}
            // Bidirectional overrides can make text read differently from what it is.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_until_final(chars),
        // OSC, DCS, SOS, PM, APC: a string ended by BEL or ESC \.
        Some(']' | 'P' | 'X' | '^' | '_') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        // Two-character sequences such as ESC c (reset) or ESC ( B (charset): drop the
        // intermediate bytes and the final one.
        Some(c) if (' '..='/').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

/// A path as it may be printed: a file name can hold escape sequences, which must not reach
/// the terminal (they could set its title or the clipboard).
pub fn shown(path: &std::path::Path) -> String {
    // `-` on the command line is standard input or output.
    if path == std::path::Path::new("-") {
        return "standard input".into();
    }
    line(&path.display().to_string())
}

/// Lower case without accents, so "chloe" finds "Chloé".
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// A name as people mean it: words in any case, with or without accents, however spaced
/// ("chloe  SATO" is "Chloé Sato").
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|word| word.chars().map(fold).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_cleaning_says_what_multiline_would_change() {
        for text in [
            "plain",
            "two\nlines\twith a tab",
            "accents é ü 山田",
            "quote ’ and — dash",
        ] {
            assert!(!needs_cleaning(text), "{text:?}");
            assert_eq!(multiline(text), text);
        }
        for text in [
            "esc \u{1b}[2J",
            "bell \u{7}",
            "c1 \u{9b}31m",
            "del \u{7f}",
            "bidi \u{202e}x",
            "\r",
        ] {
            assert!(needs_cleaning(text), "{text:?}");
        }
    }

    #[test]
    fn removes_escape_sequences_and_controls() {
        assert_eq!(line("Ada\u{1b}[31m Lovelace\u{1b}[0m"), "Ada Lovelace");
        assert_eq!(line("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(line("x\u{1b}]8;;http://e\u{1b}\\y"), "xy");
        assert_eq!(line("bell\u{7}\u{0}null"), "bellnull");
        assert_eq!(line("a\u{9b}2Jb"), "ab");
        assert_eq!(line("  two\nlines  "), "two lines");
        assert_eq!(line("rev\u{202e}erse"), "reverse");
    }

    #[test]
    fn multiline_keeps_breaks() {
        assert_eq!(multiline("one\r\ntwo\rthree\n"), "one\ntwo\nthree");
        assert_eq!(multiline("a\u{1b}[2Jb\n\tc"), "ab\n\tc");
    }
}
