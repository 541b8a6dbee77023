//! Similarity: shingles, exact scores, MinHash, LSH, near-duplicate pairs and clusters.
//!
//! Everything works on the normalization's matching key (`Options::matching_key`), so
//! markup, typography, case and accents never make two copies of an article look different.

pub mod align;
pub mod anchors;
pub mod exact;
pub mod groups;
pub mod junk;
pub mod lsh;
pub mod minhash;
pub mod paired;
pub mod relate;
pub mod shingles;
pub mod stopwords;
pub mod story;

use crate::normalize::{normalize, Options};
use exact::Overlap;
use minhash::{MinHasher, EMPTY};
use rayon::prelude::*;
use shingles::{shingle_set, Shingle};

/// The shingle set of each text's matching key (empty for a missing text).
pub fn shingle_corpus(texts: &[Option<&str>], kind: Shingle) -> Vec<Vec<u64>> {
    texts
        .par_iter()
        .map(|t| t.map_or_else(Vec::new, |t| shingle_text(t, kind)))
        .collect()
}

/// The shingle set of one text's matching key.
pub fn shingle_text(text: &str, kind: Shingle) -> Vec<u64> {
    shingle_set(&normalize(text, &Options::matching_key()).text, kind)
}

/// One text's matching key, or `None` when the text is junk ([`junk::junk`] with
/// `junk_min_words`, when given): what [`relate::relate_corpus`] takes.
pub fn key_unless_junk(text: &str, junk_min_words: Option<usize>) -> Option<String> {
    let key = normalize(text, &Options::matching_key()).text;
    junk_min_words
        .is_none_or(|m| junk::junk(&key, m).is_none())
        .then_some(key)
}

/// The term hashes of each text's matching key, repeats kept (for TF-IDF), less the
/// stop words of that text ([`stopwords::StopWords::for_text`]).
pub fn term_corpus(texts: &[Option<&str>], stop_words: &stopwords::StopWords) -> Vec<Vec<u64>> {
    let opts = Options::matching_key();
    texts
        .par_iter()
        .map(|t| {
            t.map_or_else(Vec::new, |t| {
                let mut terms = shingles::word_hashes(&normalize(t, &opts).text);
                if let Some(stop) = stop_words.for_text(t) {
                    terms.retain(|h| !stop.contains(h));
                }
                terms
            })
        })
        .collect()
}

/// L2-normalised TF-IDF vectors of `texts` ([`term_corpus`] less `stop_words`), idf from
/// the texts themselves.
pub fn tfidf_vectors(
    texts: &[Option<&str>],
    stop_words: &stopwords::StopWords,
) -> Vec<exact::SparseVector> {
    let terms = term_corpus(texts, stop_words);
    exact::Tfidf::fit(&terms).vectors(&terms)
}

/// Signatures of all shingle sets, row-major (`num_perm` values a document).
pub fn signatures(shingles: &[Vec<u64>], hasher: &MinHasher) -> Vec<u32> {
    let k = hasher.num_perm();
    let mut out = vec![EMPTY; shingles.len() * k];
    if k == 0 {
        return out;
    }
    out.par_chunks_mut(k)
        .zip(shingles.par_iter())
        .for_each(|(row, s)| hasher.signature_into(s, row));
    out
}

/// For each document, the first document with the same matching key (itself when no
/// earlier one has it). `keys` holds a 128-bit hash of each matching key, `None` for a
/// document with no shingles (it stands alone: empty texts pair with nothing).
///
/// Thousands of copies of one page (a "page not found" text in a crawl) are then one
/// document for LSH: its buckets stay small, so time and memory do not grow with the
/// square of the copies.
pub fn first_of_same(keys: &[Option<u128>]) -> Vec<u32> {
    let mut first: ahash::AHashMap<u128, u32> = ahash::AHashMap::with_capacity(keys.len());
    keys.iter()
        .enumerate()
        .map(|(d, k)| match k {
            Some(k) => *first.entry(*k).or_insert(d as u32),
            None => d as u32,
        })
        .collect()
}

/// The hash [`first_of_same`] compares: of a matching key, `None` when it has no shingles.
pub fn key_hash(matching_key: &str, has_shingles: bool) -> Option<u128> {
    has_shingles.then(|| xxhash_rust::xxh3::xxh3_128(matching_key.as_bytes()))
}

/// Pairs of each document with the first document of its matching key (see
/// [`first_of_same`]): identical shingle sets, so every score is 1 (Jaccard and
/// containments NaN without `verify`, as for other unverified pairs).
pub fn same_key_pairs(first: &[u32], verify: bool) -> Vec<Pair> {
    let exact = if verify { 1.0 } else { f64::NAN };
    first
        .iter()
        .enumerate()
        .filter(|&(d, &f)| f as usize != d)
        .map(|(d, &f)| Pair {
            a: f,
            b: d as u32,
            estimate: 1.0,
            jaccard: exact,
            a_in_b: exact,
            b_in_a: exact,
        })
        .collect()
}

