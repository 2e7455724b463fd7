//! Strings from users and files are cleaned before they are stored or drawn: terminal escape
//! sequences and control characters would otherwise move the cursor, change colours or worse
//! when the text is shown.

/// One line of text: escape sequences and every control character removed, ends trimmed.
pub fn line(input: &str) -> String {
    clean(input, false).trim().to_string()
}

/// Multi-line text: as `line`, but line breaks (and tabs) are kept and `\r\n` becomes `\n`.
pub fn multiline(input: &str) -> String {
    clean(input, true).trim_end().to_string()
}

/// Whether `multiline` would change more than trailing space: an escape, a control character
/// other than a line break or tab, or a bidirectional override.
pub fn needs_cleaning(input: &str) -> bool {
    input.chars().any(|c| {
        (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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

#[cfg(test)]
mod tests {
    use super::*;

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
