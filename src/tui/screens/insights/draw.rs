//! The insights screen: the funnel as bars with the conversion between steps, reply rates and
//! days to reply by channel and by how the request was written, the last 12 weeks as
//! sparklines, and organisations by how deeply they are known — every chart with its numbers.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Sparkline};

use crate::domain::insights::{Insights, ReplyStats, ratio};
use crate::domain::numbers::group;
use crate::tui::view::theme::Theme;

fn percent(value: Option<f64>) -> String {
    value.map_or("—".into(), |v| format!("{:.0}%", v * 100.0))
}

fn boxed<'a>(title: String, theme: Theme) -> Block<'a> {
    Block::bordered()
        .border_style(theme.border(false))
        .title(Span::styled(format!(" {title} "), theme.title(false)))
}

pub fn draw(frame: &mut Frame, insights: &Insights, body: Rect, theme: Theme) {
    let [top, weeks, bottom] = Layout::vertical([
        Constraint::Length(8),
        Constraint::Length(4),
        Constraint::Min(3),
    ])
    .areas(body);
    let [funnel_area, replies_area] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(top);
    funnel(frame, insights, funnel_area, theme);
    replies(frame, insights, replies_area, theme);
    rhythm(frame, insights, weeks, theme);
    organizations(frame, insights, bottom, theme);
}

fn funnel(frame: &mut Frame, insights: &Insights, area: Rect, theme: Theme) {
    let steps = [
        ("Requested", insights.requested, None),
        (
            "Replied",
            insights.replied,
            ratio(insights.replied, insights.requested),
        ),
        ("Met", insights.met, ratio(insights.met, insights.replied)),
        (
            "Thanked",
            insights.thanked,
            ratio(insights.thanked, insights.met),
        ),
    ];
    let bars: Vec<Bar> = steps
        .iter()
        .map(|(label, value, conversion)| {
            let shown = match conversion {
                Some(_) => percent(*conversion),
                None => String::new(),
            };
            // The numbers go in the label, where they are never drawn over by the bar.
            Bar::default()
                .value(*value)
                .label(Line::from(format!(
                    "{label:<9} {:>6} {shown:>4} ",
                    group(*value as usize)
                )))
                .text_value(String::new())
                .style(theme.stage())
                .value_style(theme.selected())
        })
        .collect();
    let chart = BarChart::default()
        .block(boxed("Funnel, % of the step before".into(), theme))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

fn stats_line(stats: &ReplyStats, theme: Theme) -> Line<'static> {
    let days = stats
        .median_days
        .map_or("—".into(), |d| format!("{d:.1} d"));
    Line::from(vec![
        // A space after the label, which may fill its column ("written elsewhere").
        Span::raw(format!("{:<17} ", crate::tui::view::clip(&stats.label))),
        Span::raw(format!(
            "{:>6} {:>6} ",
            group(stats.requested as usize),
            group(stats.replied as usize)
        )),
        Span::styled(format!("{:>5}", percent(stats.rate())), theme.title(false)),
        Span::raw(format!(" {days:>7}")),
    ])
}

fn replies(frame: &mut Frame, insights: &Insights, area: Rect, theme: Theme) {
    let mut lines = vec![Line::styled(
        format!(
            "{:<17} {:>6} {:>6} {:>5} {:>7}",
            "", "asked", "reply", "rate", "median"
        ),
        theme.dim(),
    )];
    lines.extend(insights.by_channel.iter().map(|s| stats_line(s, theme)));
    lines.extend(insights.by_template.iter().map(|s| stats_line(s, theme)));
    if insights.requested == 0 {
        lines = vec![Line::styled(
            "No requests yet: press i on a contact to ask one",
            theme.dim(),
        )];
    }
    let block = boxed("Replies by channel, and by draft".into(), theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn rhythm(frame: &mut Frame, insights: &Insights, area: Rect, theme: Theme) {
    let block = boxed(
        format!(
            "The last {} weeks, from {}",
            insights.weeks.len(),
            insights
                .weeks
                .first()
                .map_or(String::new(), |d| d.format("%-d %b").to_string())
        ),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).split(inner);
    for (row, (label, counts)) in rows.iter().zip([
        ("Meetings", &insights.meetings_per_week),
        ("Touches", &insights.touches_per_week),
    ]) {
        let total: u64 = counts.iter().sum();
        let this_week = counts.last().copied().unwrap_or(0);
        let [name, spark, numbers] = Layout::horizontal([
            Constraint::Length(10),
            Constraint::Length(counts.len() as u16 * 2),
            Constraint::Min(10),
        ])
        .areas(*row);
        frame.render_widget(Paragraph::new(Span::styled(label, theme.dim())), name);
        let doubled: Vec<u64> = counts.iter().flat_map(|c| [*c, *c]).collect();
        frame.render_widget(
            Sparkline::default().data(&doubled).style(theme.stage()),
            spark,
        );
        frame.render_widget(
            Paragraph::new(format!(
                " {} in all · {} this week",
                group(total as usize),
                group(this_week as usize)
            )),
            numbers,
        );
    }
}

fn organizations(frame: &mut Frame, insights: &Insights, area: Rect, theme: Theme) {
    let per_meeting = insights
        .referrals_per_meeting()
        .map_or("—".into(), |r| format!("{r:.1}"));
    let mut lines = vec![Line::from(vec![
        Span::styled("Referrals gained ", theme.dim()),
        Span::raw(format!(
            "{} ({per_meeting} per meeting)",
            group(insights.referrals as usize)
        )),
    ])];
    // Below the referrals, as many organisations as fit; what does not is counted on the last
    // line (against all those covered, not only those read), never cut silently.
    let room = usize::from(area.height.saturating_sub(3));
    let covered = usize::try_from(insights.organizations_covered).unwrap_or(usize::MAX);
    let fits_all = insights.organizations.len() >= covered && covered <= room;
    let shown = if fits_all {
        covered
    } else {
        room.saturating_sub(1)
    };
    lines.extend(insights.organizations.iter().take(shown).map(|o| {
        Line::from(vec![
            Span::raw(format!("{:<32} ", crate::tui::view::clip(&o.name))),
            Span::raw(format!(
                "{:>4} {:<9}",
                o.contacts,
                if o.contacts == 1 {
                    "contact"
                } else {
                    "contacts"
                }
            )),
            Span::styled(format!("{:>3} met", o.met), theme.title(false)),
        ])
    }));
    let hidden = covered.saturating_sub(shown.min(insights.organizations.len()));
    let more = format!("+{} more (a taller terminal shows them)", group(hidden));
    match (hidden, room) {
        (0, _) => {}
        // No room under the referrals: said on their line.
        (_, 0) => {
            if let Some(first) = lines.first_mut() {
                first
                    .spans
                    .push(Span::styled(format!(" · {more}"), theme.dim()));
            }
        }
        _ => lines.push(Line::styled(more, theme.dim())),
    }
    let block = boxed(
        format!(
            "Organisations: {} covered, deepest first",
            group(insights.organizations_covered as usize)
        ),
        theme,
    );
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
