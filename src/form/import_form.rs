//! The import form: the file first (Tab completes its path as a shell does), then its kind,
//! told from the file's name and first bytes.

use super::{Check, Field, FieldKey, FieldKind, Form, FormKind};

/// Which file to import, and what kind it is. The path may start with `~`.
pub fn import() -> Form {
    use crate::interop::files::Format;
    let fields = vec![
        Field::text(FieldKey::File, "File or folder", Check::Required, ""),
        Field::new(
            FieldKey::Format,
            "Kind of file",
            FieldKind::Choice(super::forms::labels(&Format::ALL, Format::label)),
            Check::Required,
            Format::Linkedin.label(),
        ),
    ];
    Form::new(FormKind::Import, None, fields)
}

/// Leaving the import form's file: with Tab (`complete`), the path is completed as a shell
/// would (the focus stays while there is more to complete, the choices listed); once it is
/// whole, the kind of file is chosen from its name and first bytes. Says whether the focus
/// should stay.
pub fn import_file_tab(form: &mut Form, complete: bool) -> bool {
    use crate::interop::guess;
    if form.kind != FormKind::Import || form.focused().key != FieldKey::File {
        return false;
    }
    let typed = form.focused().input.value().to_string();
    // Completed further, or several entries to choose among (a folder's): the focus stays.
    let completed = complete
        .then(|| guess::complete(&typed))
        .flatten()
        .filter(|done| done.text != typed || !done.choices.is_empty());
    if let Some(done) = completed {
        form.focused_mut().input.set(&done.text);
        form.message = (!done.choices.is_empty()).then(|| done.choices.join("  "));
        return true;
    }
    let Some(format) = guess::format_of(&crate::store::path::expand_home(&typed)) else {
        return false;
    };
    if let Some(kind) = form.fields.iter_mut().find(|f| f.key == FieldKey::Format) {
        kind.input.set(format.label());
        form.message = Some(format!(
            "{}, as its name and first lines say",
            format.label()
        ));
    }
    false
}
