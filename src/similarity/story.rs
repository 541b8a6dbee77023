//! The story score: how surely two articles tell one story, 0 to 1, a combination of word
//! similarities fitted on people's judgements (SemEval-2022 Task 8, 1,181 pairs of news
//! articles in ten languages, by `benchmarks/fit_story_score.py`).
//!
//! Each feature is the square root of a similarity in [0, 1] between the two texts' terms:
//! the stems (`shingles::stem`) of the words of their matching keys (character bigrams for
//! unspaced scripts), so that "minister" and "ministers" count as one term:
//! - `cosine_stop`: TF-IDF cosine without the stop words of each text's language
//!   (`StopWords::ByLanguage`): the topic words two articles share, weighted by rarity;
//! - `cosine`: TF-IDF cosine of all stems (function words and style count a little);
//! - `word_jaccard`: distinct stems in common over the stems of either;
//! - `names_across`: for two articles in two languages (each surely in its language:
//!   `stopwords::languages_of`), the TF-IDF cosine of the names and numbers they write
//!   (`shingles::name_hashes`): the people, places and figures a report and its
//!   translation or foreign counterpart share; 0 for two articles in one language.
//!
//! The score is the fitted linear combination, mapped from people's scale (minus
//! `Overall`: -4 unrelated to -1 one story) to 0 to 1, and never below the Jaccard of the
//! word 3-gram sets, so that copies (which `SemEval` hardly holds) score as one story.

use super::exact::{
    idf_of, merged, runs_of_sorted, sublinear_tf, term_counts, Overlap, SparseVector, Tfidf,
};
use super::shingles;
use super::stopwords;
use crate::cancel::Cancel;
use crate::normalize::{normalize, Options};
use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;

/// The features' names, in the order of [`Weights::features`].
pub const FEATURES: [&str; 4] = ["cosine_stop", "cosine", "word_jaccard", "names_across"];

/// A linear combination of the features.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub intercept: f64,
    pub features: [f64; 4],
}

/// Ridge regression (alpha 0.1) of minus `Overall` on the first three [`FEATURES`],
/// then `names_across` alone on what it leaves, fitted on all 1,181 `SemEval` pairs (so
/// the scores of pairs in one language are the first stage's); 5-fold cross-validated
/// Pearson with people: see the README and `benchmarks/fit_story_score.py`.
pub const WEIGHTS: Weights = Weights {
    intercept: -3.8876,
    features: [4.2161, 3.0888, -5.0531, 0.9624],
};

/// Word n-grams whose Jaccard is the floor of the score (copies are one story).
pub const COPY_NGRAM: usize = 3;

/// The words of a text's lead: its first 50 words (48 word 3-grams), which a retelling
/// keeps and a report that only shares background paragraphs does not
/// ([`StoryDocs::lead_share`]).
pub const LEAD_WORDS: usize = 50;

/// The story score from the features and the copy floor. Two texts that share nothing
/// (every feature 0: an empty text, or no word in common) score 0, not the fit's
/// intercept (0.037).
pub fn score_of(features: [f64; 4], copies: f64) -> f64 {
    if features.iter().all(|&f| f == 0.0) {
        return copies;
    }
    let predicted = WEIGHTS.intercept
        + WEIGHTS
            .features
            .iter()
            .zip(features)
            .map(|(w, f)| w * f)
            .sum::<f64>();
    ((predicted + 4.0) / 3.0).clamp(0.0, 1.0).max(copies)
}

