//! What a story is about: the names its articles write. One story is about someone or
//! something (a person, a place, a body, a product, an event's name), so most of its
//! articles name it; a group of articles alike only in their subject's vocabulary (growth,
//! rates and jobs in six countries; viruses, spam and browsers) names nothing in common.
//! [`Anchors`] holds the rule [`crate::similarity::average_linkage_of_copies`] applies to
//! every merge: the merged group's articles must mostly name one same name.

use ahash::AHashMap;
use rayon::prelude::*;

use crate::cancel::Cancel;

use crate::similarity::exact::Overlap;
use crate::similarity::shingles::word_hash;

/// Capitalised words that name no one thing: the pronoun "I", titles before a name (the
/// name after them counts), words that open a clause after a comma, the calendar (two
/// reports of one month are not about one thing: Reuters' earnings tables all name "Jan"
/// or "Sept"; the months' full names are `article::MONTHS`) and legal forms of firms.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "i", "mr", "mrs", "ms", "dr", "the", "a", "an", "he", "she", "it", "we", "they", "but",
    "and", "in", "on", "of", "if", "this", "that", "there", "president", "minister", "prime",
    "secretary", "chairman", "chancellor", "senator", "governor", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "inc", "corp", "co", "ltd", "plc", "llc",
];

/// The names `text` writes within its sentences, as sorted distinct hashes of their
/// lower-cased words: each word that begins with a capital letter after a word of its line
/// ending in a lower-case letter, a digit or `,;:)'"’”` (so not a sentence's, a line's or
/// a headline's first word), up to its first character that is not a letter, a digit,
/// `'`, `’` or `-`, less a possessive "'s". `None` for a text that does not write both capitals and small
/// letters (a script without capitals such as Chinese or Arabic, a text in one case): the
/// rule does not apply to it ([`Anchors`]). A text that does and names nothing (an
/// earnings table: "Shr 12 cts vs 10 cts") gives an empty list.
pub fn anchor_names(text: &str) -> Option<Vec<u64>> {
    if !(text.chars().any(char::is_uppercase) && text.chars().any(char::is_lowercase)) {
        return None;
    }
    let mut out = Vec::new();
    let mut before: Option<char> = None;
    let mut lower = String::new();
    // (A line break ends a sentence, a headline or a paragraph.)
    for (word, line_start) in text.lines().flat_map(|line| {
        line.split_whitespace()
            .enumerate()
            .map(|(i, w)| (w, i == 0))
    }) {
        if line_start {
            before = None;
        }
        let after_text = before.is_some_and(|p| {
            p.is_lowercase()
                || p.is_ascii_digit()
                || matches!(p, ',' | ';' | ':' | ')' | '\'' | '"' | '’' | '”')
        });
        before = word.chars().next_back();
        if !after_text || !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let end = word
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .map_or(word.len(), |(i, _)| i);
        let mut name = &word[..end];
        for possessive in ["'s", "’s"] {
            name = name.strip_suffix(possessive).unwrap_or(name);
        }
        let name = name.trim_end_matches(['\'', '’', '-']);
        if name.chars().nth(1).is_none() {
            continue;
        }
        lower.clear();
        lower.extend(name.chars().flat_map(char::to_lowercase));
        if !NOT_NAMES.contains(&lower.as_str()) && !crate::article::MONTHS.contains(&lower.as_str())
        {
            out.push(word_hash(&lower));
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// Whether two documents' names ([`anchor_names`], sorted) hold one same name; a document
/// without case (`None`) counts as naming any name, as in [`Anchors`].
pub fn name_one_same(a: Option<&[u64]>, b: Option<&[u64]>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Overlap::of(a, b).intersection > 0,
        _ => true,
    }
}

/// [`anchor_names`] of each text, in parallel (a missing text counts as one without case).
/// When `cancel` is set the texts not yet read count so too.
pub fn corpus_names(texts: &[Option<&str>], cancel: &Cancel) -> Vec<Option<Vec<u64>>> {
    texts
        .par_iter()
        .map(|t| match t {
            Some(t) if !cancel.is_cancelled() => anchor_names(t),
            _ => None,
        })
        .collect()
}

/// Two groups whose pairs score this much on average (copies, near copies, retellings) are
/// one story whatever they name: the names rule is for articles alike in their subject's
/// words, and an article that names nothing (a short notice) still has its copies. On the
/// judged samples no pair people called unrelated scored above 0.78 (Reuters-21578) or
/// 0.53 (BBC); copies and rewrites scored 0.95 or more.
pub const NAMES_NOT_ASKED: f64 = 0.9;

/// The rule that a group of documents forms only when at least `share` of them name one
/// same name ([`anchor_names`]); a document without case (`None`) counts as naming any
/// name, one with case that names nothing as naming none. Groups alike enough to be one
/// article ([`NAMES_NOT_ASKED`]) are not asked.
pub struct Anchors<'a> {
    /// Each document's names ([`anchor_names`]), by position.
    pub names: &'a [Option<Vec<u64>>],
    /// In [0, 1]; 0 lets every merge through.
    pub share: f64,
}

/// The names of the clusters while average linkage merges them: how many documents of
/// each cluster name each name, kept only for clusters of more than one unit (a unit of
/// copies reads its first copy's names, each counted once a copy).
pub(crate) struct AnchorState<'a> {
    names: &'a [Option<Vec<u64>>],
    share: f64,
    counts: Vec<Option<AHashMap<u64, u64>>>,
    /// The most documents of the cluster naming one name.
    top: Vec<u64>,
    /// The documents of the cluster that name nothing.
    silent: Vec<u64>,
}

