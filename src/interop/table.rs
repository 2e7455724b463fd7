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
                let start = self.record.position().map(|p| p.byte() as usize);
                let line = start.map_or(line, |at| self.lines.at(at));
                let bytes = self.lines.bytes;
                let end = (self.reader.position().byte() as usize).min(bytes.len());
                if let Some(why) = quoting_problem(&bytes[start.unwrap_or(0).min(end)..end]) {
                    return Some(Err(RowError {
                        line,
                        message: why.into(),
                    }));
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
                line => return Some(line),
            }
        }
    }
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
