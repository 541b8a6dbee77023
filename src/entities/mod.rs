//! Entities: people, organisations, places and other names in news articles.
//!
//! - `tokens`: words with byte ranges, lines and sentence starts.
//! - `detect`: candidate names (capitalised spans with rules for sentence starts, all-caps
//!   lines, connectors, possessives and titles) and their features, with corpus
//!   statistics of how each word is written.
//! - `model`: an averaged perceptron that types each candidate (or rejects it), trained on
//!   CoNLL-2003 `train.txt` and shipped inside the package.
//! - `gazetteer`: names matched with Aho-Corasick on word boundaries; the built-in one.
//! - `compact`: mentions as resolution reads them, a few bytes each.
//! - `aliases`: one canonical name for the ways a corpus writes it, with an audit trail.

pub mod aliases;
pub mod compact;
pub mod count;
pub mod detect;
pub mod extract;
pub mod gazetteer;
pub mod lexicon;
pub mod model;
pub mod tokens;

/// The four CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// "PER", "ORG", "LOC" or "MISC" (any case, spaces around ignored).
    pub fn from_code(name: &str) -> Option<Self> {
        <Self as crate::options::Choice>::parse(name.trim()).ok()
    }

    /// Class index in the model (0 is "not an entity").
    pub fn class(self) -> usize {
        self as usize + 1
    }

    pub fn from_class(class: usize) -> Option<Self> {
        class
            .checked_sub(1)
            .and_then(|i| EntityType::ALL.get(i).copied())
    }
}
