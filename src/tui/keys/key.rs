//! One key with its modifiers: read as the keymap and the config write it ("ctrl-p", "G",
//! "backtab"), matched against the terminal's key events, and labelled for help and the footer.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key with its modifiers, as written in the keymap ("ctrl-p", "G", "backtab").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
}

/// `KeyCode` made orderable, for stable help listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(&'static str),
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("space", KeyCode::Char(' ')),
];

impl Key {
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt) = (false, false);
        // Modifiers and names in any case, as help writes them ("Ctrl-C", "F1", "PgDn"); a
        // single character keeps its case ("G" is not "g").
        let prefix = |rest: &str, word: &str| -> Option<usize> {
            (rest.len() > word.len() && rest.get(..word.len())?.eq_ignore_ascii_case(word))
                .then_some(word.len())
        };
        loop {
            if let Some(at) = prefix(rest, "ctrl-") {
                ctrl = true;
                rest = &rest[at..];
            } else if let Some(at) = prefix(rest, "alt-") {
                alt = true;
                rest = &rest[at..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let rest: &str = if rest.chars().count() > 1 {
            match lower.as_str() {
                "escape" => "esc",
                "return" => "enter",
                "pgdn" => "pagedown",
                "pgup" => "pageup",
                "del" => "delete",
                // As help writes it.
                "shift-tab" => "backtab",
                other => other,
            }
        } else {
            rest
        };
        let code = if let Some(&(name, _)) = NAMED.iter().find(|(n, _)| *n == rest) {
            if name == "space" {
                KeyCodeOrd::Char(' ')
            } else {
                KeyCodeOrd::Named(name)
            }
        } else if let Some(n) = rest.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            KeyCodeOrd::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCodeOrd::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                _ => {
                    return Err(format!(
                        "{text:?} is not a key (try \"j\", \"ctrl-p\", \"enter\")"
                    ));
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            other => KeyCodeOrd::Named(NAMED.iter().find(|(_, code)| *code == other)?.0),
        };
        Some(Key { code, ctrl, alt })
    }

    /// How help and the footer show the key: "j", "Ctrl-d", "Enter", "Shift-Tab".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCodeOrd::Char(' ') => "Space".to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::F(n) => format!("F{n}"),
            KeyCodeOrd::Named("backtab") => "Shift-Tab".to_string(),
            KeyCodeOrd::Named("pageup") => "PgUp".to_string(),
            KeyCodeOrd::Named("pagedown") => "PgDn".to_string(),
            KeyCodeOrd::Named(name) => {
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        };
        let mut label = String::new();
        if self.ctrl {
            label.push_str("Ctrl-");
        }
        if self.alt {
            label.push_str("Alt-");
        }
        label + &base
    }
}
