//! The loop: draw, read one event, turn it into an action, update, carry out the effects
//! against the store, fold the results back in, draw again. Also notices when another process
//! changed the database.

use std::sync::atomic::Ordering;
use std::time::Duration;

use color_eyre::eyre::Result;
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::effect::{Effect, Loaded};
use super::keymap::Keymap;
use super::load;
use super::model::{Model, Pane, ReviewCount, Screen};
use super::save;
use super::ui::{self, theme::Theme};
use super::update;
use crate::domain::playbook::Step;
use crate::domain::settings::Settings;
use crate::domain::{Clock, Id, MeetingStatus};
use crate::store::{StepInput, Store, StoreResult};

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
    /// Text to hand to $EDITOR, once the loop can give it the terminal.
    editor_request: Option<String>,
    /// What the config file set (the playbook's numbers, the week, templates).
    settings: Settings,
    /// An import to carry out once the screen says so (it takes a moment, with a progress bar).
    pending_import: Option<(crate::interop::files::Format, std::path::PathBuf)>,
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
            editor_request: None,
            settings: Settings::default(),
            pending_import: None,
        }
    }

    /// Carries out a long effect left pending (an import), drawing its progress in the
    /// footer as it goes, then its result.
    pub fn run_pending<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<()>
    where
        B::Error: Send + Sync + 'static,
    {
        let Some((format, file)) = self.pending_import.take() else {
            return Ok(());
        };
        let clock = self.clock();
        self.draw(terminal)?;
        let App {
            store,
            model,
            keymap,
            theme,
            ..
        } = self;
        let mut drawn = Ok(());
        let message = super::import::run(store, format, &file, &clock, &mut |done, all| {
            model.status = Some(crate::interop::files::progress_text(done, all, 24));
            if drawn.is_ok() {
                drawn = terminal
                    .draw(|frame| ui::draw(frame, model, keymap, &clock, *theme))
                    .map(|_| ());
            }
        });
        drawn?;
        let effects = update::receive(&mut self.model, Loaded::Changed(message));
        self.run_effects(effects);
        Ok(())
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
        self.theme.colors = config.colors;
        let (keymap, warnings) = Keymap::default_keys().patched(&config.keys);
        self.keymap = keymap;
        warnings
    }

    pub fn clock(&self) -> Clock {
        self.fixed_clock.unwrap_or_else(Clock::system)
    }

    /// Loads home: the first frame's data.
    pub fn start(&mut self) {
        self.model.read_only = self.store.is_read_only();
        self.data_version = self.store.data_version().unwrap_or(0);
        self.run_effects(vec![Effect::ReloadHome]);
    }

    /// Handles one terminal event.
    pub fn handle(&mut self, event: Event) {
        // Debug builds only: a key that panics, so tests can prove the terminal is restored.
        #[cfg(debug_assertions)]
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
        let effects = match event {
            Event::Key(key) if key.is_press() || key.is_repeat() => {
                let clock = self.clock();
                update::key(&mut self.model, &self.keymap, key, &clock)
            }
            Event::Mouse(mouse) => update::mouse(&mut self.model, mouse),
            Event::Paste(text) => {
                let clock = self.clock();
                update::form::paste(&mut self.model, &text, &clock);
                Vec::new()
            }
            Event::Resize(width, height) => update::resized(&mut self.model, width, height),
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
                    next.extend(update::receive(&mut self.model, loaded));
                }
            }
            effects = next;
        }
    }

    /// One effect against the store; its result, if it has one.
    fn apply(&mut self, effect: Effect) -> Option<Loaded> {
        if self.store.is_read_only() && effect.writes() {
            return Some(Loaded::Failed(
                crate::store::StoreError::ReadOnly.to_string(),
            ));
        }
        let clock = self.clock();
        let result = match effect {
            Effect::ReloadHome => {
                let limits = (
                    self.model.home.meetings.limit,
                    self.model.home.follow_ups.limit,
                );
                load::home(&self.store, &clock, limits).map(|d| Loaded::Home(Box::new(d)))
            }
            Effect::GrowPane(Pane::Meetings) => {
                load::meetings(&self.store, &clock, self.model.home.meetings.limit)
                    .map(Loaded::Meetings)
            }
            Effect::GrowPane(Pane::FollowUps) => {
                load::follow_ups(&self.store, &clock, self.model.home.follow_ups.limit)
                    .map(Loaded::FollowUps)
            }
            Effect::GrowPane(_) => return None,
            Effect::FetchContacts(fetch) => {
                load::contacts(&self.store, &fetch, self.model.home.contacts.total)
                    .map(|rows| Loaded::Contacts { fetch, rows })
            }
            Effect::LoadContactIndex => {
                load::contact_index_chunk(&self.store, self.model.contact_index.as_ref())
            }
            Effect::OpenContact(id) => {
                load::contact(&self.store, id).map(|d| Loaded::Contact(Box::new(d)))
            }
            Effect::LoadPipeline { limit } => {
                load::pipeline(&self.store, limit).map(Loaded::Pipeline)
            }
            Effect::OpenQuestionList(id) => {
                load::question_list(&self.store, id).map(Loaded::QuestionList)
            }
            Effect::OpenForm(request) => load::form(&self.store, &request, &clock, &self.settings),
            Effect::SaveForm => match &self.model.form {
                Some(form) => Ok(Loaded::Saved(save::save(
                    &self.store,
                    form,
                    &clock,
                    &self.settings,
                ))),
                None => return None,
            },
            Effect::Trash { table, id } => self
                .store
                .trash(table, id, clock.timestamp())
                .map(|()| Loaded::Changed("Deleted — press u to undo".into())),
            Effect::UndoDelete => self
                .store
                .undo_last_delete(clock.timestamp())
                .map(|restored| {
                    Loaded::Changed(match restored {
                        Some(row) => format!("Restored {} \"{}\"", row.noun, row.label),
                        None => "Nothing to undo: the trash is empty".into(),
                    })
                }),
            Effect::Restore { table, id } => self
                .store
                .untrash(table, id, clock.timestamp())
                .map(|()| Loaded::Changed("Restored".into())),
            Effect::OpenTrash => self.store.trash_rows(TRASH_SHOWN).map(Loaded::Trash),
            Effect::OpenSearch => {
                // A file open read-only elsewhere is searched as far as it was indexed.
                match self.store.sync_search() {
                    Ok(_) | Err(crate::store::StoreError::ReadOnly) => Ok(Loaded::SearchOpened),
                    Err(e) => Err(e),
                }
            }
            // Small steps (a few milliseconds each), so keys are never kept waiting; an index that
            // cannot be written (a read-only file) counts as done.
            Effect::IndexSearch => Ok(Loaded::SearchIndexed(
                self.store
                    .sync_search_step(SEARCH_STEP_ROWS)
                    .map_or(true, |(_, done)| done),
            )),
            Effect::Search(query) => self
                .store
                .search(&query)
                .map(|hits| Loaded::SearchResults(query, hits)),
            Effect::OpenLanded => self.store.helpers().map(Loaded::Helpers),
            Effect::OpenInsights => self
                .store
                .insights(&clock, self.settings.week_start)
                .map(|i| Loaded::Insights(Box::new(i))),
            // Carried out by `run_pending`, after a frame that says it has begun.
            Effect::RunImport { format, file } => {
                self.pending_import = Some((format, file));
                return None;
            }
            Effect::TakeStep { interview, step } => self.take_step(interview, step, &clock),
            Effect::OpenMeeting(id) => {
                load::meeting(&self.store, id, &clock).map(|v| Loaded::Meeting(Box::new(v)))
            }
            Effect::SaveQuestion(mut question) => {
                // The model already shows the change; only a failure needs saying.
                return self
                    .store
                    .update(&mut *question, clock.timestamp())
                    .err()
                    .map(|e| Loaded::Failed(format!("The answer was not saved: {e}")));
            }
            Effect::AddQuestion { interview, text } => self
                .store
                .add_question(interview, &text, &clock)
                .and_then(|()| self.reload_meeting(interview, &clock)),
            Effect::SwapQuestions(a, b) => self
                .store
                .swap_questions(a, b, &clock)
                .and_then(|interview| self.reload_meeting(interview, &clock)),
            Effect::CopyToClipboard(text) => {
                let copied = crossterm::execute!(
                    std::io::stdout(),
                    crossterm::clipboard::CopyToClipboard::to_clipboard_from(text.as_bytes())
                );
                return Some(match copied {
                    Ok(()) => Loaded::Changed("Copied to the clipboard".into()),
                    Err(e) => Loaded::Failed(format!("Could not copy: {e}")),
                });
            }
            Effect::OpenReview => self.store.review_queue(&clock).map(Loaded::Review),
            Effect::LoadReviewContext => match self.model.screen() {
                Some(Screen::Review(view)) => match view.current() {
                    Some(item) => self.store.review_context(item).map(Loaded::ReviewContext),
                    None => return None,
                },
                _ => return None,
            },
            Effect::ReviewDone(id) => self
                .store
                .complete_follow_up(id, clock.timestamp())
                .map(|before| Loaded::ReviewActed(Box::new(before), ReviewCount::Done)),
            Effect::ReviewSnooze { id, days } => self
                .store
                .snooze_until(id, days, &clock)
                .and_then(|until| self.store.snooze_follow_up(id, until, clock.timestamp()))
                .map(|before| Loaded::ReviewActed(Box::new(before), ReviewCount::Snoozed)),
            Effect::ReviewPutBack(before) => {
                let id = before.meta.id;
                self.store
                    .put_back(*before, clock.timestamp())
                    .map(|()| Loaded::ReviewUndone(id))
            }
            Effect::OpenStepMenu(id) => {
                self.store
                    .get::<crate::domain::Interview>(id)
                    .and_then(|interview| {
                        let contact: crate::domain::Contact =
                            self.store.get(interview.contact_id)?;
                        Ok(Loaded::StepMenu(super::step_menu::StepMenu::for_interview(
                            &interview,
                            &contact.name,
                        )))
                    })
            }
            Effect::EditExternally(text) => {
                self.editor_request = Some(text);
                return None;
            }
            Effect::ReloadScreen => match self.model.screen() {
                Some(Screen::Contact(detail)) => load::contact(&self.store, detail.contact.meta.id)
                    .map(|d| Loaded::ContactReloaded(Box::new(d))),
                Some(Screen::Pipeline(board)) => {
                    load::pipeline(&self.store, board.limit).map(Loaded::Pipeline)
                }
                Some(Screen::QuestionList(view)) => {
                    load::question_list(&self.store, view.list.id).map(Loaded::QuestionList)
                }
                Some(Screen::Trash(_)) => self.store.trash_rows(TRASH_SHOWN).map(Loaded::Trash),
                Some(Screen::Meeting(view)) => self.reload_meeting(view.interview, &clock),
                Some(Screen::Review(_)) => self.store.review_queue(&clock).map(Loaded::Review),
                Some(Screen::Landed(_)) => self.store.helpers().map(Loaded::Helpers),
                Some(Screen::Insights(_)) => self
                    .store
                    .insights(&clock, self.settings.week_start)
                    .map(|i| Loaded::Insights(Box::new(i))),
                Some(Screen::Search(view)) => {
                    let _ = self.store.sync_search();
                    let query = view.query.clone();
                    self.store
                        .search(&query)
                        .map(|hits| Loaded::SearchResults(query, hits))
                }
                // A preview is of the file, not of the database: nothing to read again.
                Some(Screen::ImportPreview(_)) | None => return None,
            },
        };
        Some(result.unwrap_or_else(|e| Loaded::Failed(format!("Could not read the database: {e}"))))
    }

    fn reload_meeting(&self, interview: Id, clock: &Clock) -> StoreResult<Loaded> {
        load::meeting(&self.store, interview, clock).map(|v| Loaded::Meeting(Box::new(v)))
    }

    /// A step that needs no form; a meeting marked held ends when it was due to, or now.
    fn take_step(&self, interview: Id, step: Step, clock: &Clock) -> StoreResult<Loaded> {
        let step = match step {
            Step::MeetingHeld { .. } => {
                let scheduled = self
                    .store
                    .meetings_of(interview)?
                    .into_iter()
                    .rfind(|m| m.status == MeetingStatus::Scheduled);
                let ends_at =
                    scheduled.map_or(clock.timestamp(), |m| m.ends_at().min(clock.timestamp()));
                Step::MeetingHeld { ends_at }
            }
            other => other,
        };
        let after = self.store.apply_step(
            interview,
            &StepInput::from(step),
            clock,
            &self.settings.playbook,
        )?;
        // The footer says what the timeline now says.
        let latest = self
            .store
            .timeline_of(after.contact_id, 1)?
            .into_iter()
            .next();
        Ok(Loaded::Changed(
            latest.map_or_else(|| "Done".into(), |entry| entry.summary),
        ))
    }

    /// Reloads when another process committed to the file since we last looked.
    pub fn notice_outside_changes(&mut self) {
        let Ok(version) = self.store.data_version() else {
            return;
        };
        if version != self.data_version {
            self.data_version = version;
            let mut effects = vec![Effect::ReloadHome];
            if self.model.screen().is_some() {
                effects.push(Effect::ReloadScreen);
            }
            self.run_effects(effects);
        }
    }

    pub fn draw<B: Backend>(&self, terminal: &mut Terminal<B>) -> Result<()>
    where
        B::Error: Send + Sync + 'static,
    {
        let clock = self.clock();
        terminal.draw(|frame| ui::draw(frame, &self.model, &self.keymap, &clock, self.theme))?;
        Ok(())
    }

    /// The loop, until the user quits or a signal asks us to stop.
    pub fn run(&mut self, guard: &mut super::terminal::TerminalGuard, review: bool) -> Result<()> {
        self.start();
        if review {
            self.run_effects(vec![Effect::OpenReview]);
        }
        let mut dirty = true;
        while !self.model.quit && !guard.stop.load(Ordering::Relaxed) {
            if dirty {
                self.draw(&mut guard.terminal)?;
            }
            // While there is idle work (the filter's index), only glance at the input between
            // steps. Not Duration::ZERO: crossterm's /dev/tty source then returns without
            // reading at all, and keys would wait until the idle work is done.
            let idle_work = update::idle(&self.model);
            let wait = if idle_work.is_some() { GLANCE } else { TICK };
            if event::poll(wait)? {
                self.handle(event::read()?);
                self.run_pending(&mut guard.terminal)?;
                if let Some(text) = self.editor_request.take() {
                    let loaded = match super::terminal::edit_externally(guard, &text) {
                        Ok(edited) => Loaded::EditedText(edited),
                        Err(e) => Loaded::Failed(format!("The editor did not run: {e}")),
                    };
                    let effects = update::receive(&mut self.model, loaded);
                    self.run_effects(effects);
                }
                dirty = true;
            } else if let Some(effect) = idle_work {
                self.run_effects(vec![effect]);
                dirty = self.model.filter.is_some();
            } else {
                let before = self.data_version;
                self.notice_outside_changes();
                // Meeting mode's timer moves on by itself.
                let ticking = matches!(self.model.screen(), Some(super::model::Screen::Meeting(_)));
                dirty = self.data_version != before || ticking;
            }
        }
        Ok(())
    }
}
