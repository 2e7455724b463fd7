//! The domain: records, their enumerations, the interview playbook, natural dates and the daily
//! agenda. Plain Rust: no SQL, no terminal, no clock of its own (time is always passed in).

pub mod agenda;
pub mod clock;
pub mod dates;
pub mod drafts;
pub mod email;
pub mod id;
pub mod insights;
pub mod kinds;
pub mod limits;
pub mod numbers;
pub mod playbook;
pub mod prompts;
pub mod record_ref;
pub mod records;
pub mod review;
pub mod rows;
pub mod sanitize;
pub mod settings;

pub use clock::{Clock, Timestamp};
pub use id::Id;
pub use kinds::*;
pub use record_ref::{Deletable, RecordRef};
pub use records::*;
