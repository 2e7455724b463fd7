//! How domain values are stored: ids and timestamps as text, vocabularies as their stored text.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::{
    Channel, FollowUpKind, Id, InteractionKind, MeetingMode, MeetingStatus, NextKind, Outcome,
    ReplyStatus, Stage, Timestamp,
};

impl ToSql for Id {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        // Encoded on the stack rather than through `Display`: ids are bound by the million.
        let mut buffer = uuid::Uuid::encode_buffer();
        Ok(ToSqlOutput::from(
            self.0.hyphenated().encode_lower(&mut buffer).to_string(),
        ))
    }
}

impl FromSql for Id {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value
            .as_str()?
            .parse()
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

impl ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_text()))
    }
}

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Timestamp::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("not a timestamp: {text:?}").into()))
    }
}

/// Stores each vocabulary as its text form, the one the schema's CHECK constraints name.
macro_rules! stored_as_text {
    ($($name:ty),+) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value.as_str()?.parse().map_err(|e: String| FromSqlError::Other(e.into()))
            }
        }
    )+};
}

stored_as_text!(
    Stage,
    Outcome,
    Channel,
    ReplyStatus,
    MeetingMode,
    MeetingStatus,
    FollowUpKind,
    InteractionKind,
    NextKind
);