/// What the story score needs of each document of a corpus: TF-IDF vectors of its stems
/// without and with stop words (idf from the present documents), the set of its word
/// 3-grams (the copy floor), and, for `relate`'s cosine and candidate search, the TF-IDF
/// vector of its words without stop words.
pub struct StoryDocs {
    /// The TF-IDF vectors of the words without the stop words (`relate`'s cosine).
    stop: Vec<SparseVector>,
    /// Each stem of the document with its weights in both stem vectors: `(term, with stop
    /// words, without them)`, 0.0 in the second for a stop word. One pass over two such
    /// lists ([`PairScorer`]) gives both cosines and the shared stems (the score's features).
    both: Vec<Vec<(u32, f32, f32)>>,
    copies: Vec<Vec<u64>>,
    /// The set of the word 3-grams of each document's first [`LEAD_WORDS`] words.
    leads: Vec<Box<[u64]>>,
    numbers: AHashSet<u64>,
    /// Each document's sure language ([`stopwords::languages_of`]): 0 when unknown, else
    /// one number a language of the corpus.
    languages: Vec<u8>,
    /// The TF-IDF vectors of each document's names and numbers ([`shingles::name_hashes`]),
    /// for the pairs of two languages; made only when the corpus holds two languages or
    /// more (empty otherwise: no pair needs them).
    names: Vec<SparseVector>,
    /// The number of distinct stems of the corpus (stems are numbered `0..stems`).
    stems: usize,
}

/// Every stem of a corpus: its number, its idf among all words and its idf among the
/// words not stop words. Stems are numbered in the order of their hashes, so a document's
/// stems sorted by hash are sorted by number too (its vectors merge as before, in 12 bytes
/// an entry instead of 16).
type StemTable = AHashMap<u64, (u32, f32, f32)>;

/// The [`StemTable`] of the documents' stems ([`stem_runs`]), idf over `n` present
/// documents.
fn stem_table(terms: &[Terms], n: usize) -> StemTable {
    // (documents holding the stem, documents holding it outside stop words)
    let df = terms
        .par_iter()
        .fold(AHashMap::<u64, (u32, u32)>::new, |mut df, t| {
            for (s, _, kept) in stem_runs(&t.stems, &t.stop) {
                let e = df.entry(s).or_default();
                e.0 += 1;
                e.1 += u32::from(kept > 0.0);
            }
            df
        })
        .reduce(AHashMap::new, |a, b| {
            merged(a, b, |x, (all, kept)| {
                x.0 += all;
                x.1 += kept;
            })
        });
    let mut stems: Vec<u64> = df.keys().copied().collect();
    stems.par_sort_unstable();
    stems
        .into_iter()
        .enumerate()
        .map(|(id, s)| {
            let (all, kept) = df[&s];
            (s, (id as u32, idf_of(n, all), idf_of(n, kept)))
        })
        .collect()
}

/// A document's stem vectors from its sorted stems and their stop flags ([`stem_runs`]):
/// `(stem number, weight among all its stems, weight among those not stop words)`, each
/// L2-normalised (0.0 in the second for a stem of stop words only), as scikit-learn's
/// sublinear TF-IDF weighs them.
fn both_weights(stems: &[u64], stop: &[bool], table: &StemTable) -> Vec<(u32, f32, f32)> {
    let mut out: Vec<(u32, f32, f32)> = stem_runs(stems, stop)
        .map(|(s, n_all, n_kept)| {
            let (id, idf_all, idf_kept) = table[&s];
            let k = if n_kept > 0.0 {
                sublinear_tf(n_kept) * idf_kept
            } else {
                0.0
            };
            (id, sublinear_tf(n_all) * idf_all, k)
        })
        .collect();
    // Each vector's norm summed in stem order, as `normalize_weights` sums it (a 0.0 of a
    // stop word adds nothing).
    let norm_all = out.iter().map(|&(_, w, _)| w * w).sum::<f32>().sqrt();
    let norm_kept = out.iter().map(|&(_, _, w)| w * w).sum::<f32>().sqrt();
    for (_, w, k) in &mut out {
        if norm_all > 0.0 {
            *w /= norm_all;
        }
        if norm_kept > 0.0 {
            *k /= norm_kept;
        }
    }
    out
}

/// One document's terms: the set of its word 3-grams (the copy floor), its words without
/// the stop words of its language, the stems of all its words and which of them stand for
/// a stop word (one byte a word, not a second list of stems), and the words that are
/// numbers. Words and stems are sorted once here, in parallel, so the idf tables and the
/// vectors count them by runs without sorting again; kept one entry a word (8 or 9 bytes,
/// not 16 or 24 a distinct term: the terms of a million texts stand together).
#[derive(Default)]
struct Terms {
    copies: Vec<u64>,
    lead: Box<[u64]>,
    kept_words: Vec<u64>,
    stems: Vec<u64>,
    stop: Vec<bool>,
    numbers: Vec<u64>,
    /// The language the text is surely in ([`stopwords::languages_of`]), if any.
    language: Option<&'static str>,
}

