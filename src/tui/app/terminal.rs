//! Taking the terminal and always giving it back: on quit, on error (a guard that restores on
//! drop), on panic (a hook that also turns the mouse and bracketed paste off, which
//! `ratatui::restore` does not, and says where the crash report went), and on every signal
//! that would otherwise end the process (a flag the loop checks: SIGTERM, SIGHUP from a closed
//! terminal, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM).

use std::io::{Write, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;

/// The app's terminal. Unlike `ratatui::DefaultTerminal`, a frame reaches the terminal in one
/// write: standard output alone is line-buffered in pieces of 1 KB, so a first frame of 10 KB
/// or more was ten writes, each one waking the terminal to show part of a screen.
pub type Screen =
    ratatui::Terminal<ratatui::backend::CrosstermBackend<std::io::BufWriter<std::io::Stdout>>>;

/// More than a whole frame on a large terminal: a frame is written out as soon as it is drawn.
const FRAME_BUFFER: usize = 256 * 1024;

/// Raw mode, the alternate screen, and a terminal drawing on it: what `ratatui::init` does,
/// with a frame written in one piece, and an error returned rather than a panic. Bracketed
/// paste and the mouse (if it is to be taken) are turned on in the same write: each write
/// wakes the terminal, and at start it competes with rolo for the processor.
fn take_screen(mouse: bool) -> std::io::Result<Screen> {
    crossterm::terminal::enable_raw_mode()?;
    let mut setup = Vec::new();
    crossterm::queue!(
        setup,
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    if mouse {
        crossterm::queue!(setup, EnableMouseCapture)?;
    }
    let mut out = stdout();
    out.write_all(&setup)?;
    out.flush()?;
    let backend = ratatui::backend::CrosstermBackend::new(std::io::BufWriter::with_capacity(
        FRAME_BUFFER,
        stdout(),
    ));
    ratatui::Terminal::new(backend)
}

/// The signals whose default action ends the process and that can be caught: each one only
/// asks the loop to stop, so the terminal is given back on the way out.
pub const STOPPING_SIGNALS: [i32; 7] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
];

/// Restores the terminal when dropped, however the app ends.
pub struct TerminalGuard {
    pub terminal: Screen,
    /// Set when a signal asks rolo to stop.
    pub stop: Arc<AtomicBool>,
    /// Whether the mouse is captured (to turn it back on after handing the terminal over).
    pub mouse: bool,
    /// Set when rolo is asked to step aside (SIGTSTP from the shell, or Ctrl-Z).
    pub suspend: Arc<AtomicBool>,
}

impl TerminalGuard {
    pub fn take(mouse: bool) -> std::io::Result<TerminalGuard> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in STOPPING_SIGNALS {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend))?;
        install_panic_hook();
        let terminal = match take_screen(mouse) {
            Ok(terminal) => terminal,
            Err(e) => {
                release_extras();
                ratatui::restore();
                return Err(e);
            }
        };
        // crossterm starts listening for resizes when its input is first looked at; until
        // then a resize is lost. Looked at now, so that one from here on comes as an event,
        // and the app compares the size it was made ready for with the terminal's after this.
        let _ = crossterm::event::poll(std::time::Duration::ZERO);
        Ok(TerminalGuard {
            terminal,
            stop,
            mouse,
            suspend,
        })
    }

    /// Gives the terminal back as it was found, runs `away` (an editor, or being stopped by the
    /// shell), then takes it again and has the next frame drawn whole.
    pub fn step_aside<T>(&mut self, away: impl FnOnce() -> T) -> std::io::Result<T> {
        // Only dropping a terminal shows the cursor again; this one lives on.
        let _ = self.terminal.show_cursor();
        release_extras();
        ratatui::restore();
        let result = away();
        if self.stop.load(std::sync::atomic::Ordering::Relaxed) {
            // The terminal may be gone (it was closed): the app is ending, not coming back.
            return Ok(result);
        }
        self.terminal = take_screen(self.mouse)?;
        // A fresh terminal has drawn nothing, so the next frame is drawn whole; the screen is
        // cleared by hand because Terminal::clear asks the terminal where its cursor is.
        execute!(
            stdout(),
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
        )?;
        Ok(result)
    }

    /// Stops the process as the shell asked (job control), the terminal restored meanwhile;
    /// `fg` brings the app back, drawn afresh.
    pub fn suspend_now(&mut self) -> std::io::Result<()> {
        self.suspend
            .store(false, std::sync::atomic::Ordering::Relaxed);
        self.step_aside(|| {
            let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
        })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        release_extras();
        ratatui::restore();
    }
}