/// Near-duplicate candidates of a corpus from its band keys alone (in parts of consecutive
/// documents, as [`groups::candidates_of_all_keys`] reads them; `live[d]` false for a
/// document with no shingles) and matching-key hashes, as
/// `near_duplicates` finds them from signatures: each copy paired with its key's first
/// document (estimate 1), and the first copies that share a band (estimate NaN: the caller
/// scores them), sorted by `(a, b)`. For a caller that streams a corpus and keeps 8 bytes a
/// band a document instead of its signature.
pub fn pairs_of_band_keys(
    band_keys: &[&[u64]],
    bands: usize,
    live: &[bool],
    keys: &[Option<u128>],
) -> Vec<Pair> {
    let first = first_of_same(keys);
    let docs: Vec<u32> = (0..first.len() as u32)
        .filter(|&d| first[d as usize] == d && live[d as usize])
        .collect();
    let found = groups::candidates_of_all_keys(band_keys, bands, &docs, usize::MAX).pairs;
    let mut pairs: Vec<Pair> = found
        .into_iter()
        .map(|(a, b)| Pair {
            a,
            b,
            estimate: f64::NAN,
            jaccard: f64::NAN,
            a_in_b: f64::NAN,
            b_in_a: f64::NAN,
        })
        .collect();
    pairs.extend(same_key_pairs(&first, false));
    pairs.sort_unstable_by_key(|p| (p.a, p.b));
    pairs
}

/// Candidate pairs `(a, b)`, `a < b`: documents sharing at least one band. Documents with
/// no shingles are never candidates.
///
/// The band keys of each document are computed in one pass over its signature (the matrix
/// is read once, in order), then each band's documents are sorted by key so that equal keys
/// sit together.
pub fn candidate_pairs(
    signatures: &[u32],
    num_perm: usize,
    bands: usize,
    rows: usize,
) -> Vec<(u32, u32)> {
    let n = signatures.len().checked_div(num_perm).unwrap_or(0);
    let all: Vec<u32> = (0..n as u32).collect();
    candidate_pairs_among(signatures, num_perm, bands, rows, &all)
}

/// [`candidate_pairs`] among the documents `docs` only (in increasing order).
pub fn candidate_pairs_among(
    signatures: &[u32],
    num_perm: usize,
    bands: usize,
    rows: usize,
    docs: &[u32],
) -> Vec<(u32, u32)> {
    groups::candidates(signatures, num_perm, bands, rows, docs, usize::MAX).pairs
}

/// A scored pair of documents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
    /// MinHash estimate of the Jaccard similarity.
    pub estimate: f64,
    /// Exact Jaccard of the shingle sets (NaN when not verified).
    pub jaccard: f64,
    /// Share of `a`'s shingles in `b`, and of `b`'s in `a` (NaN when not verified).
    pub a_in_b: f64,
    pub b_in_a: f64,
}

/// Near-duplicate pairs: LSH candidates, kept when their exact Jaccard (or, without
/// `verify`, their estimate) reaches `threshold`. Sorted by `(a, b)`.
///
/// Documents with the same matching key (`keys`, see [`first_of_same`]) are one document
/// for LSH: each later copy is paired with the first one only, and only the first one is
/// paired with other documents.
#[allow(clippy::too_many_arguments)]
pub fn near_duplicates(
    shingles: &[Vec<u64>],
    keys: &[Option<u128>],
    signatures: &[u32],
    num_perm: usize,
    bands: usize,
    rows: usize,
    threshold: f64,
    verify: bool,
) -> Vec<Pair> {
    let first = first_of_same(keys);
    let firsts: Vec<u32> = (0..first.len() as u32)
        .filter(|&d| first[d as usize] == d)
        .collect();
    let pairs = candidate_pairs_among(signatures, num_perm, bands, rows, &firsts);
    let mut out = score_pairs(&pairs, shingles, signatures, num_perm, threshold, verify);
    out.extend(same_key_pairs(&first, verify));
    out.sort_unstable_by_key(|p| (p.a, p.b));
    out
}

/// Score candidate pairs and keep those reaching `threshold`: exactly from the shingle sets
/// with `verify` (only the sets of documents in a pair are read, so the others may be
/// left empty), else on the MinHash estimate. In the order of `pairs`.
pub fn score_pairs(
    pairs: &[(u32, u32)],
    shingles: &[Vec<u64>],
    signatures: &[u32],
    num_perm: usize,
    threshold: f64,
    verify: bool,
) -> Vec<Pair> {
    let sig = |d: u32| &signatures[d as usize * num_perm..(d as usize + 1) * num_perm];
    pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let estimate = minhash::estimate(sig(a), sig(b));
            if verify {
                let o = Overlap::of(&shingles[a as usize], &shingles[b as usize]);
                let jaccard = o.jaccard();
                (jaccard >= threshold).then_some(Pair {
                    a,
                    b,
                    estimate,
                    jaccard,
                    a_in_b: o.containment_a_in_b(),
                    b_in_a: o.containment_b_in_a(),
                })
            } else {
                (estimate >= threshold).then_some(Pair {
                    a,
                    b,
                    estimate,
                    jaccard: f64::NAN,
                    a_in_b: f64::NAN,
                    b_in_a: f64::NAN,
                })
            }
        })
        .collect()
}

/// The root of `x` in a union-find forest, halving paths on the way.
fn find_root(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
}

/// Union of the sets of `a` and `b` (false when already one); the root is the
/// better-ranked document, so it is the representative.
fn union(parent: &mut [u32], rank: &[u32], a: u32, b: u32) -> bool {
    let (ra, rb) = (find_root(parent, a), find_root(parent, b));
    if ra == rb {
        return false;
    }
    let (keep, join) = if (rank[ra as usize], ra) <= (rank[rb as usize], rb) {
        (ra, rb)
    } else {
        (rb, ra)
    };
    parent[join as usize] = keep;
    true
}

/// Each document's partners in `pairs`.
fn neighbours(n: usize, pairs: &[(u32, u32)]) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in pairs {
        out[a as usize].push(b);
        out[b as usize].push(a);
    }
    out
}

/// How pairs become clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterMethod {
    /// Connected components (union-find): A–B and B–C put A and C together, even when A and
    /// C are unrelated (chaining).
    Connected,
    /// Centers: documents in `rank` order; each one not yet placed becomes a center and takes
    /// every unplaced document paired with it directly. No chaining: every member is similar
    /// to its center.
    Center,
}

