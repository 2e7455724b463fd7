//! The command palette over the screen: what is typed, then the matching actions — name,
//! what it does, its key — best first.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::overlays::palette::Palette;
use crate::tui::overlays::palette::update::PALETTE_ROWS;
use crate::tui::view::theme::Theme;

/// `text` in `width` columns: whole, or cut with "…".
fn fitted(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{cut}…")
}

pub fn draw(frame: &mut Frame, palette: &Palette, area: Rect, theme: Theme) {
    // As wide as its longest name, description and keys, when the terminal has the room.
    let longest = |f: fn(&crate::tui::overlays::palette::Entry) -> &str| {
        palette
            .entries
            .iter()
            .map(|e| f(e).chars().count())
            .max()
            .unwrap_or(0)
    };
    let name_width = longest(|e| &e.name).clamp(12, 26) + 1;
    let keys_width = longest(|e| &e.keys).clamp(4, 18);
    let desc_widest = longest(|e| &e.desc);
    let wanted = (name_width + desc_widest + keys_width + 6) as u16;
    let width = wanted.clamp(40, 160).min(area.width.saturating_sub(4));
    let height = (PALETTE_ROWS as u16 + 5).min(area.height);
    let popup = crate::tui::overlays::text_box::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let inner_width = width.saturating_sub(2) as usize;
    let rows = (height as usize).saturating_sub(5);
    let (query, cursor_column) =
        crate::tui::view::typed_end(&palette.query, inner_width.saturating_sub(4));
    let mut lines = vec![
        Line::from(vec![
            Span::styled(" › ", theme.title(true)),
            Span::raw(query),
        ]),
        Line::default(),
    ];
    let top = palette.nav.top;
    for (n, index) in palette.matches.iter().enumerate().skip(top).take(rows) {
        let Some(entry) = palette.entries.get(*index) else {
            continue;
        };
        let selected = n == palette.nav.selected;
        let desc_width = inner_width.saturating_sub(name_width + keys_width + 3);
        let desc = fitted(&entry.desc, desc_width);
        let style = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        let marker = if selected { "▶ " } else { "  " };
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{marker}{:<name_width$}",
                    fitted(&entry.name, name_width - 1)
                ),
                style,
            ),
            Span::styled(format!("{desc:<desc_width$} "), theme.dim()),
            Span::styled(
                format!("{:>keys_width$}", fitted(&entry.keys, keys_width)),
                theme.key(),
            ),
        ]));
    }
    if palette.matches.is_empty() {
        lines.push(Line::styled("  No action by that name here", theme.dim()));
    }
    while lines.len() < rows + 2 {
        lines.push(Line::default());
    }
    lines.push(Line::styled(
        " Type to narrow · ↑/↓ choose · Enter runs · Esc closes",
        theme.dim(),
    ));
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(" Commands ", theme.title(true)));
    frame.render_widget(Paragraph::new(lines).block(block), popup);
    let cursor_x = popup.x + 4 + cursor_column as u16;
    if cursor_x < popup.right().saturating_sub(1) {
        frame.set_cursor_position(Position::new(cursor_x, popup.y + 1));
    }
}
