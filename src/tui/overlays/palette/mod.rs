//! The command palette (`:` or Ctrl-P): every action the current screen takes, by name and by
//! what it does, with its key beside it. Typing narrows them (fuzzy, best first); Enter runs the
//! chosen one as if its key had been pressed.

pub mod draw;
pub mod update;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::{Context, Keymap};
use crate::tui::screens::home::pane::Pane;
use crate::tui::screens::nav::Nav;

/// One action in the palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub action: Action,
    /// "request an interview".
    pub name: String,
    /// What it does, as help says it.
    pub desc: String,
    /// Its keys on this screen ("S", "Ctrl-p").
    pub keys: String,
    /// The home pane the action is for ("add follow-up" is Add on the follow-ups).
    pub pane: Option<Pane>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub query: String,
    pub entries: Vec<Entry>,
    /// Indexes into `entries`, best match first.
    pub matches: Vec<usize>,
    pub nav: Nav,
}

/// Moving about (lists, panes, help, quitting): listed after the tasks.
fn moves_about(action: Action) -> bool {
    matches!(
        action,
        Action::Quit
            | Action::Help
            | Action::Back
            | Action::MoveDown
            | Action::MoveUp
            | Action::MoveLeft
            | Action::MoveRight
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::First
            | Action::Last
            | Action::FocusNext
            | Action::FocusPrevious
            | Action::FocusContacts
            | Action::FocusMeetings
            | Action::FocusFollowUps
            | Action::FocusQuestionLists
            | Action::Zoom
            | Action::Filter
            | Action::Refresh
            | Action::OpenHome
            | Action::NextField
            | Action::PreviousField
    )
}

/// What people open the palette for most, in this order, where the screen takes them.
const FIRST_TASKS: [Action; 10] = [
    Action::Add,
    Action::StartInterview,
    Action::NextStep,
    Action::WriteMessage,
    Action::LogTouch,
    Action::MeetingMode,
    Action::OpenReview,
    Action::OpenSearch,
    Action::OpenImport,
    Action::OpenPipeline,
];

/// Where the palette opens, for the names of actions that mean something particular there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Home,
    Organizations,
    Elsewhere,
}

/// What an action is called on the organisations screen, where it acts on one.
fn on_organizations(action: Action) -> Option<&'static str> {
    Some(match action {
        Action::Add => "add organisation",
        Action::Edit => "edit organisation",
        Action::Delete => "delete organisation",
        Action::MergeContact => "merge organisations",
        Action::OpenLink => "open its website",
        _ => return None,
    })
}

/// On home, Add is three tasks, one per kind of record, each on its pane.
const HOME_ADDS: [(&str, &str, Pane); 3] = [
    ("add contact", "Add a person", Pane::Contacts),
    (
        "add follow-up",
        "Something to do for someone, on a day",
        Pane::FollowUps,
    ),
    (
        "new question list",
        "A list of questions to bring to meetings",
        Pane::QuestionLists,
    ),
];

impl Palette {
    /// The palette for a screen: each action with a key in `contexts` that `acts` now, tasks
    /// first, named for the `place` (on home, Add is spelled out as what it adds).
    pub fn new(
        keymap: &Keymap,
        contexts: &[Context],
        place: Place,
        acts: impl Fn(Action) -> bool,
    ) -> Palette {
        let mut entries: Vec<Entry> = Vec::new();
        for (keys, binding) in keymap.bindings(contexts) {
            if binding.action == Action::OpenPalette || !acts(binding.action) {
                continue;
            }
            let keys = keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ");
            if place == Place::Home && binding.action == Action::Add {
                entries.extend(HOME_ADDS.iter().map(|(name, desc, pane)| Entry {
                    action: Action::Add,
                    name: (*name).into(),
                    desc: (*desc).into(),
                    keys: String::new(),
                    pane: Some(*pane),
                }));
                continue;
            }
            let name = match place {
                Place::Organizations => on_organizations(binding.action).map(str::to_string),
                _ => None,
            };
            entries.push(Entry {
                action: binding.action,
                name: name.unwrap_or_else(|| binding.action.spoken()),
                desc: binding.desc,
                keys,
                pane: None,
            });
        }
        // The tasks people come for first, then the rest of the tasks, moving about last;
        // otherwise in the keymap's order.
        entries.sort_by_key(|e| {
            let first = FIRST_TASKS.iter().position(|a| *a == e.action);
            (moves_about(e.action), first.is_none(), first)
        });
        let matches = (0..entries.len()).collect();
        Palette {
            query: String::new(),
            entries,
            matches,
            nav: Nav::default(),
        }
    }

    /// Narrows to the entries matching the query, best first (all of them, in order, when empty).
    pub fn rematch(&mut self) {
        self.nav = Nav::default();
        if self.query.trim().is_empty() {
            self.matches = (0..self.entries.len()).collect();
            return;
        }
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buffer = Vec::new();
        let mut scored: Vec<(u32, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| {
                // A match in the name outweighs one in the description: "follow-up" finds
                // "add follow-up" before what mentions follow-ups.
                let mut score =
                    |text: &str| pattern.score(Utf32Str::new(text, &mut buffer), &mut matcher);
                let name = score(&entry.name).map(|s| s * 3);
                let desc = score(&format!("{} {}", entry.name, entry.desc));
                let best = name.into_iter().chain(desc).max()?;
                Some((best, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // What was typed is a key (as ":q" in vim): the action on that key comes first.
        let typed = self.query.trim().trim_end_matches('!');
        let on_the_key = |i: &usize| {
            self.entries
                .get(*i)
                .is_some_and(|e| e.keys.split(' ').any(|k| k == typed))
        };
        let first: Vec<usize> = (0..self.entries.len()).filter(on_the_key).collect();
        let rest = scored
            .into_iter()
            .map(|(_, i)| i)
            .filter(|i| !first.contains(i));
        self.matches = first.clone().into_iter().chain(rest).collect();
    }

    pub fn selected(&self) -> Option<&Entry> {
        self.matches
            .get(self.nav.selected)
            .and_then(|i| self.entries.get(*i))
    }
}
