//! English stop words for TF-IDF cosine: function words (articles, pronouns, auxiliaries,
//! prepositions, conjunctions) and the reporting verbs every news article is full of.
//!
//! Written for this project: a short list, in the spirit of the SMART and Glasgow lists,
//! kept to words whose presence says nothing about which story an article covers. The
//! words are in matching-key form (casefolded, accents stripped); the apostrophe splits
//! words, so "don't" is "don" + "t".

use ahash::AHashSet;
use std::sync::OnceLock;

pub const ENGLISH: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "ll",
    "m",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "quite",
    "rather",
    "re",
    "s",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "several",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "ve",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// The languages with a stop list, by ISO 639-1 code: English above, the others written
/// for this project in `stopwords/*.txt` (function words, and the reporting verbs and
/// adverbs news text is full of, in their common forms; natural spelling, one a line).
pub const LANGUAGES: [(&str, &str); 9] = [
    ("en", ""),
    ("de", include_str!("stopwords/de.txt")),
    ("es", include_str!("stopwords/es.txt")),
    ("fr", include_str!("stopwords/fr.txt")),
    ("it", include_str!("stopwords/it.txt")),
    ("pl", include_str!("stopwords/pl.txt")),
    ("ru", include_str!("stopwords/ru.txt")),
    ("tr", include_str!("stopwords/tr.txt")),
    ("ar", include_str!("stopwords/ar.txt")),
];

/// The words of the stop list of `language` (an ISO 639-1 code), if there is one.
pub fn for_language(language: &str) -> Option<Vec<&'static str>> {
    let (_, list) = LANGUAGES.iter().find(|(code, _)| *code == language)?;
    Some(if list.is_empty() {
        ENGLISH.to_vec()
    } else {
        list.lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect()
    })
}

/// The term hashes of `words` as `term_corpus` hashes a text's words: each word's matching
/// key (case folded, accents stripped), split as texts are.
pub fn hashes_of<'a>(words: impl IntoIterator<Item = &'a str>) -> AHashSet<u64> {
    let opts = crate::normalize::Options::matching_key();
    let mut set = AHashSet::new();
    for word in words {
        set.extend(super::shingles::word_hashes(
            &crate::normalize::normalize(word, &opts).text,
        ));
    }
    set
}

/// The hashed stop list of `language`, built once; `None` for a language without one.
pub fn language_hashes(language: &str) -> Option<&'static AHashSet<u64>> {
    static SETS: OnceLock<Vec<AHashSet<u64>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|(code, _)| hashes_of(for_language(code).unwrap_or_default()))
            .collect()
    });
    let k = LANGUAGES.iter().position(|(code, _)| *code == language)?;
    Some(&sets[k])
}

/// Hashes of [`ENGLISH`], as `term_corpus` hashes words.
pub fn english_hashes() -> &'static AHashSet<u64> {
    language_hashes("en").expect("English has a stop list")
}

/// Which words a TF-IDF vector leaves out.
#[derive(Debug, Clone, Default)]
pub enum StopWords {
    /// None: every word counts (as scikit-learn's default).
    #[default]
    Keep,
    /// These word hashes ([`hashes_of`]), whatever the text's language.
    Set(AHashSet<u64>),
    /// The stop list of each text's own language ([`LANGUAGES`]; none for a language
    /// without a list): English when the text reads as English
    /// (`language::reads_as_english`, cheap; so are texts of under 20 space-separated
    /// words, Chinese among them, where the English list removes nothing), else whatlang's
    /// guess.
    ByLanguage,
}

/// The language `StopWords::ByLanguage` reads `text` in (the text as given): English when
/// it reads as English (`language::reads_as_english`), else the detected language's code;
/// `None` when nothing can be told.
pub fn language_of(text: &str) -> Option<&'static str> {
    languages_of(text, false).0
}

/// [`language_of`] `text`, and the language it is surely in: English when it reads as
/// English; else, for `prose` (the caller's judgement of its words), the detected
/// language when the detector calls it reliable (a Chinese text, whose words are not
/// spaced, is in Chinese; a headline of a few words, counted as English for its stop
/// words, is in none). The model runs at most once, and only on texts that do not read
/// as English.
pub fn languages_of(text: &str, prose: bool) -> (Option<&'static str>, Option<&'static str>) {
    use crate::language::{detect, reading, Reading};
    let sure = |found: Option<crate::language::Language>| {
        found.filter(|l| prose && l.reliable).map(|l| l.code)
    };
    match reading(text) {
        Reading::English => (Some("en"), Some("en")),
        Reading::Short => (Some("en"), if prose { sure(detect(text)) } else { None }),
        Reading::Other => {
            let found = detect(text);
            (found.map(|l| l.code), sure(found))
        }
    }
}

impl StopWords {
    /// The stop words for `text` (the text as given, before normalization).
    pub fn for_text(&self, text: &str) -> Option<&AHashSet<u64>> {
        match self {
            StopWords::Keep => None,
            StopWords::Set(set) => Some(set),
            StopWords::ByLanguage => language_hashes(language_of(text)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxhash_rust::xxh3::xxh3_64;

    #[test]
    fn list_is_sorted_lowercase_and_unique() {
        let mut sorted = ENGLISH.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, ENGLISH);
        assert!(ENGLISH
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
        assert!(english_hashes().contains(&xxh3_64(b"the")));
        assert!(!english_hashes().contains(&xxh3_64(b"kremlin")));
    }

    #[test]
    fn every_language_has_a_clean_list() {
        for (code, list) in LANGUAGES {
            let words = for_language(code).unwrap();
            assert!(words.len() >= 100, "{code}: {}", words.len());
            assert!(list.is_empty() || list.lines().all(|w| w == w.trim() && !w.contains(' ')));
            let set = language_hashes(code).unwrap();
            // Accents and case are folded as in texts: "Über" in a text meets "über".
            assert!(set.len() >= words.len() / 2, "{code}");
        }
        assert!(language_hashes("zh").is_none());
        assert!(language_hashes("de").unwrap().contains(&xxh3_64(b"uber")));
        assert!(language_hashes("ru")
            .unwrap()
            .contains(&xxh3_64("сказал".as_bytes())));
    }

    #[test]
    fn stop_words_follow_each_texts_language() {
        let auto = StopWords::ByLanguage;
        let en = "The minister said on Monday that the government would not change its plans for the port, and that the strike was over for now.";
        let de = "Der Minister sagte am Montag, dass die Regierung ihre Pläne für den Hafen nicht ändern werde und dass der Streik vorerst beendet sei.";
        assert!(std::ptr::eq(auto.for_text(en).unwrap(), english_hashes()));
        let de = format!("{de} {de}");
        assert!(std::ptr::eq(
            auto.for_text(&de).unwrap(),
            language_hashes("de").unwrap()
        ));
        assert!(StopWords::Keep.for_text(en).is_none());
        let ru = "Министр заявил в понедельник, что правительство не будет менять свои планы относительно порта и что забастовка пока закончилась.";
        let ru = format!("{ru} {ru}");
        assert!(std::ptr::eq(
            auto.for_text(&ru).unwrap(),
            language_hashes("ru").unwrap()
        ));
    }
}
