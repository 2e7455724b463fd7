//! rolo's JSON read as it is merged: each table's records are taken one at a time from the
//! file and merged at once (`json_merge`), so a backup of 100,000 contacts (300 MB of text) is
//! restored with the memory of one record, in one transaction as ever.

use std::io::Read;

use serde::de::{DeserializeOwned, DeserializeSeed, Error as _, IgnoredAny, MapAccess, Visitor};

use super::json::{ContactTag, MergeReport, check_format, check_version, not_an_export};
use super::json_merge::{Merged, Merging};
use crate::domain::{
    Contact, FollowUp, Interaction, Interview, InterviewQuestion, Meeting, Organization, Question,
    QuestionList, Tag,
};
use crate::store::{Store, StoreError};

/// Merges the export `reader` holds, reading it as it goes. A text that is not an export is
/// refused with where it stops being one; nothing is written unless all of it is merged.
pub fn merge(store: &Store, reader: impl Read, dry_run: bool) -> Result<MergeReport, StoreError> {
    let run = |tx: &rusqlite::Connection| -> Result<MergeReport, StoreError> {
        let mut reading = Reading {
            merging: Merging::begin(tx)?,
            format: None,
            version: None,
            failure: None,
        };
        let mut json = serde_json::Deserializer::from_reader(ShortStrings::new(reader));
        let read = (&mut reading)
            .deserialize(&mut json)
            .and_then(|()| json.end());
        if let Err(e) = read {
            return Err(reading
                .failure
                .take()
                .unwrap_or_else(|| StoreError::Invalid(not_an_export(&e))));
        }
        match (reading.format.as_deref(), reading.version) {
            (Some("rolo"), Some(version)) => reading.merging.finish(store, version),
            _ => Err(StoreError::Invalid(
                "not a rolo export: it has no \"format\": \"rolo\" and \"version\"".into(),
            )),
        }
    };
    // A dry run follows the real run's path exactly, checks included, and is rolled back.
    if dry_run {
        store.rehearse(|tx| run(tx))
    } else {
        store.bulk_write(|tx| run(tx))
    }
}

/// The export's fields as they come.
struct Reading<'t> {
    merging: Merging<'t>,
    format: Option<String>,
    version: Option<i64>,
    /// What the database refused, when it stopped the reading.
    failure: Option<StoreError>,
}

impl<'de> DeserializeSeed<'de> for &mut Reading<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, json: D) -> Result<(), D::Error> {
        json.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut Reading<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a rolo export (an object with \"format\", \"version\" and the tables)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<(), A::Error> {
        while let Some(name) = fields.next_key::<String>()? {
            match name.as_str() {
                "format" => {
                    let format: String = fields.next_value()?;
                    check_format(&format).map_err(A::Error::custom)?;
                    self.format = Some(format);
                }
                "version" => {
                    let version: i64 = fields.next_value()?;
                    check_version(version).map_err(A::Error::custom)?;
                    self.version = Some(version);
                }
                "organizations" => fields.next_value_seed(Records::<Organization>::of(self))?,
                "contacts" => fields.next_value_seed(Records::<Contact>::of(self))?,
                "tags" => fields.next_value_seed(Records::<Tag>::of(self))?,
                "contact_tags" => fields.next_value_seed(Records::<ContactTag>::of(self))?,
                "interviews" => fields.next_value_seed(Records::<Interview>::of(self))?,
                "meetings" => fields.next_value_seed(Records::<Meeting>::of(self))?,
                "question_lists" => fields.next_value_seed(Records::<QuestionList>::of(self))?,
                "questions" => fields.next_value_seed(Records::<Question>::of(self))?,
                "interview_questions" => {
                    fields.next_value_seed(Records::<InterviewQuestion>::of(self))?;
                }
                "follow_ups" => fields.next_value_seed(Records::<FollowUp>::of(self))?,
                "interactions" => fields.next_value_seed(Records::<Interaction>::of(self))?,
                // A field a later rolo may add is passed over, as the whole-file reading did.
                _ => {
                    fields.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// One table's list, each record merged as it is read.
struct Records<'r, 't, R> {
    reading: &'r mut Reading<'t>,
    kind: std::marker::PhantomData<R>,
}

impl<'r, 't, R> Records<'r, 't, R> {
    fn of(reading: &'r mut Reading<'t>) -> Self {
        Records {
            reading,
            kind: std::marker::PhantomData,
        }
    }
}

impl<'de, R: DeserializeOwned + Merged> DeserializeSeed<'de> for Records<'_, '_, R> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, json: D) -> Result<(), D::Error> {
        json.deserialize_seq(self)
    }
}

impl<'de, R: DeserializeOwned + Merged> Visitor<'de> for Records<'_, '_, R> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut list: A) -> Result<(), A::Error> {
        while let Some(record) = list.next_element::<R>()? {
            if let Err(refused) = record.merge_into(&mut self.reading.merging) {
                let said = refused.to_string();
                self.reading.failure = Some(refused);
                return Err(A::Error::custom(said));
            }
        }
        Ok(())
    }
}

/// The longest text a backup may hold in one value, as written (escapes included): far past
/// the longest field rolo keeps (100,000 characters, at most twelve bytes each escaped), so
/// that one value of hundreds of megabytes is refused as it is read, not held first.
const STRING_AT_MOST: usize = 2 * 1024 * 1024;

/// A JSON text passed through as it is read, refused at a string longer than `STRING_AT_MOST`.
struct ShortStrings<R> {
    inner: R,
    in_string: bool,
    escaped: bool,
    run: usize,
}

impl<R> ShortStrings<R> {
    fn new(inner: R) -> Self {
        ShortStrings {
            inner,
            in_string: false,
            escaped: false,
            run: 0,
        }
    }
}

impl<R: Read> Read for ShortStrings<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &byte in &buf[..n] {
            if !self.in_string {
                if byte == b'"' {
                    (self.in_string, self.run) = (true, 0);
                }
                continue;
            }
            match (self.escaped, byte) {
                (true, _) => self.escaped = false,
                (false, b'\\') => self.escaped = true,
                (false, b'"') => self.in_string = false,
                _ => {}
            }
            self.run += 1;
            if self.run > STRING_AT_MOST {
                return Err(std::io::Error::other(
                    "a value longer than any rolo keeps (2 MB as written)",
                ));
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_past_the_longest_is_refused_as_it_is_read() {
        let read = |text: String| {
            let mut out = Vec::new();
            ShortStrings::new(text.as_bytes())
                .read_to_end(&mut out)
                .map(|_| out.len())
        };
        let long = "x".repeat(STRING_AT_MOST - 10);
        let escaped = format!("{{\"a\": \"{long}\\\"\\\\\", \"b\": \"{long}\"}}");
        assert!(read(escaped).is_ok(), "each value under the limit");
        let over = format!("{{\"a\": \"{long}{long}\"}}");
        assert!(read(over).is_err());
    }
}
