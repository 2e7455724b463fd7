//! The daily review: one item at a time with its context and the reason for its place, a
//! progress line, and a summary at the end.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::domain::Clock;
use crate::domain::review::ItemKind;
use crate::tui::model::ReviewView;
use crate::tui::screens::review::update::suggestion;
use crate::tui::view::labelled::{hanging, labelled};
use crate::tui::view::theme::Theme;
use ratatui::style::Style;

pub fn draw(frame: &mut Frame, view: &ReviewView, body: Rect, clock: &Clock, theme: Theme) {
    let tally = format!(
        "done {} · snoozed {} · skipped {} · touches {}",
        view.done, view.snoozed, view.skipped, view.touched
    );
    let block = Block::bordered().border_style(theme.border(true));
    let Some(item) = view.current() else {
        let lines = vec![
            Line::styled(" Review done.", theme.title(true)),
            Line::default(),
            Line::raw(format!(" {tally}.")),
            Line::default(),
            Line::styled(" u undoes the last action · Esc goes home", theme.dim()),
        ];
        let title = Span::styled(" Daily review — summary ", theme.title(true));
        frame.render_widget(Paragraph::new(lines).block(block.title(title)), body);
        return;
    };
    let title = Span::styled(
        format!(
            " Daily review — {} of {} · the most pressing first (home lists them by date) ",
            view.handled() + view.index + 1,
            crate::domain::numbers::capped(
                (view.handled() + view.items.len().max(view.total as usize)) as u64
            )
        ),
        theme.title(true),
    );
    let context = view.context.as_ref();
    let who = match (
        &item.contact,
        context.and_then(|c| c.organization.as_deref()),
    ) {
        (Some(name), Some(org)) => format!("{name}, {org}"),
        (Some(name), None) => name.clone(),
        (None, _) => "—".into(),
    };
    let (due, due_style) = match item.days_overdue {
        d if d > 0 => (
            format!("{} late", crate::domain::numbers::count(d, "day")),
            theme.overdue(),
        ),
        _ => (
            format!("due {}", clock.when(item.due_at)),
            theme.due_today(),
        ),
    };
    // Each value wraps under itself, never back under the labels.
    let width = usize::from(body.width.saturating_sub(2));
    let field =
        |label: &str, text: &str, style| labelled(label, text, style, theme.dim(), 12, width);
    let mut lines = hanging("", &item.title, 0, width)
        .into_iter()
        .map(|line| line.style(theme.title(true)))
        .collect::<Vec<_>>();
    lines.push(Line::default());
    lines.extend(field("Who", &who, Style::default()));
    lines.extend(field("When", &due, due_style));
    lines.extend(field("Why here", &item.reason, Style::default()));
    if let Some((stage, objective)) = context.and_then(|c| c.interview.as_ref()) {
        let text = format!("{} · {objective}", stage.label());
        lines.extend(field("Interview", &text, Style::default()));
    }
    if context.is_some_and(|c| c.draft_kept) {
        lines.extend(field(
            "Draft",
            "kept, ready to send — d opens it as you left it",
            theme.due_today(),
        ));
    }
    if let Some((at, kind, summary)) = context.and_then(|c| c.last_touch.as_ref()) {
        let text = format!(
            "{} · {}: {summary}",
            clock.day(*at),
            kind.label().to_lowercase()
        );
        lines.extend(field("Last touch", &text, Style::default()));
    }
    lines.extend(field("Next", suggestion(item), theme.key()));
    lines.push(Line::default());
    lines.push(Line::styled(format!(" {tally}"), theme.dim()));
    let keys = match item.item {
        ItemKind::Step { .. } => {
            "d do it · 1/3/7 snooze days · s snooze to… · n every step · v the interview · o open · Space skip · u undo"
        }
        ItemKind::FollowUp { .. } => {
            "d done · 1/3/7 snooze days · s snooze to… · r reschedule · t touch+done · w draft · o open · Space skip · u undo"
        }
    };
    lines.extend(
        hanging("", keys, 0, width)
            .into_iter()
            .map(|line| line.style(theme.dim())),
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block.title(title)),
        body,
    );
}
