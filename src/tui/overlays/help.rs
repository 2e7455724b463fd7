//! The help overlay: every key of what is beneath it, generated from the keymap, wrapped to the
//! terminal; two columns only where both fit whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::keys::keymap::{Context, Keymap};
use crate::tui::overlays::text_box::{TextBox, wrap};
use crate::tui::view::theme::Theme;

/// Characters for the keys, before what they do.
const KEYS_WIDTH: usize = 16;

/// One binding: its keys and what it does.
pub struct Entry {
    pub keys: String,
    pub desc: String,
}

/// The help for `contexts`: one entry per action; then notes on the keys that are not actions
/// (editing text, stepping aside to the shell).
pub fn lines(keymap: &Keymap, contexts: &[Context]) -> (Vec<Entry>, Vec<String>) {
    let entries = keymap
        .bindings(contexts)
        .into_iter()
        .map(|(keys, binding)| Entry {
            keys: keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "),
            desc: binding.desc,
        })
        .collect();
    let mut notes = Vec::new();
    if contexts.contains(&Context::Home) {
        notes.push(
            "Filtering: type to narrow, ↑/↓ move, Enter keeps the filter, Esc clears it.".into(),
        );
    }
    if contexts.contains(&Context::Form) {
        notes.push(
            "In a field: ←/→, Home/End and Ctrl-←/→ (by word) move; Backspace, Ctrl-W (a word) \
             and Ctrl-U (to the start) delete; Enter moves on, or saves on the last field — in a \
             notes field it starts a new line. A choice: ←/→ or Space. Suggestions: ↑/↓, Enter \
             picks."
                .into(),
        );
    }
    if contexts.contains(&Context::Global) {
        notes.push("Ctrl-Z steps aside to the shell; fg brings rolo back.".into());
    }
    (entries, notes)
}

/// An entry laid out in `width` characters: keys in a column `keys_width` wide, then the words
/// wrapped beside them.
fn laid_out(entry: &Entry, keys_width: usize, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let words = wrap(&entry.desc, width.saturating_sub(keys_width + 1).max(8));
    words
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let keys = if i == 0 { entry.keys.as_str() } else { "" };
            Line::from(vec![
                Span::styled(
                    format!(" {keys:<width$}", width = keys_width - 1),
                    theme.key(),
                ),
                Span::raw(text),
            ])
        })
        .collect()
}

/// The keys' column: the longest keys and two spaces (at least `KEYS_WIDTH`).
fn keys_column(entries: &[Entry]) -> usize {
    let longest = entries.iter().map(|e| e.keys.chars().count()).max();
    KEYS_WIDTH.max(longest.unwrap_or(0) + 3)
}

/// A box sized to the terminal: one column wrapped to fit, or two side by side when there are
/// more keys than rows and both columns fit their longest line whole.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    screen: &str,
    (entries, notes): (Vec<Entry>, Vec<String>),
    scroll: usize,
    theme: Theme,
) {
    let keys_width = keys_column(&entries);
    let widest = entries
        .iter()
        .map(|e| keys_width + e.desc.chars().count() + 1)
        .max()
        .unwrap_or(20);
    let room = area.height.saturating_sub(4) as usize;
    let inner = area.width.saturating_sub(4) as usize;
    let two_columns = entries.len() > room && inner >= 2 * widest + 3;
    let mut lines: Vec<Line<'static>> = if two_columns {
        let half = entries.len().div_ceil(2);
        let (left, right) = entries.split_at(half);
        left.iter()
            .zip(right.iter().map(Some).chain(std::iter::repeat(None)))
            .map(|(l, r)| {
                let mut spans = pad(laid_out(l, keys_width, widest, theme), widest + 2);
                if let Some(r) = r {
                    spans.extend(laid_out(r, keys_width, widest, theme).remove(0).spans);
                }
                Line::from(spans)
            })
            .collect()
    } else {
        let width = inner.min(widest);
        entries
            .iter()
            .flat_map(|e| laid_out(e, keys_width, width, theme))
            .collect()
    };
    for note in notes {
        lines.push(Line::default());
        for text in wrap(&note, inner.saturating_sub(2).max(8)) {
            lines.push(Line::styled(format!(" {text}"), theme.dim()));
        }
    }
    TextBox {
        title: format!("Keys — {screen}"),
        closing: "Esc or ? to close",
        lines,
        scroll,
        widest: area.width,
    }
    .draw(frame, area, theme);
}

/// The first line of an entry padded to `width`, so a second column lines up.
fn pad(mut lines: Vec<Line<'static>>, width: usize) -> Vec<Span<'static>> {
    let line = lines.remove(0);
    let used = line.width();
    let mut spans = line.spans;
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    spans
}
