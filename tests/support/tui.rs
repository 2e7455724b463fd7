//! Driving the app without a terminal: a `TestBackend`, key presses, and the screen as text.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolo::store::Store;
use rolo::tui::app::App;
use rolo::tui::view::theme::Theme;

use super::{TempStore, clock};

pub struct Tester {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
    /// Keeps the database's folder alive.
    _db: Option<TempStore>,
}

impl Tester {
    /// The demo data (60 contacts) at the fixed clock, on a `width`×`height` screen.
    pub fn demo(width: u16, height: u16) -> Tester {
        Tester::with_contacts(width, height, rolo::demo::DEFAULT_CONTACTS)
    }

    pub fn with_contacts(width: u16, height: u16, contacts: u64) -> Tester {
        let db = TempStore::new();
        rolo::demo::fill(&db.store, contacts, &clock()).unwrap();
        let store = Store::open(&db.path()).unwrap();
        Tester::on(store, width, height, Some(db), Theme::new(true))
    }

    pub fn empty(width: u16, height: u16) -> Tester {
        let db = TempStore::new();
        let store = Store::open(&db.path()).unwrap();
        Tester::on(store, width, height, Some(db), Theme::new(true))
    }

    pub fn on(
        store: Store,
        width: u16,
        height: u16,
        db: Option<TempStore>,
        theme: Theme,
    ) -> Tester {
        let mut app = App::new(store, width, height, Some(clock()), theme);
        app.start();
        // As after a moment of idling: the filter's index is built.
        while let Some(effect) = rolo::tui::dispatch::idle(&app.model) {
            app.run_effects(vec![effect]);
        }
        let mut tester = Tester {
            app,
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            _db: db,
        };
        tester.draw();
        tester
    }

    pub fn draw(&mut self) {
        self.app.draw(&mut self.terminal).unwrap();
    }

    /// Presses keys written as in the keymap, separated by spaces: "j j enter", "ctrl-r", "G".
    pub fn press(&mut self, keys: &str) -> &mut Tester {
        for key in keys.split(' ').filter(|k| !k.is_empty()) {
            self.app.handle(Event::Key(key_event(key)));
            self.app
                .run_pending(&mut self.terminal, &mut || false)
                .unwrap();
        }
        self.draw();
        self
    }

    /// As `press`, with the user (or a signal) asking every long effect to stop as it runs.
    pub fn press_interrupting(&mut self, keys: &str) -> &mut Tester {
        for key in keys.split(' ').filter(|k| !k.is_empty()) {
            self.app.handle(Event::Key(key_event(key)));
            self.app
                .run_pending(&mut self.terminal, &mut || true)
                .unwrap();
        }
        self.draw();
        self
    }

    /// Types text character by character (into the filter).
    pub fn type_str(&mut self, text: &str) -> &mut Tester {
        for c in text.chars() {
            self.app.handle(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        self.draw();
        self
    }

    pub fn click(&mut self, column: u16, row: u16) -> &mut Tester {
        self.mouse(MouseEventKind::Down(MouseButton::Left), column, row)
    }

    pub fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) -> &mut Tester {
        self.app.handle(Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
        self.draw();
        self
    }

    pub fn resize(&mut self, width: u16, height: u16) -> &mut Tester {
        self.terminal.backend_mut().resize(width, height);
        self.app.handle(Event::Resize(width, height));
        self.draw();
        self
    }

    /// The screen as lines of text.
    pub fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        let area = buffer.area;
        (0..area.height)
            .map(|y| {
                let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
                line.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The line of the screen that contains `text`.
    pub fn line_with(&self, text: &str) -> String {
        self.screen()
            .lines()
            .find(|l| l.contains(text))
            .unwrap_or_default()
            .to_string()
    }
}

pub fn key_event(key: &str) -> KeyEvent {
    let parsed = rolo::tui::keys::keymap::Key::parse(key).unwrap_or_else(|e| panic!("{e}"));
    let mut modifiers = KeyModifiers::NONE;
    if parsed.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if parsed.alt {
        modifiers |= KeyModifiers::ALT;
    }
    use rolo::tui::keys::keymap::KeyCodeOrd;
    let code = match parsed.code {
        KeyCodeOrd::Char(c) => KeyCode::Char(c),
        KeyCodeOrd::F(n) => KeyCode::F(n),
        KeyCodeOrd::Named(name) => match name {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            other => panic!("no key {other}"),
        },
    };
    KeyEvent::new(code, modifiers)
}