/// Turns off what `ratatui::restore` leaves on.
fn release_extras() {
    let mut out = stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste);
    let _ = out.flush();
}

/// Wraps the panic hook installed before (color-eyre's report) so the terminal is given back
/// first, the mouse and bracketed paste included, and the report is also kept in a file whose
/// place is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_extras();
        ratatui::restore();
        previous(info);
        if let Some(path) = write_crash_report(&info.to_string()) {
            eprintln!(
                "rolo stopped unexpectedly; the terminal was restored and the report is in {}",
                path.display()
            );
        }
    }));
}

fn write_crash_report(report: &str) -> Option<PathBuf> {
    let folder = crate::store::path::state_folder("")?;
    let path = folder.join(format!(
        "crash-{}.txt",
        chrono::Utc::now().format("%Y%m%dT%H%M%S")
    ));
    crate::store::path::create_private_file(&path, true).ok()?;
    let backtrace = std::backtrace::Backtrace::force_capture();
    std::fs::write(
        &path,
        format!(
            "rolo {}\n{report}\n\n{backtrace}\n",
            env!("CARGO_PKG_VERSION")
        ),
    )
    .ok()?;
    Some(path)
}

/// Where text handed to the editor lives while it is edited: in rolo's state folder rather
/// than /tmp, so that when the terminal is closed mid-edit (or rolo is killed) what was
/// written is still there, and the next start offers it back.
const EDITING: &str = "editing";

/// Hands the terminal to $VISUAL / $EDITOR (vi if neither is set) on a private file holding
/// `text`, then takes it back and returns what the file holds. When rolo was asked to stop
/// meanwhile (the terminal closed), an edited file is kept for the next start.
pub fn edit_externally(guard: &mut TerminalGuard, text: &str) -> std::io::Result<String> {
    let folder = crate::store::path::state_folder(EDITING).unwrap_or_else(std::env::temp_dir);
    let file = tempfile::Builder::new()
        .prefix(&format!("notes-{}-", std::process::id()))
        .suffix(".txt")
        .tempfile_in(folder)?;
    std::fs::write(file.path(), text)?;
    let editor = crate::config::editor();
    // The editor may be "code --wait": split off its arguments.
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi").to_string();
    let arguments: Vec<String> = words.map(str::to_string).collect();
    let stop = Arc::clone(&guard.stop);
    let mut outcome = None;
    guard.step_aside(|| {
        outcome = Some(run_editor(&program, &arguments, file.path(), &stop));
    })?;
    let status = outcome.unwrap_or_else(|| Err(std::io::Error::other("the editor did not run")));
    let edited = std::fs::read_to_string(file.path()).unwrap_or_default();
    if guard.stop.load(std::sync::atomic::Ordering::Relaxed) {
        if edited.trim_end() != text.trim_end() && !edited.trim().is_empty() {
            // Kept (not removed on drop) for `interrupted_edits` to offer back.
            let _ = file.keep();
        }
        return Err(std::io::Error::other(
            "rolo was asked to stop while editing",
        ));
    }
    match status {
        Ok(s) if s.success() => Ok(edited.trim_end_matches('\n').to_string()),
        Ok(s) => Err(std::io::Error::other(format!(
            "{editor} exited with {s}; nothing was changed"
        ))),
        Err(e) => Err(std::io::Error::other(format!("{editor}: {e}"))),
    }
}

