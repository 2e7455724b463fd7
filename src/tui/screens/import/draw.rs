//! The import preview: what the file would add, update and leave, the column mapping of a CSV,
//! and every rejected row with its line and why — before anything is written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::domain::sanitize;
use crate::tui::screens::import::ImportPreview;
use crate::tui::view::list::ListBox;
use crate::tui::view::theme::Theme;
use crate::tui::view::{group, layout};

pub fn draw(frame: &mut Frame, preview: &ImportPreview, body: Rect, theme: Theme) {
    let [summary_area, rejected_area] = layout::import_preview(body);
    let report = &preview.report;
    let file = sanitize::line(&preview.file.display().to_string());
    let mut lines = vec![
        Line::from(vec![
            Span::styled("File  ", theme.dim()),
            Span::raw(file),
            Span::styled(format!("  ({})", preview.format.label()), theme.dim()),
        ]),
        if preview.format.is_news() {
            Line::styled(preview.format.summary(report, true), theme.title(true))
        } else {
            Line::from(vec![
                Span::styled("Would ", theme.dim()),
                Span::styled(
                    format!("add {}", group(report.added as usize)),
                    theme.title(true),
                ),
                Span::raw(format!(
                    ", update {}, leave {} unchanged",
                    group(report.updated as usize),
                    group(report.unchanged as usize)
                )),
            ])
        },
    ];
    if let Some(columns) = &preview.columns {
        lines.push(Line::from(vec![
            Span::styled("Columns  ", theme.dim()),
            Span::raw(sanitize::line(columns)),
        ]));
    }
    let next = if preview.format.is_news() {
        "Enter takes them in (what could not be read is left out); Esc leaves everything as it is."
            .to_string()
    } else if report.skipped.is_empty() {
        "Enter imports them; Esc leaves everything as it is.".to_string()
    } else {
        format!(
            "Enter imports the valid rows and skips the {} below; Esc leaves everything as it is.",
            report.skipped.len()
        )
    };
    lines.push(Line::styled(next, theme.status()));
    let summary = Paragraph::new(lines).wrap(Wrap { trim: true }).block(
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border(false))
            .title(Span::styled(
                " Nothing is written until Enter ",
                theme.title(false),
            )),
    );
    frame.render_widget(summary, summary_area);

    let height = layout::inner_rows(rejected_area, false);
    let notes = preview.notes();
    let range = preview.nav.top..(preview.nav.top + height).min(notes.len());
    let rows = range
        .clone()
        .map(|i| {
            let Some(&(kind, error)) = notes.get(i) else {
                return Line::default();
            };
            let place = if error.line == 0 {
                String::new()
            } else {
                format!("line {:<7}", error.line)
            };
            let mut spans = vec![Span::styled(place, theme.dim())];
            if !kind.is_empty() {
                spans.push(Span::styled(format!("{kind}  "), theme.status()));
            }
            spans.push(Span::raw(sanitize::line(&error.message)));
            Line::from(spans)
        })
        .collect();
    let left_out = if preview.format.is_news() {
        "Left out"
    } else {
        "Rejected rows"
    };
    let mut title = format!("{left_out} ({})", report.skipped.len());
    if !report.notices.is_empty() {
        title = format!("What changes ({}) · {title}", report.notices.len());
    }
    if !report.possible_duplicates.is_empty() {
        // Past the first thousand they are counted, not listed: the title says so.
        let unlisted = match report.possible_duplicates_unlisted {
            0 => String::new(),
            _ => format!(
                "; the first {} listed",
                group(report.possible_duplicates.len())
            ),
        };
        title.push_str(&format!(
            " · may already be in rolo ({}{unlisted})",
            group(report.possible_duplicates_total() as usize)
        ));
    }
    let list = ListBox {
        title,
        selected: range.clone().position(|i| i == preview.nav.selected),
        rows,
        focused: true,
        empty: "Every row is valid",
        bottom: None,
        theme,
    };
    frame.render_widget(list, rejected_area);
}
