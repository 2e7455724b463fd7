//! The loop: draw, read one event, turn it into an action, update, carry out the effects
//! against the store, fold the results back in, draw again. Also notices when another process
//! changed the database. Effects are carried out in `effects`, the loop itself is in `run`.

mod effects;
pub mod opener;
mod run;
pub mod terminal;

use std::sync::atomic::Ordering;
use std::time::Duration;

use color_eyre::eyre::Result;
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::domain::playbook::Step;
use crate::domain::settings::Settings;
use crate::domain::{Clock, Id, MeetingStatus};
use crate::store::{StepInput, Store, StoreResult};
use crate::tui::data::effect::Effect;
use crate::tui::data::loaded::Loaded;
use crate::tui::data::save;
use crate::tui::data::{load, load_form};
use crate::tui::dispatch;
use crate::tui::keys::keymap::Keymap;
use crate::tui::model::{Model, Pane, ReviewCount};
use crate::tui::view;
use crate::tui::view::theme::{Colors, Theme};

/// How often the loop wakes without input, to check signals and outside changes.
const TICK: Duration = Duration::from_millis(250);
/// How long to look for input between two steps of idle work.
const GLANCE: Duration = Duration::from_millis(1);
/// The most deleted records the trash lists.
const TRASH_SHOWN: u64 = 500;
/// Rows indexed for the search per idle step: a few milliseconds of work.
const SEARCH_STEP_ROWS: u64 = 100;

pub struct App {
    pub store: Store,
    pub model: Model,
    pub keymap: Keymap,
    pub theme: Theme,
    /// A fixed clock (tests, `ROLO_NOW`); otherwise the system's, read at each use.
    fixed_clock: Option<Clock>,
    data_version: i64,
    /// Effects that need the terminal (the editor, an import drawing its progress): handed
    /// to the loop, which has it, and carried out after the frame.
    for_the_loop: Vec<Effect>,
    /// What the config file set (the playbook's numbers, the week, templates).
    settings: Settings,
}

impl App {
    pub fn new(
        store: Store,
        width: u16,
        height: u16,
        fixed_clock: Option<Clock>,
        theme: Theme,
    ) -> App {
        App {
            store,
            model: Model::new(width, height),
            keymap: Keymap::default_keys(),
            theme,
            fixed_clock,
            data_version: 0,
            for_the_loop: Vec::new(),
            settings: Settings::default(),
        }
    }

    /// Says in the footer what was wrong in the config file (the first thing, and how many).
    pub fn warn(&mut self, warnings: &[crate::config::Warning]) {
        if let Some(first) = warnings.first() {
            let more = match warnings.len() {
                1 => String::new(),
                n => format!(" (and {} more: rolo config edit)", n - 1),
            };
            self.model.status = Some(format!("{first}{more}"));
        }
    }

    /// Applies the config file: its settings, colours and keys. Says what was wrong in it.
    pub fn configure(&mut self, config: &crate::config::Config) -> Vec<crate::config::Warning> {
        self.settings = config.settings.clone();
        if let Err(e) = self.store.use_playbook(&config.settings.playbook) {
            self.model.status = Some(format!("The playbook's settings could not be applied: {e}"));
        }
        let (colors, mut warnings) = Colors::default().patched(&config.colors);
        self.theme.colors = colors;
        let (keymap, key_warnings) = Keymap::default_keys().patched(&config.keys);
        self.keymap = keymap;
        warnings.extend(key_warnings);
        warnings.sort_by_key(|w| w.line);
        warnings
    }

    pub fn clock(&self) -> Clock {
        self.fixed_clock.unwrap_or_else(Clock::system)
    }

    /// Loads home: the first frame's data.
    pub fn start(&mut self) {
        self.model.read_only = self.store.is_read_only();
        self.data_version = self.store.data_version().unwrap_or(0);
        self.run_effects(vec![self.model.reload_home()]);
    }

    /// Handles one terminal event.
    pub fn handle(&mut self, event: Event) {
        // Debug builds only: a key that panics, so tests can prove the terminal is restored.
        #[cfg(debug_assertions)]
        #[expect(
            clippy::panic,
            reason = "a debug-only hook: tests prove the terminal is restored after a panic"
        )]
        if let Event::Key(key) = &event {
            let trigger = std::env::var("ROLO_DEBUG_PANIC_ON_KEY")
                .ok()
                .and_then(|k| k.chars().next());
            if trigger.is_some()
                && key.code == crossterm::event::KeyCode::Char(trigger.unwrap_or_default())
            {
                panic!("forced panic (ROLO_DEBUG_PANIC_ON_KEY)");
            }
        }
        let clock = self.clock();
        let effects = match event {
            Event::Key(key) if key.is_press() || key.is_repeat() => {
                dispatch::key(&mut self.model, &self.keymap, key, &clock)
            }
            Event::Mouse(mouse) => dispatch::mouse(&mut self.model, mouse, &clock),
            Event::Paste(text) => dispatch::paste(&mut self.model, &text, &clock),
            Event::Resize(width, height) => dispatch::resized(&mut self.model, width, height),
            _ => Vec::new(),
        };
        self.run_effects(effects);
    }

    /// Carries out effects until none are left (a result may ask for more).
    pub fn run_effects(&mut self, mut effects: Vec<Effect>) {
        while !effects.is_empty() {
            let mut next = Vec::new();
            for effect in effects {
                if let Some(loaded) = self.apply(effect) {
                    next.extend(crate::tui::data::receive::receive(&mut self.model, loaded));
                }
            }
            effects = next;
        }
    }

    /// Reloads when another process committed to the file since we last looked.
    pub fn notice_outside_changes(&mut self) {
        let Ok(version) = self.store.data_version() else {
            return;
        };
        if version != self.data_version {
            self.data_version = version;
            let effects = self.model.reload_shown();
            self.run_effects(effects);
        }
    }

    pub fn draw<B: Backend>(&self, terminal: &mut Terminal<B>) -> Result<()>
    where
        B::Error: Send + Sync + 'static,
    {
        let clock = self.clock();
        terminal.draw(|frame| view::draw(frame, &self.model, &self.keymap, &clock, self.theme))?;
        Ok(())
    }
}
