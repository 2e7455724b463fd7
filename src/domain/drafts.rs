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
    /// The message an interview's next step calls for, if it calls for one.
    /// The step a message of this template is the sending of (none for the request, which
    /// starts the interview).
    pub fn step(self) -> Option<super::NextKind> {
        match self {
            Template::Request => None,
            Template::Nudge => Some(super::NextKind::Nudge),
            Template::ThankYou => Some(super::NextKind::ThankYou),
            Template::ProgressUpdate => Some(super::NextKind::ProgressUpdate),
        }
    }

    pub fn for_step(step: super::NextKind) -> Option<Template> {
        use super::NextKind;
        match step {
            NextKind::Nudge | NextKind::CloseNoReply => Some(Template::Nudge),
            NextKind::ThankYou | NextKind::ThankYouMailed => Some(Template::ThankYou),
            NextKind::ProgressUpdate => Some(Template::ProgressUpdate),
            NextKind::SetMeeting
            | NextKind::Meeting
            | NextKind::DidItHappen
            | NextKind::Reply
            | NextKind::WriteUp => None,
        }
    }

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
    /// The minutes asked for ("20").
    pub minutes: String,
}

/// Every placeholder a template may hold.
pub const PLACEHOLDERS: [&str; 6] = [
    "first_name",
    "organization",
    "objective",
    "key_point",
    "action_taken",
    "minutes",
];

/// Fills `template` with `values`. A part in square brackets holding a placeholder is kept
/// (without its brackets) when that placeholder has a value, and left out when it has none:
/// "I hope all is well[ at {organization}]." reads whole for someone with no organisation.
pub fn render(template: &str, values: &DraftValues) -> String {
    let mut text = optional_parts(template, values);
    for name in PLACEHOLDERS {
        if let Some(value) = value_of(values, name) {
            text = text.replace(&format!("{{{name}}}"), value);
        }
    }
    text.trim_end().to_string()
}

fn value_of<'a>(values: &'a DraftValues, name: &str) -> Option<&'a str> {
    let value = match name {
        "first_name" => &values.first_name,
        "organization" => &values.organization,
        "objective" => &values.objective,
        "key_point" => &values.key_point,
        "action_taken" => &values.action_taken,
        "minutes" => &values.minutes,
        _ => return None,
    };
    Some(value.trim()).filter(|v| !v.is_empty())
}

/// The template with each `[ … {placeholder} … ]` part kept or left out (see `render`).
fn optional_parts(template: &str, values: &DraftValues) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest.get(open..).and_then(|r| r.find(']')).map(|c| open + c) else {
            break;
        };
        out.push_str(rest.get(..open).unwrap_or_default());
        let part = rest.get(open + 1..close).unwrap_or_default();
        let named = unfilled(part);
        let filled = named
            .iter()
            .all(|p| value_of(values, p.trim_matches(['{', '}'])).is_some());
        if named.is_empty() {
            // Brackets without a placeholder are the user's own text.
            out.push_str(rest.get(open..=close).unwrap_or_default());
        } else if filled {
            out.push_str(part);
        }
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
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

/// What the user wants to learn, as typed (their own casing), without the full stop a
/// sentence of the template adds.
pub fn objective_phrase(objective: &str) -> String {
    objective.trim().trim_end_matches('.').trim().to_string()
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
        // With no write-up, the thank-you reads whole without its sentence on the key point.
        let text = render(Template::ThankYou.text(), &values);
        assert!(text.starts_with("Hello Ada,"));
        assert!(unfilled(&text).is_empty() && !text.contains("stayed with me"));
        let values = DraftValues {
            first_name: "Ada".into(),
            key_point: "engines".into(),
            ..Default::default()
        };
        let text = render(Template::ThankYou.text(), &values);
        assert!(text.contains("stayed with me: engines."), "{text}");
        // What only the user knows stays to fill in.
        let update = render(Template::ProgressUpdate.text(), &values);
        assert_eq!(unfilled(&update), ["{action_taken}"]);
        assert!(unfilled("a {b c} {} {x_y}").contains(&"{x_y}".to_string()));
        assert_eq!(first_name("  Grace Brewster Hopper"), "Grace");
    }

    #[test]
    fn the_objective_keeps_the_users_own_casing() {
        assert_eq!(
            objective_phrase("Rust tooling at Omega."),
            "Rust tooling at Omega"
        );
        assert_eq!(objective_phrase("about LLVM and SQL"), "about LLVM and SQL");
        assert_eq!(objective_phrase("  "), "");
    }

    #[test]
    fn a_bracketed_part_goes_with_its_placeholder() {
        let template = "Hello {first_name}, your work[ at {organization}] interests me [really].";
        let mut values = DraftValues {
            first_name: "Ada".into(),
            ..Default::default()
        };
        assert_eq!(
            render(template, &values),
            "Hello Ada, your work interests me [really]."
        );
        values.organization = "Engines".into();
        assert_eq!(
            render(template, &values),
            "Hello Ada, your work at Engines interests me [really]."
        );
        for template in [
            Template::Request,
            Template::Nudge,
            Template::ThankYou,
            Template::ProgressUpdate,
        ] {
            let empty = render(template.text(), &DraftValues::default());
            assert!(!empty.contains('['), "{empty}");
        }
    }

    #[test]
    fn every_template_uses_only_known_placeholders() {
        let known: Vec<String> = PLACEHOLDERS.iter().map(|p| format!("{{{p}}}")).collect();
        for template in [
            Template::Request,
            Template::Nudge,
            Template::ThankYou,
            Template::ProgressUpdate,
        ] {
            for placeholder in unfilled(template.text()) {
                assert!(known.contains(&placeholder), "{placeholder}");
            }
        }
    }
}
