//! The help overlay: every key of the current screen, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::tui::keymap::{Context, Keymap};

/// The help text for `contexts`: one line per action, its keys and what it does.
pub fn lines(keymap: &Keymap, contexts: &[Context], theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (keys, binding) in keymap.bindings(contexts) {
        let labels: Vec<String> = keys.iter().map(|k| k.label()).collect();
        lines.push(Line::from(vec![
            Span::styled(format!(" {:<18}", labels.join(" ")), theme.key()),
            Span::raw(binding.desc),
        ]));
    }
    if contexts.contains(&Context::Home) {
        lines.push(Line::default());
        lines.push(Line::styled(
            " While filtering: type to narrow the list, ↑/↓ to move, Enter to keep the filter, Esc to clear it.",
            theme.dim(),
        ));
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, screen: &str, lines: Vec<Line<'static>>, theme: Theme) {
    let width = area.width.saturating_sub(4).min(84);
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" Keys — {screen} "),
            theme.title(true),
        ))
        .title_bottom(Span::styled(" Esc or ? to close ", theme.dim()));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        popup,
    );
}
