//! Taking the terminal and always giving it back: on quit, on error (a guard that restores on
//! drop), on panic (a hook that also turns the mouse and bracketed paste off, which
//! `ratatui::restore` does not, and says where the crash report went), and on SIGTERM, SIGHUP
//! and SIGINT (a flag the loop checks).

use std::io::{Write, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Restores the terminal when dropped, however the app ends.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
    /// Set when a signal asks rolo to stop.
    pub stop: Arc<AtomicBool>,
    /// Whether the mouse is captured (to turn it back on after handing the terminal over).
    pub mouse: bool,
}

impl TerminalGuard {
    pub fn take(mouse: bool) -> std::io::Result<TerminalGuard> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        let terminal = ratatui::init();
        install_panic_hook();
        let mut out = stdout();
        execute!(out, EnableBracketedPaste)?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        Ok(TerminalGuard {
            terminal,
            stop,
            mouse,
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

/// Wraps the panic hooks installed before (ratatui's restore, then color-eyre's report) so the
/// mouse is released first and the report is also kept in a file whose place is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_extras();
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
    use etcetera::BaseStrategy;
    let folder = etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.state_dir().unwrap_or_else(|| s.cache_dir()).join("rolo"))
        .unwrap_or_else(std::env::temp_dir);
    crate::store::path::create_parent(&folder.join("x")).ok()?;
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

/// Hands the terminal to $VISUAL / $EDITOR (vi if neither is set) on a private temporary file
/// holding `text`, then takes it back and returns what the file holds.
pub fn edit_externally(guard: &mut TerminalGuard, text: &str) -> std::io::Result<String> {
    let file = tempfile::Builder::new()
        .prefix("rolo-")
        .suffix(".txt")
        .tempfile()?;
    std::fs::write(file.path(), text)?;
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .ok()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    release_extras();
    ratatui::restore();
    // The editor may be "code --wait": split off its arguments.
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(words)
        .arg(file.path())
        .status();
    guard.terminal = ratatui::init();
    let mut out = stdout();
    execute!(out, EnableBracketedPaste)?;
    if guard.mouse {
        execute!(out, EnableMouseCapture)?;
    }
    // A fresh terminal has drawn nothing, so the next frame is drawn whole; the screen is
    // cleared by hand because Terminal::clear asks the terminal where its cursor is.
    execute!(
        out,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    match status {
        Ok(s) if s.success() => Ok(std::fs::read_to_string(file.path())?
            .trim_end_matches('\n')
            .to_string()),
        Ok(s) => Err(std::io::Error::other(format!(
            "{editor} exited with {s}; nothing was changed"
        ))),
        Err(e) => Err(std::io::Error::other(format!("{editor}: {e}"))),
    }
}
