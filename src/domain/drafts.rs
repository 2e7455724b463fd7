//! Message drafts from the templates in `assets/templates/`: placeholders in braces are filled
//! from what rolo knows; any left unfilled are listed, so a draft is never sent with a hole.

/// What the timeline says when a request drafted from the template went out (the insights
/// tell these requests apart by it).
pub const REQUEST_SENT: &str = "Sent the request";

/// The templates rolo ships, in our own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    Request,
    Nudge,
    ThankYou,
    ProgressUpdate,
}

impl Template {
    pub fn title(self) -> &'static str {
        match self {
            Template::Request => "The request",
            Template::Nudge => "A nudge",
            Template::ThankYou => "The thank-you",
            Template::ProgressUpdate => "A progress update",
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Template::Request => include_str!("../../assets/templates/request.txt"),
            Template::Nudge => include_str!("../../assets/templates/nudge.txt"),
            Template::ThankYou => include_str!("../../assets/templates/thank_you.txt"),
            Template::ProgressUpdate => include_str!("../../assets/templates/progress_update.txt"),
        }
    }
}

impl Template {
    /// The template's text: the user's own file in `folder` when there is one, else rolo's.
    pub fn text_in(self, folder: Option<&std::path::Path>) -> std::borrow::Cow<'static, str> {
        let own = folder
            .map(|f| f.join(format!("{}.txt", self.file_stem())))
            .and_then(|file| std::fs::read_to_string(file).ok());
        match own {
            Some(text) => std::borrow::Cow::Owned(super::sanitize::multiline(&text)),
            None => std::borrow::Cow::Borrowed(self.text()),
        }
    }

    /// The file a folder of templates holds it in ("thank_you" for thank_you.txt).
    pub fn file_stem(self) -> &'static str {
        match self {
            Template::Request => "request",
            Template::Nudge => "nudge",
            Template::ThankYou => "thank_you",
            Template::ProgressUpdate => "progress_update",
        }
    }
}

/// What a draft can be filled with; empty values stay as placeholders.
#[derive(Debug, Clone, Default)]
pub struct DraftValues {
    pub first_name: String,
    pub organization: String,
    pub objective: String,
    pub key_point: String,
    pub action_taken: String,
}

/// Fills `template` with `values`.
pub fn render(template: &str, values: &DraftValues) -> String {
    let mut text = template.to_string();
    for (name, value) in [
        ("first_name", &values.first_name),
        ("organization", &values.organization),
        ("objective", &values.objective),
        ("key_point", &values.key_point),
        ("action_taken", &values.action_taken),
    ] {
        if !value.trim().is_empty() {
            text = text.replace(&format!("{{{name}}}"), value.trim());
        }
    }
    text.trim_end().to_string()
}

/// The placeholders still in a text, such as `{key_point}`.
pub fn unfilled(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if end > 0
                    && after[..end]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                found.push(format!("{{{}}}", &after[..end]));
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

/// What the user wants to learn, as it reads after "to learn": a leading "learn" or "to learn"
/// typed into the field is left out, and the first letter is lower-cased unless the first
/// word is an acronym ("SQL", "LLVM" stay). The rest keeps the user's own casing.
pub fn objective_phrase(objective: &str) -> String {
    let text = objective.trim().trim_end_matches('.').trim();
    let mut rest = text;
    for lead in ["to learn ", "learn "] {
        if rest.len() >= lead.len()
            && rest.is_char_boundary(lead.len())
            && rest[..lead.len()].eq_ignore_ascii_case(lead)
        {
            rest = rest[lead.len()..].trim_start();
        }
    }
    let first_word = rest.split_whitespace().next().unwrap_or("");
    let acronym = first_word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first_word.chars().all(|c| !c.is_lowercase());
    let mut chars = rest.chars();
    match chars.next() {
        Some(first) if !acronym => first.to_lowercase().chain(chars).collect(),
        _ => rest.to_string(),
    }
}

/// The first word of a name: "Ada" of "Ada Lovelace".
pub fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_what_it_knows_and_lists_the_rest() {
        let values = DraftValues {
            first_name: "Ada".into(),
            ..Default::default()
        };
        let text = render(Template::ThankYou.text(), &values);
        assert!(text.starts_with("Hello Ada,"));
        assert_eq!(unfilled(&text), ["{key_point}"]);
        let values = DraftValues {
            first_name: "Ada".into(),
            key_point: "engines".into(),
            ..Default::default()
        };
        assert!(unfilled(&render(Template::ThankYou.text(), &values)).is_empty());
        assert!(unfilled("a {b c} {} {x_y}").contains(&"{x_y}".to_string()));
        assert_eq!(first_name("  Grace Brewster Hopper"), "Grace");
    }

    #[test]
    fn the_objective_reads_after_to_learn_in_the_users_own_casing() {
        assert_eq!(
            objective_phrase("Learn about research roles."),
            "about research roles"
        );
        assert_eq!(objective_phrase("LLVM internals"), "LLVM internals");
        assert_eq!(objective_phrase("learn SQL"), "SQL");
        assert_eq!(objective_phrase("How Stripe hires"), "how Stripe hires");
        assert_eq!(objective_phrase("  "), "");
        assert_eq!(objective_phrase("Ünïcode first"), "ünïcode first");
    }

    #[test]
    fn every_template_uses_only_known_placeholders() {
        let known = [
            "{first_name}",
            "{organization}",
            "{objective}",
            "{key_point}",
            "{action_taken}",
        ];
        for template in [
            Template::Request,
            Template::Nudge,
            Template::ThankYou,
            Template::ProgressUpdate,
        ] {
            for placeholder in unfilled(template.text()) {
                assert!(known.contains(&placeholder.as_str()), "{placeholder}");
            }
        }
    }
}
