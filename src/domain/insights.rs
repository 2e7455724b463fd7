//! What the numbers say about the search so far: how requests turn into conversations, which
//! ways of asking get answers and how fast, what each conversation leads to, the weekly rhythm,
//! and how deeply each organisation is known. Pure: the store gathers the facts, this counts.
//!
//! The funnel's steps, each a subset of the one before:
//! - requested: interviews with a request date (not deleted);
//! - replied: of those, the ones answered — accepted, declined or redirected;
//! - met: interviews with a meeting marked held;
//! - thanked: interviews whose thank-you went out.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{Channel, Clock, Timestamp};

/// One interview, as far as the insights care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewFacts {
    pub channel: Channel,
    pub requested_at: Option<Timestamp>,
    /// Answered (accepted, declined or redirected), and when.
    pub replied: bool,
    pub replied_at: Option<Timestamp>,
    pub met: bool,
    pub thanked: bool,
    /// The request went out drafted from rolo's request template.
    pub drafted: bool,
}

/// Everything the insights are counted from, as the store reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub interviews: Vec<InterviewFacts>,
    /// Contacts someone suggested after meeting them (referrals obtained through meetings).
    pub referrals: u64,
    /// When each meeting marked held started (those in the weeks shown, at least).
    pub meetings_held: Vec<Timestamp>,
    /// When each touch was (those in the weeks shown, at least).
    pub touches: Vec<Timestamp>,
    /// The deepest organisations (as many as are listed).
    pub organizations: Vec<OrganizationDepth>,
    pub organizations_covered: u64,
}

/// One organisation's depth: how many contacts there, how many of them met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationDepth {
    pub name: String,
    pub contacts: u64,
    pub met: u64,
}

/// A way of asking (a channel, or how the request was written), and how it went.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyStats {
    pub label: String,
    pub requested: u64,
    pub replied: u64,
    /// Median days from request to reply, among those answered with a date.
    pub median_days: Option<f64>,
}

impl ReplyStats {
    pub fn rate(&self) -> Option<f64> {
        ratio(self.replied, self.requested)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub requested: u64,
    pub replied: u64,
    pub met: u64,
    pub thanked: u64,
    pub by_channel: Vec<ReplyStats>,
    pub by_template: Vec<ReplyStats>,
    /// Contacts someone suggested after meeting them (referrals obtained through meetings).
    pub referrals: u64,
    /// Meetings held and touches logged per week, oldest first, this week last.
    pub weeks: Vec<NaiveDate>,
    pub meetings_per_week: Vec<u64>,
    pub touches_per_week: Vec<u64>,
    /// Organisations with at least one contact, deepest first (the first of them).
    pub organizations: Vec<OrganizationDepth>,
    /// How many organisations have at least one contact.
    pub organizations_covered: u64,
}

/// How many weeks the rhythm shows.
pub const WEEKS: usize = 12;

/// `part / whole`, when there is a whole.
pub fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl Insights {
    /// Referrals gained per interview met.
    pub fn referrals_per_meeting(&self) -> Option<f64> {
        ratio(self.referrals, self.met)
    }

    pub fn compute(facts: Facts, clock: &Clock, first_day: Weekday) -> Insights {
        let Facts {
            interviews,
            referrals,
            meetings_held,
            touches,
            mut organizations,
            organizations_covered,
        } = facts;
        let requested: Vec<&InterviewFacts> = interviews
            .iter()
            .filter(|i| i.requested_at.is_some())
            .collect();
        let count = |keep: &dyn Fn(&InterviewFacts) -> bool| {
            interviews.iter().filter(|i| keep(i)).count() as u64
        };
        let by_channel = Channel::ALL
            .iter()
            .map(|channel| {
                let asked: Vec<&InterviewFacts> = requested
                    .iter()
                    .copied()
                    .filter(|i| i.channel == *channel)
                    .collect();
                reply_stats(channel.label(), &asked)
            })
            .filter(|stats| stats.requested > 0)
            .collect();
        let by_template = [(true, "from the template"), (false, "written elsewhere")]
            .into_iter()
            .map(|(drafted, label)| {
                let asked: Vec<&InterviewFacts> = requested
                    .iter()
                    .copied()
                    .filter(|i| i.drafted == drafted)
                    .collect();
                reply_stats(label, &asked)
            })
            .filter(|stats| stats.requested > 0)
            .collect();
        let weeks = week_starts(clock, first_day);
        organizations.sort_by(|a, b| {
            (b.met, b.contacts)
                .cmp(&(a.met, a.contacts))
                .then_with(|| a.name.cmp(&b.name))
        });
        Insights {
            requested: requested.len() as u64,
            replied: requested.iter().filter(|i| i.replied).count() as u64,
            met: count(&|i| i.met),
            thanked: count(&|i| i.thanked),
            by_channel,
            by_template,
            referrals,
            meetings_per_week: per_week(&weeks, &meetings_held, clock),
            touches_per_week: per_week(&weeks, &touches, clock),
            weeks,
            organizations,
            organizations_covered,
        }
    }
}

fn reply_stats(label: &str, asked: &[&InterviewFacts]) -> ReplyStats {
    let mut days: Vec<f64> = asked
        .iter()
        .filter(|i| i.replied)
        .filter_map(|i| Some((i.replied_at?.0 - i.requested_at?.0).num_minutes() as f64 / 1440.0))
        .filter(|d| *d >= 0.0)
        .collect();
    days.sort_by(f64::total_cmp);
    ReplyStats {
        label: label.to_string(),
        requested: asked.len() as u64,
        replied: asked.iter().filter(|i| i.replied).count() as u64,
        median_days: median(&days),
    }
}

fn median(sorted: &[f64]) -> Option<f64> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2]),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The first days of each of the last `WEEKS` weeks (weeks starting on `first_day`), this
/// week's last.
pub fn week_starts(clock: &Clock, first_day: Weekday) -> Vec<NaiveDate> {
    let today = clock.today();
    let into_week = today.weekday().days_since(first_day);
    let this_week = today - Duration::days(i64::from(into_week));
    (0..WEEKS as i64)
        .rev()
        .map(|back| this_week - Duration::weeks(back))
        .collect()
}

/// How many of `times` fall in each week (local days), ignoring those before or after.
fn per_week(weeks: &[NaiveDate], times: &[Timestamp], clock: &Clock) -> Vec<u64> {
    let mut counts = vec![0; weeks.len()];
    for at in times {
        let day = clock.local_date_of(*at);
        if let Some(index) = weeks.iter().rposition(|start| *start <= day)
            && day < weeks[index] + Duration::weeks(1)
        {
            counts[index] += 1;
        }
    }
    counts
}