impl Terms {
    /// The terms of text `t`, whose matching key is `key` (its language, read from `t`,
    /// chooses the stop words, which are left out as whole words).
    fn of(t: &str, key: &str) -> Self {
        let (words, stems) = shingles::word_and_stem_hashes(key);
        let numbers = shingles::number_hashes(key);
        // A text is surely in a language other than English only when it is prose: 20
        // words at least, at most a fifth of them numbers, and, for a language with a stop
        // list, a fifth of them its function words (prose writes a third or more). A
        // results table or a three-line wire brief the detector calls French ("Shr 12 cts
        // vs 10 cts ...") or Dutch ("Feyenoord Rotterdam 3 Volendam 0") is in none.
        let prose = words.len() >= 20 && 5 * numbers.len() <= words.len();
        let (language, sure) = stopwords::languages_of(t, prose);
        let stop: Vec<bool> = match language.and_then(stopwords::language_hashes) {
            Some(list) => words.iter().map(|w| list.contains(w)).collect(),
            None => vec![false; words.len()],
        };
        // (The function words of the stop language are marked in `stop` already.)
        let sure = sure.filter(|&code| {
            code == "en"
                || stopwords::language_hashes(code).is_none_or(|list| {
                    let function_words = if language == Some(code) {
                        stop.iter().filter(|&&s| s).count()
                    } else {
                        words.iter().filter(|w| list.contains(w)).count()
                    };
                    5 * function_words >= words.len()
                })
        });
        let mut kept_words = not_stop(&words, &stop);
        kept_words.sort_unstable();
        let mut tagged: Vec<(u64, bool)> = stems.into_iter().zip(stop).collect();
        tagged.sort_unstable_by_key(|&(s, _)| s);
        let (stems, stop): (Vec<u64>, Vec<bool>) = tagged.into_iter().unzip();
        // The lead's 3-grams are the first of the text's (those of its first LEAD_WORDS
        // words, or all of a shorter text's): hashed once for both sets.
        let grams = shingles::word_ngrams(&words, COPY_NGRAM);
        let in_lead = grams.len().min(LEAD_WORDS + 1 - COPY_NGRAM);
        let lead = shingles::into_set(grams[..in_lead].to_vec()).into_boxed_slice();
        let copies = shingles::into_set(grams);
        Terms {
            copies,
            lead,
            kept_words,
            stems,
            stop,
            numbers,
            language: sure,
        }
    }
}

/// Each distinct stem of `stems` (sorted) with how many words it stands for, and how many
/// of them are not stop words (`stop[k]` for `stems[k]`).
fn stem_runs<'a>(stems: &'a [u64], stop: &'a [bool]) -> impl Iterator<Item = (u64, f32, f32)> + 'a {
    let mut at = 0;
    stems.chunk_by(|a, b| a == b).map(move |run| {
        let kept = stop[at..at + run.len()].iter().filter(|&&s| !s).count();
        at += run.len();
        (run[0], run.len() as f32, kept as f32)
    })
}

/// The terms whose `stop` entry is false.
fn not_stop(terms: &[u64], stop: &[bool]) -> Vec<u64> {
    terms
        .iter()
        .zip(stop)
        .filter(|(_, &s)| !s)
        .map(|(w, _)| *w)
        .collect()
}

/// How many texts are present: the idf's document total (a missing text has no terms, so
/// only the total needs telling).
fn present(texts: &[Option<&str>]) -> usize {
    texts.iter().filter(|t| t.is_some()).count()
}

