//! A form field: its kind, its text, the check its value must pass, and what it shows beside
//! itself (a parsed date, an error).

use super::FieldKey;
use chrono::NaiveTime;

use super::text_input::TextInput;
use crate::domain::dates;
use crate::domain::email::looks_like_email;
use crate::domain::{Clock, Id, limits, sanitize};

/// Where a picker's choices come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerSource {
    Contact,
    Organization,
    QuestionList,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// Several lines; Enter adds a line, Ctrl-E opens $EDITOR.
    Multiline,
    /// One of a few values; ←/→ or Space cycle.
    Choice(Vec<String>),
    /// A date typed naturally; the parsed value is shown beside it.
    Date {
        default_time: NaiveTime,
    },
    /// A record picked by typing part of its name; `create` allows a new one.
    Picker {
        source: PickerSource,
        create: bool,
    },
}

/// What a value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Anything,
    Required,
    Email,
    LinkedIn,
    /// A web address (https, or http), with or without its scheme.
    Website,
    /// A whole number of days, 1 to 3650, or empty.
    Days,
    /// A whole number of minutes, 5 to 480.
    Minutes,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: FieldKey,
    pub label: &'static str,
    pub kind: FieldKind,
    pub check: Check,
    pub input: TextInput,
    pub error: Option<String>,
    /// Beside the field: the parsed date, or a picker's state.
    pub hint: Option<String>,
    /// For a picker: the chosen record (id and name).
    pub picked: Option<(Id, String)>,
    /// For a picker: the matches of what is typed, and which one is highlighted.
    pub suggestions: Vec<(Id, String)>,
    pub highlighted: usize,
    /// For a picker: ↑/↓ moved among the choices — Enter then picks one, even with nothing
    /// typed.
    pub browsed: bool,
}

impl Field {
    pub fn new(
        key: FieldKey,
        label: &'static str,
        kind: FieldKind,
        check: Check,
        value: &str,
    ) -> Field {
        let limit = limits::for_shape(kind == FieldKind::Multiline);
        Field {
            key,
            label,
            kind,
            check,
            input: TextInput::new(value).with_limit(limit),
            error: None,
            hint: None,
            picked: None,
            suggestions: Vec::new(),
            highlighted: 0,
            browsed: false,
        }
    }

    pub fn text(key: FieldKey, label: &'static str, check: Check, value: &str) -> Field {
        Field::new(key, label, FieldKind::Text, check, value)
    }

    pub fn with_pick(mut self, picked: Option<(Id, String)>) -> Field {
        if let Some((_, name)) = &picked {
            self.input.set(name);
        }
        self.picked = picked;
        self
    }

    pub fn is_multiline(&self) -> bool {
        self.kind == FieldKind::Multiline
    }

    /// The value as it will be stored: escape sequences and control characters removed.
    pub fn cleaned(&self) -> String {
        if self.is_multiline() {
            sanitize::multiline(self.input.value())
        } else {
            sanitize::line(self.input.value())
        }
    }

    /// The value's problem, said the way the field's label reads.
    pub fn check(&self, clock: &Clock) -> Result<(), String> {
        let value = self.cleaned();
        limits::check(&self.label.to_lowercase(), &value, self.input.limit())?;
        if value.is_empty() {
            return if self.check == Check::Required {
                Err(format!("{} is required", self.label))
            } else {
                Ok(())
            };
        }
        match &self.kind {
            FieldKind::Date { default_time } => {
                dates::parse(&value, clock, *default_time)
                    .map(|_| ())
                    .map_err(|e| e.to_string())?;
            }
            FieldKind::Choice(options) if !options.contains(&value) => {
                return Err(format!("choose one of: {}", options.join(", ")));
            }
            FieldKind::Picker { create: false, .. } if self.picked.is_none() => {
                return Err("pick one from the list (type part of the name, ↓ to choose)".into());
            }
            _ => {}
        }
        match self.check {
            Check::Email if !looks_like_email(&value) => {
                Err("that does not look like an email address".into())
            }
            Check::LinkedIn if crate::domain::linkedin_page(&value).is_none() => {
                Err("a LinkedIn profile address looks like https://www.linkedin.com/in/…".into())
            }
            Check::Website if crate::domain::website_page(&value).is_none() => {
                Err("a web address looks like example.com or https://example.com/…".into())
            }
            Check::Days => match value.parse::<u32>() {
                Ok(days) if (1..=3650).contains(&days) => Ok(()),
                _ => Err("a number of days, from 1 to 3650".into()),
            },
            Check::Minutes => match value.parse::<u32>() {
                Ok(minutes) if (5..=480).contains(&minutes) => Ok(()),
                _ => Err("a number of minutes, from 5 to 480".into()),
            },
            _ => Ok(()),
        }
    }

    pub fn refresh_hint(&mut self, clock: &Clock) {
        self.hint = match &self.kind {
            FieldKind::Date { default_time } => {
                let value = self.cleaned();
                if value.is_empty() {
                    None
                } else {
                    Some(match dates::parse(&value, clock, *default_time) {
                        Ok(parsed) => dates::describe(&parsed, clock),
                        Err(_) => "?".into(),
                    })
                }
            }
            FieldKind::Picker { create, .. } => {
                match (&self.picked, self.cleaned().is_empty(), create) {
                    (Some(_), _, _) | (None, true, _) => None,
                    (None, false, true) => Some("new — will be created".into()),
                    (None, false, false) => Some("not chosen yet".into()),
                }
            }
            _ => None,
        };
    }

    /// On a choice field, a typed letter moves to the next choice that starts with it (as in
    /// a menu); says whether one did.
    pub fn jump_to(&mut self, letter: char) -> bool {
        let FieldKind::Choice(options) = &self.kind else {
            return false;
        };
        let current = options
            .iter()
            .position(|o| o == self.input.value())
            .unwrap_or(0);
        let wanted = letter.to_lowercase().collect::<String>();
        let found = (1..=options.len())
            .map(|step| (current + step) % options.len())
            .find(|&i| options[i].to_lowercase().starts_with(&wanted));
        if let Some(i) = found {
            let value = options[i].clone();
            self.input.set(&value);
        }
        found.is_some()
    }

    /// Cycles a choice field.
    pub fn cycle(&mut self, step: isize) {
        if let FieldKind::Choice(options) = &self.kind {
            let current = options
                .iter()
                .position(|o| o == self.input.value())
                .unwrap_or(0);
            let next = (current as isize + step).rem_euclid(options.len() as isize) as usize;
            let value = options[next].clone();
            self.input.set(&value);
        }
    }
}
