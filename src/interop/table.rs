//! Reading a CSV file as a table, a row at a time as the file is read: the header found
//! (LinkedIn puts notes before it), a byte-order mark dropped, each record with the line it
//! started on. Bad bytes and bad quoting become row errors, never a crash, never a row lost in
//! silence.

use std::cell::RefCell;
use std::io::{BufRead, Read};
use std::rc::Rc;

use super::RowError;

/// A CSV file read a row at a time: its header found, then each row under it with its line
/// number; what is held is one record and the reader's buffer, whatever the file's size.
pub struct Table<'a> {
    pub header: Vec<String>,
    /// Rows under the header with nothing in any field, counted as they are passed.
    pub blank: u64,
    reader: csv::Reader<Tap<'a>>,
    /// The bytes the reader has taken and not yet passed: each record's text and line.
    seen: Rc<RefCell<Seen>>,
    record: csv::ByteRecord,
    /// What was wrong with lines before the header, given first.
    early: std::collections::VecDeque<RowError>,
    /// Why the file could not be read to its end: nothing more comes.
    failed: Option<String>,
    /// The file's length (0 when unknown), where the header ends, and the rows given since.
    size: u64,
    header_end: u64,
    rows: u64,
}

/// One line of the table: its number and fields, or why it cannot be read.
pub type Line = Result<(u64, Vec<String>), RowError>;

/// Opens the CSV `reader` holds (`size` bytes long, 0 if not known), taking as header the first
/// line for which `is_header` holds (the first line when it never does, and then no rows follow
/// it).
pub fn open<'a>(
    mut reader: Box<dyn BufRead + 'a>,
    size: u64,
    is_header: impl Fn(&[String]) -> bool,
) -> Table<'a> {
    if reader
        .fill_buf()
        .is_ok_and(|start| start.starts_with(b"\xef\xbb\xbf"))
    {
        reader.consume(3);
    }
    let seen = Rc::new(RefCell::new(Seen {
        bytes: Vec::new(),
        base: 0,
        counted: 0,
        line: 1,
    }));
    let tap = Tap {
        inner: reader,
        seen: Rc::clone(&seen),
    };
    let mut table = Table {
        header: Vec::new(),
        blank: 0,
        reader: csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(tap),
        seen,
        record: csv::ByteRecord::new(),
        early: std::collections::VecDeque::new(),
        failed: None,
        size,
        header_end: 0,
        rows: 0,
    };
    let mut first: Option<Vec<String>> = None;
    loop {
        match table.next_line() {
            None => {
                // No line looked like the header: the first line is it, and nothing follows.
                table.header = first.unwrap_or_default();
                return table;
            }
            Some(Err(problem)) => table.early.push_back(problem),
            Some(Ok((_, fields))) if fields.iter().all(String::is_empty) => {}
            Some(Ok((_, fields))) if is_header(&fields) => {
                table.header = fields;
                table.header_end = table.reader.position().byte();
                return table;
            }
            Some(Ok((_, fields))) => {
                first.get_or_insert(fields);
            }
        }
    }
}

impl Table<'_> {
    /// Why the file could not be read to its end, if it could not.
    pub fn failure(&self) -> Option<String> {
        self.failed.clone()
    }

    /// The rows there seem to be under the header, for a progress bar: the rows so far in the
    /// share of the file read so far.
    pub fn expected(&self) -> u64 {
        let after_header = self.size.saturating_sub(self.header_end);
        let read = self
            .reader
            .position()
            .byte()
            .saturating_sub(self.header_end);
        if read == 0 || self.rows == 0 {
            // A guess until the first rows are in: a hundred bytes a row.
            return after_header / 100;
        }
        (self.rows * after_header / read).max(self.rows)
    }

    /// The next record of the file, header or not, blank or not.
    fn next_line(&mut self) -> Option<Line> {
        if self.failed.is_some() {
            return None;
        }
        let before = self.reader.position().byte() as usize;
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let start = self.record.position().map_or(before, |p| p.byte() as usize);
                let end = self.reader.position().byte() as usize;
                let mut seen = self.seen.borrow_mut();
                let text = seen.between(start, end);
                // The lines the record runs over: more than one when a quote took in the rows
                // after it, each of which is then named.
                let problem =
                    quoting_problem(text).map(|why| (why, line_ends(text.trim_ascii_end())));
                let line = seen.line_at(start);
                drop(seen);
                if let Some((why, more)) = problem {
                    let message = match more {
                        0 => why.to_string(),
                        more => format!("{why} (it runs on to line {}, rows and all)", line + more),
                    };
                    return Some(Err(RowError { line, message }));
                }
                let fields: Result<Vec<String>, _> = self
                    .record
                    .iter()
                    .map(|f| std::str::from_utf8(f).map(|s| s.trim().to_string()))
                    .collect();
                Some(fields.map(|fields| (line, fields)).map_err(|_| RowError {
                    line,
                    message: "not valid UTF-8 text (save the file as UTF-8)".into(),
                }))
            }
            Err(e) => {
                let line = self.seen.borrow_mut().line_at(before);
                if let csv::ErrorKind::Io(io) = e.kind() {
                    // A file that cannot be read on (or grew past its bound) ends the import:
                    // what was read of it is not the file.
                    self.failed = Some(format!("line {line}: {io}"));
                    return None;
                }
                Some(Err(RowError {
                    line,
                    message: format!("broken CSV: {e}"),
                }))
            }
        }
    }
}

