//! Telling typed text from commands.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Whether a key event is printable text (for the filter), not a command.
pub fn typed_char(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Drops the last word of `line` and the spaces after it, as Ctrl-w does in a shell.
pub fn drop_last_word(line: &mut String) {
    let kept = line.trim_end().len();
    line.truncate(kept);
    // After the last space, whatever its width in bytes (a no-break or ideographic space).
    let start = line
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    line.truncate(start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_w_drops_the_last_word() {
        let mut line = "design studios  ".to_string();
        drop_last_word(&mut line);
        assert_eq!(line, "design ");
        drop_last_word(&mut line);
        assert_eq!(line, "");
        let mut wide = "東京\u{3000}大阪".to_string();
        drop_last_word(&mut wide);
        assert_eq!(wide, "東京\u{3000}");
        let mut accented = "café crème".to_string();
        drop_last_word(&mut accented);
        assert_eq!(accented, "café ");
    }
}
