//! What the screens ask of the database and what comes back: effects as data, the loads that
//! read a screen's rows, the saves that carry out a form, and the results folded into the model.

pub mod effect;
pub mod import;
pub mod load;
pub mod load_draft;
pub mod load_form;
pub mod load_interview;
pub mod loaded;
pub mod receive;
pub mod save;
pub mod save_steps;
pub mod saved;