/// Each document's language number (0 unknown; the corpus' languages numbered in the
/// order of their codes) and, when there are two languages or more, the TF-IDF vectors
/// of the names and numbers of each document with a language (idf over `n` present
/// documents); no vectors for a corpus of one language. Once `cancel` is set the texts
/// left are not read (the result is then incomplete and discarded).
fn languages_and_names(
    texts: &[Option<&str>],
    terms: &[Terms],
    n: usize,
    cancel: &Cancel,
) -> (Vec<u8>, Vec<SparseVector>) {
    let mut codes: Vec<&str> = terms.iter().filter_map(|t| t.language).collect();
    codes.sort_unstable();
    codes.dedup();
    let languages: Vec<u8> = terms
        .iter()
        .map(|t| {
            t.language.map_or(0, |c| {
                let k = codes.binary_search(&c).expect("a code of the corpus");
                u8::try_from(k + 1).unwrap_or(u8::MAX)
            })
        })
        .collect();
    if codes.len() < 2 {
        return (languages, Vec::new());
    }
    let counted: Vec<Vec<(u64, f32)>> = texts
        .par_iter()
        .zip(&languages)
        .map(|(t, &l)| match t {
            Some(t) if l > 0 && !cancel.is_cancelled() => term_counts(&shingles::name_hashes(t)),
            _ => Vec::new(),
        })
        .collect();
    let model = Tfidf::fit_distinct(&counted, n, |d, f| d.iter().for_each(|&(t, _)| f(t)));
    let names = counted
        .par_iter()
        .map(|d| model.vector_of_counts(d))
        .collect();
    (languages, names)
}

impl StoryDocs {
    /// The documents of `texts` (as given; `None` is missing and scores 0 with anything).
    /// Each text is normalized once.
    pub fn new(texts: &[Option<&str>]) -> Self {
        Self::new_cancellable(texts, Cancel::never())
    }

    /// [`Self::new`], skipping the texts left once `cancel` is set (the result is then
    /// incomplete and must be discarded).
    pub fn new_cancellable(texts: &[Option<&str>], cancel: &Cancel) -> Self {
        let opts = Options::matching_key();
        let terms = texts
            .par_iter()
            .map(|t| {
                t.filter(|_| !cancel.is_cancelled())
                    .map_or_else(Terms::default, |t| Terms::of(t, &normalize(t, &opts).text))
            })
            .collect();
        Self::from_terms(texts, terms, cancel)
    }

    /// The documents of `texts` from their matching keys, computed already (`keys[d]` for
    /// `texts[d]`; a text without a key is missing; each key is dropped once read).
    /// `texts` are read only for their language (the stop words).
    pub fn from_keys(texts: &[Option<&str>], keys: Vec<Option<String>>, cancel: &Cancel) -> Self {
        let terms = texts
            .par_iter()
            .zip(keys.into_par_iter())
            .map(|(t, key)| match (t, key) {
                (Some(t), Some(key)) if !cancel.is_cancelled() => Terms::of(t, &key),
                _ => Terms::default(),
            })
            .collect();
        Self::from_terms(texts, terms, cancel)
    }

