//! A map from text to values that keeps its keys end to end in one string. An import
//! remembers every contact by three keys; as a `HashMap<String, _>` each key was a string of
//! its own with an entry around it (about 30 MB for 100,000 contacts); here a key costs its
//! bytes and two numbers.

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::hash_table::{Entry, HashTable};

pub struct TextMap<V> {
    /// Every key, one after another.
    text: String,
    /// Where each key is in `text`, and its value.
    table: HashTable<(Range<usize>, V)>,
    hasher: foldhash::fast::RandomState,
}

impl<V> Default for TextMap<V> {
    fn default() -> Self {
        TextMap {
            text: String::new(),
            table: HashTable::new(),
            hasher: foldhash::fast::RandomState::default(),
        }
    }
}

impl<V> TextMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        let hash = self.hasher.hash_one(key);
        self.table
            .find(hash, |(at, _)| self.text[at.clone()] == *key)
            .map(|(_, value)| value)
    }

    /// The value of `key`, made by `make` when the key is new; and whether it was.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> (&mut V, bool) {
        let hash = self.hasher.hash_one(key);
        let TextMap {
            text,
            table,
            hasher,
        } = self;
        let entry = table.entry(
            hash,
            |(at, _)| text[at.clone()] == *key,
            |(at, _)| hasher.hash_one(&text[at.clone()]),
        );
        match entry {
            Entry::Occupied(found) => (&mut found.into_mut().1, false),
            Entry::Vacant(free) => {
                let at = text.len()..text.len() + key.len();
                text.push_str(key);
                (&mut free.insert((at, make())).into_mut().1, true)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_told_apart_by_their_whole_text() {
        let mut map = TextMap::default();
        for (i, key) in ["ab", "a", "b", "", "ba", "abab"].iter().enumerate() {
            let (value, new) = map.get_or_insert_with(key, || i);
            assert!(new && *value == i, "{key:?}");
        }
        for _ in 0..2_000 {
            map.get_or_insert_with(&format!("k{}", map.table.len()), || 0);
        }
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map.get(""), Some(&3));
        assert_eq!(map.get("abab"), Some(&5));
        assert_eq!(map.get("aba"), None);
        let (value, new) = map.get_or_insert_with("ba", || 99);
        assert!(!new && *value == 4);
    }
}
