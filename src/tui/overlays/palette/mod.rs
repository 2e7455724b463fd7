//! The command palette (`:` or Ctrl-P): every action the current screen takes, by name and by
//! what it does, with its key beside it. Typing narrows them (fuzzy, best first); Enter runs the
//! chosen one as if its key had been pressed.

pub mod draw;
pub mod update;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::tui::keys::action::Action;
use crate::tui::keys::keymap::{Context, Keymap};
use crate::tui::screens::nav::Nav;

/// One action in the palette.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub action: Action,
    /// "open insights".
    pub name: String,
    /// What it does, as help says it.
    pub desc: String,
    /// Its keys on this screen ("S", "Ctrl-p").
    pub keys: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub query: String,
    pub entries: Vec<Entry>,
    /// Indexes into `entries`, best match first.
    pub matches: Vec<usize>,
    pub nav: Nav,
}

/// "open_insights" → "open insights".
fn spoken(action: Action) -> String {
    serde_json::to_value(action)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

impl Palette {
    /// The palette for a screen: each action with a key in `contexts` that `acts` now.
    pub fn new(keymap: &Keymap, contexts: &[Context], acts: impl Fn(Action) -> bool) -> Palette {
        let entries: Vec<Entry> = keymap
            .bindings(contexts)
            .into_iter()
            .filter(|(_, binding)| binding.action != Action::OpenPalette && acts(binding.action))
            .map(|(keys, binding)| Entry {
                action: binding.action,
                name: spoken(binding.action),
                desc: binding.desc,
                keys: keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "),
            })
            .collect();
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
                // The name counts double: "insights" should find "open insights" first.
                let text = format!("{} {} {}", entry.name, entry.name, entry.desc);
                let score = pattern.score(Utf32Str::new(&text, &mut buffer), &mut matcher)?;
                Some((score, i))
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