/// A cluster id a document: the index of the cluster's representative, the member with the
/// lowest `rank` (e.g. the longest or earliest article). A document in no pair is its own
/// cluster.
pub fn clusters(n: usize, pairs: &[(u32, u32)], rank: &[u32], method: ClusterMethod) -> Vec<u32> {
    assert_eq!(rank.len(), n, "one rank a document");
    match method {
        ClusterMethod::Connected => {
            let mut parent: Vec<u32> = (0..n as u32).collect();
            for &(a, b) in pairs {
                union(&mut parent, rank, a, b);
            }
            (0..n as u32).map(|x| find_root(&mut parent, x)).collect()
        }
        ClusterMethod::Center => {
            let neighbours = neighbours(n, pairs);
            let mut order: Vec<u32> = (0..n as u32).collect();
            order.sort_by_key(|&d| (rank[d as usize], d));
            let mut cluster = vec![u32::MAX; n];
            for &center in &order {
                if cluster[center as usize] != u32::MAX {
                    continue;
                }
                cluster[center as usize] = center;
                for &m in &neighbours[center as usize] {
                    if cluster[m as usize] == u32::MAX {
                        cluster[m as usize] = center;
                    }
                }
            }
            cluster
        }
    }
}

/// [`clusters`] where documents with the same matching key (`first`, from
/// [`first_of_same`]) are one unit: they always share a cluster, and pairs need name only
/// the first of each (as [`near_duplicates`] gives them). The representative is still the
/// best-ranked member of the whole cluster.
pub fn clusters_of_copies(
    first: &[u32],
    pairs: &[(u32, u32)],
    rank: &[u32],
    method: ClusterMethod,
) -> Vec<u32> {
    let n = first.len();
    let (best, unit_rank) = groups::unit_ranks(first, rank);
    let unit_pairs: Vec<(u32, u32)> = pairs
        .iter()
        .map(|&(a, b)| (first[a as usize], first[b as usize]))
        .filter(|(a, b)| a != b)
        .collect();
    let unit_cluster = clusters(n, &unit_pairs, &unit_rank, method);
    (0..n)
        .map(|d| best[unit_cluster[first[d] as usize] as usize])
        .collect()
}

/// A possible merge in [`average_linkage`], one integer so that the heap compares once:
/// the average similarity as an integer key in the high 64 bits, then the complements of
/// the two clusters' ids (lower ids first on ties). 16 bytes: the heap is most of the
/// clustering's memory traffic.
type MergeCandidate = u128;

fn merge_candidate(key: u64, a: u32, b: u32) -> MergeCandidate {
    (u128::from(key) << 64) | (u128::from(!a) << 32) | u128::from(!b)
}

/// The key and the two clusters of a [`MergeCandidate`].
fn merge_parts(c: MergeCandidate) -> (u64, u32, u32) {
    ((c >> 64) as u64, !((c >> 32) as u32), !(c as u32))
}

/// Average-linkage clusters of a sparse similarity graph: clusters merge, best pair first,
/// while the average similarity of all pairs of documents between them is at least
/// `threshold` (a pair with no edge counts as 0) and one pair of them at least scores
/// `min_link` or more. So two stories joined by one shared document stay apart unless most
/// of their documents are alike (no chaining), a broad story whose articles are each close
/// to many others still forms, and two articles (or groups) that are only weakly alike do
/// not become a story of their own because nothing closer claimed them (0 for `min_link`:
/// the average alone decides).
///
/// With `anchors` (see [`anchors::Anchors`]), two clusters merge only when at least its
/// `share` of their documents together name one same name: articles alike only in their
/// subject's words (growth and rates in six countries) are no story.
///
/// `edges` are `(a, b, similarity)`; the representative of each cluster (the value given
/// to every member) is its member with the lowest `rank` (then the lowest position).
/// Merging the smaller adjacency into the larger keeps the work near `E log E` for `E`
/// edges. When `cancel` is set it stops early (the result is then incomplete).
pub fn average_linkage(
    n: usize,
    edges: &[(u32, u32, f32)],
    threshold: f64,
    min_link: f32,
    anchors: Option<&anchors::Anchors>,
    rank: &[u32],
    cancel: &crate::cancel::Cancel,
) -> Vec<u32> {
    let first: Vec<u32> = (0..n as u32).collect();
    average_linkage_of_copies(&first, edges, threshold, min_link, anchors, rank, cancel)
}

/// An average similarity as the integer key [`average_linkage`]'s candidates are ordered by.
fn average_key(avg: f64) -> u64 {
    (avg * 1e12) as u64
}

/// The key of the average similarity over `link` between two clusters of `a` and `b`
/// documents.
fn link_key(link: Link, a: u64, b: u64) -> u64 {
    average_key(link.sum() / (a * b) as f64)
}

/// The key of the average similarity between clusters `a` and `b` (`None` when no pair of
/// their documents is linked), from [`average_linkage`]'s links and cluster sizes.
fn pair_key(
    adjacent: &[ahash::AHashMap<u32, Link>],
    size: &[u64],
    a: usize,
    b: usize,
) -> Option<u64> {
    adjacent[a]
        .get(&(b as u32))
        .map(|&link| link_key(link, size[a], size[b]))
}

/// What [`average_linkage`] keeps of the pairs between two clusters, in 8 bytes: the sum
/// of their similarities (each weighted by its copies), its sign bit set when one of them
/// at least reached `min_link` (similarities are never negative, so the sign is free).
#[derive(Clone, Copy, Default)]
struct Link(f64);