impl Iterator for Table<'_> {
    type Item = Line;

    /// The next row under the header that has something in it, or the next problem.
    fn next(&mut self) -> Option<Line> {
        if let Some(problem) = self.early.pop_front() {
            return Some(Err(problem));
        }
        loop {
            match self.next_line()? {
                Ok((_, fields)) if fields.iter().all(String::is_empty) => self.blank += 1,
                // Text past the header's last column (an empty cell more, some programs
                // write): a quote left open before it, most likely, ran two rows into one.
                Ok((line, fields))
                    if fields.iter().skip(self.header.len()).any(|f| !f.is_empty()) =>
                {
                    return Some(Err(RowError {
                        line,
                        message: format!(
                            "{} fields where the header has {}: is a quote left open on this \
                             line or the one before?",
                            fields.len(),
                            self.header.len()
                        ),
                    }));
                }
                line => {
                    self.rows += 1;
                    return Some(line);
                }
            }
        }
    }
}

/// The file as the CSV reader takes it, every byte also kept in `seen` until its record has
/// been passed.
struct Tap<'a> {
    inner: Box<dyn BufRead + 'a>,
    seen: Rc<RefCell<Seen>>,
}

impl Read for Tap<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen.borrow_mut().bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// The bytes read and not yet let go, from the file's offset `base`; lines are counted to
/// `counted` in them, which is on `line`.
struct Seen {
    bytes: Vec<u8>,
    base: usize,
    counted: usize,
    line: u64,
}

impl Seen {
    /// The file's bytes from `start` to `end` (offsets in the file), as far as they are held.
    fn between(&self, start: usize, end: usize) -> &[u8] {
        let from = start.saturating_sub(self.base).min(self.bytes.len());
        let to = end.saturating_sub(self.base).clamp(from, self.bytes.len());
        &self.bytes[from..to]
    }

    /// The line a record starting at `offset` is on (asked in increasing order). The bytes
    /// before it are let go now and then: a few times the reader's buffer is held, not more.
    fn line_at(&mut self, offset: usize) -> u64 {
        let mut at = offset.saturating_sub(self.base).min(self.bytes.len());
        // After a CR the reader starts the next record at the LF that ends the same line.
        while matches!(self.bytes.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        if at > self.counted {
            self.line += line_ends(&self.bytes[self.counted..at]);
            self.counted = at;
        }
        if self.counted > 64 * 1024 {
            self.bytes.drain(..self.counted);
            self.base += self.counted;
            self.counted = 0;
        }
        self.line
    }
}

/// The line ends in `bytes`: LF, CR LF, and a CR alone (old Mac files).
fn line_ends(bytes: &[u8]) -> u64 {
    let lone_cr = |(i, b): (usize, &u8)| *b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, b)| *b == b'\n' || lone_cr((i, b)))
        .count() as u64
}

/// What is wrong with the quotes of a record's text, if anything. The CSV reader takes all
/// that follows an unmatched quote as one field — rows and all, to the end of the file — and
/// says nothing; what it leaves behind is a quoted field never closed, or text after a
/// field's closing quote.
fn quoting_problem(record: &[u8]) -> Option<&'static str> {
    let mut at = 0;
    let mut field_starts = true;
    while let Some(&byte) = record.get(at) {
        at += 1;
        if field_starts && byte == b'"' {
            // A quoted field ends at a quote that is not one of a doubled pair.
            loop {
                let Some(quote) = record[at..].iter().position(|b| *b == b'"') else {
                    return Some(
                        "the file ends inside a quoted field that begins on this line: it was \
                         cut short, or a quote was left open",
                    );
                };
                at += quote + 1;
                if record.get(at) != Some(&b'"') {
                    break;
                }
                at += 1;
            }
            if !matches!(record.get(at), None | Some(b',' | b'\n' | b'\r')) {
                return Some(
                    "text after the closing quote of a field on this line: is a quote left open \
                     on this line or the one before?",
                );
            }
            field_starts = false;
            continue;
        }
        field_starts = matches!(byte, b',' | b'\n' | b'\r');
    }
    None
}

#[cfg(test)]
mod tests {
    use super::quoting_problem;

    #[test]
    fn an_open_quote_is_told_from_quotes_inside_a_field() {
        for closed in [
            &b"Ada,\"Engines, Ltd\",note\n"[..],
            b"Ada,\"she said \"\"hi\"\"\",x",
            b"Ada,O\"Brien,x\n",
            b"\"two\nlines\",x\r\n",
        ] {
            let problem = quoting_problem(closed);
            assert!(problem.is_none(), "{}", String::from_utf8_lossy(closed));
        }
        for open in [
            &b"Ada,\"cut sho"[..],
            b"Ada,x,\"oops\nBen,y,z\nCy,w,v\n",
            b"Ada,\"ends \"\"quoted\"\"",
            b"Ada,\"first\nBen,b@x.org,\"secon",
        ] {
            assert!(
                quoting_problem(open).is_some(),
                "{}",
                String::from_utf8_lossy(open)
            );
        }
    }
}
