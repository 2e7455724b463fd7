//! Standard output for commands that write a lot (`today`, `export`, completions): when the
//! reader goes away (`| head`, a pager quit), rolo stops at once and quietly, as `git log` or
//! `grep` do — not with an error about a broken pipe, and never with a panic.

use std::io::{ErrorKind, Stdout, Write};

/// Standard output that ends rolo, successfully, when the reader has gone.
pub struct Piped(Stdout);

pub fn stdout() -> Piped {
    Piped(std::io::stdout())
}

fn gone_quietly<T>(result: std::io::Result<T>) -> std::io::Result<T> {
    match result {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::exit(0),
        other => other,
    }
}

impl Write for Piped {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        gone_quietly(self.0.write(bytes))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        gone_quietly(self.0.flush())
    }
}
