//! Reading a CSV file as a table, a row at a time: the header found (LinkedIn puts notes before
//! it), a byte-order mark dropped, each record with the line it started on. Bad bytes become row
//! errors, never a crash.

use super::RowError;

/// A CSV file read a row at a time: its header found, then each row under it with its line
/// number, so an import of 100,000 rows never holds them all.
pub struct Table<'a> {
    pub header: Vec<String>,
    /// Rows under the header with nothing in any field, counted as they are passed.
    pub blank: u64,
    reader: csv::Reader<&'a [u8]>,
    lines: LineCounter<'a>,
    record: csv::ByteRecord,
    /// What was wrong with lines before the header, given first.
    early: std::collections::VecDeque<RowError>,
    /// Line ends after the header: the rows there can be, for a progress bar.
    expected: u64,
}

/// One line of the table: its number and fields, or why it cannot be read.
pub type Line = Result<(u64, Vec<String>), RowError>;

/// Opens CSV `bytes`, taking as header the first line for which `is_header` holds (the first
/// line when it never does, and then no rows follow it).
pub fn open(bytes: &[u8], is_header: impl Fn(&[String]) -> bool) -> Table<'_> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut table = Table {
        header: Vec::new(),
        blank: 0,
        reader: csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes),
        // Line numbers counted here, from each record's byte offset: the csv reader's own
        // count runs one behind on CRLF files. One pass over the bytes in all.
        lines: LineCounter::new(bytes),
        record: csv::ByteRecord::new(),
        early: std::collections::VecDeque::new(),
        expected: 0,
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
                let after = (table.reader.position().byte() as usize).min(bytes.len());
                table.expected = bytes[after..].iter().filter(|b| **b == b'\n').count() as u64;
                return table;
            }
            Some(Ok((_, fields))) => {
                first.get_or_insert(fields);
            }
        }
    }
}

impl Table<'_> {
    /// The rows there can be under the header (its line ends; fewer when a field holds one).
    pub fn expected(&self) -> u64 {
        self.expected
    }

    /// The next record of the file, header or not, blank or not.
    fn next_line(&mut self) -> Option<Line> {
        let line = self.lines.at(self.reader.position().byte() as usize);
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let line = self
                    .record
                    .position()
                    .map_or(line, |p| self.lines.at(p.byte() as usize));
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
            Err(e) => Some(Err(RowError {
                line,
                message: format!("broken CSV: {e}"),
            })),
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
                line => return Some(line),
            }
        }
    }
}

/// The line a byte offset falls on (1 for the first), asked in increasing order.
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted_to: 0,
            line: 1,
        }
    }

    fn at(&mut self, offset: usize) -> u64 {
        // After a CR the reader starts the next record at the LF that ends the same line.
        let mut offset = offset.min(self.bytes.len());
        while matches!(self.bytes.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        if offset > self.counted_to {
            let newlines = self.bytes[self.counted_to..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.line += newlines as u64;
            self.counted_to = offset;
        }
        self.line
    }
}
