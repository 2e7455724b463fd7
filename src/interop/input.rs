//! Reading a file to import, bounded: only a regular file is read (a FIFO, a device such as
//! /dev/zero, or a socket would never end or block forever), as it goes, and only up to a
//! stated size, far above any real export — so no file, however it is made, can hang rolo or
//! fill its memory.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::store::disk::human_bytes;

/// The largest file an import reads: a 30,000-row LinkedIn export is about 5 MB, and an address
/// book of a few thousand cards with photos a few tens of MB. Imports read as they go, so the
/// bound is not what keeps memory small; it stops what is no export at all early.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// `file` opened to read, when it is a regular file; else why it is not read.
pub fn open_regular(file: &Path) -> Result<File, String> {
    let shown = file.display();
    // Non-blocking, so that opening a FIFO with no writer returns at once; the kind is then
    // checked on the open handle itself, so a file swapped in meanwhile is caught too.
    let handle = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(file)
        .map_err(|e| {
            format!(
                "cannot read {shown}: {}",
                crate::store::error::explain_io(&e)
            )
        })?;
    let meta = handle
        .metadata()
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{shown} is a folder; name a file in it"));
    }
    if !meta.is_file() {
        return Err(format!(
            "{shown} is not a regular file (a device, a pipe or a socket), so it is not read; \
             save what you want to import to a file first"
        ));
    }
    Ok(handle)
}

/// `file` opened to be read as it goes (a regular file, no larger than an import reads), with
/// its length: reading past the limit — the file grew meanwhile — is an error, never a file
/// cut short without a word.
pub fn open_streamed(file: &Path) -> Result<(Box<dyn std::io::BufRead>, u64), String> {
    open_streamed_at_most(file, MAX_IMPORT_BYTES)
}

/// A backup is merged as it is read, so its size costs no memory: the bound stops a file (or a
/// pipe) that never ends before its log fills the disk. Three times the 300 MB of a
/// 100,000-contact database.
pub const MAX_BACKUP_BYTES: u64 = 1024 * 1024 * 1024;

/// As `open_streamed`, up to `limit` bytes; `-` is standard input.
pub fn open_streamed_at_most(
    file: &Path,
    limit: u64,
) -> Result<(Box<dyn std::io::BufRead>, u64), String> {
    let (handle, size): (Box<dyn Read>, u64) = if file == Path::new("-") {
        (Box::new(std::io::stdin()), 0)
    } else {
        let handle = open_regular(file)?;
        let size = handle
            .metadata()
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?
            .len();
        if size > limit {
            return Err(too_large(file, limit));
        }
        (Box::new(handle), size)
    };
    let reader = AtMost {
        inner: handle,
        left: limit,
        limit,
    };
    Ok((
        Box::new(std::io::BufReader::with_capacity(1 << 16, reader)),
        size,
    ))
}

/// A reader that refuses to go past a number of bytes.
struct AtMost<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Read for AtMost<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.left = self.left.checked_sub(n as u64).ok_or_else(|| {
            std::io::Error::other(format!(
                "it is larger than the {} an import reads (or grew past it while it was read)",
                human_bytes(self.limit)
            ))
        })?;
        Ok(n)
    }
}

fn too_large(file: &Path, limit: u64) -> String {
    format!(
        "{} is larger than the {} an import reads; it is not an export rolo knows. \
         Split it, or check it is the file you meant",
        file.display(),
        human_bytes(limit)
    )
}

/// The longest line kept of a file read line by line (a line of a base64 attachment with no
/// breaks may run for megabytes): the rest of it is read past, not held.
const LINE_AT_MOST: usize = 64 * 1024;

/// Reads one line into `line` (at most `LINE_AT_MOST` bytes of it kept); says how many bytes
/// the whole line took in the file.
pub fn read_line_at_most(reader: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut taken = 0;
    loop {
        let (used, done) = {
            let available = reader.fill_buf()?;
            if available.is_empty() {
                return Ok(taken);
            }
            let end = available.iter().position(|b| *b == b'\n');
            let used = end.map_or(available.len(), |i| i + 1);
            let room = LINE_AT_MOST.saturating_sub(line.len());
            line.extend_from_slice(&available[..used.min(room)]);
            (used, end.is_some())
        };
        reader.consume(used);
        taken += used;
        if done {
            return Ok(taken);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_grows_past_the_limit_is_an_error_not_a_shorter_file() {
        let mut within = AtMost {
            inner: &b"0123456789"[..],
            left: 10,
            limit: 10,
        };
        let mut read = Vec::new();
        assert_eq!(within.read_to_end(&mut read).unwrap(), 10);
        let mut past = AtMost {
            inner: &b"0123456789"[..],
            left: 9,
            limit: 9,
        };
        let error = past.read_to_end(&mut Vec::new()).unwrap_err();
        assert!(error.to_string().contains("larger than"), "{error}");
    }
}
