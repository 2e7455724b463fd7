//! The real `rolo` binary in a pseudo-terminal: type keys, read the screen as a terminal would
//! show it (vt100), and check what state the terminal is left in.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, raw, for checks on escape sequences.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set when the terminal's other side has closed and everything written has been read.
    read_all: Arc<std::sync::atomic::AtomicBool>,
}

/// How long to wait for the screen to show something before failing.
const PATIENCE: Duration = Duration::from_secs(20);

impl Pty {
    /// Starts `rolo ARGS` on `db` in a `cols`×`rows` terminal, with `home` as its home folder.
    pub fn spawn(
        args: &[&str],
        db: &Path,
        home: &Path,
        cols: u16,
        rows: u16,
        extra_env: &[(&str, &str)],
    ) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_rolo"));
        command.args(args);
        command.env_clear();
        command.env("TERM", "xterm-256color");
        command.env("HOME", home);
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_STATE_HOME", home.join("state"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("ROLO_DB", db);
        command.env("ROLO_NOW", super::NOW);
        command.env("PATH", std::env::var("PATH").unwrap_or_default());
        for (key, value) in extra_env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("rolo starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (parser_in, raw_in) = (Arc::clone(&parser), Arc::clone(&raw));
        let read_all = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let read_all_in = Arc::clone(&read_all);
        // The master must stay open while the child runs; the thread owns it.
        let master = pair.master;
        std::thread::spawn(move || {
            let _keep_open = master;
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                parser_in.lock().unwrap().process(&buffer[..n]);
                raw_in.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
            read_all_in.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        Pty {
            child,
            writer,
            parser,
            raw,
            read_all,
        }
    }

    /// Everything written so far, escape sequences included.
    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the screen never showed {text:?}; it shows:\n{}",
            self.screen()
        );
    }

    /// Types bytes as a terminal would send them, with a pause so each is read as one key.
    /// Opens the step menu (n) and chooses the entry `label`, moving down to it.
    pub fn choose_step(&mut self, label: &str) {
        self.send(b"n");
        self.wait_for(label);
        let mut moves = 0;
        while !self.screen().contains(&format!("▶ {label}")) {
            assert!(moves < 20, "{label} never selected:\n{}", self.screen());
            self.send(b"j");
            moves += 1;
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        self.send(b"\r");
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Waits for the program to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.drained();
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("rolo did not exit; the screen shows:\n{}", self.screen());
    }

    /// Waits until everything the program wrote has been read — the reader has met the end
    /// of the terminal's output — so the screen is its last, however loaded the machine.
    fn drained(&self) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE && !self.read_all.load(std::sync::atomic::Ordering::SeqCst)
        {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Quits with `q`: rolo must exit cleanly and leave the terminal as it found it.
    pub fn quit(&mut self) {
        self.send(b"q");
        assert!(self.wait_exit(), "rolo exited with a failure");
        self.assert_restored();
    }

    /// The terminal is as rolo found it: main screen, no mouse reporting, no bracketed paste,
    /// cursor shown.
    pub fn assert_restored(&self) {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "left in the alternate screen");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting left on"
        );
        assert!(!screen.bracketed_paste(), "bracketed paste left on");
        assert!(!screen.hide_cursor(), "cursor left hidden");
        let raw = self.raw.lock().unwrap();
        let text = String::from_utf8_lossy(&raw);
        assert!(
            text.contains("\u{1b}[?1049l"),
            "the alternate screen was never left"
        );
    }

    pub fn mouse_mode(&self) -> vt100::MouseProtocolMode {
        self.parser.lock().unwrap().screen().mouse_protocol_mode()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child")
    }
}
