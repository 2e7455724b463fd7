//! One editable text value with a cursor: the line editing every form field shares (and, with
//! line breaks allowed, the multi-line notes).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// In characters, not bytes.
    cursor: usize,
    /// The most characters typing or pasting may make it hold.
    limit: usize,
}

impl Default for TextInput {
    fn default() -> Self {
        TextInput::new("")
    }
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.chars().count(),
            limit: usize::MAX,
        }
    }

    /// The same text, taking no more than `limit` characters from now on.
    pub fn with_limit(mut self, limit: usize) -> TextInput {
        self.limit = limit;
        self
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Puts the cursor before the first character (a draft is read from its greeting).
    pub fn to_start(&mut self) {
        self.cursor = 0;
    }

    /// Takes out the next `{placeholder}` after the cursor (else the first before it) and
    /// leaves the cursor where it stood, to type in its place; says which one, if any.
    pub fn take_placeholder(&mut self) -> Option<String> {
        let at = self.byte_at(self.cursor);
        let find = |from: usize| {
            let start = from + self.value.get(from..)?.find('{')?;
            let length = self.value.get(start..)?.find('}')?;
            let name = self.value.get(start + 1..start + length)?;
            let plain =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            plain.then_some((start, start + length + 1))
        };
        let (start, end) = find(at).or_else(|| find(0))?;
        let name = self.value.get(start + 1..end - 1)?.to_string();
        self.value.replace_range(start..end, "");
        self.cursor = self.value.get(..start)?.chars().count();
        Some(name)
    }

    pub fn set(&mut self, value: &str) {
        *self = TextInput::new(value).with_limit(self.limit);
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    pub fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// Types one character, unless the text is at its limit.
    pub fn insert(&mut self, c: char) {
        if self.len() >= self.limit {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    /// Pasted text: control characters other than line breaks become spaces. Cleaned, cut to
    /// what the limit leaves room for, and put in place in one step, so a paste costs time in
    /// proportion to its length. Says how many characters did not fit.
    pub fn insert_str(&mut self, text: &str, multiline: bool) -> usize {
        // Escape sequences go whole (not leaving "]0;title" behind); any line end becomes
        // one, so a line break pasted into a one-line field is a space.
        let text = &crate::domain::sanitize::multiline(text);
        let room = self.limit.saturating_sub(self.len());
        let mut cleaned = String::with_capacity(text.len().min(room.saturating_mul(4)));
        let mut taken = 0;
        let mut left_out = 0;
        for c in text.chars() {
            let c = match c {
                '\r' => continue,
                '\n' if multiline => '\n',
                c if c.is_control() => ' ',
                c => c,
            };
            if taken < room {
                cleaned.push(c);
                taken += 1;
            } else {
                left_out += 1;
            }
        }
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, &cleaned);
        self.cursor += taken;
        left_out
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    pub fn handle(&mut self, key: &KeyEvent, multiline: bool) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Char('u') if ctrl => self.delete_to_start(),
            KeyCode::Char('k') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.value.truncate(at);
            }
            KeyCode::Char('w') if ctrl => self.delete_word_back(),
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('b') if alt => self.cursor = self.word_start_before(),
            KeyCode::Char('f') if alt => self.cursor = self.word_end_after(),
            KeyCode::Char(c) if !ctrl && !alt => self.insert(c),
            KeyCode::Enter if multiline => self.insert('\n'),
            KeyCode::Backspace if ctrl || alt => self.delete_word_back(),
            KeyCode::Backspace => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    let at = self.byte_at(self.cursor);
                    self.value.remove(at);
                }
            }
            KeyCode::Delete => {
                if self.cursor < self.len() {
                    let at = self.byte_at(self.cursor);
                    self.value.remove(at);
                }
            }
            KeyCode::Left if ctrl || alt => self.cursor = self.word_start_before(),
            KeyCode::Right if ctrl || alt => self.cursor = self.word_end_after(),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.len()),
            KeyCode::Home => self.cursor = self.line_start(),
            KeyCode::End => self.cursor = self.line_end(),
            KeyCode::Up if multiline => self.move_line(-1),
            KeyCode::Down if multiline => self.move_line(1),
            _ => return false,
        }
        true
    }

    fn chars(&self) -> Vec<char> {
        self.value.chars().collect()
    }

    fn delete_to_start(&mut self) {
        let at = self.byte_at(self.cursor);
        self.value.replace_range(..at, "");
        self.cursor = 0;
    }

    fn delete_word_back(&mut self) {
        let start = self.word_start_before();
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.value.replace_range(from..to, "");
        self.cursor = start;
    }

    fn word_start_before(&self) -> usize {
        let chars = self.chars();
        let mut i = self.cursor;
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    fn word_end_after(&self) -> usize {
        let chars = self.chars();
        let mut i = self.cursor;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        i
    }

    fn line_start(&self) -> usize {
        let chars = self.chars();
        (0..self.cursor)
            .rev()
            .find(|i| chars[*i] == '\n')
            .map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        let chars = self.chars();
        (self.cursor..chars.len())
            .find(|i| chars[*i] == '\n')
            .unwrap_or(chars.len())
    }

    /// Moves to the same column of the line above or below.
    fn move_line(&mut self, step: isize) {
        let column = self.cursor - self.line_start();
        let chars = self.chars();
        let target_start = if step < 0 {
            let start = self.line_start();
            if start == 0 {
                return;
            }
            (0..start - 1)
                .rev()
                .find(|i| chars[*i] == '\n')
                .map_or(0, |i| i + 1)
        } else {
            let end = self.line_end();
            if end >= chars.len() {
                return;
            }
            end + 1
        };
        let target_end = (target_start..chars.len())
            .find(|i| chars[*i] == '\n')
            .unwrap_or(chars.len());
        self.cursor = (target_start + column).min(target_end);
    }

    /// The (line, column) of the cursor, for drawing it.
    pub fn cursor_position(&self) -> (usize, usize) {
        // One pass, nothing copied: a notes field can hold megabytes.
        let (mut line, mut column) = (0, 0);
        for c in self.value.chars().take(self.cursor) {
            if c == '\n' {
                line += 1;
                column = 0;
            } else {
                column += 1;
            }
        }
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::default();
        for c in text.chars() {
            input.handle(&key(KeyCode::Char(c), KeyModifiers::NONE), false);
        }
        input
    }

    #[test]
    fn edits_at_the_cursor_with_word_moves() {
        let mut input = typed("Ada Lovelace");
        input.handle(&key(KeyCode::Left, KeyModifiers::CONTROL), false);
        assert_eq!(input.cursor(), 4);
        input.handle(&key(KeyCode::Char('K'), KeyModifiers::NONE), false);
        assert_eq!(input.value(), "Ada KLovelace");
        input.handle(&key(KeyCode::Backspace, KeyModifiers::NONE), false);
        input.handle(&key(KeyCode::End, KeyModifiers::NONE), false);
        input.handle(&key(KeyCode::Char('w'), KeyModifiers::CONTROL), false);
        assert_eq!(input.value(), "Ada ");
        input.handle(&key(KeyCode::Char('u'), KeyModifiers::CONTROL), false);
        assert_eq!(input.value(), "");
    }

    #[test]
    fn handles_multibyte_characters() {
        let mut input = typed("Chloé");
        input.handle(&key(KeyCode::Backspace, KeyModifiers::NONE), false);
        assert_eq!(input.value(), "Chlo");
        input.handle(&key(KeyCode::Home, KeyModifiers::NONE), false);
        input.handle(&key(KeyCode::Delete, KeyModifiers::NONE), false);
        assert_eq!(input.value(), "hlo");
    }

    #[test]
    fn multiline_moves_between_lines() {
        let mut input = TextInput::new("first line\nsecond");
        assert_eq!(input.cursor_position(), (1, 6));
        input.handle(&key(KeyCode::Up, KeyModifiers::NONE), true);
        assert_eq!(input.cursor_position(), (0, 6));
        input.handle(&key(KeyCode::Enter, KeyModifiers::NONE), true);
        assert_eq!(input.value(), "first \nline\nsecond");
        let mut one_line = TextInput::new("x");
        assert!(!one_line.handle(&key(KeyCode::Enter, KeyModifiers::NONE), false));
    }
}

#[cfg(test)]
mod placeholder_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn tab_takes_out_each_placeholder_in_turn() {
        let mut input = TextInput::new("Dear {first_name}, about {key_point}: thanks.");
        input.to_start();
        assert_eq!(input.take_placeholder().as_deref(), Some("first_name"));
        assert_eq!(input.value(), "Dear , about {key_point}: thanks.");
        assert_eq!(input.cursor(), 5);
        input.insert('A');
        assert_eq!(input.take_placeholder().as_deref(), Some("key_point"));
        assert_eq!(input.value(), "Dear A, about : thanks.");
        assert_eq!(input.take_placeholder(), None);
        // Braces that are not a placeholder are left alone.
        let mut code = TextInput::new("a {b c} d {}");
        assert_eq!(code.take_placeholder(), None);
    }
}
