//! Every contact's name and organisation, held compactly for the filter: one string of names,
//! their ends, and an organisation number each. Loaded a chunk at a time while the app is idle,
//! in name order, so that `/` is instant and start-up stays flat.

use std::collections::HashMap;

use crate::domain::Id;
use crate::tui::screens::home::filter::Candidates;

const NO_ORGANIZATION: u32 = u32::MAX;

/// One contact as the store hands it over for the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexRow {
    pub id: Id,
    pub name: String,
    pub organization_id: Option<Id>,
}

#[derive(Debug, Clone, Default)]
pub struct ContactIndex {
    ids: Vec<Id>,
    names: String,
    name_ends: Vec<u32>,
    organizations: Vec<u32>,
    organization_names: Vec<String>,
    organization_numbers: HashMap<Id, u32>,
    /// The last contact loaded; the next chunk starts after it.
    pub cursor: Option<(String, Id)>,
    pub complete: bool,
}

/// Only results from the store change the index: how far it has loaded tells two apart.
impl PartialEq for ContactIndex {
    fn eq(&self, other: &ContactIndex) -> bool {
        self.ids.len() == other.ids.len()
            && self.cursor == other.cursor
            && self.complete == other.complete
    }
}

impl ContactIndex {
    pub fn new(organizations: Vec<(Id, String)>) -> ContactIndex {
        let mut index = ContactIndex::default();
        for (number, (id, name)) in organizations.into_iter().enumerate() {
            index.organization_numbers.insert(id, number as u32);
            index.organization_names.push(name);
        }
        index
    }

    pub fn append(&mut self, rows: Vec<IndexRow>, complete: bool) {
        for row in rows {
            self.cursor = Some((row.name.clone(), row.id));
            self.ids.push(row.id);
            self.names.push_str(&row.name);
            self.name_ends.push(self.names.len() as u32);
            let number = row
                .organization_id
                .and_then(|o| self.organization_numbers.get(&o).copied());
            self.organizations.push(number.unwrap_or(NO_ORGANIZATION));
        }
        self.complete = complete;
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn id(&self, index: usize) -> Option<Id> {
        self.ids.get(index).copied()
    }

    pub fn name(&self, index: usize) -> &str {
        let start = match index.checked_sub(1) {
            Some(before) => self.name_ends.get(before).map_or(0, |end| *end as usize),
            None => 0,
        };
        let end = self.name_ends.get(index).map_or(start, |end| *end as usize);
        self.names.get(start..end).unwrap_or("")
    }

    pub fn organization(&self, index: usize) -> &str {
        match self.organizations.get(index).copied() {
            None | Some(NO_ORGANIZATION) => "",
            Some(number) => self
                .organization_names
                .get(number as usize)
                .map_or("", String::as_str),
        }
    }
}

impl Candidates for ContactIndex {
    fn count(&self) -> usize {
        self.len()
    }

    fn parts(&self, index: usize) -> (&str, &str) {
        (self.name(index), self.organization(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_names_and_organisations_compactly() {
        let acme = Id::new();
        let mut index = ContactIndex::new(vec![(acme, "Acme".into())]);
        let ada = Id::new();
        index.append(
            vec![
                IndexRow {
                    id: ada,
                    name: "Ada".into(),
                    organization_id: Some(acme),
                },
                IndexRow {
                    id: Id::new(),
                    name: "Bob".into(),
                    organization_id: None,
                },
            ],
            false,
        );
        assert_eq!((index.name(0), index.organization(0)), ("Ada", "Acme"));
        assert_eq!((index.name(1), index.organization(1)), ("Bob", ""));
        assert_eq!(index.id(0), Some(ada));
        assert_eq!(index.cursor.as_ref().map(|c| c.0.as_str()), Some("Bob"));
        assert!(!index.complete);
    }
}