    fn from_terms(texts: &[Option<&str>], mut terms: Vec<Terms>, cancel: &Cancel) -> Self {
        let numbers: AHashSet<u64> = terms
            .iter()
            .flat_map(|t| t.numbers.iter().copied())
            .collect();
        let n = present(texts);
        let (languages, names) = languages_and_names(texts, &terms, n, cancel);
        // Each list is dropped as soon as its vectors are made (the raw terms of a large
        // corpus weigh as much as its vectors).
        let kept_words: Vec<Vec<u64>> = terms
            .iter_mut()
            .map(|t| std::mem::take(&mut t.kept_words))
            .collect();
        let words = Tfidf::fit_distinct(&kept_words, n, |d, f| {
            d.chunk_by(|a, b| a == b).for_each(|run| f(run[0]));
        });
        let stop = kept_words
            .par_iter()
            .map(|d| words.vector_of_counts(&runs_of_sorted(d)))
            .collect();
        drop(kept_words);
        // The stems' numbers and idf, then the stem vectors one document at a time
        // straight into `both`: no corpus-wide vectors of stems beside it.
        let table = stem_table(&terms, n);
        let stems = table.len();
        let (mut copies, mut leads) = (
            Vec::with_capacity(terms.len()),
            Vec::with_capacity(terms.len()),
        );
        let both = terms
            .into_iter()
            .map(|t| {
                copies.push(t.copies);
                leads.push(t.lead);
                (t.stems, t.stop)
            })
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(stems, stop)| both_weights(&stems, &stop, &table))
            .collect();
        StoryDocs {
            stop,
            both,
            copies,
            leads,
            numbers,
            languages,
            names,
            stems,
        }
    }

    /// Each document's set of word [`COPY_NGRAM`]-grams (sorted hashes): what
    /// `shingles::shingle_set(key, Shingle::Words(COPY_NGRAM))` gives its key.
    pub fn copy_sets(&self) -> &[Vec<u64>] {
        &self.copies
    }

    /// The Jaccard of the word 3-gram sets of documents `i` and `j` (the copy floor).
    pub fn copies(&self, i: usize, j: usize) -> f64 {
        Overlap::of(&self.copies[i], &self.copies[j]).jaccard()
    }

    /// The share of the lead of documents `i` and `j`'s shorter one (fewer word 3-grams)
    /// that stands in the other: the word 3-grams of its first [`LEAD_WORDS`] words found
    /// among the other's 3-grams (0.0 for an empty document). A retelling keeps the lead of
    /// what it retells; two reports that share a background paragraph or a quoted
    /// statement rarely share their leads.
    pub fn lead_share(&self, i: usize, j: usize) -> f64 {
        self.lead_share_in(i, j, |long| &self.copies[long])
    }

    /// [`Self::lead_share`], the lead looked for among the 3-grams `within` gives for the
    /// longer document (sorted: its first words only, say) instead of all of them.
    pub fn lead_share_in<'a>(
        &self,
        i: usize,
        j: usize,
        within: impl FnOnce(usize) -> &'a [u64],
    ) -> f64 {
        let (short, long) = if self.copies[i].len() <= self.copies[j].len() {
            (i, j)
        } else {
            (j, i)
        };
        let lead = &self.leads[short];
        if lead.is_empty() {
            return 0.0;
        }
        let other = within(long);
        let found = lead
            .iter()
            .filter(|h| other.binary_search(h).is_ok())
            .count();
        found as f64 / lead.len() as f64
    }

    /// The terms of the corpus that are numbers ([`shingles::number_hashes`]).
    pub fn numbers(&self) -> &AHashSet<u64> {
        &self.numbers
    }

    /// The TF-IDF vectors of the words without each text's stop words
    /// (`StopWords::ByLanguage`; whole words, not stems: `relate`'s cosine).
    pub fn stop_vectors(&self) -> &[SparseVector] {
        &self.stop
    }

    /// The features ([`FEATURES`]) of documents `i` and `j` (a [`PairScorer`] of its own;
    /// take one for many pairs).
    pub fn features(&self, i: usize, j: usize) -> [f64; 4] {
        self.scorer().features(i, j)
    }

    /// A scorer of pairs of these documents, for one thread: it holds the stem weights of
    /// the last first document it was given, so the pairs of a row are scored without
    /// reading that document again.
    pub fn scorer(&self) -> PairScorer<'_> {
        PairScorer {
            docs: self,
            row: vec![(0.0, 0.0); self.stems],
            current: None,
        }
    }

    /// The cosine of the names and numbers of documents `i` and `j` when they are in two
    /// languages (both known), else 0.0: what articles in two languages share.
    fn names_across(&self, i: usize, j: usize) -> f64 {
        let (a, b) = (self.languages[i], self.languages[j]);
        if a == 0 || b == 0 || a == b || self.names.is_empty() {
            return 0.0;
        }
        f64::from(super::relate::dot(&self.names[i], &self.names[j]))
    }

    /// The story score of documents `i` and `j` (with their own copy floor, [`Self::copies`];
    /// a [`PairScorer`] of its own: take one for many pairs).
    pub fn score(&self, i: usize, j: usize) -> f64 {
        self.scorer().score(i, j)
    }
}

