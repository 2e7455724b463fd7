//! A bordered list with a selection: the one widget every pane, section and column draws with.
//! Callers build lines only for the rows in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::tui::screens::home::filter::Highlighter;
use crate::tui::view::theme::{SELECTED_MARK, Theme, UNSELECTED_MARK};

pub struct ListBox<'a> {
    pub title: String,
    /// The rows in view, top first.
    pub rows: Vec<Line<'a>>,
    /// Which of `rows` is selected.
    pub selected: Option<usize>,
    pub focused: bool,
    /// Shown when there are no rows at all.
    pub empty: &'a str,
    /// A last line inside the box (the filter being typed).
    pub bottom: Option<Line<'a>>,
    pub theme: Theme,
}

impl Widget for ListBox<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let block = Block::bordered()
            .border_style(theme.border(self.focused))
            .title(Span::styled(
                format!(" {} ", self.title),
                theme.title(self.focused),
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        if self.rows.is_empty() && self.bottom.is_none() {
            // The empty state says what to do: let it wrap rather than be cut off.
            let text = Line::styled(format!("  {}", self.empty), theme.dim());
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
            return;
        }
        let mut lines: Vec<Line> = if self.rows.is_empty() {
            vec![Line::styled(format!("  {}", self.empty), theme.dim())]
        } else {
            self.rows
                .into_iter()
                .enumerate()
                .map(|(i, line)| mark(line, self.selected == Some(i), self.focused, theme))
                .collect()
        };
        if let Some(bottom) = self.bottom {
            let room = (inner.height as usize).saturating_sub(1);
            lines.truncate(room);
            lines.resize(room, Line::default());
            lines.push(bottom);
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

/// Prefixes the row with the selection marker, and styles the selected one.
fn mark<'a>(line: Line<'a>, selected: bool, focused: bool, theme: Theme) -> Line<'a> {
    let marker = if selected {
        SELECTED_MARK
    } else {
        UNSELECTED_MARK
    };
    let mut spans = vec![Span::raw(marker)];
    spans.extend(line.spans);
    let line = Line::from(spans);
    match (selected, focused) {
        (true, true) => line.style(theme.selected()),
        (true, false) => line.style(theme.selected_unfocused()),
        _ => line,
    }
}

/// `text` with the characters the filter matched highlighted.
pub fn highlighted<'a>(
    text: &str,
    highlighter: &mut Option<Highlighter>,
    base: ratatui::style::Style,
    theme: Theme,
) -> Vec<Span<'a>> {
    let positions = highlighter
        .as_mut()
        .map(|h| h.positions(text))
        .unwrap_or_default();
    if positions.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in text.chars().enumerate() {
        let matched = positions.binary_search(&i).is_ok();
        if matched != run_matched && !run.is_empty() {
            let style = if run_matched {
                base.patch(theme.matched())
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = matched;
        run.push(c);
    }
    let style = if run_matched {
        base.patch(theme.matched())
    } else {
        base
    };
    spans.push(Span::styled(run, style));
    spans
}
