//! How long a text may be: one limit for a one-line field and one for a multi-line text, the
//! same wherever text comes in (a form, a paste, `rolo add`, every import, the JSON merge), so
//! anything rolo holds it can also export and import again.

/// A one-line field: a name, a title, an email, an address, a tag.
pub const ONE_LINE: usize = 1_000;
/// A multi-line text: notes, an answer, a write-up, a draft.
pub const TEXT: usize = 100_000;

/// The limit for a field of this shape.
pub fn for_shape(multiline: bool) -> usize {
    if multiline { TEXT } else { ONE_LINE }
}

/// Whether `text` holds more than `limit` characters (bytes counted first: most text is short).
pub fn exceeds(text: &str, limit: usize) -> bool {
    text.len() > limit && text.chars().count() > limit
}

/// "the name is longer than 1,000 characters", or nothing.
pub fn check(what: &str, text: &str, limit: usize) -> Result<(), String> {
    if exceeds(text, limit) {
        Err(format!(
            "the {what} is longer than {} characters",
            super::numbers::group(limit)
        ))
    } else {
        Ok(())
    }
}

/// The first of several one-line fields (what each is called, its value) that is too long.
pub fn check_lines(fields: &[(&str, &str)]) -> Result<(), String> {
    fields
        .iter()
        .try_for_each(|(what, value)| check(what, value, ONE_LINE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert!(!exceeds(&"é".repeat(ONE_LINE), ONE_LINE));
        assert!(exceeds(&"é".repeat(ONE_LINE + 1), ONE_LINE));
        assert_eq!(super::super::numbers::group(100_000), "100,000");
        assert_eq!(
            check("name", &"a".repeat(1_001), ONE_LINE).unwrap_err(),
            "the name is longer than 1,000 characters"
        );
    }
}