/// Runs the editor until it ends, or until rolo is asked to stop (the terminal closed): then
/// the editor is asked to end too, so that a closed terminal never leaves rolo running.
fn run_editor(
    program: &str,
    arguments: &[String],
    file: &std::path::Path,
    stop: &AtomicBool,
) -> std::io::Result<std::process::ExitStatus> {
    let mut child = std::process::Command::new(program)
        .args(arguments)
        .arg(file)
        .spawn()?;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            // SAFETY: the child is ours and has not been waited for, so its id is still its.
            unsafe {
                libc::kill(child.id() as i32, libc::SIGHUP);
            }
            std::thread::sleep(std::time::Duration::from_millis(500));
            let _ = child.kill();
            return child.wait();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// What was typed in a form when rolo was stopped (the terminal closed): written where notes
/// being edited are kept, so the next start offers it the same way.
pub fn keep_typed(title: &str, text: &str) {
    let Some(folder) = crate::store::path::state_folder(EDITING) else {
        return;
    };
    let file = folder.join(format!("notes-{}-form.txt", std::process::id()));
    let _ = std::fs::write(
        file,
        format!("{title} (rolo was closed while it was open)\n\n{text}\n"),
    );
}

/// Notes left behind by an edit that rolo could not take back (the terminal closed, rolo was
/// killed): moved to `recovered/` so they are offered once, and returned with their new place.
pub fn interrupted_edits() -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(crate::store::path::state_path(EDITING)) else {
        return Vec::new();
    };
    let Some(recovered) = crate::store::path::state_folder("recovered") else {
        return Vec::new();
    };
    let mut kept = Vec::new();
    for entry in entries.flatten() {
        let from = entry.path();
        if edited_by_a_running_rolo(&from) {
            continue;
        }
        let is_notes = from.extension().is_some_and(|e| e == "txt")
            && std::fs::metadata(&from).is_ok_and(|m| m.is_file() && m.len() > 0);
        if !is_notes {
            // An editor's swap file or an empty leftover: nothing to offer.
            let _ = std::fs::remove_file(&from);
            continue;
        }
        let to = recovered.join(entry.file_name());
        if std::fs::rename(&from, &to).is_ok() {
            kept.push(to);
        }
    }
    kept
}

/// `notes-<pid>-….txt` whose rolo is still running (another app, on another file).
fn edited_by_a_running_rolo(file: &std::path::Path) -> bool {
    let pid = file
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix("notes-"))
        .and_then(|rest| rest.split('-').next())
        .and_then(|pid| pid.parse::<i32>().ok());
    match pid {
        Some(pid) if pid as u32 != std::process::id() => {
            // SAFETY: signal 0 only asks whether the process exists.
            unsafe { libc::kill(pid, 0) == 0 }
        }
        _ => false,
    }
}

/// Set when something was written to the screen around ratatui (a wait shown while the loop
/// was busy): the next frame is drawn whole.
/// Whether the terminal has gone without a hang-up signal reaching rolo (its window closed
/// while SIGHUP was ignored, as `nohup` or a shell's trap does): reads then end at once with
/// nothing, so waiting for a key never waits, and only the terminal's settings say it is gone.
pub fn hung_up() -> bool {
    // SAFETY: tcgetattr writes only into the termios given, which lives for the call.
    let failed = unsafe {
        let mut settings: libc::termios = std::mem::zeroed();
        libc::tcgetattr(libc::STDIN_FILENO, &mut settings) != 0
    };
    failed && std::io::Error::last_os_error().raw_os_error() == Some(libc::EIO)
}

/// Standard error goes nowhere from now on. Once the terminal is gone nothing can be shown
/// there, and a message printed to it (ratatui's own, on giving the terminal back) would fail
/// and end rolo with an abort.
pub fn send_errors_nowhere() {
    if let Ok(nowhere) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        use std::os::fd::AsRawFd;
        // SAFETY: both descriptors are open; dup2 only replaces descriptor 2.
        unsafe {
            libc::dup2(nowhere.as_raw_fd(), libc::STDERR_FILENO);
        }
    }
}

pub static DRAW_WHOLE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Shows, on the footer line, that a save is waiting for another rolo's write. Called from
/// SQLite's busy handler while the loop is blocked, so it writes to the terminal directly.
pub fn show_wait(waiting: bool) {
    use crossterm::cursor::MoveTo;
    use crossterm::style::Print;
    use crossterm::terminal::{Clear, ClearType, size};
    if waiting && let Ok((_, rows)) = size() {
        let mut out = stdout();
        let _ = execute!(
            out,
            MoveTo(0, rows.saturating_sub(1)),
            Clear(ClearType::CurrentLine),
            Print(" Waiting for another rolo to finish writing (an import?)… your change is kept")
        );
    }
    DRAW_WHOLE.store(true, std::sync::atomic::Ordering::Relaxed);
}
