//! What is taken for an email address, wherever one is typed or imported: the same check in a
//! form, `rolo add`, and every import.

/// Whether `text` reads as one email address.
pub fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, domain)) => {
            // One @ (a second one is a typo or two addresses run together); no space, no
            // two dots running, nothing that surrounds or separates addresses (`<…>`, `,`,
            // `;`); a name of at most 64 bytes that neither starts nor ends with a dot; a
            // domain of labels (letters, digits, hyphens inside) with a dot between.
            let label_ok = |label: &str| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            };
            !user.is_empty()
                && user.len() <= 64
                && !user.starts_with('.')
                && !user.ends_with('.')
                && !text.contains("..")
                && !text
                    .chars()
                    .any(|c| c.is_whitespace() || "<>()[],;:\\\"".contains(c))
                && domain.contains('.')
                && domain.split('.').all(label_ok)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_email;

    #[test]
    fn an_email_has_one_at_and_a_dotted_domain() {
        for good in [
            "ada@example.org",
            "a.b+c@mail.example.co.uk",
            "o'brien@x-y.example",
            "zoë@bücher.example",
        ] {
            assert!(looks_like_email(good), "{good}");
        }
        for bad in [
            "bad@@x.org",
            "a@b@x.org",
            "ada@example.",
            "ada@.org",
            "ada@org",
            "@x.org",
            "ada @x.org",
            "ada@x.org\u{a0}",
            "a@x..org",
            ".a@x.org",
            "a.@x.org",
            "a@-x.org",
            "a@x_y.org",
            "<a@x.org>",
            "a@x.org,b@x.org",
            "mailto:a@x.org",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