impl<'a> AnchorState<'a> {
    /// `size[u]`: the documents of unit `u` (its copies), for each unit.
    pub(crate) fn new(anchors: &Anchors<'a>, size: &[u64]) -> Self {
        assert_eq!(anchors.names.len(), size.len(), "one name list a document");
        let (top, silent) = anchors
            .names
            .iter()
            .zip(size)
            .map(|(names, &s)| match names {
                None => (0, s),
                Some(n) if n.is_empty() => (0, 0),
                Some(_) => (s, 0),
            })
            .unzip();
        AnchorState {
            names: anchors.names,
            share: anchors.share,
            counts: vec![None; size.len()],
            top,
            silent,
        }
    }

    /// The names of unit `c`'s document (none when it writes no case).
    fn own(&self, c: usize) -> &[u64] {
        self.names[c].as_deref().unwrap_or(&[])
    }

    fn distinct(&self, c: usize) -> usize {
        self.counts[c]
            .as_ref()
            .map_or(self.own(c).len(), |m| m.len())
    }

    fn count(&self, c: usize, name: u64, size: &[u64]) -> u64 {
        match &self.counts[c] {
            Some(m) => m.get(&name).copied().unwrap_or(0),
            None => u64::from(self.own(c).binary_search(&name).is_ok()) * size[c],
        }
    }

    /// Whether enough of `a` and `b`'s documents name one name for the two to merge, `top`
    /// of them naming the one most named ([`AnchorState::top_of`]).
    pub(crate) fn enough(&self, a: usize, b: usize, top: u64, size: &[u64]) -> bool {
        let naming = top + self.silent[a] + self.silent[b];
        naming as f64 >= self.share * (size[a] + size[b]) as f64
    }

    /// The most documents of `a` and `b` together naming one name.
    pub(crate) fn top_of(&self, a: usize, b: usize, size: &[u64]) -> u64 {
        let (small, large) = if self.distinct(a) <= self.distinct(b) {
            (a, b)
        } else {
            (b, a)
        };
        let mut top = self.top[large];
        match &self.counts[small] {
            Some(m) => {
                for (&name, &k) in m {
                    top = top.max(k + self.count(large, name, size));
                }
            }
            None => {
                for &name in self.own(small) {
                    top = top.max(size[small] + self.count(large, name, size));
                }
            }
        }
        top
    }

    /// `gone` merges into `keep` (before `size` counts the merge); `top` is what
    /// [`AnchorState::top_of`] gives for them.
    pub(crate) fn merge(&mut self, keep: usize, gone: usize, top: u64, size: &[u64]) {
        let (mut big, small) = if self.distinct(keep) >= self.distinct(gone) {
            (self.take(keep, size), self.take(gone, size))
        } else {
            (self.take(gone, size), self.take(keep, size))
        };
        for (name, k) in small {
            *big.entry(name).or_default() += k;
        }
        self.counts[keep] = Some(big);
        self.top[keep] = top;
        self.silent[keep] += self.silent[gone];
    }