/// Scores pairs of [`StoryDocs`] by rows: the stem weights of the first document of a
/// pair are spread over a table with a slot for every stem of the corpus, and each second
/// document's stems are looked up there, in their order, with no branch: a look-up a stem
/// of one document, where a merge of two sorted lists steps through both and each step
/// waits for the last. The sums are those of the merge, term for term in stem order.
pub struct PairScorer<'a> {
    docs: &'a StoryDocs,
    /// `(weight among all stems, among those not stop words)` of each stem of `current`,
    /// `(0.0, 0.0)` elsewhere (a present stem weighs more than 0 among all).
    row: Vec<(f32, f32)>,
    current: Option<usize>,
}

impl<'a> PairScorer<'a> {
    /// The documents it scores.
    pub fn docs(&self) -> &'a StoryDocs {
        self.docs
    }

    /// Spread document `i` over the row (clearing the last one's stems).
    fn load(&mut self, i: usize) {
        if self.current == Some(i) {
            return;
        }
        let both = &self.docs.both;
        if let Some(c) = self.current.take() {
            for &(t, _, _) in &both[c] {
                self.row[t as usize] = (0.0, 0.0);
            }
        }
        for &(t, plain, stop) in &both[i] {
            self.row[t as usize] = (plain, stop);
        }
        self.current = Some(i);
    }

    /// The features ([`FEATURES`]) of documents `i` and `j`; fastest when consecutive
    /// calls share `i`.
    pub fn features(&mut self, i: usize, j: usize) -> [f64; 4] {
        self.load(i);
        let (mut plain, mut stop, mut shared) = (0.0f32, 0.0f32, 0);
        for &(t, pb, sb) in &self.docs.both[j] {
            let (pa, sa) = self.row[t as usize];
            plain += pa * pb;
            stop += sa * sb;
            shared += usize::from(pa > 0.0);
        }
        let words = Overlap {
            intersection: shared,
            a: self.docs.both[i].len(),
            b: self.docs.both[j].len(),
        };
        [
            f64::from(stop),
            f64::from(plain),
            words.jaccard(),
            self.docs.names_across(i, j),
        ]
        .map(|s| s.clamp(0.0, 1.0).sqrt())
    }

    /// The story score of documents `i` and `j` (with their own copy floor,
    /// [`StoryDocs::copies`]). The floor is read only when it could lift the score: a
    /// Jaccard is at most the smaller set's size over the larger's, so two sets of unlike
    /// sizes need no merge.
    pub fn score(&mut self, i: usize, j: usize) -> f64 {
        let base = score_of(self.features(i, j), 0.0);
        let copies = &self.docs.copies;
        let (a, b) = (copies[i].len(), copies[j].len());
        let most = if a.max(b) == 0 {
            0.0
        } else {
            a.min(b) as f64 / a.max(b) as f64
        };
        if most <= base {
            base
        } else {
            base.max(self.docs.copies(i, j))
        }
    }

    /// The story score of documents `i` and `j` with the copy floor given: the overlap of
    /// their word 3-gram sets when the caller has merged them, else no floor. `relate`'s
    /// search has that overlap for the pairs that may be copies or retellings (found by
    /// their shingles, or at a cosine of a same story); for the others (two thirds of
    /// its candidates, whose floor lifted 0.1% of them, never to a label) the merge of
    /// two 3-gram sets would cost more than the score itself.
    pub fn score_with(&mut self, i: usize, j: usize, copies: Option<Overlap>) -> f64 {
        let base = score_of(self.features(i, j), 0.0);
        copies.map_or(base, |o| base.max(o.jaccard()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORT: &str = "Dock workers at the port of Hamburg went on strike on Monday over pay, \
        halting container traffic; the union said the walkout would last two days while \
        talks with the port operators resumed.";
    const PORT2: &str = "A two-day strike by Hamburg dock workers over pay stopped container \
        traffic at the port on Monday, the union said, as talks with the operators resumed.";
    const FLOOD: &str = "Heavy rain flooded streets in Essen overnight, and firefighters \
        pumped water from hundreds of cellars; the city said schools would stay closed on \
        Tuesday while the river level falls.";
    const FLOOD2: &str = "Firefighters in Essen pumped out hundreds of flooded cellars after \
        a night of heavy rain, and schools stay closed on Tuesday, the city said.";

    #[test]
    fn names_and_numbers_tie_two_languages_and_only_two() {
        let en = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday, and \
            the two leaders agreed on a 2.5 billion euro plan for the Airbus plant in Toulouse, \
            the French presidency said in a statement after the talks.";
        let de = "Bundeskanzler Olaf Scholz hat am Montag in Paris Präsident Emmanuel Macron \
            getroffen. Die beiden einigten sich auf einen Plan über 2.5 Milliarden Euro für das \
            Airbus-Werk in Toulouse, wie der Élysée-Palast nach den Gesprächen mitteilte.";
        let de_other = "Die Bahn hat am Dienstag in Hamburg neue Fahrpläne vorgestellt, die ab \
            Dezember gelten sollen. Die Gewerkschaft kritisierte die Pläne und kündigte \
            Gespräche mit dem Vorstand des Unternehmens in Berlin an.";
        let table =
            "Shr profit 15 cts vs profit four cts\n Annual div 72 cts vs 72 cts prior yr\n \
            Net profit 72,000 vs profit 16,000\n Revs 7,075,000 vs 2,330,000\n 12 mths\n \
            Shr profit 42 cts vs loss 11 cts\n Net profit 152,000 vs loss 41,000";
        let results = "Feyenoord Rotterdam 3 Volendam 0\nNEC Nijmegen 0 AZ Alkmaar 0\n\
            Vitesse Arnhem 1 Utrecht 0\nTwente Enschede 1 Roda JC 1\nPSV Eindhoven 4 \
            Groningen 1\nGraafschap Doetinchem 3 RKC Waalwijk 2\nNAC Breda 1 Sparta 2";
        let texts = [
            Some(en),
            Some(de),
            Some(de_other),
            Some(table),
            Some(results),
        ];
        let docs = StoryDocs::new(&texts);
        assert_eq!(
            &docs.languages[..3],
            &[2, 1, 1],
            "en, de, de (numbered as de, en)"
        );
        // The detector may call the tables French or Dutch; they are no prose: no language.
        assert_eq!(&docs.languages[3..], &[0, 0]);
        let report = docs.features(0, 1)[3];
        assert!(report > 0.4, "{report}");
        assert!(docs.features(0, 2)[3] < 0.2 && docs.features(1, 2)[3] == 0.0);
        assert!(docs.score(0, 1) > docs.score(0, 2) + 0.1);
        // One language in the corpus: no vectors of names at all.
        let one = StoryDocs::new(&[Some(en), Some(table), None]);
        assert!(one.names.is_empty() && one.features(0, 1)[3] == 0.0);
    }

    #[test]
    fn one_story_scores_above_two() {
        let texts = [Some(PORT), Some(PORT2), Some(FLOOD), Some(FLOOD2), None];
        let docs = StoryDocs::new(&texts);
        let same = score_of(docs.features(0, 1), 0.0);
        let other = score_of(docs.features(0, 2), 0.0);
        assert!(same > 0.5 && other < 0.2, "{same} {other}");
        assert!(score_of(docs.features(2, 3), 0.0) > 0.5);
        // Copies score 1; missing texts 0 (all features 0).
        assert!((docs.copies(0, 0) - 1.0).abs() < 1e-12);
        assert!((docs.score(0, 0) - 1.0).abs() < 1e-12);
        assert!(docs
            .features(0, 4)
            .iter()
            .all(|&f| (0.0..1e-12).contains(&f)));
        let f = docs.features(0, 1);
        assert!(f.iter().all(|x| (0.0..=1.0).contains(x)));
        assert!(
            f[0] > f[2],
            "cosine of topic words above plain word Jaccard: {f:?}"
        );
    }

    #[test]
    fn one_pass_gives_each_vectors_own_cosine_and_the_floor_is_read_when_it_counts() {
        let copy = format!("{PORT} More later.");
        let texts = [
            Some(PORT),
            Some(PORT2),
            Some(FLOOD),
            Some(FLOOD2),
            Some(copy.as_str()),
            Some("Die Hafenarbeiter in Hamburg streiken."),
            None,
        ];
        let docs = StoryDocs::new(&texts);
        // The stem vectors without stop words, made the plain way: each text's stems of
        // the words not stop words, fitted and weighted as any other terms.
        let opts = Options::matching_key();
        let kept: Vec<Vec<u64>> = texts
            .iter()
            .map(|t| {
                t.map_or_else(Vec::new, |t| {
                    let (words, stems) = shingles::word_and_stem_hashes(&normalize(t, &opts).text);
                    let list = stopwords::StopWords::ByLanguage.for_text(t).unwrap();
                    let stop: Vec<bool> = words.iter().map(|w| list.contains(w)).collect();
                    not_stop(&stems, &stop)
                })
            })
            .collect();
        let stem_stop = Tfidf::fit_counting(&kept, present(&texts)).vectors(&kept);
        for i in 0..texts.len() {
            for j in 0..texts.len() {
                let f = docs.features(i, j);
                let stop = crate::similarity::relate::dot(&stem_stop[i], &stem_stop[j]);
                // Bit for bit, as two separate merges gave them.
                let expected = f64::from(stop).clamp(0.0, 1.0).sqrt();
                assert_eq!(f[0].to_bits(), expected.to_bits());
                let floored = score_of(f, docs.copies(i, j));
                assert_eq!(docs.score(i, j).to_bits(), floored.to_bits());
            }
        }
        // The copy is one story with its original through the floor.
        assert!(docs.score(0, 4) >= docs.copies(0, 4) && docs.copies(0, 4) > 0.8);
        // One scorer over pairs in any order (rows repeated, left and come back to) gives
        // each pair the bits of a scorer of its own: a row's stems are cleared for the next.
        let mut scorer = docs.scorer();
        for (i, j) in [
            (0, 1),
            (0, 4),
            (2, 3),
            (0, 1),
            (6, 0),
            (4, 0),
            (4, 4),
            (5, 0),
        ] {
            assert_eq!(scorer.score(i, j).to_bits(), docs.score(i, j).to_bits());
            let base = score_of(docs.features(i, j), 0.0);
            assert_eq!(scorer.score_with(i, j, None).to_bits(), base.to_bits());
            let sets = docs.copy_sets();
            let overlap = Overlap::of(&sets[i], &sets[j]);
            let floored = score_of(docs.features(i, j), overlap.jaccard());
            assert_eq!(
                scorer.score_with(i, j, Some(overlap)).to_bits(),
                floored.to_bits()
            );
        }
    }

    #[test]
    fn the_lead_is_the_set_of_the_first_words_3_grams() {
        for len in [0usize, 1, 2, 3, 10, 49, 50, 51, 120] {
            let text: Vec<String> = (0..len).map(|k| format!("word{}", k % 37)).collect();
            let text = text.join(" ");
            let terms = Terms::of(&text, &text);
            let (words, _) = shingles::word_and_stem_hashes(&text);
            let first = &words[..words.len().min(LEAD_WORDS)];
            let want = shingles::into_set(shingles::word_ngrams(first, COPY_NGRAM));
            assert_eq!(&*terms.lead, want.as_slice(), "{len} words");
        }
    }

    #[test]
    fn the_score_is_clipped_and_floored() {
        let close = |x: f64, y: f64| (x - y).abs() < 1e-12;
        // Nothing shared: 0, not the intercept; a little shared: about the intercept.
        assert!(close(score_of([0.0; 4], 0.0), 0.0));
        assert!(
            (score_of([1e-9, 0.0, 0.0, 0.0], 0.0) - (WEIGHTS.intercept + 4.0) / 3.0).abs() < 1e-6
        );
        assert!(close(score_of([0.0; 4], 0.9), 0.9));
        assert!(close(score_of([1.0, 1.0, 0.0, 0.0], 0.0), 1.0));
        assert!(close(score_of([0.0, 0.0, 1.0, 0.0], 0.0), 0.0));
    }
}
