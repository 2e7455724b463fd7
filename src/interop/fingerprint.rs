//! Fingerprints of the texts an import recognises people by (emails, profile addresses, names).
//! An import of 100,000 rows into a database of 100,000 contacts remembers every key of both;
//! kept as text, with the maps around it, they cost about 400 bytes a contact and took an
//! import past its 64 MB budget. A fingerprint is 16 bytes whatever the text's length.
//!
//! Fingerprints are keyed SipHash (the standard library's, with keys drawn at random for each
//! import), 128 bits in two independent halves: for two different texts among the 400,000 keys
//! of such an import to share one, the odds are about 1 in 10^27 — no file can be written to
//! make them meet, since the keys are not known outside the process. Shorter, 64-bit prints
//! serve where a collision could only make two texts compare equal among the few holders of
//! one email or one name (odds 1 in 10^19 a comparison).

use std::hash::{BuildHasher, RandomState};

/// A text's 128-bit fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Print([u64; 2]);

impl Print {
    /// The hash a table files it under: its first half, already keyed and random.
    pub fn hash(self) -> u64 {
        self.0[0]
    }
}

/// Takes fingerprints, all with one pair of keys.
pub struct Prints {
    keys: RandomState,
}

impl Default for Prints {
    fn default() -> Self {
        Prints {
            keys: RandomState::new(),
        }
    }
}

impl Prints {
    /// The 128-bit print of `text`: two halves hashed apart (told apart by a leading byte).
    pub fn of(&self, text: &str) -> Print {
        Print([
            self.keys.hash_one((0u8, text)),
            self.keys.hash_one((1u8, text)),
        ])
    }

    /// A 64-bit print, for comparisons among a handful of candidates.
    pub fn short(&self, text: &str) -> u64 {
        self.keys.hash_one((2u8, text))
    }

    /// The hash of anything else the tables file (a contact's id).
    pub fn hash_of(&self, value: impl std::hash::Hash) -> u64 {
        self.keys.hash_one((3u8, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_tell_texts_apart_and_agree_on_the_same_text() {
        let prints = Prints::default();
        assert_eq!(prints.of("ada@example.com"), prints.of("ada@example.com"));
        assert_ne!(prints.of("ada@example.com"), prints.of("ada@example.co"));
        assert_ne!(prints.short(""), prints.short("a"));
        let print = prints.of("x");
        assert_ne!(print.0[0], print.0[1], "the halves are hashed apart");
        // Another import draws other keys.
        assert_ne!(Prints::default().of("x"), print);
    }
}