    fn take(&mut self, c: usize, size: &[u64]) -> AHashMap<u64, u64> {
        self.counts[c]
            .take()
            .unwrap_or_else(|| self.own(c).iter().map(|&x| (x, size[c])).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<u64> {
        anchor_names(text).expect("a text with case")
    }

    /// The most documents of `a` and `b` naming one name, when enough do for them to merge.
    fn allows(state: &AnchorState, a: usize, b: usize, size: &[u64]) -> Option<u64> {
        let top = state.top_of(a, b, size);
        state.enough(a, b, top, size).then_some(top)
    }

    fn hashes(words: &[&str]) -> Vec<u64> {
        let mut h: Vec<u64> = words.iter().map(|w| word_hash(w)).collect();
        h.sort_unstable();
        h
    }

    #[test]
    fn names_are_capitalised_words_within_sentences() {
        assert_eq!(
            names("Shares fell. Analysts said Japan's economy, led by Toyota-Nissan, grew."),
            hashes(&["japan", "toyota-nissan"])
        );
        // Titles, pronouns, the calendar and legal forms are no names; the name after a
        // title is.
        assert_eq!(names("said Mr Smith and I agreed"), hashes(&["smith"]));
        assert_eq!(
            names("said on Monday that in March Acme Inc and President Obama met"),
            hashes(&["acme", "obama"])
        );
        // After a closing quote, a digit or a comma.
        assert_eq!(
            names("\"no,\" Blair said; in 2004 Labour won"),
            hashes(&["blair", "labour"])
        );
        // Caseless scripts and texts in one case are left to the scores; a table names
        // nothing.
        assert_eq!(anchor_names("中国经济增长 放缓"), None);
        assert_eq!(anchor_names("شهد سعر الدولار اليوم"), None);
        assert_eq!(anchor_names("all in lower case, from paris to rome"), None);
        assert_eq!(anchor_names("ALL IN CAPITALS FROM PARIS"), None);
        assert_eq!(anchor_names(""), None);
        assert!(names("Shr 12 cts vs 10 cts\nNet 1,234 vs 1,000").is_empty());
        // A line's first word is no name.
        assert_eq!(names("Growth slows\nJapan said growth slowed"), hashes(&[]));
        // Russian capitals count too.
        assert_eq!(names("сказал Путин"), hashes(&["путин"]));
    }

    #[test]
    fn two_documents_name_one_same_name() {
        let (tokyo, berlin) = (hashes(&["tokyo", "yen"]), hashes(&["berlin"]));
        assert!(name_one_same(Some(&tokyo), Some(&hashes(&["tokyo"]))));
        assert!(!name_one_same(Some(&tokyo), Some(&berlin)));
        // A table names nothing, so nothing in common with anything that has case...
        assert!(!name_one_same(Some(&[]), Some(&tokyo)));
        assert!(!name_one_same(Some(&[]), Some(&[])));
        // ...and a text without case is left to the scores.
        assert!(name_one_same(None, Some(&berlin)));
        assert!(name_one_same(Some(&[]), None));
    }

    #[test]
    fn a_group_forms_when_most_of_it_names_one_name() {
        let named = [
            Some(hashes(&["tokyo", "yen"])),
            Some(hashes(&["tokyo"])),
            Some(hashes(&["berlin"])),
            None,
            Some(vec![]),
        ];
        let anchors = Anchors {
            names: &named,
            share: 0.8,
        };
        let size = vec![1, 1, 1, 1, 1];
        let mut state = AnchorState::new(&anchors, &size);
        assert_eq!(allows(&state, 0, 1, &size), Some(2));
        assert_eq!(allows(&state, 0, 2, &size), None);
        // A document without case goes with anything; one with case naming nothing (a
        // table) with nothing.
        assert_eq!(allows(&state, 2, 3, &size), Some(1));
        assert_eq!(allows(&state, 2, 4, &size), None);
        assert_eq!(allows(&state, 4, 3, &size), None);
        state.merge(0, 1, 2, &size);
        let size = vec![2, 1, 1, 1, 1];
        // 2 of 3 name Tokyo: below 0.8.
        assert_eq!(allows(&state, 0, 2, &size), None);
        // 2 of 3, and one without case: 3 of 3.
        assert_eq!(allows(&state, 0, 3, &size), Some(2));
        // Copies count once a copy.
        let copies = vec![3, 1, 1, 1, 1];
        let state = AnchorState::new(&anchors, &copies);
        assert_eq!(allows(&state, 0, 2, &copies), None);
        let lax = Anchors {
            names: &named,
            share: 0.75,
        };
        assert_eq!(
            allows(&AnchorState::new(&lax, &copies), 0, 2, &copies),
            Some(3)
        );
    }
}
