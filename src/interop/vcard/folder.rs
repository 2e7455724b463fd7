//! A folder of .vcf files (a card per file, as Apple Contacts, Nextcloud and vdirsyncer keep
//! them), read one file at a time: each problem is named with its file.

use std::path::PathBuf;

use super::Contacts;
use crate::interop::RowError;
use crate::interop::contacts_import::{ImportRow, RowSource, in_file};

/// The cards of every .vcf file in a folder, in the order of their names.
pub struct Folder {
    files: std::vec::IntoIter<PathBuf>,
    /// The file being read: its name, its cards, and how many it has given.
    current: Option<(String, Contacts, u64)>,
    /// Cards given from the files before it.
    before: u64,
    /// A file that could not be read to its end: the folder's reading ends there.
    failed: Option<String>,
}

impl Folder {
    /// The folder's .vcf and .vcard files, or why it cannot be listed. `database` is the one
    /// being imported into: linked into the folder under a card's name, it is passed over.
    pub fn open(folder: &std::path::Path, database: &std::path::Path) -> Result<Folder, String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            // A folder named like a card is no card (its cards are not read: one folder, as
            // address books keep one, not a tree).
            .filter(|p| !p.is_dir() && !crate::store::safe_write::is_database(p, database))
            .filter(|p| {
                p.extension().is_some_and(|x| {
                    x.eq_ignore_ascii_case("vcf") || x.eq_ignore_ascii_case("vcard")
                })
            })
            .collect();
        files.sort();
        Ok(Folder {
            files: files.into_iter(),
            current: None,
            before: 0,
            failed: None,
        })
    }

    /// Opens the next file, or says why it cannot be read; `None` when no file is left.
    fn open_next(&mut self) -> Option<Result<(), RowError>> {
        let path = self.files.next()?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Some(match super::open(&path) {
            Ok(cards) => {
                self.current = Some((name, cards, 0));
                Ok(())
            }
            Err(why) => Err(RowError {
                line: 1,
                message: why,
            }),
        })
    }
}

impl Iterator for Folder {
    type Item = Result<ImportRow, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.failed.is_some() {
                return None;
            }
            if let Some((name, cards, given)) = self.current.as_mut() {
                match cards.next() {
                    Some(card) => {
                        *given += 1;
                        return Some(match card {
                            Ok(row) => Ok(ImportRow {
                                file: name.clone(),
                                ..row
                            }),
                            Err(e) => Err(RowError {
                                line: e.line,
                                message: in_file(name, &e.message),
                            }),
                        });
                    }
                    None => {
                        if let Some(why) = RowSource::failure(cards) {
                            self.failed = Some(in_file(name, &why));
                            return None;
                        }
                        let (name, _, given) = self.current.take()?;
                        self.before += given;
                        if given == 0 {
                            // A file of the folder with no card in it is said, not passed over.
                            return Some(Err(RowError {
                                line: 1,
                                message: in_file(&name, "no cards (BEGIN:VCARD … END:VCARD) in it"),
                            }));
                        }
                    }
                }
            }
            if let Err(unreadable) = self.open_next()? {
                return Some(Err(unreadable));
            }
        }
    }
}

impl RowSource for Folder {
    /// The cards read and the current file's, and a card for each file not yet opened.
    fn expected(&self) -> u64 {
        let current = self
            .current
            .as_ref()
            .map_or(0, |(_, cards, _)| RowSource::expected(cards));
        self.before + current + self.files.len() as u64
    }

    fn failure(&self) -> Option<String> {
        self.failed.clone()
    }
}
