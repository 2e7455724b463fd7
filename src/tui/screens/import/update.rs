//! The import preview's keys: Enter carries out the import as previewed; the rest move through
//! what it would do.

use crate::tui::data::effect::Effect;
use crate::tui::keys::action::Action;
use crate::tui::model::{Model, Screen};
use crate::tui::screens::nav::move_nav;

pub fn update(model: &mut Model, action: Action, page: usize) -> Vec<Effect> {
    let Some(Screen::ImportPreview(preview)) = model.stack.last_mut() else {
        return Vec::new();
    };
    match action {
        Action::RunImport => {
            let effect = Effect::RunImport {
                format: preview.format,
                file: preview.file.clone(),
            };
            model.stack.pop();
            model.status = Some("Importing…".into());
            vec![effect]
        }
        other => {
            let len = preview.notes().len();
            move_nav(&mut preview.nav, other, len, page);
            Vec::new()
        }
    }
}
