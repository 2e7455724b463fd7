//! The loop itself, and the long effects it carries out between frames.

use crate::tui::app::*;

impl App {
    /// Carries out a long effect left pending (an import, or the dry run its preview shows),
    /// drawing its progress in the footer as it goes, then its result. `interrupted` is asked
    /// as it goes whether the user (Esc) or a signal wants it stopped: then nothing is written.
    pub fn run_pending<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        interrupted: &mut dyn FnMut() -> bool,
    ) -> Result<()>
    where
        B::Error: Send + Sync + 'static,
    {
        let Some(index) = self.for_the_loop.iter().position(Effect::is_long) else {
            return Ok(());
        };
        let effect = self.for_the_loop.remove(index);
        let clock = self.clock();
        self.draw(terminal)?;
        let App {
            store,
            model,
            keymap,
            theme,
            ..
        } = self;
        let doing = match &effect {
            Effect::RunImport { .. } => "Importing",
            _ => "Reading for the preview",
        };
        let mut drawn = Ok(());
        let mut progress = |done, all| {
            model.status = Some(format!(
                "{}  Esc cancels",
                crate::interop::files::progress_text(doing, done, all, 24)
            ));
            if drawn.is_ok() {
                drawn = terminal
                    .draw(|frame| view::draw(frame, model, keymap, &clock, *theme))
                    .map(|_| ());
            }
            if interrupted() {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        };
        let loaded =
            match effect {
                Effect::RunImport { format, file } => Loaded::Changed(
                    crate::tui::data::import::run(store, format, &file, &clock, &mut progress),
                ),
                Effect::SaveForm(form) => Loaded::Saved(crate::tui::data::import::preview(
                    store,
                    &form,
                    &clock,
                    &mut progress,
                )),
                _ => return Ok(()),
            };
        drawn?;
        // The progress is over: what it came to takes its place.
        self.model.status = None;
        let effects = crate::tui::data::receive::receive(&mut self.model, loaded);
        self.run_effects(effects);
        Ok(())
    }

    /// The loop, until the user quits or a signal asks us to stop.
    pub fn run(&mut self, guard: &mut crate::tui::app::terminal::TerminalGuard) -> Result<()> {
        let mut dirty = true;
        while !self.model.quit && !guard.stop.load(Ordering::Relaxed) {
            if guard.suspend.load(Ordering::Relaxed) {
                guard.suspend_now()?;
                dirty = true;
            }
            if crate::tui::app::terminal::DRAW_WHOLE.swap(false, Ordering::Relaxed) {
                // Cleared and the next frame drawn whole. Not Terminal::clear: it asks the
                // terminal where its cursor is, and a terminal that does not answer ends rolo.
                let size = guard.terminal.size()?;
                guard
                    .terminal
                    .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
                dirty = true;
            }
            if dirty && let Err(e) = self.draw(&mut guard.terminal) {
                if stop_if_gone(guard) {
                    continue;
                }
                return Err(e);
            }
            // While there is idle work (the filter's index), only glance at the input between
            // steps. Not Duration::ZERO: crossterm's /dev/tty source then returns without
            // reading at all, and keys would wait until the idle work is done.
            let idle_work = dispatch::idle(&self.model);
            let wait = if idle_work.is_some() { GLANCE } else { TICK };
            let ready = match event::poll(wait) {
                Ok(ready) => ready,
                Err(_) if stop_if_gone(guard) => continue,
                Err(e) => return Err(e.into()),
            };
            if !ready && stop_if_gone(guard) {
                continue;
            }
            if ready {
                let event = match event::read() {
                    Ok(event) => event,
                    Err(_) if stop_if_gone(guard) => continue,
                    Err(e) => return Err(e.into()),
                };
                if is_ctrl_z(&event) {
                    // Raw mode turns the terminal's own Ctrl-Z off: rolo steps aside itself.
                    guard.suspend_now()?;
                    dirty = true;
                    continue;
                }
                self.handle(event);
                let stop = std::sync::Arc::clone(&guard.stop);
                self.run_pending(&mut guard.terminal, &mut || {
                    stop.load(Ordering::Relaxed) || cancel_pressed()
                })?;
                if let Some(text) = self.editor_text() {
                    let loaded = match crate::tui::app::terminal::edit_externally(guard, &text) {
                        Ok(edited) => Loaded::EditedText(edited),
                        Err(e) => Loaded::Failed(format!("The editor did not run: {e}")),
                    };
                    let effects = crate::tui::data::receive::receive(&mut self.model, loaded);
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
                let ticking = matches!(
                    self.model.screen(),
                    Some(crate::tui::model::Screen::Meeting(_))
                );
                dirty = self.data_version != before || ticking;
            }
        }
        // Stopped by a signal (the terminal closed) with something typed in a form: kept,
        // to be offered on the next start as notes left by an interrupted edit are.
        if !self.model.quit
            && let Some(form) = self.model.form().filter(|f| f.is_dirty())
        {
            crate::tui::app::terminal::keep_typed(&form.title(), &form.typed_text());
        }
        Ok(())
    }
}

impl App {
    /// The text an effect asked to edit in $EDITOR, taken from the loop's queue.
    fn editor_text(&mut self) -> Option<String> {
        let index = self
            .for_the_loop
            .iter()
            .position(|e| matches!(e, Effect::EditExternally(_)))?;
        match self.for_the_loop.remove(index) {
            Effect::EditExternally(text) => Some(text),
            _ => None,
        }
    }
}

/// Whether Esc or Ctrl-C is waiting in the input (other input meanwhile is set aside).
fn cancel_pressed() -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    while event::poll(GLANCE).unwrap_or(false) {
        if let Ok(Event::Key(key)) = event::read() {
            let ctrl_c =
                key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
            if key.code == KeyCode::Esc || ctrl_c {
                return true;
            }
        }
    }
    false
}

fn is_ctrl_z(event: &Event) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    matches!(event, Event::Key(key)
        if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// Whether the terminal has gone without a hang-up reaching rolo (see `terminal::hung_up`):
/// then nothing more can be drawn or read, and the app stops as a hang-up would stop it, edits
/// kept — whichever of drawing, waiting or reading first meets the gone terminal.
fn stop_if_gone(guard: &crate::tui::app::terminal::TerminalGuard) -> bool {
    let gone = crate::tui::app::terminal::hung_up();
    if gone {
        crate::tui::app::terminal::send_errors_nowhere();
        guard.stop.store(true, Ordering::Relaxed);
    }
    gone
}
