//! Reading a CSV file as a table: the header found (LinkedIn puts notes before it), a byte-order
//! mark dropped, each record with the line it started on. Bad bytes become row errors, never a
//! crash.

use super::RowError;

/// A CSV file read whole: its header and each row with its line number.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
    pub errors: Vec<RowError>,
    /// Rows under the header with nothing in any field.
    pub blank: u64,
}

/// Reads CSV `bytes`, taking as header the first line for which `is_header` holds (the first
/// line when it never does), and the rows after it.
pub fn read(bytes: &[u8], is_header: impl Fn(&[String]) -> bool) -> Table {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header: Option<Vec<String>> = None;
    let mut first: Option<(u64, Vec<String>)> = None;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut blank = 0;
    let mut record = csv::ByteRecord::new();
    // Line numbers counted here, from each record's byte offset: the csv reader's own count
    // runs one behind on CRLF files. One pass over the bytes in all.
    let mut lines = LineCounter::new(bytes);
    loop {
        let line = lines.at(reader.position().byte() as usize);
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record
                    .position()
                    .map_or(line, |p| lines.at(p.byte() as usize));
                let fields: Result<Vec<String>, _> = record
                    .iter()
                    .map(|f| std::str::from_utf8(f).map(|s| s.trim().to_string()))
                    .collect();
                let Ok(fields) = fields else {
                    errors.push(RowError {
                        line,
                        message: "not valid UTF-8 text (save the file as UTF-8)".into(),
                    });
                    continue;
                };
                if fields.iter().all(|f| f.is_empty()) {
                    blank += u64::from(header.is_some());
                    continue;
                }
                match &header {
                    None if is_header(&fields) => header = Some(fields),
                    None => {
                        first.get_or_insert((line, fields));
                    }
                    Some(_) => rows.push((line, fields)),
                }
            }
            Err(e) => errors.push(RowError {
                line,
                message: format!("broken CSV: {e}"),
            }),
        }
    }
    let header = match header {
        Some(header) => header,
        // No line looked like the header: the first line is it, and no preamble was skipped.
        None => match first {
            Some((_, fields)) => fields,
            None => Vec::new(),
        },
    };
    Table {
        header,
        rows,
        errors,
        blank,
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
