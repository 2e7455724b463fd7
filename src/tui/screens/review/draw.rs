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
use crate::tui::view::theme::Theme;

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
            " Daily review — {} of {} ",
            view.index + 1,
            view.items.len()
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
    let due = if item.days_overdue == 1 {
        Span::styled("1 day late", theme.overdue())
    } else if item.days_overdue > 0 {
        Span::styled(format!("{} days late", item.days_overdue), theme.overdue())
    } else {
        Span::styled(
            format!("due {}", clock.when(item.due_at)),
            theme.due_today(),
        )
    };
    let label = |text: &str| Span::styled(format!(" {text:<12}"), theme.dim());
    let mut lines = vec![
        Line::styled(format!(" {}", item.title), theme.title(true)),
        Line::default(),
        Line::from(vec![label("Who"), Span::raw(who)]),
        Line::from(vec![label("When"), due]),
        Line::from(vec![label("Why here"), Span::raw(item.reason.clone())]),
    ];
    if let Some((stage, objective)) = context.and_then(|c| c.interview.as_ref()) {
        lines.push(Line::from(vec![
            label("Interview"),
            Span::styled(format!("{} · ", stage.label()), theme.stage()),
            Span::raw(objective.clone()),
        ]));
    }
    if let Some((at, kind, summary)) = context.and_then(|c| c.last_touch.as_ref()) {
        lines.push(Line::from(vec![
            label("Last touch"),
            Span::raw(format!(
                "{} · {}: {summary}",
                clock.day(*at),
                kind.label().to_lowercase()
            )),
        ]));
    }
    lines.push(Line::from(vec![
        label("Next"),
        Span::styled(suggestion(item), theme.key()),
    ]));
    lines.push(Line::default());
    lines.push(Line::styled(format!(" {tally}"), theme.dim()));
    let keys = match item.item {
        ItemKind::Step { .. } => {
            " d do it · 1/3/7 snooze days · s snooze to… · n every step · o open · Space skip · u undo"
        }
        ItemKind::FollowUp { .. } => {
            " d done · 1/3/7 snooze days · s snooze to… · r reschedule · t touch+done · w draft · o open · Space skip · u undo"
        }
    };
    lines.push(Line::styled(keys, theme.dim()));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block.title(title)),
        body,
    );
}