impl Link {
    fn new(sum: f64, strong: bool) -> Self {
        Link(if strong { -sum } else { sum })
    }

    fn sum(self) -> f64 {
        self.0.abs()
    }

    fn strong(self) -> bool {
        self.0.is_sign_negative()
    }

    fn add(&mut self, other: Link) {
        *self = Link::new(self.sum() + other.sum(), self.strong() || other.strong());
    }
}

/// [`average_linkage`] where the copies of each text (`first`, see
/// `relate::first_of_identical`) are one unit of their number of documents: an edge of
/// the first stands for the same similarity between every copy on each side (pairs name
/// the first of each; pairs with a later copy are ignored), and copies share a cluster.
/// The result is that of the documents themselves, without the square of the copies.
pub fn average_linkage_of_copies(
    first: &[u32],
    edges: &[(u32, u32, f32)],
    threshold: f64,
    min_link: f32,
    anchors: Option<&anchors::Anchors>,
    rank: &[u32],
    cancel: &crate::cancel::Cancel,
) -> Vec<u32> {
    use std::collections::BinaryHeap;
    let n = first.len();
    assert_eq!(rank.len(), n, "one rank a document");
    let mut size = vec![1u64; n];
    for (d, &f) in first.iter().enumerate() {
        if f as usize != d {
            size[f as usize] += 1;
        }
    }
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut named = anchors
        .filter(|a| a.share > 0.0)
        .map(|a| anchors::AnchorState::new(a, &size));
    // The links between two clusters (the sum of their similarities, and whether one
    // reaches `min_link`), by cluster id, for each cluster.
    let mut adjacent: Vec<ahash::AHashMap<u32, Link>> = vec![ahash::AHashMap::new(); n];
    for &(a, b, w) in edges {
        let is_first = |d: u32| first[d as usize] == d;
        if a == b || !is_first(a) || !is_first(b) {
            continue;
        }
        let link = Link::new(
            f64::from(w) * (size[a as usize] * size[b as usize]) as f64,
            w >= min_link,
        );
        adjacent[a as usize].entry(b).or_default().add(link);
        adjacent[b as usize].entry(a).or_default().add(link);
    }
    // Max-heap of (average, then the lower ids first). A candidate is stale when a side
    // has merged away or the pair's average is no longer its key (see the loop).
    let min_key = average_key(threshold);
    let names_not_asked = average_key(anchors::NAMES_NOT_ASKED);
    // Only pairs at or above the threshold, with a strong link, are candidates: a pair
    // whose links a merge joins is pushed again at its new average, so one below it now
    // can still enter later.
    // Those of the start are sorted best first and read in order beside a heap of the
    // ones merges make: most of them are stale by the time they come up (a side has
    // merged), and none is sifted through the heap (on the benchmark corpus 435,052 of
    // the 898,662 candidates, for 20,604 merges). The order is the heap's.
    let mut initial: Vec<MergeCandidate> = Vec::new();
    for (a, near) in adjacent.iter().enumerate() {
        for (&b, &link) in near {
            let key = link_key(link, size[a], size[b as usize]);
            if (a as u32) < b && key >= min_key && link.strong() {
                initial.push(merge_candidate(key, a as u32, b));
            }
        }
    }
    initial.par_sort_unstable_by(|x, y| y.cmp(x));
    let mut initial = initial.into_iter().peekable();
    let mut heap: BinaryHeap<MergeCandidate> = BinaryHeap::new();
    // The pairs the names rule turned down, by cluster: asked again once either side has
    // merged (the rule reads only the two clusters).
    let mut declined: Vec<Vec<u32>> = vec![Vec::new(); if named.is_some() { n } else { 0 }];
    let mut popped = 0usize;
    loop {
        let first = match (initial.peek(), heap.peek()) {
            (Some(i), Some(h)) => i >= h,
            (Some(_), None) => true,
            (None, _) => false,
        };
        let next = if first { initial.next() } else { heap.pop() };
        let Some((k, a, b)) = next.map(merge_parts) else {
            break;
        };
        if k < min_key {
            break;
        }
        let (a, b) = (a as usize, b as usize);
        popped += 1;
        if popped % 1024 == 0 && cancel.is_cancelled() {
            break;
        }
        if parent[a] as usize != a || parent[b] as usize != b {
            continue;
        }
        // A merge pushes again only the pairs whose links it joined; a pair whose side grew
        // without gaining a link to the other has a lower average than its key (the same
        // sum over more pairs of documents), and goes back in at that average when it
        // comes up. So every pair at the threshold has a candidate at or above its
        // average, the best one comes up first, and each merge costs the smaller side's
        // links, not the larger's.
        let Some(now) = pair_key(&adjacent, &size, a, b) else {
            continue;
        };
        if now != k {
            if now < k && now >= min_key {
                heap.push(merge_candidate(now, a as u32, b as u32));
            }
            continue;
        }
        // Too few of the two's documents name one same name: no story (the pair comes up
        // again if either side merges with another first), unless they are alike enough
        // to be one article.
        let top = match &named {
            Some(state) => {
                let top = state.top_of(a, b, &size);
                if k < names_not_asked && !state.enough(a, b, top, &size) {
                    declined[a].push(b as u32);
                    declined[b].push(a as u32);
                    continue;
                }
                Some(top)
            }
            None => None,
        };
        // Merge the cluster with fewer neighbours into the other.
        let (keep, gone) = if adjacent[a].len() >= adjacent[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        if let (Some(state), Some(top)) = (&mut named, top) {
            state.merge(keep, gone, top, &size);
        }
        parent[gone] = keep as u32;
        size[keep] += size[gone];
        let moved = std::mem::take(&mut adjacent[gone]);
        adjacent[keep].remove(&(gone as u32));
        let mut asked: Vec<u32> = Vec::with_capacity(moved.len());
        for (e, link) in moved {
            if e as usize == keep {
                continue;
            }
            adjacent[keep].entry(e).or_default().add(link);
            let other = &mut adjacent[e as usize];
            other.remove(&(gone as u32));
            other.entry(keep as u32).or_default().add(link);
            asked.push(e);
        }
        let turned_down =
            !declined.is_empty() && (!declined[keep].is_empty() || !declined[gone].is_empty());
        if turned_down {
            // (A pair the names rule turned down is also a link of its sides, and may have
            // been turned down more than once: each is asked once.)
            asked.append(&mut declined[keep]);
            asked.append(&mut declined[gone]);
            asked.sort_unstable();
            asked.dedup();
        }
        for e in asked {
            let e = e as usize;
            if parent[e] as usize != e || e == keep {
                continue;
            }
            let Some(&link) = adjacent[keep].get(&(e as u32)) else {
                continue;
            };
            let now = link_key(link, size[keep], size[e]);
            if now >= min_key && link.strong() {
                heap.push(merge_candidate(now, keep.min(e) as u32, keep.max(e) as u32));
            }
        }
    }
    // Each chain of parents is walked once: every document on it then points at the root.
    for d in 0..n {
        let mut r = d;
        while parent[r] as usize != r {
            r = parent[r] as usize;
        }
        let mut x = d;
        while x != r {
            let next = parent[x] as usize;
            parent[x] = r as u32;
            x = next;
        }
    }
    let roots: Vec<usize> = (0..n).map(|d| parent[first[d] as usize] as usize).collect();
    let mut best: Vec<u32> = (0..n as u32).collect();
    for d in 0..n {
        let r = roots[d];
        let b = best[r] as usize;
        if (rank[d], d) < (rank[b], b) {
            best[r] = d as u32;
        }
    }
    roots.iter().map(|&r| best[r]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_keys_alone_give_the_pairs_signatures_give() {
        // Documents made of a few bases with words changed, exact copies and empty ones.
        let hasher = minhash::MinHasher::new(128, 1);
        let mut docs: Vec<Vec<u64>> = Vec::new();
        for d in 0..300u64 {
            let base = d % 17;
            let mut shingles: Vec<u64> = (0..40).map(|k| base * 1000 + k).collect();
            if d % 3 == 1 {
                shingles[(d % 40) as usize] = 99_999 + d; // a near copy
            }
            if d % 29 == 0 {
                shingles.clear(); // no shingles
            }
            docs.push(shingles);
        }
        let sigs: Vec<u32> = docs.iter().flat_map(|s| hasher.signature(s)).collect();
        let keys: Vec<Option<u128>> = docs
            .iter()
            .map(|s| (!s.is_empty()).then(|| u128::from(s.iter().sum::<u64>()) + 1))
            .collect();
        let (bands, rows) = (16, 8);
        let first = first_of_same(&keys);
        let firsts: Vec<u32> = (0..300).filter(|&d| first[d as usize] == d).collect();
        let mut want: Vec<(u32, u32, bool)> =
            groups::candidates(&sigs, 128, bands, rows, &firsts, usize::MAX)
                .pairs
                .into_iter()
                .map(|(a, b)| (a, b, false))
                .chain(
                    same_key_pairs(&first, false)
                        .iter()
                        .map(|p| (p.a, p.b, true)),
                )
                .collect();
        want.sort_unstable();
        let (band_keys, live) = lsh::band_keys(&sigs, 128, bands, rows);
        let got: Vec<(u32, u32, bool)> = pairs_of_band_keys(&[&band_keys], bands, &live, &keys)
            .iter()
            .map(|p| (p.a, p.b, !p.estimate.is_nan()))
            .collect();
        assert!(want.len() > 100 && want.iter().any(|p| p.2));
        assert_eq!(got, want);
    }

    #[test]
    fn finds_copies_and_not_strangers() {
        let story = "The council voted on Monday to close the harbour bridge for repairs that will last two years, the mayor said in a statement.";
        let texts = [
            Some(story.to_string()),
            Some(format!("<p>{}</p>", story.replace("said", "<b>said</b>"))),
            Some("Shares in the software maker fell sharply after it disclosed a large data breach affecting customers.".to_string()),
            None,
            Some(String::new()),
            Some(format!("{story} Traffic will be diverted.")),
        ];
        let refs: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
        let sh = shingle_corpus(&refs, Shingle::Words(3));
        assert!(sh[3].is_empty() && sh[4].is_empty());
        let m = MinHasher::new(128, 1);
        let sigs = signatures(&sh, &m);
        let (b, r) = lsh::recall_params(0.8, 128, 0.995);
        let opts = Options::matching_key();
        let keys: Vec<Option<u128>> = refs
            .iter()
            .zip(&sh)
            .map(|(t, s)| key_hash(&normalize(t.unwrap_or(""), &opts).text, !s.is_empty()))
            .collect();
        let pairs = near_duplicates(&sh, &keys, &sigs, 128, b, r, 0.8, true);
        let found: Vec<(u32, u32)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        // 0 and 1 have one matching key: 1 is paired with 0 only.
        assert_eq!(found, vec![(0, 1), (0, 5)]);
        assert!((pairs[0].jaccard - 1.0).abs() < 1e-12);
        assert!(pairs[1].a_in_b > 0.99 && pairs[1].b_in_a < 1.0);
    }

    #[test]
    fn candidates_are_the_pairs_sharing_a_band() {
        // Random signatures over a tiny alphabet, so many bands collide; an empty document
        // (all EMPTY) never pairs. Compared with the definition, pair by pair.
        let (n, k, bands, rows) = (60usize, 12usize, 4usize, 3usize);
        let mut state = 11u64;
        let mut sigs: Vec<u32> = (0..n * k)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                ((state >> 33) % 3) as u32
            })
            .collect();
        sigs[7 * k..8 * k].fill(EMPTY);
        let got = candidate_pairs(&sigs, k, bands, rows);
        let mut want = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                if a == 7 || b == 7 {
                    continue;
                }
                let band = |d: usize, x: usize| &sigs[d * k + x * rows..d * k + (x + 1) * rows];
                if (0..bands).any(|x| band(a, x) == band(b, x)) {
                    want.push((a as u32, b as u32));
                }
            }
        }
        assert!(!want.is_empty());
        assert_eq!(got, want);
        // Band keys are pinned: saved indexes hold buckets made from them.
        assert_eq!(
            lsh::band_key(&[1, 2, 3]),
            xxhash_rust::xxh3::xxh3_64(&[1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0])
        );
        let long: Vec<u32> = (0..40).collect();
        let bytes: Vec<u8> = long.iter().flat_map(|v| v.to_le_bytes()).collect();
        assert_eq!(lsh::band_key(&long), xxhash_rust::xxh3::xxh3_64(&bytes));
    }

    #[test]
    fn clusters_chain_or_not() {
        // 0-1 and 1-2 similar, 0 and 2 not: a chain.
        let pairs = [(0, 1), (1, 2)];
        let rank = [0, 1, 2, 3];
        assert_eq!(
            clusters(4, &pairs, &rank, ClusterMethod::Connected),
            vec![0, 0, 0, 3]
        );
        assert_eq!(
            clusters(4, &pairs, &rank, ClusterMethod::Center),
            vec![0, 0, 2, 3]
        );
        // The representative is the best-ranked member.
        assert_eq!(
            clusters(3, &[(0, 1), (1, 2)], &[2, 0, 1], ClusterMethod::Connected),
            vec![1, 1, 1]
        );
        assert_eq!(
            clusters(3, &[(0, 1), (1, 2)], &[2, 0, 1], ClusterMethod::Center),
            vec![1, 1, 1]
        );
    }

    #[test]
    fn average_linkage_does_not_chain() {
        let never = crate::cancel::Cancel::never();
        // Two tight triangles (0,1,2) and (3,4,5) joined by one weak-ish edge 2-3: single
        // linkage would chain them; average linkage keeps them apart.
        let tri = |a: u32, b: u32, c: u32| [(a, b, 0.6f32), (b, c, 0.6), (a, c, 0.6)];
        let mut edges: Vec<(u32, u32, f32)> =
            tri(0, 1, 2).into_iter().chain(tri(3, 4, 5)).collect();
        edges.push((2, 3, 0.5));
        let rank = [0, 1, 2, 3, 4, 5, 6];
        assert_eq!(
            average_linkage(7, &edges, 0.2, 0.0, None, &rank, never),
            vec![0, 0, 0, 3, 3, 3, 6]
        );
        // A low enough threshold joins them (average 0.5 / 9).
        assert_eq!(
            average_linkage(7, &edges, 0.05, 0.0, None, &rank, never),
            vec![0, 0, 0, 0, 0, 0, 6]
        );
        // The same whatever the order of the edges.
        let mut reversed = edges.clone();
        reversed.reverse();
        assert_eq!(
            average_linkage(7, &reversed, 0.2, 0.0, None, &rank, never),
            average_linkage(7, &edges, 0.2, 0.0, None, &rank, never)
        );
    }

    #[test]
    fn average_linkage_of_copies_is_that_of_the_copies_themselves() {
        let never = crate::cancel::Cancel::never();
        // Documents 0..6 with copies: 6 and 7 of 0, 8 of 3. Edges name firsts only.
        let first = [0, 1, 2, 3, 4, 5, 0, 0, 3];
        let edges = [
            (0, 1, 0.5f32),
            (0, 2, 0.2),
            (1, 2, 0.4),
            (2, 3, 0.3),
            (3, 4, 0.6),
            (4, 5, 0.15),
            (1, 3, 0.1),
        ];
        // The same corpus written out: every copy has its first's edges, copies of one
        // text score 1 with each other.
        let members = |d: u32| -> Vec<u32> { (0..9).filter(|&m| first[m as usize] == d).collect() };
        let mut expanded = Vec::new();
        for &(a, b, w) in &edges {
            for x in members(a) {
                for y in members(b) {
                    expanded.push((x, y, w));
                }
            }
        }
        for d in 0..9u32 {
            for m in members(d) {
                if m > d {
                    expanded.push((d, m, 1.0));
                }
                for m2 in members(d) {
                    if m < m2 && m != d {
                        expanded.push((m, m2, 1.0));
                    }
                }
            }
        }
        let rank: Vec<u32> = (0..9).rev().collect();
        // Names (see `anchors`): each copy names what its first names; 4 names nothing
        // though it writes capitals, 5 writes none.
        let own: [Option<&[u64]>; 6] = [
            Some(&[1]),
            Some(&[1, 2]),
            Some(&[2]),
            Some(&[3]),
            Some(&[]),
            None,
        ];
        let names: Vec<Option<Vec<u64>>> = first
            .iter()
            .map(|&f| own[f as usize].map(<[u64]>::to_vec))
            .collect();
        for threshold in [0.05, 0.1, 0.15, 0.2, 0.3, 0.45] {
            for min_link in [0.0, 0.35, 0.5] {
                assert_eq!(
                    average_linkage_of_copies(
                        &first, &edges, threshold, min_link, None, &rank, never
                    ),
                    average_linkage(9, &expanded, threshold, min_link, None, &rank, never),
                    "threshold {threshold}, min_link {min_link}"
                );
                for share in [0.5, 0.7, 0.9] {
                    let anchors = anchors::Anchors {
                        names: &names,
                        share,
                    };
                    let rule = Some(&anchors);
                    assert_eq!(
                        average_linkage_of_copies(
                            &first, &edges, threshold, min_link, rule, &rank, never
                        ),
                        average_linkage(9, &expanded, threshold, min_link, rule, &rank, never),
                        "threshold {threshold}, min_link {min_link}, share {share}"
                    );
                }
            }
        }
    }

    #[test]
    fn average_linkage_merges_only_over_a_strong_link() {
        let never = crate::cancel::Cancel::never();
        // Two articles alike only weakly (0.3) are no story of their own with a min_link of
        // 0.4, whatever the average threshold.
        let edges = [(0, 1, 0.3f32), (1, 2, 0.5), (0, 2, 0.3)];
        let rank = [0, 1, 2, 3];
        assert_eq!(
            average_linkage(4, &edges[..1], 0.1, 0.4, None, &rank, never),
            vec![0, 1, 2, 3]
        );
        assert_eq!(
            average_linkage(4, &edges[..1], 0.1, 0.0, None, &rank, never),
            vec![0, 0, 2, 3]
        );
        // 1 and 2 merge over their strong pair; 0 has only weak pairs with both, so it
        // stays out, although its average with them (0.3) passes the threshold.
        assert_eq!(
            average_linkage(4, &edges, 0.1, 0.4, None, &rank, never),
            vec![0, 1, 1, 3]
        );
        assert_eq!(
            average_linkage(4, &edges, 0.1, 0.0, None, &rank, never),
            vec![0, 0, 0, 3]
        );
    }

    /// Average linkage the plain way, for small graphs: at each step every pair of
    /// clusters is scored from the edges themselves, and the best allowed pair merges
    /// (by key, then the lower ids, the side with fewer neighbouring clusters merging into
    /// the other, as `average_linkage` numbers its clusters).
    fn plain_average_linkage(
        n: usize,
        edges: &[(u32, u32, f32)],
        threshold: f64,
        min_link: f32,
        names: Option<(&[Option<Vec<u64>>], f64)>,
        rank: &[u32],
    ) -> Vec<u32> {
        let mut members: Vec<Vec<usize>> = (0..n).map(|d| vec![d]).collect();
        let mut cluster: Vec<usize> = (0..n).collect();
        let link = |members: &[Vec<usize>], cluster: &[usize], a: usize, b: usize| {
            let mut found = None;
            for &(x, y, w) in edges {
                let (cx, cy) = (cluster[x as usize], cluster[y as usize]);
                if x != y && ((cx, cy) == (a, b) || (cx, cy) == (b, a)) {
                    let (sum, strong) = found.unwrap_or((0.0, false));
                    found = Some((sum + f64::from(w), strong || w >= min_link));
                }
            }
            found.map(|(sum, strong)| {
                let avg = sum / (members[a].len() * members[b].len()) as f64;
                (average_key(avg), strong)
            })
        };
        let named_enough = |docs: &[usize]| {
            let Some((names, share)) = names else {
                return true;
            };
            let silent = docs.iter().filter(|&&d| names[d].is_none()).count();
            let top = docs
                .iter()
                .filter_map(|&d| names[d].as_deref())
                .flatten()
                .map(|name| {
                    docs.iter()
                        .filter(|&&d| names[d].as_deref().is_some_and(|n| n.contains(name)))
                        .count()
                })
                .max()
                .unwrap_or(0);
            share == 0.0 || (top + silent) as f64 >= share * docs.len() as f64
        };
        loop {
            let alive: Vec<usize> = (0..n).filter(|&c| !members[c].is_empty()).collect();
            let mut best: Option<MergeCandidate> = None;
            for (i, &a) in alive.iter().enumerate() {
                for &b in &alive[i + 1..] {
                    let Some((key, strong)) = link(&members, &cluster, a, b) else {
                        continue;
                    };
                    let both: Vec<usize> = members[a].iter().chain(&members[b]).copied().collect();
                    let asked = key < average_key(anchors::NAMES_NOT_ASKED);
                    if key >= average_key(threshold) && strong && (!asked || named_enough(&both)) {
                        let c = merge_candidate(key, a as u32, b as u32);
                        best = best.max(Some(c));
                    }
                }
            }
            let Some((_, a, b)) = best.map(merge_parts) else {
                break;
            };
            let (a, b) = (a as usize, b as usize);
            let degree = |c: usize| {
                alive
                    .iter()
                    .filter(|&&o| o != c && link(&members, &cluster, c, o).is_some())
                    .count()
            };
            let (keep, gone) = if degree(a) >= degree(b) {
                (a, b)
            } else {
                (b, a)
            };
            for d in std::mem::take(&mut members[gone]) {
                cluster[d] = keep;
                members[keep].push(d);
            }
        }
        (0..n)
            .map(|d| {
                let c = &members[cluster[d]];
                *c.iter().min_by_key(|&&m| (rank[m], m)).expect("a member") as u32
            })
            .collect()
    }

    #[test]
    fn average_linkage_merges_as_the_plain_way_does() {
        let never = crate::cancel::Cancel::never();
        let mut state = 7u64;
        let mut next = |below: u64| minhash::splitmix64(&mut state) % below;
        for case in 0..400 {
            let n = 2 + next(18) as usize;
            // Weights in eighths add up exactly, so both ways see the same averages and
            // ties, which the order of the candidates then decides.
            let edges: Vec<(u32, u32, f32)> = (0..next(3 * n as u64 + 1))
                .map(|_| {
                    let (a, b) = (next(n as u64) as u32, next(n as u64) as u32);
                    (a, b, next(9) as f32 / 8.0)
                })
                .collect();
            let names: Vec<Option<Vec<u64>>> = (0..n)
                .map(|_| match next(6) {
                    0 => None,
                    1 => Some(Vec::new()),
                    _ => {
                        let mut v: Vec<u64> = (0..=next(2)).map(|_| next(4)).collect();
                        v.sort_unstable();
                        v.dedup();
                        Some(v)
                    }
                })
                .collect();
            let rank: Vec<u32> = (0..n).map(|_| next(n as u64) as u32).collect();
            let threshold = [0.05, 0.1, 0.25, 0.4][next(4) as usize];
            let min_link = [0.0, 0.375, 0.5][next(3) as usize];
            for share in [None, Some(0.5), Some(0.8)] {
                let anchors = share.map(|share| anchors::Anchors {
                    names: &names,
                    share,
                });
                assert_eq!(
                    average_linkage(n, &edges, threshold, min_link, anchors.as_ref(), &rank, never),
                    plain_average_linkage(
                        n,
                        &edges,
                        threshold,
                        min_link,
                        share.map(|s| (&names[..], s)),
                        &rank
                    ),
                    "case {case}: {edges:?}, threshold {threshold}, min_link {min_link}, share {share:?}"
                );
            }
        }
    }

    #[test]
    fn average_linkage_needs_a_name_most_articles_write() {
        use super::anchors::{anchor_names, Anchors};
        let never = crate::cancel::Cancel::never();
        // Four reports alike in their subject's words (growth, rates): two on Japan, two on
        // Germany, and every pair scores alike. With the names rule Japan and Germany stay
        // apart; without it all four are one "story".
        let texts = [
            "Growth slowed as Japan reported weak exports and rates held.",
            "Figures showed Japan in recession as rates held and growth slowed.",
            "Growth slowed as Germany reported weak exports and rates held.",
            "Figures showed Germany near recession as rates held and growth slowed.",
            // Caseless (Chinese) texts name nothing: the rule leaves them to the scores.
            "日本经济增长放缓",
            "日本经济陷入衰退",
        ];
        let names: Vec<Option<Vec<u64>>> = texts.iter().map(|t| anchor_names(t)).collect();
        let mut edges = vec![(4, 5, 0.6f32)];
        for a in 0..4u32 {
            for b in a + 1..4 {
                edges.push((a, b, if a / 2 == b / 2 { 0.6 } else { 0.5 }));
            }
        }
        let rank = [0, 1, 2, 3, 4, 5];
        let anchors = Anchors {
            names: &names,
            share: 0.8,
        };
        assert_eq!(
            average_linkage(6, &edges, 0.1, 0.4, Some(&anchors), &rank, never),
            vec![0, 0, 2, 2, 4, 4]
        );
        // Near copies are one story whatever they name (here: nothing, in a text with
        // capitals); alike only as the subject's reports, they stay apart.
        let notices = [
            "Shares fell sharply on heavy selling.",
            "Shares fell sharply on heavy selling, traders said.",
            "Shares rose on light buying.",
        ];
        let notice_names: Vec<Option<Vec<u64>>> = notices.iter().map(|t| anchor_names(t)).collect();
        let notice_anchors = Anchors {
            names: &notice_names,
            share: 0.8,
        };
        let close = [(0, 1, 0.95f32), (0, 2, 0.5), (1, 2, 0.5)];
        assert_eq!(
            average_linkage(
                3,
                &close,
                0.1,
                0.4,
                Some(&notice_anchors),
                &rank[..3],
                never
            ),
            vec![0, 0, 2]
        );
        assert_eq!(
            average_linkage(6, &edges, 0.1, 0.4, None, &rank, never),
            vec![0, 0, 0, 0, 4, 4]
        );
        let off = Anchors {
            names: &names,
            share: 0.0,
        };
        assert_eq!(
            average_linkage(6, &edges, 0.1, 0.4, Some(&off), &rank, never),
            vec![0, 0, 0, 0, 4, 4]
        );
    }

    #[test]
    fn copies_cluster_as_one() {
        // 0, 2 and 3 are copies (first 0); 1 is paired with their first; 4 alone.
        let first = [0, 1, 0, 0, 4];
        let pairs = [(0, 1), (0, 2), (0, 3)];
        for method in [ClusterMethod::Connected, ClusterMethod::Center] {
            // The best-ranked member, a later copy, names the cluster.
            assert_eq!(
                clusters_of_copies(&first, &pairs, &[3, 1, 4, 0, 2], method),
                vec![3, 3, 3, 3, 4]
            );
            // With no copies, the same as `clusters`.
            let rank = [2, 0, 1, 4, 3];
            assert_eq!(
                clusters_of_copies(&[0, 1, 2, 3, 4], &[(0, 1), (1, 2)], &rank, method),
                clusters(5, &[(0, 1), (1, 2)], &rank, method)
            );
        }
        assert_eq!(
            same_key_pairs(&first, true)
                .iter()
                .map(|p| (p.a, p.b, p.jaccard))
                .collect::<Vec<_>>(),
            vec![(0, 2, 1.0), (0, 3, 1.0)]
        );
        assert_eq!(
            first_of_same(&[Some(7), None, Some(7), None, Some(8)]),
            vec![0, 1, 0, 3, 4]
        );
    }
}
