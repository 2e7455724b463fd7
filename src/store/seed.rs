//! The default question bank, seeded with fixed ids and a fixed time so that it is the same
//! record in every database (and an export merged into another database never duplicates it).

use rusqlite::Connection;
use serde::Deserialize;

use super::StoreResult;
use super::record;
use crate::domain::{Id, Meta, Question, QuestionList, Timestamp};

/// When every seeded record was "created".
pub const SEEDED_AT: &str = "2026-01-01T00:00:00.000Z";

#[derive(Deserialize)]
struct Bank {
    list: Vec<SeedList>,
}

#[derive(Deserialize)]
struct SeedList {
    id: String,
    name: String,
    description: String,
    questions: Vec<SeedQuestion>,
}

#[derive(Deserialize)]
struct SeedQuestion {
    id: String,
    text: String,
}

fn seeded_meta(id: &str) -> Meta {
    let at = Timestamp::parse(SEEDED_AT).unwrap_or(Timestamp(chrono::DateTime::UNIX_EPOCH));
    Meta {
        id: Id::from_static(id),
        created_at: at,
        updated_at: at,
        deleted_at: None,
    }
}

/// Adds whatever part of the bank the database lacks; what the user has edited or deleted is
/// left as they left it.
#[expect(
    clippy::expect_used,
    reason = "the bank is compiled in, and a test reads it"
)]
pub(super) fn seed_question_bank(conn: &Connection) -> StoreResult<()> {
    let bank: Bank = toml::from_str(include_str!("../../assets/questions.toml"))
        .expect("assets/questions.toml is valid (checked by tests)");
    let tx = conn.unchecked_transaction()?;
    for list in bank.list {
        let meta = seeded_meta(&list.id);
        let list_id = meta.id;
        if record::find::<QuestionList>(&tx, list_id)?.is_none() {
            record::insert(
                &tx,
                &QuestionList {
                    meta,
                    name: list.name,
                    description: list.description,
                },
            )?;
        }
        for (position, question) in list.questions.into_iter().enumerate() {
            let meta = seeded_meta(&question.id);
            if record::find::<Question>(&tx, meta.id)?.is_none() {
                let position = position as u32;
                record::insert(
                    &tx,
                    &Question {
                        meta,
                        list_id,
                        position,
                        text: question.text,
                    },
                )?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}
