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

/// A contact's one-line fields as they come in, by whatever path (a form, `rolo add`, an
/// import, a merge of an export): one list of what each is called, so every path says the same.
pub struct ContactLines<'a> {
    pub name: &'a str,
    pub organization: &'a str,
    pub title: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub linkedin: &'a str,
    pub location: &'a str,
    pub how_met: &'a str,
}

impl ContactLines<'_> {
    /// The first field that is longer than a line may be, said as "the name is longer than …".
    pub fn check(&self) -> Result<(), String> {
        check_lines(&[
            ("name", self.name),
            ("organisation", self.organization),
            ("title", self.title),
            ("email", self.email),
            ("phone", self.phone),
            ("LinkedIn URL", self.linkedin),
            ("location", self.location),
            ("how we met", self.how_met),
        ])
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
